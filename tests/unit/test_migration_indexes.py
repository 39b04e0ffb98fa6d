"""Migration 0006 on a populated 0005 store: the two duplicate indexes go, every row stays, and the lookups
they served use the indexes that start with the same column."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from homeassess.store import migrate
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE, StoreTemplate
from tests.unit.test_migration_lighting import as_0007_leaves_it

DUPLICATES = {"ix_response_room_id", "ix_recommendation_assessment_id"}
TABLES = ("client", "assessment", "room", "response", "recommendation", "photo", "report", "audit_event")


def _downgrade_to_0005(engine) -> None:
    config = migrate.alembic_config()
    with engine.connect() as conn, conn.begin():
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")


def _indexes(engine) -> set[str]:
    with engine.connect() as conn:
        return {row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))}


def _contents(engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {table: conn.execute(text(f"SELECT * FROM {table} ORDER BY 1")).fetchall() for table in TABLES}


def _plan(engine, sql: str) -> str:
    with engine.connect() as conn:
        return " ".join(row[3] for row in conn.execute(text(f"EXPLAIN QUERY PLAN {sql}")))


def test_upgrading_drops_the_duplicates_and_keeps_every_row(data_dir, judge, demo_store_template: StoreTemplate):
    demo_store_template.copy_to(data_dir)
    store = Store.open(data_dir, PASSPHRASE)
    assert not DUPLICATES & _indexes(store.engine)  # a store made now never had them
    _downgrade_to_0005(store.engine)
    assert _indexes(store.engine) >= DUPLICATES
    before = _contents(store.engine)
    assert before["response"] and before["recommendation"]
    store.close()

    store = Store.open(data_dir, PASSPHRASE)
    try:
        assert store.migration is not None and store.migration.from_revision == "0005"
        assert not DUPLICATES & _indexes(store.engine)
        assert _contents(store.engine) == as_0007_leaves_it(before)  # 0007 moves the entrance's lighting decision
        room_answers = _plan(store.engine, "SELECT id FROM response WHERE room_id = 1")
        decisions = _plan(store.engine, "SELECT id FROM recommendation WHERE assessment_id = 1")
        assert "USING" in room_answers and "SCAN" not in room_answers
        assert "ix_recommendation_assessment_status" in decisions and "SCAN" not in decisions
        with store.engine.begin() as conn:  # the cascades still find the children through those indexes
            room = conn.execute(text("SELECT room_id FROM response GROUP BY room_id LIMIT 1")).scalar()
            conn.execute(text("DELETE FROM room WHERE id = :room"), {"room": room})
            assert conn.execute(text("SELECT count(*) FROM response WHERE room_id = :room"), {"room": room}).scalar() == 0
            assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
    finally:
        store.close()
