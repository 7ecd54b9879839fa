"""Pilot tests: the Entries screen's forms read French times and lengths (`9 h`,
`10 h 30`, `midi`, `1 h 30`, `45 min`) in both UI languages (issue #12); the
clock is Tuesday 1 December 2026, 14:00 in Montreal."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.tui.conftest import SIZE, app_for, errors, show

TZ = ZoneInfo("America/Montreal")
LANGUAGES = ["en", "fr_CA"]


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 1, hour, minute, tzinfo=TZ)


async def _save_form(pilot, key: str, name: str, values: dict[str, str]):
    await show(pilot, "7", "EntriesScreen")
    await pilot.press(key)
    await pilot.pause()
    form = pilot.app.screen
    assert type(form).__name__ == name
    for field, value in values.items():
        form.query_one(f"#f-{field}").value = value
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "EntriesScreen", form.query_one("#problem").render()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("values", "start", "end"),
    [
        ({"start": "9 h", "end": "10 h 30"}, at(9), at(10, 30)),
        ({"start": "9h30", "end": "midi"}, at(9, 30), at(12)),
        ({"start": "13 h", "duration": "45 min"}, at(13), at(13, 45)),
        ({"start": "10 h", "duration": "1 h 30"}, at(10), at(11, 30)),
    ],
)
async def test_the_log_form_reads_french_times(ws, language, values, start, end) -> None:
    ws.config.language = language
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await _save_form(pilot, "a", "LogForm", {"client": "dental", **values})
        [entry] = ws.time.entries()
        assert (entry.start, entry.end) == (start, end)
        assert not errors(pilot.app)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_entry_form_reads_french_times(ws, language) -> None:
    ws.config.language = language
    ws.time.log(["1h", "@dental"], "9:00")
    async with app_for(ws).run_test(size=SIZE) as pilot:
        await _save_form(pilot, "e", "EntryForm", {"start": "8 h 30", "end": "9 h 45"})
        [entry] = ws.time.entries()
        assert (entry.start, entry.end) == (at(8, 30), at(9, 45))
