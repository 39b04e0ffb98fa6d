"""What a field-by-field check of the export document cannot see: duplicates and dangling references,
within one visit and between a follow-up and the original it carries."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from homeassess.bundle.zip_reader import BundleError

if TYPE_CHECKING:
    from homeassess.bundle.schema import AssessmentDocument, Visit


def check_visit(visit: Visit) -> None:
    keys = [room.key for room in visit.rooms]
    if len(set(keys)) != len(keys):
        raise BundleError("the file lists the same room twice")
    for room in visit.rooms:
        if max(Counter(r.item_id for r in room.responses).values(), default=1) > 1:
            raise BundleError("the file has two answers to the same item in one room")
    known = set(keys)
    if any(p.room is not None and p.room not in known for p in visit.photos):
        raise BundleError("a photo in the file refers to a room that is not in it")
    if any(r.room is not None and r.room not in known for r in visit.recommendations):
        raise BundleError("a recommendation in the file refers to a room that is not in it")
    rec_keys = [r.key for r in visit.recommendations if r.key is not None]
    if len(set(rec_keys)) != len(rec_keys):
        raise BundleError("the file lists the same recommendation twice")
    if len({g.position for g in visit.goal_scores}) != len(visit.goal_scores):
        raise BundleError("the file scores the same goal twice")


def check_document(doc: AssessmentDocument) -> None:
    for visit in doc.visits():
        check_visit(visit)
    uids = [photo.uid for photo in doc.all_photos()]
    if len(set(uids)) != len(uids):
        raise BundleError("the file lists the same photo twice")
    header = doc.assessment
    if header.parent_uid == header.uid:
        raise BundleError("the assessment in the file names itself as its parent")
    original = doc.original
    if original is not None and (original.assessment.uid != header.parent_uid or original.assessment.parent_uid is not None):
        raise BundleError("the original assessment in the file is not the one the follow-up names")
    originals = {r.key for r in original.recommendations if r.key} if original is not None else set()
    rooms = {room.key for room in doc.rooms}
    if any(i.recommendation not in originals or (i.room is not None and i.room not in rooms) for i in doc.installations):
        raise BundleError("an installed item in the file refers to a recommendation or room that is not in it")
    if len({i.recommendation for i in doc.installations}) != len(doc.installations):
        raise BundleError("the file lists the same installed item twice")
    if any(max(Counter(m.check_id for m in i.measures).values(), default=1) > 1 for i in doc.installations):
        raise BundleError("the file has two measurements of the same check for one installed item")
    stray = original is not None and any(p.recommendation is not None for p in original.photos)
    if stray or any(p.recommendation is not None and p.recommendation not in originals for p in doc.photos):
        raise BundleError("a photo in the file refers to a recommendation that is not in it")
