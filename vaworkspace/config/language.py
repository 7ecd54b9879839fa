"""Which language the workspace speaks: the `language` key of the config file,
else the locale environment, else English.

The environment is read as POSIX says: the first of `LC_ALL`, `LC_MESSAGES` and
`LANG` that is set decides (`fr_CA.UTF-8` gives `fr_CA`, `C` gives English). A
language we do not speak there falls back to English quietly (a machine's
locale is no mistake of the user's); in the config file it is an error naming the
key, as every bad setting is. Dates typed by the user are read in English and
French whatever this says: the language is how we write, not what we read.
"""

from __future__ import annotations

import re

from vaworkspace.errors import InputError
from vaworkspace.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

LANGUAGES = ("en", "fr")
"""The languages the workspace writes; a region may follow (`fr_CA`, `fr_FR`)."""
DEFAULT = "en"
_LOCALE = r"([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|[0-9]{3}))?"


def resolve_language(setting: object, env: Mapping[str, str]) -> str:
    """The locale id to write in (`fr_CA`, `fr`, `en`): the config's `language`
    when given (None: not given), else the environment's."""
    if setting is not None:
        return _configured(setting)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return _from_environment(value)
    return DEFAULT


def _configured(setting: object) -> str:
    found = _parse(setting) if isinstance(setting, str) else None
    if found is None:
        raise InputError(
            _(
                'language must be "en" or "fr", optionally with a region like "fr_CA", not {value}'
            ).format(value=repr(setting))
        )
    return found


def _from_environment(value: str) -> str:
    """`fr_CA.UTF-8@euro` → `fr_CA`; `C`, `POSIX` and languages we lack → English."""
    return _parse(value.split(".")[0].split("@")[0]) or DEFAULT


def _parse(text: str) -> str | None:
    match = re.fullmatch(_LOCALE, text.strip())
    if match is None or match[1].lower() not in LANGUAGES:
        return None
    language, region = match[1].lower(), match[2]
    return f"{language}_{region.upper()}" if region else language


def early_language(path: str, env: Mapping[str, str]) -> str:
    """The language alone, before the whole config is read: the CLI writes its
    `--help` in it before any command runs. A broken file or a bad `language`
    falls back to the environment here; reading the whole config reports them."""
    setting = None
    try:
        with open(path, "rb") as handle:
            setting = _read_language(handle.read())
    except (OSError, ValueError):
        pass
    try:
        return resolve_language(setting, env)
    except InputError:
        return resolve_language(None, env)


def _read_language(data: bytes) -> object:
    if b"language" not in data:  # most config files: no TOML parser for them
        return None
    from vaworkspace.config.plain_toml import plain_table

    table = plain_table(data)
    if table is not None:
        return table.get("language")
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    return tomllib.loads(data.decode("utf-8")).get("language")
