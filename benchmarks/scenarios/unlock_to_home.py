"""Passphrase accepted to the painted home screen (budget: ≤ 1.5× key derivation alone + a bare window paint).

Each sample is a fresh ``python benchmarks/scenarios/_startup_launcher.py home DATA_DIR`` process: the program
starts as ``homeassess --data-dir DATA_DIR``; once its unlock dialog is painted and it has loaded the rest of
itself in the background (as it does while the clinician types), the passphrase is filled in and accepted, as
Enter does. The value runs from that acceptance to the main window's first Paint event: the store opened (the
SQLCipher key derived), the services built, the home list read, the window shown with its home screen (the unlock
audit, the spare connections, the day's backup and the assessment screen follow that paint: docs/startup.md).

Floor, the same number of fresh ``home-floor`` processes: the same store's key derived alone through the
product's ``open_connection`` (PBKDF2-HMAC-SHA512, 256,000 iterations), then a bare QMainWindow shown until its
first Paint, in a process where Qt has already painted one window. Value and floor launches take turns; one
untimed launch of each comes first (it also takes the day's backup).
"""

from __future__ import annotations

from benchmarks.scenarios._common import compile_bytecode, median, result, visit
from benchmarks.scenarios.start_to_unlock import import_report, launch

NAME = "unlock_to_home"
POSITION = 15
BUDGET_RATIO = 1.5


def run(scale: float, repeats: int) -> dict:
    compile_bytecode()
    store = visit(scale)
    if repeats > 1:
        launch("home", store.data_dir), launch("home-floor", store.data_dir)
    values, floors, keys, loads = [], [], [], []
    for _ in range(repeats):
        marks = launch("home", store.data_dir)["marks_ms"]
        values.append(round(marks["painted"] - marks["accepted"], 1))
        loads.append(round(marks["loaded"] - marks["unlock_painted"], 1))
        floor = launch("home-floor", store.data_dir)["marks_ms"]
        floors.append(round(floor["painted"] - floor["accepted"], 1))
        keys.append(round(floor["key_derived"] - floor["accepted"], 1))
    value, floor_value = median(values), median(floors)
    return result(
        NAME, value, "ms", floor_value, f"≤ {BUDGET_RATIO}× floor", value <= BUDGET_RATIO * floor_value,
        f"median of {repeats} fresh processes each; store: {store.rooms} rooms, {store.photos} photos; floor = key "
        f"derivation {median(keys):.0f} ms + bare window paint; the background load after the dialog's paint "
        f"took {median(loads):.0f} ms (the clinician types meanwhile)",
        samples_ms=values, floor_samples_ms=floors, key_derivation_ms=keys, background_load_ms=loads,
    )


def profile(scale: float) -> str:
    """Import-time report of the whole launch (the background load included), for what the unlock still waits on."""
    report = launch("home", visit(scale).data_dir, importtime=True)
    return "launch through the unlock to home, -X importtime:\n" + import_report(report["stderr"], 22)
