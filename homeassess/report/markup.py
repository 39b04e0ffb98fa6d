"""The one way user text reaches a ReportLab Paragraph.

ReportLab parses paragraph text as markup: an unescaped ``<b>`` breaks the build and an
``<img src="/a/local/file"/>`` is read from disk and embedded (docs/pitfalls.md §2.1). So every
string that came from a person (names, addresses, notes, captions, wording edited in
the program) goes through :func:`markup`: NFC, XML-escaped, line breaks as ``<br/>``,
and wrapped in ``<font>`` runs so each character is drawn by a font that has it.
Markup itself is only ever built from constants in this package: :func:`compose` fills
a constant template with escaped values, and :func:`para` builds the flowable, turning
on glyph shaping (Arabic, Hebrew, Indic scripts, Thai) only when the text needs it.

Any length prints, at a cost that grows with the length: ReportLab lays out the whole of
a paragraph again each time it splits it across a page, so a long text is cut up front
into paragraphs of at most :data:`CHUNK` characters (at a line break or a sentence end
where there is one) held in one :class:`TextBlock`; unbroken words are cut at the column
width by ReportLab (``splitLongWords``), or by :mod:`homeassess.report.bidi`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from homeassess.report.bidi import BidiParagraph, has_rtl, visual_text
from homeassess.report.fonts import SANS, font_runs, needs_shaping, normalise

CHUNK = 4000  # characters per paragraph of a long text
_BREAKS = ("\n", ". ", "; ", ", ", " ")  # where a long text is best cut, best first


def markup(text: object, base_font: str = SANS) -> str:
    """Safe paragraph markup for one user value (``None`` prints as an empty string)."""
    if text is None:
        return ""
    pieces = []
    for font, run in font_runs(normalise(str(text)), base_font):
        safe = escape(run).replace("\n", "<br/>")
        pieces.append(safe if font == base_font else f'<font name="{font}">{safe}</font>')
    return "".join(pieces)


class SafeMarkup(str):
    """Markup that is already safe: a constant, or the output of :func:`compose`."""


def compose(template: str, /, base_font: str = SANS, **values: object) -> SafeMarkup:
    """Fill a constant markup ``template`` (``"<b>Name:</b> {name}"``) with escaped user values.

    A value that is already :class:`SafeMarkup` is inserted as is. Right-to-left words in a
    value are put in visual order here, within the left-to-right template.
    """
    safe = {
        k: v if isinstance(v, SafeMarkup) else markup(visual_text(normalise(str(v)), base_font) if v is not None else None, base_font)
        for k, v in values.items()
    }
    return SafeMarkup(template.format(**safe))


@lru_cache(maxsize=64)
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


def _cut_point(text: str, start: int) -> int:
    """Where the chunk that begins at ``start`` ends: the last good break before CHUNK characters."""
    end = start + CHUNK
    if end >= len(text):
        return len(text)
    for mark in _BREAKS:
        at = text.rfind(mark, start + CHUNK // 2, end)
        if at >= 0:
            return at + len(mark)
    while end > start + 1 and unicodedata.combining(text[end]):
        end -= 1  # never cut a combining accent off its letter
    return end


def chunks(text: str) -> list[str]:
    """``text`` in pieces of at most CHUNK characters, cut at line breaks or sentence ends where possible."""
    out, start = [], 0
    while start < len(text):
        end = _cut_point(text, start)
        out.append(text[start:end].strip("\n") if end < len(text) else text[start:end])
        start = end
    return out or [""]


_TOKEN = re.compile(r"<[^>]*>|&[^;]*;|[^<&]+")


def split_markup(text: str, limit: int = CHUNK) -> Iterator[str]:
    """Well-formed markup in pieces of about ``limit`` characters, open tags closed and reopened."""
    stack: list[tuple[str, str]] = []  # (name, opening tag)
    piece: list[str] = []
    size = 0
    for token in _TOKEN.findall(text):
        if token.startswith("<"):
            name = token.strip("</>").split()[0] if token.strip("</>") else ""
            if token.startswith("</"):
                stack.pop() if stack else None
            elif not token.endswith("/>"):
                stack.append((name, token))
            piece.append(token)
            continue
        if token.startswith("&") or size + len(token) <= limit:
            piece.append(token)
            size += len(token)
            continue
        while token:
            room = max(1, limit - size)
            cut = token.rfind(" ", 0, room) + 1 or room
            piece.append(token[:cut])
            token = token[cut:]
            if token:
                yield "".join(piece) + "".join(f"</{name}>" for name, _ in reversed(stack))
                piece, size = [opening for _, opening in stack], 0
            else:
                size += cut
    yield "".join(piece)


def _height(part: Flowable, avail_width: float, avail_height: float) -> float:
    """A part's height, without laying out again a paragraph already laid out at this width (the
    parts after a page break are the same paragraphs: laying them all out again on every page
    would make a long text cost the square of its length)."""
    known = getattr(part, "_laid_out", None)
    if known is not None and known[0] == avail_width:
        return known[1]
    height = part.wrap(avail_width, avail_height)[1]
    part._laid_out = (avail_width, height)
    return height


class TextBlock(Flowable):
    """Paragraphs laid out one under another as one flowable, split between or inside them."""

    def __init__(self, parts: list[Flowable], style: ParagraphStyle, first: bool = True, last: bool = True) -> None:
        super().__init__()
        self.parts = parts
        self.style = style
        self.first, self.last = first, last
        self._wrapped: tuple[float, list[float]] | None = None

    def _heights(self, avail_width: float, avail_height: float) -> list[float]:
        if self._wrapped is None or self._wrapped[0] != avail_width:
            self._wrapped = (avail_width, [_height(p, avail_width, avail_height) for p in self.parts])
        return self._wrapped[1]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, sum(self._heights(avail_width, avail_height))
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        # At the width it was last laid out at, as ReportLab's Paragraph does: a table splitting a
        # row passes the cell's width with its padding, and lays the halves out without it.
        avail_width = self._wrapped[0] if self._wrapped else avail_width
        used = 0.0
        for i, part in enumerate(self.parts):  # only the parts up to the page end are laid out at this width
            height = _height(part, avail_width, avail_height)
            if used + height > avail_height:
                halves = self._split_part(part, avail_width, avail_height - used)
                self._wrapped = None
                head = self.parts[:i] + halves[:1]
                tail = halves[1:] if halves else [part]
                if not head:
                    return []
                return [
                    TextBlock(head, self.style, self.first, False),
                    TextBlock(tail + self.parts[i + 1 :], self.style, False, self.last),
                ]
            used += height
        self._wrapped = None
        return [self, TextBlock([], self.style, False, self.last)]  # two parts, as a table cell's split expects

    @staticmethod
    def _split_part(part: Flowable, avail_width: float, room: float) -> list[Flowable]:
        """The part split so that its first half really fits in ``room`` once laid out again (the
        first half of a shaped paragraph can come out a line taller than ReportLab planned)."""
        for _ in range(4):
            part._laid_out = None  # ReportLab forgets a paragraph's layout when asked to split it
            halves = part.split(avail_width, room) if room > 0 else []
            if not halves or halves[0].wrap(avail_width, room)[1] <= room:
                return halves
            room -= max(halves[0].wrap(avail_width, room)[1] - room, 1.0)
        return []

    def draw(self) -> None:
        y = self.height
        heights = self._wrapped[1] if self._wrapped is not None else [0.0] * len(self.parts)  # wrapped before drawn
        for part, height in zip(self.parts, heights, strict=True):
            y -= height
            part.drawOn(self.canv, 0, y)

    def getSpaceBefore(self) -> float:  # ReportLab's name
        return self.style.spaceBefore if self.first else 0.0

    def getSpaceAfter(self) -> float:  # ReportLab's name
        return self.style.spaceAfter if self.last else 0.0


@lru_cache(maxsize=64)
def _inner(style: ParagraphStyle) -> ParagraphStyle:
    """The style of one paragraph inside a TextBlock: the block carries the space around it."""
    return ParagraphStyle(f"{style.name}-part", parent=style, spaceBefore=0, spaceAfter=0)


def _from_markup(text: str, style: ParagraphStyle) -> Flowable:
    if not needs_shaping(text):
        return Paragraph(text, style)
    # A shaped paragraph's first half, laid out again after a split, can come out a line taller
    # than ReportLab planned: a TextBlock checks the halves it uses.
    return TextBlock([Paragraph(text, _shaped(_inner(style)))], style)


def para(content: object, style: ParagraphStyle, label: SafeMarkup | None = None) -> Flowable:
    """The flowable for user text (escaped here) or :class:`SafeMarkup` (used as is).

    ``label`` is constant markup printed before the text ("<i>Note:</i> ").
    """
    if isinstance(content, SafeMarkup):
        text = (label or "") + str(content)
        if len(text) <= CHUNK:
            return _from_markup(text, style)
        pieces = list(split_markup(text))
    else:
        plain = normalise("" if content is None else str(content))
        pieces = []
        for i, piece in enumerate(chunks(plain)):
            first = label if label and i == 0 else ""
            if has_rtl(piece):  # the label goes on a line of its own
                pieces += [first, BidiParagraph(piece, _inner(style), markup)] if first else [BidiParagraph(piece, _inner(style), markup)]
            else:
                pieces.append(first + markup(piece, style.fontName))
        if len(pieces) == 1 and isinstance(pieces[0], str):
            return _from_markup(pieces[0], style)
    parts = [p if isinstance(p, Flowable) else _from_markup(p, _inner(style)) for p in pieces]
    return TextBlock(parts, style)
