"""The follow-up clinical report: for the record, the referrer and the funder.

Header (client, home, both visits, clinician), the client's profile as it stands at the
follow-up, the outcome table (each measure at baseline and at follow-up, and the direction of
the change in words), each item and its status, the as-installed measurements with verdicts, the
corrections needed, the recommendations still open with what remains to do, the before and after
photos, and the clinician's attestation and signature block (as in the clinical report).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Paragraph

from homeassess.report.attestation import signature_block
from homeassess.report.completion_record import follow_up_of, opening, work_sections
from homeassess.report.follow_up_tables import instrument_line, open_table, outcome_table, visit_header
from homeassess.report.layout import KeepWithContent, closing, keep_with_next
from homeassess.report.markup import para
from homeassess.report.page_template import Cancelled, Progress, RenderedReport, content_height, render
from homeassess.report.report_data import ClientBlock, ReportData
from homeassess.report.sections import field_table
from homeassess.report.styles import Styles

OUTCOME_NOTE = (
    "Goal scores are the client's own ratings from 1 to 10 (higher is better); falls are those in the last"
    " 3 months; concern about falling is rated 0 to 10 (lower is better); open findings are the items and"
    " checklist findings still needing work. Change gives the direction in words."
)
NO_OUTCOMES = "No outcomes were recorded at either visit."
NONE_OPEN = "None: every item was installed as specified and every measurement meets its specification."


def render_follow_up(
    data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> RenderedReport:
    styles, width, fu, story = opening(data)
    story += keep_with_next([Paragraph("Client, home and visits", styles.h2), visit_header(data, styles, width)])
    story += _profile(data.client, styles, width)
    story += _outcomes(data, styles, width)
    story.append(PageBreak())
    opened = open_table(fu.items, styles, width)
    still_open = keep_with_next([Paragraph("Recommendations still open", styles.h1),
                                 opened if opened is not None else para(NONE_OPEN, styles.body)])
    story += work_sections(data, fu, styles, width, still_open)
    story = closing(story, signature_block(data, styles, width), content_height(data.meta.paper_size))
    return render(story, data, styles, progress, cancelled)


def _profile(c: ClientBlock, styles: Styles, width: float) -> list[Flowable]:
    devices = "\n".join(" — ".join(x for x in (d.kind.capitalize(), d.description, d.dimensions) if x) for d in c.devices)
    rows = [
        ("Date of birth", f"{c.date_of_birth} (age {c.age})" if c.date_of_birth and c.age else c.date_of_birth),
        ("Diagnosis", c.diagnosis),
        ("Conditions", "; ".join(c.conditions)),
        ("Mobility devices", devices),
        ("Goals", "\n".join(f"• {g}" for g in c.goals)),
    ]
    if not any(value for _, value in rows):
        return []
    return keep_with_next([Paragraph("Client profile at the follow-up", styles.h2), field_table(rows, styles, width)])


def _outcomes(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    fu = follow_up_of(data)
    table = outcome_table(fu, styles, width)
    title = KeepWithContent(Paragraph("Outcomes", styles.h1), para(OUTCOME_NOTE, styles.muted))
    out = keep_with_next([title, table if table is not None else para(NO_OUTCOMES, styles.body)])
    line = instrument_line(fu)
    if line is not None:
        out.append(para(line, styles.body))
    return out
