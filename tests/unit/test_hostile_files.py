"""Files the program writes: nothing left behind, owner-only where it creates them, nothing else touched."""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import pytest

from homeassess.logs import configure_logging
from homeassess.store.atomic_file import TEMP_SUFFIX, write_atomically
from homeassess.store.location import log_dir, staging_dir
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_logs_are_owner_only_even_where_an_older_version_left_them_open(tmp_path):
    data = tmp_path / "data"
    old_logs = log_dir(data)
    old_logs.mkdir(parents=True, mode=0o755)
    os.chmod(old_logs, 0o755)
    old_log = old_logs / "homeassess.log"
    old_log.write_text("older line\n")
    os.chmod(old_log, 0o644)
    path = configure_logging(old_logs)
    logging.getLogger("homeassess.test").warning("a line")
    assert (mode(old_logs), mode(path)) == (0o700, 0o600)

    fresh = configure_logging(log_dir(tmp_path / "new data"))
    logging.getLogger("homeassess.test").warning("another line")
    assert (mode(fresh.parent.parent), mode(fresh.parent), mode(fresh)) == (0o700, 0o700, 0o600)


@posix_only
def test_opening_a_store_in_a_folder_someone_named_leaves_its_mode_alone(tmp_path):
    shared = tmp_path / "Shared clinic folder"
    shared.mkdir()
    os.chmod(shared, 0o755)
    Store.open(shared, PASSPHRASE, create=True).close()
    assert mode(shared) == 0o755
    assert mode(shared / "homeassess.db") == 0o600

    made = tmp_path / "made by HomeAssess"
    Store.open(made, PASSPHRASE, create=True).close()
    assert mode(made) == 0o700


def test_an_atomic_write_leaves_only_the_target(tmp_path):
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    write_atomically(target, b"%PDF-1.4 first")
    write_atomically(target, b"%PDF-1.4 second")  # over an existing file
    assert target.read_bytes() == b"%PDF-1.4 second"
    assert [p.name for p in target.parent.iterdir()] == ["report.pdf"]
    if sys.platform != "win32":
        assert mode(target) == 0o600


def test_without_unnamed_files_the_temporary_copy_goes_to_the_staging_folder(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    data = tmp_path / "data"
    staging = staging_dir(data)
    seen: list[Path] = []
    real_fsync = os.fsync

    def watching_fsync(fd: int) -> None:
        seen.extend(p.parent for p in tmp_path.rglob(f"*{TEMP_SUFFIX}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", watching_fsync)
    target = tmp_path / "out" / "export.hax"
    target.parent.mkdir()
    write_atomically(target, b"ciphertext", staging=staging)
    assert target.read_bytes() == b"ciphertext"
    assert seen and set(seen) == {staging}  # never beside the target
    assert list(staging.iterdir()) == [] and [p.name for p in target.parent.iterdir()] == ["export.hax"]


def test_the_next_start_empties_the_staging_folder(tmp_path):
    data = tmp_path / "data"
    Store.open(data, PASSPHRASE, create=True).close()
    staging = staging_dir(data)
    staging.mkdir()
    (staging / f".0123456789ab{TEMP_SUFFIX}").write_bytes(b"%PDF-1.4 left by a killed writer")
    (staging / "a note someone put here.txt").write_text("kept")
    Store.open(data, PASSPHRASE).close()
    assert [p.name for p in staging.iterdir()] == ["a note someone put here.txt"]


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="unnamed temporary files are Linux-only")
def test_with_unnamed_files_no_temporary_name_exists_while_writing(tmp_path, monkeypatch):
    names_during_fsync: list[str] = []
    real_fsync = os.fsync

    def watching_fsync(fd: int) -> None:
        names_during_fsync.extend(p.name for p in tmp_path.rglob("*") if p.is_file())
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", watching_fsync)
    target = tmp_path / "report.pdf"
    write_atomically(target, b"%PDF-1.4 whole", staging=tmp_path / "staging")
    assert target.read_bytes() == b"%PDF-1.4 whole"
    assert all(not name.endswith(TEMP_SUFFIX) for name in names_during_fsync)
