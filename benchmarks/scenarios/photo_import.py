"""Import one 12 MP JPEG (budget: ≤ 1.3× floor). Reuses ``benchmarks/photo_import.py``.

Value: ``homeassess.photos.process_photo(path)`` on a realistic 4000 × 3000 q92 phone JPEG with EXIF and GPS
(checks, draft decode, orientation, metadata stripped, colour, three renditions, hash).
Floor: ``benchmarks.photo_import.pillow_floor`` — Pillow alone making the same three renditions from the same
file (open, draft, exif_transpose, convert, resize with the same filter, encode at the same qualities).
Interleaved, one warm-up each. The notes add the whole import as the program does it
(``PhotoImportService.import_files`` for one file: the pipeline plus storing the renditions and the audit
event, each commit durable), which the floor does not cover.
"""

from __future__ import annotations

from benchmarks import store_fixture
from benchmarks.photo_import import SIZE, phone_exif, photographic_image, pillow_floor
from benchmarks.scenarios._common import interleaved, median, profile_top, result, sample_count, warmup_count
from homeassess.domain.client_profile import ClientProfile
from homeassess.photos import process_photo
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.photo_import import run_to_end

NAME = "photo_import"
POSITION = 40
BUDGET_RATIO = 1.3


def _sample(scale: float):  # the JPEG's path
    size = SIZE if scale >= 0.1 else (1200, 900)
    path = store_fixture.scratch_dir("import") / "IMG_0001.JPG"
    photographic_image(20240601, size).save(path, "JPEG", quality=92, exif=phone_exif(6))
    return path, size


def run(scale: float, repeats: int) -> dict:
    path, size = _sample(scale)
    ws = store_fixture.open_workspace(path.parent / "store", create=True)
    try:
        runs = sample_count(scale, max(3, repeats))
        # One room per import: a picture already attached to a room is skipped when imported there again.
        aid = ws.assessments.create(NewAssessment(client=ClientProfile(name="Benchmark"), details=AssessmentDetails(),
                                                  rooms=[RoomSpec(type="bathroom")] * (runs + 1))).value
        rooms = iter([view.id for view in ws.assessments.room_views(aid)])

        def service_import() -> None:
            _, summary = run_to_end(ws.photo_import.import_files(aid, next(rooms), None, [path]))
            assert summary.imported_count == 1, (summary.refused, summary.skipped)

        times = interleaved({"pipeline": lambda: process_photo(path), "floor": lambda: pillow_floor(path),
                             "service": service_import}, runs, warmup=warmup_count(scale, 1))
    finally:
        ws.close()
    value, floor, service = median(times["pipeline"]), median(times["floor"]), median(times["service"])
    return result(
        NAME, value, "ms", floor, f"≤ {BUDGET_RATIO}× floor", value <= BUDGET_RATIO * floor,
        f"{size[0]}×{size[1]} q92 JPEG, {path.stat().st_size / 1e6:.1f} MB, EXIF orientation 6; median of {runs}; "
        f"whole import through the service (pipeline + durable store + audit): {service:.0f} ms = "
        f"{service / floor:.2f}× floor",
        service_import_ms=round(service, 1),
    )


def profile(scale: float) -> str:
    path, _ = _sample(scale)
    process_photo(path)
    return "process_photo, 5 calls:\n" + profile_top(lambda: [process_photo(path) for _ in range(5)], 18, "tottime")
