"""SQLModel tables. Lengths in millimetres, slopes as rise/run, times in UTC.

Table models skip pydantic validation (docs/pitfalls.md §1.8), so services validate input
with the domain models before rows are built, and the schema adds NOT NULL, CHECK
and foreign-key guards. Clinical records are archived, never deleted; children of an
assessment cascade only when an assessment is deliberately purged.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Table,
    UniqueConstraint,
    inspect,
    text,
)
from sqlmodel import Field, SQLModel

from homeassess.domain.vocabulary import AssessmentStatus, Priority, RecommendationStatus


def utcnow() -> datetime:
    return datetime.now(UTC)


def stored_id(row_id: int | None) -> int:
    """The id of a row read from the store or flushed to it; it is only None before a flush (a bug here)."""
    if row_id is None:
        raise RuntimeError("a row was used before it was stored")
    return row_id


def table_of(model: type[SQLModel]) -> Table:
    """The Core table of a table model, for reads that want plain tuples (``__table__``, which SQLModel does not declare)."""
    table: Table = inspect(model).local_table
    return table


def _one_of(column: str, values: type[StrEnum]) -> str:
    """``status IN ('draft', 'final', 'archived')``, from the vocabulary."""
    return f"{column} IN ({', '.join(repr(v.value) for v in values)})"


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Column:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


class ClientRow(SQLModel, table=True):
    __tablename__ = "client"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(default="")
    profile_json: str = Field(default="{}")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class AssessmentRow(SQLModel, table=True):
    __tablename__ = "assessment"
    __table_args__ = (
        CheckConstraint(_one_of("status", AssessmentStatus), name="ck_assessment_status"),
        CheckConstraint("unit IN ('in', 'mm', 'cm', 'm')", name="ck_assessment_unit"),
    )
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True, index=True)
    client_id: int = Field(sa_column=_fk("client.id", ondelete="RESTRICT"))
    parent_id: int | None = Field(default=None, sa_column=_fk("assessment.id", nullable=True, ondelete="SET NULL"))
    status: str = Field(default=AssessmentStatus.DRAFT.value, index=True)
    visit_date: date
    clinician: str = ""
    credentials: str = ""
    licence: str = ""
    referral: str = ""
    address: str = ""
    dwelling_type: str = ""
    tenure: str = ""
    landlord_name: str = ""
    landlord_contact: str = ""
    access_contact: str = ""
    standard: str = "ada2010"
    unit: str = "in"
    catalogue_version: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    finalised_at: datetime | None = None


class RoomRow(SQLModel, table=True):
    __tablename__ = "room"
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(sa_column=_fk("assessment.id"))
    room_type: str
    name: str
    position: int = 0
    notes: str = ""


class ResponseRow(SQLModel, table=True):
    __tablename__ = "response"
    __table_args__ = (
        UniqueConstraint("room_id", "item_id", name="uq_response_room_item"),
        Index("ix_response_room_verdict", "room_id", "verdict"),  # the home list counts findings per assessment
    )
    id: int | None = Field(default=None, primary_key=True)
    room_id: int = Field(sa_column=_fk("room.id"))
    item_id: str
    value_text: str = ""
    value: float | None = None
    verdict: str = ""
    note: str = ""
    updated_at: datetime = Field(default_factory=utcnow)


class PhotoRow(SQLModel, table=True):
    __tablename__ = "photo"
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True, index=True)
    assessment_id: int = Field(sa_column=_fk("assessment.id"))
    room_id: int | None = Field(default=None, sa_column=_fk("room.id", nullable=True))
    item_id: str | None = None
    caption: str = ""
    include_in_report: bool = True
    position: int = 0
    width: int = 0
    height: int = 0
    sha256: str = ""
    orientation_unknown: bool = False
    thumbnail: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class PhotoDataRow(SQLModel, table=True):
    """The large renditions, apart from the row so lists never load them."""

    __tablename__ = "photo_data"
    photo_id: int = Field(sa_column=Column(Integer, ForeignKey("photo.id", ondelete="CASCADE"), primary_key=True))
    working: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    print_copy: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class RecommendationRow(SQLModel, table=True):
    """A clinician's decision about one library recommendation in one room, or a custom one.

    Proposals are derived from the responses (``services/proposals.py``) and not stored. A row
    exists once the clinician acts: accepts, dismisses, or edits a proposal (``library_id`` set,
    ``custom`` false; each text field NULL unless the clinician changed it), or adds their own
    (``custom`` true; every field set). One row per library entry per room.
    """

    __tablename__ = "recommendation"
    __table_args__ = (
        Index("ix_recommendation_assessment_status", "assessment_id", "status"),
        Index("uq_recommendation_room_library", "room_id", "library_id", unique=True, sqlite_where=text("custom = 0")),
        CheckConstraint(_one_of("status", RecommendationStatus), name="ck_recommendation_status"),
        CheckConstraint(_one_of("priority", Priority), name="ck_recommendation_priority"),
    )
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(sa_column=_fk("assessment.id"))
    room_id: int | None = Field(default=None, sa_column=_fk("room.id", nullable=True))
    item_id: str | None = None
    library_id: str | None = None
    title: str | None = None
    specification: str | None = None
    rationale: str | None = None
    plain: str | None = None
    category: str | None = None
    priority: str | None = None
    responsible: str | None = None
    cost_low: int | None = None
    cost_high: int | None = None
    cost_source: str | None = None
    installer: str | None = None  # who does the work (vocabulary.Installer); NULL: as the library suggests
    funding: str | None = None  # who pays (vocabulary.Funding); NULL: to be agreed
    funding_program: str | None = None  # the grant or program's name
    status: str = RecommendationStatus.PROPOSED.value
    custom: bool = False
    position: int = 0
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class ReportRow(SQLModel, table=True):
    __tablename__ = "report"
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(sa_column=_fk("assessment.id"))
    audience: str
    created_at: datetime = Field(default_factory=utcnow)
    sha256: str = ""
    page_count: int = 0
    file_name: str = ""


class SettingRow(SQLModel, table=True):
    __tablename__ = "setting"
    key: str = Field(primary_key=True)
    value_json: str = "null"


class AuditRow(SQLModel, table=True):
    """Append-only: triggers in the migration refuse UPDATE and DELETE."""

    __tablename__ = "audit_event"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    clinician: str = ""
    action: str
    assessment_id: int | None = Field(default=None, index=True)
    detail: str = ""
