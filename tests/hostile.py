"""Hostile text for the tests: what an .ics, a feed or a Taskwarrior export may carry.

`FORBIDDEN` is what must never reach a terminal from the data (newline and tab
are judged by each test: a table row must stay one row, notes keep theirs).
"""

from __future__ import annotations

from hypothesis import strategies as st

C0 = {chr(code) for code in range(0x20)}
C1 = {chr(code) for code in range(0x80, 0xA0)}
BIDI = {chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
SEPARATORS = {"\u2028", "\u2029"}
SURROGATES = {chr(code) for code in range(0xD800, 0xE000)}
FORBIDDEN = frozenset(C0 - {"\n", "\t"} | {"\x7f"} | C1 | BIDI | SEPARATORS | SURROGATES)

OSC52 = "\x1b]52;c;aGFja2Vk\x07"  # writes "hacked" to the clipboard
CLEAR = "\x1b[2J"  # clears the screen
RETITLE = "\x1b]0;pwned\x07"  # sets the window title
ATTACK = f"Pay invoice{OSC52}{CLEAR}{RETITLE}\x9b2J\u202eexe.pdf\x7f\x08\r done"

SEQUENCES = (
    OSC52,
    CLEAR,
    RETITLE,
    "\x1b]52;c;aGFja2Vk",  # an OSC left open: swallows what follows
    "\x9b31m",  # CSI as one C1 character
    "\x9d0;pwned\x9c",  # OSC and ST as C1
    "\u202e",
    "\u2066",
    "\x08\x08\x08",
    "\r",
    "\x00",
    "\x7f",
    "\n",
    "\t",
    "\u2028",
)


def pieces(surrogates: bool) -> st.SearchStrategy[str]:
    """Any character, a forbidden one, or a whole escape sequence. Lone surrogates
    only when asked: no stored text can hold one (orjson refuses to write it), and
    recent hypothesis versions draw them from `st.characters()` by default."""
    controls = FORBIDDEN if surrogates else FORBIDDEN - SURROGATES
    chars = st.characters() if surrogates else st.characters(exclude_categories=("Cs",))
    return st.one_of(chars, st.sampled_from(sorted(controls)), st.sampled_from(SEQUENCES))


def hostile_text(surrogates: bool = False, min_size: int = 0) -> st.SearchStrategy[str]:
    return st.lists(pieces(surrogates), min_size=min_size, max_size=12).map("".join)


def leaks(text: str, allow: str = "\n\t") -> list[str]:
    """The forbidden characters found in `text` (newline and tab allowed unless told)."""
    return sorted({ch for ch in text if ch in FORBIDDEN or (ch in "\n\t" and ch not in allow)})
