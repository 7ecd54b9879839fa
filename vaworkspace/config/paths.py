"""Where the workspace and the config file live, and the machine's time zone.

On Linux the XDG rule (the one platformdirs applies there) is computed inline:
importing platformdirs costs ~12 ms, a fifth of a `va list`. Other platforms
ask platformdirs.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

APP = "vaworkspace"


def _xdg(env: Mapping[str, str], variable: str, fallback: str) -> str:
    value = env.get(variable, "").strip()
    if value and os.path.isabs(value):
        return os.path.join(value, APP)
    return os.path.join(os.path.expanduser(fallback), APP)


def data_dir(env: Mapping[str, str] | None = None) -> str:
    """The per-user data folder that holds `workspace.json`."""
    env = os.environ if env is None else env
    if sys.platform.startswith("linux"):
        return _xdg(env, "XDG_DATA_HOME", "~/.local/share")
    import platformdirs

    return platformdirs.user_data_dir(APP, appauthor=False)


def config_dir(env: Mapping[str, str] | None = None) -> str:
    """The per-user config folder that holds `config.toml` and `themes/`."""
    env = os.environ if env is None else env
    if sys.platform.startswith("linux"):
        return _xdg(env, "XDG_CONFIG_HOME", "~/.config")
    import platformdirs

    return platformdirs.user_config_dir(APP, appauthor=False)


def cache_dir(env: Mapping[str, str] | None = None) -> str:
    """The per-user cache folder: what can be rebuilt, never the user's data."""
    env = os.environ if env is None else env
    if sys.platform.startswith("linux"):
        return _xdg(env, "XDG_CACHE_HOME", "~/.cache")
    import platformdirs

    return platformdirs.user_cache_dir(APP, appauthor=False)


def workspace_path(option: str | None, env: Mapping[str, str] | None = None) -> str:
    """`--db` wins, then `$VAWORKSPACE_DB`, then the data dir's `workspace.json`."""
    env = os.environ if env is None else env
    chosen = option or env.get("VAWORKSPACE_DB")
    if chosen:
        return os.path.abspath(os.path.expanduser(chosen))
    return os.path.join(data_dir(env), "workspace.json")


def config_path(env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    return env.get("VAWORKSPACE_CONFIG") or os.path.join(config_dir(env), "config.toml")


def system_timezone(env: Mapping[str, str] | None = None) -> str:
    """The IANA name of the machine's zone: `$TZ`, then /etc/localtime, else UTC."""
    env = os.environ if env is None else env
    name = env.get("TZ", "").lstrip(":")
    if name and not name.startswith("/"):
        return name
    try:
        target = os.path.realpath(name or "/etc/localtime")
    except OSError:
        return "UTC"
    marker = "zoneinfo" + os.sep
    if marker in target:
        return target.split(marker, 1)[1]
    return "UTC"
