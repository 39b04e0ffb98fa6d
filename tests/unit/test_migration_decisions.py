"""Migration 0003 on a populated store: every decision kept, untouched proposals become derived."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.workspace import Workspace
from homeassess.store import migrate
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE

LEGACY_ROWS = [
    # (library_id, status, custom, title, edited?)
    ("offset_hinges", "accepted", 0, "Swing-clear (offset) hinges", False),
    ("widen_doorway", "dismissed", 0, "Widen the doorway", False),
    ("lever_handles", "proposed", 0, "Lever handles, as the OT wrote them", True),
    ("automatic_opener", "proposed", 0, "Automatic door opener", False),
    (None, "accepted", 1, "Move the hall table", False),
]


def _downgrade_to_0002(engine) -> None:
    config = migrate.alembic_config()
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")
        with conn.begin():
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        raw.execute("PRAGMA foreign_keys = ON")


def test_migrating_keeps_every_decision_and_drops_only_untouched_proposals(data_dir, judge):
    ws = Workspace.build(Store.open(data_dir, PASSPHRASE, create=True), judge)
    aid = ws.assessments.create(NewAssessment(
        client=ClientProfile(name="Legacy Client"), details=AssessmentDetails(), rooms=[RoomSpec(type="entrance")],
    )).value
    room = ws.assessments.room_views(aid)[0].id
    ws.checklist.record(room, "door_clear_width", "30")
    engine = ws.store.engine
    _downgrade_to_0002(engine)
    with engine.begin() as conn:
        for n, (library_id, status, custom, title, edited) in enumerate(LEGACY_ROWS):
            updated = "2026-11-20 10:05:00.000000" if edited else "2026-11-20 10:00:00.000100"
            conn.execute(text(
                "INSERT INTO recommendation (assessment_id, room_id, item_id, library_id, title, specification, rationale,"
                " plain, category, priority, responsible, cost_low, cost_high, cost_source, status, custom, position,"
                " created_at, updated_at) VALUES (:a, :r, 'door_clear_width', :lib, :title, 'spec as stored', '', '',"
                " 'minor_modification', 'high', 'landlord', 10, 20, 'source', :status, :custom, :pos,"
                " '2026-11-20 10:00:00.000000', :updated)"
            ), {"a": aid, "r": room, "lib": library_id, "title": title, "status": status, "custom": custom, "pos": n,
                "updated": updated})
    ws.close()

    store = Store.open(data_dir, PASSPHRASE)
    assert store.migration.from_revision == "0002" and store.migration.backup is not None
    ws = Workspace.build(store, judge)
    try:
        kept = {d.library_id or d.overrides["title"]: d for d in ws.recommendations.repository.decisions(aid)}
        assert set(kept) == {"offset_hinges", "widen_doorway", "lever_handles", "Move the hall table"}
        assert kept["offset_hinges"].status == "accepted" and kept["widen_doorway"].status == "dismissed"
        views = {v.library_id or v.title: v for v in ws.recommendations.list(aid)}
        assert views["offset_hinges"].status.value == "accepted"
        assert views["offset_hinges"].specification == "spec as stored"  # what the clinician accepted stays
        assert views["Move the hall table"].custom
        if "lever_handles" in views:  # shown only while the finding still proposes it
            assert views["lever_handles"].title == "Lever handles, as the OT wrote them"
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
    finally:
        ws.close()
