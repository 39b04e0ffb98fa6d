"""The command line refuses a landlord letter without the clinician's contact, and text with clinical wording unless confirmed.

The command runs in this process (``run`` of test_report_cli.py) over a copy of the in-process demo store; the
report command as a real process is ``test_report_cli.py::test_report_writes_a_pdf_with_progress_on_stderr``.
"""

from __future__ import annotations

from homeassess.services.workspace import Workspace
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE
from tests.integration.test_report_cli import run


def test_the_landlord_letter_without_contact_details_exits_1_pointing_to_settings(in_process_demo_store, judge, tmp_path):
    store = in_process_demo_store
    ws = Workspace.build(Store.open(store, PASSPHRASE), judge)
    try:
        ws.settings.save(ws.settings.load().model_copy(update={"clinician_phone": "", "clinician_email": ""}))
    finally:
        ws.close()
    out = tmp_path / "letter.pdf"
    result = run("report", "1", "--audience", "landlord", "-o", str(out), data_dir=store)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]  # after any progress line: one sentence, no traceback
    assert last.endswith("add them in Settings first") and "Traceback" not in result.stderr
    assert not out.exists()
    contractor = run("report", "1", "--audience", "contractor", "-o", str(tmp_path / "scope.pdf"), data_dir=store)
    assert contractor.returncode == 0, contractor.stderr


def test_clinical_wording_is_listed_by_field_and_printed_only_with_confirm_text(in_process_demo_store, judge, tmp_path):
    store = in_process_demo_store
    ws = Workspace.build(Store.open(store, PASSPHRASE), judge)
    try:
        room = next(r for r in ws.assessments.room_views(1) if r.name == "Kitchen")
        ws.recommendations.add_custom(1, room.id, "Lower the counter", category="minor_modification",
                                      specification="Counter at 30 in; the client is diabetic with aphasia.")
    finally:
        ws.close()
    out = tmp_path / "scope.pdf"
    refused = run("report", "1", "--audience", "contractor", "-o", str(out), data_dir=store)
    assert refused.returncode == 1 and not out.exists()
    lines = refused.stderr.strip().splitlines()
    assert any(line.strip().startswith("Room 4 “Kitchen”, recommendation") and "“Lower the counter”: specification: matches"
               in line for line in lines), lines
    assert lines[-1].endswith("edit it, or confirm that it may print with --confirm-text")
    assert "diabetic" not in refused.stderr and "aphasia" not in refused.stderr
    confirmed = run("report", "1", "--audience", "contractor", "--confirm-text", "-o", str(out), data_dir=store)
    assert confirmed.returncode == 0, confirmed.stderr
    assert out.is_file()
