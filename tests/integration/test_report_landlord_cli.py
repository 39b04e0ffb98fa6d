"""The command line refuses a landlord letter without the clinician's contact, and text with clinical wording unless confirmed."""

from __future__ import annotations

from homeassess.services.workspace import Workspace
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE, real_keys
from tests.integration.test_report_cli import run


def test_the_landlord_letter_without_contact_details_exits_1_pointing_to_settings(cli_demo_store, judge, tmp_path):
    with real_keys():
        ws = Workspace.build(Store.open(cli_demo_store, PASSPHRASE), judge)
        try:
            ws.settings.save(ws.settings.load().model_copy(update={"clinician_phone": "", "clinician_email": ""}))
        finally:
            ws.close()
    out = tmp_path / "letter.pdf"
    result = run("report", "1", "--audience", "landlord", "-o", str(out), data_dir=cli_demo_store)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]  # after any progress line: one sentence, no traceback
    assert last.endswith("add them in Settings first") and "Traceback" not in result.stderr
    assert not out.exists()
    contractor = run("report", "1", "--audience", "contractor", "-o", str(tmp_path / "scope.pdf"), data_dir=cli_demo_store)
    assert contractor.returncode == 0, contractor.stderr


def test_clinical_wording_is_listed_by_field_and_printed_only_with_confirm_text(cli_demo_store, judge, tmp_path):
    with real_keys():
        ws = Workspace.build(Store.open(cli_demo_store, PASSPHRASE), judge)
        try:
            room = next(r for r in ws.assessments.room_views(1) if r.name == "Kitchen")
            ws.recommendations.add_custom(1, room.id, "Lower the counter", category="minor_modification",
                                          specification="Counter at 30 in; the client is diabetic with aphasia.")
        finally:
            ws.close()
    out = tmp_path / "scope.pdf"
    refused = run("report", "1", "--audience", "contractor", "-o", str(out), data_dir=cli_demo_store)
    assert refused.returncode == 1 and not out.exists()
    lines = refused.stderr.strip().splitlines()
    assert any(line.strip().startswith("Room 4 “Kitchen”, recommendation") and "“Lower the counter”: specification: matches"
               in line for line in lines), lines
    assert lines[-1].endswith("edit it, or confirm that it may print with --confirm-text")
    assert "diabetic" not in refused.stderr and "aphasia" not in refused.stderr
    confirmed = run("report", "1", "--audience", "contractor", "--confirm-text", "-o", str(out), data_dir=cli_demo_store)
    assert confirmed.returncode == 0, confirmed.stderr
    assert out.is_file()
