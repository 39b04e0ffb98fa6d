"""The self-test's Qt step: the widgets, the platform plugin and QtPdf are really there."""

from __future__ import annotations

import os
from collections.abc import Iterator

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from homeassess.services.workspace import Workspace


def qt_steps(workspace: Workspace, assessment_id: int, clinical_pdf: bytes) -> Iterator[tuple[str, bool, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    from homeassess.ui.kit.error_path import ErrorPath
    from homeassess.ui.shell.main_window import MainWindow
    from homeassess.ui.shell.window_services import WindowServices

    window = MainWindow(WindowServices.from_workspace(workspace), ErrorPath(None))
    window.open_assessment(assessment_id)
    rooms = window.assessment.rooms.model.rowCount()
    window.close()
    yield "window", rooms > 0, f"Qt {app.platformName()} platform, {rooms} rooms listed"

    data = QByteArray(clinical_pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    image = document.render(0, QSize(612, 792))
    yield "PDF preview (QtPdf)", document.pageCount() > 0 and not image.isNull(), f"{document.pageCount()} pages rendered"
