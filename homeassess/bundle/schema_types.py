"""The field types every model of the export document shares: strict objects, UTC times, ids and texts within limits."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from homeassess.domain.limits import BUNDLE, TEXT

UID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$"
ID_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
ROOM_KEY_PATTERN = r"^room-[1-9][0-9]{0,5}$"
RECOMMENDATION_KEY_PATTERN = r"^rec-[1-9][0-9]{0,5}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
VERDICTS = ("", "meets", "fails", "advisory", "not_applicable", "implausible")


def _as_utc(value: datetime) -> datetime:
    """Store times are UTC; SQLite hands them back naive."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UtcTime = Annotated[datetime, AfterValidator(_as_utc)]
Uid = Annotated[str, Field(pattern=UID_PATTERN)]
CatalogueId = Annotated[str, Field(pattern=ID_PATTERN)]
RoomKey = Annotated[str, Field(pattern=ROOM_KEY_PATTERN)]
RecommendationKey = Annotated[str, Field(pattern=RECOMMENDATION_KEY_PATTERN)]
Line = Annotated[str, Field(max_length=TEXT.line)]
Paragraph = Annotated[str, Field(max_length=TEXT.paragraph)]
Position = Annotated[int, Field(ge=0, le=BUNDLE.max_position)]
Cost = Annotated[int, Field(ge=0, le=BUNDLE.max_cost)]
StoredValue = Annotated[float, Field(ge=-BUNDLE.max_json_integer, le=BUNDLE.max_json_integer)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
