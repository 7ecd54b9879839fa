"""Timesheets a French-speaking client opens cleanly: `;`, decimal commas, French
headings and a UTF-8 BOM in French (or with `va report --excel`); plain CSV in
English, exactly as before."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

from tests.domain.time_cases import MTL, client, entry, local, task
from vaworkspace.domain.time.timesheet import CSV_HEADER, CsvStyle, timesheet_csv
from vaworkspace.i18n import use_language
from vaworkspace.locale_format import timesheet_style


def _rows(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _sheet(style: CsvStyle) -> str:
    acme = client(rate_cents=4500, rounding_minutes=15)
    tasks = {1: task(1, "Réserver; l'hôtel")}
    entries = [entry(local(MTL, 2026, 12, 2, 9, 0), 50, client="acme", task=1, note="payé")]
    return timesheet_csv(entries, acme, tasks, MTL, style)


def test_french_style_semicolons_commas_bom_and_words() -> None:
    use_language("fr_CA")
    text = _sheet(timesheet_style("fr_CA"))
    assert text.startswith("\ufeffdate;tâche;début;fin;heures;taux;montant;note\r\n")
    rows = _rows(text.removeprefix("\ufeff"), ";")
    assert rows[1] == [
        "2026-12-02",
        "Réserver; l'hôtel",
        "09:00",
        "09:50",
        "1,00",
        "45,00",
        "45,00",
        "payé",
    ]
    assert rows[2] == ["TOTAL", "", "", "", "1,00", "", "45,00", ""]


def test_excel_in_english_keeps_english_words_and_points() -> None:
    text = _sheet(timesheet_style("en", excel=True))
    assert text.startswith("\ufeff" + ";".join(CSV_HEADER) + "\r\n")
    assert _rows(text.removeprefix("\ufeff"), ";")[1][4:7] == ["1.00", "45.00", "45.00"]


def test_english_stays_plain_csv() -> None:
    assert timesheet_style("en") == CsvStyle()
    assert _sheet(timesheet_style("en")).startswith(",".join(CSV_HEADER) + "\r\n")


def test_va_report_csv_in_french(tmp_path) -> None:
    env = {**os.environ, "LANG": "fr_FR.UTF-8"}
    va = [sys.executable, "-m", "vaworkspace"]
    run = lambda *argv: subprocess.run([*va, *argv], env=env, capture_output=True)  # noqa: E731
    assert run("client", "add", "Boulangerie", "--id", "bakery", "--rate", "30").returncode == 0
    logged = run("log", "1h30", "@bakery", "pain")
    assert logged.returncode == 0, logged.stderr
    sheet = run("report", "--csv", "--client", "bakery")
    assert sheet.returncode == 0, sheet.stderr
    assert sheet.stdout.startswith("\ufeffdate;tâche;".encode())
    assert b";1,50;30,00;45,00;" in sheet.stdout
    english = subprocess.run(
        [*va, "report", "--csv", "--client", "bakery"],
        env={**os.environ, "LANG": "C.UTF-8"},
        capture_output=True,
    )
    assert english.stdout.startswith(b"date,task,") and b",1.50,30.00,45.00," in english.stdout
