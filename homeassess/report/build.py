"""One entry point for every audience: ``render_report(data, progress, cancelled)``.

``progress(fraction, message)`` is called as the pages are laid out (0.0 to 1.0);
``cancelled()`` is asked at every step and, when it answers True, the build stops with
:class:`ReportCancelled`. Both are optional. The result holds the PDF bytes and the
page count; the same data always gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from homeassess.report.client_plan import render_client_plan
from homeassess.report.clinical_report import render_clinical
from homeassess.report.completion_record import render_completion
from homeassess.report.contractor_scope import render_contractor
from homeassess.report.follow_up_report import render_follow_up
from homeassess.report.landlord_request import render_landlord
from homeassess.report.page_template import Cancelled, Progress, RenderedReport, ReportCancelled
from homeassess.report.report_data import Audience, ReportData

RENDERERS: dict[Audience, Callable[..., RenderedReport]] = {
    Audience.CLINICAL: render_clinical,
    Audience.CONTRACTOR: render_contractor,
    Audience.LANDLORD: render_landlord,
    Audience.CLIENT: render_client_plan,
    Audience.COMPLETION: render_completion,
    Audience.FOLLOWUP: render_follow_up,
}


def render_report(
    data: ReportData, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> RenderedReport:
    return RENDERERS[data.meta.audience](data, progress, cancelled)


__all__ = ["Audience", "RenderedReport", "ReportCancelled", "page_count", "render_report"]


def page_count(pdf: bytes) -> int:
    """Pages in a PDF this program wrote (ReportLab writes one page object per page)."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))
