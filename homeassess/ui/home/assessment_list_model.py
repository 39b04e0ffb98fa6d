"""The home screen's table of assessments."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from homeassess.domain.vocabulary import AssessmentStatus
from homeassess.services.assessments import AssessmentSummary

COLUMNS = ("Client", "Address", "Visit date", "Status", "Findings", "Accepted")
COUNTS = (4, 5)  # right-aligned numbers


class AssessmentListModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AssessmentSummary] = []

    def set_rows(self, rows: list[AssessmentSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            return (
                row.client_name or "(no name)", row.address, row.visit_date.strftime("%d %b %Y"),
                AssessmentStatus(row.status).label, str(row.findings), str(row.accepted),
            )[index.column()]
        if role == Qt.UserRole:
            return row.id
        if role == Qt.ToolTipRole and index.column() in COUNTS:
            return ("Answers that fail or are advisory", "Recommendations accepted")[index.column() - COUNTS[0]]
        if role == Qt.TextAlignmentRole and index.column() in COUNTS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def assessment_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None
