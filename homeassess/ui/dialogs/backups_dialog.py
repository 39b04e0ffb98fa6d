"""Backups: see them, take one now, restore one (after backing up the current state)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from homeassess.domain.refusals import Refused
from homeassess.services.backups import BackupService
from homeassess.services.changes import Change
from homeassess.ui.kit import prompts
from homeassess.ui.kit.operations import Operations


class BackupsDialog(QDialog):
    def __init__(self, backups: BackupService, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = backups
        self.ops = ops
        self.restored = False
        self.setWindowTitle("Backups")
        self.resize(700, 420)
        info = QLabel(
            "HomeAssess backs up the encrypted store every day, when you quit, and before upgrades. "
            "Each backup is checked after it is written. Restoring first backs up the current state."
        )
        info.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName("Backups")
        self.table.setHorizontalHeaderLabels(["Taken (UTC)", "Why", "Size"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        take = QPushButton("&Back up now")
        take.clicked.connect(self.take)
        restore = QPushButton("&Restore selected…")
        restore.clicked.connect(self.restore)
        row = QHBoxLayout()
        row.addWidget(take)
        row.addWidget(restore)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.backups = self.service.list()
        self.table.setRowCount(len(self.backups))
        for i, b in enumerate(self.backups):
            for j, value in enumerate((b.created.strftime("%Y-%m-%d %H:%M:%S"), b.reason.replace("-", " "), f"{b.size / 1e6:.1f} MB")):
                self.table.setItem(i, j, QTableWidgetItem(value))
        if self.backups:
            self.table.selectRow(0)

    def take(self) -> None:
        def refused(refusal: Refused) -> None:
            prompts.show_error(self, "Backup failed", refusal.sentence)

        self.ops.run(self.service.back_up_now, on_refused=refused, on_settled=self.refresh, undoable=False)

    def restore(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.backups):
            return
        chosen = self.backups[row]
        when = chosen.created.strftime("%Y-%m-%d %H:%M")
        if not prompts.confirm(self, "Restore backup", f"Replace everything in the store with the backup of {when}? "
                               "The current state is backed up first, so this can be reversed."):
            return

        def restored(_done: Change) -> None:
            self.restored = True
            prompts.show_info(self, "Restored", f"The store now holds the backup of {when}.")

        def refused(refusal: Refused) -> None:
            prompts.show_error(self, "Not restored", f"{refusal.sentence} Nothing was changed.")

        self.ops.run(lambda: self.service.restore(chosen.path), on_done=restored, on_refused=refused,
                     on_settled=self.refresh, undoable=False)
