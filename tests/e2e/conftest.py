"""Fixtures for the end-to-end tests that drive `va` through real terminals.

None is autouse: the process tests next door need no terminal. Each fixture
cleans up what it started even when the test fails half-way, so a hung TUI or a
stray sshd never outlives its test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

import pytest
from ssh_server import SshServer, start_sshd
from terminal import TmuxPane, VaWorkspace, make_workspace, require_program


@pytest.fixture
def workspace(isolated_env) -> Iterator[VaWorkspace]:
    """A fresh workspace in the test's tmp dir; `.run(...)` is the installed CLI on it."""
    yield make_workspace(isolated_env / "e2e")


@pytest.fixture
def tmux_pane() -> Iterator[Callable[..., TmuxPane]]:
    """`tmux_pane(argv, env)` opens an 80×24 pane running argv; all are killed at teardown."""
    require_program("tmux", "tmux")  # fail before seeding anything
    panes: list[TmuxPane] = []

    def open_pane(argv: Sequence[str], env: Mapping[str, str] | None = None, **options) -> TmuxPane:
        pane = TmuxPane(argv, env, **options)
        panes.append(pane)
        return pane

    try:
        yield open_pane
    finally:
        for pane in panes:
            pane.kill()


@pytest.fixture
def sshd(tmp_path_factory) -> Iterator[SshServer]:
    """A real OpenSSH server on 127.0.0.1 (free port) that accepts a throwaway key."""
    server = start_sshd(tmp_path_factory.mktemp("sshd"))
    try:
        yield server
    finally:
        server.stop()
