"""A client's colour as the TUI draws it with Rich (the inbox rows, the sidebar).

The colours `va client edit --color` accepts (`domain.clients.validate_color`)
are CSS names and hex forms that Textual's `Color` parses (`coral`, `teal`,
`#abc`), but Rich's own style parser knows few of them: drawn with
`Style.parse`, `coral` crashed the inbox on its first paint. So the colour is
parsed by Textual, the renderer of the app, and handed to Rich as a colour
value. A colour nothing can parse (a file edited by hand) is drawn in the row's
own colour: a paint never fails on stored text.
"""

from __future__ import annotations

from functools import lru_cache

from rich.style import Style
from textual.color import Color, ColorParseError


@lru_cache(maxsize=256)
def client_style(colour: str | None) -> Style:
    """The Rich style of text in the colour `colour` (stored as the VA typed it);
    an empty style if there is none or it cannot be parsed."""
    if not colour:
        return Style()
    try:
        return Style(color=Color.parse(colour).rich_color)
    except ColorParseError:
        return Style()
