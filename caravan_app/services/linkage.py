"""The linkage (联动) advisor: what the region rules cost a term's plan, and the joint tours that would
win most of it back, each measured by re-planning with the real planner and checked.

`advise_linkage` plans the term as the rules stand (the baseline), then with every caravan allowed
everywhere (the potential: the most linkage can bring), reads proposals off the second plan
(planning.linkage.propose) and re-plans with them one at a time, keeping each that brings something;
what each brings is the difference to the plan before it. `accept_proposals` writes chosen proposals
as joint tours, in one transaction, audited.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caravan_app.domain.linkage import JointTourProposal, LinkageStep, PlanFigures, Proposal
from caravan_app.domain.outcomes import UnservedReason
from caravan_app.domain.views import (
    FittingCaravanView,
    LinkageCaravanView,
    LinkageProposalView,
    LinkageView,
    PlaceView,
)
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Depot, Plan, Region
from caravan_app.persistence.models import JointTour as JointTourRow
from caravan_app.planning.control import SolveControl
from caravan_app.planning.linkage import advise, fitting_elsewhere, utilisation
from caravan_app.planning.tour_json import problem_from_json
from caravan_app.reports.texts import check_language
from caravan_app.services.joint_tours import JointTourDraft, add_in, delete_in
from caravan_app.services.tour_planning import build_tour_problem, stored_tour_solution

FORMAT = "caravan_app linkage 1"


@dataclass(frozen=True)
class LinkageAdvice:
    start: date
    end: date
    seconds_per_plan: float
    baseline: PlanFigures
    potential: PlanFigures
    proposals: tuple[Proposal, ...]
    # Names of the places the advice mentions, for whoever words it: region adcode -> name, each
    # caravan's home region (adcode), and each caravan's depot (name, lat, lon; GCJ-02).
    region_names: Mapping[str, str] = field(default_factory=dict)
    caravan_homes: Mapping[str, str] = field(default_factory=dict)
    depots: Mapping[str, tuple[str, float, float]] = field(default_factory=dict)

    @property
    def with_all_proposals(self) -> PlanFigures:
        return self.proposals[-1].figures if self.proposals else self.baseline

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "seconds_per_plan": self.seconds_per_plan,
            "baseline": self.baseline.to_json(),
            "potential": self.potential.to_json(),
            "proposals": [
                {
                    "caravans": list(p.joint_tour.caravans),
                    "regions": list(p.joint_tour.regions),
                    "from": p.joint_tour.start.isoformat() if p.joint_tour.start else None,
                    "to": p.joint_tour.end.isoformat() if p.joint_tour.end else None,
                    "requests": list(p.joint_tour.requests),
                    "gain": p.gain.to_json(),
                }
                for p in self.proposals
            ],
            "with_all_proposals": self.with_all_proposals.to_json(),
        }


def advise_linkage(
    db: Database,
    start: date,
    end: date,
    *,
    max_joint_tours: int = 8,
    control: SolveControl | None = None,
    on_step: Callable[[LinkageStep, int], None] | None = None,
) -> LinkageAdvice:
    """Advise joint tours for the open requests in [start, end]; `control.time_limit` is per plan."""
    control = control or SolveControl(time_limit=30)
    with db.session(audited=False) as s:
        problem = build_tour_problem(s, start, end)
        names = {adcode: name for adcode, name in s.execute(select(Region.adcode, Region.name))}
        depot_names = {code: name for code, name in s.execute(select(Depot.code, Depot.name))}
    baseline, potential, proposals = advise(problem, max_joint_tours, control, on_step)
    return LinkageAdvice(
        start,
        end,
        control.time_limit,
        baseline,
        potential,
        proposals,
        region_names=names,
        caravan_homes={c.code: c.region for c in problem.caravans},
        depots={
            c.code: (depot_names.get(c.depot_code, c.depot_code), c.depot.lat, c.depot.lon)
            for c in problem.caravans
        },
    )


def accept_proposals(
    db: Database, proposals: Sequence[JointTourProposal], name_prefix: str = "联动"
) -> list[str]:
    """Write each proposal as a joint tour (its caravans may serve its regions), all in one
    transaction; returns the codes of the joint tours made."""
    codes: list[str] = []
    with db.session() as s:
        names = {adcode: name for adcode, name in s.execute(select(Region.adcode, Region.name))}
        for proposal in proposals:
            places = "、".join(names.get(a, a) for a in proposal.regions)
            draft = JointTourDraft(f"{name_prefix}：{places}", proposal.caravans, proposal.regions)
            codes.append(add_in(s, draft).code)
    return codes


def fitting_caravans(session: Session, plan: Plan) -> dict[str, tuple[FittingCaravanView, ...]]:
    """For each request a stored tour plan leaves unserved, the caravans of a wanted type and theme that
    the region rules keep from it (nearest first, at most three), with their home and depot by name."""
    stored = json.loads(plan.parameters_json or "{}").get("problem")
    if not stored:
        return {}
    problem = problem_from_json(stored)
    solution = stored_tour_solution(session, plan)
    use = utilisation(problem, solution)
    regions = {adcode: name for adcode, name in session.execute(select(Region.adcode, Region.name))}
    depots = {code: name for code, name in session.execute(select(Depot.code, Depot.name))}
    found: dict[str, tuple[FittingCaravanView, ...]] = {}
    for unserved in solution.unserved:
        if unserved.reason is UnservedReason.NO_TYPE_OR_THEME:
            continue
        found[unserved.request] = tuple(
            FittingCaravanView(
                caravan_code=f.caravan,
                home=regions.get(f.region, f.region),
                depot=depots.get(f.depot, f.depot),
                km=f.km,
                days_on_road=f.days_on_road,
                available_days=f.available_days,
            )
            for f in fitting_elsewhere(problem, solution, unserved.request, use=use)
        )
    return found


def remove_joint_tours(db: Database, codes: Sequence[str]) -> None:
    """Delete the joint tours `codes` (with their caravans and regions) in one transaction: the undo
    of accepting proposals."""
    with db.session() as s:
        for tour in s.scalars(select(JointTourRow).where(JointTourRow.code.in_(codes))).all():
            delete_in(s, tour)


def linkage_view(advice: LinkageAdvice) -> LinkageView:
    """The advice with every place named, for the printed proposal."""
    names = advice.region_names

    def caravan(code: str) -> LinkageCaravanView:
        depot, lat, lon = advice.depots.get(code, ("", 0.0, 0.0))
        home = advice.caravan_homes.get(code, "")
        return LinkageCaravanView(code, names.get(home, home), depot, PlaceView(lat, lon))

    return LinkageView(
        start=advice.start,
        end=advice.end,
        seconds_per_plan=advice.seconds_per_plan,
        baseline=advice.baseline,
        potential=advice.potential,
        with_all=advice.with_all_proposals,
        proposals=tuple(
            LinkageProposalView(
                number=number,
                caravans=tuple(caravan(c) for c in p.joint_tour.caravans),
                regions=tuple((r, names.get(r, r)) for r in p.joint_tour.regions),
                gain=p.gain,
                requests=len(p.joint_tour.requests),
            )
            for number, p in enumerate(advice.proposals, start=1)
        ),
    )


def linkage_pdf(advice: LinkageAdvice, lang: str = "zh", printed_on: date | None = None) -> bytes:
    """The printed linkage proposal, for the director: figures, each joint tour with its map."""
    from caravan_app.reports.linkage import linkage_report  # reportlab loads with the first PDF

    check_language(lang)
    return linkage_report(linkage_view(advice), lang, printed_on=printed_on)
