"""The client's action plan ("Your Home Safety Plan"): what to do, in order, in plain words.

Written for the client and the family: type of 14 pt or larger and short sentences (reading
grade 6 or below, measured with textstat in the tests). Who to call comes first; then the
changes by priority, each with a box to tick, the room, who does it (the family themselves,
a builder, the landlord, the agency), who pays when the clinician chose it, and about what it may cost.

Leaves out: findings, measurements, standards, clinical rationale, notes and photos. The
wording of each change is the recommendation's plain wording from the library.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, Spacer

from homeassess.domain.catalogue import Severity
from homeassess.domain.vocabulary import Installer, Priority
from homeassess.report.layout import keep_with_next, splittable_table
from homeassess.report.markup import compose, para
from homeassess.report.page_template import Cancelled, Progress, RenderedReport, content_height, content_width, render
from homeassess.report.report_data import Recommendation, ReportData
from homeassess.report.room_names import names_room
from homeassess.report.sections import by_priority, money, with_options
from homeassess.report.styles import ACCENT, RULE, PlanStyles, form_style, make_plan_styles, make_styles
from homeassess.report.voice import in_voice

SECTIONS = ((Priority.HIGH, "Do these first"), (Priority.MEDIUM, "Do these next"), (Priority.LOW, "Do these when you can"))
FAMILY = {Installer.CLIENT, Installer.FAMILY}  # work the client or the family can do themselves
WHO = {
    "client": "You can do this, or your family can help.",
    "family": "Your family can do this.",
    "contractor": "A builder should do this.",
    "landlord": "Ask your landlord to do this.",
    "agency": "We will help you with this.",
}
WHO_ELSE = "Ask us who should do this."
HEADING_ROOM = 1.5 * inch  # a change kept whole also fits under its section's heading on a new page
PAYS = {  # said only when the clinician chose who pays
    "tenant": "You pay for this.",
    "landlord": "Your landlord pays for this.",
    "grant": "A grant pays for this.",
    "insurance": "Your insurance pays for this.",
    "va": "The VA pays for this.",
    "medicaid_waiver": "Medicaid pays for this.",
}


class TickBox(Flowable):
    """An empty square to tick by hand when the change is done."""

    def __init__(self, size: float = 0.3 * inch) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(ACCENT)
        self.canv.setLineWidth(1.4)
        self.canv.rect(0, 0, self.size, self.size)


def render_client_plan(
    data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> RenderedReport:
    styles = make_plan_styles()
    page = content_width(data.meta.paper_size), content_height(data.meta.paper_size)
    recs = by_priority(data.recommendations)
    options = {id(chosen): found for chosen, found in with_options(recs)}  # listed under the change, not as one more
    recs = [r for r in recs if id(r) in options]
    story: list[Flowable] = _head(data, styles)
    story += _intro(data, recs, styles)
    story += _who_to_call(data, styles, page[0])
    for priority, title in SECTIONS:
        chosen = [r for r in recs if r.priority == priority]
        # What is at stake first (a scald before a bath bench), then what the family can do themselves.
        chosen.sort(key=lambda r: (-(Severity(r.severity).rank if r.severity else 0), r.installer not in FAMILY))
        if chosen:
            story += keep_with_next([Paragraph(title, styles.h1), *_items(chosen, options, data.currency, styles, page)])
    others = [r for r in recs if r.priority not in dict(SECTIONS)]
    if others:
        story += keep_with_next([Paragraph("Other things to do", styles.h1), *_items(others, options, data.currency, styles, page)])
    story += _closing(data, styles)
    return render(story, data, make_styles(), progress, cancelled)


def _head(data: ReportData, styles: PlanStyles) -> list[Flowable]:
    out: list[Flowable] = []
    if data.letterhead.agency_name:
        out.append(para(data.letterhead.agency_name, styles.strong))
    out.append(para(data.meta.audience.title, styles.title))
    if data.client.name:
        out.append(para(compose("For <b>{name}</b>", name=data.client.name), styles.body))
    return out


def _intro(data: ReportData, recs: list[Recommendation], styles: PlanStyles) -> list[Flowable]:
    v = data.visit
    who = v.clinician or data.signature.name or "We"
    day = long_date(v.visit_date) or long_date(data.meta.generated.isoformat())
    visited = compose("{who} came to your home on {day}. We looked at each room.", who=who, day=day)
    out = [para(visited, styles.body)]
    if not recs:
        return out + [Paragraph("We did not find anything that needs to change. Call us if that changes.", styles.body)]
    own = sum(1 for r in recs if r.installer in FAMILY)
    out.append(
        Paragraph(
            f"This plan lists {len(recs)} thing{'s' if len(recs) != 1 else ''} that will make your home safer."
            " The first list matters most. Tick each box when it is done.",
            styles.body,
        )
    )
    if own:
        out.append(Paragraph(f"You and your family can do {own} of them yourselves.", styles.body))
    return out


def long_date(iso: str) -> str:
    """ "18 November 2026" for "2026-11-18"; anything else as it is."""
    try:
        return date.fromisoformat(iso).strftime("%d %B %Y").lstrip("0")
    except ValueError:
        return iso


def _who_to_call(data: ReportData, styles: PlanStyles, width: float) -> list[Flowable]:
    v, head = data.visit, data.letterhead
    lines: list[Flowable] = []
    name = v.clinician or data.signature.name
    phone = v.phone or head.phone
    if name and phone:
        lines.append(para(compose("Call <b>{name}</b> at <b>{phone}</b>.", name=name, phone=phone), styles.note))
    elif phone:
        lines.append(para(compose("Call us at <b>{phone}</b>.", phone=phone), styles.note))
    else:
        lines.append(Paragraph("Phone: ______________________", styles.note))
    if v.email:
        lines.append(para(compose("Email: {email}", email=v.email), styles.note))
    if head.agency_name and head.phone and head.phone != phone:
        lines.append(para(compose("{agency}: {phone}", agency=head.agency_name, phone=head.phone), styles.note))
    if v.landlord_name:
        name = v.landlord_name.rstrip().removesuffix(".")  # "… Co., Ltd." ends the sentence with its own full stop
        lines.append(para(compose("Your landlord is {name}.", name=name), styles.note))
        if v.landlord_contact:
            lines.append(para(compose("Landlord: {contact}", contact=v.landlord_contact), styles.note))
        lines.append(Paragraph("Ask your landlord before you change the building.", styles.note))
    box = splittable_table([[lines]], [width], form_style())
    box.setStyle(
        [
            ("BOX", (0, 0), (-1, -1), 1.2, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]
    )
    return keep_with_next([Paragraph("Who to call", styles.h1), box])


def cost_sentence(rec: Recommendation, currency: str) -> str:
    low, high = rec.cost_low, rec.cost_high
    if not high and not low:
        return ""
    if not low or low == high:
        return f"It may cost up to {money(high or low, currency)}."
    return f"It may cost about {money(low, currency)} to {money(high, currency)}."


def _items(recs: list[Recommendation], options: dict[int, tuple[Recommendation, ...]], currency: str,
           styles: PlanStyles, page: tuple[float, float]) -> list[Flowable]:
    """One table per change: its box, words and cost stay on one page unless nearly a page long; another
    way to make the same change (an option) is told under it, not as one more thing to do."""
    width, height = page
    out: list[Flowable] = []
    for rec in recs:
        words = in_voice(rec.plain or rec.title, "client")
        text: list[Flowable] = [para(words, styles.strong)]
        if rec.room and not names_room(words, rec.room):  # "... in the hallway": not again as "Room: Hallway."
            text.append(para(compose("Room: {room}.", room=rec.room), styles.note))
        text.append(para(WHO.get(rec.installer, WHO_ELSE), styles.note))
        if rec.funding in PAYS:
            text.append(para(PAYS[rec.funding], styles.note))
        cost = cost_sentence(rec, currency)
        if cost:
            text.append(para(cost, styles.note))
        for option in options.get(id(rec), ()):
            text.append(para(compose("Or we may do this instead: {what}", what=in_voice(option.plain or option.title, "client")), styles.note))
        table = splittable_table([[TickBox(), text]], [0.55 * inch, width - 0.55 * inch], form_style(),
                                 whole_below=height - HEADING_ROOM)
        table.setStyle(
            [
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
            ]
        )
        out.append(table)
    return out


def _closing(data: ReportData, styles: PlanStyles) -> list[Flowable]:
    return [
        Spacer(1, 10),
        Paragraph("Call us if you have a fall, or if a change is hard to make.", styles.body),
        para(compose("Our reference: {rid}.", rid=data.meta.report_id), styles.body),
    ]
