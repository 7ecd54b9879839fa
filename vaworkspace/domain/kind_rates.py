"""Rates by kind of work, and the rate fixed on each time entry when it is logged.

A client has a default hourly rate (`Client.rate_cents`) and optional rates per
kind of work (`Client.kind_rates`), a kind being a tag such as `seo` or
`data-entry`. The VA sets them with `va client edit acme --rate 40 --rate seo=60`.

When time is logged, `entry_price` fixes two things on the entry: its kind and its
hourly rate. The kind is the one typed (`va log 1h @acme #seo`), else the first of
the client's kinds, in the order the rates were defined, that the entry's task has
as a tag (so with rates `seo` then `admin`, a task tagged `#admin #seo` is `seo`
work); else no kind. The rate is the client's rate for that kind, else its default
rate. A typed kind without a rate of its own is kept and billed at the default rate.

Because the rate lives on the entry, editing a client's rates never changes what
past entries are worth; `va client edit --reprice-from DATE` re-fixes entries from
a date on, on purpose.

**Older entries.** Files written before rates were fixed hold entries with no
`rate_cents` and no `kind`. `rate_of` reads such an entry at its client's current
*default* rate, with no kind: exactly what reports billed before, so an old file
reports the same amounts until the VA reprices it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from vaworkspace.domain.models import Client, TimeEntry
from vaworkspace.errors import InputError
from vaworkspace.i18n import N_, _

_KIND_RE = re.compile(r"[^\W_][\w-]*")
RATE_EXAMPLE = N_("--rate 40 (the default rate), --rate seo=60 (a kind) or --rate seo=none")


def parse_kind(text: str) -> str:
    """A kind as typed (`seo`, `#seo`, `Data-Entry`), as stored: lower case, no `#`."""
    kind = str(text).strip().removeprefix("#").lower()
    if not _KIND_RE.fullmatch(kind) or kind.isdigit():
        raise InputError(
            _("'{text}' is not a kind of work; a kind is a tag like seo or data-entry").format(
                text=text
            )
        )
    return kind


def parse_rate_setting(text: str) -> tuple[str | None, int | None]:
    """One `--rate` value: `40` → (None, 4000), the default rate; `seo=60` →
    ("seo", 6000); `seo=none` → ("seo", None), which removes that kind's rate."""
    from vaworkspace.domain.money import parse_rate

    raw = str(text).strip()
    if "=" not in raw:
        if raw.lower() in ("none", ""):
            raise InputError(
                _("the default rate cannot be removed; write {example}").format(
                    example=_(RATE_EXAMPLE)
                )
            )
        return None, parse_rate(raw)
    name, _eq, value = raw.partition("=")
    kind = parse_kind(name)
    if value.strip().lower() in ("none", "-", ""):
        return kind, None
    return kind, parse_rate(value)


def apply_rate_settings(client: Client, settings: Iterable[str]) -> Client:
    """The client with each `--rate` value applied in turn. A new kind goes after
    those already defined; changing a kind's rate keeps its place in the order;
    removing a kind that has no rate is an error (a typo would pass silently)."""
    from dataclasses import replace

    default, kinds = client.rate_cents, dict(client.kind_rates)
    for text in settings:
        kind, cents = parse_rate_setting(text)
        if kind is None:
            default = cents if cents is not None else default
        elif cents is not None:
            kinds[kind] = cents
        elif kind in kinds:
            del kinds[kind]
        else:
            known = ", ".join(kinds) or _("none yet")
            raise InputError(
                _(
                    "@{client} has no rate for '{kind}' to remove (kinds with a rate: {known})"
                ).format(client=client.id, kind=kind, known=known)
            )
    return replace(client, rate_cents=default, kind_rates=kinds)


def format_kind_table(client: Client) -> str:
    """The kinds as a form shows them: `seo=60.00, data-entry=30.00`."""
    return ", ".join(f"{k}={c // 100}.{c % 100:02d}" for k, c in client.kind_rates.items())


def table_settings(client: Client, text: str) -> list[str]:
    """The `--rate` settings that make `client`'s kinds exactly the table typed in a
    form (`seo=60, data-entry=30`, in that order; empty: no kinds). Every part must
    name a kind: the default rate has its own field."""
    typed = [part.strip() for part in str(text).replace(";", ",").split(",") if part.strip()]
    for part in typed:
        kind, cents = parse_rate_setting(part)
        if kind is None or cents is None:
            raise InputError(
                _(
                    "'{text}' is not a kind's rate; write the kinds like seo=60, data-entry=30"
                ).format(text=part)
            )
    return [f"{kind}=none" for kind in client.kind_rates] + typed


def entry_price(
    client: Client | None, kind: str | None, task_tags: Iterable[str] = ()
) -> tuple[str | None, int | None]:
    """(kind, rate in cents) to fix on a new entry, by the module docstring's rule.
    Time for no client has a kind when one was typed, and no rate."""
    if client is None:
        return kind, None
    if kind is None:
        tags = {str(t).lower() for t in task_tags}
        kind = next((k for k in client.kind_rates if k in tags), None)
    if kind is None:
        return None, client.rate_cents
    return kind, client.kind_rates.get(kind, client.rate_cents)


def rate_of(entry: TimeEntry, client: Client | None) -> int:
    """The hourly rate an entry is billed at: its own, fixed when logged; an older
    entry without one is read at its client's current default rate (docstring)."""
    if entry.rate_cents is not None:
        return entry.rate_cents
    return client.rate_cents if client is not None else 0


def format_rate_table(client: Client) -> str:
    """`40.00 EUR/h; seo 60.00, data-entry 30.00`: the table as one line."""
    from vaworkspace.domain.money import format_money

    text = f"{format_money(client.rate_cents, client.currency)}/h"
    if client.kind_rates:
        kinds = ", ".join(f"{k} {c // 100}.{c % 100:02d}" for k, c in client.kind_rates.items())
        text += f"; {kinds}"
    return text
