"""Zips for export files: written with fixed times, read in memory within a budget, never extracted.

Reading checks, before anything is decompressed or even before Python's ``zipfile`` parses the
central directory: the end record's member count and directory size (a directory of millions of
entries would cost gigabytes as ``ZipInfo`` objects). Then, on the headers: names (no absolute
or parent paths, no drive letters, backslashes or NUL), no duplicates, directories or encrypted
members, stored or deflate only, each member's declared size within its own cap, the total
within ``max_total``, and every member's compression ratio within ``max_ratio`` whatever its
size (2,040 members of 1 MiB of zeros used 2.1 GB when members under 1 MiB skipped it).

Stored members come back as views into the caller's buffer (no copy), after their CRC is
checked; deflated ones are inflated with a cap at their declared size. Every failure of the
zip layer (``zlib.error``, ``struct.error``, ``OverflowError``...) ends in a ``BundleError``.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from typing import BinaryIO, cast

from homeassess.domain.limits import BundleLimits
from homeassess.domain.refusals import Refused

__all__ = [
    "DAMAGED", "NOT_OURS", "TOO_BIG", "UNEXPECTED", "UNSAFE", "BundleError", "BundleLimits", "check_directory", "pack_zip",
    "read_zip", "unsafe_name",
]

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
END_RECORD = b"PK\x05\x06"
LOCAL_HEADER = struct.Struct("<4s5H3L2H")
DIRECTORY_ENTRY_BYTES = 46 + 128  # fixed part of a central-directory entry plus a generous name and extras

DAMAGED = "wrong passphrase, or the file is damaged or was changed"
NOT_OURS = "this is not a HomeAssess assessment file"
UNEXPECTED = "the file holds something HomeAssess did not put there; it will not be imported"
TOO_BIG = "the file unpacks to more than HomeAssess accepts; it will not be imported"
BOMB = "the file is packed suspiciously tightly (a zip bomb?); it will not be imported"
UNSAFE = "the file holds a member with an unsafe path; it will not be imported"

ZIP_FAILURES = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, struct.error, EOFError, OSError, ValueError,
    OverflowError, NotImplementedError, RuntimeError, IndexError, KeyError,
)


class BundleError(Refused):
    """An export or import refused: one line for the clinician, with no health information."""


def pack_zip(members: dict[str, bytes], *, stored: bool = False) -> bytes:
    """A zip with fixed member times, in the given order; JPEGs (and everything if ``stored``) stored, the rest deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if stored or name.endswith(".jpg") else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def check_directory(fp: BinaryIO, max_members: int, too_many: str = TOO_BIG) -> None:
    """The end record's member count and directory size, before ``zipfile`` reads the directory."""
    try:
        size = fp.seek(0, io.SEEK_END)
        tail_start = max(0, size - (22 + 65_535))
        fp.seek(tail_start)
        tail = fp.read()
        fp.seek(0)
        head = fp.read(4)
        fp.seek(0)
    except ZIP_FAILURES:
        raise BundleError(DAMAGED) from None
    where = tail.rfind(END_RECORD)
    if where < 0 or len(tail) - where < 22:
        raise BundleError(DAMAGED if head == b"PK\x03\x04" else NOT_OURS)
    _, disk, start_disk, on_disk, total, directory_size, directory_offset, _ = struct.unpack(
        "<4s4H2LH", tail[where: where + 22])
    if disk or start_disk or on_disk != total or 0xFFFF in (on_disk, total) or 0xFFFFFFFF in (directory_size, directory_offset):
        raise BundleError(UNEXPECTED)  # several disks or Zip64 end records: HomeAssess writes neither
    if total > max_members or directory_size > max_members * DIRECTORY_ENTRY_BYTES:
        raise BundleError(too_many)


def read_zip(
    data: bytes | bytearray | memoryview,
    limits: BundleLimits,
    allowed: re.Pattern[str] | set[str],
    member_cap: Callable[[str], int] | None = None,
) -> dict[str, memoryview | bytes]:
    """Every member of the zip in ``data``, after checking the directory, names and declared sizes."""
    view = memoryview(data)
    stream = _ViewReader(view)  # zipfile reads the directory and headers through it; members are sliced
    check_directory(cast(BinaryIO, stream), limits.max_members)  # a read-only file over the view
    try:
        archive = zipfile.ZipFile(stream)
        infos = archive.infolist()
    except ZIP_FAILURES:
        raise BundleError(DAMAGED) from None
    _check_headers(infos, limits, allowed, member_cap)
    members: dict[str, memoryview | bytes] = {}
    try:
        for info in infos:
            if info.compress_type == zipfile.ZIP_STORED:
                members[info.filename] = _stored(view, info)
            else:
                with archive.open(info) as member:
                    inflated = member.read(info.file_size + 1)
                if len(inflated) != info.file_size:
                    raise BundleError(DAMAGED)
                members[info.filename] = inflated
    except ZIP_FAILURES:
        raise BundleError(DAMAGED) from None
    return members


def _check_headers(
    infos: list[zipfile.ZipInfo], limits: BundleLimits, allowed: re.Pattern[str] | set[str],
    member_cap: Callable[[str], int] | None,
) -> None:
    names = [info.filename for info in infos]
    if any(unsafe_name(name) for name in names):
        raise BundleError(UNSAFE)
    if len(set(names)) != len(names) or any(info.is_dir() or info.flag_bits & 0x1 for info in infos):
        raise BundleError(UNEXPECTED)
    if any(not (name in allowed if isinstance(allowed, set) else allowed.match(name)) for name in names):
        raise BundleError(UNEXPECTED)
    if any(info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for info in infos):
        raise BundleError(UNEXPECTED)
    if sum(info.file_size for info in infos) > limits.max_total:
        raise BundleError(TOO_BIG)
    if member_cap is not None and any(info.file_size > member_cap(info.filename) for info in infos):
        raise BundleError(TOO_BIG)
    for info in infos:
        if info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise BundleError(BOMB)
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise BundleError(DAMAGED)


def _stored(view: memoryview, info: zipfile.ZipInfo) -> memoryview:
    """A stored member's bytes as a view into ``view``, after its local header and CRC are checked."""
    header = LOCAL_HEADER.unpack(bytes(view[info.header_offset: info.header_offset + LOCAL_HEADER.size]))
    signature, name_length, extra_length = header[0], header[9], header[10]
    name_start = info.header_offset + LOCAL_HEADER.size
    start = name_start + name_length + extra_length
    end = start + info.file_size
    if signature != b"PK\x03\x04" or end > len(view) or bytes(view[name_start:name_start + name_length]) != info.orig_filename.encode():
        raise BundleError(DAMAGED)
    member = view[start:end]
    if zlib.crc32(member) != info.CRC:
        raise BundleError(DAMAGED)
    return member


class _ViewReader:
    """A read-only file over a memoryview, so that ``zipfile`` can parse it without a copy of the whole."""

    def __init__(self, view: memoryview) -> None:
        self._view, self._position = view, 0

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view), self._position + size)
        data = bytes(self._view[self._position:end])
        self._position = max(self._position, end)
        return data

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: len(self._view)}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._position = base + offset
        return self._position

    def tell(self) -> int:
        return self._position

    def seekable(self) -> bool:
        return True


def unsafe_name(name: str) -> bool:
    parts = name.split("/")
    return (
        not name or name.startswith("/") or "\\" in name or ":" in name or "\x00" in name
        or any(part in ("", ".", "..") for part in parts)
    )
