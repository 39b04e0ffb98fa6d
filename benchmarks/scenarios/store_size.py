"""Store size growth (budget: ≤ 1.15× the photo bytes + 1 MB per 100 assessments).

Value: the encrypted store file (WAL checkpointed, as after a clean exit) of a practice's store — 40
assessments, each a whole recorded visit (ten rooms, 230 answers, the clinician's decisions on its
recommendations) with ten photos as the photo pipeline stores them (working copy, print copy and thumbnail
of 12 MP sources, taken from the visit store) — measured right after it was built. Floor: the sum of those
photo bytes (working + print + thumbnail). Budget: size ≤ 1.15 × photo bytes + 1 MB × assessments / 100.
The visit store (one assessment, 100 photos) is held to the same rule; the scenario passes only if both are
within it.

The notes also give the list store (2,000 assessments, 100,000 photos) per assessment: its photos are 3 KB
stand-ins made for listing speed, so its size is mostly rows (answers, decisions and their indexes, about
75 KB an assessment) and is reported, not held to a ratio of photo bytes it does not have.
"""

from __future__ import annotations

from benchmarks import store_fixture
from benchmarks.scenarios._common import result, scaled, visit
from benchmarks.scenarios.home_list import list_store

NAME = "store_size"
POSITION = 100
PHOTO_FACTOR = 1.15
MB = 1024 * 1024
PER_100_ASSESSMENTS = 1 * MB


def allowance(photo_bytes: int, assessments: int) -> float:
    return PHOTO_FACTOR * photo_bytes + PER_100_ASSESSMENTS * assessments / 100


def practice_store(scale: float) -> store_fixture.ListStore:
    source = visit(scale)
    return store_fixture.list_store(scaled(40, scale, 3), scaled(400, scale, 6), 10 if scale >= 0.1 else 2,
                                    photos_from=source.data_dir, distinct_photos=min(20, source.photos))


def run(scale: float, repeats: int) -> dict:
    big, small, listed = practice_store(scale), visit(scale), list_store(scale)
    big_allowed, small_allowed = allowance(big.photo_bytes, big.assessments), allowance(small.photo_bytes, 1)
    rows_kb = (listed.store_bytes - listed.photo_bytes) / listed.assessments / 1024
    return result(
        NAME, big.store_bytes / MB, "MB", big.photo_bytes / MB,
        f"≤ {PHOTO_FACTOR}× floor + 1 MB per 100 assessments",
        big.store_bytes <= big_allowed and small.store_bytes <= small_allowed,
        f"practice store: {big.assessments} visits, {big.photos} photos: {big.store_bytes / MB:.1f} MB for "
        f"{big.photo_bytes / MB:.1f} MB of photos ({big.store_bytes / big.photo_bytes:.3f}×), allowed "
        f"{big_allowed / MB:.1f} MB; visit store: 1 assessment, {small.photos} photos: {small.store_bytes / MB:.1f} MB "
        f"for {small.photo_bytes / MB:.1f} MB of photos ({small.store_bytes / small.photo_bytes:.3f}×), allowed "
        f"{small_allowed / MB:.1f} MB; list store (3 KB stand-in photos, not held to the ratio): {listed.assessments} "
        f"assessments, {listed.store_bytes / MB:.1f} MB, ≈ {rows_kb:.0f} KB per assessment besides its photos",
        allowed_mb=round(big_allowed / MB, 1),
        visit_store={"store_mb": round(small.store_bytes / MB, 2), "photo_mb": round(small.photo_bytes / MB, 2),
                     "allowed_mb": round(small_allowed / MB, 2), "ratio": round(small.store_bytes / small.photo_bytes, 3)},
        list_store={"assessments": listed.assessments, "store_mb": round(listed.store_bytes / MB, 1),
                    "photo_mb": round(listed.photo_bytes / MB, 1), "kb_per_assessment_besides_photos": round(rows_kb)},
    )


def profile(scale: float) -> str:
    """Where the bytes are, page by page: every table and index of the practice store with its pages, payload and
    unused bytes, as ``sqlite3_analyzer`` would count them.

    This SQLCipher build has no ``dbstat``, so the store (synthetic benchmark data, never a clinician's) is
    exported to a plaintext copy in the benchmark's scratch folder (``sqlcipher_export``: the same tables and
    indexes, page for page, without the 80 bytes per page that the cipher reserves), measured with the
    standard library's SQLite, and deleted.
    """
    import sqlite3

    from homeassess.store.engine import STORE_FILE_NAME, open_connection

    store = practice_store(scale)
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
