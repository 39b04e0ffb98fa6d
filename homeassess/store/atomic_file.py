"""Writing a file so a crash leaves either the old file or the new one, never half of one.

Temporary name in the same folder, flush, fsync, rename, fsync the folder (pitfalls
§1.13). On Windows a rename onto a file another program holds open (a PDF viewer,
the indexer) is retried with backoff. Temporary names carry no health information.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
import time
from pathlib import Path

TEMP_SUFFIX = ".homeassess-tmp"
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def make_private(path: Path) -> None:
    """Owner-only permissions on a file holding health information (no-op where POSIX modes do not apply)."""
    if sys.platform != "win32" and path.exists():
        os.chmod(path, PRIVATE_FOLDER if path.is_dir() else PRIVATE_FILE)


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace_with_retry(source: Path, target: Path, attempts: int = 6) -> None:
    for attempt in range(attempts):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == attempts - 1:
                raise
            time.sleep(0.05 * 2**attempt)


def temp_path_for(target: Path) -> Path:
    return target.with_name(f".{secrets.token_hex(6)}{TEMP_SUFFIX}")


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically and durably; on failure nothing appears under ``target``."""
    target = Path(target)
    temp = temp_path_for(target)
    try:
        # Owner-only from the start: reports and exports carry health information.
        with os.fdopen(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE), "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace_with_retry(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(target.parent)


def commit_temp_file(temp: Path, target: Path) -> None:
    """Move an already written and fsynced temporary file into place."""
    _replace_with_retry(temp, target)
    _fsync_folder(target.parent)


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temporary files a killed process left behind; returns how many."""
    removed = 0
    if not folder.is_dir():
        return 0
    for path in folder.glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed
