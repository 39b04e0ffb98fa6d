"""Turning the domain's ``FollowUpRecord`` into the follow-up reports' plain data.

Measured values and the specified ranges print in the report's unit system (formatted from the
stored figures, not as typed); ``length`` rewrites every other text that can hold a length (the specification, the
target, the verdict's message, the correction, the notes) for millimetre mode. ``photo`` turns a
stored photo's id into a printable :class:`Photo` (None leaves it out). A completion record
(``clinical=False``) gets no outcomes: they are the client's health information.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from homeassess.domain.as_installed import measure_of, target_text
from homeassess.domain.follow_up import CheckResult, FollowUpRecord, InstalledItem, Outcomes
from homeassess.domain.units import UnitSystem
from homeassess.report.follow_up_data import CheckRow, FollowUpBlock, InstalledRow, OutcomeRow
from homeassess.report.report_data import Photo

Length = Callable[[str], str]
PhotoOf = Callable[[int], Photo | None]


def installed_value(result: CheckResult, system: UnitSystem) -> str:
    """The measured value as the report prints it: "38 in", "965 mm", "1:12", "2", "49 °C"; "" while unmeasured."""
    if not result.measured:
        return ""
    if result.value is None:  # kept as typed (an implausible value)
        return result.value_text
    return measure_of(result.check.reading).format(result.value, system)


def check_row(result: CheckResult, system: UnitSystem, length: Length) -> CheckRow:
    check = result.check
    specified = check.target  # as the library writes it, in inches; in metric from its figures
    if system is UnitSystem.METRIC:
        specified = target_text(check.reading, check.low, check.high, check.measured_to, system)
    return CheckRow(
        label=check.label,
        installed=length(installed_value(result, system)),
        specified=length(specified),
        verdict=result.verdict.value,
        message=length(result.message) if result.measured else "",
        correction=length(result.correction) if result.deviates else "",
    )


def installed_row(item: InstalledItem, number: int, system: UnitSystem, length: Length, photo: PhotoOf) -> InstalledRow:
    """``number``: the item's reference in the report (1, 2, ...; the store's own reference means nothing to a reader)."""
    return InstalledRow(
        ref=str(number),
        room=item.room_name,
        title=item.title,
        specification=length(item.specification),
        status=item.status.value,
        reason=item.reason.value if item.reason is not None else "",
        reason_note=length(item.reason_note),
        installed_on=item.installed_on.isoformat() if item.installation_shown and item.installed_on else "",
        installed_by=item.installed_by if item.installation_shown else "",
        note=length(item.note),
        checks=tuple(check_row(c, system, length) for c in item.checks),
        before=_photos(item.before_photos, photo),
        after=_photos(item.after_photos, photo),
        still_open=item.is_open,
    )


def _photos(ids: Iterable[int], photo: PhotoOf) -> tuple[Photo, ...]:
    return tuple(p for p in (photo(i) for i in ids) if p is not None)


def follow_up_block(
    record: FollowUpRecord, system: UnitSystem, length: Length, photo: PhotoOf, clinical: bool
) -> FollowUpBlock:
    """The follow-up as its report prints it; ``photo`` is asked only for the photos printed."""
    base, now = record.baseline, record.follow_up
    return FollowUpBlock(
        original_id=record.original_id,
        original_visit=record.original_visit.isoformat(),
        follow_up_visit=record.follow_up_visit.isoformat(),
        items=tuple(installed_row(i, n, system, length, photo) for n, i in enumerate(record.items, start=1)),
        outcomes=tuple(OutcomeRow(c.label, c.baseline, c.follow_up, c.direction.value) for c in record.changes)
        if clinical else (),
        baseline_recorded=_recorded(base) if clinical else "",
        follow_up_recorded=_recorded(now) if clinical else "",
        instrument=(now.instrument or base.instrument) if clinical else "",
        baseline_score=base.instrument_score if clinical else "",
        follow_up_score=now.instrument_score if clinical else "",
    )


def _recorded(outcomes: Outcomes) -> str:
    return outcomes.recorded_on.isoformat() if outcomes.recorded_on else ""
