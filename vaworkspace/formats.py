"""How figures read on a screen, the same in the CLI and the TUI: one helper per idea.

- `fit`: text cut to a column's width with "…" (measured in terminal cells, so a
  CJK title does not push the next column out), optionally padded to it;
- `hours_minutes`: a length of time as `1h05`, rounded down like a clock, so a
  running total never shows a minute not yet worked;
- `clock`: a countdown or a stopwatch, `24:59`, `1:05:00` from an hour up;
- `plural`: a count and its noun, `1 task`, `0 events`, `3 entries`;
- `hours_decimal`: hours for a retainer, `12.5`, `4` (one decimal, no `.0`);
- `gauge`: the cells of a retainer gauge, `▰▰▰▱▱`, and `retainer_figures`, `4.5/8h`.

Which colour a gauge takes is a rule (`domain.time.reports.retainer_level`); each UI
maps that level to its own style. Untrusted text goes through `display.safe` first:
these helpers neither add nor remove control characters.

Pure Python and cheap to import: the CLI loads it on the hot path.
"""

from __future__ import annotations

ELLIPSIS = "…"
GAUGE_FULL, GAUGE_EMPTY = "▰", "▱"


def cells(text: str) -> int:
    """Terminal cells `text` takes: wide (East Asian) characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(_char_cells(char) for char in text)


def _char_cells(char: str) -> int:
    from unicodedata import combining, east_asian_width

    if combining(char):
        return 0
    return 2 if east_asian_width(char) in ("W", "F") else 1


def fit(text: str, width: int, pad: bool = False) -> str:
    """`text` in at most `width` cells, its end replaced by "…" when it is cut;
    `pad` fills the rest of the width with spaces."""
    if width <= 0:
        return ""
    if text.isascii():
        if len(text) > width:
            text = text[: width - 1] + ELLIPSIS
        return text.ljust(width) if pad else text
    used = cells(text)
    if used > width:
        kept: list[str] = []
        used = 0
        for char in text:
            size = _char_cells(char)
            if used + size > width - 1:
                break
            kept.append(char)
            used += size
        text = "".join(kept) + ELLIPSIS
        used += 1
    return text + " " * (width - used) if pad else text


def hours_minutes(seconds: int | float) -> str:
    """`1h05`, `0h45`: whole minutes, rounded down (nothing below zero)."""
    minutes = max(0, int(seconds // 60))
    return f"{minutes // 60}h{minutes % 60:02d}"


def clock(seconds: int | float) -> str:
    """`24:59`, or `1:05:00` from an hour up (a stopwatch or a long countdown)."""
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 task`, `2 tasks`, `0 events`; `nouns` for an irregular plural (`entries`)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def hours_decimal(minutes: int) -> str:
    """`12.5`, `4`, `0.3`: minutes as hours with one decimal, without a trailing `.0`."""
    return f"{minutes / 60:.1f}".removesuffix(".0")


def retainer_figures(used_minutes: int, budget_minutes: int) -> str:
    """`4.5/8h`: a retainer's hours used of those bought."""
    return f"{hours_decimal(used_minutes)}/{hours_decimal(budget_minutes)}h"


def gauge(used_minutes: int, budget_minutes: int, width: int) -> tuple[str, str]:
    """The filled and the empty part of a `width`-cell gauge (`▰▰▰`, `▱▱`): the share
    used, to the nearest cell, full from 100 % on. No budget: all empty."""
    share = used_minutes / budget_minutes if budget_minutes > 0 else 0.0
    filled = max(0, min(width, round(share * width)))
    return GAUGE_FULL * filled, GAUGE_EMPTY * (width - filled)
