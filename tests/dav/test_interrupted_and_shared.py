"""A sync cut short by the server dying, and two VAs sharing one task list.

The kill is timed by what the server has written to its disk (a count of stored
to-dos), not by a guessed delay. Both VAs here run the real `va` command line."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.dav.phone import Phone
from tests.dav.radicale import USERS
from vaworkspace.cli import main
from vaworkspace.service import Workspace

TASKS = 120


def _sync_process() -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "vaworkspace", "sync"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
@pytest.mark.parametrize("killed", ["server", "va"])
def test_a_push_killed_midway_is_finished_by_the_next_sync_without_duplicates(
    private_radicale, killed
) -> None:
    """The server dies (the sync records what it sent, then fails), or the `va`
    process dies (nothing of the push recorded: the next sync finds its own writes
    on the server and agrees on them instead of sending them twice)."""
    server = private_radicale
    url = server.make_collection("ann", "acme", "Acme", ["VTODO"])
    ws = Workspace.open(os.environ["VAWORKSPACE_DB"])
    ws.clients.add("Acme", id="acme")
    for n in range(TASKS):
        ws.tasks.add(f"Task {n:03} @acme")
    ws.accounts.add("work", server.url, "ann", f"echo {USERS['ann']}")
    ws.accounts.map("work", "acme", "acme")

    sync = _sync_process()
    while len(server.resources("ann", "acme")) < 10 and sync.poll() is None:
        time.sleep(0.002)
    if killed == "server":
        server.kill()
    else:
        sync.kill()
    _, err = sync.communicate(timeout=60)
    stored = len(server.resources("ann", "acme"))

    assert 10 <= stored < TASKS, "the kill should land in the middle of the push"
    if killed == "server":
        assert sync.returncode == 1, err
        assert "account 'work'" in err and "cannot connect" in err
        server.start()
    again = _sync_process()
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err

    local = {
        t.uuid: t.title for t in Workspace.open(os.environ["VAWORKSPACE_DB"]).snapshot().tasks()
    }
    remote = Phone(server.url, "ann", url).todos()
    assert len(local) == TASKS
    assert {uid: todo["SUMMARY"] for uid, todo in remote.items()} == local
    assert len(server.resources("ann", "acme")) == TASKS
    third = subprocess.run(
        [sys.executable, "-m", "vaworkspace", "sync"], capture_output=True, text=True
    )
    assert "0 tasks from the server, 0 sent, 0 deleted here, 0 deleted there" in third.stdout


def test_two_workspaces_share_a_clients_task_list(
    radicale, fresh_slug, tmp_path, monkeypatch, capsys
):
    """Two VAs of one agency, each with their own workspace and config, sync one
    client's task list kept under the agency's login."""
    radicale.make_collection("agency", fresh_slug, f"Acme {fresh_slug}", ["VTODO"])
    login = f"echo {USERS['agency']}"

    def as_va(name: str, *argv: str) -> str:
        monkeypatch.setenv("VAWORKSPACE_DB", str(tmp_path / name / "workspace.json"))
        monkeypatch.setenv("VAWORKSPACE_CONFIG", str(tmp_path / name / "config.toml"))
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert code == 0, (argv, out, err)
        return out

    for va in ("ann", "bob"):
        as_va(va, "client", "add", "Acme", "--id", "acme")
        as_va(
            va,
            "account",
            "add",
            "agency",
            radicale.url,
            "--user",
            "agency",
            "--password-command",
            login,
        )
        as_va(va, "account", "map", "agency", fresh_slug, "--client", "acme")

    as_va("ann", "add", "Book the venue @acme")
    as_va("ann", "sync")
    as_va("bob", "sync")
    assert "Book the venue" in as_va("bob", "list")

    venue = next(line for line in as_va("bob", "list").splitlines() if "Book the venue" in line)
    as_va("bob", "done", venue.split()[0])
    as_va("bob", "add", "Order catering @acme")
    as_va("bob", "sync")
    as_va("ann", "sync")

    ann_list = as_va("ann", "list")
    assert "Order catering" in ann_list and "Book the venue" not in ann_list
    assert "Book the venue" in as_va("ann", "list", "--all")
