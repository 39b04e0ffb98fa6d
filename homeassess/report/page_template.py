"""The page every report is printed on, and the one place a story becomes PDF bytes.

Header on every page: agency name, report title, report id and date. Footer: the
audience's confidentiality line and "Page X of Y" (written when the document is saved,
by :class:`NumberedCanvas`, since page 1 is drawn before the total is known).

The same data gives the same bytes: the canvas is invariant, the PDF dates are the
report's own date, ASCII85 is off (JPEG photos are embedded as they are stored), and the
PDF metadata names the report, never the client.

Progress: :func:`render` calls ``progress(fraction, message)`` as flowables are laid out
and asks ``cancelled()`` on every step; when it answers True the build stops with
:class:`ReportCancelled`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from homeassess.report.fonts import SANS, SANS_BOLD
from homeassess.report.layout import short
from homeassess.report.markup import compose, para
from homeassess.report.report_data import Audience, ReportData
from homeassess.report.styles import MUTED, PLAN_SIZE, RULE, Styles

rl_config.useA85 = 0  # images and streams binary-compressed only: ~25% smaller, same bytes each run

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]

MARGIN_X = 0.7 * inch
MARGIN_TOP = 0.95 * inch
MARGIN_BOTTOM = 0.8 * inch


class ReportCancelled(Exception):
    """The caller asked the build to stop; nothing was written."""


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    page_count: int


def page_size(name: str) -> tuple[float, float]:
    return A4 if name.lower() == "a4" else LETTER


class NumberedCanvas(Canvas):
    """Holds every page until the end, then stamps "Page X of Y" on each."""

    number_size = 8.0  # points; the client's plan sets its own (14)

    def __init__(self, *args, **kwargs) -> None:  # ReportLab's signature
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._stamp_page_number(total)
            Canvas.showPage(self)
        Canvas.save(self)

    @property
    def page_total(self) -> int:
        return len(self._pages)

    def _stamp_page_number(self, total: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setFont(SANS_BOLD, self.number_size)
        self.setFillColor(MUTED)
        self.drawRightString(width - MARGIN_X, MARGIN_BOTTOM - 0.42 * inch, f"Page {self._pageNumber} of {total}")
        self.restoreState()


class _PageDecorator:
    """Draws the header and footer that every page of one report shares."""

    def __init__(self, data: ReportData, styles: Styles) -> None:
        self.data = data
        self.styles = styles

    def __call__(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self.data.meta.audience is Audience.CLIENT:
            return self._plan_footer(canvas, doc)
        width, height = doc.pagesize
        meta = self.data.meta
        canvas.saveState()
        usable = width - 2 * MARGIN_X
        if canvas.getPageNumber() > 1:  # page 1 carries the full letterhead
            agency = short(self.data.letterhead.agency_name, 70)  # in full on page 1
            left = para(agency or "Home modification assessment", self.styles.running_head)
            _draw_top(canvas, left, MARGIN_X, height - 0.42 * inch, usable * 0.58)
        right = para(
            compose(
                "{title}<br/>{rid} · {day}",
                title=meta.audience.title,
                rid=meta.report_id,
                day=meta.generated.isoformat(),
            ),
            self.styles.cell_right,
        )
        _draw_top(canvas, right, MARGIN_X + usable * 0.6, height - 0.42 * inch, usable * 0.4)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, height - MARGIN_TOP + 0.14 * inch, width - MARGIN_X, height - MARGIN_TOP + 0.14 * inch)
        footer_y = MARGIN_BOTTOM - 0.42 * inch
        canvas.line(MARGIN_X, footer_y + 0.16 * inch, width - MARGIN_X, footer_y + 0.16 * inch)
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, footer_y, meta.audience.confidentiality)
        canvas.restoreState()


    def _plan_footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """The client's plan: no running header; the footer in type as large as the text."""
        width, _ = doc.pagesize
        footer_y = MARGIN_BOTTOM - 0.42 * inch
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN_X, footer_y + 0.26 * inch, width - MARGIN_X, footer_y + 0.26 * inch)
        canvas.setFont(SANS, PLAN_SIZE)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, footer_y, self.data.meta.audience.confidentiality)
        canvas.restoreState()


def _draw_top(canvas: Canvas, flowable: Flowable, x: float, top: float, width: float) -> None:
    _, h = flowable.wrapOn(canvas, width, 0.6 * inch)
    flowable.drawOn(canvas, x, top - h + 10)


class _Reporter:
    """Turns ReportLab's layout events into fractions and honours cancellation."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None, label: str) -> None:
        self.progress = progress
        self.cancelled = cancelled
        self.label = label
        self.total = 1
        self.done = 0.0  # never reported backwards: a split flowable puts its parts back in the queue

    def __call__(self, kind: str, value: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ReportCancelled()
        if kind == "SIZE_EST":
            self.total = max(1, value)
        elif kind == "PROGRESS" and self.progress is not None:
            self.done = max(self.done, min(1.0, value / self.total))
            self.progress(self.done, self.label)


def render(
    story: list[Flowable],
    data: ReportData,
    styles: Styles,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RenderedReport:
    """Lay out ``story`` on the report's pages; returns the PDF bytes and the page count."""
    meta = data.meta
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=page_size(meta.paper_size),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{meta.audience.title} {meta.report_id}",
        subject=meta.audience.title,
        author=data.letterhead.agency_name or "HomeAssess",
        creator="HomeAssess",
        producer="HomeAssess (ReportLab)",
        invariant=1,
        lang=meta.language,
        displayDocTitle=1,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_PageDecorator(data, styles))])
    reporter = _Reporter(progress, cancelled, f"laying out the {meta.audience.value} report")
    doc.setProgressCallBack(reporter)
    stamp = meta.generated.strftime("D:%Y%m%d000000+00'00'")
    made: list[NumberedCanvas] = []

    def canvas_maker(*args, **kwargs) -> NumberedCanvas:
        canvas = NumberedCanvas(*args, **kwargs)
        canvas.setDateFormatter(lambda *_: stamp)
        if meta.audience is Audience.CLIENT:
            canvas.number_size = PLAN_SIZE
        made.append(canvas)
        return canvas

    doc.build(story, canvasmaker=canvas_maker)
    if progress is not None:
        progress(1.0, f"{meta.audience.value} report ready")
    return RenderedReport(buffer.getvalue(), made[-1].page_total if made else 0)


def content_width(paper: str) -> float:
    return page_size(paper)[0] - 2 * MARGIN_X


def content_height(paper: str) -> float:
    """The height of the body frame on each page."""
    return page_size(paper)[1] - MARGIN_TOP - MARGIN_BOTTOM
