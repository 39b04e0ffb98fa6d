"""Adding photos to the strip: files, folders, a pasted or dropped picture, on the operation worker.

Everything that decodes runs on the worker (through ``Operations.run_job``); the strip only shows
progress and a Cancel button, which stops the photo being decoded and the batch. Refused files are listed together in
one message when the batch ends; the photos already stored stay, whole.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QTimer
from PySide6.QtGui import QImage

from homeassess.domain.refusals import Refused
from homeassess.photos import photo_files_in
from homeassess.services.changes import Change
from homeassess.services.photo_import import ImportSummary, PhotoImportService
from homeassess.ui.kit import prompts
from homeassess.ui.kit.operations import Operations
from homeassess.ui.kit.worker import BackgroundJob
from homeassess.ui.photos.strip_view import PhotoStripView

MAX_LISTED = 20  # refused files named in the message; the rest are counted
LIVE_REFRESH_MS = 400  # during an import, new thumbnails appear at most this often


class StripImporter:
    """Runs one import at a time for a strip and reports it there."""

    def __init__(self, view: PhotoStripView, photos: PhotoImportService, ops: Operations,
                 refresh: Callable[[], None], finished: Callable[[], None]) -> None:
        self._view, self._photos, self._ops = view, photos, ops
        self._refresh, self._finished = refresh, finished
        self.job: BackgroundJob | None = None
        self._tally = ImportSummary()
        self._live_refresh = QTimer(view, singleShot=True, interval=LIVE_REFRESH_MS, timeout=refresh)
        view.cancel_button.clicked.connect(self.cancel)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def import_paths(self, assessment_id: int, room_id: int | None, item_id: str | None, sources: list[Path]) -> None:
        """Import files (folders are searched, sub-folders included)."""
        photos, tally = self._photos, ImportSummary()

        def job(cancel: threading.Event) -> Generator[tuple[float, str], None, Change]:
            files = _expand(sources, tally)
            if files:
                yield from tally.relay(photos.import_files(assessment_id, room_id, item_id, files, cancel))
            return tally.as_change(assessment_id, room_id)

        self._start(job, tally, assessment_id, room_id)

    def import_image(self, assessment_id: int, room_id: int | None, item_id: str | None, image: QImage) -> None:
        """A picture from the clipboard or a drop; encoding and decoding happen on the worker."""
        photos, tally = self._photos, ImportSummary()

        def job(cancel: threading.Event) -> Generator[tuple[float, str], None, Change]:
            yield 0.0, "Reading the pasted picture…"
            summary = photos.import_bytes(assessment_id, room_id, item_id, _png_bytes(image))
            tally.imported.extend(summary.imported)
            tally.refused.extend(summary.refused)
            return tally.as_change(assessment_id, room_id)

        self._start(job, tally, assessment_id, room_id)

    def cancel(self) -> None:
        if self.running:
            self.job.cancel()
            self._view.cancel_button.setEnabled(False)
            self._view.status.setText("Cancelling…")  # reaches into the photo being decoded

    # --- progress and outcome ------------------------------------------------------------

    def _start(self, job, tally: ImportSummary, assessment_id: int, room_id: int | None) -> None:
        self._tally = tally

        def cancelled() -> None:
            tally.cancelled = True
            self._ops.announce(tally.as_change(assessment_id, room_id))  # what was stored before the cancel stays
            self._done()

        self.job = self._ops.run_job(
            job, on_progress=self._progress, on_done=lambda _: self._done(), on_cancelled=cancelled,
            on_refused=self._refused, on_settled=self._settled,
        )
        self._view.progress.setValue(0)
        self._view.status.setText("Starting…")
        self._view.cancel_button.setEnabled(True)
        self._view.show_progress(True)

    def _progress(self, fraction: float, message: str) -> None:
        self._view.progress.setValue(round(fraction * 1000))
        self._view.status.setText(message)
        if self._tally.imported and not self._live_refresh.isActive():
            self._live_refresh.start()

    def _done(self) -> None:
        tally = self._tally
        count = tally.imported_count
        added = f"Added {count} photo{'s' if count != 1 else ''}."
        self._view.status.setText(("Import cancelled. " if tally.cancelled else "") + added)
        if tally.stopped:  # "7 of 12 photos saved; the disk is full"; a rerun skips the 7
            self._ops.errors.refused("Not all photos were added", tally.headline[:1].upper() + tally.headline[1:] + ".")
        elif tally.refused:
            self._ops.errors.refused("Some photos were not added", _refusal_text(added, tally.refused))
        elif count == 0 and not tally.cancelled:
            prompts.show_info(self._view, "No photos added", "No photos were found to add (JPEG, PNG, HEIC or WebP).")

    def _refused(self, refusal: Refused) -> None:
        self._view.status.setText(f"Import stopped. Added {self._tally.imported_count} photos.")
        self._ops.show_refusal(refusal, "Photos not added")

    def _settled(self) -> None:
        self._live_refresh.stop()
        self._view.show_progress(False)
        self._view.status.show()
        self._refresh()
        self._finished()


def local_paths(mime: QMimeData | None) -> list[Path]:
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
