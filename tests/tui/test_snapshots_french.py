"""Every screen and modal of the TUI in French (fr_CA) at 80×24, fixed clock: a
snapshot each, then the snapshot read back as text (`screen_text`) and checked
for English UI words and for the UI's own text cut short (`french_checks`).

The workspace is the French demo week (`va --demo` when the UI speaks French),
so every screen shows data. `SCREENS` walks them from the inbox by their keys;
`NOT_YET` names the screens still left out, each with the reason, and a test
fails when a screen class of `vaworkspace.tui` is in neither.

Regenerate after an intended change with
`pytest --snapshot-update tests/tui/test_snapshots_french.py` and look at the
SVGs in `tests/tui/__snapshots__/test_snapshots_french/` before committing them:
the text checks read the committed SVGs.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import Input

import vaworkspace.tui
from tests.agenda_workspace_fr import build_french
from tests.tui.conftest import NOW, SIZE, app_for
from tests.tui.french_checks import cut_texts, data_strings, english_words, footer_cut
from tests.tui.screen_text import screen_lines
from vaworkspace.config import Config
from vaworkspace.service import Workspace

LANGUAGE = "fr_CA"
SNAPSHOTS = Path(__file__).parent / "__snapshots__" / Path(__file__).stem


@dataclass(frozen=True)
class Walk:
    """How to reach a screen: the keys pressed from the inbox, the screen class
    expected on top, whether a pomodoro runs (started 7 min 13 s ago), and what
    the app is shown after the keys (`then`), for a screen no key holds still."""

    keys: tuple[str, ...]
    screen: str
    timer: bool = False
    then: Callable[[App], None] | None = None


def syncing(app: App) -> None:
    """R's progress, as shown while the first of two calendars is fetched (a real
    fetch of a file ends, and closes it, before a snapshot is taken)."""
    from vaworkspace.tui.sync_job import SyncScreen

    progress = SyncScreen(["evelyne", "dental"])
    app.push_screen(progress, lambda _: None)
    app.call_after_refresh(progress.starting, "evelyne")


SCREENS = {
    "inbox": Walk((), "InboxScreen"),
    "detail": Walk(("j", "j", "j", "j", "j"), "InboxScreen"),
    "task-form": Walk(("j", "enter"), "TaskForm"),
    "triage": Walk(("i",), "TriageScreen"),
    "import": Walk(("I",), "ImportForm"),
    "export": Walk(("E",), "ExportForm"),
    "timesheet": Walk(("5", "S"), "TimesheetForm"),
    "focus-idle": Walk(("4",), "FocusScreen"),
    "focus": Walk(("4",), "FocusScreen", timer=True),
    "help": Walk(("4", "question_mark"), "HelpScreen", timer=True),
    "palette": Walk(("4", "ctrl+p"), "CommandPalette"),
    "reports-week": Walk(("5",), "ReportsScreen", timer=True),
    "reports-month": Walk(("5", "m", "left_square_bracket"), "ReportsScreen"),
    "reports-day": Walk(("5", "d"), "ReportsScreen"),
    "clients": Walk(("3",), "ClientsScreen"),
    "client-new": Walk(("3", "a"), "ClientForm"),
    "client-form": Walk(("3", "down", "down", "down", "e"), "ClientForm"),
    "agenda-day": Walk(("6",), "AgendaScreen"),
    "agenda-week": Walk(("6", "v"), "AgendaScreen"),
    "agenda-plan": Walk(("6", "P"), "AgendaScreen"),
    "book-slot": Walk(("6", "j", "enter"), "BookSlot"),
    "block-move": Walk(("6", "m"), "BlockPrompt"),
    "block-remove": Walk(("6", "x"), "BlockPrompt"),
    "syncing": Walk(("4",), "SyncScreen", then=syncing),
    "entries": Walk(("7",), "EntriesScreen"),
    "entry-log": Walk(("7", "a"), "LogForm"),
    "entry-edit": Walk(("7", "e"), "EntryForm"),
    "entry-delete": Walk(("7", "d"), "Confirm"),
}
NOT_YET: dict[str, str] = {
    # screen class: why it is not in the French set yet
}


def french_demo(tmp_path, timer: bool) -> Workspace:
    """The demo week in French; `timer`: a pomodoro on task 2 since 13:52:47."""
    moment = [NOW]
    ws = Workspace(
        str(tmp_path / "demo.json"),
        Config(timezone_name="America/Montreal", language=LANGUAGE),
        clock=lambda: moment[0],
    )
    ws.fill_demo()
    if timer:
        moment[0] = NOW - timedelta(minutes=7, seconds=13)
        ws.time.start_timer(task_id=2)
        moment[0] = NOW
    return ws


@pytest.mark.parametrize("name", list(SCREENS))
def test_french_snapshot(snap_compare, tmp_path, monkeypatch, name: str) -> None:
    walk = SCREENS[name]
    monkeypatch.chdir("/tmp")  # the export forms offer a file in the working directory

    async def steady(pilot) -> None:
        await pilot.pause()
        for key in walk.keys:
            await pilot.press(key)
            await pilot.pause()
        if walk.then is not None:
            walk.then(pilot.app)
            await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == walk.screen

    app = app_for(french_demo(tmp_path, walk.timer))
    assert snap_compare(app, terminal_size=SIZE, run_before=steady)


FIRST_RUN_CONFIG = "/home/va/.config/vaworkspace/config.toml"
"""Where the first run says it saves (a fixed path: the snapshot shows it)."""


def test_french_snapshot_of_the_first_run(snap_compare) -> None:
    """The first `va` asks the zone and work hours, before any workspace: its own app,
    in the language `va` chose from the environment."""
    from vaworkspace.i18n import use_language
    from vaworkspace.tui.first_run import FirstRunApp

    use_language(LANGUAGE)

    async def steady(pilot) -> None:
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "FirstRunForm"

    assert snap_compare(FirstRunApp(FIRST_RUN_CONFIG), terminal_size=SIZE, run_before=steady)


def _svg(name: str) -> str:
    return (SNAPSHOTS / f"test_french_snapshot[{name}].svg").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [*SCREENS, "first-run"])
def test_no_english_word_and_nothing_cut_on_a_french_screen(tmp_path, name: str) -> None:
    """Reads the committed SVG: what the snapshot test compares the screen with."""
    if name == "first-run":
        svg = (SNAPSHOTS / "test_french_snapshot_of_the_first_run.svg").read_text("utf-8")
        lines, data = screen_lines(svg, width=SIZE[0]), {FIRST_RUN_CONFIG, "America/Montreal"}
    else:
        lines = screen_lines(_svg(name), width=SIZE[0])
        data = data_strings(french_demo(tmp_path, SCREENS[name].timer))
    assert len(lines) == SIZE[1]
    assert english_words(lines, data) == []
    assert cut_texts(lines, data) == []
    assert footer_cut(lines) == []


OTHER_FRENCH = {
    # another module's French snapshots (their folder): the workspace they show
    "test_snapshots_agenda_french": build_french,
}


def _other_french_svgs() -> list[Path]:
    folders = SNAPSHOTS.parent.glob("*french*")
    return sorted(svg for folder in folders if folder != SNAPSHOTS for svg in folder.glob("*.svg"))


@pytest.mark.parametrize(
    "svg", _other_french_svgs(), ids=lambda svg: f"{svg.parent.name}/{svg.stem}"
)
def test_no_english_word_and_nothing_cut_on_the_other_french_snapshots(tmp_path, svg) -> None:
    """The French snapshots of other modules pass the same checks, with the data of
    the workspace they show (`OTHER_FRENCH`)."""
    build = OTHER_FRENCH.get(svg.parent.name)
    assert build is not None, f"say in OTHER_FRENCH which workspace {svg.parent.name} shows"
    lines = screen_lines(svg.read_text(encoding="utf-8"), width=SIZE[0])
    data = data_strings(build(tmp_path))
    assert english_words(lines, data) == []
    assert cut_texts(lines, data) == []
    assert footer_cut(lines) == []


def _leaf_screens() -> set[str]:
    """The screen classes of `vaworkspace.tui` that are shown (not a base of another)."""
    for module in pkgutil.iter_modules(vaworkspace.tui.__path__):
        importlib.import_module(f"vaworkspace.tui.{module.name}")
    ours, seen = set(), [Screen]
    while seen:
        for sub in seen.pop().__subclasses__():
            seen.append(sub)
            if sub.__module__.startswith("vaworkspace.tui."):
                ours.add(sub)
    bases = {base for cls in ours for base in cls.__mro__[1:]}
    return {cls.__name__ for cls in ours - bases}


def test_every_screen_of_the_app_is_in_the_french_set_or_said_missing() -> None:
    shown = {walk.screen for walk in SCREENS.values()} | {"FirstRunForm"}
    assert shown.isdisjoint(NOT_YET), "in the set: take it out of NOT_YET"
    app_screens = _leaf_screens() | {"CommandPalette"}  # Textual's, showing our entries
    assert sorted(app_screens - shown - set(NOT_YET)) == []
