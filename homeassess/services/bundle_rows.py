"""One visit's store rows read for an export, and written back from an imported document, inside the caller's
transaction (``bundle_transfer.py`` holds the transaction, the duplicate handling and the audit line)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlmodel import Session, col, select

from homeassess.bundle.from_rows import VisitRows
from homeassess.bundle.schema import RENDITIONS, AssessmentDocument, BundleError, Visit
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

Members = dict[str, memoryview | bytes]


def read_visit(s: Session, assessment_id: int) -> VisitRows:
    row = s.get(AssessmentRow, assessment_id)
    if row is None:
        raise BundleError(f"no assessment with id {assessment_id}")
    parent = s.get(AssessmentRow, row.parent_id) if row.parent_id else None
    client = s.get(ClientRow, row.client_id)
    if client is None:
        raise BundleError("this assessment has records HomeAssess cannot export (a damaged store)")
    rooms = list(s.exec(select(RoomRow).where(RoomRow.assessment_id == assessment_id)))
    room_ids = [stored_id(room.id) for room in rooms]
    responses = list(s.exec(select(ResponseRow).where(col(ResponseRow.room_id).in_(room_ids))))
    photos = list(s.exec(select(PhotoRow).where(PhotoRow.assessment_id == assessment_id)))
    photo_ids = [stored_id(p.id) for p in photos]
    data = {d.photo_id: d for d in s.exec(select(PhotoDataRow).where(col(PhotoDataRow.photo_id).in_(photo_ids)))}
    installations = list(s.exec(select(InstallationRow).where(InstallationRow.assessment_id == assessment_id)))
    measures: dict[int, list[InstalledMeasureRow]] = {}
    for measure in s.exec(select(InstalledMeasureRow).where(
            col(InstalledMeasureRow.installation_id).in_([stored_id(i.id) for i in installations]))):
        measures.setdefault(measure.installation_id, []).append(measure)
    if any(stored_id(p.id) not in data for p in photos):
        raise BundleError("this assessment has records HomeAssess cannot export (a damaged store)")
    return VisitRows(
        assessment=row, parent_uid=parent.uid if parent else None, client=client, rooms=rooms, responses=responses,
        photos=[(p, data[stored_id(p.id)]) for p in photos],
        recommendations=list(s.exec(select(RecommendationRow).where(RecommendationRow.assessment_id == assessment_id))),
        outcome=s.get(OutcomeRow, assessment_id),
        goal_scores=list(s.exec(select(GoalScoreRow).where(GoalScoreRow.assessment_id == assessment_id))),
        installations=[(i, measures.get(stored_id(i.id), [])) for i in installations],
    )


@dataclass(frozen=True)
class InsertedVisit:
    id: int
    rooms: dict[str, int]  # room key → new room id
    recommendations: dict[str, int]  # recommendation key → new decision id


def insert_visit(s: Session, visit: Visit, files: Members, *, uid: str, parent_id: int | None, fresh_photos: bool,
                 original_recs: dict[str, int]) -> InsertedVisit:
    """The visit's client, assessment, rooms, answers, photos, recommendations and outcomes."""
    client = ClientRow(name=visit.client.profile.name, profile_json=visit.client.profile.model_dump_json(),
                       created_at=visit.client.created_at, updated_at=visit.client.updated_at)
    s.add(client)
    s.flush()
    row = AssessmentRow(**visit.assessment.model_dump(exclude={"uid", "parent_uid"}), uid=uid, client_id=stored_id(client.id),
                        parent_id=parent_id)
    s.add(row)
    s.flush()
    new_id = stored_id(row.id)
    rooms: dict[str, RoomRow] = {}
    for room in visit.rooms:
        rooms[room.key] = RoomRow(assessment_id=new_id, **room.model_dump(exclude={"key", "responses"}))
        s.add(rooms[room.key])
    s.flush()
    room_ids = {key: stored_id(room.id) for key, room in rooms.items()}
    for room in visit.rooms:
        s.add_all(ResponseRow(room_id=room_ids[room.key], **r.model_dump()) for r in room.responses)
    taken = set(s.exec(select(PhotoRow.uid).where(col(PhotoRow.uid).in_([p.uid for p in visit.photos]))))
    for photo in visit.photos:
        member = {r: getattr(photo.files, r).member for r in RENDITIONS}
        photo_row = PhotoRow(
            **photo.model_dump(exclude={"uid", "room", "files", "recommendation"}), assessment_id=new_id,
            uid=str(uuid.uuid4()) if fresh_photos or photo.uid in taken else photo.uid,
            room_id=room_ids[photo.room] if photo.room else None, thumbnail=files[member["thumb"]],
            recommendation_id=original_recs.get(photo.recommendation) if photo.recommendation else None,
        )
        s.add(photo_row)
        s.flush()
        s.add(PhotoDataRow(photo_id=stored_id(photo_row.id), working=files[member["working"]], print_copy=files[member["print"]]))
    recs: dict[str, int] = {}
    for rec in visit.recommendations:
        rec_row = RecommendationRow(**rec.model_dump(exclude={"room", "key"}), assessment_id=new_id,
                                    room_id=room_ids[rec.room] if rec.room else None)
        s.add(rec_row)
        s.flush()
        if rec.key is not None:
            recs[rec.key] = stored_id(rec_row.id)
    if visit.outcome is not None:
        s.add(OutcomeRow(assessment_id=new_id, **visit.outcome.model_dump()))
    s.add_all(GoalScoreRow(assessment_id=new_id, **g.model_dump()) for g in visit.goal_scores)
    return InsertedVisit(new_id, room_ids, recs)


def insert_installations(s: Session, doc: AssessmentDocument, follow_up: InsertedVisit, original_recs: dict[str, int]) -> None:
    for item in doc.installations:
        row = InstallationRow(**item.model_dump(exclude={"recommendation", "room", "measures"}), assessment_id=follow_up.id,
                              recommendation_id=original_recs[item.recommendation],
                              room_id=follow_up.rooms.get(item.room) if item.room else None)
        s.add(row)
        s.flush()
        s.add_all(InstalledMeasureRow(installation_id=stored_id(row.id), **m.model_dump()) for m in item.measures)


def match_recommendations(s: Session, original_id: int, visit: Visit) -> dict[str, int] | None:
    """The stored original's decisions for the file's recommendation keys, matched by room, library entry or
    custom title and position; None when one does not match (the stored copy has changed since)."""
    rooms = {stored_id(r.id): r.position for r in s.exec(select(RoomRow).where(RoomRow.assessment_id == original_id))}
    stored = {_natural(rooms.get(r.room_id) if r.room_id else None, r.library_id, r.custom, r.title, r.position): stored_id(r.id)
              for r in s.exec(select(RecommendationRow).where(RecommendationRow.assessment_id == original_id))}
    positions = {room.key: room.position for room in visit.rooms}
    found: dict[str, int] = {}
    for rec in visit.recommendations:
        if rec.key is None:
            continue
        rec_id = stored.get(_natural(positions.get(rec.room) if rec.room else None, rec.library_id, rec.custom, rec.title,
                                     rec.position))
        if rec_id is None:
            return None
        found[rec.key] = rec_id
    return found


def _natural(room_position: int | None, library_id: str | None, custom: bool, title: str | None,
             position: int) -> tuple[object, ...]:
    return (room_position, "custom", title, position) if custom else (room_position, library_id)
