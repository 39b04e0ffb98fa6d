"""Home screen list on a store of 2,000 assessments and 100,000 photos (budget: under 150 ms).

Value: ``HomeScreen.refresh()`` (the default "Drafts and finals" filter, no search) followed by
``QApplication.processEvents()`` on a shown 1280 × 820 home screen, so the table's relayout, column sizing and
paint are counted: what the clinician waits for on start and on every return to the home screen.
Floor: a bare SQL count over the same tables on a raw SQLCipher connection (``open_connection``): the
assessments joined to their clients under the same status filter, then ``count(*)`` of the recommendations and of
the photos (unfiltered, so SQLite answers from the smallest index, as a bare count does).
Median of repeats after one warm-up; value and floor take turns. The store is built by
``benchmarks.store_fixture.build_list_store`` (bulk-inserted copies of a recorded template; small photo renditions).
"""

from __future__ import annotations

import time

from benchmarks import store_fixture
from benchmarks.scenarios._common import (
    interleaved,
    is_smoke,
    median,
    ms,
    profile_top,
    qt_app,
    result,
    sample_count,
    scaled,
    warmup_count,
)
from homeassess.store.engine import STORE_FILE_NAME, open_connection

NAME = "home_list"
POSITION = 70
BUDGET_MS = 150.0


def list_store(scale: float) -> store_fixture.ListStore:
    if is_smoke(scale):  # one list store for a smoke run: the practice store of store_size, whatever its size
        from benchmarks.scenarios.store_size import practice_store

        return practice_store(scale)
    return store_fixture.list_store(scaled(2000, scale, 20), scaled(100_000, scale, 100), 10 if scale >= 0.1 else 2)


def floor_counts(conn, search: str = "") -> int:  # a sqlcipher connection
    where = "a.status IN ('draft', 'final')"
    params: tuple = ()
    if search:
        where += " AND (c.name LIKE ? OR a.address LIKE ?)"
        params = (f"%{search}%", f"%{search}%")
    total = conn.execute(f"SELECT count(*) FROM assessment a JOIN client c ON c.id = a.client_id WHERE {where}",
                         params).fetchone()[0]
    conn.execute("SELECT count(*) FROM recommendation").fetchone()  # unfiltered: SQLite counts the smallest index
    conn.execute("SELECT count(*) FROM photo").fetchone()
    return total


class HomeFixture:
    """A shown home screen over the list store, plus a raw connection for the floor."""

    def __init__(self, scale: float) -> None:
        from homeassess.ui.home.home_screen import HomeScreen
        from homeassess.ui.kit.error_path import ErrorPath
        from homeassess.ui.kit.operations import Operations

        self.app = qt_app()
        self.store = list_store(scale)
        self.ws = store_fixture.open_workspace(self.store.data_dir)
        self.ops = Operations(ErrorPath(None))
        self.home = HomeScreen(self.ws.assessments, self.ops)
        self.home.resize(1280, 820)
        self.home.show()
        self.app.processEvents()
        self.raw = open_connection(self.store.data_dir / STORE_FILE_NAME, store_fixture.PASSPHRASE)

    def refresh(self) -> None:
        self.home.refresh()
        self.app.processEvents()

    def close(self) -> None:
        self.raw.close()
        self.home.close()
        self.home.deleteLater()
        self.app.processEvents()
        self.ws.close()


def run(scale: float, repeats: int) -> dict:
    fx = HomeFixture(scale)
    try:
        runs = sample_count(scale, max(3, repeats))
        times = interleaved({"list": fx.refresh, "floor": lambda: floor_counts(fx.raw)}, runs,
                            warmup=warmup_count(scale, 1))
        shown = fx.home.model.rowCount()
        started = time.perf_counter()  # the counts made afresh, as on the first list after unlock
        fx.ws.assessments.assessments.summaries()
        afresh = ms(time.perf_counter() - started)
    finally:
        fx.close()
    assert shown == fx.store.listed, (shown, fx.store.listed)
    value, floor = median(times["list"]), median(times["floor"])
    s = fx.store
    return result(
        NAME, value, "ms", floor, f"< {BUDGET_MS:.0f} ms", value < BUDGET_MS,
        f"{s.assessments} assessments ({shown} listed: drafts and finals), {s.photos} photos; template per assessment: "
        f"{s.template.get('rooms')} rooms, {s.template.get('responses')} responses, "
        f"{s.template.get('recommendations')} recommendations; median of {runs}; each assessment's counts are "
        f"kept per version between refreshes: counting all afresh (the first list after unlock) took {afresh:.0f} ms",
        listed=shown, counted_afresh_ms=round(afresh, 1),
    )


def profile(scale: float) -> str:
    fx = HomeFixture(scale)
    try:
        fx.refresh()
        return "HomeScreen.refresh() + processEvents(), 3 calls:\n" + profile_top(
            lambda: [fx.refresh() for _ in range(3)], 22)
    finally:
        fx.close()
