"""The window's commands about whole assessments, and the settings: each asks, then runs one operation.

New assessment, client and visit details, finalise, return to draft, archive, start a follow-up,
the demo, and Settings. Every one of them goes through ``Operations`` like any other edit: a refusal shows its
sentence, a success is announced so the home list, the title and the checklist follow. A status
change is not put on the undo stack: the assessment is opened afresh (finalising makes it
read-only; a return to draft is a deliberate, audited step).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from homeassess.domain.vocabulary import AssessmentStatus
from homeassess.ui.dialogs.assessment_dialog import AssessmentDialog
from homeassess.ui.dialogs.settings_dialog import SettingsDialog
from homeassess.ui.kit import prompts
from homeassess.ui.kit.operations import Operations
from homeassess.ui.shell.finalise_question import finalise_question, open_work
from homeassess.ui.shell.window_services import WindowServices


class AssessmentCommands:
    def __init__(self, services: WindowServices, ops: Operations, parent: QWidget,
                 open_assessment: Callable[[int], None], current_assessment: Callable[[], int | None]) -> None:
        self.services = services
        self.ops = ops
        self.parent = parent
        self.open_assessment = open_assessment
        self.current_assessment = current_assessment

    def new_assessment(self) -> None:
        judge = self.services.judge
        dialog = AssessmentDialog(judge.standards, judge.catalogue, self.services.settings.load(), self.parent)
        if dialog.exec() != AssessmentDialog.Accepted or dialog.result_new is None:
            return
        new = dialog.result_new
        self.ops.run(lambda: self.services.assessments.create(new), undoable=False,
                     on_done=lambda done: self.open_assessment(int(done.value)))

    def edit_details(self, assessment_id: int) -> None:
        """The client and the visit; saved as one undo step ("Undo edit client and visit")."""
        assessments = self.services.assessments
        view = assessments.open(assessment_id, audit=False)
        judge = self.services.judge
        dialog = AssessmentDialog(judge.standards, judge.catalogue, self.services.settings.load(), self.parent,
                                  client=view.client, details=view.details)
        if view.read_only:
            dialog.set_read_only()
        if dialog.exec() != AssessmentDialog.Accepted or view.read_only:
            return
        client, details = dialog.result_client, dialog.result_details
        actions = []
        if client is not None and client != view.client:
            actions.append(lambda: assessments.update_client(assessment_id, client))
        if details is not None and details != view.details:
            actions.append(lambda: assessments.update_details(assessment_id, details))
        if len(actions) == 1:
            self.ops.run(actions[0])
        elif actions:
            with self.ops.macro("edit client and visit"):
                for action in actions:
                    self.ops.run(action)

    def finalise(self) -> None:
        """Asks with the unanswered items and the undecided recommendations named (finalise_question.py)."""
        assessment_id = self.current_assessment()
        if assessment_id is None:
            return
        s = self.services
        work = open_work(assessment_id, s.assessments, s.checklist, s.recommendations, s.follow_ups)
        if prompts.confirm(self.parent, "Finalise assessment", finalise_question(work)):
            self._set_status(assessment_id, AssessmentStatus.FINAL, reopen=True)

    def reopen_draft(self) -> None:
        assessment_id = self.current_assessment()
        if assessment_id is not None and prompts.confirm(
            self.parent, "Return to draft",
            "Make this final assessment editable again? This is recorded in the audit trail.",
        ):
            self._set_status(assessment_id, AssessmentStatus.DRAFT, reopen=True)

    def archive(self, assessment_id: int) -> None:
        if prompts.confirm(self.parent, "Archive assessment",
                           "Archive this assessment? It stays in the store under the Archived filter."):
            self._set_status(assessment_id, AssessmentStatus.ARCHIVED, reopen=False)

    def start_follow_up(self, then: Callable[[int], None]) -> None:
        """A follow-up of the final assessment shown or selected; ``then`` opens it. A refusal names what is wrong."""
        assessment_id = self.current_assessment()
        if assessment_id is None:
            return
        self.ops.run(lambda: self.services.follow_ups.start(assessment_id), undoable=False,
                     title="Follow-up not started", on_done=lambda done: then(int(done.value)))

    def add_demo(self) -> None:
        self.ops.run(self.services.install_demo, undoable=False, on_done=lambda done: self.open_assessment(int(done.value)))

    def edit_settings(self) -> None:
        """Settings; every draft is judged again at once (the person-fit margins may have changed)."""
        dialog = SettingsDialog(self.services.settings.load(), self.services.judge.standards, self.parent)
        if dialog.exec() != SettingsDialog.Accepted or dialog.result_settings is None:
            return
        chosen, shown = dialog.result_settings, self.current_assessment()
        # On the GUI thread, so no answer is typed while the drafts are judged again (only when a margin changed).
        self.ops.run(lambda: self.services.checklist.save_settings(chosen, shown), undoable=False)

    def _set_status(self, assessment_id: int, status: str, *, reopen: bool) -> None:
        after = (lambda _: self.open_assessment(assessment_id)) if reopen else None
        self.ops.run(lambda: self.services.assessments.set_status(assessment_id, status), undoable=False, on_done=after)
