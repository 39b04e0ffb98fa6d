"""What one photo may cost, checked on its header before any pixel is decoded.

The limits are ``homeassess.domain.limits.PHOTO`` (resources/limits.toml, docs/limits.md):
the file's size, its pixel count and shape, and for a JPEG what its markers say the decoder
would have to do (``jpeg_structure.py``). Every refusal is one sentence with no file name
and nothing read from the file except the picture's size.
"""

from __future__ import annotations

from typing import BinaryIO

from homeassess.domain.limits import PHOTO, PhotoLimits
from homeassess.photos.jpeg_structure import MalformedJpeg, read_structure
from homeassess.photos.source import PhotoRejected

DAMAGED = "this photo seems damaged (only part of it could be read); copy it from the phone again"
TOO_NARROW = "this image is too long and narrow for a photo (more than {ratio}:1)"
JPEG_VARIANT = "this JPEG uses a kind of coding HomeAssess cannot read; save it again as an ordinary JPEG"
JPEG_TOO_SLOW = "this JPEG is stored in too many passes to open in reasonable time; save it again as an ordinary JPEG"
JPEG_TOO_BIG = "this JPEG is stored in a way that needs too much memory to open; save it again as an ordinary JPEG"
CANCELLED = "the import was cancelled"


class PhotoCancelled(PhotoRejected):
    """The caller asked to stop while this photo was being read."""

    def __init__(self) -> None:
        super().__init__(CANCELLED)


def too_large(*, size: tuple[int, int] | None = None, pixels: int | None = None, limits: PhotoLimits = PHOTO) -> str:
    limit = f"the limit is {limits.max_megapixels} megapixels"
    if size is not None:
        return f"this image is too large ({size[0]} × {size[1]} pixels); {limit}"
    if pixels is not None:
        return f"this image is too large ({round(pixels / 1_000_000)} megapixels); {limit}"
    return f"this image is too large; {limit}"


def check_size(size: tuple[int, int], limits: PhotoLimits = PHOTO) -> None:
    """The picture's pixel count and shape, as its header declares them."""
    width, height = size
    if width < 1 or height < 1:
        raise PhotoRejected(DAMAGED)
    if width * height > limits.max_pixels:
        raise PhotoRejected(too_large(size=size, limits=limits))
    if max(width, height) > limits.max_aspect_ratio * min(width, height):
        raise PhotoRejected(TOO_NARROW.format(ratio=_plain(limits.max_aspect_ratio)))


def check_jpeg(fp: BinaryIO, size: tuple[int, int], limits: PhotoLimits = PHOTO) -> None:
    """Scans, scan passes, coefficient memory and data present, from the JPEG's markers (``fp`` at its start)."""
    try:
        structure = read_structure(fp, max_scans=limits.max_jpeg_scans)
    except MalformedJpeg as exc:
        reason = {"unsupported": JPEG_VARIANT, "scans": JPEG_TOO_SLOW}.get(exc.kind, DAMAGED)
        raise PhotoRejected(reason) from None
    if (structure.width, structure.height) != tuple(size):
        raise PhotoRejected(DAMAGED)
    if structure.scans > limits.max_jpeg_scans or structure.scan_passes > limits.max_jpeg_scan_passes:
        raise PhotoRejected(JPEG_TOO_SLOW)
    if structure.coefficient_bytes > limits.max_jpeg_coefficient_bytes:
        raise PhotoRejected(JPEG_TOO_BIG)
    if structure.data_missing:
        raise PhotoRejected(DAMAGED)


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)
