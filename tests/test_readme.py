"""The README's examples stay true: its config file loads, its commands exist."""

from __future__ import annotations

import re
from pathlib import Path

from vaworkspace.cli import build_parser
from vaworkspace.config import load_config
from vaworkspace.domain.time.timer import PomodoroSettings

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_config_example_loads(tmp_path) -> None:
    block = README.split("config.toml")[1].split("```toml")[1].split("```")[0]
    path = tmp_path / "config.toml"
    path.write_text(block, encoding="utf-8")
    config = load_config(str(path))
    assert config.timezone_name == "America/Montreal" and config.currency == "CAD"
    assert config.coefficients.client_weight == 1.5
    assert config.pomodoro == PomodoroSettings(25, 5, 15, 4)
    assert config.daily_cap_hours == 8 and config.break_reminder_minutes == 90


def test_every_command_in_the_reference_exists() -> None:
    choices = build_parser()._subparsers._group_actions[0].choices
    documented = set(re.findall(r"^\| `va ([a-z]+)", README, flags=re.M))
    assert documented and documented <= set(choices), documented - set(choices)
