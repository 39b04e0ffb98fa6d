"""A date typed as people write it, or left empty: no special text standing in for "none", no calendar at 1900.

``DateField`` is a plain text field. It reads "14 Mar 1948", "14 March 1948", "1948-03-14" and the
numeric form of the clinician's locale ("3/14/1948" in the US, "14/03/1948" elsewhere); on leaving
the field a readable date is shown back as "14 Mar 1948", so what was understood is plain. Empty
means not recorded. A date that cannot be read is refused by ``date()`` with the field named.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QLineEdit, QWidget

from homeassess.ui.kit.text_limits import limit_line

SHOWN = "dd MMM yyyy"
WORDED = ("d MMM yyyy", "d MMMM yyyy", "MMM d yyyy", "MMMM d yyyy", "yyyy-MM-dd", "d-MMM-yyyy")


class UnreadableDate(ValueError):
    """A typed date that cannot be read; the message names the field and gives an example."""


def numeric_formats(locale: QLocale) -> tuple[str, ...]:
    """The locale's own day, month and year order, with a four-digit year."""
    short = locale.dateFormat(QLocale.ShortFormat)
    month_first = short.lower().find("m") < short.lower().find("d")
    ordered = ("M/d/yyyy", "M-d-yyyy", "M.d.yyyy") if month_first else ("d/M/yyyy", "d-M-yyyy", "d.M.yyyy")
    return (*ordered, short)


def read_date(text: str, locale: QLocale | None = None) -> date | None:
    """The date in ``text`` (None when empty); raises UnreadableDate when it is not a date."""
    cleaned = " ".join(text.replace(",", " ").split())
    if not cleaned:
        return None
    english = QLocale(QLocale.English, QLocale.UnitedStates)
    for fmt in WORDED + numeric_formats(locale or QLocale()):
        for reader in (english, locale or QLocale()):
            parsed = reader.toDate(cleaned, fmt)
            if parsed.isValid() and parsed.year() >= 1000:
                return date(parsed.year(), parsed.month(), parsed.day())
    raise UnreadableDate("not a date")


class DateField(QLineEdit):
    def __init__(self, label: str, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        limit_line(self, 40)
        self.label = label
        example = QDate(1948, 3, 14)
        numeric = example.toString(numeric_formats(QLocale())[0])
        self.setToolTip(f"Type the date, e.g. 14 Mar 1948 or {numeric}; leave it empty if not recorded.")
        self.setAccessibleDescription(self.toolTip())
        self.set_date(value)
        self.editingFinished.connect(self._tidy)

    def set_date(self, value: date | None) -> None:
        self.setText("" if value is None else QDate(value).toString(SHOWN))

    def date(self) -> date | None:
        """The date typed, or None when empty; raises UnreadableDate naming the field."""
        try:
            return read_date(self.text())
        except UnreadableDate:
            raise UnreadableDate(f"{self.label}: this is not a date that can be read; type it like 14 Mar 1948.") from None

    def _tidy(self) -> None:
        try:
            value = read_date(self.text())
        except UnreadableDate:
            return  # left as typed; refused with a sentence when the form is saved
        self.set_date(value)
