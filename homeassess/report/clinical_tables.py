"""The clinical report's two tables: findings (item, measured, required, verdict, citation) and
recommendations (what, priority, who installs and who pays, cost and its source)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from homeassess.report.markup import SafeMarkup, compose, para
from homeassess.report.report_data import FindingRow, Photo, Recommendation, ReportData
from homeassess.report.room_names import without_room
from homeassess.report.sections import cost_range, data_table, installer_label, payer_label, photo_refs, priority_label
from homeassess.report.styles import Styles

VERDICT_COLOURS = {"Fails": "#a61b1b", "Client fit": "#a61b1b", "Advisory": "#8a5a00"}
FINDING_COLUMNS = ("Item", "Measured", "Required", "Verdict", "Citation")
FINDING_WIDTHS = (0.34, 0.15, 0.17, 0.12, 0.22)
RECOMMENDATION_COLUMNS = ("Recommendation", "Priority", "Installed by / paid by", "Estimated cost")
RECOMMENDATION_WIDTHS = (0.50, 0.11, 0.21, 0.18)


def findings_rows(
    findings: Sequence[FindingRow], styles: Styles, photos: Sequence[Photo] = (), numbers: dict[int, int] | None = None
) -> list[list]:
    rows = []
    for f in findings:
        item: list[Flowable] = [para(f.item, styles.cell_bold)]
        refs = photo_refs(numbers or {}, photos, f.item_id)
        if refs:
            item.append(para(refs, styles.muted))
        for message in f.person_fit:
            item.append(para(message, styles.cell, SafeMarkup("<i>Client fit:</i> ")))
        if f.note:
            item.append(para(f.note, styles.cell, SafeMarkup("<i>Note:</i> ")))
        measured: list[Flowable] = [para(f.measured, styles.cell)]
        if f.shortfall:
            measured.append(para(compose("<i>{s}</i>", s=f.shortfall), styles.cell))
        colour = VERDICT_COLOURS.get(f.verdict, "#1a1a1a")
        verdict = compose(f'<font color="{colour}"><b>{{v}}</b></font>', v=f.verdict)
        citation: list[Flowable] = [para(f.citation, styles.cell)]
        if f.standard_note:
            citation.append(para(f.standard_note, styles.muted))
        rows.append([item, measured, para(f.required, styles.cell), para(verdict, styles.cell), citation])
    return rows


def findings_table(
    findings: Sequence[FindingRow], styles: Styles, width: float, photos: Sequence[Photo], numbers: dict[int, int]
) -> Flowable:
    return data_table(
        list(FINDING_COLUMNS),
        findings_rows(findings, styles, photos, numbers),
        [width * f for f in FINDING_WIDTHS],
        styles,
    )


def recommendation_table(recs: Sequence[Recommendation], data: ReportData, styles: Styles, width: float) -> Flowable:
    rows = []
    for r in recs:
        what: list[Flowable] = [para(r.title, styles.cell_bold)]
        if r.alternative_to:
            what.append(para(compose("<i>Option instead of “{t}”; not counted in the totals.</i>", t=r.alternative_to),
                             styles.cell))
        if r.specification:
            what.append(para(without_room(r.specification, r.room), styles.cell))  # under the room's heading
        if r.rationale:
            what.append(para(r.rationale, styles.cell, SafeMarkup("<i>Rationale:</i> ")))
        cost = [para(cost_range(r.cost_low, r.cost_high, data.currency) + (" (option)" if r.alternative_to else ""),
                     styles.cell_right)]
        if r.cost_source:
            cost.append(para(r.cost_source, styles.source))
        rows.append(
            [
                what,
                para(priority_label(r.priority), styles.cell),
                para(f"{installer_label(r.installer)} / {payer_label(r)}", styles.cell),
                cost,
            ]
        )
    return data_table(list(RECOMMENDATION_COLUMNS), rows, [width * f for f in RECOMMENDATION_WIDTHS], styles)
