"""Readers of one config value each: text, a table, a number in bounds, a shell
command; each refuses a wrong value with a message that names the key and
says what it wants (the config is untrusted input a VA typed by hand)."""

from __future__ import annotations

from vaworkspace.errors import InputError
from vaworkspace.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class section:
    """Name the table in a message from a parser that does not (`[pomodoro] …`)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        if isinstance(error, InputError) and self.name not in str(error):
            raise InputError(
                _("[{section}] {error}").format(section=self.name, error=error)
            ) from None


def text_value(key: str, value: object) -> str:
    if not isinstance(value, str):
        raise InputError(
            _("{key} must be text in quotes, not {value}").format(key=key, value=repr(value))
        )
    return value


def table_value(key: str, value: object, known: tuple[str, ...] | None = None) -> dict[str, Any]:
    """`[key]` as a dict; with `known`, refusing any other key inside it."""
    if not isinstance(value, dict):
        raise InputError(
            _("[{key}] must be a table of settings, not {value}").format(key=key, value=repr(value))
        )
    if known is not None:
        for name in value:
            if name not in known:
                raise InputError(
                    _("unknown setting '{name}' in [{key}]; known: {known}").format(
                        name=name, key=key, known=", ".join(known)
                    )
                )
    return value


def number_value(
    key: str,
    value: object,
    bounds: tuple[float, float],
    what: str,
    whole: bool = False,
    above: bool = False,
) -> float:
    """A number within `bounds` (the lower one excluded when `above`); `whole`: an int.
    `what` (marked) names the number the key wants."""
    low, high = bounds
    kinds = (int,) if whole else (int, float)
    number = value if isinstance(value, kinds) and not isinstance(value, bool) else None
    if number is None or not (number > low if above else number >= low) or number > high:
        if above:
            message = _("{key} must be {what}, above {low} to {high}, not {value}")
        else:
            message = _("{key} must be {what}, from {low} to {high}, not {value}")
        raise InputError(
            message.format(
                key=key, what=_(what), low=f"{low:g}", high=f"{high:g}", value=repr(value)
            )
        )
    return float(number)


def command_value(value: object) -> tuple[str, ...]:
    """`notify_command`, split like a shell would: a missing quote is an error now,
    not when the first focus block ends."""
    import shlex

    text = text_value("notify_command", value)
    try:
        words = tuple(shlex.split(text))
    except ValueError as error:
        raise InputError(
            _("notify_command {text} cannot be split like a shell: {error}").format(
                text=repr(text), error=error
            )
        ) from None
    return words
