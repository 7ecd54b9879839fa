"""Every test runs against its own workspace, config and zone, never the user's."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    monkeypatch.setenv("VAWORKSPACE_DB", str(tmp_path / "data" / "workspace.json"))
    monkeypatch.setenv("VAWORKSPACE_CONFIG", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("TZ", "America/Montreal")
    monkeypatch.delenv("VAWORKSPACE_NOW", raising=False)
    return tmp_path


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch):
    """The suite speaks English whatever the machine's locale; a test that switches
    the process to French (`i18n.use_language`) leaves English behind it."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    yield
    from vaworkspace.i18n import use_language

    use_language("en")
