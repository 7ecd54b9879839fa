"""Client ids, lookups and the values a VA types about a client.

Ids are typed after `@` dozens of times a day, so they are short ASCII slugs and
lookups forgive case, accents and unambiguous prefixes. Every parser here raises
`InputError` with an example of what would have worked.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from vaworkspace.domain.models import Client
from vaworkspace.domain.money import parse_budget, parse_rate
from vaworkspace.errors import InputError, NotFoundError, UnknownClient
from vaworkspace.i18n import N_, _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any, NoReturn

ID_MAX = 24
"""Longest client id: long enough for a name, short enough to type after `@`."""

_ID_RULE = N_(
    "a client id is 1-{max} lowercase letters, digits, '-' or '_', starting with a letter"
)
_LETTERS = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
_ID_RE = re.compile(rf"[a-z][a-z0-9_-]{{0,{ID_MAX - 1}}}")
_ANSI = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")
COLOR_NAMES = frozenset(
    {
        "red",
        "green",
        "blue",
        "yellow",
        "magenta",
        "cyan",
        "orange",
        "purple",
        "pink",
        "teal",
        "white",
        "black",
        "grey",
        "gray",
        "brown",
        "gold",
        "navy",
        "olive",
        "lime",
        "maroon",
        "silver",
        "violet",
        "indigo",
        "coral",
        "salmon",
        "turquoise",
        "crimson",
        "lavender",
        *(f"ansi_{c}" for c in _ANSI),
        *(f"ansi_bright_{c}" for c in _ANSI),
    }
)
"""Colour names a client may use; all are understood by Textual."""


def fold(text: str) -> str:
    """Lower case without accents ("Évelyne" -> "evelyne"): how people type names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def _fit(slug: str, limit: int = ID_MAX) -> str:
    """Cut a slug to `limit`, at a `-` when that keeps at least 3 characters."""
    if len(slug) <= limit:
        return slug
    cut = slug.rfind("-", 0, limit + 1)
    return slug[:cut] if cut >= 3 else slug[:limit].rstrip("-")


def slugify(name: str) -> str:
    """A short id from a name: "Évelyne Couture" -> "evelyne-couture".

    ASCII only and at most 24 characters, since it is typed after `@`. A name that
    starts with a digit gets a `c-` prefix, because ids start with a letter.
    """
    words = _words(name)
    if not words:
        raise InputError(
            _("cannot make a client id from '{name}'; give one with --id ({rule})").format(
                name=name, rule=_id_rule()
            )
        )
    slug = "-".join(words)
    return _fit(slug if slug[0].isalpha() else "c-" + slug)


def suggest_id(name: str, taken: set[str]) -> str:
    """The id to propose for a new client: first name, else full slug, else slug-2…."""
    taken = {fold(t) for t in taken}
    first = _words(name)[:1]
    if first and len(first[0]) >= 3 and first[0][0].isalpha():
        candidate = _fit(first[0])
        if candidate not in taken:
            return candidate
    slug = slugify(name)
    if slug not in taken:
        return slug
    for n in itertools.count(2):
        suffix = f"-{n}"
        candidate = slug[: ID_MAX - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def validate_id(text: str) -> str:
    """A typed id, lower-cased and without a leading `@`, or InputError with the rule."""
    ident = str(text).strip().removeprefix("@").lower()
    if _ID_RE.fullmatch(ident):
        return ident
    suggestion = _fit("-".join(_words(ident)))
    if _ID_RE.fullmatch(suggestion):
        message = _("'{text}' is not a valid client id: {rule}; try '{suggestion}'")
    else:
        message = _("'{text}' is not a valid client id: {rule}")
    raise InputError(message.format(text=text, rule=_id_rule(), suggestion=suggestion))


def _id_rule() -> str:
    return _(_ID_RULE).format(max=ID_MAX)


def resolve_client(ref: str, clients: list[Client]) -> Client:
    """The client meant by `@ref`, forgiving case, accents and unique prefixes.

    Order: exact id (archived clients too), exact name, unique id prefix, unique
    prefix of a word of the name. Archived clients answer only to their exact id,
    so an old client never captures a prefix meant for a current one.
    """
    typed = ref.strip().removeprefix("@")
    key = fold(typed)
    if not key:
        raise InputError(_("type a client id after @, like @acme"))
    for client in clients:
        if fold(client.id) == key:
            return client
    active = [c for c in clients if not c.archived]
    steps: tuple[Callable[[Client], bool], ...] = (
        lambda c: fold(c.name) == key or "-".join(_words(c.name)) == key,
        lambda c: fold(c.id).startswith(key),
        lambda c: any(w.startswith(key) for w in _words(c.name)),
    )  # each step only when the previous one found nobody
    for matches in steps:
        found = [c for c in active if matches(c)]
        if len(found) == 1:
            return found[0]
        if found:
            raise _ambiguous(typed, found)
    raise _not_found(typed, key, clients)


def _prefixes(key: str, client: Client) -> bool:
    return fold(client.id).startswith(key) or any(w.startswith(key) for w in _words(client.name))


def _ambiguous(typed: str, found: list[Client]) -> InputError:
    found = sorted(found, key=lambda c: c.id)
    listed = ", ".join(f"{c.id} ({c.name})" for c in found[:6])
    if len(found) > 6:
        listed += _(" and {count} more").format(count=len(found) - 6)
    return InputError(
        _("'@{typed}' matches several clients: {listed}; type more letters").format(
            typed=typed, listed=listed
        )
    )


def _not_found(typed: str, key: str, clients: list[Client]) -> NotFoundError:
    """Say what the VA probably meant: a close id or name, an archived client, or the list."""
    import difflib

    active = sorted((c for c in clients if not c.archived), key=lambda c: c.id)
    archived = [c.id for c in clients if c.archived and _prefixes(key, c)]
    if archived:
        ids = ", ".join(f"@{i}" for i in archived[:3])
        return NotFoundError(
            _(
                "no active client '@{typed}'; archived: {ids} "
                "(type the full id, or unarchive it with `va client edit`)"
            ).format(typed=typed, ids=ids)
        )
    choices: dict[str, str] = {}
    for client in active:
        for alias in (fold(client.id), fold(client.name), *_words(client.name)):
            choices.setdefault(alias, client.id)
    close = difflib.get_close_matches(key, list(choices), n=6, cutoff=0.6)
    suggested = list(dict.fromkeys(choices[c] for c in close))[:3]
    if suggested:
        ids = _(" or ").join(f"@{i}" for i in suggested)
        hint = _("did you mean {ids}?").format(ids=ids)
    elif active:
        more = ", …" if len(active) > 5 else ""
        ids = ", ".join(f"@{c.id}" for c in active[:5]) + more
        hint = _("clients are {ids}").format(ids=ids)
    else:
        hint = _("there are no clients yet")
    message = _("no client '@{typed}'; {hint} (add it with `va client add`)").format(
        typed=typed, hint=hint
    )
    return NotFoundError(message) if suggested else UnknownClient(message, typed)


def validate_weight(value: int | str) -> int:
    """A client's importance, 1 (low) to 5 (high); 3 is neutral for urgency."""
    text = str(value).strip()
    if not isinstance(value, bool) and re.fullmatch(r"\+?[0-9]{1,2}", text) and 1 <= int(text) <= 5:
        return int(text)
    raise InputError(
        _("weight '{value}' must be a whole number from 1 (low) to 5 (high); 3 is neutral").format(
            value=value
        )
    )


def validate_currency(text: str) -> str:
    """An ISO 4217 code, upper-cased: "cad" -> "CAD"."""
    code = str(text).strip()
    if re.fullmatch(r"[A-Za-z]{3}", code):
        return code.upper()
    raise InputError(
        _("currency '{text}' must be a 3-letter ISO code like EUR, USD or CAD").format(text=text)
    )


def validate_color(text: str) -> str:
    """A colour the TUI can draw: "#rgb", "#rrggbb", a common name or an `ansi_*` name."""
    color = str(text).strip().lower()
    if color in COLOR_NAMES or re.fullmatch(r"#(?:[0-9a-f]{3}|[0-9a-f]{6})", color):
        return color
    raise InputError(
        _(
            "colour '{text}' is not known; use #rgb, #rrggbb, a name like teal or "
            "orange, or an ANSI name like ansi_bright_blue"
        ).format(text=text)
    )


def validate_timezone(name: str) -> str:
    """An IANA zone name that loads; a typo gets the closest real name as a hint."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    zone = str(name).strip()
    try:
        if zone and not zone.startswith(("/", ".")):
            ZoneInfo(zone)
            return zone
    except (ZoneInfoNotFoundError, ValueError, OSError):
        pass
    raise InputError(
        _("unknown time zone '{name}'; {hint}use an IANA name like America/Montreal").format(
            name=name, hint=_zone_hint(zone)
        )
    )


def _zone_hint(zone: str) -> str:
    """ "did you mean Europe/Paris? " for a typo; only computed on the error path."""
    import difflib
    from zoneinfo import available_timezones

    names = {n.lower(): n for n in available_timezones()}
    close = difflib.get_close_matches(zone.lower(), list(names), n=1, cutoff=0.8)
    return _("did you mean {ids}?").format(ids=names[close[0]]) + " " if close else ""


def apply_client_fields(client: Client, fields: Mapping[str, object]) -> Client:
    """Validate and apply user-typed client fields (shared by add and edit)."""
    from dataclasses import replace

    # Each parser takes what its field may be given: typed-in text, or a value.
    parsers: dict[str, Callable[[Any], object]] = {
        "name": lambda v: str(v).strip() or _refuse(_("a client needs a name")),
        "rate_cents": lambda v: v if isinstance(v, int) else parse_rate(str(v)),
        "currency": validate_currency,
        "budget": parse_budget,
        "weight": validate_weight,
        "timezone": lambda v: validate_timezone(v) if v else None,
        "color": lambda v: validate_color(v) if v else None,
        "notes": str,
        "archived": bool,
        "billable": parse_yes_no,
        "rounding_minutes": parse_rounding,
        "round_per": parse_round_per,
        "hours": parse_client_hours,
    }
    changes: dict[str, object] = {}
    for name, value in fields.items():
        if value is None:
            continue
        if name not in parsers:
            raise InputError(_("unknown client field '{name}'").format(name=name))
        changes[name] = parsers[name](value)
    return replace(client, **changes)  # type: ignore[arg-type]  # each parser returns its field's type


def _refuse(message: str) -> NoReturn:
    raise InputError(message)


def parse_yes_no(value: object) -> bool:
    """`billable`: yes/no, true/false, on/off, 1/0 (a bool passes through)."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in ("yes", "y", "true", "on", "1", "oui"):
        return True
    if word in ("no", "n", "false", "off", "0", "non"):
        return False
    raise InputError(_("'{value}' must be yes or no").format(value=value))


def parse_rounding(value: object) -> int:
    """Billing block in minutes: 0 (exact), or e.g. 6 or 15; at most 60."""
    text = str(value).strip().lower().removesuffix("m").removesuffix("min")
    if not text.isascii() or not text.isdigit() or not 0 <= int(text) <= 60:
        raise InputError(
            _("rounding '{value}' must be a number of minutes from 0 to 60, like 6 or 15").format(
                value=value
            )
        )
    return int(text)


def parse_round_per(value: object) -> str:
    from vaworkspace.domain.models import ROUND_PER

    word = str(value).strip().lower()
    if word not in ROUND_PER:
        raise InputError(
            _("round-per '{value}' must be 'entry' (each entry) or 'total' (the period)").format(
                value=value
            )
        )
    return word


def parse_client_hours(value: object) -> str | None:
    """Business hours like "09:00-17:00" (or "9-17", "9h-17h", "9 h – 17 h 30"),
    as "09:00-17:00"; "none" ("aucune") or "" removes them. They bound when the
    client's tasks are planned."""
    from vaworkspace.domain.time.worktime import parse_work_hours

    text = str(value).strip().lower()
    if text in ("", "none", "aucune", "aucun", "-"):
        return None
    # "9-17" and "9:30-17" as well as "09:30-17:00"
    padded = re.sub(r"(?<![0-9])([0-9])(?=:|-|$)", r"0\1", text.replace(" ", ""))
    try:
        hours = parse_work_hours(padded)
    except InputError:
        raise InputError(
            _("hours '{value}' must look like 09:00-17:00 (start before end), or none").format(
                value=value
            )
        ) from None
    return f"{hours.start:%H:%M}-{hours.end:%H:%M}"
