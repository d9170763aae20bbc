"""What each level may change on a shared PostgreSQL database (issue 17), held by the server: people
sign in as their own login roles and try, with raw SQL through psycopg and through the services.

The demo province: 丰县 (320321) owns CV17, 睢宁县 (320324) CV18, both of 徐州市 (320300), which owns
CV07; 东海县 of 连云港市 owns CV19. Roles are the server's: every test drops the ones it made."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta

import psycopg
import pytest
from sqlalchemy import func, select, text

from caravan_app.domain.enums import ExhibitStatus, Level, PlanKind, PlanStatus
from caravan_app.errors import NotPermitted
from caravan_app.persistence.database import Database
from caravan_app.persistence.decisions import JointTour
from caravan_app.persistence.models import AuditEntry, Caravan, Exhibit, Plan, Region, Trip
from caravan_app.planning.control import SolveControl
from caravan_app.services import accounts, inventory, joint_tours, permissions
from caravan_app.services.field_kit import open_kit
from caravan_app.services.inventory_io import export_inventory, import_inventory
from caravan_app.services.kit_export import export_trip
from caravan_app.services.kit_import import import_kit
from caravan_app.services.tour_planning import plan_term_tours
from caravan_app.services.tour_plans import set_plan_status

PASSWORD = "s3cret-pw"


@pytest.fixture
def province(planned_week: Database) -> Database:
    if planned_week.is_sqlite:
        pytest.skip("accounts and permissions are PostgreSQL's; SQLite has one user")
    return planned_week


@pytest.fixture
def sign_up(province: Database) -> Iterator[Callable[[Level, str], Database]]:
    """An account of a level and region, and a Database signed in as it; dropped at the end."""
    made: list[tuple[str, Database]] = []

    def make(level: Level, adcode: str) -> Database:
        name = f"t_{uuid.uuid4().hex[:12]}"
        accounts.add_account(province, name, level, adcode, PASSWORD)
        db = Database(province.url.set(username=name, password=PASSWORD))
        made.append((name, db))
        return db

    yield make
    for _name, db in made:
        db.dispose()
    with province.engine.begin() as c:
        names = [name for name, _db in made]
        c.execute(text("DELETE FROM caravan_auth.accounts WHERE role_name = ANY(:n)"), {"n": names})
        for name in names:
            # What the role did stays in the audit log by name; the role itself goes.
            c.execute(text(f'DROP OWNED BY "{name}"'))
            c.execute(text(f'DROP ROLE "{name}"'))


def raw(db: Database) -> psycopg.Connection[tuple[object, ...]]:
    url = db.url
    return psycopg.connect(
        host=url.host, port=url.port or 5432, dbname=url.database, user=url.username, password=url.password
    )


def caravan(db: Database, code: str) -> Caravan:
    with db.session(audited=False) as s:
        found = s.scalar(select(Caravan).where(Caravan.code == code))
        assert found is not None
        return found


def refused_raw(db: Database, statement: str, *params: object) -> None:
    with raw(db) as c, pytest.raises(psycopg.errors.InsufficientPrivilege):
        c.execute(statement, params)


def new_plan(db: Database, name: str, caravans: list[str]) -> Plan:
    """A draft tour plan with one trip for each caravan, made by the superuser (no rules)."""
    with db.session() as s:
        plan = Plan(
            name=name,
            kind=PlanKind.TOUR,
            horizon_start=date(2027, 4, 5),
            horizon_end=date(2027, 4, 9),
            created_at=datetime(2027, 3, 1, 9),
        )
        s.add(plan)
        s.flush()
        for code in caravans:
            c = s.scalar(select(Caravan).where(Caravan.code == code))
            s.add(
                Trip(
                    code=f"{name}-{code}",
                    plan_id=plan.id,
                    caravan_id=c.id,  # type: ignore[union-attr]
                    leave_at=datetime(2027, 4, 5, 8),
                    back_at=datetime(2027, 4, 6, 18),
                )
            )
        s.flush()
        return plan


def server_now(db: Database) -> datetime:
    with db.engine.connect() as c:
        value = c.execute(text("SELECT localtimestamp(0)")).scalar_one()
        assert isinstance(value, datetime)
        return value


def test_county_user_may_not_edit_another_countys_caravan(province: Database, sign_up) -> None:  # type: ignore[no-untyped-def]
    county = sign_up(Level.COUNTY, "320321")  # 丰县
    other = caravan(province, "CV18")  # 睢宁县's
    refused_raw(county, "UPDATE caravans SET odometer_km = 1 WHERE code = 'CV18'")
    refused_raw(county, "DELETE FROM caravans WHERE code = 'CV18'")
    # Taking it over by changing its owner is refused too (the new row must be one's own as well).
    refused_raw(county, "UPDATE caravans SET owner_region_id = owner_region_id WHERE code = 'CV07'")
    with pytest.raises(NotPermitted) as refused:
        inventory.save_record(county, "caravans", other.id, other.version, {"odometer_km": 1.0})
    assert refused.value.values == {"table": "caravans", "row": "CV18", "action": "update"}
    assert caravan(province, "CV18").odometer_km == other.odometer_km


def test_county_users_edit_of_its_own_caravan_is_audited_by_the_server(province: Database, sign_up) -> None:  # type: ignore[no-untyped-def]
    county = sign_up(Level.COUNTY, "320321")
    own = caravan(province, "CV17")
    before = server_now(province)
    with province.session(audited=False) as s:
        last = s.scalar(select(func.max(AuditEntry.id))) or 0
    inventory.save_record(county, "caravans", own.id, own.version, {"odometer_km": 123456.0})
    with raw(county) as c:
        c.execute("UPDATE caravans SET crew_size = crew_size WHERE code = 'CV17'")  # no change: no audit row
        c.execute("UPDATE caravans SET themes = 'by psql' WHERE code = 'CV17'")
    after = server_now(province)
    with province.session(audited=False) as s:
        rows = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.table_name == "caravans", AuditEntry.row_id == own.id, AuditEntry.id > last)
            .order_by(AuditEntry.id)
        ).all()
    assert [r.user_name for r in rows] == [county.url.username] * 2
    assert [r.action for r in rows] == ["update", "update"]
    assert all(before <= r.at <= after for r in rows)
    assert '"odometer_km": [' in rows[0].changes and "123456" in rows[0].changes
    assert "by psql" in rows[1].changes
    history = permissions.row_history(county, "caravans", own.id)
    assert [h.user_name for h in history[:2]] == [county.url.username] * 2


def test_nobody_may_write_or_delete_the_audit_log(province: Database, sign_up) -> None:  # type: ignore[no-untyped-def]
    county = sign_up(Level.COUNTY, "320321")
    own = caravan(province, "CV17")
    inventory.save_record(county, "caravans", own.id, own.version, {"odometer_km": 7.0})
    for who in (county, sign_up(Level.PROVINCE, "320000")):
        refused_raw(who, "DELETE FROM audit_log")
        refused_raw(who, "UPDATE audit_log SET user_name = 'someone else'")
        refused_raw(
            who,
            "INSERT INTO audit_log (at, user_name, table_name, action, changes) "
            "VALUES (now(), 'forged', 'caravans', 'update', '{}')",
        )
        with pytest.raises(NotPermitted) as refused, who.session() as s:
            entry = s.scalars(select(AuditEntry).limit(1)).one()
            s.delete(entry)
        assert refused.value.table == "audit_log"


def test_county_user_may_not_approve_a_plan(province: Database, sign_up) -> None:  # type: ignore[no-untyped-def]
    county = sign_up(Level.COUNTY, "320321")
    own = new_plan(province, "丰县自己的", ["CV17"])
    refused_raw(county, "UPDATE plans SET status = 'approved' WHERE id = %s", own.id)
    with pytest.raises(NotPermitted) as refused:
        set_plan_status(county, own.id, own.version, PlanStatus.APPROVED)
    assert refused.value.values["table"] == "plans"
    # The term plan of the whole province is not the county's to touch at all.
    with province.session(audited=False) as s:
        term = s.scalar(select(Plan).where(Plan.name != "丰县自己的"))
        assert term is not None
    refused_raw(county, "UPDATE plans SET notes = 'x' WHERE id = %s", term.id)
    refused_raw(county, "DELETE FROM plans WHERE id = %s", term.id)
    # Its own draft it may change, and delete (the trips follow).
    with raw(county) as c:
        c.execute("UPDATE plans SET notes = 'ours' WHERE id = %s", (own.id,))
        c.execute("DELETE FROM plans WHERE id = %s", (own.id,))


def test_plans_are_signed_by_the_server(province: Database, sign_up) -> None:  # type: ignore[no-untyped-def]
    county = sign_up(Level.COUNTY, "320321")
    with raw(county) as c:
        c.execute(
            "INSERT INTO plans (name, kind, horizon_start, horizon_end, status, created_at, created_by, "
            "approved_by, parameters_json, figures_json, notes, version) VALUES ('签名', 'tour', "
            "'2027-04-05', '2027-04-09', 'draft', now(), 'the province', 'the province', '{}', '{}', '', 1)"
        )
        refused_raw(
            county,
            "INSERT INTO plans (name, kind, horizon_start, horizon_end, status, created_at, created_by, "
            "approved_by, parameters_json, figures_json, notes, version) VALUES ('已批', 'tour', "
            "'2027-04-05', '2027-04-09', 'approved', now(), '', '', '{}', '{}', '', 1)",
        )
    with province.session(audited=False) as s:
        plan = s.scalar(select(Plan).where(Plan.name == "签名"))
        assert plan is not None
    assert (plan.created_by, plan.approved_by) == (county.url.username, "")


def test_city_approves_a_plan_of_its_own_caravans_only(province: Database, sign_up) -> None:  # type: ignore[no-untyped-def]
    city = sign_up(Level.CITY, "320300")  # 徐州市: CV07, and its counties' CV17 and CV18
    own = new_plan(province, "徐州联合", ["CV07", "CV17", "CV18"])
    mixed = new_plan(province, "徐连联动", ["CV07", "CV19"])
    before = server_now(province)
    set_plan_status(city, own.id, own.version, PlanStatus.APPROVED)
    with pytest.raises(NotPermitted):
        set_plan_status(city, mixed.id, mixed.version, PlanStatus.APPROVED)
    refused_raw(city, "UPDATE plans SET status = 'approved' WHERE id = %s", mixed.id)
    with province.session(audited=False) as s:
        approved = s.get(Plan, own.id)
        still = s.get(Plan, mixed.id)
    assert approved is not None and still is not None
    assert approved.status is PlanStatus.APPROVED and approved.approved_by == city.url.username
    assert approved.approved_at is not None and approved.approved_at >= before
    assert still.status is PlanStatus.DRAFT and still.approved_by == ""


def test_province_approves_any_plan(province: Database, sign_up) -> None:  # type: ignore[no-untyped-def]
    whole = sign_up(Level.PROVINCE, "320000")
    own = new_plan(province, "徐州联合", ["CV07", "CV17"])
    mixed = new_plan(province, "徐连联动", ["CV07", "CV19"])
    for plan in (own, mixed):
        set_plan_status(whole, plan.id, plan.version, PlanStatus.APPROVED)
    with province.session(audited=False) as s:
        assert {p.approved_by for p in s.scalars(select(Plan).where(Plan.id.in_([own.id, mixed.id])))} == {
            whole.url.username
        }


def test_joint_tour_across_cities_is_the_provinces(province: Database, sign_up) -> None:  # type: ignore[no-untyped-def]
    draft = joint_tours.JointTourDraft("徐连联动", ("CV07", "CV17"), ("320722",))  # 东海县, another city
    across = joint_tours.add_joint_tour(province, draft)
    county = sign_up(Level.COUNTY, "320321")
    city = sign_up(Level.CITY, "320300")
    for who in (county, city):
        refused_raw(who, "UPDATE joint_tours SET name = 'renamed' WHERE id = %s", across.id)
        refused_raw(who, "DELETE FROM joint_tours WHERE id = %s", across.id)
        refused_raw(who, "DELETE FROM joint_tour_regions WHERE joint_tour_id = %s", across.id)
        with pytest.raises(NotPermitted):
            joint_tours.edit_joint_tour(
                who, across.id, across.version, joint_tours.JointTourDraft("改名", ("CV07",), ("320722",))
            )
    # Within its city a city may make one (its caravan CV07 into its county 丰县).
    within = joint_tours.add_joint_tour(city, joint_tours.JointTourDraft("徐州内", ("CV07",), ("320321",)))
    # Into another city it may not.
    with pytest.raises(NotPermitted):
        joint_tours.add_joint_tour(city, joint_tours.JointTourDraft("越界", ("CV07",), ("320722",)))
    whole = sign_up(Level.PROVINCE, "320000")
    joint_tours.edit_joint_tour(
        whole,
        across.id,
        across.version,
        joint_tours.JointTourDraft("省定联动", ("CV07", "CV19"), ("320722",)),
    )
    with province.session(audited=False) as s:
        names = set(s.scalars(select(JointTour.name)))
    assert {"省定联动", within.name} <= names and "越界" not in names


def test_read_only_rows_follow_the_servers_rules(province: Database, sign_up) -> None:  # type: ignore[no-untyped-def]
    county = sign_up(Level.COUNTY, "320321")
    whole = sign_up(Level.PROVINCE, "320000")
    with province.session(audited=False) as s:
        ids = {code: i for code, i in s.execute(select(Caravan.code, Caravan.id))}
        region_count = len(s.scalars(select(Region.id)).all())
    locked = permissions.read_only_rows(county, "caravans", "caravans")
    assert locked is not None and ids["CV17"] not in locked
    assert locked[ids["CV18"]] == "睢宁县" and locked[ids["CV01"]] == "江苏省"
    assert len(locked) == len(ids) - 1
    assert len(permissions.read_only_rows(county, "regions", "regions") or {}) == region_count
    assert permissions.read_only_rows(whole, "caravans", "caravans") is None
    assert permissions.read_only_rows(province, "caravans", "caravans") is None  # the server's superuser
    who = permissions.signed_in(county)
    assert (who.level, who.region_name, who.is_held) == (Level.COUNTY, "丰县", True)


def test_sqlite_has_no_sign_in_and_no_rules(planned_week: Database) -> None:
    if not planned_week.is_sqlite:
        pytest.skip("SQLite's single user")
    who = permissions.signed_in(planned_week)
    assert who.level is None and not who.is_held
    assert permissions.read_only_rows(planned_week, "caravans", "caravans") is None
    own = caravan(planned_week, "CV18")
    inventory.save_record(planned_week, "caravans", own.id, own.version, {"odometer_km": 8.0})
    with planned_week.session(audited=False) as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert entry.user_name == "tester" and entry.at > datetime.now() - timedelta(minutes=5)


def test_county_user_plans_its_own_caravans(province: Database, sign_up) -> None:  # type: ignore[no-untyped-def]
    county = sign_up(Level.COUNTY, "320321")
    assert permissions.own_caravans(county) == ["CV17"]
    summary = plan_term_tours(
        county, date(2027, 3, 8), date(2027, 3, 12), name="丰县三月", control=SolveControl(time_limit=2)
    )
    with province.session(audited=False) as s:
        plan = s.scalar(select(Plan).where(Plan.name == summary.name))
        assert plan is not None and plan.created_by == county.url.username
        used = set(
            s.scalars(
                select(Caravan.code).join(Trip, Trip.caravan_id == Caravan.id).where(Trip.plan_id == plan.id)
            )
        )
    assert used <= {"CV17"}
    # Another county's caravan asked for by name is refused before the solve.
    with pytest.raises(NotPermitted) as refused:
        plan_term_tours(county, date(2027, 3, 8), date(2027, 3, 12), name="越界", caravans=["CV17", "CV18"])
    assert refused.value.values == {"table": "trips", "row": "CV18", "action": "insert"}


def test_field_kits_of_its_own_caravans_only(province: Database, sign_up, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A kit of a trip is its caravan's owners' to write and to bring back; another's is refused."""
    with province.session(audited=False) as s:
        trips = s.execute(
            select(Trip.code, Region.adcode, Region.level)
            .join(Caravan, Caravan.id == Trip.caravan_id)
            .join(Region, Region.id == Caravan.owner_region_id)
            .where(Region.level != Level.PROVINCE)
            .order_by(Trip.code)
        ).all()
    own_code, adcode, level = trips[0]
    other_code = next(code for code, other, _level in trips if other != adcode)
    owner = sign_up(level, adcode)
    export_trip(owner, own_code, tmp_path / "own.ckit")
    with pytest.raises(NotPermitted) as refused:
        export_trip(owner, other_code, tmp_path / "other.ckit")
    assert refused.value.values["table"] == "kit_exports"
    with open_kit(tmp_path / "own.ckit") as kit:
        kit.record_show(stop=kit.contents.stops[0].seq, visitors=40)
        # A loss marks the exhibit and opens a maintenance record: the owner's rows too.
        on_board = kit.contents.exhibits[0].code
        kit.record_damage(exhibit=on_board, kind="loss", description="遗失", on=kit.contents.start)
    stranger = sign_up(Level.COUNTY, "320722" if not adcode.startswith("3207") else "320321")
    with pytest.raises(NotPermitted):
        import_kit(stranger, tmp_path / "own.ckit")
    import_kit(owner, tmp_path / "own.ckit")
    with province.session(audited=False) as s:
        assert s.scalars(select(Exhibit.status).where(Exhibit.code == on_board)).one() is ExhibitStatus.LOST


def test_a_province_account_may_write_every_table(
    province: Database, sign_up, second_db: Database, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """The province's rights reach every kind of row: a whole workbook of the planned demo (plans with
    their problems, sets' maintenance, joint tours, kits …) imported by a province account."""
    whole = sign_up(Level.PROVINCE, "320000")
    path = tmp_path / "all.xlsx"
    export_inventory(province, path)
    with second_db.engine.begin() as c:  # the same person's account in the other database
        c.execute(
            text("INSERT INTO caravan_auth.accounts VALUES (:n, 'province', '320000', false, false, now())"),
            {"n": whole.url.username},
        )
    target = Database(second_db.url.set(username=whole.url.username, password=PASSWORD))
    try:
        summary = import_inventory(target, path)
        assert summary.inserted > 1000
        with target.session(audited=False) as s:
            names = set(s.scalars(select(AuditEntry.user_name).where(AuditEntry.table_name != "accounts")))
        assert names == {whole.url.username}  # every row written is in the log under the account's name
    finally:
        target.dispose()
        with second_db.engine.begin() as c:
            c.execute(
                text("DELETE FROM caravan_auth.accounts WHERE role_name = :n"), {"n": whole.url.username}
            )
