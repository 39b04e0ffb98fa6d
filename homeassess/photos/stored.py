"""Checking a rendition that arrives already made (a photo member of an export file).

Its bytes are kept as they are (an import copies photos, never re-encodes them), so they must
be what the pipeline itself would have written: a JPEG and nothing else (not HTML, PNG or a
progressive bomb), within the rendition's size, within the photo budget, and whole. The
pixels are decoded at 1/8 scale (the decoder still reads every byte of the data, so damage
shows) to keep the check cheap. Refusals are short clauses about "it" (the photo), for the
caller to place in its own sentence.
"""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

from homeassess.photos.budget import DAMAGED, JPEG_TOO_BIG, JPEG_TOO_SLOW, JPEG_VARIANT, check_jpeg, check_size
from homeassess.photos.source import PhotoRejected

NOT_A_JPEG = "it is not a JPEG"
TOO_LARGE = "it is larger than its kind of copy allows"
BROKEN = "it is damaged (only part of it could be read)"
CLAUSES = {
    DAMAGED: BROKEN,
    JPEG_TOO_SLOW: "it is stored in too many passes",
    JPEG_TOO_BIG: "it would need too much memory to open",
    JPEG_VARIANT: "it uses a kind of JPEG coding HomeAssess cannot read",
}


def check_stored_rendition(data: bytes | memoryview, max_side: int) -> tuple[int, int]:
    """(width, height) of a stored JPEG rendition, or :class:`PhotoRejected` with a clause about it."""
    fp = io.BytesIO(data)
    try:
        image = Image.open(fp, formats=["JPEG"])
    except UnidentifiedImageError:
        raise PhotoRejected(NOT_A_JPEG) from None
    except Exception:  # a JPEG header its plugin chokes on
        raise PhotoRejected(BROKEN) from None
    with image:
        if image.format != "JPEG":
            raise PhotoRejected(NOT_A_JPEG)
        size = image.size
        if max(size) > max_side:
            raise PhotoRejected(TOO_LARGE)
        try:
            check_size(size)
            fp.seek(0)
            check_jpeg(fp, size)
        except PhotoRejected as refused:
            raise PhotoRejected(CLAUSES.get(refused.reason, TOO_LARGE)) from None
        image.draft(image.mode, (max(1, size[0] // 8), max(1, size[1] // 8)))
        try:
            image.load()
        except Exception:
            raise PhotoRejected(BROKEN) from None
    return size
