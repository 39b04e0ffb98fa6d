"""The bundled fonts, and which one draws each character of a user's text.

The built-in PDF fonts cannot draw most names (docs/pitfalls.md §2.2), so every report uses the
OFL Noto TrueType fonts bundled under ``resources/fonts`` (see its README.md): Noto Sans
(Latin including Vietnamese, Greek, Cyrillic) in regular, bold and italic, then one face
each for Arabic, Hebrew, Thai, Devanagari, Bengali and Ethiopic, Noto Sans CJK SC for
Chinese, Japanese and Korean, and two small symbol sets (arrows and mathematical
operators; ticks, boxes and other dingbats). ReportLab embeds only the glyphs a report
uses. Registration happens once per process.

:func:`font_runs` splits a string into runs of characters that one font draws: the
paragraph's own font first, then Noto Sans, then the fallbacks in the order above. A
character no bundled font has (emoji included) becomes :data:`PLACEHOLDER`, so a report
shows where something could not be printed instead of an empty box, and never fails.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from homeassess.domain.data_files import resources_dir

SANS = "HA-Sans"
SANS_BOLD = "HA-Sans-Bold"
SANS_ITALIC = "HA-Sans-Italic"
ARABIC = "HA-Arabic"
HEBREW = "HA-Hebrew"
THAI = "HA-Thai"
DEVANAGARI = "HA-Devanagari"
BENGALI = "HA-Bengali"
ETHIOPIC = "HA-Ethiopic"
CJK = "HA-CJK"
MATH = "HA-Math"
SYMBOLS = "HA-Symbols"

PLACEHOLDER = "\ufffd"  # the Unicode replacement character, drawn by Noto Sans as a diamond with "?"

FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    SANS_ITALIC: "NotoSans-Italic.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    HEBREW: "NotoSansHebrew-Regular.ttf",
    THAI: "NotoSansThai-Regular.ttf",
    DEVANAGARI: "NotoSansDevanagari-Regular.ttf",
    BENGALI: "NotoSansBengali-Regular.ttf",
    ETHIOPIC: "NotoSansEthiopic-Regular.ttf",
    CJK: "NotoSansCJKsc-Regular.ttf",
    MATH: "NotoSansMath-Regular-subset.ttf",
    SYMBOLS: "NotoSansSymbols2-Regular-subset.ttf",
}
FALLBACKS = (SANS, ARABIC, HEBREW, THAI, DEVANAGARI, BENGALI, ETHIOPIC, CJK, MATH, SYMBOLS)

# Invisible formatting characters (joiners, variation selectors, direction marks) are dropped
# rather than shown as a placeholder when no font has them.
_DROPPABLE_CATEGORIES = {"Cf", "Mn", "Me"}

# Scripts whose letters HarfBuzz must shape: right-to-left joining (Hebrew, Arabic), Indic
# reordering and conjuncts (Devanagari, Bengali), Thai mark placement, and combining accents.
_SHAPED = re.compile("[\u0300-\u036f\u0590-\u08ff\u0900-\u09ff\u0e00-\u0e7f\ufb1d-\ufdff\ufe70-\ufeff]")

_lock = threading.Lock()


@dataclass(frozen=True)
class FontSet:
    """The registered fonts: name -> the set of code points it draws."""

    coverage: dict[str, frozenset[int]]

    def covers(self, font_name: str, char: str) -> bool:
        return ord(char) in self.coverage[font_name]


@lru_cache(maxsize=1)
def register_fonts() -> FontSet:
    """Register the bundled fonts with ReportLab (idempotent, thread-safe)."""
    with _lock:
        folder = resources_dir() / "fonts"
        coverage: dict[str, frozenset[int]] = {}
        # Not getFont() to ask: for a name not registered yet it parses every Type 1 metrics file on
        # ReportLab's search path (636 on a Debian machine with Ghostscript: seconds before the first report).
        registered = set(pdfmetrics.getRegisteredFontNames())
        for name, file_name in FILES.items():
            if name in registered:
                font = pdfmetrics.getFont(name)
            else:
                font = TTFont(name, str(folder / file_name))
                pdfmetrics.registerFont(font)
            # A snapshot: shaping later adds private-use entries for glyphs that have no character.
            coverage[name] = frozenset(c for c in font.face.charToGlyph if not 0xE000 <= c <= 0xF8FF)
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD)
        for name in FALLBACKS[1:]:  # one face each: <b> and <i> inside a run keep that face
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
        return FontSet(coverage)


MAX_MARKS = 4  # combining marks stacked on one letter; more, and a dotted circle carries the next ones
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
_MARK_RUN = re.compile(f"[{_MARKS}]{{{MAX_MARKS + 1},}}")


def _stacked(run: re.Match[str]) -> str:
    marks = run.group(0)
    return "\u25cc".join(marks[i : i + MAX_MARKS] for i in range(0, len(marks), MAX_MARKS))


def normalise(text: str) -> str:
    """NFC, tabs as spaces, Windows and old Mac line ends as ``\\n``; a pile of combining marks
    (a hostile "Zalgo" text would stack hundreds above one letter, off the page) is split into
    stacks of MAX_MARKS, each on a dotted circle. No character is dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _MARK_RUN.sub(_stacked, unicodedata.normalize("NFC", text))


def needs_shaping(text: str) -> bool:
    """True when the text holds Arabic, Hebrew, an Indic script, Thai or combining accents."""
    return _SHAPED.search(text) is not None


@lru_cache(maxsize=8192)
def font_for(char: str, base: str = SANS) -> str | None:
    """The font that draws ``char``: the paragraph's own font first, then the fallbacks.

    Characters beyond the Basic Multilingual Plane (emoji, rare CJK) count as undrawable:
    ReportLab 5.1 writes their text mapping as an odd-length hex string, so they would be
    neither searchable nor valid in strict readers.
    """
    if ord(char) > 0xFFFF:
        return None
    fonts = register_fonts()
    if fonts.covers(base, char):
        return base
    for name in FALLBACKS:
        if fonts.covers(name, char):
            return name
    return None


def font_runs(text: str, base: str = SANS) -> Iterator[tuple[str, str]]:
    """Yield ``(font name, text)`` runs; ``\\n`` stays in the current run.

    Characters no bundled font draws become :data:`PLACEHOLDER` (or vanish, if they are
    invisible formatting characters such as a zero-width joiner). The text is expected to
    be normalised already (:func:`normalise`).
    """
    current: str | None = None
    buffer: list[str] = []
    font: str | None
    for char in text:
        if char == "\n":
            font = current or base
        elif unicodedata.category(char) == "Cc":
            continue
        else:
            font = font_for(char, base)
            if font is None:
                if unicodedata.category(char) in _DROPPABLE_CATEGORIES:
                    continue
                char, font = PLACEHOLDER, SANS
        if font != current and buffer:
            yield current or base, "".join(buffer)
            buffer = []
        current = font
        buffer.append(char)
    if buffer:
        yield current or base, "".join(buffer)


def undrawable(text: str) -> list[str]:
    """The visible characters of ``text`` that no bundled font draws (for warnings)."""
    return [
        ch
        for ch in normalise(text)
        if ch != "\n" and unicodedata.category(ch) not in _DROPPABLE_CATEGORIES | {"Cc"} and font_for(ch) is None
    ]
