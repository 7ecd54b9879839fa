"""The timesheet form's default file: named in the UI's language, and the
placeholder names the very file written (issue #12: French said
`timesheet-CLIENT-DATE.csv` and wrote an English name)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.tui.conftest import SIZE, app_for, show

NAMES = {  # language: (placeholder, file written for the dental clinic this week)
    "en": ("default: timesheet-CLIENT-FROM.csv here", "timesheet-dental-2026-11-30.csv"),
    "fr_CA": (
        "par défaut : releve-heures-CLIENT-DATE.csv ici",
        "releve-heures-dental-2026-11-30.csv",
    ),
}


@pytest.mark.parametrize("language", list(NAMES))
async def test_the_default_file_is_named_in_the_ui_s_language(
    ws, tmp_path, monkeypatch, language
) -> None:
    placeholder, written = NAMES[language]
    ws.config.language = language
    ws.time.log(["1h", "@dental", "yesterday"])
    monkeypatch.chdir(tmp_path)
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await show(pilot, "5", "ReportsScreen")
        await pilot.press("S")
        await pilot.pause()
        form = pilot.app.screen
        assert type(form).__name__ == "TimesheetForm"
        assert form.query_one("#f-path", Input).placeholder == placeholder
        form.query_one("#f-client", Input).value = "dental"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert [path.name for path in tmp_path.glob("*.csv")] == [written]
