"""The home screen's list of assessments: one line each, with its counts, read on every return home and on
every keystroke of a search.

It runs on the pool's DB-API connection with fixed SQL texts, as a recording does
(``store/repositories/recording.py``): for 2,000 assessments SQLAlchemy's result processing (a regular
expression per date) cost more than the query. Dates are read with ``fromisoformat``, from the text
SQLAlchemy's SQLite types write.

The Findings and Accepted counts are the costly part (a look into every room's answers); the caller passes
the counts it already holds, by assessment id, and only assessments whose version (uid and ``updated_at``)
moved since are counted again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine

from homeassess.domain.vocabulary import AssessmentStatus, RecommendationStatus
from homeassess.store.engine import pooled_driver
from homeassess.store.repositories.rooms import FINDING_VERDICTS
from homeassess.store.repositories.session import id_chunks

ALL_LISTED = (AssessmentStatus.DRAFT.value, AssessmentStatus.FINAL.value)


@dataclass(frozen=True)
class AssessmentSummary:
    """One line of the home screen."""

    id: int
    uid: str
    client_name: str
    address: str
    visit_date: date
    status: str
    findings: int  # answers that fail or are advisory
    accepted: int  # recommendations the clinician accepted
    updated_at: datetime
    followup_due: date | None = None  # an original's follow-up due date (None on follow-ups)
    parent_id: int | None = None  # a follow-up's original
    follow_ups: int = 0  # follow-ups started from this assessment (any status)
    final_follow_ups: int = 0  # of which final

    @property
    def follow_up_due(self) -> bool:
        """Due on or before today with no final follow-up yet (the home screen's "Follow-up due" filter)."""
        return self.followup_due is not None and self.followup_due <= date.today() and not self.final_follow_ups


@dataclass(frozen=True)
class CountedVersion:
    """An assessment's findings and accepted recommendations, as counted at one version: every change to its
    answers, their verdicts or its decisions moves ``updated_at``."""

    uid: str
    updated_at: datetime
    counts: tuple[int, int]  # (findings, accepted)

    def is_at(self, uid: str, updated_at: datetime) -> bool:
        """Counted at this version of this assessment (an id given again to another assessment is not)."""
        return self.updated_at == updated_at and self.uid == uid


# Follow-ups are counted in one pass over the parent_id index (only follow-ups have a parent), not once per
# listed row: with a status in a correlated subquery SQLite picked the status index and scanned every final
# assessment for each line (0.9 s for 2,000 assessments).
_LIST = (
    "SELECT a.id, a.uid, c.name, a.address, a.visit_date, a.status, a.updated_at, a.followup_due, a.parent_id,"
    " coalesce(f.started, 0), coalesce(f.final, 0)"
    " FROM assessment a JOIN client c ON c.id = a.client_id"
    f" LEFT JOIN (SELECT parent_id, count(*) AS started, sum(status = '{AssessmentStatus.FINAL.value}') AS final"
    "            FROM assessment"
    "            WHERE parent_id IS NOT NULL GROUP BY parent_id) f ON f.parent_id = a.id"
    " WHERE a.status IN ({statuses}){search}"
    " ORDER BY a.visit_date DESC, a.id DESC"
)
# A search matches the client's name or the address anywhere, ignoring the case of ASCII letters (SQLite's
# LIKE); % and _ typed in the box are matched as themselves.
_SEARCH = " AND (c.name LIKE ? ESCAPE '\\' OR a.address LIKE ? ESCAPE '\\')"
# Per assessment, over the indexes on room(assessment_id), response(room_id, verdict) and
# recommendation(assessment_id, status); a grouped count would read every answer in the store.
_COUNTS = (
    "SELECT a.id,"
    " (SELECT count(*) FROM room r JOIN response p ON p.room_id = r.id"
    f"  WHERE r.assessment_id = a.id AND p.verdict IN ({', '.join(repr(v) for v in FINDING_VERDICTS)})),"
    f" (SELECT count(*) FROM recommendation d WHERE d.assessment_id = a.id AND d.status = '{RecommendationStatus.ACCEPTED.value}')"
    " FROM assessment a WHERE a.id IN ({ids})"
)


def list_summaries(engine: Engine, search: str, statuses: tuple[str, ...],
                   counted: Mapping[int, CountedVersion]) -> list[AssessmentSummary]:
    """The listed assessments, newest visit first; counts reused from ``counted`` where still current."""
    text = search.strip()
    sql = _LIST.format(statuses=", ".join("?" * len(statuses)), search=_SEARCH if text else "")
    params: tuple[str, ...] = tuple(str(s) for s in statuses)
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params += (pattern, pattern)
    with _reading(engine) as conn:
        rows = conn.execute(sql, params).fetchall()
        versions = [_moment(row[6]) for row in rows]
        stale = [row[0] for row, version in zip(rows, versions, strict=True)
                 if not ((known := counted.get(row[0])) and known.is_at(row[1], version))]
        fresh: dict[int, tuple[int, int]] = {}
        for chunk in id_chunks(stale):
            fresh.update((i, (f, a)) for i, f, a in conn.execute(_COUNTS.format(ids=", ".join("?" * len(chunk))), chunk))
    return [
        AssessmentSummary(
            row[0], row[1], row[2], row[3], date.fromisoformat(row[4]), row[5],
            *(fresh.get(row[0]) or counted[row[0]].counts), version,
            date.fromisoformat(row[7]) if row[7] else None, row[8], row[9], row[10],
        )
        for row, version in zip(rows, versions, strict=True)
    ]


def _moment(stored: str) -> datetime:
    """A stored time as the rest of the program reads it (``UTCDateTime``: kept in UTC without an offset)."""
    moment = datetime.fromisoformat(stored)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@contextmanager
def _reading(engine: Engine) -> Iterator[sqlcipher.Connection]:
    with pooled_driver(engine) as conn:
        conn.execute("BEGIN")  # the lines and their counts from one snapshot of the store
        try:
            yield conn
        finally:
            conn.execute("COMMIT")
