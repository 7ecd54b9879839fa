"""Edit fields that show stored text safely and keep it exactly: the forms' inputs.

A form must give back what is stored, character for character, when the VA saves
without touching a field (export stays lossless), yet must never draw an imported
ESC or OSC sequence on the terminal. These widgets draw through `display.safe`
and leave the value alone. Kept apart from `widgets.py`: TextArea costs ~10 ms
of imports that the first screen does not need.
"""

from __future__ import annotations

from rich.highlighter import Highlighter
from rich.text import Text
from textual.widgets import TextArea

from vaworkspace.display import safe


class SafeText(Highlighter):
    """An `Input` highlighter that shows the value through `safe`: the field still
    holds (and saves) the stored text, the screen gets "␛" for ESC.

    `safe` on one line replaces each character by exactly one, so the cursor and
    the selection still fall on the right characters.
    """

    def highlight(self, text: Text) -> None:
        shown = safe(text.plain)
        if shown is not text.plain:
            text.plain = shown


class SafeTextArea(TextArea):
    """A `TextArea` drawing each line through `safe` (tabs kept); its `text` stays
    the stored notes."""

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        shown = safe(line.plain, multiline=True)
        if shown is not line.plain:
            line.plain = shown
        return line
