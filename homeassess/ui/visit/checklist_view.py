"""A room's checklist, generated from the catalogue data: no widget class per item.

Each item is a row (item_row.py): prompt, an editor chosen by the item's kind, its Photos
button and the verdict beside it. A value is offered for saving (``commit_requested``) on Enter,
on leaving a text field or on choosing an answer. Whether it differs from what is stored is the
room walk's question to the service: the view keeps no copy of the store.

Keyboard first: opening a room focuses its first unanswered item; Enter saves and moves to the
next item of any kind, so a laser meter that types into the focused field and presses Enter
keeps working; Y, N and A answer a yes/no item; the focused field and its verdict are scrolled
into view; Tab also reaches each item's Photos button; Ctrl+Shift+P adds a photo to the focused
item. F1 shows how to measure the focused item; the help line below always shows it too.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from homeassess.domain.catalogue import Item, ItemKind
from homeassess.domain.verdicts import Finding, Verdict
from homeassess.services.checklist import ItemState, ResponseResult
from homeassess.ui.kit import prompts
from homeassess.ui.kit.actions import ActionRegistry, ActionSpec, Context
from homeassess.ui.kit.palette import Tone, colour
from homeassess.ui.visit.item_row import YES_NO_KEYS, ItemRow, make_row
from homeassess.ui.visit.verdict_text import verdict_html

HOW_TO_MEASURE = ActionSpec("How to measure", (QKeySequence.HelpContents,), Context.CHECKLIST,
                            help="How to measure the focused item")
ADD_PHOTO = ActionSpec("Add a photo to this item…", ("Ctrl+Shift+P",), Context.CHECKLIST,
                       help="Add a photo to the focused item")
ENTER_KEYS = (Qt.Key_Return, Qt.Key_Enter)


class ChecklistView(QWidget):
    commit_requested = Signal(str, str)  # item id, text
    photos_requested = Signal(str)  # item id: show (and attach) that item's photos
    add_photo_requested = Signal(str)  # item id: pick photos for it now

    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, ItemRow] = {}
        self._order: list[str] = []
        self.decided: dict[str, str] = {}  # the room's decisions in the review (library id → status)
        self._results: dict[str, tuple[Finding | None, str | None]] = {}  # what each row's verdict shows
        self._read_only = False
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setFrameShape(QScrollArea.NoFrame)
        self.scroll.setAccessibleName("Checklist")
        self.help_line = QLabel("")
        self.help_line.setWordWrap(True)
        self.help_line.setObjectName("helpLine")
        self.help_line.setAccessibleName("How to measure")
        self.help_line.setStyleSheet("padding: 6px; border-top: 1px solid palette(mid);")
        # At most three lines: the checklist keeps the height on a small screen (F1 shows all of it).
        self.help_line.setMaximumHeight(self.help_line.fontMetrics().lineSpacing() * 3 + 14)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.help_line)
        registry.create(HOW_TO_MEASURE, self, self.show_focused_help)
        self.add_photo_action = registry.create(ADD_PHOTO, self, self._add_photo_to_focused)
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

    def set_items(self, states: list[ItemState], read_only: bool = False, decided: Mapping[str, str] | None = None) -> None:
        """The room's items; ``decided``: its decisions in the review (library id → status), for the proposals shown."""
        self.decided = dict(decided or {})
        self.rows.clear()
        self._results.clear()
        self._order.clear()
        self._read_only = read_only
        self.add_photo_action.setEnabled(not read_only)
        body = QWidget()
        outer = QVBoxLayout(body)
        sections: dict[str, QGridLayout] = {}
        for state in states:
            section = state.item.section or "General"
            if section not in sections:
                box = QGroupBox(section)
                grid = QGridLayout(box)
                grid.setColumnStretch(0, 0)
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
        label, row = make_row(state.item, self._read_only, state.example)
        row.editor.installEventFilter(self)
        row.set_text(state.text)
        if isinstance(row.editor, QComboBox):
            row.editor.activated.connect(lambda _=0, i=row.item.id: self._commit(i))
        elif not self._read_only:
            row.editor.returnPressed.connect(lambda i=row.item.id: self._enter(i))
            row.editor.editingFinished.connect(lambda i=row.item.id: self._commit(i))
        if row.photos is not None:
            row.photos.clicked.connect(lambda _=False, i=row.item.id: self.photos_requested.emit(i))
        self.rows[row.item.id] = row
        self._order.append(row.item.id)
        row_index = grid.rowCount()
        grid.addWidget(label, row_index, 0, Qt.AlignTop)
        grid.addWidget(row.field, row_index, 1)
        self.show_result(row.item.id, state.finding, state.error)

    # --- behaviour ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        kind = event.type()
        if kind not in (QEvent.FocusIn, QEvent.KeyPress):
            return False
        row = next((r for r in self.rows.values() if r.editor is watched), None)
        if row is None:
            return False
        if kind == QEvent.FocusIn:
            self.help_line.setText(self._help_text(row.item))
            self.show_field(row.item.id)
            return False
        return self._key(row, event) if isinstance(watched, QComboBox) else self._read_only_enter(row, event)

    def _key(self, row: ItemRow, event: QKeyEvent) -> bool:
        """Enter on a choice saves it and moves on; Y, N or A answers a yes/no item."""
        if event.modifiers() & ~(Qt.KeypadModifier | Qt.ShiftModifier):
            return False
        if event.key() in ENTER_KEYS:
            self._enter(row.item.id)
            return True
        answer = YES_NO_KEYS.get(event.key()) if row.item.kind is ItemKind.YES_NO else None
        if answer is None:
            return False
        row.set_text(answer)
        self._commit(row.item.id)
        return True

    def _read_only_enter(self, row: ItemRow, event: QKeyEvent) -> bool:
        if self._read_only and event.key() in ENTER_KEYS and not event.modifiers() & ~Qt.KeypadModifier:
            self.focus_next(row.item.id)  # a final is read by the same keys
            return True
        return False

    def _help_text(self, item: Item) -> str:
        """The item and the first sentence of how to measure it; F1 shows the rest."""
        how = item.help or "No measuring instructions for this item."
        first, _, rest = how.partition(". ")
        more = " <i>(F1 for more)</i>" if rest else ""
        return f"<b>{html.escape(item.prompt)}</b> — {html.escape(first.rstrip('.'))}.{more}"

    def focused_item(self) -> str | None:
        return next((i for i, r in self.rows.items() if r.editor.hasFocus()), None)

    def show_focused_help(self) -> None:
        item_id = self.focused_item()
        if item_id:
            item = self.rows[item_id].item
            body = item.help or "No measuring instructions for this item."
            if item.plausible:
                body += f"\n\nPlausible range: {item.plausible.min} to {item.plausible.max}."
            prompts.show_info(self, f"How to measure: {item.prompt}", body)

    def _add_photo_to_focused(self) -> None:
        item_id = self.focused_item()
        if item_id and self.rows[item_id].photos is not None:
            self.add_photo_requested.emit(item_id)

    def item_order(self) -> list[str]:
        """The item ids in the order they are shown (and Enter walks them)."""
        return list(self._order)

    def _commit(self, item_id: str) -> None:
        row = self.rows.get(item_id)
        if row is not None and not self._read_only:
            self.commit_requested.emit(item_id, row.text())

    def _enter(self, item_id: str) -> None:
        self._commit(item_id)
        self.focus_next(item_id)

    def focus_next(self, item_id: str) -> None:
        """The next item of any kind (the last one keeps the focus)."""
        index = self._order.index(item_id)
        if index + 1 < len(self._order):
            self.focus_item(self._order[index + 1])

    def focus_first_unanswered(self) -> None:
        """Where a room is taken up: its first unanswered item (the first item when all are answered)."""
        first = next((i for i in self._order if not self.rows[i].text()), self._order[0] if self._order else None)
        if first is not None:
            self.focus_item(first)

    def show_field(self, item_id: str) -> None:
        """Scroll so that the item's field and its verdict are in view (layouts settled first)."""
        row = self.rows.get(item_id)
        if row is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.LayoutRequest)
            self.scroll.ensureWidgetVisible(row.field, 40, 40)

    # --- results -----------------------------------------------------------------------------

    def show_response(self, result: ResponseResult, *, set_text: bool) -> None:
        """A value as stored and judged; ``set_text`` also puts it in the field (an undo, a redo)."""
        row = self.rows.get(result.item_id)
        if row is not None and set_text:
            row.set_text(result.text)
        self.show_result(result.item_id, result.finding, result.error)

    def set_decided(self, decided: Mapping[str, str]) -> None:
        """The room's decisions changed in the review: each verdict names its proposals again, in place."""
        self.decided = dict(decided)
        for item_id, (finding, error) in list(self._results.items()):
            if finding is not None and finding.recommendations:
                self.show_result(item_id, finding, error)

    def show_result(self, item_id: str, finding: Finding | None, error: str | None) -> None:
        row = self.rows.get(item_id)
        if row is None:
            return
        self._results[item_id] = (finding, error)
        row.verdict.setText(verdict_html(finding, error, self.decided))
        row.verdict.setVisible(bool(row.verdict.text()))
        row.editor.setProperty("verdict", finding.verdict.value if finding else ("error" if error else ""))
        bad = error is not None or (finding is not None and finding.verdict is Verdict.IMPLAUSIBLE)
        row.editor.setStyleSheet(f"border: 2px solid {colour(Tone.REFUSED)};" if bad else "")

    def focus_item(self, item_id: str) -> None:
        row = self.rows.get(item_id)
        if row:
            row.editor.setFocus(Qt.TabFocusReason)
            if isinstance(row.editor, QLineEdit) and not row.editor.isReadOnly():
                row.editor.selectAll()
            self.show_field(item_id)
