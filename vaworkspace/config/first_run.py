"""The first run: is it due, and the answers written as a new config file.

`tui/first_run.py` asks the VA's zone and work hours once; here they are checked
as the loader would check them and written whole or not at all.
"""

from __future__ import annotations

import os

from vaworkspace.config import Config, _build, config_path
from vaworkspace.errors import InputError
from vaworkspace.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any


def first_run_due(env: Mapping[str, str] | None = None) -> bool:
    """Whether `va` should ask for the zone and work hours: no config file yet at
    the default place. A `$VAWORKSPACE_CONFIG` means a caller chose the file (a
    script, a test, a benchmark): never asked then, defaults apply."""
    env = os.environ if env is None else env
    return not env.get("VAWORKSPACE_CONFIG") and not os.path.exists(config_path(env))


FIRST_RUN_HEADER = """\
# Written by `va` on its first run; every key is described in the README
# (Configuration). Change these whenever you like.
"""


def write_first_config(path: str, timezone: str, hours: str, days: list[str]) -> Config:
    """Check the first run's answers as the loader would, then write them as a new
    config file (never over an existing one). A bad value is an `InputError`
    naming the setting; nothing is written then."""
    raw: dict[str, Any] = {"timezone": timezone.strip(), "work": {"hours": hours, "days": days}}
    config = _build(raw, path, {})
    text = (
        FIRST_RUN_HEADER
        + f"timezone = {_toml_text(config.timezone_name)}\n\n[work]\n"
        + f"hours = {_toml_text(hours.strip())}\n"
        + f"days = [{', '.join(_toml_text(day.strip().lower()) for day in days)}]\n"
    )
    _write_new(path, text)
    return config


def _toml_text(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's for these characters)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def _write_new(path: str, text: str) -> None:
    """Write `text` as a new file at `path`, whole or not at all (temp file, fsync,
    rename); never over a file already there."""
    import tempfile

    if os.path.exists(path):
        raise InputError(_("{path} exists already; its settings are kept").format(path=path))
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".config-", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as error:
        raise InputError(
            _("cannot write {path}: {error}").format(path=path, error=error.strerror)
        ) from None
