"""A workspace file that disappears while a process holds it open (the TUI, all day).

A missing file is an empty workspace only until this process has seen the file:
after that, a file moved away or deleted by another program is an error, never
an empty workspace that the next change would write as a new file.
"""

from __future__ import annotations

import pytest

from tests.store.test_store_file import add_task
from vaworkspace.errors import StoreError
from vaworkspace.store import WorkspaceFile


def test_a_file_moved_away_after_it_was_read_is_refused_and_not_recreated(tmp_path):
    path = tmp_path / "ws.json"
    add_task(WorkspaceFile(path), title="one")
    wf = WorkspaceFile(path)
    assert len(wf.read()["tasks"]) == 1
    path.rename(tmp_path / "moved.json")
    with pytest.raises(StoreError, match=r"ws\.json is gone \(moved or deleted"):
        wf.read()
    with pytest.raises(StoreError, match="nothing was written"):
        add_task(wf, title="two")
    assert not path.exists()


def test_a_file_deleted_after_this_process_wrote_it_is_refused(tmp_path):
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path)
    add_task(wf, title="one")  # the first write creates the file
    path.unlink()
    with pytest.raises(StoreError, match="is gone"):
        add_task(wf, title="two")
    assert not path.exists()


def test_a_file_put_back_is_read_again(tmp_path):
    path = tmp_path / "ws.json"
    wf = WorkspaceFile(path)
    add_task(wf, title="one")
    path.rename(tmp_path / "moved.json")
    with pytest.raises(StoreError):
        wf.read()
    (tmp_path / "moved.json").rename(path)
    assert [t["title"] for t in wf.read()["tasks"].values()] == ["one"]
