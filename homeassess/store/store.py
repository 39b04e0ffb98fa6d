"""An open, unlocked, migrated store: the engine plus what backups need."""

from __future__ import annotations

import contextlib
import hmac
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from homeassess.store import exit_backup
from homeassess.store.atomic_file import (
    commit_temp_file,
    make_private,
    private_folder,
    remove_stale_temp_files,
    temp_path_for,
)
from homeassess.store.backup import BackupInfo, list_backups, take_backup, verify_backup
from homeassess.store.engine import (
    STORE_FILE_NAME,
    StoreError,
    checkpoint_and_dispose,
    close_spare_connections,
    create_store_engine,
    open_spare_connections,
    writer,
)
from homeassess.store.exit_backup import DetachedBackup
from homeassess.store.location import backup_dir, staging_dir
from homeassess.store.migrate import MigrationResult, upgrade_store


class StoreNotFound(StoreError):
    def __init__(self) -> None:
        super().__init__("no HomeAssess store in this folder yet")


@dataclass
class Store:
    data_dir: Path
    engine: Engine
    _passphrase: str = field(repr=False)
    backups_to_keep: int = 10
    migration: MigrationResult | None = None
    _after_close: list[Callable[[], None]] = field(default_factory=list, repr=False)

    @property
    def path(self) -> Path:
        return self.data_dir / STORE_FILE_NAME

    @property
    def write_engine(self) -> Engine:
        return writer(self.engine)

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return (Path(data_dir) / STORE_FILE_NAME).exists()

    @classmethod
    def open(cls, data_dir: Path, passphrase: str, *, create: bool = False, spares: int = 2) -> Store:
        """Open (or create) and migrate the store; ``spares`` keyed connections are opened ahead on a background
        thread (``spares=0`` and ``open_spares`` later: the window does it once the home screen is painted)."""
        data_dir = Path(data_dir)
        if not create and not cls.exists(data_dir):
            raise StoreNotFound()
        if not passphrase:
            raise StoreError("a passphrase is needed to open the store")
        private_folder(data_dir)  # 0700 if created now; an existing folder keeps its owner's mode
        for folder in (data_dir, backup_dir(data_dir), staging_dir(data_dir)):
            remove_stale_temp_files(folder)
        make_private(data_dir / STORE_FILE_NAME)  # before SQLite opens it: its -wal and -shm files take its mode
        engine = create_store_engine(data_dir / STORE_FILE_NAME, passphrase, prewarm=spares)
        for suffix in ("", "-wal", "-shm"):  # a new store, and a log opened meanwhile by a spare connection's thread
            make_private(data_dir / (STORE_FILE_NAME + suffix))
        store = cls(data_dir, engine, passphrase)
        store.migration = upgrade_store(engine, backup=lambda: store.backup("pre-migration").path)
        return store

    def open_spares(self, count: int = 2) -> None:
        open_spare_connections(self.engine, count)

    def backup(self, reason: str) -> BackupInfo:
        return take_backup(self.engine, self._passphrase, backup_dir(self.data_dir), reason, self.backups_to_keep)

    def change_marker(self) -> tuple[tuple[int, int] | None, ...]:
        """What moves whenever anything is committed to the store: the modification time and size of the store
        file and of its write-ahead log. Equal markers before and after a backup mean the backup is current."""
        marks: list[tuple[int, int] | None] = []
        for path in (self.path, self.path.with_name(STORE_FILE_NAME + "-wal")):
            try:
                stat = path.stat()
            except FileNotFoundError:
                marks.append(None)
                continue
            marks.append((stat.st_mtime_ns, stat.st_size))
        return tuple(marks)

    def backup_after_close(self, reason: str) -> DetachedBackup:
        """A backup written and verified by a detached step once this store is closed (``exit_backup``)."""
        detached = exit_backup.start(self.data_dir, self._passphrase, reason, self.backups_to_keep)
        self._after_close.append(detached.release)
        return detached

    def backups(self) -> list[BackupInfo]:
        return list_backups(backup_dir(self.data_dir))

    def passphrase_matches(self, candidate: str) -> bool:
        return hmac.compare_digest(candidate.encode(), self._passphrase.encode())

    def release_connections(self) -> None:
        """Close every open (decrypted) connection, spares included; the next use reopens with the key."""
        self.engine.dispose()
        close_spare_connections(self.engine)

    def restore_from(self, backup: Path) -> BackupInfo:
        """Replace the store with a verified backup, after backing up the current state.

        The engine stays the same object: its pool is emptied, the file is swapped
        atomically, stale WAL files of the old file are removed, and the next
        connection opens the restored file (migrated if it is older).
        """
        verify_backup(Path(backup), self._passphrase)
        safety = self.backup("pre-restore")
        temp = temp_path_for(self.path)
        shutil.copyfile(backup, temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        checkpoint_and_dispose(self.engine)
        commit_temp_file(temp, self.path)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                (self.data_dir / (STORE_FILE_NAME + suffix)).unlink()
        self.migration = upgrade_store(self.engine, backup=lambda: safety.path)
        return safety

    def close(self) -> None:
        checkpoint_and_dispose(self.engine)
        hooks, self._after_close = self._after_close, []
        for hook in hooks:
            hook()
