"""Alembic environment: always driven programmatically by homeassess.store.migrate.

The caller hands over a connection that already has foreign keys off and an open
transaction, so a failed migration rolls back whole (docs/pitfalls.md §1.4, §1.7).
"""

from alembic import context
from sqlmodel import SQLModel

from homeassess.store import tables  # noqa: F401 - registers the tables on the metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
