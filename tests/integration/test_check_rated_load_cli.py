"""``homeassess check --client FILE`` on a rated load: the rule used, in text and JSON (issue 11 point 4).

The command runs in this process (tests/cli_in_process.py); ``check`` as a real process, its exit status and
stderr, is covered by tests/integration/test_cli.py (``test_implausible_value_exits_1_with_a_reason_on_stderr``).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_in_process import run_in_process as run
from tests.integration.test_cli import check_json

CLIENT = {"devices": [{"kind": "power_wheelchair", "overall_width": "27 in", "weight_kg": "250 lb"}],
          "body": {"weight_kg": "300 lb"}}


def client_file(tmp_path: Path) -> str:
    path = tmp_path / "client.json"
    path.write_text(json.dumps(CLIENT), encoding="utf-8")
    return str(path)


def test_a_lift_short_of_client_and_chair_fails_in_text_and_json(tmp_path):
    client = client_file(tmp_path)
    text = run("check", "platform_lift_rated_load", "500", "--client", client)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0].startswith("FAILS: fails person-fit device_rated_load")
    assert any("rule device_rated_load" in line and "50 lb less than the client's weight plus the power wheelchair's weight" in line
               for line in lines)
    assert any("propose: Platform lift rated for the client's load" in line for line in lines)
    finding = check_json("platform_lift_rated_load", "227 kg", "--unit", "mm", "--client", client)
    assert finding["verdict"] == "fails"
    assert finding["person_fit"][0]["required"] == "at least 249.5 kg (client and power wheelchair)"
    assert [r["library_id"] for r in finding["recommendations"]] == ["platform_lift_rated_for_load"]


def test_a_device_weight_typed_in_the_wrong_unit_is_refused(tmp_path):
    path = tmp_path / "client.json"
    path.write_text(json.dumps({"devices": [{"kind": "scooter", "weight_kg": "300 kg"}]}), encoding="utf-8")
    result = run("check", "ramp_rated_load", "800", "--client", str(path))
    assert result.returncode != 0
    assert "300 kg is not a plausible scooter weight; check the units: did you mean 300 lb?" in result.stderr


def test_an_advisory_weight_says_the_clinician_specifies_it(tmp_path):
    path = tmp_path / "client.json"
    path.write_text(json.dumps({"body": {"weight_kg": "300 lb"}}), encoding="utf-8")
    lines = run("check", "grab_bar_height", "34", "--client", str(path)).stdout.splitlines()
    assert lines[0].startswith("ADVISORY: advisory person-fit weight_rated_capacity")
    assert any("needs a rating of at least the client's weight, 300 lb (ADA 2010 §609.8" in line for line in lines)
    assert lines[-1] == "  no change proposed: the clinician specifies what this client needs from the checks above"


def test_a_standard_change_held_back_by_the_clients_fit_says_so(tmp_path):
    path = tmp_path / "client.json"
    path.write_text(json.dumps({"devices": [{"kind": "power_wheelchair", "seat_height": "21 in"}]}), encoding="utf-8")
    lines = run("check", "toilet_seat_height", "20 1/2", "--client", str(path)).stdout.splitlines()
    assert lines[0].startswith("FAILS: fails ADA 2010 §604.4")
    assert lines[-1] == "  no change proposed: it would undo the fit this client already has"
