"""The one family of expected failures: ``Refused``.

Anything a clinician can cause by typing, choosing or opening something (a value that cannot
be read, a final assessment, a full disk, a photo that is not a photo, an export file from
somebody else) is a ``Refused``. Its text is the sentence the clinician reads, with no health
information and no quoted file content, so the window and the command line can show it as is.
Every other exception is a bug and goes to the one error path (``homeassess.ui.kit.error_path``
in the window; "something went wrong" with a log entry on the command line).

Each layer subclasses it for its own refusals (``MeasurementError``, ``StoreError``,
``PhotoRejected``, ``BundleError``, ``ReadOnlyAssessment``...), so callers catch one type.
"""

from __future__ import annotations


class Refused(Exception):
    """An expected refusal; ``str(exc)`` is one plain line for the clinician."""

    title = "Not saved"  # the heading a dialog shows above the sentence

    @property
    def sentence(self) -> str:
        """The message as a sentence: a capital first letter and a full stop."""
        text = str(self.args[0]) if self.args else self.__class__.__name__
        text = text.strip() or "This was refused"
        text = text[:1].upper() + text[1:]
        return text if text.endswith((".", "?", "!")) else text + "."


class NotFound(Refused):
    """The thing asked for is gone (removed, perhaps by an undo, or never existed)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"this {what} is no longer there; it may have been removed")


class InvalidInput(Refused):
    """A value the clinician typed or chose cannot be accepted (a room name of spaces, a negative cost)."""
