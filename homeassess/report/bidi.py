"""Right-to-left text (Arabic, Hebrew) in visual order, word by word.

ReportLab shapes each word with HarfBuzz (``shaping=1``: joined letters, right-to-left
inside the word) but, without the ``rlbidi`` package (not on PyPI), it lays the words
of a line out left to right, so "محمد علي" would print with its words swapped
(pitfalls §2.3). This module reorders the *words* of one line the way the Unicode
bidirectional algorithm would for plain text without embeddings: runs of right-to-left
words are reversed, numbers after right-to-left words join their run, and spaces and
punctuation between two runs of one direction take that direction. Characters inside a
word are left to HarfBuzz. Mirrored brackets and explicit direction marks are not
handled; that is enough for names, addresses, captions and notes.

:class:`BidiParagraph` breaks a right-to-left text into lines itself (it must know the
lines before it can order their words), then lays them out as an ordinary Paragraph.
"""

from __future__ import annotations

import unicodedata

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import paragraph as rl_paragraph

from homeassess.report.fonts import font_runs

# ReportLab shapes with the optional "liga" and "dlig" features on, so in a shaped paragraph
# DejaVu turns "st" into a ligature that copies and searches as "ﬆ" ("hoﬆname"). Arabic
# joining and lam-alef come from required features, which HarfBuzz applies regardless.
SHAPING_FEATURES = {"kern": True, "liga": False, "dlig": False}
_reportlab_shape = ttfonts.shapeFragWord


def _shape_without_ligatures(word, features=None, force=False):  # noqa: ANN001, ANN202, ARG001 - ReportLab's signature
    return _reportlab_shape(word, SHAPING_FEATURES)


rl_paragraph.shapeFragWord = _shape_without_ligatures

_RTL_CLASSES = {"R", "AL"}
_NUMBER_CLASSES = {"EN", "AN"}


def _token_class(token: str) -> str:
    classes = {unicodedata.bidirectional(ch) for ch in token}
    if "L" in classes:
        return "L"
    if classes & _RTL_CLASSES:
        return "R"
    if classes & _NUMBER_CLASSES:
        return "EN"
    return "N"


def base_direction(text: str) -> str:
    """``"RTL"`` when the first strongly directional character is right-to-left, else ``"LTR"``."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "LTR"
        if kind in _RTL_CLASSES:
            return "RTL"
    return "LTR"


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


def _resolved(tokens: list[str], base: str) -> list[str]:
    """Each token's direction, ``"L"`` or ``"R"``."""
    start = "R" if base == "RTL" else "L"
    classes = [_token_class(t) for t in tokens]
    previous = start
    for i, kind in enumerate(classes):  # numbers take the direction of the last strong word
        if kind == "EN":
            classes[i] = previous
        elif kind in ("L", "R"):
            previous = kind
    out = list(classes)
    for i, kind in enumerate(classes):  # neutrals between two runs of one direction join them
        if kind != "N":
            continue
        before = next((c for c in reversed(classes[:i]) if c != "N"), start)
        after = next((c for c in classes[i + 1 :] if c != "N"), start)
        out[i] = before if before == after else start
    return out


def visual_line(line: str, base: str | None = None) -> str:
    """One line's words in the order they are drawn from left to right."""
    tokens = line.split()
    if not tokens or not has_rtl(line):
        return line
    base = base or base_direction(line)
    directions = _resolved(tokens, base)
    if base == "RTL":
        tokens, directions = tokens[::-1], directions[::-1]
        flip = "L"
    else:
        flip = "R"
    out: list[str] = []
    run: list[str] = []
    for token, direction in zip(tokens, directions, strict=True):
        if direction == flip:
            run.append(token)
            continue
        out.extend(reversed(run))
        run = []
        out.append(token)
    out.extend(reversed(run))
    return " ".join(out)


def visual_text(text: str) -> str:
    """Every line of a short value (a name, an address) in visual order."""
    if not has_rtl(text):
        return text
    return "\n".join(visual_line(line) for line in text.split("\n"))


def _word_width(word: str, style: ParagraphStyle) -> float:
    return sum(stringWidth(run, font, style.fontSize) for font, run in font_runs(word, style.fontName))


def break_lines(text: str, width: float, style: ParagraphStyle) -> list[str]:
    """Greedy line breaking by word widths (unshaped widths, which are never narrower)."""
    space = stringWidth(" ", style.fontName, style.fontSize)
    lines: list[str] = []
    for logical in text.split("\n"):
        current: list[str] = []
        used = 0.0
        for word in logical.split():
            w = _word_width(word, style)
            if current and used + space + w > width:
                lines.append(" ".join(current))
                current, used = [], 0.0
            used += (space if current else 0.0) + w
            current.append(word)
        lines.append(" ".join(current))
    return lines


class BidiParagraph(Flowable):
    """A paragraph of user text holding right-to-left words, drawn in visual order."""

    def __init__(self, text: str, style: ParagraphStyle, to_markup) -> None:  # noqa: ANN001 - markup() callable
        super().__init__()
        self.text = text
        self.style = style
        self._to_markup = to_markup
        self._para: Paragraph | None = None
        self._width: float | None = None

    def _layout(self, avail_width: float) -> Paragraph:
        if self._para is None or self._width != avail_width:
            inner = avail_width - self.style.leftIndent - self.style.rightIndent
            base = base_direction(self.text)
            lines = break_lines(self.text, inner * 0.97, self.style)
            markup = "<br/>".join(self._to_markup(visual_line(line, base), self.style.fontName) for line in lines)
            align = TA_RIGHT if base == "RTL" and self.style.alignment == TA_LEFT else self.style.alignment
            style = ParagraphStyle(f"{self.style.name}-bidi", parent=self.style, shaping=1, alignment=align)
            self._para, self._width = Paragraph(markup, style), avail_width
        return self._para

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self._layout(avail_width).wrap(avail_width, avail_height)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return self._layout(avail_width).split(avail_width, avail_height)

    def draw(self) -> None:
        self._para.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return self.style.spaceAfter
