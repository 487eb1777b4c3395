"""Alembic environment: migrations run on the connection open_store hands over.

There is no alembic.ini: open_store builds the Config in code and passes an open connection
(already inside a transaction) in `config.attributes["connection"]`."""

from __future__ import annotations

from alembic import context

from incidentkb.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "incidentkb migrations run through incidentkb.store.open_store, which passes a connection"
    )

# render_as_batch: SQLite cannot ALTER most columns, so later migrations copy the table.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
