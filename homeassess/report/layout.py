"""Page-layout rules every report follows: tables that split anywhere, headings kept with what
follows them, column headers that fit their column, and short cross-references.

Every table a report builds can split between its rows and inside a row (ReportLab's public
``splitByRow`` and ``splitInRow`` options), so a field of any length continues on the next page
instead of stopping the build with a ``LayoutError``.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import ActionFlowable, Flowable, Spacer, Table, TableStyle
from reportlab.platypus.flowables import NullDraw

# A table splits between whole rows where it can; but when that would leave at least this much
# of the page empty (the next row is a long note, a 20,000-character cell), the row is split
# instead, filling the page.
MIN_ROW_SPLIT = 2.5 * inch
CELL_PADDING = 8  # left + right padding of a grid cell (styles.grid_style)


class SplittingTable(Table):
    """A table that splits between rows, or inside a row rather than leave a large gap.

    A row is split only where at least ``gap`` of the page is left for it: never into a sliver at the
    foot of a page, where the header (repeated or not) would print over a line or two of its row, or
    over nothing. With less room than that and no whole row fitting, the table moves to the next page.

    With ``whole_below`` set (a page's frame height), a table no taller than that never splits:
    it moves to the next page whole, as a ticked item of the client's plan should.
    """

    gap = MIN_ROW_SPLIT
    whole_below = 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # ReportLab's names
        if self.whole_below and self.wrap(availWidth, availHeight)[1] <= self.whole_below:
            return []
        in_row: int = getattr(self, "splitInRow", 0)  # set by ReportLab's Table (untyped there)
        self.splitInRow = 0  # whole rows only: ReportLab would fall back to a row split
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = in_row
        left = availHeight - parts[0].wrap(availWidth, availHeight)[1] if parts else availHeight
        if in_row and left >= self.gap:  # a row split rather than leave this much empty (or than no split at all)
            self.splitByRow = 0
            try:
                parts = super().split(availWidth, availHeight) or parts
            finally:
                self.splitByRow = 1
        for part in parts:  # ReportLab makes the parts with the options of the moment: give them ours
            if isinstance(part, SplittingTable):
                part.splitByRow, part.splitInRow, part.gap = 1, in_row, self.gap
        return parts


def splittable_table(
    rows: list[list],
    widths: Sequence[float | None],
    style: TableStyle,
    gap: float = MIN_ROW_SPLIT,
    whole_below: float = 0.0,
    **options: object,
) -> Table:
    """A table that never stops a build: any row splits (``splitInRow=1``: at any height).

    ``whole_below``: kept whole (moved to the next page) when no taller than this.
    """
    table = SplittingTable(rows, colWidths=list(widths), style=style, splitByRow=1, splitInRow=1, hAlign="LEFT", **options)
    table.gap = gap
    table.whole_below = whole_below
    return table


def header_widths(header: Sequence[str], widths: Sequence[float], style: ParagraphStyle) -> list[float]:
    """Column widths in which every word of every header fits whole (on A4 as on Letter).

    A column narrower than its longest header word takes the difference from the widest column.
    """
    out = list(widths)
    for i, label in enumerate(header):
        need = max((stringWidth(w, style.fontName, style.fontSize) for w in str(label).split()), default=0.0)
        need += CELL_PADDING + 1
        if out[i] < need:
            donor = max(range(len(out)), key=lambda j: out[j] if j != i else -1)
            give = min(need - out[i], out[donor] * 0.3)
            out[i] += give
            out[donor] -= give
    return out


def short(text: str, limit: int = 80) -> str:
    """A cross-reference to text printed in full elsewhere in the report (a room's own heading)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class KeepWithContent(Flowable):
    """A heading and the flowable after it: the heading never ends a page on its own.

    When both do not fit, the content is split in the room left under the heading; if not
    even a first part of it fits there, both move to the next page.
    """

    SAFETY = 2.0  # points: rounding in ReportLab's own arithmetic

    def __init__(self, heading: Flowable, content: Flowable) -> None:
        super().__init__()
        self.heading = heading
        self.content = content

    def _gap(self) -> float:
        return max(self.heading.getSpaceAfter(), self.content.getSpaceBefore())

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, h1 = self.heading.wrap(avail_width, avail_height)
        _, h2 = self.content.wrap(avail_width, avail_height)
        self._heights = (h1, h2)
        self.width, self.height = avail_width, h1 + self._gap() + h2
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        _, h1 = self.heading.wrap(avail_width, avail_height)
        if h1 > avail_height:  # the next page, unless the heading itself is longer than a page
            parts = self.heading.split(avail_width, avail_height)
            return [*parts, self.content] if parts else []
        room = avail_height - h1 - self._gap() - self.SAFETY
        parts = self.content.split(avail_width, room) if room > 0 else []
        if not parts:
            return []
        return [self.heading, *parts]

    def draw(self) -> None:  # the heading first: text is read (and copied) in drawing order
        h1, h2 = self._heights
        self.heading.drawOn(self.canv, 0, h2 + self._gap())
        self.content.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # ReportLab's name
        return self.heading.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # ReportLab's name
        return self.content.getSpaceAfter()


def keep_with_next(flowables: list[Flowable]) -> list[Flowable]:
    """``[heading, content, rest...]`` with the heading bound to its content."""
    if len(flowables) < 2:
        return flowables
    return [KeepWithContent(flowables[0], flowables[1]), *flowables[2:]]


class Stack(Flowable):
    """Flowables drawn one under the other: one form (a signature block), moved to the next page
    whole rather than split, unless it is taller than a page (``frame_height``), when its parts
    follow each other as they may."""

    SAFETY = 2.0  # points: rounding in ReportLab's own arithmetic

    def __init__(self, flowables: Sequence[Flowable], space_before: float = 0.0, frame_height: float = 0.0) -> None:
        super().__init__()
        self.flowables = list(flowables)
        self.space_before = space_before
        self.frame_height = frame_height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        _, height = self.wrap(avail_width, avail_height)
        if height <= self.frame_height - self.SAFETY:
            return []  # to the next page, whole
        if not self.flowables:
            return []
        first, *rest = self.flowables
        if first.wrap(avail_width, avail_height)[1] <= avail_height:
            return list(self.flowables)
        parts = first.split(avail_width, avail_height)  # what comes first of a split must fit where it is
        return [*parts, *rest] if parts else []

    def _gaps(self) -> list[float]:
        pairs = zip(self.flowables, self.flowables[1:], strict=False)
        return [0.0, *(max(a.getSpaceAfter(), b.getSpaceBefore()) for a, b in pairs)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._sizes = [f.wrap(avail_width, avail_height) for f in self.flowables]
        self.width, self.height = avail_width, sum(h for _, h in self._sizes) + sum(self._gaps())
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for flowable, (w, h), gap in zip(self.flowables, self._sizes, self._gaps(), strict=True):
            y -= gap + h
            flowable.drawOn(self.canv, 0, y, _sW=self.width - w)

    def getSpaceBefore(self) -> float:  # ReportLab's name
        return self.space_before


CLOSING_TAIL = 0.5 * inch  # at least this much of what precedes a closing block goes to its page with it


class KeepWithPrevious(Flowable):
    """The end of what comes before and a closing block (a signature block): the block never stands
    alone on a page.

    When both do not fit, what comes before is split so that at least its last ``CLOSING_TAIL`` (its
    last lines, its last table row) goes to the next page with the block; when it cannot be split there,
    both move. Only when the two could not share even an empty page does the block follow on its own.
    """

    SAFETY = 2.0  # points: rounding in ReportLab's own arithmetic

    def __init__(self, previous: Flowable, block: Flowable, frame_height: float) -> None:
        super().__init__()
        self.previous = previous
        self.block = block
        self.frame_height = frame_height

    def _gap(self) -> float:
        return max(self.previous.getSpaceAfter(), self.block.getSpaceBefore())

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._sizes = (self.previous.wrap(avail_width, avail_height), self.block.wrap(avail_width, avail_height))
        self.width, self.height = avail_width, self._sizes[0][1] + self._gap() + self._sizes[1][1]
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        _, h1 = self.previous.wrap(avail_width, avail_height)
        _, h2 = self.block.wrap(avail_width, avail_height)
        cut = min(avail_height, h1 - CLOSING_TAIL)
        parts = self.previous.split(avail_width, cut) if cut > 0 else []
        if len(parts) >= 2:
            return [*parts[:-1], KeepWithPrevious(parts[-1], self.block, self.frame_height)]
        if h1 + self._gap() + h2 <= self.frame_height - self.SAFETY:
            return []  # both to the next page
        if h1 <= avail_height:  # they cannot share even an empty page: each as it may
            return [self.previous, self.block]
        parts = self.previous.split(avail_width, avail_height)
        return [*parts, self.block] if parts else []

    def draw(self) -> None:
        (w1, h1), (w2, _) = self._sizes
        self.previous.drawOn(self.canv, 0, self.height - h1, _sW=self.width - w1)
        self.block.drawOn(self.canv, 0, 0, _sW=self.width - w2)

    def getSpaceBefore(self) -> float:  # ReportLab's name
        return self.previous.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # ReportLab's name
        return self.block.getSpaceAfter()


def closing(story: list[Flowable], block: Flowable, frame_height: float) -> list[Flowable]:
    """``story`` ending with ``block``, bound to the end of what precedes it (:class:`KeepWithPrevious`)."""
    if isinstance(block, Stack):
        block.frame_height = frame_height
    if not story or isinstance(story[-1], (ActionFlowable, NullDraw, Spacer)):  # a page break: nothing to keep
        return [*story, block]
    return [*story[:-1], KeepWithPrevious(story[-1], block, frame_height)]
