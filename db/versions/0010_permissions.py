"""permissions: on PostgreSQL, what each level may change (grants, row-level security and a guard
trigger per table), an audit log the server writes (session_user, the server's time, old and new
values) and plans' created_by/approved_by set by the server. Both databases: plans get approved_by and
approved_at, and created_by takes a role name of up to 63 characters.

Rules, worded as functions in caravan_auth so that policies, guards and the program agree:
- county: its county's caravans, venues, requests, events, maintenance and exhibits on its caravans or
  in its depots; field kits of its caravans; draft tour plans whose trips are all its caravans'; joint
  tours whose caravans and regions are all its own;
- city: the same for the city and its counties, and approving tour plans whose trips are all its own;
- province: everything (reference data, sets, rotation and consolidation plans, decisions, calendar).
A person's level and region come from caravan_auth.accounts for session_user, so SET ROLE changes
nothing. Roles without an account (the owner's members who migrate, superusers) are not guarded:
they hold no grants unless they are the owner's, who bypasses row security anyway.

Why a guard trigger beside the policies: a policy's USING clause only hides rows from an UPDATE or
DELETE, which then changes nothing and says nothing; the guard refuses with SQLSTATE 42501 and a JSON
detail (table, row, action) the program words. The policies still hold inserts and new values.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 10:30:00

"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNER = "caravan_owner"
LOCAL = ("caravan_city", "caravan_county")
GROUPS = ("caravan_province", *LOCAL, "caravan_admin")

# Tables a city or county may write, with the rule on a row `r`; every other table is the province's.
LOCAL_RULES = {
    "venues": "caravan_auth.may_edit_region(r.county_id)",
    "caravans": "caravan_auth.may_edit_region(r.owner_region_id)",
    "exhibits": "caravan_auth.may_edit_exhibit_at(r.caravan_id, r.depot_id, r.set_id)",
    "movements": "caravan_auth.may_edit_exhibit(r.exhibit_id)",
    "condition_checks": "caravan_auth.may_edit_exhibit(r.exhibit_id)",
    "maintenance_records": (
        "caravan_auth.is_province() "
        "OR (r.caravan_id IS NOT NULL AND caravan_auth.may_edit_caravan(r.caravan_id)) "
        "OR (r.caravan_id IS NULL AND r.set_id IS NULL AND r.exhibit_id IS NOT NULL "
        "AND caravan_auth.may_edit_exhibit(r.exhibit_id))"
    ),
    "requests": "caravan_auth.may_edit_venue(r.venue_id)",
    "events": (
        "caravan_auth.may_edit_venue(r.venue_id) "
        "OR (r.caravan_id IS NOT NULL AND caravan_auth.may_edit_caravan(r.caravan_id))"
    ),
    "plans": "caravan_auth.may_edit_plan(r.kind, r.status, r.id)",
    "trips": "caravan_auth.may_edit_plan_contents(r.plan_id) AND caravan_auth.may_edit_caravan(r.caravan_id)",
    "tour_stops": "caravan_auth.may_edit_trip(r.trip_id)",
    "unserved_requests": "caravan_auth.may_edit_plan_contents(r.plan_id)",
    "joint_tours": "caravan_auth.may_edit_joint_tour(r.id)",
    "joint_tour_caravans": (
        "caravan_auth.may_edit_caravan(r.caravan_id) AND caravan_auth.may_edit_joint_tour(r.joint_tour_id)"
    ),
    "joint_tour_regions": (
        "caravan_auth.may_edit_region(r.region_id) AND caravan_auth.may_edit_joint_tour(r.joint_tour_id)"
    ),
    "kit_exports": "caravan_auth.may_use_kit(r.kind || ':' || r.code)",
    "kit_imports": "caravan_auth.may_use_kit(r.subject)",
}
# Written only by the server's triggers; never granted for writing.
SERVER_WRITTEN = ("audit_log",)


def _functions(s: str) -> list[str]:
    """The rule functions, in the program's schema `s` (quoted). SECURITY DEFINER with a fixed
    search_path: they read accounts and rows whatever the caller may read, and nothing a caller puts
    on its search_path changes what a name means."""
    head = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp"
    return [
        f"""CREATE FUNCTION caravan_auth.account_level() RETURNS text {head} AS $$
            SELECT level FROM caravan_auth.accounts WHERE role_name = session_user AND NOT disabled $$""",
        f"""CREATE FUNCTION caravan_auth.is_guarded() RETURNS boolean {head} AS $$
            SELECT EXISTS (SELECT FROM caravan_auth.accounts WHERE role_name = session_user) $$""",
        f"""CREATE FUNCTION caravan_auth.may_edit_region(region integer) RETURNS boolean {head} AS $$
            SELECT coalesce((
                SELECT CASE a.level
                    WHEN 'province' THEN true
                    WHEN 'city' THEN EXISTS (
                        SELECT FROM {s}.regions g LEFT JOIN {s}.regions p ON p.id = g.parent_id
                        WHERE g.id = region AND a.region_adcode IN (g.adcode, p.adcode))
                    WHEN 'county' THEN EXISTS (
                        SELECT FROM {s}.regions g WHERE g.id = region AND g.adcode = a.region_adcode)
                    ELSE false END
                FROM caravan_auth.accounts a WHERE a.role_name = session_user AND NOT a.disabled), false) $$""",
        f"""CREATE FUNCTION caravan_auth.is_province() RETURNS boolean {head} AS $$
            SELECT coalesce(caravan_auth.account_level() = 'province', false) $$""",
        f"""CREATE FUNCTION caravan_auth.may_edit_caravan(caravan integer) RETURNS boolean {head} AS $$
            SELECT caravan_auth.may_edit_region((SELECT owner_region_id FROM {s}.caravans WHERE id = caravan)) $$""",
        f"""CREATE FUNCTION caravan_auth.may_edit_venue(venue integer) RETURNS boolean {head} AS $$
            SELECT caravan_auth.may_edit_region((SELECT county_id FROM {s}.venues WHERE id = venue)) $$""",
        f"""CREATE FUNCTION caravan_auth.may_edit_exhibit_at(caravan integer, depot integer, exhibit_set integer)
            RETURNS boolean {head} AS $$
            SELECT caravan_auth.is_province()
                OR (caravan IS NOT NULL AND caravan_auth.may_edit_caravan(caravan))
                OR (caravan IS NULL AND exhibit_set IS NULL AND depot IS NOT NULL AND caravan_auth.may_edit_region(
                    (SELECT region_id FROM {s}.depots WHERE id = depot))) $$""",
        f"""CREATE FUNCTION caravan_auth.may_edit_exhibit(exhibit integer) RETURNS boolean {head} AS $$
            SELECT coalesce((SELECT caravan_auth.may_edit_exhibit_at(caravan_id, depot_id, set_id)
                FROM {s}.exhibits WHERE id = exhibit), false) $$""",
        # Every trip of the plan is of a caravan the caller may edit (true for a plan with none yet).
        f"""CREATE FUNCTION caravan_auth.plan_is_own(plan integer) RETURNS boolean {head} AS $$
            SELECT NOT EXISTS (SELECT FROM {s}.trips t WHERE t.plan_id = plan
                AND NOT caravan_auth.may_edit_caravan(t.caravan_id)) $$""",
        # The plan row itself: a tour plan of one's own caravans, a draft unless the caller is a city's.
        f"""CREATE FUNCTION caravan_auth.may_edit_plan(kind text, status text, plan integer)
            RETURNS boolean {head} AS $$
            SELECT caravan_auth.is_province() OR (
                kind = 'tour' AND caravan_auth.account_level() IN ('city', 'county')
                AND (status = 'draft' OR caravan_auth.account_level() = 'city')
                AND caravan_auth.plan_is_own(plan)) $$""",
        # What a plan holds (trips, stops, unserved requests): a draft tour plan's, else the province's.
        # A plan gone is one being deleted (its rows follow by cascade, the plan's guard having let it).
        f"""CREATE FUNCTION caravan_auth.may_edit_plan_contents(plan integer) RETURNS boolean {head} AS $$
            SELECT caravan_auth.is_province()
            OR NOT EXISTS (SELECT FROM {s}.plans p WHERE p.id = plan) OR EXISTS (
                SELECT FROM {s}.plans p WHERE p.id = plan AND p.kind = 'tour' AND p.status = 'draft'
                AND caravan_auth.account_level() IN ('city', 'county')) $$""",
        f"""CREATE FUNCTION caravan_auth.may_edit_trip(trip integer) RETURNS boolean {head} AS $$
            SELECT coalesce((SELECT caravan_auth.may_edit_plan_contents(plan_id)
                AND caravan_auth.may_edit_caravan(caravan_id) FROM {s}.trips WHERE id = trip),
                NOT EXISTS (SELECT FROM {s}.trips WHERE id = trip)) $$""",
        # A joint tour all of whose caravans and regions are the caller's (a new one has none yet).
        f"""CREATE FUNCTION caravan_auth.may_edit_joint_tour(tour integer) RETURNS boolean {head} AS $$
            SELECT caravan_auth.is_province() OR (caravan_auth.account_level() IN ('city', 'county')
                AND NOT EXISTS (SELECT FROM {s}.joint_tour_caravans c WHERE c.joint_tour_id = tour
                    AND NOT caravan_auth.may_edit_caravan(c.caravan_id))
                AND NOT EXISTS (SELECT FROM {s}.joint_tour_regions g WHERE g.joint_tour_id = tour
                    AND NOT caravan_auth.may_edit_region(g.region_id))) $$""",
        # A kit's subject, "trip:CODE" or "placement:CODE": a trip's caravan's; a stay's the province's.
        f"""CREATE FUNCTION caravan_auth.may_use_kit(subject text) RETURNS boolean {head} AS $$
            SELECT caravan_auth.is_province() OR coalesce((
                SELECT caravan_auth.may_edit_caravan(t.caravan_id) FROM {s}.trips t
                WHERE subject = 'trip:' || t.code), false) $$""",
    ]


def _guard(s: str, table: str, rule: str) -> list[str]:
    """A BEFORE trigger refusing, for a signed-in person, a row they may not change (the old row of
    an UPDATE or DELETE, the new row of an INSERT or UPDATE), with a JSON detail the program words."""
    old_rule = re.sub(r"\br\.", "OLD.", rule)
    new_rule = re.sub(r"\br\.", "NEW.", rule)
    function = f"caravan_auth.guard_{table}"
    return [
        f"""CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql
            SET search_path = pg_catalog, pg_temp AS $$
            DECLARE row_data jsonb;
            BEGIN
                IF NOT caravan_auth.is_guarded() THEN
                    RETURN coalesce(NEW, OLD);
                END IF;
                IF (TG_OP IN ('UPDATE', 'DELETE') AND NOT coalesce({old_rule}, false))
                   OR (TG_OP IN ('INSERT', 'UPDATE') AND NOT coalesce({new_rule}, false)) THEN
                    row_data := to_jsonb(coalesce(OLD, NEW));
                    RAISE EXCEPTION 'caravan: % may not % this row of %', session_user, lower(TG_OP), TG_TABLE_NAME
                        USING ERRCODE = '42501',
                              DETAIL = json_build_object(
                                  'table', TG_TABLE_NAME, 'action', lower(TG_OP),
                                  'row', coalesce(row_data ->> 'code', row_data ->> 'name',
                                                  row_data ->> 'id'))::text;
                END IF;
                RETURN coalesce(NEW, OLD);
            END $$""",
        f"CREATE TRIGGER guard BEFORE INSERT OR UPDATE OR DELETE ON {s}.{table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]


def _policies(s: str, table: str, rule: str) -> list[str]:
    check = re.sub(r"\br\.", "", rule)
    return [
        f"ALTER TABLE {s}.{table} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY read_all ON {s}.{table} FOR SELECT USING (true)",
        f"CREATE POLICY write_own ON {s}.{table} FOR INSERT WITH CHECK ({check})",
        # Old rows are the guard's (see the module's docstring); new values must stay one's own.
        f"CREATE POLICY change_own ON {s}.{table} FOR UPDATE USING (true) WITH CHECK ({check})",
        f"CREATE POLICY delete_own ON {s}.{table} FOR DELETE USING (true)",
    ]


def _audit(s: str) -> str:
    """The audit trigger's function: one row per changed row, in the same transaction, naming the
    signed-in role (session_user, not a name the client sends) and the server's clock. The owner's:
    nobody else may write the log."""
    return f"""CREATE FUNCTION caravan_auth.write_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp AS $$
        DECLARE old_data jsonb; new_data jsonb; changes jsonb;
        BEGIN
            -- A server administrator's bulk work (building the demo, copying a database) may go
            -- unlogged, as on SQLite; a person's account is logged whatever its session says.
            IF current_setting('caravan.audit', true) = 'off' AND NOT caravan_auth.is_guarded() THEN
                RETURN NULL;
            END IF;
            IF TG_OP <> 'INSERT' THEN old_data := to_jsonb(OLD) - 'version'; END IF;
            IF TG_OP <> 'DELETE' THEN new_data := to_jsonb(NEW) - 'version'; END IF;
            IF TG_OP = 'INSERT' THEN
                changes := jsonb_strip_nulls(new_data - 'id');
            ELSIF TG_OP = 'DELETE' THEN
                changes := jsonb_strip_nulls(old_data - 'id');
            ELSE
                SELECT coalesce(jsonb_object_agg(n.key, jsonb_build_array(old_data -> n.key, n.value)), '{{}}')
                INTO changes FROM jsonb_each(new_data) n WHERE n.value IS DISTINCT FROM old_data -> n.key;
                IF changes = '{{}}' THEN RETURN NULL; END IF;
            END IF;
            INSERT INTO {s}.audit_log (at, user_name, table_name, row_id, action, changes)
            VALUES (localtimestamp(0), session_user, TG_TABLE_NAME,
                    (coalesce(new_data, old_data) ->> 'id')::integer, lower(TG_OP), changes::text);
            RETURN NULL;
        END $$"""


def _plan_signatures() -> str:
    """Who made a plan and who approved it, as the server knows them; kept on every other change.
    A role with no account (the server's administrators) is not signed for: a copy keeps its names."""
    return """CREATE FUNCTION caravan_auth.sign_plan() RETURNS trigger LANGUAGE plpgsql
        SET search_path = pg_catalog, pg_temp AS $$
        BEGIN
            IF NOT caravan_auth.is_guarded() THEN
                RETURN NEW;  -- a server administrator (a restore, a copy) keeps what the rows say
            END IF;
            IF TG_OP = 'INSERT' THEN
                NEW.created_by := session_user;
                NEW.approved_by := CASE WHEN NEW.status = 'draft' THEN '' ELSE session_user END;
                NEW.approved_at := CASE WHEN NEW.status = 'draft' THEN NULL ELSE localtimestamp(0) END;
                RETURN NEW;
            END IF;
            NEW.created_by := OLD.created_by;
            IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'approved' THEN
                NEW.approved_by := session_user;
                NEW.approved_at := localtimestamp(0);
            ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status = 'draft' THEN
                NEW.approved_by := '';
                NEW.approved_at := NULL;
            ELSE
                NEW.approved_by := OLD.approved_by;
                NEW.approved_at := OLD.approved_at;
            END IF;
            RETURN NEW;
        END $$"""


def _tables(schema: str) -> list[str]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = %(s)s AND tablename <> 'alembic_version' "
        "ORDER BY tablename",
        {"s": schema},
    )
    return [r[0] for r in rows]


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("approved_by", sa.String(length=63), nullable=False, server_default=""))
        batch.add_column(sa.Column("approved_at", sa.DateTime(), nullable=True))
        batch.alter_column(
            "created_by",
            existing_type=sa.String(length=40),
            type_=sa.String(length=63),
            existing_nullable=False,
        )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.exec_driver_sql("SELECT current_schema()").scalar_one()
    s = bind.dialect.identifier_preparer.quote(schema)
    tables = _tables(schema)
    statements = _functions(s)
    for table, rule in LOCAL_RULES.items():
        statements += _guard(s, table, rule) + _policies(s, table, rule)
    statements.append(_audit(s))
    statements += [
        f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {s}.{t} "
        "FOR EACH ROW EXECUTE FUNCTION caravan_auth.write_audit()"
        for t in tables
        if t not in SERVER_WRITTEN
    ]
    statements += [
        "CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON caravan_auth.accounts "
        "FOR EACH ROW EXECUTE FUNCTION caravan_auth.write_audit()",
        _plan_signatures(),
        f"CREATE TRIGGER sign BEFORE INSERT OR UPDATE ON {s}.plans "
        "FOR EACH ROW EXECUTE FUNCTION caravan_auth.sign_plan()",
    ]
    # What each group may write at all; the rows are then the policies' and guards'.
    writable = [t for t in tables if t not in SERVER_WRITTEN]
    statements.append(
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(f'{s}.{t}' for t in writable)} TO caravan_province"
    )
    statements.append(
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(f'{s}.{t}' for t in LOCAL_RULES)} TO {', '.join(LOCAL)}"
    )
    statements.append(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {s} TO {', '.join(GROUPS)}")
    statements.append("GRANT USAGE ON SCHEMA caravan_auth TO " + ", ".join(GROUPS))
    for statement in statements:
        op.execute(statement)
    # The functions and triggers are the owner's, as the tables are: nobody else may change them.
    for function in _function_signatures():
        op.execute(f"ALTER FUNCTION {function} OWNER TO {OWNER}")


def _function_signatures() -> list[str]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT p.oid::regprocedure::text FROM pg_catalog.pg_proc p "
        "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'caravan_auth'"
    )
    return [r[0] for r in rows]


def downgrade() -> None:
    """Downgrade schema."""
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.exec_driver_sql("SELECT current_schema()").scalar_one()
        s = bind.dialect.identifier_preparer.quote(schema)
        tables = _tables(schema)
        op.execute(f"REVOKE INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} FROM {', '.join(GROUPS)}")
        op.execute(f"REVOKE USAGE ON ALL SEQUENCES IN SCHEMA {s} FROM {', '.join(GROUPS)}")
        op.execute(f"DROP TRIGGER sign ON {s}.plans")
        op.execute("DROP TRIGGER audit ON caravan_auth.accounts")
        for table in tables:
            op.execute(f"DROP TRIGGER IF EXISTS audit ON {s}.{table}")
        for table in LOCAL_RULES:
            op.execute(f"DROP TRIGGER guard ON {s}.{table}")
            for policy in ("read_all", "write_own", "change_own", "delete_own"):
                op.execute(f"DROP POLICY {policy} ON {s}.{table}")
            op.execute(f"ALTER TABLE {s}.{table} DISABLE ROW LEVEL SECURITY")
        for function in _function_signatures():
            op.execute(f"DROP FUNCTION {function}")
    with op.batch_alter_table("plans") as batch:
        batch.alter_column(
            "created_by",
            existing_type=sa.String(length=63),
            type_=sa.String(length=40),
            existing_nullable=False,
        )
        batch.drop_column("approved_at")
        batch.drop_column("approved_by")
