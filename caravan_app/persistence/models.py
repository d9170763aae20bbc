"""The database schema as SQLAlchemy 2 typed models.

The database holds every rule it can: unique codes, foreign keys and checks (dates in order, areas
and kilometres not negative, grades A–D, an exhibit in exactly one place). Every row a user edits
has a `version` column that SQLAlchemy bumps on each update, so a save over a stale copy fails
instead of overwriting someone else's edit. Coordinates are GCJ-02 (as in the reference data).
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan_app.domain.enums import (
    CaravanStatus,
    CaravanType,
    CheckContext,
    ConditionGrade,
    DivisionKind,
    EventStatus,
    ExhibitStatus,
    ExhibitUse,
    Level,
    MaintenanceKind,
    PlanKind,
    PlanStatus,
    RequestKind,
    RequestStatus,
    SetStatus,
    VenueKind,
)
from caravan_app.domain.outcomes import SolveStatus, UnservedReason
from caravan_app.persistence.base import NAMING_CONVENTION, Base, enum_column
from caravan_app.persistence.decisions import (
    Holiday,
    JointTour,
    JointTourCaravan,
    JointTourRegion,
    RegroupMove,
    RetirementCandidate,
    SchoolTerm,
    SetMove,
)
from caravan_app.persistence.records import AuditEntry, KitExport, KitImport

# Every table, including those of records and decisions kept in their own modules.
__all__ = [
    "AuditEntry",
    "Base",
    "Caravan",
    "ConditionCheck",
    "Depot",
    "enum_column",
    "Event",
    "Exhibit",
    "ExhibitSet",
    "Holiday",
    "JointTour",
    "JointTourCaravan",
    "JointTourRegion",
    "KitExport",
    "KitImport",
    "MaintenanceRecord",
    "Movement",
    "NAMING_CONVENTION",
    "Plan",
    "Region",
    "RegroupMove",
    "RetirementCandidate",
    "SchoolTerm",
    "SetMembership",
    "SetMove",
    "SetPlacement",
    "TourStop",
    "Trip",
    "UnservedRequest",
    "Venue",
    "VisitRequest",
    "Workshop",
]


class Region(Base):
    __tablename__ = "regions"
    __table_args__ = (
        CheckConstraint("lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180", name="coords"),
        CheckConstraint("length(adcode) = 6", name="adcode_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    adcode: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    level: Mapped[Level] = mapped_column(enum_column(Level, "region_level"))
    # For county-level regions: district, county or county city (urban districts have few villages).
    division: Mapped[DivisionKind | None] = mapped_column(enum_column(DivisionKind, "division_kind"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    is_key_county: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    parent: Mapped[Region | None] = relationship(remote_side=[id])


class Depot(Base):
    __tablename__ = "depots"
    __table_args__ = (CheckConstraint("lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180", name="coords"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    owner_level: Mapped[Level] = mapped_column(enum_column(Level, "depot_owner_level"))
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    region: Mapped[Region] = relationship()


class Workshop(Base):
    """A repair workshop: one of the places an exhibit can be."""

    __tablename__ = "workshops"
    __table_args__ = (CheckConstraint("lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180", name="coords"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    region: Mapped[Region] = relationship()


class Venue(Base):
    __tablename__ = "venues"
    __table_args__ = (
        CheckConstraint("hall_area_m2 IS NULL OR hall_area_m2 >= 0", name="hall_area"),
        CheckConstraint("lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180", name="coords"),
        CheckConstraint("length(open_weekdays) BETWEEN 1 AND 7", name="weekdays"),
        CheckConstraint("open_to > open_from", name="hours"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[VenueKind] = mapped_column(enum_column(VenueKind, "venue_kind"))
    county_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    township: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    contact_name: Mapped[str] = mapped_column(String(40), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    hall_area_m2: Mapped[float | None] = mapped_column(Float)
    caravan_parking: Mapped[bool] = mapped_column(Boolean, default=True)
    open_weekdays: Mapped[str] = mapped_column(String(7), default="12345")
    # The hours a show may run on an open day.
    open_from: Mapped[time] = mapped_column(Time, default=time(8, 0))
    open_to: Mapped[time] = mapped_column(Time, default=time(17, 0))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    county: Mapped[Region] = relationship()


class Caravan(Base):
    __tablename__ = "caravans"
    __table_args__ = (
        CheckConstraint("odometer_km >= 0", name="odometer"),
        CheckConstraint("exhibit_slots >= 0", name="slots"),
        CheckConstraint("crew_size BETWEEN 1 AND 12", name="crew"),
        CheckConstraint("value_yuan >= 0", name="value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    plate: Mapped[str] = mapped_column(String(20), unique=True)
    type: Mapped[CaravanType] = mapped_column(enum_column(CaravanType, "caravan_type"))
    owner_level: Mapped[Level] = mapped_column(enum_column(Level, "caravan_owner_level"))
    owner_region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    home_depot_id: Mapped[int] = mapped_column(ForeignKey("depots.id"), index=True)
    exhibit_slots: Mapped[int] = mapped_column(Integer)
    crew_size: Mapped[int] = mapped_column(Integer)
    in_service_since: Mapped[date] = mapped_column(Date)
    odometer_km: Mapped[float] = mapped_column(Float, default=0)
    odometer_read_on: Mapped[date | None] = mapped_column(Date)
    value_yuan: Mapped[float] = mapped_column(Float, default=0)
    status: Mapped[CaravanStatus] = mapped_column(
        enum_column(CaravanStatus, "caravan_status"), default=CaravanStatus.IN_SERVICE
    )
    themes: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    owner_region: Mapped[Region] = relationship()
    home_depot: Mapped[Depot] = relationship()


class ExhibitSet(Base):
    __tablename__ = "exhibit_sets"
    __table_args__ = (
        CheckConstraint("hall_area_m2 >= 0", name="hall_area"),
        CheckConstraint("install_days >= 0 AND uninstall_days >= 0", name="days"),
        CheckConstraint("truck_loads >= 1", name="truck_loads"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    theme: Mapped[str] = mapped_column(String(40))
    hall_area_m2: Mapped[float] = mapped_column(Float)
    install_days: Mapped[int] = mapped_column(Integer, default=3)
    uninstall_days: Mapped[int] = mapped_column(Integer, default=2)
    truck_loads: Mapped[int] = mapped_column(Integer, default=2)
    formed_on: Mapped[date | None] = mapped_column(Date)
    # What a complete set holds: theme minimums such as "力学:15;数学:8" (domain.sets parses it).
    template: Mapped[str] = mapped_column(String(200), default="")
    home_depot_id: Mapped[int] = mapped_column(ForeignKey("depots.id"), index=True)
    status: Mapped[SetStatus] = mapped_column(
        enum_column(SetStatus, "set_status"), default=SetStatus.IN_STORE
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    home_depot: Mapped[Depot] = relationship()


# An exhibit is in exactly one place; which one is told by which of the four columns is set.
_ONE_LOCATION = (
    "(CASE WHEN depot_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN caravan_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN set_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN workshop_id IS NULL THEN 0 ELSE 1 END)"
)


class Exhibit(Base):
    __tablename__ = "exhibits"
    __table_args__ = (
        CheckConstraint(f"{_ONE_LOCATION} = 1", name="one_location"),
        CheckConstraint(
            "length_cm >= 0 AND width_cm >= 0 AND height_cm >= 0 AND weight_kg >= 0 AND power_w >= 0",
            name="sizes",
        ),
        CheckConstraint("service_life_years > 0", name="service_life"),
        CheckConstraint("value_yuan >= 0", name="value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(150), default="")
    theme: Mapped[str] = mapped_column(String(40))
    use: Mapped[ExhibitUse] = mapped_column(enum_column(ExhibitUse, "exhibit_use"))
    length_cm: Mapped[float] = mapped_column(Float, default=0)
    width_cm: Mapped[float] = mapped_column(Float, default=0)
    height_cm: Mapped[float] = mapped_column(Float, default=0)
    weight_kg: Mapped[float] = mapped_column(Float, default=0)
    power_w: Mapped[float] = mapped_column(Float, default=0)
    acquired_on: Mapped[date] = mapped_column(Date)
    service_life_years: Mapped[int] = mapped_column(Integer, default=8)
    value_yuan: Mapped[float] = mapped_column(Float, default=0)
    condition: Mapped[ConditionGrade] = mapped_column(
        enum_column(ConditionGrade, "condition_grade"), default=ConditionGrade.A
    )
    status: Mapped[ExhibitStatus] = mapped_column(
        enum_column(ExhibitStatus, "exhibit_status"), default=ExhibitStatus.IN_STORE
    )
    depot_id: Mapped[int | None] = mapped_column(ForeignKey("depots.id"), index=True)
    caravan_id: Mapped[int | None] = mapped_column(ForeignKey("caravans.id"), index=True)
    set_id: Mapped[int | None] = mapped_column(ForeignKey("exhibit_sets.id"), index=True)
    workshop_id: Mapped[int | None] = mapped_column(ForeignKey("workshops.id"), index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    depot: Mapped[Depot | None] = relationship()
    caravan: Mapped[Caravan | None] = relationship()
    exhibit_set: Mapped[ExhibitSet | None] = relationship()
    workshop: Mapped[Workshop | None] = relationship()


class SetMembership(Base):
    """An exhibit's membership of a set from `joined_on` until `left_on` (open while it stays)."""

    __tablename__ = "set_memberships"
    __table_args__ = (
        UniqueConstraint("set_id", "exhibit_id", "joined_on"),
        CheckConstraint("left_on IS NULL OR left_on >= joined_on", name="dates"),
        # An exhibit belongs to at most one set at a time.
        Index(
            "uq_set_memberships_open_exhibit",
            "exhibit_id",
            unique=True,
            sqlite_where=text("left_on IS NULL"),
            postgresql_where=text("left_on IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("exhibit_sets.id"), index=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id"), index=True)
    joined_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    exhibit_set: Mapped[ExhibitSet] = relationship()
    exhibit: Mapped[Exhibit] = relationship()


_PLACE_COUNT = (
    "(CASE WHEN {p}depot_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN {p}caravan_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN {p}set_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN {p}workshop_id IS NULL THEN 0 ELSE 1 END)"
)


class Movement(Base):
    """An exhibit moved from one place to another; no `from` place means it was acquired."""

    __tablename__ = "movements"
    __table_args__ = (
        CheckConstraint(f"{_PLACE_COUNT.format(p='to_')} = 1", name="one_destination"),
        CheckConstraint(f"{_PLACE_COUNT.format(p='from_')} <= 1", name="one_origin"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id"), index=True)
    moved_at: Mapped[datetime] = mapped_column(DateTime)
    from_depot_id: Mapped[int | None] = mapped_column(ForeignKey("depots.id"))
    from_caravan_id: Mapped[int | None] = mapped_column(ForeignKey("caravans.id"))
    from_set_id: Mapped[int | None] = mapped_column(ForeignKey("exhibit_sets.id"))
    from_workshop_id: Mapped[int | None] = mapped_column(ForeignKey("workshops.id"))
    to_depot_id: Mapped[int | None] = mapped_column(ForeignKey("depots.id"))
    to_caravan_id: Mapped[int | None] = mapped_column(ForeignKey("caravans.id"))
    to_set_id: Mapped[int | None] = mapped_column(ForeignKey("exhibit_sets.id"))
    to_workshop_id: Mapped[int | None] = mapped_column(ForeignKey("workshops.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    exhibit: Mapped[Exhibit] = relationship()


class MaintenanceRecord(Base):
    """Work done (or planned: closed_on in the future) on an exhibit, a caravan or a whole set."""

    __tablename__ = "maintenance_records"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN exhibit_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN caravan_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN set_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_subject",
        ),
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="dates"),
        CheckConstraint("cost_yuan >= 0", name="cost"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    exhibit_id: Mapped[int | None] = mapped_column(ForeignKey("exhibits.id"), index=True)
    caravan_id: Mapped[int | None] = mapped_column(ForeignKey("caravans.id"), index=True)
    set_id: Mapped[int | None] = mapped_column(ForeignKey("exhibit_sets.id"), index=True)
    kind: Mapped[MaintenanceKind] = mapped_column(enum_column(MaintenanceKind, "maintenance_kind"))
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    fault: Mapped[str] = mapped_column(String(200), default="")
    cost_yuan: Mapped[float] = mapped_column(Float, default=0)
    workshop_id: Mapped[int | None] = mapped_column(ForeignKey("workshops.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    exhibit: Mapped[Exhibit | None] = relationship()
    caravan: Mapped[Caravan | None] = relationship()
    exhibit_set: Mapped[ExhibitSet | None] = relationship()


class ConditionCheck(Base):
    __tablename__ = "condition_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id"), index=True)
    checked_on: Mapped[date] = mapped_column(Date)
    grade: Mapped[ConditionGrade] = mapped_column(enum_column(ConditionGrade, "check_grade"))
    context: Mapped[CheckContext] = mapped_column(enum_column(CheckContext, "check_context"))
    fault: Mapped[str] = mapped_column(String(200), default="")
    checked_by: Mapped[str] = mapped_column(String(40), default="")
    photo_path: Mapped[str] = mapped_column(String(260), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    exhibit: Mapped[Exhibit] = relationship()


class VisitRequest(Base):
    """A venue's request for a caravan visit or a museum-set placement between two dates."""

    __tablename__ = "requests"
    __table_args__ = (
        CheckConstraint("latest_on >= earliest_on", name="dates"),
        CheckConstraint("expected_audience >= 0", name="audience"),
        CheckConstraint("priority BETWEEN 1 AND 5", name="priority"),
        CheckConstraint("show_days BETWEEN 1 AND 180", name="show_days"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"), index=True)
    kind: Mapped[RequestKind] = mapped_column(enum_column(RequestKind, "request_kind"))
    earliest_on: Mapped[date] = mapped_column(Date)
    latest_on: Mapped[date] = mapped_column(Date)
    show_days: Mapped[int] = mapped_column(Integer, default=1)
    themes_wanted: Mapped[str] = mapped_column(String(200), default="")
    # Caravan types the venue can take, e.g. "III;IV" for narrow village roads; empty: any type.
    caravan_types: Mapped[str] = mapped_column(String(20), default="")
    expected_audience: Mapped[int] = mapped_column(Integer, default=0)
    priority: Mapped[int] = mapped_column(Integer, default=3)
    status: Mapped[RequestStatus] = mapped_column(
        enum_column(RequestStatus, "request_status"), default=RequestStatus.OPEN
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    venue: Mapped[Venue] = relationship()


class Plan(Base):
    """A named scenario: a tour plan, a rotation plan or a consolidation plan, with solver figures."""

    __tablename__ = "plans"
    __table_args__ = (
        CheckConstraint("horizon_end >= horizon_start", name="dates"),
        CheckConstraint("solve_seconds IS NULL OR solve_seconds >= 0", name="solve_seconds"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[PlanKind] = mapped_column(enum_column(PlanKind, "plan_kind"))
    horizon_start: Mapped[date] = mapped_column(Date)
    horizon_end: Mapped[date] = mapped_column(Date)
    status: Mapped[PlanStatus] = mapped_column(
        enum_column(PlanStatus, "plan_status"), default=PlanStatus.DRAFT
    )
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # On PostgreSQL the server writes these (migration 0010's trigger): the signed-in role, its clock.
    created_by: Mapped[str] = mapped_column(String(63), default="")
    approved_by: Mapped[str] = mapped_column(String(63), default="", server_default="")
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)
    # None for a plan not made by a solver here (imported, or typed in a workbook).
    solver_status: Mapped[SolveStatus | None] = mapped_column(enum_column(SolveStatus, "solve_status"))
    objective: Mapped[float | None] = mapped_column(Float)
    bound: Mapped[float | None] = mapped_column(Float)
    solve_seconds: Mapped[float | None] = mapped_column(Float)
    # Parameters and figures vary by plan kind; JSON text keeps the schema stable as they grow.
    parameters_json: Mapped[str] = mapped_column(Text, default="{}")
    figures_json: Mapped[str] = mapped_column(Text, default="{}")
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class Trip(Base):
    """One trip of a caravan in a tour plan: leaves its depot, visits venues, returns."""

    __tablename__ = "trips"
    __table_args__ = (
        CheckConstraint("back_at >= leave_at", name="times"),
        CheckConstraint("km_back >= 0", name="km_back"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    caravan_id: Mapped[int] = mapped_column(ForeignKey("caravans.id"), index=True)
    leave_at: Mapped[datetime] = mapped_column(DateTime)
    back_at: Mapped[datetime] = mapped_column(DateTime)
    # From the last stop back to the depot; the trip's km is this plus its stops' km.
    km_back: Mapped[float] = mapped_column(Float, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    plan: Mapped[Plan] = relationship()
    caravan: Mapped[Caravan] = relationship()
    stops: Mapped[list[TourStop]] = relationship(
        back_populates="trip", order_by="TourStop.seq", cascade="all, delete-orphan"
    )


class TourStop(Base):
    __tablename__ = "tour_stops"
    __table_args__ = (
        UniqueConstraint("trip_id", "seq"),
        CheckConstraint("show_end >= show_start AND show_start >= arrive_at", name="times"),
        CheckConstraint("km_from_previous >= 0", name="km"),
        CheckConstraint("seq >= 1", name="seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"), index=True)
    arrive_at: Mapped[datetime] = mapped_column(DateTime)
    show_start: Mapped[datetime] = mapped_column(DateTime)
    show_end: Mapped[datetime] = mapped_column(DateTime)
    km_from_previous: Mapped[float] = mapped_column(Float, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    trip: Mapped[Trip] = relationship(back_populates="stops")
    venue: Mapped[Venue] = relationship()
    request: Mapped[VisitRequest | None] = relationship()


class UnservedRequest(Base):
    """A request a plan left unserved, with the reason the planner gave."""

    __tablename__ = "unserved_requests"
    __table_args__ = (UniqueConstraint("plan_id", "request_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    reason: Mapped[UnservedReason] = mapped_column(enum_column(UnservedReason, "unserved_reason"))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    plan: Mapped[Plan] = relationship()
    request: Mapped[VisitRequest] = relationship()


class SetPlacement(Base):
    """A set standing in a venue between two dates; without a plan it is the historical record."""

    __tablename__ = "set_placements"
    __table_args__ = (CheckConstraint("end_on >= start_on", name="dates"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("exhibit_sets.id"), index=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"), index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    period: Mapped[int | None] = mapped_column(Integer)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    plan: Mapped[Plan | None] = relationship()
    exhibit_set: Mapped[ExhibitSet] = relationship()
    venue: Mapped[Venue] = relationship()


class Event(Base):
    """A show held: a caravan visit on one day, or a museum set's stay reported as one event."""

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN caravan_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN set_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_facility",
        ),
        CheckConstraint("visitors >= 0", name="visitors"),
        CheckConstraint("km_driven >= 0", name="km"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    caravan_id: Mapped[int | None] = mapped_column(ForeignKey("caravans.id"), index=True)
    set_id: Mapped[int | None] = mapped_column(ForeignKey("exhibit_sets.id"), index=True)
    visitors: Mapped[int] = mapped_column(Integer, default=0)
    km_driven: Mapped[float] = mapped_column(Float, default=0)
    activity: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # A show cancelled on the day is kept (with its reason) so the office sees it; figures count held ones.
    status: Mapped[EventStatus] = mapped_column(
        enum_column(EventStatus, "event_status"), default=EventStatus.HELD
    )
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    audience: Mapped[str] = mapped_column(String(100), default="")  # who came, e.g. 小学生
    feedback: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    venue: Mapped[Venue] = relationship()
    caravan: Mapped[Caravan | None] = relationship()
    exhibit_set: Mapped[ExhibitSet | None] = relationship()
