"""What the hostile export-file tests share: a small real export, and ways to forge variants of it.

The export is made with a cheap KDF (2^14) so that each forged file opens quickly; the real cost
is tested once (``test_hostile_containers.py``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

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
from tests.hostile_corpus import jpeg, zip_of

FILE_PASSPHRASE = "a passphrase for the file"
CHEAP = dataclasses.replace(KDF, n_log2=14)
CLIENT = "Philippa Underhill-Oyelaran"
TABLES = ("client", "assessment", "room", "response", "photo", "photo_data", "recommendation", "audit_event")


def small_export(workspace) -> tuple[object, Path]:  # a Workspace
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


def counts(ws) -> dict[str, int]:  # a Workspace
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
    described = document["photos"][0]["files"][rendition]
    members[described["member"]] = data
    described.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())


def assert_refused(ws, path: Path, expected: str) -> str:  # a Workspace
    before = counts(ws)
    with pytest.raises(BundleError) as refused:
        BundleService(ws, kdf=CHEAP).import_file(path, FILE_PASSPHRASE, "keep_both")
    message = str(refused.value)
    assert expected in message
    assert "\n" not in message and "Philippa" not in message and "Underhill" not in message
    assert counts(ws) == before
    return message


def set_field(*path_and_value):  # a document change
    *path, value = path_and_value

    def change(document: dict, members: dict) -> None:
        node = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


def outer_zip(manifest: dict | bytes, payload: bytes, deflated: bool = False) -> bytes:
    raw = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    return zip_of({MANIFEST_MEMBER: raw, PAYLOAD_MEMBER: payload}, compress=deflated)




@contextmanager
def another_store(folder: Path, judge):  # a Judge; yields a Workspace
    """A second, empty store to import into."""
    from homeassess.services.workspace import Workspace
    from homeassess.store.store import Store
    from tests.conftest import PASSPHRASE

    ws = Workspace.build(Store.open(folder, PASSPHRASE, create=True), judge)
    try:
        yield ws
    finally:
        ws.close()
