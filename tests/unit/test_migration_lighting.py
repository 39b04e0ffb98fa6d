"""Migration 0007 on a populated 0006 store: a decision on the entrance's lighting_upgrade, which the entrance no
longer proposes, becomes one on exterior_lighting with its status and edited text, so it stays in the review and
the reports; decisions in other rooms are left as they were."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from homeassess.services.workspace import Workspace
from homeassess.store import migrate
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE, StoreTemplate, open_copy


def as_0007_leaves_it(contents: dict[str, list]) -> dict[str, list]:
    """Every row of an older store (table -> rows) as migration 0007 leaves it: the entrance's decisions on
    ``lighting_upgrade`` on ``exterior_lighting``, everything else as it was."""
    entrance = {row._mapping["id"] for row in contents["room"] if row._mapping["room_type"] == "entrance"}

    def moved(row) -> tuple:  # a SQLAlchemy Row
        fields = row._mapping
        if fields["room_id"] in entrance and fields["library_id"] == "lighting_upgrade" and not fields["custom"]:
            return tuple("exterior_lighting" if key == "library_id" else fields[key] for key in fields)
        return tuple(row)

    return {**contents, "recommendation": [moved(row) for row in contents["recommendation"]]}


def _downgrade_to_0006(ws: Workspace) -> None:
    config = migrate.alembic_config()
    with ws.store.engine.connect() as conn, conn.begin():
        config.attributes["connection"] = conn
        command.downgrade(config, "0006")


def _library_ids(ws: Workspace) -> dict[tuple[int, str], str]:
    with ws.store.engine.connect() as conn:
        rows = conn.execute(text("SELECT room_id, library_id, status FROM recommendation WHERE custom = 0"))
        return {(room, library): status for room, library, status in rows}


def test_the_entrances_lighting_decision_is_kept_on_the_entry_that_answers_it(data_dir, judge,
                                                                                demo_store_template: StoreTemplate):
    ws = open_copy(demo_store_template, data_dir, judge)
    aid = ws.demo_id
    outside = next(v for v in ws.recommendations.list(aid) if v.library_id == "exterior_lighting")
    ws.recommendations.set_status(aid, [outside.ref], "accepted")
    ws.recommendations.edit(aid, outside.ref, specification="Two PIR floodlights over the steps; switch by the door.")
    others = {k: v for k, v in _library_ids(ws).items() if k[1] != "exterior_lighting"}
    _downgrade_to_0006(ws)  # as a store of the last release holds it
    assert _library_ids(ws)[(outside.room_id, "lighting_upgrade")] == "accepted"
    assert "exterior_lighting" not in {library for _, library in _library_ids(ws)}
    ws.close()

    ws = Workspace.build(Store.open(data_dir, PASSPHRASE), judge)
    try:
        assert ws.store.migration is not None and ws.store.migration.from_revision == "0006"
        kept = ws.recommendations.get(aid, outside.ref)
        assert kept.status.value == "accepted" and kept.specification.startswith("Two PIR floodlights")
        assert {k: v for k, v in _library_ids(ws).items() if k[1] != "exterior_lighting"} == others
    finally:
        ws.close()
