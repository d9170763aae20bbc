"""A fictional demo province to try the program on: Jiangsu's real divisions filled with invented
depots, workshops, caravans, museum sets, exhibits and venues, one year of history and a spring term
of open requests.

Everything is drawn from one `random.Random(seed)` in a fixed order and nothing depends on today's
date, so one seed gives identical rows on SQLite and PostgreSQL. The history year runs 2025-12-01 ..
2026-11-30; the open requests are for the spring 2027 school term. The data is shaped to exercise
the planners and reports: a few old high-mileage caravans with costly repairs, uneven and mostly low
caravan use, worn exhibits past their service life, half-depleted sets, and more demand in the 12
key-assistance counties. Names, addresses and phone numbers are made up; phone numbers follow the
1380000xxxx / 0xxx-8000xxxx patterns so that nobody real is called.
"""

from __future__ import annotations

import csv
import json
import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caravan_app import log
from caravan_app.domain.enums import (
    THEMES,
    CaravanStatus,
    CaravanType,
    CheckContext,
    ConditionGrade,
    DivisionKind,
    ExhibitStatus,
    ExhibitUse,
    Level,
    MaintenanceKind,
    RequestKind,
    RequestStatus,
    SetStatus,
    VenueKind,
    join_themes,
    split_themes,
)
from caravan_app.domain.weekdays import ALL_WEEKDAYS, SCHOOL_WEEKDAYS, is_open_on
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    ConditionCheck,
    Depot,
    Event,
    Exhibit,
    ExhibitSet,
    JointTour,
    JointTourCaravan,
    JointTourRegion,
    MaintenanceRecord,
    Movement,
    Region,
    SetMembership,
    SetPlacement,
    Venue,
    VisitRequest,
    Workshop,
)
from caravan_app.planning.distance import great_circle_km
from caravan_app.planning.problem import DEFAULT_ROAD_FACTOR, Point
from caravan_app.services.database import TableCounts, count_rows
from caravan_app.services.demo_material import (
    CARAVAN_BIG_FAULTS,
    CARAVAN_FAULTS,
    CATALOGUE,
    COMMUNITY_NAMES,
    EXHIBIT_FAULTS,
    GIVEN,
    RELATED,
    ROADS,
    SCHOOL_WORDS,
    SET_DEFS,
    SURNAMES,
    TOWN_HEADS,
    TOWN_TAILS,
)
from caravan_app.settings import REFERENCE_DIR

_log = log.get(log.DEMO)

T = TypeVar("T")

DEFAULT_SEED = 2027

HISTORY_START = date(2025, 12, 1)
HISTORY_END = date(2026, 11, 30)
TERM_START = date(2027, 2, 22)
TERM_END = date(2027, 7, 2)

# The steps of the build, in order, as build_demo reports them (the first start shows them while it waits).
STEPS: tuple[str, ...] = (
    "regions", "depots", "venues", "caravans", "history", "exhibits", "requests", "saving",
)  # fmt: skip


def _span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# Public holidays of the history year (approximately the State Council's 2026 schedule): no shows.
HISTORY_HOLIDAYS: frozenset[date] = frozenset(
    _span(date(2026, 1, 1), date(2026, 1, 3))
    + _span(date(2026, 2, 15), date(2026, 2, 23))
    + _span(date(2026, 4, 4), date(2026, 4, 6))
    + _span(date(2026, 5, 1), date(2026, 5, 5))
    + _span(date(2026, 6, 19), date(2026, 6, 21))
    + _span(date(2026, 9, 25), date(2026, 9, 27))
    + _span(date(2026, 10, 1), date(2026, 10, 7))
)
# Schools are closed in the winter and summer holidays, so no school shows then.
SCHOOL_BREAKS: tuple[tuple[date, date], ...] = (
    (date(2026, 1, 24), date(2026, 2, 28)),
    (date(2026, 7, 4), date(2026, 8, 31)),
)
# Holidays inside the spring 2027 term: Qingming, Labour Day, Dragon Boat.
TERM_HOLIDAYS: frozenset[date] = frozenset(
    [date(2027, 4, 5)] + _span(date(2027, 5, 1), date(2027, 5, 5)) + [date(2027, 6, 9)]
)

KEY_COUNTIES: tuple[str, ...] = (
    "320321", "320324", "320723", "320724", "320804", "320826",
    "320921", "320922", "321311", "321322", "321323", "321324",
)  # fmt: skip

# Licence-plate letter and telephone area code of each city (province-owned caravans are in Nanjing).
_PLATE_LETTER = {
    "3201": "A", "3202": "B", "3203": "C", "3204": "D", "3205": "E", "3206": "F", "3207": "G",
    "3208": "H", "3209": "J", "3210": "K", "3211": "L", "3212": "M", "3213": "N",
}  # fmt: skip
_AREA_CODE = {
    "3201": "025", "3202": "0510", "3203": "0516", "3204": "0519", "3205": "0512", "3206": "0513",
    "3207": "0518", "3208": "0517", "3209": "0515", "3210": "0514", "3211": "0511", "3212": "0523",
    "3213": "0527",
}  # fmt: skip

_DIVISIONS = {"市辖区": DivisionKind.DISTRICT, "县": DivisionKind.COUNTY, "县级市": DivisionKind.COUNTY_CITY}

# Hours a show may run, by kind of venue: schools during lessons, halls at their opening hours.
_OPEN_HOURS = {
    VenueKind.SCHOOL: (clock(8, 0), clock(16, 30)),
    VenueKind.SCIENCE_HALL: (clock(9, 0), clock(17, 0)),
    VenueKind.COMMUNITY: (clock(8, 30), clock(18, 0)),
}
_DEFAULT_HOURS = (clock(8, 30), clock(17, 30))

_LEVELS = {
    "省": Level.PROVINCE,
    "地级市": Level.CITY,
    "市辖区": Level.COUNTY,
    "县": Level.COUNTY,
    "县级市": Level.COUNTY,
}

# --- geography ----------------------------------------------------------------------------------


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle km between two (lat, lon) points, as the planner measures them."""
    return great_circle_km(Point(*a), Point(*b))


def _road_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return round(_km(a, b) * DEFAULT_ROAD_FACTOR, 1)


class _Boundaries:
    """Region polygons from the reference GeoJSON, to keep invented places on land and in their region."""

    # About 500 m: the GCJ-02 coordinates and the WGS-84 polygons differ by that much.
    MARGIN = 0.005

    def __init__(self, reference_dir: Path) -> None:
        self.rings: dict[str, list[list[tuple[float, float]]]] = {}
        for name in ("province", "cities", "counties"):
            data = json.loads((reference_dir / f"{name}.geojson").read_text(encoding="utf-8"))
            for feature in data["features"]:
                geometry = feature["geometry"]
                polygons = geometry["coordinates"]
                if geometry["type"] == "Polygon":
                    polygons = [polygons]
                adcode = str(feature["properties"]["gb"])[3:]
                self.rings[adcode] = [[(float(x), float(y)) for x, y in ring] for p in polygons for ring in p]

    def _inside(self, adcode: str, lat: float, lon: float) -> bool:
        inside = False
        for ring in self.rings[adcode]:
            x0, y0 = ring[-1]
            for x1, y1 in ring:
                if (y1 > lat) != (y0 > lat) and lon < (x0 - x1) * (lat - y1) / (y0 - y1) + x1:
                    inside = not inside
                x0, y0 = x1, y1
        return inside

    def contains(self, adcode: str, lat: float, lon: float) -> bool:
        if adcode not in self.rings:
            return True
        m = self.MARGIN
        return all(
            self._inside(adcode, lat + a, lon + b) for a, b in ((0, 0), (m, 0), (-m, 0), (0, m), (0, -m))
        )


# --- dates --------------------------------------------------------------------------------------


def _in_school_break(day: date) -> bool:
    return any(first <= day <= last for first, last in SCHOOL_BREAKS)


def _years_between(first: date, last: date) -> float:
    return (last - first).days / 365.25


def build_demo(
    db: Database, seed: int = DEFAULT_SEED, on_step: Callable[[str], object] | None = None
) -> TableCounts:
    """Fill an empty, migrated database with the demo province in one transaction (no audit rows).
    `on_step` hears each of STEPS as it begins.

    Raises CaravanError, and writes nothing, if the database already holds regions or caravans.
    """
    started = time.monotonic()
    with db.session(audited=False) as session:
        regions = session.scalar(select(func.count()).select_from(Region)) or 0
        caravans = session.scalar(select(func.count()).select_from(Caravan)) or 0
        if regions or caravans:
            raise CaravanError(
                f"the demo fills an empty database only, and {db.describe()} already holds "
                f"{regions} regions and {caravans} caravans; nothing was changed. "
                "Build the demo into a new database instead."
            )
        _Demo(session, seed, on_step).build()
        counts = count_rows(session)
    _log.info(
        "demo built with seed %s in %.1f s: %s", seed, time.monotonic() - started, "; ".join(counts.lines())
    )
    return counts


# --- the build ----------------------------------------------------------------------------------

_Place = tuple[str, int]  # ("depot" | "caravan" | "set" | "workshop", row id)


@dataclass
class _Town:
    name: str
    lat: float
    lon: float


@dataclass(eq=False)
class _CaravanPlan:
    row: Caravan
    profile: str
    depot: Depot
    city: str  # four-digit city prefix of the owner
    stops_from: date | None = None  # in the workshop from this day on (status maintenance)
    shows: list[tuple[date, Venue, float, int, str, str]] = field(default_factory=list)


@dataclass(eq=False)
class _Piece:
    """An exhibit being made, with its history of places; the last place is where it is now."""

    row: Exhibit
    steps: list[tuple[datetime, _Place, str]] = field(default_factory=list)
    special: bool = False  # already given a repair, transfer or retirement story

    @property
    def place(self) -> _Place:
        return self.steps[-1][1]


# The 30 caravans, "type profile" per owner level: type I never below city level, vans mostly in the
# counties; one city has no caravan of its own.
_FLEET: dict[Level, tuple[str, ...]] = {
    Level.PROVINCE: ("I heavy_old", "I normal", "II heavy_old", "II busy"),
    Level.CITY: (
        "I heavy_old", "I normal", "I old_light", "II heavy_old", "II busy", "II old_light", "II normal",
        "III old_light", "III normal", "III low", "III low", "III idle",
    ),
    Level.COUNTY: (
        "III old_light", "III normal", "III normal", "III low", "IV old_light", "IV normal", "IV normal",
        "IV normal", "IV normal", "IV low", "IV low", "IV low", "IV idle", "IV idle",
    ),
}  # fmt: skip
# Caravan profiles: (shows in the history year, km a year in earlier years). Old heavy caravans ran
# long tours for years and are past 100,000 km; most others see little use.
_PROFILES: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "heavy_old": ((25, 45), (7600, 11000)),
    "old_light": ((6, 18), (600, 2000)),
    "busy": ((45, 65), (2500, 4500)),
    "normal": ((25, 45), (1200, 3000)),
    "low": ((8, 20), (600, 1500)),
    "idle": ((2, 6), (300, 800)),
}
_TYPE_SPECS: dict[CaravanType, tuple[int, tuple[int, int], tuple[int, int]]] = {
    # slots, crew range, value range in yuan
    CaravanType.I: (60, (3, 4), (1_000_000, 1_200_000)),
    CaravanType.II: (48, (3, 4), (700_000, 900_000)),
    CaravanType.III: (36, (2, 3), (450_000, 600_000)),
    CaravanType.IV: (24, (2, 2), (300_000, 380_000)),
}
_VISITORS = {
    VenueKind.SCHOOL: (300, 1500),
    VenueKind.TOWNSHIP_CENTRE: (200, 1000),
    VenueKind.VILLAGE: (100, 500),
    VenueKind.COMMUNITY: (150, 800),
    VenueKind.SCIENCE_HALL: (300, 1200),
    VenueKind.OTHER: (150, 700),
}
_ACTIVITY = {
    VenueKind.SCHOOL: "科普大篷车进校园",
    VenueKind.TOWNSHIP_CENTRE: "科普大篷车进乡镇",
    VenueKind.VILLAGE: "科普大篷车进乡村",
    VenueKind.COMMUNITY: "科普大篷车进社区",
    VenueKind.SCIENCE_HALL: "科普大篷车进科技馆",
    VenueKind.OTHER: "科普大篷车科普展演",
}
_GRADES = (ConditionGrade.A, ConditionGrade.B, ConditionGrade.C, ConditionGrade.D)


class _Demo:
    """The demo province, built step by step into one session."""

    def __init__(self, session: Session, seed: int, on_step: Callable[[str], object] | None = None) -> None:
        self.session = session
        self.on_step = on_step
        self.rng = random.Random(seed)
        self.bounds = _Boundaries(REFERENCE_DIR)
        self.regions: dict[str, Region] = {}
        self.division_level: dict[str, str] = {}
        self.towns: dict[str, list[_Town]] = {}
        self.used_town_names: set[str] = set()
        self.depots: dict[str, Depot] = {}
        self.workshops: list[tuple[Workshop, tuple[float, float]]] = []
        self.venues: list[Venue] = []
        self.venues_of_county: dict[str, list[Venue]] = {}
        self.used_venue_names: set[str] = set()
        self.caravans: list[_CaravanPlan] = []
        self.sets: list[ExhibitSet] = []
        self.set_created: dict[str, date] = {}
        self.placements: list[tuple[ExhibitSet, Venue, date, date, float]] = []
        self.pieces: list[_Piece] = []
        self.staff = [self.person() for _ in range(14)]
        # Rows made before their ids exist; written once the rows they point to are flushed.
        self.memberships: list[tuple[ExhibitSet, _Piece, date, date | None]] = []
        self.checks: list[tuple[_Piece, date, CheckContext, ConditionGrade | None, str]] = []
        self.maintenance: list[tuple[MaintenanceRecord, _Piece | _CaravanPlan]] = []

    # --- small draws ---------------------------------------------------------------------------

    def pick(self, items: Sequence[T], weights: Sequence[float] | None = None) -> T:
        if weights is None:
            return items[self.rng.randrange(len(items))]
        return self.rng.choices(items, weights=weights, k=1)[0]

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def moment(self, day: date) -> datetime:
        return datetime.combine(day, clock(self.rng.randint(8, 16), self.rng.choice((0, 15, 30, 45))))

    def person(self) -> str:
        given = "".join(self.pick(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
        return self.pick(SURNAMES) + given

    def phone(self, adcode: str) -> str:
        if self.rng.random() < 0.6:
            return f"1{self.pick(('38', '39'))}0000{self.rng.randint(0, 9999):04d}"
        return f"{_AREA_CODE[adcode[:4]]}-8000{self.rng.randint(0, 9999):04d}"

    def point_near(
        self, adcode: str, centre: tuple[float, float], max_km: float, min_km: float = 0.0
    ) -> tuple[float, float]:
        """A point min_km..max_km from centre inside the region's polygon (the centre if none is found)."""
        for attempt in range(60):
            reach = max_km * (1 - attempt / 80)
            r = min(min_km, reach) + (reach - min(min_km, reach)) * math.sqrt(self.rng.random())
            angle = self.rng.random() * 2 * math.pi
            lat = centre[0] + r * math.sin(angle) / 110.57
            lon = centre[1] + r * math.cos(angle) / (111.32 * math.cos(math.radians(centre[0])))
            if self.bounds.contains(adcode, lat, lon):
                return round(lat, 6), round(lon, 6)
        return round(centre[0], 6), round(centre[1], 6)

    def town_name(self, suffix: str) -> str:
        while True:
            name = self.pick(TOWN_HEADS) + self.pick(TOWN_TAILS)
            if name + suffix not in self.used_town_names:
                self.used_town_names.add(name + suffix)
                return name + suffix

    @staticmethod
    def at(obj: Region | Depot | Venue) -> tuple[float, float]:
        return (obj.lat, obj.lon)

    def city_of(self, adcode: str) -> Region:
        return self.regions[adcode[:4] + "00"]

    def is_urban(self, county: Region) -> bool:
        return county.division == DivisionKind.DISTRICT and county.adcode not in KEY_COUNTIES

    # --- steps ---------------------------------------------------------------------------------

    def step(self, name: str) -> None:
        assert name in STEPS, name
        if self.on_step is not None:
            self.on_step(name)

    def build(self) -> None:
        # Rows are planned whole before they are added, and flushed in dependency order to get ids;
        # nothing is changed after its insert, so no row is written twice and every version stays 1.
        self.step("regions")
        self.make_regions()
        self.make_towns()
        self.step("depots")
        self.make_depots()
        self.make_workshops()
        self.step("venues")
        self.make_venues()
        self.step("caravans")
        self.plan_caravans()
        self.plan_sets()
        self.plan_placements()
        self.step("history")
        self.plan_shows()
        self.session.add_all([c.row for c in self.caravans])
        self.session.add_all(self.sets)
        self.session.flush()
        self.write_placements_and_events()
        self.step("exhibits")
        self.make_kit_exhibits()
        self.make_museum_exhibits()
        self.add_checks()
        for use, letter in ((ExhibitUse.CARAVAN_KIT, "K"), (ExhibitUse.MUSEUM_SET, "M")):
            numbered = [p for p in self.pieces if p.row.use == use]
            for number, piece in enumerate(numbered, start=1):
                piece.row.code = f"EX-{letter}{number:05d}"
        for piece in self.pieces:
            kind, key = piece.place
            setattr(piece.row, f"{kind}_id", key)
        self.session.add_all([p.row for p in self.pieces])
        self.session.flush()
        self.write_exhibit_history()
        self.write_caravan_maintenance()
        self.step("requests")
        self.make_joint_tours()
        self.make_requests()
        self.step("saving")
        self.session.flush()

    def make_regions(self) -> None:
        with (REFERENCE_DIR / "divisions.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for level in (Level.PROVINCE, Level.CITY, Level.COUNTY):
            batch = []
            for row in rows:
                if _LEVELS[row["level"]] != level:
                    continue
                parent = self.regions.get(row["parent"])
                region = Region(
                    adcode=row["adcode"],
                    name=row["name"],
                    level=level,
                    division=_DIVISIONS.get(row["level"]),
                    parent_id=parent.id if parent else None,
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    is_key_county=row["adcode"] in KEY_COUNTIES,
                )
                self.regions[row["adcode"]] = region
                self.division_level[row["adcode"]] = row["level"]
                batch.append(region)
            self.session.add_all(batch)
            self.session.flush()
        self.province = self.regions["320000"]
        self.cities = [r for r in self.regions.values() if r.level == Level.CITY]
        self.counties = [r for r in self.regions.values() if r.level == Level.COUNTY]

    def make_towns(self) -> None:
        """Invented townships per county: the county seat's street first, then towns (or streets)."""
        for county in self.counties:
            centre = self.at(county)
            seat = self.town_name("街道")
            towns = [_Town(seat, *self.point_near(county.adcode, centre, 2.0))]
            if self.is_urban(county):
                towns.append(_Town(self.town_name("街道"), *self.point_near(county.adcode, centre, 4.0, 1.0)))
            else:
                for _ in range(self.rng.randint(2, 4)):
                    name = self.town_name("镇" if self.rng.random() < 0.8 else "乡")
                    towns.append(_Town(name, *self.point_near(county.adcode, centre, 12.0, 3.0)))
            self.towns[county.adcode] = towns

    def street(self) -> str:
        return f"{self.pick(ROADS)}{self.rng.randint(1, 199)}号"

    def address(self, county: Region, town: str, tail: str = "") -> str:
        return f"{self.city_of(county.adcode).name}{county.name}{town}{self.street()}{tail}"

    def nearest_district(self, city: Region, point: tuple[float, float]) -> Region:
        own = [c for c in self.counties if c.adcode[:4] == city.adcode[:4]]
        return min(own, key=lambda c: (_km(self.at(c), point), c.adcode))

    def make_depots(self) -> None:
        nanjing = self.regions["320100"]
        rows: list[Depot] = []
        lat, lon = self.point_near("320100", self.at(nanjing), 6.0, 2.0)
        district = self.nearest_district(nanjing, (lat, lon))
        rows.append(
            Depot(
                code="D320000",
                name="江苏省科协流动科普设施总库",
                owner_level=Level.PROVINCE,
                region_id=self.province.id,
                address=f"南京市{district.name}{self.street()} 省科技馆后勤库房",
                lat=lat,
                lon=lon,
            )
        )
        for city in self.cities:
            lat, lon = self.point_near(city.adcode, self.at(city), 5.0, 2.0)
            district = self.nearest_district(city, (lat, lon))
            rows.append(
                Depot(
                    code=f"D{city.adcode}",
                    name=f"{city.name}科协科普物资库",
                    owner_level=Level.CITY,
                    region_id=city.id,
                    address=f"{city.name}{district.name}{self.street()} 市科技馆库房",
                    lat=lat,
                    lon=lon,
                )
            )
        # Key counties all keep a caravan depot; a few other rural counties too.
        plain_counties = [
            c for c in self.counties if self.division_level[c.adcode] == "县" and not c.is_key_county
        ]
        county_cities = [c for c in self.counties if self.division_level[c.adcode] == "县级市"]
        chosen = [self.regions[a] for a in KEY_COUNTIES]
        chosen += self.rng.sample(plain_counties, 6) + self.rng.sample(county_cities, 2)
        for county in sorted(chosen, key=lambda c: c.adcode):
            lat, lon = self.point_near(county.adcode, self.at(county), 5.0, 1.5)
            rows.append(
                Depot(
                    code=f"D{county.adcode}",
                    name=f"{county.name}科普大篷车库房",
                    owner_level=Level.COUNTY,
                    region_id=county.id,
                    address=self.address(county, self.towns[county.adcode][0].name, " 县科协库房"),
                    lat=lat,
                    lon=lon,
                )
            )
        self.session.add_all(rows)
        self.session.flush()
        self.depots = {d.code[1:]: d for d in rows}

    def make_workshops(self) -> None:
        specs = (
            ("W01", "江苏省流动科普展品维修中心", "320000", "320100"),
            ("W02", "徐州市科普展品维修站", "320300", "320300"),
            ("W03", "盐城市科普展品维修站", "320900", "320900"),
            ("W04", "泰州市科普展品维修站", "321200", "321200"),
        )
        rows = []
        for code, name, adcode, located in specs:
            city = self.regions[located]
            point = self.point_near(located, self.at(city), 6.0, 2.0)
            district = self.nearest_district(city, point)
            row = Workshop(
                code=code,
                name=name,
                region_id=self.regions[adcode].id,
                address=f"{city.name}{district.name}{self.street()}",
                lat=point[0],
                lon=point[1],
            )
            rows.append(row)
            self.workshops.append((row, point))
        self.session.add_all(rows)
        self.session.flush()

    def add_venue(
        self,
        county: Region,
        town: _Town,
        kind: VenueKind,
        name: str,
        *,
        reach_km: float,
        address_tail: str = "",
        village: str = "",
    ) -> None:
        if name in self.used_venue_names:
            # Two districts share a name (鼓楼区 in Nanjing and Xuzhou): the city tells them apart.
            name = self.city_of(county.adcode).name + name
            if name in self.used_venue_names:
                return
        self.used_venue_names.add(name)
        lat, lon = self.point_near(county.adcode, (town.lat, town.lon), reach_km)
        urban = self.is_urban(county)
        if kind == VenueKind.SCHOOL:
            weekdays = SCHOOL_WEEKDAYS
        elif kind == VenueKind.SCIENCE_HALL:
            weekdays = "234567"  # county science halls close on Mondays
        else:
            weekdays = ALL_WEEKDAYS if self.rng.random() < 0.6 else "23456"
        hall: float | None = None
        if kind == VenueKind.SCIENCE_HALL:
            hall = float(self.rng.randrange(400, 1201, 10))
        elif kind == VenueKind.TOWNSHIP_CENTRE:
            hall = float(self.rng.randrange(120, 351, 10))
        parking = kind == VenueKind.SCIENCE_HALL or self.rng.random() < (0.55 if urban else 0.92)
        address = (
            f"{self.city_of(county.adcode).name}{county.name}{town.name}{village}村委会旁"
            if village
            else self.address(county, town.name, address_tail)
        )
        venues = self.venues_of_county.setdefault(county.adcode, [])
        venue = Venue(
            code=f"V{county.adcode}{len(venues) + 1:02d}",
            name=name,
            kind=kind,
            county_id=county.id,
            township=town.name,
            address=address,
            lat=lat,
            lon=lon,
            contact_name=self.person(),
            contact_phone=self.phone(county.adcode),
            hall_area_m2=hall,
            caravan_parking=parking,
            open_weekdays=weekdays,
            open_from=_OPEN_HOURS.get(kind, _DEFAULT_HOURS)[0],
            open_to=_OPEN_HOURS.get(kind, _DEFAULT_HOURS)[1],
        )
        venues.append(venue)
        self.venues.append(venue)

    def make_venues(self) -> None:
        for county in self.counties:
            towns = self.towns[county.adcode]
            c = county.name
            if self.is_urban(county):
                # City districts: few venues, mostly schools and communities.
                for i in range(self.rng.randint(2, 3)):
                    town = towns[i % len(towns)]
                    if i == 0 or (i == 2 and self.rng.random() < 0.4):
                        word = self.pick(SCHOOL_WORDS)
                        name = f"{c}{word}{self.pick(('小学', '小学', '中学', '学校'))}"
                        self.add_venue(county, town, VenueKind.SCHOOL, name, reach_km=2.5)
                    elif i == 1 or self.rng.random() < 0.8:
                        community = self.pick(COMMUNITY_NAMES)
                        tail = self.pick(("社区党群服务中心", "社区新时代文明实践站", "社区服务中心"))
                        self.add_venue(
                            county, town, VenueKind.COMMUNITY, f"{c}{community}{tail}", reach_km=2.5
                        )
                    else:
                        self.add_venue(county, town, VenueKind.OTHER, f"{c}青少年活动中心", reach_km=2.5)
                continue
            seat = towns[0]
            self.add_venue(
                county, seat, VenueKind.SCIENCE_HALL, f"{c}科技馆", reach_km=2.0, address_tail=" 科技馆"
            )
            if self.rng.random() < 0.5:
                self.add_venue(county, seat, VenueKind.SCHOOL, f"{c}实验小学", reach_km=2.5)
            if self.rng.random() < 0.3:
                self.add_venue(county, seat, VenueKind.OTHER, f"{c}青少年活动中心", reach_km=2.5)
            for town in towns[1:]:
                self.add_venue(
                    county, town, VenueKind.TOWNSHIP_CENTRE, f"{c}{town.name}综合文化站", reach_km=1.0
                )
                school = self.pick(("中心小学", "中心小学", "初级中学", "中学"))
                self.add_venue(county, town, VenueKind.SCHOOL, f"{c}{town.name}{school}", reach_km=1.5)
                villages = 1 if self.rng.random() < 0.6 else 0
                villages += 1 if self.rng.random() < 0.15 else 0
                for _ in range(villages):
                    village = self.pick(TOWN_HEADS) + self.pick(TOWN_TAILS)
                    tail = self.pick(("村文化礼堂", "村党群服务中心", "村新时代文明实践站"))
                    self.add_venue(
                        county,
                        town,
                        VenueKind.VILLAGE,
                        f"{c}{town.name}{village}{tail}",
                        reach_km=3.0,
                        village=village,
                    )
        self.session.add_all(self.venues)
        self.session.flush()

    # --- caravans ------------------------------------------------------------------------------

    def plan_caravans(self) -> None:
        """30 caravans: 4 provincial, 12 city (one city has none), 14 county."""
        specs: list[tuple[Level, Region, Depot, CaravanType, str]] = []
        for item in _FLEET[Level.PROVINCE]:
            type_, profile = item.split()
            specs.append((Level.PROVINCE, self.province, self.depots["320000"], CaravanType(type_), profile))
        city_fleet = list(_FLEET[Level.CITY])
        self.rng.shuffle(city_fleet)
        cities = sorted(self.rng.sample(self.cities, len(city_fleet)), key=lambda c: c.adcode)
        for city, item in zip(cities, city_fleet, strict=True):
            type_, profile = item.split()
            specs.append((Level.CITY, city, self.depots[city.adcode], CaravanType(type_), profile))
        county_fleet = list(_FLEET[Level.COUNTY])
        self.rng.shuffle(county_fleet)
        county_depots = [d for d in self.depots.values() if d.owner_level == Level.COUNTY]
        homes = sorted(self.rng.sample(county_depots, len(county_fleet)), key=lambda d: d.code)
        for depot, item in zip(homes, county_fleet, strict=True):
            type_, profile = item.split()
            specs.append((Level.COUNTY, self.regions[depot.code[1:]], depot, CaravanType(type_), profile))

        plates: set[str] = set()
        for number, (level, owner, depot, type_, profile) in enumerate(specs, start=1):
            slots, crew, value = _TYPE_SPECS[type_]
            if profile == "heavy_old":
                since = date(self.rng.randint(2008, 2011), self.rng.randint(1, 12), self.rng.randint(1, 28))
            elif profile == "old_light":
                since = date(self.rng.randint(2010, 2015), self.rng.randint(1, 12), self.rng.randint(1, 28))
            else:
                since = date(self.rng.randint(2017, 2025), self.rng.randint(1, 10), self.rng.randint(1, 28))
            city_prefix = "3201" if level == Level.PROVINCE else owner.adcode[:4]
            while True:
                plate = f"苏{_PLATE_LETTER[city_prefix]}·K{self.rng.randint(1000, 9999)}"
                if plate not in plates:
                    plates.add(plate)
                    break
            theme_count = 3 if type_ in (CaravanType.I, CaravanType.II) else self.rng.choice((2, 2, 3))
            row = Caravan(
                code=f"CV{number:02d}",
                plate=plate,
                type=type_,
                owner_level=level,
                owner_region_id=owner.id,
                home_depot_id=depot.id,
                exhibit_slots=slots,
                crew_size=self.rng.randint(*crew),
                in_service_since=since,
                odometer_km=0.0,
                odometer_read_on=HISTORY_END,
                value_yuan=float(self.rng.randrange(value[0], value[1] + 1, 10_000)),
                status=CaravanStatus.IN_SERVICE,
                themes=join_themes(self.rng.sample(THEMES, theme_count)),
            )
            self.caravans.append(_CaravanPlan(row, profile, depot, city_prefix))

        # A few caravans are off the road at the end of the year: in the workshop or kept in reserve.
        taken: list[_CaravanPlan] = []
        for profile, status in (
            ("heavy_old", CaravanStatus.MAINTENANCE),
            ("old_light", CaravanStatus.MAINTENANCE),
            ("normal", CaravanStatus.MAINTENANCE),
            ("idle", CaravanStatus.RESERVE),
            ("old_light", CaravanStatus.RESERVE),
        ):
            plan = self.pick([c for c in self.caravans if c.profile == profile and c not in taken])
            taken.append(plan)
            plan.row.status = status
            if status == CaravanStatus.MAINTENANCE:
                plan.stops_from = self.day_between(date(2026, 10, 1), date(2026, 11, 20))

    def caravan_venue_weights(self, plan: _CaravanPlan) -> list[float]:
        level = plan.row.owner_level
        owner_adcode = plan.depot.code[1:]
        weights = []
        for venue in self.venues:
            adcode = venue.code[1:7]
            key = adcode in KEY_COUNTIES
            if not venue.caravan_parking:
                weights.append(0.0)
            elif level == Level.COUNTY:
                weights.append(
                    1.0 if adcode == owner_adcode else 0.12 if adcode[:4] == owner_adcode[:4] else 0.0
                )
            elif level == Level.CITY:
                weights.append((1.5 if key else 1.0) if adcode[:4] == plan.city else 0.04)
            else:
                # The province's own caravans run cross-region tours, mostly to key counties.
                weights.append(3.0 if key else 0.4)
        return weights

    def plan_shows(self) -> None:
        """One year of caravan shows: trips of one or more show days from the home depot."""
        neighbours: dict[str, list[Venue]] = {}
        for venue in self.venues:
            same_city = [v for v in self.venues if v.code[1:5] == venue.code[1:5] and v is not venue]
            same_city.sort(key=lambda v: (_km(self.at(venue), self.at(v)), v.code))
            neighbours[venue.code] = [v for v in same_city[:10] if v.caravan_parking]
        venue_days: set[tuple[str, date]] = set()
        for plan in self.caravans:
            (low, high), _ = _PROFILES[plan.profile]
            target = self.rng.randint(low, high)
            weights = self.caravan_venue_weights(plan)
            last_day = plan.stops_from - timedelta(days=1) if plan.stops_from else HISTORY_END
            busy: set[date] = set()
            level = plan.row.owner_level
            attempts = 0
            while len(plan.shows) < target and attempts < 600:
                attempts += 1
                start = self.day_between(HISTORY_START, last_day)
                if level == Level.PROVINCE:
                    length = self.rng.randint(4, 6)
                elif level == Level.CITY:
                    length = self.rng.randint(1, 3)
                else:
                    length = 1 if self.rng.random() < 0.75 else 2
                venue = self.pick(self.venues, weights)
                trip: list[tuple[date, Venue]] = []
                day = start
                while len(trip) < length and day <= last_day:
                    if day in busy or not self.can_show(venue, day) or (venue.code, day) in venue_days:
                        break
                    trip.append((day, venue))
                    day += timedelta(days=1)
                    # A second day at the same venue now and then; otherwise on to a nearby venue.
                    if self.rng.random() >= 0.12:
                        visited = [v.code for _, v in trip]
                        options = [v for v in neighbours[venue.code] if v.code not in visited]
                        if not options:
                            break
                        venue = self.pick(options[:5])
                if not trip:
                    continue
                if len(plan.shows) + len(trip) > high:
                    trip = trip[: high - len(plan.shows)]
                here = self.at(plan.depot)
                for i, (day, venue) in enumerate(trip):
                    km = _road_km(here, self.at(venue))
                    here = self.at(venue)
                    if i == len(trip) - 1:
                        km = round(km + _road_km(here, self.at(plan.depot)), 1)
                    visitors = self.rng.randint(*_VISITORS[venue.kind])
                    notes = []
                    if venue.code[1:5] != plan.city:
                        notes.append("跨区域巡展")
                    if date(2026, 9, 12) <= day <= date(2026, 9, 20):
                        notes.append("全国科普日")
                    elif date(2026, 5, 16) <= day <= date(2026, 5, 23):
                        notes.append("科技活动周")
                    plan.shows.append((day, venue, km, visitors, _ACTIVITY[venue.kind], "；".join(notes)))
                    busy.add(day)
                    venue_days.add((venue.code, day))
            plan.shows.sort(key=lambda s: s[0])
            # Odometer: earlier years at the profile's yearly distance, then this year's shows.
            _, (km_low, km_high) = _PROFILES[plan.profile]
            years_before = _years_between(plan.row.in_service_since, HISTORY_START)
            earlier = years_before * self.rng.randint(km_low, km_high)
            plan.row.odometer_km = float(round(earlier + sum(s[2] for s in plan.shows)))

    @staticmethod
    def can_show(venue: Venue, day: date) -> bool:
        if day in HISTORY_HOLIDAYS or not is_open_on(venue.open_weekdays, day):
            return False
        return not (venue.kind == VenueKind.SCHOOL and _in_school_break(day))

    # --- museum sets ---------------------------------------------------------------------------

    def plan_sets(self) -> None:
        for number, (theme, name, adcode) in enumerate(SET_DEFS, start=1):
            code = f"MS{number:02d}"
            self.sets.append(
                ExhibitSet(
                    code=code,
                    name=name,
                    theme=theme,
                    hall_area_m2=float(self.rng.randrange(400, 901, 10)),
                    install_days=self.rng.randint(3, 5),
                    uninstall_days=self.rng.randint(2, 3),
                    truck_loads=self.rng.randint(2, 4),
                    # A complete set: 15 of its own theme and 6 of each related one, 50-60 in all.
                    template=";".join([f"{theme}:15", *(f"{r}:6" for r in RELATED[theme])]),
                    home_depot_id=self.depots[adcode].id,
                    status=SetStatus.IN_STORE,
                )
            )
            self.set_created[code] = date(
                self.rng.randint(2016, 2023), self.rng.randint(1, 12), self.rng.randint(1, 28)
            )
            self.sets[-1].formed_on = self.set_created[code]

    def plan_placements(self) -> None:
        """Each set moves from county hall to county hall, 2-3 months a stay, with a changeover between."""
        halls = [v for v in self.venues if v.kind == VenueKind.SCIENCE_HALL]
        booked: dict[str, list[tuple[date, date]]] = {h.code: [] for h in halls}
        depot_at = {d.id: self.at(d) for d in self.depots.values()}
        order = list(self.sets)
        self.rng.shuffle(order)
        # Most sets are on tour at the year's end; three are back in store and one is in maintenance.
        ending = ["touring"] * 8 + ["in_store"] * 3 + ["maintenance"]
        self.rng.shuffle(ending)
        for exhibit_set, end_state in zip(order, ending, strict=True):
            home = depot_at[exhibit_set.home_depot_id]
            here = home
            visited: list[str] = []
            start = HISTORY_START + timedelta(days=self.rng.randint(0, 45))
            # A touring set is still out at the year's end; the others came back by a date.
            back_by = {
                "touring": None,
                "in_store": HISTORY_END - timedelta(days=12),
                "maintenance": date(2026, 9, 30),
            }[end_state]
            last_end: date | None = None
            while start <= HISTORY_END:
                stay = self.rng.randint(60, 90)
                chosen: tuple[Venue, date, date] | None = None
                for shift in range(0, 70, 7):
                    first = start + timedelta(days=shift)
                    while not is_open_on("234567", first):
                        first += timedelta(days=1)
                    if first > HISTORY_END:
                        break
                    last = first + timedelta(days=stay - 1)
                    busy_from = first - timedelta(days=exhibit_set.install_days)
                    busy_to = last + timedelta(days=exhibit_set.uninstall_days)
                    options = [
                        h
                        for h in halls
                        if h.code not in visited
                        and (h.hall_area_m2 or 0) >= exhibit_set.hall_area_m2
                        and all(busy_to < a or busy_from > b for a, b in booked[h.code])
                    ]
                    if options:
                        # The best hall by hall_score, with some chance so that seeds differ.
                        scored = sorted(
                            (self.hall_score(exhibit_set, h, here, home) + self.rng.random() * 40, h.code, h)
                            for h in options
                        )
                        chosen = (scored[0][2], first, last)
                        break
                if chosen is None:
                    break
                hall, first, last = chosen
                if back_by is not None and last > back_by:
                    break
                booked[hall.code].append(
                    (
                        first - timedelta(days=exhibit_set.install_days),
                        last + timedelta(days=exhibit_set.uninstall_days),
                    )
                )
                km = _road_km(here, self.at(hall)) * exhibit_set.truck_loads
                self.placements.append((exhibit_set, hall, first, last, km))
                visited.append(hall.code)
                here = self.at(hall)
                last_end = last
                gap = exhibit_set.uninstall_days + self.rng.randint(1, 3) + exhibit_set.install_days
                start = last + timedelta(days=gap + 1)
            covering = last_end is not None and last_end >= HISTORY_END
            if covering:
                exhibit_set.status = SetStatus.TOURING
            elif end_state == "maintenance":
                exhibit_set.status = SetStatus.MAINTENANCE
        self.placements.sort(key=lambda p: (p[2], p[0].code))

    def hall_score(
        self, exhibit_set: ExhibitSet, hall: Venue, here: tuple[float, float], home: tuple[float, float]
    ) -> float:
        """Lower is better: a short truck move, and not far from home.

        The province's sets tour the key counties; a city's sets rotate through that city's counties
        first (区域常态化巡展) and go next door only when they have been everywhere at home.
        """
        moved = _km(here, self.at(hall))
        if exhibit_set.home_depot_id == self.depots["320000"].id:
            return moved + 0.5 * _km(home, self.at(hall)) - (120.0 if hall.code[1:7] in KEY_COUNTIES else 0.0)
        home_city = next(d.code[1:5] for d in self.depots.values() if d.id == exhibit_set.home_depot_id)
        return moved + _km(home, self.at(hall)) + (0.0 if hall.code[1:5] == home_city else 150.0)

    def write_placements_and_events(self) -> None:
        placements = []
        events: list[tuple[date, str, str, Event]] = []
        for number, (exhibit_set, hall, first, last, km) in enumerate(self.placements, start=1):
            placements.append(
                SetPlacement(
                    code=f"SP-{number:04d}",
                    set_id=exhibit_set.id,
                    venue_id=hall.id,
                    start_on=first,
                    end_on=last,
                )
            )
            shown_days = (min(last, HISTORY_END) - first).days + 1
            visitors = int(shown_days * self.rng.uniform(500, 555))
            notes = (
                "在展，观众人数截至2026-11-30" if last > HISTORY_END else f"展期{(last - first).days + 1}天"
            )
            event = Event(
                venue_id=hall.id,
                held_on=first,
                set_id=exhibit_set.id,
                visitors=visitors,
                km_driven=round(km, 1),
                activity="流动科技馆巡展",
                notes=notes,
            )
            events.append((first, exhibit_set.code, hall.code, event))
        for plan in self.caravans:
            for day, venue, km, visitors, activity, notes in plan.shows:
                event = Event(
                    venue_id=venue.id,
                    held_on=day,
                    caravan_id=plan.row.id,
                    visitors=visitors,
                    km_driven=km,
                    activity=activity,
                    notes=notes,
                )
                events.append((day, plan.row.code, venue.code, event))
        events.sort(key=lambda e: e[:3])
        for number, (_, _, _, event) in enumerate(events, start=1):
            event.code = f"EV-{number:06d}"
        self.session.add_all(placements)
        self.session.add_all([e[3] for e in events])

    # --- exhibits ------------------------------------------------------------------------------

    def grade_for_age(self, acquired: date, worst: ConditionGrade = ConditionGrade.D) -> ConditionGrade:
        age = _years_between(acquired, HISTORY_END)
        if age < 3:
            weights = (70, 25, 5, 0)
        elif age < 6:
            weights = (35, 45, 17, 3)
        elif age < 9:
            weights = (20, 45, 28, 7)
        else:
            weights = (10, 40, 36, 14)
        grade = self.pick(_GRADES, weights)
        return min(grade, worst, key=_GRADES.index)

    def new_piece(self, use: ExhibitUse, item: tuple[str, str, str], theme: str, acquired: date) -> _Piece:
        zh, en, kind = item
        rng = self.rng
        scale = 1.0 if use == ExhibitUse.CARAVAN_KIT else rng.uniform(1.6, 2.2)
        if kind == "s":
            size = (rng.uniform(50, 90), rng.uniform(40, 60), rng.uniform(120, 170))
            weight, power = rng.uniform(25, 60), rng.uniform(150, 350)
            value = rng.uniform(8_000, 25_000)
        else:
            size = (rng.uniform(40, 120), rng.uniform(30, 70), rng.uniform(40, 160))
            weight = rng.uniform(8, 60) if kind == "m" else rng.uniform(10, 70)
            power = 0.0 if kind == "m" else rng.uniform(20, 400)
            value = rng.uniform(2_000, 12_000) if kind == "m" else rng.uniform(5_000, 30_000)
        if use == ExhibitUse.MUSEUM_SET:
            weight *= scale * 2.5
            power *= 2.5
            value *= rng.uniform(4, 7)
        row = Exhibit(
            name_zh=zh,
            name_en=en,
            theme=theme,
            use=use,
            length_cm=round(size[0] * scale),
            width_cm=round(size[1] * scale),
            height_cm=round(min(size[2] * scale, 260)),
            weight_kg=round(weight, 1),
            power_w=float(round(power, -1)),
            acquired_on=acquired,
            service_life_years=rng.randint(6, 10) if use == ExhibitUse.CARAVAN_KIT else rng.randint(8, 10),
            value_yuan=float(round(value, -2)),
            condition=ConditionGrade.A,
            status=ExhibitStatus.IN_STORE,
        )
        piece = _Piece(row)
        self.pieces.append(piece)
        return piece

    def record(
        self,
        subject: _Piece | _CaravanPlan,
        kind: MaintenanceKind,
        opened_on: date,
        closed_on: date | None,
        cost_yuan: float,
        fault: str = "",
        notes: str = "",
        workshop_id: int | None = None,
    ) -> None:
        """A maintenance record of an exhibit or a caravan, finished by the year's end if it is closed."""
        if closed_on is not None and opened_on <= HISTORY_END:
            closed_on = min(closed_on, HISTORY_END)
        row = MaintenanceRecord(
            kind=kind,
            opened_on=opened_on,
            closed_on=closed_on,
            fault=fault,
            cost_yuan=cost_yuan,
            workshop_id=workshop_id,
            notes=notes,
        )
        self.maintenance.append((row, subject))

    def nearest_workshop(self, point: tuple[float, float]) -> Workshop:
        return min(self.workshops, key=lambda w: (_km(point, w[1]), w[0].code))[0]

    def send_to_workshop(
        self, piece: _Piece, day: date, point: tuple[float, float], closed: date | None
    ) -> None:
        """A repair in a workshop: out on `day`, back on `closed` (still there if None)."""
        workshop = self.nearest_workshop(point)
        origin = piece.place
        piece.steps.append((self.moment(day), ("workshop", workshop.id), "送修"))
        fault = self.pick(EXHIBIT_FAULTS)
        self.record(
            subject=piece,
            kind=MaintenanceKind.REPAIR,
            opened_on=day,
            closed_on=closed,
            fault=fault,
            cost_yuan=float(self.rng.randrange(200, 8000, 50)),
            workshop_id=workshop.id,
            notes="" if closed else self.pick(("待配件", "待厂家技术支持", "维修中", "待鉴定是否报废")),
        )
        bad = self.pick((ConditionGrade.C, ConditionGrade.D))
        if closed is None:
            self.checks.append((piece, day, CheckContext.FIELD, piece.row.condition, fault))
            return
        back = "修复归车" if origin[0] == "caravan" else "修复归套" if origin[0] == "set" else "修复归库"
        piece.steps.append((self.moment(closed), origin, back))
        self.checks.append((piece, day, CheckContext.FIELD, bad, fault))
        self.checks.append((piece, closed, CheckContext.RETURN, piece.row.condition, ""))

    def retire(self, piece: _Piece, day: date, depot: Depot) -> None:
        piece.row.condition = ConditionGrade.D
        piece.row.status = ExhibitStatus.RETIRED
        if piece.place != ("depot", depot.id):
            piece.steps.append((self.moment(day), ("depot", depot.id), "报废停用"))
        self.record(
            subject=piece,
            kind=MaintenanceKind.INSPECTION,
            opened_on=day,
            closed_on=day,
            fault=self.pick(EXHIBIT_FAULTS),
            cost_yuan=0.0,
            notes="技术鉴定：无修复价值，建议报废",
        )
        self.checks.append((piece, day, CheckContext.ANNUAL, ConditionGrade.D, "无修复价值"))

    def theme_items(self, themes: Sequence[str]) -> list[tuple[str, tuple[str, str, str]]]:
        items = [(t, item) for t in themes for item in CATALOGUE[t]]
        self.rng.shuffle(items)
        return items

    def make_kit_exhibits(self, total: int = 1620) -> None:
        """Caravan kits (most of the stock), spares in depots, some in repair and some retired."""
        on_board: list[_Piece] = []
        for plan in self.caravans:
            row = plan.row
            own = split_themes(row.themes)
            others = [t for t in THEMES if t not in own]
            items = self.theme_items(own) + self.theme_items(others)
            fill = (
                self.rng.uniform(0.8, 1.0)
                if row.status != CaravanStatus.RESERVE
                else self.rng.uniform(0.6, 0.8)
            )
            first_kit = max(row.in_service_since, date(2012, 3, 1) + timedelta(days=self.rng.randint(0, 400)))
            for theme, item in items[: round(row.exhibit_slots * fill)]:
                acquired = (
                    first_kit if self.rng.random() < 0.7 else self.day_between(first_kit, date(2025, 11, 20))
                )
                piece = self.new_piece(ExhibitUse.CARAVAN_KIT, item, theme, acquired)
                piece.row.condition = self.grade_for_age(acquired, worst=ConditionGrade.C)
                piece.row.status = (
                    ExhibitStatus.IN_USE if row.status == CaravanStatus.IN_SERVICE else ExhibitStatus.IN_STORE
                )
                if self.rng.random() < 0.05 and acquired < HISTORY_START - timedelta(days=30):
                    # Restocked this year from the depot's spares.
                    piece.steps.append((self.moment(acquired), ("depot", plan.depot.id), "新购入库"))
                    day = self.day_between(HISTORY_START, HISTORY_END - timedelta(days=20))
                    piece.steps.append((self.moment(day), ("caravan", row.id), "换展调拨"))
                    piece.special = True
                else:
                    piece.steps.append((self.moment(acquired), ("caravan", row.id), "新购配发"))
                on_board.append(piece)

        # Spares: in the depots that keep caravans, the provincial depot holding the most.
        spare_depots = [self.depots["320000"]] + [c.depot for c in self.caravans]
        spare_weights = [12.0] + [1.0] * len(self.caravans)
        spares: list[_Piece] = []
        while len(on_board) + len(spares) < total:
            depot = self.pick(spare_depots, spare_weights)
            theme = self.pick(THEMES)
            acquired = self.day_between(date(2012, 1, 1), date(2025, 11, 20))
            piece = self.new_piece(ExhibitUse.CARAVAN_KIT, self.pick(CATALOGUE[theme]), theme, acquired)
            piece.row.condition = self.grade_for_age(acquired)
            piece.steps.append((self.moment(acquired), ("depot", depot.id), "新购入库"))
            spares.append(piece)

        caravan_of = {c.row.id: c for c in self.caravans}
        depot_by_id = {d.id: d for d in self.depots.values()}

        def home_of(piece: _Piece) -> Depot:
            kind, key = piece.place
            return caravan_of[key].depot if kind == "caravan" else depot_by_id[key]

        def point_of(piece: _Piece) -> tuple[float, float]:
            return self.at(home_of(piece))

        ordinary = [p for p in on_board + spares if not p.special]
        self.rng.shuffle(ordinary)
        # In repair now (C or D), retired this year (D), and repaired and returned this year.
        for piece in ordinary[:50]:
            piece.row.condition = ConditionGrade.D if self.rng.random() < 0.7 else ConditionGrade.C
            piece.row.status = ExhibitStatus.IN_REPAIR
            day = self.day_between(date(2026, 6, 1), HISTORY_END - timedelta(days=2))
            self.send_to_workshop(piece, day, point_of(piece), None)
        for piece in ordinary[50:80]:
            self.retire(piece, self.day_between(HISTORY_START, HISTORY_END), home_of(piece))
        for piece in ordinary[80:150]:
            day = self.day_between(HISTORY_START, HISTORY_END - timedelta(days=60))
            piece.row.condition = self.pick((ConditionGrade.A, ConditionGrade.B, ConditionGrade.B))
            self.send_to_workshop(piece, day, point_of(piece), day + timedelta(days=self.rng.randint(5, 45)))
        for piece in ordinary[:150]:
            piece.special = True
        for piece in ordinary[150:190]:
            # Serviced or inspected where it stands.
            kind = self.pick((MaintenanceKind.SERVICE, MaintenanceKind.INSPECTION))
            day = self.day_between(HISTORY_START, HISTORY_END)
            self.record(
                subject=piece,
                kind=kind,
                opened_on=day,
                closed_on=day,
                cost_yuan=float(self.rng.randrange(0, 600, 10)),
                notes="清洁保养、紧固调整" if kind == MaintenanceKind.SERVICE else "季度安全检查",
            )
        for piece in on_board + spares:
            if piece.special or piece.place[0] != "caravan":
                continue
            plan = caravan_of[piece.place[1]]
            if plan.shows and self.rng.random() < 0.08:
                day = self.pick(plan.shows)[0]
                fault = self.pick(EXHIBIT_FAULTS) if piece.row.condition == ConditionGrade.C else ""
                self.checks.append((piece, day, CheckContext.FIELD, None, fault))

    def make_museum_exhibits(self) -> None:
        """The sets' exhibits, a few moved between sets, sent for repair or retired this year."""
        members: dict[str, list[_Piece]] = {}
        joined: dict[int, date] = {}
        for exhibit_set in self.sets:
            created = self.set_created[exhibit_set.code]
            items = self.theme_items([exhibit_set.theme]) + self.theme_items(RELATED[exhibit_set.theme])
            names: list[str] = []
            chosen = []
            for theme, item in items:
                if item[0] not in names:
                    names.append(item[0])
                    chosen.append((theme, item))
            current: list[_Piece] = []
            for theme, item in chosen[: self.rng.randint(54, 60)]:
                # Most came with the set; some are later replacements.
                acquired = created
                if self.rng.random() < 0.1:
                    acquired = self.day_between(created + timedelta(days=200), date(2025, 11, 20))
                    acquired = min(acquired, date(2025, 11, 20))
                piece = self.new_piece(ExhibitUse.MUSEUM_SET, item, theme, acquired)
                piece.row.condition = self.grade_for_age(acquired, worst=ConditionGrade.C)
                piece.steps.append((self.moment(acquired), ("set", exhibit_set.id), "新购入库"))
                joined[id(piece)] = acquired
                current.append(piece)
            members[exhibit_set.code] = current

        stays: dict[str, list[tuple[date, date, Venue]]] = {}
        for exhibit_set, hall, first, last, _ in self.placements:
            stays.setdefault(exhibit_set.code, []).append((first, last, hall))
        depot_by_id = {d.id: d for d in self.depots.values()}

        def leave(piece: _Piece, exhibit_set: ExhibitSet, day: date) -> None:
            self.memberships.append((exhibit_set, piece, joined[id(piece)], day))
            members[exhibit_set.code].remove(piece)
            piece.special = True

        def candidates(exhibit_set: ExhibitSet) -> list[_Piece]:
            return [p for p in members[exhibit_set.code] if not p.special]

        # The set in maintenance lost several exhibits to the workshop when it came back.
        for exhibit_set in self.sets:
            count = 6 if exhibit_set.status == SetStatus.MAINTENANCE else self.rng.choice((0, 1, 1, 2))
            set_stays = stays.get(exhibit_set.code, [])
            home = depot_by_id[exhibit_set.home_depot_id]
            for _ in range(count):
                if len(members[exhibit_set.code]) <= 50:
                    break
                piece = self.pick(candidates(exhibit_set))
                if exhibit_set.status == SetStatus.MAINTENANCE and set_stays:
                    day = set_stays[-1][1] + timedelta(days=self.rng.randint(3, 10))
                else:
                    day = self.day_between(date(2026, 6, 1), HISTORY_END - timedelta(days=2))
                leave(piece, exhibit_set, day)
                piece.row.condition = ConditionGrade.D if self.rng.random() < 0.6 else ConditionGrade.C
                piece.row.status = ExhibitStatus.IN_REPAIR
                self.send_to_workshop(piece, day, self.at(home), None)
            if self.rng.random() < 0.7 and len(members[exhibit_set.code]) > 51:
                piece = self.pick(candidates(exhibit_set))
                day = self.day_between(HISTORY_START, HISTORY_END - timedelta(days=2))
                leave(piece, exhibit_set, day)
                self.retire(piece, day, home)

        # Exchanges between sets (换展调拨): an exhibit the other set lacks moves over.
        for _ in range(16):
            source, target = self.rng.sample(self.sets, 2)
            if len(members[source.code]) <= 51 or len(members[target.code]) >= 60:
                continue
            target_names = [p.row.name_zh for p in members[target.code]]
            movable = [p for p in candidates(source) if p.row.name_zh not in target_names]
            if not movable:
                continue
            piece = self.pick(movable)
            day = self.day_between(HISTORY_START, HISTORY_END - timedelta(days=10))
            leave(piece, source, day)
            piece.steps.append((self.moment(day), ("set", target.id), "换展调拨"))
            members[target.code].append(piece)
            joined[id(piece)] = day

        for exhibit_set in self.sets:
            status = (
                ExhibitStatus.IN_USE if exhibit_set.status == SetStatus.TOURING else ExhibitStatus.IN_STORE
            )
            for piece in members[exhibit_set.code]:
                piece.row.status = status
                self.memberships.append((exhibit_set, piece, joined[id(piece)], None))
            # Condition checked at each handover, and small repairs made on site during a stay.
            for first, last, _ in stays.get(exhibit_set.code, []):
                ordinary = [p for p in members[exhibit_set.code] if not p.special and joined[id(p)] < first]
                for piece in self.rng.sample(ordinary, min(len(ordinary), self.rng.randint(4, 8))):
                    self.checks.append((piece, first - timedelta(days=1), CheckContext.HANDOVER, None, ""))
                for piece in self.rng.sample(ordinary, min(len(ordinary), self.rng.randint(0, 2))):
                    day = self.day_between(first, min(last, HISTORY_END))
                    self.record(
                        subject=piece,
                        kind=MaintenanceKind.REPAIR,
                        opened_on=day,
                        closed_on=day + timedelta(days=self.rng.randint(0, 3)),
                        fault=self.pick(EXHIBIT_FAULTS),
                        cost_yuan=float(self.rng.randrange(100, 1500, 10)),
                        notes="巡展现场维修",
                    )

    def add_checks(self) -> None:
        """The annual stocktake's sample, then grades: never better later, the last one the current grade."""
        stocktake = [p for p in self.pieces if not p.special]
        for piece in self.rng.sample(stocktake, len(stocktake) // 6):
            day = self.day_between(date(2025, 12, 8), date(2025, 12, 30))
            self.checks.append((piece, day, CheckContext.ANNUAL, None, ""))
        by_piece: dict[int, list[int]] = {}
        for index, check in enumerate(self.checks):
            by_piece.setdefault(id(check[0]), []).append(index)
        for indexes in by_piece.values():
            # The same order as the codes, so that "the latest check" means one thing everywhere.
            indexes.sort(key=lambda i: (self.checks[i][1], self.checks[i][2].value))
            grade = _GRADES.index(self.checks[indexes[0]][0].row.condition)
            for i in reversed(indexes):
                piece, day, context, given, fault = self.checks[i]
                if given is None:
                    given = _GRADES[grade]
                    if given in (ConditionGrade.C, ConditionGrade.D) and not fault:
                        fault = self.pick(EXHIBIT_FAULTS)
                    self.checks[i] = (piece, day, context, given, fault)
                grade = max(0, _GRADES.index(given) - (1 if self.rng.random() < 0.3 else 0))

    def write_exhibit_history(self) -> None:
        pieces = sorted(self.pieces, key=lambda p: p.row.code)
        movements = []
        for piece in pieces:
            origin: _Place | None = None
            for moved_at, place, reason in piece.steps:
                values: dict[str, Any] = {f"from_{origin[0]}_id": origin[1]} if origin else {}
                values[f"to_{place[0]}_id"] = place[1]
                movements.append(
                    (
                        moved_at,
                        piece.row.code,
                        Movement(exhibit_id=piece.row.id, moved_at=moved_at, reason=reason, **values),
                    )
                )
                origin = place
        movements.sort(key=lambda m: m[:2])
        for number, (_, _, movement) in enumerate(movements, start=1):
            movement.code = f"MV-{number:06d}"
        self.session.add_all([m[2] for m in movements])

        memberships = sorted(self.memberships, key=lambda m: (m[0].code, m[1].row.code, m[2]))
        self.session.add_all(
            [
                SetMembership(set_id=s.id, exhibit_id=p.row.id, joined_on=j, left_on=left)
                for s, p, j, left in memberships
            ]
        )

        checks = sorted(self.checks, key=lambda c: (c[1], c[0].row.code, c[2].value))
        rows = []
        for number, (piece, day, context, grade, fault) in enumerate(checks, start=1):
            assert grade is not None
            rows.append(
                ConditionCheck(
                    code=f"CC-{number:06d}",
                    exhibit_id=piece.row.id,
                    checked_on=day,
                    grade=grade,
                    context=context,
                    fault=fault,
                    checked_by=self.pick(self.staff),
                )
            )
        self.session.add_all(rows)

    def free_day(self, plan: _CaravanPlan, show_days: list[date], length: int) -> date:
        """A day in the history year when the caravan can spend `length` more days off the road."""
        last = (plan.stops_from or HISTORY_END) - timedelta(days=length + 1)
        day = HISTORY_START
        for _ in range(40):
            day = self.day_between(HISTORY_START, last)
            if not any(day <= d <= day + timedelta(days=length) for d in show_days):
                break
        return day

    def write_caravan_maintenance(self) -> None:
        """Yearly inspection and servicing for every caravan, repairs by age, big repair bills for the old."""
        for plan in self.caravans:
            row = plan.row
            show_days = [s[0] for s in plan.shows]
            age = _years_between(row.in_service_since, HISTORY_END)
            garage = f"送{self.regions[plan.city + '00'].name}汽修厂"

            day = self.free_day(plan, show_days, 0)
            self.record(
                subject=plan,
                kind=MaintenanceKind.INSPECTION,
                opened_on=day,
                closed_on=day,
                cost_yuan=float(self.rng.randrange(300, 800, 10)),
                notes="机动车年度检验",
            )
            for _ in range(self.rng.randint(1, 2)):
                day = self.free_day(plan, show_days, 1)
                self.record(
                    subject=plan,
                    kind=MaintenanceKind.SERVICE,
                    opened_on=day,
                    closed_on=day + timedelta(days=self.rng.randint(0, 1)),
                    cost_yuan=float(self.rng.randrange(800, 2500, 10)),
                    notes="定期保养：更换机油、三滤",
                )
            repairs = self.rng.randint(2, 4) if age >= 10 else self.rng.randint(0, 1)
            for _ in range(repairs):
                length = self.rng.randint(2, 15)
                day = self.free_day(plan, show_days, length)
                self.record(
                    subject=plan,
                    kind=MaintenanceKind.REPAIR,
                    opened_on=day,
                    closed_on=day + timedelta(days=length),
                    fault=self.pick(CARAVAN_FAULTS),
                    cost_yuan=float(self.rng.randrange(1500, 25000, 100)),
                    notes=garage,
                )
            if age >= 10:
                # Costly repairs in the two years before: what a retirement review weighs up.
                for _ in range(
                    self.rng.randint(1, 3) if plan.profile == "heavy_old" else self.rng.randint(0, 2)
                ):
                    length = self.rng.randint(10, 40)
                    day = self.day_between(date(2024, 1, 1), date(2025, 10, 31))
                    big = self.pick(CARAVAN_BIG_FAULTS)
                    self.record(
                        subject=plan,
                        kind=MaintenanceKind.REPAIR,
                        opened_on=day,
                        closed_on=day + timedelta(days=length),
                        fault=big,
                        cost_yuan=float(self.rng.randrange(20_000, 90_000, 500)),
                        notes=garage,
                    )
                if self.rng.random() < 0.4:
                    day = self.day_between(date(2024, 3, 1), date(2025, 9, 30))
                    self.record(
                        subject=plan,
                        kind=MaintenanceKind.REFURBISH,
                        opened_on=day,
                        closed_on=day + timedelta(days=self.rng.randint(20, 45)),
                        fault="展厢老化",
                        cost_yuan=float(self.rng.randrange(60_000, 150_000, 1000)),
                        workshop_id=self.workshops[0][0].id,
                        notes="展厢翻新、展品更新",
                    )
            if plan.stops_from is not None:
                self.record(
                    subject=plan,
                    kind=MaintenanceKind.REPAIR,
                    opened_on=plan.stops_from,
                    closed_on=None,
                    fault=self.pick(CARAVAN_BIG_FAULTS if age >= 10 else CARAVAN_FAULTS),
                    cost_yuan=float(self.rng.randrange(5_000, 60_000, 500)),
                    notes=f"{garage}，待配件，费用为预估",
                )

        def key(item: tuple[MaintenanceRecord, _Piece | _CaravanPlan]) -> tuple[date, str, str]:
            record, subject = item
            return (record.opened_on, subject.row.code, record.kind.value)

        ordered = sorted(self.maintenance, key=key)
        for number, (record, subject) in enumerate(ordered, start=1):
            record.code = f"MR-{number:06d}"
            if isinstance(subject, _Piece):
                record.exhibit_id = subject.row.id
            else:
                record.caravan_id = subject.row.id
        self.session.add_all([record for record, _ in ordered])
        # The set in maintenance is being refurbished as a whole; the workshop expects to finish in spring.
        for number, exhibit_set in enumerate(
            (x for x in self.sets if x.status == SetStatus.MAINTENANCE), start=len(ordered) + 1
        ):
            self.session.add(
                MaintenanceRecord(
                    code=f"MR-{number:06d}",
                    set_id=exhibit_set.id,
                    kind=MaintenanceKind.REFURBISH,
                    opened_on=date(2026, 10, 12),
                    closed_on=date(2027, 3, 31),
                    fault="整套展品翻新：外壳、电源与互动程序升级",
                    cost_yuan=float(self.rng.randrange(80_000, 150_000, 1000)),
                    notes="计划完成日期",
                )
            )

    # --- requests ------------------------------------------------------------------------------

    def open_days(self, venue: Venue, first: date, last: date) -> int:
        return sum(
            1 for d in _span(first, last) if d not in TERM_HOLIDAYS and is_open_on(venue.open_weekdays, d)
        )

    def make_joint_tours(self) -> None:
        """Two joint tours (联动): city caravans of one area lent to the key counties of others."""
        groups = (
            ("JT01", "徐连宿重点县联动巡展", ("3203", "3207", "3213")),
            ("JT02", "苏南对口支援苏北巡展", ("3205", "3202", "3209", "3208")),
        )
        for code, name, cities in groups:
            tour = JointTour(code=code, name=name, notes="省科协统筹，市级大篷车跨市巡展")
            self.session.add(tour)
            self.session.flush()
            lenders = cities[:2] if code == "JT02" else cities
            for plan in self.caravans:
                owner = self.session.get(Region, plan.row.owner_region_id)
                if plan.row.owner_level == Level.CITY and owner is not None and owner.adcode[:4] in lenders:
                    self.session.add(JointTourCaravan(joint_tour_id=tour.id, caravan_id=plan.row.id))
            receivers = cities if code == "JT01" else cities[2:]
            for adcode in KEY_COUNTIES:
                if adcode[:4] in receivers:
                    self.session.add(
                        JointTourRegion(joint_tour_id=tour.id, region_id=self.regions[adcode].id)
                    )
        self.session.flush()

    def make_requests(self) -> None:
        """Open requests for the spring 2027 term: caravan visits, and museum placements from county halls."""
        requests: list[VisitRequest] = []
        windows: dict[str, list[tuple[date, date]]] = {}
        kind_weight = {
            VenueKind.SCHOOL: 1.0,
            VenueKind.VILLAGE: 0.8,
            VenueKind.TOWNSHIP_CENTRE: 0.9,
            VenueKind.COMMUNITY: 0.6,
            VenueKind.SCIENCE_HALL: 0.3,
            VenueKind.OTHER: 0.4,
        }
        weights = [kind_weight[v.kind] * (1.8 if v.code[1:7] in KEY_COUNTIES else 1.0) for v in self.venues]
        term_days = (TERM_END - TERM_START).days
        notes_pool = {
            VenueKind.SCHOOL: ("希望安排在上午", "操场可停车展开", "配合学校科技节", "请提前一周电话联系"),
            VenueKind.VILLAGE: ("村广场可展开", "希望安排在周末", "请提前一周电话联系"),
            VenueKind.TOWNSHIP_CENTRE: ("结合赶集日安排", "文化站广场可展开", "希望有科学实验表演"),
            VenueKind.COMMUNITY: ("希望安排在周末", "社区广场可展开", "希望有科学实验表演"),
            VenueKind.SCIENCE_HALL: ("馆外广场可停车", "配合馆内科普活动"),
            VenueKind.OTHER: ("希望有科学实验表演", "请提前一周电话联系"),
        }
        # Venues mostly ask for themes the caravans that may come to them carry: they know the fleet.
        by_id = {r.id: r for r in self.regions.values()}
        in_service = [c.row for c in self.caravans if c.row.status == CaravanStatus.IN_SERVICE]

        def themes_on_offer(venue: Venue) -> list[str]:
            county = by_id[venue.county_id]
            serving = [
                c
                for c in in_service
                if c.owner_level == Level.PROVINCE or c.owner_region_id in (county.id, county.parent_id)
            ]
            return sorted({t for c in serving for t in split_themes(c.themes)})

        while len(requests) < 430:
            venue = self.pick(self.venues, weights)
            taken = windows.setdefault(venue.code, [])
            if len(taken) >= 2:
                continue
            length = self.rng.randint(7, 42)
            first = TERM_START + timedelta(days=self.rng.randint(0, term_days - 6))
            last = min(first + timedelta(days=length - 1), TERM_END)
            if any(not (last < a or first > b) for a, b in taken):
                continue
            show_days = 2 if self.rng.random() < 0.15 else 1
            if self.open_days(venue, first, last) < show_days + 1:
                continue
            taken.append((first, last))
            key = venue.code[1:7] in KEY_COUNTIES
            narrow = venue.kind == VenueKind.VILLAGE and self.rng.random() < 0.35
            types = "III;IV" if narrow else "IV" if not venue.caravan_parking else ""
            if narrow:
                notes = "道路狭窄，大型车辆无法进入"
            elif not venue.caravan_parking:
                notes = "场地有限，仅容小型车辆"
            else:
                notes = self.pick(notes_pool[venue.kind]) if self.rng.random() < 0.4 else ""
            low_audience, high_audience = (600, 2000) if venue.kind == VenueKind.SCHOOL else (200, 1200)
            offer = themes_on_offer(venue)
            pool = offer if offer and self.rng.random() < 0.9 else list(THEMES)
            wanted = min(len(pool), self.rng.choice((1, 2, 2)))
            requests.append(
                VisitRequest(
                    venue_id=venue.id,
                    kind=RequestKind.CARAVAN_VISIT,
                    earliest_on=first,
                    latest_on=last,
                    show_days=show_days,
                    themes_wanted=join_themes(self.rng.sample(pool, wanted)),
                    caravan_types=types,
                    expected_audience=self.rng.randrange(low_audience, high_audience + 1, 50),
                    priority=self.pick((1, 2, 3, 4, 5), (1, 2, 4, 5, 4) if key else (3, 5, 5, 2, 1)),
                    status=RequestStatus.OPEN,
                    notes=notes,
                )
            )
        halls = [v for v in self.venues if v.kind == VenueKind.SCIENCE_HALL]
        for venue in self.rng.sample(halls, 24):
            show_days = self.rng.randint(60, 90)
            first = TERM_START + timedelta(days=self.rng.randint(0, 30))
            last = min(first + timedelta(days=show_days - 1 + self.rng.randint(14, 45)), TERM_END)
            show_days = min(show_days, (last - first).days + 1)
            requests.append(
                VisitRequest(
                    venue_id=venue.id,
                    kind=RequestKind.MUSEUM_PLACEMENT,
                    earliest_on=first,
                    latest_on=last,
                    show_days=show_days,
                    themes_wanted=join_themes(self.rng.sample(THEMES, self.rng.choice((1, 2)))),
                    caravan_types="",
                    expected_audience=self.rng.randrange(30_000, 50_001, 1000),
                    priority=self.pick((2, 3, 4, 5))
                    if venue.code[1:7] in KEY_COUNTIES
                    else self.pick((1, 2, 3, 4)),
                    status=RequestStatus.OPEN,
                    notes=f"展厅面积{venue.hall_area_m2:.0f}平方米",
                )
            )
        code_of = {v.id: v.code for v in self.venues}
        requests.sort(key=lambda r: (r.earliest_on, code_of[r.venue_id], r.kind.value))
        for number, request in enumerate(requests, start=1):
            request.code = f"RQ-2027S-{number:04d}"
        self.session.add_all(requests)
