"""Right-to-left text (Arabic, Hebrew) in visual order, and shaping one font at a time.

ReportLab lays the words of a line out left to right (its own bidirectional support needs
``rlbidi``, which is not on PyPI; docs/pitfalls.md §2.3), so a line holding right-to-left letters is
put in visual order here by python-bidi (the Unicode bidirectional algorithm, with
isolates, brackets and mirroring), one line at a time. HarfBuzz, called by ReportLab for
each word of a shaped paragraph, joins the letters; it draws a right-to-left piece from
right to left, so each such piece is handed over in logical order (the visual order
reversed, mirrored characters pre-mirrored so that HarfBuzz's own mirroring restores them).
Nothing is guessed about punctuation: "محمد علي." in an English sentence ends with the full
stop on the right, and in an Arabic sentence on the left, as the algorithm says.

ReportLab shapes a word with the font of its first character. A word may mix fonts (a
name in brackets, Arabic letters followed by a full stop from Noto Sans), so
:func:`shape_word` shapes each single-font piece of a word on its own.

:class:`BidiParagraph` breaks a right-to-left text into lines itself (the order of a line's
words depends on which words share the line), then lays them out as one Paragraph.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import uharfbuzz
from bidi import get_display
from bidi.mirror import MIRRORED
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import paragraph as rl_paragraph

from homeassess.report.fonts import SANS, font_for, font_runs, needs_shaping

# ReportLab shapes with the optional "liga" and "dlig" features on, so "st" would become a
# ligature that copies and searches as "ﬆ". Arabic joining and lam-alef come from required
# features, which HarfBuzz applies regardless.
SHAPING_FEATURES = {"kern": True, "liga": False, "dlig": False}
_reportlab_shape = ttfonts.shapeFragWord

_RTL_CLASSES = {"R", "AL"}
_TAG = "\u2060"  # word joiner
_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


def base_direction(text: str) -> str:
    """``"RTL"`` when the first strongly directional letter is right-to-left and no fewer of the letters are
    right-to-left than left-to-right (a text written in Arabic or Hebrew), else ``"LTR"``. The reports are
    written in English: a value that begins with an Arabic name but is mostly Latin words and a phone
    number ("ليلى حداد (Layla Haddad), +61 3 9555 7788") reads left to right, the name in its place and
    the number as typed (right to left, the "+" would land after the number)."""
    first = ""
    rtl = ltr = 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            ltr += 1
        elif kind in _RTL_CLASSES:
            rtl += 1
        else:
            continue
        first = first or kind
    return "RTL" if first in _RTL_CLASSES and rtl >= ltr else "LTR"


@lru_cache(maxsize=4096)
def _drawn_right_to_left(piece: str) -> bool:
    """Whether HarfBuzz, guessing from the script as ReportLab asks it to, lays ``piece`` out right to left."""
    buffer = uharfbuzz.Buffer()
    buffer.add_str(piece)
    buffer.guess_segment_properties()
    return buffer.direction == "rtl"


def _for_harfbuzz(piece: str) -> str:
    """One single-font piece in visual order, as HarfBuzz must receive it to draw it in that order."""
    if not _drawn_right_to_left(piece):
        return piece
    return "".join(MIRRORED.get(ch, ch) for ch in reversed(piece))


def _token(visual: str, base_font: str) -> str:
    pieces: list[str] = []
    current: str | None = None
    for ch in visual:
        font = font_for(ch, base_font)
        if pieces and font == current:
            pieces[-1] += ch
        else:
            pieces.append(ch)
            current = font
    return "".join(_for_harfbuzz(p) for p in pieces)


def _tagged(line: str) -> str:
    """Each bracket-like character followed by a word joiner (bidi class BN: it moves with the
    character without changing any level), so the visual order shows which were reversed."""
    line = line.replace(_TAG, "")
    return "".join(ch + _TAG if unicodedata.mirrored(ch) else ch for ch in line)


def _mirrored(visual: str) -> str:
    """The visual line with reversed bracket-like characters mirrored ("(" drawn as ")"), tags removed.

    python-bidi orders but does not mirror: a tag still after its character was not reversed; a
    tag now in front of it was.
    """
    out: list[str] = []
    i = 0
    while i < len(visual):
        ch = visual[i]
        nxt = visual[i + 1] if i + 1 < len(visual) else ""
        if ch == _TAG and nxt and unicodedata.mirrored(nxt):
            out.append(MIRRORED.get(nxt, nxt))
            i += 2
        elif ch != _TAG:
            out.append(ch)
            i += 2 if nxt == _TAG and unicodedata.mirrored(ch) else 1
        else:
            i += 1
    return "".join(out)


def visual_line(line: str, base: str | None = None, base_font: str = SANS) -> str:
    """One line in the order it is drawn from left to right, each right-to-left word ready for HarfBuzz.

    ``base`` is the paragraph direction ("LTR" or "RTL"); by default the first strong character's.
    """
    if not has_rtl(line):
        return line
    direction = {"LTR": "L", "RTL": "R"}.get(base or base_direction(line), "L")
    visual = _mirrored(get_display(_tagged(line), base_dir=direction)).translate(_CONTROLS)
    out: list[str] = []
    word: list[str] = []
    for ch in visual:
        if ch.isspace():
            if word:
                out.append(_token("".join(word), base_font))
                word = []
            out.append(ch)
        else:
            word.append(ch)
    if word:
        out.append(_token("".join(word), base_font))
    return "".join(out)


def visual_text(text: str, base_font: str = SANS) -> str:
    """A short value (a name, an address) in visual order, for a left-to-right sentence around it."""
    if not has_rtl(text):
        return text
    return "\n".join(visual_line(line, "LTR", base_font) for line in text.split("\n"))


def _pieces(word: list) -> list[list]:  # ReportLab's frag word: [width, (frag, text), ...]
    """A frag word cut where the font changes, each piece with its own width."""
    pieces: list[list] = []
    current = None
    for frag, text in word[1:]:
        if not text:
            continue
        if hasattr(frag, "cbDefn") or current is None or frag.fontName != current:
            pieces.append([0.0])
            current = None if hasattr(frag, "cbDefn") else frag.fontName
        pieces[-1].append((frag, text))
        pieces[-1][0] += stringWidth(text, frag.fontName, frag.fontSize) if not hasattr(frag, "cbDefn") else 0.0
    return pieces


def _shape(word):  # a frag word
    """ReportLab's shaper for a piece in a script that needs it. Other pieces are left as they are:
    a shaped glyph copies as the first character the font maps to it, and a CJK font maps some
    ideographs and their Kangxi radicals (小, ⼩) to one glyph."""
    text = "".join(t for frag, t in word[1:] if not hasattr(frag, "cbDefn"))
    return _reportlab_shape(word, SHAPING_FEATURES) if needs_shaping(text) else word


def shape_word(word, features=None, force=False):  # ReportLab's signature
    """ReportLab's shaper, applied to each single-font piece of the word."""
    if isinstance(word, ttfonts.ShapedFragWord):
        return word
    fonts = {frag.fontName for frag, _ in word[1:] if not hasattr(frag, "cbDefn")}
    if len(fonts) <= 1:
        return _shape(word)
    shaped = [_shape(list(piece)) for piece in _pieces(word)]
    kind = ttfonts.makeShapedFragWord(word) if any(isinstance(s, ttfonts.ShapedFragWord) for s in shaped) else word.__class__
    merged = kind([sum(s[0] for s in shaped)])
    for s in shaped:
        merged.extend(tuple(item) for item in s[1:])
    return merged


rl_paragraph.shapeFragWord = shape_word


def _width(text: str, style: ParagraphStyle) -> float:
    return sum(stringWidth(run, font, style.fontSize) for font, run in font_runs(text, style.fontName))


def _cut(word: str, width: float, style: ParagraphStyle) -> list[str]:
    """A word wider than the line, in pieces that fit (never cutting before a combining mark)."""
    pieces, start, used = [], 0, 0.0
    for i, ch in enumerate(word):
        w = _width(ch, style)
        if used + w > width and i > start and not unicodedata.combining(ch):
            pieces.append(word[start:i])
            start, used = i, 0.0
        used += w
    pieces.append(word[start:])
    return pieces


def break_lines(text: str, width: float, style: ParagraphStyle) -> list[str]:
    """Greedy line breaking by word widths (unshaped widths, which are never narrower)."""
    space = stringWidth(" ", style.fontName, style.fontSize)
    lines: list[str] = []
    for logical in text.split("\n"):
        current: list[str] = []
        used = 0.0
        for whole in logical.split():
            w = _width(whole, style)
            for word in _cut(whole, width, style) if w > width else [whole]:
                w = _width(word, style) if word is not whole else w
                if current and used + space + w > width:
                    lines.append(" ".join(current))
                    current, used = [], 0.0
                used += (space if current else 0.0) + w
                current.append(word)
        lines.append(" ".join(current))
    return lines


class BidiParagraph(Flowable):
    """A paragraph of user text holding right-to-left words, drawn in visual order."""

    def __init__(self, text: str, style: ParagraphStyle, to_markup) -> None:  # markup() callable
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
            font = self.style.fontName
            markup = "<br/>".join(self._to_markup(visual_line(line, base, font), font) for line in lines)
            # A right-to-left paragraph reads from the right edge; a one-line value (a name beside its label in an
            # English table) stays at the left, beside its label, as the other values do.
            align = TA_RIGHT if base == "RTL" and self.style.alignment == TA_LEFT and len(lines) > 1 else self.style.alignment
            style = ParagraphStyle(f"{self.style.name}-bidi", parent=self.style, shaping=1, alignment=align)
            self._para, self._width = Paragraph(markup, style), avail_width
        return self._para

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # kept on the flowable too: a table splitting a cell reads the height of its flowables
        self.width, self.height = self._layout(avail_width).wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        avail_width = self._width or avail_width  # the width it was laid out at (see TextBlock.split)
        parts = self._layout(avail_width).split(avail_width, avail_height)
        self._para = None  # ReportLab's split leaves the paragraph's layout unusable
        return parts

    def draw(self) -> None:
        if self._para is not None:  # None only after a split, and a split piece is never drawn
            self._para.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # ReportLab's name
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # ReportLab's name
        return self.style.spaceAfter
