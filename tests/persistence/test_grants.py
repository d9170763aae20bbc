"""A table a later migration makes is handed over as 0009 and 0010 handed over theirs (issue 17):
the owner's, readable by every level, writable by none of them, and audited by the server."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database
from caravan_app.persistence.grants import settle_new_tables


def test_a_later_table_is_the_owners_readable_and_audited(fresh_url: URL) -> None:
    db = Database(fresh_url)
    try:
        if db.is_sqlite:
            pytest.skip("ownership and grants are PostgreSQL's")
        migrate.upgrade(db, backup=False)
        with db.engine.begin() as c:
            c.execute(text("CREATE TABLE later_things (id serial PRIMARY KEY, name text NOT NULL)"))
            assert settle_new_tables(c) == ["later_things"]
            assert settle_new_tables(c) == []  # nothing left to hand over
        with db.engine.begin() as c:
            c.execute(text("INSERT INTO later_things (name) VALUES ('新')"))
        with db.engine.connect() as c:
            owner = c.execute(
                text("SELECT tableowner FROM pg_tables WHERE tablename = 'later_things'")
            ).scalar()
            may = c.execute(
                text(
                    "SELECT has_table_privilege('caravan_county', 'later_things', 'SELECT'), "
                    "has_table_privilege('caravan_county', 'later_things', 'INSERT'), "
                    "has_table_privilege('caravan_province', 'later_things', 'UPDATE')"
                )
            ).one()
            logged = c.execute(
                text("SELECT action, changes FROM audit_log WHERE table_name = 'later_things'")
            ).all()
        assert owner == "caravan_owner"
        assert tuple(may) == (True, False, False)
        assert [(a, ch) for a, ch in logged] == [("insert", '{"name": "新"}')]
    finally:
        db.dispose()
