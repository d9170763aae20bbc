"""Writing a field kit: one caravan trip or one museum-set placement to a .ckit file.

Export reads the trip or placement, the venues it needs (with only their contact name and phone),
the exhibits on board and the crew's depot, and packs them with the existing route sheet (or the
rotation schedule page and a condition form for a set's stay) and the existing offline map. The
database keeps its own copy of what it gave the kit (kit_exports), which is all an import may touch.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from caravan_app.domain.enums import PlanStatus
from caravan_app.domain.kit import (
    CONDITION_FORM_PART,
    CONTENTS_PART,
    FORMAT,
    MAP_PART,
    ROUTE_SHEET_PART,
    KitContents,
    KitDepot,
    KitExhibit,
    KitManifest,
    KitStop,
    KitVenue,
    canonical_json,
)
from caravan_app.domain.views import DepotView, ExhibitView, PlaceView, RotationPlanView, SetMoveView
from caravan_app.domain.weekdays import is_open_on
from caravan_app.errors import CaravanError, KitHoldsRecords
from caravan_app.maps import render_rotation_map, render_tour_map
from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database
from caravan_app.persistence.kit_file import unverified_records, write_kit
from caravan_app.persistence.models import (
    Caravan,
    Depot,
    Exhibit,
    ExhibitSet,
    KitExport,
    KitImport,
    Region,
    SetPlacement,
    TourStop,
    Trip,
    Venue,
)
from caravan_app.reports import rotation_schedule, route_sheets
from caravan_app.reports.condition_form import condition_form
from caravan_app.services.maps import draft_title
from caravan_app.services.reports import GONE, tour_plan_view
from caravan_app.services.rotation_views import road_km, rotation_plan_view

PDF, HTML, JSON = "application/pdf", "text/html; charset=utf-8", "application/json"


# --- export ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KitSource:
    """The plan a kit's trip or stay belongs to: a draft's kit goes out only when someone says so."""

    kind: str  # trip, placement
    code: str
    plan_name: str  # empty: a placement recorded outside any plan
    status: PlanStatus | None

    @property
    def draft(self) -> bool:
        return self.status is PlanStatus.DRAFT


def kit_source(db: Database, kind: str, code: str) -> KitSource:
    """The plan and its status for the trip or placement `code`; CaravanError if there is none."""
    with db.session(audited=False) as s:
        return _source(s, kind, code)


def _source(s: Session, kind: str, code: str) -> KitSource:
    if kind == "trip":
        trip = s.scalar(select(Trip).options(joinedload(Trip.plan)).where(Trip.code == code))
        if trip is None:
            raise CaravanError(f"no trip {code!r}")
        return KitSource(kind, code, trip.plan.name, trip.plan.status)
    placement = s.scalar(
        select(SetPlacement).options(joinedload(SetPlacement.plan)).where(SetPlacement.code == code)
    )
    if placement is None:
        raise CaravanError(f"no set placement {code!r}")
    plan = placement.plan
    return KitSource(kind, code, plan.name if plan else "", plan.status if plan else None)


def _refuse_draft(source: KitSource) -> None:
    if source.draft:
        what = "trip" if source.kind == "trip" else "set placement"
        raise CaravanError(
            f"{what} {source.code} belongs to the draft plan {source.plan_name!r}, which is not approved: "
            "its kit would go out with every sheet marked DRAFT. Approve the plan first, or give --draft "
            "to write a draft's kit anyway",
            code="kit_of_draft",
            kind=source.kind,
            item=source.code,
            plan=source.plan_name,
        )


def _sha(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def trip_fingerprint(trip: Trip) -> dict[str, Any]:
    """The trip as planned (caravan, times, stops) and the row versions, to tell later whether the
    office changed it."""
    planned = {
        "caravan": trip.caravan.code,
        "leave_at": trip.leave_at.isoformat(),
        "back_at": trip.back_at.isoformat(),
        "stops": [
            {
                "seq": s.seq,
                "venue": s.venue.code,
                "show_start": s.show_start.isoformat(),
                "show_end": s.show_end.isoformat(),
            }
            for s in sorted(trip.stops, key=lambda s: s.seq)
        ],
    }
    versions = {"trip": trip.version, "stops": {str(s.seq): s.version for s in trip.stops}}
    return {"planned": planned, "planned_sha256": _sha(planned), "versions": versions}


def placement_fingerprint(placement: SetPlacement) -> dict[str, Any]:
    planned = {
        "set": placement.exhibit_set.code,
        "venue": placement.venue.code,
        "start_on": placement.start_on.isoformat(),
        "end_on": placement.end_on.isoformat(),
    }
    return {"planned": planned, "planned_sha256": _sha(planned), "versions": {"placement": placement.version}}


def _kit_venue(venue: Venue) -> KitVenue:
    county: Region = venue.county
    return KitVenue(
        code=venue.code,
        name=venue.name,
        county=county.name,
        city=county.parent.name if county.parent else "",
        address=venue.address,
        lat=venue.lat,
        lon=venue.lon,
        contact_name=venue.contact_name,
        contact_phone=venue.contact_phone,
    )


def _kit_depot(depot: Depot) -> KitDepot:
    return KitDepot(code=depot.code, name=depot.name, address=depot.address, lat=depot.lat, lon=depot.lon)


def _kit_exhibits(exhibits: list[Exhibit]) -> tuple[KitExhibit, ...]:
    return tuple(
        KitExhibit(
            code=e.code, name_zh=e.name_zh, name_en=e.name_en, theme=e.theme, condition=e.condition.value
        )
        for e in sorted(exhibits, key=lambda e: e.code)
    )


def _trip_query() -> Any:
    return select(Trip).options(
        joinedload(Trip.plan),
        joinedload(Trip.caravan).joinedload(Caravan.home_depot),
        selectinload(Trip.stops)
        .joinedload(TourStop.venue)
        .joinedload(Venue.county)
        .joinedload(Region.parent),
    )


def _placement_query() -> Any:
    return select(SetPlacement).options(
        joinedload(SetPlacement.plan),
        joinedload(SetPlacement.exhibit_set).joinedload(ExhibitSet.home_depot),
        joinedload(SetPlacement.venue).joinedload(Venue.county).joinedload(Region.parent),
    )


def _on_board(s: Session, *where: Any) -> list[Exhibit]:
    return list(s.scalars(select(Exhibit).where(*where, Exhibit.status.not_in(GONE))))


def trip_contents(s: Session, trip: Trip) -> KitContents:
    """What a trip's kit carries: its stops, their venues, the exhibits on board now, the depot."""
    stops = sorted(trip.stops, key=lambda st: st.seq)
    venues = {st.venue.code: _kit_venue(st.venue) for st in stops}
    return KitContents(
        kind="trip",
        code=trip.code,
        plan_name=trip.plan.name,
        facility_code=trip.caravan.code,
        facility_name=trip.caravan.plate,
        caravan_type=trip.caravan.type.value,
        depot=_kit_depot(trip.caravan.home_depot),
        start=trip.leave_at.date(),
        end=trip.back_at.date(),
        stops=tuple(
            KitStop(
                seq=st.seq,
                venue_code=st.venue.code,
                arrive_at=st.arrive_at,
                show_start=st.show_start,
                show_end=st.show_end,
                km_from_previous=st.km_from_previous,
            )
            for st in stops
        ),
        venues=tuple(venues[c] for c in dict.fromkeys(st.venue.code for st in stops)),
        exhibits=_kit_exhibits(_on_board(s, Exhibit.caravan_id == trip.caravan_id)),
    )


def placement_contents(s: Session, placement: SetPlacement) -> KitContents:
    """What a set's stay carries: the hall, the open days, the set's exhibits now, the depot."""
    exhibit_set, venue = placement.exhibit_set, placement.venue
    days = []
    day = placement.start_on
    while day <= placement.end_on:
        if is_open_on(venue.open_weekdays, day):
            days.append(day)
        day += timedelta(days=1)
    return KitContents(
        kind="placement",
        code=placement.code,
        plan_name=placement.plan.name if placement.plan else "",
        facility_code=exhibit_set.code,
        facility_name=exhibit_set.name,
        caravan_type="",
        depot=_kit_depot(exhibit_set.home_depot),
        start=placement.start_on,
        end=placement.end_on,
        days=tuple(days),
        venues=(_kit_venue(venue),),
        exhibits=_kit_exhibits(_on_board(s, Exhibit.set_id == exhibit_set.id)),
    )


def current_contents(s: Session, kind: str, code: str) -> tuple[KitContents, dict[str, Any]] | None:
    """The contents a kit of this trip or placement would carry now, and its fingerprint; None if gone."""
    if kind == "trip":
        trip = s.scalar(_trip_query().where(Trip.code == code))
        return (trip_contents(s, trip), trip_fingerprint(trip)) if trip else None
    placement = s.scalar(_placement_query().where(SetPlacement.code == code))
    return (placement_contents(s, placement), placement_fingerprint(placement)) if placement else None


def _scope(contents: KitContents) -> KitContents:
    """What an import needs of the contents (codes, stops, days, dates), without the names, contacts
    and addresses: the copy stays small enough for a workbook cell however many exhibits ride along."""
    return replace(
        contents,
        depot=KitDepot(contents.depot.code, "", "", 0.0, 0.0),
        venues=tuple(KitVenue(v.code, "", "", "", "", 0.0, 0.0, "", "") for v in contents.venues),
        exhibits=tuple(KitExhibit(e.code, "", "", "", e.condition) for e in contents.exhibits),
    )


def _record_export(db: Database, manifest: KitManifest, contents: KitContents) -> None:
    # Kept before the file is written: a kit the office has no copy of is never handed out.
    with db.session(audited=False) as s:
        s.add(
            KitExport(
                kit_id=manifest.kit_id,
                kind=manifest.kind,
                code=manifest.code,
                scope=_scope(contents).to_json(),
                fingerprint=canonical_json(manifest.fingerprint),
                exported_at=manifest.exported_at,
                exported_by=manifest.exported_by[:60],
            )
        )


def _manifest(
    kind: str, code: str, fingerprint: dict[str, Any], by: str, now: datetime | None
) -> KitManifest:
    return KitManifest(
        format=FORMAT,
        schema_version=migrate.head_revision(),
        kit_id=str(uuid.uuid4()),
        kind=kind,
        code=code,
        exported_at=(now or datetime.now()).replace(microsecond=0),
        exported_by=by,
        fingerprint=fingerprint,
    )


def _refuse_to_lose_records(db: Database, out: Path, force: bool) -> None:
    if force or not out.exists():
        return
    found = unverified_records(out)
    if found is None or not found[1]:
        return
    kit_id, record_ids = found
    with db.session(audited=False) as s:
        taken = set(s.scalars(select(KitImport.record_id).where(KitImport.kit_id == kit_id)))
    waiting = [r for r in record_ids if r not in taken]
    if waiting:
        raise KitHoldsRecords(str(out), len(waiting))


def export_trip(
    db: Database,
    code: str,
    out: Path,
    *,
    lang: str = "zh",
    exported_by: str | None = None,
    now: datetime | None = None,
    force: bool = False,
    draft: bool = True,
) -> KitManifest:
    """Write the kit of one caravan trip to `out`; returns its manifest. A kit at `out` whose records
    are not all imported is not replaced unless `force` (KitHoldsRecords). A trip of a draft plan is
    refused unless `draft` (kit_of_draft); its sheets and map carry the draft mark."""
    _refuse_to_lose_records(db, Path(out), force)
    with db.session(audited=False) as s:
        source = _source(s, "trip", code)
        if not draft:
            _refuse_draft(source)
        trip = s.scalar(_trip_query().where(Trip.code == code))
        if trip is None:
            raise CaravanError(f"no trip {code!r}")
        plan_view = tour_plan_view(s, trip.plan.name, lang)
        trip_view = next(t for t in plan_view.trips if t.code == code)
        # Only this trip: the other trips' venues and contacts stay in the office.
        view = replace(
            plan_view,
            trips=(trip_view,),
            unserved=(),
            per_caravan=tuple(f for f in plan_view.per_caravan if f.caravan_code == trip_view.caravan_code),
        )
        contents = trip_contents(s, trip)
        manifest = _manifest("trip", trip.code, trip_fingerprint(trip), exported_by or db.user_name, now)
    sheet = route_sheets(view, lang, trip_codes=[code], printed_on=manifest.exported_at.date())
    # The map's title speaks of this trip: its own days, not the plan's term and served count.
    trip_only = replace(
        view,
        name=draft_title(f"{view.name} · {code}", lang) if source.draft else f"{view.name} · {code}",
        start=trip_view.leave_at.date(),
        end=trip_view.back_at.date(),
        requests=0,
        served=0,
    )
    page = render_tour_map(trip_only, lang)
    parts = [
        (CONTENTS_PART, JSON, contents.to_json().encode("utf-8")),
        (ROUTE_SHEET_PART, PDF, sheet),
        (MAP_PART, HTML, page.encode("utf-8")),
    ]
    _record_export(db, manifest, contents)
    # The route sheet ends with the checklist and the condition form.
    return write_kit(Path(out), replace(manifest, condition_form=ROUTE_SHEET_PART), parts)


def export_placement(
    db: Database,
    code: str,
    out: Path,
    *,
    lang: str = "zh",
    exported_by: str | None = None,
    now: datetime | None = None,
    force: bool = False,
    draft: bool = True,
) -> KitManifest:
    """Write the kit of one museum set's stay in a venue to `out`; returns its manifest. A kit at `out`
    whose records are not all imported is not replaced unless `force` (KitHoldsRecords). A stay of a
    draft plan is refused unless `draft` (kit_of_draft); its pages and map carry the draft mark."""
    _refuse_to_lose_records(db, Path(out), force)
    with db.session(audited=False) as s:
        source = _source(s, "placement", code)
        if not draft:
            _refuse_draft(source)
        placement = s.scalar(_placement_query().where(SetPlacement.code == code))
        if placement is None:
            raise CaravanError(f"no set placement {code!r}")
        exhibit_set, venue = placement.exhibit_set, placement.venue
        depot = exhibit_set.home_depot
        exhibits = _on_board(s, Exhibit.set_id == exhibit_set.id)
        plan_name = placement.plan.name if placement.plan else ""
        contents = placement_contents(s, placement)
        depot_view = DepotView(depot.code, depot.name, PlaceView(depot.lat, depot.lon), depot.address)
        here = PlaceView(venue.lat, venue.lon)
        stay = SetMoveView(
            set_code=exhibit_set.code,
            set_name=exhibit_set.name,
            theme=exhibit_set.theme,
            period=0,
            period_start=placement.start_on,
            period_end=placement.end_on,
            venue_code=venue.code,
            venue_name=venue.name,
            county=venue.county.name,
            county_adcode=venue.county.adcode,
            place=here,
            from_name=depot.name,
            from_place=depot_view.place,
            km=road_km(depot_view.place, here),
            truck_loads=exhibit_set.truck_loads,
            locked=placement.locked,
        )
        if placement.plan is not None and placement.period is not None:
            # The move the plan makes into this stay (from the hall before, or from a depot), shown
            # as the kit's one period.
            planned = rotation_plan_view(s, placement.plan.name)
            stay = next(
                (
                    replace(m, period=0)
                    for m in planned.stays
                    if m.set_code == exhibit_set.code and m.period == placement.period
                ),
                stay,
            )
        view = RotationPlanView(
            name=f"{plan_name} · {placement.code}" if plan_name else placement.code,
            start=placement.start_on,
            periods=((placement.start_on, placement.end_on),),
            stays=(stay,),
            depots=(depot_view,),
            status=placement.plan.status.value if placement.plan else "approved",
        )
        load = tuple(
            ExhibitView(
                code=e.code,
                name=e.name_en if lang == "en" and e.name_en else e.name_zh,
                theme=e.theme,
                condition=e.condition.value,
                weight_kg=e.weight_kg,
            )
            for e in sorted(exhibits, key=lambda e: e.code)
        )
        manifest = _manifest(
            "placement", placement.code, placement_fingerprint(placement), exported_by or db.user_name, now
        )
        title = f"{exhibit_set.code} {exhibit_set.name} — {venue.name}"
    printed = manifest.exported_at.date()
    mapped = replace(view, name=draft_title(view.name, lang)) if source.draft else view
    form = condition_form(title, load, lang, plan_name=code, printed_on=printed, draft=source.draft)
    parts = [
        (CONTENTS_PART, JSON, contents.to_json().encode("utf-8")),
        (ROUTE_SHEET_PART, PDF, rotation_schedule(view, lang, printed_on=printed)),
        (MAP_PART, HTML, render_rotation_map(mapped, lang).encode("utf-8")),
        (CONDITION_FORM_PART, PDF, form),
    ]
    _record_export(db, manifest, contents)
    return write_kit(Path(out), replace(manifest, condition_form=CONDITION_FORM_PART), parts)
