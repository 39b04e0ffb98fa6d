"""The photos of the current room: a thumbnail strip with add, paste, drop, caption, rotate, order, delete.

A thin view over :class:`PhotoImportService`. Everything that decodes (import, paste, rotate, the
large view) runs on the one worker helper; the GUI thread only shows ≤ 256 px thumbnails that are
already in the store. Imports report progress and can be cancelled between files; refused files
are listed together in one message afterwards. Edits are pushed on the visit's undo stack once
they have been saved. A final (read-only) assessment can only be looked at.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDeadlineTimer,
    QEventLoop,
    QIODevice,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence, QPainter, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from homeassess.photos import photo_files_in
from homeassess.services.assessments import ReadOnlyAssessment
from homeassess.services.photo_import import ImportSummary, PhotoGone, PhotoImportService
from homeassess.services.workspace import Workspace
from homeassess.store.engine import StoreError
from homeassess.ui import prompts
from homeassess.ui.error_path import ErrorPath
from homeassess.ui.photo_list_model import ICON_SIZE, PHOTO_ID_ROLE, PhotoListModel
from homeassess.ui.photo_viewer import PhotoViewer
from homeassess.ui.undo_commands import ServiceCommand
from homeassess.ui.worker import BackgroundJob

EMPTY_TEXT = "No photos for this room yet. Add photos, drop files here, or paste (Ctrl+V)."
EXPECTED = (ReadOnlyAssessment, PhotoGone, StoreError)
MAX_LISTED = 20  # refused files named in the message; the rest are counted
LIVE_REFRESH_MS = 400  # during an import, new thumbnails appear at most this often


class _StripView(QListView):
    """The thumbnail list: one horizontal row, a hint when empty, and which part was double-clicked."""

    double_clicked = Signal(QModelIndex, bool)  # index, on the caption (not the picture)

    def __init__(self) -> None:
        super().__init__()
        self.setViewMode(QListView.IconMode)
        self.setFlow(QListView.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Static)
        self.setResizeMode(QListView.Adjust)
        self.setIconSize(ICON_SIZE)
        self.setGridSize(ICON_SIZE + QSize(24, 52))
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.ElideRight)
        self.setSelectionMode(QListView.SingleSelection)
        self.setEditTriggers(QListView.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.setMinimumHeight(ICON_SIZE.height() + 80)
        self.placeholder_text = EMPTY_TEXT

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.viewport().rect().adjusted(12, 0, -12, 0), Qt.AlignCenter | Qt.TextWordWrap,
                             self.placeholder_text)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            icon = index.data(Qt.DecorationRole)
            picture_height = icon.actualSize(self.iconSize()).height() if icon is not None else 0
            below_picture = event.position().y() > self.visualRect(index).top() + picture_height + 4
            self.double_clicked.emit(index, below_picture)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


class PhotoStrip(QWidget):
    changed = Signal()

    def __init__(
        self, workspace: Workspace, undo_stack: QUndoStack, errors: ErrorPath,
        service: PhotoImportService | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service or getattr(workspace, "photo_import", None) or PhotoImportService(workspace)
        self.undo_stack = undo_stack
        self.errors = errors
        self.assessment_id: int | None = None
        self.room_id: int | None = None
        self.item_id: str | None = None  # when set, only that item's photos show, and new ones attach to it
        self.read_only = True
        self.import_job: BackgroundJob | None = None
        self._import_tally: ImportSummary | None = None
        self._jobs: list[BackgroundJob] = []
        self._rotating = False  # one rotation at a time: each starts from the stored images

        catalogue = workspace.judge.catalogue
        self._prompt = lambda item_id: _prompt(catalogue, item_id)
        self.model = PhotoListModel(self._prompt)
        self.model.include_requested.connect(self.set_include)
        self.view = _StripView()
        self.view.setObjectName("photoStrip")
        self.view.setAccessibleName("Photos for this room")
        self.view.setAccessibleDescription(EMPTY_TEXT)
        self.view.setModel(self.model)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(self._update_actions)
        self.view.double_clicked.connect(self._double_clicked)
        self.setAcceptDrops(True)

        self._build_actions()
        self._live_refresh = QTimer(self, singleShot=True, interval=LIVE_REFRESH_MS, timeout=self.refresh)

        self.progress = QProgressBar(maximum=1000, textVisible=False)
        self.progress.setAccessibleName("Photo import progress")
        self.status = QLabel("")
        self.status.setAccessibleName("Photo import status")
        self.cancel_button = QPushButton("Cancel import")
        self.cancel_button.setAccessibleName("Cancel photo import")
        self.cancel_button.clicked.connect(self.cancel_import)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.status, 1)
        progress_row.addWidget(self.cancel_button)

        title = QLabel("<b>Photos</b>")
        title.setBuddy(self.view)
        self.scope = QLabel("")
        self.scope.setAccessibleName("Which photos are shown")
        self.whole_room_button = QPushButton("Show the whole room")
        self.whole_room_button.setAccessibleName("Show the photos of the whole room")
        self.whole_room_button.clicked.connect(lambda: self.set_item(None))
        self.whole_room_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(title)
        buttons.addWidget(self.scope)
        buttons.addWidget(self.whole_room_button)
        for action in (self.add_files_action, self.add_folder_action, self.paste_action, None, self.caption_action,
                       self.include_action, self.rotate_left_action, self.rotate_right_action, self.move_left_action,
                       self.move_right_action, self.delete_action, self.view_action):
            if action is None:
                buttons.addSpacing(12)
                continue
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAccessibleName(action.text().rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addLayout(progress_row)
        self._show_progress(False)
        self._update_actions()

    def _build_actions(self) -> None:
        # No "&" mnemonics: Alt+A / Alt+F would clash with the main window's menus. Shortcuts work while
        # the focus is in the strip; everything is also on the buttons and the context menu.
        def action(text: str, slot: Callable[[], None], *keys: QKeySequence | str, tip: str = "") -> QAction:
            act = QAction(text, self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            shortcut = f" ({act.shortcut().toString(QKeySequence.NativeText)})" if keys else ""
            act.setToolTip((tip or text.rstrip("…")) + shortcut)
            act.triggered.connect(lambda *_: slot())
            self.addAction(act)
            return act

        self.add_files_action = action("Add photos…", self.add_files, tip="Attach photos from files")
        self.add_folder_action = action("Add folder…", self.add_folder, tip="Attach every photo in a folder")
        self.paste_action = action("Paste", self.paste, QKeySequence.Paste, tip="Paste a picture or photo files")
        self.caption_action = action("Caption…", self.edit_caption, "F2", tip="Edit caption")
        self.include_action = action("In report", lambda: None, tip="Include in report")
        self.include_action.setCheckable(True)
        self.include_action.toggled.connect(self._include_toggled)
        self.rotate_left_action = action("Rotate left", lambda: self.rotate(-1), "Ctrl+[")
        self.rotate_right_action = action("Rotate right", lambda: self.rotate(1), "Ctrl+]")
        self.move_left_action = action("Move left", lambda: self.move(-1), "Ctrl+Shift+Left")
        self.move_right_action = action("Move right", lambda: self.move(1), "Ctrl+Shift+Right")
        self.delete_action = action("Delete", self.delete, QKeySequence.Delete, tip="Delete photo")
        self.view_action = action("View", self.view_large, Qt.Key_Return, Qt.Key_Enter, tip="View large")
        for act, symbol in ((self.rotate_left_action, "⟲"), (self.rotate_right_action, "⟳"),
                            (self.move_left_action, "◀"), (self.move_right_action, "▶")):
            act.setIconText(symbol)  # buttons show the symbol; menus, tooltips and screen readers the name

    # --- public ----------------------------------------------------------------------------

    def set_room(self, assessment_id: int, room_id: int | None, read_only: bool) -> None:
        self.assessment_id, self.room_id, self.read_only = assessment_id, room_id, read_only
        self.set_item(None)

    def set_item(self, item_id: str | None) -> None:
        """Show only the photos of one checklist item (None: the whole room); new photos attach to it."""
        self.item_id = item_id
        self.scope.setText(f"of <i>{html.escape(self._prompt(item_id))}</i> (new photos attach to it)" if item_id else "")
        self.whole_room_button.setVisible(item_id is not None)
        self.refresh()

    @property
    def busy(self) -> bool:
        return any(job.running for job in self._jobs)

    def cancel_import(self) -> None:
        if self.import_job is not None and self.import_job.running:
            self.import_job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText("Cancelling after the current photo…")

    def wait_for_import(self, msecs: int = 30000) -> bool:
        """Process events until no job of this strip runs (True) or ``msecs`` pass (False)."""
        if not self.busy:
            return True
        deadline = QDeadlineTimer(msecs)
        loop = QEventLoop()
        poll = QTimer(interval=20)
        poll.timeout.connect(lambda: loop.quit() if not self.busy or deadline.hasExpired() else None)
        poll.start()
        loop.exec()
        poll.stop()
        return not self.busy

    def refresh(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_photo_id()
        if self.assessment_id is None:
            photos = []
        else:
            photos = self.service.photos(self.assessment_id, self.room_id, self.item_id)
        self.model.set_photos(photos, self.read_only)
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(self.model.index(row), QItemSelectionModel.ClearAndSelect)
        self.view.setAccessibleDescription(EMPTY_TEXT if not photos else f"{len(photos)} photos")
        self._update_actions()

    def current_photo_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.data(index, PHOTO_ID_ROLE) if index.isValid() else None

    # --- adding ----------------------------------------------------------------------------

    def add_files(self) -> None:
        if self._can_add():
            paths = prompts.pick_photo_files(self)
            if paths:
                self.import_paths(paths)

    def add_folder(self) -> None:
        if self._can_add():
            folder = prompts.pick_folder(self)
            if folder is not None:
                self.import_paths([folder])

    def paste(self) -> None:
        if not self._can_add():
            return
        mime = QGuiApplication.clipboard().mimeData()
        paths = _local_paths(mime)
        if paths:
            self.import_paths(paths)
        elif mime is not None and mime.hasImage():
            self.import_image(QImage(mime.imageData()))
        else:
            prompts.show_info(self, "Nothing to paste", "The clipboard holds no picture and no photo files.")

    def import_paths(self, sources: list[Path]) -> None:
        """Import files (folders are searched, sub-folders included) on the worker."""
        aid, rid, item, service = self.assessment_id, self.room_id, self.item_id, self.service
        tally = ImportSummary()

        def job(cancel):  # noqa: ANN001, ANN202 - the worker's job signature
            files = _expand(sources, tally)
            if not files:
                return tally
            steps = service.import_files(aid, rid, item, files, cancel)
            try:
                while True:
                    try:
                        step = next(steps)
                    except StopIteration as done:
                        tally.cancelled = done.value.cancelled
                        return tally
                    if step.outcome is not None:
                        tally.add(step.outcome)
                    yield step.fraction, step.message
            finally:
                steps.close()  # on cancel: ends the batch (and writes its audit line) before "cancelled"

        self._start_import(job, tally)

    def import_image(self, image: QImage) -> None:
        """Import a picture from the clipboard or a drop; encoding and decoding happen on the worker."""
        aid, rid, item, service = self.assessment_id, self.room_id, self.item_id, self.service
        tally = ImportSummary()

        def job(cancel):  # noqa: ANN001, ANN202, ARG001 - the worker's job signature
            yield 0.0, "Reading the pasted picture…"
            summary = service.import_bytes(aid, rid, item, _png_bytes(image))
            tally.imported.extend(summary.imported)
            tally.refused.extend(summary.refused)
            return tally

        self._start_import(job, tally)

    def _can_add(self) -> bool:
        if self.assessment_id is None or self.read_only:
            return False
        if self.import_job is not None and self.import_job.running:
            prompts.show_info(self, "Import running", "Photos are still being added. Wait for them, or cancel.")
            return False
        return True

    def _start_import(self, job, tally: ImportSummary) -> None:  # noqa: ANN001 - a worker job
        handle = BackgroundJob(job)
        handle.signals.progress.connect(self._import_progress)
        handle.signals.finished.connect(self._import_done)
        handle.signals.cancelled.connect(self._import_cancelled)
        handle.signals.failed.connect(self._import_failed)
        self.import_job, self._import_tally = handle, tally
        self._track(handle)
        self.progress.setValue(0)
        self.status.setText("Starting…")
        self.cancel_button.setEnabled(True)
        self._show_progress(True)
        handle.start()
        self._update_actions()

    def _import_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(fraction * 1000))
        self.status.setText(message)
        if self._import_tally is not None and self._import_tally.imported and not self._live_refresh.isActive():
            self._live_refresh.start()

    def _import_cancelled(self) -> None:
        if self._import_tally is not None:
            self._import_tally.cancelled = True
        self._import_done()

    def _import_done(self, *_: object) -> None:
        tally = self._import_tally or ImportSummary()
        self._finish_import()
        count = tally.imported_count
        added = f"Added {count} photo{'s' if count != 1 else ''}."
        self.status.setText(("Import cancelled. " if tally.cancelled else "") + added)
        if tally.refused:
            self.errors.refused("Some photos were not added", _refusal_text(added, tally.refused))
        elif count == 0 and not tally.cancelled:
            prompts.show_info(self, "No photos added", "No photos were found to add (JPEG, PNG, HEIC or WebP).")

    def _import_failed(self, exc: object) -> None:
        tally = self._import_tally or ImportSummary()
        self._finish_import()
        self.status.setText(f"Import stopped. Added {tally.imported_count} photos.")
        self._report(exc, "Photos not added")

    def _finish_import(self) -> None:
        self._live_refresh.stop()
        self._show_progress(False)
        self.status.show()
        self.refresh()
        self._update_actions()
        self.changed.emit()

    def _show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)
        self.status.setVisible(shown)

    # --- drag and drop ---------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        mime = event.mimeData()
        if not self.read_only and self.assessment_id is not None and (_local_paths(mime) or mime.hasImage()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if not self._can_add():
            event.ignore()
            return
        mime = event.mimeData()
        paths = _local_paths(mime)
        if paths:
            self.import_paths(paths)
        elif mime.hasImage():
            self.import_image(QImage(mime.imageData()))
        else:
            event.ignore()
            return
        event.acceptProposedAction()

    # --- editing the current photo ---------------------------------------------------------

    def edit_caption(self) -> None:
        photo = self._current_editable()
        if photo is None:
            return
        text = prompts.ask_text(self, "Photo caption", "Caption:", photo.caption)
        if text is None or text.strip() == photo.caption:
            return
        new = text.strip()
        old = self._attempt(lambda: self.service.set_caption(photo.id, new))
        if old is _FAILED:
            return
        self._push("edit photo caption", lambda: self.service.set_caption(photo.id, new),
                   lambda: self.service.set_caption(photo.id, old), photo.id)

    def set_include(self, photo_id: int, include: bool) -> None:
        old = self._attempt(lambda: self.service.set_include(photo_id, include))
        if old is _FAILED:
            self.refresh()
            return
        if old == include:
            self.refresh(photo_id)
            return
        text = "include photo in report" if include else "leave photo out of report"
        self._push(text, lambda: self.service.set_include(photo_id, include),
                   lambda: self.service.set_include(photo_id, old), photo_id)

    def _include_toggled(self, checked: bool) -> None:
        photo = self._current_editable()
        if photo is not None and photo.include_in_report != checked:
            self.set_include(photo.id, checked)

    def move(self, step: int) -> None:
        photo = self._current_editable()
        if photo is None:
            return
        moved = self._attempt(lambda: self.service.move(photo.id, step))
        if moved is _FAILED or not moved:
            return
        self._push("move photo", lambda: self.service.move(photo.id, step),
                   lambda: self.service.move(photo.id, -step), photo.id)

    def delete(self) -> None:
        photo = self._current_editable()
        if photo is None:
            return
        row = self.view.currentIndex().row()
        removed = self._attempt(lambda: self.service.remove(photo.id))
        if removed is _FAILED:
            return
        kept = [removed]

        def redo() -> None:
            kept[0] = self.service.remove(photo.id)

        self.undo_stack.push(ServiceCommand("delete photo", self._guarded(redo, None),
                                            self._guarded(lambda: self.service.restore(kept[0]), photo.id)))
        self.refresh()
        if self.model.rowCount():
            next_row = min(row, self.model.rowCount() - 1)
            self.view.selectionModel().setCurrentIndex(self.model.index(next_row), QItemSelectionModel.ClearAndSelect)
        self.changed.emit()

    def rotate(self, quarter_turns: int) -> None:
        photo = self._current_editable()
        if photo is None or self._rotating:
            return
        service = self.service

        def job(cancel):  # noqa: ANN001, ANN202, ARG001 - the worker's job signature
            yield 0.0, "Turning the photo…"
            return service.rotate(photo.id, quarter_turns)

        def done(rotation) -> None:  # noqa: ANN001 - a Rotation
            self._push("rotate photo", lambda: service.put_renditions(photo.id, rotation.after),
                       lambda: service.put_renditions(photo.id, rotation.before), photo.id, apply=False)
            self.refresh(photo.id)
            self.changed.emit()

        def settled(*_: object) -> None:
            self._rotating = False
            self._update_actions()

        self._rotating = True
        self._update_actions()
        self._run(job, done, "Photo not rotated", settled)

    def view_large(self, index: QModelIndex | None = None) -> None:
        photo = self.model.photo((index or self.view.currentIndex()).row())
        if photo is None:
            return
        viewer = PhotoViewer(photo.caption, self)
        viewer.setWindowTitle(f"Photo {self.model.row_of(photo.id) + 1} of {self.model.rowCount()}")
        service = self.service

        def job(cancel):  # noqa: ANN001, ANN202, ARG001 - the worker's job signature
            yield 0.0, "Loading…"
            return QImage.fromData(service.working_copy(photo.id), "JPG")

        self._run(job, viewer.set_image, "Photo not shown")
        self.viewer = viewer
        viewer.open()

    def _double_clicked(self, index: QModelIndex, on_caption: bool) -> None:
        if on_caption and not self.read_only:
            self.view.setCurrentIndex(index)
            self.edit_caption()
        else:
            self.view_large(index)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.setAccessibleName("Photo actions")
        for act in (self.view_action, self.caption_action, self.include_action, None, self.rotate_left_action,
                    self.rotate_right_action, self.move_left_action, self.move_right_action, None, self.delete_action,
                    None, self.add_files_action, self.add_folder_action, self.paste_action):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.setAttribute(Qt.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # --- helpers ---------------------------------------------------------------------------

    def _current_editable(self):  # noqa: ANN202 - PhotoView | None
        if self.read_only:
            return None
        return self.model.photo(self.view.currentIndex().row())

    def _update_actions(self, *_: object) -> None:
        photo = self.model.photo(self.view.currentIndex().row())
        editable = photo is not None and not self.read_only
        can_add = self.assessment_id is not None and not self.read_only
        importing = self.import_job is not None and self.import_job.running
        for act in (self.add_files_action, self.add_folder_action, self.paste_action):
            act.setEnabled(can_add and not importing)
        for act in (self.caption_action, self.include_action, self.move_left_action, self.move_right_action,
                    self.delete_action):
            act.setEnabled(editable)
        self.rotate_left_action.setEnabled(editable and not self._rotating)
        self.rotate_right_action.setEnabled(editable and not self._rotating)
        self.view_action.setEnabled(photo is not None)
        row = self.view.currentIndex().row()
        self.move_left_action.setEnabled(editable and row > 0)
        self.move_right_action.setEnabled(editable and row < self.model.rowCount() - 1)
        self.include_action.blockSignals(True)
        self.include_action.setChecked(bool(photo and photo.include_in_report))
        self.include_action.blockSignals(False)

    def _attempt(self, change: Callable[[], object]) -> object:
        try:
            return change()
        except EXPECTED as exc:
            self.errors.refused("Not saved", _sentence(exc))
            self.refresh()
            return _FAILED

    def _push(self, text: str, do: Callable[[], object], undo: Callable[[], object], photo_id: int,
              apply: bool = True) -> None:
        """Record a change already made; refresh unless the caller does."""
        self.undo_stack.push(ServiceCommand(text, self._guarded(do, photo_id), self._guarded(undo, photo_id)))
        if apply:
            self.refresh(photo_id)
            self.changed.emit()

    def _guarded(self, change: Callable[[], object], photo_id: int | None) -> Callable[[], None]:
        """Undo/redo: save, show the result here, and report an expected failure instead of raising."""

        def run() -> None:
            self._attempt(change)
            self.refresh(photo_id)
            self.changed.emit()

        return run

    def _run(self, job, done: Callable[[object], None], failure_title: str,  # noqa: ANN001 - a worker job
             settled: Callable[..., None] | None = None) -> None:
        handle = BackgroundJob(job)
        handle.signals.finished.connect(done)
        handle.signals.failed.connect(lambda exc: self._report(exc, failure_title))
        if settled is not None:
            handle.signals.finished.connect(settled)
            handle.signals.failed.connect(settled)
        self._track(handle)
        handle.start()

    def _track(self, handle: BackgroundJob) -> None:
        self._jobs = [job for job in self._jobs if job.running]
        self._jobs.append(handle)

    def _report(self, exc: object, title: str) -> None:
        if isinstance(exc, EXPECTED):
            self.errors.refused(title, _sentence(exc))
            self.refresh()
        else:
            self.errors.unexpected()


_FAILED = object()


def _prompt(catalogue, item_id: str) -> str:  # noqa: ANN001 - a Catalogue
    try:
        return catalogue.item(item_id).prompt
    except KeyError:
        return item_id


def _sentence(exc: BaseException) -> str:
    text = str(exc)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _local_paths(mime) -> list[Path]:  # noqa: ANN001 - QMimeData | None
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _expand(sources: list[Path], tally: ImportSummary) -> list[Path]:
    """Files as given; folders replaced by the photos in them (worker thread: may touch a slow card)."""
    files: list[Path] = []
    for source in sources:
        if source.is_dir():
            try:
                files.extend(photo_files_in(source, recursive=True))
            except OSError:
                tally.refused.append((source.name, "this folder cannot be read"))
        else:
            files.append(source)
    return files


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG", 100)  # 100 = fastest (least compression); the pipeline re-encodes anyway
    buffer.close()
    return bytes(data.data())


def _refusal_text(added: str, refused: list[tuple[str, str]]) -> str:
    lines = [f"• {name}: {reason}" for name, reason in refused[:MAX_LISTED]]
    if len(refused) > MAX_LISTED:
        lines.append(f"… and {len(refused) - MAX_LISTED} more.")
    count = len(refused)
    head = f"{added} {count} file{'s were' if count != 1 else ' was'} not added:"
    return head + "\n\n" + "\n".join(lines)
