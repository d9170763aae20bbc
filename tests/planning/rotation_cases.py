"""Hand-made rotation problems for tests and benchmarks: periods, sets, halls with plain numbers."""

from __future__ import annotations

import random
from datetime import date, timedelta

from caravan_app.planning.problem import Point
from caravan_app.planning.rotation_problem import HostVenue, Period, Place, RotationProblem, RotationSet


def periods(
    count: int, first: date = date(2027, 3, 1), days: int = 61, window: int = 10
) -> tuple[Period, ...]:
    out = []
    start = first
    for t in range(count):
        end = start + timedelta(days=days - 1)
        changeover: list[date] = []
        day = start
        while len(changeover) < window:
            if day.weekday() < 5:
                changeover.append(day)
            day += timedelta(days=1)
        out.append(Period(t, start, end, tuple(changeover)))
        start = end + timedelta(days=1)
    return tuple(out)


DEPOT = Place("D-YZ", "扬州市科普物资库", Point(32.394, 119.413))


def rotation_set(code: str, **kw: object) -> RotationSet:
    values: dict[str, object] = {
        "code": code,
        "name": f"流动科技馆 {code}",
        "theme": "力学",
        "hall_area_m2": 500.0,
        "install_days": 3,
        "uninstall_days": 2,
        "truck_loads": 2,
        "home": DEPOT,
        "start": DEPOT,
    }
    values.update(kw)
    return RotationSet(**values)  # type: ignore[arg-type]


def hall(code: str, lat: float, lon: float, count: int, **kw: object) -> HostVenue:
    values: dict[str, object] = {
        "code": code,
        "name": f"{code} 科技馆",
        "county": "321023",
        "city": "321000",
        "location": Point(lat, lon),
        "hall_area_m2": 800.0,
        "periods": frozenset(range(count)),
    }
    values.update(kw)
    return HostVenue(**values)  # type: ignore[arg-type]


def base_problem() -> RotationProblem:
    """Two sets, three halls around Yangzhou, three periods: every set can be everywhere once."""
    halls = (
        hall("V-GY", 32.78, 119.44, 3, weight=20, key_county=True),  # 高邮
        hall("V-YZ", 32.32, 119.39, 3),  # 仪征
        hall("V-BY", 32.80, 119.06, 3, hall_area_m2=450.0),  # 宝应
    )
    sets = (rotation_set("MS-A", hall_area_m2=420.0), rotation_set("MS-B", hall_area_m2=600.0, truck_loads=3))
    return RotationProblem(sets, halls, periods(3))


def random_problem(
    rng: random.Random, sets: int, venues: int, count: int, *, window: int = 10, province_wide: float = 0.3
) -> RotationProblem:
    """A random province-like case: halls in 13 cities, city sets in their city, some province sets."""
    cities = [f"32{c:02d}00" for c in range(1, 14)]
    centre = {c: (31.0 + rng.random() * 3.5, 117.5 + rng.random() * 3.0) for c in cities}
    depots = {c: Place(f"D{c}", f"{c} 物资库", Point(*centre[c])) for c in cities}
    halls = []
    for i in range(venues):
        city = rng.choice(cities)
        lat, lon = centre[city]
        halls.append(
            hall(
                f"V{i:03d}",
                lat + rng.uniform(-0.4, 0.4),
                lon + rng.uniform(-0.4, 0.4),
                count,
                city=city,
                county=city[:4] + f"{rng.randint(2, 30):02d}",
                hall_area_m2=float(rng.randrange(400, 1201, 10)),
                periods=frozenset(t for t in range(count) if rng.random() < 0.85),
                weight=rng.choice((10, 10, 15, 20, 25)),
                key_county=rng.random() < 0.15,
            )
        )
    out_sets = []
    for i in range(sets):
        city = rng.choice(cities)
        out_sets.append(
            rotation_set(
                f"S{i:02d}",
                hall_area_m2=float(rng.randrange(400, 901, 10)),
                install_days=rng.randint(3, 5),
                uninstall_days=rng.randint(2, 3),
                truck_loads=rng.randint(2, 4),
                home=depots[city],
                start=depots[city],
                unavailable=frozenset({rng.randrange(count)}) if rng.random() < 0.1 else frozenset(),
                cities=frozenset() if rng.random() < province_wide else frozenset({city}),
            )
        )
    codes = [s.code for s in out_sets]
    halls = [
        HostVenue(**{**h.__dict__, "hosted_before": frozenset(c for c in codes if rng.random() < 0.1)})
        for h in halls
    ]
    return RotationProblem(tuple(out_sets), tuple(halls), periods(count, window=window))
