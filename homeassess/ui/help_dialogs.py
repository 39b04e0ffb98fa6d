"""Help: how to measure each item (the catalogue's own help), shortcuts, and About."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import homeassess
from homeassess.domain.catalogue import Catalogue, ItemKind
from homeassess.domain.data_files import resources_dir
from homeassess.services.workspace import Workspace

SHORTCUTS = (
    ("Ctrl+N", "New assessment"),
    ("Ctrl+Shift+H", "All assessments (home screen)"),
    ("Enter", "Save the measurement and move to the next one"),
    ("Tab / Shift+Tab", "Next / previous field"),
    ("F1", "How to measure the focused item"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
    ("Alt+R / Alt+C", "Rooms tab / Recommendations tab"),
    ("Ctrl+V", "Paste a photo into the room's photo strip"),
    ("F2 / Del / Enter", "Photo strip: edit caption / delete / view large"),
    ("Ctrl+Return / Ctrl+D", "Recommendations: accept / dismiss the selected ones"),
    ("Ctrl+E / Ctrl+Shift+A", "Recommendations: edit the selected one / add your own"),
    ("Ctrl+Shift+E / Ctrl+Shift+I", "Export / import an assessment file"),
    ("Ctrl+L", "Lock now"),
    ("Ctrl+,", "Settings"),
    ("Ctrl+Q", "Quit"),
)


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


def show_shortcuts(parent: QWidget) -> None:
    rows = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in SHORTCUTS)
    label = QLabel(f"<table cellspacing=8>{rows}</table>")
    label.setTextInteractionFlags(Qt.TextSelectableByKeyboard | Qt.TextSelectableByMouse)
    _dialog(parent, "Keyboard shortcuts", label, (520, 420)).exec()


def about_text(workspace: Workspace) -> str:
    licences = sorted(p.name for p in (resources_dir() / "licenses").glob("*")) if (resources_dir() / "licenses").is_dir() else []
    return (
        f"<h2>HomeAssess {homeassess.__version__}</h2>"
        "<p>Offline home-modification assessments for occupational therapists.</p>"
        f"<p><b>Your store:</b> {html.escape(str(workspace.store.path))}<br/>"
        f"<b>Catalogue:</b> {html.escape(workspace.judge.catalogue.version)}<br/>"
        f"<b>Python</b> {platform.python_version()} · <b>Qt</b> {qVersion()} · <b>PySide6</b> {PySide6.__version__}</p>"
        "<p>Standards figures are benchmarks drawn from the published texts; ADA figures do not bind private homes.</p>"
        + (f"<p><b>Licences:</b> {html.escape(', '.join(licences))} (in the resources/licenses folder)</p>" if licences else "")
    )


def show_about(parent: QWidget, workspace: Workspace) -> None:
    label = QLabel(about_text(workspace))
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
    _dialog(parent, "About HomeAssess", label, (600, 380)).exec()
