"""What do I really earn: `va report --summary [PERIOD]` and `va rate plan`."""

from __future__ import annotations

from vaworkspace.cli.output import print_json
from vaworkspace.errors import InputError
from vaworkspace.i18n import _, language

SUMMARY_PERIODS = ("day", "week", "month")


def _rate_parser(commands) -> None:
    rate = commands.add_parser(
        "rate", help=_("the hourly rate to charge"), description=_("Work out the rate to charge.")
    )
    sub = rate.add_subparsers(dest="rate_command", metavar="ACTION", required=True)
    plan = sub.add_parser(
        "plan",
        help=_("the minimum hourly rate for the income you want"),
        description=_(
            "The minimum hourly rate, its arithmetic shown line by line: "
            "va rate plan --income 4000/month --billable-share 55%% --weeks-off 6 "
            "--expenses 300/month. Amounts per week, month or year, in your currency."
        ),
    )
    plan.add_argument("--income", required=True, help=_("what you want to earn: 4000/month"))
    plan.add_argument("--billable-share", required=True, help=_("share of hours billed: 55%%"))
    plan.add_argument("--weeks-off", default="0", help=_("holidays and sick days a year: 6"))
    plan.add_argument("--expenses", default="0/year", help=_("business costs: 300/month"))
    plan.add_argument(
        "--hours-week",
        metavar="DURATION",
        help=_("hours worked a week, 40h (default: your [work] hours and days)"),
    )
    plan.add_argument("--json", action="store_true")
    plan.set_defaults(handler=rate_plan)


PARSERS = {"rate": _rate_parser}
"""The parser of each command this module runs: `va CMD` builds only its own."""


def show_summary(ws, args, period) -> int:
    """`va report --summary [PERIOD]`: per currency, billed ÷ every hour worked."""
    from vaworkspace.domain.time.earnings import earnings, earnings_json

    if args.summary:
        if args.summary not in SUMMARY_PERIODS:
            raise InputError(
                _(
                    "--summary '{period}' is not a period; use day, week or month "
                    "(or --from and --to)"
                ).format(period=args.summary)
            )
        args.period = args.summary
    if args.csv:
        raise InputError(_("--summary is text or --json; a CSV timesheet is --csv alone"))
    start, end = period(ws, args)
    found = earnings(ws.time.report(start, end, args.client))
    if args.json:
        print_json(earnings_json(found))
        return 0
    from vaworkspace.display import safe
    from vaworkspace.earnings_text import summary_lines
    from vaworkspace.locale_format import format_day_with_year, is_french

    lang = language()
    first, last = start.astimezone(ws.tz).date(), end.astimezone(ws.tz).date()
    days = (
        (format_day_with_year(first, lang), format_day_with_year(last, lang))
        if is_french(lang)
        else (first, last)
    )
    print(
        _("What you really earned from {first} to {last} (exclusive)").format(
            first=days[0], last=days[1]
        )
    )
    target = ws.config.target_rate_cents
    for line in summary_lines(found, (target, ws.config.currency) if target else None, lang):
        print(safe(line))
    return 0


def rate_plan(args) -> int:
    """The minimum rate, from the income wanted and how the VA works."""
    from vaworkspace.config import load_config
    from vaworkspace.domain.dates import parse_duration
    from vaworkspace.domain.rate_plan import RatePlan, parse_amount, parse_share

    config = load_config()
    weeks_off = args.weeks_off.strip()
    if not weeks_off.isascii() or not weeks_off.isdigit():
        raise InputError(
            _("--weeks-off '{weeks}' must be a whole number of weeks: 6").format(
                weeks=args.weeks_off
            )
        )
    if args.hours_week:
        week_minutes = parse_duration(args.hours_week)
    else:
        work = config.work
        day = (work.end.hour * 60 + work.end.minute) - (work.start.hour * 60 + work.start.minute)
        week_minutes = day * len(work.days)
    plan = RatePlan(
        income=parse_amount(args.income, "--income"),
        expenses=parse_amount(args.expenses, "--expenses"),
        weeks_off=int(weeks_off),
        week_minutes=week_minutes,
        share_basis=parse_share(args.billable_share),
    )
    if args.json:
        print_json(
            {
                config.currency: {
                    "needed_cents": plan.needed_cents,
                    "working_weeks": plan.working_weeks,
                    "billable_hours": plan.billable_hundredths / 100,
                    "minimum_rate_cents": plan.minimum_rate_cents,
                }
            }
        )
        return 0
    from vaworkspace.earnings_text import plan_lines

    print("\n".join(plan_lines(plan, config.currency, language())))
    return 0
