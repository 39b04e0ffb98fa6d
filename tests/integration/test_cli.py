"""The command line as agencies script it: exit codes, stdout and stderr.

What a command prints and refuses is tested in this process (``run_in_process``, tests/cli_in_process.py), about
2 s of CPU less per call than a ``python -m homeassess`` process. The process itself is tested here with real
processes (``run``): a refusal's exit status and one-line stderr (``test_implausible_value_exits_1_with_a_reason_on_stderr``),
argparse's usage exit (``test_usage_error_exits_2``), a store command with no passphrase and no terminal
(``test_store_commands_need_a_passphrase``), the passphrase read from ``--passphrase-file``
(``test_passphrase_file_is_read``), and a store written and reopened with the real key derivation, then refused
with a wrong passphrase (``test_demo_then_list_through_the_encrypted_store``). The other command-line modules
(follow-up, bundle, report) lean on these for the process side and keep one real process each at most.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_in_process import run_in_process
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict | None = None, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m homeassess`` as a real process (the process is the subject; else ``run_in_process``)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEASSESS_")}
    full_env.update(env or {})
    prefix = ["--data-dir", str(data_dir)] if data_dir else []
    return subprocess.run(
        [sys.executable, "-m", "homeassess", *prefix, *args], capture_output=True, text=True, env=full_env, cwd=ROOT,
        stdin=subprocess.DEVNULL, timeout=120,
    )


def check_json(*args: str) -> dict:
    result = run_in_process("check", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_narrow_door_fails_short_by_one_and_a_half_inches_with_citation_and_fixes():
    finding = check_json("door_clear_width", "30 1/2")
    assert finding["verdict"] == "fails"
    assert finding["shortfall"] == "1 1/2 in"
    assert finding["citation"] == "ADA 2010 §404.2.3"
    titles = " | ".join(r["title"].lower() for r in finding["recommendations"])
    assert "hinge" in titles and "widen" in titles
    for key in ("verdict", "measured", "required", "shortfall", "citation", "recommendations"):
        assert key in finding


def test_32_inch_door_meets():
    finding = check_json("door_clear_width", "32")
    assert finding["verdict"] == "meets"
    assert finding["shortfall"] is None


def test_plain_output_names_verdict_and_citation():
    result = run_in_process("check", "door_clear_width", "30 1/2")
    assert result.returncode == 0
    assert "FAILS" in result.stdout and "short by 1 1/2 in" in result.stdout and "§404.2.3" in result.stdout


def test_riser_meets_irc_but_fails_ada():
    assert check_json("stair_riser_height", "7 1/2 in", "--standard", "irc")["verdict"] == "meets"
    ada = check_json("stair_riser_height", "7 1/2 in", "--standard", "ada2010")
    assert ada["verdict"] == "fails"
    assert ada["shortfall"] == "1/2 in"


def test_implausible_value_exits_1_with_a_reason_on_stderr():
    result = run("check", "door_clear_width", "320 in")
    assert result.returncode == 1
    assert "not a plausible door width; check the units" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("door_clear_width", "abc"), "not a measurement"),
        (("door_clear_width", "3 in 4 cm"), "mixes units"),
        (("door_clear_width", "-30"), "negative"),
        (("no_such_item", "30"), "unknown measurement"),
        (("door_clear_width", "30", "--standard", "nope"), "unknown standard"),
        (("door_clear_width", "30", "--unit", "furlong"), "unknown unit"),
    ],
)
def test_refused_input_exits_1(args, message):
    result = run_in_process("check", *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2():
    assert run("report").returncode == 2  # no assessment id
    assert run("--no-such-flag").returncode == 2


def test_check_list_names_every_measurement_and_unknown_ids_get_suggestions():
    listed = run_in_process("check", "--list")
    assert listed.returncode == 0 and "door_clear_width" in listed.stdout and "ramp_slope" in listed.stdout
    wrong = run_in_process("check", "ramp_running_slope", "1:10")
    assert wrong.returncode == 1 and "did you mean" in wrong.stderr and "ramp_slope" in wrong.stderr


def test_global_options_work_after_the_command_too(in_process_demo_store):
    env = {"HOMEASSESS_PASSPHRASE": PASSPHRASE}
    store = str(in_process_demo_store)
    assert run_in_process("demo", "--data-dir", store, env=env).returncode == 0  # already there: nothing to add
    listed = run_in_process("list", "--data-dir", store, env=env)
    assert listed.returncode == 0 and "Margaret Ellison" in listed.stdout


def test_metric_unit_for_bare_numbers():
    finding = check_json("door_clear_width", "800", "--unit", "mm")
    assert finding["verdict"] == "fails"
    assert finding["measured"] == "800 mm"
    assert finding["shortfall"].endswith(" mm")


def test_person_fit_with_a_30_inch_wheelchair_flags_a_32_inch_door(tmp_path):
    client = tmp_path / "client.json"
    client.write_text(json.dumps({"name": "Test", "devices": [{"kind": "manual_wheelchair", "overall_width": "30 in"}]}))
    finding = check_json("door_clear_width", "32", "--client", str(client))
    assert finding["standard_verdict"] == "meets"
    fit = finding["person_fit"]
    assert len(fit) == 1 and fit[0]["verdict"] in ("fails", "advisory")
    assert "30 in wide" in fit[0]["message"]
    assert finding["verdict"] == fit[0]["verdict"]


def test_person_fit_with_a_narrower_door_fails(tmp_path):
    client = tmp_path / "client.json"
    client.write_text(json.dumps({"devices": [{"kind": "manual_wheelchair", "overall_width": "27 in"}]}))
    finding = check_json("door_clear_width", "28", "--client", str(client))
    assert finding["person_fit"][0]["verdict"] == "fails"
    assert "leaves 1 in" in finding["person_fit"][0]["message"]


def test_bad_client_file_is_refused(tmp_path):
    client = tmp_path / "client.json"
    client.write_text(json.dumps({"devices": [{"kind": "hovercraft"}]}))
    result = run_in_process("check", "door_clear_width", "32", "--client", str(client))
    assert result.returncode == 1 and "client file is not valid" in result.stderr


def test_store_commands_need_a_passphrase(tmp_path):
    result = run("list", data_dir=tmp_path)
    assert result.returncode == 1
    assert "HOMEASSESS_PASSPHRASE" in result.stderr


@pytest.mark.slow  # the whole demo in a real process (cli_demo_template's), then three processes
def test_demo_then_list_through_the_encrypted_store(cli_demo_template, cli_demo_store):
    """The first ``homeassess demo`` is the real process that wrote ``cli_demo_template`` into an empty folder (its
    answer kept by tests/conftest.py, so the suite runs it once); the rest run here on this test's copy."""
    env = {"HOMEASSESS_PASSPHRASE": PASSPHRASE}
    first = cli_demo_template.run
    assert first.returncode == 0, first.stderr
    assert "added" in first.stdout
    again = run("demo", env=env, data_dir=cli_demo_store)
    assert again.returncode == 0, again.stderr
    assert "already in the store" in again.stdout
    listed = run("list", "--json", env=env, data_dir=cli_demo_store)
    rows = {row["id"]: row for row in json.loads(listed.stdout)}
    assert len(rows) == 3  # the demo visit (a draft), its finalised copy and that copy's follow-up
    assert rows[1]["findings"] > 0 and rows[1]["accepted"] > 0
    assert rows[2]["status"] == "final" and rows[2]["follow_up_ids"] == [3] and rows[3]["original_id"] == 2
    wrong = run("list", env={"HOMEASSESS_PASSPHRASE": "wrong"}, data_dir=cli_demo_store)
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == "homeassess: wrong passphrase or damaged file"


def test_passphrase_file_is_read(tmp_path, cli_demo_store):
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE + "\n")
    listed = run("--passphrase-file", str(secret), "list", data_dir=cli_demo_store)
    assert listed.returncode == 0 and "Margaret Ellison" in listed.stdout

