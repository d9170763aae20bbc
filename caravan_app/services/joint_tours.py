"""Joint tours (联动) as staff keep them: which caravans may also serve which regions, until when.

Every change is one audited transaction; a change made on a joint tour someone else changed since it
was read is refused (ConflictError), and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from caravan_app.errors import CaravanError, ConflictError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Caravan, JointTour, JointTourCaravan, JointTourRegion, Region


@dataclass(frozen=True)
class JointTourView:
    id: int
    version: int
    code: str
    name: str
    caravans: tuple[str, ...]  # codes
    regions: tuple[tuple[str, str], ...]  # (adcode, name)
    ended_on: date | None
    notes: str


@dataclass(frozen=True)
class JointTourDraft:
    """What a person fills in: a joint tour's name, caravans (codes), regions (adcodes) and notes."""

    name: str
    caravans: tuple[str, ...]
    regions: tuple[str, ...]
    notes: str = ""


def joint_tours(db: Database) -> list[JointTourView]:
    """Every joint tour, running ones first, by code."""
    with db.session(audited=False) as s:
        caravans = {c.id: c.code for c in s.scalars(select(Caravan))}
        regions = {r.id: (r.adcode, r.name) for r in s.scalars(select(Region))}
        members: dict[int, list[str]] = {}
        for m in s.scalars(select(JointTourCaravan)):
            members.setdefault(m.joint_tour_id, []).append(caravans[m.caravan_id])
        places: dict[int, list[tuple[str, str]]] = {}
        for p in s.scalars(select(JointTourRegion)):
            places.setdefault(p.joint_tour_id, []).append(regions[p.region_id])
        views = [
            JointTourView(
                t.id,
                t.version,
                t.code,
                t.name,
                tuple(sorted(members.get(t.id, ()))),
                tuple(sorted(places.get(t.id, ()))),
                t.ended_on,
                t.notes or "",
            )
            for t in s.scalars(select(JointTour))
        ]
    return sorted(views, key=lambda v: (v.ended_on is not None, v.code))


def _tour(session: Session, tour_id: int, version: int) -> JointTour:
    tour = session.get(JointTour, tour_id)
    if tour is None:
        raise ConflictError("joint_tours", f"#{tour_id}", "it was deleted")
    if tour.version != version:
        raise ConflictError("joint_tours", tour.code, f"version {tour.version}, yours {version}")
    return tour


def _check(session: Session, draft: JointTourDraft) -> tuple[dict[str, Caravan], dict[str, Region]]:
    if not draft.name.strip():
        raise CaravanError("a joint tour needs a name", code="joint_tour_needs_name")
    if not draft.caravans or not draft.regions:
        raise CaravanError(
            "a joint tour needs at least one caravan and one region", code="joint_tour_needs_members"
        )
    caravans = {c.code: c for c in session.scalars(select(Caravan).where(Caravan.code.in_(draft.caravans)))}
    regions = {r.adcode: r for r in session.scalars(select(Region).where(Region.adcode.in_(draft.regions)))}
    for code in draft.caravans:
        if code not in caravans:
            raise CaravanError(f"no caravan {code}", code="no_such_caravan", caravan=code)
    for adcode in draft.regions:
        if adcode not in regions:
            raise CaravanError(f"no region {adcode}", code="no_such_region", region=adcode)
    return caravans, regions


def _set_members(session: Session, tour: JointTour, draft: JointTourDraft) -> None:
    caravans, regions = _check(session, draft)
    for row in session.scalars(select(JointTourCaravan).where(JointTourCaravan.joint_tour_id == tour.id)):
        session.delete(row)
    for area in session.scalars(select(JointTourRegion).where(JointTourRegion.joint_tour_id == tour.id)):
        session.delete(area)
    session.flush()
    for code in sorted(set(draft.caravans)):
        session.add(JointTourCaravan(joint_tour_id=tour.id, caravan_id=caravans[code].id))
    for adcode in sorted(set(draft.regions)):
        session.add(JointTourRegion(joint_tour_id=tour.id, region_id=regions[adcode].id))


def next_code(session: Session) -> str:
    number = (session.scalar(select(func.count()).select_from(JointTour)) or 0) + 1
    while session.scalar(select(JointTour.id).where(JointTour.code == f"JT{number:02d}")) is not None:
        number += 1
    return f"JT{number:02d}"  # as the workbook numbers them: JT01, JT02 …


def add_in(session: Session, draft: JointTourDraft) -> JointTour:
    """A new joint tour with the next free code, in the caller's transaction."""
    _check(session, draft)
    tour = JointTour(code=next_code(session), name=draft.name.strip()[:80], notes=draft.notes)
    session.add(tour)
    session.flush()
    _set_members(session, tour, draft)
    session.flush()
    return tour


def add_joint_tour(db: Database, draft: JointTourDraft) -> JointTourView:
    with db.session() as s:
        tour_id = add_in(s, draft).id
    return next(v for v in joint_tours(db) if v.id == tour_id)


def edit_joint_tour(db: Database, tour_id: int, version: int, draft: JointTourDraft) -> JointTourView:
    with db.session() as s:
        tour = _tour(s, tour_id, version)
        tour.name, tour.notes = draft.name.strip()[:80], draft.notes
        _set_members(s, tour, draft)
        # The row itself may be unchanged when only its members are: its version moves all the same,
        # so that whoever read it before this edit is refused.
        flag_modified(tour, "name")
        s.flush()
    return next(v for v in joint_tours(db) if v.id == tour_id)


def set_joint_tour(
    db: Database, tour_id: int, version: int, draft: JointTourDraft, ended_on: date | None
) -> JointTourView:
    """Put a joint tour back as `draft`, ended after `ended_on` (None: running), in one transaction."""
    with db.session() as s:
        tour = _tour(s, tour_id, version)
        tour.name, tour.notes, tour.ended_on = draft.name.strip()[:80], draft.notes, ended_on
        _set_members(s, tour, draft)
        flag_modified(tour, "name")
        s.flush()
    return next(v for v in joint_tours(db) if v.id == tour_id)


def end_joint_tour(db: Database, tour_id: int, version: int, last_day: date | None) -> JointTourView:
    """End a joint tour after `last_day` (None: it runs again)."""
    with db.session() as s:
        tour = _tour(s, tour_id, version)
        tour.ended_on = last_day
        s.flush()
    return next(v for v in joint_tours(db) if v.id == tour_id)


def delete_in(session: Session, tour: JointTour) -> None:
    """Remove a joint tour with its caravans and regions, in the caller's transaction."""
    for row in session.scalars(select(JointTourCaravan).where(JointTourCaravan.joint_tour_id == tour.id)):
        session.delete(row)
    for area in session.scalars(select(JointTourRegion).where(JointTourRegion.joint_tour_id == tour.id)):
        session.delete(area)
    session.delete(tour)


def delete_joint_tour(db: Database, tour_id: int, version: int) -> None:
    """Remove a joint tour altogether (the undo of adding one)."""
    with db.session() as s:
        delete_in(s, _tour(s, tour_id, version))


def draft_of(view: JointTourView) -> JointTourDraft:
    return JointTourDraft(view.name, view.caravans, tuple(a for a, _n in view.regions), view.notes)


def choices(db: Database) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """What a joint tour may list: caravans (code, code and home region) and the cities and counties
    (adcode, name), in code order."""
    with db.session(audited=False) as s:
        regions = {r.id: r for r in s.scalars(select(Region).order_by(Region.adcode))}
        caravans = [
            (c.code, f"{c.code} {regions[c.owner_region_id].name}")
            for c in s.scalars(select(Caravan).order_by(Caravan.code))
        ]
        places = [(r.adcode, f"{r.name} {r.adcode}") for r in regions.values() if r.parent_id is not None]
    return caravans, places
