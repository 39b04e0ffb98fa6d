"""The landlord's reasonable-modification request: a polite letter with lines to approve it.

Tenant and address, the requested modifications in plain words with who pays for each,
the statement that they are needed because of a disability (never which one),
professional installation and restoration terms, the clinician's contact, and a
response section with lines for the landlord's decision, signature and date.

Leaves out: diagnosis, conditions, functional limitations, findings, measurements,
clinical rationale, notes and costs. The data handed in carries no clinical field.
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from homeassess.report.markup import compose, para
from homeassess.report.page_template import Cancelled, Progress, RenderedReport, content_width, render
from homeassess.report.report_data import Recommendation, ReportData
from homeassess.report.sections import by_priority, data_table, field_table, fitted_image, letterhead, signature_lines
from homeassess.report.styles import Styles, make_styles

PAYER = {
    "landlord": "Requested of the landlord",
    "client": "Tenant",
    "family": "Tenant (family)",
    "funder": "Funding program, for the tenant",
    "agency": "Agency",
}
NOT_CHOSEN = "To be agreed"  # no payer is printed that the clinician did not choose

TERMS = (
    "All work will be carried out by a licensed and insured contractor, in a professional and workmanlike manner,"
    " with any building permits required. A description of the work and the contractor's proof of insurance can be"
    " provided before work begins.",
    "Work will be arranged at times agreed with you, and the areas affected will be left clean and safe.",
    "Where a modification would need to be undone when the tenancy ends, the tenant agrees to restore that part of the"
    " home to its prior condition, reasonable wear and tear excepted, unless you choose to keep the modification."
    " Items such as grab bars and handrails are often left in place by agreement.",
    "Modifications paid for by the tenant or a funding program are at no cost to you.",
)


def build_landlord(data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None) -> bytes:
    return render_landlord(data, progress, cancelled).pdf


def payer(rec: Recommendation) -> str:
    return PAYER.get(rec.responsible, NOT_CHOSEN)


def render_landlord(
    data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> RenderedReport:
    styles = make_styles()
    width = content_width(data.meta.paper_size)
    v, tenant = data.visit, data.client.name or "the tenant"
    story: list[Flowable] = letterhead(data.letterhead, styles, data.meta.audience.title)
    story.append(para(data.meta.generated.strftime("%d %B %Y").lstrip("0"), styles.body))
    story.append(
        field_table(
            [
                ("To", v.landlord_name or "The landlord"),
                ("Landlord contact", v.landlord_contact),
                ("Tenant", data.client.name),
                ("Property", v.address),
                ("Reference", data.meta.report_id),
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
                "I am writing on behalf of your tenant, <b>{tenant}</b>, who lives at {address}. I am an occupational"
                " therapist and I assessed the home on {day}.",
                tenant=tenant,
                address=v.address or "the property",
                day=v.visit_date or data.meta.generated.isoformat(),
            ),
            styles.body,
        )
    )
    story.append(
        para(
            compose(
                "{tenant} has a disability. The modifications listed below are needed because of that disability, so that"
                " {tenant} can live in and use the home safely and fully. I respectfully ask for your permission to carry"
                " them out, as a reasonable modification under fair-housing law.",
                tenant=tenant,
            ),
            styles.body,
        )
    )
    story += _modifications(data, styles, width)
    story.append(Paragraph("Installation and restoration", styles.h2))
    story += [Paragraph(f"•&nbsp;&nbsp;{term}", styles.body) for term in TERMS]
    story.append(KeepTogether(_contact(data, styles, width)))
    story.append(KeepTogether(_response(data, styles, width)))
    return render(story, data, styles, progress, cancelled)


def _modifications(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    recs = by_priority(data.recommendations)
    out: list[Flowable] = [Paragraph("Requested modifications", styles.h2)]
    if not recs:
        return out + [Paragraph("No modifications are requested at this time.", styles.body)]
    rows = [
        [
            Paragraph(str(i), styles.cell),
            para(r.room, styles.cell),
            para(r.plain or r.title, styles.cell),
            Paragraph(payer(r), styles.cell),
        ]
        for i, r in enumerate(recs, start=1)
    ]
    out.append(
        data_table(
            ["#", "Where", "Modification", "Paid by"], rows, [width * f for f in (0.05, 0.2, 0.53, 0.22)], styles
        )
    )
    if any(r.responsible == "landlord" for r in recs):
        out.append(
            Paragraph(
                "Items marked “Requested of the landlord” are ones we ask you to consider funding;"
                " if you prefer not to, please say so below and we will look for other funding.",
                styles.muted,
            )
        )
    return out


def _contact(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    v, s = data.visit, data.signature
    out: list[Flowable] = [
        Spacer(1, 6),
        Paragraph(
            "If you have any questions, or would like to discuss the work before deciding, please contact me.",
            styles.body,
        ),
    ]
    out.append(Paragraph("Yours sincerely,", styles.body))
    image = fitted_image(s.image_png, 2.2 * inch, 0.7 * inch)
    out.append(image if image is not None else Spacer(1, 24))
    name = ", ".join(x for x in (s.name or v.clinician, s.credentials or v.credentials) if x)
    out.append(
        field_table(
            [
                ("Occupational therapist", name),
                ("Licence", s.licence or v.licence),
                ("Agency", data.letterhead.agency_name),
                ("Phone", v.phone or data.letterhead.phone),
                ("Email", v.email),
            ],
            styles,
            width * 0.8,
            label_width=1.8 * inch,
        )
    )
    return out


def _response(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    box = "\u2610"
    return [
        Spacer(1, 10),
        Paragraph("Landlord's response", styles.h2),
        para(
            compose(
                "Please return a signed copy to the tenant or to the therapist named above. Reference {rid}.",
                rid=data.meta.report_id,
            ),
            styles.small,
        ),
        Paragraph(f"{box}&nbsp;&nbsp;I approve the modifications listed above.", styles.body),
        Paragraph(f"{box}&nbsp;&nbsp;I approve them with the following conditions:", styles.body),
        signature_lines(["", ""], styles, width),
        Paragraph(f"{box}&nbsp;&nbsp;I do not approve them, for these reasons:", styles.body),
        signature_lines([""], styles, width),
        Spacer(1, 6),
        signature_lines(["Landlord name", "Signature", "Date"], styles, width * 0.75),
    ]
