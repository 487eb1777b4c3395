"""Opening a database: the schema comes from the migrations, and bad locations say why."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from store_samples import Given, kerman_report

from incidentkb.errors import StoreError
from incidentkb.store import open_store
from incidentkb.store.engine import MIGRATIONS, database_url
from incidentkb.store.tables import metadata


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(database_url(url))


def test_store_migrations_reach_head(store_url: str) -> None:
    open_store(store_url).close()
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    engine = _engine(store_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == head
    engine.dispose()
    assert head == "0002"


def test_store_migrations_match_tables(store_url: str) -> None:
    # The tables module and the migrations must describe the same schema; a difference
    # means a change to tables.py that needs a new migration.
    open_store(store_url).close()
    engine = _engine(store_url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()


def test_store_migrations_create_indexes(store_url: str) -> None:
    open_store(store_url).close()
    engine = _engine(store_url)
    inspector = sa.inspect(engine)
    indexed = {
        (table, tuple(index["column_names"]))
        for table in ("incidents", "claims", "frames")
        for index in inspector.get_indexes(table)
    }
    engine.dispose()
    expected = {
        ("incidents", ("date",)),
        ("incidents", ("country_code",)),
        ("incidents", ("type",)),
        ("claims", ("frame_id",)),
        ("frames", ("document_id",)),
    }
    assert expected <= indexed


def test_store_reopen_keeps_data(store_url: str) -> None:
    doc, frames, entries = kerman_report()
    with open_store(store_url) as store:
        store.add(doc, frames, Given(entries))
    with open_store(store_url) as store:
        assert store.document(doc.id) == doc
        assert store.counts()["incidents"] == 2


def test_store_sqlite_uses_wal(tmp_path: Path) -> None:
    open_store(str(tmp_path / "a.db")).close()
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'a.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()


def test_store_accepts_sqlite_url(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'b.db'}") as store:
        assert store.counts()["documents"] == 0
    assert (tmp_path / "b.db").is_file()


def test_store_missing_folder_is_store_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "x.db"
    with pytest.raises(StoreError, match=f"folder {tmp_path / 'nowhere'} does not exist"):
        open_store(str(missing))


def test_store_not_a_database_is_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open the database: file is not a database"):
        open_store(str(path))


def test_store_unsupported_url_is_store_error() -> None:
    with pytest.raises(StoreError, match="use a SQLite file path or a postgresql:// URL"):
        open_store("mysql://localhost/incidents")


def test_store_unreachable_postgresql_is_store_error() -> None:
    # Port 1 on the loopback refuses at once: no server, no waiting.
    with pytest.raises(StoreError, match=r"127\.0\.0\.1:1/x: cannot open the database"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/x")


def test_store_error_hides_password() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://nobody:secret@127.0.0.1:1/x")
    assert "secret" not in str(caught.value)
