"""A snapshot SVG read back as what a person sees: the terminal's lines of text.

Textual's SVG export writes one `<text>` per run of same-styled cells, placed by
`x` (a cell is 12.2 px wide) on a line named by its clip path. Putting each run
back at its column gives the screen as text, which the French checks read
(`french_checks.py`): the words shown and the texts cut short.
"""

from __future__ import annotations

import html
import re

from rich.cells import cell_len

CELL_WIDTH = 12.2
"""Width of a cell in Textual's SVG export (font-size 20 px × 0.61)."""

_RUN = re.compile(
    r'<text class="[\w-]+-r\d+" x="(?P<x>[\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(?P<line>\d+)\)">(?P<text>[^<]*)</text>'
)


LINE_HEIGHT = 24.4
"""Height of a line in Textual's SVG export."""
_BACKGROUND = re.compile(
    r'<rect fill="[^"]*" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="24.65"'
)
"""A cell's background: every line has some, even one with no text."""


def screen_lines(svg: str, width: int = 80) -> list[str]:
    """The terminal's lines, each `width` cells, blank where nothing is drawn."""
    rows: dict[int, list[str]] = {}
    for run in _RUN.finditer(svg):
        row = rows.setdefault(int(run["line"]), [" "] * width)
        column = round(float(run["x"]) / CELL_WIDTH)
        for char in html.unescape(run["text"]).replace("\xa0", " "):
            if column >= width:
                break
            row[column] = char
            column += 1
            if cell_len(char) == 2 and column < width:
                row[column] = ""  # the right half of a wide character
                column += 1
    painted = [round(float(y) / LINE_HEIGHT) for y in _BACKGROUND.findall(svg)]
    height = max([*painted, *rows], default=-1) + 1
    return ["".join(rows.get(line, [" "] * width)) for line in range(height)]
