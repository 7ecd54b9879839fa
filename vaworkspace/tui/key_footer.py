"""The footer of every screen: Textual's, rebuilt only when its keys change.

Textual's `Footer` is a widget per key, rebuilt whenever the screen's bindings
may have changed (on mount and at every focus change): five times while the
inbox starts, each time with the same keys, and each rebuild mounts and styles
a dozen widgets before the first screen is interactive. `KeyFooter` remembers
what it shows and skips a rebuild that would show the same; keys that appear,
disappear or grey out (the agenda's `check_action`) still rebuild it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen


class KeyFooter(Footer):
    # A group's label (`h l Move`) is followed by a space, as every key's words are:
    # Textual's compact footer glues it to the next key (`Movev View`).
    DEFAULT_CSS = """
    KeyFooter.-compact FooterLabel { margin: 0 1 0 0; }
    """
    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if (shown := _keys(screen)) == self._shown:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # a rebuild is on its way: the same keys need no other


def _keys(screen: Screen) -> tuple:
    """What the footer shows: per action, in order, its first shown binding (as
    `Footer.compose` groups them: `e` and `enter` for one action are one key)."""
    first: dict[str, tuple] = {}
    for _, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in first:
            first[binding.action] = (binding.key, binding.description, enabled, tooltip)
    return tuple(first.items())
