"""A room's checklist, generated from the catalogue data: no widget class per item.

Each item is a row: prompt, an editor chosen by the item's kind, and the verdict beside
it. A measurement is offered for saving (``commit_requested``) on Enter or on leaving the
field, and Enter moves on to the next measurement, so a laser meter that types into the focused
field works. Whether it differs from what is stored is the room walk's question to the service:
the view keeps no copy of the store. F1 shows how to measure the focused item; the help line
below always shows it too.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from homeassess.domain.catalogue import Item, ItemKind
from homeassess.domain.verdicts import Finding, Verdict
from homeassess.services.checklist import ItemState, ResponseResult
from homeassess.ui.kit import prompts
from homeassess.ui.kit.actions import ActionRegistry, ActionSpec, Context
from homeassess.ui.kit.text_limits import limit_line
from homeassess.ui.visit.verdict_text import verdict_html

LABEL_WIDTH = 260
YES_NO = (("", ""), ("Yes", "yes"), ("No", "no"), ("Not applicable", "na"))
HOW_TO_MEASURE = ActionSpec("How to measure", (QKeySequence.HelpContents,), Context.CHECKLIST,
                            help="How to measure the focused item")


@dataclass
class ItemRow:
    item: Item
    editor: QWidget
    verdict: QLabel

    def text(self) -> str:
        if isinstance(self.editor, QComboBox):
            return self.editor.currentData() or ""
        return self.editor.text().strip()

    def set_text(self, text: str) -> None:
        if isinstance(self.editor, QComboBox):
            index = self.editor.findData(text)
            self.editor.setCurrentIndex(max(index, 0))
        else:
            self.editor.setText(text)


class ChecklistView(QWidget):
    commit_requested = Signal(str, str)  # item id, text
    photos_requested = Signal(str)  # item id: show (and attach) that item's photos

    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, ItemRow] = {}
        self._order: list[str] = []
        self._read_only = False
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setFrameShape(QScrollArea.NoFrame)
        self.help_line = QLabel("")
        self.help_line.setWordWrap(True)
        self.help_line.setObjectName("helpLine")
        self.help_line.setAccessibleName("How to measure")
        self.help_line.setStyleSheet("padding: 6px; border-top: 1px solid palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.help_line)
        registry.create(HOW_TO_MEASURE, self, self.show_focused_help)
        self._empty()

    # --- building --------------------------------------------------------------------------

    def _empty(self) -> None:
        placeholder = QLabel("Choose a room on the left, or add one, to start its checklist.")
        placeholder.setAlignment(Qt.AlignCenter)
        self.scroll.setWidget(placeholder)

    def clear(self) -> None:
        self.rows.clear()
        self._order.clear()
        self._empty()

    def set_items(self, states: list[ItemState], read_only: bool = False) -> None:
        self.rows.clear()
        self._order.clear()
        self._read_only = read_only
        body = QWidget()
        outer = QVBoxLayout(body)
        sections: dict[str, QGridLayout] = {}
        for state in states:
            section = state.item.section or "General"
            if section not in sections:
                box = QGroupBox(section)
                grid = QGridLayout(box)
                grid.setColumnStretch(1, 1)
                grid.setVerticalSpacing(8)
                sections[section] = grid
                outer.addWidget(box)
            self._add_row(sections[section], state)
        outer.addStretch(1)
        self.scroll.setWidget(body)
        if self._order:
            self.help_line.setText(self._help_text(self.rows[self._order[0]].item))

    def _add_row(self, grid: QGridLayout, state: ItemState) -> None:
        item = state.item
        editor = self._editor_for(item)
        editor.setObjectName(f"item_{item.id}")
        editor.setAccessibleName(item.prompt)
        editor.setAccessibleDescription(item.help)
        editor.setToolTip(item.help)
        editor.setEnabled(not self._read_only)
        editor.installEventFilter(self)
        verdict = QLabel("")
        verdict.setObjectName(f"verdict_{item.id}")
        verdict.setWordWrap(True)
        verdict.setTextFormat(Qt.RichText)
        verdict.setAccessibleName(f"{item.prompt} verdict")
        row = ItemRow(item, editor, verdict)
        row.set_text(state.text)
        self.rows[item.id] = row
        self._order.append(item.id)
        label = QLabel(f"{html.escape(item.prompt)}")
        label.setBuddy(editor)
        label.setWordWrap(True)
        label.setFixedWidth(LABEL_WIDTH)
        label.setAlignment(Qt.AlignRight | Qt.AlignTop)
        label.setContentsMargins(0, 4, 6, 0)
        field = QWidget()
        field_layout = QVBoxLayout(field)
        field_layout.setContentsMargins(0, 0, 0, 0)
        field_layout.setSpacing(2)
        editor_row = QHBoxLayout()
        editor_row.addWidget(editor, 1)
        if item.kind is not ItemKind.NOTE:
            camera = QToolButton(text="Photos")
            camera.setObjectName(f"photos_{item.id}")
            camera.setAccessibleName(f"Photos of {item.prompt}")
            camera.setToolTip(f"Show the photos of “{item.prompt}”; new photos attach to it")
            camera.setFocusPolicy(Qt.ClickFocus)  # Tab goes from field to field; the strip is a click away
            camera.clicked.connect(lambda _=False, i=item.id: self.photos_requested.emit(i))
            editor_row.addWidget(camera)
        field_layout.addLayout(editor_row)
        field_layout.addWidget(verdict)
        row_index = grid.rowCount()
        grid.addWidget(label, row_index, 0, Qt.AlignTop)
        grid.addWidget(field, row_index, 1)
        self.show_result(item.id, state.finding, state.error)

    def _editor_for(self, item: Item) -> QWidget:
        if item.kind in (ItemKind.YES_NO, ItemKind.CHOICE):
            combo = QComboBox()
            options = YES_NO if item.kind is ItemKind.YES_NO else (("", ""), *((c.label, c.id) for c in item.choices))
            for label, value in options:
                combo.addItem(label, value)
            combo.activated.connect(lambda _=0, i=item.id: self._commit(i))
            return combo
        edit = limit_line(QLineEdit())
        if item.kind is ItemKind.MEASUREMENT:
            edit.setPlaceholderText("e.g. 1:12, 8%, 4.8°" if item.quantity == "slope" else "e.g. 31 3/4, 2' 8\" or 815 mm")
        elif item.kind is ItemKind.COUNT:
            edit.setValidator(QIntValidator(0, 9999, edit))
            edit.setPlaceholderText("number")
        else:
            edit.setPlaceholderText("observations")
        edit.returnPressed.connect(lambda i=item.id: self._enter(i))
        edit.editingFinished.connect(lambda i=item.id: self._commit(i))
        return edit

    # --- behaviour ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.FocusIn:
            row = next((r for r in self.rows.values() if r.editor is watched), None)
            if row:
                self.help_line.setText(self._help_text(row.item))
                self.scroll.ensureWidgetVisible(row.editor, 40, 60)
        return False

    def _help_text(self, item: Item) -> str:
        how = item.help or "No measuring instructions for this item."
        return f"<b>{html.escape(item.prompt)}</b> — {html.escape(how)} <i>(F1 for more)</i>"

    def show_focused_help(self) -> None:
        row = next((r for r in self.rows.values() if r.editor.hasFocus()), None)
        if row:
            body = row.item.help or "No measuring instructions for this item."
            if row.item.plausible:
                body += f"\n\nPlausible range: {row.item.plausible.min} to {row.item.plausible.max}."
            prompts.show_info(self, f"How to measure: {row.item.prompt}", body)

    def item_order(self) -> list[str]:
        """The item ids in the order they are shown (and Enter walks them)."""
        return list(self._order)

    def _commit(self, item_id: str) -> None:
        row = self.rows.get(item_id)
        if row is not None and not self._read_only:
            self.commit_requested.emit(item_id, row.text())

    def _enter(self, item_id: str) -> None:
        self._commit(item_id)
        self.focus_next_measurement(item_id)

    def focus_next_measurement(self, item_id: str) -> None:
        index = self._order.index(item_id)
        following = self._order[index + 1:]
        target = next((i for i in following if self.rows[i].item.kind is ItemKind.MEASUREMENT), None)
        target = target or (following[0] if following else None)
        if target:
            self.rows[target].editor.setFocus(Qt.TabFocusReason)
            if isinstance(self.rows[target].editor, QLineEdit):
                self.rows[target].editor.selectAll()

    # --- results -----------------------------------------------------------------------------

    def show_response(self, result: ResponseResult, *, set_text: bool) -> None:
        """A value as stored and judged; ``set_text`` also puts it in the field (an undo, a redo)."""
        row = self.rows.get(result.item_id)
        if row is not None and set_text:
            row.set_text(result.text)
        self.show_result(result.item_id, result.finding, result.error)

    def show_result(self, item_id: str, finding: Finding | None, error: str | None) -> None:
        row = self.rows.get(item_id)
        if row is None:
            return
        row.verdict.setText(verdict_html(finding, error))
        row.verdict.setVisible(bool(row.verdict.text()))
        row.editor.setProperty("verdict", finding.verdict.value if finding else ("error" if error else ""))
        bad = error is not None or (finding is not None and finding.verdict is Verdict.IMPLAUSIBLE)
        row.editor.setStyleSheet("border: 2px solid #c62828;" if bad else "")

    def focus_item(self, item_id: str) -> None:
        row = self.rows.get(item_id)
        if row:
            row.editor.setFocus(Qt.OtherFocusReason)
