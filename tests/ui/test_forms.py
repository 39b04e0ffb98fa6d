"""Forms people can type into: dates typed or left empty, the first field focused, the address typed once,
Esc asks before throwing typed data away."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication

from homeassess.ui.dialogs.assessment_dialog import AssessmentDialog
from homeassess.ui.dialogs.settings_dialog import SettingsDialog
from homeassess.ui.kit import prompts
from homeassess.ui.kit.date_field import SHOWN, UnreadableDate, read_date
from homeassess.ui.recommendations.editor import RecommendationEditor


@pytest.fixture
def new_dialog(qtbot, workspace, judge, messages):
    dialog = AssessmentDialog(judge.standards, judge.catalogue, workspace.settings.load())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog  # closed by qtbot: a form left with typed data asks, and ``messages`` answers yes


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)


def test_the_date_of_birth_is_typed_or_left_empty(qtbot, new_dialog):
    dob = new_dialog.client.dob
    assert dob.text() == "" and dob.placeholderText() == ""  # empty means not recorded; no stand-in text
    new_dialog.client.name.setText("Ada")
    type_into(qtbot, dob, "14 March 1948")
    qtbot.keyClick(dob, Qt.Key_Tab)
    assert dob.text() == "14 Mar 1948"  # shown back as understood
    new_dialog.try_accept()
    assert new_dialog.result_new.client.date_of_birth == date(1948, 3, 14)


def test_an_empty_date_of_birth_is_not_recorded_and_a_wrong_one_is_refused(qtbot, new_dialog):
    new_dialog.client.name.setText("Ada")
    new_dialog.try_accept()
    assert new_dialog.result_new.client.date_of_birth is None

    new_dialog.result_new = None
    new_dialog.client.dob.setText("31 Feb 1948")
    new_dialog.try_accept()
    assert new_dialog.result_new is None
    assert new_dialog.message.text().startswith("Date of birth:") and "14 Mar 1948" in new_dialog.message.text()


def test_the_visit_date_is_typed_and_required(qtbot, new_dialog):
    new_dialog.client.name.setText("Ada")
    assert new_dialog.visit.visit_date.text() == QDate.currentDate().toString(SHOWN)  # today, ready to keep
    new_dialog.visit.visit_date.setText("2026-11-18")
    new_dialog.try_accept()
    assert new_dialog.result_new.details.visit_date == date(2026, 11, 18)
    new_dialog.result_new = None
    new_dialog.visit.visit_date.setText("")
    new_dialog.try_accept()
    assert new_dialog.result_new is None and "Visit date" in new_dialog.message.text()
    assert new_dialog.tabs.currentWidget() is new_dialog.visit  # the tab with the field to fix


@pytest.mark.parametrize(("country", "typed"), [(QLocale.UnitedStates, "3/14/1948"), (QLocale.UnitedKingdom, "14/03/1948")])
def test_numeric_dates_follow_the_clinicians_locale(country, typed):
    assert read_date(typed, QLocale(QLocale.English, country)) == date(1948, 3, 14)


@given(st.text(max_size=40))
def test_any_text_is_a_date_nothing_or_refused_in_words(text):
    try:
        value = read_date(text)
    except UnreadableDate:
        return
    assert value is None or isinstance(value, date)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_a_date_shown_reads_back_as_itself(value):
    assert read_date(QDate(value).toString(SHOWN)) == value


def test_dialogs_open_on_their_first_field(qtbot, new_dialog, workspace, judge):
    assert QApplication.focusWidget() is new_dialog.client.name  # not the tab bar
    settings = SettingsDialog(workspace.settings.load(), judge.standards)
    qtbot.addWidget(settings)
    settings.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is next(iter(settings.editors.values())))
    editor = RecommendationEditor({}, [(1, "Bathroom")], "Add recommendation")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.room)


def test_the_clients_address_is_offered_for_the_home(qtbot, new_dialog):
    client_address, home_address = new_dialog.client.address, new_dialog.visit.fields["address"]
    type_into(qtbot, client_address, "12 Elm Street")
    assert home_address.text() == "12 Elm Street"
    type_into(qtbot, home_address, ", flat 2")  # the home differs a little: only the home changes
    assert home_address.text() == "12 Elm Street, flat 2" and client_address.text() == "12 Elm Street"
    type_into(qtbot, client_address, " North")  # the home no longer follows what it was offered
    assert home_address.text() == "12 Elm Street, flat 2"


def test_esc_asks_before_discarding_what_was_typed(qtbot, new_dialog, monkeypatch):
    asked: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text: asked.append(text) or next(answers))
    type_into(qtbot, new_dialog.client.name, "Ada Fenwick")
    qtbot.keyClick(new_dialog.client.name, Qt.Key_Escape)
    assert asked == ["Discard what you typed in this form?"]
    assert new_dialog.isVisible() and new_dialog.client.name.text() == "Ada Fenwick"  # "No": all kept
    qtbot.keyClick(new_dialog.client.name, Qt.Key_Escape)
    assert not new_dialog.isVisible() and new_dialog.result() == AssessmentDialog.Rejected


def test_esc_on_an_untouched_form_closes_without_asking(qtbot, new_dialog, monkeypatch):
    monkeypatch.setattr(prompts, "confirm", lambda *a: pytest.fail("asked about an untouched form"))
    qtbot.keyClick(new_dialog.client.name, Qt.Key_Escape)
    assert not new_dialog.isVisible()
