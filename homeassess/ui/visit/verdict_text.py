"""The verdict shown beside a field: words and a symbol, never colour alone.

The colours are the palette's verdict tones (kit/palette.py) in the scheme shown now.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from homeassess.domain.verdicts import Finding, Verdict
from homeassess.domain.vocabulary import RecommendationStatus
from homeassess.ui.kit.palette import VERDICT_TONES, colour

SYMBOLS = {
    Verdict.MEETS: "✓",
    Verdict.FAILS: "✗",
    Verdict.ADVISORY: "!",
    Verdict.NOT_APPLICABLE: "–",
    Verdict.IMPLAUSIBLE: "?",
}


def verdict_span(verdict: Verdict, text: str) -> str:
    return f'<span style="color:{colour(VERDICT_TONES[verdict])}; font-weight:600">{SYMBOLS[verdict]} {html.escape(text)}</span>'


def verdict_html(finding: Finding | None, error: str | None, decided: Mapping[str, str] | None = None) -> str:
    """The verdict beside a field. A value refused, or kept but implausible, says why: as it is typed, and again
    when the room is opened later (the stored value's finding carries the reason). ``decided``: the room's
    decisions (library id → "accepted" or "dismissed"), so that a proposal dismissed in the review is not named."""
    if (error and finding is None) or (finding is not None and finding.verdict is Verdict.IMPLAUSIBLE):
        return verdict_span(Verdict.IMPLAUSIBLE, error if finding is None else finding.message) + (
            " <i>(saved as typed; not counted as a finding)</i>" if finding is not None else " <i>(not saved)</i>"
        )
    if finding is None:
        return ""
    parts = []
    if finding.person_fit:  # the overall verdict first, naming the checks that decided it
        failed = [f"{finding.standard} standard"] if finding.standard_verdict.is_finding else []
        failed += [c.title for c in finding.person_fit if c.verdict.is_finding]
        why = f" — not met: {html.escape('; '.join(failed))}" if failed else " — standard and client fit"
        parts.append(verdict_span(finding.verdict, f"Overall: {finding.verdict.label}") + why)
    if finding.measured_value is not None:
        sv = finding.standard_verdict
        if sv is Verdict.MEETS:
            parts.append(verdict_span(sv, f"Meets {finding.standard}") + f" — {html.escape(finding.required)}")
        elif sv in (Verdict.FAILS, Verdict.ADVISORY):
            word = "short by" if finding.direction == "below" else "over by"
            label = "Fails" if sv is Verdict.FAILS else "Advisory"
            parts.append(verdict_span(sv, f"{label}: {word} {finding.shortfall}") + f" — requires {html.escape(finding.required)}")
        else:
            parts.append(verdict_span(sv, f"{finding.standard} sets no figure"))
        if finding.citation:
            parts[-1] += f" <i>({html.escape(finding.citation)})</i>"
        if finding.note and sv is not Verdict.MEETS:
            parts.append(f"<small>{html.escape(finding.note)}</small>")
    elif finding.verdict is Verdict.FAILS:
        parts.append(verdict_span(Verdict.FAILS, "Concern"))
    elif finding.verdict is Verdict.MEETS:
        parts.append(verdict_span(Verdict.MEETS, "No concern"))
    for check in finding.person_fit:
        parts.append(verdict_span(check.verdict, f"Person-fit: {check.message}"))
    if finding.recommendations and finding.verdict.is_finding:
        parts += _proposals(finding, decided or {})
    return "<br/>".join(parts)


def _proposals(finding: Finding, decided: Mapping[str, str]) -> list[str]:
    """"Accepted: …" and "Proposed: …" (three titles each at most); the dismissed are left out."""
    out = []
    for status in (RecommendationStatus.ACCEPTED, RecommendationStatus.PROPOSED):
        titles = [r.title for r in finding.recommendations
                  if decided.get(r.library_id, RecommendationStatus.PROPOSED) == status]
        if titles:
            more = f" and {len(titles) - 3} more" if len(titles) > 3 else ""
            out.append(f"<small>{status.label}: {', '.join(html.escape(t) for t in titles[:3])}{more}</small>")
    if not out:
        out.append("<small>Every proposal dismissed in the review</small>")
    return out
