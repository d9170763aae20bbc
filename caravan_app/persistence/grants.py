"""After every upgrade on PostgreSQL: tables a later migration made are handed over as migrations 0009
and 0010 handed over theirs, so that no migration after them has to remember it.

A new table goes to caravan_owner, every level may read it, and the server's audit trigger records
its changes; nobody below the province may write it until a migration grants it and gives it a rule.
Runs only on a database at 0010 or later (its audit function exists): after a downgrade below 0010
the tables stay the migrating role's.
"""

from __future__ import annotations

from sqlalchemy import Connection

OWNER = "caravan_owner"
GROUPS = ("caravan_province", "caravan_city", "caravan_county", "caravan_admin")
NOT_AUDITED = ("audit_log", "alembic_version")


def settle_new_tables(connection: Connection) -> list[str]:
    """Hand over the tables of the program's schema not yet the owner's; returns their names."""
    if connection.dialect.name != "postgresql":
        return []
    ready = connection.exec_driver_sql(
        "SELECT to_regprocedure('caravan_auth.write_audit()') IS NOT NULL"
    ).scalar()
    if not ready:
        return []
    schema = connection.exec_driver_sql("SELECT current_schema()").scalar_one()
    rows = connection.exec_driver_sql(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = %(s)s AND tableowner <> %(o)s "
        "ORDER BY tablename",
        {"s": schema, "o": OWNER},
    )
    tables = [r[0] for r in rows]
    quote = connection.dialect.identifier_preparer.quote
    for table in tables:
        name = f"{quote(schema)}.{quote(table)}"
        connection.exec_driver_sql(f"ALTER TABLE {name} OWNER TO {OWNER}")
        connection.exec_driver_sql(f"GRANT SELECT ON {name} TO {', '.join(GROUPS)}")
        audited = connection.exec_driver_sql(
            "SELECT 1 FROM pg_catalog.pg_trigger WHERE tgrelid = %(t)s::regclass AND tgname = 'audit'",
            {"t": name},
        ).first()
        if table not in NOT_AUDITED and not audited:
            connection.exec_driver_sql(
                f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {name} "
                "FOR EACH ROW EXECUTE FUNCTION caravan_auth.write_audit()"
            )
    if tables:
        connection.exec_driver_sql(
            f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {quote(schema)} TO {', '.join(GROUPS)}"
        )
    return tables
