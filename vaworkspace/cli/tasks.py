"""Task commands: add, list, show, edit, done, wait, rm, undo, why."""

from __future__ import annotations

import sys

from vaworkspace.cli import open_workspace
from vaworkspace.cli.output import (
    print_json,
    print_json_list,
    table,
    task_json,
    terminal_width,
)
from vaworkspace.display import safe
from vaworkspace.errors import InputError
from vaworkspace.i18n import _, ngettext

DEFAULT_LIMIT = 25
RISK_MARK = " !"  # after the score of a task that no longer fits before its deadline


def _add_parser(commands) -> None:
    from argparse import RawDescriptionHelpFormatter as raw

    from vaworkspace.cli.quick_add_help import GRAMMAR

    add = commands.add_parser(
        "add",
        help=_("add a task from one line"),
        epilog=_(GRAMMAR),
        formatter_class=raw,
        description=_(
            "Add a task from one line, e.g.\n"
            '  va add "Book hotel @evelyne !high due:fri 17:00 ~45m #travel"'
        ),
    )
    add.add_argument("text", nargs="+", help=_("title and quick-add fields"))
    add.add_argument("--new-client", action="store_true", help=_("create an unknown @client"))
    add.add_argument("--json", action="store_true", help=_("print the created task as JSON"))
    add.set_defaults(handler=add_task)


def _list_parser(commands) -> None:
    lst = commands.add_parser(
        "list",
        help=_("tasks, most urgent first"),
        description=_("Open tasks across clients, highest urgency first."),
    )
    lst.add_argument("--client", "-c", help=_("only this client's tasks"))
    lst.add_argument("--tag", "-t", help=_("only tasks with this tag"))
    lst.add_argument("--status", "-s", choices=["inbox", "todo", "waiting", "done", "cancelled"])
    lst.add_argument("--search", help=_("only tasks whose title or notes contain this text"))
    lst.add_argument(
        "--all", "-a", action="store_true", help=_("include done, cancelled and snoozed")
    )
    limit = _("at most N tasks (text default {limit}, 0 = all)")
    lst.add_argument("--limit", "-n", type=int, help=limit.format(limit=DEFAULT_LIMIT))
    lst.add_argument(
        "--json", action="store_true", help=_("machine-readable output (no default limit)")
    )
    lst.set_defaults(handler=list_tasks)


def _show_parser(commands) -> None:
    show = commands.add_parser("show", help=_("every field of a task"))
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_task)


def _edit_parser(commands) -> None:
    from argparse import RawDescriptionHelpFormatter as raw

    from vaworkspace.cli.quick_add_help import GRAMMAR

    edit = commands.add_parser(
        "edit",
        help=_("change fields with quick-add fragments"),
        epilog=_(GRAMMAR),
        formatter_class=raw,
        description=_("Change a task, e.g. va edit 12 due:mon !h -#travel"),
    )
    edit.add_argument("id", type=int)
    edit.add_argument("text", nargs="+", help=_("fields to change; plain words replace the title"))
    edit.add_argument("--new-client", action="store_true", help=_("create an unknown @client"))
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(handler=edit_task)


def _done_parser(commands) -> None:
    done = commands.add_parser("done", help=_("complete tasks (recurring ones spawn the next)"))
    done.add_argument("ids", type=int, nargs="+", metavar="ID")
    done.add_argument("--json", action="store_true")
    done.set_defaults(handler=complete_tasks)


def _wait_parser(commands) -> None:
    wait = commands.add_parser("wait", help=_("hide a task until a date (waiting on someone)"))
    wait.add_argument("id", type=int)
    wait.add_argument("when", nargs="+", help=_("date expression: mon, in 3 days, dec 5 9:00…"))
    wait.set_defaults(handler=wait_task)


def _rm_parser(commands) -> None:
    rm = commands.add_parser("rm", help=_("delete tasks for good"))
    rm.add_argument("ids", type=int, nargs="+", metavar="ID")
    rm.add_argument("--yes", "-y", action="store_true", help=_("do not ask for confirmation"))
    rm.set_defaults(handler=remove_tasks)


def _undo_parser(commands) -> None:
    undo = commands.add_parser(
        "undo",
        help=_("undo the last change (again: redo it)"),
        description=_(
            "Undo the last change to the workspace, made here or in the TUI (its u): "
            "an add, edit, completion, snooze or delete, a time entry, a work block, a client. "
            "Refused, changing nothing, if another change touched the same records since."
        ),
    )
    undo.set_defaults(handler=undo_change)


def _why_parser(commands) -> None:
    why = commands.add_parser("why", help=_("explain a task's urgency term by term"))
    why.add_argument("id", type=int)
    why.set_defaults(handler=why_task)


PARSERS = {
    "add": _add_parser,
    "list": _list_parser,
    "show": _show_parser,
    "edit": _edit_parser,
    "done": _done_parser,
    "wait": _wait_parser,
    "rm": _rm_parser,
    "undo": _undo_parser,
    "why": _why_parser,
}
"""The parser of each command this module runs: `va CMD` builds only its own."""


def add_task(args) -> int:
    ws = open_workspace(args)
    added = ws.tasks.add(" ".join(args.text), new_client=args.new_client)
    return _report(ws, added, _("Created task {task}: {title}"), args.json)


def edit_task(args) -> int:
    ws = open_workspace(args)
    edited = ws.tasks.edit(args.id, " ".join(args.text), new_client=args.new_client)
    return _report(ws, edited, _("Modified task {task}: {title}"), args.json)


def _report(ws, change, said: str, as_json: bool) -> int:
    """The task as JSON, or the echo of every field understood, so that no title
    word is ever eaten silently. `said`: the first line, translated, with `{task}`
    and `{title}` to fill."""
    task = change.task
    if as_json:
        print_json(task_json(task, None, ws.inbox.status_of(task)))
        return 0
    if change.new_client is not None:
        client = change.new_client
        created = _("Created client @{client} ({name})")
        print(created.format(client=safe(client.id), name=safe(client.name)))
    print(said.format(task=task.id, title=safe(task.title)))
    if change.replaced_title is not None:  # words left over by the edit became the title
        replaced = _("  title replaced (was: {title})")
        print(replaced.format(title=safe(change.replaced_title)))
    _print_fields(ws, task, brief=True)
    _print_client_zone(ws, task)
    risk = ws.inbox.risk_of(task)
    if risk is not None:  # as `va list` would mark it: say so now, not at the next list
        label = _("at risk") + ":"
        print(f"  {label:<10} {safe(risk)} (va why {task.id})")
    return 0


def _print_client_zone(ws, task) -> None:
    """A deadline at a time of day for a client in another zone was read in theirs
    (`TaskService.add`): the echo says so, in their time."""
    from datetime import datetime

    client = ws.snapshot().clients.get(task.client) if task.client else None
    if client is None or not client.timezone or not isinstance(task.due, datetime):
        return
    if client.timezone == str(ws.tz):
        return
    from vaworkspace.config import load_zone

    zone = load_zone(client.timezone)
    theirs = task.due.astimezone(zone)
    from vaworkspace.i18n import language
    from vaworkspace.locale_format import format_when, is_french

    if is_french(language()):
        when = format_when(theirs, zone, ws.now(), language())
    else:
        when = f"{theirs:%a %H:%M}"
    said = _("{when} in {zone}, @{client}'s zone")
    print(f"  {'':<10} " + said.format(when=when, zone=client.timezone, client=safe(client.id)))


def _print_fields(ws, task, brief: bool) -> None:
    from vaworkspace.describe import task_lines

    for label, value in task_lines(ws, task, brief=brief):
        shown = _(label) + ":"
        print(f"  {shown:<10} {value}")


def list_tasks(args) -> int:
    ws = open_workspace(args)
    limit = args.limit if args.limit is not None else (None if args.json else DEFAULT_LIMIT)
    filters = {
        "client": args.client,
        "tag": args.tag,
        "status": args.status,
        "include_all": args.all,
        "text": args.search,
    }
    if args.json:  # from the records: no `Task` built for thousands of rows
        print_json_list(ws.inbox.top_rows(limit or None, **filters)[1])
        return 0
    total, ranked = ws.inbox.top(limit or None, **filters)
    fits = ws.inbox.fits([t for _, t in ranked])
    if not ranked:
        print(_('No tasks. Add one: va add "Call the dentist @client due:fri"'))
        return 0
    from vaworkspace.domain.dates import format_duration, humanize_due

    now, tz = ws.now(), ws.tz
    rows = [
        [
            str(t.id),
            f"{score:.1f}" + (RISK_MARK if fits[t.id][0] else ""),
            f"@{t.client}" if t.client else "-",
            t.title,
            humanize_due(t.due, now, tz) if t.due is not None else "",
            format_duration(t.estimate_minutes) if t.estimate_minutes else "",
            " ".join(f"#{tag}" for tag in t.tags),
        ]
        for score, t in ranked
    ]
    headers = [_("ID"), _("Urg"), _("Client"), _("Title"), _("Due"), _("Est"), _("Tags")]
    print("\n".join(table(rows, headers, flexible=3, width=terminal_width())))
    if any(risky for risky, _ in fits.values()):
        print(_("(! at risk: no longer fits before its deadline; va why ID says by how much)"))
    if total > len(ranked):
        print(
            _("({shown} of {total} shown; --limit 0 shows all)").format(
                shown=len(ranked), total=total
            )
        )
    return 0


def show_task(args) -> int:
    ws = open_workspace(args)
    task = ws.tasks.get(args.id)
    if args.json:
        score = ws.inbox.why(args.id).score
        print_json(task_json(task, score, ws.inbox.status_of(task)))
        return 0
    print(_("Task {task}: {title}").format(task=task.id, title=safe(task.title)))
    _print_fields(ws, task, brief=False)
    return 0


def complete_tasks(args) -> int:
    ws = open_workspace(args)
    completions = ws.tasks.complete(args.ids)
    if args.json:
        print_json(
            [
                {
                    "task": task_json(c.task, None, c.task.status),
                    "next": task_json(c.spawned, None, ws.inbox.status_of(c.spawned))
                    if c.spawned
                    else None,
                }
                for c in completions
            ]
        )
        return 0
    from vaworkspace.domain.dates import humanize_due

    for c in completions:
        done = _("Completed task {task}: {title}")
        print(done.format(task=c.task.id, title=safe(c.task.title)))
        if c.spawned is not None:
            if c.spawned.due:
                when = humanize_due(c.spawned.due, ws.now(), ws.tz)
            else:
                when = _("no due date")
            after = _("  next occurrence: task {task}, due {when}")
            print(after.format(task=c.spawned.id, when=when))
    return 0


def wait_task(args) -> int:
    ws = open_workspace(args)
    task = ws.tasks.wait(args.id, " ".join(args.when))
    from vaworkspace.domain.dates import format_local

    waits = _("Task {task} waits until {when}: hidden from the inbox until then")
    print(waits.format(task=task.id, when=format_local(task.wait, ws.tz)))
    return 0


def remove_tasks(args) -> int:
    ws = open_workspace(args)
    doomed = [ws.tasks.get(task_id) for task_id in dict.fromkeys(args.ids)]
    if not args.yes:
        if not sys.stdin.isatty():
            raise InputError(_("refusing to delete without confirmation; add --yes"))
        names = ", ".join(f"{t.id} ({safe(t.title)})" for t in doomed)
        # English says "task(s)" for any count; French agrees with the count.
        question = ngettext(
            "Delete {count} task(s) for good: {names}? [y/N] ",
            "Delete {count} task(s) for good: {names}? [y/N] ",
            len(doomed),
        )
        answer = input(question.format(count=len(doomed), names=names))
        if answer.strip().lower() not in ("y", "yes", "o", "oui"):
            print(_("Nothing deleted."))
            return 0
    for task in ws.tasks.remove(args.ids):
        print(_("Deleted task {task}: {title}").format(task=task.id, title=safe(task.title)))
    return 0


def undo_change(args) -> int:
    from vaworkspace.change_text import change_label, worded
    from vaworkspace.errors import UndoRefused

    try:
        change = open_workspace(args).undo.undo()
    except UndoRefused as refused:
        raise worded(refused) from None
    said = _("Redone: {change}") if change.undone else _("Undone: {change}")
    print(said.format(change=safe(change_label(change))))
    return 0


def why_task(args) -> int:
    from vaworkspace.describe import term_label

    ws = open_workspace(args)
    why = ws.inbox.why(args.id)
    task = why.task
    print(_("Task {task}: {title}").format(task=task.id, title=safe(task.title)))
    if ws.inbox.hidden(task):
        print(_("  (snoozed: hidden from the inbox until its wait date)"))
    for term in why.terms:
        print(f"  {term_label(term.name):<9} {term.value:+7.2f}  {safe(term.reason)}")
    label = _("urgency")
    print(f"  {label:<9} {why.score:7.2f}")
    return 0
