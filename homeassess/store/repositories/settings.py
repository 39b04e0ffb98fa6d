"""Key/value settings kept in the encrypted store (clinician, agency, units, margins)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy import Engine
from sqlmodel import select

from homeassess.store.repositories.rooms import store_rejudged
from homeassess.store.repositories.session import read_session, write_session
from homeassess.store.tables import SettingRow


class SettingsRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def load_all(self) -> dict[str, object]:
        with read_session(self.engine) as session:
            return {row.key: json.loads(row.value_json) for row in session.exec(select(SettingRow))}

    def save(self, values: dict[str, object], verdicts: Mapping[int, str] | None = None) -> None:
        """The settings, and the answers' verdicts re-judged under them (response id -> verdict), in one transaction."""
        with write_session(self.engine) as session:
            store_rejudged(session, verdicts or {})
            for key, value in values.items():
                row = session.get(SettingRow, key) or SettingRow(key=key)
                row.value_json = json.dumps(value)
                session.add(row)
