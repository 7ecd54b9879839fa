"""Quick add: one line of text becomes the fields of a task (or of an edit).

A VA captures work while on a call, so the grammar is forgiving and never loses a
word: whatever is not understood as one of the tokens below stays in the title.

    Send Q4 invoice @evelyne #billing !h due:fri 17:00 ~30m every month

- `@client` sets the client (the ref as typed; `@none`, `@aucun` clears it). An `@` inside a
  word (`bob@example.com`) is part of the title.
- `#tag` adds a tag, `-#tag` removes one (for edits); a lone `#` is a title word.
  `+tag` and `+#tag` add a tag too (the Taskwarrior habit) when a letter follows
  the `+` (or `+#`): `+33 6 12…` and `C++` stay title words.
- `!high` `!h` `!1`, `!medium` `!m` `!2`, `!low` `!l` `!3`; `!none` `!0` clears
  (French: `!haute`, `!moyenne`, `!basse`, `!aucune`).
  Wherever `none` clears a field, `aucune` and `aucun` do too.
- `due:`, `wait:`, `sched:` (or `scheduled:`) take a date expression (see
  `dates.parse_when`, English and French alike): quoted (`due:"next monday"`),
  joined (`due:next-monday`), or running over the next words (`due:fri 17:00`),
  the longest reading wins. `due:none` clears the field. French names: `échéance:`
  or `éch:` for `due:`, `attente:` for `wait:`, `aucune` for `none`.
- `~30m`, `~1h30m` set the estimate, and so do `~45 min` and `~1 h 30` (a unit
  word may follow the number); `~none` (`~aucune`) clears it.
- `every monday`, `every 2 weeks` repeat from the due date, `every! ...` from the
  completion date; `every:none` stops repeating. French: `chaque lundi`, `tous les
  jours`, `toutes les 2 semaines`, `chaque!`, `chaque:aucune`. When the words after `every` are no
  rule ("Check every invoice", "Relire tous les dossiers"), they are title words.
Field names and keywords are read without case or accents (`echeance:`, `ÉCH:`).
- A word starting with a backslash is a literal title word, backslash removed:
  `\\#1`, `\\@home`, `\\!h`, `\\every`.

Trailing punctuation after `@client` and `#tag` (`@bob,`) is not part of the ref.
A single-valued field given twice is an error rather than a silent choice. Only
`InputError` escapes, with a message that quotes the offending words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from vaworkspace.domain.date_words import fold
from vaworkspace.domain.dates import (
    WHEN_EXAMPLES,
    AmbiguousDate,
    parse_duration,
    parse_when,
)
from vaworkspace.domain.durations import duration_run
from vaworkspace.domain.field_methods import FieldMethods
from vaworkspace.errors import InputError
from vaworkspace.i18n import N_, _

_PRIORITIES = {
    "high": "high", "h": "high", "1": "high",
    "medium": "medium", "m": "medium", "2": "medium",
    "low": "low", "l": "low", "3": "low",
    "none": None, "0": None,
    "haute": "high", "moyenne": "medium", "basse": "low", "aucune": None, "aucun": None,
}  # fmt: skip
_DATE_FIELDS = {
    **dict.fromkeys(("due", "echeance", "ech"), "due"),
    **dict.fromkeys(("wait", "attente"), "wait"),
    **dict.fromkeys(("sched", "scheduled"), "scheduled"),
}
_EVERY_FIELDS = ("every", "chaque")
_QUOTABLE = (*_DATE_FIELDS, *_EVERY_FIELDS)
_NONE = ("none", "aucune", "aucun")
_EVERY = ("every", "every!", "chaque", "chaque!")
_EVERY_PAIRS = ("tous", "toutes")  # `tous les jours`: a two-word `every`
_MAX_EXPR_WORDS = 9  # `due:` + 8 words: début de la semaine prochaine à 17 h 30
_TRAILING = ",.;:!?)"
_FIELD_NAMES = {
    "client": N_("client"),
    "priority": N_("priority"),
    "due": N_("due"),
    "wait": N_("wait"),
    "scheduled": N_("scheduled"),
    "estimate_minutes": N_("estimate"),
    "recurrence": N_("recurrence"),
}
"""A field as a message names it (`due given twice`), translated where shown."""


@dataclass(slots=True, init=False, repr=False, eq=False)
class QuickAdd(FieldMethods):
    """What a quick-add line says; `given` names the task fields it set or cleared.
    Its methods are written, not generated (`field_methods.py`): `va add` builds one."""

    title: str = ""
    client: str | None = None
    tags: list[str] = field(default_factory=list)
    remove_tags: list[str] = field(default_factory=list)
    priority: str | None = None
    due: date | datetime | None = None
    wait: date | datetime | None = None
    scheduled: date | datetime | None = None
    estimate_minutes: int | None = None
    recurrence: str | None = None
    recur_from_completion: bool = False
    notes: str | None = None  # no quick-add token: set by the task form (domain.fields)
    given: set[str] = field(default_factory=set)
    parsed: list[tuple[str, str]] = field(default_factory=list)

    def __init__(
        self,
        title: str = "",
        client: str | None = None,
        tags: list[str] | None = None,
        remove_tags: list[str] | None = None,
        priority: str | None = None,
        due: date | datetime | None = None,
        wait: date | datetime | None = None,
        scheduled: date | datetime | None = None,
        estimate_minutes: int | None = None,
        recurrence: str | None = None,
        recur_from_completion: bool = False,
        notes: str | None = None,
        given: set[str] | None = None,
        parsed: list[tuple[str, str]] | None = None,
    ) -> None:
        self.title = title
        self.client = client
        self.tags = [] if tags is None else tags
        self.remove_tags = [] if remove_tags is None else remove_tags
        self.priority = priority
        self.due = due
        self.wait = wait
        self.scheduled = scheduled
        self.estimate_minutes = estimate_minutes
        self.recurrence = recurrence
        self.recur_from_completion = recur_from_completion
        self.notes = notes
        self.given = set() if given is None else given
        self.parsed = [] if parsed is None else parsed


class _Word:
    """A token: its text as typed and, for `due:"..."`, the unquoted value.

    A plain slotted class: a second dataclass would cost import time on `va add`.
    """

    __slots__ = ("quoted", "text")

    def __init__(self, text: str, quoted: str | None = None) -> None:
        self.text = text
        self.quoted = quoted


def parse_quick_add(text: str, now: datetime, tz: tzinfo) -> QuickAdd:
    """Read a quick-add line relative to `now` in zone `tz`; see the module docstring."""
    words = _split(str(text))
    qa = QuickAdd()
    title: list[str] = []
    i = 0
    while i < len(words):
        i = _take(words, i, qa, title, now, tz)
    qa.title = " ".join(title)
    if title:
        qa.given.add("title")
    return qa


def _split(text: str) -> list[_Word]:
    """Whitespace-separated words; `field:"a b"` (or `'a b'`) is one word."""
    raw = text.split()
    words: list[_Word] = []
    i = 0
    while i < len(raw):
        word = raw[i]
        prefix, sep, value = word.partition(":")
        if sep and fold(prefix) in _QUOTABLE and value[:1] in ("'", '"'):
            quote, parts = value[0], [value[1:]]
            while not (parts[-1].endswith(quote) and (len(parts) > 1 or len(parts[0]) > 0)):
                i += 1
                if i == len(raw):
                    opened = " ".join(raw[i - len(parts) :])
                    raise InputError(
                        _("missing closing {quote} in '{text}'").format(quote=quote, text=opened)
                    )
                parts.append(raw[i])
            inner = " ".join(parts)[:-1]
            words.append(_Word(f"{prefix}:{value[0]}{inner}{quote}", inner))
        else:
            words.append(_Word(word))
        i += 1
    return words


def _is_special(word: _Word) -> bool:
    """Whether a word is a token (stops a date expression running over the next words)."""
    text = word.text
    lower = fold(text)
    if word.quoted is not None or lower in _EVERY:
        return True
    if text.startswith("\\") and len(text) > 1:
        return True
    if text[:1] in ("@", "~") and text[1:].rstrip(_TRAILING):
        return True
    if text[:1] == "#" and text[1:2] != "#" and text[1:].rstrip(_TRAILING):
        return True
    if lower.startswith("-#") and text[2:3] != "#" and text[2:].rstrip(_TRAILING):
        return True
    if _plus_tag(text) is not None:
        return True
    if lower.startswith("!") and lower[1:] in _PRIORITIES:
        return True
    prefix, sep, _rest = lower.partition(":")
    return bool(sep) and prefix in _QUOTABLE


def _take(
    words: list[_Word], i: int, qa: QuickAdd, title: list[str], now: datetime, tz: tzinfo
) -> int:
    """Consume the token at `i` into `qa` (or `title`); return the next index."""
    word = words[i]
    text, lower = word.text, fold(word.text)
    if lower in _EVERY_PAIRS and i + 1 < len(words) and fold(words[i + 1].text) == "les":
        return _take_every(words, i, qa, title, keyword=2)
    if not _is_special(word):
        title.append(text)
    elif text.startswith("\\"):
        title.append(text[1:])
    elif text.startswith("@"):
        ref = text[1:].rstrip(_TRAILING)
        _set(qa, "client", None if fold(ref) in _NONE else ref, text)
    elif text.startswith("#"):
        _add_tag(qa, qa.tags, text[1:], text)
    elif lower.startswith("-#"):
        _add_tag(qa, qa.remove_tags, text[2:], text)
    elif text.startswith("+"):
        _add_tag(qa, qa.tags, _plus_tag(text) or "", text)
    elif text.startswith("!"):
        _set(qa, "priority", _PRIORITIES[lower[1:]], text)
    elif text.startswith("~"):
        return _take_estimate(words, i, qa)
    elif lower in _EVERY:
        return _take_every(words, i, qa, title)
    elif lower.partition(":")[0] in _EVERY_FIELDS:
        _every_field(word, qa)
    else:
        return _take_date(words, i, qa, now, tz)
    return i + 1


def _set(qa: QuickAdd, name: str, value: object, source: str) -> None:
    """Set a single-valued field once; a second value is a contradiction to point out."""
    if name in qa.given:
        first = next(src for field_name, src in qa.parsed if field_name == name)
        label = _(_FIELD_NAMES.get(name, name))
        raise InputError(
            _(
                "{field} given twice ('{first}' and '{second}'); "
                "keep one, or escape a literal word with a backslash: \\{second}"
            ).format(field=label, first=first, second=source)
        )
    setattr(qa, name, value)
    qa.given.add(name)
    qa.parsed.append((name, source))


def _plus_tag(text: str) -> str | None:
    """The tag of `+tag` or `+#tag` (a letter first), else None: `+33` is a number."""
    if not text.startswith("+"):
        return None
    raw = text[2:] if text.startswith("+#") else text[1:]
    return raw if raw[:1].isalpha() and raw.rstrip(_TRAILING) else None


def _add_tag(qa: QuickAdd, into: list[str], raw: str, source: str) -> None:
    tag = raw.rstrip(_TRAILING)
    if tag not in into:
        into.append(tag)
    qa.given.add("tags")
    qa.parsed.append(("tags", source))


def _take_estimate(words: list[_Word], i: int, qa: QuickAdd) -> int:
    """`~45m`, `~none`, and with spaces `~45 min`, `~1 h 30`, `~1h 30 min`: the
    words `durations.duration_run` joins into one length (`~45 2 factures`: 45)."""
    texts = [words[i].text[1:], *(word.text for word in words[i + 1 : i + 4])]
    parts = [words[i].text, *texts[1 : duration_run(texts)]]
    source = " ".join(parts)
    value = "".join(parts)[1:].rstrip(_TRAILING)
    try:
        minutes = None if fold(value) in _NONE else parse_duration(value)
    except InputError as error:
        raise InputError(_("estimate {text}: {why}").format(text=source, why=error)) from None
    _set(qa, "estimate_minutes", minutes, source)
    return i + len(parts)


def _take_date(words: list[_Word], i: int, qa: QuickAdd, now: datetime, tz: tzinfo) -> int:
    """`due:EXPR`: the longest run of words (up to 5) that reads as a date wins."""
    word = words[i]
    prefix, _sep, value = word.text.partition(":")
    name = _DATE_FIELDS[fold(prefix)]
    if word.quoted is not None:
        value = word.quoted
    if fold(value) in _NONE and word.quoted is None:
        _set(qa, name, None, value)
        return i + 1
    if not value.strip():
        raise InputError(
            _('{field}: needs a date, e.g. {field}:fri or {field}:"next monday"').format(
                field=prefix
            )
        )
    run = [value]
    if word.quoted is None:
        for follower in words[i + 1 : i + _MAX_EXPR_WORDS]:
            if _is_special(follower):
                break
            run.append(follower.text)
    for size in range(len(run), 0, -1):
        expr = " ".join(run[:size])
        try:
            when = parse_when(expr, now, tz)
        except AmbiguousDate:
            raise
        except InputError:
            continue
        _set(qa, name, when, expr)
        return i + size
    raise InputError(
        _("can't read the date in '{text}': {why}").format(text=word.text, why=_(WHEN_EXAMPLES))
    )


def _take_every(
    words: list[_Word], i: int, qa: QuickAdd, title: list[str], keyword: int = 1
) -> int:
    """`every EXPR` (`keyword` words: `tous les` is two): a recurrence when the next
    words make a rule, else title words."""
    from vaworkspace.domain.tasks.every import parse_every

    run: list[str] = []
    for follower in words[i + keyword :]:
        if _is_special(follower):
            break
        run.append(follower.text.lower())
    found = parse_every(run) if run else None
    if found is None or not 1 <= found[1] <= len(run):
        title.extend(word.text for word in words[i : i + keyword])
        return i + keyword
    rule, used = found
    source = " ".join(w.text for w in words[i : i + keyword + used])
    _set(qa, "recurrence", rule, source)
    qa.recur_from_completion = words[i].text.endswith("!")
    return i + keyword + used


def _every_field(word: _Word, qa: QuickAdd) -> None:
    """`every:none` (`chaque:aucune`) stops a series; `every:"2 weeks"` is the
    quoted form of `every`."""
    from vaworkspace.domain.tasks.every import parse_every

    value = word.quoted if word.quoted is not None else word.text.partition(":")[2]
    if fold(value) in _NONE and word.quoted is None:
        _set(qa, "recurrence", None, word.text)
        qa.recur_from_completion = False
        return
    run = value.lower().split()
    found = parse_every(run) if run else None
    if found is None or found[1] != len(run):
        raise InputError(
            _("can't read the repetition in '{text}': try every:\"2 weeks\"").format(text=word.text)
        )
    _set(qa, "recurrence", found[0], word.text)
