"""The exit backup as a detached step: quitting returns at once, and the backup is written and verified after.

When the store changed since its newest verified backup, quitting hands the backup to a child process
(``python -m homeassess.store.exit_backup``) instead of writing it on the way out (seconds for a store of
photos). The parent passes the passphrase on the child's standard input (never its arguments or
environment) and keeps that pipe open until the store is closed (``Store.close``: the WAL folded back
into the file, every connection gone); the child waits for the pipe to close, so it never competes with
the parent's last writes or checkpoint, then takes the backup exactly as ``take_backup`` does: ``VACUUM
INTO`` a temporary file, reopened with the passphrase and checked whole (``integrity_check``,
``cipher_integrity_check``, row counts) before it gets its final name, then the rotation.

A child killed at any point leaves at most a temporary file (removed when the store is next opened), never
a backup counted as good; the store itself is only read. docs/backups.md tells the whole story.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import homeassess

log = logging.getLogger(__name__)
CHILD_ARGUMENT = "--exit-backup"


@dataclass
class DetachedBackup:
    """The child writing the exit backup; ``release`` lets it start (the store is closed)."""

    process: subprocess.Popen

    def release(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the child (tests and benchmarks; the program does not wait); True if the backup was
        written and verified."""
        self.release()
        return self.process.wait(timeout) == 0


def start(data_dir: Path, passphrase: str, reason: str, keep: int) -> DetachedBackup:
    """Start the child; it writes nothing until ``release`` (or the end of this process) closes its pipe."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(Path(homeassess.__file__).parents[1]), env.get("PYTHONPATH")) if p)
    process = subprocess.Popen(
        [*child_command(), str(data_dir), reason, str(keep)],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        start_new_session=True,  # a Ctrl+C or a closed terminal that ends the program does not end the backup
    )
    assert process.stdin is not None
    process.stdin.write((json.dumps(passphrase) + "\n").encode())
    process.stdin.flush()
    return DetachedBackup(process)


def child_command() -> list[str]:
    """How to start the child: the bundle's own executable (``homeassess/__main__.py`` hands the
    ``--exit-backup`` argument here before the command line is parsed), or this interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_ARGUMENT]
    return [sys.executable, "-m", "homeassess", CHILD_ARGUMENT]


def run_child(argv: list[str]) -> int:
    """The child's entry point: ``argv`` is the data folder, the reason and the number of backups kept."""
    return _child(Path(argv[0]), argv[1], int(argv[2]))


def _child(data_dir: Path, reason: str, keep: int) -> int:
    from homeassess.logs import configure_logging
    from homeassess.store.backup import take_backup
    from homeassess.store.engine import STORE_FILE_NAME, close_spare_connections, create_store_engine
    from homeassess.store.location import backup_dir, log_dir

    configure_logging(log_dir(data_dir))
    passphrase = json.loads(sys.stdin.readline())
    sys.stdin.read()  # until the parent has closed the store (or ended)
    try:
        engine = create_store_engine(data_dir / STORE_FILE_NAME, passphrase, pool_size=1, prewarm=0)
        try:
            take_backup(engine, passphrase, backup_dir(data_dir), reason, keep)
        finally:
            engine.dispose()
            close_spare_connections(engine)
    except Exception:  # logged as type and frames only (homeassess.logs); the store is untouched
        log.error("exit backup failed", exc_info=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(run_child(sys.argv[1:]))
