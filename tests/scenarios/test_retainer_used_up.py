"""A realtor's weekly retainer is used up by Thursday: their work waits for
next week, unless it is due today."""

from __future__ import annotations


def test_a_retainer_used_up_by_thursday(va) -> None:
    """The realtor buys 6 hours a week; Monday to Wednesday took all 6.
    Thursday 10 December, 09:00. Urgency:

    - #3 monthly invoices @bakery, due Fri 17:00, 1h30: slack 960 − 90 = 870
      → 24 × 120 / 990 = 2.91;
    - #2 open-house flyer @realtor, due today 17:00, 1h: slack 420 → 5.33,
      − 3 (retainer used up) → 2.33;
    - #4 inbox zero, no client, no deadline: 0;
    - #1 listing copy @realtor, no deadline: − 3 → last.

    The plan: the flyer is due today, so it is placed although the retainer
    is used up (the client must hear from the VA; the hour is over budget),
    the listing copy is not. The invoices 09:00-10:30 (most urgent, and the
    flyer still fits later), the flyer 10:35-11:35, inbox zero 11:40-12:10.

    Over five days (Thursday to Monday) Friday has nothing more to place
    (the listing copy waits: the same week), Saturday and Sunday are off, and
    Monday opens a new week with 6 hours: the listing copy, 95 + 25 minutes.
    """
    va.at("2026-12-10 08:00")
    va("client", "add", "Realtor", "--id", "realtor", "--rate", "60", "--budget", "6h/week")
    va("client", "add", "Bakery", "--id", "bakery", "--rate", "40")
    va("log", "2h", "@realtor", "2026-12-07", "--start", "09:00")
    va("log", "2h", "@realtor", "2026-12-08", "--start", "09:00")
    va("log", "2h", "@realtor", "2026-12-09", "--start", "09:00")
    va.at("2026-12-10 09:00")
    va("add", "Listing copy @realtor ~2h")
    va("add", "Open house flyer @realtor due:today 17:00 ~1h")
    va("add", "Monthly invoices @bakery due:fri 17:00 ~1h30")
    va("add", "Inbox zero ~30m")

    assert va.order() == [(3, 2.91), (2, 2.33), (4, 0.0), (1, -3.0)]
    thursday = [
        (3, "bakery", "Thu 09:00", "Thu 10:30"),
        (2, "realtor", "Thu 10:35", "Thu 11:35"),
        (4, None, "Thu 11:40", "Thu 12:10"),
    ]
    assert va.plan() == (thursday, [])
    assert va.plan("--days", "5") == (
        [
            *thursday,
            (1, "realtor", "Mon 09:00", "Mon 10:35"),
            (1, "realtor", "Mon 10:40", "Mon 11:05"),
        ],
        [],
    )
