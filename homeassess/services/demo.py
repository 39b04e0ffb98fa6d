"""The demo assessment: a realistic fictional visit to explore, report on and benchmark.

Installing it is idempotent (keyed by the demo's fixed uid). Every response goes
through the same checklist service a clinician's typing does; then the proposals the
demo file lists under ``accept`` are accepted and the rest dismissed, as after a review.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from homeassess.domain.data_files import resources_dir
from homeassess.domain.vocabulary import RecommendationStatus
from homeassess.photos import process_photo
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec, RoomView
from homeassess.services.checklist import ResponseResult
from homeassess.services.workspace import Workspace


def demo_path() -> Path:
    return resources_dir() / "demo" / "demo_assessment.json"


def load_demo_document(path: Path | None = None) -> dict[str, Any]:
    return json.loads((path or demo_path()).read_text(encoding="utf-8"))


def install_demo(workspace: Workspace, path: Path | None = None) -> tuple[int, bool]:
    """Put the demo into the store; returns (assessment id, whether it was newly added)."""
    doc = load_demo_document(path)
    existing = workspace.assessments.assessments.id_of_uid(doc["uid"])
    if existing is not None:
        return existing, False
    home, visit = doc.get("home", {}), doc.get("visit", {})
    details = AssessmentDetails(
        visit_date=visit["date"], clinician=visit.get("clinician", ""), credentials=visit.get("credentials", ""),
        licence=visit.get("licence", ""), referral=visit.get("referral", ""), address=home.get("address", ""),
        dwelling_type=home.get("dwelling_type", ""), tenure=home.get("tenure", ""),
        landlord_name=home.get("landlord_name", ""), landlord_contact=home.get("landlord_contact", ""),
        access_contact=home.get("access_contact", ""), standard=doc.get("standard", "ada2010"), unit=doc.get("unit", "in"),
    )
    rooms = [RoomSpec(type=r["type"], name=r.get("name", "")) for r in doc["rooms"]]
    new = NewAssessment(client=doc["client"], details=details, rooms=rooms, uid=doc["uid"])
    assessment_id = cast(int, workspace.assessments.create(new).value)
    views = workspace.assessments.room_views(assessment_id)
    for view, room_doc in zip(views, doc["rooms"], strict=True):
        for item_id, value in room_doc.get("responses", {}).items():
            text, note = (value.get("value", ""), value.get("note", "")) if isinstance(value, dict) else (str(value), "")
            result = cast(ResponseResult, workspace.checklist.record(view.id, item_id, text).value)
            if result.error and result.finding is None:
                raise ValueError(f"demo response {room_doc.get('name')}/{item_id} refused: {result.error}")
            if note:
                workspace.checklist.set_note(view.id, item_id, note)
    _attach_photos(workspace, assessment_id, views, doc.get("photos", []), (path or demo_path()).parent)
    accept = {(d["room"], d["recommendation"]) for d in doc.get("accept", [])}
    proposed = {(v.room_name, v.library_id): v.ref for v in workspace.recommendations.list(assessment_id, (RecommendationStatus.PROPOSED,))}
    missing = accept - set(proposed)
    if missing:
        raise ValueError(f"demo accepts recommendations that were not proposed: {sorted(missing)}")
    accepted = [ref for key, ref in proposed.items() if key in accept]
    workspace.recommendations.set_status(assessment_id, accepted, RecommendationStatus.ACCEPTED)
    workspace.recommendations.set_status(assessment_id, [r for r in proposed.values() if r not in accepted], RecommendationStatus.DISMISSED)
    return assessment_id, True


def _attach_photos(
    workspace: Workspace, assessment_id: int, views: list[RoomView], photos: list[dict[str, Any]], folder: Path
) -> None:
    """Demo photos go through the same pipeline as a clinician's (upright, no metadata, renditions)."""
    rooms = {v.name: v.id for v in views}
    for entry in photos:
        renditions = process_photo(folder / entry["file"])
        workspace.photos_repo.add(
            assessment_id, rooms[entry["room"]], entry.get("item"), working=renditions.working,
            print_copy=renditions.print_copy, thumbnail=renditions.thumbnail, width=renditions.width,
            height=renditions.height, sha256=renditions.sha256, orientation_unknown=renditions.orientation_unknown,
            caption=entry.get("caption", ""),
        )
