"""The command line refuses the landlord letter without the clinician's contact, and says where to add it."""

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
