"""An urgent same-day request arrives at 14:00: the dentist's 3 p.m. patients
must be rescheduled within 22 minutes (issue #10's example), in a day the VA
planned in the morning."""

from __future__ import annotations

import json

from tests.scenarios.conftest import _local


def blocks(va) -> list[tuple[str, str, str]]:
    items = json.loads(va("agenda", "--days", "1", "--json"))
    return [
        (i["title"], _local(i["start"]), _local(i["end"])) for i in items if i["type"] == "block"
    ]


def test_an_urgent_request_at_14(va) -> None:
    """09:00, Tuesday 1 December. Urgency: #1 the hotel (due tomorrow 09:00,
    high, 45 minutes: slack 435 → 5.19, + 6, + 2 for Évelyne's weight 5 →
    13.19) above #3 the agency reply (due 17:00, 1h: slack 420 → 5.33 + 2 →
    7.33) above #2 the newsletter (due Friday, 2h: slack 1800 → 1.50 + 2 →
    3.50). The plan written: the hotel 09:00-09:45, the reply (due today,
    kept) 09:50-10:50, the newsletter 95 + 25 minutes.

    09:30: the hotel is booked early (`va done 1`): its block goes and the day
    is planned again from 09:30: the reply moves up to 09:30-10:30, the
    newsletter to 10:35.

    14:00: the newsletter is done; the reply is not. The dentist's request
    comes in: due 14:22 with 30 minutes of work, it no longer fits (8 minutes
    short: `va add` says so) and ranks first, 24 + 40 = 64.00, whatever the
    other client's weight; the reply, due 17:00 with 3 hours left, is at 12 +
    2 = 14.00. The plan: the urgent task at once (14:00-14:30), reported at
    risk with the reason: 22 minutes free before its deadline; the reply after
    a 5-minute break, well before 17:00.
    """
    va.at("2026-12-01 08:00")
    va("client", "add", "Évelyne Couture", "--id", "evelyne", "--weight", "5")
    va("client", "add", "Dental clinic", "--id", "dental")
    va.at("2026-12-01 09:00")
    va("add", "Book hotel @evelyne due:tomorrow 09:00 !h ~45m")
    va("add", "Newsletter @evelyne due:fri 17:00 ~2h")
    va("add", "Reply to the model agency @evelyne due:today 17:00 ~1h")
    assert va.order() == [(1, 13.19), (3, 7.33), (2, 3.5)]
    va("plan")
    assert blocks(va) == [
        ("Book hotel", "Tue 09:00", "Tue 09:45"),
        ("Reply to the model agency", "Tue 09:50", "Tue 10:50"),
        ("Newsletter", "Tue 10:55", "Tue 12:30"),
        ("Newsletter", "Tue 12:35", "Tue 13:00"),
    ]

    va.at("2026-12-01 09:30")
    va("done", "1")
    assert blocks(va) == [
        ("Reply to the model agency", "Tue 09:30", "Tue 10:30"),
        ("Newsletter", "Tue 10:35", "Tue 12:10"),
        ("Newsletter", "Tue 12:15", "Tue 12:40"),
    ]

    va.at("2026-12-01 12:40")
    va("done", "2")
    va.at("2026-12-01 14:00")
    echo = va(
        "add", "URGENT: reschedule the dentist's 3 p.m. patients @dental due:today 14:22 ~30m"
    )
    assert "  at risk:   no longer fits: 8m short (va why 4)\n" in echo
    assert va.order() == [(4, 64.0), (3, 14.0)]
    assert va.plan() == (
        [
            (4, "dental", "Tue 14:00", "Tue 14:30"),
            (3, "evelyne", "Tue 14:35", "Tue 15:35"),
        ],
        [(4, "needs 0h30, 0h22 free before 14:22")],
    )
