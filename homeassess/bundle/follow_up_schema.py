"""The follow-up parts of the export document (schema 4): outcome measures and goal scores of a
visit, and a follow-up's installed items with their as-installed measurements. docs/bundle-format.md."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, get_args

from pydantic import Field

from homeassess.bundle.schema_types import (
    VERDICTS,
    CatalogueId,
    Line,
    Paragraph,
    Position,
    RecommendationKey,
    RoomKey,
    StoredValue,
    Strict,
    UtcTime,
)
from homeassess.domain.follow_up import CONCERN_RANGE, FALLS_RANGE, GOAL_SCORE_RANGE
from homeassess.domain.limits import BUNDLE, TEXT
from homeassess.domain.vocabulary import Difficulty, InstallStatus, NotDoneReason

Verdict = Literal["", "meets", "fails", "advisory", "not_applicable", "implausible"]
assert get_args(Verdict) == VERDICTS  # one list of verdicts
GoalRating = Annotated[int, Field(ge=GOAL_SCORE_RANGE[0], le=GOAL_SCORE_RANGE[1])]
MAX_MEASURES = TEXT.list_items  # as-installed measurements of one item (a library entry lists a few)
MAX_INSTALLATIONS = BUNDLE.max_recommendations  # one per recommendation of the original at most


class OutcomeMeasures(Strict):
    recorded_on: date | None = None
    falls_3m: Annotated[int, Field(ge=FALLS_RANGE[0], le=FALLS_RANGE[1])] | None = None
    fall_concern: Annotated[int, Field(ge=CONCERN_RANGE[0], le=CONCERN_RANGE[1])] | None = None
    instrument: Line = ""
    instrument_score: Line = ""


class GoalScoreEntry(Strict):
    position: Position
    goal: Paragraph = ""
    performance: GoalRating | None = None
    satisfaction: GoalRating | None = None
    difficulty: str | None = Field(default=None, pattern=f"^({'|'.join(Difficulty)})$")


class Measure(Strict):
    check_id: CatalogueId
    value_text: Line = ""
    value: StoredValue | None = None
    verdict: Verdict = ""


class Installation(Strict):
    """One accepted recommendation of the original (``recommendation``: its key there), as the follow-up found it."""

    recommendation: RecommendationKey
    room: RoomKey | None = None  # the follow-up's room
    status: str = Field(default=InstallStatus.NOT_CHECKED.value, pattern=f"^({'|'.join(InstallStatus)})$")
    reason: str | None = Field(default=None, pattern=f"^({'|'.join(NotDoneReason)})$")
    reason_note: Paragraph = ""
    installed_on: date | None = None
    installed_by: Line = ""
    note: Paragraph = ""
    updated_at: UtcTime
    measures: list[Measure] = Field(default=[], max_length=MAX_MEASURES)
