"""The README names what exists: screens and their keys, options where they
really are, files that ship with the project.

Each test reads the README as a user would (a command in backticks, a key in a
screen's paragraph, a linked file) and checks it against the code: the parser
that runs the command, the bindings the screen declares, the repository."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from vaworkspace.cli import build_parser

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
KEYS = {
    "space": "space",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "at": "@",
    "escape": "esc",
}


def _options_of(words: list[str]) -> set[str]:
    """The options `va WORDS…` accepts (the deepest subcommand the words name),
    with the global ones."""
    parser = build_parser(words[0])
    accepted = {s for a in parser._actions for s in a.option_strings}
    for word in words:
        sub = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
        if not sub or word not in sub[0].choices:
            break
        parser = sub[0].choices[word]
        accepted |= {s for a in parser._actions for s in a.option_strings}
    return accepted


def _commands() -> list[str]:
    """Every `va …` the README writes: code spans, table cells, lines of code blocks."""
    spans = re.findall(r"`(va [^`]+)`", README)
    lines = re.findall(r"^(va [^\n#]+)", README, flags=re.M)
    commands = [c for line in spans + lines for c in re.split(r"\s{2,}(?=va )", line)]
    return [c for c in commands if re.match(r"va [a-z]", c)]


@pytest.mark.parametrize("command", _commands())
def test_every_option_written_after_a_command_is_one_it_takes(command: str) -> None:
    words = command.split(None, 2)  # `va timer pause\|resume\|status`: either of them
    accepted = set().union(*(_options_of([words[1], sub]) for sub in _alternatives(words)))
    written = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", command))
    assert written <= accepted, f"{command}: {written - accepted}"


def _alternatives(words: list[str]) -> list[str]:
    """The first word of each `\\|` alternative after `va COMMAND`."""
    if len(words) < 3:
        return [""]
    return [(alt.split() or [""])[0].strip("[]") for alt in words[2].split("\\|")]


def test_rounding_is_set_on_the_client_not_the_report() -> None:
    """`--rounding` and `--round-per` are `va client edit` options; the reports
    paragraph used to present them as `va report` ones."""
    assert {"--rounding", "--round-per"} <= _options_of(["client", "edit"])
    assert not {"--rounding", "--round-per"} & _options_of(["report"])
    reports = README.split("**Reports** count")[1].split("\n\n")[0]
    assert "`va client edit" in reports and "--rounding" in reports
    for sentence in re.findall(r"[^.]*--round(?:ing|-per)[^.]*", README):
        mentioned = re.findall(r"`va ([a-z]+(?: [a-z]+)?)", sentence)
        assert not mentioned or any(m.startswith("client") for m in mentioned), sentence


@pytest.mark.parametrize(
    ("number", "title", "module", "screen"),
    [
        ("4", "Focus", "focus", "FocusScreen"),
        ("5", "Reports", "reports_screen", "ReportsScreen"),
        ("6", "Agenda", "agenda", "AgendaScreen"),
    ],
)
def test_screens_4_to_6_and_their_keys_are_described(number, title, module, screen) -> None:
    from importlib import import_module

    heading = f"- **{title}** (`{number}`)"
    assert heading in README, f"the README does not describe screen {number}"
    paragraph = README.split(heading)[1].split("\n- ")[0]
    cls = getattr(import_module(f"vaworkspace.tui.{module}"), screen)
    for binding in cls.BINDINGS:
        keys = [KEYS.get(k, k) for k in binding.key.split(",")]
        assert any(f"`{key}`" in paragraph or f"/`{key}`" in paragraph for key in keys), (
            f"{title}: key {binding.key} ({binding.description}) is not described"
        )


def test_files_the_readme_points_at_exist() -> None:
    linked = re.findall(r"\]\(([^)#:]+)\)", README)
    named = re.findall(r"`([\w/]+\.md)`", README)
    assert linked
    for path in linked + named:
        assert (ROOT / path).is_file(), f"the README points at {path}, not in the repository"


def test_the_license_file_is_the_one_pyproject_announces() -> None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert project["license"] == "MIT"
    assert license_text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in license_text
