"""A reserve of references to ``True``, for PySide6 releases whose ``Signal.emit`` drops one.

PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit`` without taking a reference to it, so on
Python 3.11 every emit made from Python costs ``True`` one reference. In the window's process
``True`` starts with about 12,000; when they run out, the interpreter aborts ("bool_dealloc:
deallocating True or False") and the window is gone mid-visit. (6.11 does not do this, but it has no
separate QtPdf package; from Python 3.12 ``True`` is immortal.)

Where the drop is seen at start, the window holds a million extra references in a list (8 MB) and
tops it up whenever fewer than 100,000 remain: about a million emits between two checks would be
needed to run out. The lists are never freed, not even at exit, where handing their references back
would take ``True`` below zero. Where emit keeps its references, nothing is held. ``tests/ui/test_signal_references.py``
emits 50,000 times in a process of its own.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer, Signal

RESERVE = 1_000_000
LOW = 100_000
CHECK_MS = 10_000

# Never freed, not even when the interpreter shuts down: freeing it would hand back every reference it holds,
# including those the emits took, and abort the exit instead. One extra reference to the list keeps it.
_reserve: list[list[bool]] = []
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_reserve))


class _Probe(QObject):
    fired = Signal(int)


def emit_drops_references() -> bool:
    """Whether this PySide6 drops a reference to ``True`` on each emit (measured over a few emits)."""
    probe = _Probe()
    probe.fired.connect(lambda _n: None)
    before = sys.getrefcount(True)
    for n in range(8):
        probe.fired.emit(n)
    return sys.getrefcount(True) <= before - 8


def hold_reserve() -> bool:
    """If emits drop references, hold a reserve now (True); a process without an event loop stops here."""
    if not emit_drops_references():
        return False
    _top_up()
    return True


def keep_true_referenced(parent: QObject) -> QTimer | None:
    """:func:`hold_reserve`, then top it up on a timer owned by ``parent`` (the window's event loop runs it)."""
    if not hold_reserve():
        return None
    timer = QTimer(parent)
    timer.setInterval(CHECK_MS)
    timer.timeout.connect(_top_up)
    timer.start()
    return timer


def _top_up() -> None:
    if sys.getrefcount(True) < LOW:
        _reserve.append([True] * RESERVE)
