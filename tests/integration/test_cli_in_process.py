"""The in-process command line (tests/cli_in_process.py) behaves like one process per call: what a call sets up
(a log handler, the environment, the working folder, the standard streams) is gone when the next call starts."""

from __future__ import annotations

import logging
import os
import sys

import pytest

from homeassess.logs import LOG_FILE_NAME
from tests.cli_in_process import run_in_process
from tests.conftest import PASSPHRASE

FAILED = "homeassess.cli: command failed"


def test_two_unexpected_failures_in_a_row_log_one_entry_each_and_leave_no_log_open(tmp_path, monkeypatch):
    message = "a bug, whose message names Margaret Ellison"

    def broken(_args):  # the command's signature
        raise RuntimeError(message)

    monkeypatch.setattr("homeassess.cli.check_command.run_check", broken)
    handlers = list(logging.getLogger().handlers)
    log = tmp_path / "logs" / LOG_FILE_NAME
    for calls in (1, 2):
        done = run_in_process("check", "door_clear_width", "30", data_dir=tmp_path)
        assert done.returncode == 1
        assert done.stderr == (f"homeassess: something went wrong; details (without health information) are in {log}\n")
        text = log.read_text(encoding="utf-8")
        assert text.count(FAILED) == calls  # one entry per call, as two processes would write: not two for the second
        assert "Margaret Ellison" not in text
        assert logging.getLogger().handlers == handlers


def test_a_call_sees_only_its_own_environment_and_leaves_the_test_process_as_it_was(tmp_path, in_process_demo_store,
                                                                                    monkeypatch):
    monkeypatch.setenv("HOMEASSESS_PASSPHRASE", PASSPHRASE)  # the test process's own: a call does not inherit it
    before = (dict(os.environ), os.getcwd(), sys.stdin, sys.stdout, sys.stderr, sys.argv)
    unlocked = run_in_process("list", data_dir=in_process_demo_store, env={"HOMEASSESS_PASSPHRASE": PASSPHRASE},
                              cwd=tmp_path)
    assert unlocked.returncode == 0 and "Margaret Ellison" in unlocked.stdout
    locked = run_in_process("list", data_dir=in_process_demo_store)  # nothing left over from the call before
    assert locked.returncode == 1
    assert locked.stderr == "homeassess: no passphrase: set HOMEASSESS_PASSPHRASE or use --passphrase-file\n"
    assert locked.stdout == ""
    assert (dict(os.environ), os.getcwd(), sys.stdin, sys.stdout, sys.stderr, sys.argv) == before


@pytest.mark.parametrize(("args", "code"), [(("--no-such-flag",), 2), (("check", "door_clear_width", "32"), 0)])
def test_the_same_call_twice_answers_the_same(args, code):
    first, second = run_in_process(*args), run_in_process(*args)
    assert (first.returncode, first.stdout, first.stderr) == (second.returncode, second.stdout, second.stderr)
    assert first.returncode == code
    assert (first.stderr if code else first.stdout).strip()  # argparse's usage on stderr; the verdict on stdout
