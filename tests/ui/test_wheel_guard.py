"""The mouse wheel scrolls the page; it never answers an item or changes a setting on its way past."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QSpinBox, QWidget

from homeassess.domain.catalogue import ItemKind
from homeassess.ui.dialogs.settings_dialog import SettingsDialog
from tests.ui.conftest import create_assessment


def turn_wheel(widget: QWidget, ticks: int = 3) -> None:
    """Wheel ticks (down when positive, up when negative) with the pointer over the middle of ``widget``."""
    centre = QPointF(widget.rect().center())
    step = -120 if ticks > 0 else 120
    for _ in range(abs(ticks)):
        event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(), QPoint(0, step),
                            Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)


def test_scrolling_the_checklist_over_every_kind_of_field_changes_nothing(qtbot, window, workspace):
    assessment_id = create_assessment(workspace, rooms=("entrance",))
    window.resize(1024, 700)
    window.open_assessment(assessment_id)
    checklist = window.assessment.checklist
    rows = [checklist.rows[i] for i in checklist.item_order()]
    kinds = {row.item.kind for row in rows}
    assert kinds == set(ItemKind)  # the entrance has one of every kind of field
    shown_before = {row.item.id: row.text() for row in rows}
    bar = checklist.scroll.verticalScrollBar()
    assert bar.maximum() > 0

    for kind in ItemKind:  # scroll from the top over the first field of each kind
        bar.setValue(0)
        row = next(r for r in rows if r.item.kind is kind)
        checklist.scroll.ensureWidgetVisible(row.editor)
        start = bar.value()
        turn_wheel(row.editor, -3 if start == bar.maximum() else 3)  # the last field: up, the others: down
        assert bar.value() != start, f"the page did not scroll over a {kind.value} field"
    for row in rows:  # and over every field on the way down
        checklist.scroll.ensureWidgetVisible(row.editor)
        turn_wheel(row.editor)

    assert {row.item.id: row.text() for row in rows} == shown_before
    assert all(not row.verdict.text() for row in rows)
    room_id = window.assessment.room_id
    assert all(state.text == "" for state in workspace.checklist.room_items(room_id))
    assert window.assessment.rooms.model.rooms[0].answered == 0
    assert workspace.recommendations.list(assessment_id) == []
    assert window.undo_stack.count() == 0


def test_a_choice_still_answers_from_the_keyboard(qtbot, window, workspace):
    """The guard takes the wheel only: a focused choice box still answers by its keys."""
    assessment_id = create_assessment(workspace, rooms=("entrance",))
    window.open_assessment(assessment_id)
    combo = window.assessment.checklist.rows["step_free_entry"].editor
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_Down)
    room_id = window.assessment.room_id
    assert workspace.checklist.response_text(room_id, "step_free_entry") == "yes"
    assert combo.currentText() == "Yes"


def test_a_setting_changes_by_wheel_only_while_its_field_has_the_focus(qtbot, workspace, judge, messages):
    dialog = SettingsDialog(workspace.settings.load(), judge.standards)
    qtbot.addWidget(dialog)
    dialog.show()
    spin = dialog.editors["idle_lock_minutes"]
    assert isinstance(spin, QSpinBox)
    before = spin.value()
    unit = dialog.editors["default_unit"]
    unit_before = unit.currentText()
    turn_wheel(spin)
    turn_wheel(unit)
    assert (spin.value(), unit.currentText()) == (before, unit_before)
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    turn_wheel(spin, ticks=1)
    assert spin.value() == before - 1  # meant: the clinician clicked into it first
