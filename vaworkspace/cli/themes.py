"""`va themes`: the theme names the TUI can use, one per line, for scripts and config.

Importing this module costs nothing beyond argparse: the theme loader is imported
only when the command runs, and it never imports the Textual app.
"""

from __future__ import annotations

import sys

from vaworkspace.i18n import _


def _themes_parser(commands) -> None:
    parser = commands.add_parser(
        "themes",
        help=_("list available theme names, one per line"),
        description=_(
            "List the built-in themes and your own (the *.toml files in the themes/ "
            "folder of the config dir, e.g. ~/.config/vaworkspace/themes on Linux), one "
            "name per line. A broken theme file is reported on stderr and skipped."
        ),
    )
    parser.set_defaults(handler=list_themes)


PARSERS = {
    "themes": _themes_parser,
}
"""The parser of each command this module runs: `va CMD` builds only its own."""


def list_themes(args) -> int:
    """Print valid names on stdout; each problem is a warning on stderr, not a failure.

    Exit 0 even with problems: the TUI also starts with the remaining themes.
    """
    from vaworkspace.display import safe
    from vaworkspace.tui.themes import check_themes

    names, problems = check_themes()
    for problem in problems:
        if problem.path.endswith(".toml"):
            warning = _("{path}: {problem}; skipped")
        else:
            warning = "{path}: {problem}"
        said = warning.format(path=problem.path, problem=problem.message)
        print(_("va: warning: {warning}").format(warning=safe(said)), file=sys.stderr)
    for name in names:
        print(safe(name))
    return 0
