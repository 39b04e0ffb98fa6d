"""Attaching photos to an assessment, and changing them afterwards (Qt-free).

``import_files`` is a generator for the one worker helper: it yields progress after each file
and returns a summary. Every photo is decoded by :func:`homeassess.photos.process_photo` and
stored with its renditions in one transaction, so a cancelled or failed batch keeps whatever
was already stored, whole. A refused file is reported by its file name (for the clinician's
eyes only) and the batch goes on. Audit details and log lines carry counts only: file names
and captions may hold health information ("Smith_bathroom_fall.jpg").

Every change requires a draft assessment and returns a ``Change`` (scope PHOTOS) whose ``undo``
is the inverse action (docs/architecture.md, "The operation path").
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Generator, Iterable
from pathlib import Path
from typing import TypeVar

from homeassess.domain.refusals import InvalidInput, NotFound
from homeassess.photos import PhotoCancelled, PhotoRejected, Renditions, process_photo, rotate_renditions
from homeassess.services.assessments import AssessmentService
from homeassess.services.audit_log import AuditAction, AuditLog
from homeassess.services.changes import Change, Scope, change
from homeassess.services.photo_records import (
    FileOutcome,
    ImportProgress,
    ImportSummary,
    PhotoGone,
    PhotoView,
    RenditionBytes,
)
from homeassess.store.engine import StoreError
from homeassess.store.repositories import PhotoRepository
from homeassess.store.repositories.photos import PhotoData, PhotoRecord

__all__ = [
    "FileOutcome", "ImportProgress", "ImportSummary", "PhotoGone", "PhotoImportService", "PhotoView", "RenditionBytes",
    "run_to_end",
]

PASTED_NAME = "Pasted image"
T = TypeVar("T")


class PhotoImportService:
    def __init__(self, photos: PhotoRepository, assessments: AssessmentService, audit: AuditLog) -> None:
        self._repo = photos
        self._assessments = assessments
        self._audit = audit

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
        *,
        recommendation_id: int | None = None,
    ) -> Generator[ImportProgress, None, ImportSummary]:
        """Import each file in turn; yields after every file, returns the summary.

        Stops between files when ``cancel`` is set (or when the generator is closed). On a follow-up,
        ``recommendation_id`` (the original's recommendation, ``InstalledItem.recommendation_id``) makes
        each photo an "after" photo of that installed item.
        """
        files = [Path(p) for p in paths]
        self._assessments.require_draft(assessment_id)
        self._check_after(assessment_id, recommendation_id)
        summary = ImportSummary(total=len(files))
        total = len(files)
        known = self._known_pictures(assessment_id, room_id, item_id, recommendation_id)
        try:
            yield ImportProgress(0.0, _counted("Importing", total))
            for done, path in enumerate(files, start=1):
                if cancel is not None and cancel.is_set():
                    summary.cancelled = True
                    break
                try:
                    outcome = self._import_one(assessment_id, room_id, item_id, path.name, path, known, cancel,
                                               recommendation_id)
                except PhotoCancelled:  # asked while a photo was being decoded
                    summary.cancelled = True
                    break
                except StoreError as full:  # a full disk: what is stored stays; the rest would fail the same way
                    summary.stopped = str(full).split(".")[0].removeprefix("could not save: ")
                    break
                summary.add(outcome)
                yield ImportProgress(done / total, f"{done} of {total} done", outcome)
        except GeneratorExit:
            summary.cancelled = True
            raise
        finally:
            self._record(assessment_id, summary)
        return summary

    def import_bytes(
        self, assessment_id: int, room_id: int | None, item_id: str | None, data: bytes, name: str = PASTED_NAME,
        *, recommendation_id: int | None = None,
    ) -> ImportSummary:
        """Import one image given as bytes (the clipboard); the summary holds one outcome."""
        self._assessments.require_draft(assessment_id)
        self._check_after(assessment_id, recommendation_id)
        summary = ImportSummary(total=1)
        try:
            summary.add(self._import_one(assessment_id, room_id, item_id, name, data, self._known_pictures(assessment_id, room_id, item_id, recommendation_id),
                                         recommendation_id=recommendation_id))
        finally:
            self._record(assessment_id, summary)
        return summary

    def _import_one(
        self, assessment_id: int, room_id: int | None, item_id: str | None, name: str, source: Path | bytes,
        known: set[str], cancel: threading.Event | None = None, recommendation_id: int | None = None,
    ) -> FileOutcome:
        try:
            renditions = process_photo(source, cancel=cancel)
        except PhotoCancelled:
            raise
        except PhotoRejected as refused:
            return FileOutcome(name, reason=refused.reason)
        if renditions.sha256 in known:  # the same picture again here (a rerun after a full disk): not twice
            return FileOutcome(name, already=True)
        known.add(renditions.sha256)
        row = self._repo.add(
            assessment_id, room_id, item_id,
            working=renditions.working, print_copy=renditions.print_copy, thumbnail=renditions.thumbnail,
            width=renditions.width, height=renditions.height, sha256=renditions.sha256,
            orientation_unknown=renditions.orientation_unknown, recommendation_id=recommendation_id,
        )
        return FileOutcome(name, photo_id=row.id)

    def _check_after(self, assessment_id: int, recommendation_id: int | None) -> None:
        """An "after" photo belongs to a follow-up, for a recommendation of its original."""
        if recommendation_id is None:
            return
        record = self._assessments.assessments.get(assessment_id)
        if record is None or record.parent_id is None:
            raise InvalidInput("An after photo belongs to a follow-up visit.")
        if self._repo.assessment_of_recommendation(recommendation_id) != record.parent_id:
            raise NotFound("recommendation")

    def _known_pictures(self, assessment_id: int, room_id: int | None, item_id: str | None,
                        recommendation_id: int | None = None) -> set[str]:
        """Content hashes (of the working copy, the same for the same file) already in this room and item
        (and, for an "after" photo, of this recommendation).

        A rerun of a batch lands in the same place and is skipped; the same picture may still be
        attached on purpose to another room, item or recommendation.
        """
        rows = self._repo.list(assessment_id, room_id, item_id)
        return {row.sha256 for row in rows if row.sha256 and row.room_id == room_id and row.item_id == item_id
                and row.recommendation_id == recommendation_id}

    def _record(self, assessment_id: int, summary: ImportSummary) -> None:
        if summary.imported or summary.refused or summary.skipped:
            detail = f"photos imported {summary.imported_count}, refused {len(summary.refused)}"
            detail += f", already there {len(summary.skipped)}" if summary.skipped else ""
            detail += ", stopped" if summary.stopped else ""
            self._audit.record(AuditAction.IMPORT, assessment_id, detail + (", cancelled" if summary.cancelled else ""))

    # --- changes ---------------------------------------------------------------------------

    def set_caption(self, photo_id: int, caption: str) -> Change:
        row = self._draft_photo(photo_id)
        self._repo.update(photo_id, caption=caption.strip())
        self._audit.record(AuditAction.EDIT, row.assessment_id, "photo caption")
        return self._changed(row, "edit photo caption", lambda: self.set_caption(photo_id, row.caption))

    def set_include(self, photo_id: int, include: bool) -> Change:
        """Include the photo in reports or not (nothing to undo when it already was)."""
        row = self._draft_photo(photo_id)
        if row.include_in_report == bool(include):
            return self._changed(row, "", None)
        self._repo.update(photo_id, include_in_report=bool(include))
        self._audit.record(AuditAction.EDIT, row.assessment_id, "photo in report" if include else "photo left out")
        label = "include photo in report" if include else "leave photo out of report"
        return self._changed(row, label, lambda: self.set_include(photo_id, row.include_in_report))

    def move(self, photo_id: int, step: int) -> Change:
        """Swap the photo with its neighbour ``step`` places away among its room's photos.

        At either end nothing changes (and there is nothing to undo). Positions are renumbered
        across the assessment so duplicates left by earlier restores cannot block a move.
        """
        row = self._draft_photo(photo_id)
        everything = self._repo.list(row.assessment_id)
        siblings = [p.id for p in everything if p.room_id == row.room_id]
        here = siblings.index(photo_id)
        there = here + step
        if step == 0 or not 0 <= there < len(siblings):
            return self._changed(row, "", None)
        ids = [p.id for p in everything]
        a, b = ids.index(photo_id), ids.index(siblings[there])
        ids[a], ids[b] = ids[b], ids[a]
        old = {p.id: p.position for p in everything}
        for position, pid in enumerate(ids):
            if old[pid] != position:
                self._repo.update(pid, position=position)
        self._audit.record(AuditAction.EDIT, row.assessment_id, "photo moved")
        return self._changed(row, "move photo", lambda: self.move(photo_id, -step))

    def rotate(self, photo_id: int, quarter_turns: int) -> Change:
        """Turn the photo by quarter turns clockwise (negative: anticlockwise). Decodes: run it off the GUI thread.

        Undo and redo put the stored bytes back exactly, without decoding again.
        """
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
        self._put_renditions(photo_id, after)
        self._audit.record(AuditAction.EDIT, row.assessment_id, "photo rotated")
        return self._changed(row, "rotate photo", lambda: self.put_renditions(photo_id, before, after))

    def put_renditions(self, photo_id: int, images: RenditionBytes, replacing: RenditionBytes) -> Change:
        """Store images kept earlier (undo or redo of a rotation; no decoding); its undo puts ``replacing`` back."""
        row = self._draft_photo(photo_id)
        self._put_renditions(photo_id, images)
        return self._changed(row, "rotate photo", lambda: self.put_renditions(photo_id, replacing, images))

    def remove(self, photo_id: int) -> Change:
        row = self._draft_photo(photo_id)
        kept_row, kept_data = self._repo.remove(photo_id)
        self._audit.record(AuditAction.EDIT, row.assessment_id, "photo removed")
        return self._changed(row, "delete photo", lambda: self._restore(kept_row, kept_data))

    def _restore(self, row: PhotoRecord, data: PhotoData) -> Change:
        self._assessments.require_draft(row.assessment_id)
        self._repo.restore(row, data)
        self._audit.record(AuditAction.EDIT, row.assessment_id, "photo restored")
        return self._changed(row, "delete photo", lambda: self.remove(row.id))

    def _put_renditions(self, photo_id: int, images: RenditionBytes) -> None:
        self._repo.replace_renditions(
            photo_id, images.working, images.print_copy, images.thumbnail, images.width, images.height,
            sha256=hashlib.sha256(images.working).hexdigest(),
        )

    def _changed(self, row: PhotoRecord, label: str, undo: Callable[[], Change] | None) -> Change:
        return change(Scope.PHOTOS, label=label, assessment_id=row.assessment_id, room_id=row.room_id,
                      item_id=row.item_id, ids=(row.id,), undo=undo)

    def _draft_photo(self, photo_id: int) -> PhotoRecord:
        row = self._repo.get(photo_id)
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


def _view(row: PhotoRecord) -> PhotoView:
    return PhotoView(
        id=row.id, assessment_id=row.assessment_id, room_id=row.room_id, item_id=row.item_id, caption=row.caption,
        include_in_report=row.include_in_report, position=row.position, width=row.width, height=row.height,
        orientation_unknown=row.orientation_unknown, thumbnail=row.thumbnail, recommendation_id=row.recommendation_id,
    )
