"""One checklist row: the editor chosen by the item's kind, its Photos button and its verdict.

A draft shows editors; a final (read-only) assessment shows the same values as read-only text
in the normal text colour, never greyed-out disabled controls, so it reads as clearly as a report.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from homeassess.domain.catalogue import Item, ItemKind
from homeassess.ui.kit.text_limits import limit_line
from homeassess.ui.kit.wheel_guard import guard_wheel

LABEL_WIDTH = 260
LABEL_MIN_WIDTH = 140
YES_NO = (("", ""), ("Yes", "yes"), ("No", "no"), ("Not applicable", "na"))
YES_NO_KEYS = {Qt.Key_Y: "yes", Qt.Key_N: "no", Qt.Key_A: "na"}


def options(item: Item) -> tuple[tuple[str, str], ...]:
    """(label, stored value) of a yes/no or choice item, the empty answer first."""
    if item.kind is ItemKind.YES_NO:
        return YES_NO
    return (("", ""), *((c.label, c.id) for c in item.choices))


@dataclass
class ItemRow:
    item: Item
    editor: QWidget
    verdict: QLabel
    field: QWidget  # the editor, its Photos button and its verdict: what is scrolled into view
    photos: QToolButton | None
    value: str = ""  # what a read-only row shows (the editor is then plain text)

    def text(self) -> str:
        if isinstance(self.editor, QComboBox):
            return self.editor.currentData() or ""
        if self.editor.isReadOnly():
            return self.value
        return self.editor.text().strip()

    def set_text(self, text: str) -> None:
        if isinstance(self.editor, QComboBox):
            index = self.editor.findData(text)
            self.editor.setCurrentIndex(max(index, 0))
        elif self.editor.isReadOnly():
            self.value = text
            self.editor.setText({v: k for k, v in options(self.item)}.get(text, text) if self.is_choice else text)
        else:
            self.editor.setText(text)

    @property
    def is_choice(self) -> bool:
        return self.item.kind in (ItemKind.YES_NO, ItemKind.CHOICE)


def make_row(item: Item, read_only: bool, example: str = "") -> tuple[QLabel, ItemRow]:
    """The prompt label and the row of ``item``, not yet filled in."""
    editor = guard_wheel(editor_for(item, read_only, example))  # scrolling down the checklist never answers an item
    editor.setObjectName(f"item_{item.id}")
    editor.setAccessibleName(item.prompt)
    editor.setAccessibleDescription(item.help)
    editor.setToolTip(item.help)
    verdict = QLabel("")
    verdict.setObjectName(f"verdict_{item.id}")
    verdict.setWordWrap(True)
    verdict.setTextFormat(Qt.RichText)
    verdict.setAccessibleName(f"{item.prompt} verdict")
    label = QLabel(html.escape(item.prompt))
    label.setBuddy(editor)
    label.setWordWrap(True)
    label.setMinimumWidth(LABEL_MIN_WIDTH)  # narrower on a small window: the checklist never scrolls sideways
    label.setMaximumWidth(LABEL_WIDTH)
    label.setAlignment(Qt.AlignRight | Qt.AlignTop)
    label.setContentsMargins(0, 4, 6, 0)
    field = QWidget()
    field_layout = QVBoxLayout(field)
    field_layout.setContentsMargins(0, 0, 0, 0)
    field_layout.setSpacing(2)
    editor_row = QHBoxLayout()
    editor_row.addWidget(editor, 1)
    camera = None
    if item.kind is not ItemKind.NOTE:
        camera = QToolButton(text="Photos")
        camera.setObjectName(f"photos_{item.id}")
        camera.setAccessibleName(f"Photos of {item.prompt}")
        camera.setToolTip(f"Show the photos of “{item.prompt}”; new photos attach to it")
        camera.setFocusPolicy(Qt.StrongFocus)  # in the Tab order, right after its field
        editor_row.addWidget(camera)
    field_layout.addLayout(editor_row)
    field_layout.addWidget(verdict)
    return label, ItemRow(item, editor, verdict, field, camera)


def editor_for(item: Item, read_only: bool, example: str = "") -> QWidget:
    if read_only:
        shown = limit_line(QLineEdit())
        shown.setReadOnly(True)  # normal text, selectable, in the Tab order: a final reads like a report
        shown.setFrame(False)
        return shown
    if item.kind in (ItemKind.YES_NO, ItemKind.CHOICE):
        combo = QComboBox()
        for label, value in options(item):
            combo.addItem(label, value)
        return combo
    edit = limit_line(QLineEdit())
    if item.kind is ItemKind.MEASUREMENT:
        edit.setPlaceholderText(example or item.input_example())  # the domain says what each quantity takes
    elif item.kind is ItemKind.COUNT:
        edit.setValidator(QIntValidator(0, 9999, edit))
        edit.setPlaceholderText("number")
    else:
        edit.setPlaceholderText("observations")
    return edit
