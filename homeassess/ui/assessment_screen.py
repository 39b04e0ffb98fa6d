"""One assessment: the room walk (rooms, checklist, photos) and the recommendation review.

Every edit goes straight to the services, which commit at once; a successful edit is
pushed on the visit's undo stack. A failed save keeps what was typed on screen and
says why.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from homeassess.services.assessments import AssessmentView
from homeassess.services.workspace import Workspace
from homeassess.store.engine import StoreError
from homeassess.ui import prompts
from homeassess.ui.checklist_view import ChecklistView
from homeassess.ui.error_path import ErrorPath
from homeassess.ui.photo_strip import PhotoStrip
from homeassess.ui.recommendations_view import RecommendationsView
from homeassess.ui.room_panel import RoomPanel
from homeassess.ui.undo_commands import ServiceCommand


class AssessmentScreen(QWidget):
    back_requested = Signal()
    report_requested = Signal(int)
    details_requested = Signal(int)
    changed = Signal()

    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, errors: ErrorPath, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.undo_stack = undo_stack
        self.errors = errors
        self.view: AssessmentView | None = None
        self.room_id: int | None = None
        self._recommendations_loaded_for: int | None = None

        self.title = QLabel("")
        self.title.setObjectName("assessmentTitle")
        self.title.setTextFormat(Qt.RichText)
        self.back_button = QPushButton("◀ All assessments")
        self.back_button.setAccessibleName("Back to all assessments")
        self.back_button.clicked.connect(self.back_requested)
        self.details_button = QPushButton("Client && visit…")
        self.details_button.clicked.connect(lambda: self.details_requested.emit(self.view.id))
        self.report_button = QPushButton("Reports…")
        self.report_button.clicked.connect(lambda: self.report_requested.emit(self.view.id))
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.details_button)
        header.addWidget(self.report_button)

        self.rooms = RoomPanel(workspace.judge.catalogue)
        self.checklist = ChecklistView()
        self.photos = PhotoStrip(workspace, undo_stack, errors)
        centre = QSplitter(Qt.Vertical)
        centre.addWidget(self.checklist)
        centre.addWidget(self.photos)
        centre.setStretchFactor(0, 4)
        centre.setStretchFactor(1, 1)
        walk = QSplitter(Qt.Horizontal)
        walk.addWidget(self.rooms)
        walk.addWidget(centre)
        walk.setStretchFactor(1, 3)
        walk.setSizes([260, 900])

        self.recommendations = RecommendationsView(workspace, undo_stack, errors)
        self.tabs = QTabWidget()
        self.tabs.addTab(walk, "&Rooms")
        self.tabs.addTab(self.recommendations, "Re&commendations")
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        self.rooms.room_selected.connect(self.show_room)
        self.rooms.add_requested.connect(self.add_room)
        self.rooms.rename_requested.connect(self.rename_room)
        self.rooms.remove_requested.connect(self.remove_room)
        self.rooms.move_requested.connect(self.move_room)
        self.checklist.commit_requested.connect(self.commit)
        self.checklist.photos_requested.connect(self.photos.set_item)
        self.photos.changed.connect(self.changed)
        self.recommendations.changed.connect(self._refresh_progress)

    # --- opening ---------------------------------------------------------------------------

    def open(self, assessment_id: int) -> None:
        self.undo_stack.clear()
        self.view = self.ws.assessments.open(assessment_id)
        self.room_id = None
        self._render_title()
        read_only = self.view.read_only
        self.rooms.set_read_only(read_only)
        self.details_button.setText("Client && visit…")
        self.rooms.set_rooms(self.view.rooms)
        if not self.view.rooms:
            self.checklist.clear()
            self.photos.set_room(self.view.id, None, read_only)
        self._recommendations_loaded_for = None  # loaded when its tab is first shown
        self.tabs.setCurrentIndex(0)

    def reload(self) -> None:
        if self.view:
            current = self.room_id
            self.view = self.ws.assessments.open(self.view.id, audit=False)
            self._render_title()
            self.rooms.set_rooms(self.view.rooms, select=current)
            if current is not None:
                self.show_room(current)

    def _render_title(self) -> None:
        v = self.view
        status = "" if v.status == "draft" else f" — <b>{v.status.upper()}</b> (read-only)"
        self.title.setText(
            f"<b>{html.escape(v.client.name or '(no name)')}</b> · {html.escape(v.details.address)} · "
            f"{v.details.visit_date:%d %b %Y} · {html.escape(self.ws.judge.standards.profile(v.details.standard).short)}{status}"
        )

    def show_room(self, room_id: int) -> None:
        self.room_id = room_id
        try:
            states = self.ws.checklist.room_items(room_id)
        except KeyError:
            return
        self.checklist.set_items(states, read_only=self.view.read_only)
        self.photos.set_room(self.view.id, room_id, self.view.read_only)

    # --- responses -------------------------------------------------------------------------

    def commit(self, item_id: str, text: str) -> None:
        room_id = self.room_id
        try:
            result = self.ws.checklist.record(room_id, item_id, text)
        except StoreError as exc:
            self.checklist.show_result(item_id, None, str(exc))
            self.errors.refused("Not saved", str(exc).capitalize() + ".")
            return
        if not result.saved:
            self.checklist.show_result(item_id, None, result.error)
            return
        self.checklist.mark_committed(item_id, result.text)
        self.checklist.show_result(item_id, result.finding, result.error)
        prompt = self.ws.judge.catalogue.item(item_id).prompt.lower()
        previous = result.previous_text
        self.undo_stack.push(ServiceCommand(
            f"set {prompt}",
            do=lambda: self._apply(room_id, item_id, text),
            undo=lambda: self._apply(room_id, item_id, previous),
        ))
        self._refresh_progress()

    def _apply(self, room_id: int, item_id: str, text: str) -> None:
        """Undo/redo of a response: store it, then show it where it lives."""
        try:
            result = self.ws.checklist.record(room_id, item_id, text)
        except StoreError as exc:
            self.errors.refused("Not saved", str(exc).capitalize() + ".")
            return
        if room_id != self.room_id:
            self.rooms.select_room(room_id)
        else:
            self.checklist.set_value(item_id, result.text)
            self.checklist.show_result(item_id, result.finding, result.error)
        self.checklist.focus_item(item_id)
        self._refresh_progress()

    def _refresh_progress(self) -> None:
        if self.view:
            self.rooms.update_progress(self.ws.assessments.room_views(self.view.id))
            self._refresh_recommendations_if_shown()
            self.changed.emit()

    def _refresh_recommendations_if_shown(self) -> None:
        """The review table is only built while its tab is shown: typing in a room never waits for it."""
        if self.view is None or self.tabs.currentIndex() != 1:
            return
        if self._recommendations_loaded_for != self.view.id:
            self.recommendations.set_assessment(self.view.id, self.view.read_only)
            self._recommendations_loaded_for = self.view.id
        else:
            self.recommendations.refresh()

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self._refresh_recommendations_if_shown()

    # --- rooms -----------------------------------------------------------------------------

    def add_room(self, room_type: str) -> None:
        room = self.ws.assessments.add_room(self.view.id, room_type)
        self.undo_stack.push(ServiceCommand(
            f"add {room.name}",
            do=lambda: (self.ws.assessments.restore_room(snapshot_holder[0]), self._rooms_changed(room.id)),
            undo=lambda: (snapshot_holder.__setitem__(0, self.ws.assessments.remove_room(room.id)), self._rooms_changed()),
        ))
        snapshot_holder: list = [None]
        self._rooms_changed(room.id)

    def rename_room(self, room_id: int) -> None:
        current = next(r.name for r in self.view.rooms if r.id == room_id)
        name = prompts.ask_text(self, "Rename room", "Room name:", current)
        if not name or name.strip() == current:
            return
        old = self.ws.assessments.rename_room(room_id, name)
        new = name.strip()
        self.undo_stack.push(ServiceCommand(
            f"rename {old}",
            do=lambda: (self.ws.assessments.rename_room(room_id, new), self._rooms_changed(room_id)),
            undo=lambda: (self.ws.assessments.rename_room(room_id, old), self._rooms_changed(room_id)),
        ))
        self._rooms_changed(room_id)

    def remove_room(self, room_id: int) -> None:
        room = next(r for r in self.view.rooms if r.id == room_id)
        if room.answered and not prompts.confirm(
            self, "Remove room", f"Remove {room.name} and its {room.answered} answers? You can undo this."
        ):
            return
        snapshot = [self.ws.assessments.remove_room(room_id)]
        self.undo_stack.push(ServiceCommand(
            f"remove {room.name}",
            do=lambda: (snapshot.__setitem__(0, self.ws.assessments.remove_room(room_id)), self._rooms_changed()),
            undo=lambda: (self.ws.assessments.restore_room(snapshot[0]), self._rooms_changed(room_id)),
        ))
        self._rooms_changed()

    def move_room(self, room_id: int, step: int) -> None:
        ids = [r.id for r in self.view.rooms]
        i = ids.index(room_id)
        j = i + step
        if not 0 <= j < len(ids):
            return
        before = list(ids)
        ids[i], ids[j] = ids[j], ids[i]
        after = list(ids)
        self.ws.assessments.reorder_rooms(self.view.id, after)
        self.undo_stack.push(ServiceCommand(
            "move room",
            do=lambda: (self.ws.assessments.reorder_rooms(self.view.id, after), self._rooms_changed(room_id)),
            undo=lambda: (self.ws.assessments.reorder_rooms(self.view.id, before), self._rooms_changed(room_id)),
        ))
        self._rooms_changed(room_id)

    def _rooms_changed(self, select: int | None = None) -> None:
        self.view = self.ws.assessments.open(self.view.id, audit=False)
        self.rooms.set_rooms(self.view.rooms, select=select)
        if not self.view.rooms:
            self.room_id = None
            self.checklist.clear()
        self._refresh_recommendations_if_shown()
        self.changed.emit()
