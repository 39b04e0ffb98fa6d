"""A JPEG's structure read from its markers alone, before a single pixel is decoded.

What the decoder will have to do is written in the markers: the frame header (SOF) gives the
size, the components and their sampling, hence the number of 8×8 blocks; every scan (SOS)
names the components it covers; the entropy-coded bytes between the markers are the data.
From these the pipeline can refuse, cheaply and before decoding:

* a scan bomb: thousands of scans that each make the decoder visit every block again (a
  201 KB file with 5,000 scans took 143 s), counted as scans and as *scan passes* (blocks
  visited over all scans ÷ blocks in the picture);
* a progressive or multi-scan file whose coefficient buffer (128 bytes per block, held until
  the last scan) would not fit the memory budget;
* a file cut short: every block's DC coefficient costs at least one bit in a Huffman-coded
  JPEG, so fewer entropy-coded bits than blocks means data is missing. libjpeg would fill
  the gap with grey and only warn, so the truncated photo would otherwise be accepted;
* variants HomeAssess does not read (arithmetic coding, lossless, hierarchical, 12-bit).

Reading stops at the first EOI: an MPO's later pictures and trailing bytes are not decoded.
The file is read in chunks; the whole file is never held in memory.
"""

from __future__ import annotations

import math
import re
import struct
from dataclasses import dataclass
from typing import BinaryIO

FIRST_CHUNK, LAST_CHUNK = 4 << 10, 4 << 20  # a scan's data is read in pieces that double: short scans stay cheap
BYTES_PER_BLOCK = 128  # 64 coefficients of 16 bits: libjpeg's whole-image coefficient buffer
HUFFMAN_FRAMES = {0xC0: "baseline", 0xC1: "extended", 0xC2: "progressive"}
OTHER_FRAMES = {0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}  # lossless, hierarchical, arithmetic
STANDALONE = {0x01, *range(0xD0, 0xD8)}  # markers without a length field (TEM, RSTn)
_MARKER_IN_DATA = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")  # ends an entropy-coded segment


class MalformedJpeg(ValueError):
    """The markers do not describe a whole JPEG HomeAssess can decode; ``kind`` says why."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind  # "truncated", "unsupported", "malformed", or "scans" (more than the caller allows)


@dataclass(frozen=True)
class JpegStructure:
    width: int
    height: int
    process: str  # baseline, extended or progressive
    sampling: tuple[tuple[int, int], ...]  # (horizontal, vertical) per component
    scans: int
    blocks: int  # 8×8 blocks of all components together, as coded (no padding)
    padded_blocks: int  # the same rounded up to whole MCUs, as the decoder allocates them
    scan_blocks: int  # blocks visited over all scans
    entropy_bytes: int  # entropy-coded data, less stuffing and restart markers (an estimate that errs low)

    @property
    def scan_passes(self) -> float:
        return self.scan_blocks / max(self.blocks, 1)

    @property
    def buffered(self) -> bool:
        """The decoder keeps every coefficient until the last scan (progressive, or several scans)."""
        return self.process == "progressive" or self.scans > 1

    @property
    def coefficient_bytes(self) -> int:
        return self.padded_blocks * BYTES_PER_BLOCK if self.buffered else 0

    @property
    def data_missing(self) -> bool:
        """Fewer entropy-coded bits than blocks: a Huffman-coded picture cannot be complete."""
        return self.entropy_bytes * 8 < self.blocks


def read_structure(fp: BinaryIO, max_scans: int | None = None) -> JpegStructure:
    """The structure of the JPEG at ``fp``'s position; leaves ``fp`` where it started.

    With ``max_scans``, reading stops at the first scan over that number (``MalformedJpeg("scans")``).
    """
    start = fp.tell()
    try:
        return _Reader(fp, max_scans).read()
    except (struct.error, IndexError):
        raise MalformedJpeg("malformed") from None
    finally:
        fp.seek(start)


class _Reader:
    def __init__(self, fp: BinaryIO, max_scans: int | None) -> None:
        self.fp = fp
        self.max_scans = max_scans
        self.frame: tuple[int, int, str, list[tuple[int, int, int]]] | None = None
        self.component_blocks: dict[int, int] = {}
        self.scans = 0
        self.scan_blocks = 0
        self.entropy_bytes = 0

    def _exactly(self, count: int) -> bytes:
        data = self.fp.read(count)
        if len(data) != count:
            raise MalformedJpeg("truncated")
        return data

    def read(self) -> JpegStructure:
        if self.fp.read(2) != b"\xff\xd8":
            raise MalformedJpeg("malformed")
        marker = self._next_marker()
        while marker != 0xD9:  # EOI
            if marker in STANDALONE:
                marker = self._next_marker()
                continue
            length = struct.unpack(">H", self._exactly(2))[0]
            if length < 2:
                raise MalformedJpeg("malformed")
            body = self._exactly(length - 2) if marker in (0xDA, *HUFFMAN_FRAMES) else None
            if body is None:
                self.fp.seek(length - 2, 1)
                if marker in OTHER_FRAMES:
                    raise MalformedJpeg("unsupported")
                marker = self._next_marker()
            elif marker == 0xDA:
                self._scan_header(body)
                marker = self._skip_entropy_data()
            else:
                self._frame_header(marker, body)
                marker = self._next_marker()
        if self.frame is None or self.scans == 0:
            raise MalformedJpeg("truncated")
        return self._structure()

    def _next_marker(self) -> int:
        byte = self._exactly(1)
        if byte != b"\xff":
            raise MalformedJpeg("malformed")
        while byte == b"\xff":  # fill bytes may precede a marker
            byte = self._exactly(1)
        if byte == b"\x00":
            raise MalformedJpeg("malformed")
        return byte[0]

    def _frame_header(self, marker: int, body: bytes) -> None:
        if self.frame is not None:
            raise MalformedJpeg("malformed")  # a second frame before EOI
        precision, height, width, count = struct.unpack(">BHHB", body[:6])
        if precision != 8:
            raise MalformedJpeg("unsupported")
        if width == 0 or height == 0 or count not in (1, 3, 4) or len(body) < 6 + 3 * count:
            raise MalformedJpeg("malformed")
        components = []
        for i in range(count):
            ident, sampling, _table = body[6 + 3 * i: 9 + 3 * i]
            h, v = sampling >> 4, sampling & 0x0F
            if not (1 <= h <= 4 and 1 <= v <= 4):
                raise MalformedJpeg("malformed")
            components.append((ident, h, v))
        self.frame = (width, height, HUFFMAN_FRAMES[marker], components)
        h_max, v_max = max(c[1] for c in components), max(c[2] for c in components)
        for ident, h, v in components:
            columns = math.ceil(math.ceil(width * h / h_max) / 8)
            rows = math.ceil(math.ceil(height * v / v_max) / 8)
            self.component_blocks[ident] = columns * rows

    def _scan_header(self, body: bytes) -> None:
        if self.frame is None:
            raise MalformedJpeg("malformed")
        count = body[0]
        if not 1 <= count <= 4 or len(body) < 1 + 2 * count + 3:
            raise MalformedJpeg("malformed")
        idents = [body[1 + 2 * i] for i in range(count)]
        if any(ident not in self.component_blocks for ident in idents):
            raise MalformedJpeg("malformed")
        self.scans += 1
        if self.max_scans is not None and self.scans > self.max_scans:
            raise MalformedJpeg("scans")
        self.scan_blocks += sum(self.component_blocks[ident] for ident in idents)

    def _skip_entropy_data(self) -> int:
        """Read to the marker that ends the scan's data; count the data bytes; return that marker."""
        size = FIRST_CHUNK
        while True:
            chunk = self.fp.read(size)
            size = min(size * 2, LAST_CHUNK)
            if not chunk:
                raise MalformedJpeg("truncated")
            if chunk[-1] == 0xFF:  # the marker's code may be the next chunk's first byte
                chunk += self.fp.read(1)
            found = _MARKER_IN_DATA.search(chunk)
            if found is not None:
                self._count(chunk, found.start())
                self.fp.seek(found.end() - len(chunk), 1)  # just after the marker code
                return chunk[found.start() + 1]
            self._count(chunk, len(chunk))

    def _count(self, chunk: bytes, end: int) -> None:
        """Entropy-coded bytes up to ``end``, less byte stuffing (FF 00) and restart markers (FF Dn).

        0xFF is rare in real data (about 1 byte in 256), so it is counted once and taken as stuffing;
        only where it is dense (a flat white picture, or padding made of restart markers) are the
        stuffed bytes counted separately, so that restart markers earn no credit.
        """
        ff = chunk.count(b"\xff", 0, end)
        stuffed = chunk.count(b"\xff\x00", 0, end) if ff * 64 > end else ff
        self.entropy_bytes += end - stuffed - 2 * (ff - stuffed)

    def _structure(self) -> JpegStructure:
        width, height, process, components = self.frame  # type: ignore[misc]
        h_max, v_max = max(c[1] for c in components), max(c[2] for c in components)
        mcu_columns, mcu_rows = math.ceil(width / (8 * h_max)), math.ceil(height / (8 * v_max))
        return JpegStructure(
            width=width, height=height, process=process, sampling=tuple((h, v) for _, h, v in components),
            scans=self.scans, blocks=sum(self.component_blocks.values()),
            padded_blocks=sum(mcu_columns * h * mcu_rows * v for _, h, v in components),
            scan_blocks=self.scan_blocks, entropy_bytes=self.entropy_bytes,
        )
