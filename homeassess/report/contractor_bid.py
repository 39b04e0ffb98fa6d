"""What a contractor needs to price the scope of works: a bid sheet, the equipment kept apart, and
where and by when to return the bid.

- **Bid sheet**: one row per installed work item (number, room, item) with blank columns for
  labour, materials and permits and a total, and a row for the bid total.
- **Equipment to buy**: chairs, commodes, mats, pendants... are bought, not installed; they are
  listed apart, with their estimate, and are not part of the bid or its totals.
- **Returning the bid**: the due date (14 days after the scope's date), who to return it to
  (agency, address, clinician, phone, email) and the reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from reportlab.platypus import Flowable, Paragraph

from homeassess.report.layout import short
from homeassess.report.markup import para
from homeassess.report.report_data import Recommendation, ReportData
from homeassess.report.room_names import without_room
from homeassess.report.sections import cost_range, data_table, field_table
from homeassess.report.styles import Styles

EQUIPMENT = "equipment"
BID_DAYS = 14  # bids are asked for within two weeks of the scope's date
BID_COLUMNS = ("#", "Room", "Work item", "Labour", "Materials", "Permits", "Total")
BID_WIDTHS = (0.05, 0.15, 0.36, 0.11, 0.11, 0.11, 0.11)


def installed(recs: Sequence[Recommendation]) -> list[Recommendation]:
    return [r for r in recs if r.category != EQUIPMENT]


def equipment(recs: Sequence[Recommendation]) -> list[Recommendation]:
    return [r for r in recs if r.category == EQUIPMENT]


def bid_due(data: ReportData) -> str:
    return (data.meta.generated + timedelta(days=BID_DAYS)).strftime("%d %B %Y").lstrip("0")


def bid_sheet(work: Sequence[Recommendation], numbers: dict[int, int], styles: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [
        Paragraph("Bid sheet", styles.h2),
        Paragraph(
            "Price each work item: labour, materials (with removal and disposal of what it replaces, and making good)"
            " and permits or inspections. Equipment to buy is listed apart and is not part of the bid.",
            styles.body,
        ),
    ]
    rows = [
        [Paragraph(str(numbers[id(r)]), styles.cell), para(short(r.room), styles.cell), para(short(r.title, 160), styles.cell),
         "", "", "", ""]
        for r in work
    ]
    rows.append([Paragraph("", styles.cell), Paragraph("", styles.cell), Paragraph("<b>Bid total</b>", styles.cell),
                 "", "", "", ""])
    room_to_write = [("TOPPADDING", (0, 1), (-1, -1), 7), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)]  # figures by hand
    out.append(data_table(list(BID_COLUMNS), rows, [width * f for f in BID_WIDTHS], styles, room_to_write))
    return out


def equipment_list(items: Sequence[Recommendation], data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    if not items:
        return []
    rows = [
        [
            para(f"E{i}", styles.cell),
            para(short(r.room), styles.cell),
            para(r.title, styles.cell),
            para(without_room(r.specification, r.room) or r.plain, styles.cell),  # the room has its column
            para(cost_range(r.cost_low, r.cost_high, data.currency), styles.cell_right),
        ]
        for i, r in enumerate(items, start=1)
    ]
    return [
        Paragraph("Equipment to buy (not part of the installed work)", styles.h2),
        data_table(["#", "Room", "Item", "What", "Estimate"], rows, [width * f for f in (0.06, 0.16, 0.25, 0.38, 0.15)],
                   styles),
    ]


def returning_the_bid(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    v, head = data.visit, data.letterhead
    return [
        Paragraph("Returning your bid", styles.h2),
        field_table(
            [
                ("Bid due by", bid_due(data)),
                ("Return to", ", ".join(x for x in (v.clinician, head.agency_name) if x)),
                ("Address", head.address),
                ("Phone", v.phone or head.phone),
                ("Email", v.email),
                ("Quote reference", data.meta.report_id),
            ],
            styles,
            width,
        ),
    ]
