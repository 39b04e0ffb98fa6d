"""The export document built from store rows: one visit, or a follow-up with the original it follows up.

Rooms, photos and recommendations are keyed in the document by their order (``room-1``, ``rec-1``),
never by store ids, so export → import → export gives an equal document. A follow-up's installed
items and "after" photos name the original's recommendations by those keys.
"""

from __future__ import annotations

import hashlib
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from pydantic import BaseModel

from homeassess.bundle.follow_up_schema import GoalScoreEntry, Installation, Measure, OutcomeMeasures
from homeassess.bundle.schema import (
    RENDITIONS,
    SCHEMA_VERSION,
    AssessmentDocument,
    AssessmentHeader,
    Photo,
    Recommendation,
    Response,
    Room,
    photo_member,
)
from homeassess.domain.client_profile import ClientProfile
from homeassess.store.tables import (
    AssessmentRow,
    ClientRow,
    GoalScoreRow,
    InstallationRow,
    InstalledMeasureRow,
    OutcomeRow,
    PhotoDataRow,
    PhotoRow,
    RecommendationRow,
    ResponseRow,
    RoomRow,
    stored_id,
)


@dataclass
class VisitRows:
    """One assessment's rows, as the export reads them."""

    assessment: AssessmentRow
    parent_uid: str | None
    client: ClientRow
    rooms: list[RoomRow]
    responses: list[ResponseRow]
    photos: list[tuple[PhotoRow, PhotoDataRow]]
    recommendations: list[RecommendationRow]
    outcome: OutcomeRow | None = None
    goal_scores: list[GoalScoreRow] = field(default_factory=list)
    installations: list[tuple[InstallationRow, list[InstalledMeasureRow]]] = field(default_factory=list)


def document_from_rows(visit: VisitRows, original: VisitRows | None = None) -> tuple[AssessmentDocument, dict[str, bytes]]:
    """Build the document and its photo members (any row order; sorted here)."""
    files: dict[str, bytes] = {}
    original_doc: dict | None = None
    original_recs: dict[int, str] = {}
    if original is not None:
        original_doc, _, original_recs = _visit(original, files, {})
    doc, room_keys, _ = _visit(visit, files, original_recs)
    doc["schema_version"] = SCHEMA_VERSION
    doc["original"] = original_doc
    doc["installations"] = [
        {**_fields(row, Installation, skip={"recommendation", "room", "measures"}),
         "recommendation": original_recs[row.recommendation_id], "room": _key(room_keys, row.room_id),
         "measures": [_fields(m, Measure) for m in sorted(measures, key=lambda m: m.check_id)]}
        for row, measures in sorted(visit.installations, key=lambda pair: stored_id(pair[0].id))
        if row.recommendation_id in original_recs
    ]
    return AssessmentDocument.model_validate(doc), files


def _visit(rows: VisitRows, files: dict[str, bytes], original_recs: dict[int, str]) -> tuple[dict, dict[int, str], dict[int, str]]:
    """The visit as document data, its room keys and recommendation keys (by store id); photo members into ``files``."""
    rooms = sorted(rows.rooms, key=lambda r: (r.position, r.id))
    room_keys = {stored_id(room.id): f"room-{n}" for n, room in enumerate(rooms, start=1)}
    recommendations = sorted(rows.recommendations, key=lambda r: (r.position, r.id))
    rec_keys = {stored_id(rec.id): f"rec-{n}" for n, rec in enumerate(recommendations, start=1)}
    by_room: dict[int, list[ResponseRow]] = {}
    for response in rows.responses:
        by_room.setdefault(response.room_id, []).append(response)
    photo_docs = []
    for row, data in sorted(rows.photos, key=lambda pair: (pair[0].position, pair[0].id)):
        described = {}
        for rendition, blob in zip(RENDITIONS, (data.working, data.print_copy, row.thumbnail), strict=True):
            member = photo_member(row.uid, rendition)
            files[member] = bytes(blob)
            described[rendition] = {"member": member, "sha256": hashlib.sha256(blob).hexdigest(), "size": len(blob)}
        photo_docs.append({
            **_fields(row, Photo, skip={"room", "files", "recommendation"}), "room": _key(room_keys, row.room_id),
            "files": described, "recommendation": _key(original_recs, row.recommendation_id),
        })
    header = _fields(rows.assessment, AssessmentHeader, skip={"parent_uid"})
    doc = {
        "assessment": {**header, "parent_uid": rows.parent_uid},
        "client": {
            "profile": ClientProfile.from_stored(rows.client.profile_json).model_dump(mode="json"),
            "created_at": rows.client.created_at, "updated_at": rows.client.updated_at,
        },
        "rooms": [
            {
                **_fields(room, Room, skip={"key", "responses"}), "key": room_keys[stored_id(room.id)],
                "responses": [_fields(r, Response) for r in sorted(by_room.get(stored_id(room.id), []), key=lambda r: r.item_id)],
            }
            for room in rooms
        ],
        "photos": photo_docs,
        "recommendations": [
            {**_fields(rec, Recommendation, skip={"room", "key"}), "room": _key(room_keys, rec.room_id),
             "key": rec_keys[stored_id(rec.id)]}
            for rec in recommendations
        ],
        "outcome": _fields(rows.outcome, OutcomeMeasures) if rows.outcome is not None else None,
        "goal_scores": [_fields(g, GoalScoreEntry) for g in sorted(rows.goal_scores, key=lambda g: g.position)],
    }
    return doc, room_keys, rec_keys


def _key(keys: dict[int, str], row_id: int | None) -> str | None:
    return keys.get(row_id) if row_id is not None else None


def _fields(row: object, model: type[BaseModel], skip: AbstractSet[str] = frozenset()) -> dict[str, object]:
    return {name: getattr(row, name) for name in model.model_fields if name not in skip}
