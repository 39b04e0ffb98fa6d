"""After photos on the Follow-up tab: picked for one installed item and imported by the one photo import path.

The files are decoded on the operation worker (``Operations.run_job``), like every photo import,
and stored with the recommendation they show, in the follow-up's copy of its room; refused files
are named in one message at the end. The thumbnails of the cards (before and after) are the
≤ 256 px ones already stored with each photo.
"""

from __future__ import annotations

import threading
from collections.abc import Generator, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from homeassess.domain.follow_up import InstalledItem
from homeassess.services.assessments import AssessmentService
from homeassess.services.changes import Change
from homeassess.services.photo_import import ImportSummary, PhotoImportService
from homeassess.ui.kit import prompts
from homeassess.ui.kit.operations import Operations


class AfterPhotos(QObject):
    imported = Signal(int)  # the follow-up's id: its cards show the new thumbnails

    def __init__(self, photos: PhotoImportService, assessments: AssessmentService, ops: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._photos = photos
        self._assessments = assessments
        self._ops = ops

    def thumbnails(self, rooms: Mapping[int, set[str]]) -> dict[int, bytes]:
        """Photo id → thumbnail, for the photos of these rooms (assessment id → room names): the original's
        rooms for the before photos, the follow-up's for the after photos."""
        found: dict[int, bytes] = {}
        for assessment_id, names in rooms.items():
            for room in self._assessments.room_views(assessment_id):
                if room.name in names:
                    found.update((view.id, view.thumbnail) for view in self._photos.photos(assessment_id, room.id))
        return found

    def add(self, follow_up_id: int | None, item: InstalledItem, parent: QWidget) -> None:
        """Pick photos of the work as installed; they attach to this item's recommendation."""
        if follow_up_id is None:
            return
        files = prompts.pick_photo_files(parent)
        if not files:
            return
        photos, tally = self._photos, ImportSummary()
        rooms = self._assessments.room_views(follow_up_id)  # the follow-up's copy of the item's room
        room_id = next((room.id for room in rooms if room.name == item.room_name), None)

        def job(cancel: threading.Event) -> Generator[tuple[float, str], None, Change]:
            yield from tally.relay(photos.import_files(follow_up_id, room_id, None, files, cancel,
                                                       recommendation_id=item.recommendation_id))
            return tally.as_change(follow_up_id, room_id)

        def finished(_: Change) -> None:
            if tally.refused:
                lines = "\n".join(f"• {name}: {reason}" for name, reason in tally.refused[:20])
                self._ops.errors.refused("Some photos were not added", f"Not added:\n\n{lines}")
            self.imported.emit(follow_up_id)

        self._ops.run_job(job, on_done=finished, title="Photos not added")
