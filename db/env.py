"""Alembic environment: runs the migrations on the program's connection, or on a URL.

From the program the connection comes in config.attributes["connection"]. From the alembic
command line the URL is `-x db=URL`, else CARAVAN_DB_URL, else the program's default SQLite file.
"""

from __future__ import annotations

from alembic import context

from caravan_app.persistence.database import create_engine_for, schema_transaction
from caravan_app.persistence.grants import settle_new_tables
from caravan_app.persistence.models import Base
from caravan_app.settings import database_url

config = context.config
target_metadata = Base.metadata


def _configure_and_run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        # PostgreSQL: a later migration's tables become the owner's, readable by all, audited.
        settle_new_tables(connection)


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    url = database_url(context.get_x_argument(as_dictionary=True).get("db"))
    engine = create_engine_for(url)
    # One transaction for the whole upgrade, which a crash undoes whole (SQLite included).
    with schema_transaction(engine) as connection:
        _configure_and_run(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; give a database")
run_migrations_online()
