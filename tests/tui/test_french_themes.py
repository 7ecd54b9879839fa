"""A broken theme file is said in French when the UI speaks French (the one notice
of `load_themes`' problems, and `va themes`' warnings); English is unchanged."""

from __future__ import annotations

import pytest

from tests.tui.test_themes import write
from vaworkspace import i18n
from vaworkspace.tui.themes import load_themes, problems_message


@pytest.fixture
def broken(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    folder = tmp_path / "cfg" / "vaworkspace" / "themes"
    write(folder, "mine.toml", 'primary = "#12345"\nbold = 3\n')


def test_a_broken_theme_in_french(broken) -> None:
    i18n.use_language("fr_CA")
    try:
        _, problems = load_themes()
        said = problems_message(problems, using="va-dark")
    finally:
        i18n.use_language("en")
    assert said.startswith("Fichier de thème mine.toml : 'primary' = '#12345' n'est pas")
    assert "clé inconnue 'bold'" in said and said.endswith(" ; thème utilisé : va-dark")


def test_a_broken_theme_in_english(broken) -> None:
    _, problems = load_themes()
    said = problems_message(problems, using="va-dark")
    assert said.startswith("Theme file mine.toml: 'primary' = '#12345' is not a colour")
    assert "unknown key 'bold'" in said and said.endswith("; using va-dark")
