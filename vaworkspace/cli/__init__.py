"""`va`: the scriptable command line. Parses arguments, calls the service, prints.

argparse rather than click: click costs ~29 ms of import on every command, half
of the 57 ms a `va list` may take. Command modules are imported only when their
command runs. Exit codes: 0 ok, 1 user error (one line on stderr), 2 usage or a bad config file.
"""

from __future__ import annotations

import argparse
import os
import sys

from vaworkspace import __version__

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: nothing else of `va add` imports typing
if TYPE_CHECKING:
    from collections.abc import Callable

PROG = "va"


COMMANDS = {
    "tasks": ("add", "list", "show", "edit", "done", "wait", "rm", "undo", "why"),
    "imports": ("import",),
    "clients": ("client",),
    "time": ("timer", "log", "entries", "entry", "report"),
    "earnings": ("rate",),
    "calendar": ("export", "calendar", "sync", "publish", "agenda"),
    "accounts": ("account",),
    "plan": ("plan",),
    "themes": ("themes",),
}
"""Each command module of `vaworkspace.cli` and the commands it runs (the keys
of its `PARSERS`), known without importing it."""


class Parser(argparse.ArgumentParser):
    """argparse builds a help formatter for every argument it registers, and each
    one imports shutil (which brings bz2, lzma and fnmatch) only to read the
    terminal width; this parser reads the width as `shutil.get_terminal_size`
    does, so help and usage wrap exactly as before. Subcommand parsers are built
    from the parent's class, so they share it."""

    def __init__(self, *args, **kwargs) -> None:
        """argparse's own words in the UI's language (its help's headings and `-h`);
        its error messages stay in English."""
        super().__init__(*args, **kwargs)
        from vaworkspace.i18n import _

        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = _("show this help message and exit")

    def _get_formatter(self) -> argparse.HelpFormatter:
        # typeshed's formatter protocol omits `width`, which every HelpFormatter takes
        make: Callable[..., argparse.HelpFormatter] = self.formatter_class
        formatter = make(prog=self.prog, width=help_columns() - 2)
        from vaworkspace.i18n import _, language

        if language() != "en":
            add_usage = formatter.add_usage

            def usage(usage, actions, groups, prefix=None) -> None:
                add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)

            formatter.add_usage = usage  # type: ignore[method-assign]
        return formatter


def help_columns() -> int:
    """`shutil.get_terminal_size().columns` without the import: `$COLUMNS`, else
    the terminal on stdout, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    stdout = sys.__stdout__
    try:
        return (stdout and os.get_terminal_size(stdout.fileno()).columns) or 80
    except (ValueError, OSError):
        return 80


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; given the command about to run, only that command's
    parser is built (every command's otherwise, for help and typos): each
    subcommand's parser, with its help formatter and translated texts, costs
    every command time for parsers it never uses."""
    from vaworkspace.i18n import _

    parser = Parser(
        prog=PROG,
        description=_("A terminal workspace for virtual assistants juggling several clients."),
        epilog=_("Run `va COMMAND --help` for a command's options. Docs: README.md."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"vaworkspace {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument(
        "--db", metavar="PATH", help=_("workspace file (default: $VAWORKSPACE_DB or the data dir)")
    )
    parser.add_argument(
        "--demo", action="store_true", help=_("create a demo workspace in a temporary folder")
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    from importlib import import_module

    chosen = [name for name, names in COMMANDS.items() if command in names]
    for name in chosen or COMMANDS:
        for each, build in import_module(f"vaworkspace.cli.{name}").PARSERS.items():
            if each == command or not chosen:
                build(commands)
    return parser


def command_at(argv: list[str]) -> int:
    """Where the command word is: the first word after the global options."""
    at = 0
    while at < len(argv) and argv[at].startswith("-"):
        at += 2 if argv[at] == "--db" else 1
    return at


def command_of(argv: list[str]) -> str | None:
    at = command_at(argv)
    return argv[at] if at < len(argv) else None


def main(argv: list[str] | None = None) -> int:
    """Run one command line in this process; returns the exit code."""
    from vaworkspace.lazy import defer_import

    defer_import("inspect")  # see `defer_import`: only dataclasses imports it
    argv = protect_text(sys.argv[1:] if argv is None else list(argv))
    speak_language()
    args = build_parser(command_of(argv)).parse_args(argv)
    from vaworkspace.errors import ConfigError, VaError

    try:
        if args.demo:
            from vaworkspace.cli.demo import run_demo

            return run_demo(args)
        handler = getattr(args, "handler", None)
        if handler is None:
            return open_tui(args)
        try:
            return handler(args) or 0
        finally:
            publish_changes(args)
    except VaError as error:
        from vaworkspace.display import safe  # a message may quote a stored title or name

        print(f"va: {safe(str(error))}", file=sys.stderr)
        return 2 if isinstance(error, ConfigError) else 1
    except BrokenPipeError:
        # `va list | head`: the reader left; not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 0
    except KeyboardInterrupt:
        return interrupted()


def speak_language() -> None:
    """Choose the UI's language (config, else LC_ALL/LC_MESSAGES/LANG) before the
    parser is built: its help is written in it."""
    from vaworkspace.config.language import early_language
    from vaworkspace.config.paths import config_path
    from vaworkspace.i18n import use_language

    use_language(early_language(config_path(), os.environ))


TEXT_COMMANDS = {"add": 0, "edit": 1, "log": 0}  # positionals before the free text
TEXT_FLAGS = {"--new-client", "--json", "-h", "--help"}
VALUE_FLAGS = {"--start"}  # flags of those commands that take the next word


def protect_text(argv: list[str]) -> list[str]:
    """Keep free words such as `-#urgent` or `-5%` away from argparse's option parser.

    The words after `va add`, `va edit ID` and `va log` are put behind `--`, in
    their order; the command's own flags may still appear anywhere.
    """
    at = command_at(argv)
    if at >= len(argv) or argv[at] not in TEXT_COMMANDS or "--" in argv:
        return argv
    rest = argv[at + 1 :]
    flags: list[str] = []
    words: list[str] = []
    i = 0
    while i < len(rest):
        if rest[i] in VALUE_FLAGS and i + 1 < len(rest):
            flags += rest[i : i + 2]
            i += 2
            continue
        (flags if rest[i] in TEXT_FLAGS else words).append(rest[i])
        i += 1
    keep = TEXT_COMMANDS[argv[at]]
    head, text = words[:keep], words[keep:]
    return [*argv[: at + 1], *flags, *head, *(["--", *text] if text else [])]


INTERRUPTED = 130
"""Exit code after ctrl+c (128 + SIGINT), as shells report it."""


def interrupted() -> int:
    """ctrl+c: one line, and the exit code shells give a command ended by SIGINT."""
    try:  # noqa: SIM105 - contextlib would cost an import
        sys.stderr.write("va: interrupted\n")
    except OSError:
        pass
    return INTERRUPTED


def run() -> None:
    """Entry point of the `va` and `vaworkspace` console scripts: one command, in
    this process, without the costs a short-lived process never needs.

    The cyclic GC would rescan the parsed workspace several times and freeing it
    at exit takes longer still; the file is already safely on disk when `main`
    returns, so we flush the streams and leave.

    ctrl+c ends the command with one line and exit code 130, never a traceback.
    A change is written by renaming a complete temp file over the workspace
    (`store/atomic.py`), so an interrupted command leaves the file as it was, or
    as the finished change left it; never half-written.
    """
    import gc

    gc.disable()
    try:
        code = main()
    except KeyboardInterrupt:  # before `main` took charge: parsing the command line
        code = interrupted()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, KeyboardInterrupt):
        pass
    os._exit(code)


def open_tui(args) -> int:
    """`va` alone: the full-screen workspace in a terminal, the inbox as text otherwise."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        from vaworkspace.cli.tasks import list_tasks

        args.__dict__.update(
            client=None, tag=None, status=None, all=False, limit=None, json=False, search=None
        )
        return list_tasks(args)
    from vaworkspace.tui.launch import first_run, run_tui

    if not first_run():  # the VA quit the first run's questions
        return 0
    return run_tui(open_workspace(args))


def open_workspace(args):
    """The service for the file chosen by `--db`, `$VAWORKSPACE_DB` or the default."""
    from vaworkspace.config import load_config, workspace_path
    from vaworkspace.service import Workspace

    ws = Workspace(workspace_path(args.db), load_config(), clock=fixed_clock())
    args.workspace = ws
    return ws


def publish_changes(args) -> None:
    """After a command: rewrite the `[[publish]]` files if it changed the workspace
    (even if it then failed: what was saved is published); problems are warnings."""
    ws = getattr(args, "workspace", None)
    if ws is None or not ws.config.publish or not ws.publishing.unpublished:
        return  # without a [[publish]] entry nothing is noted (`PublishService`)
    from vaworkspace.display import safe
    from vaworkspace.i18n import _

    for problem in ws.publishing.publish_pending().problems:
        print("va: " + _("warning: {text}").format(text=safe(str(problem))), file=sys.stderr)


def fixed_clock():
    """`$VAWORKSPACE_NOW` (an ISO instant) freezes the clock: for tests and demos only."""
    frozen = os.environ.get("VAWORKSPACE_NOW")
    if not frozen:
        return None
    from datetime import datetime, timezone

    from vaworkspace.domain.dates import parse_iso

    moment = parse_iso(frozen)
    if not isinstance(moment, datetime):  # a date alone: its midnight, UTC
        moment = datetime(moment.year, moment.month, moment.day, tzinfo=timezone.utc)
    return lambda: moment
