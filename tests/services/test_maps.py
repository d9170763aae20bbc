"""Maps of the demo province: a small stored tour plan, a rotation plan, coverage and the inventory,
each read from the database, rendered offline and matching what the database holds."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from caravan_app.cli import main
from caravan_app.domain.enums import CaravanStatus, PlanKind, PlanStatus, SetStatus, VenueKind
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    Depot,
    Event,
    ExhibitSet,
    Plan,
    Region,
    SetMove,
    SetPlacement,
    TourStop,
    Trip,
    Venue,
)
from caravan_app.planning.control import SolveControl
from caravan_app.planning.distance import great_circle_km
from caravan_app.planning.problem import DEFAULT_ROAD_FACTOR, Point
from caravan_app.services.demo import build_demo
from caravan_app.services.maps import (
    coverage_map,
    coverage_view,
    inventory_map,
    inventory_view,
    rotation_map,
    rotation_plan_view,
    tour_map,
)
from caravan_app.services.tour_planning import plan_term_tours

URL = re.compile(r"https?://")
TOUR = "三月第一周"
ROTATION = "换展测试"
PERIODS = ((date(2027, 3, 1), date(2027, 5, 31)), (date(2027, 6, 15), date(2027, 8, 31)))


def count_class(page: str, name: str) -> int:
    return len(re.findall(rf'class=\\"{name}(?: [\w-]+)?\\"', page))


def readable(page: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page)


def store_rotation_plan(db: Database) -> None:
    """Three sets over two periods in county halls; the third set stays put in the second. The
    planner's moves are stored for the second set only (from its depot, and back to it after)."""
    with db.session() as s:
        sets = s.scalars(select(ExhibitSet).order_by(ExhibitSet.code).limit(3)).all()
        halls = s.scalars(
            select(Venue).where(Venue.kind == VenueKind.SCIENCE_HALL).order_by(Venue.code).limit(6)
        ).all()
        plan = Plan(
            name=ROTATION,
            kind=PlanKind.ROTATION,
            horizon_start=PERIODS[0][0],
            horizon_end=PERIODS[-1][1],
            created_at=datetime(2027, 1, 4, 9, 0),
        )
        s.add(plan)
        s.flush()
        for i, exhibit_set in enumerate(sets):
            for period, (first, last) in enumerate(PERIODS):
                hall = halls[4] if i == 2 else halls[2 * i + period]
                s.add(
                    SetPlacement(
                        code=f"RT-{i}-{period}",
                        plan_id=plan.id,
                        set_id=exhibit_set.id,
                        venue_id=hall.id,
                        start_on=first,
                        end_on=last,
                        period=period,
                    )
                )
        depot = s.get_one(Depot, sets[1].home_depot_id).code
        s.add(
            SetMove(
                plan_id=plan.id,
                set_id=sets[1].id,
                period=0,
                from_code=depot,
                to_code=halls[2].code,
                km=123.4,
                truck_loads=2,
            )
        )
        s.add(
            SetMove(
                plan_id=plan.id,
                set_id=sets[1].id,
                period=2,
                from_code=halls[3].code,
                to_code=depot,
                km=55.5,
                truck_loads=2,
            )
        )


@pytest.mark.slow  # the demo province and a 2-second plan: about 8 s
def test_tour_and_coverage_maps_match_the_stored_plan(db: Database, tmp_path: Path) -> None:
    build_demo(db)
    plan_term_tours(db, date(2027, 3, 1), date(2027, 3, 5), name=TOUR, control=SolveControl(time_limit=2))
    with db.session() as s:
        plan_id = s.scalars(select(Plan.id).where(Plan.name == TOUR)).one()
        trips = s.scalar(select(func.count()).select_from(Trip).where(Trip.plan_id == plan_id))
        stops = s.scalars(select(TourStop).join(Trip).where(Trip.plan_id == plan_id)).all()
        venues = {st.venue.name for st in stops}
        caravans = s.scalar(select(func.count(func.distinct(Trip.caravan_id))).where(Trip.plan_id == plan_id))
    assert trips and stops

    out = tmp_path / "maps" / "tour.html"
    page = tour_map(db, TOUR, out=out)
    assert out.read_text(encoding="utf-8") == page
    assert not URL.search(page)
    # One marker per stop, but the days of one show at one venue share theirs (or they hide each other).
    ordered = sorted(stops, key=lambda st: (st.trip_id, st.seq))
    markers = sum(
        1
        for i, st in enumerate(ordered)
        if i == 0 or (ordered[i - 1].trip_id, ordered[i - 1].venue_id) != (st.trip_id, st.venue_id)
    )
    assert count_class(page, "cv-stop") == markers
    assert page.count('"className": "cv-trip"') == trips
    assert page.count("L.featureGroup(") == caravans + 2  # a layer per caravan, boundaries, depots
    for name in venues:
        assert name in page
    # No name: the newest tour plan, here the same one.
    assert count_class(tour_map(db), "cv-stop") == markers
    # A draft's map says so in its title, before the name; an approved plan's does not.
    assert f"【草案 · 未经批准】{TOUR}" in readable(page)
    assert "[DRAFT · not approved]" in readable(tour_map(db, TOUR, lang="en"))
    with db.session() as s:
        s.scalars(select(Plan).where(Plan.name == TOUR)).one().status = PlanStatus.APPROVED
    assert "草案" not in readable(tour_map(db, TOUR))

    with db.session() as s:
        view = coverage_view(s, TOUR, year=2026)
        held_2026 = s.scalar(
            select(func.count())
            .select_from(Event)
            .where(Event.held_on.between(date(2026, 1, 1), date(2026, 12, 31)))
        )
        key_counties = s.scalar(
            select(func.count()).select_from(Region).where(Region.is_key_county.is_(True))
        )
    assert len(view.counties) == 95
    assert sum(c.held for c in view.counties) == held_2026 > 0
    assert sum(c.planned for c in view.counties) == len(stops)
    assert sum(1 for c in view.counties if c.key_county) == key_counties == 12
    assert view.title == f"2026年已举办 + {TOUR} 计划"
    page = readable(coverage_map(db, TOUR, year=2026))
    assert not URL.search(page)
    busiest = max(view.counties, key=lambda c: c.held + c.planned)
    assert f"{busiest.name}</b>" in page and f"已举办：{busiest.held}<br>计划：{busiest.planned}" in page
    with pytest.raises(CaravanError, match="not both"):
        coverage_map(db, None, year=2026, start=date(2026, 1, 1))
    with pytest.raises(CaravanError, match="not a rotation plan"):
        rotation_map(db, TOUR)


def test_rotation_and_inventory_maps_match_the_database(db: Database) -> None:
    build_demo(db)
    with pytest.raises(CaravanError, match="no rotation plan yet"):
        rotation_map(db)
    store_rotation_plan(db)
    with db.session() as s:
        view = rotation_plan_view(s)  # the newest rotation plan
        first_set = s.scalars(select(ExhibitSet).order_by(ExhibitSet.code).limit(1)).one()
        before = s.scalars(
            select(SetPlacement)
            .where(
                SetPlacement.set_id == first_set.id,
                SetPlacement.plan_id.is_(None),
                SetPlacement.end_on < PERIODS[0][0],
            )
            .order_by(SetPlacement.end_on.desc())
        ).first()
        origin = before.venue if before is not None else s.get(Depot, first_set.home_depot_id)
        second_set = s.scalars(select(ExhibitSet).order_by(ExhibitSet.code).offset(1).limit(1)).one()
        home_depot_name = s.get_one(Depot, second_set.home_depot_id).name
        halls_of_second = [
            p.venue.name
            for p in s.scalars(
                select(SetPlacement)
                .where(SetPlacement.set_id == second_set.id, SetPlacement.plan_id.is_not(None))
                .order_by(SetPlacement.period)
            )
        ]
        assert origin is not None
        origin_point = Point(origin.lat, origin.lon)
        caravans = s.scalar(
            select(func.count()).select_from(Caravan).where(Caravan.status != CaravanStatus.RETIRED)
        )
        venues = s.scalar(select(func.count()).select_from(Venue))
        depots = s.scalar(select(func.count()).select_from(Depot))
        sets = s.scalar(
            select(func.count()).select_from(ExhibitSet).where(ExhibitSet.status != SetStatus.RETIRED)
        )
        # On this day the demo's records put each set in a hall or leave it at its home depot.
        day = date(2026, 12, 4)
        in_halls = {
            p.exhibit_set.code: p.venue.name
            for p in s.scalars(
                select(SetPlacement).where(
                    SetPlacement.plan_id.is_(None), SetPlacement.start_on <= day, SetPlacement.end_on >= day
                )
            )
        }
    assert view.name == ROTATION and len(view.stays) == 6 and view.periods == PERIODS
    opening = next(st for st in view.stays if st.set_code == first_set.code and st.period == 0)
    assert opening.from_name == origin.name
    here = Point(opening.place.lat, opening.place.lon)
    assert opening.km == round(great_circle_km(origin_point, here) * DEFAULT_ROAD_FACTOR, 1)
    second = next(st for st in view.stays if st.set_code == first_set.code and st.period == 1)
    assert second.from_name == opening.venue_name  # the next move starts where the last stay was
    stayed = [st for st in view.stays if st.period == 1 and st.from_place == st.place]
    assert len(stayed) == 1 and stayed[0].km == 0
    # The second set's moves are the planner's: its km and loads, from its depot and back to it.
    planned = next(st for st in view.stays if st.set_code != first_set.code and st.period == 0)
    assert (planned.km, planned.truck_loads, planned.from_name) == (123.4, 2, home_depot_name)
    assert [(r.set_code, r.period, r.km, r.from_name, r.venue_name) for r in view.returns] == [
        (planned.set_code, 2, 55.5, halls_of_second[1], home_depot_name)
    ]

    page = rotation_map(db, ROTATION)
    assert not URL.search(page)
    moved = [st for st in view.stays if st.from_place != st.place]
    assert count_class(page, "cv-arrow") == len(moved) + 1 >= 5
    assert page.count('"className": "cv-move"') == len(moved)
    assert page.count('"className": "cv-move cv-return"') == 1
    assert count_class(page, "cv-set") == 6
    assert opening.venue_name in page and "第2期 2027-06-15 – 2027-08-31" in readable(page)

    with db.session() as s:
        inventory = inventory_view(s)
    assert (len(inventory.caravans), len(inventory.venues), len(inventory.depots)) == (
        caravans,
        venues,
        depots,
    )
    page = inventory_map(db, lang="en", day=day)
    assert not URL.search(page)
    assert count_class(page, "cv-caravan") == caravans
    assert count_class(page, "cv-venue") == venues
    assert count_class(page, "cv-depot") == depots
    assert count_class(page, "cv-set") == sets == 12
    assert "County science hall" in readable(page)
    with db.session() as s:
        stands = {x.code: x for x in inventory_view(s, day).sets}
    assert in_halls and {c for c, x in stands.items() if x.in_hall} == set(in_halls)
    assert all(stands[c].where == hall for c, hall in in_halls.items())
    assert f"Museum sets ({sets})" in readable(page) and "Museum sets as on 2026-12-04" in readable(page)


def test_map_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # On a SQLite file of its own: the command opens and leaves its database as a run of the program does.
    monkeypatch.setenv("CARAVAN_DATA_DIR", str(tmp_path / "data"))
    url = str(tmp_path / "demo.db")
    assert main(["--db", url, "demo"]) == 0
    out = tmp_path / "inventory.html"
    assert main(["--db", url, "map", "inventory", "--out", str(out), "--lang", "en"]) == 0
    assert "wrote the inventory map" in capsys.readouterr().out
    assert "Mobile science facilities" in readable(out.read_text(encoding="utf-8"))
    out = tmp_path / "coverage.html"
    assert (
        main(
            ["--db", url, "map", "coverage", "--from", "2026-03-01", "--to", "2026-05-31", "--out", str(out)]
        )
        == 0
    )
    assert "2026-03-01 – 2026-05-31 已举办" in out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", url, "map", "tours", "--year", "2026", "--out", str(out)]) == 1
    assert "error: --year, --from and --to are for the coverage map" in capsys.readouterr().err
    assert main(["--db", url, "map", "tours", "--out", str(out)]) == 1
    assert "error: no tour plan" in capsys.readouterr().err


@pytest.mark.slow  # the demo province and a one-solution plan
def test_an_address_in_a_venue_name_is_text_not_a_network_load(db: Database) -> None:
    """Issue 15, row 7: "(https://www.example.cn)" in a venue's name used to make every map through it fail
    the no-network check; the name is shown as typed and the page still loads nothing from the network."""
    build_demo(db)
    plan_term_tours(
        db,
        date(2027, 3, 1),
        date(2027, 3, 5),
        name=TOUR,
        control=SolveControl(time_limit=60, solution_limit=1),
    )
    with db.session() as s:
        stop = s.scalars(select(TourStop).join(Trip).order_by(TourStop.id).limit(1)).one()
        stop.venue.name = f"{stop.venue.name}(https://www.example.cn)"
        renamed = stop.venue.name
    # In the page's data the name is HTML (its colon an entity, which Leaflet's tooltips and popups show
    # as a colon) inside JSON (its "&" written \u0026).
    shown = renamed.replace(":", "\\u0026#58;")
    for page in (tour_map(db, TOUR), inventory_map(db)):
        assert not URL.search(page)
        assert shown in page
