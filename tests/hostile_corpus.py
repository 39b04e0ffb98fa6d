"""The hostile corpus, generated on demand: nothing large is committed.

Each maker returns the bytes of one bad input (or writes a special file). The tests under
``tests/unit/test_hostile_*.py`` run every case through the product and expect a refusal or a
valid import; ``benchmarks/hostile_inputs.py`` runs the same cases one per process and measures
time and peak memory against the budgets of issue 15.

Photos: scan bombs (one scan repeated thousands of times), pixel bombs (a few hundred KB of
PNG declaring 50 MP of RGBA, or 1 × 49,000,000), truncated files (a header claiming 7071 ×
7071 then nothing; a real photo cut in half, with and without an end marker), odd variants
(arithmetic coding, 12-bit). Bundles: see ``bundle_*`` below.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator

from PIL import Image

# --- photos --------------------------------------------------------------------------------------


def jpeg(size: tuple[int, int], *, progressive: bool = False, colour: tuple[int, int, int] = (128, 128, 128),
         noise: bool = False, quality: int = 90) -> bytes:
    image = Image.effect_noise(size, 60).convert("RGB") if noise else Image.new("RGB", size, colour)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, progressive=progressive)
    return out.getvalue()


def _segments(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of every scan (SOS header and its entropy-coded data) in a JPEG we made."""
    scans = []
    for found in re.finditer(rb"\xff\xda", data):
        start = found.start()
        length = struct.unpack(">H", data[start + 2: start + 4])[0]
        end = re.compile(rb"\xff[^\x00\xd0-\xd7]").search(data, start + 2 + length).start()
        scans.append((start, end))
    return scans


def scan_bomb(scans: int, size: tuple[int, int] = (2048, 2048)) -> bytes:
    """A small progressive JPEG whose last scan (an AC refinement over every block, a few bytes of
    end-of-band runs) is repeated until the file has ``scans`` scans: each repeat makes the decoder
    visit every block of that component again (the 201 KB, 5,000-scan, 143 s attack)."""
    base = jpeg(size, progressive=True)
    found = _segments(base)
    start, end = found[-1]
    repeats = max(0, scans - len(found))
    return base[:end] + base[start:end] * repeats + base[end:]


def truncated_giant_jpeg(side: int = 7071) -> bytes:
    """A real JPEG's header re-labelled ``side`` × ``side``, its data cut to a few hundred bytes, then EOI:
    libjpeg only warns and fills the rest grey."""
    base = jpeg((64, 64), noise=True)
    sof = base.index(b"\xff\xc0")
    relabelled = base[: sof + 5] + struct.pack(">HH", side, side) + base[sof + 9:]
    start, _ = _segments(relabelled)[0]
    return relabelled[: start + 400] + b"\xff\xd9"


def half_a_photo(with_end_marker: bool) -> bytes:
    data = jpeg((800, 600), noise=True)
    return data[: len(data) // 2] + (b"\xff\xd9" if with_end_marker else b"")


def jpeg_with_frame(marker: int, precision: int = 8) -> bytes:
    """A JPEG whose frame header says arithmetic coding (0xC9), lossless (0xC3) or 12-bit precision."""
    base = jpeg((64, 48))
    sof = base.index(b"\xff\xc0")
    return base[:sof + 1] + bytes([marker]) + base[sof + 2: sof + 4] + bytes([precision]) + base[sof + 5:]


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_bomb(width: int, height: int, colour_type: int = 6) -> bytes:
    """A tiny PNG of zeros declaring ``width`` × ``height`` (colour type 6: RGBA, 2: RGB, 0: grey)."""
    channels = {0: 1, 2: 3, 6: 4}[colour_type]
    compressor = zlib.compressobj(9)
    row = 1 + width * channels
    rows_per_block = max(1, 2**22 // row)
    parts, left = [], height
    while left:
        count = min(left, rows_per_block)
        parts.append(compressor.compress(b"\0" * (row * count)))
        left -= count
    body = b"".join(parts) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")


def png_header_only(width: int, height: int) -> bytes:
    """A PNG declaring a size and holding no pixel data at all."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IEND", b"")


PHOTO_CASES: dict[str, Callable[[], bytes]] = {
    "scan bomb 5000 scans": lambda: scan_bomb(5000),
    "scan bomb 65 scans": lambda: scan_bomb(65, (512, 512)),
    "scan bomb 24 scans, 14 passes": lambda: scan_bomb(24, (2048, 2048)),
    "pixel bomb 1 x 49,000,000": lambda: png_bomb(49_000_000, 1, 0),
    "pixel bomb 49,000,000 x 1": lambda: png_bomb(1, 49_000_000, 0),
    "pixel bomb 7071 x 7071 RGBA": lambda: png_bomb(7071, 7071, 6),
    "pixel bomb 65000 x 65000 header": lambda: png_header_only(65000, 65000),
    "truncated 7071 x 7071 JPEG": truncated_giant_jpeg,
    "half a photo, no end marker": lambda: half_a_photo(False),
    "arithmetic-coded JPEG": lambda: jpeg_with_frame(0xC9),
    "12-bit JPEG": lambda: jpeg_with_frame(0xC1, precision=12),
    "lossless JPEG": lambda: jpeg_with_frame(0xC3),
}

# --- bundles -------------------------------------------------------------------------------------


def zip_of(members: dict[str, bytes], compress: bool = True) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            archive.writestr(info, data)
    return out.getvalue()


def many_members(count: int = 2040, size: int = 2**20) -> dict[str, bytes]:
    """2,040 members of 1 MiB of zeros: 2.4 MB packed, 2 GB unpacked, every member under the old 1 MiB ratio floor."""
    chunk = b"\0" * size
    return {f"photos/p{i}/working.jpg": chunk for i in range(count)}


def zip_of_copies(names: list[str], data: bytes) -> bytes:
    """The archive ``zip_of(dict.fromkeys(names, data))`` is, with ``data`` deflated once for every member.

    ``zipfile`` deflates each member again: for 2,040 MiB of zeros that took 15 to 26 s on the project's
    machine. The bytes are zipfile's own for these members, checked equal for a few of them when this was
    written (a local header, the data, then the central directory and the end record; no data descriptors,
    no extra fields, dated 1 January 1980, made on Unix, mode 0600).
    """
    deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    packed = deflate.compress(data) + deflate.flush()
    crc, dos_time, dos_date = zlib.crc32(data), 0, (1 << 5) | 1
    local, central = io.BytesIO(), io.BytesIO()
    for name in names:
        raw = name.encode()
        offset = local.tell()
        local.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, zipfile.ZIP_DEFLATED, dos_time, dos_date,
                                crc, len(packed), len(data), len(raw), 0) + raw + packed)
        central.write(struct.pack("<IBBHHHHHIIIHHHHHII", 0x02014B50, 20, 3, 20, 0, zipfile.ZIP_DEFLATED,
                                  dos_time, dos_date, crc, len(packed), len(data), len(raw), 0, 0, 0, 0,
                                  0o600 << 16, offset) + raw)
    directory = central.getvalue()
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(names), len(names), len(directory), local.tell(), 0)
    return local.getvalue() + directory + end


def deep_json(depth: int = 200_000) -> bytes:
    return b"[" * depth + b"]" * depth


def nested_document(depth: int) -> dict:
    node: object = "x"
    for _ in range(depth):
        node = {"a": node}
    return {"schema_version": 1, "extra": node}


def huge_string_document(document: dict, field: tuple, length: int, one_word: bool = True) -> dict:
    """``document`` with one text field set to ``length`` characters (one word, or words)."""
    changed = json.loads(json.dumps(document))
    node = changed
    for key in field[:-1]:
        node = node[key]
    node[field[-1]] = ("W" * length) if one_word else ("word " * (length // 5))
    return changed


def byte_flips(data: bytes, count: int, seed: int = 15) -> Iterator[tuple[int, bytes]]:
    """``count`` copies of ``data``, made one at a time, with one bit flipped in each: most of them in the
    zip headers and the manifest, the rest at random positions of the payload."""
    import random

    rng = random.Random(seed)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        payload = archive.getinfo("payload.bin")
    payload_start = payload.header_offset + 30 + len(payload.filename) + len(payload.extra)
    payload_end = payload_start + payload.compress_size
    structural = [i for i in range(len(data)) if not payload_start + 64 <= i < payload_end - 64]
    positions = structural if len(structural) <= count else rng.sample(structural, count * 3 // 4)
    positions += rng.sample(range(payload_start, payload_end), max(0, count - len(positions)))
    for position in positions[:count]:
        copy = bytearray(data)
        copy[position] ^= 1 << rng.randrange(8)
        yield position, bytes(copy)
