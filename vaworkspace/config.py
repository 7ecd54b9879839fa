"""Where the workspace lives and the user's settings (a TOML file).

Config file (all keys optional), at `$VAWORKSPACE_CONFIG` or the platform config
dir's `vaworkspace/config.toml`:

    timezone = "America/Montreal"   # default: the system zone
    currency = "CAD"                # default currency of new clients

    [work]
    hours = "09:00-17:00"
    days = ["mon", "tue", "wed", "thu", "fri"]

    [urgency]                       # any coefficient of domain.urgency.Coefficients
    due = 12.0
    client_weight = 1.0

On Linux the XDG rule (the one platformdirs applies there) is computed inline:
importing platformdirs costs ~12 ms, a fifth of a `va list`. Other platforms
ask platformdirs.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from vaworkspace.domain.tasks.urgency import Coefficients
from vaworkspace.domain.time.worktime import WorkHours, parse_work_hours
from vaworkspace.errors import InputError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any
    from zoneinfo import ZoneInfo

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


def load_zone(name: str) -> ZoneInfo:
    """A tzinfo for an IANA name, or a clear error naming the setting."""
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (ValueError, OSError, KeyError):
        raise InputError(
            f"unknown time zone '{name}'; use an IANA name like America/Montreal"
        ) from None


@dataclass(slots=True)
class Config:
    """Settings the service needs; `raw` keeps the whole table for later features."""

    timezone_name: str = "UTC"
    currency: str = "EUR"
    work: WorkHours = WorkHours()
    coefficients: Coefficients = Coefficients()
    path: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)  # as TOML gave it

    @property
    def tz(self) -> ZoneInfo:
        return load_zone(self.timezone_name)


def load_config(path: str | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read the config file if there is one; a broken file is a clear user error."""
    env = os.environ if env is None else env
    path = path or config_path(env)
    raw: dict[str, Any] = {}
    if os.path.exists(path):
        raw = _read_toml(path)
    try:
        return _build(raw, path, env)
    except InputError as error:
        raise InputError(f"{path}: {error}") from None


def _read_toml(path: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"config file {path} is not valid TOML: {error}") from None
    except OSError as error:
        raise InputError(f"cannot read config file {path}: {error.strerror}") from None


def _build(raw: dict[str, Any], path: str, env: Mapping[str, str]) -> Config:
    zone = raw.get("timezone") or system_timezone(env)
    load_zone(zone)
    work_table = raw.get("work", {})
    work = WorkHours()
    if work_table:
        work = parse_work_hours(work_table.get("hours", "09:00-17:00"), work_table.get("days"))
    currency = str(raw.get("currency", "EUR")).upper()
    coefficients = Coefficients.from_config(raw.get("urgency", {}))
    return Config(zone, currency, work, coefficients, path, raw)
