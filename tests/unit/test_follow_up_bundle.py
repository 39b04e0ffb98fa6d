"""Export and import carry a follow-up with its original: the link, installed items, measurements,
outcomes, goal scores and after photos, as the clinician who imports it sees them."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from homeassess.bundle.document import parse_document
from homeassess.services.bundle_transfer import BundleError, BundleService
from homeassess.services.workspace import Workspace
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE, StoreTemplate, open_copy
from tests.unit.test_bundle import CHEAP, FILE_PASSPHRASE, counts, decrypt, repack


def _picture() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (120, 140, 160)).save(out, "JPEG", quality=85)
    return out.getvalue()


def _recorded_follow_up(ws: Workspace) -> int:
    """The demo with a baseline, finalised, and a follow-up with statuses, a deviation, outcomes and an after photo."""
    ws.outcomes.set_goal(ws.demo_id, 0, 3, 2, "much")
    ws.outcomes.set_measures(ws.demo_id, recorded_on=date(2026, 9, 1), falls_3m=3, fall_concern=8)
    ws.assessments.set_status(ws.demo_id, "final")
    fid = ws.follow_ups.start(ws.demo_id).value
    items = ws.follow_ups.items(fid)
    bar = next(i for i in items if i.library_id == "grab_bars_toilet")
    ws.follow_ups.set_status(fid, bar.installation_id, "deviations")
    ws.follow_ups.set_installed(fid, bar.installation_id, date(2026, 11, 2), "Acme Builders")
    ws.follow_ups.record_check(fid, bar.installation_id, "height", "38")
    hinges = next(i for i in items if i.library_id == "offset_hinges")
    ws.follow_ups.set_status(fid, hinges.installation_id, "not_done", "landlord_declined", "Lease terms")
    ws.outcomes.set_goal(fid, 0, 8, 9, "some")
    ws.outcomes.set_measures(fid, recorded_on=date.today(), falls_3m=0, fall_concern=3)
    room = next(r.id for r in ws.assessments.room_views(fid) if r.name == bar.room_name)
    ws.photo_import.import_bytes(fid, room, None, _picture(), recommendation_id=bar.recommendation_id)
    return fid


def _seen(ws: Workspace, fid: int) -> dict:
    """What the clinician sees of a follow-up (ids left out: they differ between stores)."""
    record = ws.follow_ups.record(fid)
    items = [(i.ref.split(":")[-1], i.room_name, i.title, i.status, i.reason, i.reason_note, i.installed_on, i.installed_by,
              [(c.check.id, c.value_text, c.verdict, c.message) for c in i.checks], len(i.before_photos), len(i.after_photos))
             for i in record.items]
    return {"items": items, "baseline": record.baseline, "follow_up": record.follow_up, "changes": record.changes,
            "original_uid": ws.assessments.assessments.get(record.original_id).uid}


@pytest.fixture(scope="module")
def exported_once(tmp_path_factory, judge, demo_store_template) -> tuple[StoreTemplate, int, Path]:
    """The follow-up recorded and exported once per module: its store (closed, to copy), its id and the file."""
    folder = tmp_path_factory.mktemp("follow-up-export")
    ws = open_copy(demo_store_template, folder / "store", judge)
    try:
        fid = _recorded_follow_up(ws)
        path = folder / "follow-up.hax"
        BundleService(ws, kdf=CHEAP).export(fid, path, FILE_PASSPHRASE)
    finally:
        ws.close()
    return StoreTemplate(folder / "store", demo_store_template.demo_id), fid, path


@pytest.fixture
def exported(exported_once, data_dir, judge) -> Iterator[tuple[Workspace, int, Path]]:
    """This test's own copy of the store the follow-up was exported from, its id and the file (read only)."""
    template, fid, path = exported_once
    ws = open_copy(template, data_dir, judge)
    yield ws, fid, path
    ws.close()


def test_a_follow_up_and_its_original_arrive_together_as_they_were(exported, tmp_path, judge):
    ws, fid, path = exported
    other = Workspace.build(Store.open(tmp_path / "other", PASSPHRASE, create=True), judge)
    try:
        imported = BundleService(other, kdf=CHEAP).import_file(path, FILE_PASSPHRASE).assessment_id
        seen = _seen(other, imported)
        assert seen == _seen(ws, fid)
        bar = next(i for i in seen["items"] if i[0] == "grab_bars_toilet")
        assert bar[3].value == "deviations" and bar[8][0][1] == "38" and bar[8][0][2].value == "fails"
        assert bar[10] == 1  # the after photo, still paired with its recommendation
        assert seen["follow_up"].falls_3m == 0 and seen["baseline"].falls_3m == 3
        listed = {s.id: s for s in other.assessments.list()}
        assert listed[imported].parent_id is not None and listed[listed[imported].parent_id].follow_ups == 1
        again = tmp_path / "again.hax"
        BundleService(other, kdf=CHEAP).export(imported, again, FILE_PASSPHRASE)
        assert json.loads(decrypt(again)[1]) == json.loads(decrypt(path)[1])  # export → import → export: the same document
    finally:
        other.close()


def test_importing_a_follow_up_beside_its_original_links_to_the_stored_original(exported):
    ws, fid, path = exported
    before = len(ws.assessments.list())
    imported = BundleService(ws, kdf=CHEAP).import_file(path, FILE_PASSPHRASE, "keep_both").assessment_id
    assert len(ws.assessments.list()) == before + 1  # the follow-up only: the original is already here
    assert ws.follow_ups.link(imported).original_id == ws.demo_id
    assert _seen(ws, imported) == _seen(ws, fid)


def test_the_schema_4_document_names_recommendations_by_key_and_older_documents_still_read(exported):
    _, _, path = exported
    document = json.loads(decrypt(path)[1])
    assert document["schema_version"] == 4 and document["original"]["outcome"]["falls_3m"] == 3
    keys = {r["key"] for r in document["original"]["recommendations"]}
    assert document["installations"] and all(i["recommendation"] in keys for i in document["installations"])
    older = {k: v for k, v in document.items() if k not in ("original", "installations", "outcome", "goal_scores")}
    older["schema_version"] = 3
    older["assessment"] = {k: v for k, v in older["assessment"].items() if k != "followup_due"}
    older["photos"] = [{k: v for k, v in p.items() if k != "recommendation"} for p in older["photos"]]
    older["recommendations"] = [{k: v for k, v in r.items() if k != "key"} for r in older["recommendations"]]
    parsed = parse_document(json.dumps(older).encode())
    assert parsed.schema_version == 3 and parsed.original is None and parsed.installations == []


@pytest.mark.parametrize(("change", "sentence"), [
    (lambda d: d["installations"][0].update(recommendation="rec-9999"), "refers to a recommendation or room that is not in it"),
    (lambda d: d["original"]["assessment"].update(uid="someone-else"), "not the one the follow-up names"),
    (lambda d: d["installations"].append(dict(d["installations"][0])), "the same installed item twice"),
    (lambda d: d["installations"][0].update(status="installed_maybe"), "not valid"),
    (lambda d: d["goal_scores"][0].update(performance=11), "outside the range"),
    (lambda d: d["photos"][0].update(recommendation="rec-9999"), "refers to a recommendation that is not in it"),
])
def test_a_changed_follow_up_file_is_refused_with_a_sentence_and_nothing_is_written(exported, tmp_path, change, sentence):
    ws, _, path = exported
    before = counts(ws)
    bad = repack(path, tmp_path / "bad.hax", lambda document, members: change(document))
    with pytest.raises(BundleError, match=sentence):
        BundleService(ws, kdf=CHEAP).import_file(bad, FILE_PASSPHRASE, "keep_both")
    assert counts(ws) == before
