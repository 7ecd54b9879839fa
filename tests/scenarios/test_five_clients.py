"""Five clients on different rates, weights and retainers, Wednesday 9 December
2026 at 09:00: what goes first, and the day the plan makes of it."""

from __future__ import annotations


def test_five_clients_rates_and_retainers(va) -> None:
    """The clients, and what their retainers say on Wednesday morning:

    - Évelyne (couture, 45 CAD/h, weight 5): no retainer;
    - Coach Martin (55 CAD/h, weight 4): 5h/week, 1h used (Tuesday) → 4h left;
    - Dental clinic (38 EUR/h): 8h/week, 6h used (Monday, Tuesday) → 2h left;
    - Bakery (40 CAD/h, weight 2): 10h/month, all 10 used (1 and 2 Dec);
    - Realtor (60 CAD/h): no retainer.

    Urgency at 09:00 (due = 24 × 120 / (120 + slack), slack = working minutes
    left before the deadline minus the estimate; a client's weight w adds w − 3;
    a retainer adds 3 × the share left when the task has a deadline, and −3
    when it is used up):

    - #4 listing photos @realtor, due 12:00, 1h: slack 180 − 60 = 120 → 12.00;
    - #3 session notes @coach, due Thu 12:00, 1h: slack 480 + 180 − 60 = 600
      → 4.00, + 1 (weight 4), + 3 × 4/5 = 2.40 → 7.40;
    - #5 recall list @dental, due 17:00, 2h: slack 480 − 120 = 360 → 6.00,
      + 3 × 2/8 = 0.75 → 6.75;
    - #2 invoice run @evelyne, due Fri 17:00, 1h: slack 3 × 480 − 60 = 1380
      → 1.92, + 2 (weight 5) → 3.92;
    - #1 newsletter @bakery, due Fri 17:00, 1h: 1.92 − 1 (weight 2) − 3 (used
      up) → −2.08: last, below every other client's deadline.

    The plan: #4 and #5 are due today and both can make it, so they are
    kept. #4 goes first (09:00-10:00). #3 next (10:05, after a 5-minute
    break), though it is due tomorrow: #5 still fits later. #5 (2h) needs two
    pieces (no block is longer than 100 minutes) and none may be shorter than
    25: 95 minutes, a 5-minute break (15 only after a whole 100-minute cycle),
    25 minutes. #2 after a 5-minute break. #1 gets nothing: the bakery's
    retainer is used up and its deadline is not today. 5h planned of 8.
    """
    va.at("2026-12-09 08:00")
    va("client", "add", "Évelyne Couture", "--id", "evelyne", "--rate", "45", "--weight", "5")
    va(
        "client",
        "add",
        "Coach Martin",
        "--id",
        "coach",
        "--rate",
        "55",
        "--weight",
        "4",
        "--budget",
        "5h/week",
    )
    va(
        "client",
        "add",
        "Dental clinic",
        "--id",
        "dental",
        "--rate",
        "38",
        "--currency",
        "EUR",
        "--budget",
        "8h/week",
    )
    va(
        "client",
        "add",
        "Bakery",
        "--id",
        "bakery",
        "--rate",
        "40",
        "--weight",
        "2",
        "--budget",
        "10h/month",
    )
    va("client", "add", "Realtor", "--id", "realtor", "--rate", "60")
    va("log", "5h", "@bakery", "2026-12-01", "--start", "09:00")
    va("log", "5h", "@bakery", "2026-12-02", "--start", "09:00")
    va("log", "3h", "@dental", "2026-12-07", "--start", "09:00")
    va("log", "3h", "@dental", "2026-12-08", "--start", "09:00")
    va("log", "1h", "@coach", "2026-12-08", "--start", "13:00")
    va.at("2026-12-09 09:00")
    va("add", "Newsletter @bakery due:fri 17:00 ~1h")
    va("add", "Invoice run @evelyne due:fri 17:00 ~1h")
    va("add", "Session notes @coach due:thu 12:00 ~1h")
    va("add", "Listing photos @realtor due:today 12:00 ~1h")
    va("add", "Recall list @dental due:today 17:00 ~2h")

    assert va.order() == [(4, 12.0), (3, 7.4), (5, 6.75), (2, 3.92), (1, -2.08)]
    assert va.plan() == (
        [
            (4, "realtor", "Wed 09:00", "Wed 10:00"),
            (3, "coach", "Wed 10:05", "Wed 11:05"),
            (5, "dental", "Wed 11:10", "Wed 12:45"),
            (5, "dental", "Wed 12:50", "Wed 13:15"),
            (2, "evelyne", "Wed 13:20", "Wed 14:20"),
        ],
        [],
    )
