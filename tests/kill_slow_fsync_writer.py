"""A child process for the kill tests: writes one report or export while every fsync is slow.

``python -m tests.kill_slow_fsync_writer DATA_DIR TARGET report|export [--no-unnamed-temp]``

The store is opened and the report built (or the export document gathered) first; then
``os.fsync`` is replaced by a version that sleeps ``SLOW_FSYNC_S`` before the real call, the
line ``WRITING`` is printed, and the file is saved through the product's own code
(``ReportService.save`` or ``BundleService.export``). The parent kills the process with
SIGKILL at a random moment of the slow write. ``--no-unnamed-temp`` hides ``os.O_TMPFILE``
so that the staging-folder path (Windows, macOS, filesystems without unnamed files) is the
one killed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

SLOW_FSYNC_S = 0.8
STORE_PASSPHRASE = "kill test store passphrase"
FILE_PASSPHRASE = "kill test file passphrase"
CLIENT = "Zebedee Quartermaine"


def main() -> None:
    data_dir, target, kind = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    if "--no-unnamed-temp" in sys.argv and hasattr(os, "O_TMPFILE"):
        del os.O_TMPFILE
    from homeassess.domain.judge import Judge
    from homeassess.services.bundle_transfer import BundleService
    from homeassess.services.reports import ReportService
    from homeassess.services.workspace import Workspace
    from homeassess.store.store import Store

    ws = Workspace.build(Store.open(data_dir, STORE_PASSPHRASE), Judge.load())
    reports = ReportService(ws)
    pdf = reports.build(1, "clinical") if kind == "report" else b""
    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:
        time.sleep(SLOW_FSYNC_S)
        real_fsync(fd)

    os.fsync = slow_fsync
    print("WRITING", flush=True)
    if kind == "report":
        reports.save(1, "clinical", pdf, target)
    else:
        BundleService(ws).export(1, target, FILE_PASSPHRASE)
    print("DONE", flush=True)
    ws.close()


if __name__ == "__main__":
    main()
