"""What one user action changed, and how to take it back.

Every service method that changes the store is one user action in one transaction, and it
returns a ``Change``:

- ``scopes`` name what changed (the assessment's details, its rooms, checklist items,
  recommendations, photos, settings), so the window refreshes only the views that show them;
- ``assessment_id``, ``room_id``, ``item_id``, ``ids`` and ``refs`` say where, so a view can select
  what changed;
- ``label`` is the Edit menu's wording ("set door clear width" → "Undo set door clear width");
- ``undo`` is the inverse action, itself returning a ``Change`` whose ``undo`` redoes the
  first. A chain of inverses, not a pair of closures, so an undo of "remove room" that
  restores the room returns the action that removes it again, with whatever ids it now has;
- ``value`` is the result a caller may need (the finding just judged, the id just added).

A refused action raises ``homeassess.domain.refusals.Refused`` and changes nothing.
``homeassess.ui.kit.operations`` runs every action this way; the command line calls the same
methods and ignores ``undo``. See docs/architecture.md, "The operation path".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum


class Scope(StrEnum):
    ASSESSMENT = "assessment"  # client, visit details, status
    ROOMS = "rooms"  # rooms added, removed, renamed, reordered (and their progress)
    ITEMS = "items"  # checklist responses and notes (and the verdicts derived from them)
    RECOMMENDATIONS = "recommendations"  # decisions, custom entries, and proposals derived from items
    PHOTOS = "photos"
    SETTINGS = "settings"
    ASSESSMENTS = "assessments"  # the list of assessments (created, imported, archived, follow-ups started)
    FOLLOW_UP = "follow_up"  # a follow-up's installed items: status, reason, installer, as-installed checks
    OUTCOMES = "outcomes"  # outcome measures of a visit (baseline or follow-up)


@dataclass(frozen=True)
class Change:
    scopes: frozenset[Scope]
    label: str = ""
    assessment_id: int | None = None
    room_id: int | None = None
    item_id: str | None = None
    ids: tuple[int, ...] = ()  # photo ids, assessment ids
    refs: tuple[str, ...] = ()  # recommendation refs (RecommendationView.ref)
    undo: Callable[[], Change] | None = field(default=None, compare=False, repr=False)
    value: object = field(default=None, compare=False, repr=False)

    def touches(self, *scopes: Scope) -> bool:
        return any(s in self.scopes for s in scopes)

    def with_undo(self, undo: Callable[[], Change] | None) -> Change:
        return replace(self, undo=undo)


def change(
    *scopes: Scope,
    label: str = "",
    assessment_id: int | None = None,
    room_id: int | None = None,
    item_id: str | None = None,
    ids: tuple[int, ...] = (),
    refs: tuple[str, ...] = (),
    undo: Callable[[], Change] | None = None,
    value: object = None,
) -> Change:
    """``change(Scope.ROOMS, label="add bathroom", assessment_id=3, undo=...)``: a Change with these scopes."""
    return Change(frozenset(scopes), label, assessment_id, room_id, item_id, ids, refs, undo, value)


NOTHING = Change(frozenset())
