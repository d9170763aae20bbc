"""The command line's look at what is stored: `plans` (every plan with its figures) and `trips PLAN`
(a tour plan's trips, or a rotation plan's stays, with the codes `kit export` and `print --trip` take)."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from caravan_app.cli_text import STATUS
from caravan_app.domain.enums import PlanKind, PlanStatus
from caravan_app.domain.figures import ConsolidationFigures, RotationFigures, TourFigures
from caravan_app.errors import CaravanError

if TYPE_CHECKING:  # the services load when a command runs, not when the parser is built
    from caravan_app.services.rotation_grid import RotationGrid
    from caravan_app.services.tour_plans import PlanRow, TourPlanDetail

KIND = {
    PlanKind.TOUR: "tour 巡展",
    PlanKind.ROTATION: "rotation 轮换",
    PlanKind.CONSOLIDATION: "consolidation 整合",
}
PLAN_STATUS = {
    PlanStatus.DRAFT: "draft 草案",
    PlanStatus.APPROVED: "approved 已批准",
    PlanStatus.PUBLISHED: "published 已发布",
}


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """`plans` and `trips`."""
    plans = commands.add_parser(
        "plans", parents=[common], help="list the stored plans: name, kind, status, dates and figures"
    )
    plans.add_argument("--kind", choices=[k.value for k in PlanKind], help="only plans of this kind")
    plans.set_defaults(run=_run_plans)
    trips = commands.add_parser(
        "trips",
        parents=[common],
        help="list a tour plan's trips (codes for `kit export --trip`) or a rotation plan's stays "
        "(codes for `kit export --placement`)",
    )
    trips.add_argument(
        "plan", nargs="?", metavar="PLAN", help="the plan's name (default: the newest tour plan)"
    )
    trips.add_argument("--caravan", metavar="CODE", help="only this caravan's trips")
    trips.set_defaults(run=_run_trips)


# --- a table that lines up with Chinese text ---------------------------------------------------------


def _width(text: str) -> int:
    """Columns a terminal gives `text`: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(
    header: Sequence[str], rows: Sequence[Sequence[str]], right: frozenset[int] = frozenset()
) -> list[str]:
    """Rows under a header, each column as wide as its widest cell; columns in `right` right-aligned."""
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        padded = []
        for i, cell in enumerate(cells):
            gap = " " * (widths[i] - _width(cell))
            padded.append(gap + cell if i in right else cell + gap)
        return "  ".join(padded).rstrip()

    return [line(header), *(line(r) for r in rows)]


def _days(start: date, end: date) -> str:
    return f"{start:%Y-%m-%d} .. {end:%Y-%m-%d}"


def _moment(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


# --- plans ------------------------------------------------------------------------------------------


def figures_text(figures: TourFigures | RotationFigures | ConsolidationFigures) -> str:
    """A plan's main figures on one line."""
    if isinstance(figures, TourFigures):
        return (
            f"served {figures.served} of {figures.requests}, key-county {figures.key_county_served} of "
            f"{figures.key_county_requests}, {figures.km:,.0f} km, {figures.trips} trips"
        )
    if isinstance(figures, RotationFigures):
        return (
            f"{figures.stays} stays of {figures.set_periods_free} free set-periods, {figures.sets} sets, "
            f"{figures.periods} periods, {figures.truck_km:,.0f} truck-km"
        )
    return f"term {figures.term}: {figures.candidates} candidates, {len(figures.what_ifs)} what-if re-plans"


def plan_lines(rows: Sequence[tuple[PlanKind, PlanRow]]) -> list[str]:
    """`rows`: (kind, PlanRow) pairs, newest first."""
    if not rows:
        return ["no plans stored 暂无方案; make one with `caravan-app plan tours` or `plan rotation`"]
    body = [
        [
            plan.name,
            KIND[kind],
            PLAN_STATUS.get(plan.status, str(plan.status)),
            _days(plan.start, plan.end),
            STATUS[plan.figures.status] if not isinstance(plan.figures, ConsolidationFigures) else "",
            figures_text(plan.figures),
        ]
        for kind, plan in rows
    ]
    header = ["name 名称", "kind 类型", "status 状态", "dates 日期", "solve 求解", "figures 指标"]
    return [f"{len(rows)} plan(s) 方案, newest first:", *table(header, body)]


def _run_plans(args: argparse.Namespace) -> None:
    from caravan_app.services.database import open_database
    from caravan_app.services.tour_plans import stored_plans

    db = open_database(args.db)
    try:
        kinds = [PlanKind(args.kind)] if args.kind else list(PlanKind)
        rows = [(kind, plan) for kind in kinds for plan in stored_plans(db, kind)]
    finally:
        db.dispose()
    rows.sort(key=lambda r: (r[1].created_at, r[1].id), reverse=True)
    print("\n".join(plan_lines(rows)))


# --- trips ------------------------------------------------------------------------------------------


def trip_lines(detail: TourPlanDetail, caravan: str | None = None) -> list[str]:
    """A tour plan's trips (a TourPlanDetail), in caravan and date order."""
    plan = detail.plan
    trips = [t for t in detail.trips if caravan is None or t.caravan_code == caravan]
    head = (
        f"tour plan 巡展方案 {plan.name} ({PLAN_STATUS.get(plan.status, str(plan.status))}, "
        f"{_days(plan.start, plan.end)}): {len(trips)} trip(s)"
        + (f" of caravan {caravan}" if caravan else "")
    )
    if not trips:
        return [head]
    body = [
        [
            t.code,
            f"{t.caravan_code} {t.plate}",
            _moment(t.leave_at),
            _moment(t.back_at),
            str(len(t.stops)),
            f"{t.km:,.0f}",
            " → ".join(dict.fromkeys(s.county for s in t.stops)),
        ]
        for t in trips
    ]
    header = [
        "trip 行程",
        "caravan 车辆",
        "leaves 出发",
        "back 返回",
        "stops 站点",
        "km 里程",
        "counties 县区",
    ]
    return [
        head,
        *table(header, body, right=frozenset({4, 5})),
        "a trip's field kit: caravan-app kit export --trip CODE --out FILE.ckit; "
        "its route sheet: caravan-app print route-sheets PLAN --trip CODE --out FILE.pdf",
    ]


def stay_lines(grid: RotationGrid) -> list[str]:
    """A rotation plan's stays (a RotationGrid), in period and set order."""
    plan = grid.plan
    head = (
        f"rotation plan 轮换方案 {plan.name} ({PLAN_STATUS.get(plan.status, str(plan.status))}, "
        f"{_days(plan.start, plan.end)}): {len(grid.stays)} stay(s)"
    )
    if not grid.stays:
        return [head]
    body = [
        [s.code, s.set_code, str(s.period + 1), _days(s.start, s.end), f"{s.venue_name} ({s.county})"]
        for s in sorted(grid.stays, key=lambda s: (s.period, s.set_code))
    ]
    header = ["placement 驻展", "set 套组", "period 期次", "dates 日期", "venue 场地"]
    return [
        head,
        *table(header, body, right=frozenset({2})),
        "a stay's field kit: caravan-app kit export --placement CODE --out FILE.ckit",
    ]


def _run_trips(args: argparse.Namespace) -> None:
    from caravan_app.services.database import open_database
    from caravan_app.services.rotation_grid import rotation_grid
    from caravan_app.services.tour_plans import stored_plans, tour_plan_detail

    db = open_database(args.db)
    try:
        found = {kind: stored_plans(db, kind) for kind in PlanKind}
        if args.plan is None:
            if not found[PlanKind.TOUR]:
                raise CaravanError("no tour plan is stored; make one with `caravan-app plan tours`")
            kind, plan = PlanKind.TOUR, found[PlanKind.TOUR][0]
        else:
            match = [(k, p) for k, plans in found.items() for p in plans if p.name == args.plan]
            if not match:
                raise CaravanError(f"no plan named {args.plan!r}; `caravan-app plans` lists them")
            kind, plan = match[0]
        if kind is PlanKind.TOUR:
            detail = tour_plan_detail(db, plan.id)
            if args.caravan and args.caravan not in detail.caravans:
                raise CaravanError(f"caravan {args.caravan!r} is not in plan {plan.name!r}")
            lines = trip_lines(detail, args.caravan)
        elif kind is PlanKind.ROTATION:
            if args.caravan:
                raise CaravanError("--caravan is for tour plans; a rotation plan moves museum sets")
            lines = stay_lines(rotation_grid(db, plan.id))
        else:
            raise CaravanError(
                f"{plan.name!r} is a consolidation plan, which has no trips; its re-plans are in "
                "`caravan-app print consolidation`"
            )
    finally:
        db.dispose()
    print("\n".join(lines))
