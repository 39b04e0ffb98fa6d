"""The demo assessment: a realistic fictional visit to explore, report on and benchmark.

Installing it is idempotent (keyed by the demo's fixed uid). Every response is parsed and
judged by the same checklist service a clinician's typing goes through, a room's answers
written in one transaction (``ChecklistService.record_room``); the photos go through the
same pipeline as a clinician's, decoded and resized on worker threads while the answers are
written; then the proposals the demo file lists under ``accept`` are accepted and the rest
dismissed, as after a review. The first run installs it (``homeassess.app``; the benchmark
``first_run`` times it).
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, cast

from homeassess.domain.data_files import resources_dir
from homeassess.domain.vocabulary import RecommendationStatus
from homeassess.photos import Renditions, process_photo
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.workspace import Workspace

PHOTO_WORKERS = min(2, os.cpu_count() or 1)  # the photos decode and resize beside the answers being written


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
    return install_document(workspace, doc, (path or demo_path()).parent), True


def install_document(workspace: Workspace, doc: dict[str, Any], folder: Path) -> int:
    """One demo document's visit: answers judged, photos made, proposals accepted or dismissed as it lists."""
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
    photos = doc.get("photos", [])
    pool = ThreadPoolExecutor(max_workers=PHOTO_WORKERS, thread_name_prefix="homeassess-demo-photo")
    try:  # Pillow decodes and resizes without holding the GIL: the photos are made while the answers are written
        renditions = [pool.submit(process_photo, folder / entry["file"]) for entry in photos]
        for view, room_doc in zip(views, doc["rooms"], strict=True):
            workspace.checklist.record_room(view.id, _answers(room_doc))
        room_ids = {v.name: v.id for v in views}
        for entry, made in zip(photos, renditions, strict=True):
            _attach_photo(workspace, assessment_id, room_ids[entry["room"]], entry, made.result())
    finally:
        pool.shutdown(cancel_futures=True)
    accept = {(d["room"], d["recommendation"]) for d in doc.get("accept", [])}
    proposed = {(v.room_name, v.library_id): v.ref for v in workspace.recommendations.list(assessment_id, (RecommendationStatus.PROPOSED,))}
    missing = accept - set(proposed)
    if missing:
        raise ValueError(f"demo accepts recommendations that were not proposed: {sorted(missing)}")
    accepted = [ref for key, ref in proposed.items() if key in accept]
    workspace.recommendations.set_status(assessment_id, accepted, RecommendationStatus.ACCEPTED)
    workspace.recommendations.set_status(assessment_id, [r for r in proposed.values() if r not in accepted], RecommendationStatus.DISMISSED)
    return assessment_id


def _answers(room_doc: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """A room's responses in the demo file, as {item id: (value, note)}."""
    answers = {}
    for item_id, value in room_doc.get("responses", {}).items():
        answers[item_id] = (value.get("value", ""), value.get("note", "")) if isinstance(value, dict) else (str(value), "")
    return answers


def _attach_photo(workspace: Workspace, assessment_id: int, room_id: int, entry: dict[str, Any], made: Renditions) -> None:
    """A demo photo's renditions, made by the same pipeline as a clinician's (upright, no metadata)."""
    workspace.photos_repo.add(
        assessment_id, room_id, entry.get("item"), working=made.working, print_copy=made.print_copy,
        thumbnail=made.thumbnail, width=made.width, height=made.height, sha256=made.sha256,
        orientation_unknown=made.orientation_unknown, caption=entry.get("caption", ""),
    )
