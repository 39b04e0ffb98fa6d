"""Typed text is held to the same limits an import enforces (resources/limits.toml, docs/limits.md)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from homeassess.domain.limits import TEXT
from homeassess.ui.dialogs.client_form import ClientForm


def test_a_pasted_novel_stops_at_the_limits(qtbot):
    form = ClientForm()
    qtbot.addWidget(form)
    QGuiApplication.clipboard().setText("Ellison " * 5_000)  # 40,000 characters
    form.name.setFocus()
    form.name.paste()
    assert len(form.name.text()) == TEXT.line
    form.goals.setFocus()
    form.goals.paste()
    assert len(form.goals.toPlainText()) == TEXT.paragraph
    qtbot.keyClicks(form.goals, "more")  # typing at the end changes nothing
    assert len(form.goals.toPlainText()) == TEXT.paragraph
    qtbot.keyClick(form.goals, Qt.Key_Home, Qt.ControlModifier)
    qtbot.keyClick(form.goals, Qt.Key_Delete)
    assert len(form.goals.toPlainText()) == TEXT.paragraph - 1
    assert form.profile().goals and len(form.profile().name) == TEXT.line
