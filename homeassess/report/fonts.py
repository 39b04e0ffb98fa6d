"""The bundled fonts, and which one draws each character of a user's text.

The built-in PDF fonts cannot draw most names (pitfalls §2.2), so every report uses
TrueType fonts bundled under ``resources/fonts``: DejaVu Sans (Latin, Greek,
Cyrillic, Arabic, Hebrew, many symbols and monochrome emoji) and Droid Sans Fallback
(Chinese, Japanese, Korean). Registration happens once per process.

:func:`font_runs` splits a string into runs of characters that one font draws. A
character neither font has (and every emoji) becomes :data:`PLACEHOLDER`, drawn in DejaVu,
so a report shows where something could not be printed instead of an empty box, and
never fails.
"""

from __future__ import annotations

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
SANS_ITALIC = "HA-Sans-Oblique"
CJK = "HA-CJK"

PLACEHOLDER = "\ufffd"  # the Unicode replacement character, drawn by DejaVu as a diamond with "?"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}

# Invisible formatting characters (joiners, variation selectors, direction marks) are dropped
# rather than shown as a placeholder when no font has them.
_DROPPABLE_CATEGORIES = {"Cf", "Mn", "Me"}

# Scripts that need glyph shaping (joining, reordering) and right-to-left layout.
_SHAPED_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))

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
        for name, file_name in _FILES.items():
            try:
                font = pdfmetrics.getFont(name)
            except KeyError:
                font = TTFont(name, str(folder / file_name))
                pdfmetrics.registerFont(font)
            coverage[name] = frozenset(font.face.charToGlyph)
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD)
        addMapping(CJK, 0, 0, CJK)
        addMapping(CJK, 1, 0, CJK)
        addMapping(CJK, 0, 1, CJK)
        addMapping(CJK, 1, 1, CJK)
        return FontSet(coverage)


def normalise(text: str) -> str:
    """NFC, tabs as spaces, Windows and old Mac line ends as ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return unicodedata.normalize("NFC", text)


def needs_shaping(text: str) -> bool:
    """True when the text holds Arabic, Hebrew or another script ReportLab must shape."""
    return any(low <= ord(ch) <= high for ch in text for low, high in _SHAPED_RANGES)


def _font_for(char: str, fonts: FontSet, base: str) -> str | None:
    """The font that draws ``char``: the paragraph's own font first, then the fallbacks.

    Characters beyond the Basic Multilingual Plane (emoji, rare CJK) count as undrawable even
    where DejaVu has a glyph: ReportLab 5.1 writes their text mapping as an odd-length hex
    string, so they would be neither searchable nor valid in strict readers.
    """
    if ord(char) > 0xFFFF:
        return None
    for name in (base, SANS, CJK):
        if fonts.covers(name, char):
            return name
    return None


def font_runs(text: str, base: str = SANS) -> Iterator[tuple[str, str]]:
    """Yield ``(font name, text)`` runs; ``\\n`` stays in the text for the caller to handle.

    Characters no bundled font draws become :data:`PLACEHOLDER` (or vanish, if they are
    invisible formatting characters such as a zero-width joiner).
    """
    fonts = register_fonts()
    current: str | None = None
    buffer: list[str] = []
    for char in normalise(text):
        if char == "\n":
            font = current or base
        elif unicodedata.category(char) == "Cc":
            continue
        else:
            font = _font_for(char, fonts, base)
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
    fonts = register_fonts()
    return [
        ch
        for ch in normalise(text)
        if ch != "\n"
        and unicodedata.category(ch) not in _DROPPABLE_CATEGORIES | {"Cc"}
        and _font_for(ch, fonts, SANS) is None
    ]
