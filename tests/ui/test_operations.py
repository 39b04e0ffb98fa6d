"""The operation helper every edit goes through: refusal shown, bug not disguised, undo chain, announcements."""

from __future__ import annotations

import sys
import threading

import pytest

from homeassess.domain.refusals import InvalidInput
from homeassess.services.changes import Change, Scope, change
from homeassess.ui.kit.error_path import ErrorPath


class Counter:
    """A stand-in service: one number, changed by actions that return a Change with its inverse."""

    def __init__(self) -> None:
        self.value = 0
        self.threads: list[int] = []
        self.refuse_from = 1_000

    def set(self, value: int) -> Change:
        self.threads.append(threading.get_ident())
        if value < 0 or value >= self.refuse_from:
            raise InvalidInput("a count cannot be negative")
        old, self.value = self.value, value
        return change(Scope.ITEMS, label=f"set count to {value}", assessment_id=1, undo=lambda: self.set(old))


@pytest.fixture
def counter() -> Counter:
    return Counter()


@pytest.fixture
def heard(ops) -> list[tuple[Change, object]]:
    out: list[tuple[Change, object]] = []
    ops.bus.changed.connect(lambda done, initiator: out.append((done, initiator)))
    return out


def test_an_edit_is_pushed_once_announced_and_undone_through_its_inverse(ops, counter, heard):
    me = object()
    ops.run(lambda: counter.set(5), initiator=me)
    assert counter.value == 5
    assert ops.undo_stack.count() == 1 and ops.undo_stack.undoText() == "set count to 5"
    assert [(d.label, i) for d, i in heard] == [("set count to 5", me)]

    ops.undo_stack.undo()
    assert counter.value == 0 and heard[-1][1] is None  # an undo has no initiator: every view shows it
    ops.undo_stack.redo()
    assert counter.value == 5
    ops.undo_stack.undo()
    assert counter.value == 0
    assert ops.undo_stack.undoText() == "" and ops.undo_stack.redoText() == "set count to 5"


def test_a_refusal_shows_its_sentence_and_changes_nothing(ops, counter, heard, messages):
    ops.run(lambda: counter.set(-1))
    assert messages == [("Not saved", "A count cannot be negative.")]
    assert ops.undo_stack.count() == 0 and heard == []
    taken = []
    ops.run(lambda: counter.set(-1), on_refused=taken.append, title="Count not saved")
    assert [str(r) for r in taken] == ["a count cannot be negative"] and len(messages) == 1  # handed over, not shown


def test_a_bug_is_not_disguised_as_a_refusal(ops, counter, messages):
    with pytest.raises(ZeroDivisionError):
        ops.run(lambda: counter.set(1 // 0))
    assert messages == [] and ops.undo_stack.count() == 0


def test_an_undo_that_is_now_refused_says_why_and_leaves_the_history(ops, counter, messages):
    ops.run(lambda: counter.set(3))
    ops.run(lambda: counter.set(7))
    counter.refuse_from = 0  # say the assessment was finalised meanwhile
    ops.undo_stack.undo()
    assert counter.value == 7
    assert messages == [("Not saved", "A count cannot be negative.")]
    assert ops.undo_stack.count() == 1 and ops.undo_stack.undoText() == "set count to 3"


def test_one_way_changes_are_announced_but_not_pushed(ops, counter, heard):
    ops.run(lambda: counter.set(2), undoable=False)
    assert counter.value == 2 and ops.undo_stack.count() == 0 and len(heard) == 1


def test_a_slow_action_runs_off_the_gui_thread_then_is_pushed(qtbot, ops, counter, heard, messages):
    done: list[Change] = []
    ops.run(lambda: counter.set(4), slow=True, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert counter.threads == [counter.threads[0]] and counter.threads[0] != threading.get_ident()
    assert ops.undo_stack.undoText() == "set count to 4" and len(heard) == 1

    settled = []
    ops.run(lambda: counter.set(-4), slow=True, on_settled=lambda: settled.append(1))
    qtbot.waitUntil(lambda: bool(settled))
    assert messages == [("Not saved", "A count cannot be negative.")]


def test_a_bug_on_the_worker_reaches_the_one_error_path(qtbot, ops, counter, messages, monkeypatch):
    errors = ErrorPath(None)
    settled = []
    with monkeypatch.context() as patch:
        patch.setattr(sys, "excepthook", errors.excepthook)
        ops.run(lambda: counter.set(1 // 0), slow=True, on_settled=lambda: settled.append(1))
        qtbot.waitUntil(lambda: bool(settled))
    assert [title for title, _ in messages] == ["Something went wrong"]
    assert ops.undo_stack.count() == 0
