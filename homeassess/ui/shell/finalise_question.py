"""What Finalise asks: the work still open in the assessment, named, before it becomes read-only.

Unanswered items (notes are optional and not counted) are listed room by room, and the
recommendations still proposed (neither accepted nor dismissed) by title, a few of each with
"and N more", so the clinician finalises knowing what the reports will leave out. The counts
are read from the services when the question is due, never from what a screen loaded earlier.
On a follow-up it also names the installed items not yet checked and those not (fully) done
whose reason is not recorded yet.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from homeassess.domain.catalogue import ItemKind
from homeassess.domain.vocabulary import InstallStatus, RecommendationStatus
from homeassess.services.assessments import AssessmentService
from homeassess.services.checklist import ChecklistService
from homeassess.services.follow_up import FollowUpService
from homeassess.services.recommendations import RecommendationService

NAMED = 3  # items or titles named in each line before "and N more"


@dataclass(frozen=True)
class OpenWork:
    unanswered: list[tuple[str, list[str]]]  # (room name, prompts of its unanswered items)
    undecided: list[str]  # titles of the recommendations still proposed
    unchecked: tuple[str, ...] = ()  # a follow-up's installed items not yet checked
    no_reason: tuple[str, ...] = ()  # a follow-up's items not (fully) done, without a reason

    @property
    def unanswered_count(self) -> int:
        return sum(len(prompts) for _, prompts in self.unanswered)


def open_work(assessment_id: int, assessments: AssessmentService, checklist: ChecklistService,
              recommendations: RecommendationService, follow_ups: FollowUpService | None = None) -> OpenWork:
    unanswered = []
    for room in assessments.room_views(assessment_id):
        prompts = [s.item.prompt for s in checklist.room_items(room.id) if not s.text and s.item.kind is not ItemKind.NOTE]
        if prompts:
            unanswered.append((room.name, prompts))
    undecided = [v.title for v in recommendations.list(assessment_id) if v.status is RecommendationStatus.PROPOSED]
    if follow_ups is None or follow_ups.link(assessment_id).original_id is None:
        return OpenWork(unanswered, undecided)
    items = follow_ups.items(assessment_id)
    unchecked = tuple(i.title for i in items if i.status is InstallStatus.NOT_CHECKED)
    no_reason = tuple(i.title for i in items if i.status.needs_reason and i.reason is None)
    return OpenWork(unanswered, undecided, unchecked, no_reason)


def _some(names: list[str]) -> str:
    shown = ", ".join(html.escape(n) for n in names[:NAMED])
    return shown + (f" and {len(names) - NAMED} more" if len(names) > NAMED else "")


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def finalise_question(work: OpenWork) -> str:
    """The question as rich text: what is still open, then what finalising does."""
    parts = []
    if work.unanswered:
        parts.append(f"<p><b>{_plural(work.unanswered_count, 'item is', 'items are')} unanswered:</b></p><ul>"
                     + "".join(f"<li>{html.escape(room)} ({len(prompts)}): {_some(prompts)}</li>"
                               for room, prompts in work.unanswered) + "</ul>")
    if work.undecided:
        parts.append(f"<p><b>{_plural(len(work.undecided), 'recommendation is', 'recommendations are')} "
                     f"still proposed</b> (neither accepted nor dismissed): {_some(work.undecided)}.</p>")
    if work.unchecked:
        parts.append(f"<p><b>{_plural(len(work.unchecked), 'installed item is', 'installed items are')} not yet "
                     f"checked:</b> {_some(list(work.unchecked))}.</p>")
    if work.no_reason:
        parts.append(f"<p><b>No reason recorded</b> for work not done or partly done: {_some(list(work.no_reason))}.</p>")
    if not parts:
        parts.append("<p>Every item is answered and every recommendation decided.</p>")
    parts.append("<p>Finalise this assessment? It becomes read-only.</p>")
    return "".join(parts)
