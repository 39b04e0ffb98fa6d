"""The encrypted store: what is on disk, how it opens, and how it migrates."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.store import migrate
from homeassess.store.engine import NotEncrypted, StoreError, WrongPassphrase
from homeassess.store.location import backup_dir
from homeassess.store.store import Store, StoreNotFound
from tests.conftest import PASSPHRASE

CLIENT_NAME = "Zebediah Quarterfield"


def _add_assessment(workspace, name=CLIENT_NAME) -> int:
    new = NewAssessment(
        client=ClientProfile(name=name, diagnosis="Parkinson disease"),
        details=AssessmentDetails(visit_date=date(2026, 11, 20), address="12 Larkspur Lane"),
        rooms=[RoomSpec(type="entrance"), RoomSpec(type="bathroom", name="Upstairs bathroom")],
    )
    assessment_id = workspace.assessments.create(new).value
    room = workspace.assessments.room_views(assessment_id)[0]
    workspace.checklist.record(room.id, "door_clear_width", "30 1/2")
    first = workspace.recommendations.list(assessment_id)[0]
    workspace.recommendations.set_status(assessment_id, [first.ref], "accepted")
    return assessment_id


def test_store_file_and_wal_hold_no_client_name(workspace, data_dir):
    _add_assessment(workspace)
    needle = CLIENT_NAME.encode()
    files = [p for p in data_dir.iterdir() if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files), "WAL mode should leave a -wal file while open"
    for path in files:
        content = path.read_bytes()
        assert needle not in content, f"client name readable in {path.name}"
        assert b"Larkspur" not in content
    assert not (data_dir / "homeassess.db").read_bytes().startswith(b"SQLite format 3")


def test_stdlib_sqlite_cannot_read_the_store(workspace, data_dir):
    _add_assessment(workspace)
    workspace.close()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(data_dir / "homeassess.db").execute("SELECT * FROM client").fetchall()


def test_wrong_passphrase_gives_a_plain_message(workspace, data_dir):
    workspace.close()
    with pytest.raises(WrongPassphrase) as caught:
        Store.open(data_dir, "not the passphrase")
    assert str(caught.value) == "wrong passphrase or damaged file"


def test_a_plain_sqlite_file_is_reported_as_unencrypted(tmp_path):
    sqlite3.connect(tmp_path / "homeassess.db").execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(NotEncrypted):
        Store.open(tmp_path, PASSPHRASE)


def test_opening_a_missing_store_without_create_is_refused(tmp_path):
    with pytest.raises(StoreNotFound):
        Store.open(tmp_path / "nowhere", PASSPHRASE)


def _pragmas(engine) -> tuple:
    with engine.connect() as conn:
        return tuple(conn.execute(text(f"PRAGMA {p}")).scalar()
                     for p in ("foreign_keys", "journal_mode", "synchronous", "cache_size"))


def test_durable_settings_hold_on_every_connection_including_a_worker_thread(workspace):
    """Foreign keys, WAL, FULL sync, and a page cache that holds a 2,000-visit home list (benchmarks: home_search)."""
    engine = workspace.store.engine
    assert _pragmas(engine) == (1, "wal", 2, -32 * 1024)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(_pragmas(engine))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == [(1, "wal", 2, -32 * 1024)] * 3


def test_errors_never_carry_the_values_typed(workspace):
    with pytest.raises(Exception) as caught, workspace.store.engine.connect() as conn:
        conn.execute(text("INSERT INTO assessment (uid, client_id, status, visit_date) VALUES (:u, 999, 'draft', '2026-01-01')"),
                     {"u": "Jane Doe secret"})
        conn.commit()
    assert "Jane" not in str(caught.value)


def test_audit_trail_cannot_be_rewritten(workspace):
    assessment_id = _add_assessment(workspace)
    assert workspace.audit.for_assessment(assessment_id)
    with workspace.store.engine.connect() as conn:
        with pytest.raises(Exception, match="append-only"):
            conn.execute(text("UPDATE audit_event SET action = 'nothing'"))
        conn.rollback()
        with pytest.raises(Exception, match="append-only"):
            conn.execute(text("DELETE FROM audit_event"))


def test_backup_is_encrypted_verified_and_reopens(workspace, data_dir):
    _add_assessment(workspace)
    info = workspace.store.backup("manual")
    assert info.path.parent == backup_dir(data_dir)
    assert CLIENT_NAME.encode() not in info.path.read_bytes()
    copy_dir = data_dir.parent / "restored"
    copy_dir.mkdir()
    shutil.copy(info.path, copy_dir / "homeassess.db")
    restored = Store.open(copy_dir, PASSPHRASE)
    with restored.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM client")).scalar() == CLIENT_NAME
    restored.close()


REBUILD_MIGRATION = '''
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    # A table rebuild of the parent: with foreign keys on, SQLite would cascade-delete every room.
    with op.batch_alter_table("assessment", recreate="always") as batch:
        batch.add_column(sa.Column("test_marker", sa.String(), nullable=True))


def downgrade():
    pass
'''


def _child_counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in ("room", "response", "recommendation")}


def test_migrating_a_populated_store_loses_no_child_rows_and_backs_up_first(workspace, data_dir, tmp_path, monkeypatch):
    _add_assessment(workspace)
    _add_assessment(workspace, "Second Client")
    before = _child_counts(workspace.store.engine)
    assert before["room"] == 4 and before["response"] == 2 and before["recommendation"] >= 1
    workspace.close()

    migrations = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, migrations)
    (migrations / "versions" / "9999_rebuild.py").write_text(REBUILD_MIGRATION.format(head=migrate.head_revision()))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", migrations)

    store = Store.open(data_dir, PASSPHRASE)
    try:
        assert store.migration.to_revision == "9999"
        assert store.migration.backup is not None and store.migration.backup.exists()
        assert _child_counts(store.engine) == before
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        store.close()


def test_a_failing_migration_leaves_the_store_as_it_was(workspace, data_dir, tmp_path, monkeypatch):
    _add_assessment(workspace)
    before = _child_counts(workspace.store.engine)
    workspace.close()
    migrations = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, migrations)
    broken = REBUILD_MIGRATION.format(head=migrate.head_revision()).replace(
        'batch.add_column(sa.Column("test_marker", sa.String(), nullable=True))',
        'batch.add_column(sa.Column("test_marker", sa.String(), nullable=True))\n    raise RuntimeError("boom")',
    )
    (migrations / "versions" / "9999_rebuild.py").write_text(broken)
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", migrations)
    with pytest.raises(RuntimeError):
        Store.open(data_dir, PASSPHRASE)
    monkeypatch.undo()
    store = Store.open(data_dir, PASSPHRASE)
    try:
        assert store.migration.from_revision == store.migration.to_revision  # still at the old head
        assert _child_counts(store.engine) == before
        with store.engine.connect() as conn:
            columns = [r[1] for r in conn.execute(text("PRAGMA table_info(assessment)"))]
        assert "test_marker" not in columns
    finally:
        store.close()


def test_store_errors_are_store_errors():
    assert issubclass(WrongPassphrase, StoreError) and issubclass(NotEncrypted, StoreError)


def test_store_backups_and_written_files_are_owner_only(workspace, data_dir, tmp_path):
    import stat

    from homeassess.store.atomic_file import write_atomically

    def mode(path):
        return stat.S_IMODE(path.stat().st_mode)

    _add_assessment(workspace)
    backup = workspace.store.backup("manual")
    report = tmp_path / "report.pdf"
    write_atomically(report, b"%PDF-1.4 test")
    assert mode(data_dir) == 0o755  # made by the test, not the program: its mode is left alone
    fresh = tmp_path / "made by homeassess"
    Store.open(fresh, PASSPHRASE, create=True).close()
    assert mode(fresh) == 0o700  # a folder the program creates is owner-only
    assert mode(data_dir / "homeassess.db") == 0o600
    assert mode(data_dir / "homeassess.db-wal") == 0o600
    assert mode(backup.path) == 0o600 and mode(backup.path.parent) == 0o700
    assert mode(report) == 0o600


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="lists open files through /proc")
def test_closing_a_store_while_its_spares_are_keyed_leaves_no_connection_open(tmp_path, real_key_derivation):
    def open_files() -> list[str]:
        found = []
        for fd in os.listdir("/proc/self/fd"):
            with contextlib.suppress(OSError):
                target = os.readlink(f"/proc/self/fd/{fd}")
                if target.startswith(str(tmp_path)):
                    found.append(target)
        return found

    store = Store.open(tmp_path / "store", PASSPHRASE, create=True, spares=0)
    store.open_spares(2)  # keyed on a thread, about 0.1 s each with the real derivation
    store.close()  # at once, as a lock or a quit right after unlock does: the spares are still being keyed
    for thread in threading.enumerate():
        if thread.name == "homeassess-prewarm":
            thread.join(timeout=30)

    assert open_files() == []  # no decrypted connection to the store outlives it
