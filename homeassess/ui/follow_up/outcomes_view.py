"""The Outcomes tab of any assessment: the baseline at a first visit, the same measures again at a follow-up.

Each of the client's own goals (from the client profile, in order) is rated by the client for
performance and satisfaction, 1 to 10, with the difficulty of the activities tied to it; then falls
in the last 3 months, concern about falling (0 to 10), and a standardised instrument the clinician
used, by name and score only. Open findings are counted, never typed. On a follow-up the table
below compares each measure with the first visit, its direction in words.

Every edit is one ``OutcomeService`` action through ``Operations`` (undone from the Edit menu); a
score out of range is refused by the service and its sentence is shown under the form, "(not
saved)". Enter saves and moves to the next field. A final assessment shows the values read-only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from homeassess.domain.follow_up import CONCERN_RANGE, FALLS_RANGE, GOAL_SCORE_RANGE, GoalScore, Outcomes
from homeassess.domain.refusals import Refused
from homeassess.domain.vocabulary import Difficulty
from homeassess.services.changes import Change, Scope
from homeassess.services.follow_up import FollowUpService
from homeassess.services.outcomes import OutcomeService
from homeassess.ui.follow_up.item_card import refused_html
from homeassess.ui.follow_up.outcome_table import OutcomeTable
from homeassess.ui.kit.date_field import DateField, UnreadableDate
from homeassess.ui.kit.field_walk import FieldWalk
from homeassess.ui.kit.operations import Operations
from homeassess.ui.kit.palette import theme
from homeassess.ui.kit.read_only import show_read_only
from homeassess.ui.kit.text_limits import limit_line
from homeassess.ui.kit.wheel_guard import guard_wheel

COUNTED_BY = (Scope.OUTCOMES, Scope.ITEMS, Scope.FOLLOW_UP, Scope.ASSESSMENT)  # open findings follow these too


def _score(name: str, low_high: tuple[int, int]) -> QLineEdit:
    edit = limit_line(QLineEdit(), 4)
    edit.setValidator(QIntValidator(0, 999, edit))  # whole numbers; the range is the service's to judge
    edit.setPlaceholderText(f"{low_high[0]}–{low_high[1]}")
    edit.setAccessibleName(name)
    edit.setMaximumWidth(90)
    return edit


def _number(text: str) -> int | None:
    return int(text) if text.strip() else None


class GoalRow:
    """One goal's fields: performance, satisfaction, difficulty."""

    def __init__(self, position: int, goal: str) -> None:
        self.position = position
        self.label = QLabel(goal)
        self.label.setTextFormat(Qt.PlainText)  # the client's own words, shown as typed
        self.label.setWordWrap(True)
        self.performance = _score(f"Performance: {goal}", GOAL_SCORE_RANGE)
        self.satisfaction = _score(f"Satisfaction: {goal}", GOAL_SCORE_RANGE)
        self.difficulty = guard_wheel(QComboBox())
        self.difficulty.setAccessibleName(f"Difficulty: {goal}")
        self.difficulty.addItem("", "")
        for level in Difficulty:
            self.difficulty.addItem(level.label, level.value)

    def show(self, score: GoalScore) -> None:
        self.performance.setText("" if score.performance is None else str(score.performance))
        self.satisfaction.setText("" if score.satisfaction is None else str(score.satisfaction))
        self.difficulty.setCurrentIndex(max(self.difficulty.findData(score.difficulty.value if score.difficulty else ""), 0))

    def typed(self) -> tuple[int | None, int | None, Difficulty | None]:
        value = self.difficulty.currentData()
        return _number(self.performance.text()), _number(self.satisfaction.text()), Difficulty(value) if value else None


class OutcomesView(QWidget):
    def __init__(self, outcomes: OutcomeService, follow_ups: FollowUpService, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcomes = outcomes
        self.follow_ups = follow_ups
        self.ops = ops
        self.assessment_id: int | None = None
        self.read_only = True
        self.is_follow_up = False
        self.goals: list[GoalRow] = []
        self._stale = False
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setFrameShape(QScrollArea.NoFrame)
        self.scroll.setAccessibleName("Outcomes")
        self.walk = FieldWalk(self.scroll, self)
        self.heading = QLabel("")
        self.heading.setWordWrap(True)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("outcomeMessage")
        self._new_measure_fields()
        self.comparison = OutcomeTable()
        self.comparison_box = QGroupBox("Change since the first visit")
        QVBoxLayout(self.comparison_box).addWidget(self.comparison)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        ops.bus.changed.connect(self._on_change)
        theme().changed.connect(self.redraw)  # a bound method: disconnected when the view goes

    # --- what is shown ---------------------------------------------------------------------------

    def set_assessment(self, assessment_id: int, read_only: bool) -> None:
        self.assessment_id, self.read_only = assessment_id, read_only
        self.is_follow_up = self.follow_ups.link(assessment_id).original_id is not None
        self.refresh()

    def refresh(self) -> None:
        """The form built again for the goals the client profile lists now, filled in from the store."""
        if self.assessment_id is None:
            return
        self._stale = False
        stored = self.outcomes.outcomes(self.assessment_id)
        self.walk.clear()
        self.goals = [GoalRow(i, score.goal) for i, score in enumerate(stored.goals)]
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self._goal_box())
        column.addWidget(self._measure_box())
        column.addWidget(self.comparison_box)
        column.addStretch(1)
        self.scroll.setWidget(body)  # the previous form (and its fields) goes with the old body
        self.comparison_box.setVisible(self.is_follow_up)
        when = "at this follow-up, compared below with the first visit" if self.is_follow_up else "at this visit (the baseline)"
        self.heading.setText(f"<b>Outcomes {when}.</b> The client rates each goal 1 to 10."
                             + (" <i>Final: read-only.</i>" if self.read_only else ""))
        self.show_message("")
        self._show(stored, set_fields=True)
        if self.read_only:
            show_read_only(body)
        else:
            self._connect()

    def _goal_box(self) -> QGroupBox:
        box = QGroupBox("The client's goals")
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        for column, text in enumerate(("Goal", "Performance", "Satisfaction", "Difficulty")):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        for row in self.goals:
            grid.addWidget(row.label, row.position + 1, 0)
            for column, field in enumerate((row.performance, row.satisfaction, row.difficulty), start=1):
                grid.addWidget(field, row.position + 1, column)
                self.walk.add(field, None if self.read_only else (lambda r=row: self.save_goal(r)))
        if not self.goals:
            grid.addWidget(QLabel("<i>The client profile lists no goals yet: add them under Client &amp; visit.</i>"),
                           1, 0, 1, 4)
        return box

    def _new_measure_fields(self) -> None:
        """Fresh fields each time the form is built (the old ones go with the old form)."""
        self.recorded_on = DateField("Recorded on")
        self.recorded_on.setAccessibleName("Outcomes recorded on")
        self.recorded_on.setMaximumWidth(220)
        self.falls = _score("Falls in the last 3 months", FALLS_RANGE)
        self.concern = _score("Concern about falling, 0 to 10", CONCERN_RANGE)
        self.instrument = limit_line(QLineEdit())
        self.instrument.setAccessibleName("Instrument used")
        self.instrument.setPlaceholderText("the instrument's name, if you used one")
        self.instrument_score = limit_line(QLineEdit())
        self.instrument_score.setAccessibleName("Instrument score")
        self.open_findings = QLabel("")
        self.open_findings.setAccessibleName("Open findings")

    def _measure_box(self) -> QGroupBox:
        self._new_measure_fields()
        box = QGroupBox("Falls and concern")
        form = QFormLayout(box)
        for text, field in (("Recorded on:", self.recorded_on), ("Falls in the last 3 months:", self.falls),
                            ("Concern about falling (0–10):", self.concern), ("Instrument used:", self.instrument),
                            ("Instrument score:", self.instrument_score)):
            form.addRow(text, field)
            self.walk.add(field, None if self.read_only else self.save_measures)
        form.addRow("Open findings (counted):", self.open_findings)
        return box

    def _connect(self) -> None:
        for row in self.goals:
            for edit in (row.performance, row.satisfaction):
                edit.editingFinished.connect(lambda r=row: self.save_goal(r))
            row.difficulty.activated.connect(lambda _=0, r=row: self.save_goal(r))
        for field in (self.recorded_on, self.falls, self.concern, self.instrument, self.instrument_score):
            field.editingFinished.connect(self.save_measures)

    def _show(self, stored: Outcomes, *, set_fields: bool) -> None:
        if set_fields:
            for row, score in zip(self.goals, stored.goals, strict=False):
                row.show(score)
            self.recorded_on.set_date(stored.recorded_on)
            self.falls.setText("" if stored.falls_3m is None else str(stored.falls_3m))
            self.concern.setText("" if stored.fall_concern is None else str(stored.fall_concern))
            self.instrument.setText(stored.instrument)
            self.instrument_score.setText(stored.instrument_score)
        self.open_findings.setText(str(stored.open_findings))
        if self.is_follow_up:
            self.comparison.show_changes(self.outcomes.compare(self.assessment_id))

    def redraw(self, _scheme: object = None) -> None:
        """The directions again in the tones of the scheme shown now."""
        if self.assessment_id is not None and self.is_follow_up:
            self.comparison.show_changes(self.outcomes.compare(self.assessment_id))

    def show_message(self, shown: str) -> None:
        self.message.setText(shown)
        self.message.setVisible(bool(shown))

    def take_up(self) -> None:
        self.walk.focus_first(empty_only=True)

    # --- saving ------------------------------------------------------------------------------------

    def _run(self, action: Callable[[], Change]) -> None:
        self.show_message("")
        self.ops.run(action, on_refused=lambda refusal: self._refused(refusal), initiator=self)

    def _refused(self, refusal: Refused) -> None:
        self.show_message(refused_html(refusal.sentence))

    def save_goal(self, row: GoalRow) -> None:
        assessment_id = self.assessment_id
        performance, satisfaction, difficulty = row.typed()
        stored = self.outcomes.outcomes(assessment_id).goals
        if row.position < len(stored):
            now = stored[row.position]
            if (now.performance, now.satisfaction, now.difficulty) == (performance, satisfaction, difficulty):
                return
        self._run(lambda: self.outcomes.set_goal(assessment_id, row.position, performance, satisfaction, difficulty))

    def save_measures(self) -> None:
        assessment_id = self.assessment_id
        try:
            recorded_on = self.recorded_on.date()
        except UnreadableDate as unreadable:
            self.show_message(refused_html(str(unreadable)))
            return
        typed = {"recorded_on": recorded_on, "falls_3m": _number(self.falls.text()),
                 "fall_concern": _number(self.concern.text()), "instrument": self.instrument.text().strip(),
                 "instrument_score": self.instrument_score.text().strip()}
        stored = self.outcomes.outcomes(assessment_id)
        if all(getattr(stored, name) == value for name, value in typed.items()):
            return
        self._run(lambda: self.outcomes.set_measures(assessment_id, **typed))

    # --- following the announced changes -----------------------------------------------------------

    def _on_change(self, change: Change, initiator: object) -> None:
        if self.assessment_id is None or not change.touches(*COUNTED_BY):
            return
        mine = change.assessment_id == self.assessment_id
        original = self.is_follow_up and change.touches(Scope.OUTCOMES)  # the baseline may have changed
        if not (mine or original):
            return
        if not self.isVisible():
            self._stale = True
        elif initiator is self and change.touches(Scope.OUTCOMES):  # typed here: only the comparison follows
            if self.is_follow_up:
                self.comparison.show_changes(self.outcomes.compare(self.assessment_id))
        elif change.touches(Scope.ASSESSMENT) and mine:
            self.refresh()  # the client's goals may have changed
        else:
            self._show(self.outcomes.outcomes(self.assessment_id), set_fields=mine and initiator is not self)

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

