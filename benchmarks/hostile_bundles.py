"""The export files ``hostile_inputs.py`` measures: a real small export, crafted variants of it, and the
largest valid file the limits allow (about 190 MB of photos), all sealed with the real KDF cost."""

from __future__ import annotations

import hashlib
import json
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from homeassess.bundle.schema import DOCUMENT_MEMBER, INNER_MEMBER, read_zip, seal, unseal
from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.judge import Judge
from homeassess.domain.limits import BUNDLE
from homeassess.photos import process_photo
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.bundle_transfer import BundleService
from homeassess.services.workspace import Workspace
from homeassess.store.store import Store
from tests.hostile_corpus import (
    deep_json,
    jpeg,
    many_members,
    png_header_only,
    scan_bomb,
    truncated_giant_jpeg,
    zip_of,
)


def small_export(root: Path, passphrase: str) -> Path:
    ws = Workspace.build(Store.open(Path(tempfile.mkdtemp(dir=root)), "bench store passphrase", create=True), Judge.load())
    assessment_id = ws.assessments.create(NewAssessment(
        client=ClientProfile(name="Benchmark Client"), details=AssessmentDetails(),
        rooms=[RoomSpec(type="entrance"), RoomSpec(type="bathroom")],
    )).value
    room = ws.assessments.room_views(assessment_id)[0].id
    ws.checklist.record(room, "door_clear_width", "30")
    ws.recommendations.add_custom(assessment_id, room, "Widen the door", specification="to 36 in", cost_low=100, cost_high=900)
    made = process_photo(jpeg((2000, 1500), noise=True))
    ws.photos_repo.add(assessment_id, room, None, working=made.working, print_copy=made.print_copy,
                       thumbnail=made.thumbnail, width=made.width, height=made.height, sha256=made.sha256)
    path = root / "small.hax"
    BundleService(ws).export(assessment_id, path, passphrase)
    ws.close()
    return path


def _opened(path: Path, passphrase: str) -> tuple[dict, dict[str, bytes]]:
    _, inner = unseal(path.read_bytes(), passphrase)
    members = {name: bytes(data) for name, data in read_zip(inner, BUNDLE, INNER_MEMBER).items()}
    return json.loads(members.pop(DOCUMENT_MEMBER)), members


def _sealed(root: Path, passphrase: str, document: dict | bytes, members: dict[str, bytes], compress: bool = False) -> Path:
    raw = document if isinstance(document, bytes) else json.dumps(document).encode()
    path = root / f"{uuid.uuid4().hex}.hax"
    path.write_bytes(seal(zip_of({DOCUMENT_MEMBER: raw, **members}, compress=compress), passphrase))
    return path


def _with_working(document: dict, members: dict[str, bytes], data: bytes) -> tuple[dict, dict[str, bytes]]:
    document, members = json.loads(json.dumps(document)), dict(members)
    described = document["photos"][0]["files"]["working"]
    members[described["member"]] = data
    described.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
    return document, members


def largest_valid(root: Path, passphrase: str, document: dict, members: dict[str, bytes]) -> Path:
    """The small export's photo repeated (fresh uids) until the file is just under the unpacked limit."""
    photo = document["photos"][0]
    blobs = {r: members[photo["files"][r]["member"]] for r in ("working", "print", "thumb")}
    per_photo = sum(len(b) for b in blobs.values()) + 600
    count = min(BUNDLE.max_photos, (BUNDLE.max_total - 2**20) // per_photo)
    big, big_members = json.loads(json.dumps(document)), {}
    big["photos"] = []
    for n in range(count):
        uid = str(uuid.uuid4())
        entry = json.loads(json.dumps(photo)) | {"uid": uid, "position": n}
        for rendition, blob in blobs.items():
            name = f"photos/{uid}/{rendition}.jpg"
            entry["files"][rendition]["member"] = name
            big_members[name] = blob
        big["photos"].append(entry)
    return _sealed(root, passphrase, big, big_members)


def crafted_bundles(root: Path, passphrase: str, wanted: Callable[[str], bool] = lambda name: True) -> dict[str, Path]:
    """Every crafted file whose name ``wanted`` accepts. The small real export they derive from is made once, and
    only when one of them is wanted (it is then always returned as well); none wanted, nothing is made."""
    source: list = []

    def small() -> tuple[Path, dict, dict[str, bytes]]:
        if not source:
            path = small_export(root, passphrase)
            source.append((path, *_opened(path, passphrase)))
        return source[0]

    def document() -> dict:
        return small()[1]

    def members() -> dict[str, bytes]:
        return small()[2]

    out: dict[str, Path] = {}

    def add(name: str, make: Callable[[], Path]) -> None:
        if wanted(name):
            out[name] = make()

    def changed(change: Callable[[dict], None]) -> Callable[[], Path]:
        def make() -> Path:
            copy = json.loads(json.dumps(document()))
            change(copy)
            return _sealed(root, passphrase, copy, members())
        return make

    def bomb() -> dict[str, bytes]:
        bombed = dict(members())
        bombed[next(n for n in bombed if n.endswith("print.jpg"))] = b"\0" * 2**20
        return bombed

    add("valid: a small real export", lambda: small()[0])
    add("2,040 members of 1 MiB (2 GB unpacked)", lambda: _raw(root, seal(zip_of(many_members(2040), compress=True), passphrase)))
    add("a 1 MiB member of zeros (ratio 1000:1)", lambda: _sealed(root, passphrase, document(), bomb(), compress=True))
    add("JSON nested 200,000 deep", lambda: _sealed(root, passphrase, deep_json(), {}))
    add("900 KB room name", changed(lambda d: d["rooms"][0].update(name="R" * 900_000)))
    add("2 MB one-word specification", changed(lambda d: d["recommendations"][0].update(specification="W" * 2_000_000)))
    add("integer 2^64", changed(lambda d: d["recommendations"][0].update(cost_high=2**64)))
    add("schema_version true", changed(lambda d: d.update(schema_version=True)))
    for name, data in (("HTML as a photo member", b"<html>" * 1000),
                       ("PNG header 65000 x 65000 as a photo member", png_header_only(65000, 65000)),
                       ("truncated JPEG claiming 1500 x 1500 as a photo member", truncated_giant_jpeg(1500)),
                       ("scan bomb as a photo member", scan_bomb(500, (256, 256)))):
        add(name, lambda data=data: _sealed(root, passphrase, *_with_working(document(), members(), data)))
    add("valid: the largest file the limits allow", lambda: largest_valid(root, passphrase, document(), members()))
    if source:
        out.setdefault("valid: a small real export", source[0][0])
    return dict(sorted(out.items(), key=lambda kv: kv[0] != "valid: a small real export"))


def _raw(root: Path, data: bytes) -> Path:
    path = root / f"{uuid.uuid4().hex}.hax"
    path.write_bytes(data)
    return path


__all__ = ["crafted_bundles"]
