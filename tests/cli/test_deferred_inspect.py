"""`inspect` is imported by `dataclasses` but read only for a class without a
docstring; `va` defers it (`lazy.defer_import`), so the commands run most often
never load it, and code that does read it still gets the real module."""

from __future__ import annotations

import os
import subprocess
import sys

COMMANDS = """
import sys
from vaworkspace.cli import main
for argv in {commands!r}:
    main(argv)
print(type(sys.modules["inspect"]).__name__, "ast" in sys.modules)
"""

READ_LATER = """
import sys
from vaworkspace.lazy import defer_import
defer_import("inspect")
from dataclasses import dataclass
import inspect as bound_before

@dataclass
class NoDoc:
    a: int

real = sys.modules["inspect"]
print(NoDoc.__doc__, type(real).__name__, bound_before.signature is real.signature)
import inspect
print(inspect is real, callable(bound_before.getsource))
"""


def run_python(code: str, env: dict[str, str]) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_add_list_done_never_load_inspect(tmp_path) -> None:
    env = dict(
        os.environ,
        VAWORKSPACE_DB=str(tmp_path / "ws.json"),
        VAWORKSPACE_CONFIG=str(tmp_path / "none.toml"),
    )
    commands = [["add", "Book hotel due:fri #next"], ["list"], ["done", "1"], ["list", "--all"]]
    *printed, modules = run_python(COMMANDS.format(commands=commands), env)
    assert "Completed task 1: Book hotel" in printed
    assert modules == "Deferred False"  # the stand-in, and none of what inspect imports


def test_the_first_read_loads_the_real_module(tmp_path) -> None:
    """A dataclass without a docstring reads `inspect.signature`: it works, and from
    then on the stand-in and `sys.modules` give the real module's names."""
    first, second = run_python(READ_LATER, dict(os.environ))
    assert first == "NoDoc(a: int) module True"
    assert second == "True True"
