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
    assert config.language == "fr"
    assert config.coefficients.client_weight == 1.5
    assert config.pomodoro == PomodoroSettings(25, 5, 15, 4)
    assert config.daily_cap_hours == 8 and config.break_reminder_minutes == 90


def test_every_command_in_the_reference_exists() -> None:
    choices = build_parser()._subparsers._group_actions[0].choices
    documented = set(re.findall(r"^\| `va ([a-z]+)", README, flags=re.M))
    assert documented and documented <= set(choices), documented - set(choices)


def _french_section() -> str:
    return README.split("## En français")[1].split("\n## ")[0]


def test_the_french_quick_add_examples_read_as_the_readme_says() -> None:
    """Each `va add` line of "En français" parses, and none leaves a token in its title."""
    from tests.domain.date_cases import MTL, NOW
    from vaworkspace.domain.tasks.quickadd import parse_quick_add

    lines = re.findall(r'^va add "(.+)"$', _french_section(), flags=re.M)
    assert len(lines) >= 4
    for line in lines:
        q = parse_quick_add(line, NOW, MTL)
        assert q.given - {"title", "tags", "client"}, line
        assert not [w for w in q.title.split() if w[:1] in "~!#@" or ":" in w], line


def test_the_french_token_table_reads_each_token() -> None:
    from tests.domain.date_cases import MTL, NOW
    from vaworkspace.domain.tasks.quickadd import parse_quick_add

    rows = re.findall(r"^\| (`[^|]*`) \| [^`|][^|]* \|$", _french_section(), flags=re.M)
    tokens = [t for row in rows for t in re.findall(r"`([^`]+)`", row) if "EXPR" not in t]
    assert len(tokens) >= 10
    for token in tokens:
        q = parse_quick_add(f"x {token}", NOW, MTL)
        assert q.title == "x" and q.given - {"title"}, token


def test_the_french_date_table_is_what_parse_when_reads() -> None:
    """The table's dates are read at NOW (Tuesday 2026-12-01 09:00 in Montreal)."""
    from tests.domain.date_cases import MTL, NOW
    from vaworkspace.domain.dates import format_local, parse_when

    section = _french_section()
    assert "le mardi 1er décembre 2026 à 9 h, à Montréal" in section
    rows = re.findall(r"^\| (`.*`) \| (`.*`) \|$", section, flags=re.M)
    assert len(rows) >= 10
    for written, read in rows:
        phrases = re.findall(r"`([^`]+)`", written)
        expected = re.findall(r"`([^`]+)`", read)
        if len(expected) == 1:
            expected *= len(phrases)
        assert len(phrases) == len(expected), written
        for phrase, value in zip(phrases, expected, strict=True):
            assert format_local(parse_when(phrase, NOW, MTL), MTL) == value, phrase
