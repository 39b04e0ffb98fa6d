"""The home screen's table of assessments.

The Follow-up column says when a final assessment's follow-up is due (or that it was done), and on
a follow-up which visit it follows ("of the 2 Oct 2026 visit").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from homeassess.domain.vocabulary import AssessmentStatus
from homeassess.services.assessments import AssessmentSummary
from homeassess.ui.kit.item_roles import ACCESSIBLE, ALIGNMENT, DISPLAY, RIGHT_ALIGNED, TOOLTIP, USER

COLUMNS = ("Client", "Address", "Visit date", "Status", "Findings", "Accepted", "Follow-up")
COUNTS = (4, 5)  # right-aligned numbers
FOLLOW_UP_COLUMN = 6


class AssessmentListModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AssessmentSummary] = []
        self.visits: dict[int, date] = {}  # assessment id -> visit date, for "of the … visit"
        # Each shown row's texts, made when the view first asks for the row: painting asks for every cell
        # in several roles, and a list of 2,000 is reset on every keystroke of a search.
        self._texts: dict[int, tuple[str, ...]] = {}

    def set_rows(self, rows: list[AssessmentSummary], visits: dict[int, date] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.visits = {**(visits or {}), **{r.id: r.visit_date for r in rows}}
        self._texts = {}
        self.endResetModel()

    def texts(self, row_number: int) -> tuple[str, ...]:
        """The row's text in each column, as shown and as read by a screen reader."""
        found = self._texts.get(row_number)
        if found is None:
            row = self.rows[row_number]
            found = self._texts[row_number] = (
                row.client_name or "(no name)", row.address, row.visit_date.strftime("%d %b %Y"),
                AssessmentStatus(row.status).label, str(row.findings), str(row.accepted), self.follow_up_text(row),
            )
        return found

    def follow_up_text(self, row: AssessmentSummary) -> str:
        if row.parent_id is not None:
            visit = self.visits.get(row.parent_id)
            return f"of the {visit:%d %b %Y} visit" if visit else "a follow-up"
        if row.final_follow_ups:
            return "done"
        if row.followup_due is None:
            return ""
        note = " (started)" if row.follow_ups else (" (overdue)" if row.followup_due < date.today() else "")
        return f"due {row.followup_due:%d %b %Y}{note}"

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role: int = DISPLAY):
        if not index.isValid():
            return None
        if role in (DISPLAY, ACCESSIBLE):
            return self.texts(index.row())[index.column()]
        if role == USER:
            return self.rows[index.row()].id
        if role == TOOLTIP and index.column() == FOLLOW_UP_COLUMN:
            return "When the follow-up visit is due; on a follow-up, the visit it follows"
        if role == TOOLTIP and index.column() in COUNTS:
            return ("Answers that fail or are advisory", "Recommendations accepted")[index.column() - COUNTS[0]]
        if role == ALIGNMENT and index.column() in COUNTS:
            return RIGHT_ALIGNED
        return None

    def assessment_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None
