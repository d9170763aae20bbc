"""A tour problem and its solution as JSON: what an outside checker needs to re-verify a plan.

The format is documented in README.md ("Tour plan JSON"). Dates are ISO strings, times of day are
"HH:MM", moments "YYYY-MM-DDTHH:MM", distances kilometres.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from caravan_app.domain.enums import CaravanType, Level
from caravan_app.planning.problem import (
    Calendar,
    JointTour,
    Lock,
    Point,
    SolveStatus,
    Stop,
    TourCaravan,
    TourProblem,
    TourRequest,
    TourSolution,
    Trip,
    Unserved,
    UnservedReason,
    Weights,
)

FORMAT = "caravan_app tour plan 1"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _moment(value: datetime) -> str:
    return value.isoformat(timespec="minutes")


def _days(days: frozenset[date]) -> list[str]:
    return sorted(d.isoformat() for d in days)


def problem_to_json(problem: TourProblem) -> dict[str, Any]:
    c = problem.calendar
    return {
        "horizon": {"start": c.start.isoformat(), "end": c.end.isoformat()},
        "calendar": {
            "working_weekdays": sorted(c.working_weekdays),
            "holidays": _days(c.holidays),
            "school_holidays": _days(c.school_holidays),
        },
        "settings": {
            "road_factor": problem.road_factor,
            "key_county_factor": problem.weights.key_county_factor,
            "township_factor": problem.weights.township_factor,
            "max_days_per_caravan": problem.max_days_per_caravan,
        },
        "caravans": [
            {
                "code": v.code,
                "type": v.type.value,
                "themes": sorted(v.themes),
                "owner_level": v.owner_level.value,
                "region_adcode": v.region,
                "depot_code": v.depot_code,
                "depot": {"lat": v.depot.lat, "lon": v.depot.lon},
                "unavailable": _days(v.unavailable),
                "crew_day": [_clock(v.crew_day_start), _clock(v.crew_day_end)],
                "max_drive_minutes_per_day": v.max_drive_minutes_per_day,
                "max_trip_days": v.max_trip_days,
                "speed_kmh": v.speed_kmh,
            }
            for v in problem.caravans
        ],
        "requests": [
            {
                "code": r.code,
                "venue_code": r.venue_code,
                "venue_name": r.venue_name,
                "location": {"lat": r.location.lat, "lon": r.location.lon},
                "county_adcode": r.county,
                "city_adcode": r.city,
                "key_county": r.key_county,
                "township": r.township,
                "dates": _days(r.dates),
                "hours": [_clock(r.open_from), _clock(r.open_to)],
                "show_minutes": r.show_minutes,
                "show_days": r.show_days,
                "types_allowed": sorted(t.value for t in r.types_allowed),
                "themes_wanted": sorted(r.themes_wanted),
                "priority": r.priority,
                "is_school": r.is_school,
                "lock": (
                    {
                        "caravan": r.lock.caravan,
                        "day": r.lock.day.isoformat(),
                        "not_before": r.lock.not_before,
                    }
                    if r.lock
                    else None
                ),
            }
            for r in problem.requests
        ],
        "joint_tours": [
            {
                "name": j.name,
                "caravans": sorted(j.caravans),
                "regions": sorted(j.regions),
                "last_day": j.last_day.isoformat() if j.last_day else None,
            }
            for j in problem.joint_tours
        ],
        "distance_km": [[a, b, km] for a, b, km in problem.distance_km],
    }


def solution_to_json(solution: TourSolution) -> dict[str, Any]:
    return {
        "status": solution.status.value,
        "objective": solution.objective,
        "solve_seconds": solution.solve_seconds,
        "trips": [
            {
                "caravan": t.caravan,
                "leave": _moment(t.leave),
                "back": _moment(t.back),
                "km": round(t.km, 3),
                "km_back": t.km_back,
                "stops": [
                    {
                        "request": s.request,
                        "venue_code": s.venue_code,
                        "arrive": _moment(s.arrive),
                        "show_start": _moment(s.show_start),
                        "show_end": _moment(s.show_end),
                        "km_from_previous": s.km_from_previous,
                        "locked": s.locked,
                    }
                    for s in t.stops
                ],
            }
            for t in solution.trips
        ],
        "unserved": [{"request": u.request, "reason": u.reason.value} for u in solution.unserved],
    }


def _day_set(values: list[str]) -> frozenset[date]:
    return frozenset(date.fromisoformat(v) for v in values)


def problem_from_json(data: dict[str, Any]) -> TourProblem:
    calendar = Calendar(
        start=date.fromisoformat(data["horizon"]["start"]),
        end=date.fromisoformat(data["horizon"]["end"]),
        working_weekdays=frozenset(data["calendar"]["working_weekdays"]),
        holidays=_day_set(data["calendar"]["holidays"]),
        school_holidays=_day_set(data["calendar"]["school_holidays"]),
    )
    caravans = tuple(
        TourCaravan(
            code=v["code"],
            type=CaravanType(v["type"]),
            themes=frozenset(v["themes"]),
            owner_level=Level(v["owner_level"]),
            region=v["region_adcode"],
            depot_code=v["depot_code"],
            depot=Point(v["depot"]["lat"], v["depot"]["lon"]),
            unavailable=_day_set(v["unavailable"]),
            crew_day_start=_minutes(v["crew_day"][0]),
            crew_day_end=_minutes(v["crew_day"][1]),
            max_drive_minutes_per_day=v["max_drive_minutes_per_day"],
            max_trip_days=v["max_trip_days"],
            speed_kmh=v["speed_kmh"],
        )
        for v in data["caravans"]
    )
    requests = tuple(
        TourRequest(
            code=r["code"],
            venue_code=r["venue_code"],
            venue_name=r["venue_name"],
            location=Point(r["location"]["lat"], r["location"]["lon"]),
            county=r["county_adcode"],
            city=r["city_adcode"],
            key_county=r["key_county"],
            township=r["township"],
            dates=_day_set(r["dates"]),
            open_from=_minutes(r["hours"][0]),
            open_to=_minutes(r["hours"][1]),
            show_minutes=r["show_minutes"],
            show_days=r["show_days"],
            types_allowed=frozenset(CaravanType(t) for t in r["types_allowed"]),
            themes_wanted=frozenset(r["themes_wanted"]),
            priority=r["priority"],
            is_school=r["is_school"],
            lock=(
                Lock(r["lock"]["caravan"], date.fromisoformat(r["lock"]["day"]), r["lock"].get("not_before"))
                if r["lock"]
                else None
            ),
        )
        for r in data["requests"]
    )
    settings = data["settings"]
    return TourProblem(
        caravans=caravans,
        requests=requests,
        calendar=calendar,
        joint_tours=tuple(
            JointTour(
                j["name"],
                frozenset(j["caravans"]),
                frozenset(j["regions"]),
                date.fromisoformat(j["last_day"]) if j.get("last_day") else None,
            )
            for j in data["joint_tours"]
        ),
        weights=Weights(settings["key_county_factor"], settings["township_factor"]),
        road_factor=settings["road_factor"],
        distance_km=tuple((a, b, float(km)) for a, b, km in data["distance_km"]),
        max_days_per_caravan=settings.get("max_days_per_caravan"),
    )


def solution_from_json(data: dict[str, Any]) -> TourSolution:
    return TourSolution(
        trips=tuple(
            Trip(
                caravan=t["caravan"],
                leave=datetime.fromisoformat(t["leave"]),
                back=datetime.fromisoformat(t["back"]),
                stops=tuple(
                    Stop(
                        request=s["request"],
                        venue_code=s["venue_code"],
                        arrive=datetime.fromisoformat(s["arrive"]),
                        show_start=datetime.fromisoformat(s["show_start"]),
                        show_end=datetime.fromisoformat(s["show_end"]),
                        km_from_previous=s["km_from_previous"],
                        locked=s["locked"],
                    )
                    for s in t["stops"]
                ),
                km_back=t["km_back"],
            )
            for t in data["trips"]
        ),
        unserved=tuple(Unserved(u["request"], UnservedReason(u["reason"])) for u in data["unserved"]),
        status=SolveStatus.read(data["status"]),
        objective=data["objective"],
        solve_seconds=data["solve_seconds"],
    )
