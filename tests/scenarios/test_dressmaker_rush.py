"""A 3-week rush: a dressmaker preparing a fashion show (Thursday 24 December)
buys 15 hours a week, 2 to 3 a day, while the VA's other clients go on."""

from __future__ import annotations

from collections import Counter


def rush(va) -> None:
    va.at("2026-12-07 08:00")
    va("client", "add", "Atelier Rose", "--id", "atelier", "--rate", "50", "--weight", "4")
    va("client", "edit", "atelier", "--budget", "15h/week")
    va("client", "add", "Coach Martin", "--id", "coach", "--rate", "55")
    va.at("2026-12-07 09:00")
    va("add", "Confirm model fittings @atelier due:today 12:00 ~1h !h")
    va("add", "Order fabric swatches @atelier due:tue 17:00 ~2h")
    va("add", "Press kit for the show @atelier due:2026-12-24 ~8h")
    va("add", "Backstage run sheet @atelier due:2026-12-23 ~6h")
    va("add", "Weekly report @coach due:fri 17:00 ~1h")


def test_the_first_day_of_the_rush(va) -> None:
    """Monday 7 December, 09:00. Urgency:

    - #1 fittings, due 12:00, 1h, high: slack 120 → 12.00, + 6 (high), + 1
      (weight 4), + 3 (the week's 15h all left) → 22.00;
    - #2 swatches, due Tue 17:00, 2h: slack 960 − 120 = 840 → 3.00, + 1 + 3 → 7.00;
    - #4 run sheet, due Wed 23 (the end of that day), 6h: 13 working days
      left, 6240 − 360 = 5880 of slack → 0.48, + 1 + 3 → 4.48;
    - #3 press kit, due Thu 24, 8h: 14 days, 6720 − 480 = 6240 → 0.45 → 4.45:
      a day later, so just below the run sheet;
    - #5 the coach's report, due Fri 17:00, 1h: slack 2400 − 60 = 2340 → 1.17.

    The plan of the day: #1 before its noon deadline (09:00-10:00); #2 in two
    pieces, none under 25 minutes (95, a 5-minute break, 25); then the run
    sheet, 100-minute blocks with 15-minute breaks, until 17:00 (255 minutes).
    The 8-hour cap leaves 45 minutes, and no free time is left for #5: it is
    due Friday, the week has room for it.
    """
    rush(va)
    assert va.order() == [(1, 22.0), (2, 7.0), (4, 4.48), (3, 4.45), (5, 1.17)]
    assert va.plan() == (
        [
            (1, "atelier", "Mon 09:00", "Mon 10:00"),
            (2, "atelier", "Mon 10:05", "Mon 11:40"),
            (2, "atelier", "Mon 11:45", "Mon 12:10"),
            (4, "atelier", "Mon 12:15", "Mon 13:55"),
            (4, "atelier", "Mon 14:10", "Mon 15:50"),
            (4, "atelier", "Mon 16:05", "Mon 17:00"),
        ],
        [],
    )


def test_the_first_week_of_the_rush_keeps_to_the_hours_bought(va) -> None:
    """`va plan --days 5`: the atelier's tasks rank first, so their 15 hours
    go first: Monday 7h15 (435 minutes, as above); Tuesday the rest of the
    run sheet (105) and 300 minutes of press kit, which fills the day to
    17:00 with the breaks, leaving the coach's report no 25-minute piece;
    Wednesday the last hour the week has bought (60: 435 + 405 + 60 = 900),
    then the report, two days before it is due. Thursday and Friday have
    nothing more to place: the press kit's last 2 hours wait for next
    week's hours (due in week 3, nothing is at risk)."""
    rush(va)
    blocks, at_risk = va.plan("--days", "5")
    minutes: Counter = Counter()
    for _task, client, start, end in blocks:
        assert start[:3] == end[:3]
        hours = [int(t[4:6]) * 60 + int(t[7:]) for t in (start, end)]
        minutes[start[:3], client] += hours[1] - hours[0]
    assert at_risk == []
    assert dict(minutes) == {
        ("Mon", "atelier"): 435,
        ("Tue", "atelier"): 405,
        ("Wed", "atelier"): 60,
        ("Wed", "coach"): 60,
    }
