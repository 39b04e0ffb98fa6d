"""Checking a rendition that arrives already made (a photo member of an export file).

Its bytes are kept as they are (an import copies photos, never re-encodes them), so they must
be what the pipeline itself would have written: a JPEG and nothing else (not HTML, PNG or a
progressive bomb), within the rendition's size, within the photo budget, and whole. The
pixels are decoded at 1/8 scale (the decoder still reads every byte of the data, so damage
shows) to keep the check cheap.
"""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

from homeassess.photos.budget import DAMAGED, check_jpeg, check_size
from homeassess.photos.source import PhotoRejected

NOT_A_JPEG = "a photo in the file is not a JPEG"
TOO_LARGE = "a photo in the file is larger than its kind allows"


def check_stored_rendition(data: bytes | memoryview, max_side: int) -> tuple[int, int]:
    """(width, height) of a stored JPEG rendition, or :class:`PhotoRejected`."""
    fp = io.BytesIO(data)
    try:
        image = Image.open(fp, formats=["JPEG"])
    except UnidentifiedImageError:
        raise PhotoRejected(NOT_A_JPEG) from None
    except Exception:  # a JPEG header its plugin chokes on
        raise PhotoRejected(DAMAGED) from None
    with image:
        if image.format != "JPEG":
            raise PhotoRejected(NOT_A_JPEG)
        size = image.size
        if max(size) > max_side:
            raise PhotoRejected(TOO_LARGE)
        check_size(size)
        fp.seek(0)
        check_jpeg(fp, size)
        image.draft(image.mode, (max(1, size[0] // 8), max(1, size[1] // 8)))
        try:
            image.load()
        except Exception:
            raise PhotoRejected(DAMAGED) from None
    return size
