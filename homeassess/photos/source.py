"""Getting a readable byte stream out of what the caller handed us, or a friendly refusal.

Messages never contain the file name or path: names can hold health information
("Smith_bathroom_fall.jpg"), and the caller adds the name itself where it is safe to show.
That is also why OS errors (whose text includes the path) are not chained onto the refusal.

Only regular files are read: the file is opened without blocking (a FIFO would wait for a
writer forever) and checked with ``fstat`` on the open descriptor, so a device such as
``/dev/zero`` or a FIFO swapped in after a first look is refused without reading a byte.
Files over ``PHOTO.max_file_bytes`` are refused before reading too.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from homeassess.domain.limits import PHOTO
from homeassess.domain.refusals import Refused

EMPTY = "the file is empty"
FOLDER = "this is a folder, not a photo"
NOT_FOUND = "this file could not be found (it may have been moved or deleted)"
NOT_A_FILE = "this is not an ordinary file, so it cannot be a photo"
PERMISSION = "this file cannot be read (permission denied)"
UNREADABLE = "this file cannot be read from the disk or card; copy it again"
TOO_BIG = "this file is larger than HomeAssess accepts for a photo ({megabytes} MB)"


class PhotoRejected(Refused):
    """The photo was refused. ``str(exc)`` is one friendly line with no file name or path in it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@contextmanager
def opened(source: Path | str | bytes | bytearray | memoryview | BinaryIO) -> Iterator[BinaryIO]:
    """Yield a seekable binary stream positioned at the start of the photo's bytes."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        _check_length(len(source))
        yield io.BytesIO(source)
    elif isinstance(source, (str, os.PathLike)):
        with _opened_path(Path(source)) as fp:
            yield fp
    elif hasattr(source, "read"):
        yield _checked_stream(source)
    else:
        raise TypeError("source must be a path, bytes or a binary file object")


def _check_length(length: int) -> None:
    if length == 0:
        raise PhotoRejected(EMPTY)
    if length > PHOTO.max_file_bytes:
        raise PhotoRejected(TOO_BIG.format(megabytes=PHOTO.max_file_bytes // 2**20))


def open_regular_file(path: Path) -> int:
    """A read-only descriptor of ``path`` if it is a regular file; ``OSError`` as the OS gave it otherwise.

    ``O_NONBLOCK`` so that opening a FIFO does not wait for a writer; the type is then checked on the
    descriptor itself, not on the name, so nothing can be swapped in between. Raises ``IsADirectoryError``
    for a folder and ``OSError(ENODEV)`` for anything else that is not a regular file.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if not stat.S_ISREG(mode):
            raise OSError(errno.ENODEV, "not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


@contextmanager
def _opened_path(path: Path) -> Iterator[BinaryIO]:
    try:
        fd = open_regular_file(path)
    except FileNotFoundError:
        raise PhotoRejected(NOT_FOUND) from None
    except PermissionError:
        raise PhotoRejected(FOLDER if path.is_dir() else PERMISSION) from None  # Windows: a folder is "access denied"
    except IsADirectoryError:
        raise PhotoRejected(FOLDER) from None
    except OSError as exc:
        raise PhotoRejected(NOT_A_FILE if exc.errno in (errno.ENODEV, errno.ENXIO) else UNREADABLE) from None
    except ValueError:  # e.g. an embedded NUL in the name
        raise PhotoRejected(UNREADABLE) from None
    with os.fdopen(fd, "rb") as handle:
        _check_length(os.fstat(handle.fileno()).st_size)
        yield handle  # type: ignore[misc]  # BufferedReader is a BinaryIO


def _checked_stream(stream: BinaryIO) -> BinaryIO:
    """A caller's file object, refused if empty or too large; wrapped in memory if it cannot seek."""
    seekable = False
    with suppress(AttributeError, OSError, ValueError):
        seekable = stream.seekable()
    if not seekable:
        data = stream.read(PHOTO.max_file_bytes + 1)
        _check_length(len(data))
        return io.BytesIO(data)
    start = stream.tell()
    end = stream.seek(0, io.SEEK_END)
    stream.seek(start)
    _check_length(end - start)
    return stream
