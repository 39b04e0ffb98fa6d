"""Names in any script read in the window, not as boxes, on a system without fonts for them (a try-out's Korean
client showed as three boxes in the home list under a desktop without a Korean font)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from homeassess.ui.kit.script_fonts import register_script_fonts

NAMES = ["김민준", "สมชาย ใจดี", "ሰላም ተስፋዬ", "अनन्या शर्मा", "রহিম", "محمد علي", "רחל בן-דוד", "王小明"]


def _drawn(qtbot, text: str):
    label = QLabel(text)
    qtbot.addWidget(label)
    label.resize(240, 40)
    return label.grab().toImage()


def test_the_bundled_script_fonts_are_offered_to_the_window():
    families = register_script_fonts()
    for family in ("Noto Sans CJK SC", "Noto Sans Thai", "Noto Sans Ethiopic", "Noto Sans Devanagari",
                   "Noto Sans Bengali", "Noto Sans Arabic", "Noto Sans Hebrew"):
        assert family in families


@pytest.mark.parametrize("name", NAMES)
def test_a_name_in_any_script_is_drawn_with_its_own_glyphs(qtbot, name):
    register_script_fonts()
    missing = "\U000F0000" * len(name)  # a private-use character no font has: drawn as boxes
    assert _drawn(qtbot, name) != _drawn(qtbot, missing)
