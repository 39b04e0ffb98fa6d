"""Run by test_signal_references.py in its own process: many emits from Python, with the program's reserve.

    python -m tests.ui.emit_probe COUNT [--no-reserve]

Exits 0 and prints True's reference count at the end; a PySide6 whose emits drop references to True aborts
the interpreter ("bool_dealloc") once they run out, unless the reserve holds them.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal


class Announcer(QObject):
    changed = Signal(object)


def main(count: int, reserve: bool) -> int:
    app = QCoreApplication(sys.argv[:1])
    if reserve:
        from homeassess.ui.kit.signal_references import keep_true_referenced

        keep_true_referenced(app)
    announcer = Announcer()
    seen = []
    announcer.changed.connect(seen.append)
    for n in range(count):
        announcer.changed.emit(n)
        if len(seen) > 100:
            seen.clear()
    print(sys.getrefcount(True), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), "--no-reserve" not in sys.argv))
