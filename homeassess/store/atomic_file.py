"""Writing a file so a crash leaves either the old file or the new one, never half of one,
and never a stray copy of a report or an export anywhere.

Flush, fsync, rename, fsync the folder (docs/pitfalls.md §1.13). Where the temporary file lives
decides what a crash at the wrong moment leaves behind (a kill during a slow fsync used to
leave a hidden, complete plaintext PDF beside the output, which nothing removed):

1. Where the system can (Linux, most filesystems), the temporary file has **no name** at all
   (``O_TMPFILE`` in the target's folder) until it is written and fsynced; it is then linked
   under the target's name, or linked under a temporary name and renamed over an existing
   target in the same instant. A kill before that frees it with the process.
2. Otherwise, when the caller names a **staging** folder (the data folder's ``staging/``,
   owner-only) on the same disk as the target, the temporary file is written there and
   renamed into place; ``remove_stale_temp_files`` empties that folder on the next start.
3. Otherwise (a USB stick or a network drive on Windows or macOS) beside the target, as
   before; the one case where a kill can leave a temporary file that only its owner can read.

On Windows a rename onto a file another program holds open (a PDF viewer, the indexer) is
retried with backoff. Temporary names carry no health information.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
import time
from pathlib import Path

TEMP_SUFFIX = ".homeassess-tmp"
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
_NO_TMPFILE = {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT, errno.EACCES, errno.EPERM, errno.EXDEV}
_NO_LINK = {errno.EXDEV, errno.EPERM, errno.EOPNOTSUPP, errno.ENOENT}


def make_private(path: Path) -> None:
    """Owner-only permissions on a file holding health information (no-op where POSIX modes do not apply)."""
    if sys.platform != "win32" and path.exists():
        os.chmod(path, PRIVATE_FOLDER if path.is_dir() else PRIVATE_FILE)


def private_folder(path: Path) -> Path:
    """``path`` as a folder: created owner-only if missing; an existing folder's mode is left as its owner set it."""
    path = Path(path)
    if not path.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=PRIVATE_FOLDER)
            make_private(path)  # mkdir's mode passes through the umask
    return path


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


def temp_path_for(target: Path, folder: Path | None = None) -> Path:
    return (folder or target.parent) / f".{secrets.token_hex(6)}{TEMP_SUFFIX}"


def write_atomically(target: Path, data: bytes, *, staging: Path | None = None) -> None:
    """Write ``data`` to ``target`` atomically and durably; on failure nothing appears under ``target``.

    ``staging``: a folder the program empties on start, used when an unnamed temporary file is not
    possible and it is on the same disk as ``target``.
    """
    target = Path(target)
    if _write_unnamed(target, data):
        return
    folder = _staging_for(target, staging)
    temp = temp_path_for(target, folder)
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


def _write_unnamed(target: Path, data: bytes) -> bool:
    """Case 1 above; False where the system or the filesystem has no unnamed temporary files."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.exists("/proc/self/fd"):
        return False
    try:
        fd = os.open(target.parent, flag | os.O_WRONLY, PRIVATE_FILE)
    except OSError as exc:
        if exc.errno in _NO_TMPFILE:
            return False
        raise
    try:
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(fd)
        os.fchmod(fd, PRIVATE_FILE)
        try:
            _link_into_place(fd, target)
        except OSError as exc:
            if exc.errno not in _NO_LINK:
                raise
            return False  # a filesystem that makes unnamed files but will not name them: write a named one
    finally:
        os.close(fd)
    _fsync_folder(target.parent)
    return True


def _link_into_place(fd: int, target: Path) -> None:
    """linkat(AT_SYMLINK_FOLLOW) on /proc/self/fd/N (no privilege needed); a folder descriptor is passed so
    that Python calls linkat rather than link, which would not follow the descriptor's link."""
    source = f"/proc/self/fd/{fd}"
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        try:
            os.link(source, target, src_dir_fd=folder, follow_symlinks=True)
            return
        except FileExistsError:
            pass
        temp = temp_path_for(target)
        os.link(source, temp, src_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)
    try:
        os.replace(temp, target)  # no fsync between the link and the rename: the name exists for microseconds
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _staging_for(target: Path, staging: Path | None) -> Path:
    if staging is None:
        return target.parent
    try:
        folder = private_folder(staging)
        same_disk = os.stat(folder).st_dev == os.stat(target.parent).st_dev
    except OSError:
        return target.parent
    return folder if same_disk else target.parent


def commit_temp_file(temp: Path, target: Path) -> None:
    """Move an already written and fsynced temporary file into place."""
    _replace_with_retry(temp, target)
    _fsync_folder(target.parent)


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temporary files a killed process left behind; returns how many."""
    removed = 0
    if not folder.is_dir():
        return 0
    # with what SQLite leaves beside a temporary database (a backup killed while being verified)
    for path in (p for suffix in ("", "-journal", "-wal", "-shm") for p in folder.glob(f".*{TEMP_SUFFIX}{suffix}")):
        with contextlib.suppress(OSError):
            if stat.S_ISREG(path.lstat().st_mode):
                path.unlink()
                removed += 1
    return removed
