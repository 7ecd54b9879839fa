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
from vaworkspace.tui.form import FormScreen

DAYS = "mon tue wed thu fri"


class FirstRunForm(FormScreen):
    """Time zone, work hours and work days, checked as the config loader checks them."""

    FIELDS = (
        ("timezone", "Time zone", "an IANA name: America/Montreal, Europe/Paris"),
        ("hours", "Work hours", "09:00-17:00"),
        ("days", "Work days", DAYS),
    )

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def title_text(self) -> str:
        return (
            "Welcome to vaworkspace. Your time zone and work hours, asked once:\n"
            "due times, reports and the agenda's free slots depend on them.\n"
            f"Saved to {self.path} (enter saves, esc keeps these suggestions)."
        )

    def values(self) -> dict[str, str]:
        return {"timezone": system_timezone(), "hours": "09:00-17:00", "days": DAYS}

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#cancel", Button).label = "Keep suggested esc"

    def save(self, texts: dict[str, str]) -> str:
        days = texts["days"].replace(",", " ").split()
        if not days:
            raise InputError("work days: at least one, such as mon tue wed thu fri")
        write_first_config(self.path, texts["timezone"], texts["hours"], days)
        return f"Settings saved to {self.path}"

    def action_cancel(self) -> None:
        """esc: the suggestions, as they were offered, written so that the question
        is asked once. If they cannot be written (a read-only config folder), the
        workspace opens all the same, on the defaults: esc never traps the VA."""
        with contextlib.suppress(InputError):
            self.save(self.shown)
        self.dismiss(True)


class FirstRunApp(App[bool]):
    """Only the form; exits True once the config file is written, False on ctrl+q."""

    TITLE = "vaworkspace: first run"
    BINDINGS = [Binding("ctrl+q", "quit_unsaved", "Quit", priority=True)]

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
