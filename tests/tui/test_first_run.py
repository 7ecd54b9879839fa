"""The first `va` in a terminal asks the VA's zone and work hours, once, and
writes them as the config file; never with --demo, a pipe, or a chosen config."""

from __future__ import annotations

import io
import sys

import pytest
from textual.widgets import Input

from vaworkspace.cli import main
from vaworkspace.config import load_config
from vaworkspace.tui.first_run import FirstRunApp


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _field(app, name: str) -> Input:
    return app.screen.query_one(f"#f-{name}", Input)


async def test_the_form_suggests_the_system_zone_and_writes_the_answers(tmp_path) -> None:
    path = tmp_path / "config" / "config.toml"
    app = FirstRunApp(str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _field(app, "timezone").value == "America/Montreal"  # $TZ in the tests
        assert _field(app, "hours").value == "09:00-17:00"
        _field(app, "timezone").value = "Europe/Paris"
        _field(app, "hours").value = "08:30-16:30"
        _field(app, "days").value = "mon, tue wed thu"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.return_value is True
    config = load_config(str(path), env={})
    assert config.timezone_name == "Europe/Paris"
    assert (config.work.start.hour, config.work.start.minute, config.work.end.hour) == (8, 30, 16)
    assert sorted(config.work.days) == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        ("timezone", "Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
        ("hours", "9-5pm", "must look like 09:00-17:00"),
        ("days", "funday someday", "work days"),
        ("days", " ", "at least one"),
    ],
)
async def test_a_bad_answer_is_said_beside_the_text_and_nothing_is_written(
    tmp_path, field: str, typed: str, said: str
) -> None:
    path = tmp_path / "config.toml"
    app = FirstRunApp(str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _field(app, field).value = typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert said in str(app.screen.query_one("#problem").render())
        assert _field(app, field).value == typed
        assert app.is_running
    assert not path.exists()


async def test_esc_keeps_the_suggestions_and_ctrl_q_writes_nothing(tmp_path) -> None:
    kept = tmp_path / "kept.toml"
    app = FirstRunApp(str(kept))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value is True
    assert load_config(str(kept), env={}).timezone_name == "America/Montreal"
    quit_path = tmp_path / "quit.toml"
    app = FirstRunApp(str(quit_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value is False and not quit_path.exists()


async def test_esc_opens_the_workspace_even_where_nothing_can_be_written(tmp_path) -> None:
    (tmp_path / "a-file").write_text("")
    app = FirstRunApp(str(tmp_path / "a-file" / "config.toml"))  # a folder that cannot be
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "cannot write" in str(app.screen.query_one("#problem").render())
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value is True


@pytest.fixture
def first_user(isolated_env, monkeypatch):
    """No config file at the default place, no $VAWORKSPACE_CONFIG; the first-run
    form and the workspace replaced by recorders. (The test calls `_terminal`:
    pytest resets sys.stdout between a fixture and its test.)"""
    monkeypatch.delenv("VAWORKSPACE_CONFIG")
    seen: dict[str, list] = {"asked": [], "zones": []}

    def ask(path: str) -> bool:
        from vaworkspace.config.first_run import write_first_config

        seen["asked"].append(path)
        write_first_config(path, "Asia/Tokyo", "10:00-18:00", ["mon", "tue"])
        return True

    def workspace(ws) -> int:
        seen["zones"].append(ws.config.timezone_name)
        return 0

    monkeypatch.setattr("vaworkspace.tui.first_run.ask_first_settings", ask)
    monkeypatch.setattr("vaworkspace.tui.launch.run_tui", workspace)
    return seen, isolated_env / "xdg-config" / "vaworkspace" / "config.toml"


def _terminal(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(sys, "stdout", Terminal())


def test_the_first_va_asks_once_and_the_workspace_opens_with_the_answers(
    first_user, monkeypatch
) -> None:
    seen, path = first_user
    _terminal(monkeypatch)
    assert main([]) == 0
    assert seen["asked"] == [str(path)] and path.exists()
    assert seen["zones"] == ["Asia/Tokyo"]  # the config just written
    assert main([]) == 0
    assert len(seen["asked"]) == 1 and seen["zones"] == ["Asia/Tokyo", "Asia/Tokyo"]


def test_quitting_the_questions_ends_va_without_opening_the_workspace(
    first_user, monkeypatch
) -> None:
    seen, path = first_user
    _terminal(monkeypatch)
    monkeypatch.setattr("vaworkspace.tui.first_run.ask_first_settings", lambda path: False)
    assert main([]) == 0
    assert seen["zones"] == [] and not path.exists()


def test_not_asked_with_demo_a_pipe_or_a_chosen_config(first_user, monkeypatch, isolated_env):
    seen, path = first_user
    _terminal(monkeypatch)
    monkeypatch.setattr("vaworkspace.tui.app.run_tui", lambda ws: 0)
    assert main(["--demo"]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO())  # piped: the inbox as text
    assert main([]) == 0
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setenv("VAWORKSPACE_CONFIG", str(isolated_env / "chosen.toml"))
    assert main([]) == 0
    assert seen["asked"] == [] and not path.exists()
    assert seen["zones"] == ["America/Montreal"]  # the defaults: the system zone
