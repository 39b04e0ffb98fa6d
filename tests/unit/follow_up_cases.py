"""A follow-up visit as the domain describes it (``FollowUpRecord``), and its report data.

The case is the demo's: a grab bar fitted too high, a ramp the landlord declined, a raised toilet
seat and a shower chair as specified, a bath step not yet checked; outcomes improved.
"""

from __future__ import annotations

from datetime import date

from homeassess.domain.follow_up import (
    CheckResult,
    Direction,
    FollowUpRecord,
    GoalScore,
    InstalledItem,
    OutcomeChange,
    Outcomes,
    VerifyCheck,
)
from homeassess.domain.units import UnitSystem
from homeassess.domain.verdicts import Verdict
from homeassess.domain.vocabulary import Difficulty, InstallStatus, NotDoneReason
from homeassess.report.from_follow_up import follow_up_block
from homeassess.report.millimetres import to_millimetres
from homeassess.report.report_data import (
    Audience,
    ClientBlock,
    Letterhead,
    Photo,
    ReportData,
    ReportMeta,
    Signature,
    VisitBlock,
)
from tests.unit.test_report_builds import landscape_jpeg

BAR_HEIGHT = VerifyCheck("grab_bar_height", "Height to the top of the gripping surface", "length", 838.2, 914.4,
                         "33–36 in to the top of the gripping surface", "grab_bar", measured_to="to the top of the gripping surface")
BAR_LENGTH = VerifyCheck("grab_bar_length", "Length of the bar", "length", 609.6, None, "at least 24 in", measured_to="long")
SEAT_HEIGHT = VerifyCheck("seat_height", "Seat height", "length", 431.8, 482.6, "17–19 in to the top of the seat",
                          measured_to="to the top of the seat")
TOO_HIGH = "Grab bar installed at 38 in: specified 33–36 in to the top of the gripping surface"
RE_FIT = "Re-fit the grab bar so its top is 33–36 in above the floor"
JPEGS = {n: landscape_jpeg(600, 400, seed=n) for n in range(1, 6)}


def _item(n: int, title: str, room: str, status: InstallStatus, checks: tuple[CheckResult, ...] = (), **more) -> InstalledItem:
    values = dict(
        installation_id=n, recommendation_id=100 + n, ref=str(n), room_name=room, title=title,
        specification=f"{title}: as specified in the assessment.", library_id=None, status=status, reason=None,
        reason_note="", installed_on=None, installed_by="", note="", checks=checks, before_photos=(), after_photos=(),
    )  # fmt: skip
    values.update(more)
    return InstalledItem(**values)  # type: ignore[arg-type]


def record(items: tuple[InstalledItem, ...] | None = None) -> FollowUpRecord:
    bar_checks = (
        CheckResult(BAR_HEIGHT, "38", 965.2, Verdict.FAILS, TOO_HIGH, RE_FIT),
        CheckResult(BAR_LENGTH, "24 in", 609.6, Verdict.MEETS, "Grab bar length 24 in: specified at least 24 in"),
    )
    seat = (CheckResult(SEAT_HEIGHT, "18", 457.2, Verdict.MEETS, "Seat installed at 18 in: specified 17–19 in"),)
    items = items if items is not None else (
        _item(1, "Grab bar beside the toilet", "Bathroom", InstallStatus.DEVIATIONS, bar_checks,
              installed_on=date(2026, 2, 10), installed_by="Ace Home Builders", before_photos=(1,), after_photos=(2, 3)),
        _item(2, "Raised toilet seat", "Bathroom", InstallStatus.AS_SPECIFIED, seat, installed_on=date(2026, 2, 3),
              installed_by="Family"),
        _item(3, "Ramp to the front door", "Entrance", InstallStatus.NOT_DONE, reason=NotDoneReason.LANDLORD_DECLINED,
              reason_note="The landlord wants a quote for a removable ramp first.", before_photos=(4,)),
        _item(4, "Shower chair", "Bathroom", InstallStatus.AS_SPECIFIED, installed_by="Client"),
        _item(5, "Step to the bath", "Bathroom", InstallStatus.NOT_CHECKED),
    )  # fmt: skip
    goals = ("Shower on my own", "Get to the mailbox")
    baseline = Outcomes(date(2026, 1, 5), (GoalScore(goals[0], 3, 2, Difficulty.MUCH), GoalScore(goals[1], 2, 2, None)),
                        3, 8, "Falls efficacy scale", "41", 7)
    follow_up = Outcomes(date(2026, 3, 2), (GoalScore(goals[0], 7, 8, Difficulty.SOME), GoalScore(goals[1], 2, 3, None)),
                         0, 3, "Falls efficacy scale", "27", 3)
    changes = (
        OutcomeChange("Shower on my own: performance", "3", "7", Direction.BETTER),
        OutcomeChange("Shower on my own: satisfaction", "2", "8", Direction.BETTER),
        OutcomeChange("Shower on my own: difficulty", "Great difficulty", "Some difficulty", Direction.BETTER),
        OutcomeChange("Get to the mailbox: performance", "2", "2", Direction.SAME),
        OutcomeChange("Falls in the last 3 months", "3", "0", Direction.BETTER),
        OutcomeChange("Concern about falling (0–10)", "8", "3", Direction.BETTER),
        OutcomeChange("Open findings", "7", "3", Direction.BETTER),
        OutcomeChange("Get to the mailbox: difficulty", "Not recorded", "Not recorded", Direction.UNKNOWN),
    )
    return FollowUpRecord(21, 12, date(2026, 1, 5), date(2026, 3, 2), items, baseline, follow_up, changes)


def photo(photo_id: int) -> Photo | None:
    return Photo(JPEGS[photo_id], f"Photo id {photo_id} of the work") if photo_id in JPEGS else None


def report_data(audience: Audience, rec: FollowUpRecord | None = None, *, paper: str = "letter", mm: bool = False,
                name: str = "Rosa Delgado", address: str = "14 Elm Street, Springfield") -> ReportData:
    """What the report service gives a builder for this follow-up (a completion record: no clinical field)."""
    rec = rec or record()
    clinical = audience is Audience.FOLLOWUP
    block = follow_up_block(rec, UnitSystem.METRIC if mm else UnitSystem.IMPERIAL,
                            to_millimetres if mm else (lambda t: t), photo, clinical)
    client = ClientBlock(name=name, address=address, diagnosis="Parkinson disease", conditions=("Osteoarthritis",),
                         goals=("Shower on my own",)) if clinical else ClientBlock(name=name)
    return ReportData(
        meta=ReportMeta(f"HA-21-{audience.value}-20260302", date(2026, 3, 2), audience, paper_size=paper,
                        unit_system="metric" if mm else "imperial", millimetres=mm),
        letterhead=Letterhead("Springfield Home Therapy", "1 Main Street", "555 0199"),
        client=client,
        visit=VisitBlock(address=address, visit_date="2026-03-02", clinician="Alex Kim", credentials="OTR/L",
                         licence="OT-12345", phone="555 0100", email="alex@example.org", landlord_name="Oak Property Co"),
        signature=Signature("Alex Kim", "OTR/L", "OT-12345", "2026-03-02"),
        follow_up=block,
    )
