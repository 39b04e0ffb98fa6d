"""One installed item on the Follow-up tab: what was found, who installed it, its as-installed checks and photos.

The card only lays out and shows an ``InstalledItem``; the tab (follow_up_view.py) saves what is
typed or chosen through the operation path and shows the stored item back. The reason and its
note take input only while the status needs a reason (partly done, not done). Each check is a
field with its verdict beside it, in words and a symbol with the palette's verdict colour.
A final follow-up shows the same values as read-only text.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from homeassess.domain.as_installed import target_text
from homeassess.domain.follow_up import CheckResult, InstalledItem
from homeassess.domain.units import UnitSystem
from homeassess.domain.verdicts import Verdict
from homeassess.domain.vocabulary import InstallStatus, NotDoneReason
from homeassess.ui.kit.date_field import DateField
from homeassess.ui.kit.palette import Tone, colour
from homeassess.ui.kit.read_only import show_read_only
from homeassess.ui.kit.text_limits import limit_line
from homeassess.ui.kit.wheel_guard import guard_wheel
from homeassess.ui.visit.verdict_text import verdict_span

LABEL_WIDTH = 150  # px
THUMB = 96  # px, the longer side of a before or after thumbnail
SHOWN_THUMBS = 3  # a row never widens the window: the photo strip of the visit shows them all


def check_html(result: CheckResult, system: UnitSystem = UnitSystem.IMPERIAL) -> str:
    """"✗ Fails: Grab bar installed at 38 in: specified 33–36 in…" with its correction; the target while unmeasured
    (in the visit's units)."""
    if not result.measured:
        c = result.check
        target = target_text(c.reading, c.low, c.high, c.measured_to, system)
        return f'<span style="color:{colour(Tone.MUTED)}">Specified: {html.escape(target)}</span>'

    shown = verdict_span(result.verdict, f"{result.verdict.label}: {result.message}" if result.message else result.verdict.label)
    if result.correction and result.verdict is Verdict.FAILS:
        shown += f"<br/><small>Correction: {html.escape(result.correction)}</small>"
    return shown


def refused_html(sentence: str) -> str:
    return f'<span style="color:{colour(Tone.REFUSED)}; font-weight:600">✗ {html.escape(sentence)}</span> <i>(not saved)</i>'


class InstalledItemCard(QGroupBox):
    def __init__(self, item: InstalledItem, read_only: bool, system: UnitSystem = UnitSystem.IMPERIAL,
                 parent: QWidget | None = None) -> None:
        super().__init__(f"{item.room_name} — {item.title}".replace("&", "&&"), parent)  # an "&" is shown, not a key
        self.installation_id = item.installation_id
        self.title_text = item.title
        self.read_only = read_only
        self.system = system
        name = item.title
        self.specification = QLabel(f"<small>{html.escape(item.specification)}</small>")
        self.specification.setWordWrap(True)  # wraps, never widens the window
        self.status = self._combo(f"Status of {name}", [(s.label, s.value) for s in InstallStatus])
        self.reason = self._combo(f"Why not done: {name}", [("", ""), *((r.label, r.value) for r in NotDoneReason)])
        self.reason_note = self._line(f"Reason note for {name}", "what was said, by whom")
        self.installed_on = DateField("Installed on")
        self.installed_on.setAccessibleName(f"Installed on, {name}")
        self.installed_by = self._line(f"Installed by, {name}", "builder, landlord, family…")
        self.note = self._line(f"Note on {name}", "observations")
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(f"Message about {name}")
        self.message.hide()
        self.checks: dict[str, tuple[QLineEdit, QLabel]] = {}
        self.add_photo = QPushButton("Add after photo…")
        self.add_photo.setAccessibleName(f"Add an after photo of {name}")
        self.before = _thumb_row(f"Before photos of {name}")
        self.after = _thumb_row(f"After photos of {name}")

        grid = QGridLayout(self)
        grid.setColumnMinimumWidth(0, LABEL_WIDTH)  # the same label column in every card
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.addWidget(self.specification, 0, 0, 1, 4)
        self._pair(grid, 1, 0, "Status:", self.status)
        self._pair(grid, 1, 2, "Reason:", self.reason)
        self._pair(grid, 2, 2, "Reason note:", self.reason_note)
        self._pair(grid, 2, 0, "Installed on:", self.installed_on)
        self._pair(grid, 3, 0, "Installed by:", self.installed_by)
        self._pair(grid, 3, 2, "Note:", self.note)
        row = 4
        if item.checks:
            heading = QLabel("<b>As installed</b> (type each measurement as you take it; Enter moves on)")
            heading.setWordWrap(True)
            grid.addWidget(heading, row, 0, 1, 4)
            row += 1
        for result in item.checks:
            row = self._check_row(grid, row, result)
        if not item.checks:
            grid.addWidget(QLabel("<i>No as-installed measurements for this item.</i>"), row, 0, 1, 4)
            row += 1
        photos = QHBoxLayout()
        photos.addWidget(QLabel("Before:"))
        photos.addWidget(self.before)
        photos.addWidget(QLabel("After:"))
        photos.addWidget(self.after)
        photos.addStretch(1)
        photos.addWidget(self.add_photo)
        grid.addLayout(photos, row, 0, 1, 4)
        grid.addWidget(self.message, row + 1, 0, 1, 4)
        self.add_photo.setVisible(not read_only)
        if read_only:
            show_read_only(self)
        self.show_item(item, set_fields=True)

    # --- building ------------------------------------------------------------------------------

    def _combo(self, name: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        for label, value in choices:
            combo.addItem(label, value)
        combo.setAccessibleName(name)
        guard_wheel(combo)  # scrolling down the tab never changes a status or a reason
        return combo

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = limit_line(QLineEdit())
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _pair(self, grid: QGridLayout, row: int, column: int, text: str, field: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        grid.addWidget(label, row, column)
        grid.addWidget(field, row, column + 1)

    def _check_row(self, grid: QGridLayout, row: int, result: CheckResult) -> int:
        check = result.check
        label = QLabel(check.label.replace("&", "&&"))  # with its field as buddy: an "&" would be an Alt key
        label.setTextFormat(Qt.PlainText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        example = "34 1/2" if self.system is UnitSystem.IMPERIAL else "870 mm"
        edit = self._line(f"{check.label}, as installed", f"as measured, e.g. {example}")
        edit.setAccessibleDescription(f"Specified: {check.target}")
        edit.setObjectName(f"check_{check.id}")
        label.setBuddy(edit)
        verdict = QLabel("")
        verdict.setObjectName(f"verdict_{check.id}")
        verdict.setTextFormat(Qt.RichText)
        verdict.setWordWrap(True)
        verdict.setAccessibleName(f"{check.label} verdict")
        grid.addWidget(label, row, 0)
        grid.addWidget(edit, row, 1)
        grid.addWidget(verdict, row, 2, 1, 2)
        self.checks[check.id] = (edit, verdict)
        return row + 1

    # --- what is shown -------------------------------------------------------------------------

    def show_item(self, item: InstalledItem, *, set_fields: bool) -> None:
        """The item as stored: verdicts and whether a reason is asked; the fields too with ``set_fields``."""
        if set_fields:
            self.show_chosen(item.status, item.reason)
            self.reason_note.setText(item.reason_note)
            self.installed_on.set_date(item.installed_on)
            self.installed_by.setText(item.installed_by)
            self.note.setText(item.note)
        self.set_reason_asked(item.status.needs_reason)
        for result in item.checks:
            edit, verdict = self.checks[result.check.id]
            if set_fields:
                edit.setText(result.value_text)
            self.show_check(result.check.id, check_html(result, self.system))

    def show_chosen(self, status: InstallStatus, reason: NotDoneReason | None) -> None:
        _choose(self.status, status.value)
        _choose(self.reason, reason.value if reason else "")
        self.set_reason_asked(status.needs_reason)

    def show_check(self, check_id: str, shown: str) -> None:
        edit, verdict = self.checks[check_id]
        verdict.setText(shown)
        verdict.setVisible(bool(shown))
        sheet = f"border: 2px solid {colour(Tone.REFUSED)};" if "(not saved)" in shown else ""
        if edit.styleSheet() != sheet:  # setting a style sheet polishes the field again: only when it changes
            edit.setStyleSheet(sheet)

    def set_reason_asked(self, asked: bool) -> None:
        self.reason.setEnabled(asked)
        self.reason_note.setEnabled(asked)

    def show_message(self, shown: str) -> None:
        self.message.setText(shown)
        self.message.setVisible(bool(shown))

    def show_photos(self, before: list[bytes], after: list[bytes]) -> None:
        _fill(self.before, before)
        _fill(self.after, after)

    def chosen_status(self) -> InstallStatus:
        return InstallStatus(self.status.currentData())

    def chosen_reason(self) -> NotDoneReason | None:
        value = self.reason.currentData()
        return NotDoneReason(value) if value and self.chosen_status().needs_reason else None


def _choose(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


def _thumb_row(name: str) -> QLabel:
    """A row of thumbnails drawn into one label (no focus: the photos are looked at, not edited here)."""
    row = QLabel("—")
    row.setAccessibleName(name)
    row.setMinimumHeight(THUMB // 2)
    return row


def _fill(row: QLabel, thumbnails: list[bytes]) -> None:
    pixmaps = []
    for data in thumbnails[:SHOWN_THUMBS]:
        pixmap = QPixmap()
        if pixmap.loadFromData(QByteArray(data)):
            pixmaps.append(pixmap.scaled(THUMB, THUMB, Qt.KeepAspectRatio, Qt.SmoothTransformation))
    if not pixmaps:
        row.setPixmap(QPixmap())
        row.setText("—")
        return
    gap = 4
    width = sum(p.width() for p in pixmaps) + gap * (len(pixmaps) - 1)
    strip = QPixmap(width, max(p.height() for p in pixmaps))
    strip.fill(Qt.transparent)
    painter = QPainter(strip)
    x = 0
    for pixmap in pixmaps:
        painter.drawPixmap(x, 0, pixmap)
        x += pixmap.width() + gap
    painter.end()
    row.setPixmap(strip)
    row.setToolTip(f"{len(thumbnails)} photo{'s' if len(thumbnails) != 1 else ''}")
