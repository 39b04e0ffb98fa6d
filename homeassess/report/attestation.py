"""The clinical report's signature block: an attestation, the signature, the clinician's
credentials and contact, and the signing date, which is not the date the report was printed.
The block is one form, never split, and never alone on its page: the end of the report's
content goes with it.

The signing date comes from :attr:`Signature.signed_on` when the data carries one; otherwise
the block leaves a line to write it on. The print date stays in the page header.
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, Spacer

from homeassess.report.layout import Stack
from homeassess.report.markup import compose, para
from homeassess.report.report_data import ReportData
from homeassess.report.sections import field_table, fitted_image, signature_lines
from homeassess.report.styles import Styles

ATTESTATION = (
    "I attest that I carried out this assessment in person at the client's home on {visit}; that the"
    " measurements and observations in this report are the ones I recorded there; and that its findings"
    " and recommendations are my own professional opinion, made within the scope of my licence."
)


def signature_block(data: ReportData, styles: Styles, width: float) -> Flowable:
    """One block, never split; close a story with it by :func:`homeassess.report.layout.closing`, which keeps it
    with the end of what it attests to."""
    s, v = data.signature, data.visit
    block: list[Flowable] = [
        Paragraph("Clinician's attestation", styles.h2),
        para(compose(ATTESTATION, visit=v.visit_date or "the visit date above"), styles.body),
        Spacer(1, 4),
    ]
    image = fitted_image(s.image_png, 2.4 * inch, 0.8 * inch)
    if image is not None:
        block.append(image)
    else:
        block.append(signature_lines(["Signature"], styles, width * 0.6))
    contact = " · ".join(x for x in (v.phone, v.email) if x)
    block.append(
        field_table(
            [
                ("Name", s.name or v.clinician),
                ("Credentials", s.credentials or v.credentials),
                ("Licence", s.licence or v.licence),
                ("Contact", contact),
                ("Agency", data.letterhead.agency_name),
                ("Date signed", s.signed_on),
            ],
            styles,
            width * 0.8,
        )
    )
    if not s.signed_on:
        block.append(signature_lines(["Date signed"], styles, width * 0.5))
    block += [Spacer(1, 6), para(compose("Report printed {day}.", day=data.meta.generated.isoformat()), styles.muted)]
    return Stack(block, space_before=14)
