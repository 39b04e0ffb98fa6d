"""The clinical report: for the record, the referrer and the funder. Leaves nothing out.

Cover (letterhead, client, home and visit, goals), client profile, a summary of the main
risks with the recommendations by priority and their cost totals, then room by room:
findings (measured, required, verdict, citation, person-fit, notes), photos, and the
recommendations with their rationale, priority, responsible party and cost; last, the
signature block.
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from homeassess.report.clinical_summary import summary_page
from homeassess.report.markup import compose, para
from homeassess.report.page_template import Cancelled, Progress, RenderedReport, content_width, render
from homeassess.report.report_data import ClientBlock, FindingRow, Recommendation, ReportData, Room
from homeassess.report.sections import (
    PHOTO_ROW,
    by_priority,
    cost_range,
    data_table,
    field_table,
    fitted_image,
    heading,
    letterhead,
    photo_grid,
    priority_label,
    responsible_label,
    signature_lines,
)
from homeassess.report.styles import Styles, form_style, make_styles

VERDICT_COLOURS = {"Fails": "#a61b1b", "Client fit": "#a61b1b", "Advisory": "#8a5a00"}


def build_clinical(data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None) -> bytes:
    return render_clinical(data, progress, cancelled).pdf


def render_clinical(
    data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> RenderedReport:
    styles = make_styles()
    width = content_width(data.meta.paper_size)
    story: list[Flowable] = []
    subtitle = compose("Report {rid} · prepared {day}", rid=data.meta.report_id, day=data.meta.generated.isoformat())
    story += letterhead(data.letterhead, styles, data.meta.audience.title, subtitle)
    story += _cover(data, styles, width)
    story.append(PageBreak())
    story += summary_page(data, styles, width)
    story.append(PageBreak())
    story.append(Paragraph("Room-by-room findings", styles.h1))
    story.append(para(_units_line(data), styles.muted))
    if not data.rooms:
        story.append(Paragraph("No rooms were included in this report.", styles.body))
    for room in data.rooms:
        story += _room(room, data, styles, width)
    if data.whole_home:
        story += heading("Whole-home recommendations", styles.h2)
        story.append(_recommendation_table(data.whole_home, data, styles, width))
    story += _signature(data, styles, width)
    return render(story, data, styles, progress, cancelled)


def _cover(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    c, v = data.client, data.visit
    dob = f"{c.date_of_birth} (age {c.age})" if c.date_of_birth and c.age else c.date_of_birth
    half = width / 2 - 6
    client = [
        Paragraph("Client", styles.h2),
        field_table(
            [
                ("Name", c.name),
                ("Date of birth", dob),
                ("Address", c.address),
                ("Phone", c.phone),
                ("Caregiver", c.caregiver),
            ],
            styles,
            half,
            label_width=1.0 * inch,
        ),
    ]
    clinician = ", ".join(x for x in (v.clinician, v.credentials) if x)
    visit = [
        Paragraph("Home and visit", styles.h2),
        field_table(
            [
                ("Visit date", v.visit_date),
                ("Clinician", clinician),
                ("Licence", v.licence),
                ("Home", v.address),
                ("Dwelling", v.dwelling_type),
                ("Tenure", v.tenure),
                ("Landlord", v.landlord_name),
                ("Standard", v.standard),
            ],
            styles,
            half,
            label_width=1.0 * inch,
        ),
    ]
    out: list[Flowable] = [Table([[client, visit]], colWidths=[width / 2, width / 2], style=form_style())]
    if v.referral:
        out += [Paragraph("Referral", styles.h2), para(v.referral, styles.body)]
    return out + _profile(c, styles, width)


def _profile(c: ClientBlock, styles: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Client profile", styles.h2)]
    devices = "\n".join(
        " — ".join(x for x in (d.kind.capitalize(), d.description, d.dimensions) if x) for d in c.devices
    )
    out.append(
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
        )
    )
    goals = [("Client's goals", c.goals), ("Priority activities", c.priority_activities)]
    if any(values for _, values in goals):
        out += heading("Goals and priority activities", styles.h2)
        out.append(
            field_table([(label, "\n".join(f"• {x}" for x in values)) for label, values in goals], styles, width)
        )
    return out


def _units_line(data: ReportData) -> str:
    units = "millimetres" if data.meta.unit_system == "metric" else "inches (to the nearest 1/8 in)"
    return f"Measurements in {units}; heights are above the finished floor."


def _room(room: Room, data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = heading(room.name, styles.h2)
    for observation in room.observations:
        out.append(para(compose("<i>Observations:</i> {o}", o=observation), styles.body))
    if room.findings:
        out.append(_findings_table(room.findings, styles, width))
    else:
        out.append(Paragraph("No findings in this room.", styles.muted))
    if room.photos:
        out += heading(compose("Photos: {room}", room=room.name), styles.h3, PHOTO_ROW)
        out += photo_grid(room.photos, styles, width)
    if room.recommendations:
        out += heading("Recommendations", styles.h3, 0.8 * inch)
        out.append(_recommendation_table(tuple(by_priority(room.recommendations)), data, styles, width))
    return out


def findings_rows(findings: tuple[FindingRow, ...] | list[FindingRow], styles: Styles) -> list[list]:
    rows = []
    for f in findings:
        item: list[Flowable] = [para(f.item, styles.cell_bold)]
        for message in f.person_fit:
            item.append(para(compose("<i>Client fit:</i> {m}", m=message), styles.cell))
        if f.note:
            item.append(para(compose("<i>Note:</i> {n}", n=f.note), styles.cell))
        measured = compose("{m}<br/><i>{s}</i>", m=f.measured, s=f.shortfall) if f.shortfall else f.measured
        colour = VERDICT_COLOURS.get(f.verdict, "#1a1a1a")
        verdict = compose(f'<font color="{colour}"><b>{{v}}</b></font>', v=f.verdict)
        citation: list[Flowable] = [para(f.citation, styles.cell)]
        if f.standard_note:
            citation.append(para(f.standard_note, styles.muted))
        rows.append(
            [item, para(measured, styles.cell), para(f.required, styles.cell), para(verdict, styles.cell), citation]
        )
    return rows


def _findings_table(findings: tuple[FindingRow, ...], styles: Styles, width: float) -> Flowable:
    return data_table(
        ["Item", "Measured", "Required", "Verdict", "Citation"],
        findings_rows(findings, styles),
        [width * f for f in (0.36, 0.15, 0.17, 0.11, 0.21)],
        styles,
    )


def _recommendation_table(recs: tuple[Recommendation, ...], data: ReportData, styles: Styles, width: float) -> Flowable:
    rows = []
    for r in recs:
        what: list[Flowable] = [para(r.title, styles.cell_bold)]
        if r.specification:
            what.append(para(r.specification, styles.cell))
        if r.rationale:
            what.append(para(compose("<i>Rationale:</i> {r}", r=r.rationale), styles.cell))
        cost = [para(cost_range(r.cost_low, r.cost_high, data.currency), styles.cell_right)]
        if r.cost_source:
            cost.append(para(compose("<font size=7>{s}</font>", s=r.cost_source), styles.cell_right))
        rows.append(
            [
                what,
                para(priority_label(r.priority), styles.cell),
                para(responsible_label(r.responsible), styles.cell),
                cost,
            ]
        )
    return data_table(
        ["Recommendation", "Priority", "Responsible", "Estimated cost"],
        rows,
        [width * f for f in (0.58, 0.11, 0.13, 0.18)],
        styles,
    )


def _signature(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    s = data.signature
    out: list[Flowable] = [Spacer(1, 14), *heading("Clinician", styles.h2, 1.6 * inch)]
    image = fitted_image(s.image_png, 2.4 * inch, 0.8 * inch)
    if image is not None:
        out.append(image)
    else:
        out.append(signature_lines(["Signature"], styles, width * 0.6))
    name = ", ".join(x for x in (s.name, s.credentials) if x)
    out.append(field_table([("Name", name), ("Licence", s.licence), ("Date", s.date)], styles, width * 0.7))
    return out
