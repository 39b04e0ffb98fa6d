"""A follow-up's reports: gathering the follow-up visit (``FollowUpService.record``) as report data.

The completion record and the follow-up report are built from a follow-up only; for any other
assessment they are refused (``NotAFollowUp``) with one sentence. Photos are the stored print
copies of the first visit's photos of each item (before) and the follow-up's photos of the work
(after), printed as every report prints a photo (``report_site.printed_photo``); none when the
clinician chose no photos.
"""

from __future__ import annotations

from collections.abc import Callable

from homeassess.domain.refusals import Refused
from homeassess.domain.units import UnitSystem
from homeassess.report.follow_up_data import FollowUpBlock
from homeassess.report.from_follow_up import follow_up_block
from homeassess.report.report_data import Audience, Photo
from homeassess.services.report_site import printed_photo
from homeassess.services.workspace import Workspace

FOLLOW_UP_AUDIENCES = tuple(a for a in Audience if a.is_follow_up)


class NotAFollowUp(Refused):
    title = "Not a follow-up"

    def __init__(self, audience: Audience) -> None:
        name = "completion record" if audience is Audience.COMPLETION else "follow-up report"
        super().__init__(f"the {name} is built from a follow-up visit, and this assessment is not one;"
                         " start a follow-up from the final assessment first")


def is_follow_up(ws: Workspace, assessment_id: int) -> bool:
    return ws.follow_ups.link(assessment_id).original_id is not None


def audiences_for(ws: Workspace, assessment_id: int) -> tuple[Audience, ...]:
    """The reports an assessment has: a follow-up adds its completion record and follow-up report."""
    first_visit = tuple(a for a in Audience if not a.is_follow_up)
    return first_visit + FOLLOW_UP_AUDIENCES if is_follow_up(ws, assessment_id) else first_visit


def gather_follow_up(
    ws: Workspace, assessment_id: int, audience: Audience, system: UnitSystem, length: Callable[[str], str],
    include_photos: bool,
) -> FollowUpBlock | None:
    """The follow-up block for a follow-up audience (None for the others); NotAFollowUp if it is not one."""
    if not audience.is_follow_up:
        return None
    if not is_follow_up(ws, assessment_id):
        raise NotAFollowUp(audience)
    record = ws.follow_ups.record(assessment_id)

    def photo(photo_id: int) -> Photo | None:
        return printed_photo(ws, ws.photos_repo.get(photo_id), length)

    return follow_up_block(record, system, length, photo if include_photos else (lambda _id: None),
                           clinical=audience is Audience.FOLLOWUP)
