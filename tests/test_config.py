"""Every config key is parsed and checked at load (`vaworkspace.config`): a bad value
is one `ConfigError` naming the file and the key, before any command runs."""

from __future__ import annotations

import pytest

from vaworkspace.config import Config, PublishTarget, load_config, parse_config
from vaworkspace.errors import ConfigError


def _load(tmp_path, text: str) -> Config:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(str(path), env={"TZ": "UTC"})


def test_no_file_gives_the_defaults(tmp_path) -> None:
    config = load_config(str(tmp_path / "missing.toml"), env={"TZ": "Europe/Paris"})
    assert config.timezone_name == "Europe/Paris" and config.currency == "EUR"
    assert config.break_reminder_minutes == 90 and config.daily_cap_hours == 8.0
    assert config.notify_command == () and config.publish == () and config.pomodoro is None
    assert config.sync_deadline == 45.0


def test_every_key_is_parsed_into_its_type(tmp_path) -> None:
    config = _load(
        tmp_path,
        """
timezone = "America/Montreal"
currency = "cad"
notify_command = "notify-send 'va workspace'"
break_reminder_minutes = 0
daily_cap_hours = 7.5

[work]
hours = "08:30-16:30"
days = ["mon", "tue"]

[urgency]
due = 10

[pomodoro]
focus = "50m"
long_break_every = 2

[sync]
deadline = 20

[plan]
buffer = 5

[[publish]]
path = "/tmp/all.ics"

[[publish]]
path = "/tmp/acme.ics"
client = "acme"
""",
    )
    assert config.timezone_name == "America/Montreal" and config.currency == "CAD"
    assert config.notify_command == ("notify-send", "va workspace")
    assert config.break_reminder_minutes == 0 and config.daily_cap_hours == 7.5
    assert config.work.start.hour == 8 and config.work.days == frozenset({0, 1})
    assert config.coefficients.due == 10.0
    assert config.pomodoro is not None
    assert config.pomodoro.focus_minutes == 50 and config.pomodoro.long_break_every == 2
    assert config.sync_deadline == 20.0
    assert config.plan_buffer_minutes == 5
    assert config.publish == (
        PublishTarget("/tmp/all.ics"),
        PublishTarget("/tmp/acme.ics", "acme"),
    )


BAD = [
    ('timezone = "Mars/Olympus"', "unknown time zone 'Mars/Olympus'"),
    ("timezone = 5", "timezone must be"),
    ('currency = "dollars"', "currency 'dollars'"),
    ("currency = 5", "currency must be text"),
    ('notify_command = "notify-send \'oops"', "notify_command"),
    ('notify_command = ["notify-send"]', "notify_command must be text"),
    ('break_reminder_minutes = "ninety"', "break_reminder_minutes must be a whole number"),
    ("break_reminder_minutes = 1.5", "break_reminder_minutes must be"),
    ("break_reminder_minutes = -1", "break_reminder_minutes must be"),
    ('daily_cap_hours = "eight"', "daily_cap_hours must be a number of hours"),
    ("daily_cap_hours = 0", "daily_cap_hours must be"),
    ("daily_cap_hours = 25", "daily_cap_hours must be"),
    ("daily_cap_hours = true", "daily_cap_hours must be"),
    ("work = 5", "[work] must be a table"),
    ('[work]\nhours = "9am to 5pm"', "work hours '9am to 5pm'"),
    ("[work]\nhours = 9", "[work] hours must be text"),
    ('[work]\ndays = "mon"', "[work] days must be a list"),
    ('[work]\ndays = ["someday"]', "work days"),
    ('[work]\nstart = "09:00"', "unknown setting 'start' in [work]"),
    ("urgency = 3", "[urgency] must be a table"),
    ('[urgency]\ndue = "high"', "urgency coefficient 'due'"),
    ("[urgency]\nspeed = 2", "unknown urgency coefficient 'speed'"),
    ("pomodoro = 25", "[pomodoro] must be a table"),
    ('[pomodoro]\nfocus = "long"', "focus"),
    ("[pomodoro]\nfocus = 0", "pomodoro setting 'focus'"),
    ("[pomodoro]\nnap = 20", "unknown pomodoro setting 'nap'"),
    ("sync = 3", "[sync] must be a table"),
    ('[sync]\ndeadline = "soon"', "[sync] deadline"),
    ("[sync]\ntimeout = 3", "unknown setting 'timeout' in [sync]"),
    ("[plan]\nbuffer = 2.5", "[plan] buffer must be a whole number of minutes"),
    ("[plan]\nbuffer = 300", "[plan] buffer"),
    ("[plan]\nbreak = 5", "unknown setting 'break' in [plan]"),
    ('[[publish]]\nclient = "acme"', "[[publish]] entry 1 has no path"),
    ('publish = "a.ics"', "`publish` in the config must be a list"),
    ("daily_cap_hour = 8", "unknown setting 'daily_cap_hour'"),
    ("timezone = ", "is not valid TOML"),
]


@pytest.mark.parametrize(("text", "fragment"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_value_is_one_clear_error_naming_the_file(tmp_path, text, fragment) -> None:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, text + "\n")
    message = str(caught.value)
    assert fragment in message
    assert str(tmp_path / "config.toml") in message
    assert "\n" not in message.strip()


def test_parse_config_builds_the_same_as_a_file() -> None:
    config = parse_config({"daily_cap_hours": 6, "currency": "usd"}, env={"TZ": "UTC"})
    assert config.daily_cap_hours == 6.0 and config.currency == "USD"
    with pytest.raises(ConfigError, match=r"^config: daily_cap_hours"):
        parse_config({"daily_cap_hours": "six"}, env={"TZ": "UTC"})


def test_the_first_runs_answers_are_a_config_file_the_loader_reads(tmp_path) -> None:
    from vaworkspace.config.first_run import write_first_config

    path = tmp_path / "new" / "config.toml"
    written = write_first_config(str(path), " Europe/Paris ", "08:00-16:00", ["Mon", "fri"])
    again = load_config(str(path), env={"TZ": "UTC"})
    assert written.timezone_name == again.timezone_name == "Europe/Paris"
    assert again.work == written.work and sorted(again.work.days) == [0, 4]
    assert path.read_text().startswith("# Written by `va` on its first run")


def test_the_first_run_never_writes_a_bad_value_or_over_a_file(tmp_path) -> None:
    from vaworkspace.config.first_run import write_first_config
    from vaworkspace.errors import InputError

    path = tmp_path / "config.toml"
    with pytest.raises(InputError, match="unknown time zone"):
        write_first_config(str(path), "Nowhere/Land", "09:00-17:00", ["mon"])
    with pytest.raises(InputError, match="end before they start"):
        write_first_config(str(path), "UTC", "17:00-09:00", ["mon"])
    assert not path.exists() and list(tmp_path.iterdir()) == []  # no temp file left
    path.write_text('currency = "CAD"\n')
    with pytest.raises(InputError, match="exists already"):
        write_first_config(str(path), "UTC", "09:00-17:00", ["mon"])
    assert path.read_text() == 'currency = "CAD"\n'


def test_the_first_run_is_due_only_without_a_config_at_the_default_place(tmp_path) -> None:
    from vaworkspace.config.first_run import first_run_due

    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert first_run_due(env)
    assert not first_run_due({**env, "VAWORKSPACE_CONFIG": str(tmp_path / "chosen.toml")})
    (tmp_path / "vaworkspace").mkdir()
    (tmp_path / "vaworkspace" / "config.toml").write_text("")
    assert not first_run_due(env)
