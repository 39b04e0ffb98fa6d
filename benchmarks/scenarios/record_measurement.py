"""Record one measurement (budget: ≤ 2× floor and under 20 ms).

Value: ``ChecklistService.record(room, "door_clear_width", text)`` in a draft assessment's entrance room that
already holds the demo's 34 answers: parse, judge (standard and person-fit), commit the response, re-derive
and commit the room's proposals — every commit durable (WAL, ``synchronous=FULL``). The typed value cycles
through "30 1/2", "36", "32 in", so every call changes the stored answer and its finding.

Floor: one raw SQLCipher ``BEGIN IMMEDIATE; INSERT …; COMMIT`` of a response-sized row on a connection opened
by the product's own ``open_connection`` (same key, WAL, synchronous=FULL) to a second store file in the same
folder. Value and floor samples take turns.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from benchmarks import store_fixture
from benchmarks.scenarios._common import interleaved, median, profile_top, result, sample_count, warmup_count
from homeassess.store.engine import open_connection

NAME = "record_measurement"
POSITION = 30
BUDGET_RATIO = 2.0
BUDGET_MS = 20.0
VALUES = ("30 1/2", "36", "32 in")
# A sample is about 1 ms on either side, and one sample in three or four lands on a disk flush several times longer:
# 40 samples gave medians from 2.1x to 2.4x in five runs on one machine. 200 (a second) steady the median.
SAMPLES_PER_REPEAT = 40


class _Setup:
    def __init__(self) -> None:
        folder = store_fixture.scratch_dir("record")
        self.ws = store_fixture.open_workspace(folder / "store", create=True)
        self.assessment_id = store_fixture.record_visit(self.ws, 1, None)
        self.room_id = self.ws.assessments.room_views(self.assessment_id)[0].id
        self.values = itertools.cycle(VALUES)
        self.raw = open_connection(folder / "raw.db", store_fixture.PASSPHRASE)
        self.raw.execute(
            "CREATE TABLE IF NOT EXISTS response (id INTEGER PRIMARY KEY, room_id INTEGER NOT NULL, item_id TEXT NOT NULL,"
            " value_text TEXT NOT NULL, value REAL, verdict TEXT NOT NULL, note TEXT NOT NULL, updated_at TEXT NOT NULL)"
        )
        self.raw.execute("CREATE INDEX IF NOT EXISTS ix_response_room_id ON response (room_id)")
        self.n = 0

    def record(self) -> None:
        self.ws.checklist.record(self.room_id, "door_clear_width", next(self.values))

    def raw_insert(self) -> None:
        self.n += 1
        self.raw.execute("BEGIN IMMEDIATE")
        self.raw.execute(
            "INSERT INTO response (room_id, item_id, value_text, value, verdict, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (self.n % 40, "door_clear_width", "30 1/2", 774.7, "fails", "", datetime.now(UTC).isoformat()),
        )
        self.raw.execute("COMMIT")

    def close(self) -> None:
        self.raw.close()
        self.ws.close()


def run(scale: float, repeats: int) -> dict:
    setup = _Setup()
    try:
        samples, warmups = sample_count(scale, max(3, SAMPLES_PER_REPEAT * repeats)), warmup_count(scale, 3)
        times = interleaved({"record": setup.record, "floor": setup.raw_insert}, samples, warmup=warmups)
    finally:
        setup.close()
    value, floor = median(times["record"]), median(times["floor"])
    return result(
        NAME, value, "ms", floor, f"≤ {BUDGET_RATIO:.0f}× floor and < {BUDGET_MS:.0f} ms",
        value <= BUDGET_RATIO * floor and value < BUDGET_MS,
        f"median of {samples} interleaved samples (after {warmups} warm-ups); room of {34} answers",
        p90_ms=round(sorted(times["record"])[int(0.9 * (len(times["record"]) - 1))], 2),
        floor_p90_ms=round(sorted(times["floor"])[int(0.9 * (len(times["floor"]) - 1))], 2),
    )


def profile(scale: float) -> str:
    setup = _Setup()
    try:
        for _ in range(3):
            setup.record()

        def twenty() -> None:
            for _ in range(20):
                setup.record()

        return "20 calls of ChecklistService.record:\n" + profile_top(twenty, 22)
    finally:
        setup.close()
