"""A stored consolidation plan read back: the view its reports print, its candidates as the retirement
screen lists them, a director's decision on one, and the two reports as PDF.

Making the plan is `consolidation.consolidate`; this module only reads, decides and prints.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from caravan_app.domain import retirement
from caravan_app.domain.enums import CandidateKind, Decision, PlanKind, Recommendation
from caravan_app.domain.figures import ConsolidationFigures, WhatIfFigures
from caravan_app.domain.views import (
    ConsolidationView,
    Evidence,
    RegroupMoveView,
    RetirementCandidateView,
    SetCompletenessView,
    WhatIfView,
)
from caravan_app.errors import CaravanError, ConflictError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    Depot,
    ExhibitSet,
    Plan,
    Region,
    RegroupMove,
    RetirementCandidate,
)
from caravan_app.reports.consolidation import consolidation_report, retirement_report


def find_consolidation_plan(session: Session, name: str | None) -> Plan:
    """The consolidation plan named `name`, or the newest one."""
    query = select(Plan).where(Plan.kind == PlanKind.CONSOLIDATION)
    if name is not None:
        plan = session.scalar(query.where(Plan.name == name))
    else:
        plan = session.scalar(query.order_by(Plan.created_at.desc(), Plan.id.desc()).limit(1))
    if plan is None:
        known = (
            ", ".join(session.scalars(select(Plan.name).where(Plan.kind == PlanKind.CONSOLIDATION))) or "none"
        )
        what = f"no consolidation plan named {name!r}" if name else "no consolidation plan yet"
        raise CaravanError(f"{what}; consolidation plans: {known}")
    return plan


def _caravan_name(caravan: Caravan, region: Region, lang: str) -> str:
    if lang == "zh":
        return f"{region.name} {caravan.type.zh} {caravan.plate}"
    return f"{caravan.plate}, type {caravan.type.value}, {region.name}"


def consolidation_view(db: Database, name: str | None = None, lang: str = "zh") -> ConsolidationView:
    """A stored consolidation plan as the retirement and consolidation reports print it."""
    if lang not in retirement.LANGUAGES:
        raise CaravanError(f"unknown language {lang!r}: choose zh or en")
    with db.session(audited=False) as s:
        plan = find_consolidation_plan(s, name)
        parameters = json.loads(plan.parameters_json)
        figures = ConsolidationFigures.from_json(json.loads(plan.figures_json))
        regions = {r.id: r for r in s.scalars(select(Region))}
        caravans = {c.id: c for c in s.scalars(select(Caravan))}
        sets = {x.id: x for x in s.scalars(select(ExhibitSet))}
        depots = {d.id: d for d in s.scalars(select(Depot))}
        rows = s.scalars(
            select(RetirementCandidate)
            .options(selectinload(RetirementCandidate.exhibit))
            .where(RetirementCandidate.plan_id == plan.id)
            .order_by(RetirementCandidate.code)
        ).all()
        candidates = tuple(_candidate_view(row, caravans, sets, regions, lang) for row in rows)
        moves = s.scalars(
            select(RegroupMove)
            .options(selectinload(RegroupMove.exhibit))
            .where(RegroupMove.plan_id == plan.id)
            .order_by(RegroupMove.id)
        ).all()

        def place(set_id: int | None, caravan_id: int | None, depot_id: int | None) -> str:
            if set_id is not None:
                return f"{sets[set_id].code} {sets[set_id].name}"
            if caravan_id is not None:
                return f"{caravans[caravan_id].code} {caravans[caravan_id].plate}"
            if depot_id is not None:
                return depots[depot_id].name
            return "维修站" if lang == "zh" else "workshop"

        move_views = tuple(
            RegroupMoveView(
                exhibit_code=m.exhibit.code,
                exhibit_name=m.exhibit.name_zh
                if lang == "zh" or not m.exhibit.name_en
                else m.exhibit.name_en,
                theme=m.exhibit.theme,
                from_name=place(m.from_set_id, m.from_caravan_id, m.from_depot_id),
                to_name=place(m.to_set_id, m.to_caravan_id, None),
                km=m.km,
            )
            for m in moves
        )
        set_codes = {x.code: x for x in sets.values()}
        set_views = tuple(
            SetCompletenessView(code, set_codes[code].name, numbers.now, numbers.after, numbers.complete)
            for code, numbers in sorted(figures.sets.per_container.items())
        )
    thresholds = retirement.thresholds_from_dict(parameters["thresholds"])
    return ConsolidationView(
        name=plan.name,
        made_on=plan.created_at.date(),
        term=parameters["term"],
        thresholds=tuple(
            Evidence(label, value) for label, value in retirement.threshold_text(thresholds, lang)
        ),
        candidates=candidates,
        moves=move_views,
        sets=set_views,
        what_ifs=tuple(_what_if_view(w) for w in figures.what_ifs),
        as_of=date.fromisoformat(figures.as_of),
        use_window=(date.fromisoformat(figures.use_window[0]), date.fromisoformat(figures.use_window[1])),
        baseline=figures.baseline,
        kits=figures.kits,
        to_store=figures.sets.to_store + figures.kits.to_store,
        violations=len(figures.violations),
    )


def _candidate_view(
    row: RetirementCandidate,
    caravans: dict[int, Caravan],
    sets: dict[int, ExhibitSet],
    regions: dict[int, Region],
    lang: str,
) -> RetirementCandidateView:
    if row.caravan_id is not None:
        caravan = caravans[row.caravan_id]
        code, name = caravan.code, _caravan_name(caravan, regions[caravan.owner_region_id], lang)
    elif row.set_id is not None:
        code, name = sets[row.set_id].code, sets[row.set_id].name
    else:
        assert row.exhibit is not None, "a candidate has exactly one subject (a database check)"
        exhibit = row.exhibit
        code = exhibit.code
        name = exhibit.name_zh if lang == "zh" or not exhibit.name_en else exhibit.name_en
    hits = [retirement.hit_from_json(h) for h in json.loads(row.evidence_json)]
    return RetirementCandidateView(
        kind=row.kind.value,
        code=code,
        name=name,
        rules=tuple(r for r in row.rules.split(";") if r),
        evidence=tuple(Evidence(*retirement.evidence_text(h, lang)) for h in hits),
        recommendation=row.recommendation.value,
        decision="" if row.decision is Decision.PENDING else row.decision.value,
    )


def _what_if_view(w: WhatIfFigures) -> WhatIfView:
    return WhatIfView(
        caravan_code=w.caravan,
        moved_to_city=w.moved_to_city,
        served_before=int(w.served[0]),
        served_after=int(w.served[1]),
        key_counties_before=int(w.key_counties[0]),
        key_counties_after=int(w.key_counties[1]),
        km_before=w.km[0],
        km_after=w.km[1],
        lost_requests=tuple(code for code, _ in w.lost),
        key_requests_before=int(w.key_requests_served[0]),
        key_requests_after=int(w.key_requests_served[1]),
    )


# --- decisions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CandidateRow:
    """A candidate as the retirement screen lists it, with the version its decision is saved over."""

    code: str  # the candidate's own code, e.g. P12-RC0003
    kind: CandidateKind
    subject: str  # caravan, exhibit or set code
    rules: tuple[str, ...]
    recommendation: Recommendation
    decision: Decision
    version: int


def candidate_rows(db: Database, plan_name: str | None = None) -> list[CandidateRow]:
    """The candidates of a consolidation plan (the newest when no name is given)."""
    with db.session(audited=False) as s:
        plan = find_consolidation_plan(s, plan_name)
        rows = s.scalars(
            select(RetirementCandidate)
            .options(
                selectinload(RetirementCandidate.caravan),
                selectinload(RetirementCandidate.exhibit),
                selectinload(RetirementCandidate.exhibit_set),
            )
            .where(RetirementCandidate.plan_id == plan.id)
            .order_by(RetirementCandidate.code)
        ).all()
        return [
            CandidateRow(
                code=r.code,
                kind=r.kind,
                subject=(r.caravan or r.exhibit or r.exhibit_set).code,  # type: ignore[union-attr]
                rules=tuple(x for x in r.rules.split(";") if x),
                recommendation=r.recommendation,
                decision=r.decision,
                version=r.version,
            )
            for r in rows
        ]


def set_decision(db: Database, candidate_code: str, decision: Decision | str, version: int) -> int:
    """Record a decision on a candidate read at `version`; returns the row's new version.

    Raises ConflictError, saving nothing, when someone else saved a decision on it since.
    """
    try:
        chosen = decision if isinstance(decision, Decision) else Decision.parse(decision)
    except ValueError as exc:
        raise CaravanError(f"decision {decision!r}: {exc}") from None
    with db.session() as s:
        row = s.scalar(select(RetirementCandidate).where(RetirementCandidate.code == candidate_code))
        if row is None:
            raise CaravanError(f"no retirement candidate {candidate_code!r}")
        if row.version != version:
            raise ConflictError(
                "retirement_candidates", candidate_code, f"version {row.version}, yours {version}"
            )
        row.decision = chosen
        s.flush()
        return row.version


# --- printed reports ----------------------------------------------------------------------------


def retirement_pdf(db: Database, name: str | None = None, lang: str = "zh") -> bytes:
    """The retirement report (报废评估报告) of a consolidation plan, the newest when no name is given."""
    return retirement_report(consolidation_view(db, name, lang), lang)


def consolidation_pdf(db: Database, name: str | None = None, lang: str = "zh") -> bytes:
    """The consolidation report (整合方案报告) of a consolidation plan, the newest when no name is given."""
    return consolidation_report(consolidation_view(db, name, lang), lang)
