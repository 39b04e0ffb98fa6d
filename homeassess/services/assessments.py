"""Creating, listing, opening and changing assessments and their rooms."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from homeassess.domain.catalogue import Catalogue
from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.judge import Judge, JudgeContext
from homeassess.domain.refusals import Refused
from homeassess.domain.units import LengthUnit
from homeassess.services.audit_log import AuditAction, AuditLog
from homeassess.services.settings import SettingsService
from homeassess.store.repositories import AssessmentRepository, AssessmentSummary, RoomProgress, RoomRepository
from homeassess.store.repositories.rooms import RoomSnapshot
from homeassess.store.tables import AssessmentRow, ClientRow, RoomRow, utcnow


class AssessmentDetails(BaseModel):
    """The home and the visit, as entered on the New assessment screen."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    visit_date: date = Field(default_factory=date.today)
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
    standard: str = "ada2010"
    unit: LengthUnit = LengthUnit.INCH


class RoomSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    type: str
    name: str = ""


class NewAssessment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    client: ClientProfile
    details: AssessmentDetails
    rooms: list[RoomSpec] = []
    uid: str | None = None


@dataclass(frozen=True)
class RoomView:
    id: int
    room_type: str
    room_type_name: str
    name: str
    position: int
    answered: int
    total: int
    findings: int


@dataclass(frozen=True)
class AssessmentView:
    id: int
    uid: str
    status: str
    details: AssessmentDetails
    client: ClientProfile
    catalogue_version: str
    rooms: list[RoomView]

    @property
    def read_only(self) -> bool:
        return self.status != "draft"


class ReadOnlyAssessment(Refused):
    def __init__(self) -> None:
        super().__init__("this assessment is final and read-only; start an amendment to change it")


class AssessmentService:
    def __init__(
        self, assessments: AssessmentRepository, rooms: RoomRepository, judge: Judge, settings: SettingsService, audit: AuditLog
    ) -> None:
        self.assessments = assessments
        self.rooms = rooms
        self.judge = judge
        self.settings = settings
        self.audit = audit

    @property
    def catalogue(self) -> Catalogue:
        return self.judge.catalogue

    # --- create, list, open --------------------------------------------------------------

    def create(self, new: NewAssessment) -> int:
        self.judge.standards.profile(new.details.standard)  # refuse an unknown standard up front
        rooms = []
        for spec in new.rooms:
            room_type = self.catalogue.room_type(spec.type)
            rooms.append((room_type.id, spec.name or room_type.name))
        client = ClientRow(name=new.client.name, profile_json=new.client.model_dump_json())
        row = AssessmentRow(
            uid=new.uid or str(uuid.uuid4()), client_id=0, catalogue_version=self.catalogue.version,
            **new.details.model_dump(),
        )
        assessment_id = self.assessments.create(client, row, rooms)
        self.audit.record(AuditAction.CREATE, assessment_id, f"{len(rooms)} rooms")
        return assessment_id

    def list(self, search: str = "", statuses: tuple[str, ...] = ("draft", "final")) -> list[AssessmentSummary]:
        return self.assessments.summaries(search, statuses)

    def open(self, assessment_id: int, *, audit: bool = True) -> AssessmentView:
        found = self.assessments.with_client(assessment_id)
        if found is None:
            raise KeyError(f"no assessment with id {assessment_id}")
        row, client_row = found
        if audit:
            self.audit.record(AuditAction.OPEN, assessment_id)
        return AssessmentView(
            id=row.id, uid=row.uid, status=row.status,
            details=AssessmentDetails.model_validate({k: getattr(row, k) for k in AssessmentDetails.model_fields}),
            client=ClientProfile.model_validate_json(client_row.profile_json),
            catalogue_version=row.catalogue_version,
            rooms=self.room_views(assessment_id),
        )

    def room_views(self, assessment_id: int) -> list[RoomView]:
        progress = self.rooms.progress(assessment_id)
        views = []
        for room in self.assessments.rooms(assessment_id):
            room_type = self.catalogue.room_type(room.room_type)
            p = progress.get(room.id, RoomProgress(room.id, 0, 0))
            views.append(RoomView(room.id, room.room_type, room_type.name, room.name, room.position, p.answered, len(room_type.item_ids), p.findings))
        return views

    def context(self, assessment_id: int, room_name: str = "", *, for_change: bool = False) -> JudgeContext:
        """What responses are judged against; with ``for_change``, refuse unless the assessment is a draft."""
        found = self.assessments.with_client(assessment_id)
        if found is None:
            raise KeyError(f"no assessment with id {assessment_id}")
        row, client_row = found
        if for_change and row.status != "draft":
            raise ReadOnlyAssessment()
        return JudgeContext(
            standard=row.standard, unit=LengthUnit(row.unit), client=ClientProfile.model_validate_json(client_row.profile_json),
            margins=self.settings.load().margins(), room_name=room_name,
        )

    def require_draft(self, assessment_id: int) -> None:
        row = self.assessments.get(assessment_id)
        if row is None:
            raise KeyError(f"no assessment with id {assessment_id}")
        if row.status != "draft":
            raise ReadOnlyAssessment()

    # --- change --------------------------------------------------------------------------

    def update_details(self, assessment_id: int, details: AssessmentDetails) -> None:
        self.require_draft(assessment_id)
        self.judge.standards.profile(details.standard)
        self.assessments.update(assessment_id, **details.model_dump())
        self.audit.record(AuditAction.EDIT, assessment_id, "visit details")

    def update_client(self, assessment_id: int, client: ClientProfile) -> None:
        self.require_draft(assessment_id)
        self.assessments.update_client(assessment_id, client.name, client.model_dump_json())
        self.audit.record(AuditAction.EDIT, assessment_id, "client profile")

    def set_status(self, assessment_id: int, status: Literal["draft", "final", "archived"]) -> None:
        fields: dict[str, object] = {"status": status}
        if status == "final":
            fields["finalised_at"] = utcnow()
        self.assessments.update(assessment_id, **fields)
        action = {"final": AuditAction.FINALISE, "archived": AuditAction.ARCHIVE}.get(status, AuditAction.EDIT)
        self.audit.record(action, assessment_id, f"status {status}")

    def add_room(self, assessment_id: int, room_type: str, name: str = "") -> RoomRow:
        self.require_draft(assessment_id)
        rt = self.catalogue.room_type(room_type)
        existing = [r.name for r in self.assessments.rooms(assessment_id)]
        room = self.rooms.add(assessment_id, rt.id, name.strip() or _unique_name(rt.name, existing))
        self.audit.record(AuditAction.EDIT, assessment_id, "room added")
        return room

    def rename_room(self, room_id: int, name: str) -> str:
        room = self.rooms.get(room_id)
        self.require_draft(room.assessment_id)
        if not name.strip():
            raise ValueError("a room needs a name")
        self.rooms.rename(room_id, name.strip())
        return room.name

    def reorder_rooms(self, assessment_id: int, room_ids: list[int]) -> None:
        self.require_draft(assessment_id)
        self.rooms.reorder(assessment_id, room_ids)

    def remove_room(self, room_id: int) -> RoomSnapshot:
        room = self.rooms.get(room_id)
        self.require_draft(room.assessment_id)
        snapshot = self.rooms.remove(room_id)
        self.audit.record(AuditAction.EDIT, room.assessment_id, "room removed")
        return snapshot

    def restore_room(self, snapshot: RoomSnapshot) -> None:
        self.rooms.restore(snapshot)


def _unique_name(base: str, existing: list[str]) -> str:
    if base not in existing:
        return base
    n = 2
    while f"{base} {n}" in existing:
        n += 1
    return f"{base} {n}"
