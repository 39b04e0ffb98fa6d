"""ReportService: what it gathers, and how a saved report is recorded."""

from __future__ import annotations

import hashlib
import io

import pytest
from pypdf import PdfReader

from homeassess.domain.refusals import NotFound
from homeassess.services.reports import ReportNotSaved, ReportService, UnknownAudience, page_count
from homeassess.store.repositories import ReportRepository


def test_save_writes_the_file_records_it_and_audits_without_health_information(demo_workspace, tmp_path):
    service = ReportService(demo_workspace)
    aid = demo_workspace.demo_id
    pdf = service.build(aid, "landlord")
    target = tmp_path / "out" / service.suggested_file_name(aid, "landlord")
    target.parent.mkdir()
    row = service.save(aid, "landlord", pdf, target).value
    assert target.read_bytes() == pdf
    assert row.file_name == target.name and "/" not in row.file_name
    assert row.sha256 == hashlib.sha256(pdf).hexdigest()
    assert row.page_count == len(PdfReader(io.BytesIO(pdf)).pages) == page_count(pdf)
    assert [r.id for r in ReportRepository(demo_workspace.store.engine).list(aid)] == [row.id]
    event = [e for e in demo_workspace.audit.for_assessment(aid) if e.action == "report"][-1]
    assert event.detail == f"landlord {row.sha256[:12]}"
    client = demo_workspace.assessments.open(aid).client
    assert client.name not in event.detail and client.diagnosis not in event.detail
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind


def test_the_suggested_file_name_carries_no_client_name(demo_workspace):
    service = ReportService(demo_workspace)
    view = demo_workspace.assessments.open(demo_workspace.demo_id)
    name = service.suggested_file_name(view.id, "clinical")
    assert name == f"homeassess-{view.id}-clinical-{view.details.visit_date.isoformat()}.pdf"
    assert not any(part.lower() in name.lower() for part in view.client.name.split())


def test_an_unwritable_target_leaves_no_record(demo_workspace, tmp_path):
    service = ReportService(demo_workspace)
    with pytest.raises(ReportNotSaved, match=r"^The report could not be written there \(No such file or directory\)"):
        service.save(demo_workspace.demo_id, "clinical", b"%PDF-1.4", tmp_path / "missing" / "x.pdf")
    assert ReportRepository(demo_workspace.store.engine).list(demo_workspace.demo_id) == []


def test_gather_refuses_unknown_ids_and_audiences(workspace):
    service = ReportService(workspace)
    with pytest.raises(NotFound):
        service.gather(999, "clinical")
    with pytest.raises(UnknownAudience, match="use one of clinical, contractor, landlord"):
        service.gather(1, "plumber")


def test_rooms_can_be_chosen_and_totals_follow_them(demo_workspace):
    service = ReportService(demo_workspace)
    rooms = demo_workspace.assessments.open(demo_workspace.demo_id).rooms
    everything = service.gather(demo_workspace.demo_id, "clinical")
    one = service.gather(demo_workspace.demo_id, "clinical", rooms=[rooms[1].id])
    assert [r.name for r in one.rooms] == [rooms[1].name]
    assert sum(t.count for t in one.totals) == len(one.recommendations) < len(everything.recommendations)
    assert len(everything.rooms) == len(rooms)


def test_the_contractor_gets_one_work_item_per_piece_of_work(demo_workspace):
    service = ReportService(demo_workspace)
    data = service.gather(demo_workspace.demo_id, "contractor")
    for room in data.rooms:
        titles = [r.title for r in room.recommendations]
        assert len(titles) == len(set(titles)), room.name
    assert all(r.category != "behaviour_education" for r in data.recommendations)
    landlord = service.gather(demo_workspace.demo_id, "landlord")
    assert {r.category for r in landlord.recommendations} <= {"minor_modification", "major_modification"}


def test_millimetres_convert_the_measurements_a_work_item_rests_on(demo_workspace):
    service = ReportService(demo_workspace)
    data = service.gather(demo_workspace.demo_id, "contractor", millimetres=True)
    measured = [m for r in data.recommendations for m in r.measurements]
    assert measured
    assert all(" in" not in f"{m.measured} " for m in measured)
    assert any(m.measured.endswith(" mm") for m in measured)
