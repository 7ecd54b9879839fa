"""`va` is one ordinary process per command: a console script, no workspace server.

A background server made commands faster but outlived ctrl+c, the SSH session and
upgrades. These checks keep one from coming back unnoticed: the installed
scripts are plain entry points, and the package's code holds none of the
machinery a server needs (a listening socket, forking, detaching, passing
descriptors).
"""

from __future__ import annotations

import re
from importlib.metadata import distribution
from pathlib import Path

import vaworkspace

PACKAGE = Path(vaworkspace.__file__).parent
SERVER_MACHINERY = re.compile(
    r"\bAF_UNIX\b|\.bind\(|\.listen\(|\.accept\(|\bSCM_RIGHTS\b|\bsendmsg\b|\bfork\b"
    r"|\bsetsid\b|\bdaemon\(|\brelay\b|VAWORKSPACE_SERVER"
)
"""What a server needs: a listening (Unix) socket, descriptors passed over it, a
detached child. Client sockets (`va sync` downloads over https) and threads are
not servers."""


def test_va_and_vaworkspace_are_console_scripts_of_the_cli() -> None:
    scripts = {
        entry.name: entry.value
        for entry in distribution("vaworkspace").entry_points
        if entry.group == "console_scripts"
    }
    assert scripts == {"va": "vaworkspace.cli:run", "vaworkspace": "vaworkspace.cli:run"}


def test_no_server_machinery_anywhere_in_the_package() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SERVER_MACHINERY.search(line)
    ]
    assert found == []
    assert not (PACKAGE / "scripts").exists()


def test_each_command_module_registers_exactly_its_listed_commands() -> None:
    import argparse
    from importlib import import_module

    from vaworkspace.cli import COMMANDS, build_parser

    for module, names in COMMANDS.items():
        commands = argparse.ArgumentParser().add_subparsers()
        for name, build in import_module(f"vaworkspace.cli.{module}").PARSERS.items():
            build(commands)
            assert tuple(commands.choices)[-1] == name, module  # each builds its own
        assert tuple(commands.choices) == names, module
    every = build_parser()._subparsers._group_actions[0].choices
    assert set(every) == {name for names in COMMANDS.values() for name in names}


def test_a_command_builds_only_its_own_parser() -> None:
    from vaworkspace.cli import build_parser, command_of

    for argv in (["list"], ["--db", "x.json", "list", "--all"], ["--db=x.json", "list"]):
        choices = build_parser(command_of(argv))._subparsers._group_actions[0].choices
        assert tuple(choices) == ("list",)
    assert tuple(build_parser("nosuch")._subparsers._group_actions[0].choices)[-1] == "themes"
    assert command_of(["--db", "add", "add", "x"]) == "add"
    assert command_of(["--version"]) is None
    assert "agenda" in build_parser(None)._subparsers._group_actions[0].choices
