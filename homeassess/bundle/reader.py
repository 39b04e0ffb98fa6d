"""Reading an export file for import: every check, in the order that keeps each one cheap.

1. The file: a regular file only (opened without blocking and checked on its descriptor, so
   ``/dev/zero`` or a FIFO is refused without reading), no larger than ``max_file_bytes``.
2. The container (``container.py``): directory, manifest, KDF cost, then the payload streamed
   through AES-GCM into one buffer.
3. The inner zip (``zip_reader.py``): directory, names, per-member and total sizes, ratios.
4. The document (``document.py``): size, shape, version, strict schema, consistency.
5. This HomeAssess's catalogue: versions, standard, room types, items.
6. Every photo member: present, the size and checksum the document gives, and then through the
   photo budget as a JPEG no larger than its rendition (``photos.check_stored_rendition``),
   the working copy exactly the size its record says.

Nothing is written until all of it has passed. Refusals are one line and quote nothing from the file.
"""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

from homeassess.bundle.container import unseal_file
from homeassess.bundle.document import parse_document, version_key
from homeassess.bundle.schema import (
    DOCUMENT_MEMBER,
    INNER_MEMBER,
    RENDITION_MAX_SIDE,
    RENDITIONS,
    UNEXPECTED,
    AssessmentDocument,
    BundleError,
    BundleLimits,
    member_cap,
)
from homeassess.bundle.zip_reader import read_zip
from homeassess.domain.judge import Judge
from homeassess.domain.limits import BUNDLE, KDF, KdfLimits
from homeassess.photos import PhotoRejected, check_stored_rendition
from homeassess.photos.source import open_regular_file

UNREADABLE = "the file cannot be read"
NOT_A_FILE = "this is not an ordinary file, so it cannot be an assessment file"
FILE_TOO_BIG = "the file is larger than HomeAssess accepts"
PHOTO_REFUSED = "a photo in the file cannot be imported: {reason}"
PHOTO_MISMATCH = "a photo in the file is not the size its record says; the file is damaged or was changed"
CHECKSUM = "a photo in the file does not match its checksum; the file is damaged or was changed"

Members = dict[str, memoryview | bytes]


def read_bundle(
    path: Path, passphrase: str, judge: Judge, limits: BundleLimits = BUNDLE, kdf: KdfLimits = KDF,
) -> tuple[AssessmentDocument, Members]:
    """The document and its photo members (views into one decrypted buffer), every check passed."""
    inner = _decrypted(Path(path), passphrase, limits, kdf)
    files = read_zip(inner, limits, INNER_MEMBER, member_cap)
    raw = files.pop(DOCUMENT_MEMBER, None)
    if raw is None:
        raise BundleError("the file is incomplete (no assessment inside)")
    document = parse_document(raw, limits)
    check_against_catalogue(document, judge)
    check_photos(document, files)
    return document, files


def _decrypted(path: Path, passphrase: str, limits: BundleLimits, kdf: KdfLimits) -> bytearray:
    try:
        fd = open_regular_file(path)
    except OSError as exc:
        raise BundleError(NOT_A_FILE if exc.errno in (errno.ENODEV, errno.ENXIO) else UNREADABLE) from None
    except ValueError:  # a NUL in the name
        raise BundleError(UNREADABLE) from None
    with os.fdopen(fd, "rb") as handle:
        if os.fstat(handle.fileno()).st_size > limits.max_file_bytes:
            raise BundleError(FILE_TOO_BIG)
        _, inner = unseal_file(handle, passphrase, limits, kdf)
    return inner


def check_against_catalogue(doc: AssessmentDocument, judge: Judge) -> None:
    """Versions, standard, room types and items this HomeAssess knows."""
    catalogue = judge.catalogue
    visits = doc.visits()
    if any(version_key(v.assessment.catalogue_version) > version_key(catalogue.version) for v in visits):
        raise BundleError("this assessment was made with a newer checklist; update HomeAssess to import it")
    if any(v.assessment.standard.lower() not in judge.standards.profiles for v in visits):
        raise BundleError("this assessment uses a standard this HomeAssess does not know")
    room_types = {rt.id for rt in catalogue.room_types}
    if any(room.room_type not in room_types for v in visits for room in v.rooms):
        raise BundleError("the file uses a room type this HomeAssess does not know")
    item_ids = [r.item_id for v in visits for room in v.rooms for r in room.responses]
    item_ids += [p.item_id for p in doc.all_photos() if p.item_id is not None]
    item_ids += [r.item_id for v in visits for r in v.recommendations if r.item_id is not None]
    if any(item_id not in catalogue.items for item_id in item_ids):
        raise BundleError("the file uses a checklist item this HomeAssess does not know")


def check_photos(doc: AssessmentDocument, files: Members) -> None:
    """Each photo's three members: present, as described, and a JPEG within its rendition's budget."""
    expected = {}
    for photo in doc.all_photos():
        for rendition in RENDITIONS:
            described = getattr(photo.files, rendition)
            expected[described.member] = (photo, rendition, described)
    if set(files) - set(expected):
        raise BundleError(UNEXPECTED)
    for name, (photo, rendition, described) in expected.items():
        blob = files.get(name)
        if blob is None:
            raise BundleError("the file is incomplete (a photo is missing)")
        if len(blob) != described.size or hashlib.sha256(blob).hexdigest() != described.sha256:
            raise BundleError(CHECKSUM)
        try:
            size = check_stored_rendition(blob, RENDITION_MAX_SIDE[rendition])
        except PhotoRejected as refused:
            raise BundleError(PHOTO_REFUSED.format(reason=refused.reason)) from None
        if rendition == "working" and size != (photo.width, photo.height):
            raise BundleError(PHOTO_MISMATCH)
