"""Where the workspace lives and the user's settings (a TOML file).

Config file (all keys optional), at `$VAWORKSPACE_CONFIG` or the platform config
dir's `vaworkspace/config.toml`:

    timezone = "America/Montreal"   # default: the system zone
    currency = "CAD"                # default currency of new clients
    language = "fr"                 # default: LC_ALL, LC_MESSAGES or LANG (config/language.py)
    target_rate = 45                # the hourly rate you aim to really earn (README)

    [work]
    hours = "09:00-17:00"
    days = ["mon", "tue", "wed", "thu", "fri"]

    [urgency]                       # any coefficient of domain.urgency.Coefficients
    due = 24.0
    client_weight = 1.0

and `notify_command`, `break_reminder_minutes`, `daily_cap_hours`,
`timer_minimum_minutes`, `[pomodoro]`,
`[sync] deadline` and `[[publish]]` (README, Configuration).

Every key is parsed and checked when the file is loaded, into the typed `Config`
the service reads: a bad value (`daily_cap_hours = "eight"`), an unknown key (a
typo) or broken TOML is one `ConfigError` naming the file and the key, before any
command runs or the TUI starts, never a crash later inside a timer tick.

Where the files live is `config/paths.py`; the first run's writer is
`config/first_run.py`.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from vaworkspace.config.paths import APP as APP
from vaworkspace.config.paths import cache_dir as cache_dir
from vaworkspace.config.paths import config_dir as config_dir
from vaworkspace.config.paths import config_path as config_path
from vaworkspace.config.paths import data_dir as data_dir
from vaworkspace.config.paths import system_timezone as system_timezone
from vaworkspace.config.paths import workspace_path as workspace_path
from vaworkspace.config.publish import PublishTarget as PublishTarget
from vaworkspace.config.publish import publish_targets as publish_targets
from vaworkspace.config.values import (
    command_value,
    number_value,
    section,
    table_value,
    text_value,
)
from vaworkspace.domain.field_methods import FieldMethods
from vaworkspace.errors import ConfigError, InputError
from vaworkspace.i18n import N_, _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any
    from zoneinfo import ZoneInfo

    from vaworkspace.domain.tasks.urgency import Coefficients
    from vaworkspace.domain.time.timer import PomodoroSettings
    from vaworkspace.domain.time.worktime import WorkHours


def load_zone(name: str) -> ZoneInfo:
    """A tzinfo for an IANA name, or a clear error naming the setting."""
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (ValueError, OSError, KeyError):
        raise InputError(
            _("unknown time zone '{name}'; {hint}use an IANA name like America/Montreal").format(
                name=name, hint=""
            )
        ) from None


DEFAULT_BREAK_AFTER = 90
"""Minutes of focus in a row before a break is suggested (0: never)."""
DEFAULT_DAILY_CAP = 8.0
"""Hours of logged and planned work in a day before a warning."""
DEFAULT_TIMER_MINIMUM = 1
"""Minutes a timer stretch must reach to be logged: a start-stop by mistake is not
billed a whole rounding step (0: log every second)."""
DEFAULT_DEADLINE = 45.0
"""Seconds one subscribed calendar may take in all (`[sync] deadline`)."""
DEFAULT_PLAN_BUFFER = 10
"""Minutes `va plan` keeps clear before and after each event (`[plan] buffer`)."""


@dataclass(slots=True, init=False, repr=False, eq=False)
class Config(FieldMethods):
    """The user's settings, each parsed and checked (`load_config`); `raw` keeps
    the file's table as it was read, for messages and later features. Every
    command builds one: its methods are written, not generated (`field_methods.py`)."""

    timezone_name: str = "UTC"
    currency: str = "EUR"
    language: str = "en"
    """The locale id the workspace writes in (`fr_CA`, `fr`, `en`); see `config.language`."""
    target_rate_cents: int | None = None
    """`target_rate`: the effective hourly rate aimed at, drawn as met or not."""
    work_hours: WorkHours | None = None
    """`[work]` as the file sets it; None: the defaults. Read `work`."""
    urgency: Coefficients | None = None
    """`[urgency]` as the file sets it; None: the defaults. Read `coefficients`."""
    path: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)  # as TOML gave it
    pomodoro: PomodoroSettings | None = None
    """None: the defaults (importing the timer module is left to commands that time)."""
    break_reminder_minutes: int = DEFAULT_BREAK_AFTER
    daily_cap_hours: float = DEFAULT_DAILY_CAP
    timer_minimum_minutes: int = DEFAULT_TIMER_MINIMUM
    notify_command: tuple[str, ...] = ()
    """The command and its arguments (split like a shell); empty: none."""
    sync_deadline: float = DEFAULT_DEADLINE
    publish: tuple[PublishTarget, ...] = ()
    plan_buffer_minutes: int = DEFAULT_PLAN_BUFFER
    """`[plan] buffer`: minutes `va plan` keeps free around each event."""

    def __init__(
        self,
        timezone_name: str = "UTC",
        currency: str = "EUR",
        language: str = "en",
        target_rate_cents: int | None = None,
        work_hours: WorkHours | None = None,
        urgency: Coefficients | None = None,
        path: str | None = None,
        raw: dict[str, Any] | None = None,
        pomodoro: PomodoroSettings | None = None,
        break_reminder_minutes: int = DEFAULT_BREAK_AFTER,
        daily_cap_hours: float = DEFAULT_DAILY_CAP,
        timer_minimum_minutes: int = DEFAULT_TIMER_MINIMUM,
        notify_command: tuple[str, ...] = (),
        sync_deadline: float = DEFAULT_DEADLINE,
        publish: tuple[PublishTarget, ...] = (),
        plan_buffer_minutes: int = DEFAULT_PLAN_BUFFER,
    ) -> None:
        self.timezone_name = timezone_name
        self.currency = currency
        self.language = language
        self.target_rate_cents = target_rate_cents
        self.work_hours = work_hours
        self.urgency = urgency
        self.path = path
        self.raw = {} if raw is None else raw
        self.pomodoro = pomodoro
        self.break_reminder_minutes = break_reminder_minutes
        self.daily_cap_hours = daily_cap_hours
        self.timer_minimum_minutes = timer_minimum_minutes
        self.notify_command = notify_command
        self.sync_deadline = sync_deadline
        self.publish = publish
        self.plan_buffer_minutes = plan_buffer_minutes

    @property
    def tz(self) -> ZoneInfo:
        return load_zone(self.timezone_name)

    @property
    def work(self) -> WorkHours:
        """The working hours and days. The defaults are made when asked for, so
        a command that ranks nothing (`va add`) never imports their module."""
        if self.work_hours is not None:
            return self.work_hours
        from vaworkspace.domain.time.worktime import WorkHours

        return WorkHours()

    @property
    def coefficients(self) -> Coefficients:
        """The urgency coefficients (the defaults made when asked for, as `work`)."""
        if self.urgency is not None:
            return self.urgency
        from vaworkspace.domain.tasks.urgency import Coefficients

        return Coefficients()


def load_config(path: str | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read the config file if there is one and check every key: a broken file or
    a bad value is one `ConfigError` naming the file (and the key)."""
    env = os.environ if env is None else env
    path = path or config_path(env)
    raw: dict[str, Any] = {}
    if os.path.exists(path):
        raw = _read_toml(path)
    return parse_config(raw, path, env)


def parse_config(
    raw: dict[str, Any], path: str | None = None, env: Mapping[str, str] | None = None
) -> Config:
    """The typed settings of a config table (as TOML gives it); `ConfigError` for
    the first bad key, prefixed with the file's path."""
    env = os.environ if env is None else env
    try:
        return _build(raw, path, env)
    except InputError as error:
        where = _("{path}: {error}") if path else _("config: {error}")
        raise ConfigError(where.format(path=path, error=error)) from None


def _read_toml(path: str) -> dict[str, Any]:
    """The file's table: read as plain TOML (`plain_toml.py`) when it is written
    so, else by tomllib, which reports what is wrong with it."""
    from vaworkspace.config.plain_toml import plain_table

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise ConfigError(
            _("cannot read config file {path}: {error}").format(path=path, error=error.strerror)
        ) from None
    table = plain_table(data)
    if table is not None:
        return table
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        found: dict[str, Any] = tomllib.loads(data.decode())
        return found
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            _("config file {path} is not valid TOML: {error}").format(path=path, error=error)
        ) from None


KEYS = (
    "timezone",
    "currency",
    "language",
    "target_rate",
    "notify_command",
    "break_reminder_minutes",
    "daily_cap_hours",
    "timer_minimum_minutes",
    "work",
    "urgency",
    "pomodoro",
    "sync",
    "publish",
    "plan",
)
"""Every top-level key a config file may hold."""


def _build(raw: dict[str, Any], path: str | None, env: Mapping[str, str]) -> Config:
    unknown = sorted(set(raw) - set(KEYS))
    if unknown:
        raise InputError(
            _("unknown setting '{key}'; known: {known}").format(
                key=unknown[0], known=", ".join(KEYS)
            )
        )
    config = Config(path=path, raw=raw)
    _place(config, raw, env)
    _work(config, raw)
    if "urgency" in raw:
        from vaworkspace.domain.tasks.urgency import Coefficients

        with section("urgency"):
            config.urgency = Coefficients.from_config(table_value("urgency", raw["urgency"]))
    _time(config, raw)
    table_value("sync", raw.get("sync", {}), ("deadline",))
    config.sync_deadline = sync_deadline(raw)
    plan = table_value("plan", raw.get("plan", {}), ("buffer",))
    if "buffer" in plan:
        buffer = number_value(
            "[plan] buffer", plan["buffer"], (0, 240), N_("a whole number of minutes"), whole=True
        )
        config.plan_buffer_minutes = int(buffer)
    targets, problems = publish_targets(raw)
    if problems:
        raise InputError(problems[0])
    config.publish = tuple(targets)
    return config


def _place(config: Config, raw: dict[str, Any], env: Mapping[str, str]) -> None:
    """`timezone` (default: the system's), `currency`, `language`, `target_rate`."""
    zone = raw.get("timezone")
    if zone is not None and (not isinstance(zone, str) or not zone.strip()):
        raise InputError(
            _("timezone must be an IANA name like America/Montreal, not {value}").format(
                value=repr(zone)
            )
        )
    config.timezone_name = zone or system_timezone(env)
    load_zone(config.timezone_name)
    if "currency" in raw:
        from vaworkspace.domain.clients import validate_currency

        config.currency = validate_currency(text_value("currency", raw["currency"]))
    from vaworkspace.config.language import resolve_language

    config.language = resolve_language(raw.get("language"), env)
    if "target_rate" in raw:
        from vaworkspace.domain.money import parse_rate

        target = raw["target_rate"]
        config.target_rate_cents = parse_rate(target if isinstance(target, str) else repr(target))


def _work(config: Config, raw: dict[str, Any]) -> None:
    """`[work]` hours and days, for the slack (urgency) and the agenda."""
    work = table_value("work", raw.get("work", {}), ("hours", "days"))
    if not work:
        return
    days = work.get("days")
    if days is not None and (
        not isinstance(days, list) or not all(isinstance(day, str) for day in days)
    ):
        raise InputError(
            _('[work] days must be a list like ["mon", "tue"], not {value}').format(
                value=repr(days)
            )
        )
    hours = text_value("[work] hours", work.get("hours", "09:00-17:00"))
    from vaworkspace.domain.time.worktime import parse_work_hours

    config.work_hours = parse_work_hours(hours, days)


def _time(config: Config, raw: dict[str, Any]) -> None:
    """`[pomodoro]`, `break_reminder_minutes`, `daily_cap_hours`,
    `timer_minimum_minutes`, `notify_command`."""
    if "pomodoro" in raw:
        from vaworkspace.domain.time.timer import PomodoroSettings

        with section("pomodoro"):
            config.pomodoro = PomodoroSettings.from_config(table_value("pomodoro", raw["pomodoro"]))
    if "break_reminder_minutes" in raw:
        minutes = number_value(
            "break_reminder_minutes",
            raw["break_reminder_minutes"],
            (0, 24 * 60),
            N_("a whole number of minutes (0: never)"),
            whole=True,
        )
        config.break_reminder_minutes = int(minutes)
    if "daily_cap_hours" in raw:
        config.daily_cap_hours = number_value(
            "daily_cap_hours", raw["daily_cap_hours"], (0, 24), N_("a number of hours"), above=True
        )
    if "timer_minimum_minutes" in raw:
        minimum = number_value(
            "timer_minimum_minutes",
            raw["timer_minimum_minutes"],
            (0, 60),
            N_("a whole number of minutes (0: log every second)"),
            whole=True,
        )
        config.timer_minimum_minutes = int(minimum)
    if "notify_command" in raw:
        config.notify_command = command_value(raw["notify_command"])


def sync_deadline(raw: dict[str, Any], path: str | None = None) -> float:
    """`[sync] deadline` from the config: seconds per source, 45 unless set."""
    table = raw.get("sync", {})
    value = table.get("deadline", DEFAULT_DEADLINE) if isinstance(table, dict) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 3600:
        message = _("[sync] deadline must be a number of seconds, at most 3600")
        raise InputError(_("{path}: {error}").format(path=path, error=message) if path else message)
    return float(value)
