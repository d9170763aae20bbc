"""Migrations: upgrade to head and downgrade to base on both databases, backup before upgrade."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import URL

from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Base


def test_upgrade_head_then_downgrade_base(fresh_url: URL) -> None:
    db = Database(fresh_url)
    migrate.upgrade(db, backup=False)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert {t.name for t in Base.metadata.sorted_tables} <= tables

    migrate.downgrade(db, "base")
    assert migrate.current_revision(db.engine) is None
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}

    migrate.upgrade(db, backup=False)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.dispose()


def test_migrated_schema_matches_models(fresh_url: URL) -> None:
    """Autogenerate finds nothing to do: the migrations and the models describe one schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    db = Database(fresh_url)
    migrate.upgrade(db, backup=False)
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    db.dispose()
    assert differences == []


def test_sqlite_file_is_copied_aside_before_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(URL.create("sqlite", database=str(path)))
    migrate.upgrade(db, backup=False)
    migrate.downgrade(db, "base")
    # An old schema with data in it: the upgrade must leave a copy of the file as it was.
    with db.engine.begin() as c:
        c.exec_driver_sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        c.exec_driver_sql("INSERT INTO notes (text) VALUES ('keep me')")
    copy = migrate.upgrade(db)
    db.dispose()
    assert copy is not None and copy.exists()
    import sqlite3

    with sqlite3.connect(copy) as c:
        assert c.execute("SELECT text FROM notes").fetchall() == [("keep me",)]
        assert c.execute("SELECT count(*) FROM sqlite_master WHERE name='caravans'").fetchone() == (0,)
