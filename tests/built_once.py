"""Expensive read-only setup built once per test session, shared by every xdist worker (issue 16).

The pattern of pytest-xdist's docs ("Making session-scoped fixtures execute only once"): the first worker to ask
builds the thing into a folder of the session (next to the workers' own temporary folders) while holding a file
lock; the others wait on the lock and reuse it. Without xdist (``-p no:xdist``, or a single process) the folder is
an ordinary temporary folder of the session, built on first use as before.

What the build returns (a small JSON-able dict: an assessment id, a return code, a command's output) is kept in
``<name>.json`` beside the folder, written last, so a folder without it is a build that failed half-way: the next
worker to ask throws it away and builds again. The record also says what the build cost (``cost``: wall and CPU
seconds, the CPU of the processes it started included), which docs/testing.md quotes. Once built, the folder's files are made read-only, so a test that
writes into a shared template instead of its copy fails at once instead of spoiling other tests.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

SHARED_FOLDER = "built-once"


def _shared_root(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """The folder every worker of this session sees (None when there are no xdist workers)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return None
    root = tmp_path_factory.getbasetemp().parent / SHARED_FOLDER  # the session's folder, above popen-gw0 ...
    root.mkdir(exist_ok=True)
    return root


def make_read_only(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            path.chmod(stat.S_IMODE(path.stat().st_mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _timed(build: Callable[[Path], dict[str, Any]], folder: Path) -> tuple[dict[str, Any], dict[str, float]]:
    def cpu() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime

    wall, used = time.perf_counter(), cpu()
    facts = build(folder)
    return facts, {"wall": round(time.perf_counter() - wall, 2), "cpu": round(cpu() - used, 2)}


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str,
               build: Callable[[Path], dict[str, Any]], *, read_only: bool = True) -> tuple[Path, dict[str, Any]]:
    """``(folder, facts)``: ``build(folder)`` run once for the whole session, in whichever worker asks first.

    ``build`` fills the empty ``folder`` and returns its facts; it runs in one worker only, so it must not leave
    anything behind in that worker (environment, process-wide settings) that the others would lack."""
    root = _shared_root(tmp_path_factory)
    if root is None:
        folder = tmp_path_factory.mktemp(name)
        facts = build(folder)
        if read_only:
            make_read_only(folder)
        return folder, facts
    folder, record = root / name, root / f"{name}.json"
    with FileLock(str(root / f"{name}.lock")):
        if record.is_file():
            return folder, json.loads(record.read_text(encoding="utf-8"))["facts"]
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        facts, cost = _timed(build, folder)
        if read_only:
            make_read_only(folder)
        record.write_text(json.dumps({"facts": facts, "cost": cost, "worker": os.environ["PYTEST_XDIST_WORKER"]}),
                          encoding="utf-8")
        return folder, facts
