"""Export and import of one assessment as one encrypted file, from the program."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from homeassess.services.bundle_transfer import BundleError, BundleService, DuplicateAssessment
from homeassess.services.workspace import Workspace
from homeassess.ui import prompts
from homeassess.ui.worker import BackgroundJob

FILE_FILTER = "HomeAssess assessment (*.hax)"


class BundleActions:
    """Runs export and import on the worker; reports the outcome through ``prompts``."""

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        self.service = BundleService(workspace)
        self.parent = parent
        self.job: BackgroundJob | None = None

    def _run(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        def job(cancel: threading.Event):
            yield 0.0, "working"
            return work()

        self.job = BackgroundJob(job)
        self.job.signals.finished.connect(done)
        self.job.signals.failed.connect(self._failed)
        self.job.start()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, BundleError):
            prompts.show_error(self.parent, "Not done", str(exc).capitalize() + ".")
        else:
            prompts.show_error(self.parent, "Not done", "The file could not be processed. Details are in the log.")

    def export(self, assessment_id: int) -> None:
        path = prompts.pick_save_path(self.parent, "Export assessment", self.service.suggested_file_name(assessment_id), FILE_FILTER)
        if path is None:
            return
        if path.suffix.lower() != ".hax":
            path = path.with_suffix(".hax")
        passphrase = prompts.ask_passphrase(
            self.parent, "Export passphrase", "Choose a passphrase for this file (the recipient needs it):", confirm_twice=True
        )
        if passphrase is None:
            return
        self._run(lambda: self.service.export(assessment_id, path, passphrase),
                  lambda result: prompts.show_info(self.parent, "Exported", f"Saved as {result.path.name} "
                                                   f"({result.size / 1e6:.1f} MB, {result.rooms} rooms, {result.photos} photos)."))

    def import_file(self, on_done: Callable[[int], None]) -> None:
        path = prompts.pick_open_path(self.parent, "Import assessment", FILE_FILTER)
        if path is None:
            return
        passphrase = prompts.ask_passphrase(self.parent, "Import", "The file's passphrase:")
        if passphrase is None:
            return

        def imported(result) -> None:  # noqa: ANN001 - an ImportResult
            on_done(result.assessment_id)

        def attempt(on_duplicate: str) -> None:
            def failed(exc: Exception) -> None:
                if isinstance(exc, DuplicateAssessment):
                    answer = prompts.choose(self.parent, "Already in the store",
                                            "This assessment is already in your store. Keep both, or replace yours with the file's?",
                                            ["Keep both", "Replace mine"])
                    if answer is not None:
                        attempt(("keep_both", "replace")[answer])
                    return
                self._failed(exc)

            def job(cancel: threading.Event):
                yield 0.0, "importing"
                return self.service.import_file(path, passphrase, on_duplicate)

            self.job = BackgroundJob(job)
            self.job.signals.finished.connect(imported)
            self.job.signals.failed.connect(failed)
            self.job.start()

        attempt("ask")
