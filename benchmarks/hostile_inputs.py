"""Time and peak memory of every hostile input, each in a fresh process (issue 15's budgets).

``python -m benchmarks.hostile_inputs [--only WORD] [--output FILE]``

Every case of the generated corpus (``tests/hostile_corpus.py``) runs in its own child process:
photos through ``process_photo``, export files through ``BundleService.import_file`` into a new
store (the store is opened before the clock starts). The child reports the seconds the call
took (wall clock and CPU: the machine is shared, so both are kept) and its peak resident
memory (VmHWM: imports and the open store included). The
floor, measured in the same run, is a child that imports the same modules and opens a store
and does nothing else. Budgets (issue 15): under 400 MB peak and under 10 s per input; every
case must end in a refusal or a valid import. Also measured: 650 byte flips of a real export
(the slowest flip), how long a 50 MP decode takes to stop after Cancel, and a clinical report
with the longest texts the limits allow. A full run writes ``benchmarks/hostile_results.json``.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "hostile_results.json"
PASSPHRASE = "hostile benchmark store"
FILE_PASSPHRASE = "hostile benchmark file"
MEMORY_BUDGET_MB, TIME_BUDGET_S = 400, 10


# --- children (one input each) -------------------------------------------------------------------


def _peak_mb() -> float:
    """This process's peak resident memory since it was started. Linux's VmHWM belongs to the program's own
    memory map, which exec creates afresh; ``ru_maxrss`` would also count the parent's pages at the fork."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / (1024 if sys.platform == "darwin" else 1)


def _workspace(data_dir: Path):  # a Workspace
    from homeassess.domain.judge import Judge
    from homeassess.services.workspace import Workspace
    from homeassess.store.store import Store

    # No spare connections: a one-case process has no use for them, and each derives the key again.
    return Workspace.build(Store.open(data_dir, PASSPHRASE, create=True, spares=0), Judge.load())


def child(kind: str, path: str, data_dir: str) -> dict:
    from homeassess.domain.refusals import Refused
    from homeassess.photos import process_photo
    from homeassess.services.bundle_transfer import BundleService

    ws = _workspace(Path(data_dir))
    _warm_up()
    started, cpu_started = time.perf_counter(), time.process_time()
    outcome, per_input = "floor", None
    try:
        if kind == "photo":
            made = process_photo(Path(path))
            outcome = f"imported {made.width}×{made.height}"
        elif kind == "bundle":
            result = BundleService(ws).import_file(Path(path), FILE_PASSPHRASE, "keep_both")
            outcome = f"imported as assessment {result.assessment_id}"
        elif kind == "flips":
            outcome, per_input = _flips(ws, Path(path))
        elif kind == "cancel":
            outcome = _cancel_latency(Path(path))
        elif kind == "report":
            outcome = _longest_report(ws)
    except Refused as refused:
        outcome = f"refused: {refused}"
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    ws.close()
    return {"seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3), "peak_mb": round(_peak_mb(), 1), "outcome": outcome,
            "slowest_input_seconds": round(per_input if per_input is not None else seconds, 3)}


def _warm_up() -> None:
    """Pillow loads its plugins on the first open; a running program has long done that."""
    import io

    from PIL import Image

    from homeassess.photos import process_photo

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "JPEG")
    process_photo(buffer.getvalue())


def _flips(ws, path: Path) -> tuple[str, float]:  # a Workspace
    from homeassess.bundle import container
    from homeassess.services.bundle_transfer import BundleError, BundleService
    from tests.hostile_corpus import byte_flips

    container.derive_key = functools.lru_cache(maxsize=8)(container.derive_key)  # the KDF once, not 650 times
    service, refused, valid, slowest = BundleService(ws), 0, 0, 0.0
    candidate = path.with_name("flipped.hax")
    for _, data in byte_flips(path.read_bytes(), 650):
        candidate.write_bytes(data)
        started = time.perf_counter()
        try:
            service.inspect(candidate, FILE_PASSPHRASE)
            valid += 1
        except BundleError:
            refused += 1
        slowest = max(slowest, time.perf_counter() - started)
    return f"650 flips: {refused} refused, {valid} still valid; slowest {slowest:.2f} s", slowest


def _cancel_latency(path: Path) -> str:
    """Five decodes of the same large progressive JPEG, each cancelled at a random moment."""
    from homeassess.photos import PhotoCancelled, process_photo

    rng, stops = random.Random(15), []
    for _ in range(5):
        stop, set_at = threading.Event(), []
        timer = threading.Timer(rng.uniform(0.1, 1.5), lambda s=stop, a=set_at: (a.append(time.perf_counter()), s.set()))
        timer.start()
        try:
            process_photo(path, cancel=stop)
        except PhotoCancelled:
            stops.append(time.perf_counter() - set_at[0])
        timer.join()
    return f"stopped {len(stops)} of 5 decodes, at most {max(stops, default=0):.2f} s after Cancel"


def _longest_report(ws) -> str:  # a Workspace
    from homeassess.domain.client_profile import ClientProfile
    from homeassess.domain.limits import TEXT
    from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
    from homeassess.services.reports import ReportService

    assessment_id = ws.assessments.create(NewAssessment(
        client=ClientProfile(name="N" * TEXT.line), details=AssessmentDetails(),
        rooms=[RoomSpec(type="entrance", name="R" * TEXT.line), RoomSpec(type="bathroom")],
    )).value
    room = ws.assessments.room_views(assessment_id)[0].id
    ws.checklist.record(room, "door_clear_width", "28")
    ws.recommendations.add_custom(assessment_id, room, "T" * TEXT.line, specification="W" * TEXT.paragraph,
                                  rationale="w" * TEXT.paragraph, plain="p" * TEXT.paragraph)  # accepted
    started = time.perf_counter()
    pdf = ReportService(ws).build(assessment_id, "clinical")
    return f"report of {len(pdf) // 1024} KB built in {time.perf_counter() - started:.2f} s"


# --- the parent: inputs, one child per input -------------------------------------------------------


def _run_child(kind: str, path: Path | str, root: Path) -> dict:
    data_dir = Path(tempfile.mkdtemp(dir=root))
    command = [sys.executable, "-m", "benchmarks.hostile_inputs", "--child", kind, str(path), str(data_dir)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    if done.returncode != 0:
        return {"seconds": None, "cpu_seconds": None, "peak_mb": None, "slowest_input_seconds": None,
                "outcome": f"CRASHED: {done.stderr.strip().splitlines()[-1:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def photo_inputs(root: Path, wanted: Callable[[str], bool]) -> dict[str, Path]:
    from tests.hostile_corpus import PHOTO_CASES, jpeg, scan_bomb

    makers = dict(PHOTO_CASES)
    makers["reference: 12 MP phone-sized JPEG"] = lambda: jpeg((4000, 3000), noise=True, quality=85)
    makers["reference: 49 MP baseline JPEG, 36 MB"] = lambda: jpeg((7000, 7000), noise=True)
    makers["edge: 49 MP progressive, 12 passes"] = lambda: scan_bomb(20, (7000, 7000))
    return {name: _write(root, name, make()) for name, make in makers.items() if wanted(name)}


def bundle_inputs(root: Path, wanted: Callable[[str], bool]) -> dict[str, Path | str]:
    from benchmarks.hostile_bundles import crafted_bundles

    inputs: dict[str, Path | str] = dict(crafted_bundles(root, FILE_PASSPHRASE, wanted))
    if os.path.exists("/dev/zero"):
        fifo = root / "fifo.hax"
        os.mkfifo(fifo)
        inputs.update({"special: /dev/zero": "/dev/zero", "special: FIFO": fifo})
    return {name: path for name, path in inputs.items() if wanted(name)}


def _write(root: Path, name: str, data: bytes) -> Path:
    path = root / (uuid.uuid4().hex + ".bin")
    path.write_bytes(data)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hostile_inputs", description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="homeassess-hostile-") as temp:
        root = Path(temp)
        print("[hostile] generating the corpus …", file=sys.stderr, flush=True)

        def wanted(name: str) -> bool:
            return not args.only or args.only.lower() in name.lower()

        plan = [("floor", "floor: imports and an open store", "-")]
        plan += [("photo", name, path) for name, path in photo_inputs(root, wanted).items()]
        bundles = bundle_inputs(root, lambda name: wanted(name) or wanted("650 byte flips of a real export"))
        plan += [("bundle", name, path) for name, path in bundles.items() if wanted(name)]
        extras = {"650 byte flips of a real export": "flips", "Cancel during a 49 MP progressive decode": "cancel",
                  "clinical report with the longest texts allowed": "report"}
        for name, kind in extras.items():
            if not wanted(name):
                continue
            if kind == "cancel":
                from tests.hostile_corpus import scan_bomb

                (root / "cancel.jpg").write_bytes(scan_bomb(20, (7000, 7000)))
            path = {"flips": bundles.get("valid: a small real export"), "cancel": root / "cancel.jpg"}.get(kind, "-")
            plan.append((kind, name, path))
        for kind, name, path in plan:
            record = {"kind": kind, "case": name, **_run_child(kind, path, root)}
            record["within_budget"] = record["peak_mb"] is not None and record["peak_mb"] < MEMORY_BUDGET_MB and \
                record["slowest_input_seconds"] < TIME_BUDGET_S and not record["outcome"].startswith("CRASHED")
            rows.append(record)
            print(f"[hostile] {name}: {record['seconds']} s ({record['cpu_seconds']} s CPU), {record['peak_mb']} MB — "
                  f"{record['outcome']}",
                  file=sys.stderr, flush=True)
    width = max(len(r["case"]) for r in rows)
    print(f"{'case'.ljust(width)}  {'seconds':>7}  {'CPU s':>7}  {'peak MB':>7}  outcome")
    for r in rows:
        print(f"{r['case'].ljust(width)}  {r['seconds']!s:>7}  {r['cpu_seconds']!s:>7}  {r['peak_mb']!s:>7}  {r['outcome'][:100]}")
    missed = [r["case"] for r in rows if not r["within_budget"]]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} within {MEMORY_BUDGET_MB} MB and {TIME_BUDGET_S} s" +
          (f"; over: {', '.join(missed)}" if missed else ""))
    output = args.output or (RESULTS if not args.only else None)
    if output is not None:
        output.write_text(json.dumps({"generated": time.strftime("%Y-%m-%dT%H:%M:%S"), "cpus": os.cpu_count(),
                                      "load_average": [round(x, 2) for x in os.getloadavg()],
                                      "memory_budget_mb": MEMORY_BUDGET_MB, "time_budget_s": TIME_BUDGET_S,
                                      "cases": rows}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
