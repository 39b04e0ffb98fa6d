"""The clinical report's one-page summary: the main risks, and the recommendations by priority
with their counts and cost totals (the full list follows room by room)."""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable, Paragraph

from homeassess.domain.catalogue import Severity
from homeassess.report.layout import short
from homeassess.report.markup import SafeMarkup, compose, para
from homeassess.report.report_data import FindingRow, ReportData, Room
from homeassess.report.sections import cost_range, data_table, priority_label, priority_rank
from homeassess.report.styles import Styles

MAX_RISKS = 10
SUMMARY_TITLES = 14  # distinct recommendation titles named per priority on the summary page


def severity_rank(finding: FindingRow) -> int:
    """3 life safety, 2 falls, 1 function, 0 when the catalogue gave none."""
    return Severity(finding.severity).rank if finding.severity else 0


def main_risks(data: ReportData, limit: int = MAX_RISKS) -> list[tuple[Room, FindingRow]]:
    """The findings to name first: by severity (life safety, then falls, then function), then those
    that fail, behind high-priority work, or fail the client's fit; within a severity, spread over rooms."""
    best: dict[tuple[str, str], int] = {}
    for r in data.recommendations:
        key = (r.room, r.item)
        best[key] = min(best.get(key, 3), priority_rank(r.priority))
    order = sorted(
        ((room, f) for room in data.rooms for f in room.findings),
        key=lambda rf: (-severity_rank(rf[1]), rf[1].verdict not in ("Fails", "Client fit"),
                        best.get((rf[0].name, rf[1].item), 3), not rf[1].person_fit),
    )
    chosen: list[tuple[Room, FindingRow]] = []
    taken: set[int] = set()
    # What is at stake comes first: eight life-safety findings at the front door are not put behind a poorly lit
    # counter to spread the list over rooms (a try-out). Within one severity, at most two per room first.
    for rank in sorted({severity_rank(f) for _, f in order}, reverse=True):
        tier = [(room, f) for room, f in order if severity_rank(f) == rank]
        per_room: dict[str, int] = {}
        for cap in (2, limit):
            for room, f in tier:
                if len(chosen) >= limit:
                    return chosen
                if id(f) not in taken and per_room.get(room.name, 0) < cap:
                    chosen.append((room, f))
                    taken.add(id(f))
                    per_room[room.name] = per_room.get(room.name, 0) + 1
    return chosen


def _by_severity(findings: list[FindingRow]) -> str:
    counts = Counter(f.severity for f in findings if f.severity)
    parts = [f"{counts[s.value]} for {s.label.lower()}" for s in Severity if counts[s.value]]
    return f" By what is at stake: {', '.join(parts)}." if parts else ""


def _open_work(data: ReportData, styles: Styles) -> list[Flowable]:
    """On a draft, or where work is left open, what the report does not cover, before anything it does."""
    unanswered = sum(r.to_answer - r.answered for r in data.rooms if r.answered is not None)
    not_assessed = sum(1 for r in data.rooms if r.answered == 0 and r.to_answer)
    undecided = data.undecided_count
    parts = [compose("{n} checklist item{s} not answered", n=unanswered, s="s are" if unanswered != 1 else " is")] \
        if unanswered else []
    if not_assessed:
        parts.append(compose("{n} room{s} not assessed at all", n=not_assessed, s="s" if not_assessed != 1 else ""))
    if undecided:
        parts.append(compose("{n} proposed recommendation{s} neither accepted nor dismissed, and not listed", n=undecided,
                             s="s are" if undecided != 1 else " is"))
    if not data.draft and not parts:
        return []
    lead = "<b>Draft: this assessment is not finalised.</b> " if data.draft else ""
    return [Paragraph(compose(lead + "{open}" + ("." if parts else ""), open=SafeMarkup("; ".join(parts))), styles.body)]


def summary_page(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    findings = [f for room in data.rooms for f in room.findings]
    fails = sum(1 for f in findings if f.verdict in ("Fails", "Client fit"))
    out: list[Flowable] = [Paragraph("Summary", styles.h1), *_open_work(data, styles), Paragraph("Main risks", styles.h2)]
    assessed = [room for room in data.rooms if room.answered != 0]
    with_findings = sum(1 for room in data.rooms if room.findings)
    if not assessed:
        out.append(Paragraph(compose("No room has been assessed yet: no checklist item is answered."), styles.body))
    elif not findings:  # nothing to rank: say so, rather than "0 findings … The most pressing:" and nothing after it
        out.append(Paragraph(compose("No findings in the {rooms} room{rs} assessed.", rooms=len(assessed),
                                     rs="s" if len(assessed) != 1 else ""), styles.body))
    else:
        out.append(Paragraph(compose(
            "{findings} finding{s} in {with_findings} of the {rooms} room{rs} assessed: {fails} fail the standard or the"
            " client's needs, {advisory} advisory.{stakes} The most pressing:",
            findings=len(findings), s="s" if len(findings) != 1 else "", with_findings=with_findings, rooms=len(assessed),
            rs="s" if len(assessed) != 1 else "", fails=fails, advisory=len(findings) - fails, stakes=_by_severity(findings),
        ), styles.body))
    for room, f in main_risks(data):
        detail = f"{f.measured} (required {f.required})" if f.measured and f.required else f.measured
        stake = f"{Severity(f.severity).label}: " if f.severity else ""
        line = compose("•&nbsp;&nbsp;{stake}<b>{room}</b> — {item}: ", stake=stake, room=short(room.name),
                       item=short(f.item, 120))
        out.append(para(detail, styles.body, line))
    out.append(Paragraph("Recommendations by priority", styles.h2))
    recs = [r for r in data.recommendations if not r.alternative_to]
    options = len(data.recommendations) - len(recs)
    if not recs:
        return out + [Paragraph("No recommendations were accepted.", styles.body)]
    rows = []
    for total in data.totals:
        titles = Counter(short(r.title) for r in recs if r.priority == total.priority)
        if not titles:
            continue
        listed = "; ".join(f"{t} ×{n}" if n > 1 else t for t, n in list(titles.items())[:SUMMARY_TITLES])
        if len(titles) > SUMMARY_TITLES:
            listed += f"; and {len(titles) - SUMMARY_TITLES} more"
        rows.append(
            [
                para(priority_label(total.priority), styles.cell_bold),
                Paragraph(str(total.count), styles.cell_right),
                para(cost_range(total.low, total.high, data.currency), styles.cell_right),
                para(listed, styles.cell),
            ]
        )
    count, low, high = (
        sum(t.count for t in data.totals),
        sum(t.low for t in data.totals),
        sum(t.high for t in data.totals),
    )
    rows.append(
        [
            Paragraph("Total", styles.cell_bold),
            Paragraph(f"<b>{count}</b>", styles.cell_right),
            para(compose("<b>{c}</b>", c=cost_range(low, high, data.currency)), styles.cell_right),
            "",
        ]
    )
    out.append(
        data_table(
            ["Priority", "Items", "Estimated cost", "Recommendations (room by room below)"],
            rows,
            [width * f for f in (0.1, 0.07, 0.2, 0.63)],
            styles,
        )
    )
    out.append(
        Paragraph(
            "Costs are typical installed ranges from the vetted sources cited with each (or estimates where none is"
            " cited), not quotes. Where alternatives are listed for one finding, the totals count the chosen one;"
            " the others are options.",
            styles.muted,
        )
    )
    if options:
        out.append(Paragraph(compose("{n} option{s} listed beside the chosen work {are} not counted.", n=options,
                                     s="s" if options != 1 else "", are="are" if options != 1 else "is"), styles.muted))
    if data.dismissed_count:
        out.append(
            Paragraph(
                f"{data.dismissed_count} proposed recommendation{'s were' if data.dismissed_count != 1 else ' was'}"
                " considered and dismissed; they are not listed.",
                styles.muted,
            )
        )
    return out
