"""The contractor's scope of works: what to build, where, at what height, from what.

Site address and access contact; a summary of the work items with priorities and cost;
then per room each accepted modification as a work item (what, where, mounting height
above finished floor, length, clearances, structure and blocking, the measurements it
rests on, in the report's units or millimetres), and the room's photos. Equipment to buy
is listed apart; then the general notes, a bid sheet with blank labour, materials and
permit columns, and where and by when to return the bid (``contractor_bid.py``).

Leaves out: diagnosis, conditions, functional limitations, clinical rationale and the
clinician's notes. The data handed in carries none of them (the service blanks them),
and this builder prints no clinical field in any case.
"""

from __future__ import annotations

import dataclasses

from reportlab.platypus import Flowable, Paragraph, Spacer

from homeassess.report.contractor_bid import bid_sheet, equipment, equipment_list, installed, returning_the_bid
from homeassess.report.layout import keep_with_next, short
from homeassess.report.markup import SafeMarkup, compose, para
from homeassess.report.millimetres import to_millimetres
from homeassess.report.page_template import Cancelled, Progress, RenderedReport, content_width, render
from homeassess.report.report_data import Recommendation, ReportData, Room, cost_totals
from homeassess.report.room_names import names_room, without_room
from homeassess.report.sections import (
    cost_range,
    data_table,
    field_table,
    heading,
    installer_label,
    letterhead,
    payer_label,
    photo_grid,
    photo_numbers,
    photo_refs,
    priority_label,
    totals_rows,
)
from homeassess.report.styles import Styles, make_styles

GENERAL_NOTES = (
    "Heights are measured from the finished floor (AFF) to the top of the fixture, and for a grab bar or handrail to"
    " the top of its gripping surface, as the work items give them.",
    "Verify every dimension on site before ordering or cutting; report any conflict with these figures to the assessor.",
    "Fix grab bars and rails so that each takes a 250 lbf (1112 N) load: into framing or purpose-installed blocking,"
    " or with rated hollow-wall anchors only where the work item allows them; never into drywall alone.",
    "Work to local codes; obtain any permits required. Leave the work area clean and safe each day.",
)


TITLE_IN_HEAD = 160  # characters of a work item's title in its (repeated) head; a longer one follows in full
EMPTY = {"", "—", "-", "–", "n/a", "N/A"}


def build_contractor(data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None) -> bytes:
    return render_contractor(data, progress, cancelled).pdf


def in_millimetres(data: ReportData) -> bool:
    """Whether the scope prints millimetres: the ``--mm`` option, or a visit measured in metric units."""
    return data.meta.millimetres or data.meta.unit_system == "metric"


def units_statement(data: ReportData) -> str:
    if in_millimetres(data):
        return "All measurements are in millimetres (mm)."
    return "All measurements are in inches, to the nearest 1/8 in."


def render_contractor(
    data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> RenderedReport:
    styles = make_styles()
    width = content_width(data.meta.paper_size)
    subtitle = compose("Report {rid} · printed {day}", rid=data.meta.report_id, day=data.meta.generated.isoformat())
    story: list[Flowable] = letterhead(data.letterhead, styles, data.meta.audience.title, subtitle)
    story += _site(data, styles, width)
    story += _summary(data, styles, width)
    work = _ordered(data)
    numbers = {id(r): i for i, r in enumerate(work, start=1)}
    photos = photo_numbers(data.rooms)
    for room in data.rooms:
        if installed(room.recommendations) or room.photos:
            story += _room(room, numbers, photos, data, styles, width)
    if installed(data.whole_home):
        items = [_work_item(rec, numbers[id(rec)], "", data, styles, width) for rec in installed(data.whole_home)]
        story += keep_with_next([Paragraph("Whole home", styles.h1), *items])
    everything = [r for room in data.rooms for r in room.recommendations] + list(data.whole_home)
    story += equipment_list(equipment(everything), data, styles, width)
    general = [to_millimetres(note) for note in GENERAL_NOTES] if in_millimetres(data) else GENERAL_NOTES  # no markup
    notes = [Paragraph(f"•&nbsp;&nbsp;{note}", styles.small) for note in general]
    story += keep_with_next([Paragraph("General notes", styles.h2), *notes])
    story += returning_the_bid(data, styles, width)
    if work:
        story += bid_sheet(work, numbers, styles, width)
    return render(story, data, styles, progress, cancelled)


def _ordered(data: ReportData) -> list[Recommendation]:
    """The installed work items, room by room then the whole home (equipment to buy is listed apart)."""
    return installed([r for room in data.rooms for r in room.recommendations] + list(data.whole_home))


def _site(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    v = data.visit
    assessor = ", ".join(x for x in (v.clinician, v.credentials) if x)
    contact = " · ".join(x for x in (v.phone, v.email) if x)
    owner = ", ".join(x for x in (v.landlord_name, v.landlord_contact) if x)
    return [
        Paragraph("Site", styles.h2),
        field_table(
            [
                ("Site address", v.address),
                ("Occupant", data.client.name),
                ("Access contact", v.access_contact),
                ("Dwelling", v.dwelling_type),
                ("Owner / landlord", owner),
                ("Assessed on", v.visit_date),
                ("Assessor", assessor),
                ("Assessor contact", contact),
            ],
            styles,
            width,
        ),
        Spacer(1, 4),
        Paragraph(units_statement(data) + " Heights are above finished floor (AFF).", styles.body),
    ]


def _summary(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Work items", styles.h2)]
    ordered = _ordered(data)
    if not ordered:
        return out + [Paragraph("No modifications have been accepted for this home.", styles.body)]
    numbers = {id(r): i for i, r in enumerate(ordered, start=1)}
    rows = [
        [
            Paragraph(str(numbers[id(r)]), styles.cell),
            para(short(r.room), styles.cell),
            para(short(r.title, 160), styles.cell),
            para(priority_label(r.priority), styles.cell),
            para(installer_label(r.installer), styles.cell),
            para(cost_range(r.cost_low, r.cost_high, data.currency), styles.cell_right),
        ]
        for r in ordered
    ]
    out.append(
        data_table(
            ["#", "Room", "Work item", "Priority", "Installed by", "Estimated cost"],
            rows,
            [width * f for f in (0.05, 0.17, 0.37, 0.1, 0.14, 0.17)],
            styles,
        )
    )
    out.append(Spacer(1, 6))
    out.append(
        data_table(
            ["Priority", "Items", "Estimated cost"],
            totals_rows(dataclasses.replace(data, totals=cost_totals(ordered)), styles),
            [width * 0.3, width * 0.15, width * 0.25],
            styles,
        )
    )
    out.append(
        Paragraph("Estimated costs are typical installed ranges for budgeting; they are not quotes.", styles.muted)
    )
    return out


def _room(
    room: Room, numbers: dict[int, int], photos: dict[int, int], data: ReportData, styles: Styles, width: float
) -> list[Flowable]:
    items = [
        _work_item(rec, numbers[id(rec)], photo_refs(photos, room.photos, rec.item_id), data, styles, width)
        for rec in installed(room.recommendations)
    ]
    conditions = [para(" ".join(room.existing_conditions), styles.body, SafeMarkup("<i>Existing conditions:</i> "))] \
        if room.existing_conditions else []
    out = keep_with_next([heading(room.name, styles.h1), *conditions, *items])
    if room.photos:
        out += keep_with_next(
            [heading(room.name, styles.h3, SafeMarkup("Photos: ")), *photo_grid(room.photos, styles, width, photos)]
        )
    return out


def _where(rec: Recommendation) -> str:
    """The location without the room's name in front when the location names the room itself."""
    rest = without_room(rec.location, rec.room, " —")
    return rest if rest != rec.location and names_room(rest, rec.room) else rec.location


def _work_item(
    rec: Recommendation, number: int, photo_refs: str, data: ReportData, styles: Styles, width: float
) -> Flowable:
    existing = "\n".join(
        f"{m.item}: {m.measured}" + (f" (required {m.required})" if m.required else "") for m in rec.measurements
    )
    option = f"Option instead of “{short(rec.alternative_to, 120)}”: price it separately; not in the totals" \
        if rec.alternative_to else ""
    fields = [
        ("Work item", rec.title if short(rec.title, TITLE_IN_HEAD) != rec.title else ""),
        ("Option", option),
        ("What", without_room(rec.specification, rec.room) or rec.plain),  # under the room's heading
        ("Where", _where(rec)),
        ("Quantity", rec.quantity),
        ("Remove first", rec.removal),
        ("Ramp figures", "\n".join(rec.ramp_figures)),
        ("Mounting height AFF", rec.mounting_height),
        ("Length", rec.length),
        ("Clearances", rec.clearances),
        ("Structure / blocking", rec.structure),
        ("Measurements of what changes", existing),
        ("Photos", photo_refs),
        (
            "Priority and cost",
            f"{priority_label(rec.priority)} priority · installed by: {installer_label(rec.installer)}"
            f" · paid by: {payer_label(rec)} · estimate {cost_range(rec.cost_low, rec.cost_high, data.currency)}",
        ),
    ]
    label_w = width * 0.25
    rows = [
        [Paragraph(label, styles.cell_bold), para(value, styles.cell)]
        for label, value in fields
        if value and value.strip() not in EMPTY
    ]
    head = para(short(rec.title, TITLE_IN_HEAD), styles.head, SafeMarkup(f"{number}. "))  # repeated on each page
    table = data_table([head, ""], rows, [label_w, width - label_w], styles, extra_style=[("SPAN", (0, 0), (1, 0))])
    table.spaceAfter = 8
    return table
