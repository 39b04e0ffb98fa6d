"""The tables both follow-up reports print: the visit header, each item and its status, the
as-installed measurements with verdicts, the corrections needed, the recommendations still open,
and (the clinical one only) the outcome table.

Status, verdict and direction are always printed as words; colour only repeats them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph

from homeassess.domain.follow_up import Direction
from homeassess.domain.vocabulary import InstallStatus
from homeassess.report.follow_up_data import FollowUpBlock, InstalledRow, OutcomeRow
from homeassess.report.markup import SafeMarkup, compose, para
from homeassess.report.report_data import ReportData
from homeassess.report.room_names import without_room
from homeassess.report.sections import data_table, field_table
from homeassess.report.styles import Styles

GOOD, BAD, NEUTRAL = "#1d6b2f", "#a61b1b", "#1a1a1a"
STATUS_COLOURS = {InstallStatus.AS_SPECIFIED.value: GOOD, InstallStatus.DEVIATIONS.value: BAD,
                  InstallStatus.PARTLY.value: BAD, InstallStatus.NOT_DONE.value: BAD}
VERDICT_COLOURS = {"Meets": GOOD, "Deviates": BAD, "Check value": BAD}
DIRECTION_COLOURS = {Direction.BETTER.value: GOOD, Direction.WORSE.value: BAD}

SUMMARY_ORDER = (*(s for s in InstallStatus if s is not InstallStatus.NOT_CHECKED), InstallStatus.NOT_CHECKED)
STATUS_COLUMNS = ("Ref", "Item", "Status", "Installed")
STATUS_WIDTHS = (0.08, 0.44, 0.28, 0.20)
CHECK_COLUMNS = ("Item and measurement", "Installed", "Specified", "Verdict")
CHECK_WIDTHS = (0.28, 0.13, 0.24, 0.35)
CORRECTION_COLUMNS = ("Ref", "Item", "Correction needed")
CORRECTION_WIDTHS = (0.08, 0.30, 0.62)
OPEN_COLUMNS = ("Ref", "Recommendation", "Status", "Still to do")
OPEN_WIDTHS = (0.08, 0.34, 0.22, 0.36)
OUTCOME_COLUMNS = ("Measure", "Baseline", "Follow-up", "Change")
OUTCOME_WIDTHS = (0.46, 0.16, 0.16, 0.22)


def _word(text: str, colour: str, styles: Styles) -> Flowable:
    return para(compose(f'<font color="{colour}"><b>{{w}}</b></font>', w=text), styles.cell)


def visit_header(data: ReportData, styles: Styles, width: float) -> Flowable:
    """Client and home, both visits, the clinician and how to reach them."""
    fu, v = data.follow_up, data.visit
    original = f"{fu.original_visit} (assessment {fu.original_id})" if fu else ""
    clinician = ", ".join(x for x in (v.clinician, v.credentials) if x)
    landlord = " · ".join(x for x in (v.landlord_name, v.landlord_contact) if x)
    rows = [
        ("Client", data.client.name),
        ("Home address", v.address or data.client.address),
        ("First visit", original),
        ("Follow-up visit", fu.follow_up_visit if fu else v.visit_date),
        ("Clinician", clinician),
        ("Licence", v.licence),
        ("Contact", " · ".join(x for x in (v.phone, v.email) if x)),
        ("Agency", data.letterhead.agency_name),
        ("Landlord", landlord),
    ]
    return field_table(rows, styles, width)


def status_summary(items: Sequence[InstalledRow]) -> str:
    """"5 items: 3 installed as specified, 1 installed with deviations, 1 not done." """
    if not items:
        return "No accepted recommendations were carried into this follow-up."
    counts = Counter(i.status for i in items)
    parts = [f"{counts[s.value]} {s.label[:1].lower()}{s.label[1:]}" for s in SUMMARY_ORDER if counts[s.value]]
    return f"{len(items)} item{'s' if len(items) != 1 else ''}: {', '.join(parts)}."


def status_table(items: Sequence[InstalledRow], styles: Styles, width: float) -> Flowable:
    rows = []
    for i in items:
        what: list[Flowable] = [para(i.title, styles.cell_bold), para(i.room, styles.muted)]
        if i.specification:
            what.append(para(without_room(i.specification, i.room), styles.cell))  # the room is the line above
        status: list[Flowable] = [_word(i.status_label, STATUS_COLOURS.get(i.status, NEUTRAL), styles)]
        if i.reason_label:
            status.append(para(i.reason_label, styles.cell, SafeMarkup("<i>Reason:</i> ")))
        if i.reason_note:
            status.append(para(i.reason_note, styles.cell))
        if i.note:
            status.append(para(i.note, styles.cell, SafeMarkup("<i>Note:</i> ")))
        installed = [para(i.installed_on, styles.cell, SafeMarkup("On ")) if i.installed_on else Paragraph("—", styles.cell)]
        if i.installed_by:
            installed.append(para(i.installed_by, styles.cell, SafeMarkup("By ")))
        rows.append([para(i.ref, styles.cell), what, status, installed])
    return data_table(list(STATUS_COLUMNS), rows, [width * f for f in STATUS_WIDTHS], styles)


def checks_table(items: Sequence[InstalledRow], styles: Styles, width: float) -> Flowable | None:
    """Every as-installed measurement taken, with its verdict; None without any (``unmeasured`` lists the rest)."""
    rows = []
    for i in items:
        for c in i.checks:
            if not c.installed:
                continue
            what = [para(compose("{ref} {t}", ref=i.ref, t=i.title), styles.cell_bold), para(c.label, styles.cell)]
            verdict: list[Flowable] = [_word(c.verdict_label, VERDICT_COLOURS.get(c.verdict_label, NEUTRAL), styles)]
            if c.message:
                verdict.append(para(c.message, styles.cell))
            rows.append([what, para(c.installed or "—", styles.cell), para(c.specified, styles.cell), verdict])
    if not rows:
        return None
    return data_table(list(CHECK_COLUMNS), rows, [width * f for f in CHECK_WIDTHS], styles)


def unmeasured(items: Sequence[InstalledRow], styles: Styles) -> list[Flowable]:
    """The measurements the library lists that were not taken: one line per item, by reference."""
    lines = [
        para(compose("{ref} {t}: {labels}.", ref=i.ref, t=i.title, labels="; ".join(c.label for c in i.checks if not c.installed)),
             styles.small, SafeMarkup("•&nbsp;&nbsp;"))
        for i in items if any(not c.installed for c in i.checks)
    ]
    return [Paragraph("Not measured at this visit:", styles.h3), *lines] if lines else []


def corrections_table(items: Sequence[InstalledRow], styles: Styles, width: float) -> Flowable | None:
    """One row per deviating measurement: the proposed correction (or, without one, what was found)."""
    rows = [
        [para(i.ref, styles.cell), [para(i.title, styles.cell_bold), para(i.room, styles.muted)],
         [para(c.correction or c.message, styles.cell), para(c.message, styles.muted) if c.correction else para("", styles.cell)]]
        for i in items for c in i.deviations
    ]
    if not rows:
        return None
    return data_table(list(CORRECTION_COLUMNS), rows, [width * f for f in CORRECTION_WIDTHS], styles)


def still_to_do(item: InstalledRow) -> list[str]:
    """What keeps an item open, in words: the corrections, or finishing the work and why it waits."""
    out = [c.correction or c.message for c in item.deviations]
    if item.status in (InstallStatus.PARTLY.value, InstallStatus.NOT_DONE.value):
        why = f" ({item.reason_label.lower()})" if item.reason_label else ""
        out.append(f"Complete the work{why}.")
    elif item.status == InstallStatus.NOT_CHECKED.value:
        out.append("Check the work at the next visit.")
    elif item.status == InstallStatus.DEVIATIONS.value and not item.deviations:
        out.append("Correct the deviations noted.")
    return out


def open_table(items: Sequence[InstalledRow], styles: Styles, width: float) -> Flowable | None:
    rows = []
    for i in items:
        if not i.still_open:
            continue
        status = [_word(i.status_label, STATUS_COLOURS.get(i.status, NEUTRAL), styles)]
        if i.reason_label:
            status.append(para(i.reason_label, styles.cell, SafeMarkup("<i>Reason:</i> ")))
        todo = [para(t, styles.cell, SafeMarkup("•&nbsp;")) for t in still_to_do(i)]
        rows.append([para(i.ref, styles.cell), [para(i.title, styles.cell_bold), para(i.room, styles.muted)], status, todo])
    if not rows:
        return None
    return data_table(list(OPEN_COLUMNS), rows, [width * f for f in OPEN_WIDTHS], styles)


def outcome_table(block: FollowUpBlock, styles: Styles, width: float) -> Flowable | None:
    if not block.outcomes:
        return None
    header = ["Measure", _dated("Baseline", block.baseline_recorded, styles), _dated("Follow-up", block.follow_up_recorded, styles),
              "Change"]
    rows = [_outcome_row(o, styles) for o in block.outcomes]
    return data_table(header, rows, [width * f for f in OUTCOME_WIDTHS], styles)


def _dated(label: str, day: str, styles: Styles) -> Flowable:
    return para(compose(f"{label}<br/>{{d}}", d=day), styles.head) if day else Paragraph(label, styles.head)


def _outcome_row(o: OutcomeRow, styles: Styles) -> list[Flowable]:
    return [
        para(o.label, styles.cell),
        para(o.baseline, styles.cell),
        para(o.follow_up, styles.cell),
        _word(o.direction_label, DIRECTION_COLOURS.get(o.direction, NEUTRAL), styles),
    ]


def instrument_line(block: FollowUpBlock) -> SafeMarkup | None:
    """"Instrument: name — baseline score 32, follow-up score 41" (scores only, never its items)."""
    if not (block.instrument or block.baseline_score or block.follow_up_score):
        return None
    return compose(
        "<b>Standardised instrument:</b> {name}; baseline score {b}, follow-up score {f}.",
        name=block.instrument or "not named", b=block.baseline_score or "not recorded",
        f=block.follow_up_score or "not recorded",
    )
