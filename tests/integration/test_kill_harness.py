"""Killing the writer with SIGKILL at random moments loses no acknowledged edit (docs/pitfalls.md §1.11)."""

from __future__ import annotations

import sys

import pytest

from benchmarks.kill_harness import run
from tests.conftest import key_derivation_iterations


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_ten_random_kills_leave_the_store_whole(tmp_path):
    # each writer is a process of its own, forked warm (benchmarks/fork_server.py) and keyed as this process keys
    result = run(10, data_dir=tmp_path, seed=7, min_s=0.1, max_s=0.8, kdf_iter=key_derivation_iterations())
    assert result.problems == []
    assert result.kills == 10 and result.survived == 10
    assert result.acknowledged > 10


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_a_recording_between_statements_leaves_no_half_write_and_no_finding_without_proposals(
    tmp_path,
):
    from benchmarks.kill_statements import run as kill_statements

    # each recording is a process of its own, forked warm and keyed as this process keys; it kills itself
    result = kill_statements(tmp_path, kills=6, kdf_iter=key_derivation_iterations())
    assert result.statements > 50  # the whole recording was traced
    assert result.problems == []
    assert result.kills == 6 and result.whole == 6
