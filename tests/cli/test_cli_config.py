"""A bad config file stops `va` at start: one line naming the file and the key,
exit code 2, the workspace file untouched; the TUI does not even start."""

from __future__ import annotations

import pytest

import vaworkspace.tui.app as tui_app
from vaworkspace.cli import main


@pytest.fixture
def files(isolated_env, va):
    """A workspace with one task (made with a good config), and the config's path."""
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    va("add", "Call the dentist")
    return isolated_env / "data" / "workspace.json", config


@pytest.mark.parametrize(
    "argv",
    [("list",), ("add", "Another task"), ("timer", "start", "1"), ("timer", "status"), ("report",)],
)
def test_every_command_stops_with_exit_2_and_writes_nothing(files, va, argv) -> None:
    workspace, config = files
    before = workspace.read_bytes()
    config.write_text('daily_cap_hours = "eight"\n', encoding="utf-8")
    err = va(*argv, code=2)
    assert err.count("\n") == 1 and err.startswith("va: ")
    assert str(config) in err and "daily_cap_hours" in err and "'eight'" in err
    assert workspace.read_bytes() == before


def test_the_tui_does_not_start(files, monkeypatch, capsys) -> None:
    _, config = files
    config.write_text("[pomodoro]\nfocus = 0\n", encoding="utf-8")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    started = []
    monkeypatch.setattr(tui_app, "run_tui", lambda ws: started.append(ws) or 0)
    assert main([]) == 2
    assert started == []
    assert "focus" in capsys.readouterr().err
