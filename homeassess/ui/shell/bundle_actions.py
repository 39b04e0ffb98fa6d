"""Export and import of one assessment as one encrypted file, from the program.

Both run on the operation worker through ``Operations``: a refusal (a wrong passphrase, a damaged
or foreign file) shows its sentence; an import is announced like any other change, so the home
list shows the new assessment, and the window opens it. Importing an assessment that is already
in the store asks whether to keep both or replace it, then tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtWidgets import QWidget

from homeassess.domain.refusals import Refused
from homeassess.services.bundle_transfer import BundleService, DuplicateAssessment, ExportResult, OnDuplicate
from homeassess.services.changes import Change, Scope, change
from homeassess.ui.kit import prompts
from homeassess.ui.kit.operations import Operations

FILE_FILTER = "HomeAssess assessment (*.hax)"
TITLE = "Not done"


class BundleActions:
    def __init__(self, bundles: BundleService, ops: Operations, parent: QWidget) -> None:
        self.bundles = bundles
        self.ops = ops
        self.parent = parent

    def export(self, assessment_id: int) -> None:
        path = prompts.pick_save_path(self.parent, "Export assessment", self.bundles.suggested_file_name(assessment_id),
                                      FILE_FILTER)
        if path is None:
            return
        if path.suffix.lower() != ".hax":
            path = path.with_suffix(".hax")
        passphrase = prompts.ask_passphrase(
            self.parent, "Export passphrase", "Choose a passphrase for this file (the recipient needs it):", confirm_twice=True
        )
        if passphrase is None:
            return

        def exported(done: Change) -> None:
            result = cast(ExportResult, done.value)
            prompts.show_info(self.parent, "Exported", f"Saved as {result.path.name} "
                              f"({result.size / 1e6:.1f} MB, {result.rooms} rooms, {result.photos} photos).")

        self.ops.run(lambda: change(label="export assessment", assessment_id=assessment_id,
                                    value=self.bundles.export(assessment_id, path, passphrase)),
                     slow=True, on_done=exported, title=TITLE)

    def import_file(self, on_done: Callable[[int], None]) -> None:
        path = prompts.pick_open_path(self.parent, "Import assessment", FILE_FILTER)
        if path is None:
            return
        passphrase = prompts.ask_passphrase(self.parent, "Import", "The file's passphrase:")
        if passphrase is not None:
            self._import(path, passphrase, "ask", on_done)

    def _import(self, path: Path, passphrase: str, on_duplicate: OnDuplicate, on_done: Callable[[int], None]) -> None:
        def refused(refusal: Refused) -> None:
            if not isinstance(refusal, DuplicateAssessment):
                self.ops.show_refusal(refusal, TITLE)
                return
            answer = prompts.choose(self.parent, "Already in the store",
                                    "This assessment is already in your store. Keep both, or replace yours with the file's?",
                                    ["Keep both", "Replace mine"])
            if answer is not None:
                self._import(path, passphrase, ("keep_both", "replace")[answer], on_done)

        def run() -> Change:
            result = self.bundles.import_file(path, passphrase, on_duplicate)
            return change(Scope.ASSESSMENTS, label="import assessment", assessment_id=result.assessment_id,
                          ids=(result.assessment_id,), value=result)

        self.ops.run(run, slow=True, undoable=False, on_refused=refused,
                     on_done=lambda done: on_done(done.assessment_id))
