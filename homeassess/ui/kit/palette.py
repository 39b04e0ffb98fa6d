"""The one palette: the window's colours in the light and the dark scheme, verdict and status colours included.

The window follows the system's light or dark scheme (``QStyleHints.colorScheme``) and changes with
it. Every colour that carries meaning (a verdict, a refusal, a dismissed recommendation) is a
``Tone`` here, never a colour written into a widget, and every tone reads at WCAG AA (4.5:1 or
more) against each background of its scheme (tests/ui/test_palette.py computes the ratios). The
words and symbols beside the colour say the same thing, so nothing is told by colour alone.

The backgrounds are set here too (``apply``): a contrast is only known against a known background.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from homeassess.domain.verdicts import Verdict


class Scheme(Enum):
    LIGHT = "light"
    DARK = "dark"


class Tone(Enum):
    """A colour that means something; the same tone in both schemes, each readable on its background."""

    MEETS = "meets"
    FAILS = "fails"
    ADVISORY = "advisory"
    NOT_APPLICABLE = "not applicable"
    IMPLAUSIBLE = "implausible"
    REFUSED = "refused"  # a value or a form that was not saved, and its field's border
    MUTED = "muted"  # read but set aside: a dismissed recommendation, a placeholder


@dataclass(frozen=True)
class SchemeColours:
    window: str  # dialogs, labels, the checklist page
    base: str  # fields, lists and tables
    alternate_base: str  # every other row of a table
    text: str
    button: str
    mid: str  # frames and rules
    highlight: str
    highlighted_text: str
    link: str
    tones: dict[Tone, str]

    @property
    def backgrounds(self) -> dict[str, str]:
        return {"window": self.window, "base": self.base, "alternate base": self.alternate_base, "button": self.button}


SCHEMES = {
    Scheme.LIGHT: SchemeColours(
        window="#f5f5f5", base="#ffffff", alternate_base="#ececec", text="#1b1b1b", button="#ececec",
        mid="#b0b0b0", highlight="#0b57d0", highlighted_text="#ffffff", link="#0b57d0",
        tones={Tone.MEETS: "#1b6e20", Tone.FAILS: "#b71c1c", Tone.ADVISORY: "#8a4b00",
               Tone.NOT_APPLICABLE: "#595959", Tone.IMPLAUSIBLE: "#b71c1c", Tone.REFUSED: "#b71c1c",
               Tone.MUTED: "#5f5f5f"},
    ),
    Scheme.DARK: SchemeColours(
        window="#1f2023", base="#16171a", alternate_base="#292a2e", text="#e8eaed", button="#292a2e",
        mid="#5f6368", highlight="#8ab4f8", highlighted_text="#0b1a33", link="#8ab4f8",
        tones={Tone.MEETS: "#7fd88a", Tone.FAILS: "#ff8a80", Tone.ADVISORY: "#ffc56b",
               Tone.NOT_APPLICABLE: "#b8bcc2", Tone.IMPLAUSIBLE: "#ff8a80", Tone.REFUSED: "#ff8a80",
               Tone.MUTED: "#a9adb3"},
    ),
}
VERDICT_TONES = {
    Verdict.MEETS: Tone.MEETS,
    Verdict.FAILS: Tone.FAILS,
    Verdict.ADVISORY: Tone.ADVISORY,
    Verdict.NOT_APPLICABLE: Tone.NOT_APPLICABLE,
    Verdict.IMPLAUSIBLE: Tone.IMPLAUSIBLE,
}


def qt_palette(scheme: Scheme) -> QPalette:
    c = SCHEMES[scheme]
    palette = QPalette()
    roles = {
        QPalette.Window: c.window, QPalette.WindowText: c.text, QPalette.Base: c.base,
        QPalette.AlternateBase: c.alternate_base, QPalette.Text: c.text, QPalette.Button: c.button,
        QPalette.ButtonText: c.text, QPalette.ToolTipBase: c.base, QPalette.ToolTipText: c.text,
        QPalette.PlaceholderText: c.tones[Tone.MUTED], QPalette.Highlight: c.highlight,
        QPalette.HighlightedText: c.highlighted_text, QPalette.Link: c.link, QPalette.Mid: c.mid,
        QPalette.BrightText: c.tones[Tone.FAILS],
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):  # disabled, but still readable
        palette.setColor(QPalette.Disabled, role, QColor(c.tones[Tone.MUTED]))
    return palette


def system_scheme() -> Scheme:
    from PySide6.QtCore import Qt  # here: importing it builds PySide's ~1,200 Qt enum members (docs/startup.md)

    hints = QGuiApplication.styleHints()
    return Scheme.DARK if hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark else Scheme.LIGHT


class Theme(QObject):
    """The scheme the window shows; ``changed`` when the system switches (views that drew a tone redraw)."""

    changed = Signal(object)  # the new Scheme

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scheme = Scheme.LIGHT
        self._following = False

    def follow_system(self) -> None:
        """Show the system's scheme now and whenever it changes."""
        if not self._following:
            self._following = True
            QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        self.apply(system_scheme())

    def _system_changed(self, _scheme: object) -> None:
        self.apply(system_scheme())

    def apply(self, scheme: Scheme) -> None:
        self.scheme = scheme
        QApplication.setPalette(qt_palette(scheme))
        self.changed.emit(scheme)

    def colour(self, tone: Tone) -> str:
        return SCHEMES[self.scheme].tones[tone]


_THEME: Theme | None = None


def theme() -> Theme:
    """The application's one Theme (light until ``follow_system`` or ``apply`` says otherwise)."""
    global _THEME
    if _THEME is None:
        _THEME = Theme(QApplication.instance())
    return _THEME


def colour(tone: Tone) -> str:
    """The tone in the scheme shown now, as "#rrggbb" for a style sheet or rich text."""
    return theme().colour(tone)


class _ToneStyle(QObject):
    """A widget's style sheet in a tone, written again when the scheme changes (a child of the widget, so the
    connection goes with it)."""

    def __init__(self, widget: QWidget, tone: Tone | None, extra: str) -> None:
        super().__init__(widget)
        self.widget, self.tone, self.extra = widget, tone, extra
        self.restyle()
        theme().changed.connect(self.restyle)

    def restyle(self, _scheme: object = None) -> None:
        colour_rule = f"color: {colour(self.tone)}; " if self.tone is not None else ""
        self.widget.setStyleSheet(colour_rule + self.extra)


def show_in_tone(widget: QWidget, tone: Tone | None, extra: str = "") -> None:
    """Style ``widget``'s text in ``tone`` (None: the scheme's own text colour) plus ``extra`` CSS, in the scheme
    shown now and in any the system switches to while the widget is open (a dialog's message, say)."""
    for old in widget.findChildren(_ToneStyle):
        theme().changed.disconnect(old.restyle)
        old.setParent(None)
        old.deleteLater()
    _ToneStyle(widget, tone, extra)
