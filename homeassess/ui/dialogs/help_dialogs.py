"""Help: how to measure each item (the catalogue's own help), keyboard shortcuts, and About.

The shortcuts table is built from the action registry (``kit/actions.py``), never written by hand.
"""

from __future__ import annotations

import html
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import homeassess
from homeassess.domain.catalogue import Catalogue, ItemKind
from homeassess.domain.data_files import resources_dir
from homeassess.ui.kit.actions import HelpRow


def _dialog(parent: QWidget, title: str, body: QWidget, size: tuple[int, int] = (720, 520)) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.resize(*size)
    buttons = QDialogButtonBox(QDialogButtonBox.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body, 1)
    layout.addWidget(buttons)
    return dialog


class HowToMeasure(QWidget):
    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.rooms = QListWidget()
        self.rooms.setAccessibleName("Room types")
        for rt in catalogue.room_types:
            self.rooms.addItem(rt.name)
        self.text = QTextBrowser()
        self.text.setAccessibleName("How to measure")
        layout = QHBoxLayout(self)
        layout.addWidget(self.rooms, 1)
        layout.addWidget(self.text, 3)
        self.rooms.currentRowChanged.connect(self.show_room)
        self.rooms.setCurrentRow(0)

    def show_room(self, row: int) -> None:
        rt = self.catalogue.room_types[row]
        parts = [f"<h2>{html.escape(rt.name)}</h2><p>{html.escape(rt.description)}</p>"]
        for item in self.catalogue.items_of(rt.id):
            if item.kind is not ItemKind.MEASUREMENT and not item.help:
                continue
            parts.append(f"<h4>{html.escape(item.prompt)}</h4><p>{html.escape(item.help)}</p>")
        self.text.setHtml("".join(parts))


def show_how_to_measure(parent: QWidget, catalogue: Catalogue) -> None:
    _dialog(parent, "How to measure", HowToMeasure(catalogue), (860, 620)).exec()


def shortcuts_html(rows: list[HelpRow]) -> str:
    """The table: one section per place the keys work (anywhere, checklist, photo strip, recommendations)."""
    parts, where = [], None
    for row in rows:
        if row.where is not where:
            where = row.where
            parts.append(f"<tr><td colspan=2><h4>{html.escape(where.value)}</h4></td></tr>")
        parts.append(f"<tr><td><b>{html.escape(row.keys)}</b></td><td>{html.escape(row.what)}</td></tr>")
    return f"<table cellspacing=6>{''.join(parts)}</table>"


def show_shortcuts(parent: QWidget, rows: list[HelpRow]) -> None:
    label = QLabel(shortcuts_html(rows))
    label.setObjectName("shortcutsTable")
    label.setTextInteractionFlags(Qt.TextSelectableByKeyboard | Qt.TextSelectableByMouse)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(label)
    _dialog(parent, "Keyboard shortcuts", scroll, (600, 560)).exec()


def about_text(store_path: Path, catalogue_version: str) -> str:
    licences = sorted(p.name for p in (resources_dir() / "licenses").glob("*")) if (resources_dir() / "licenses").is_dir() else []
    return (
        f"<h2>HomeAssess {homeassess.__version__}</h2>"
        "<p>Offline home-modification assessments for occupational therapists.</p>"
        f"<p><b>Your store:</b> {html.escape(str(store_path))}<br/>"
        f"<b>Catalogue:</b> {html.escape(catalogue_version)}<br/>"
        f"<b>Python</b> {platform.python_version()} · <b>Qt</b> {qVersion()} · <b>PySide6</b> {PySide6.__version__}</p>"
        "<p>Standards figures are benchmarks drawn from the published texts; ADA figures do not bind private homes.</p>"
        + (f"<p><b>Licences:</b> {html.escape(', '.join(licences))} (in the resources/licenses folder)</p>" if licences else "")
    )


def show_about(parent: QWidget, store_path: Path, catalogue_version: str) -> None:
    label = QLabel(about_text(store_path, catalogue_version))
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
    _dialog(parent, "About HomeAssess", label, (600, 380)).exec()
