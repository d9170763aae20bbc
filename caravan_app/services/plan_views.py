"""What the tour planner's linked views need beyond the plan itself: the city of every place the plan
touches (to filter by city), where its unserved requests are, and the plan drawn as the map the
planner shows (unserved requests in a layer of their own, long legs marked, no title box).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from caravan_app.domain.enums import Level
from caravan_app.domain.views import PlaceView
from caravan_app.maps import save_map
from caravan_app.maps.labels import check_lang
from caravan_app.maps.tour import RequestPlace, city_of, render_tour_map
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Region, UnservedRequest, Venue, VisitRequest
from caravan_app.services.reports import find_tour_plan, tour_plan_view


@dataclass(frozen=True)
class City:
    adcode: str
    name: str


@dataclass(frozen=True)
class PlanPlaces:
    """The city of each venue of a plan's stops and unserved requests, by venue and request code."""

    city_of_venue: dict[str, City]
    city_of_request: dict[str, City]  # the unserved requests'
    cities: tuple[City, ...]  # every city named above, in adcode order


def plan_places(db: Database, plan_id: int) -> PlanPlaces:
    """Where a stored tour plan's stops and unserved requests are, city by city."""
    with db.session(audited=False) as s:
        regions = {r.id: r for r in s.scalars(select(Region))}
        cities = {r.adcode: City(r.adcode, r.name) for r in regions.values() if r.level is Level.CITY}

        def city(county_id: int) -> City:
            adcode = city_of(regions[county_id].adcode)
            return cities.get(adcode, City(adcode, regions[county_id].name))

        venues = {v.code: city(v.county_id) for v in s.scalars(select(Venue))}
        unserved = {
            code: city(county_id)
            for code, county_id in s.execute(
                select(VisitRequest.code, Venue.county_id)
                .join(Venue, Venue.id == VisitRequest.venue_id)
                .join(UnservedRequest, UnservedRequest.request_id == VisitRequest.id)
                .where(UnservedRequest.plan_id == plan_id)
            )
        }
    named = {c.adcode: c for c in [*venues.values(), *unserved.values()]}
    return PlanPlaces(venues, unserved, tuple(named[k] for k in sorted(named)))


def plan_map(
    db: Database,
    plan_name: str,
    lang: str = "zh",
    long_leg_km: float | None = None,
    tiles: str | None = None,
    out: Path | None = None,
) -> str:
    """The tour plan as the planner shows it: every trip, its unserved requests with their reasons,
    legs over `long_leg_km` marked; the page answers the planner's filters and selections."""
    language = check_lang(lang)
    with db.session(audited=False) as s:
        plan = find_tour_plan(s, plan_name)
        view = tour_plan_view(s, plan.name, language)
        places = {
            code: RequestPlace(PlaceView(lat, lon), city_of(adcode))
            for code, lat, lon, adcode in s.execute(
                select(VisitRequest.code, Venue.lat, Venue.lon, Region.adcode)
                .join(Venue, Venue.id == VisitRequest.venue_id)
                .join(Region, Region.id == Venue.county_id)
                .join(UnservedRequest, UnservedRequest.request_id == VisitRequest.id)
                .where(UnservedRequest.plan_id == plan.id)
            )
        }
    page = render_tour_map(
        view, language, tiles, unserved_places=places, long_leg_km=long_leg_km, heading=False
    )
    if out is not None:
        save_map(page, out)
    return page
