"""A read-only view of one assessment's audit trail."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from homeassess.services.audit_log import AuditLog


class AuditDialog(QDialog):
    def __init__(self, audit: AuditLog, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Audit trail")
        self.resize(760, 480)
        events = audit.for_assessment(assessment_id)
        self.table = QTableWidget(len(events), 4)
        self.table.setAccessibleName("Audit trail")
        self.table.setHorizontalHeaderLabels(["When (UTC)", "Clinician", "Action", "Detail"])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        for row, event in enumerate(events):
            values = (event.at.strftime("%Y-%m-%d %H:%M:%S"), event.clinician, event.action.replace("_", " "), event.detail)
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
