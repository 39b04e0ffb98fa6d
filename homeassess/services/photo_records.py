"""The plain data the photo service hands out: import progress and outcomes, and photos as lists show them."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field

from homeassess.domain.refusals import NotFound
from homeassess.services.changes import Change, Scope, change


class PhotoGone(NotFound):
    """The photo was removed (perhaps by an undo) before the change reached it."""

    def __init__(self, photo_id: int | None = None) -> None:
        super().__init__("photo")
        self.photo_id = photo_id


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file: a stored photo id, or the reason it was refused."""

    name: str  # the file name only, never the folder; shown to the clinician, never logged
    photo_id: int | None = None
    reason: str | None = None
    already: bool = False  # the same picture is attached here already (same room and item, same content): skipped

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
    skipped: list[str] = field(default_factory=list)  # file names already attached here (a rerun)
    total: int = 0  # files in the batch
    stopped: str | None = None  # why the batch stopped early (a full disk), as the clinician reads it

    @property
    def imported_count(self) -> int:
        return len(self.imported)

    @property
    def headline(self) -> str:
        """"7 of 12 photos saved; the disk is full", with what was skipped or refused."""
        total = max(self.total, self.imported_count + len(self.skipped) + len(self.refused))
        parts = [f"{self.imported_count} of {total} photo{'s' if total != 1 else ''} saved"]
        if self.stopped:
            parts.append(self.stopped)
        if self.skipped:
            parts.append(f"{len(self.skipped)} already added here")
        if self.refused:
            parts.append(f"{len(self.refused)} refused")
        return "; ".join(parts)

    def add(self, outcome: FileOutcome) -> None:
        if outcome.photo_id is not None:
            self.imported.append(outcome.photo_id)
        elif outcome.already:
            self.skipped.append(outcome.name)
        else:
            self.refused.append((outcome.name, outcome.reason or ""))

    def relay(self, steps: Generator[ImportProgress, None, ImportSummary]) -> Generator[tuple[float, str], None, None]:
        """Each step of an import as (fraction, message) for a progress bar, its outcome tallied here; the
        batch's totals when it ends. Closing (a cancel) ends the batch, which writes its audit line."""
        try:
            while True:
                try:
                    step = next(steps)
                except StopIteration as done:
                    self.cancelled, self.stopped, self.total = done.value.cancelled, done.value.stopped, done.value.total
                    return
                if step.outcome is not None:
                    self.add(step.outcome)
                yield step.fraction, step.message
        finally:
            steps.close()

    def as_change(self, assessment_id: int, room_id: int | None) -> Change:
        """What the batch changed (photos added; not undoable, like any import), with this summary as its value."""
        count = self.imported_count
        return change(Scope.PHOTOS, label=f"add {count} photo{'s' if count != 1 else ''}", assessment_id=assessment_id,
                      room_id=room_id, ids=tuple(self.imported), value=self)


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
    recommendation_id: int | None = None  # on a follow-up: the "after" photo of this recommendation of the original


@dataclass(frozen=True)
class RenditionBytes:
    """The stored images of one photo, enough to put it back exactly (undo of a rotation)."""

    working: bytes = field(repr=False)
    print_copy: bytes = field(repr=False)
    thumbnail: bytes = field(repr=False)
    width: int
    height: int
