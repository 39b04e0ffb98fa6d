"""The recommendation review: accept, dismiss, edit and add recommendations, with cost totals.

A thin view over ``RecommendationService``: every change goes through the service,
which commits at once, and a successful change is pushed on the visit's undo stack
("Undo accept swing-clear (offset) hinges"). The table sorts by any column (priority
by rank, cost by its numbers) and filters by status; the pane under it shows the
selected recommendation in full.

Shortcuts (active while the focus is in this view): Ctrl+Return accept, Ctrl+D dismiss,
Ctrl+E or Enter edit, Ctrl+Shift+A add, Delete remove (one the clinician added).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from homeassess.domain.recommendations import Priority
from homeassess.services.assessments import ReadOnlyAssessment
from homeassess.services.recommendations import RecommendationView
from homeassess.services.workspace import Workspace
from homeassess.store.engine import StoreError
from homeassess.store.tables import RecommendationRow
from homeassess.ui import recommendation_editor
from homeassess.ui.error_path import ErrorPath
from homeassess.ui.recommendation_table_model import (
    COST,
    ITEM,
    PRIORITY,
    RESPONSIBLE,
    ROOM,
    STATUS,
    STATUS_LABELS,
    TITLE,
    RecommendationProxyModel,
    RecommendationTableModel,
    category_label,
    format_cost,
    priority_label,
    responsible_label,
)
from homeassess.ui.undo_commands import ServiceCommand

EMPTY_TEXT = (
    "No recommendations yet. They are proposed as you record failing measurements; you can also add your own."
)
EMPTY_READ_ONLY = "No recommendations were made in this assessment."
WHOLE_HOME_CHOICE = "No particular room (whole home)"
NO_SELECTION = "Select a recommendation to see its full specification, rationale and cost source."
OPEN = "open"  # proposed and accepted: the working list, the default
FILTERS = (("Open", OPEN), ("Proposed", "proposed"), ("Accepted", "accepted"), ("Dismissed", "dismissed"), ("All", None))
EDITABLE_FIELDS = tuple(recommendation_editor.NEW_RECOMMENDATION)
REFUSALS = (ReadOnlyAssessment, ValueError, KeyError, StoreError)
COLUMN_LIMITS = {ROOM: (110, 220), PRIORITY: (70, 110), RESPONSIBLE: (90, 140), COST: (100, 160), STATUS: (80, 120)}


class RecommendationsView(QWidget):
    changed = Signal()

    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, errors: ErrorPath, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.undo_stack = undo_stack
        self.errors = errors
        self.assessment_id: int | None = None
        self.read_only = True
        self._rooms: list[tuple[int | None, str]] = []

        self.model = RecommendationTableModel()
        self.proxy = RecommendationProxyModel()
        self.proxy.setSourceModel(self.model)

        self.filter = QComboBox()
        self.filter.setAccessibleName("Show recommendations")
        for label, status in FILTERS:
            self.filter.addItem(label, status)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        show_label = QLabel("Sho&w:")
        show_label.setBuddy(self.filter)

        self.accept_action = self._action("Accept", "Ctrl+Return", "Accept the selected recommendations", self.accept_selected)
        self.dismiss_action = self._action("Dismiss", "Ctrl+D", "Dismiss the selected recommendations", self.dismiss_selected)
        self.edit_action = self._action("Edit…", "Ctrl+E", "Edit the selected recommendation", self.edit_current)
        self.add_action = self._action(
            "Add recommendation…", "Ctrl+Shift+A", "Add a recommendation of your own", self.add_recommendation
        )
        self.remove_action = self._action(
            "Remove", QKeySequence.Delete, "Remove the selected recommendations you added", self.remove_selected
        )
        self.accept_button = self._button(self.accept_action, "Accept recommendation")
        self.dismiss_button = self._button(self.dismiss_action, "Dismiss recommendation")
        self.edit_button = self._button(self.edit_action, "Edit recommendation")
        self.add_button = self._button(self.add_action, "Add recommendation")
        self.remove_button = self._button(self.remove_action, "Remove recommendation")

        top = QHBoxLayout()
        top.addWidget(show_label)
        top.addWidget(self.filter)
        top.addStretch(1)
        for button in (self.accept_button, self.dismiss_button, self.edit_button, self.add_button, self.remove_button):
            top.addWidget(button)

        self.table = self._build_table()
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("recommendationsEmpty")
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.detail = QTextBrowser()
        self.detail.setObjectName("recommendationDetail")
        self.detail.setAccessibleName("Selected recommendation")
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(NO_SELECTION)

        splitter = QSplitter(Qt.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 170])

        self.read_only_note = QLabel("This assessment is final: its recommendations are shown read-only.")
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.hide()
        self.totals = QLabel("")
        self.totals.setObjectName("recommendationTotals")
        self.totals.setAccessibleName("Accepted recommendation totals")
        self.totals.setTextFormat(Qt.RichText)
        self.totals.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.totals.setWordWrap(True)
        self.totals.setStyleSheet("padding: 4px 2px;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.totals)
        self._update_actions()

    # --- building --------------------------------------------------------------------------

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey, tip: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setIconText(text)  # keep the "…" that says a dialog follows
        sequence = QKeySequence(shortcut)
        action.setShortcut(sequence)
        action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({sequence.toString(QKeySequence.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _button(self, action: QAction, name: str) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        button.setAccessibleName(name)
        button.setAccessibleDescription(action.toolTip())
        return button

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("recommendationTable")
        table.setAccessibleName("Recommendations")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.sortByColumn(ROOM, Qt.AscendingOrder)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(ITEM, QHeaderView.Stretch)
        header.setSectionResizeMode(TITLE, QHeaderView.Stretch)
        header.setHighlightSections(False)
        header.setSortIndicatorClearable(False)
        table.setContextMenuPolicy(Qt.ActionsContextMenu)
        for action in (self.accept_action, self.dismiss_action, self.edit_action, self.remove_action):
            table.addAction(action)
        table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        table.selectionModel().currentChanged.connect(lambda *_: self._selection_changed())
        table.activated.connect(self._activated)
        return table

    def _activated(self, _index: QModelIndex) -> None:
        """Enter or a double-click edits; Ctrl+Return on an accepted row must not fall through to here."""
        if QApplication.keyboardModifiers() == Qt.NoModifier:
            self.edit_current()

    # --- the API the assessment screen uses ----------------------------------------------

    def set_assessment(self, assessment_id: int, read_only: bool) -> None:
        self.assessment_id = assessment_id
        self.read_only = read_only
        self.read_only_note.setVisible(read_only)
        self.table.selectionModel().clear()
        self.set_filter(OPEN)
        self.refresh()
        self._fit_columns()
        if self.proxy.rowCount():
            self._select_rows([0])

    def refresh(self) -> None:
        """Reload from the service, keeping the selection where it can."""
        if self.assessment_id is None:
            return
        selected = [v.row.id for v in self.selected_views()]
        current = self.current_view()
        current_id = current.row.id if current else None
        current_row = self.table.currentIndex().row() if self.table.currentIndex().isValid() else None
        rooms = self.ws.assessments.room_views(self.assessment_id)
        self._rooms = [(r.id, r.name) for r in rooms]
        views = self.ws.recommendations.list(self.assessment_id)
        self.model.set_rows(views, {r.id: i for i, r in enumerate(rooms)})
        self._restore_selection(selected, current_id, current_row)
        self._render_counts()
        self._render_totals()
        self._selection_changed()

    # --- selection -------------------------------------------------------------------------

    def current_view(self) -> RecommendationView | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.view_at(self.proxy.mapToSource(index).row())

    def selected_views(self) -> list[RecommendationView]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        views = [self.model.view_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows]
        if not views and (current := self.current_view()) is not None:
            views = [current]
        return views

    def select_recommendation(self, rec_id: int) -> bool:
        return self._restore_selection([rec_id], rec_id, None)

    def _proxy_row(self, rec_id: int | None) -> int:
        source = self.model.row_of(rec_id) if rec_id is not None else -1
        if source < 0:
            return -1
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        return index.row() if index.isValid() else -1

    def _restore_selection(self, ids: list[int], current_id: int | None, fallback_row: int | None) -> bool:
        rows = [r for r in (self._proxy_row(i) for i in ids) if r >= 0]
        found = bool(rows)
        if not rows and fallback_row is not None and self.proxy.rowCount():
            rows = [min(fallback_row, self.proxy.rowCount() - 1)]
        current = self._proxy_row(current_id)
        self._select_rows(rows, current if current >= 0 else None)
        return found

    def _select_rows(self, rows: list[int], current: int | None = None) -> None:
        selection = self.table.selectionModel()
        if not rows:
            selection.clear()
            return
        current = current if current is not None else rows[0]
        flags = QItemSelectionModel.Rows
        selection.setCurrentIndex(self.proxy.index(current, 0), QItemSelectionModel.ClearAndSelect | flags)
        for row in rows:
            if row != current:
                selection.select(self.proxy.index(row, 0), QItemSelectionModel.Select | flags)
        self.table.scrollTo(self.proxy.index(current, 0))

    def _selection_changed(self) -> None:
        self._render_detail(self.current_view())
        self._update_actions()

    def _update_actions(self) -> None:
        views = self.selected_views()
        writable = not self.read_only and self.assessment_id is not None
        self.accept_action.setEnabled(writable and any(v.row.status != "accepted" for v in views))
        self.dismiss_action.setEnabled(writable and any(v.row.status != "dismissed" for v in views))
        self.edit_action.setEnabled(writable and self.current_view() is not None)
        self.add_action.setEnabled(writable)
        self.remove_action.setEnabled(writable and bool(views) and all(v.row.custom for v in views))
        if writable and views and not self.remove_action.isEnabled():
            self.remove_button.setToolTip("Only recommendations you added can be removed; dismiss a proposed one instead.")
        else:
            self.remove_button.setToolTip(self.remove_action.toolTip())

    # --- filter ----------------------------------------------------------------------------

    def _filter_changed(self, _index: int) -> None:
        keep = [v.row.id for v in self.selected_views()]
        self.proxy.set_status(self.filter.currentData())
        self._restore_selection(keep, keep[0] if keep else None, 0)
        self._render_empty()
        self._selection_changed()

    def set_filter(self, status: str | None) -> None:
        self.filter.setCurrentIndex(max(self.filter.findData(status), 0))

    def _render_counts(self) -> None:
        counts: dict[str, int] = {}
        for view in self.model.views:
            counts[view.row.status] = counts.get(view.row.status, 0) + 1
        for i, (label, status) in enumerate(FILTERS):
            if status is None:
                count = len(self.model.views)
            elif status == OPEN:
                count = counts.get("proposed", 0) + counts.get("accepted", 0)
            else:
                count = counts.get(status, 0)
            self.filter.setItemText(i, f"{label} ({count})")
        self._render_empty()

    def _render_empty(self) -> None:
        if not self.model.views:
            self.empty.setText(EMPTY_READ_ONLY if self.read_only else EMPTY_TEXT)
            self.stack.setCurrentWidget(self.empty)
        elif self.proxy.rowCount() == 0:
            label = STATUS_LABELS.get(self.proxy.status or "", "").lower()
            self.empty.setText(f"No {label} recommendations. Choose “All” under Show to see the others.")
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.table)

    def _fit_columns(self) -> None:
        for column, (least, most) in COLUMN_LIMITS.items():
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, max(least, min(most, self.table.columnWidth(column))))

    # --- detail and totals -----------------------------------------------------------------

    def _render_detail(self, view: RecommendationView | None) -> None:
        if view is None:
            self.detail.clear()
            return
        row = view.row
        facts = [
            ("Room", view.room_name), ("Item", view.item_prompt or ("added by the clinician" if row.custom else "—")),
            ("Category", category_label(row.category)), ("Priority", priority_label(row.priority)),
            ("Responsible", responsible_label(row.responsible)), ("Cost", format_cost(row.cost_low, row.cost_high)),
            ("Status", STATUS_LABELS.get(row.status, row.status)),
        ]
        sections = [
            ("Specification", row.specification), ("Rationale", row.rationale),
            ("In plain words", row.plain), ("Cost source", row.cost_source),
        ]
        parts = [f"<p style='font-size: large'><b>{_esc(row.title)}</b></p>"]
        parts.append("<p>" + " &nbsp;· ".join(f"<b>{_esc(k)}:</b>&nbsp;{_keep_together(v)}" for k, v in facts) + "</p>")
        for heading, text in sections:
            body = _esc(text) if text.strip() else "<i>none given</i>"
            parts.append(f"<p><b>{heading}</b><br>{body}</p>")
        self.detail.setHtml("".join(parts))

    def _render_totals(self) -> None:
        totals = self.ws.recommendations.totals(self.assessment_id)
        if totals.count == 0:
            self.totals.setText("<b>Accepted: none yet.</b> Accept proposals, or add your own, to see the cost totals.")
            return
        parts = [f"<b>Accepted: {totals.count}</b>"]
        for priority in Priority:
            low, high = totals.by_priority.get(priority.value, (0, 0))
            parts.append(f"{priority_label(priority.value)} {format_cost(low, high) if high or low else '—'}")
        parts.append(f"<b>Total {format_cost(totals.low, totals.high)}</b>")
        unpriced = sum(
            1 for v in self.model.views if v.row.status == "accepted" and v.row.cost_low is None and v.row.cost_high is None
        )
        if unpriced:
            parts.append(f"{unpriced} without a cost estimate")
        self.totals.setText(" &nbsp;·&nbsp; ".join(parts))

    # --- status ----------------------------------------------------------------------------

    def accept_selected(self) -> None:
        self._set_status("accepted", "accept")

    def dismiss_selected(self) -> None:
        self._set_status("dismissed", "dismiss")

    def _set_status(self, status: str, verb: str) -> None:
        if not self._writable():
            return
        targets = [v for v in self.selected_views() if v.row.status != status]
        fallback = self.table.currentIndex().row()
        previous: dict[int, str] = {}
        for view in targets:
            try:
                previous[view.row.id] = self.ws.recommendations.set_status(view.row.id, status)
            except REFUSALS as exc:
                self._refused(exc)
                break
        if not previous:
            return
        new = dict.fromkeys(previous, status)
        self.undo_stack.push(ServiceCommand(
            f"{verb} {_label_for([v.row for v in targets if v.row.id in previous])}",
            do=lambda: self._apply_statuses(new), undo=lambda: self._apply_statuses(previous),
        ))
        self._after_change(list(previous), fallback)

    def _apply_statuses(self, statuses: dict[int, str]) -> None:
        for rec_id, status in statuses.items():
            try:
                self.ws.recommendations.set_status(rec_id, status)
            except REFUSALS as exc:
                self._refused(exc)
                break
        self._after_change(list(statuses))

    # --- edit and add ----------------------------------------------------------------------

    def edit_current(self) -> None:
        view = self.current_view()
        if view is None or not self._writable():
            return
        row = view.row
        current = {name: getattr(row, name) for name in EDITABLE_FIELDS}
        values: dict[str, object] = dict(current)
        while True:
            values = recommendation_editor.edit_recommendation(self, values, heading="Edit recommendation")
            if values is None:
                return
            changed = {k: v for k, v in values.items() if k in current and v != current[k]}
            if not changed:
                return
            try:
                previous = self.ws.recommendations.edit(row.id, **changed)
            except REFUSALS as exc:
                self._refused(exc)
                if isinstance(exc, ReadOnlyAssessment | StoreError | KeyError):
                    return
                continue
            break
        rec_id = row.id
        self.undo_stack.push(ServiceCommand(
            f"edit {_label_for([row])}",
            do=lambda: self._apply_edit(rec_id, changed), undo=lambda: self._apply_edit(rec_id, previous),
        ))
        self._after_change([rec_id])

    def _apply_edit(self, rec_id: int, fields: dict[str, object]) -> None:
        try:
            self.ws.recommendations.edit(rec_id, **fields)
        except REFUSALS as exc:
            self._refused(exc)
        self._after_change([rec_id])

    def add_recommendation(self) -> None:
        if not self._writable():
            return
        rooms: list[tuple[int | None, str]] = [*self._rooms, (None, WHOLE_HOME_CHOICE)]
        current = self.current_view()
        values: dict[str, object] = {
            **recommendation_editor.NEW_RECOMMENDATION,
            "room_id": current.row.room_id if current else (rooms[0][0] if rooms else None),
        }
        while True:
            values = recommendation_editor.edit_recommendation(self, values, rooms, heading="Add recommendation")
            if values is None:
                return
            fields = {k: v for k, v in values.items() if k in EDITABLE_FIELDS and k != "title"}
            try:
                added = self.ws.recommendations.add_custom(
                    self.assessment_id, values.get("room_id"), str(values.get("title", "")), **fields
                )
            except REFUSALS as exc:
                self._refused(exc)
                if isinstance(exc, ReadOnlyAssessment | StoreError | KeyError):
                    return
                continue
            break
        kept: list[RecommendationRow | None] = [None]

        def undo() -> None:
            kept[0] = self._guarded(lambda: self.ws.recommendations.remove(added.id))
            self._after_change([])

        def redo() -> None:
            if kept[0] is not None:
                self._guarded(lambda: self.ws.recommendations.restore(kept[0]))
            self._after_change([added.id])

        self.undo_stack.push(ServiceCommand(f"add {_label_for([added])}", do=redo, undo=undo))
        if self.proxy.status not in (None, OPEN, added.status):
            self.set_filter(None)
        self._after_change([added.id])

    # --- remove ----------------------------------------------------------------------------

    def remove_selected(self) -> None:
        if not self._writable():
            return
        targets = [v.row for v in self.selected_views() if v.row.custom]
        if not targets:
            return
        fallback = self.table.currentIndex().row()
        kept: list[RecommendationRow] = []
        for row in targets:
            try:
                kept.append(self.ws.recommendations.remove(row.id))
            except REFUSALS as exc:
                self._refused(exc)
                break
        if not kept:
            return
        ids = [row.id for row in kept]

        def undo() -> None:
            for row in kept:
                self._guarded(lambda r=row: self.ws.recommendations.restore(r))
            self._after_change(ids)

        def redo() -> None:
            for i, rec_id in enumerate(ids):
                snapshot = self._guarded(lambda r=rec_id: self.ws.recommendations.remove(r))
                if snapshot is not None:
                    kept[i] = snapshot
            self._after_change([], fallback)

        self.undo_stack.push(ServiceCommand(f"remove {_label_for(kept)}", do=redo, undo=undo))
        self._after_change([], fallback)

    # --- helpers ---------------------------------------------------------------------------

    def _writable(self) -> bool:
        return not self.read_only and self.assessment_id is not None

    def _after_change(self, select: list[int], fallback_row: int | None = None) -> None:
        """Reload, select what changed (or the row that took its place), tell the screen."""
        self.refresh()
        if select or fallback_row is not None:
            self._restore_selection(select, select[0] if select else None, fallback_row)
        self._selection_changed()
        self.changed.emit()

    def _guarded(self, call: Callable[[], object]) -> object:
        try:
            return call()
        except REFUSALS as exc:
            self._refused(exc)
            return None

    def _refused(self, exc: Exception) -> None:
        message = str(exc.args[0]) if exc.args else str(exc)
        message = message[:1].upper() + message[1:]
        if not message.endswith("."):
            message += "."
        self.errors.refused("Recommendation not saved", message)


def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _keep_together(text: str) -> str:
    """Escaped, with no line break inside a short fact ("Status: Accepted" never splits)."""
    return _esc(text).replace(" ", "&nbsp;") if len(text) <= 40 else _esc(text)


def _label_for(rows: list[RecommendationRow]) -> str:
    """"swing-clear (offset) hinges" for one, "3 recommendations" for several."""
    if len(rows) != 1:
        return f"{len(rows)} recommendations"
    title = rows[0].title.strip()
    if len(title) > 1 and title[1].isupper():
        return title  # an acronym: "ADA-height toilet" stays as written
    return title[:1].lower() + title[1:]

