"""The versioned JSON document inside an export file (the container is container.py).

The inner zip holds ``assessment.json`` and ``photos/<uid>/{working,print,thumb}.jpg``.

Document (schema 1): one assessment with its client, rooms and responses, photos (metadata;
the JPEGs are members) and recommendations. Ordering is fixed (rooms, photos and
recommendations by position then store order, responses by item id, keys sorted) and the
document holds no export time, so export → import into an empty store → export gives an
equal document. See docs/bundle-format.md.

Every text field has its limit from ``TEXT`` (a line or a paragraph), every number its range
and every list its length from ``BUNDLE``; ``document.py`` parses a file's document against
these models strictly, and builds one from store rows.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

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
    unseal_file,
)
from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.limits import BUNDLE, TEXT
from homeassess.domain.vocabulary import Funding, Installer
from homeassess.photos import PRINT_MAX_SIDE, THUMBNAIL_MAX_SIDE, WORKING_MAX_SIDE

# 2: recommendations are the clinician's decisions (proposals are derived); 3: with installer and funding
SCHEMA_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
DOCUMENT_MEMBER = "assessment.json"
RENDITIONS = ("working", "print", "thumb")
RENDITION_MAX_SIDE = {"working": WORKING_MAX_SIDE, "print": PRINT_MAX_SIDE, "thumb": THUMBNAIL_MAX_SIDE}
RENDITION_MAX_BYTES = {"working": BUNDLE.max_working_bytes, "print": BUNDLE.max_print_bytes,
                       "thumb": BUNDLE.max_thumbnail_bytes}
UID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$"
ID_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
ROOM_KEY_PATTERN = r"^room-[1-9][0-9]{0,5}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
INNER_MEMBER = re.compile(r"^(assessment\.json|photos/[A-Za-z0-9][A-Za-z0-9-]{0,63}/(working|print|thumb)\.jpg)$")


def photo_member(uid: str, rendition: str) -> str:
    return f"photos/{uid}/{rendition}.jpg"


def member_cap(name: str) -> int:
    """The largest size a member of the inner zip may declare."""
    if name == DOCUMENT_MEMBER:
        return BUNDLE.max_document
    return RENDITION_MAX_BYTES.get(name.rsplit("/", 1)[-1].removesuffix(".jpg"), 0)


def _as_utc(value: datetime) -> datetime:
    """Store times are UTC; SQLite hands them back naive."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UtcTime = Annotated[datetime, AfterValidator(_as_utc)]
Uid = Annotated[str, Field(pattern=UID_PATTERN)]
CatalogueId = Annotated[str, Field(pattern=ID_PATTERN)]
RoomKey = Annotated[str, Field(pattern=ROOM_KEY_PATTERN)]
Line = Annotated[str, Field(max_length=TEXT.line)]
Paragraph = Annotated[str, Field(max_length=TEXT.paragraph)]
Position = Annotated[int, Field(ge=0, le=BUNDLE.max_position)]
Cost = Annotated[int, Field(ge=0, le=BUNDLE.max_cost)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class AssessmentHeader(_Strict):
    uid: Uid
    status: Literal["draft", "final", "archived"]
    parent_uid: Uid | None = None
    visit_date: date
    clinician: Line = ""
    credentials: Line = ""
    licence: Line = ""
    referral: Paragraph = ""
    address: Paragraph = ""
    dwelling_type: Line = ""
    tenure: Literal["owner", "renter", "other", ""] = ""
    landlord_name: Line = ""
    landlord_contact: Line = ""
    access_contact: Line = ""
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

    @model_validator(mode="after")
    def _text_lengths(self) -> ClientRecord:
        """The profile is the domain's model; its texts get the same limits as every other field."""
        profile = self.profile
        lines = [profile.name, profile.phone, profile.email, profile.address, profile.transfer_method, profile.caregiver,
                 *(d.description for d in profile.devices), *profile.conditions, *profile.functional_limitations,
                 *profile.priority_activities]
        lists = (profile.conditions, profile.functional_limitations, profile.devices, profile.goals, profile.priority_activities)
        if any(len(items) > TEXT.list_items for items in lists):
            raise ValueError("too many entries")
        if any(len(text) > TEXT.line for text in lines) or any(len(t) > TEXT.paragraph for t in (profile.diagnosis, *profile.goals)):
            raise ValueError("text too long")
        return self


class Response(_Strict):
    item_id: CatalogueId
    value_text: Line = ""
    value: float | None = Field(default=None, ge=-BUNDLE.max_json_integer, le=BUNDLE.max_json_integer)
    verdict: Literal["", "meets", "fails", "advisory", "not_applicable", "implausible"] = ""
    note: Paragraph = ""
    updated_at: UtcTime


class Room(_Strict):
    key: RoomKey
    room_type: CatalogueId
    name: Line
    position: Position
    notes: Paragraph = ""
    responses: list[Response] = Field(default=[], max_length=BUNDLE.max_responses_per_room)


class PhotoFile(_Strict):
    member: str = Field(max_length=128)
    sha256: str = Field(pattern=SHA256_PATTERN)
    size: int = Field(ge=1, le=BUNDLE.max_working_bytes)


class PhotoFiles(_Strict):
    working: PhotoFile
    print: PhotoFile
    thumb: PhotoFile


class Photo(_Strict):
    uid: Uid
    room: RoomKey | None = None
    item_id: CatalogueId | None = None
    caption: Line = ""
    include_in_report: bool = True
    position: Position
    width: int = Field(ge=1, le=WORKING_MAX_SIDE)
    height: int = Field(ge=1, le=WORKING_MAX_SIDE)
    sha256: str = Field(default="", pattern=r"^([0-9a-f]{64})?$")
    orientation_unknown: bool = False
    created_at: UtcTime
    files: PhotoFiles

    @model_validator(mode="after")
    def _member_names(self) -> Photo:
        for rendition in RENDITIONS:
            described = getattr(self.files, rendition)
            if described.member != photo_member(self.uid, rendition):
                raise ValueError("photo member names do not follow photos/<uid>/<rendition>.jpg")
            if described.size > RENDITION_MAX_BYTES[rendition]:
                raise ValueError("photo member too large")
        return self


class Recommendation(_Strict):
    """A decision about a library recommendation in a room, or a custom one (schema 2).

    A text field is null where the clinician kept the library's wording (it is derived again from
    the findings on import); a custom recommendation carries every field. Schema 1 files carried
    every proposal in full; ``untouched_proposal`` picks out the ones that are derived now.
    """

    room: RoomKey | None = None
    item_id: CatalogueId | None = None
    library_id: CatalogueId | None = None
    title: Line | None = Field(default=None, min_length=1)
    specification: Paragraph | None = None
    rationale: Paragraph | None = None
    plain: Paragraph | None = None
    category: str | None = Field(default=None, pattern=r"^([a-z][a-z0-9_]{0,63})?$")
    priority: Literal["high", "medium", "low"] | None = None
    responsible: Line | None = None
    cost_low: Cost | None = None
    cost_high: Cost | None = None
    cost_source: Line | None = None
    installer: str | None = Field(default=None, pattern=f"^({'|'.join(Installer)})$")  # schema 3
    funding: str | None = Field(default=None, pattern=f"^({'|'.join(Funding)})$")  # schema 3
    funding_program: Line | None = None  # schema 3
    status: Literal["proposed", "accepted", "dismissed"] = "proposed"
    custom: bool = False
    position: Position = 0
    created_at: UtcTime
    updated_at: UtcTime

    @model_validator(mode="after")
    def _custom_has_title(self) -> Recommendation:
        if self.custom and self.title is None:
            raise ValueError("a custom recommendation needs a title")
        if not self.custom and self.library_id is None:
            raise ValueError("a recommendation needs a library id or must be custom")
        return self

    @model_validator(mode="after")
    def _cost_order(self) -> Recommendation:
        if self.cost_low is not None and self.cost_high is not None and self.cost_high < self.cost_low:
            raise ValueError("cost high below cost low")
        return self

    @property
    def untouched_proposal(self) -> bool:
        """A schema-1 proposal nobody decided on or edited (created and updated within a second)."""
        return (not self.custom and self.status == "proposed"
                and (self.updated_at - self.created_at).total_seconds() < 1)


class AssessmentDocument(_Strict):
    schema_version: Literal[1, 2, 3]
    assessment: AssessmentHeader
    client: ClientRecord
    rooms: list[Room] = Field(default=[], max_length=BUNDLE.max_rooms)
    photos: list[Photo] = Field(default=[], max_length=BUNDLE.max_photos)
    recommendations: list[Recommendation] = Field(default=[], max_length=BUNDLE.max_recommendations)

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
