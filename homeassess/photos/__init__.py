"""Photo import: accept or refuse one image and produce the JPEG renditions HomeAssess stores.

Pure Python + Pillow (+ pi-heif for HEIC); no Qt, no database.
"""

from homeassess.photos.discovery import PHOTO_SUFFIXES, photo_files_in
from homeassess.photos.pipeline import (
    ALLOWED_FORMATS,
    MAX_MEGAPIXELS,
    PRINT_MAX_SIDE,
    THUMBNAIL_MAX_SIDE,
    WORKING_MAX_SIDE,
    PhotoCancelled,
    PhotoRejected,
    Renditions,
    process_photo,
    rotate_renditions,
)
from homeassess.photos.stored import check_stored_rendition

__all__ = [
    "ALLOWED_FORMATS",
    "MAX_MEGAPIXELS",
    "PHOTO_SUFFIXES",
    "PRINT_MAX_SIDE",
    "THUMBNAIL_MAX_SIDE",
    "WORKING_MAX_SIDE",
    "PhotoCancelled",
    "PhotoRejected",
    "Renditions",
    "check_stored_rendition",
    "photo_files_in",
    "process_photo",
    "rotate_renditions",
]
