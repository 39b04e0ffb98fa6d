"""Logging that cannot leak health information.

Our own log calls carry ids and counts only. Exceptions are logged by type and stack
frames, never by message: a message may quote a value the clinician typed, a file name
or a client's name. The log lives in the data folder's ``logs/`` and rotates. The folder is
the program's own, so it is always owner-only (0700), and every log file, the rotated ones
included, is created owner-only (0600).

``logging.handlers`` (which imports ``socket``, ``pickle`` and ``queue``) is imported when the log is
configured, not with this module: the program configures it after the unlock dialog is painted
(docs/startup.md), and names the log file (:func:`log_file`) before that.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

LOG_FILE_NAME = "homeassess.log"
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


class PrivacyFormatter(logging.Formatter):
    """Formats exceptions as their class names and frames, dropping their messages."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may already have cached the full exception text (message included) on the record.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:  # logging's API
        exc_type, exc, tb = ei
        lines = ["Traceback (most recent call last):\n", *traceback.format_tb(tb)]
        chain = []
        while exc is not None:
            chain.append(f"{type(exc).__module__}.{type(exc).__qualname__} (message withheld)")
            exc = exc.__cause__ or exc.__context__
        return "".join(lines) + "\n".join(chain)


def log_file(log_dir: Path) -> Path:
    """The log the program writes in ``log_dir`` (rotated copies beside it)."""
    return log_dir / LOG_FILE_NAME


def private_rotating_handler(path: Path) -> logging.Handler:
    """A rotating log whose every file is owner-only from the moment it exists."""
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        def _open(self):  # logging's API
            descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
            if sys.platform != "win32":
                os.fchmod(descriptor, PRIVATE_FILE)  # a log written by an older version may be 0644
            return os.fdopen(descriptor, "a", encoding=self.encoding, errors=self.errors)

    return PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    from logging.handlers import RotatingFileHandler

    log_dir.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)  # the data folder, owner-only if made here
    log_dir.mkdir(exist_ok=True, mode=PRIVATE_FOLDER)
    if sys.platform != "win32":
        os.chmod(log_dir, PRIVATE_FOLDER)  # the program's own folder: mkdir's mode passes the umask, older versions made it 0755
    path = log_file(log_dir)
    handler = private_rotating_handler(path)
    handler.setFormatter(PrivacyFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for existing in list(root.handlers):
        if isinstance(existing, RotatingFileHandler):
            root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    return path
