"""Getting a readable byte stream out of what the caller handed us, or a friendly refusal.

Messages never contain the file name or path: names can hold health information
("Smith_bathroom_fall.jpg"), and the caller adds the name itself where it is safe to show.
That is also why OS errors (whose text includes the path) are not chained onto the refusal.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from homeassess.domain.refusals import Refused

EMPTY = "the file is empty"
FOLDER = "this is a folder, not a photo"
NOT_FOUND = "this file could not be found (it may have been moved or deleted)"
NOT_A_FILE = "this is not an ordinary file, so it cannot be a photo"
PERMISSION = "this file cannot be read (permission denied)"
UNREADABLE = "this file cannot be read from the disk or card; copy it again"


class PhotoRejected(Refused):
    """The photo was refused. ``str(exc)`` is one friendly line with no file name or path in it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@contextmanager
def opened(source: Path | str | bytes | bytearray | memoryview | BinaryIO) -> Iterator[BinaryIO]:
    """Yield a seekable binary stream positioned at the start of the photo's bytes."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        if len(source) == 0:
            raise PhotoRejected(EMPTY)
        yield io.BytesIO(source)
    elif isinstance(source, (str, os.PathLike)):
        with _opened_path(Path(source)) as fp:
            yield fp
    elif hasattr(source, "read"):
        yield _checked_stream(source)
    else:
        raise TypeError("source must be a path, bytes or a binary file object")


@contextmanager
def _opened_path(path: Path) -> Iterator[BinaryIO]:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise PhotoRejected(NOT_FOUND) from None
    except PermissionError:
        raise PhotoRejected(PERMISSION) from None
    except (OSError, ValueError):  # ValueError: e.g. an embedded NUL in the name
        raise PhotoRejected(UNREADABLE) from None
    if stat.S_ISDIR(info.st_mode):
        raise PhotoRejected(FOLDER)
    if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
        raise PhotoRejected(NOT_A_FILE)
    if info.st_size == 0:
        raise PhotoRejected(EMPTY)
    try:
        handle = path.open("rb")
    except PermissionError:
        raise PhotoRejected(PERMISSION) from None
    except IsADirectoryError:
        raise PhotoRejected(FOLDER) from None
    except OSError:
        raise PhotoRejected(UNREADABLE) from None
    with handle:
        yield handle  # type: ignore[misc]  # BufferedReader is a BinaryIO


def _checked_stream(stream: BinaryIO) -> BinaryIO:
    """A caller's file object, refused if empty; wrapped in memory if it cannot seek."""
    seekable = False
    with suppress(AttributeError, OSError, ValueError):
        seekable = stream.seekable()
    if not seekable:
        data = stream.read()
        if not data:
            raise PhotoRejected(EMPTY)
        return io.BytesIO(data)
    start = stream.tell()
    first = stream.read(1)
    stream.seek(start)
    if not first:
        raise PhotoRejected(EMPTY)
    return stream
