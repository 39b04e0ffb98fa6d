"""The comparison on a follow-up's Outcomes tab: each measure at the first visit and now, with its direction in words.

The direction is a word ("Better", "Worse", "No change", "Not comparable") in the palette's tone
for it (better reads as a verdict that meets, worse as one that fails), never colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from homeassess.domain.follow_up import Direction, OutcomeChange
from homeassess.ui.kit.palette import Tone, colour

COLUMNS = ("Measure", "First visit", "Follow-up", "Change")
TONES = {Direction.BETTER: Tone.MEETS, Direction.WORSE: Tone.FAILS, Direction.SAME: None, Direction.UNKNOWN: Tone.MUTED}
SYMBOLS = {Direction.BETTER: "▲", Direction.WORSE: "▼", Direction.SAME: "=", Direction.UNKNOWN: "–"}


class OutcomeTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("outcomeComparison")
        self.setAccessibleName("Change since the first visit")
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.changes: tuple[OutcomeChange, ...] = ()

    def show_changes(self, changes: tuple[OutcomeChange, ...]) -> None:
        self.changes = changes
        self.setRowCount(len(changes))
        for row, change in enumerate(changes):
            direction = f"{SYMBOLS[change.direction]} {change.direction.label}"
            for column, text in enumerate((change.label, change.baseline, change.follow_up, direction)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.AccessibleTextRole, text)
                if column == 3 and TONES[change.direction] is not None:
                    cell.setForeground(QColor(colour(TONES[change.direction])))
                self.setItem(row, column, cell)
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(len(changes)))
        self.setMinimumHeight(min(rows + self.horizontalHeader().height() + 4, 420))
