"""The review's text: the selected recommendation in full, and the accepted cost totals.

Every piece of user text is escaped: a title like "<b>Rail</b> & post" shows as typed.
"""

from __future__ import annotations

import html

from homeassess.domain.vocabulary import Priority, format_cost
from homeassess.services.recommendations import CostTotals, RecommendationView


def detail_html(view: RecommendationView) -> str:
    facts = [
        ("Room", view.room_name), ("Item", view.item_prompt or ("added by the clinician" if view.custom else "—")),
        ("Category", view.category.label), ("Priority", view.priority.label),
        ("Installer", view.installer.label), ("Funding", view.payer), ("Cost", format_cost(view.cost_low, view.cost_high)),
        ("Status", view.status.label),
    ]
    sections = [
        ("Specification", view.specification), ("Rationale", view.rationale),
        ("In plain words", view.plain), ("Cost source", view.cost_source),
    ]
    parts = [f"<p style='font-size: large'><b>{_esc(view.title)}</b></p>"]
    parts.append("<p>" + " &nbsp;· ".join(f"<b>{_esc(k)}:</b>&nbsp;{_keep_together(v)}" for k, v in facts) + "</p>")
    for heading, text in sections:
        body = _esc(text) if text.strip() else "<i>none given</i>"
        parts.append(f"<p><b>{heading}</b><br>{body}</p>")
    return "".join(parts)


def totals_html(totals: CostTotals) -> str:
    if totals.count == 0:
        return "<b>Accepted: none yet.</b> Accept proposals, or add your own, to see the cost totals."
    parts = [f"<b>Accepted: {totals.count}</b>"]
    for priority in Priority:
        low, high = totals.by_priority.get(priority, (0, 0))
        parts.append(f"{priority.label} {format_cost(low, high) if high or low else '—'}")
    parts.append(f"<b>Total {format_cost(totals.low, totals.high)}</b>")
    if totals.unpriced:
        parts.append(f"{totals.unpriced} without a cost estimate")
    if totals.options:  # alternatives for a finding whose chosen one is counted (docs/reports.md, Alternatives)
        parts.append(f"{totals.options} option{'s' if totals.options != 1 else ''} not counted")
    return " &nbsp;·&nbsp; ".join(parts)


def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _keep_together(text: str) -> str:
    """Escaped, with no line break inside a short fact ("Status: Accepted" never splits)."""
    return _esc(text).replace(" ", "&nbsp;") if len(text) <= 40 else _esc(text)
