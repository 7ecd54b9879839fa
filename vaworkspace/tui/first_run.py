"""The first `va` in a terminal: the VA's time zone and work hours, asked once.

On a server reached over SSH the system zone is often UTC, and every due time,
report day and agenda slot would be an hour or more off. So before the first
workspace opens, when there is no config file yet (`config.first_run.first_run_due`), a
small form asks for the zone (the system's suggested) and the work hours, and
writes them as the config file (`config.first_run.write_first_config`). Enter saves what
is typed; esc keeps the suggestions, written too, so the question is never
asked again (if the folder is read-only, the workspace still opens, on the
defaults); ctrl+q leaves `va` without writing anything.

Never asked with `--demo`, when stdin or stdout is not a terminal, or when
`$VAWORKSPACE_CONFIG` names the file (scripts, tests, benchmarks).
"""

from __future__ import annotations

import contextlib

from textual.app import App
from textual.binding import Binding
from textual.widgets import Button

from vaworkspace.config import system_timezone
from vaworkspace.config.first_run import write_first_config
from vaworkspace.errors import InputError
from vaworkspace.i18n import N_, _
from vaworkspace.tui.form import FormScreen

DAYS = N_("mon tue wed thu fri")
"""The work days suggested; French suggests `lun mar mer jeu ven`, written to the
config file as the English codes it holds."""


class FirstRunForm(FormScreen):
    """Time zone, work hours and work days, checked as the config loader checks them."""

    FIELDS = (
        ("timezone", N_("Time zone"), N_("an IANA name: America/Montreal, Europe/Paris")),
        ("hours", N_("Work hours"), "09:00-17:00"),
        ("days", N_("Work days"), DAYS),
    )

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def title_text(self) -> str:
        welcome = _(
            "Welcome to vaworkspace. Your time zone and work hours, asked once:\n"
            "due times, reports and the agenda's free slots depend on them.\n"
            "Saved to {path} (enter saves, esc keeps these suggestions)."
        )
        return welcome.format(path=self.path)

    def values(self) -> dict[str, str]:
        return {"timezone": system_timezone(), "hours": "09:00-17:00", "days": _(DAYS)}

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#cancel", Button).label = _("Keep suggested esc")

    def save(self, texts: dict[str, str]) -> str:
        days = day_codes(texts["days"])
        if not days:
            raise InputError(_("work days: at least one, such as {days}").format(days=_(DAYS)))
        write_first_config(self.path, texts["timezone"], texts["hours"], days)
        return _("Settings saved to {path}").format(path=self.path)

    def action_cancel(self) -> None:
        """esc: the suggestions, as they were offered, written so that the question
        is asked once. If they cannot be written (a read-only config folder), the
        workspace opens all the same, on the defaults: esc never traps the VA."""
        with contextlib.suppress(InputError):
            self.save(self.shown)
        self.dismiss(True)


def day_codes(text: str) -> list[str]:
    """The days typed (`lun mar mer`, `mon, tue`, `vendredi`) as the config's codes
    (`mon`…`sun`); a word that names no day is kept as typed, for the config
    loader to refuse with its own message."""
    from vaworkspace.domain.date_words import DAY_NAMES, WEEKDAYS, fold

    french = {"mar": 1}  # mardi here: a work day is never March
    found = []
    for word in text.replace(",", " ").split():
        day = WEEKDAYS.get(fold(word), french.get(fold(word)))
        found.append(word if day is None else DAY_NAMES[day])
    return found


class FirstRunApp(App[bool]):
    """Only the form; exits True once the config file is written, False on ctrl+q."""

    TITLE = "vaworkspace: first run"
    BINDINGS = [Binding("ctrl+q", "quit_unsaved", N_("Quit"), priority=True)]

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def on_mount(self) -> None:
        self.push_screen(FirstRunForm(self.path).load(), self.exit)

    def action_quit_unsaved(self) -> None:
        self.exit(False)


def ask_first_settings(path: str) -> bool:
    """Run the form; True once the settings are written (False: the VA quit)."""
    return bool(FirstRunApp(path).run())
