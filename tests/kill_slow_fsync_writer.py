"""The processes the kill tests kill: each writes one report or export while every fsync is slow.

``python -m tests.kill_slow_fsync_writer --fork-server DATA_DIR`` (``benchmarks/fork_server.py``): the
server imports everything, opens the store once to build the clinical report's bytes in memory, and closes it
again (no connection crosses a fork). Then, per request ``{"target": ..., "kind": "report"|"export",
"no_unnamed_temp": bool}``, a forked child opens the store for itself, replaces ``os.fsync`` with a version
that sleeps ``SLOW_FSYNC_S`` before the real call, prints ``WRITING``, and saves the file through the
product's own code (``ReportService.save`` or ``BundleService.export``). The test kills the child with
SIGKILL at a random moment of the slow write. ``no_unnamed_temp`` hides ``os.O_TMPFILE`` in the child (the
product looks for it at each save) so that the staging-folder path (Windows, macOS, filesystems without
unnamed files) is the one killed.

Every child writes the same report bytes (built once); each export is gathered, encrypted and written by
its child, as before. ``SLOW_FSYNC_S`` was 0.8 s, with kills up to 2.5 fsyncs after ``WRITING``; it is
0.4 s now, the kill moments scaled with it: a save makes two fsyncs (the file, then its folder), so the
kills still spread over the same stretches of the write in the same proportions, for half the waiting.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.fork_server import FLAG, serve
from homeassess.domain.judge import Judge
from homeassess.services.bundle_transfer import BundleService
from homeassess.services.reports import ReportService
from homeassess.services.workspace import Workspace
from homeassess.store.store import Store

SLOW_FSYNC_S = 0.4
STORE_PASSPHRASE = "kill test store passphrase"
FILE_PASSPHRASE = "kill test file passphrase"
CLIENT = "Zebedee Quartermaine"


@dataclass(frozen=True)
class Prepared:
    data_dir: Path
    judge: Judge
    pdf: bytes


def prepare(args: list[str]) -> Prepared:
    data_dir, judge = Path(args[0]), Judge.load()
    ws = Workspace.build(Store.open(data_dir, STORE_PASSPHRASE, spares=0), judge)
    try:
        pdf = ReportService(ws).build(1, "clinical")
    finally:
        ws.close()
    return Prepared(data_dir, judge, pdf)


def work(prepared: Prepared, request: dict) -> None:
    target = Path(request["target"])
    if request.get("no_unnamed_temp") and hasattr(os, "O_TMPFILE"):
        del os.O_TMPFILE
    ws = Workspace.build(Store.open(prepared.data_dir, STORE_PASSPHRASE, spares=0), prepared.judge)
    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:
        time.sleep(SLOW_FSYNC_S)
        real_fsync(fd)

    os.fsync = slow_fsync
    print("WRITING", flush=True)
    if request["kind"] == "report":
        ReportService(ws).save(1, "clinical", prepared.pdf, target)
    else:
        BundleService(ws).export(1, target, FILE_PASSPHRASE)
    print("DONE", flush=True)
    ws.close()


if __name__ == "__main__":
    if sys.argv[1:2] != [FLAG]:
        sys.exit(f"usage: python -m tests.kill_slow_fsync_writer {FLAG} DATA_DIR")
    serve(prepare, work, sys.argv[2:])
