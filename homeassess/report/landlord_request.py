"""The tenant's request to the landlord for reasonable modifications.

It follows the HUD/DOJ Joint Statement on Reasonable Modifications under the Fair Housing Act
(2008): the tenant is the requester and signs (or authorises the therapist to send it); it
gives the disability-related need without a diagnosis; each modification has approve /
decline / discuss boxes, and the letter asks for an answer by a date; it sets out
professional installation with permits, restoration only where reasonable, no extra
deposit, and who to contact. Who pays for each item is printed only as the clinician chose
it ("To be agreed" otherwise). Without the clinician's name and a phone or email the letter
is refused (``NoContactDetails``): the landlord would have no one to ask.

Leaves out: diagnosis, conditions, functional limitations, findings, measurements,
clinical rationale, notes and costs. The data handed in carries no clinical field.
"""

from __future__ import annotations

from datetime import date, timedelta

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from homeassess.domain.refusals import Refused
from homeassess.report.fonts import SANS
from homeassess.report.layout import KeepWithContent, keep_with_next
from homeassess.report.markup import compose, para
from homeassess.report.page_template import Cancelled, Progress, RenderedReport, content_width, render
from homeassess.report.report_data import Recommendation, ReportData
from homeassess.report.sections import (
    by_priority,
    data_table,
    field_table,
    fitted_image,
    installer_label,
    letterhead,
    payer_label,
    signature_lines,
    with_options,
)
from homeassess.report.styles import Styles, make_styles
from homeassess.report.voice import in_voice

RESPONSE_DAYS = 14  # the landlord is asked to answer within two weeks of the letter's date
ANSWERS = ("Approve", "Decline", "Discuss")

TERMS = (
    ("Installation", "The work will be done in a professional and workmanlike manner by a licensed and insured"
     " contractor, who will obtain any building permits and inspections required. On request, you will receive a"
     " description of the work, the contractor's licence and proof of insurance before the work starts."),
    ("Access", "Work will be arranged at times agreed with you, and the areas affected will be left clean and safe."),
    ("Restoration", "Where it is reasonable, and only for changes inside the home, I will restore that part of the"
     " home to its prior condition when I move out, reasonable wear and tear excepted, unless you choose to keep the"
     " change. Changes that do not affect your or the next tenant's use of the home, such as a wider doorway or grab"
     " bars, need not be undone."),
    ("Deposit", "No additional security deposit or fee is asked of me as a condition of these changes."),
    ("Payment", "Each change is paid for as shown in the table. Where it says “To be agreed”, who pays will be"
     " settled with you in writing before the work starts; this letter commits no one to pay."),
)


class AnswerBoxes(Flowable):
    """An empty square to tick beside each answer the landlord may give about one change."""

    size, leading, font_size = 7.5, 12.0, 8.5

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(avail_width, 1.0 * inch)
        return self.width, self.leading * len(ANSWERS)

    def draw(self) -> None:
        canvas = self.canv
        canvas.setLineWidth(0.8)
        canvas.setFont(SANS, self.font_size)
        for i, answer in enumerate(ANSWERS):
            y = self.leading * (len(ANSWERS) - 1 - i) + 2
            canvas.rect(0, y, self.size, self.size)
            canvas.drawString(self.size + 4, y + 0.5, answer)


class NoContactDetails(Refused):
    """The landlord letter needs someone the landlord can contact."""

    title = "Contact details needed"

    def __init__(self) -> None:
        super().__init__(
            "the landlord letter needs your name and a phone number or email address; add them in Settings first"
        )


def contact_of(data: ReportData) -> tuple[str, str, str]:
    """The clinician's name, phone and email as the letter prints them."""
    v = data.visit
    return data.signature.name or v.clinician, v.phone or data.letterhead.phone, v.email


def respond_by(data: ReportData) -> date:
    return data.meta.generated + timedelta(days=RESPONSE_DAYS)


def long_date(day: date | str) -> str:
    """"4 December 2026" for a date or an ISO date; any other text as it is."""
    try:
        day = day if isinstance(day, date) else date.fromisoformat(day)
    except ValueError:
        return str(day)
    return day.strftime("%d %B %Y").lstrip("0")


def build_landlord(data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None) -> bytes:
    return render_landlord(data, progress, cancelled).pdf


def render_landlord(
    data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> RenderedReport:
    name, phone, email = contact_of(data)
    if not name.strip() or not (phone.strip() or email.strip()):
        raise NoContactDetails()
    styles = make_styles()
    width = content_width(data.meta.paper_size)
    v, tenant = data.visit, data.client.name or "the tenant"
    story: list[Flowable] = letterhead(data.letterhead, styles, data.meta.audience.title)
    story.append(para(long_date(data.meta.generated), styles.body))
    story.append(
        field_table(
            [
                ("To", v.landlord_name or "The landlord"),
                ("Landlord contact", v.landlord_contact),
                ("From (tenant)", data.client.name),
                ("Property", v.address),
                ("Reference", data.meta.report_id),
                ("Please answer by", long_date(respond_by(data))),
            ],
            styles,
            width,
        )
    )
    story.append(Spacer(1, 8))
    story.append(para(compose("Dear {name},", name=v.landlord_name or "Landlord"), styles.body))
    story.append(
        para(
            compose(
                "I am the tenant at {address}. I have a disability, and I ask your permission to make the changes"
                " listed below. Each change is needed because of my disability, so that I can live in and use my home safely and fully. This is a request for"
                " reasonable modifications under the Fair Housing Act.",
                address=v.address or "the property",
            ),
            styles.body,
        )
    )
    story.append(
        para(
            compose(
                "{clinician}, an occupational therapist, assessed the home on {day} and can confirm the"
                " disability-related need for each change. This letter does not include a diagnosis or medical"
                " records; they are not needed to consider the request.",
                clinician=name,
                day=long_date(v.visit_date or data.meta.generated),
            ),
            styles.body,
        )
    )
    story += _modifications(data, styles, width)
    story += keep_with_next([Paragraph("Terms of the request", styles.h2),
                             *(Paragraph(f"<b>{label}.</b> {text}", styles.body) for label, text in TERMS)])
    story.append(KeepTogether(_tenant(data, tenant, styles, width)))
    story.append(KeepTogether(_contact(data, styles, width)))
    story.append(KeepTogether(_response(data, styles, width)))
    return render(story, data, styles, progress, cancelled)


def _modifications(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    recs = by_priority(data.recommendations)
    title = Paragraph("Requested modifications", styles.h2)
    if not recs:
        return keep_with_next([title, Paragraph("No modifications are requested at this time.", styles.body)])
    ask = para(
        compose(
            "Please tick one box for each change, sign the response at the end, and return this letter by {day}.",
            day=long_date(respond_by(data)),
        ),
        styles.body,
    )
    rows = [
        [
            Paragraph(str(i), styles.cell),
            para(chosen.room, styles.cell),
            [para(in_voice(chosen.plain or chosen.title, "tenant"), styles.cell), *_fallback(chosen, styles),
             *(_option(o, styles) for o in options)],
            para(installer_label(chosen.installer), styles.cell),
            para(payer_label(chosen), styles.cell),
            AnswerBoxes(),
        ]
        for i, (chosen, options) in enumerate(with_options(recs), start=1)
    ]
    widths = [width * f for f in (0.05, 0.16, 0.37, 0.12, 0.15, 0.15)]
    table = data_table(["#", "Where", "Modification", "Installed by", "Paid by", "Your answer"], rows, widths, styles)
    return [KeepWithContent(KeepWithContent(title, ask), table)]  # the heading and the request with the first row


def _fallback(rec: Recommendation, styles: Styles) -> list[Flowable]:
    """An alternative whose chosen change is not the landlord's (equipment the tenant provides): asked for only if
    that change is not enough, never as a plain request beside it."""
    if not rec.alternative_to:
        return []
    chosen = rec.alternative_to[:1].lower() + rec.alternative_to[1:]
    return [para(compose("<i>Asked only if {chosen} does not meet the need.</i>", chosen=chosen), styles.cell)]


def _option(rec: Recommendation, styles: Styles) -> Flowable:
    """An alternative the landlord may prefer to the change above it: one request, not another."""
    return para(compose("<i>Or, instead:</i> {what} (installed by {who}; paid by {payer})", what=in_voice(rec.plain or rec.title, "tenant"),
                        who=installer_label(rec.installer).lower(), payer=payer_label(rec)), styles.cell)


def _tenant(data: ReportData, tenant: str, styles: Styles, width: float) -> list[Flowable]:
    name = contact_of(data)[0]
    return [
        Spacer(1, 8),
        Paragraph("Tenant's request and authorisation", styles.h2),
        para(
            compose(
                "I, {tenant}, make this request. I authorise {clinician} to send it to you and to discuss it with you"
                " on my behalf.",
                tenant=tenant,
                clinician=name,
            ),
            styles.body,
        ),
        signature_lines(["Tenant (or authorised representative)", "Signature", "Date"], styles, width * 0.8),
    ]


def _contact(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    s = data.signature
    name, phone, email = contact_of(data)
    out: list[Flowable] = [
        Spacer(1, 8),
        Paragraph("Contact", styles.h2),
        Paragraph("For questions about the request, or to discuss any change before deciding, please contact:", styles.body),
    ]
    image = fitted_image(s.image_png, 2.2 * inch, 0.7 * inch)
    if image is not None:
        out.append(image)
    credentials = s.credentials or data.visit.credentials
    out.append(
        field_table(
            [
                ("Occupational therapist", ", ".join(x for x in (name, credentials) if x)),
                ("Licence", s.licence or data.visit.licence),
                ("Agency", data.letterhead.agency_name),
                ("Phone", phone),
                ("Email", email),
            ],
            styles,
            width * 0.8,
            label_width=1.8 * inch,
        )
    )
    return out


def _response(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    return [
        Spacer(1, 10),
        Paragraph("Landlord's response", styles.h2),
        para(
            compose(
                "Please answer by {day}: tick a box for each change above, sign below, and return a copy to the"
                " tenant or to the therapist named above. Reference {rid}.",
                day=long_date(respond_by(data)),
                rid=data.meta.report_id,
            ),
            styles.body,
        ),
        Paragraph("Conditions, or what you would like to discuss:", styles.body),
        signature_lines(["", ""], styles, width),
        Spacer(1, 6),
        signature_lines(["Landlord name", "Signature", "Date"], styles, width * 0.75),
    ]
