"""The room walk's controller: the room list, the checklist and the photo strip of one assessment.

Every edit is one service action run through ``Operations``: a typed value (``record``), a room
added, renamed, removed or moved. What the views show follows the announced ``Change``, whether
it came from a keystroke here or from Undo in the Edit menu:

- a room change selects the room it names (the one added, renamed or moved) and refreshes the list;
- a checklist change in another room (an undo) goes to that room and focuses the item;
- a checklist change in this room shows the value and its verdict in place.

Decisions are made from the store at the moment they are needed, never from a copy: whether a
typed value differs from the stored one, a room's name and answer count before it is removed.
See docs/architecture.md, "The operation path", for a typed measurement followed end to end.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from homeassess.domain.refusals import Refused
from homeassess.domain.units import MeasurementError
from homeassess.services.assessments import AssessmentService, RoomView
from homeassess.services.changes import Change, Scope
from homeassess.services.checklist import ChecklistService, ResponseResult
from homeassess.services.recommendations import RecommendationService
from homeassess.ui.kit import prompts
from homeassess.ui.kit.operations import Operations
from homeassess.ui.photos.photo_strip import PhotoStrip
from homeassess.ui.visit.checklist_view import ChecklistView
from homeassess.ui.visit.room_panel import RoomPanel


class RoomWalk(QObject):
    progress_changed = Signal()  # answers or findings changed: the title's counts and the review may follow

    def __init__(self, assessments: AssessmentService, checklist: ChecklistService, recommendations: RecommendationService,
                 rooms: RoomPanel, items: ChecklistView, photos: PhotoStrip, ops: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.assessments = assessments
        self.checklist = checklist
        self.recommendations = recommendations
        self.rooms = rooms
        self.items = items
        self.photos = photos
        self.ops = ops
        self.assessment_id: int | None = None
        self.read_only = True
        self.room_id: int | None = None
        self._shown = 0  # rooms rendered so far: tells whether following a change already showed the room
        self._decisions_stale = False  # decided in the review since the proposals beside the fields were named

        rooms.room_selected.connect(self.show_room)
        rooms.room_chosen.connect(self.take_up_room)
        rooms.add_requested.connect(self.add_room)
        rooms.rename_requested.connect(self.rename_room)
        rooms.remove_requested.connect(self.remove_room)
        rooms.move_requested.connect(self.move_room)
        items.commit_requested.connect(self.record)
        items.photos_requested.connect(photos.set_item)
        items.add_photo_requested.connect(self.add_photo)
        ops.bus.changed.connect(self._on_change)

    def open(self, assessment_id: int, read_only: bool, rooms: list[RoomView]) -> None:
        """Walk these rooms (as just read with the assessment) from the first one."""
        self.assessment_id, self.read_only, self.room_id = assessment_id, read_only, None
        self.rooms.set_read_only(read_only)
        self.rooms.set_rooms(rooms)  # selects the first room, which shows it
        if not rooms:
            self.items.clear()
            self.photos.set_room(assessment_id, None, read_only)

    def show_room(self, room_id: int) -> None:
        self.room_id = room_id
        self._shown += 1
        try:
            states = self.checklist.room_items(room_id)
        except Refused:  # removed meanwhile (an undo): the list follows when the change is announced
            return
        self._decisions_stale = False
        self.items.set_items(states, read_only=self.read_only, decided=self.recommendations.decided_in_room(room_id))
        self.photos.set_room(self.assessment_id, room_id, self.read_only)

    def catch_up(self) -> None:
        """The proposals named beside the fields, as decided in the review since (their labels only: the
        review's accept, dismiss and undo do not rebuild the checklist)."""
        if self._decisions_stale and self.room_id is not None:
            self.items.set_decided(self.recommendations.decided_in_room(self.room_id))
        self._decisions_stale = False

    def take_up_room(self) -> None:
        """The clinician goes to work in the room shown: its first unanswered item takes the focus."""
        self.items.focus_first_unanswered()

    def step_room(self, step: int) -> None:
        """The next (+1) or previous (-1) room, taken up at its first unanswered item."""
        if self.rooms.step(step):
            self.take_up_room()

    def add_photo(self, item_id: str) -> None:
        """Photos picked now attach to this item (the strip shows that item's photos)."""
        self.photos.set_item(item_id)
        self.photos.add_files()

    def redraw(self, _scheme: object = None) -> None:
        """The room shown again from the store (the colour scheme changed: the verdicts take its tones)."""
        if self.room_id is not None:
            self.show_room(self.room_id)

    # --- responses -------------------------------------------------------------------------

    def record(self, item_id: str, text: str) -> None:
        """A value typed or chosen: saved, judged and shown beside the field; nothing happens if it is unchanged."""
        room_id = self.room_id
        if room_id is None or text.strip() == self.checklist.response_text(room_id, item_id):
            return

        def refused(refusal: Refused) -> None:
            self.items.show_result(item_id, None, refusal.sentence)
            if not isinstance(refusal, MeasurementError):  # a value that cannot be read is shown beside the field only
                self.ops.show_refusal(refusal)

        self.ops.run(lambda: self.checklist.record(room_id, item_id, text), on_refused=refused, initiator=self.items)

    # --- rooms -----------------------------------------------------------------------------

    def add_room(self, room_type: str) -> None:
        if self.assessment_id is not None:
            assessment_id = self.assessment_id
            self.ops.run(lambda: self.assessments.add_room(assessment_id, room_type))

    def rename_room(self, room_id: int) -> None:
        current = self.assessments.room_view(room_id).name
        name = prompts.ask_text(self.rooms, "Rename room", "Room name:", current)
        if name is not None and name.strip() != current:
            self.ops.run(lambda: self.assessments.rename_room(room_id, name), title="Room not renamed")

    def remove_room(self, room_id: int) -> None:
        """Asks first when the room has answers, counted now: a room just filled in is never removed unasked."""
        room = self.assessments.room_view(room_id)
        if room.answered and not prompts.confirm(
            self.rooms, "Remove room", f"Remove {room.name} and its {room.answered} answers? You can undo this."
        ):
            return
        self.ops.run(lambda: self.assessments.remove_room(room_id))

    def move_room(self, room_id: int, step: int) -> None:
        self.ops.run(lambda: self.assessments.move_room(room_id, step))

    # --- following the announced changes ---------------------------------------------------

    def _on_change(self, change: Change, initiator: object) -> None:
        if change.assessment_id != self.assessment_id or self.assessment_id is None:
            return
        shown = self._shown
        if change.touches(Scope.ROOMS):
            self._refresh_rooms(change.room_id)
        if change.touches(Scope.ITEMS):
            self._show_items(change, own=initiator is self.items, rendered=self._shown != shown)
        if change.touches(Scope.ITEMS, Scope.ROOMS):
            self.progress_changed.emit()
        elif change.touches(Scope.RECOMMENDATIONS):  # accepted or dismissed in the review
            self._decisions_stale = True
            if self.items.isVisible():  # an undo with the walk in view; else when the walk is shown again
                self.catch_up()

    def _refresh_rooms(self, select: int | None) -> None:
        rooms = self.assessments.room_views(self.assessment_id)
        if [r.id for r in rooms] == [r.id for r in self.rooms.model.rooms] and select in (None, self.room_id):
            self.rooms.update_progress(rooms)  # same rooms: counts change in place, the selection stays
            return
        self.rooms.set_rooms(rooms, select=select)
        if not rooms:
            self.room_id = None
            self.items.clear()
            self.photos.set_room(self.assessment_id, None, self.read_only)

    def _show_items(self, change: Change, *, own: bool, rendered: bool) -> None:
        result = change.value
        if isinstance(result, ResponseResult):
            if result.room_id != self.room_id:
                self.rooms.select_room(result.room_id)  # an undo in another room: go there (shown as stored)
            else:
                self.items.show_response(result, set_text=not own)  # typed here: the field already holds it
            if not own:
                self.items.focus_item(result.item_id)
        elif rendered:
            return  # the room list already went to the room and showed it as stored
        elif change.room_id is not None and change.room_id != self.room_id:
            self.rooms.select_room(change.room_id)
        elif self.room_id is not None:
            self.show_room(self.room_id)  # a note, or everything judged again (client, visit or settings changed)
