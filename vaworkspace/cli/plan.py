"""`va plan`: the ranked inbox placed into the day's free time as work blocks."""

from __future__ import annotations

from vaworkspace.cli import open_workspace
from vaworkspace.cli.output import print_json
from vaworkspace.display import safe
from vaworkspace.i18n import _, ngettext


def _plan_parser(commands) -> None:
    plan = commands.add_parser(
        "plan",
        help=_("place the most urgent tasks into free time as work blocks"),
        description=_(
            "Tasks due that day first (earliest deadline first, when they can "
            "still make it), then the rest by urgency, inside work hours, around events, "
            "under the daily cap, with pomodoro breaks. Replaces the blocks an earlier plan "
            "wrote; blocks booked by hand stay where they are."
        ),
    )
    plan.add_argument("--day", metavar="DATE", help=_("the first day to plan (default today)"))
    plan.add_argument("--days", type=int, default=1, help=_("how many days (default 1)"))
    plan.add_argument(
        "--buffer",
        type=int,
        metavar="MIN",
        help=_("minutes kept free around each event (default: [plan] buffer, else 10)"),
    )
    plan.add_argument("--dry-run", action="store_true", help=_("show the plan, write nothing"))
    plan.add_argument("--clear", action="store_true", help=_("remove the planned blocks"))
    plan.add_argument("--json", action="store_true")
    plan.set_defaults(handler=plan_days)


PARSERS = {"plan": _plan_parser}
"""The parser of each command this module runs."""


def plan_days(args) -> int:
    from vaworkspace.cli.days import local_day

    ws = open_workspace(args)
    first = local_day(ws, args.day)
    if args.clear:
        gone = ws.plan.clear(first, args.days)
        text = ngettext("Removed {count} planned block", "Removed {count} planned blocks", gone)
        print(text.format(count=gone))
        return 0
    result = ws.plan.plan(first, args.days, write=not args.dry_run, buffer_minutes=args.buffer)
    if args.json:
        print_json(result.as_json())
        return 0
    for line in plan_lines(ws, result):
        print(line)
    return 0


def plan_lines(ws, result) -> list[str]:
    """The plan as text: one line per block, day headings (`Tue 01 Dec`, `mar. 1
    déc.`), then the tasks at risk. Hours stay `09:00`: a column of fixed width."""
    from vaworkspace.i18n import language
    from vaworkspace.locale_format import format_day_year_if_needed
    from vaworkspace.plan_text import risk_reason

    lines: list[str] = []
    shown = None
    for block in result.blocks:
        start = block.start.astimezone(ws.tz)
        if start.date() != shown:
            shown = start.date()
            lines.append(format_day_year_if_needed(shown, ws.tz, ws.now(), language()))
        client = f"@{block.client}  " if block.client else ""
        title = safe(result.titles.get(block.task, ""))
        lines.append(
            f"  {start:%H:%M}–{block.end.astimezone(ws.tz):%H:%M}  {block.task:>4}  "
            f"{safe(client)}{title}"
        )
    if not result.blocks:
        lines.append(_("Nothing to plan: no open task fits the free time"))
    for risk in result.at_risk:
        title = safe(result.titles.get(risk.task, ""))
        reason = safe(risk_reason(risk, ws.tz, ws.now()))
        lines.append(
            _("at risk: {task} {title}: {reason}").format(
                task=risk.task, title=title, reason=reason
            )
        )
    count = len(result.blocks)
    if result.written:
        done = ngettext("Planned {count} block", "Planned {count} blocks", count)
    else:
        done = ngettext(
            "{count} block (dry run: nothing written)",
            "{count} blocks (dry run: nothing written)",
            count,
        )
    lines.append(done.format(count=count))
    return lines
