"""Saving: one caravan edited from two sessions, the audit log, and the database's own rules."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from caravan_app.domain.enums import CaravanType, Level, VenueKind
from caravan_app.errors import ConflictError, DatabaseError, IntegrityViolation
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    AuditEntry,
    Caravan,
    Depot,
    Exhibit,
    ExhibitSet,
    Region,
    SetMembership,
    Venue,
)
from caravan_app.settings import to_url


def add_small_province(db: Database) -> None:
    with db.session() as s:
        province = Region(adcode="320000", name="江苏省", level=Level.PROVINCE, lat=32.06, lon=118.76)
        city = Region(adcode="320100", name="南京市", level=Level.CITY, parent=province, lat=32.06, lon=118.8)
        depot = Depot(
            code="D320000",
            name="省科协大篷车库",
            owner_level=Level.PROVINCE,
            region=province,
            address="南京市玄武区",
            lat=32.05,
            lon=118.79,
        )
        s.add_all([province, city, depot])
        s.add(
            Caravan(
                code="CV-01",
                plate="苏A·K0001",
                type=CaravanType.II,
                owner_level=Level.PROVINCE,
                owner_region=province,
                home_depot=depot,
                exhibit_slots=48,
                crew_size=3,
                in_service_since=date(2015, 4, 1),
                odometer_km=88_000,
                value_yuan=650_000,
                themes="力学;数学",
            )
        )


def test_second_save_of_a_stale_caravan_is_refused_and_the_first_stays(db: Database) -> None:
    add_small_province(db)
    # Two desks open the same caravan; the first saves, then the second saves its stale copy.
    with pytest.raises(ConflictError, match="CV-01"), db.session() as second:
        theirs = second.scalars(select(Caravan).where(Caravan.code == "CV-01")).one()
        with db.session() as first:
            mine = first.scalars(select(Caravan).where(Caravan.code == "CV-01")).one()
            assert mine.version == theirs.version == 1
            mine.odometer_km = 91_000
        theirs.odometer_km = 12
    with db.session() as s:
        caravan = s.scalars(select(Caravan)).one()
        assert caravan.odometer_km == 91_000
        assert caravan.version == 2


def test_conflict_from_database_session_names_the_row(db: Database) -> None:
    add_small_province(db)
    with db.session() as s:
        stale = s.scalars(select(Caravan)).one()
    with db.session() as s:
        s.scalars(select(Caravan)).one().crew_size = 4
    with pytest.raises(ConflictError) as caught, db.session() as s:
        stale = s.merge(stale, load=False)
        stale.crew_size = 2
    assert "caravans CV-01" in str(caught.value)
    with db.session() as s:
        assert s.scalars(select(Caravan)).one().crew_size == 4


def test_every_change_is_in_the_audit_log(db: Database) -> None:
    with db.session() as s:
        before = s.scalar(select(func.max(AuditEntry.id))) or 0  # the calendar the tests seed
    add_small_province(db)
    with db.session() as s:
        s.scalars(select(Caravan)).one().odometer_km = 90_500
    with db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.id > before).order_by(AuditEntry.id)).all()
    inserts = [e for e in entries if e.action == "insert"]
    assert {e.table_name for e in inserts} == {"regions", "depots", "caravans"}
    update = [e for e in entries if e.action == "update"]
    assert len(update) == 1
    # SQLite: the name the program was given; PostgreSQL: the role signed in, as the server says.
    assert update[0].table_name == "caravans"
    assert update[0].user_name == ("tester" if db.is_sqlite else db.url.username)
    assert json.loads(update[0].changes) == {"odometer_km": [88_000, 90_500]}


def test_a_failed_save_leaves_no_audit_entry(db: Database) -> None:
    add_small_province(db)
    with pytest.raises(IntegrityViolation), db.session() as s:
        s.scalars(select(Caravan)).one().odometer_km = -5
    with db.session() as s:
        assert s.scalars(select(Caravan)).one().odometer_km == 88_000
        assert not s.scalars(select(AuditEntry).where(AuditEntry.action == "update")).all()


@pytest.mark.parametrize(
    ("field", "value"),
    [("hall_area_m2", -1.0), ("open_weekdays", "")],
)
def test_database_checks_refuse_bad_venue_values(db: Database, field: str, value: object) -> None:
    add_small_province(db)
    with pytest.raises(IntegrityViolation), db.session() as s:
        city = s.scalars(select(Region).where(Region.adcode == "320100")).one()
        venue = Venue(
            code="V1",
            name="测试小学",
            kind=VenueKind.SCHOOL,
            county=city,
            lat=32.0,
            lon=118.8,
            hall_area_m2=100.0,
        )
        setattr(venue, field, value)
        s.add(venue)


def test_an_exhibit_must_be_in_exactly_one_place(db: Database) -> None:
    add_small_province(db)
    with pytest.raises(IntegrityViolation), db.session() as s:
        depot = s.scalars(select(Depot)).one()
        caravan = s.scalars(select(Caravan)).one()
        s.add(
            Exhibit(
                code="EX-1",
                name_zh="辉光球",
                theme="声光电磁",
                use="caravan_kit",
                acquired_on=date(2020, 1, 1),
                depot=depot,
                caravan=caravan,
            )
        )
    with pytest.raises(IntegrityViolation), db.session() as s:
        s.add(
            Exhibit(
                code="EX-2",
                name_zh="辉光球",
                theme="声光电磁",
                use="caravan_kit",
                acquired_on=date(2020, 1, 1),
            )
        )


def test_duplicate_codes_are_refused(db: Database) -> None:
    add_small_province(db)
    with pytest.raises(IntegrityViolation), db.session() as s:
        original = s.scalars(select(Caravan)).one()
        s.add(
            Caravan(
                code="CV-01",
                plate="苏A·K0002",
                type=CaravanType.IV,
                owner_level=Level.PROVINCE,
                owner_region=original.owner_region,
                home_depot=original.home_depot,
                exhibit_slots=24,
                crew_size=2,
                in_service_since=date(2020, 1, 1),
            )
        )


def test_an_exhibit_is_an_open_member_of_one_set_at_most(db: Database) -> None:
    add_small_province(db)
    with db.session() as s:
        depot = s.scalars(select(Depot)).one()
        sets = [
            ExhibitSet(code=code, name=code, theme="力学", hall_area_m2=400, home_depot=depot)
            for code in ("MS-A", "MS-B")
        ]
        exhibit = Exhibit(
            code="EX-9",
            name_zh="傅科摆",
            theme="力学",
            use="museum_set",
            acquired_on=date(2020, 1, 1),
            exhibit_set=sets[1],
        )
        # Left the first set, joined the second: history is fine.
        s.add_all(sets + [exhibit])
        s.add(
            SetMembership(
                exhibit_set=sets[0], exhibit=exhibit, joined_on=date(2020, 1, 1), left_on=date(2023, 5, 1)
            )
        )
        s.add(SetMembership(exhibit_set=sets[1], exhibit=exhibit, joined_on=date(2023, 5, 2)))
    with pytest.raises(IntegrityViolation), db.session() as s:
        first = s.scalars(select(ExhibitSet).where(ExhibitSet.code == "MS-A")).one()
        again = s.scalars(select(Exhibit)).one()
        s.add(SetMembership(exhibit_set=first, exhibit=again, joined_on=date(2024, 1, 1)))


def test_libpq_options_in_the_url_reach_the_server(db: Database) -> None:
    """sslmode, application_name, connect_timeout and the rest of libpq's options go through as the
    URL gives them (README's PostgreSQL guide); sslmode=require on a server without TLS is refused."""
    if db.is_sqlite:
        pytest.skip("libpq options are PostgreSQL's")
    base = db.url.render_as_string(hide_password=False)
    with_options = Database(
        to_url(
            f"{base}?sslmode=prefer&application_name=caravan_desk&connect_timeout=5&options=-c%20statement_timeout%3D123s"
        )
    )
    try:
        with with_options.engine.connect() as c:
            assert c.exec_driver_sql("SHOW application_name").scalar() == "caravan_desk"
            assert c.exec_driver_sql("SHOW statement_timeout").scalar() == "123s"
    finally:
        with_options.dispose()
    with db.engine.connect() as c:
        tls = c.exec_driver_sql("SHOW ssl").scalar() == "on"
    strict = Database(to_url(f"{base}?sslmode=require"))
    try:
        if tls:
            strict.check_reachable()
        else:
            with pytest.raises(DatabaseError, match="SSL"):
                strict.check_reachable()
    finally:
        strict.dispose()
