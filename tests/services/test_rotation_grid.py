"""A stored rotation plan as its grid: every set of the problem has a row, and every set-period is
either a stay or empty with a reason worked out from the problem and the plan."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select, update

from caravan_app.domain.enums import SetStatus
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import ExhibitSet, Plan, SetPlacement
from caravan_app.planning.rotation_reasons import EmptyReason
from caravan_app.services.demo import build_demo
from caravan_app.services.rotation import plan_rotation_scenario
from caravan_app.services.rotation_grid import rotation_grid
from tests.budget import budget

FIRST = date(2027, 1, 1)


def test_every_set_has_a_row_and_every_empty_cell_a_reason(db: Database) -> None:
    build_demo(db)
    summary = plan_rotation_scenario(db, FIRST, 3, 2, name="换展 2027", control=budget())
    with db.session() as s:
        plan_id = s.scalars(select(Plan.id).where(Plan.name == "换展 2027")).one()
        set_codes = list(
            s.scalars(
                select(ExhibitSet.code)
                .where(ExhibitSet.status != SetStatus.RETIRED)
                .order_by(ExhibitSet.code)
            )
        )
        history = s.scalars(select(SetPlacement).where(SetPlacement.plan_id.is_(None))).all()
        had = {(p.exhibit_set.code, p.venue.name) for p in history}
        standing = {p.exhibit_set.code: p.venue.name for p in history if p.start_on <= FIRST <= p.end_on}
    grid = rotation_grid(db, plan_id)
    assert [code for code, _name in grid.sets] == set_codes  # every set, with stays or without
    assert [p for p, _a, _b in grid.periods] == [0, 1, 2]
    for code in set_codes:
        for period in range(3):
            stay, empty = grid.stay(code, period), grid.empty_cell(code, period)
            assert (stay is None) != (empty is None), (code, period)
    assert len(grid.empty) == 12 * 3 - summary.figures.stays
    reasons = {(e.set_code, e.period): e for e in grid.empty}
    # MS07 is refurbished until 2027-03-31: out in the first two periods of two months.
    assert reasons[("MS07", 0)].reason is reasons[("MS07", 1)].reason is EmptyReason.MAINTENANCE
    # A set still standing on the first day stays where its booking put it, named.
    assert standing
    for code, venue in standing.items():
        assert reasons[(code, 0)].reason is EmptyReason.EARLIER_STAY
        assert [h.venue for h in reasons[(code, 0)].halls] == [venue]
    for cell in grid.empty:
        if cell.reason is EmptyReason.HOSTED_BEFORE:
            assert cell.halls and all((cell.set_code, h.venue) in had for h in cell.halls)
        if cell.reason is EmptyReason.NO_HALL_FITS:
            assert cell.largest_m2 is None or cell.largest_m2 < cell.needed_m2
        if cell.reason is EmptyReason.HOSTS_IT_ELSEWHEN:
            for h in cell.halls:
                assert h.other_period is not None
                again = grid.stay(cell.set_code, h.other_period)
                assert again is not None and again.venue_name == h.venue
    # The demo's city sets run out of halls; the reasons say so in names, not codes.
    assert {e.reason for e in grid.empty} >= {EmptyReason.MAINTENANCE, EmptyReason.EARLIER_STAY}
    assert all(not h.venue.startswith("V3") for e in grid.empty for h in e.halls)
    ms12 = grid.grid_set("MS12")
    assert ms12 is not None and ms12.cities == ("宿迁市",)


def test_a_stay_removed_by_hand_leaves_a_free_hall_nothing_better_and_an_old_plan_shows_its_stays(
    db: Database,
) -> None:
    build_demo(db)
    plan_rotation_scenario(db, FIRST, 3, 2, name="R", control=budget(), cities=["扬州", "泰州"])
    with db.session() as s:
        plan = s.scalars(select(Plan).where(Plan.name == "R")).one()
        plan_id, parameters = plan.id, json.loads(plan.parameters_json)
        placements = s.scalars(select(SetPlacement).where(SetPlacement.plan_id == plan_id)).all()
        assert placements
        gone = placements[0]
        code, period, venue = gone.exhibit_set.code, gone.period, gone.venue.name
        s.delete(gone)
    grid = rotation_grid(db, plan_id)
    cell = grid.empty_cell(code, period or 0)
    assert cell is not None and cell.reason is EmptyReason.NOTHING_BETTER
    assert venue in [h.venue for h in cell.halls]

    # A plan stored before the problem was kept with it: its stays, no reasons.
    with db.session() as s:
        parameters.pop("problem")
        s.execute(update(Plan).where(Plan.id == plan_id).values(parameters_json=json.dumps(parameters)))
    old = rotation_grid(db, plan_id)
    assert old.empty == () and {c for c, _n in old.sets} == {st.set_code for st in old.stays}
