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
from reportlab.platypus import Flowable, Table, TableStyle

# A table splits between whole rows where it can; but when that would leave at least this much
# of the page empty (the next row is a long note, a 20,000-character cell), the row is split
# instead, filling the page.
MIN_ROW_SPLIT = 2.5 * inch
CELL_PADDING = 8  # left + right padding of a grid cell (styles.grid_style)


class SplittingTable(Table):
    """A table that splits between rows, or inside a row rather than leave a large gap.

    With ``whole_below`` set (a page's frame height), a table no taller than that never splits:
    it moves to the next page whole, as a ticked item of the client's plan should.
    """

    gap = MIN_ROW_SPLIT
    whole_below = 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - ReportLab's names
        if self.whole_below and self.wrap(availWidth, availHeight)[1] <= self.whole_below:
            return []
        self.splitByRow = 1  # whole rows first (a row is split only when none fits)
        parts = super().split(availWidth, availHeight)
        if parts and availHeight - parts[0].wrap(availWidth, availHeight)[1] >= self.gap:
            self.splitByRow = 0  # a row split first
            parts = super().split(availWidth, availHeight) or parts
            self.splitByRow = 1
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

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return self.heading.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return self.content.getSpaceAfter()


def keep_with_next(flowables: list[Flowable]) -> list[Flowable]:
    """``[heading, content, rest...]`` with the heading bound to its content."""
    if len(flowables) < 2:
        return flowables
    return [KeepWithContent(flowables[0], flowables[1]), *flowables[2:]]
