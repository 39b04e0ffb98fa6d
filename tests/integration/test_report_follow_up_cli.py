"""``homeassess report ID --audience completion|followup``: a follow-up's reports from the command line.

The command runs in this process (``run`` of test_report_cli.py) over a copy of the in-process demo store; the
report command as a real process is ``test_report_cli.py::test_report_writes_a_pdf_with_progress_on_stderr``.
"""

from __future__ import annotations

import pytest

from homeassess.domain.vocabulary import InstallStatus, NotDoneReason
from homeassess.services.workspace import Workspace
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE
from tests.integration.test_report_cli import run
from tests.unit.test_report_builds import squashed, text_of

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(tmp_path_factory, in_process_demo_template, judge):
    """The CLI's demo, finalised, with a follow-up (id returned) whose doorway the landlord declined."""
    data_dir = tmp_path_factory.mktemp("store")
    in_process_demo_template.copy_to(data_dir)
    ws = Workspace.build(Store.open(data_dir, PASSPHRASE), judge)
    try:
        ws.assessments.set_status(1, "final")
        fid = ws.follow_ups.start(1).value
        door = next(i for i in ws.follow_ups.items(fid) if i.library_id == "widen_doorway").installation_id
        ws.follow_ups.set_status(fid, door, InstallStatus.NOT_DONE, NotDoneReason.LANDLORD_DECLINED)
    finally:
        ws.close()
    return data_dir, fid


@pytest.mark.parametrize("audience", ["completion", "followup"])
def test_a_follow_ups_report_is_written(store, tmp_path, audience):
    data_dir, fid = store
    out = tmp_path / f"{audience}.pdf"
    result = run("report", str(fid), "--audience", audience, "-o", str(out), "--no-photos", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"building {audience} report: 100%"
    text = squashed(text_of(out.read_bytes()))
    door = text.index(squashed("Widen the doorway Upstairs bathroom"))
    assert squashed("Not done Reason: Landlord declined") in text[door : door + 1500]
    assert ("Installerorlandlord" in text) == (audience == "completion")
    assert ("Outcomes" in text) == (audience == "followup")


def test_the_first_visit_has_no_completion_record(store, tmp_path):
    data_dir, _ = store
    result = run("report", "1", "--audience", "completion", "-o", str(tmp_path / "c.pdf"), data_dir=data_dir)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith("building ")]
    (line,) = lines  # one sentence, and it says where the record can be built from (its follow-up, here)
    assert line.startswith("homeassess: the completion record is built from a follow-up visit, and this assessment is not one;")
    assert line.endswith(("start a follow-up from the final assessment first", "build it from its follow-up, assessment 4"))
    assert not (tmp_path / "c.pdf").exists()
