"""The config's `notify_command`: a program of the VA's choice (`notify-send`, a
phone push) handed each message the timer says, as its last argument.

Fire and forget: the program runs in its own session with no stdin, stdout or
stderr of ours, so a slow or chatty one never holds the TUI's tick. Only a
program that cannot be started at all is an error, said in the language in use.
"""

from __future__ import annotations

from vaworkspace.errors import InputError
from vaworkspace.i18n import N_, _

LAUNCH_FAILURES = (
    N_("No such file or directory"),
    N_("Permission denied"),
    N_("Exec format error"),
)
"""Why a program could not be started, as the system says it (`strerror`, English):
the usual ones are marked so a French UI says them in French too."""


def announce(command: tuple[str, ...], message: str) -> None:
    """Run `command` (split and checked when the config was loaded) with `message`;
    nothing when no command is configured."""
    if not command:
        return
    import subprocess

    try:
        subprocess.Popen(
            [*command, message],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as error:
        raise InputError(
            _("notify_command '{command}' failed: {error}").format(
                command=command[0], error=_(error.strerror or str(error))
            )
        ) from None
