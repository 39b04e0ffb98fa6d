"""The versioned JSON document inside an export file (the container is container.py).

The inner zip holds ``assessment.json`` and ``photos/<uid>/{working,print,thumb}.jpg``.

Document (schema 1): one assessment with its client, rooms and responses, photos (metadata;
the JPEGs are members) and recommendations. Ordering is fixed (rooms, photos and
recommendations by position then store order, responses by item id, keys sorted) and the
document holds no export time, so export → import into an empty store → export gives an
equal document. See docs/bundle-format.md.

Zips are read in memory with size and ratio caps checked on the headers first, never
extracted. Messages raised here are one line and never quote values from the file.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from homeassess.bundle.container import (  # noqa: F401 - re-exported for the service and tests
    CIPHER,
    CONTAINER_VERSION,
    DAMAGED,
    FORMAT,
    MANIFEST_MEMBER,
    NEWER,
    NOT_OURS,
    PAYLOAD_MEMBER,
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    UNEXPECTED,
    BundleError,
    BundleLimits,
    derive_key,
    pack_zip,
    read_zip,
    seal,
    unseal,
)
from homeassess.domain.client_profile import ClientProfile
from homeassess.store.tables import (
    AssessmentRow,
    ClientRow,
    PhotoDataRow,
    PhotoRow,
    RecommendationRow,
    ResponseRow,
    RoomRow,
)

SCHEMA_VERSION = 2  # 2: recommendations are the clinician's decisions (proposals are derived)
READABLE_VERSIONS = (1, 2)
DOCUMENT_MEMBER = "assessment.json"
RENDITIONS = ("working", "print", "thumb")
UID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$"
ID_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
ROOM_KEY_PATTERN = r"^room-[1-9][0-9]{0,5}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
INNER_MEMBER = re.compile(r"^(assessment\.json|photos/[A-Za-z0-9][A-Za-z0-9-]{0,63}/(working|print|thumb)\.jpg)$")


def photo_member(uid: str, rendition: str) -> str:
    return f"photos/{uid}/{rendition}.jpg"


def _as_utc(value: datetime) -> datetime:
    """Store times are UTC; SQLite hands them back naive."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UtcTime = Annotated[datetime, AfterValidator(_as_utc)]
Uid = Annotated[str, Field(pattern=UID_PATTERN)]
CatalogueId = Annotated[str, Field(pattern=ID_PATTERN)]
RoomKey = Annotated[str, Field(pattern=ROOM_KEY_PATTERN)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class AssessmentHeader(_Strict):
    uid: Uid
    status: Literal["draft", "final", "archived"]
    parent_uid: Uid | None = None
    visit_date: date
    clinician: str = ""
    credentials: str = ""
    licence: str = ""
    referral: str = ""
    address: str = ""
    dwelling_type: str = ""
    tenure: Literal["owner", "renter", "other", ""] = ""
    landlord_name: str = ""
    landlord_contact: str = ""
    access_contact: str = ""
    standard: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$")
    unit: Literal["in", "mm", "cm", "m"]
    catalogue_version: str = Field(default="", pattern=r"^([0-9]{1,9}(\.[0-9]{1,9}){0,5})?$")
    created_at: UtcTime
    updated_at: UtcTime
    finalised_at: UtcTime | None = None


class ClientRecord(_Strict):
    profile: ClientProfile
    created_at: UtcTime
    updated_at: UtcTime


class Response(_Strict):
    item_id: CatalogueId
    value_text: str = ""
    value: float | None = None
    verdict: Literal["", "meets", "fails", "advisory", "not_applicable", "implausible"] = ""
    note: str = ""
    updated_at: UtcTime


class Room(_Strict):
    key: RoomKey
    room_type: CatalogueId
    name: str
    position: int
    notes: str = ""
    responses: list[Response] = []


class PhotoFile(_Strict):
    member: str
    sha256: str = Field(pattern=SHA256_PATTERN)
    size: int = Field(ge=0)


class PhotoFiles(_Strict):
    working: PhotoFile
    print: PhotoFile
    thumb: PhotoFile


class Photo(_Strict):
    uid: Uid
    room: RoomKey | None = None
    item_id: CatalogueId | None = None
    caption: str = ""
    include_in_report: bool = True
    position: int
    width: int = Field(ge=0)
    height: int = Field(ge=0)
    sha256: str = Field(default="", max_length=128)
    orientation_unknown: bool = False
    created_at: UtcTime
    files: PhotoFiles

    @model_validator(mode="after")
    def _member_names(self) -> Photo:
        for rendition in RENDITIONS:
            if getattr(self.files, rendition).member != photo_member(self.uid, rendition):
                raise ValueError("photo member names do not follow photos/<uid>/<rendition>.jpg")
        return self


class Recommendation(_Strict):
    """A decision about a library recommendation in a room, or a custom one (schema 2).

    A text field is null where the clinician kept the library's wording (it is derived again from
    the findings on import); a custom recommendation carries every field. Schema 1 files carried
    every proposal in full; ``untouched_proposal`` picks out the ones that are derived now.
    """

    room: RoomKey | None = None
    item_id: CatalogueId | None = None
    library_id: str | None = Field(default=None, max_length=128)
    title: str | None = Field(default=None, min_length=1)
    specification: str | None = None
    rationale: str | None = None
    plain: str | None = None
    category: str | None = None
    priority: Literal["high", "medium", "low"] | None = None
    responsible: str | None = None
    cost_low: int | None = None
    cost_high: int | None = None
    cost_source: str | None = None
    status: Literal["proposed", "accepted", "dismissed"] = "proposed"
    custom: bool = False
    position: int = 0
    created_at: UtcTime
    updated_at: UtcTime

    @model_validator(mode="after")
    def _custom_has_title(self) -> Recommendation:
        if self.custom and self.title is None:
            raise ValueError("a custom recommendation needs a title")
        if not self.custom and self.library_id is None:
            raise ValueError("a recommendation needs a library id or must be custom")
        return self

    @property
    def untouched_proposal(self) -> bool:
        """A schema-1 proposal nobody decided on or edited (created and updated within a second)."""
        return (not self.custom and self.status == "proposed"
                and (self.updated_at - self.created_at).total_seconds() < 1)


class AssessmentDocument(_Strict):
    schema_version: Literal[1, 2]
    assessment: AssessmentHeader
    client: ClientRecord
    rooms: list[Room] = []
    photos: list[Photo] = []
    recommendations: list[Recommendation] = []

    def encode(self) -> bytes:
        """The canonical bytes: sorted keys, two-space indent, UTF-8, newline at the end."""
        text = json.dumps(self.model_dump(mode="json"), sort_keys=True, indent=2, ensure_ascii=False)
        return (text + "\n").encode("utf-8")

    def check_consistency(self) -> None:
        """What a field-by-field check cannot see: duplicates and dangling references."""
        keys = [room.key for room in self.rooms]
        if len(set(keys)) != len(keys):
            raise BundleError("the file lists the same room twice")
        for room in self.rooms:
            if max(Counter(r.item_id for r in room.responses).values(), default=1) > 1:
                raise BundleError("the file has two answers to the same item in one room")
        uids = [photo.uid for photo in self.photos]
        if len(set(uids)) != len(uids):
            raise BundleError("the file lists the same photo twice")
        known = set(keys)
        if any(p.room is not None and p.room not in known for p in self.photos):
            raise BundleError("a photo in the file refers to a room that is not in it")
        if any(r.room is not None and r.room not in known for r in self.recommendations):
            raise BundleError("a recommendation in the file refers to a room that is not in it")
        if self.assessment.parent_uid == self.assessment.uid:
            raise BundleError("the assessment in the file names itself as its parent")


def document_from_rows(
    assessment: AssessmentRow,
    parent_uid: str | None,
    client: ClientRow,
    rooms: list[RoomRow],
    responses: list[ResponseRow],
    photos: list[tuple[PhotoRow, PhotoDataRow]],
    recommendations: list[RecommendationRow],
) -> tuple[AssessmentDocument, dict[str, bytes]]:
    """Build the document and its photo members from store rows (any order; sorted here)."""
    rooms = sorted(rooms, key=lambda r: (r.position, r.id))
    room_keys = {room.id: f"room-{n}" for n, room in enumerate(rooms, start=1)}
    by_room: dict[int, list[ResponseRow]] = {}
    for response in responses:
        by_room.setdefault(response.room_id, []).append(response)
    files: dict[str, bytes] = {}
    photo_docs = []
    for row, data in sorted(photos, key=lambda pair: (pair[0].position, pair[0].id)):
        described = {}
        for rendition, blob in zip(RENDITIONS, (data.working, data.print_copy, row.thumbnail), strict=True):
            member = photo_member(row.uid, rendition)
            files[member] = bytes(blob)
            described[rendition] = {"member": member, "sha256": _sha256(blob), "size": len(blob)}
        photo_docs.append({
            **_fields(row, Photo, skip={"room", "files"}), "room": room_keys.get(row.room_id), "files": described,
        })
    header = _fields(assessment, AssessmentHeader, skip={"parent_uid"})
    document = AssessmentDocument.model_validate({
        "schema_version": SCHEMA_VERSION,
        "assessment": {**header, "parent_uid": parent_uid},
        "client": {
            "profile": ClientProfile.model_validate_json(client.profile_json).model_dump(mode="json"),
            "created_at": client.created_at, "updated_at": client.updated_at,
        },
        "rooms": [
            {
                **_fields(room, Room, skip={"key", "responses"}), "key": room_keys[room.id],
                "responses": [_fields(r, Response) for r in sorted(by_room.get(room.id, []), key=lambda r: r.item_id)],
            }
            for room in rooms
        ],
        "photos": photo_docs,
        "recommendations": [
            {**_fields(rec, Recommendation, skip={"room"}), "room": room_keys.get(rec.room_id)}
            for rec in sorted(recommendations, key=lambda r: (r.position, r.id))
        ],
    })
    return document, files


def _fields(row: object, model: type[BaseModel], skip: set[str] = frozenset()) -> dict[str, object]:
    return {name: getattr(row, name) for name in model.model_fields if name not in skip}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def version_key(version: str) -> tuple[int, ...]:
    """``"2026.11.1"`` → (2026, 11, 1) for comparing catalogue versions; "" is the oldest."""
    return tuple(int(part) if part.isdigit() else 0 for part in version.split(".")) if version else ()


def parse_document(raw: bytes, limits: BundleLimits) -> AssessmentDocument:
    if len(raw) > limits.max_document:
        raise BundleError("the assessment in this file is larger than HomeAssess accepts")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise BundleError("the assessment in this file cannot be read") from None
    version = data.get("schema_version") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise BundleError(NEWER)
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise BundleError("the assessment in this file has no known schema version")
    try:
        document = AssessmentDocument.model_validate(data)
    except ValidationError as exc:
        where = ".".join(str(part) for part in exc.errors()[0]["loc"])[:80] or "top level"
        raise BundleError(f"the assessment in this file is not valid (at {where})") from None
    document.check_consistency()
    if document.schema_version == 1:  # proposals are derived since schema 2: keep only the decisions
        kept = [r for r in document.recommendations if not r.untouched_proposal]
        document = document.model_copy(update={"recommendations": kept})
    return document
