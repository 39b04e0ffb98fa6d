"""The one way failures reach the user: a refusal's own sentence, or one friendly message for a bug.

- A ``Refused`` (``homeassess.domain.refusals``) is expected: its title and sentence are shown as
  they are. Its text never holds health information or quoted file content.
- Anything else is a bug: logged by type and frames only (``homeassess.logs`` withholds the
  message), then one "Something went wrong" dialog that names the log file.

Installed as ``sys.excepthook`` so an exception in any slot is never silent. It is installed before the
unlock dialog is painted, so the message boxes (``prompts``) are imported when first shown, not with it.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QWidget

from homeassess.domain.refusals import Refused

log = logging.getLogger("homeassess.ui")


class ErrorPath:
    def __init__(self, log_file: object | None) -> None:
        self.log_file = log_file  # a Path, shown to the user; None in tests
        self.parent: QWidget | None = None

    def install(self) -> None:
        sys.excepthook = self.excepthook

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """What ``sys.excepthook`` calls: a refusal shows its sentence; anything else is logged and reported."""
        if isinstance(exc, Refused):
            self.show_refusal(exc)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        self.unexpected()

    def unexpected(self) -> None:
        where = f"\n\nDetails for support (no health information) are in:\n{self.log_file}" if self.log_file else ""
        _show_error(
            self.parent, "Something went wrong",
            "HomeAssess hit an unexpected problem. Your saved work is safe: every change was stored as you made it." + where,
        )

    def show_refusal(self, refusal: Refused, title: str | None = None) -> None:
        """An expected failure: its own sentence under its own title (or the caller's)."""
        _show_error(self.parent, title or refusal.title, refusal.sentence)

    def refused(self, title: str, message: str) -> None:
        """A refusal composed by the caller (several files refused at once)."""
        _show_error(self.parent, title, message)


def _show_error(parent: QWidget | None, title: str, text: str) -> None:
    from homeassess.ui.kit import prompts

    prompts.show_error(parent, title, text)
