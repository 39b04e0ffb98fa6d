"""The follow-up on the command line, as a clinician scripts it: finalise, start, record, compare, refuse.

The commands run in this process (tests/cli_in_process.py) over a copy of the in-process demo store: about 35
calls, each 2 s of CPU less than a ``python -m homeassess`` process. The process side: the draft's refusal
(``test_a_follow_up_of_a_draft_is_refused_and_nothing_is_added``) is a real process over a store keyed for real,
and tests/integration/test_cli.py holds the real-process tests of the store commands (real key derivation,
passphrase from a file, no passphrase without a terminal).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_in_process import run_in_process
from tests.conftest import PASSPHRASE, real_keys
from tests.integration.test_cli import run

DEMO = "1"
ENV = {"HOMEASSESS_PASSPHRASE": PASSPHRASE}


def ok(*args: str, data_dir: Path) -> str:
    done = run_in_process(*args, data_dir=data_dir, env=ENV)
    assert done.returncode == 0, done.stderr
    return done.stdout


def refused(*args: str, data_dir: Path,
            runner: Callable[..., subprocess.CompletedProcess] = run_in_process) -> str:
    done = runner(*args, data_dir=data_dir, env=ENV)
    assert done.returncode == 1, done.stdout
    assert done.stderr.count("\n") == 1  # one sentence
    return done.stderr


def listed(data_dir: Path) -> dict[int, dict]:
    return {row["id"]: row for row in json.loads(ok("list", "--json", data_dir=data_dir))}


def items(follow_up: str, data_dir: Path) -> list[dict]:
    return json.loads(ok("installed", follow_up, "--list", "--json", data_dir=data_dir))


@pytest.fixture
def store(in_process_demo_store) -> Path:
    """A copy of the demo store the ``demo`` command wrote (the demo visit is assessment 1, a draft)."""
    return in_process_demo_store


def test_a_follow_up_of_a_draft_is_refused_and_nothing_is_added(cli_demo_store):
    """The refusal comes from a real ``python -m homeassess`` process, over the store a real process wrote; the
    listings around it run in this process, with the real key derivation that store needs."""
    store = cli_demo_store
    with real_keys():
        before = listed(store)
    message = refused("followup", DEMO, data_dir=store, runner=run)
    assert "Finalise this assessment before starting its follow-up." in message
    with real_keys():
        assert listed(store) == before


def test_the_whole_follow_up_by_command_line(store):
    ok("outcome", DEMO, "--goal", "1", "--performance", "3", "--satisfaction", "2", "--difficulty", "much",
       "--falls", "3", "--concern", "8", data_dir=store)
    finalised = ok("finalise", DEMO, data_dir=store)
    assert "follow-up is due" in finalised
    assert "No follow-up is due yet; the next is due on 20" in ok("list", "--due", data_dir=store)
    started = ok("followup", DEMO, data_dir=store)
    follow_up = started.split("id ")[1].split(",")[0]
    rows = listed(store)
    assert rows[1]["followup_due"] and rows[1]["follow_up_ids"] == [int(follow_up)] and rows[1]["original_id"] is None
    assert rows[int(follow_up)]["original_id"] == 1 and rows[int(follow_up)]["followup_due"] is None

    found = items(follow_up, store)
    assert found and all(i["status"] == "not_checked" for i in found)
    bar = next(i for i in found if i["library_id"] == "grab_bars_toilet")
    text = ok("installed", follow_up, str(bar["number"]), "--status", "deviations", "--date", "2026-11-20",
              "--by", "Acme Builders", "--check", "height=38", data_dir=store)
    assert "Installed with deviations" in text
    assert "Grab bar installed at 38 in" in text and "33–36 in" in text and "Correction:" in text
    hinges = next(i for i in found if i["library_id"] == "offset_hinges")
    ok("installed", follow_up, hinges["ref"], "--status", "not_done", "--reason", "landlord_declined", data_dir=store)
    after = {i["installation_id"]: i for i in items(follow_up, store)}
    assert after[bar["installation_id"]]["checks"][0]["verdict"] == "fails"
    assert after[bar["installation_id"]]["installed_by"] == "Acme Builders"
    assert (after[hinges["installation_id"]]["status"], after[hinges["installation_id"]]["reason"]) == (
        "not_done", "landlord_declined")
    fitted = ok("installed", follow_up, hinges["ref"], "--status", "as specified", data_dir=store)
    assert "Status: Installed as specified\n" in fitted and "landlord" not in fitted.lower()  # the reason went with the status

    text = ok("outcome", follow_up, "--goal", "1", "--performance", "7", "--satisfaction", "8", "--falls", "0",
              "--concern", "3", data_dir=store)
    assert "Change since the first visit:" in text and "3 -> 0, better" in text
    outcome = json.loads(ok("outcome", follow_up, "--json", data_dir=store))
    changes = {c["label"]: c for c in outcome["changes"]}
    falls = next(c for label, c in changes.items() if "Falls" in label)
    assert (falls["baseline"], falls["follow_up"], falls["direction"]) == ("3", "0", "better")
    opened = next(c for label, c in changes.items() if label.startswith("Open findings"))
    # The hinges closed the door's finding; the grab bar's deviation counts in place of the finding it answered.
    assert outcome["open_findings"] == int(opened["follow_up"]) == int(opened["baseline"]) - 1


def test_bad_input_at_the_follow_up_changes_nothing(store):
    ok("finalise", DEMO, data_dir=store)
    follow_up = str(json.loads(ok("followup", DEMO, "--json", data_dir=store))["id"])
    found = items(follow_up, store)
    unchecked = next(i for i in found if not i["checks"])
    message = refused("installed", follow_up, str(unchecked["number"]), "--status", "as_specified", "--check", "height=34",
                      data_dir=store)
    assert "This recommendation has no as-installed measurements." in message
    assert items(follow_up, store) == found  # the status given with it was not kept either

    ok("outcome", follow_up, "--goal", "1", "--performance", "5", data_dir=store)
    before = json.loads(ok("outcome", follow_up, "--json", data_dir=store))
    message = refused("outcome", follow_up, "--goal", "1", "--performance", "11", "--falls", "2", data_dir=store)
    assert "Performance is scored 1 to 10; 11 is out of range." in message
    assert json.loads(ok("outcome", follow_up, "--json", data_dir=store)) == before
    assert "no installed item" in refused("installed", follow_up, "no_such_thing", "--status", "partly", data_dir=store)
    assert "Start the follow-up from the original assessment." in refused("followup", follow_up, data_dir=store)
    finalised = ok("finalise", follow_up, data_dir=store)
    assert f"{len(found)} installed items not checked" in finalised
    assert "read-only" in refused("installed", follow_up, "1", "--status", "as_specified", data_dir=store)
    assert items(follow_up, store) == found
