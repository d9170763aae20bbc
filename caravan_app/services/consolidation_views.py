"""A stored consolidation plan read back: the view its reports print, its candidates as the retirement
screen lists them, a director's decision on one, and the two reports as PDF.

Making the plan is `consolidation.consolidate`; this module only reads, decides and prints.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from caravan_app.domain import retirement
from caravan_app.domain.enums import CandidateKind, Decision, PlanKind, Recommendation
from caravan_app.domain.figures import ConsolidationFigures, RegroupFigures, WhatIfFigures
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

# Codes per IN (...) list: well under SQLite's and PostgreSQL's limits on bound values.
IN_LIST_SIZE = 500
# Candidates named in a conflict's message; the rest are counted.
CODES_NAMED = 5


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
        places = _Places.read(s, lang)
        caravans, sets, regions = places.caravans, places.sets, places.regions
        rows = s.scalars(
            select(RetirementCandidate)
            .options(selectinload(RetirementCandidate.exhibit))
            .where(RetirementCandidate.plan_id == plan.id)
            .order_by(RetirementCandidate.code)
        ).all()
        candidates = tuple(_candidate_view(row, caravans, sets, regions, lang) for row in rows)
        move_views = tuple(
            RegroupMoveView(m.exhibit_code, m.exhibit_name, m.theme, m.from_label, m.to_label, m.km)
            for m in _move_rows(s, plan.id, places)
        )
        set_codes = {x.code: x for x in sets.values()}
        set_views = tuple(
            SetCompletenessView(code, set_codes[code].name, numbers.now, numbers.after, numbers.complete)
            for code, numbers in sorted(figures.sets.per_container.items())
        )
    return ConsolidationView(
        name=plan.name,
        made_on=plan.created_at.date(),
        term=parameters["term"],
        thresholds=_criteria(parameters["thresholds"], candidates, lang),
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


@dataclass(frozen=True)
class _Places:
    """Where regrouping moves exhibits from and to, named as the screen and the reports show them."""

    caravans: dict[int, Caravan]
    sets: dict[int, ExhibitSet]
    depots: dict[int, Depot]
    regions: dict[int, Region]
    lang: str

    @classmethod
    def read(cls, session: Session, lang: str) -> _Places:
        return cls(
            {c.id: c for c in session.scalars(select(Caravan))},
            {x.id: x for x in session.scalars(select(ExhibitSet))},
            {d.id: d for d in session.scalars(select(Depot))},
            {r.id: r for r in session.scalars(select(Region))},
            lang,
        )

    def code_and_label(
        self, set_id: int | None, caravan_id: int | None, depot_id: int | None
    ) -> tuple[str, str]:
        if set_id is not None:
            return self.sets[set_id].code, f"{self.sets[set_id].code} {self.sets[set_id].name}"
        if caravan_id is not None:
            caravan = self.caravans[caravan_id]
            return caravan.code, f"{caravan.code} {caravan.plate}"
        if depot_id is not None:
            return self.depots[depot_id].code, self.depots[depot_id].name
        return "", "维修站" if self.lang == "zh" else "workshop"


def _move_rows(session: Session, plan_id: int, places: _Places) -> list[MoveRow]:
    moves = session.scalars(
        select(RegroupMove)
        .options(selectinload(RegroupMove.exhibit))
        .where(RegroupMove.plan_id == plan_id)
        .order_by(RegroupMove.id)
    ).all()
    out = []
    for m in moves:
        from_code, from_label = places.code_and_label(m.from_set_id, m.from_caravan_id, m.from_depot_id)
        to_code, to_label = places.code_and_label(m.to_set_id, m.to_caravan_id, None)
        exhibit = m.exhibit
        out.append(
            MoveRow(
                exhibit_code=exhibit.code,
                exhibit_name=exhibit.name_zh
                if places.lang == "zh" or not exhibit.name_en
                else exhibit.name_en,
                theme=exhibit.theme,
                from_code=from_code,
                from_label=from_label,
                to_code=to_code,
                to_label=to_label,
                km=m.km,
            )
        )
    return out


def _exhibit_name(name_zh: str, name_en: str | None, lang: str) -> str:
    return name_zh if lang == "zh" or not name_en else name_en


def _criteria(
    stored: dict[str, float], candidates: tuple[RetirementCandidateView, ...], lang: str
) -> tuple[Evidence, ...]:
    """Every setting and fixed standard the rules used: its value, and the rules that apply it with
    how many items each flagged (in the place of the threshold: it is the value itself here)."""
    flagged = Counter(rule for c in candidates for rule in c.rules)
    sep = "；" if lang == "zh" else "; "
    thresholds = retirement.thresholds_from_dict(stored)
    return tuple(
        Evidence(
            label,
            value,
            sep.join(
                f"{retirement.rule_name(rule, lang)}（{flagged[rule]}）"
                if lang == "zh"
                else f"{retirement.rule_name(rule, lang)} ({flagged[rule]})"
                for rule in rules
            ),
        )
        for label, value, rules in retirement.criteria_text(thresholds, lang)
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
        name = _exhibit_name(exhibit.name_zh, exhibit.name_en, lang)
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


# --- regrouping on screen -----------------------------------------------------------------------


@dataclass(frozen=True)
class MoveRow:
    """One exhibit a regrouping moves: from where (a set, a caravan, a depot's store or a workshop)
    into which set or caravan kit; codes to filter by, labels to show."""

    exhibit_code: str
    exhibit_name: str
    theme: str
    from_code: str  # empty for a workshop
    from_label: str
    to_code: str
    to_label: str
    km: float


@dataclass(frozen=True)
class ContainerRow:
    """A museum set or a caravan's kit before and after the regrouping."""

    kind: CandidateKind  # SET for a museum set, CARAVAN for a caravan's kit
    code: str
    name: str
    now: int  # exhibits it holds now (for a set, those to retire included)
    after: int
    complete_before: bool
    complete: bool
    moves_in: int
    moves_out: int


@dataclass(frozen=True)
class Regrouping:
    """What a consolidation plan regroups: every set and kit, every move, and both regroupings' figures."""

    containers: tuple[ContainerRow, ...]  # museum sets first, then caravan kits, each by code
    moves: tuple[MoveRow, ...]
    sets: RegroupFigures
    kits: RegroupFigures


def regrouping(db: Database, plan_name: str | None = None, lang: str = "zh") -> Regrouping:
    """The museum sets and caravan kits of a consolidation plan with the moves between them."""
    with db.session(audited=False) as s:
        plan = find_consolidation_plan(s, plan_name)
        figures = ConsolidationFigures.from_json(json.loads(plan.figures_json))
        places = _Places.read(s, lang)
        moves = _move_rows(s, plan.id, places)
    into = Counter(m.to_code for m in moves)
    out_of = Counter(m.from_code for m in moves)
    set_names = {x.code: x.name for x in places.sets.values()}
    caravans = {c.code: c for c in places.caravans.values()}

    def name(kind: CandidateKind, code: str) -> str:
        if kind is CandidateKind.SET:
            return set_names.get(code, "")
        caravan = caravans.get(code)
        if caravan is None:
            return ""
        return _caravan_name(caravan, places.regions[caravan.owner_region_id], lang)

    containers = tuple(
        ContainerRow(
            kind=kind,
            code=code,
            name=name(kind, code),
            now=numbers.now,
            after=numbers.after,
            complete_before=numbers.complete_before,
            complete=numbers.complete,
            moves_in=into[code],
            moves_out=out_of[code],
        )
        for kind, regrouped in ((CandidateKind.SET, figures.sets), (CandidateKind.CARAVAN, figures.kits))
        for code, numbers in sorted(regrouped.per_container.items())
    )
    return Regrouping(containers, tuple(moves), figures.sets, figures.kits)


# --- decisions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CandidateRow:
    """A candidate as the retirement screen lists it, with the version its decision is saved over."""

    code: str  # the candidate's own code, e.g. P12-RC0003
    kind: CandidateKind
    subject: str  # caravan, exhibit or set code
    name: str  # the subject's name (an exhibit's in the language asked for, if it has one)
    rules: tuple[str, ...]
    recommendation: Recommendation
    decision: Decision
    version: int


def candidate_rows(db: Database, plan_name: str | None = None, lang: str = "zh") -> list[CandidateRow]:
    """The candidates of a consolidation plan (the newest when no name is given)."""
    with db.session(audited=False) as s:
        plan = find_consolidation_plan(s, plan_name)
        regions = {r.id: r for r in s.scalars(select(Region))}
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
        out = []
        for r in rows:
            if r.caravan is not None:
                subject = r.caravan.code
                name = _caravan_name(r.caravan, regions[r.caravan.owner_region_id], lang)
            elif r.exhibit_set is not None:
                subject, name = r.exhibit_set.code, r.exhibit_set.name
            else:
                assert r.exhibit is not None, "a candidate has exactly one subject (a database check)"
                subject = r.exhibit.code
                name = _exhibit_name(r.exhibit.name_zh, r.exhibit.name_en, lang)
            out.append(
                CandidateRow(
                    code=r.code,
                    kind=r.kind,
                    subject=subject,
                    name=name,
                    rules=tuple(x for x in r.rules.split(";") if x),
                    recommendation=r.recommendation,
                    decision=r.decision,
                    version=r.version,
                )
            )
        return out


def _decision(decision: Decision | str) -> Decision:
    try:
        return decision if isinstance(decision, Decision) else Decision.parse(decision)
    except ValueError as exc:
        raise CaravanError(f"decision {decision!r}: {exc}") from None


def set_decisions(db: Database, changes: Mapping[str, tuple[Decision | str, int]]) -> dict[str, int]:
    """Record decisions on candidates, each read at a version: {code: (decision, version)}, all in one
    transaction. Returns each row's new version.

    Raises ConflictError, saving nothing, when someone else saved a decision on any of them since
    (the error's key names every such candidate), and CaravanError when a code is unknown.
    """
    wanted = {code: (_decision(decision), version) for code, (decision, version) in changes.items()}
    if not wanted:
        return {}
    with db.session() as s:
        rows: dict[str, RetirementCandidate] = {}
        codes = sorted(wanted)
        for first in range(0, len(codes), IN_LIST_SIZE):
            chunk = codes[first : first + IN_LIST_SIZE]
            rows.update(
                (r.code, r)
                for r in s.scalars(select(RetirementCandidate).where(RetirementCandidate.code.in_(chunk)))
            )
        unknown = [code for code in codes if code not in rows]
        if unknown:
            raise CaravanError(f"no retirement candidate {', '.join(repr(c) for c in unknown[:5])}")
        changed = [code for code in codes if rows[code].version != wanted[code][1]]
        if changed:
            shown = ", ".join(changed[:CODES_NAMED]) + (" …" if len(changed) > CODES_NAMED else "")
            raise ConflictError(
                "retirement_candidates", shown, f"{len(changed)} of {len(codes)} changed since read"
            )
        for code in codes:
            rows[code].decision = wanted[code][0]
        s.flush()
        return {code: rows[code].version for code in codes}


def set_decision(db: Database, candidate_code: str, decision: Decision | str, version: int) -> int:
    """Record a decision on a candidate read at `version`; returns the row's new version.

    Raises ConflictError, saving nothing, when someone else saved a decision on it since.
    """
    return set_decisions(db, {candidate_code: (decision, version)})[candidate_code]


# --- printed reports ----------------------------------------------------------------------------


def retirement_pdf(db: Database, name: str | None = None, lang: str = "zh") -> bytes:
    """The retirement report (报废评估报告) of a consolidation plan, the newest when no name is given."""
    return retirement_report(consolidation_view(db, name, lang), lang)


def consolidation_pdf(db: Database, name: str | None = None, lang: str = "zh") -> bytes:
    """The consolidation report (整合方案报告) of a consolidation plan, the newest when no name is given."""
    return consolidation_report(consolidation_view(db, name, lang), lang)
