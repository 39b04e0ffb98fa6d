"""Store size growth (budget: ≤ 1.15× the photo bytes + 1 MB per 100 assessments).

Value: the encrypted store file (WAL checkpointed, as after a clean exit) of the list store — 2,000 assessments
of ten rooms, 230 answers and their recommendations each, with 100,000 photos (small renditions; see
``benchmarks/store_fixture.py``) — measured right after it was built. Floor: the sum of the photo bytes stored
in it (working copy + print copy + thumbnail). Budget: size ≤ 1.15 × photo bytes + 1 MB × assessments / 100.
The visit store (one assessment, 100 real 12 MP photos) is checked against the same rule and reported in the
notes; the scenario passes only if both stores are within it.
"""

from __future__ import annotations

from benchmarks.scenarios._common import result
from benchmarks.scenarios.clinical_report import visit
from benchmarks.scenarios.home_list import list_store

NAME = "store_size"
POSITION = 100
PHOTO_FACTOR = 1.15
MB = 1024 * 1024
PER_100_ASSESSMENTS = 1 * MB


def allowance(photo_bytes: int, assessments: int) -> float:
    return PHOTO_FACTOR * photo_bytes + PER_100_ASSESSMENTS * assessments / 100


def run(scale: float, repeats: int) -> dict:
    big, small = list_store(scale), visit(scale)
    big_allowed, small_allowed = allowance(big.photo_bytes, big.assessments), allowance(small.photo_bytes, 1)
    per_assessment_kb = (big.store_bytes - big.photo_bytes) / big.assessments / 1024
    return result(
        NAME, big.store_bytes / MB, "MB", big.photo_bytes / MB,
        f"≤ {PHOTO_FACTOR}× floor + 1 MB per 100 assessments",
        big.store_bytes <= big_allowed and small.store_bytes <= small_allowed,
        f"list store: {big.assessments} assessments, {big.photos} photos: {big.store_bytes / MB:.1f} MB for "
        f"{big.photo_bytes / MB:.1f} MB of photos, allowed {big_allowed / MB:.1f} MB "
        f"(≈ {per_assessment_kb:.0f} KB per assessment besides photos); visit store: 1 assessment, {small.photos} "
        f"photos: {small.store_bytes / MB:.1f} MB for {small.photo_bytes / MB:.1f} MB of photos "
        f"({small.store_bytes / small.photo_bytes:.3f}×), allowed {small_allowed / MB:.1f} MB",
        allowed_mb=round(big_allowed / MB, 1),
        visit_store={"store_mb": round(small.store_bytes / MB, 2), "photo_mb": round(small.photo_bytes / MB, 2),
                     "allowed_mb": round(small_allowed / MB, 2), "ratio": round(small.store_bytes / small.photo_bytes, 3)},
    )


def profile(scale: float) -> str:
    """Where the bytes are: rows and payload per table and the biggest columns of the list store.

    (This SQLCipher build has no ``dbstat``; payload is the sum of ``length()`` of the stored values, so page
    slack and index bytes are what remains of the file size.)
    """
    from benchmarks import store_fixture
    from homeassess.store.engine import STORE_FILE_NAME, open_connection

    store = list_store(scale)
    conn = open_connection(store.data_dir / STORE_FILE_NAME, store_fixture.PASSPHRASE)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        lines, columns = [], []
        total_payload = 0
        for table in tables:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            sums = conn.execute(
                f"SELECT count(*), {', '.join(f'coalesce(sum(length({c})), 0)' for c in cols)} FROM {table}").fetchone()
            rows, per_col = sums[0], dict(zip(cols, sums[1:], strict=True))
            payload = sum(per_col.values())
            total_payload += payload
            lines.append((payload, f"{table:<16} {rows:>9} rows {payload / MB:>9.1f} MB payload "
                                   f"{payload / max(1, store.assessments) / 1024:>7.1f} KB per assessment"))
            columns += [(v, f"{table}.{c}") for c, v in per_col.items()]
        indexes = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index'").fetchone()[0]
    finally:
        conn.close()
    lines.sort(reverse=True)
    columns.sort(reverse=True)
    return "\n".join(
        [f"file {store.store_bytes / MB:.1f} MB; payload {total_payload / MB:.1f} MB; the rest (b-tree pages, "
         f"{indexes} indexes, slack) {(store.store_bytes - total_payload) / MB:.1f} MB"]
        + [text for _, text in lines]
        + ["largest columns: " + ", ".join(f"{name} {v / MB:.1f} MB" for v, name in columns[:8])]
    )
