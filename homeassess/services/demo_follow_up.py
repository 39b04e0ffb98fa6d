"""The demo's follow-up: the demo visit again, with its outcomes at the first visit, finalised, and its follow-up.

Built through the same services as a clinician's actions, from ``resources/demo/demo_follow_up.json``:
some items installed as specified (their as-installed measurements meet), one grab bar fitted too
high (a deviation with its correction), one item the landlord declined, and outcomes that improved.
The first visit's photos of the rooms concerned are copied from the demo visit (its renditions, not
made again). Idempotent, keyed by the plan's uid. The editable demo visit itself stays a draft.
``homeassess demo`` and the window's "add the demo" install it; the first start installs the demo visit only.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any, cast

from homeassess.domain.data_files import resources_dir
from homeassess.domain.vocabulary import AssessmentStatus
from homeassess.services.changes import Change, Scope, change
from homeassess.services.demo import install_demo, install_document, load_demo_document
from homeassess.services.workspace import Workspace


def demo_follow_up_path() -> Path:
    return resources_dir() / "demo" / "demo_follow_up.json"


def install_demo_follow_up(workspace: Workspace, path: Path | None = None) -> tuple[int, int, bool]:
    """Put the demo's follow-up into the store; returns (original id, follow-up id, whether newly added)."""
    plan = json.loads((path or demo_follow_up_path()).read_text(encoding="utf-8"))
    existing = workspace.assessments.assessments.id_of_uid(plan["original_uid"])
    if existing is not None:
        follow_ups = workspace.follow_ups.link(existing).follow_up_ids
        return existing, follow_ups[-1] if follow_ups else 0, False
    demo_id, _ = install_demo(workspace)
    doc = {**load_demo_document(), "uid": plan["original_uid"], "photos": []}
    visit_date = date.fromisoformat(doc["visit"]["date"])
    original_id = install_document(workspace, doc, demo_follow_up_path().parent)
    _copy_photos(workspace, demo_id, original_id, {entry["room"] for entry in plan["follow_up"]["installed"]})
    _outcomes(workspace, original_id, plan["baseline"], visit_date)
    workspace.assessments.set_status(original_id, AssessmentStatus.FINAL)
    workspace.follow_ups.set_due(original_id, visit_date + timedelta(weeks=plan["followup_weeks"]))
    follow_up_id = cast(int, workspace.follow_ups.start(original_id).value)
    items = {(i.room_name, i.library_id): i for i in workspace.follow_ups.items(follow_up_id)}
    for entry in plan["follow_up"]["installed"]:
        item = items[(entry["room"], entry["recommendation"])]
        iid = item.installation_id
        workspace.follow_ups.set_status(follow_up_id, iid, entry["status"], entry.get("reason"), entry.get("reason_note", ""))
        if entry.get("installed_on") or entry.get("installed_by"):
            on = date.fromisoformat(entry["installed_on"]) if entry.get("installed_on") else None
            workspace.follow_ups.set_installed(follow_up_id, iid, on, entry.get("installed_by", ""))
        if entry.get("note"):
            workspace.follow_ups.set_note(follow_up_id, iid, entry["note"])
        for check_id, text in entry.get("checks", {}).items():
            workspace.follow_ups.record_check(follow_up_id, iid, check_id, text)
    _outcomes(workspace, follow_up_id, plan["follow_up"], date.today())
    return original_id, follow_up_id, True


def install_demos(workspace: Workspace) -> int:
    """The demo visit and the demo's follow-up (the first start and the window's "add the demo"); returns the
    demo visit's id. The follow-up adds about a second of the first run (benchmarks/README.md, ``first_run``)."""
    demo_id, _ = install_demo(workspace)
    install_demo_follow_up(workspace)
    return demo_id


def add_demo(workspace: Workspace) -> Change:
    """The window's "Add the demo assessment": the demo visit and its follow-up, once; ``Change.value`` is the
    demo visit's id."""
    return change(Scope.ASSESSMENTS, label="add the demo assessment", value=install_demos(workspace))


def _outcomes(workspace: Workspace, assessment_id: int, plan: dict[str, Any], recorded_on: date) -> None:
    for position, goal in enumerate(plan.get("goals", [])):
        workspace.outcomes.set_goal(assessment_id, position, goal.get("performance"), goal.get("satisfaction"),
                                    goal.get("difficulty"))
    workspace.outcomes.set_measures(assessment_id, recorded_on=recorded_on, falls_3m=plan.get("falls_3m"),
                                    fall_concern=plan.get("fall_concern"), instrument=plan.get("instrument", ""),
                                    instrument_score=plan.get("instrument_score", ""))


def _copy_photos(workspace: Workspace, source_id: int, target_id: int, room_names: set[str]) -> None:
    """The demo visit's photos of these rooms, attached to the same rooms and items of the copy."""
    source_rooms = {r.id: r.name for r in workspace.assessments.room_views(source_id)}
    target_rooms = {r.name: r.id for r in workspace.assessments.room_views(target_id)}
    repo = workspace.photos_repo
    for photo in repo.list(source_id):
        name = source_rooms.get(photo.room_id) if photo.room_id is not None else None
        data = repo.renditions(photo.id)
        if name not in room_names or data is None:
            continue
        repo.add(target_id, target_rooms[name], photo.item_id, working=data.working, print_copy=data.print_copy,
                 thumbnail=photo.thumbnail, width=photo.width, height=photo.height, sha256=photo.sha256,
                 orientation_unknown=photo.orientation_unknown, caption=photo.caption)
