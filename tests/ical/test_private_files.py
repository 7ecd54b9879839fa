"""Exported and published calendars hold client names and task titles: they are
private files (0600, folders 0700) whatever the umask, written atomically."""

from __future__ import annotations

import os
import stat

import pytest


@pytest.fixture
def umask_077():
    old = os.umask(0o077)
    yield
    os.umask(old)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def publish_to(isolated_env, target, client: str = "evelyne") -> None:
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f'[[publish]]\nclient = "{client}"\npath = "{target}"\n')


def test_export_file_is_private_under_any_umask(va, tmp_path, umask_022) -> None:
    out = tmp_path / "out.ics"
    va("add", "Book hotel @evelyne due:fri")
    va("export", "-o", str(out))
    assert mode(out) == 0o600
    assert b"SUMMARY:Book hotel" in out.read_bytes()


def test_export_over_an_existing_private_file_keeps_it_private(va, tmp_path, umask_077) -> None:
    out = tmp_path / "out.ics"
    out.write_bytes(b"old")
    os.chmod(out, 0o600)
    va("export", "-o", str(out))
    assert mode(out) == 0o600
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_export_through_a_symlink_writes_the_target(va, tmp_path) -> None:
    real = tmp_path / "real.ics"
    real.write_bytes(b"old")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    va("export", "-o", str(link))
    assert link.is_symlink()
    assert real.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_export_leaves_no_temp_file(va, tmp_path) -> None:
    va("export", "-o", str(tmp_path / "out.ics"))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".ics")) == ["out.ics"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_published_file_and_folders_are_private(va, tmp_path, isolated_env, umask_022) -> None:
    target = tmp_path / "sync" / "deep" / "evelyne.ics"
    publish_to(isolated_env, target)
    va("add", "Book hotel @evelyne due:fri")
    assert b"SUMMARY:Book hotel" in target.read_bytes()
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700
    assert mode(target.parent.parent) == 0o700


def test_published_file_keeps_an_existing_mode(va, tmp_path, isolated_env, umask_022) -> None:
    private, shared = tmp_path / "private.ics", tmp_path / "shared.ics"
    private.write_bytes(b"old")
    os.chmod(private, 0o600)
    shared.write_bytes(b"old")
    os.chmod(shared, 0o640)  # deliberately readable by a web server's group
    config = isolated_env / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        f'[[publish]]\nclient = "evelyne"\npath = "{private}"\n'
        f'[[publish]]\nclient = "evelyne"\npath = "{shared}"\n'
    )
    va("add", "Book hotel @evelyne due:fri")
    assert b"SUMMARY:Book hotel" in private.read_bytes()
    assert b"SUMMARY:Book hotel" in shared.read_bytes()
    assert mode(private) == 0o600
    assert mode(shared) == 0o640
