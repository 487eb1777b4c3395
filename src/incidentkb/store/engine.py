"""Engines: which database a `--db` value names, SQLite's settings, and the migrations."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import event

from incidentkb.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
# Two ingest processes writing one SQLite file take turns; a batch of documents commits in
# well under a second, so 30 s of waiting means something is stuck, not busy.
BUSY_TIMEOUT_S = 30
PG_CONNECT_TIMEOUT_S = 10
# Any constant will do: it only has to be the same in every process migrating one database.
PG_MIGRATION_LOCK = 7_201_844


def database_url(db: str) -> sa.URL:
    """The SQLAlchemy URL for a `--db` value: a SQLite path, `sqlite:///…` or `postgresql://…`."""
    if db.startswith(("postgresql://", "postgres://")):
        return sa.make_url("postgresql+psycopg://" + db.split("://", 1)[1])
    if db.startswith(("postgresql+", "sqlite:")):
        return sa.make_url(db)
    if "://" in db:
        raise StoreError(
            f"{db}: unsupported database URL; use a SQLite file path or a postgresql:// URL"
        )
    path = Path(db).expanduser()
    if not path.parent.is_dir():
        raise StoreError(f"{db}: cannot create the database: folder {path.parent} does not exist")
    return sa.URL.create("sqlite", database=str(path))


def create_engine(url: sa.URL) -> sa.Engine:
    """An engine for the URL; SQLite gets WAL, a busy timeout, foreign keys and our BEGINs."""
    dumps = _json_dumps
    if url.get_backend_name() != "sqlite":
        # A server that does not answer should fail the command soon, not after TCP's minutes.
        connect = {"connect_timeout": PG_CONNECT_TIMEOUT_S}
        return sa.create_engine(
            url, json_serializer=dumps, pool_pre_ping=True, connect_args=connect
        )
    engine = sa.create_engine(url, json_serializer=dumps, connect_args={"timeout": BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _json_dumps(value: Any) -> str:
    # Non-ASCII as itself: names and quotes stay readable in the database.
    return json.dumps(value, ensure_ascii=False)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling begins lazily (DEFERRED) on the first write; a
    # transaction that read first then cannot take the write lock while another process
    # holds it, and fails at once instead of waiting. So we emit BEGIN ourselves (below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    # WAL: readers (the web UI) never block the writer, nor it them.
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL is durable across application crashes in WAL mode, and much faster than FULL.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    # Writers ask for IMMEDIATE: the write lock is taken up front, waiting up to the busy
    # timeout, so two writers queue instead of one failing half-way.
    conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


@contextmanager
def writing(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A connection in a write transaction, committed on success and rolled back on error."""
    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
        with conn.begin():
            yield conn


def reason(err: Exception) -> str:
    """The driver's own message, for StoreError: without SQLAlchemy's statement and parameters,
    which a claim quote or a whole document text would drown."""
    orig = getattr(err, "orig", None)
    lines = str(orig if orig is not None else err).strip().splitlines()
    return lines[0] if lines else type(err).__name__


def migrate(engine: sa.Engine) -> None:
    """Create or upgrade the schema to the newest migration, in one transaction."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with writing(engine) as conn:
        if conn.dialect.name == "postgresql":
            # Processes opening one fresh database at once would all create the tables;
            # the lock makes the others wait and then find the schema at head.
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(PG_MIGRATION_LOCK)))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
