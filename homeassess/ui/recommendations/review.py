"""The recommendation review: accept, dismiss, edit and add recommendations, with cost totals.

The controller over ``ReviewLayout``. Every change is one call to ``RecommendationService`` run
through ``Operations`` (several selected rows are one call, one transaction, one undo step:
"Undo accept 3 recommendations"). The review refreshes itself once per announced change, from
an edit here or an undo from the Edit menu; while hidden it only notes that it is out of date.
The table sorts by any column (priority by rank, cost by its numbers) and filters by status;
the pane under it shows the selected recommendation in full.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QWidget

from homeassess.domain.refusals import InvalidInput, Refused
from homeassess.domain.vocabulary import RecommendationStatus
from homeassess.services.assessments import AssessmentService
from homeassess.services.changes import NOTHING, Change, Scope
from homeassess.services.recommendations import RecommendationService, RecommendationView
from homeassess.ui.kit.actions import ActionRegistry
from homeassess.ui.kit.operations import Operations
from homeassess.ui.recommendations import editor
from homeassess.ui.recommendations.detail import detail_html, totals_html
from homeassess.ui.recommendations.review_view import ReviewLayout
from homeassess.ui.recommendations.table_model import OPEN

WHOLE_HOME_CHOICE = "No particular room (whole home)"
TITLE = "Recommendation not saved"
ACCEPTED, DISMISSED = RecommendationStatus.ACCEPTED, RecommendationStatus.DISMISSED


class RecommendationsView(ReviewLayout):
    def __init__(self, recommendations: RecommendationService, assessments: AssessmentService, ops: Operations,
                 registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(registry, parent)
        self.recommendations = recommendations
        self.assessments = assessments
        self.ops = ops
        self.assessment_id: int | None = None
        self.read_only = True
        self._stale = False
        self._room_order: dict[int | None, int] | None = None  # room id -> walking position, read when rooms change

        for name, slot in (("accept", self.accept_selected), ("dismiss", self.dismiss_selected),
                           ("edit", self.edit_current), ("add", self.add_recommendation), ("remove", self.remove_selected)):
            self.actions_by_name[name].triggered.connect(lambda *_, slot=slot: slot())
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.selectionModel().currentChanged.connect(lambda *_: self._selection_changed())
        self.table.activated.connect(self._activated)
        ops.bus.changed.connect(self._on_change)
        self._update_actions()

    # --- what is shown ---------------------------------------------------------------------

    def set_assessment(self, assessment_id: int, read_only: bool) -> None:
        self.assessment_id = assessment_id
        self.read_only = read_only
        self.read_only_note.setVisible(read_only)
        self.table.selectionModel().clear()
        self._room_order = None
        self.set_filter(None if read_only else OPEN)  # a final: all of them, as decided
        self.refresh()
        self.fit_columns()
        if self.proxy.rowCount():
            self.select_rows([0])

    def refresh(self, select: tuple[str, ...] = ()) -> None:
        """Reload from the service; select ``select`` if given, else keep the selection (or the row it left)."""
        if self.assessment_id is None:
            return
        self._stale = False
        keep = list(select) or [v.ref for v in self.selected_views()]
        current = self.current_view()
        fallback = self.table.currentIndex().row() if self.table.currentIndex().isValid() else None
        if self._room_order is None:
            self._room_order = {r.id: i for i, r in enumerate(self.assessments.room_views(self.assessment_id))}
        views = self.recommendations.list(self.assessment_id)
        self.model.set_rows(views, self._room_order)
        self._restore_selection(keep, select[0] if select else (current.ref if current else None), fallback)
        self.show_counts(self.read_only)
        self.totals.setText(totals_html(self.recommendations.totals(self.assessment_id, views)))
        self._selection_changed()

    def _on_change(self, change: Change, _initiator: object) -> None:
        if self.assessment_id is None or change.assessment_id != self.assessment_id:
            return
        if not change.touches(Scope.RECOMMENDATIONS, Scope.ROOMS, Scope.ASSESSMENT):
            return
        if change.touches(Scope.ROOMS):
            self._room_order = None
        if self.isVisible():
            self.refresh(change.refs)  # what changed is selected (or the row it left, if the filter hides it now)
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # --- selection -------------------------------------------------------------------------

    def current_view(self) -> RecommendationView | None:
        index = self.table.currentIndex()
        return self.model.view_at(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def selected_views(self) -> list[RecommendationView]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        views = [self.model.view_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows]
        if not views and (current := self.current_view()) is not None:
            views = [current]
        return views

    def select_recommendation(self, ref: str) -> bool:
        """Select one recommendation; False if it is not shown (another filter, or gone)."""
        return self._restore_selection([ref], ref, None)

    def shown_row(self, ref: str) -> int:
        """The table row showing ``ref`` under the current filter and sort, or -1."""
        return self._proxy_row(ref)

    def select_rows(self, rows: list[int], current: int | None = None) -> None:
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

    def _proxy_row(self, ref: str | None) -> int:
        source = self.model.row_of(ref) if ref is not None else -1
        if source < 0:
            return -1
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        return index.row() if index.isValid() else -1

    def _restore_selection(self, refs: list[str], current: str | None, fallback_row: int | None) -> bool:
        rows = [r for r in (self._proxy_row(ref) for ref in refs) if r >= 0]
        found = bool(rows)
        if not rows and fallback_row is not None and self.proxy.rowCount():
            rows = [min(fallback_row, self.proxy.rowCount() - 1)]
        current_row = self._proxy_row(current)
        self.select_rows(rows, current_row if current_row >= 0 else None)
        return found

    def _selection_changed(self) -> None:
        view = self.current_view()
        if view is None:
            self.detail.clear()
        else:
            self.detail.setHtml(detail_html(view))
        self._update_actions()

    def _update_actions(self) -> None:
        views = self.selected_views()
        writable = self._writable()
        self.accept_action.setEnabled(writable and any(v.status is not ACCEPTED for v in views))
        self.dismiss_action.setEnabled(writable and any(v.status is not DISMISSED for v in views))
        self.edit_action.setEnabled(writable and self.current_view() is not None)
        self.add_action.setEnabled(writable)
        self.remove_action.setEnabled(writable and bool(views) and all(v.custom for v in views))
        if writable and views and not self.remove_action.isEnabled():
            self.remove_button.setToolTip("Only recommendations you added can be removed; dismiss a proposed one instead.")
        else:
            self.remove_button.setToolTip(self.remove_action.toolTip())

    def _activated(self, _index: QModelIndex) -> None:
        """Enter or a double-click edits; Ctrl+Return on an accepted row must not fall through to here."""
        if QApplication.keyboardModifiers() == Qt.NoModifier:
            self.edit_current()

    # --- filter ----------------------------------------------------------------------------

    def set_filter(self, status: str | None) -> None:
        self.filter.setCurrentIndex(max(self.filter.findData(status), 0))
        if self.proxy.status != self.filter.currentData():  # already chosen: the box emits nothing
            self._filter_changed(self.filter.currentIndex())

    def _filter_changed(self, _index: int) -> None:
        keep = [v.ref for v in self.selected_views()]
        self.proxy.set_status(self.filter.currentData())
        self._restore_selection(keep, keep[0] if keep else None, 0)
        self.show_empty(self.read_only)
        self._selection_changed()

    # --- changes ---------------------------------------------------------------------------

    def accept_selected(self) -> None:
        self._set_status(ACCEPTED)

    def dismiss_selected(self) -> None:
        self._set_status(DISMISSED)

    def _set_status(self, status: RecommendationStatus) -> None:
        refs = [v.ref for v in self.selected_views() if v.status is not status]
        if self._writable() and refs:
            assessment_id = self.assessment_id
            self._run(lambda: self.recommendations.set_status(assessment_id, refs, status.value))

    def edit_current(self) -> None:
        view = self.current_view()
        if view is None or not self._writable():
            return
        assessment_id, ref = self.assessment_id, view.ref
        current = {name: view.field(name) for name in editor.NEW_RECOMMENDATION}

        def save(values: dict[str, object]) -> Change | None:
            changed = {k: v for k, v in values.items() if k in current and v != current[k]}
            return self.recommendations.edit(assessment_id, ref, **changed) if changed else None

        self._edit_until_saved(current, save, heading="Edit recommendation")

    def add_recommendation(self) -> None:
        if not self._writable():
            return
        assessment_id = self.assessment_id
        rooms: list[tuple[int | None, str]] = [(r.id, r.name) for r in self.assessments.room_views(assessment_id)]
        rooms.append((None, WHOLE_HOME_CHOICE))
        current = self.current_view()
        values = {**editor.NEW_RECOMMENDATION, "room_id": current.room_id if current else rooms[0][0]}

        def add(chosen: dict[str, object]) -> Change:
            fields = {k: v for k, v in chosen.items() if k in editor.NEW_RECOMMENDATION and k != "title"}
            room_id = cast("int | None", chosen.get("room_id"))
            return self.recommendations.add_custom(assessment_id, room_id, str(chosen.get("title", "")), **fields)

        self._edit_until_saved(values, add, rooms=rooms, heading="Add recommendation", on_done=self._show_added)

    def _show_added(self, added: Change) -> None:
        """A new one is accepted: if the filter hides it, show them all, so the clinician sees it."""
        ref = str(added.value)
        if self.shown_row(ref) < 0:
            self.set_filter(None)
        self.select_recommendation(ref)

    def remove_selected(self) -> None:
        refs = [v.ref for v in self.selected_views() if v.custom]
        if self._writable() and refs:
            assessment_id = self.assessment_id
            self._run(lambda: self.recommendations.remove(assessment_id, refs))

    # --- helpers ---------------------------------------------------------------------------

    def _edit_until_saved(self, values: dict[str, object], save: Callable[[dict[str, object]], Change | None], *,
                          heading: str, rooms: list[tuple[int | None, str]] | None = None,
                          on_done: Callable[[Change], None] | None = None) -> None:
        """The editor, reopened with what was typed while the service refuses a value, until saved or cancelled."""
        retry: list[bool] = []

        def refused(refusal: Refused) -> None:
            self.ops.show_refusal(refusal, TITLE)
            retry.append(isinstance(refusal, InvalidInput))  # a value to correct; not a final or removed one

        while True:
            chosen = editor.edit_recommendation(self, values, rooms, heading=heading)
            if chosen is None:
                return
            retry.clear()
            self.ops.run(lambda chosen=chosen: save(chosen) or NOTHING, on_refused=refused, on_done=on_done,
                         title=TITLE)
            if not any(retry):
                return
            values = chosen

    def _run(self, action: Callable[[], Change]) -> None:
        self.ops.run(action, title=TITLE)

    def _writable(self) -> bool:
        return not self.read_only and self.assessment_id is not None

