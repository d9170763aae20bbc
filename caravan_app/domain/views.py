"""What maps and printed documents show, as plain frozen dataclasses.

Services fill these from the database; maps/ and reports/ render them and never see the ORM, so a
map or a PDF can be made (and tested) from hand-made data. Coordinates are GCJ-02 like the
reference data; a renderer that draws on WGS-84 boundaries converts them itself. Adcodes are the
six-digit division codes of divisions.csv.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from caravan_app.domain.figures import CoverageFigures, RegroupFigures
from caravan_app.domain.linkage import LinkageGain, PlanFigures, Utilisation
from caravan_app.domain.outcomes import UnservedReason


@dataclass(frozen=True)
class PlaceView:
    lat: float
    lon: float


@dataclass(frozen=True)
class DepotView:
    code: str
    name: str
    place: PlaceView
    address: str = ""


@dataclass(frozen=True)
class StopView:
    seq: int  # 1, 2, ... within the trip
    venue_code: str
    venue_name: str
    county: str  # county name, e.g. 丰县
    county_adcode: str
    address: str
    place: PlaceView
    contact_name: str
    contact_phone: str
    arrive_at: datetime
    show_start: datetime
    show_end: datetime
    km_from_previous: float
    request_code: str = ""
    locked: bool = False
    key_county: bool = False


@dataclass(frozen=True)
class ExhibitView:
    code: str
    name: str
    theme: str
    condition: str  # A-D
    weight_kg: float = 0.0


@dataclass(frozen=True)
class TripView:
    code: str
    caravan_code: str
    plate: str
    caravan_type: str  # I, II, III, IV
    crew: tuple[str, ...]  # names; may be empty when the roster is not kept
    depot: DepotView
    leave_at: datetime
    back_at: datetime
    stops: tuple[StopView, ...]
    km_back: float
    load: tuple[ExhibitView, ...] = ()
    crew_size: int = 0  # seats for the crew: a route sheet without names leaves this many blank lines

    @property
    def km(self) -> float:
        return sum(s.km_from_previous for s in self.stops) + self.km_back


@dataclass(frozen=True)
class FittingCaravanView:
    """A caravan of a wanted type and theme that the region rules keep from an unserved request: what a
    joint tour (联动) could put to work."""

    caravan_code: str
    home: str  # the region it belongs to, by name
    depot: str  # its depot, by name
    km: float  # from the depot to the venue, by road estimate
    days_on_road: int  # in the plan
    available_days: int


@dataclass(frozen=True)
class UnservedView:
    """A request a plan leaves out, with what the document needs to say why in its own words."""

    request_code: str
    venue_name: str
    county: str  # county name, e.g. 丰县
    reason: UnservedReason
    types_wanted: tuple[str, ...] = ()  # caravan types the request allows (I..IV); empty: any
    themes_wanted: tuple[str, ...] = ()  # themes it wants (at least one of them); empty: any
    elsewhere: tuple[FittingCaravanView, ...] = ()  # nearest first


@dataclass(frozen=True)
class CaravanFigures:
    caravan_code: str
    plate: str
    days_on_road: int
    shows: int
    km: float
    available_days: int | None = None  # working days it could have gone (None: not known)


@dataclass(frozen=True)
class TourPlanView:
    name: str
    start: date
    end: date
    status: str  # draft, approved, published
    trips: tuple[TripView, ...]
    unserved: tuple[UnservedView, ...] = ()
    per_caravan: tuple[CaravanFigures, ...] = ()
    key_counties: tuple[str, ...] = ()  # adcodes of the key-assistance counties
    requests: int = 0
    served: int = 0
    utilisation: Utilisation | None = None  # every caravan's days against the days it could go


@dataclass(frozen=True)
class SetMoveView:
    """One set's stay in a period and the truck move that brought it there."""

    set_code: str
    set_name: str
    theme: str
    period: int  # 0-based
    period_start: date
    period_end: date
    venue_code: str
    venue_name: str
    county: str
    county_adcode: str
    place: PlaceView
    from_name: str  # the venue or depot it came from
    from_place: PlaceView
    km: float  # road km of the move
    truck_loads: int
    locked: bool = False
    # The changeover days of the move (first uninstall day to last install day), when the planner
    # scheduled them; None for a move made by hand or a set that stays where it is.
    changeover: tuple[date, date] | None = None


@dataclass(frozen=True)
class RotationPlanView:
    name: str
    start: date
    periods: tuple[tuple[date, date], ...]
    stays: tuple[SetMoveView, ...]
    depots: tuple[DepotView, ...] = ()
    status: str = "draft"
    objective: float | None = None
    bound: float | None = None
    optimal: bool = False
    # Sets trucked back to a depot in a changeover (in store for that period): the venue fields
    # name the depot, and the period is the one the set sits out.
    returns: tuple[SetMoveView, ...] = ()
    # Every set of the problem the plan was solved for, as (code, name): a set with no stay in the
    # plan is in the schedule too (where it is meanwhile is the rotation grid's to explain).
    sets: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CountyCoverage:
    adcode: str
    name: str
    held: int  # shows held in the period looked at
    planned: int  # shows planned
    key_county: bool = False


@dataclass(frozen=True)
class CoverageView:
    title: str
    counties: tuple[CountyCoverage, ...]


@dataclass(frozen=True)
class VenueView:
    code: str
    name: str
    kind: str
    county: str
    place: PlaceView
    hall_area_m2: float | None = None


@dataclass(frozen=True)
class CaravanView:
    code: str
    plate: str
    type: str
    status: str
    depot_code: str
    place: PlaceView


@dataclass(frozen=True)
class SetStandView:
    """A museum set where it stands on a day: in a hall (its recorded stay), or in store at home."""

    code: str
    name: str
    theme: str
    status: str  # SetStatus value
    place: PlaceView
    in_hall: bool
    where: str  # the hall's name, or the home depot's
    county: str = ""  # the hall's county
    start: date | None = None  # the stay in the hall
    end: date | None = None
    hall_area_m2: float = 0.0  # the hall the set needs


@dataclass(frozen=True)
class InventoryView:
    depots: tuple[DepotView, ...]
    caravans: tuple[CaravanView, ...]
    venues: tuple[VenueView, ...]
    sets: tuple[SetStandView, ...] = ()
    day: date | None = None  # the day the sets stand where they do


@dataclass(frozen=True)
class Evidence:
    """One fact behind a rule hit, e.g. ("age", "12.4 years", "threshold 10 years")."""

    name: str
    value: str
    threshold: str = ""


@dataclass(frozen=True)
class RetirementCandidateView:
    kind: str  # caravan, exhibit, set
    code: str
    name: str
    rules: tuple[str, ...]  # rule codes that flagged it, e.g. caravan_age
    evidence: tuple[Evidence, ...]
    recommendation: str  # retire, refurbish, redeploy, keep
    decision: str = ""  # accepted, rejected, or empty while undecided


@dataclass(frozen=True)
class RegroupMoveView:
    exhibit_code: str
    exhibit_name: str
    theme: str
    from_name: str  # set, kit or depot it leaves
    to_name: str  # set or kit it joins
    km: float


@dataclass(frozen=True)
class SetCompletenessView:
    code: str
    name: str
    before: int  # exhibits before regrouping
    after: int
    complete: bool


@dataclass(frozen=True)
class WhatIfView:
    """Re-planning the term without a caravan (or with it moved) against the plan with it."""

    caravan_code: str
    moved_to_city: str  # the city's name when the caravan is redeployed there; empty when retired
    served_before: int
    served_after: int
    key_counties_before: int
    key_counties_after: int
    km_before: float
    km_after: float
    lost_requests: tuple[str, ...] = ()
    # Key-county coverage counted in requests too (key_counties_* count counties with a show).
    key_requests_before: int = 0
    key_requests_after: int = 0


@dataclass(frozen=True)
class ConsolidationView:
    name: str
    made_on: date
    term: str  # e.g. 2027-spring
    thresholds: tuple[Evidence, ...]  # the settings the rules used
    candidates: tuple[RetirementCandidateView, ...]
    moves: tuple[RegroupMoveView, ...] = ()
    sets: tuple[SetCompletenessView, ...] = ()
    what_ifs: tuple[WhatIfView, ...] = ()
    # What the run's notes say, worded by the report: when it screened and over which records, the
    # baseline plan, the caravan kits' regrouping, exhibits sent back to store, checker findings.
    as_of: date | None = None
    use_window: tuple[date, date] | None = None
    baseline: CoverageFigures | None = None
    kits: RegroupFigures | None = None
    to_store: int = 0
    violations: int = 0


@dataclass(frozen=True)
class LinkageCaravanView:
    """A caravan in a proposed joint tour, as the director knows it: where it belongs and starts from."""

    code: str
    home: str  # the region it belongs to, by name
    depot: str  # its depot, by name
    place: PlaceView  # the depot's position (GCJ-02)


@dataclass(frozen=True)
class LinkageProposalView:
    number: int
    caravans: tuple[LinkageCaravanView, ...]
    regions: tuple[tuple[str, str], ...]  # (adcode, name) of the counties or cities it opens
    gain: LinkageGain
    requests: int  # the unserved requests it was proposed for


@dataclass(frozen=True)
class LinkageView:
    """The linkage advice for a term, for the director: the plan as the rules stand, the most linkage
    can bring, each proposal with what it brought, and the plan with all of them."""

    start: date
    end: date
    seconds_per_plan: float
    baseline: PlanFigures
    potential: PlanFigures
    with_all: PlanFigures
    proposals: tuple[LinkageProposalView, ...]
