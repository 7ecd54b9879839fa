"""`va import`: calendars (.ics) and Taskwarrior exports into the workspace, said
as a summary (or JSON)."""

from __future__ import annotations

from vaworkspace.cli import open_workspace
from vaworkspace.cli.output import print_json
from vaworkspace.display import safe
from vaworkspace.i18n import _
from vaworkspace.plan_text import summary_lines


def _import_parser(commands) -> None:
    imp = commands.add_parser(
        "import",
        help=_("import calendars (.ics) or a Taskwarrior export"),
        description=_(
            "Import iCalendar files (events and to-dos) or a Taskwarrior `task export`; "
            "the format is detected from the content. Re-importing updates by UID/uuid instead "
            "of duplicating."
        ),
    )
    imp.add_argument("files", nargs="+", metavar="FILE", help=_("paths, or - for standard input"))
    imp.add_argument("--client", "-c", help=_("calendars: the client these events belong to"))
    imp.add_argument(
        "--dry-run", action="store_true", help=_("show what would change, write nothing")
    )
    imp.add_argument("--theirs", action="store_true", help=_("calendars: overwrite local edits"))
    imp.add_argument("--json", action="store_true", help=_("print the summary as JSON"))
    imp.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help=_("Taskwarrior: list the new clients, each skipped item and each warning"),
    )
    imp.set_defaults(handler=import_file)


PARSERS = {"import": _import_parser}
"""The parser of each command this module runs: `va CMD` builds only its own."""


def import_file(args) -> int:
    from vaworkspace.domain.tasks.imports import ImportSummary
    from vaworkspace.service.inputs import read_import

    ws = open_workspace(args)
    summaries = []
    for path in args.files:
        data, name = read_import(path)
        summaries.append(ws.import_file(data, name, args.client, args.dry_run, args.theirs))
    if args.json:
        print_json([s.as_json() for s in summaries])
        return 0
    for summary in summaries:
        lines = summary_lines(summary)  # a calendar's, always in full
        if isinstance(summary, ImportSummary) and not args.verbose:
            hidden = summary.details()
            lines = [summary.headline() + (_(" (--verbose lists them)") if hidden else "")]
        for line in lines:  # names, UIDs and titles from the file itself
            print(safe(line))
    return 0
