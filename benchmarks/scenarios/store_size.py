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
    """Where the bytes are, page by page: every table and index of the list store with its pages, payload and
    unused bytes, as ``sqlite3_analyzer`` would count them.

    This SQLCipher build has no ``dbstat``, so the store (synthetic benchmark data, never a clinician's) is
    exported to a plaintext copy in the benchmark's scratch folder (``sqlcipher_export``: the same tables and
    indexes, page for page, without the 80 bytes per page that the cipher reserves), measured with the
    standard library's SQLite, and deleted.
    """
    import sqlite3

    from benchmarks import store_fixture
    from homeassess.store.engine import STORE_FILE_NAME, open_connection

    store = list_store(scale)
    plain = store_fixture.scratch_dir("store-size") / "plain.db"
    conn = open_connection(store.data_dir / STORE_FILE_NAME, store_fixture.PASSPHRASE)
    try:
        pages, page_size = conn.execute("PRAGMA page_count").fetchone()[0], conn.execute("PRAGMA page_size").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(plain),))
        conn.execute("SELECT sqlcipher_export('plaintext')")
        conn.execute("DETACH DATABASE plaintext")
    finally:
        conn.close()
    try:
        with sqlite3.connect(plain) as stats:
            rows = stats.execute(
                "SELECT name, count(*), sum(payload), sum(unused), sum(pgsize) FROM dbstat GROUP BY name ORDER BY 5 DESC"
            ).fetchall()
            kinds = dict(stats.execute("SELECT name, type FROM sqlite_schema"))
    finally:
        plain.unlink(missing_ok=True)
    per = max(1, store.assessments)
    lines = [f"file {store.store_bytes / MB:.1f} MB: {pages} pages of {page_size} bytes, {free} free; photo renditions "
             f"{store.photo_bytes / MB:.1f} MB; allowed {allowance(store.photo_bytes, store.assessments) / MB:.1f} MB",
             f"{'b-tree':<36} {'kind':<5} {'pages':>7} {'MB':>7} {'payload':>8} {'unused':>7} {'KB/assessment':>13}"]
    for name, count, payload, unused, size in rows:
        kind = "index" if kinds.get(name) == "index" or name.startswith("sqlite_autoindex") else "table"
        lines.append(f"{name:<36} {kind:<5} {count:>7} {size / MB:>7.1f} {payload / MB:>8.1f} {unused / MB:>7.1f} "
                     f"{size / per / 1024:>13.1f}")
    photo_pages = sum(r[4] for r in rows if r[0] in ("photo", "photo_data"))
    indexes = sum(r[4] for r in rows if kinds.get(r[0]) == "index" or r[0].startswith("sqlite_autoindex"))
    other = sum(r[4] for r in rows) - photo_pages - indexes
    lines.append(f"photo tables {photo_pages / MB:.1f} MB for {store.photo_bytes / MB:.1f} MB of renditions; other tables "
                 f"{other / MB:.1f} MB; indexes {indexes / MB:.1f} MB (plaintext pages; the cipher adds 80 bytes a page)")
    return "\n".join(lines)
