"""Hostile export files: every case ends in a one-line refusal (or a valid import), the store unchanged.

Crafted containers (many members, zip bombs of small members, deep and huge JSON, overflowing
numbers, non-JPEG photo members, special files) and 650 single-byte flips of a real export
(issue 15). Refusals never quote the file's content: not the client's name, not an unknown
field's name, not a catalogue id. Time and memory per case: ``benchmarks/hostile_inputs.py``.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from homeassess.bundle import container
from homeassess.bundle.schema import (
    DOCUMENT_MEMBER,
    INNER_MEMBER,
    MANIFEST_MEMBER,
    PAYLOAD_MEMBER,
    read_zip,
    seal,
    unseal,
)
from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.limits import BUNDLE, KDF
from homeassess.photos import process_photo
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.bundle_transfer import BundleError, BundleService
from tests.hostile_corpus import (
    byte_flips,
    deep_json,
    jpeg,
    many_members,
    nested_document,
    png_bomb,
    png_header_only,
    scan_bomb,
    truncated_giant_jpeg,
    zip_of,
)

FILE_PASSPHRASE = "a passphrase for the file"
CHEAP = dataclasses.replace(KDF, n_log2=14)
CLIENT = "Philippa Underhill-Oyelaran"
TABLES = ("client", "assessment", "room", "response", "photo", "photo_data", "recommendation", "audit_event")


@pytest.fixture
def small(workspace) -> tuple[object, Path]:
    """A small assessment (two rooms, answers, a recommendation, one photo) exported with a cheap KDF."""
    ws = workspace
    assessment_id = ws.assessments.create(NewAssessment(
        client=ClientProfile(name=CLIENT, diagnosis="multiple sclerosis"), details=AssessmentDetails(),
        rooms=[RoomSpec(type="entrance"), RoomSpec(type="bathroom")],
    )).value
    room = ws.assessments.room_views(assessment_id)[0].id
    ws.checklist.record(room, "door_clear_width", "30")
    ws.recommendations.add_custom(assessment_id, room, "Widen the door", specification="to 36 in", cost_low=100, cost_high=900)
    made = process_photo(jpeg((640, 480), noise=True))
    ws.photos_repo.add(assessment_id, room, None, working=made.working, print_copy=made.print_copy,
                       thumbnail=made.thumbnail, width=made.width, height=made.height, sha256=made.sha256)
    path = ws.store.data_dir.parent / "small.hax"
    BundleService(ws, kdf=CHEAP).export(assessment_id, path, FILE_PASSPHRASE)
    return ws, path


def counts(ws) -> dict[str, int]:  # noqa: ANN001 - a Workspace
    with ws.store.engine.connect() as conn:
        return {table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() for table in TABLES}


def members_of(path: Path) -> tuple[dict, dict[str, bytes]]:
    manifest, inner = unseal(path.read_bytes(), FILE_PASSPHRASE)
    members = {name: bytes(data) for name, data in read_zip(inner, BUNDLE, INNER_MEMBER).items()}
    return json.loads(members.pop(DOCUMENT_MEMBER)), members


def sealed(target: Path, document: dict | bytes, members: dict[str, bytes], compress: bool = False) -> Path:
    """Sealed as a forger would; stored by default, so that a very repetitive document meets the check
    it is aimed at rather than the compression-ratio check (which refuses it too)."""
    raw = document if isinstance(document, bytes) else json.dumps(document).encode()
    inner = zip_of({DOCUMENT_MEMBER: raw, **members}, compress=compress)
    target.write_bytes(seal(inner, FILE_PASSPHRASE, CHEAP))
    return target


def with_photo_member(document: dict, members: dict[str, bytes], rendition: str, data: bytes) -> None:
    """Replace one rendition's bytes and describe them truthfully (size, checksum), as a forger would."""
    import hashlib

    described = document["photos"][0]["files"][rendition]
    members[described["member"]] = data
    described.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())


def assert_refused(ws, path: Path, expected: str) -> str:  # noqa: ANN001 - a Workspace
    before = counts(ws)
    with pytest.raises(BundleError) as refused:
        BundleService(ws, kdf=CHEAP).import_file(path, FILE_PASSPHRASE, "keep_both")
    message = str(refused.value)
    assert expected in message
    assert "\n" not in message and "Philippa" not in message and "Underhill" not in message
    assert counts(ws) == before
    return message


def _set(*path_and_value):  # noqa: ANN202 - a document change
    *path, value = path_and_value

    def change(document: dict, members: dict) -> None:
        node = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


DOCUMENT_CASES = {
    "schema_version true": (_set("schema_version", True), "no known schema version"),
    "schema_version 1.0": (_set("schema_version", 1.0), "no known schema version"),
    "integer 2^64": (_set("recommendations", 0, "cost_high", 2**64), "outside the range HomeAssess accepts"),
    "integer 2^53": (_set("rooms", 0, "position", 2**53), "outside the range HomeAssess accepts"),
    "negative cost": (_set("recommendations", 0, "cost_low", -5), "outside the range HomeAssess accepts (at recommendations[0].cost_low)"),
    "negative position": (_set("rooms", 1, "position", -1), "outside the range HomeAssess accepts (at rooms[1].position)"),
    "cost as text": (_set("recommendations", 0, "cost_low", "100"), "not valid (at recommendations[0].cost_low)"),
    "flag as number": (_set("photos", 0, "include_in_report", 1), "not valid (at photos[0].include_in_report)"),
    "900 KB room name": (_set("rooms", 0, "name", "R" * 900_000), "a text in this file is longer than HomeAssess accepts"),
    "2 MB one-word specification": (_set("recommendations", 0, "specification", "W" * 2_000_000),
                                    "a text in this file is longer than HomeAssess accepts"),
    "15,000-character specification": (_set("recommendations", 0, "specification", "word " * 3_000),
                                       "longer than HomeAssess accepts (at recommendations[0].specification)"),
    "400-character room name": (_set("rooms", 0, "name", "R" * 400), "longer than HomeAssess accepts (at rooms[0].name)"),
    "client name as an unknown field": (_set("client", "profile", CLIENT, 1), "does not know (in client.profile)"),
    "unknown field named like a real one": (_set("rooms", 0, "responses", 0, "title", "x"), "does not know (in rooms[0].responses[0])"),
    "client name in a list of 60": (_set("client", "profile", "conditions", [CLIENT] * 60), "more entries than HomeAssess accepts (at client)"),
    "NUL in a caption": (_set("photos", 0, "caption", "a\x00b"), "holds characters HomeAssess does not accept"),
    "unknown room type": (_set("rooms", 0, "room_type", "ballroom_of_" + CLIENT.split()[0].lower()), "room type this HomeAssess"),
    "unknown item": (_set("rooms", 0, "responses", 0, "item_id", "flux_capacitor"), "checklist item this HomeAssess"),
    "unknown library id": (_set("recommendations", 0, "library_id", "Philippa's ramp"), "not valid (at recommendations[0].library_id)"),
    "too many rooms": (lambda d, m: d["rooms"].extend(dict(d["rooms"][0], key=f"room-{n}") for n in range(3, 300)),
                       "more entries than HomeAssess accepts (at rooms)"),
    "nested 20 deep": (lambda d, m: d["client"]["profile"].update(goals=[nested_document(20)]), "nested deeper"),
}


@pytest.mark.parametrize("case", list(DOCUMENT_CASES))
def test_a_crafted_document_is_refused_without_quoting_it(case, small, tmp_path):
    ws, path = small
    document, members = members_of(path)
    change, expected = DOCUMENT_CASES[case]
    change(document, members)
    message = assert_refused(ws, sealed(tmp_path / "bad.hax", document, members), expected)
    assert "ballroom" not in message and "flux" not in message and "ramp" not in message
    assert_refused(ws, sealed(tmp_path / "packed.hax", document, members, compress=True), "")


RAW_DOCUMENTS = {
    "200,000 brackets deep": (deep_json(), "cannot be read"),
    "NaN": (b'{"schema_version": 1, "x": NaN}', "cannot be read"),
    "1e400": (b'{"schema_version": 1, "x": 1e400}', "outside the range"),
    "5,000-digit integer": (b'{"schema_version": 1, "x": ' + b"9" * 5000 + b"}", "cannot be read"),
    "not UTF-8": (b'{"schema_version": 1, "x": "\xff"}', "cannot be read"),
    "lone surrogate": (b'{"schema_version": 1, "x": "\\ud800"}', "holds characters"),
    "half a million values": (b'{"schema_version": 1, "x": [' + b"0," * 600_000 + b"0]}", "more entries"),
}


@pytest.mark.parametrize("case", list(RAW_DOCUMENTS))
def test_a_document_that_is_hostile_json_is_refused(case, small, tmp_path):
    ws, path = small
    raw, expected = RAW_DOCUMENTS[case]
    assert_refused(ws, sealed(tmp_path / "bad.hax", raw, {}), expected)


PHOTO_MEMBERS = {
    "HTML as a photo": (b"<html><script>alert(1)</script></html>", "not a JPEG"),
    "PNG as a photo": (png_bomb(640, 480, 2), "not a JPEG"),
    "65000 x 65000 PNG header": (png_header_only(65000, 65000), "not a JPEG"),
    "truncated JPEG claiming 7071 x 7071": (truncated_giant_jpeg(), "larger than its kind allows"),
    "truncated JPEG claiming 1500 x 1500": (truncated_giant_jpeg(1500), "seems damaged"),
    "scan bomb": (scan_bomb(500, (256, 256)), "too many passes"),
    "another picture than the record says": (jpeg((320, 240)), "not the size its record says"),
}


@pytest.mark.parametrize("case", list(PHOTO_MEMBERS))
def test_a_photo_member_goes_through_the_photo_budget(case, small, tmp_path):
    ws, path = small
    document, members = members_of(path)
    data, expected = PHOTO_MEMBERS[case]
    with_photo_member(document, members, "working", data)
    assert_refused(ws, sealed(tmp_path / "bad.hax", document, members), f"a photo in the file {'' if 'record' in case else 'cannot be imported'}")
    assert_refused(ws, tmp_path / "bad.hax", expected)


def test_two_thousand_members_of_a_mebibyte_are_refused_on_the_end_record(small, tmp_path):
    ws, _ = small
    inner = zip_of(many_members(2040), compress=True)  # 2 GB unpacked in about 2 MB
    path = tmp_path / "many.hax"
    path.write_bytes(seal(inner, FILE_PASSPHRASE, CHEAP))
    assert_refused(ws, path, "unpacks to more than HomeAssess accepts")


def test_small_members_are_held_to_the_compression_ratio_too(small, tmp_path):
    ws, path = small
    document, members = members_of(path)
    bomb = dict(members)
    bomb[next(n for n in members if n.endswith("print.jpg"))] = b"\0" * 2**20  # 1 MiB of zeros, about 1 KB packed
    assert_refused(ws, sealed(tmp_path / "bomb.hax", document, bomb, compress=True), "zip bomb")


def test_the_total_is_checked_on_the_headers(small, tmp_path):
    ws, path = small
    with pytest.raises(BundleError, match="more than HomeAssess accepts"):
        BundleService(ws, dataclasses.replace(BUNDLE, max_total=10_000), kdf=CHEAP).inspect(path, FILE_PASSPHRASE)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="POSIX devices")
def test_special_files_are_refused_without_reading(small, tmp_path):
    ws, _ = small
    fifo = tmp_path / "visit.hax"
    os.mkfifo(fifo)
    link = tmp_path / "zero.hax"
    link.symlink_to("/dev/zero")
    for path in (Path("/dev/zero"), link, fifo):
        assert_refused(ws, path, "not an ordinary file")
    folder = tmp_path / "folder.hax"
    folder.mkdir()
    assert_refused(ws, folder, "cannot be read")
    sparse = tmp_path / "huge.hax"
    with sparse.open("wb") as handle:
        handle.truncate(BUNDLE.max_file_bytes + 1)
    assert_refused(ws, sparse, "larger than HomeAssess accepts")


def _outer(manifest: dict | bytes, payload: bytes, deflated: bool = False) -> bytes:
    raw = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    return zip_of({MANIFEST_MEMBER: raw, PAYLOAD_MEMBER: payload}, compress=deflated)


def test_crafted_manifests_are_refused(small, tmp_path):
    ws, path = small
    with zipfile.ZipFile(path) as archive:
        manifest, payload = json.loads(archive.read(MANIFEST_MEMBER)), archive.read(PAYLOAD_MEMBER)
    cases = {
        "n = 2^64": ({**manifest, "kdf": {**manifest["kdf"], "n": 2**64}}, "damaged"),
        "n = 2^20 (1 GiB of memory)": ({**manifest, "kdf": {**manifest["kdf"], "n": 2**20}}, "damaged"),
        "p = 16": ({**manifest, "kdf": {**manifest["kdf"], "p": 16}}, "damaged"),
        "n as true": ({**manifest, "kdf": {**manifest["kdf"], "n": True}}, "damaged"),
        "version as true": ({**manifest, "container_version": True}, "damaged"),
        "extra field": ({**manifest, "note": CLIENT}, "damaged"),
        "deep": (b'{"format": "homeassess-assessment", "x": ' + deep_json(5_000) + b"}", "not a HomeAssess"),
        "over 64 KiB": (b'{"format": "homeassess-assessment", "x": ' + deep_json(100_000) + b"}", "damaged"),
        "Infinity": (json.dumps(manifest).replace('"p": 1', '"p": Infinity').encode(), "not a HomeAssess"),
    }
    for name, (bad, expected) in cases.items():
        target = tmp_path / f"{name}.hax"
        target.write_bytes(_outer(bad, payload))
        assert expected in assert_refused(ws, target, ""), name


def test_a_damaged_deflate_stream_is_a_refusal_not_a_crash(small, tmp_path):
    ws, path = small
    with zipfile.ZipFile(path) as archive:
        manifest, payload = archive.read(MANIFEST_MEMBER), archive.read(PAYLOAD_MEMBER)
    data = bytearray(_outer(manifest, payload, deflated=True))  # the layout older versions wrote
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(MANIFEST_MEMBER)
    start = info.header_offset + 30 + len(info.filename)
    data[start + 3: start + 9] = b"\xff" * 6  # inside the manifest's deflate stream
    target = tmp_path / "zlib.hax"
    target.write_bytes(bytes(data))
    assert_refused(ws, target, "damaged")


def test_an_older_file_with_deflated_members_and_the_old_kdf_cost_is_still_read(small, other_store, tmp_path):
    ws, path = small
    document, members = members_of(path)
    inner = zip_of({DOCUMENT_MEMBER: json.dumps(document).encode(), **members}, compress=True)
    old = dataclasses.replace(KDF, n_log2=15)
    sealed_old = seal(inner, FILE_PASSPHRASE, old)
    with zipfile.ZipFile(io.BytesIO(sealed_old)) as archive:
        manifest, payload = archive.read(MANIFEST_MEMBER), archive.read(PAYLOAD_MEMBER)
    target = tmp_path / "old.hax"
    target.write_bytes(_outer(manifest, payload, deflated=True))
    assert json.loads(manifest)["kdf"]["n"] == 2**15
    result = BundleService(other_store).import_file(target, FILE_PASSPHRASE)
    assert other_store.assessments.open(result.assessment_id).client.name == CLIENT


def test_a_new_export_costs_what_owasp_asks_and_says_so(small, tmp_path):
    ws, _ = small
    path = tmp_path / "real.hax"
    BundleService(ws).export(1, path, FILE_PASSPHRASE)
    with zipfile.ZipFile(path) as archive:
        assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist())
        kdf = json.loads(archive.read(MANIFEST_MEMBER))["kdf"]
    assert (kdf["name"], kdf["n"], kdf["r"], kdf["p"]) == ("scrypt", 2**17, 8, 1)
    assert BundleService(ws).inspect(path, FILE_PASSPHRASE).photos == 1


def test_650_byte_flips_of_a_real_export_each_end_in_a_refusal_or_a_valid_file(small, monkeypatch):
    ws, path = small
    monkeypatch.setattr(container, "derive_key", functools.lru_cache(maxsize=8)(container.derive_key))
    service = BundleService(ws, kdf=CHEAP)
    outcomes = {"refused": 0, "valid": 0}
    for position, flipped in byte_flips(path.read_bytes(), 650):
        candidate = path.with_name("flipped.hax")
        candidate.write_bytes(flipped)
        try:
            info = service.inspect(candidate, FILE_PASSPHRASE)
        except BundleError as refused:
            assert "\n" not in str(refused) and "Philippa" not in str(refused), position
            outcomes["refused"] += 1
        else:
            assert info.client_name == CLIENT and info.photos == 1, position  # a flip zip readers ignore
            outcomes["valid"] += 1
    assert sum(outcomes.values()) == 650 and outcomes["refused"] > 500


@pytest.fixture
def other_store(tmp_path, judge):
    from homeassess.services.workspace import Workspace
    from homeassess.store.store import Store
    from tests.conftest import PASSPHRASE

    ws = Workspace.build(Store.open(tmp_path / "other", PASSPHRASE, create=True), judge)
    yield ws
    ws.close()
