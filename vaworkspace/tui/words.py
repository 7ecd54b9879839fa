"""Keys described in the user's language, on every screen.

Textual reads `BINDINGS` at import, before the language is known, so their
descriptions are written in English and marked `N_()`; a screen with
`TranslatedBindings` hands the footer, the help screen and the palette its
bindings with the descriptions and tooltips translated (`i18n._`). English
hands them on as they are.

French words are longer than English ones and the footer is one row of 80
columns that must hold the screen's keys and the palette hint whole (`^p
palette`). Most keys fit with short French words (`Annul.`, `Rech.`); where they
cannot, a screen names in `TRANSLATED_FOOTER_OMITS` the keys its translated
footer leaves out, chosen because something else on screen already points to
them (the title's `T : revenir à aujourd'hui`, triage's `h m l Prio`). `?` and
the palette still list every key; the English footer shows them all.
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

    TRANSLATED_FOOTER_OMITS: tuple[str, ...] = ()
    """Actions whose keys the footer does not show in a translated UI (see the
    module docstring): they are still bound, in `?` and in the palette."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        if language() == "en":
            return active
        omits = self.TRANSLATED_FOOTER_OMITS
        return {key: _translated(each, omits) for key, each in active.items()}


PALETTE_ACTIONS = ("command_palette", "app.command_palette")


PALETTE_WORD = N_("palette")
"""The word of the footer's palette hint (Textual's binding says it in English)."""


def _translated(active: ActiveBinding, omits: tuple[str, ...]) -> ActiveBinding:
    palette = active.binding.action in PALETTE_ACTIONS
    named = active.binding.key in KEY_NAMES and active.binding.key_display is None
    binding: Binding = replace(
        active.binding,
        key_display=_(KEY_NAMES[active.binding.key]) if named else active.binding.key_display,
        description=_(PALETTE_WORD) if palette else _(active.binding.description),
        show=active.binding.show and active.binding.action not in omits,
        tooltip=_(active.binding.tooltip),
        group=_group(active.binding.group),
    )
    return active._replace(binding=binding, tooltip=_(active.tooltip))


def _group(group: Binding.Group | None) -> Binding.Group | None:
    """A group's label (`Prio` over h m l): equal groups stay equal, as the footer
    groups them by equality."""
    return None if group is None else replace(group, description=_(group.description))
