"""The hourly rate a VA really earns: billed ÷ every hour worked."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from tests.domain.time_cases import MTL, T0, WEEK, client, entry
from vaworkspace.domain.kind_rates import entry_price
from vaworkspace.domain.time.earnings import Earnings, earnings, earnings_json
from vaworkspace.domain.time.reports import build_report


def test_a_week_from_the_trade_by_hand() -> None:
    """12 h billable at two rates and 9 h non-billable, in one week:

    Acme:   8 h of SEO writing at 60.00  = 480.00
            4 h of data entry at 30.00   = 120.00
            3 h of e-mail, not billable  =   0.00
    nobody: 6 h of prospecting and admin =   0.00

    billed          = 480 + 120 = 600.00 EUR
    hours worked    = 8 + 4 + 3 + 6 = 21 h; billable 12 h
    non-billable    = 9 ÷ 21 = 0.42857… → 0.429
    effective rate  = 600.00 ÷ 21 h = 28.5714… → 28.57 EUR an hour
    (the naive 600 ÷ 12 billable hours would say 50.00)
    """
    acme = client(currency="EUR", rate_cents=4000, kind_rates={"seo": 6000, "data-entry": 3000})
    day = timedelta(days=1)
    blocks = [
        (T0, 8 * 60, "seo", "acme", True),
        (T0 + day, 4 * 60, "data-entry", "acme", True),
        (T0 + 2 * day, 3 * 60, None, "acme", False),
        (T0 + 3 * day, 6 * 60, None, None, False),
    ]
    entries = []
    for start, minutes, kind, owner, billable in blocks:
        made = entry(start, minutes, client=owner, billable=billable)
        kind, rate = entry_price(acme if owner else None, kind)
        entries.append(replace(made, kind=kind, rate_cents=rate))
    found = earnings(build_report(entries, {"acme": acme}, {}, *WEEK, MTL))
    assert list(found) == ["EUR"]
    eur = found["EUR"]
    assert (eur.amount_cents, eur.seconds_worked, eur.billable_seconds) == (
        60000,
        21 * 3600,
        12 * 3600,
    )
    assert eur.effective_rate_cents == 2857
    assert earnings_json(found) == {
        "EUR": {
            "amount_cents": 60000,
            "hours_worked": 21.0,
            "billable_hours": 12.0,
            "non_billable_share": 0.429,
            "effective_rate_cents": 2857,
        }
    }
    assert eur.meets(2857) and not eur.meets(2858)


def test_currencies_stay_apart_and_no_hours_has_no_rate() -> None:
    cad, eur = client("cad", currency="CAD"), client("eur", rate_cents=5000, currency="EUR")
    entries = [entry(T0, 60, client="cad"), entry(T0 + timedelta(hours=2), 30, client="eur")]
    found = earnings(build_report(entries, {"cad": cad, "eur": eur}, {}, *WEEK, MTL))
    assert found["CAD"].effective_rate_cents == 6000
    assert found["EUR"].effective_rate_cents == 5000
    idle = Earnings("EUR", 0, 0, 0)
    assert idle.effective_rate_cents is None and idle.non_billable_share == 0.0
    assert not idle.meets(0)


def test_the_effective_rate_rounds_half_up_in_cents() -> None:
    """100 cents over 3 hours is 33.33…; 200 cents over 3 hours 66.66… → 67."""
    assert Earnings("EUR", 100, 3 * 3600, 0).effective_rate_cents == 33
    assert Earnings("EUR", 200, 3 * 3600, 0).effective_rate_cents == 67
    assert Earnings("EUR", 150, 2 * 3600, 0).effective_rate_cents == 75
    assert Earnings("EUR", 1, 2 * 3600, 0).effective_rate_cents == 1  # 0.5 rounds up
