"""The client's action plan of the 15-room visit with 60 findings (budget: under 1 s, issue 12).

Value: ``ReportService(workspace).build(assessment_id, "client")`` on the visit store, as ``homeassess report
--audience client`` and the Reports dialog call it: gather from the encrypted store (findings re-judged, the
accepted recommendations), lay out in 14 pt type and write the PDF bytes. No photos are printed in the plan, so
none are read. No floor: the budget is absolute. Median of the repeats after one untimed warm-up (the first
build in a process also loads and subsets the bundled fonts; that is the first report's cost, not the plan's).
"""

from __future__ import annotations

from benchmarks import store_fixture
from benchmarks.scenarios._common import interleaved, median, profile_top, result, visit, warmup_count
from homeassess.services.reports import ReportService, page_count

NAME = "client_plan"
POSITION = 61
BUDGET_MS = 1000.0



def run(scale: float, repeats: int) -> dict:
    store = visit(scale)
    ws = store_fixture.open_workspace(store.data_dir)
    try:
        service = ReportService(ws)
        built: dict[str, bytes] = {}

        def plan() -> None:
            built["plan"] = service.build(store.assessment_id, "client")

        runs = max(1, min(repeats, 5))
        times = interleaved({"plan": plan}, runs, warmup=warmup_count(scale, 1))
    finally:
        ws.close()
    value = median(times["plan"])
    pdf = built["plan"]
    return result(
        NAME, value, "ms", None, f"< {BUDGET_MS / 1000:.0f} s", value < BUDGET_MS,
        f"{store.rooms} rooms, {store.findings} findings, {store.recommendations} accepted recommendations; PDF "
        f"{len(pdf) / 1e3:.0f} KB, {page_count(pdf)} pages; median of {runs}",
        samples_ms=[round(t, 1) for t in times["plan"]], file_bytes=len(pdf), pages=page_count(pdf),
    )


def profile(scale: float) -> str:
    store = visit(scale)
    ws = store_fixture.open_workspace(store.data_dir)
    try:
        service = ReportService(ws)
        service.build(store.assessment_id, "client")
        return "ReportService.build(client):\n" + profile_top(lambda: service.build(store.assessment_id, "client"), 24)
    finally:
        ws.close()
