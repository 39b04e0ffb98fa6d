"""The home screen's "Follow-up due" filter and the Follow-up column."""

from __future__ import annotations

from datetime import date, timedelta

from homeassess.ui.dialogs.settings_dialog import SettingsDialog
from homeassess.ui.home.assessment_list_model import FOLLOW_UP_COLUMN
from homeassess.ui.home.home_screen import FILTERS
from tests.ui.conftest import create_assessment, final_with_grab_bars


def shown(home) -> dict[str, str]:
    """Client name → the Follow-up column, as the list shows them."""
    model = home.model
    return {model.index(r, 0).data(): model.index(r, FOLLOW_UP_COLUMN).data() for r in range(model.rowCount())}


def choose_filter(home, label: str) -> None:
    home.filter.setCurrentIndex([f[0] for f in FILTERS].index(label))


def test_follow_up_due_lists_the_finals_due_today_or_earlier_with_their_date(qtbot, window, workspace):
    due = final_with_grab_bars(workspace, "Due client")
    later = final_with_grab_bars(workspace, "Later client")
    create_assessment(workspace, name="Draft client")
    yesterday = date.today() - timedelta(days=1)
    workspace.follow_ups.set_due(due, yesterday)
    workspace.follow_ups.set_due(later, date.today() + timedelta(weeks=8))
    window.show_home()

    choose_filter(window.home, "Follow-up due")
    assert shown(window.home) == {"Due client": f"due {yesterday:%d %b %Y} (overdue)"}
    assert window.home.count_label.text() == "1 assessment"

    follow_up = int(workspace.follow_ups.start(due).value)
    workspace.assessments.set_status(follow_up, "final")
    window.home.refresh()
    assert shown(window.home) == {}  # done: it has a final follow-up


def test_a_follow_up_shows_which_visit_it_follows(qtbot, window, workspace):
    original = final_with_grab_bars(workspace)
    visit = workspace.assessments.open(original, audit=False).details.visit_date
    workspace.follow_ups.start(original)
    window.show_home()
    choose_filter(window.home, "Drafts")
    assert list(shown(window.home).values()) == [f"of the {visit:%d %b %Y} visit"]


def test_settings_say_when_a_follow_up_falls_due(qtbot, workspace, judge, messages):
    dialog = SettingsDialog(workspace.settings.load(), judge.standards)
    qtbot.addWidget(dialog)
    weeks = dialog.editors["followup_weeks"]
    assert weeks.accessibleName() == "Follow-up due after (weeks)"
    assert weeks.value() == 8
