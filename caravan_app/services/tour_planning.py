"""Planning caravan tours for a term: the database read into a TourProblem, solved, checked, stored."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from caravan_app.domain.calendar import PUBLIC_HOLIDAYS
from caravan_app.domain.enums import (
    CaravanStatus,
    CaravanType,
    DivisionKind,
    Level,
    RequestKind,
    RequestStatus,
    VenueKind,
    split_themes,
)
from caravan_app.domain.weekdays import is_open_on
from caravan_app.persistence.models import Caravan, Region, Venue, VisitRequest
from caravan_app.planning.problem import Calendar, Point, TourCaravan, TourProblem, TourRequest

# On-site minutes of a one-day show: unfolding the exhibits, the show itself, packing up.
DEFAULT_SHOW_MINUTES = 240


def _minutes(t: object) -> int:
    return t.hour * 60 + t.minute  # type: ignore[attr-defined, no-any-return]


def _is_township(venue: Venue) -> bool:
    return venue.kind in (VenueKind.TOWNSHIP_CENTRE, VenueKind.VILLAGE) or venue.township.endswith(
        ("镇", "乡")
    )


def build_tour_problem(
    session: Session, start: date, end: date, show_minutes: int = DEFAULT_SHOW_MINUTES
) -> TourProblem:
    """The open caravan-visit requests in [start, end] and the caravans in service, as a TourProblem."""
    regions = {r.id: r for r in session.scalars(select(Region))}
    caravans = session.scalars(
        select(Caravan)
        .options(joinedload(Caravan.home_depot))
        .where(Caravan.status == CaravanStatus.IN_SERVICE)
        .order_by(Caravan.code)
    ).all()
    tour_caravans = tuple(
        TourCaravan(
            code=c.code,
            type=c.type,
            themes=frozenset(split_themes(c.themes)),
            owner_level=c.owner_level,
            region=regions[c.owner_region_id].adcode,
            depot_code=c.home_depot.code,
            depot=Point(c.home_depot.lat, c.home_depot.lon),
        )
        for c in caravans
    )
    requests = session.scalars(
        select(VisitRequest)
        .options(joinedload(VisitRequest.venue))
        .where(
            VisitRequest.kind == RequestKind.CARAVAN_VISIT,
            VisitRequest.status == RequestStatus.OPEN,
            VisitRequest.latest_on >= start,
            VisitRequest.earliest_on <= end,
        )
        .order_by(VisitRequest.code)
    ).all()
    tour_requests = []
    for r in requests:
        venue = r.venue
        county = regions[venue.county_id]
        first, last = max(r.earliest_on, start), min(r.latest_on, end)
        dates = frozenset(
            first + timedelta(days=i)
            for i in range((last - first).days + 1)
            if is_open_on(venue.open_weekdays, first + timedelta(days=i))
        )
        tour_requests.append(
            TourRequest(
                code=r.code,
                venue_code=venue.code,
                venue_name=venue.name,
                location=Point(venue.lat, venue.lon),
                county=county.adcode,
                city=regions[county.parent_id].adcode if county.parent_id else county.adcode,
                key_county=county.is_key_county,
                township=_is_township(venue) or county.division is not DivisionKind.DISTRICT,
                dates=dates,
                open_from=_minutes(venue.open_from),
                open_to=_minutes(venue.open_to),
                show_minutes=show_minutes,
                show_days=r.show_days,
                types_allowed=frozenset(CaravanType(t) for t in split_themes(r.caravan_types)),
                themes_wanted=frozenset(split_themes(r.themes_wanted)),
                priority=r.priority,
                is_school=venue.kind is VenueKind.SCHOOL,
            )
        )
    calendar = Calendar(
        start=start, end=end, holidays=frozenset(d for d in PUBLIC_HOLIDAYS if start <= d <= end)
    )
    return TourProblem(caravans=tour_caravans, requests=tuple(tour_requests), calendar=calendar)


__all__ = ["build_tour_problem", "Level"]
