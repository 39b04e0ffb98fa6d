"""The completion record: for the funder, the landlord and the contractor, after the work.

Header (client and home, the first visit and the follow-up, the clinician and how to reach
them); each accepted item with its status, the reason where work was not done, when and by whom
it was installed; the as-installed measurements with their verdicts and what each found; the
corrections needed; before and after photos side by side, numbered; and signature lines for the
clinician, the client and the installer or landlord (name, signature, date).

Leaves out: diagnosis, conditions, outcomes and anything clinical. The data handed in carries no
clinical field, and its free text is checked for clinical wording before it builds (privacy.py).
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, Table

from homeassess.report.follow_up_data import FollowUpBlock
from homeassess.report.follow_up_photos import pair_numbers, photo_pairs
from homeassess.report.follow_up_tables import (
    checks_table,
    corrections_table,
    status_summary,
    status_table,
    unmeasured,
    visit_header,
)
from homeassess.report.layout import KeepWithContent, Stack, closing, keep_with_next
from homeassess.report.markup import compose, para
from homeassess.report.page_template import Cancelled, Progress, RenderedReport, content_height, content_width, render
from homeassess.report.report_data import ReportData
from homeassess.report.sections import field_table, fitted_image, letterhead, signature_lines
from homeassess.report.styles import Styles, form_style, make_styles

INTRO = (
    "This record shows the work recommended after the home assessment of {first} as the clinician found it"
    " at the follow-up visit on {second}: each item and its status, the measurements of what was installed"
    " against what was specified, and any corrections still needed."
)
NO_CHECKS = "No as-installed measurement was taken at this visit."
NO_CORRECTIONS = "No corrections are needed: no measured item deviates from its specification."
LINE = 0.34 * inch  # a writing line: the signatures fit on a page with the last pair of photos they follow
SIGN_OFF = (
    "The clinician signs that the items, measurements and corrections above are as found at the follow-up"
    " visit on {day}. The client and the installer or landlord sign that they have received this record."
)


def follow_up_of(data: ReportData) -> FollowUpBlock:
    """The data's follow-up, or an empty one (a follow-up with nothing carried into it)."""
    return data.follow_up or FollowUpBlock(0, "", data.visit.visit_date)


def opening(data: ReportData) -> tuple[Styles, float, FollowUpBlock, list[Flowable]]:
    """How both follow-up reports begin: their styles, text width, follow-up, and the letterhead with the report's line."""
    styles = make_styles()
    subtitle = compose("Report {rid} · printed {day}", rid=data.meta.report_id, day=data.meta.generated.isoformat())
    story: list[Flowable] = letterhead(data.letterhead, styles, data.meta.audience.title, subtitle)
    return styles, content_width(data.meta.paper_size), follow_up_of(data), story


def render_completion(
    data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> RenderedReport:
    styles, width, fu, story = opening(data)
    story.append(para(compose(INTRO, first=fu.original_visit or "the first visit", second=fu.follow_up_visit or "—"),
                      styles.body))
    story += keep_with_next([Paragraph("Client, home and visits", styles.h2), visit_header(data, styles, width)])
    story += work_sections(data, fu, styles, width)
    story = closing(story, _signatures(data, fu, styles, width), content_height(data.meta.paper_size))
    return render(story, data, styles, progress, cancelled)


def work_sections(data: ReportData, fu: FollowUpBlock, styles: Styles, width: float, open_items: list[Flowable] | None = None) -> list[Flowable]:
    """Items and status, measurements, corrections, (the items still open,) then the photos."""
    units = "millimetres" if data.meta.unit_system == "metric" else "inches"
    out = keep_with_next([Paragraph("Items and their status", styles.h1), para(status_summary(fu.items), styles.body),
                          status_table(fu.items, styles, width)])
    checks = checks_table(fu.items, styles, width)
    title = KeepWithContent(Paragraph("As-installed measurements", styles.h1),
                            para(f"Measured at the follow-up visit, in {units}; heights are above the finished floor.", styles.muted))
    out += keep_with_next([title, checks if checks is not None else para(NO_CHECKS, styles.body)])
    out += keep_with_next(unmeasured(fu.items, styles))
    corrections = corrections_table(fu.items, styles, width)
    out += keep_with_next([Paragraph("Corrections needed", styles.h1),
                           corrections if corrections is not None else para(NO_CORRECTIONS, styles.body)])
    out += open_items or []
    pairs = photo_pairs(fu.items, styles, width, pair_numbers(fu.items), (fu.original_visit, fu.follow_up_visit))
    if pairs:
        out += keep_with_next([Paragraph("Before and after photos", styles.h1), *pairs])
    return out


def _signatures(data: ReportData, fu: FollowUpBlock, styles: Styles, width: float) -> Flowable:
    v, s = data.visit, data.signature
    block: list[Flowable] = [
        Paragraph("Signatures", styles.h1),
        para(compose(SIGN_OFF, day=fu.follow_up_visit or "the date above"), styles.body),
    ]
    block += _party("Clinician", s.name or v.clinician, data, styles, width)
    block += _party("Client", data.client.name, data, styles, width)
    block += _party("Installer or landlord", "", data, styles, width)
    return Stack(block, space_before=10)  # one form, never split, kept with the end of what it signs for


def _party(title: str, name: str, data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(title, styles.h2)]
    if name:
        credentials = data.signature.credentials or data.visit.credentials if title == "Clinician" else ""
        out.append(field_table([("Name", ", ".join(x for x in (name, credentials) if x))], styles, width * 0.8,
                               label_width=1.3 * inch))
        image = fitted_image(data.signature.image_png, 2.4 * inch, 0.8 * inch) if title == "Clinician" else None
        signed = Table([[Paragraph("Signature", styles.cell_bold), image]], colWidths=[1.3 * inch, None], hAlign="LEFT",
                       style=form_style()) if image is not None else signature_lines(["Signature"], styles, width * 0.6, LINE)
        out.append(signed)
        out.append(signature_lines(["Date"], styles, width * 0.6, LINE))
    else:
        out.append(signature_lines(["Name", "Organisation", "Signature", "Date"], styles, width * 0.6, LINE))
    return out
