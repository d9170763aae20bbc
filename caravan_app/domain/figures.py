"""The figures of a stored plan, typed: what the screens, the printed documents and the command line
read, and what a plan row keeps as JSON (`to_json`, `from_json`; a plan stored by an older version
reads with the figures it lacks left at zero or empty).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from caravan_app.domain.linkage import Utilisation
from caravan_app.domain.outcomes import SolveStatus, UnservedReason


def _pair(value: Any) -> tuple[float, float]:
    first, second = value
    return float(first), float(second)


@dataclass(frozen=True)
class TourFigures:
    """A tour plan's figures, as staff report them upward."""

    status: SolveStatus
    solve_seconds: float
    objective: float | None
    requests: int
    served: int
    show_days: int
    key_county_requests: int
    key_county_served: int
    km: float
    trips: int
    unserved_by_reason: Mapping[UnservedReason, int] = field(default_factory=dict)
    days_on_road: Mapping[str, int] = field(default_factory=dict)  # caravan code -> days, caravans with trips
    # Every caravan's days on the road against the days it was available (None: stored before this).
    utilisation: Utilisation | None = None

    @property
    def unserved(self) -> int:
        return self.requests - self.served

    @property
    def total_days_on_road(self) -> int:
        return sum(self.days_on_road.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "solve_seconds": self.solve_seconds,
            "objective": self.objective,
            "requests": self.requests,
            "served": self.served,
            "show_days": self.show_days,
            "key_county_requests": self.key_county_requests,
            "key_county_served": self.key_county_served,
            "km": self.km,
            "trips": self.trips,
            "unserved_by_reason": {r.value: n for r, n in sorted(self.unserved_by_reason.items())},
            "days_on_road": dict(self.days_on_road),
            **({"utilisation": self.utilisation.to_json()} if self.utilisation else {}),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TourFigures:
        return cls(
            status=SolveStatus.read(str(data.get("status") or "feasible")),
            solve_seconds=float(data.get("solve_seconds") or 0.0),
            objective=None if data.get("objective") is None else float(data["objective"]),
            requests=int(data.get("requests", 0)),
            served=int(data.get("served", 0)),
            show_days=int(data.get("show_days", 0)),
            key_county_requests=int(data.get("key_county_requests", 0)),
            key_county_served=int(data.get("key_county_served", 0)),
            km=float(data.get("km", 0.0)),
            trips=int(data.get("trips", 0)),
            unserved_by_reason={
                UnservedReason(r): int(n) for r, n in dict(data.get("unserved_by_reason", {})).items()
            },
            days_on_road={str(c): int(n) for c, n in dict(data.get("days_on_road", {})).items()},
            utilisation=Utilisation.from_json(data["utilisation"]) if data.get("utilisation") else None,
        )


@dataclass(frozen=True)
class RotationFigures:
    """A rotation plan's figures: how much it hosts, how far the trucks drive, and how sure that is."""

    status: SolveStatus
    solve_seconds: float
    first_solution_seconds: float | None
    sets: int
    halls: int
    periods: int
    stays: int
    set_periods_free: int  # set-periods not in maintenance nor on a stay begun before the plan
    hosted_weight: int
    hosted_bound: int | None
    truck_km: float
    truck_km_bound: float | None
    moves: int
    counties: int
    key_counties: int

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "solve_seconds": self.solve_seconds,
            "first_solution_seconds": self.first_solution_seconds,
            "sets": self.sets,
            "halls": self.halls,
            "periods": self.periods,
            "stays": self.stays,
            "set_periods_free": self.set_periods_free,
            "hosted_weight": self.hosted_weight,
            "hosted_bound": self.hosted_bound,
            "truck_km": self.truck_km,
            "truck_km_bound": self.truck_km_bound,
            "moves": self.moves,
            "counties": self.counties,
            "key_counties": self.key_counties,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RotationFigures:
        def optional(key: str) -> float | None:
            value = data.get(key)
            return None if value is None else float(value)

        bound = data.get("hosted_bound")
        return cls(
            status=SolveStatus.read(str(data.get("status") or "feasible")),
            solve_seconds=float(data.get("solve_seconds") or 0.0),
            first_solution_seconds=optional("first_solution_seconds"),
            sets=int(data.get("sets", 0)),
            halls=int(data.get("halls", 0)),
            periods=int(data.get("periods", 0)),
            stays=int(data.get("stays", 0)),
            set_periods_free=int(data.get("set_periods_free", 0)),
            hosted_weight=int(data.get("hosted_weight", 0)),
            hosted_bound=None if bound is None else int(bound),
            truck_km=float(data.get("truck_km") or 0.0),
            truck_km_bound=optional("truck_km_bound"),
            moves=int(data.get("moves", 0)),
            counties=int(data.get("counties", 0)),
            key_counties=int(data.get("key_counties", 0)),
        )


@dataclass(frozen=True)
class ContainerFigures:
    """One set or caravan kit before and after a regrouping."""

    now: int  # exhibits it holds now, those to retire included
    survivors: int  # of those, the ones not retired
    after: int
    complete_before: bool
    complete: bool


@dataclass(frozen=True)
class RegroupFigures:
    """One regrouping (museum sets, or caravan kits)."""

    status: SolveStatus
    containers: int
    complete_before: int
    complete: int
    complete_bound: int | None
    moved: int
    moves_bound: int | None
    km: float
    km_bound: float | None
    to_store: int  # exhibits over a container's limits that go back to store
    solve_seconds: float
    per_container: Mapping[str, ContainerFigures] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "containers": self.containers,
            "complete_before": self.complete_before,
            "complete": self.complete,
            "complete_bound": self.complete_bound,
            "moved": self.moved,
            "moves_bound": self.moves_bound,
            "km": self.km,
            "km_bound": self.km_bound,
            "to_store": self.to_store,
            "solve_seconds": self.solve_seconds,
            "per_container": {
                code: {
                    "now": c.now,
                    "survivors": c.survivors,
                    "after": c.after,
                    "complete_before": c.complete_before,
                    "complete": c.complete,
                }
                for code, c in self.per_container.items()
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RegroupFigures:
        def optional_int(key: str) -> int | None:
            value = data.get(key)
            return None if value is None else int(value)

        km_bound = data.get("km_bound")
        return cls(
            status=SolveStatus.read(str(data.get("status") or "feasible")),
            containers=int(data.get("containers", 0)),
            complete_before=int(data.get("complete_before", 0)),
            complete=int(data.get("complete", 0)),
            complete_bound=optional_int("complete_bound"),
            moved=int(data.get("moved", 0)),
            moves_bound=optional_int("moves_bound"),
            km=float(data.get("km", 0.0)),
            km_bound=None if km_bound is None else float(km_bound),
            to_store=int(data.get("to_store", 0)),
            solve_seconds=float(data.get("solve_seconds") or 0.0),
            per_container={
                str(code): ContainerFigures(
                    now=int(c["now"]),
                    survivors=int(c.get("survivors", c["now"])),
                    after=int(c["after"]),
                    complete_before=bool(c["complete_before"]),
                    complete=bool(c["complete"]),
                )
                for code, c in dict(data.get("per_container", {})).items()
            },
        )


@dataclass(frozen=True)
class CoverageFigures:
    """What a tour plan covers, the baseline the what-ifs are measured against."""

    plan: str  # the stored tour plan's name, or empty when solved for the consolidation run
    requests: int
    served: int
    key_requests: int
    key_served: int
    key_counties: int
    counties: int
    km: float

    def to_json(self) -> dict[str, Any]:
        return {
            "plan": self.plan,
            "requests": self.requests,
            "served": self.served,
            "key_requests": self.key_requests,
            "key_served": self.key_served,
            "key_counties": self.key_counties,
            "counties": self.counties,
            "km": self.km,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CoverageFigures:
        return cls(
            plan=str(data.get("plan", "")),
            requests=int(data.get("requests", 0)),
            served=int(data.get("served", 0)),
            key_requests=int(data.get("key_requests", 0)),
            key_served=int(data.get("key_served", 0)),
            key_counties=int(data.get("key_counties", 0)),
            counties=int(data.get("counties", 0)),
            km=float(data.get("km", 0.0)),
        )


@dataclass(frozen=True)
class WhatIfFigures:
    """A caravan retired (moved_to_city empty) or redeployed, measured by re-planning the term."""

    caravan: str
    moved_to_depot: str
    moved_to_city: str  # the city's name
    served: tuple[float, float]  # before, after
    key_requests_served: tuple[float, float]
    key_counties: tuple[float, float]
    counties: tuple[float, float]
    km: tuple[float, float]
    lost: tuple[tuple[str, UnservedReason], ...]  # requests served before, not after, and why
    gained: tuple[str, ...]
    locks_kept: bool
    solve_seconds: float

    def to_json(self) -> dict[str, Any]:
        return {
            "caravan": self.caravan,
            "moved_to_depot": self.moved_to_depot,
            "moved_to_city": self.moved_to_city,
            "served": list(self.served),
            "key_requests_served": list(self.key_requests_served),
            "key_counties": list(self.key_counties),
            "counties": list(self.counties),
            "km": list(self.km),
            "lost": [[code, reason.value] for code, reason in self.lost],
            "gained": list(self.gained),
            "locks_kept": self.locks_kept,
            "solve_seconds": self.solve_seconds,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> WhatIfFigures:
        return cls(
            caravan=str(data["caravan"]),
            moved_to_depot=str(data.get("moved_to_depot") or ""),
            moved_to_city=str(data.get("moved_to_city") or ""),
            served=_pair(data["served"]),
            key_requests_served=_pair(data["key_requests_served"]),
            key_counties=_pair(data["key_counties"]),
            counties=_pair(data.get("counties", (0, 0))),
            km=_pair(data["km"]),
            lost=tuple((str(code), UnservedReason(reason)) for code, reason in data.get("lost", ())),
            gained=tuple(str(code) for code in data.get("gained", ())),
            locks_kept=bool(data.get("locks_kept", True)),
            solve_seconds=float(data.get("solve_seconds") or 0.0),
        )


@dataclass(frozen=True)
class ConsolidationFigures:
    """A consolidation run: who was screened, what regrouping reached, and the what-if re-plans."""

    term: str
    as_of: str  # ISO date
    use_window: tuple[str, str]  # ISO dates
    candidates: int
    candidates_by_kind: Mapping[str, int]
    candidates_by_rule: Mapping[str, int]
    candidates_by_recommendation: Mapping[str, int]
    sets: RegroupFigures
    kits: RegroupFigures
    baseline: CoverageFigures
    what_ifs: tuple[WhatIfFigures, ...]
    violations: tuple[str, ...]  # what the checkers found, for the log; empty unless there is a bug
    seconds: float

    def to_json(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "as_of": self.as_of,
            "use_window": list(self.use_window),
            "candidates": self.candidates,
            "candidates_by_kind": dict(self.candidates_by_kind),
            "candidates_by_rule": dict(self.candidates_by_rule),
            "candidates_by_recommendation": dict(self.candidates_by_recommendation),
            "regroup": {"sets": self.sets.to_json(), "kits": self.kits.to_json()},
            "baseline": self.baseline.to_json(),
            "what_ifs": [w.to_json() for w in self.what_ifs],
            "violations": list(self.violations),
            "seconds": self.seconds,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ConsolidationFigures:
        first, last = data.get("use_window", ("", ""))
        return cls(
            term=str(data.get("term", "")),
            as_of=str(data.get("as_of", "")),
            use_window=(str(first), str(last)),
            candidates=int(data.get("candidates", 0)),
            candidates_by_kind={str(k): int(n) for k, n in dict(data.get("candidates_by_kind", {})).items()},
            candidates_by_rule={str(k): int(n) for k, n in dict(data.get("candidates_by_rule", {})).items()},
            candidates_by_recommendation={
                str(k): int(n) for k, n in dict(data.get("candidates_by_recommendation", {})).items()
            },
            sets=RegroupFigures.from_json(data["regroup"]["sets"]),
            kits=RegroupFigures.from_json(data["regroup"]["kits"]),
            baseline=CoverageFigures.from_json(data.get("baseline", {})),
            what_ifs=tuple(WhatIfFigures.from_json(w) for w in data.get("what_ifs", ())),
            violations=tuple(str(v) for v in data.get("violations", ())),
            seconds=float(data.get("seconds", 0.0)),
        )
