"""Attaching photos to an assessment, and changing them afterwards (Qt-free).

``import_files`` is a generator for the one worker helper: it yields progress after each file
and returns a summary. Every photo is decoded by :func:`homeassess.photos.process_photo` and
stored with its renditions in one transaction, so a cancelled or failed batch keeps whatever
was already stored, whole. A refused file is reported by its file name (for the clinician's
eyes only) and the batch goes on. Audit details and log lines carry counts only: file names
and captions may hold health information ("Smith_bathroom_fall.jpg").

Every change requires a draft assessment (``AssessmentService.require_draft``).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from homeassess.photos import PhotoRejected, Renditions, process_photo, rotate_renditions
from homeassess.services.audit_log import AuditAction
from homeassess.store.repositories.session import read_session
from homeassess.store.tables import PhotoDataRow, PhotoRow

if TYPE_CHECKING:
    from homeassess.services.workspace import Workspace

PASTED_NAME = "Pasted image"
T = TypeVar("T")


class PhotoGone(KeyError):
    """The photo was removed (perhaps by an undo) before the change reached it."""

    def __str__(self) -> str:
        return "this photo has been removed"


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file: a stored photo id, or the reason it was refused."""

    name: str  # the file name only, never the folder; shown to the clinician, never logged
    photo_id: int | None = None
    reason: str | None = None

    @property
    def imported(self) -> bool:
        return self.photo_id is not None


@dataclass(frozen=True)
class ImportProgress:
    fraction: float  # 0..1 of the batch done
    message: str  # no file names
    outcome: FileOutcome | None = None  # the file just finished; None for the opening step


@dataclass
class ImportSummary:
    imported: list[int] = field(default_factory=list)  # new photo ids, in import order
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    cancelled: bool = False

    @property
    def imported_count(self) -> int:
        return len(self.imported)

    def add(self, outcome: FileOutcome) -> None:
        if outcome.photo_id is not None:
            self.imported.append(outcome.photo_id)
        else:
            self.refused.append((outcome.name, outcome.reason or ""))


@dataclass(frozen=True)
class PhotoView:
    """One photo as lists show it (plain data; the large renditions stay in the store)."""

    id: int
    assessment_id: int
    room_id: int | None
    item_id: str | None
    caption: str
    include_in_report: bool
    position: int
    width: int
    height: int
    orientation_unknown: bool
    thumbnail: bytes = field(repr=False)


@dataclass(frozen=True)
class RenditionBytes:
    """The stored images of one photo, enough to put it back exactly (undo of a rotation)."""

    working: bytes = field(repr=False)
    print_copy: bytes = field(repr=False)
    thumbnail: bytes = field(repr=False)
    width: int
    height: int


@dataclass(frozen=True)
class Rotation:
    photo_id: int
    before: RenditionBytes
    after: RenditionBytes


@dataclass(frozen=True)
class RemovedPhoto:
    """What ``restore`` needs to bring a deleted photo back, renditions included."""

    row: PhotoRow
    data: PhotoDataRow


class PhotoImportService:
    def __init__(self, workspace: Workspace) -> None:
        self._repo = workspace.photos_repo
        self._assessments = workspace.assessments
        self._audit = workspace.audit
        self._engine = workspace.photos_repo.engine

    # --- reading ---------------------------------------------------------------------------

    def photos(self, assessment_id: int, room_id: int | None, item_id: str | None = None) -> list[PhotoView]:
        """Photos of one room (``None``: those attached to no room), optionally of one item."""
        rows = self._repo.list(assessment_id, room_id, item_id)
        return [_view(row) for row in rows if row.room_id == room_id]

    def working_copy(self, photo_id: int) -> bytes:
        data = self._repo.renditions(photo_id)
        if data is None:
            raise PhotoGone(photo_id)
        return data.working

    # --- import ----------------------------------------------------------------------------

    def import_files(
        self,
        assessment_id: int,
        room_id: int | None,
        item_id: str | None,
        paths: Iterable[Path | str],
        cancel: threading.Event | None = None,
    ) -> Generator[ImportProgress, None, ImportSummary]:
        """Import each file in turn; yields after every file, returns the summary.

        Stops between files when ``cancel`` is set (or when the generator is closed).
        """
        paths = [Path(p) for p in paths]
        self._assessments.require_draft(assessment_id)
        summary = ImportSummary()
        total = len(paths)
        try:
            yield ImportProgress(0.0, _counted("Importing", total))
            for done, path in enumerate(paths, start=1):
                if cancel is not None and cancel.is_set():
                    summary.cancelled = True
                    break
                outcome = self._import_one(assessment_id, room_id, item_id, path.name, path)
                summary.add(outcome)
                yield ImportProgress(done / total, f"{done} of {total} done", outcome)
        except GeneratorExit:
            summary.cancelled = True
            raise
        finally:
            self._record(assessment_id, summary)
        return summary

    def import_bytes(
        self, assessment_id: int, room_id: int | None, item_id: str | None, data: bytes, name: str = PASTED_NAME
    ) -> ImportSummary:
        """Import one image given as bytes (the clipboard); the summary holds one outcome."""
        self._assessments.require_draft(assessment_id)
        summary = ImportSummary()
        try:
            summary.add(self._import_one(assessment_id, room_id, item_id, name, data))
        finally:
            self._record(assessment_id, summary)
        return summary

    def _import_one(
        self, assessment_id: int, room_id: int | None, item_id: str | None, name: str, source: Path | bytes
    ) -> FileOutcome:
        try:
            renditions = process_photo(source)
        except PhotoRejected as refused:
            return FileOutcome(name, reason=refused.reason)
        row = self._repo.add(
            assessment_id, room_id, item_id,
            working=renditions.working, print_copy=renditions.print_copy, thumbnail=renditions.thumbnail,
            width=renditions.width, height=renditions.height, sha256=renditions.sha256,
            orientation_unknown=renditions.orientation_unknown,
        )
        return FileOutcome(name, photo_id=row.id)

    def _record(self, assessment_id: int, summary: ImportSummary) -> None:
        if summary.imported or summary.refused:
            detail = f"photos imported {summary.imported_count}, refused {len(summary.refused)}"
            self._audit.record(AuditAction.IMPORT, assessment_id, detail + (", cancelled" if summary.cancelled else ""))

    # --- changes ---------------------------------------------------------------------------

    def set_caption(self, photo_id: int, caption: str) -> str:
        """Store the caption; returns the previous one (for undo)."""
        row = self._draft_photo(photo_id)
        self._repo.update(photo_id, caption=caption.strip())
        self._audit.record(AuditAction.EDIT, row.assessment_id, "photo caption")
        return row.caption

    def set_include(self, photo_id: int, include: bool) -> bool:
        """Include the photo in reports or not; returns the previous setting."""
        row = self._draft_photo(photo_id)
        self._repo.update(photo_id, include_in_report=bool(include))
        self._audit.record(AuditAction.EDIT, row.assessment_id, "photo in report" if include else "photo left out")
        return row.include_in_report

    def move(self, photo_id: int, step: int) -> bool:
        """Swap the photo with its neighbour ``step`` places away among its room's photos.

        Returns False (and changes nothing) at either end. Positions are renumbered across the
        assessment so duplicates left by earlier restores cannot block a move.
        """
        row = self._draft_photo(photo_id)
        everything = self._repo.list(row.assessment_id)
        siblings = [p.id for p in everything if p.room_id == row.room_id]
        here = siblings.index(photo_id)
        there = here + step
        if step == 0 or not 0 <= there < len(siblings):
            return False
        ids = [p.id for p in everything]
        a, b = ids.index(photo_id), ids.index(siblings[there])
        ids[a], ids[b] = ids[b], ids[a]
        old = {p.id: p.position for p in everything}
        for position, pid in enumerate(ids):
            if old[pid] != position:
                self._repo.update(pid, position=position)
        self._audit.record(AuditAction.EDIT, row.assessment_id, "photo moved")
        return True

    def rotate(self, photo_id: int, quarter_turns: int) -> Rotation:
        """Turn the photo by quarter turns clockwise (negative: anticlockwise). Decodes: run it off the GUI thread."""
        row = self._draft_photo(photo_id)
        data = self._repo.renditions(photo_id)
        if data is None:
            raise PhotoGone(photo_id)
        before = RenditionBytes(data.working, data.print_copy, row.thumbnail, row.width, row.height)
        stored = Renditions(
            working=data.working, print_copy=data.print_copy, thumbnail=row.thumbnail, width=row.width,
            height=row.height, source_format="JPEG", orientation_applied=False,
            orientation_unknown=row.orientation_unknown, sha256=row.sha256,
        )
        turned = rotate_renditions(stored, quarter_turns)
        after = RenditionBytes(turned.working, turned.print_copy, turned.thumbnail, turned.width, turned.height)
        self.put_renditions(photo_id, after)
        self._audit.record(AuditAction.EDIT, row.assessment_id, "photo rotated")
        return Rotation(photo_id, before, after)

    def put_renditions(self, photo_id: int, images: RenditionBytes) -> None:
        """Store images kept earlier (undo/redo of a rotation; no decoding)."""
        self._draft_photo(photo_id)
        self._repo.replace_renditions(
            photo_id, images.working, images.print_copy, images.thumbnail, images.width, images.height,
            sha256=hashlib.sha256(images.working).hexdigest(),
        )

    def remove(self, photo_id: int) -> RemovedPhoto:
        row = self._draft_photo(photo_id)
        kept_row, kept_data = self._repo.remove(photo_id)
        self._audit.record(AuditAction.EDIT, row.assessment_id, "photo removed")
        return RemovedPhoto(kept_row, kept_data)

    def restore(self, removed: RemovedPhoto) -> None:
        self._assessments.require_draft(removed.row.assessment_id)
        self._repo.restore(removed.row, removed.data)
        self._audit.record(AuditAction.EDIT, removed.row.assessment_id, "photo restored")

    def _draft_photo(self, photo_id: int) -> PhotoRow:
        with read_session(self._engine) as session:
            row = session.get(PhotoRow, photo_id)
        if row is None:
            raise PhotoGone(photo_id)
        self._assessments.require_draft(row.assessment_id)
        return row


def run_to_end(generator: Generator[object, None, T]) -> tuple[list[object], T]:
    """Drive a progress generator without a worker (CLI, tests): (everything yielded, its result)."""
    yielded: list[object] = []
    while True:
        try:
            yielded.append(next(generator))
        except StopIteration as done:
            return yielded, done.value


def _counted(verb: str, count: int) -> str:
    return f"{verb} {count} photo{'s' if count != 1 else ''}…"


def _view(row: PhotoRow) -> PhotoView:
    return PhotoView(
        id=row.id, assessment_id=row.assessment_id, room_id=row.room_id, item_id=row.item_id, caption=row.caption,
        include_in_report=row.include_in_report, position=row.position, width=row.width, height=row.height,
        orientation_unknown=row.orientation_unknown, thumbnail=row.thumbnail,
    )
