"""The one way user text reaches a ReportLab Paragraph.

ReportLab parses paragraph text as markup: an unescaped ``<b>`` breaks the build and an
``<img src="/a/local/file"/>`` is read from disk and embedded (pitfalls §2.1). So every
string that came from a person (names, addresses, notes, captions, wording edited in
the program) goes through :func:`markup`: NFC, XML-escaped, line breaks as ``<br/>``,
and wrapped in ``<font>`` runs so each character is drawn by a font that has it.
Markup itself is only ever built from constants in this package: :func:`compose` fills
a constant template with escaped values, and :func:`para` builds the Paragraph, turning
on glyph shaping (Arabic, Hebrew) only when the text needs it.
"""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from homeassess.report.bidi import BidiParagraph, has_rtl, visual_text
from homeassess.report.fonts import SANS, font_runs, needs_shaping, normalise


def markup(text: object, base_font: str = SANS) -> str:
    """Safe paragraph markup for one user value (``None`` prints as an empty string)."""
    if text is None:
        return ""
    pieces = []
    for font, run in font_runs(str(text), base_font):
        safe = escape(run).replace("\n", "<br/>")
        pieces.append(safe if font == base_font else f'<font name="{font}">{safe}</font>')
    return "".join(pieces)


class SafeMarkup(str):
    """Markup that is already safe: a constant, or the output of :func:`compose`."""


def compose(template: str, /, base_font: str = SANS, **values: object) -> SafeMarkup:
    """Fill a constant markup ``template`` (``"<b>Name:</b> {name}"``) with escaped user values.

    A value that is already :class:`SafeMarkup` is inserted as is. Right-to-left words in a
    value are put in visual order here, so values should be short (a name, a date, an address).
    """
    safe = {
        k: v
        if isinstance(v, SafeMarkup)
        else markup(visual_text(normalise(str(v))) if v is not None else None, base_font)
        for k, v in values.items()
    }
    return SafeMarkup(template.format(**safe))


@lru_cache(maxsize=64)
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


def para(content: object, style: ParagraphStyle) -> Flowable:
    """A Paragraph of user text (escaped here) or of :class:`SafeMarkup` (used as is)."""
    if isinstance(content, SafeMarkup):
        text = str(content)
        return Paragraph(text, _shaped(style) if needs_shaping(text) else style)
    plain = normalise("" if content is None else str(content))
    if has_rtl(plain):
        return BidiParagraph(plain, style, markup)
    return Paragraph(markup(plain, style.fontName), style)
