"""Rates by kind of work: the table's parser, the rate fixed on an entry, and the
guarantees reports rely on (kinds add up to the client, past amounts never move)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.time_cases import MTL, T0, WEEK, client, entry
from vaworkspace.domain.kind_rates import (
    apply_rate_settings,
    entry_price,
    parse_kind,
    parse_rate_setting,
    rate_of,
)
from vaworkspace.domain.time.billing import amount_cents, billed_minutes
from vaworkspace.domain.time.reports import build_report
from vaworkspace.errors import InputError


def test_rate_settings_read_default_kind_and_removal() -> None:
    assert parse_rate_setting("40") == (None, 4000)
    assert parse_rate_setting("seo=60.50") == ("seo", 6050)
    assert parse_rate_setting("Data-Entry = 30") == ("data-entry", 3000)
    assert parse_rate_setting("seo=none") == ("seo", None)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("none", "cannot be removed"),
        ("seo=abc", "not an amount"),
        ("=40", "kind of work"),
        ("12=40", "kind of work"),
        ("seo=-3", "negative"),
    ],
)
def test_bad_rate_settings_say_what_would_work(text: str, says: str) -> None:
    with pytest.raises(InputError, match=says):
        parse_rate_setting(text)


def test_table_keeps_definition_order_and_refuses_removing_an_unknown_kind() -> None:
    acme = apply_rate_settings(client(), ["40", "seo=60", "data-entry=30", "seo=65"])
    assert acme.rate_cents == 4000
    assert list(acme.kind_rates.items()) == [("seo", 6500), ("data-entry", 3000)]
    assert apply_rate_settings(acme, ["seo=none"]).kind_rates == {"data-entry": 3000}
    with pytest.raises(InputError, match="no rate for 'sep'"):
        apply_rate_settings(acme, ["sep=none"])


def test_kind_typed_else_first_priced_tag_in_definition_order() -> None:
    acme = client(rate_cents=4000, kind_rates={"seo": 6000, "admin": 3000})
    assert entry_price(acme, None, ["admin", "seo"]) == ("seo", 6000)  # table order wins
    assert entry_price(acme, None, ["misc", "Admin"]) == ("admin", 3000)
    assert entry_price(acme, None, ["misc"]) == (None, 4000)
    assert entry_price(acme, "admin", ["seo"]) == ("admin", 3000)  # typed beats tags
    assert entry_price(acme, "travel", []) == ("travel", 4000)  # kind kept, default rate
    assert entry_price(None, "seo", []) == ("seo", None)
    assert parse_kind("#SEO") == "seo"


def test_an_entry_from_an_older_file_is_read_at_the_client_default_rate() -> None:
    old = entry(T0, 60)  # no kind, no rate_cents: written before rates were fixed
    assert rate_of(old, client(rate_cents=4500)) == 4500
    assert rate_of(replace(old, rate_cents=3000), client(rate_cents=4500)) == 3000


KINDS = st.sampled_from([None, "seo", "admin", "data-entry"])
RATES = st.one_of(st.none(), st.integers(0, 20_000))


@st.composite
def periods(draw):
    """A client with a random rounding rule and entries at random kinds and rates
    (None: an older entry, read at the client's default)."""
    acme = client(
        rate_cents=draw(st.integers(0, 20_000)),
        rounding_minutes=draw(st.sampled_from([0, 1, 6, 15, 30])),
        round_per=draw(st.sampled_from(["entry", "total"])),
        kind_rates=draw(st.dictionaries(st.sampled_from(["seo", "admin"]), st.integers(0, 9_999))),
    )
    entries, at = [], T0
    for _ in range(draw(st.integers(1, 12))):
        seconds = draw(st.integers(0, 4 * 3600))
        made = entry(at, seconds=seconds, billable=draw(st.booleans()))
        entries.append(replace(made, kind=draw(KINDS), rate_cents=draw(RATES)))
        at += timedelta(seconds=seconds + draw(st.integers(0, 600)))
    return acme, entries


@settings(max_examples=300, deadline=None)
@given(periods())
def test_kind_amounts_add_up_to_the_client_amount_in_cents(period) -> None:
    acme, entries = period
    [line] = build_report(entries, {"acme": acme}, {}, *WEEK, MTL).lines
    assert sum(k.amount_cents for k in line.kinds) == line.amount_cents
    assert sum(k.billed_minutes for k in line.kinds) == line.billed_minutes
    assert sum(k.seconds for k in line.kinds) == line.seconds
    assert sum(k.billable_seconds for k in line.kinds) == line.billable_seconds
    assert len({(k.kind, k.rate_cents) for k in line.kinds}) == len(line.kinds)
    if len({(e.kind, rate_of(e, acme)) for e in entries}) == 1 and acme.round_per == "total":
        # one kind at one rate (any older file): rounded once for the period, priced
        # once, as before kinds existed
        billable = sum(e.seconds for e in entries if e.billable)
        billed = billed_minutes(billable, acme.rounding_minutes)
        assert line.amount_cents == amount_cents(billed, rate_of(entries[0], acme))


@settings(max_examples=200, deadline=None)
@given(periods(), st.integers(0, 20_000), st.dictionaries(st.just("seo"), st.integers(0, 9_999)))
def test_a_rate_change_never_alters_an_entry_already_priced(period, default, kinds) -> None:
    acme, entries = period
    priced = []
    for e in entries:  # as the service logs them: the price fixed from the table then
        kind, rate = entry_price(acme, e.kind, [])
        priced.append(replace(e, kind=kind, rate_cents=rate))
    changed = replace(acme, rate_cents=default, kind_rates=kinds)
    for e in priced:
        before = build_report([e], {"acme": acme}, {}, *WEEK, MTL).lines[0].amount_cents
        after = build_report([e], {"acme": changed}, {}, *WEEK, MTL).lines[0].amount_cents
        assert before == after
