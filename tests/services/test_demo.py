"""The demo province: plausible enough for every planner and report, the same for the same seed, and
never written over existing data. Each test builds the demo (about a second or two) on both backends."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from caravan_app.domain.enums import CaravanType, ExhibitUse, Level, RequestStatus, SetStatus
from caravan_app.domain.weekdays import is_open_on
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Base,
    Caravan,
    ConditionCheck,
    Depot,
    Event,
    Exhibit,
    ExhibitSet,
    Movement,
    Plan,
    Region,
    SetMembership,
    SetPlacement,
    Venue,
    VisitRequest,
)
from caravan_app.services.demo import (
    HISTORY_END,
    HISTORY_START,
    STEPS,
    TERM_END,
    TERM_START,
    build_demo,
)

KEY_COUNTIES = {
    "320321", "320324", "320723", "320724", "320804", "320826",
    "320921", "320922", "321311", "321322", "321323", "321324",
}  # fmt: skip


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, all columns, in id order."""
    with db.engine.connect() as c:
        return {
            t.name: [tuple(row) for row in c.execute(select(t).order_by(t.c.id))]
            for t in Base.metadata.sorted_tables
        }


def test_demo_meets_the_minimums_and_hangs_together(db: Database) -> None:
    steps: list[str] = []
    counts = build_demo(db, on_step=steps.append)
    assert steps == list(STEPS)  # each step heard once, in order (the first start's splash shows them)
    assert "caravans 车辆: 30" in counts.lines()

    with db.session() as s:
        # Counts reported are the rows in the database.
        for table in Base.metadata.sorted_tables:
            if table.name != "audit_log":
                assert counts[table.name] == s.scalar(select(func.count()).select_from(table))
        assert s.scalar(select(func.count()).select_from(Base.metadata.tables["audit_log"])) == 0
        assert s.scalar(select(func.count()).select_from(Plan)) == 0

        regions = {r.id: r for r in s.scalars(select(Region))}
        counties = [r for r in regions.values() if r.level == Level.COUNTY]
        assert len(counties) == 95
        assert sorted(r.adcode for r in counties if r.is_key_county) == sorted(KEY_COUNTIES)

        depots = {d.id: d for d in s.scalars(select(Depot))}
        by_level = Counter(d.owner_level for d in depots.values())
        assert by_level[Level.PROVINCE] == 1 and by_level[Level.CITY] >= 13 and by_level[Level.COUNTY] >= 20

        caravans = list(s.scalars(select(Caravan)))
        assert len(caravans) == 30
        assert {c.type for c in caravans} == set(CaravanType)
        assert {c.owner_level for c in caravans} == set(Level)
        assert all(c.owner_level != Level.COUNTY for c in caravans if c.type == CaravanType.I)
        assert all(depots[c.home_depot_id].region_id == c.owner_region_id for c in caravans)
        assert sum(c.in_service_since <= date(2016, 11, 30) for c in caravans) >= 3
        assert sum(c.odometer_km >= 100_000 for c in caravans) >= 2
        aboard = Counter(s.scalars(select(Exhibit.caravan_id).where(Exhibit.caravan_id.is_not(None))))
        assert all(aboard[c.id] <= c.exhibit_slots for c in caravans)

        venues = list(s.scalars(select(Venue)))
        assert len(venues) >= 350
        per_county = Counter(v.county_id for v in venues)
        assert len(per_county) == 95 and min(per_county.values()) >= 2
        in_districts = sum(n for county_id, n in per_county.items() if regions[county_id].name.endswith("区"))
        assert len(venues) - in_districts > in_districts
        assert len({v.name for v in venues}) == len(venues)

        kit = s.scalar(select(func.count()).where(Exhibit.use == ExhibitUse.CARAVAN_KIT))
        assert kit is not None and kit >= 1500

        sets = list(s.scalars(select(ExhibitSet)))
        assert len(sets) == 12
        for exhibit_set in sets:
            located = set(s.scalars(select(Exhibit.id).where(Exhibit.set_id == exhibit_set.id)))
            members = set(
                s.scalars(
                    select(SetMembership.exhibit_id).where(
                        SetMembership.set_id == exhibit_set.id, SetMembership.left_on.is_(None)
                    )
                )
            )
            assert 50 <= len(located) <= 60 and located == members, exhibit_set.code
        assert (s.scalar(select(func.count()).where(SetMembership.left_on.is_not(None))) or 0) > 0

        requests = list(s.scalars(select(VisitRequest)))
        assert len(requests) >= 400
        assert all(r.status == RequestStatus.OPEN for r in requests)
        assert all(TERM_START <= r.earliest_on <= r.latest_on <= TERM_END for r in requests)
        venue_by_id = {v.id: v for v in venues}
        in_key = [r for r in requests if regions[venue_by_id[r.venue_id].county_id].is_key_county]
        assert len(in_key) >= 60

        events = list(s.scalars(select(Event)))
        days = [e.held_on for e in events]
        assert HISTORY_START <= min(days) <= date(2025, 12, 31)
        assert date(2026, 11, 1) <= max(days) <= HISTORY_END
        assert all(is_open_on(venue_by_id[e.venue_id].open_weekdays, e.held_on) for e in events)
        caravan_days = Counter((e.caravan_id, e.held_on) for e in events if e.caravan_id is not None)
        assert max(caravan_days.values()) == 1
        shows = Counter(e.caravan_id for e in events if e.caravan_id is not None)
        assert min(shows[c.id] for c in caravans) < 10 < max(shows.values())  # uneven use

        placements = list(s.scalars(select(SetPlacement).order_by(SetPlacement.start_on)))
        assert all(p.plan_id is None for p in placements)
        assert len({(p.set_id, p.venue_id) for p in placements}) == len(placements)
        for key in ("set_id", "venue_id"):
            stays = defaultdict(list)
            for p in placements:
                stays[getattr(p, key)].append(p)
            for group in stays.values():
                for before, after in zip(group, group[1:], strict=False):
                    assert before.end_on < after.start_on
        covering = {p.set_id for p in placements if p.start_on <= HISTORY_END <= p.end_on}
        assert covering and covering == {x.id for x in sets if x.status == SetStatus.TOURING}

        # Every exhibit's last move took it where it is, and its latest check gives its grade.
        last_move: dict[int, Movement] = {}
        for m in s.scalars(select(Movement).order_by(Movement.moved_at, Movement.id)):
            last_move[m.exhibit_id] = m
        latest_check: dict[int, ConditionCheck] = {}
        for c in s.scalars(select(ConditionCheck).order_by(ConditionCheck.checked_on, ConditionCheck.id)):
            latest_check[c.exhibit_id] = c
        exhibits = list(s.scalars(select(Exhibit)))
        for x in exhibits:
            m = last_move[x.id]
            place = (x.depot_id, x.caravan_id, x.set_id, x.workshop_id)
            assert (m.to_depot_id, m.to_caravan_id, m.to_set_id, m.to_workshop_id) == place, x.code
            if x.id in latest_check:
                assert latest_check[x.id].grade == x.condition, x.code


@pytest.mark.slow
def test_same_seed_same_rows_other_seed_other_venues(db: Database, second_db: Database) -> None:
    build_demo(db, seed=2027)
    build_demo(second_db, seed=2027)
    first = snapshot(db)
    assert first == snapshot(second_db)

    with second_db.engine.begin() as c:
        for table in reversed(Base.metadata.sorted_tables):
            c.execute(table.delete())
    build_demo(second_db, seed=2028)
    venues = [row[2:] for row in first["venues"]]  # leave out id and code
    assert venues != [row[2:] for row in snapshot(second_db)["venues"]]


def test_building_into_a_database_with_data_refuses_and_changes_nothing(db: Database) -> None:
    with db.session() as s:
        s.add(Region(adcode="320000", name="江苏省", level=Level.PROVINCE, lat=32.06, lon=118.76))
    before = snapshot(db)

    with pytest.raises(CaravanError, match="empty database"):
        build_demo(db)

    assert snapshot(db) == before
