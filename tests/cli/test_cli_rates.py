"""`va client edit --rate`, `va log … #kind`, `va timer start @acme #kind`: rates by
kind of work fixed on each entry, and bad input that leaves the file as it was."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


def _file() -> bytes:
    return Path(os.environ["VAWORKSPACE_DB"]).read_bytes()


def _kinds(va) -> list[dict]:
    [line] = json.loads(va("report", "--json"))
    return line["kinds"]


def test_rate_table_is_set_shown_and_past_entries_keep_their_rate(va) -> None:
    va("client", "add", "Acme", "--rate", "40")
    out = va("client", "edit", "acme", "--rate", "seo=60", "--rate", "data-entry=30")
    assert "40.00 EUR/h; seo 60.00, data-entry 30.00" in out
    assert "Past entries keep the rate" in out and "--reprice-from" in out
    [client] = json.loads(va("client", "list", "--json"))
    assert client["kind_rates"] == [
        {"kind": "seo", "rate_cents": 6000},
        {"kind": "data-entry", "rate_cents": 3000},
    ]
    assert "#seo" in va("log", "1h", "@acme", "#seo", "keywords", "--start", "9:00")
    va("client", "edit", "acme", "--rate", "seo=70")
    assert _kinds(va) == [
        {"kind": "seo", "hours": 1.0, "billed_hours": 1.0, "rate_cents": 6000, "amount_cents": 6000}
    ]
    out = va("client", "edit", "acme", "--reprice-from", "2026-12-01")
    assert "Repriced 1 time entry from 2026-12-01 on" in out
    assert _kinds(va)[0]["amount_cents"] == 7000
    out = va("client", "edit", "acme", "--rate", "seo=none")
    assert [k["kind"] for k in json.loads(va("client", "list", "--json"))[0]["kind_rates"]] == [
        "data-entry"
    ]


def test_a_task_tag_gives_the_kind_and_kinds_add_up_in_the_report(va) -> None:
    va("client", "add", "Acme", "--rate", "40", "--rate", "seo=60", "--rate", "admin=30")
    va("add", "Blog post #admin #seo @acme")
    va("log", "1h", "task:1", "--start", "9:00")
    va("log", "30m", "@acme", "--start", "11:00")
    [line] = json.loads(va("report", "--json"))
    assert [(k["kind"], k["rate_cents"], k["amount_cents"]) for k in line["kinds"]] == [
        ("seo", 6000, 6000),
        (None, 4000, 2000),
    ]
    assert line["amount_cents"] == 8000
    entries = json.loads(va("entries", "--json"))
    assert [(e["kind"], e["rate_cents"]) for e in entries] == [("seo", 6000), (None, 4000)]


def test_timer_keeps_the_kind_typed(va, monkeypatch) -> None:
    va("client", "add", "Acme", "--rate", "40", "--rate", "seo=60")
    assert "Started" in va("timer", "start", "@acme", "#seo", "--stopwatch")
    monkeypatch.setenv("VAWORKSPACE_NOW", "2026-12-01T19:30:00Z")
    va("timer", "stop")
    [entry] = json.loads(va("entries", "--json"))
    assert (entry["kind"], entry["rate_cents"]) == ("seo", 6000)


def test_a_switch_takes_the_kind_typed_as_a_start_does(va, monkeypatch) -> None:
    """`va timer switch @acme #admin`: the stretch after the switch is that kind's
    (issue #13); a switch without one keeps none, as a start without one."""
    va("client", "add", "Acme", "--rate", "40", "--rate", "seo=60", "--rate", "admin=30")
    va("timer", "start", "@acme", "#seo", "--stopwatch")
    monkeypatch.setenv("VAWORKSPACE_NOW", "2026-12-01T19:30:00Z")
    assert "now runs on @acme" in va("timer", "switch", "@acme", "#Admin")
    monkeypatch.setenv("VAWORKSPACE_NOW", "2026-12-01T20:00:00Z")
    va("timer", "switch", "@acme")
    monkeypatch.setenv("VAWORKSPACE_NOW", "2026-12-01T20:15:00Z")
    va("timer", "stop")
    entries = json.loads(va("entries", "--json"))
    assert [(e["kind"], e["rate_cents"], e["seconds"]) for e in entries] == [
        ("seo", 6000, 1800),
        ("admin", 3000, 1800),
        (None, 4000, 900),
    ]


def test_a_switch_to_a_bad_kind_says_why_and_leaves_the_file_untouched(va) -> None:
    va("client", "add", "Acme", "--rate", "40")
    va("timer", "start", "@acme", "--stopwatch")
    before = _file()
    assert "not a kind of work" in va("timer", "switch", "@acme", "#1", code=1)
    assert _file() == before


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("client", "edit", "acme", "--rate", "seo=abc"), "not an amount"),
        (("client", "edit", "acme", "--rate", "none"), "cannot be removed"),
        (("client", "edit", "acme", "--rate", "sep=none"), "no rate for 'sep'"),
        (("client", "edit", "acme", "--rate", "s e o=3"), "not a kind of work"),
        (("client", "edit", "acme", "--reprice-from", "someday"), "someday"),
        (("log", "1h", "@acme", "#seo", "#admin"), "two kinds"),
        (("timer", "start", "@acme", "#1"), "not a kind of work"),
    ],
)
def test_bad_input_says_why_and_leaves_the_file_untouched(va, argv, says) -> None:
    va("client", "add", "Acme", "--rate", "40", "--rate", "seo=60")
    before = _file()
    assert says in va(*argv, code=1)
    assert _file() == before


def test_csv_timesheet_prices_each_line_at_its_entry_rate(va) -> None:
    va("client", "add", "Acme", "--rate", "40", "--rate", "seo=60")
    va("log", "1h", "@acme", "#seo", "--start", "9:00")
    va("client", "edit", "acme", "--rate", "seo=70", "--rate", "50")
    va("log", "30m", "@acme", "--start", "11:00")
    lines = va("report", "--csv", "--client", "acme").splitlines()
    assert [line.split(",")[4:7] for line in lines[1:]] == [
        ["1.00", "60.00", "60.00"],
        ["0.50", "50.00", "25.00"],
        ["1.50", "", "85.00"],
    ]


def test_an_entry_moved_to_another_client_takes_its_rate_other_edits_keep_theirs(va) -> None:
    va("client", "add", "Acme", "--rate", "40", "--rate", "seo=60")
    va("client", "add", "Bakery", "--rate", "30")
    va("log", "1h", "@acme", "#seo", "--start", "9:00")
    va("client", "edit", "acme", "--rate", "seo=80")
    va("entry", "edit", "1", "--note", "keywords")
    assert json.loads(va("entries", "--json"))[0]["rate_cents"] == 6000
    va("entry", "edit", "1", "--client", "bakery")
    [entry] = json.loads(va("entries", "--json"))
    assert (entry["client"], entry["kind"], entry["rate_cents"]) == ("bakery", "seo", 3000)


def test_an_entry_given_another_kind_takes_that_kind_s_rate(va) -> None:
    """A VA who logged SEO work as admin fixes it afterwards: the kind and its rate
    change together; cleared, the entry takes its task's kind again."""
    va("client", "add", "Acme", "--rate", "40", "--rate", "seo=60", "--rate", "admin=30")
    va("add", "Blog post #admin @acme")
    va("log", "1h", "task:1", "--start", "9:00")
    assert [(e["kind"], e["rate_cents"]) for e in json.loads(va("entries", "--json"))] == [
        ("admin", 3000)
    ]
    assert "#seo" in va("entry", "edit", "1", "--kind", "#SEO")
    [entry] = json.loads(va("entries", "--json"))
    assert (entry["kind"], entry["rate_cents"]) == ("seo", 6000)
    va("entry", "edit", "1", "--kind", "")
    [entry] = json.loads(va("entries", "--json"))
    assert (entry["kind"], entry["rate_cents"]) == ("admin", 3000)
    before = _file()
    assert "not a kind of work" in va("entry", "edit", "1", "--kind", "s e o", code=1)
    assert _file() == before
