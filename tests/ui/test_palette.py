"""Light and dark: the window follows the system scheme, and every verdict and status colour reads at WCAG AA."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from homeassess.ui.kit.palette import SCHEMES, Scheme, Tone, theme
from tests.ui.conftest import create_assessment

AA = 4.5


def luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of "#rrggbb"."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_wcag_reference_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the grey that famously fails AA


@pytest.mark.parametrize("scheme", list(Scheme))
def test_every_tone_and_the_text_read_at_aa_on_every_background(scheme):
    colours = SCHEMES[scheme]
    assert set(colours.tones) == set(Tone)
    too_faint = [
        (name, where, round(contrast(fg, bg), 2))
        for name, fg in [*((t.value, c) for t, c in colours.tones.items()), ("text", colours.text), ("link", colours.link)]
        for where, bg in colours.backgrounds.items()
        if contrast(fg, bg) < AA
    ]
    assert too_faint == []
    assert contrast(colours.highlighted_text, colours.highlight) >= AA


@pytest.fixture
def light_again():
    yield
    theme().apply(Scheme.LIGHT)


class FakeStyleHints(QObject):
    """The system's style hints, switched by the test as a clinician switches the desktop to dark."""

    colorSchemeChanged = Signal(Qt.ColorScheme)  # Qt's name

    def __init__(self) -> None:
        super().__init__()
        self.scheme = Qt.ColorScheme.Light

    def colorScheme(self) -> Qt.ColorScheme:  # Qt's name
        return self.scheme


def test_the_window_follows_the_system_into_dark_and_its_verdicts_stay_readable(
        qtbot, window, workspace, monkeypatch, light_again):
    hints = FakeStyleHints()
    monkeypatch.setattr(QGuiApplication, "styleHints", staticmethod(lambda: hints))
    theme().follow_system()
    window.open_assessment(create_assessment(workspace, rooms=("entrance",)))
    door = window.assessment.checklist.rows["door_clear_width"]
    door.editor.setFocus()
    qtbot.keyClicks(door.editor, "28")
    qtbot.keyClick(door.editor, Qt.Key_Return)
    light = SCHEMES[Scheme.LIGHT]
    assert light.tones[Tone.FAILS] in door.verdict.text()

    hints.scheme = Qt.ColorScheme.Dark
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop switched

    dark = SCHEMES[Scheme.DARK]
    door = window.assessment.checklist.rows["door_clear_width"]  # the room is drawn again
    qtbot.waitUntil(lambda: door.verdict.palette().color(QPalette.Window).name() == dark.window)
    page = dark.window
    assert QApplication.palette().color(QPalette.Base).name() == dark.base
    assert "Fails" in door.verdict.text() and dark.tones[Tone.FAILS] in door.verdict.text()
    assert light.tones[Tone.FAILS] not in door.verdict.text()
    assert contrast(dark.tones[Tone.FAILS], page) >= AA
    assert door.editor.text() == "28"  # redrawn from the store, nothing lost


def test_read_only_text_stays_readable_in_both_schemes(light_again):
    for scheme in Scheme:
        theme().apply(scheme)
        palette = QApplication.palette()
        greyed = palette.color(QPalette.Disabled, QPalette.Text).name()
        assert contrast(greyed, palette.color(QPalette.Base).name()) >= AA
        assert contrast(greyed, palette.color(QPalette.Window).name()) >= AA


def test_an_open_dialogs_message_takes_the_new_schemes_colour(qtbot, workspace, judge, light_again):
    from homeassess.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(workspace.settings.load(), judge.standards)
    qtbot.addWidget(dialog)
    dialog.message.setText("Width margin: must be 0 or more")  # a refusal as the clinician reads it
    assert SCHEMES[Scheme.LIGHT].tones[Tone.REFUSED] in dialog.message.styleSheet()

    theme().apply(Scheme.DARK)  # the desktop switched while the dialog is open

    dark_red = SCHEMES[Scheme.DARK].tones[Tone.REFUSED]
    assert dark_red in dialog.message.styleSheet()
    assert contrast(dark_red, SCHEMES[Scheme.DARK].window) >= AA
