"""`accounts.toml`: written whole and read back, never holding a password; the
password comes from a command or a netrc entry at sync time."""

from __future__ import annotations

import pytest

from vaworkspace.config.accounts import load_accounts, password_for, save_accounts
from vaworkspace.domain.calendar.accounts import Account
from vaworkspace.errors import ConfigError, InputError


def test_accounts_round_trip_with_awkward_text(tmp_path) -> None:
    path = str(tmp_path / "accounts.toml")
    accounts = [
        Account("work", "https://dav.example.com/", "ann", 'pass show "dav\\work"'),
        Account("home", "https://x.example/é/", None, None),
    ]

    save_accounts(path, accounts)

    assert load_accounts(path) == accounts


def test_an_unknown_key_is_a_config_error_naming_the_file(tmp_path) -> None:
    path = tmp_path / "accounts.toml"
    path.write_text('[[account]]\nname = "w"\nurl = "https://x/"\npassword = "oops"\n')

    with pytest.raises(ConfigError, match=str(path)):
        load_accounts(str(path))


def test_the_password_command_gives_its_first_line() -> None:
    account = Account("w", "https://x/", "ann", "printf 's3cret\\nmore'")

    assert password_for(account, {}) == "s3cret"


def test_a_failing_password_command_says_which_account() -> None:
    account = Account("w", "https://x/", "ann", "false")

    with pytest.raises(InputError, match="account 'w': the password command `false` failed"):
        password_for(account, {})


def test_a_password_command_that_reads_its_input_fails_at_once(monkeypatch) -> None:
    """The TUI owns the terminal's input: a command that waits on stdin would eat
    the VA's keys (or hang until the deadline); it reads end-of-file instead."""
    import os
    import time

    monkeypatch.setattr("vaworkspace.config.accounts.PASSWORD_DEADLINE", 5.0)
    account = Account("w", "https://x/", "ann", "sh -c 'read pw && echo $pw'")
    keys_r, keys_w = os.pipe()  # an open input nobody writes to, like the VA's terminal
    saved = os.dup(0)
    os.dup2(keys_r, 0)
    started = time.monotonic()
    try:
        with pytest.raises(InputError, match="failed \\(exit 1\\)"):
            password_for(account, {})
    finally:
        os.dup2(saved, 0)
        for fd in (saved, keys_r, keys_w):
            os.close(fd)
    assert time.monotonic() - started < 2


def test_netrc_matches_host_and_user(tmp_path) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine dav.example.com login ann password pw1\n")
    netrc.chmod(0o600)
    env = {"NETRC": str(netrc)}

    assert password_for(Account("w", "https://dav.example.com/x/", "ann"), env) == "pw1"
    assert password_for(Account("w", "https://dav.example.com/x/", "bob"), env) is None
    assert password_for(Account("w", "https://other.example/", "ann"), env) is None


@pytest.mark.parametrize(
    ("text", "english", "french"),
    [
        ('[[account]]\nname = "w"\nurl = ', "not valid TOML", "pas du TOML valide"),
        (
            '[[account]]\nname = "w"\nurl = "https://x/"\npassword = "oops"\n',
            "account 1 has keys other than name, url, user, password_command",
            "le compte 1 a des clés autres que name, url, user, password_command",
        ),
        ('[[account]]\nname = "w"\nurl = 5\n', "account 1: every value is text", "texte"),
        ('[[account]]\nname = "w"\n', "account 1 needs a name and a url", "un nom et une url"),
    ],
)
def test_a_bad_accounts_file_is_said_in_french(tmp_path, text, english, french) -> None:
    from vaworkspace.i18n import use_language

    path = tmp_path / "accounts.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=english):
        load_accounts(str(path))
    use_language("fr_CA")
    with pytest.raises(ConfigError) as refused:
        load_accounts(str(path))
    assert str(refused.value).startswith(f"{path} : ") and french in str(refused.value)


def test_a_failing_password_command_in_french() -> None:
    from vaworkspace.i18n import use_language

    use_language("fr_FR")
    account = Account("w", "https://x/", "ann", "sh -c 'echo refusé >&2; exit 3'")
    with pytest.raises(InputError) as refused:
        password_for(account, {})
    assert str(refused.value) == (
        "compte « w » : la commande de mot de passe `sh -c 'echo refusé >&2; exit 3'` a échoué "
        "(code de sortie 3 : refusé)"
    )
