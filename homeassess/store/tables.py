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

from homeassess.domain.vocabulary import (
    AssessmentStatus,
    Difficulty,
    InstallStatus,
    NotDoneReason,
    Priority,
    RecommendationStatus,
)


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


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE", index: bool = True) -> Column:
    """A foreign key with its own index, unless another index starts with it (``index=False``; migration 0006)."""
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index)


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
    followup_due: date | None = None  # set at finalising an original; NULL on follow-ups (docs/follow-up.md)


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
    room_id: int = Field(sa_column=_fk("room.id", index=False))  # uq_response_room_item starts with it
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
    # A follow-up's "after" photo of this (original's) recommendation; NULL for every other photo.
    recommendation_id: int | None = Field(default=None, sa_column=_fk("recommendation.id", nullable=True, ondelete="SET NULL"))
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
    assessment_id: int = Field(sa_column=_fk("assessment.id", index=False))  # ix_recommendation_assessment_status starts with it
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


class InstallationRow(SQLModel, table=True):
    """What a follow-up found of one accepted recommendation of the original visit."""

    __tablename__ = "installation"
    __table_args__ = (
        UniqueConstraint("assessment_id", "recommendation_id", name="uq_installation_recommendation"),
        CheckConstraint(_one_of("status", InstallStatus), name="ck_installation_status"),
        CheckConstraint(f"reason IS NULL OR {_one_of('reason', NotDoneReason)}", name="ck_installation_reason"),
    )
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(sa_column=_fk("assessment.id"))  # the follow-up
    recommendation_id: int = Field(sa_column=_fk("recommendation.id"))  # the original's decision row
    room_id: int | None = Field(default=None, sa_column=_fk("room.id", nullable=True, ondelete="SET NULL"))  # the follow-up's room
    status: str = InstallStatus.NOT_CHECKED.value
    reason: str | None = None
    reason_note: str = ""
    installed_on: date | None = None
    installed_by: str = ""
    note: str = ""
    updated_at: datetime = Field(default_factory=utcnow)


class InstalledMeasureRow(SQLModel, table=True):
    """One as-installed measurement: the text as typed, its stored value and its cached verdict."""

    __tablename__ = "installed_measure"
    __table_args__ = (UniqueConstraint("installation_id", "check_id", name="uq_installed_measure_check"),)
    id: int | None = Field(default=None, primary_key=True)
    installation_id: int = Field(sa_column=_fk("installation.id"))
    check_id: str
    value_text: str = ""
    value: float | None = None
    verdict: str = ""


class OutcomeRow(SQLModel, table=True):
    """The outcome measures of one visit: the baseline on an original, the follow-up's own on a follow-up."""

    __tablename__ = "outcome"
    __table_args__ = (
        CheckConstraint("fall_concern IS NULL OR fall_concern BETWEEN 0 AND 10", name="ck_outcome_concern"),
        CheckConstraint("falls_3m IS NULL OR falls_3m >= 0", name="ck_outcome_falls"),
    )
    assessment_id: int = Field(sa_column=Column(Integer, ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True))
    recorded_on: date | None = None
    falls_3m: int | None = None
    fall_concern: int | None = None
    instrument: str = ""
    instrument_score: str = ""


class GoalScoreRow(SQLModel, table=True):
    """One of the client's goals, scored by the client at one visit."""

    __tablename__ = "goal_score"
    __table_args__ = (
        UniqueConstraint("assessment_id", "position", name="uq_goal_score_position"),
        CheckConstraint("performance IS NULL OR performance BETWEEN 1 AND 10", name="ck_goal_score_performance"),
        CheckConstraint("satisfaction IS NULL OR satisfaction BETWEEN 1 AND 10", name="ck_goal_score_satisfaction"),
        CheckConstraint(f"difficulty IS NULL OR {_one_of('difficulty', Difficulty)}", name="ck_goal_score_difficulty"),
    )
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(sa_column=_fk("assessment.id"))
    position: int
    goal: str = ""
    performance: int | None = None
    satisfaction: int | None = None
    difficulty: str | None = None


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
