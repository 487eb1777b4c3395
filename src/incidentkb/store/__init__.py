"""The store stage: the only place with SQL. A SQLite file by default, PostgreSQL by URL."""

from __future__ import annotations

import sqlalchemy as sa

from incidentkb.errors import StoreError

from .database import Store
from .engine import create_engine, database_url, migrate, reason


def open_store(url: str) -> Store:
    """Open the database at a SQLite path, `sqlite:///…` or `postgresql://…` URL, creating or
    upgrading its tables first."""
    engine = create_engine(database_url(url))
    try:
        migrate(engine)
    except sa.exc.SQLAlchemyError as err:
        engine.dispose()
        shown = engine.url.render_as_string(hide_password=True)
        raise StoreError(f"{shown}: cannot open the database: {reason(err)}") from err
    return Store(engine)


__all__ = ["Store", "open_store"]
