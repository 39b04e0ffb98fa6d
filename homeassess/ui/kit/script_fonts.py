"""The bundled fonts for scripts other than Latin, offered to Qt's font fallback.

A client's name or address may be in any script (README, docs/reports.md). The reports embed the bundled
Noto fonts; the window draws with the system's fonts, and a laptop without a Korean, Thai or Ethiopic font
showed "김민준" as three boxes in the home list. Registering the bundled script fonts as application fonts
lets Qt's fallback find every glyph there too; the interface's own font is unchanged.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from homeassess.domain.data_files import resources_dir

SCRIPT_FONTS = "NotoSans?*-Regular.ttf"  # Arabic, Bengali, CJK (with Hangul), Devanagari, Ethiopic, Hebrew, Thai


def register_script_fonts() -> list[str]:
    """Add the bundled script fonts to the application's fonts (about 20 ms); the families added."""
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob(SCRIPT_FONTS)):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families
