"""Reports in the program: choose, build on the worker, preview, print, save, open the folder.

The PDF is built by the same services the command line uses. The preview is QtPdf's own view of the built
bytes; printing renders each page onto the printer, so what prints is what was previewed. Saving (written
atomically, recorded with its audience, time and hash) and printing (audited) go through the operation helper.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from homeassess.domain.refusals import Refused
from homeassess.report.page_template import ReportCancelled
from homeassess.report.report_data import Audience
from homeassess.services.assessments import RoomView
from homeassess.services.changes import Change
from homeassess.services.reports import ReportService
from homeassess.ui.kit import prompts
from homeassess.ui.kit.operations import Operations
from homeassess.ui.kit.wheel_guard import guard_wheels_in
from homeassess.ui.kit.worker import BackgroundJob, wait_for_all

AUDIENCES = (("Clinical report", Audience.CLINICAL), ("Contractor scope of works", Audience.CONTRACTOR),
             ("Landlord modification request", Audience.LANDLORD), ("Client's action plan", Audience.CLIENT),
             ("Completion record (follow-up)", Audience.COMPLETION), ("Follow-up clinical report", Audience.FOLLOWUP))


def open_folder(path: Path) -> bool:
    """Open the folder in the file manager; False if the system refused (docs/pitfalls.md §4.4)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Render every page onto the printer at its resolution; returns pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target: QRect = painter.viewport()
            size = document.pagePointSize(page).toSize()
            size.scale(target.size(), Qt.KeepAspectRatio)
            image = document.render(page, size)
            painter.drawImage(QRect(target.topLeft(), size), image)
    finally:
        painter.end()
    return document.pageCount()


class ReportDialog(QDialog):
    def __init__(self, reports: ReportService, ops: Operations, assessment_id: int, rooms: list[RoomView],
                 paper_size: str, parent: QWidget | None = None, missing: str = "") -> None:
        super().__init__(parent)
        self.ops = ops
        self.assessment_id = assessment_id
        self.reports = reports
        self.pdf: bytes = b""
        self.job: BackgroundJob | None = None
        self.saved_path: Path | None = None
        self.setWindowTitle("Reports")
        self.resize(1100, 800)

        self.audience = QComboBox()
        self.audience.setAccessibleName("Audience")
        labels = dict((value, label) for label, value in AUDIENCES)
        for audience in reports.audiences(assessment_id):  # a follow-up's own reports first
            self.audience.addItem(labels[str(audience)], str(audience))
        self.rooms = QListWidget()
        self.rooms.setAccessibleName("Rooms in the report")
        for room in rooms:
            item = QListWidgetItem(room.name)
            item.setData(Qt.UserRole, room.id)
            item.setCheckState(Qt.Checked)
            self.rooms.addItem(item)
        self.audience.currentIndexChanged.connect(lambda: self.rooms.setEnabled(not self._follow_up_audience()))
        self.rooms.setEnabled(not self._follow_up_audience())  # a follow-up opens on its own report
        self.photos = QCheckBox("Include photos", checked=True)
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        self.paper.addItem("US Letter", "letter")
        self.paper.addItem("A4", "a4")
        self.paper.setCurrentIndex(max(self.paper.findData(paper_size), 0))
        self.millimetres = QCheckBox("All lengths in millimetres")
        metric = reports.measured_in_millimetres(assessment_id)  # a metric visit's reports are all in mm anyway
        self.millimetres.setChecked(metric)
        self.millimetres.setEnabled(not metric)
        self.build_button = QPushButton("&Build report")
        self.build_button.clicked.connect(self.build)
        self.cancel_button = QPushButton("Cancel build")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Report progress")
        self.status = QLabel("Choose the audience and build the report to preview it.")
        self.status.setWordWrap(True)
        self.missing = QLabel(f"<b>Missing from the report:</b> your {missing}. Add them in Settings "
                              "(Edit → Settings) or in this visit's details." if missing else "")
        self.missing.setObjectName("missingDetails")
        self.missing.setWordWrap(True)
        self.missing.setVisible(bool(missing))
        self.print_button = QPushButton("&Print…")
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton("&Save as PDF…")
        self.save_button.clicked.connect(self.save)
        self.folder_button = QPushButton("Open &folder")
        self.folder_button.clicked.connect(self.open_saved_folder)
        for b in (self.print_button, self.save_button, self.folder_button):
            b.setEnabled(False)

        guard_wheels_in(self)
        options = QFormLayout()
        options.addRow("&Audience:", self.audience)
        options.addRow("Rooms:", self.rooms)
        options.addRow("", self.photos)
        options.addRow("Pap&er:", self.paper)
        options.addRow("", self.millimetres)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.missing)
        side_layout.addLayout(options)
        side_layout.addWidget(self.build_button)
        side_layout.addWidget(self.cancel_button)
        side_layout.addWidget(self.progress)
        side_layout.addWidget(self.status)
        side_layout.addStretch(1)
        for b in (self.print_button, self.save_button, self.folder_button):
            side_layout.addWidget(b)

        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setAccessibleName("Report preview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.view)
        splitter.setSizes([320, 780])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self._buffer: QBuffer | None = None

    def options(self) -> dict[str, object]:
        rooms = [self.rooms.item(i).data(Qt.UserRole) for i in range(self.rooms.count())
                 if self.rooms.item(i).checkState() == Qt.Checked]
        return {
            "audience": self.audience.currentData(), "rooms": rooms, "include_photos": self.photos.isChecked(),
            "paper_size": self.paper.currentData(), "millimetres": self.millimetres.isChecked(),
        }

    def build(self) -> None:
        self._start(confirm_text=False)

    def _follow_up_audience(self) -> bool:  # a follow-up's own report: built from its installed items, not rooms
        return Audience(self.audience.currentData()).is_follow_up

    def _start(self, confirm_text: bool) -> None:
        """Build on the worker; ``confirm_text``: the clinician read the clinical-wording hits and lets them print."""
        opts = self.options()
        if not opts["rooms"] and not self._follow_up_audience():
            self.status.setText("Tick at least one room.")
            return
        service, assessment_id = self.reports, self.assessment_id
        holder: list[BackgroundJob] = []

        def job(cancel: threading.Event):
            # Signals emitted from the worker thread are queued to the dialog on the GUI thread.
            report = holder[0].report
            pdf = service.build(assessment_id, opts["audience"], opts["rooms"], opts["include_photos"], opts["paper_size"],
                                opts["millimetres"], progress=report, cancelled=cancel.is_set, confirm_text=confirm_text)
            yield 1.0, "done"
            return pdf

        self.job = BackgroundJob(job)
        holder.append(self.job)
        self.job.signals.progress.connect(lambda f, m: (self.progress.setValue(int(f * 100)), self.status.setText(m)))
        self.job.signals.finished.connect(self._built)
        self.job.signals.failed.connect(self._failed)
        self.job.signals.cancelled.connect(lambda: self._idle("Build cancelled."))
        self.build_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status.setText("Building…")
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _idle(self, message: str) -> None:
        self.build_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 100)
        self.status.setText(message)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ReportCancelled):
            self._idle("Build cancelled.")
        elif isinstance(exc, Refused) and getattr(exc, "hits", ()):
            self._idle(exc.sentence)
            if prompts.confirm(self, exc.title, wording_question(exc.hits)):  # type: ignore[attr-defined]
                self._start(confirm_text=True)
        elif isinstance(exc, Refused):
            self._idle(exc.sentence)
        else:  # a bug: the one error path logs it (without health information) and says so
            self._idle("The report could not be built.")
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _built(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.ReadOnly)
        self.document.load(self._buffer)
        self.progress.setValue(100)
        self._idle(f"{self.audience.currentText()}: {self.document.pageCount()} pages. Save or print it from here.")
        for b in (self.print_button, self.save_button):
            b.setEnabled(True)

    def save(self) -> Path | None:
        if not self.pdf:
            return None
        audience = self.audience.currentData()
        suggested = self.reports.suggested_file_name(self.assessment_id, audience)
        path = prompts.pick_save_path(self, "Save report", suggested, "PDF (*.pdf)")
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        written: list[Path] = []

        def saved(_done: Change) -> None:
            written.append(path)
            self.saved_path = path
            self.folder_button.setEnabled(True)
            self.status.setText(f"Saved as {path.name}.")

        self.ops.run(lambda: self.reports.save(self.assessment_id, audience, self.pdf, path), on_done=saved,
                     on_refused=lambda refusal: prompts.show_error(self, "Not saved", refusal.sentence), undoable=False)
        return written[0] if written else None

    def print_report(self) -> None:
        printer = QPrinter(QPrinter.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.Accepted:
            return
        pages = print_pdf(self.document, printer)
        self.ops.run(lambda: self.reports.printed(self.assessment_id, self.audience.currentData(), pages), undoable=False)
        self.status.setText(f"Sent {pages} pages to the printer.")

    def open_saved_folder(self) -> None:
        if self.saved_path is None:
            return
        if not open_folder(self.saved_path.parent):
            prompts.show_info(self, "Report saved", f"The report is saved at:\n{self.saved_path}")

    def done(self, result: int) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            wait_for_all(60_000)
        super().done(result)


def wording_question(hits: Sequence[object]) -> str:
    """Where a landlord or contractor document has clinical wording (the field, never the words), and the choice."""
    listed = "\n".join(f"• {hit}" for hit in hits)
    return (f"These texts would print clinical wording:\n{listed}\n\n"
            "Yes prints them as typed. No goes back, so you can reword them in Recommendations "
            "(or the client's details) first.")
