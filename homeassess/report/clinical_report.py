"""The clinical report: for the record, the referrer and the funder. Leaves nothing out.

Cover (letterhead, client, home and visit, goals), client profile, a summary of the main
risks with the recommendations by priority and their cost totals, then room by room:
findings (measured, required, verdict, citation, person-fit, notes, the photos of the item),
the room's photos, numbered through the report, and the recommendations with their
rationale, priority, who installs and who pays, and cost; last, the clinician's attestation and
signature block. A heading is never left alone at the foot of a page.
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, PageBreak, Paragraph

from homeassess.report.attestation import signature_block
from homeassess.report.clinical_summary import summary_page
from homeassess.report.clinical_tables import findings_table, recommendation_table
from homeassess.report.layout import closing, keep_with_next, splittable_table
from homeassess.report.markup import SafeMarkup, compose, para
from homeassess.report.page_template import Cancelled, Progress, RenderedReport, content_height, content_width, render
from homeassess.report.report_data import ClientBlock, ReportData, Room
from homeassess.report.sections import (
    by_priority,
    data_table,
    field_table,
    heading,
    letterhead,
    photo_grid,
    photo_numbers,
    with_options,
)
from homeassess.report.styles import Styles, form_style, make_styles

TWO_COLUMN_LIMIT = 400  # characters in the client and visit blocks together: more, and they stack

def build_clinical(data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None) -> bytes:
    return render_clinical(data, progress, cancelled).pdf


def render_clinical(
    data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> RenderedReport:
    styles = make_styles()
    width = content_width(data.meta.paper_size)
    story: list[Flowable] = []
    numbers = photo_numbers(data.rooms)
    subtitle = compose("Report {rid} · printed {day}", rid=data.meta.report_id, day=data.meta.generated.isoformat())
    story += letterhead(data.letterhead, styles, data.meta.audience.title, subtitle)
    story += _cover(data, styles, width)
    story.append(PageBreak())
    story += summary_page(data, styles, width)
    story.append(PageBreak())
    story += keep_with_next([Paragraph("Room-by-room findings", styles.h1), para(_units_line(data), styles.muted)])
    if not data.rooms:
        story.append(Paragraph("No rooms were included in this report.", styles.body))
    for room in data.rooms:
        story += _room(room, data, styles, width, numbers)
    if data.whole_home:
        story += keep_with_next(
            [Paragraph("Whole-home recommendations", styles.h2), recommendation_table(data.whole_home, data, styles, width)]
        )
    story = closing(story, signature_block(data, styles, width), content_height(data.meta.paper_size))
    return render(story, data, styles, progress, cancelled)


def _cover(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    c, v = data.client, data.visit
    dob = f"{c.date_of_birth} (age {c.age})" if c.date_of_birth and c.age else c.date_of_birth
    clinician = ", ".join(x for x in (v.clinician, v.credentials) if x)
    client_rows = [("Name", c.name), ("Date of birth", dob), ("Address", c.address), ("Phone", c.phone), ("Caregiver", c.caregiver)]
    visit_rows = [
        ("Visit date", v.visit_date),
        ("Clinician", clinician),
        ("Licence", v.licence),
        ("Home", v.address),
        ("Dwelling", v.dwelling_type),
        ("Tenure", v.tenure),
        ("Landlord", v.landlord_name),
        ("Standard", v.standard),
    ]
    size = sum(len(str(value)) for _, value in client_rows + visit_rows)
    side_by_side = size <= TWO_COLUMN_LIMIT  # long values: one block under the other, each the full width
    block = width / 2 - 6 if side_by_side else width
    client = [Paragraph("Client", styles.h2), field_table(client_rows, styles, block, label_width=1.0 * inch)]
    visit = [Paragraph("Home and visit", styles.h2), field_table(visit_rows, styles, block, label_width=1.0 * inch)]
    if side_by_side:
        out: list[Flowable] = [splittable_table([[client, visit]], [width / 2, width / 2], form_style())]
    else:
        out = [*keep_with_next(client), *keep_with_next(visit)]
    if v.referral:
        out += keep_with_next([Paragraph("Referral", styles.h2), para(v.referral, styles.body)])
    return out + _profile(c, styles, width)


def _profile(c: ClientBlock, styles: Styles, width: float) -> list[Flowable]:
    devices = "\n".join(
        " — ".join(x for x in (d.kind.capitalize(), d.description, d.dimensions) if x) for d in c.devices
    )
    out = keep_with_next([
        Paragraph("Client profile", styles.h2),
        field_table(
            [
                ("Diagnosis", c.diagnosis),
                ("Conditions", "; ".join(c.conditions)),
                ("Functional limitations", "\n".join(f"• {x}" for x in c.functional_limitations)),
                ("Mobility devices", devices),
                ("Transfer method", c.transfer_method),
            ],
            styles,
            width,
        ),
    ])
    if c.body_measures:
        rows = [[para(m.name, styles.cell_bold), para(m.value or "—", styles.cell), para("; ".join(m.items), styles.cell)]
                for m in c.body_measures]
        out += keep_with_next([
            Paragraph("Body measures used in the verdicts", styles.h2),
            data_table(["Measure", "Client's value", "Items judged with it"], rows,
                       [width * f for f in (0.3, 0.17, 0.53)], styles),
        ])
    goals = [("Client's goals", c.goals), ("Priority activities", c.priority_activities)]
    if any(values for _, values in goals):
        table = field_table([(label, "\n".join(f"• {x}" for x in values)) for label, values in goals], styles, width)
        out += keep_with_next([Paragraph("Goals and priority activities", styles.h2), table])
    return out


def _coverage(room: Room, styles: Styles) -> list[Flowable]:
    """What the room's findings rest on: a room nobody answered is "not assessed", never "no findings"."""
    open_items = room.to_answer - room.answered if room.answered is not None else 0
    if room.answered == 0 and room.to_answer:
        line = compose("Not assessed: none of this room's {n} items was answered.", n=room.to_answer)
    elif room.findings:
        line = compose("{k} of this room's {n} not answered.", k=open_items, n=_items(room.to_answer))
    elif open_items > 0:
        line = compose("No findings in the {n} answered; {k} not answered.", n=_items(room.answered or 0), k=_items(open_items))
    else:
        line = compose("No findings in this room.")
    return [Paragraph(compose("{line}", line=line), styles.muted)] if not room.findings or open_items > 0 else []


def _items(count: int) -> str:
    return f"{count} item{'s' if count != 1 else ''}"


def _units_line(data: ReportData) -> str:
    units = "millimetres" if data.meta.unit_system == "metric" else "inches (to the nearest 1/8 in)"
    return f"Measurements in {units}; heights are above the finished floor."


def _room(room: Room, data: ReportData, styles: Styles, width: float, numbers: dict[int, int]) -> list[Flowable]:
    content: list[Flowable] = [
        para(observation, styles.body, SafeMarkup("<i>Observations:</i> ")) for observation in room.observations
    ]
    if room.findings:
        content.append(findings_table(room.findings, styles, width, room.photos, numbers))
    content += _coverage(room, styles)
    out = keep_with_next([heading(room.name, styles.h2), *content])
    if room.photos:
        out += keep_with_next(
            [heading(room.name, styles.h3, SafeMarkup("Photos: ")), *photo_grid(room.photos, styles, width, numbers)]
        )
    if room.recommendations:
        grouped = [r for chosen, options in with_options(by_priority(room.recommendations)) for r in (chosen, *options)]
        table = recommendation_table(grouped, data, styles, width)  # each option right under its chosen one
        out += keep_with_next([Paragraph("Recommendations", styles.h3), table])
    return out
