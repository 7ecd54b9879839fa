"""Keys described in the user's language, on every screen.

Textual reads `BINDINGS` at import, before the language is known, so their
descriptions are written in English and marked `N_()`; a screen with
`TranslatedBindings` hands the footer, the help screen and the palette its
bindings with the descriptions and tooltips translated (`i18n._`). English
hands them on as they are.

French words are longer than English ones and the footer is one row of 80
columns: the footer's palette hint is shown as its key alone (`^p`), its eight
columns given to the screen's keys; `?` and the help still name the palette.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding, Binding

from vaworkspace.i18n import N_, _, language

KEY_NAMES = {"space": N_("space"), "escape": N_("esc")}
"""Keys the footer and `?` name by a word (Textual's `space`, `esc`): in the language
in use, as the prompts name them (`espace`, `échap`)."""


class TranslatedBindings:
    """Mixin before `Screen`/`ModalScreen`: `active_bindings` in the language in use."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        if language() == "en":
            return active
        return {key: _translated(each) for key, each in active.items()}


PALETTE_ACTIONS = ("command_palette", "app.command_palette")


def _translated(active: ActiveBinding) -> ActiveBinding:
    palette = active.binding.action in PALETTE_ACTIONS
    named = active.binding.key in KEY_NAMES and active.binding.key_display is None
    binding: Binding = replace(
        active.binding,
        key_display=_(KEY_NAMES[active.binding.key]) if named else active.binding.key_display,
        description="" if palette else _(active.binding.description),
        tooltip=_(active.binding.tooltip),
        group=_group(active.binding.group),
    )
    return active._replace(binding=binding, tooltip=_(active.tooltip))


def _group(group: Binding.Group | None) -> Binding.Group | None:
    """A group's label (`Prio` over h m l): equal groups stay equal, as the footer
    groups them by equality."""
    return None if group is None else replace(group, description=_(group.description))
