"""What a French screen must not show: a word of the English UI, or a text of the
UI cut short.

English words: every word of the catalog's English messages (msgids), less the
words its translations use too (`client`, `agenda`, `total`, `pause`, `note`...
are French as well) and the words of the workspace's own data (a title the VA
wrote with `Instagram` or `CRM` in it is hers, never translated).

A text cut short: Textual ends a text too long for its cell with `…`. A task
title, a client's name, an event's summary may be cut so; the UI's own words
may not (French is longer: a label that fits in English and not in French is
the bug this catches). So each `…` must follow the beginning of some data
string, or end a message that is written with its `…` (a placeholder).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

import vaworkspace

LOCALE = Path(vaworkspace.__file__).parent / "locale"
SNAPSHOTS = Path(__file__).parent / "__snapshots__"
SAME_IN_FRENCH = {"ctrl", "cad", "eur"}
"""Words of the English screens that a French screen may show as they are: the
keycap `Ctrl` (printed so on French keyboards too) and currency codes (ISO 4217,
`Total CAD`)."""
ELLIPSIS = "…"
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ]{2,}")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sd]|%[sd]")
_COMMAND = re.compile(r"`[^`]*`|--[\w-]+(?:[ =][^\s,;)]+)?|\bva(?: [a-z][\w-]*){1,2}")
"""A command or an option, typed as it is in any language (`va sync`, --income 4000/month)."""
_CODE = re.compile(
    _COMMAND.pattern
    + r"|\S+:\S+|\S*/\S+|\[[^\]]*\]|'[^' ]*'"  # task:12, 10h/week, [work], '#seo'
    + r"|\bday, week(?:,| ou) month\b|\(\w+\)"  # the periods typed: day, week, (month)
)
"""What a French message quotes as typed (commands, options, values): English
words there are not French ones."""
_CUT_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ]*…|[▊▎][A-Za-zÀ-ÖØ-öø-ÿŒœ]+|[A-Za-zÀ-ÖØ-öø-ÿŒœ]+[▊▎]")
"""A word cut short: by `…`, or by a modal's border laid over it (`▎once` is what
is left of `annonce`)."""
_CELL_EDGE = re.compile(r"\s{2,}|[│▎▊▌┃┆▏|]")
"""Where a cell of text starts: two spaces, or a column rule."""
MIN_DATA_PREFIX = 3
"""A `…` must follow at least this much of a data string (or the whole of a
shorter one) to be a data string cut."""


def words(text: str) -> set[str]:
    """The words (two letters or more) of `text`, lowercased, placeholders left out,
    and a word cut short (`Europe/Pa…`, `▎once`) too: what is left of it is no
    word (a cut by `…` is `cut_texts`' to judge)."""
    whole = _CUT_WORD.sub(" ", _PLACEHOLDER.sub(" ", text))
    return {word.lower() for word in _WORD.findall(whole)}


def _messages():
    """(English, French) of every message of every French catalog, plurals as
    their forms."""
    for path in sorted(LOCALE.glob("fr*/LC_MESSAGES/messages.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id:
                continue
            yield _forms(message.id), _forms(message.string)


def _forms(text: str | tuple[str, ...]) -> list[str]:
    return [text] if isinstance(text, str) else list(text)


@cache
def french_ui_words() -> frozenset[str]:
    """The words of every French translation (commands and values quoted as typed
    left out)."""
    return frozenset(
        word
        for _ids, strings in _messages()
        for text in strings
        for word in words(_CODE.sub(" ", text))
    )


def _english_screens() -> list[Path]:
    """The English snapshots: every SVG of tests/tui/__snapshots__ not French."""
    return [svg for svg in sorted(SNAPSHOTS.rglob("*.svg")) if "french" not in str(svg)]


@cache
def english_ui_words() -> frozenset[str]:
    """The words of the English UI that French does not use: those of the catalog's
    messages, and those the English snapshots show (a text not yet marked for
    translation is in no catalog, but it is on an English screen)."""
    from tests.tui.screen_text import screen_lines

    english: set[str] = set()
    for ids, _strings in _messages():
        for text in ids:
            english |= words(text)
    for svg in _english_screens():
        for line in screen_lines(svg.read_text(encoding="utf-8")):
            english |= words(line)
    return frozenset(english - french_ui_words() - _french_date_words() - SAME_IN_FRENCH)


def _french_date_words() -> set[str]:
    """The words of French dates as Babel writes them (`lun.`, `nov.`, `déc.`)."""
    from babel import Locale

    found: set[str] = set()
    for name in ("fr", "fr_CA", "fr_FR"):
        locale = Locale.parse(name)
        for table in (locale.days, locale.months):
            for context in table.values():
                for names in context.values():
                    found |= set().union(*(words(text) for text in names.values()))
    return found


@cache
def _placeholders() -> tuple[re.Pattern[str], ...]:
    """The French messages written with their own `…` ("Rechercher…"), as patterns
    of a text's end (a `{name}` matches any text): shown whole, they are not cut."""
    return tuple(
        re.compile(
            ".+".join(map(re.escape, _PLACEHOLDER.split(text.rstrip(ELLIPSIS).strip()))) + "$"
        )
        for _ids, strings in _messages()
        for text in strings
        if text.endswith(ELLIPSIS)
    )


def _is_placeholder(fragment: str) -> bool:
    """The fragment ends with one of them, whole (an icon may come before it)."""
    return any(pattern.search(fragment.strip()) for pattern in _placeholders())


def english_words(lines: list[str], data: set[str]) -> list[str]:
    """The English UI words shown on the screen `lines`, each with its line, that
    are not words of the workspace's `data`."""
    allowed = set().union(*(words(text) for text in data)) if data else set()
    found = []
    for number, line in enumerate(lines):
        for word in sorted((words(_COMMAND.sub(" ", line)) & english_ui_words()) - allowed):
            found.append(f"{word!r} on line {number}: {line.strip()}")
    return found


def _is_cut_data(fragment: str, data: set[str]) -> bool:
    """The fragment ends with the beginning of a data string (`#12 Confirmer les
    rendez…`), or is a piece of one whose start a modal hides (`rendez…`)."""
    for text in data:
        if len(fragment.strip()) >= MIN_DATA_PREFIX and fragment in text:
            return True
        for length in range(min(len(text), len(fragment)), 0, -1):
            if length < MIN_DATA_PREFIX and length < len(text):
                break
            if fragment.endswith(text[:length]):
                return True
    return False


def cut_texts(lines: list[str], data: set[str]) -> list[str]:
    """Every `…` on the screen that cuts the UI's own text rather than a data
    string (a title, a name, a note, a summary), each with its line."""
    found = []
    for number, line in enumerate(lines):
        for match in re.finditer(ELLIPSIS, line):
            fragment = _CELL_EDGE.split(line[: match.start()])[-1]
            if not fragment.strip():
                continue  # all but its end is under a modal: nothing left to judge
            if _is_placeholder(fragment) or _is_cut_data(fragment, data):
                continue
            found.append(f"{fragment.strip()}… on line {number}: {line.strip()}")
    return found


def data_strings(ws) -> set[str]:
    """The VA's own text in workspace `ws`, shown as she wrote it in any language:
    titles, notes, tags, client ids, names and zones, entry notes, event summaries
    and places. (Not statuses or priorities: those are stored as English words
    and must be shown translated.)"""
    found: set[str] = set()
    for task in ws.tasks.all():
        found |= {task.title, task.notes, *task.tags, *(f"#{tag}" for tag in task.tags)}
    for client in ws.clients.all(include_archived=True):
        found |= {client.id, f"@{client.id}", client.name, client.notes, client.timezone or ""}
    found |= {entry.note for entry in ws.time.entries()}
    for event in ws.calendar.events():
        found |= {event.summary, event.location, event.description}
    return {text for text in found if text}


PALETTE_RULE = "▏"
"""Drawn before the footer's palette hint, docked at its right (`▏^p palette`)."""


def footer_cut(lines: list[str]) -> list[str]:
    """The footer (the last line) cut short: its palette hint not whole (`^p`
    without its word), or the key before the hint ending in a piece of a word
    (keys past the footer's width slide under the hint: `u Ann▏^p palette`).
    A screen without the hint (the first run's form) has nothing to judge."""
    footer = lines[-1]
    if PALETTE_RULE + "^p" not in footer:
        return []
    keys, hint = footer.rsplit(PALETTE_RULE, 1)
    found = []
    if hint.split() != ["^p", "palette"]:
        found.append(f"the palette hint {hint.strip()!r}: {footer.strip()}")
    last = keys.split()[-1] if keys.strip() else ""
    if not keys.endswith(" ") and words(last) - french_ui_words():
        found.append(f"{last!r} under the palette hint: {footer.strip()}")
    return found
