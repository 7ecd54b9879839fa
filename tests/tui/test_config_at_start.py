"""A bad config value is one clear line before the TUI starts, never a crash in its tick.

`daily_cap_hours = "eight"` used to reach the app and crash inside the one-second
tick that compares today's hours with the cap. The config is now checked when it
is loaded (`config.load_config`), which `va` does before the first frame.
"""

from __future__ import annotations

import io
import sys

import pytest

from vaworkspace.cli import main


class Terminal(io.StringIO):
    """A stdin or stdout that says it is a terminal, so `va` alone means the TUI."""

    def isatty(self) -> bool:
        return True


def test_a_bad_config_value_is_one_line_and_exit_2_before_the_tui(
    isolated_env, monkeypatch, capsys
) -> None:
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('daily_cap_hours = "eight"\n')

    def no_tui(ws) -> int:
        pytest.fail("the TUI started with a config it cannot use")

    monkeypatch.setattr("vaworkspace.tui.launch.run_tui", no_tui)
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(sys, "stdout", Terminal())
    assert main([]) == 2
    printed = capsys.readouterr().err
    assert printed.count("\n") == 1 and printed.startswith("va: ")
    assert "daily_cap_hours must be a number of hours" in printed and str(config) in printed
