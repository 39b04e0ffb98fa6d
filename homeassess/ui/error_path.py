"""The one way failures reach the user: a friendly message, details in the log.

Installed as ``sys.excepthook`` so an exception in any slot is never silent. The
dialog names the log file; the log holds exception types and frames, never their
messages (homeassess.logs), so no health information is written or shown.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget

from homeassess.ui import prompts

log = logging.getLogger("homeassess.ui")


class ErrorPath:
    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self.parent: QWidget | None = None

    def install(self) -> None:
        sys.excepthook = self._excepthook

    def _excepthook(self, exc_type, exc, tb) -> None:  # noqa: ANN001 - sys.excepthook signature
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        self.unexpected()

    def unexpected(self) -> None:
        where = f"\n\nDetails for support (no health information) are in:\n{self.log_file}" if self.log_file else ""
        prompts.show_error(
            self.parent, "Something went wrong",
            "HomeAssess hit an unexpected problem. Your saved work is safe: every change was stored as you made it." + where,
        )

    def refused(self, title: str, message: str) -> None:
        """An expected failure (bad input, disk full): show its plain message."""
        prompts.show_error(self.parent, title, message)
