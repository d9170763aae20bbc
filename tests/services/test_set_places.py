"""Where a museum set stands on a day and where it has stood: the recorded placements with their
visitors, and the stays of approved rotation plans (never a draft's) with the planner's moves."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from caravan_app.domain.enums import EventStatus, PlanStatus
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Event, ExhibitSet, Plan, SetMove, SetPlacement
from caravan_app.services.demo import build_demo
from caravan_app.services.rotation import plan_rotation_scenario
from caravan_app.services.set_places import set_stands, set_whereabouts
from tests.budget import budget

DAY = date(2026, 12, 4)


def test_a_sets_hall_now_and_its_recorded_and_approved_stays(db: Database) -> None:
    build_demo(db)
    with db.session() as s:
        ms05 = s.scalars(select(ExhibitSet).where(ExhibitSet.code == "MS05")).one()
        set_id, home = ms05.id, ms05.home_depot.name
        recorded = s.scalars(
            select(SetPlacement)
            .where(SetPlacement.set_id == set_id, SetPlacement.plan_id.is_(None))
            .order_by(SetPlacement.start_on)
        ).all()
        halls = [(p.start_on, p.end_on, p.venue.name) for p in recorded]
        visitors = [
            s.scalar(
                select(func.coalesce(func.sum(Event.visitors), 0)).where(
                    Event.set_id == set_id,
                    Event.venue_id == p.venue_id,
                    Event.status == EventStatus.HELD,
                    Event.held_on.between(p.start_on, p.end_on),
                )
            )
            for p in recorded
        ]
    where = set_whereabouts(db, set_id, DAY)
    standing = [h for h in halls if h[0] <= DAY <= h[1]]
    assert where.now is not None and [(where.now.start_on, where.now.end_on, where.now.venue)] == standing
    assert where.home_depot == home
    # Newest first; each recorded stay came from the one before, the first from the home depot.
    assert [(p.start_on, p.end_on, p.venue) for p in where.history] == halls[::-1]
    assert [p.came_from for p in reversed(where.history)] == [home] + [h[2] for h in halls[:-1]]
    assert [p.visitors for p in reversed(where.history)] == visitors and sum(visitors) > 0
    assert where.last is not None and where.last.end_on < DAY <= where.now.end_on

    # A draft plan is a scenario: its stays are not the set's history until it is approved.
    plan_rotation_scenario(db, date(2027, 3, 1), 2, 3, name="R", control=budget())
    with db.session() as s:
        plan = s.scalars(select(Plan).where(Plan.name == "R")).one()
        stays = s.scalars(
            select(SetPlacement).where(SetPlacement.plan_id == plan.id).order_by(SetPlacement.start_on)
        ).all()
        moved = stays[0].exhibit_set.id
        planned = [(p.start_on, p.venue.name) for p in stays if p.set_id == moved]
        first_move = s.scalars(
            select(SetMove).where(SetMove.plan_id == plan.id, SetMove.set_id == moved, SetMove.period == 0)
        ).one_or_none()
    assert not [p for p in set_whereabouts(db, moved, DAY).history if p.plan]
    with db.session() as s:
        s.scalars(select(Plan).where(Plan.name == "R")).one().status = PlanStatus.APPROVED
    history = set_whereabouts(db, moved, DAY).history
    in_plan = [(p.start_on, p.venue) for p in history if p.plan == "R"]
    assert in_plan == planned[::-1]
    assert all(p.plan_status is PlanStatus.APPROVED and p.visitors is None for p in history if p.plan)
    opening = next(p for p in history if p.plan and p.start_on == planned[0][0])
    if first_move is not None:
        assert opening.km == first_move.km


def test_every_set_stands_in_a_hall_or_at_home(db: Database) -> None:
    build_demo(db)
    with db.session() as s:
        stands = {x.code: x for x in set_stands(s, DAY)}
        sets = {x.code: x for x in s.scalars(select(ExhibitSet))}
        covering = {
            p.exhibit_set.code: p.venue
            for p in s.scalars(
                select(SetPlacement).where(
                    SetPlacement.plan_id.is_(None), SetPlacement.start_on <= DAY, SetPlacement.end_on >= DAY
                )
            )
        }
        homes = {code: (x.home_depot.name, x.home_depot.lat, x.home_depot.lon) for code, x in sets.items()}
        halls = {code: (v.name, v.lat, v.lon) for code, v in covering.items()}
    assert set(stands) == set(sets) and covering
    for code, stand in stands.items():
        expected = halls.get(code) or homes[code]
        assert (stand.where, stand.place.lat, stand.place.lon) == expected
        assert stand.in_hall is (code in covering)
        assert (stand.start is not None) is stand.in_hall
