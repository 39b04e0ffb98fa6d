"""Migration 0005 (follow-up) on a populated 0004 store: every row kept, the new tables empty and usable."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from homeassess.store import migrate
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE, StoreTemplate
from tests.unit.test_migration_lighting import as_0007_leaves_it

TABLES = ("client", "assessment", "room", "response", "recommendation", "photo", "photo_data", "report", "setting",
          "audit_event")


def _downgrade_to_0004(engine) -> None:
    config = migrate.alembic_config()
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")
        with conn.begin():
            config.attributes["connection"] = conn
            command.downgrade(config, "0004")
        raw.execute("PRAGMA foreign_keys = ON")


def _contents(engine) -> dict[str, list[tuple]]:
    """Every row of every 0004 table, in id order (photo rows without the columns 0005 adds)."""
    with engine.connect() as conn:
        found = {}
        for table in TABLES:
            columns = [row[1] for row in conn.execute(text(f"PRAGMA table_info({table})"))
                       if row[1] not in ("recommendation_id", "followup_due")]
            found[table] = conn.execute(text(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1")).fetchall()
        return found


def test_upgrading_a_populated_0004_store_loses_nothing(data_dir, judge, demo_store_template: StoreTemplate):
    demo_store_template.copy_to(data_dir)
    store = Store.open(data_dir, PASSPHRASE)
    _downgrade_to_0004(store.engine)
    before = _contents(store.engine)
    assert before["photo"] and before["photo_data"] and before["response"] and before["recommendation"]
    store.close()

    store = Store.open(data_dir, PASSPHRASE)
    try:
        assert store.migration is not None
        assert store.migration.from_revision == "0004" and store.migration.to_revision == migrate.head_revision()
        assert store.migration.backup is not None
        after = _contents(store.engine)
        expected = as_0007_leaves_it(before)  # the one row change since: the entrance's lighting decision
        for table in TABLES:
            assert after[table] == expected[table], table
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
            assert conn.execute(text("SELECT count(*) FROM assessment WHERE followup_due IS NOT NULL")).scalar() == 0
            assert conn.execute(text("SELECT count(*) FROM photo WHERE recommendation_id IS NOT NULL")).scalar() == 0
            for table in ("installation", "installed_measure", "outcome", "goal_score"):
                assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
    finally:
        store.close()
