"""Clinical report of a 15-room visit with 100 photos and 60 findings (budget: ≤ 2× floor, file < 15 MB).

Value: ``ReportService(workspace).build(assessment_id, "clinical")`` — gather everything from the encrypted
store (findings re-judged, recommendations, every print copy read), lay out and write the PDF bytes.
Floor: ReportLab alone placing the same 100 stored print-copy JPEGs (read from the store beforehand, not timed)
two to a row, three rows to a letter page, at the report's photo size, with nothing else on the pages, written
to bytes with the same ReportLab settings (``Canvas.drawImage`` of an in-memory ``ImageReader``, which embeds the
JPEG bytes as they are). Interleaved, one warm-up each.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from benchmarks import store_fixture
from benchmarks.scenarios._common import interleaved, median, profile_top, result, visit
from homeassess.services.reports import ReportService, page_count

NAME = "clinical_report"
POSITION = 60
BUDGET_RATIO = 2.0
BUDGET_BYTES = 15 * 1024 * 1024



def print_copies(ws, assessment_id: int) -> list[bytes]:  # a Workspace
    out = []
    for row in ws.photos_repo.list(assessment_id):
        if row.include_in_report:
            out.append(ws.photos_repo.renditions(row.id).print_copy)
    return out


def place_photos(jpegs: list[bytes]) -> bytes:
    """The floor: the JPEGs on letter pages, 2 × 3 a page, each fitted to 3.4 × 2.6 in; nothing else."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, invariant=1)
    col_w, max_h, margin, gap = 3.4 * inch, 2.6 * inch, 0.7 * inch, 10
    for start in range(0, len(jpegs), 6):
        for k, data in enumerate(jpegs[start:start + 6]):
            image = ImageReader(io.BytesIO(data))
            w, h = image.getSize()
            scale = min(col_w / w, max_h / h)
            x = margin + (k % 2) * (col_w + gap)
            y = LETTER[1] - margin - (k // 2 + 1) * (max_h + gap)
            # ReportLab's in-memory path: it decodes the JPEG once to fingerprint it (its image cache key), then
            # embeds the original bytes as they are (DCTDecode). Only a file *name* avoids that decode, and
            # writing decrypted photos to files is what the product must not do.
            canvas.drawImage(image, x, y, w * scale, h * scale)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def run(scale: float, repeats: int) -> dict:
    store = visit(scale)
    ws = store_fixture.open_workspace(store.data_dir)
    try:
        service = ReportService(ws)
        jpegs = print_copies(ws, store.assessment_id)
        built: dict[str, bytes] = {}

        def product() -> None:
            built["report"] = service.build(store.assessment_id, "clinical")

        def floor() -> None:
            built["floor"] = place_photos(jpegs)

        runs = max(1, min(repeats, 5))
        times = interleaved({"report": product, "floor": floor}, runs, warmup=1 if repeats > 1 else 0)
    finally:
        ws.close()
    value, floor_ms = median(times["report"]), median(times["floor"])
    size = len(built["report"])
    jpeg_bytes = sum(len(j) for j in jpegs)
    return result(
        NAME, value, "ms", floor_ms, f"≤ {BUDGET_RATIO:.0f}× floor and file < 15 MB",
        value <= BUDGET_RATIO * floor_ms and size < BUDGET_BYTES,
        f"{store.rooms} rooms, {len(jpegs)} photos, {store.findings} findings, {store.recommendations} accepted "
        f"recommendations; PDF {size / 1e6:.1f} MB, {page_count(built['report'])} pages; the print copies alone are "
        f"{jpeg_bytes / 1e6:.1f} MB (floor PDF {len(built['floor']) / 1e6:.1f} MB); median of {runs}",
        samples_ms=[round(t, 1) for t in times["report"]], floor_samples_ms=[round(t, 1) for t in times["floor"]],
        file_bytes=size, print_copy_bytes=jpeg_bytes, floor_file_bytes=len(built["floor"]),
        pages=page_count(built["report"]),
    )


def profile(scale: float) -> str:
    store = visit(scale)
    ws = store_fixture.open_workspace(store.data_dir)
    try:
        service = ReportService(ws)
        service.build(store.assessment_id, "clinical")
        return "ReportService.build(clinical):\n" + profile_top(lambda: service.build(store.assessment_id, "clinical"), 24)
    finally:
        ws.close()
