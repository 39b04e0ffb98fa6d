"""The scope of works read as a contractor pricing it: installed work only, equipment apart, a bid sheet
with blank labour, materials and permit columns, and where and by when to return the bid."""

from __future__ import annotations

import re

from homeassess.services.reports import ReportService
from tests.unit.test_report_builds import TODAY, text_of


def test_the_scope_can_be_priced_and_returned(demo_workspace):
    service = ReportService(demo_workspace)
    data = service.gather(demo_workspace.demo_id, "contractor", today=TODAY)
    recs = [r for room in data.rooms for r in room.recommendations] + list(data.whole_home)
    kit = [r for r in recs if r.category == "equipment"]
    work = [r for r in recs if r.category != "equipment"]
    assert kit and work  # the demo has both
    text = " ".join(text_of(service.build(demo_workspace.demo_id, "contractor", today=TODAY)).split())
    equipment_at, sheet_at = text.index("Equipment to buy (not part of the installed work)"), text.index("Bid sheet")
    for header in ("Labour", "Materials", "Permits", "Total"):
        assert header in text[sheet_at:], header
    assert "Bid total" in text[sheet_at:]
    numbered = [int(n) for n in re.findall(r"(?<!Photo )(?<![\w.])(\d+)\. ", text[:equipment_at])]  # work item heads
    assert max(numbered) == len(work)  # equipment is not numbered among the work items
    assert text.count(" E1 ") >= 1 and f" E{len(kit)} " in text[equipment_at:]
    assert "Bid due by 4 December 2026" in text and "Quote reference HA-1-contractor-20261120" in text
    returning = text.index("Returning your bid")
    assert "Return to Jordan Patel" in text[returning:] and "555-0142" in text[returning:sheet_at]
