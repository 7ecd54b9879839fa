"""A task as labelled lines, for people: the echo after `va add`, `va show`, the TUI detail
pane, and the quick-add line as understood (the TUI's live preview).

The values are ready to show: stored text (imported, untrusted) has gone through
`display.safe`, the notes keeping their line breaks.
"""

from __future__ import annotations

from vaworkspace.display import safe
from vaworkspace.domain.date_labels import humanize_ago
from vaworkspace.domain.dates import format_duration, format_local, humanize_due
from vaworkspace.i18n import N_, _, pgettext

LABELS = (
    N_("client"),
    N_("status"),
    N_("priority"),
    N_("due"),
    N_("wait"),
    N_("scheduled"),
    N_("estimate"),
    N_("tags"),
    N_("repeats"),
    N_("depends"),
    N_("notes"),
    N_("created"),
    N_("modified"),
    N_("completed"),
    N_("source"),
    N_("uuid"),
    N_("urgency"),
)
"""The labels `task_lines` gives, in English (the keys callers look up); each is
shown translated (`_(label)`), at most nine letters in French so it keeps its column."""
WORDS = (
    *(N_("inbox"), N_("todo"), N_("waiting"), N_("done"), N_("cancelled")),
    *(N_("high"), N_("medium"), N_("low")),
)
"""A task's status and priority as the lines show them, translated."""


def task_lines(ws, task, brief: bool) -> list[tuple[str, str]]:
    """(label, value) pairs, values safe for a terminal; notes run on over several lines."""
    return [
        (label, safe(value, multiline=True) if label == "notes" else safe(value))
        for label, value in _fields(ws, task, brief)
    ]


def _fields(ws, task, brief: bool) -> list[tuple[str, str]]:
    now, tz = ws.now(), ws.tz
    lines: list[tuple[str, str]] = []
    if task.client:
        client = ws.snapshot().clients.get(task.client)
        name = f" ({client.name})" if client and client.name != task.client else ""
        lines.append(("client", f"@{task.client}{name}"))
    lines.append(("status", _(ws.inbox.status_of(task))))
    if task.priority:
        lines.append(("priority", _(task.priority)))
    for label in ("due", "wait", "scheduled"):
        value = getattr(task, label)
        if value is not None:
            lines.append((label, f"{format_local(value, tz)} ({humanize_due(value, now, tz)})"))
    if task.estimate_minutes:
        lines.append(("estimate", format_duration(task.estimate_minutes)))
    if task.tags:
        lines.append(("tags", " ".join(f"#{tag}" for tag in task.tags)))
    if task.recurrence:
        lines.append(("repeats", _repeats_shown(task)))
    if brief:
        return lines
    if task.depends:
        lines.append(("depends", " ".join(task.depends)))
    if task.notes:
        lines.append(("notes", task.notes.replace("\n", "\n" + " " * 13)))
    lines.append(("created", format_local(task.created, tz)))
    lines.append(("modified", format_local(task.modified, tz)))
    if task.completed:
        lines.append(("completed", format_local(task.completed, tz)))
    lines.append(("source", task.source))
    lines.append(("uuid", task.uuid))
    score = ws.inbox.why(task.id).score
    lines.append(("urgency", f"{score:.2f} (va why {task.id})"))
    return lines


def quick_add_lines(qa, tz, now) -> list[str]:
    """What a quick-add line says, one `label: value` a field given (the title apart):
    `due: fri 17:00 (2026-12-04 17:00)`; in French `échéance : … (ven. 4 déc., 17 h)`,
    lengths `1 h 30`. A past wait or scheduled date reads `2d ago`, not overdue."""
    from vaworkspace.i18n import language
    from vaworkspace.locale_format import format_minutes, format_when

    speaks, none = language(), pgettext("field", "none")

    def line(label: str, value: str) -> str:
        return _("{label}: {value}").format(label=_(label), value=value)

    def when(name: str, value) -> str:
        if value is None:
            return none
        # a past wait or scheduled date is no lateness: `2d ago`, `il y a 2 j`
        human = humanize_due(value, now, tz) if name == "due" else humanize_ago(value, now, tz)
        exact = format_local(value, tz) if speaks == "en" else format_when(value, tz, now, speaks)
        return f"{human} ({exact})"

    lines: list[str] = []
    if "client" in qa.given:
        lines.append(line("client", f"@{qa.client}" if qa.client else pgettext("client", "none")))
    if qa.tags:
        lines.append(line("tags", " ".join(f"#{tag}" for tag in qa.tags)))
    if qa.remove_tags:
        lines.append(line(N_("untag"), " ".join(f"#{tag}" for tag in qa.remove_tags)))
    if "priority" in qa.given:
        lines.append(line("priority", _(qa.priority) if qa.priority else none))
    for name in ("due", "wait", "scheduled"):
        if name in qa.given:
            lines.append(line(name, when(name, getattr(qa, name))))
    if "estimate_minutes" in qa.given:
        minutes = qa.estimate_minutes
        lines.append(line("estimate", format_minutes(minutes, speaks) if minutes else none))
    if "recurrence" in qa.given:
        lines.append(_repeats(qa))
    return lines


def _repeats_shown(task) -> str:
    """`every week from completion` (English, as `va show` always said it); French
    in the words a French VA types (`chaque! lundi`, `tous les jours`)."""
    from vaworkspace.i18n import language
    from vaworkspace.locale_format import is_french

    if is_french(language()):
        from vaworkspace.repeat_text import french_repeat

        return french_repeat(task.recurrence, task.recur_from_completion)
    from vaworkspace.domain.tasks.recurrence import describe_rrule

    origin = " from completion" if task.recur_from_completion else ""
    return f"{describe_rrule(task.recurrence)}{origin}"


def _repeats(qa) -> str:
    if qa.recurrence is None:
        return _("repeats: no longer")
    from vaworkspace.i18n import language
    from vaworkspace.locale_format import is_french

    if is_french(language()):  # `chaque! lundi` says "from completion" itself
        from vaworkspace.repeat_text import french_repeat

        return _("{label}: {value}").format(
            label=_("repeats"), value=french_repeat(qa.recurrence, qa.recur_from_completion)
        )
    from vaworkspace.domain.tasks.recurrence import describe_rrule

    origin = _(" (from completion)") if qa.recur_from_completion else ""
    return f"{describe_rrule(qa.recurrence)}{origin}"


CLIENT_HEADERS = ["ID", "Name", "Rate", "Budget", "Weight", "Zone", "Open", ""]
"""The columns of `client_cells`, in English (the keys); `client_headers` shows them."""


def client_headers() -> list[str]:
    """`CLIENT_HEADERS` in the UI's language (a client's `ID` is its code, not a number)."""
    return [
        pgettext("client", "ID"),
        _("Name"),
        _("Rate"),
        _("Budget"),
        _("Weight"),
        _("Zone"),
        pgettext("client", "Open"),
        "",
    ]


def client_cells(client, open_tasks: int) -> list[str]:
    """One client as the cells of `va client list` and the clients screen: money
    and retainers in the UI's language (`45,00 $/h`, `10 h/sem.`)."""
    from vaworkspace.i18n import language
    from vaworkspace.locale_format import format_amount, format_budget

    speaks = language()
    return [
        f"@{safe(client.id)}",
        safe(client.name),
        safe(f"{format_amount(client.rate_cents, client.currency, speaks)}/h"),
        format_budget(client.budget, speaks, short=True),
        str(client.weight),
        safe(client.timezone or ""),
        str(open_tasks),
        _("archived") if client.archived else "",
    ]


def term_label(name: str) -> str:
    """An urgency term's name, as `va why` and the detail pane show it: in English
    the `[urgency]` config key itself (`at_risk`), in French its word (`à risque`)."""
    labels = {
        "due": pgettext("urgency term", "due"),
        "at_risk": pgettext("urgency term", "at_risk"),
        "overdue": pgettext("urgency term", "overdue"),
        "priority": pgettext("urgency term", "priority"),
        "next": pgettext("urgency term", "next"),
        "client": pgettext("urgency term", "client"),
        "budget": pgettext("urgency term", "budget"),
        "waiting": pgettext("urgency term", "waiting"),
        "blocked": pgettext("urgency term", "blocked"),
        "age": pgettext("urgency term", "age"),
    }
    return labels.get(name, name)
