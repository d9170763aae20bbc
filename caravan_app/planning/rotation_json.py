"""Rotation problems and solutions as JSON: what `plan export --json` writes and an outside checker reads.

Dates are ISO strings, points {"lat", "lon"} (GCJ-02), sets of codes sorted lists.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from caravan_app.planning.problem import Point, SolveStatus
from caravan_app.planning.rotation_problem import (
    HostVenue,
    Period,
    Place,
    RotationLock,
    RotationProblem,
    RotationSet,
    RotationSolution,
    SetMove,
    Stay,
)

FORMAT = "caravan_app.rotation/1"


def _point(p: Point) -> dict[str, float]:
    return {"lat": p.lat, "lon": p.lon}


def _place(p: Place) -> dict[str, Any]:
    return {"code": p.code, "name": p.name, "location": _point(p.location)}


def _read_place(d: dict[str, Any]) -> Place:
    return Place(d["code"], d["name"], Point(d["location"]["lat"], d["location"]["lon"]))


def _days(days: tuple[date, ...]) -> list[str]:
    return [d.isoformat() for d in days]


def _read_days(items: list[str]) -> tuple[date, ...]:
    return tuple(date.fromisoformat(d) for d in items)


def problem_to_json(problem: RotationProblem) -> dict[str, Any]:
    return {
        "road_factor": problem.road_factor,
        "truck_km_per_day": problem.truck_km_per_day,
        "periods": [
            {
                "index": p.index,
                "start": p.start.isoformat(),
                "end": p.end.isoformat(),
                "changeover": _days(p.changeover),
            }
            for p in problem.periods
        ],
        "sets": [
            {
                "code": s.code,
                "name": s.name,
                "theme": s.theme,
                "hall_area_m2": s.hall_area_m2,
                "install_days": s.install_days,
                "uninstall_days": s.uninstall_days,
                "truck_loads": s.truck_loads,
                "home": _place(s.home),
                "start": _place(s.start),
                "start_installed": s.start_installed,
                "stays_at_start": s.stays_at_start,
                "unavailable": sorted(s.unavailable),
                "cities": sorted(s.cities),
            }
            for s in problem.sets
        ],
        "venues": [
            {
                "code": v.code,
                "name": v.name,
                "county": v.county,
                "city": v.city,
                "location": _point(v.location),
                "hall_area_m2": v.hall_area_m2,
                "periods": sorted(v.periods),
                "hosted_before": sorted(v.hosted_before),
                "weight": v.weight,
                "key_county": v.key_county,
            }
            for v in problem.venues
        ],
        "locks": [{"set": lk.set_code, "venue": lk.venue_code, "period": lk.period} for lk in problem.locks],
    }


def problem_from_json(data: dict[str, Any]) -> RotationProblem:
    return RotationProblem(
        periods=tuple(
            Period(
                p["index"],
                date.fromisoformat(p["start"]),
                date.fromisoformat(p["end"]),
                _read_days(p["changeover"]),
            )
            for p in data["periods"]
        ),
        sets=tuple(
            RotationSet(
                code=s["code"],
                name=s["name"],
                theme=s["theme"],
                hall_area_m2=s["hall_area_m2"],
                install_days=s["install_days"],
                uninstall_days=s["uninstall_days"],
                truck_loads=s["truck_loads"],
                home=_read_place(s["home"]),
                start=_read_place(s["start"]),
                start_installed=s["start_installed"],
                stays_at_start=s["stays_at_start"],
                unavailable=frozenset(s["unavailable"]),
                cities=frozenset(s["cities"]),
            )
            for s in data["sets"]
        ),
        venues=tuple(
            HostVenue(
                code=v["code"],
                name=v["name"],
                county=v["county"],
                city=v["city"],
                location=Point(v["location"]["lat"], v["location"]["lon"]),
                hall_area_m2=v["hall_area_m2"],
                periods=frozenset(v["periods"]),
                hosted_before=frozenset(v["hosted_before"]),
                weight=v["weight"],
                key_county=v["key_county"],
            )
            for v in data["venues"]
        ),
        locks=tuple(RotationLock(lk["set"], lk["venue"], lk["period"]) for lk in data["locks"]),
        road_factor=data["road_factor"],
        truck_km_per_day=data["truck_km_per_day"],
    )


def solution_to_json(solution: RotationSolution) -> dict[str, Any]:
    return {
        "status": solution.status.value,
        "hosted_weight": solution.hosted_weight,
        "hosted_bound": solution.hosted_bound,
        "truck_km": solution.truck_km,
        "truck_km_bound": solution.truck_km_bound,
        "solve_seconds": solution.solve_seconds,
        "stays": [
            {
                "set": st.set_code,
                "venue": st.venue_code,
                "period": st.period,
                "open_on": st.open_on.isoformat(),
                "close_on": st.close_on.isoformat(),
                "locked": st.locked,
            }
            for st in solution.stays
        ],
        "moves": [
            {
                "set": mv.set_code,
                "period": mv.period,
                "from": mv.from_code,
                "to": mv.to_code,
                "km": mv.km,
                "truck_loads": mv.truck_loads,
                "truck_km": round(mv.truck_km, 1),
                "uninstall": _days(mv.uninstall),
                "drive": _days(mv.drive),
                "install": _days(mv.install),
            }
            for mv in solution.moves
        ],
    }


def solution_from_json(data: dict[str, Any]) -> RotationSolution:
    return RotationSolution(
        stays=tuple(
            Stay(
                s["set"],
                s["venue"],
                s["period"],
                date.fromisoformat(s["open_on"]),
                date.fromisoformat(s["close_on"]),
                s.get("locked", False),
            )
            for s in data["stays"]
        ),
        moves=tuple(
            SetMove(
                set_code=m["set"],
                period=m["period"],
                from_code=m["from"],
                to_code=m["to"],
                km=m["km"],
                truck_loads=m["truck_loads"],
                uninstall=_read_days(m["uninstall"]),
                drive=_read_days(m["drive"]),
                install=_read_days(m["install"]),
            )
            for m in data["moves"]
        ),
        status=SolveStatus.read(data["status"]),
        hosted_weight=data["hosted_weight"],
        hosted_bound=data.get("hosted_bound"),
        truck_km=data["truck_km"],
        truck_km_bound=data.get("truck_km_bound"),
        solve_seconds=data.get("solve_seconds", 0.0),
    )
