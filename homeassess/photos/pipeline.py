"""Accept or refuse one photo and turn it into the JPEG renditions HomeAssess stores.

Order of work (docs/pitfalls.md §3): refuse folders, devices, empty, oversized and unreadable files →
``Image.open`` with a format allowlist (content decides, not the file name) → decompression-bomb
warning treated as an error → the photo budget (``budget.py``: pixels, shape, and for a JPEG
its scans, coefficient memory and data present, all from the header and markers) → ``draft``
for JPEG (the decoder downscales 2×/4×/8× for free) → load, through a reader that asks
``cancel`` before every block it hands the decoder (a truncated file is refused;
``ImageFile.LOAD_TRUNCATED_IMAGES`` is never touched) → a whole-factor reduction while still in
the decoded mode, strip by strip where a conversion is needed (``normalise.reduced``), so no
second full-size copy is made → plain RGB → colour profile folded into sRGB → EXIF orientation
applied to the small picture (a malformed tag leaves it as stored and sets
``orientation_unknown``) → a fresh image with no metadata at all → three JPEGs.

No Qt and no database here: the caller runs this on a worker thread and stores the bytes.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

import pi_heif
from PIL import Image, UnidentifiedImageError

from homeassess.domain.limits import PHOTO
from homeassess.photos.budget import DAMAGED, PhotoCancelled, check_jpeg, check_size, too_large
from homeassess.photos.normalise import UnsupportedMode, reduced, to_rgb, to_srgb
from homeassess.photos.source import PhotoRejected, opened

__all__ = ["PhotoCancelled", "PhotoRejected", "Renditions", "process_photo", "rotate_renditions"]

log = logging.getLogger(__name__)

pi_heif.register_heif_opener()  # decode-only HEIC/HEIF (iPhone) support; must precede Image.open

ALLOWED_FORMATS = ("JPEG", "PNG", "HEIF", "WEBP")
MAX_MEGAPIXELS = PHOTO.max_megapixels
MAX_PIXELS = PHOTO.max_pixels
WORKING_MAX_SIDE = 2000
PRINT_MAX_SIDE = 1100  # a report prints photos about 3.5 in wide: 1,050 px at 300 dpi
THUMBNAIL_MAX_SIDE = 256
WORKING_QUALITY = 90
PRINT_QUALITY = 78  # printed about 3.5 in wide at 300 dpi; keeps a 100-photo report under 15 MB
THUMBNAIL_QUALITY = 80

NOT_A_PHOTO = "this file is not a photo HomeAssess can read (JPEG, PNG, HEIC or WebP)"
NO_MEMORY = "this photo is too large to open on this computer"
ODD_COLOURS = "this photo uses a colour format HomeAssess cannot read; save it again as JPEG"

JPEG_READ_BLOCK = 16_384  # bytes of JPEG data between two looks at ``cancel``
Cancel = Callable[[], bool] | threading.Event | None

_ORIENTATION_TAG = 0x0112
_CLOCKWISE = {1: Image.Transpose.ROTATE_270, 2: Image.Transpose.ROTATE_180, 3: Image.Transpose.ROTATE_90}
_UPRIGHT = {  # EXIF orientation → the turn or flip that shows the picture upright
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_PIXELS_IN_MESSAGE = re.compile(r"\((\d+) pixels\)")
# warnings.catch_warnings() swaps the process-wide filter list; two threads doing it at once can
# leave the wrong list behind, so our own callers take turns. Only Image.open (where Pillow runs
# its bomb check) is inside the lock: it reads headers only, decoding happens outside.
_WARNINGS_LOCK = threading.Lock()


@dataclass(frozen=True)
class Renditions:
    """The stored forms of one accepted photo. All three images are baseline JPEG, sRGB, no metadata."""

    working: bytes = field(repr=False)  # longest side ≤ 2000 px; the master for later renditions
    print_copy: bytes = field(repr=False)  # longest side ≤ 1100 px, q78; reports embed these bytes as-is
    thumbnail: bytes = field(repr=False)  # longest side ≤ 256 px
    width: int  # of the working copy, upright
    height: int
    source_format: str  # Pillow's name for what was decoded: JPEG, MPO, PNG, HEIF or WEBP
    orientation_applied: bool  # the picture was turned/flipped upright (by us or by the HEIF decoder)
    orientation_unknown: bool  # EXIF was unreadable or held an impossible value; imported as stored
    sha256: str  # hex digest of ``working``


def process_photo(source: Path | str | bytes | BinaryIO, cancel: Cancel = None) -> Renditions:
    """Decode one photo and return its renditions, or raise :class:`PhotoRejected`.

    ``source`` is a path, the file's bytes, or a binary file object (read from its current
    position; not closed). The rejection message never contains a file name or path.
    ``cancel`` (an event or a function) is asked before every block of the file the decoder
    reads and between the steps after it; once it answers yes, :class:`PhotoCancelled` is raised.
    """
    stop = _stopper(cancel)
    stop()
    with opened(source) as fp:
        image, source_format = _decode(fp, stop)
    decoder_rotated = image.info.get("original_orientation") not in (None, 1)  # pi-heif applies irot/EXIF
    orientation, orientation_unknown = _orientation(image)
    icc_profile = image.info.get("icc_profile")
    try:
        image = reduced(image, max(image.size) // WORKING_MAX_SIDE)
        stop()
        image = to_rgb(image)
    except UnsupportedMode:
        raise PhotoRejected(ODD_COLOURS) from None
    except MemoryError:
        raise PhotoRejected(NO_MEMORY) from None
    image = _shrunk(image, WORKING_MAX_SIDE)
    if orientation in _UPRIGHT:
        image = image.transpose(_UPRIGHT[orientation])
    stop()
    working = _fresh(to_srgb(image, icc_profile))
    return Renditions(
        **_encode_all(working),
        source_format=source_format,
        orientation_applied=orientation in _UPRIGHT or decoder_rotated,
        orientation_unknown=orientation_unknown,
    )


def rotate_renditions(renditions: Renditions, quarter_turns: int) -> Renditions:
    """Turn the photo by ``quarter_turns`` × 90° clockwise (negative: anticlockwise).

    All three JPEGs are re-encoded from the working copy (one more JPEG generation for it).
    ``orientation_applied`` and ``orientation_unknown`` describe the import and are kept as they are.
    """
    turns = quarter_turns % 4
    if turns == 0:
        return renditions
    with Image.open(io.BytesIO(renditions.working), formats=["JPEG"]) as stored:
        rotated = stored.transpose(_CLOCKWISE[turns])
    return replace(renditions, **_encode_all(_fresh(rotated)))


def _decode(fp: BinaryIO, stop: Callable[[], None]) -> tuple[Image.Image, str]:
    """Open with the allowlist, check the budget, then decode the pixels (downscaled while decoding for JPEG)."""
    start = fp.tell()
    reader = _CancellableReader(fp, stop)
    with _WARNINGS_LOCK, warnings.catch_warnings(record=True):
        warnings.simplefilter("always")  # collected and dropped: e.g. "Corrupt EXIF data" (handled below)
        warnings.simplefilter("error", Image.DecompressionBombWarning)  # inserted first, so it wins
        try:
            image = Image.open(reader, formats=ALLOWED_FORMATS)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            match = _PIXELS_IN_MESSAGE.search(str(exc))
            raise PhotoRejected(too_large(pixels=int(match[1]) if match else None)) from None
        except PhotoCancelled:
            raise
        except UnidentifiedImageError:
            raise PhotoRejected(NOT_A_PHOTO) from None
        except MemoryError:
            raise PhotoRejected(NO_MEMORY) from None
        except Exception as exc:  # a recognised header that its own plugin then chokes on
            raise PhotoRejected(DAMAGED) from exc
    check_size(image.size)
    source_format = image.format or "unknown"
    if source_format in ("JPEG", "MPO"):
        here = fp.tell()
        fp.seek(start)
        check_jpeg(fp, image.size)
        fp.seek(here)
        image.draft("RGB", _fitted(image.size, WORKING_MAX_SIDE))  # must come before any load
        reader.block = JPEG_READ_BLOCK  # libjpeg takes the data in any pieces; asks ``cancel`` more often
    try:
        image.load()
    except PhotoCancelled:
        raise
    except MemoryError:
        raise PhotoRejected(NO_MEMORY) from None
    except Exception as exc:  # truncated data, broken chunks, decoder errors of any plugin
        raise PhotoRejected(DAMAGED) from exc
    return image, source_format


class _CancellableReader:
    """The file as Pillow reads it: every read first asks whether to stop.

    ``block`` caps each read once the JPEG decoder is reading (it accepts short reads); other
    decoders count on full reads, so it stays unset for them.
    """

    def __init__(self, fp: BinaryIO, stop: Callable[[], None]) -> None:
        self._fp, self._stop = fp, stop
        self.block: int | None = None

    def read(self, size: int = -1) -> bytes:
        self._stop()
        if self.block is not None and (size is None or size < 0 or size > self.block):
            size = self.block
        return self._fp.read(size)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._fp.seek(offset, whence)

    def tell(self) -> int:
        return self._fp.tell()

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True


def _stopper(cancel: Cancel) -> Callable[[], None]:
    asked = cancel.is_set if isinstance(cancel, threading.Event) else cancel

    def stop() -> None:
        if asked is not None and asked():
            raise PhotoCancelled()

    return stop


def _orientation(image: Image.Image) -> tuple[int | None, bool]:
    """EXIF orientation (2-8 mean a turn or flip is needed) and whether it is unknown.

    Unknown means: the EXIF block is there but cannot be parsed, or the Orientation value is not
    one of 1-8 (e.g. 0, 9 or text) (docs/pitfalls.md §3.3). The picture is then left exactly as stored so
    the user can rotate it by hand.
    """
    raw_exif = image.info.get("exif")
    try:
        with _WARNINGS_LOCK, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")  # record only; "Corrupt EXIF data" is a UserWarning
            exif = image.getexif()
            orientation = exif.get(_ORIENTATION_TAG)
    except Exception:
        log.info("photo EXIF could not be parsed; orientation left as stored")
        return None, True
    if orientation is None:
        broken = bool(raw_exif) and len(raw_exif) > 6 and (not exif or bool(caught))
        return None, broken
    if type(orientation) is not int or not 1 <= orientation <= 8:
        log.info("photo EXIF orientation is not a valid value; orientation left as stored")
        return None, True
    return orientation, False


def _fitted(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    """``size`` scaled so its longest side is at most ``max_side`` (never upscaled, never 0)."""
    width, height = size
    longest = max(width, height)
    if longest <= max_side:
        return size
    scale = max_side / longest
    return max(1, round(width * scale)), max(1, round(height * scale))


def _shrunk(image: Image.Image, max_side: int) -> Image.Image:
    target = _fitted(image.size, max_side)
    if target == image.size:
        return image
    return image.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _fresh(image: Image.Image) -> Image.Image:
    """A new RGB image holding only the pixels: no info dict, no EXIF/XMP/GPS, no ICC profile."""
    clean = Image.new("RGB", image.size)
    clean.paste(image if image.mode == "RGB" else image.convert("RGB"))
    return clean


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def _encode_all(working: Image.Image) -> dict[str, object]:
    """Encode the working copy and the two smaller renditions derived from it."""
    print_image = _shrunk(working, PRINT_MAX_SIDE)
    thumbnail = _shrunk(print_image, THUMBNAIL_MAX_SIDE)
    working_bytes = _jpeg(working, WORKING_QUALITY)
    return {
        "working": working_bytes,
        "print_copy": _jpeg(print_image, PRINT_QUALITY),
        "thumbnail": _jpeg(thumbnail, THUMBNAIL_QUALITY),
        "width": working.width,
        "height": working.height,
        "sha256": hashlib.sha256(working_bytes).hexdigest(),
    }
