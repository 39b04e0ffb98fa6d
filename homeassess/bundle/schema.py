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
from datetime import date
from typing import Literal

from pydantic import Field, model_validator

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
from homeassess.bundle.follow_up_schema import MAX_INSTALLATIONS, GoalScoreEntry, Installation, OutcomeMeasures
from homeassess.bundle.schema_types import (
    SHA256_PATTERN,
    CatalogueId,
    Cost,
    Line,
    Paragraph,
    Position,
    RecommendationKey,
    RoomKey,
    StoredValue,
    Uid,
    UtcTime,
)
from homeassess.bundle.schema_types import Strict as _Strict
from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.limits import BUNDLE, TEXT
from homeassess.domain.vocabulary import AssessmentStatus, Funding, Installer, Priority, RecommendationStatus
from homeassess.photos import PRINT_MAX_SIDE, THUMBNAIL_MAX_SIDE, WORKING_MAX_SIDE

# 2: recommendations are the clinician's decisions (proposals are derived); 3: with installer and funding;
# 4: follow-ups (a follow-up carries its original), outcomes, recommendation keys, after photos
SCHEMA_VERSION = 4
READABLE_VERSIONS = (1, 2, 3, 4)
DOCUMENT_MEMBER = "assessment.json"
RENDITIONS = ("working", "print", "thumb")
RENDITION_MAX_SIDE = {"working": WORKING_MAX_SIDE, "print": PRINT_MAX_SIDE, "thumb": THUMBNAIL_MAX_SIDE}
RENDITION_MAX_BYTES = {"working": BUNDLE.max_working_bytes, "print": BUNDLE.max_print_bytes,
                       "thumb": BUNDLE.max_thumbnail_bytes}
INNER_MEMBER = re.compile(r"^(assessment\.json|photos/[A-Za-z0-9][A-Za-z0-9-]{0,63}/(working|print|thumb)\.jpg)$")


def photo_member(uid: str, rendition: str) -> str:
    return f"photos/{uid}/{rendition}.jpg"


def member_cap(name: str) -> int:
    """The largest size a member of the inner zip may declare."""
    if name == DOCUMENT_MEMBER:
        return BUNDLE.max_document
    return RENDITION_MAX_BYTES.get(name.rsplit("/", 1)[-1].removesuffix(".jpg"), 0)


class AssessmentHeader(_Strict):
    uid: Uid
    status: AssessmentStatus
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
    followup_due: date | None = None  # schema 4


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
    value: StoredValue | None = None
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
    recommendation: RecommendationKey | None = None  # schema 4: a follow-up's "after" photo of the original's recommendation

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

    key: RecommendationKey | None = None  # schema 4: what a follow-up's installations and after photos name
    room: RoomKey | None = None
    item_id: CatalogueId | None = None
    library_id: CatalogueId | None = None
    title: Line | None = Field(default=None, min_length=1)
    specification: Paragraph | None = None
    rationale: Paragraph | None = None
    plain: Paragraph | None = None
    category: str | None = Field(default=None, pattern=r"^([a-z][a-z0-9_]{0,63})?$")
    priority: Priority | None = None
    responsible: Line | None = None
    cost_low: Cost | None = None
    cost_high: Cost | None = None
    cost_source: Line | None = None
    installer: str | None = Field(default=None, pattern=f"^({'|'.join(Installer)})$")  # schema 3
    funding: str | None = Field(default=None, pattern=f"^({'|'.join(Funding)})$")  # schema 3
    funding_program: Line | None = None  # schema 3
    status: RecommendationStatus = RecommendationStatus.PROPOSED
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
        return (not self.custom and self.status is RecommendationStatus.PROPOSED
                and (self.updated_at - self.created_at).total_seconds() < 1)


class Visit(_Strict):
    """One visit: the assessment, its client, rooms and answers, photos, recommendations and outcomes."""

    assessment: AssessmentHeader
    client: ClientRecord
    rooms: list[Room] = Field(default=[], max_length=BUNDLE.max_rooms)
    photos: list[Photo] = Field(default=[], max_length=BUNDLE.max_photos)
    recommendations: list[Recommendation] = Field(default=[], max_length=BUNDLE.max_recommendations)
    outcome: OutcomeMeasures | None = None  # schema 4
    goal_scores: list[GoalScoreEntry] = Field(default=[], max_length=TEXT.list_items)  # schema 4

    def check_visit(self) -> None:
        """What a field-by-field check cannot see in one visit: duplicates and dangling references."""
        from homeassess.bundle.consistency import check_visit

        check_visit(self)


class AssessmentDocument(Visit):
    """The exported assessment; a follow-up (schema 4) carries its original and its installed items."""

    schema_version: Literal[1, 2, 3, 4]
    installations: list[Installation] = Field(default=[], max_length=MAX_INSTALLATIONS)  # schema 4, follow-ups
    original: Visit | None = None  # schema 4: the assessment a follow-up follows up

    def encode(self) -> bytes:
        """The canonical bytes: sorted keys, two-space indent, UTF-8, newline at the end."""
        text = json.dumps(self.model_dump(mode="json"), sort_keys=True, indent=2, ensure_ascii=False)
        return (text + "\n").encode("utf-8")

    def visits(self) -> tuple[Visit, ...]:
        """The original (when the file carries one), then the exported assessment."""
        return (self.original, self) if self.original is not None else (self,)

    def all_photos(self) -> list[Photo]:
        return [photo for visit in self.visits() for photo in visit.photos]

    def check_consistency(self) -> None:
        """What a field-by-field check cannot see: duplicates and dangling references, within and across the visits."""
        from homeassess.bundle.consistency import check_document

        check_document(self)
