"""`language` (issue #12): the config key, else LC_ALL / LC_MESSAGES / LANG in POSIX
order, else English; a bad config value is a ConfigError naming the key."""

from __future__ import annotations

import pytest

from vaworkspace.config import load_config, parse_config
from vaworkspace.config.language import resolve_language
from vaworkspace.errors import ConfigError


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "en"),
        ({"LANG": "fr_CA.UTF-8"}, "fr_CA"),
        ({"LANG": "fr_FR.UTF-8@euro"}, "fr_FR"),
        ({"LANG": "fr"}, "fr"),
        ({"LANG": "en_US.UTF-8"}, "en_US"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "fr_CA.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "fr_FR"),
        ({"LANG": "fr_CA.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANG": "en_CA.UTF-8", "LC_ALL": "fr_BE.UTF-8", "LC_MESSAGES": "en"}, "fr_BE"),
        ({"LANG": "fr_CA.UTF-8", "LC_ALL": ""}, "fr_CA"),
    ],
)
def test_the_environment_decides_without_a_setting(env: dict[str, str], expected: str) -> None:
    assert resolve_language(None, env) == expected


@pytest.mark.parametrize(
    ("setting", "expected"),
    [("fr", "fr"), ("FR", "fr"), ("fr_CA", "fr_CA"), ("fr-ca", "fr_CA"), ("en", "en")],
)
def test_the_setting_wins_over_the_environment(setting: str, expected: str) -> None:
    assert resolve_language(setting, {"LC_ALL": "de_DE.UTF-8", "LANG": "en_US"}) == expected


@pytest.mark.parametrize("setting", ["de", "", "français", 3, ["fr"], "fr_CANADA", "fr.UTF-8"])
def test_a_bad_setting_is_an_error_naming_the_key_and_the_file(tmp_path, setting) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config({"language": setting}, str(tmp_path / "config.toml"), env={"TZ": "UTC"})
    message = str(caught.value)
    assert "config.toml" in message and "language must be" in message and '"fr_CA"' in message


def test_the_config_file_and_the_environment(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('language = "fr"\n', encoding="utf-8")
    assert load_config(str(path), env={"TZ": "UTC", "LANG": "en_US.UTF-8"}).language == "fr"
    missing = str(tmp_path / "missing.toml")
    assert load_config(missing, env={"TZ": "UTC", "LANG": "fr_CA.UTF-8"}).language == "fr_CA"
    assert load_config(missing, env={"TZ": "UTC"}).language == "en"
