"""GUI-thread stall while the photo strip imports 20 camera photos (budget: longest gap < 50 ms).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_stall.py [--photos 20] [--runs 1]``

Writes ``--photos`` 12-megapixel JPEGs (4000 × 3000, q92, each a little different, with sensor-like
noise so they do not compress to nothing) into a temporary folder, opens a fresh encrypted store
with one draft assessment, shows a ``PhotoStrip`` for its first room and imports the files through
it exactly as "Add photos…" does (worker thread, progress bar, live thumbnail refresh, final refresh).
A ``QTimer`` ticking every 10 ms on the GUI thread records the time between ticks while the import
runs; the longest gap is how long the window could not repaint or react.

Prints one JSON object on stdout: {"photos": ..., "import_s": ..., "max_gap_ms": ..., "stall_ms": ...,
"p99_gap_ms": ...} where ``stall_ms`` is the longest gap minus the 10 ms tick. Exit status 1 when
``max_gap_ms`` is 50 ms or more.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.judge import Judge
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.workspace import Workspace
from homeassess.store.store import Store
from homeassess.ui.kit.actions import ActionRegistry
from homeassess.ui.kit.error_path import ErrorPath
from homeassess.ui.kit.operations import Operations
from homeassess.ui.photos.photo_strip import PhotoStrip

SIZE = (4000, 3000)
TICK_MS = 10
BUDGET_MS = 50


def write_photos(folder: Path, count: int, size: tuple[int, int] = SIZE) -> list[Path]:
    base = Image.merge("RGB", [
        Image.linear_gradient("L").resize(size),
        Image.effect_noise(size, 40).point(lambda v: v // 2 + 64),
        Image.linear_gradient("L").rotate(90).resize(size),
    ])
    box_w, box_h = max(4, size[0] // 10), max(4, size[1] // 10)
    paths = []
    for n in range(count):
        picture = base.copy()
        draw = ImageDraw.Draw(picture)
        for k in range(12):  # door frames, rails: hard edges that differ per photo
            x, y = (n * 97 + k * 331) % (size[0] - box_w), (n * 53 + k * 211) % (size[1] - box_h)
            draw.rectangle((x, y, x + box_w, y + box_h), outline=((n * 40) % 256, k * 20, 200), width=8)
        path = folder / f"IMG_{n:04d}.JPG"
        picture.save(path, "JPEG", quality=92)
        paths.append(path)
    return paths


def measure(strip: PhotoStrip, paths: list[Path]) -> tuple[float, list[float]]:
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer(interval=TICK_MS, timerType=Qt.PreciseTimer, timeout=tick)
    loop = QEventLoop()
    strip.changed.connect(loop.quit)
    started = time.perf_counter()
    timer.start()
    last[0] = time.perf_counter()
    strip.import_paths(paths)
    loop.exec()
    QApplication.processEvents()  # the repaint that follows the final refresh
    tick()
    timer.stop()
    strip.changed.disconnect(loop.quit)
    return time.perf_counter() - started, gaps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "camera"
        folder.mkdir()
        print(f"writing {args.photos} photos of {SIZE[0]} × {SIZE[1]}…", file=sys.stderr)
        paths = write_photos(folder, args.photos)
        workspace = Workspace.build(Store.open(Path(tmp) / "store", "benchmark passphrase", create=True), Judge.load())
        try:
            assessment_id = workspace.assessments.create(NewAssessment(
                client=ClientProfile(name="Benchmark"), details=AssessmentDetails(), rooms=[RoomSpec(type="bathroom")],
            )).value
            room_id = workspace.assessments.open(assessment_id, audit=False).rooms[0].id
            ops = Operations(ErrorPath(None))
            strip = PhotoStrip(workspace.photo_import, workspace.judge.catalogue, ops, ActionRegistry())
            strip.resize(1200, 260)
            strip.show()
            strip.set_room(assessment_id, room_id, read_only=False)
            app.processEvents()
            results = []
            for run in range(args.runs):
                seconds, gaps = measure(strip, paths)
                results.append((seconds, gaps))
                print(f"run {run + 1}: {seconds:.2f} s, {len(gaps)} ticks, longest gap {max(gaps):.1f} ms",
                      file=sys.stderr)
            assert strip.model.rowCount() == args.photos * args.runs, strip.model.rowCount()
            ops.wait()
            strip.close()
        finally:
            workspace.close()
    all_gaps = [gap for _, run_gaps in results for gap in run_gaps]
    worst = max(all_gaps)
    report = {
        "photos": args.photos,
        "import_s": round(statistics.median(seconds for seconds, _ in results), 2),
        "max_gap_ms": round(worst, 1),
        "stall_ms": round(max(0.0, worst - TICK_MS), 1),
        "p99_gap_ms": round(sorted(all_gaps)[int(0.99 * (len(all_gaps) - 1))], 1),
    }
    print(json.dumps(report))
    return 0 if worst < BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
