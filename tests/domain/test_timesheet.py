"""The timesheet CSV a client receives: quoting, formulas neutralised, CRLF, and
amounts that add up to the report's, whatever the rounding."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.time_cases import MTL, T0, WEEK, client, entry, local, task
from vaworkspace.domain.time.reports import build_report
from vaworkspace.domain.time.timesheet import CSV_HEADER, timesheet_csv


def week_report(entries, clients):
    return build_report(entries, clients, {}, *WEEK, MTL)


def only_line(report):
    assert len(report.lines) == 1
    return report.lines[0]


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def cents(text: str) -> int:
    units, rest = text.split(".")
    return int(units) * 100 + int(rest)


def test_timesheet_rows_quotes_and_crlf():
    acme = client(rate_cents=4500, rounding_minutes=15)
    tasks = {1: task(1, 'Travel, "Paris"\ntrip'), 2: task(2, '=HYPERLINK("x")')}
    entries = [
        entry(local(MTL, 2026, 12, 2, 9, 0), 50, client="acme", task=1, note="booked, paid"),
        entry(local(MTL, 2026, 12, 1, 23, 50), 20, client="acme"),  # crosses midnight
        entry(local(MTL, 2026, 12, 2, 13, 0), 30, client="acme", task=2, billable=False),
        entry(local(MTL, 2026, 12, 2, 14, 0), 30, client="other"),
    ]
    text = timesheet_csv(entries, acme, tasks, MTL)
    assert text.endswith("\r\n") and text.count("\r\n") == 4  # the title's \n stays \n
    rows = parse(text)
    assert rows[0] == list(CSV_HEADER)
    assert rows[1] == ["2026-12-01", "", "23:50", "00:10", "0.50", "45.00", "22.50", ""]
    assert rows[2] == [
        "2026-12-02",
        'Travel, "Paris"\ntrip',
        "09:00",
        "09:50",
        "1.00",
        "45.00",
        "45.00",
        "booked, paid",
    ]
    assert rows[3] == ["TOTAL", "", "", "", "1.50", "", "67.50", ""]
    text.encode("utf-8")


def test_timesheet_neutralises_formulas():
    acme = client()
    tasks = {2: task(2, '=HYPERLINK("x")')}
    rows = parse(
        timesheet_csv([entry(T0, 6, client="acme", task=2, note="-5 min")], acme, tasks, MTL)
    )
    assert rows[1][1] == '\'=HYPERLINK("x")' and rows[1][7] == "'-5 min"


def test_timesheet_total_rounding_is_once():
    acme = client(rate_cents=6000, rounding_minutes=15, round_per="total")
    entries = [entry(T0 + timedelta(hours=i), 7, client="acme") for i in range(3)]  # 21 min
    rows = parse(timesheet_csv(entries, acme, {}, MTL))
    assert [r[4] for r in rows[1:4]] == ["0.12", "0.11", "0.12"]  # real time, summing to 0.35
    assert [r[6] for r in rows[1:4]] == ["7.00", "7.00", "7.00"]
    assert rows[4] == ["TOTAL", "", "", "", "0.50", "", "30.00", ""]
    report = week_report(entries, {"acme": acme})
    assert only_line(report).amount_cents == 3000


def test_timesheet_matches_report_with_awkward_rates():
    acme = client(rate_cents=2500, rounding_minutes=0)  # 7 min = 2.9166…
    entries = [entry(T0 + timedelta(hours=i), 7, client="acme") for i in range(3)]
    rows = parse(timesheet_csv(entries, acme, {}, MTL))
    body, total = rows[1:-1], rows[-1]
    assert sum(cents(r[6]) for r in body) == cents(total[6]) == 875
    assert sum(cents(r[4]) for r in body) == cents(total[4]) == 35
    assert only_line(week_report(entries, {"acme": acme})).amount_cents == 875


def test_empty_timesheet_has_header_and_zero_total():
    rows = parse(timesheet_csv([], client(), {}, MTL))
    assert rows == [list(CSV_HEADER), ["TOTAL", "", "", "", "0.00", "", "0.00", ""]]


@settings(max_examples=150, deadline=None)
@given(
    durations=st.lists(st.integers(0, 5 * 3600), min_size=1, max_size=12),
    block=st.sampled_from([0, 1, 5, 6, 10, 15, 30, 60]),
    rate=st.integers(0, 20_000),
)
def test_timesheet_rows_add_up_to_the_total_per_entry(durations, block, rate):
    acme = client(rate_cents=rate, rounding_minutes=block)
    entries = [
        entry(T0 + timedelta(hours=6 * i), seconds=s, client="acme")
        for i, s in enumerate(durations)
    ]
    rows = parse(timesheet_csv(entries, acme, {}, MTL))
    body, total = rows[1:-1], rows[-1]
    assert len(body) == len(durations)
    assert sum(cents(r[4]) for r in body) == cents(total[4])
    assert sum(cents(r[6]) for r in body) == cents(total[6])
    line = only_line(build_report(entries, {"acme": acme}, {}, T0, T0 + timedelta(days=4), MTL))
    assert cents(total[6]) == line.amount_cents
    assert abs(cents(total[4]) - line.billed_minutes * 100 / 60) <= 0.5
