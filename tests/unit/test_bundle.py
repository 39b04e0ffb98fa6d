"""Exporting an assessment to an encrypted file and importing it: round trip, refusals, duplicates."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import random
import time
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, text
from sqlmodel import select

from homeassess.bundle.schema import (
    DAMAGED,
    DOCUMENT_MEMBER,
    INNER_MEMBER,
    MANIFEST_MEMBER,
    NEWER,
    PAYLOAD_MEMBER,
    Response,
    pack_zip,
    read_zip,
    seal,
    unseal,
)
from homeassess.domain.limits import BUNDLE, KDF
from homeassess.domain.verdicts import Verdict
from homeassess.services.assessments import AssessmentDetails, NewAssessment
from homeassess.services.bundle_transfer import BundleError, BundleService, DuplicateAssessment
from homeassess.services.demo import install_demo
from homeassess.services.workspace import Workspace
from homeassess.store.repositories.session import read_session
from homeassess.store.store import Store
from homeassess.store.tables import AssessmentRow, AuditRow
from tests.conftest import PASSPHRASE, StoreTemplate, open_copy

FILE_PASSPHRASE = "export passphrase for the office"
CHEAP = dataclasses.replace(KDF, n_log2=14)  # files made here cost 2^14 to open; the real cost is tested once
CLIENT_WORDS = (b"Ellison", b"Margaret", b"Larkspur")
TABLES = ("client", "assessment", "room", "response", "photo", "photo_data", "recommendation", "report", "audit_event")


# --- helpers ---------------------------------------------------------------------------------


def jpeg(width: int, height: int, seed: int) -> bytes:
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (width, height), bytes(rng.getrandbits(8) for _ in range(width * height * 3)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def add_photo(ws: Workspace, assessment_id: int, seed: int, room_index: int | None = 0, item_id: str | None = None) -> str:
    rooms = ws.assessments.room_views(assessment_id)
    working, print_copy, thumb = jpeg(64, 48, seed), jpeg(48, 36, seed + 1), jpeg(16, 12, seed + 2)
    row = ws.photos_repo.add(
        assessment_id, rooms[room_index].id if room_index is not None else None, item_id,
        working=working, print_copy=print_copy, thumbnail=thumb, width=64, height=48,
        sha256=hashlib.sha256(working).hexdigest(), caption=f"photo {seed}",
    )
    return row.uid


def counts(ws: Workspace) -> dict[str, int]:
    with read_session(ws.store.engine) as session:
        return {table: session.exec(text(f"SELECT count(*) FROM {table}")).one()[0] for table in TABLES}


def decrypt(path: Path, passphrase: str = FILE_PASSPHRASE) -> tuple[dict, bytes, dict[str, bytes]]:
    manifest, inner = unseal(path.read_bytes(), passphrase, BUNDLE)
    members = read_zip(inner, BUNDLE, INNER_MEMBER)
    return manifest, members[DOCUMENT_MEMBER], members


def repack(source: Path, target: Path, change) -> Path:  # change(document, members)
    """Decrypt, let ``change`` edit the document dict and the members, then seal again properly."""
    _, raw, members = decrypt(source)
    document = json.loads(raw)
    change(document, members)
    members[DOCUMENT_MEMBER] = json.dumps(document).encode()
    target.write_bytes(seal(pack_zip(members), FILE_PASSPHRASE, CHEAP))
    return target


def seal_raw_inner(target: Path, build) -> Path:  # build(zipfile.ZipFile)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        build(archive)
    target.write_bytes(seal(buffer.getvalue(), FILE_PASSPHRASE, CHEAP))
    return target


def findings(ws: Workspace, assessment_id: int) -> list[tuple]:
    return [
        (room.name, response.item_id, response.value_text, finding.verdict.value, finding.message)
        for room, response, finding in ws.checklist.findings(assessment_id)
    ]


@pytest.fixture
def other(tmp_path, judge):
    ws = Workspace.build(Store.open(tmp_path / "other", PASSPHRASE, create=True), judge)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def demo_without_photos(tmp_path_factory) -> Path:
    """The demo's document without its photos, so these tests can count exactly the photos they add."""
    from homeassess.services.demo import load_demo_document

    doc = load_demo_document()
    doc.pop("photos", None)
    path = tmp_path_factory.mktemp("demo") / "demo_assessment.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def demo_without_photos_template(tmp_path_factory, judge, demo_without_photos) -> StoreTemplate:
    """A store holding that demo, built once (installing the demo takes seconds) and copied by the tests."""
    data_dir = tmp_path_factory.mktemp("template-demo-without-photos")
    ws = Workspace.build(Store.open(data_dir, PASSPHRASE, create=True), judge)
    try:
        demo_id, _ = install_demo(ws, demo_without_photos)
    finally:
        ws.close()
    return StoreTemplate(data_dir, demo_id)


@pytest.fixture
def demo_workspace(data_dir, judge, demo_without_photos_template):
    ws = open_copy(demo_without_photos_template, data_dir, judge)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def shared(tmp_path_factory, judge, demo_without_photos_template):
    """The demo plus two photos, exported once."""
    root = tmp_path_factory.mktemp("bundle")
    ws = open_copy(demo_without_photos_template, root / "store", judge)
    add_photo(ws, ws.demo_id, 1, room_index=0, item_id="door_clear_width")
    add_photo(ws, ws.demo_id, 5, room_index=None)
    path = root / "out" / "demo.hax"
    path.parent.mkdir()
    BundleService(ws, kdf=CHEAP).export(ws.demo_id, path, FILE_PASSPHRASE)
    yield ws, path
    ws.close()


@pytest.fixture
def source(shared) -> Workspace:
    """Read-only use only: tests that change the store take ``demo_workspace``."""
    return shared[0]


@pytest.fixture
def exported(shared) -> Path:
    return shared[1]


# --- round trip ------------------------------------------------------------------------------


def test_export_import_export_gives_an_equal_document_and_identical_photos(source, other, exported, tmp_path):
    result = BundleService(other, kdf=CHEAP).import_file(exported, FILE_PASSPHRASE)
    assert result.replaced_id is None and not result.new_uid
    again = tmp_path / "again.hax"
    BundleService(other, kdf=CHEAP).export(result.assessment_id, again, FILE_PASSPHRASE)

    _, first_doc, first = decrypt(exported)
    _, second_doc, second = decrypt(again)
    assert json.loads(first_doc) == json.loads(second_doc)
    assert first_doc == second_doc  # canonical bytes, too
    assert first.keys() == second.keys() and len(first) == 1 + 2 * 3
    assert all(first[name] == second[name] for name in first)

    original, copy = source.assessments.open(source.demo_id), other.assessments.open(result.assessment_id)
    assert copy.uid == original.uid and copy.client == original.client and copy.details == original.details
    assert [(r.name, r.room_type, r.answered, r.findings) for r in copy.rooms] == \
        [(r.name, r.room_type, r.answered, r.findings) for r in original.rooms]
    assert findings(other, result.assessment_id) == findings(source, source.demo_id)
    assert findings(other, result.assessment_id)
    source_recs = [(v.room_name, v.title, v.status) for v in source.recommendations.list(source.demo_id)]
    assert [(v.room_name, v.title, v.status) for v in other.recommendations.list(result.assessment_id)] == source_recs
    photos = other.photos_repo.list(result.assessment_id)
    assert [p.caption for p in photos] == ["photo 1", "photo 5"]
    assert photos[0].room_id == copy.rooms[0].id and photos[0].item_id == "door_clear_width" and photos[1].room_id is None


def test_import_preserves_timestamps(source, other, exported):
    result = BundleService(other, kdf=CHEAP).import_file(exported, FILE_PASSPHRASE)
    original = source.assessments.assessments.get(source.demo_id)
    copy = other.assessments.assessments.get(result.assessment_id)
    assert [copy.fields[k] for k in ("created_at", "updated_at")] == [original.fields[k] for k in ("created_at", "updated_at")]


def test_the_file_is_encrypted_and_says_nothing_about_the_client(source, exported):
    data = exported.read_bytes()
    assert not any(word in data for word in CLIENT_WORDS)
    assert not any(word.lower() in data.lower() for word in CLIENT_WORDS)
    with zipfile.ZipFile(exported) as archive:
        assert archive.namelist() == [MANIFEST_MEMBER, PAYLOAD_MEMBER]
        manifest = json.loads(archive.read(MANIFEST_MEMBER))
    assert set(manifest) == {"format", "container_version", "app_version", "exported_at", "kdf", "cipher"}
    assert manifest["kdf"]["name"] == "scrypt" and manifest["kdf"]["n"] == 2**14 and manifest["cipher"]["name"] == "AES-256-GCM"
    name = BundleService(source, kdf=CHEAP).suggested_file_name(source.demo_id)
    assert name == f"homeassess-{source.demo_id}-2026-11-18.hax"
    assert not any(word.decode().lower() in name.lower() for word in CLIENT_WORDS)
    assert [p.name for p in exported.parent.iterdir()] == ["demo.hax"]  # no temporary file left behind


def test_export_and_import_are_audited_without_health_information(source, other, exported):
    result = BundleService(other, kdf=CHEAP).import_file(exported, FILE_PASSPHRASE)
    export_rows = [r for r in source.audit.for_assessment(source.demo_id) if r.action == "export"]
    import_rows = [r for r in other.audit.for_assessment(result.assessment_id) if r.action == "import"]
    assert len(export_rows) == 1 and len(import_rows) == 1
    for row in (*export_rows, *import_rows):
        assert "demo.hax" not in row.detail and not any(w.decode() in row.detail for w in CLIENT_WORDS)
        assert "10 rooms, 2 photos" in row.detail


def test_inspect_describes_the_file_without_writing(source, other, exported):
    before = counts(other)
    info = BundleService(other, kdf=CHEAP).inspect(exported, FILE_PASSPHRASE)
    assert counts(other) == before
    assert (info.rooms, info.photos, info.existing_id, info.client_name) == (10, 2, None, "Margaret Ellison")
    assert BundleService(source, kdf=CHEAP).inspect(exported, FILE_PASSPHRASE).existing_id == source.demo_id


def test_export_refuses_an_unknown_assessment_and_an_unwritable_place(source, tmp_path):
    service = BundleService(source, kdf=CHEAP)
    with pytest.raises(BundleError, match="no assessment with id 999"):
        service.export(999, tmp_path / "x.hax", FILE_PASSPHRASE)
    with pytest.raises(BundleError, match="could not write the export file"):
        service.export(source.demo_id, tmp_path / "missing-folder" / "x.hax", FILE_PASSPHRASE)
    with pytest.raises(BundleError, match="needs a passphrase"):
        service.export(source.demo_id, tmp_path / "x.hax", "")


def test_response_verdicts_in_the_schema_match_the_domain():
    allowed = set(Response.model_fields["verdict"].annotation.__args__)
    assert allowed == {""} | {v.value for v in Verdict}


# --- refusals: the store is unchanged ---------------------------------------------------------


def _flip_payload_byte(path: Path, target: Path) -> Path:
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(PAYLOAD_MEMBER)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x01
    target.write_bytes(bytes(data))
    return target


def _change_manifest(path: Path, target: Path, **changes: object) -> Path:
    with zipfile.ZipFile(path) as archive:
        manifest, payload = json.loads(archive.read(MANIFEST_MEMBER)), archive.read(PAYLOAD_MEMBER)
    manifest.update(changes)
    target.write_bytes(pack_zip({MANIFEST_MEMBER: json.dumps(manifest).encode(), PAYLOAD_MEMBER: payload}))
    return target


def _with_outer_member(path: Path, target: Path, name: str) -> Path:
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    target.write_bytes(pack_zip({**members, name: b"x"}))
    return target


def _zip_bomb(archive: zipfile.ZipFile) -> None:
    info = zipfile.ZipInfo("photos/abc/working.jpg", date_time=(1980, 1, 1, 0, 0, 0))  # within its 8 MiB cap
    info.compress_type = zipfile.ZIP_DEFLATED
    chunk = b"\0" * 2**20
    with archive.open(info, "w", force_zip64=True) as stream:
        for _ in range(8):
            stream.write(chunk)


def _photo_member(members: dict[str, bytes]) -> str:
    return next(name for name in members if name.endswith("working.jpg"))


def _set(path: tuple, value: object):
    def change(document: dict, members: dict) -> None:
        node = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


REFUSALS = {
    "wrong passphrase": (lambda src, dst: src, "wrong passphrase", "not the passphrase"),
    "truncated at the end": (lambda src, dst: (dst.write_bytes(src.read_bytes()[:-40]), dst)[1], DAMAGED, None),
    "truncated in half": (lambda src, dst: (dst.write_bytes(src.read_bytes()[: src.stat().st_size // 2]), dst)[1], DAMAGED, None),
    "flipped payload byte": (_flip_payload_byte, DAMAGED, None),
    "changed manifest": (lambda src, dst: _change_manifest(src, dst, exported_at="2020-01-01T00:00:00Z"), DAMAGED, None),
    "changed kdf in manifest": (lambda s, d: _change_manifest(s, d, kdf={**json.loads(zipfile.ZipFile(s).read(MANIFEST_MEMBER))["kdf"],
                                                                          "n": 2**15}), DAMAGED, None),
    "newer container": (lambda src, dst: _change_manifest(src, dst, container_version=2), NEWER, None),
    "not ours": (lambda src, dst: _change_manifest(src, dst, format="something-else"), "not a HomeAssess assessment file", None),
    "not a zip": (lambda src, dst: (dst.write_bytes(b"just some text\n" * 100), dst)[1], "not a HomeAssess assessment file", None),
    "empty file": (lambda src, dst: (dst.write_bytes(b""), dst)[1], "not a HomeAssess assessment file", None),
    "missing file": (lambda src, dst: dst, "cannot be read", None),
    "outer ../evil": (lambda src, dst: _with_outer_member(src, dst, "../evil"), "did not put there", None),
    "outer extra member": (lambda src, dst: _with_outer_member(src, dst, "notes.txt"), "did not put there", None),
    "schema_version 99": (lambda s, d: repack(s, d, _set(("schema_version",), 99)), NEWER, None),
    "schema_version missing": (lambda s, d: repack(s, d, lambda doc, m: doc.pop("schema_version")), "schema version", None),
    "newer catalogue": (lambda s, d: repack(s, d, _set(("assessment", "catalogue_version"), "9999.1")), "newer checklist", None),
    "unknown room type": (lambda s, d: repack(s, d, lambda doc, m: doc["rooms"][0].update(room_type="ballroom")), "room type", None),
    "unknown item": (lambda s, d: repack(s, d, lambda doc, m: doc["rooms"][0]["responses"][0].update(item_id="flux_capacitor")),
                     "checklist item", None),
    "unknown standard": (lambda s, d: repack(s, d, _set(("assessment", "standard"), "bs8300")), "standard", None),
    "invalid field": (lambda s, d: repack(s, d, _set(("assessment", "status"), "Margaret Ellison")), "not valid (at assessment.status)",
                      None),
    "unknown field": (lambda s, d: repack(s, d, _set(("assessment", "extra"), 1)), "a field HomeAssess does not know (in assessment)", None),
    "duplicate photo uids": (lambda s, d: repack(s, d, lambda doc, m: doc["photos"].append(doc["photos"][0])), "same photo twice", None),
    "duplicate room keys": (lambda s, d: repack(s, d, lambda doc, m: doc["rooms"].append(doc["rooms"][0])), "same room twice", None),
    "dangling room key": (lambda s, d: repack(s, d, lambda doc, m: doc["photos"][0].update(room="room-99")), "refers to a room", None),
    "photo sha mismatch": (lambda s, d: repack(s, d, lambda doc, m: m.update({_photo_member(m): jpeg(64, 48, 99)})), "checksum", None),
    "photo missing": (lambda s, d: repack(s, d, lambda doc, m: m.pop(_photo_member(m))), "incomplete", None),
    "document missing": (lambda s, d: seal_raw_inner(d, lambda z: z.writestr("photos/abc/working.jpg", b"x")), "incomplete", None),
    "unreferenced photo": (lambda s, d: repack(s, d, lambda doc, m: m.update({"photos/abc/thumb.jpg": b"x"})), "did not put", None),
    "inner ../evil": (lambda s, d: seal_raw_inner(d, lambda z: z.writestr("../evil", b"x")), "unsafe path", None),
    "inner /abs": (lambda s, d: seal_raw_inner(d, lambda z: z.writestr("/abs", b"x")), "unsafe path", None),
    "inner drive letter": (lambda s, d: seal_raw_inner(d, lambda z: z.writestr("C:/evil", b"x")), "unsafe path", None),
    "inner backslash": (lambda s, d: seal_raw_inner(d, lambda z: z.writestr("photos\\..\\evil", b"x")), "unsafe path", None),
    "inner not a zip": (lambda s, d: (d.write_bytes(seal(b"not a zip at all", FILE_PASSPHRASE, CHEAP)), d)[1], "HomeAssess", None),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_a_bad_file_is_refused_with_one_plain_line_and_the_store_unchanged(case, source, exported, tmp_path):
    make, message, passphrase = REFUSALS[case]
    bad = make(exported, tmp_path / "bad.hax")
    before = counts(source)
    with pytest.raises(BundleError) as caught:
        BundleService(source, kdf=CHEAP).import_file(bad, passphrase or FILE_PASSPHRASE, "replace")
    assert message in str(caught.value)
    assert not isinstance(caught.value, DuplicateAssessment)
    assert "\n" not in str(caught.value)
    assert not any(word.decode() in str(caught.value) for word in CLIENT_WORDS)
    assert counts(source) == before


def test_total_size_cap_is_checked_on_the_headers(source, exported):
    with pytest.raises(BundleError, match="more than HomeAssess accepts"):
        BundleService(source, dataclasses.replace(BUNDLE, max_total=50_000), kdf=CHEAP).inspect(exported, FILE_PASSPHRASE)


def test_zip_bomb_is_refused_on_its_headers_without_unpacking(source, tmp_path):
    bomb = seal_raw_inner(tmp_path / "bomb.hax", _zip_bomb)  # 8 MiB of zeros in about 8 KB
    before = counts(source)
    start = time.perf_counter()
    with pytest.raises(BundleError, match="zip bomb"):
        BundleService(source, kdf=CHEAP).import_file(bomb, FILE_PASSPHRASE, "replace")
    assert time.perf_counter() - start < 2
    assert counts(source) == before


# --- duplicates ------------------------------------------------------------------------------


def _uid_count(ws: Workspace, uid: str) -> int:
    with read_session(ws.store.engine) as session:
        return session.exec(select(func.count()).select_from(AssessmentRow).where(AssessmentRow.uid == uid)).one()


def test_duplicate_with_ask_raises_and_writes_nothing(source, exported):
    before = counts(source)
    with pytest.raises(DuplicateAssessment) as caught:
        BundleService(source, kdf=CHEAP).import_file(exported, FILE_PASSPHRASE)
    assert caught.value.existing_id == source.demo_id
    assert counts(source) == before


def test_keep_both_adds_a_second_copy_with_fresh_uids(demo_workspace, exported):
    before = counts(demo_workspace)  # the demo without photos; the file has the demo plus two
    result = BundleService(demo_workspace, kdf=CHEAP).import_file(exported, FILE_PASSPHRASE, "keep_both")
    after = counts(demo_workspace)
    assert result.new_uid and result.assessment_id != demo_workspace.demo_id
    for table in ("client", "assessment", "room", "response", "recommendation"):
        assert after[table] == 2 * before[table], table
    assert after["photo"] == after["photo_data"] == 2
    original = demo_workspace.assessments.open(demo_workspace.demo_id)
    copy = demo_workspace.assessments.open(result.assessment_id)
    assert copy.uid != original.uid and copy.client == original.client
    in_file = {p["uid"] for p in json.loads(decrypt(exported)[1])["photos"]}
    assert len(in_file) == 2 and not in_file & {p.uid for p in demo_workspace.photos_repo.list(result.assessment_id)}
    assert findings(demo_workspace, result.assessment_id) == findings(demo_workspace, demo_workspace.demo_id)


def test_replace_swaps_the_copy_in_one_go_and_keeps_follow_ups_linked(demo_workspace, exported):
    ws = demo_workspace
    follow_up = ws.assessments.create(NewAssessment(client={"name": "Someone Else"}, details=AssessmentDetails(), rooms=[])).value
    ws.assessments.assessments.update(follow_up, parent_id=ws.demo_id)
    ws.checklist.record(ws.assessments.room_views(ws.demo_id)[0].id, "door_clear_width", "20")  # a change the file undoes
    before = counts(ws)
    result = BundleService(ws, kdf=CHEAP).import_file(exported, FILE_PASSPHRASE, "replace")
    after = counts(ws)
    assert result.replaced_id == ws.demo_id and result.assessment_id != ws.demo_id
    assert ws.assessments.assessments.get(ws.demo_id) is None
    assert _uid_count(ws, "5f0c0e1e-0d6a-4c7e-9a53-demo00000001") == 1
    assert ws.assessments.assessments.get(follow_up).parent_id == result.assessment_id
    for table in ("client", "assessment", "room"):
        assert after[table] == before[table], table
    assert (before["photo"], after["photo"], after["photo_data"]) == (0, 2, 2)
    assert after["audit_event"] == before["audit_event"] + 1
    with read_session(ws.store.engine) as session:
        last = session.exec(select(AuditRow).order_by(AuditRow.id.desc())).first()
    assert last.action == "import" and "replaced" in last.detail


def test_a_follow_up_carries_its_original_so_the_link_survives_import(demo_workspace, other, tmp_path):
    ws = demo_workspace
    follow_up = ws.assessments.create(NewAssessment(client={"name": "Someone Else"}, details=AssessmentDetails(), rooms=[])).value
    ws.assessments.assessments.update(follow_up, parent_id=ws.demo_id)
    path = tmp_path / "follow-up.hax"
    BundleService(ws, kdf=CHEAP).export(follow_up, path, FILE_PASSPHRASE)
    document = json.loads(decrypt(path)[1])
    assert document["assessment"]["parent_uid"] == "5f0c0e1e-0d6a-4c7e-9a53-demo00000001"
    assert document["original"]["assessment"]["uid"] == "5f0c0e1e-0d6a-4c7e-9a53-demo00000001"
    result = BundleService(other, kdf=CHEAP).import_file(path, FILE_PASSPHRASE)
    parent = other.assessments.assessments.get(result.assessment_id).parent_id
    assert other.assessments.assessments.get(parent).uid == "5f0c0e1e-0d6a-4c7e-9a53-demo00000001"
