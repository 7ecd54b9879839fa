"""CalDAV accounts: `accounts.toml` beside `config.toml`, and their passwords.

    [[account]]
    name = "work"
    url = "https://cloud.example.com/remote.php/dav"
    user = "ann"
    password_command = "pass show dav"

The file holds where and who, never a password: `password_command` is run (no
shell: split like a command line) each time a sync needs it and its first line of
output is the password; without one, a netrc entry for the server's host
(`$NETRC`, else `~/.netrc`) is used, as curl and git do. The file is user-owned
settings like the config, so it sits in the config folder (mode 0600) and
`va account add|rm` rewrite it whole, atomically; the workspace file keeps what
is the workspace's own (which collection is which client's, sync state).
"""

from __future__ import annotations

import json
import os
import sys

from vaworkspace.config.paths import config_path
from vaworkspace.domain.calendar.accounts import Account
from vaworkspace.errors import ConfigError, InputError
from vaworkspace.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

_KEYS = ("name", "url", "user", "password_command")
PASSWORD_DEADLINE = 60.0
"""Seconds a password command may take (a pass or gpg prompt waits for the VA)."""


def accounts_path(env: Mapping[str, str] | None = None) -> str:
    return os.path.join(os.path.dirname(config_path(env)), "accounts.toml")


def load_accounts(path: str) -> list[Account]:
    """The accounts in the file, in file order; none when there is no file."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return []
    except OSError as error:
        raise ConfigError(_cannot_read(path, error.strerror)) from None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(
            _("{path}: not valid TOML ({error})").format(path=path, error=error)
        ) from None
    found = []
    for n, item in enumerate(data.get("account", []), 1):
        if not isinstance(item, dict) or set(item) - set(_KEYS):
            said = _("{path}: account {n} has keys other than {keys}")
            raise ConfigError(said.format(path=path, n=n, keys=", ".join(_KEYS)))
        if not all(isinstance(item.get(k, ""), str) for k in _KEYS):
            raise ConfigError(_("{path}: account {n}: every value is text").format(path=path, n=n))
        if not item.get("name") or not item.get("url"):
            said = _("{path}: account {n} needs a name and a url")
            raise ConfigError(said.format(path=path, n=n))
        found.append(
            Account(item["name"], item["url"], item.get("user"), item.get("password_command"))
        )
    return found


def save_accounts(path: str, accounts: list[Account]) -> None:
    """Rewrite the file with `accounts`: temp file, fsync, rename (never half written)."""
    lines = ["# CalDAV accounts of vaworkspace (`va account`). No passwords here.\n"]
    for account in accounts:
        lines.append("\n[[account]]\n")
        for key in _KEYS:
            value = getattr(account, key)
            if value is not None:
                # A JSON string with ASCII escapes is a valid TOML basic string.
                lines.append(f"{key} = {json.dumps(value)}\n")
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    temp = f"{path}.{os.getpid()}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("".join(lines))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def password_for(account: Account, env: Mapping[str, str] | None = None) -> str | None:
    """The account's password: its command's first line, else its netrc entry,
    else None (the server may need none). A failing command is an `InputError`."""
    if account.password_command:
        return _run_password_command(account)
    return _netrc_password(account, os.environ if env is None else env)


def _run_password_command(account: Account) -> str:
    import shlex
    import subprocess

    command = account.password_command or ""
    try:
        words = shlex.split(command)
        # No stdin: the TUI owns the terminal's input, and a prompt on stdin
        # would be invisible anyway (its output is captured). pinentry and
        # ssh-askpass open their own window or tty and still work.
        done = subprocess.run(
            words,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=PASSWORD_DEADLINE,
            check=False,
        )
    except (ValueError, OSError, subprocess.TimeoutExpired) as error:
        said = _("account '{name}': the password command `{command}` could not run ({error})")
        raise InputError(said.format(name=account.name, command=command, error=error)) from None
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or [""])[0]
        if first:
            said = _(
                "account '{name}': the password command `{command}` failed (exit {code}: {said})"
            )
        else:
            said = _("account '{name}': the password command `{command}` failed (exit {code})")
        raise InputError(
            said.format(name=account.name, command=command, code=done.returncode, said=first)
        )
    return (done.stdout.splitlines() or [""])[0]


def _netrc_password(account: Account, env: Mapping[str, str]) -> str | None:
    import netrc
    from urllib.parse import urlsplit

    path = env.get("NETRC") or os.path.join(os.path.expanduser("~"), ".netrc")
    if not os.path.exists(path):
        return None
    try:
        entries = netrc.netrc(path)
    except (netrc.NetrcParseError, OSError) as error:
        raise InputError(_cannot_read(path, error)) from None
    found = entries.authenticators(urlsplit(account.url).hostname or "")
    if found is None:
        return None
    login, _account, password = found
    if account.user and login and login != account.user:
        return None
    return password


def _cannot_read(path: str, why: object) -> str:
    return _("{path}: cannot read it ({error})").format(path=path, error=why)
