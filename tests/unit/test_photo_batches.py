"""A batch of photos that meets a full disk says how far it got, and a rerun does not add them twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.photo_import import run_to_end
from tests.hostile_corpus import jpeg


@pytest.fixture
def visit(workspace) -> tuple[int, int]:
    assessment_id = workspace.assessments.create(NewAssessment(
        client=ClientProfile(name="Batch Client"), details=AssessmentDetails(), rooms=[RoomSpec(type="kitchen")],
    )).value
    return assessment_id, workspace.assessments.room_views(assessment_id)[0].id


@pytest.fixture
def twelve(tmp_path) -> list[Path]:
    paths = []
    for n in range(12):
        path = tmp_path / f"IMG_{n:04d}.jpg"
        path.write_bytes(jpeg((320 + n, 240), noise=True))
        paths.append(path)
    return paths


@pytest.fixture
def disk(workspace) -> dict:
    """``disk["pages"]`` caps the store's size on every connection made from now on (PRAGMA max_page_count)."""
    limit = {"pages": 2**31 - 1}

    @event.listens_for(workspace.store.engine, "connect")
    def _cap(dbapi_connection, _record) -> None:  # SQLAlchemy event
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit['pages']}")

    return limit


def set_disk(workspace, disk: dict, full: bool) -> None:  # a Workspace
    with workspace.store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    disk["pages"] = pages if full else 2**31 - 1
    workspace.store.release_connections()


def test_a_full_disk_mid_batch_says_how_many_were_saved_and_a_rerun_skips_them(workspace, visit, twelve, disk):
    assessment_id, room_id = visit
    steps = workspace.photo_import.import_files(assessment_id, room_id, None, twelve)
    for _ in range(1 + 7):  # the opening step, then seven photos
        next(steps)
    set_disk(workspace, disk, full=True)
    _, summary = run_to_end(steps)
    assert summary.headline == "7 of 12 photos saved; the disk is full"
    assert len(workspace.photo_import.photos(assessment_id, room_id)) == 7

    set_disk(workspace, disk, full=False)  # space is back: the clinician runs the same batch again
    _, again = run_to_end(workspace.photo_import.import_files(assessment_id, room_id, None, twelve))
    assert again.headline == "5 of 12 photos saved; 7 already added here"
    assert sorted(again.skipped) == [p.name for p in twelve[:7]]
    assert len(workspace.photo_import.photos(assessment_id, room_id)) == 12


def test_the_same_picture_twice_in_one_batch_is_stored_once(workspace, visit, twelve, tmp_path):
    assessment_id, room_id = visit
    copy = tmp_path / "copy of IMG_0000.jpg"
    copy.write_bytes(twelve[0].read_bytes())
    _, summary = run_to_end(workspace.photo_import.import_files(assessment_id, room_id, None, [twelve[0], copy]))
    assert summary.headline == "1 of 2 photos saved; 1 already added here"
    assert summary.skipped == ["copy of IMG_0000.jpg"]
