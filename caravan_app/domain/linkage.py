"""Linkage (联动) and fleet use, as plain data: how much of its time each caravan spends on the road, which
caravans could serve a request that region rules keep from it, and the joint tours proposed to let them.

Codes identify caravans and regions; whoever shows these looks up the names (and words them).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

# A caravan with fewer days on the road than this in a plan counts as idle.
IDLE_DAYS = 5
# The imbalance figure: the share of all days on the road done by the busiest fifth of the fleet.
BUSIEST_SHARE = 0.2


@dataclass(frozen=True)
class CaravanUse:
    """One caravan's use in a plan (or a year): days out of the days it could have gone."""

    caravan: str
    available_days: int  # working days in the horizon less the days it is unavailable
    days_on_road: int
    shows: int  # show days (a two-day show counts twice)
    km: float

    @property
    def share(self) -> float:
        return self.days_on_road / self.available_days if self.available_days else 0.0

    @property
    def km_per_show(self) -> float | None:
        return self.km / self.shows if self.shows else None

    @property
    def idle(self) -> bool:
        return self.days_on_road < IDLE_DAYS

    def to_json(self) -> dict[str, Any]:
        return {
            "caravan": self.caravan,
            "available_days": self.available_days,
            "days_on_road": self.days_on_road,
            "shows": self.shows,
            "km": round(self.km, 1),
        }


@dataclass(frozen=True)
class Utilisation:
    """The fleet's use in a plan: one row per caravan in service, busiest first."""

    working_days: int
    caravans: tuple[CaravanUse, ...]

    @property
    def idle(self) -> tuple[str, ...]:
        return tuple(c.caravan for c in self.caravans if c.idle)

    @property
    def days_on_road(self) -> int:
        return sum(c.days_on_road for c in self.caravans)

    @property
    def share(self) -> float:
        """Days on the road over days available, for the whole fleet."""
        available = sum(c.available_days for c in self.caravans)
        return self.days_on_road / available if available else 0.0

    @property
    def busiest_share(self) -> float:
        """The share of all days on the road done by the busiest 20 % of the caravans (at least one):
        0.2 when work is spread evenly, near 1 when a few caravans do it all."""
        total = self.days_on_road
        if not total or not self.caravans:
            return 0.0
        count = max(1, math.ceil(len(self.caravans) * BUSIEST_SHARE))
        busiest = sorted((c.days_on_road for c in self.caravans), reverse=True)[:count]
        return sum(busiest) / total

    def of(self, caravan: str) -> CaravanUse | None:
        return next((c for c in self.caravans if c.caravan == caravan), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "working_days": self.working_days,
            "days_per_caravan": {c.caravan: c.days_on_road for c in self.caravans},
            "available_days_per_caravan": {c.caravan: c.available_days for c in self.caravans},
            "shows_per_caravan": {c.caravan: c.shows for c in self.caravans},
            "km_per_caravan": {c.caravan: round(c.km, 1) for c in self.caravans},
            "idle": list(self.idle),
            "busiest_share": round(self.busiest_share, 3),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Utilisation:
        days = data.get("days_per_caravan", {})
        available = data.get("available_days_per_caravan", {})
        shows = data.get("shows_per_caravan", {})
        km = data.get("km_per_caravan", {})
        return cls(
            working_days=int(data.get("working_days", 0)),
            caravans=tuple(
                CaravanUse(
                    code, int(available.get(code, 0)), int(n), int(shows.get(code, 0)), float(km.get(code, 0))
                )
                for code, n in days.items()
            ),
        )


@dataclass(frozen=True)
class FittingCaravan:
    """A caravan of a wanted type and theme that a region rule keeps from an unserved request."""

    caravan: str
    region: str  # adcode of the region the caravan belongs to
    depot: str  # depot code
    km: float  # from its depot to the venue, by road estimate
    days_on_road: int  # in this plan
    available_days: int


@dataclass(frozen=True)
class JointTourProposal:
    """Let `caravans` also serve `regions` (county or city adcodes), from `start` to `end` when set:
    proposed for the `requests` that the rules leave unserved and these caravans could serve."""

    caravans: tuple[str, ...]
    regions: tuple[str, ...]
    requests: tuple[str, ...]
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class LinkageGain:
    """What a proposal adds to the plan before it, measured by re-planning with it and checking."""

    served: int
    key_county: int
    township: int
    km: float
    days_per_caravan: Mapping[str, int]  # the caravans whose days on the road changed: code -> change

    def to_json(self) -> dict[str, Any]:
        return {
            "served": self.served,
            "key_county": self.key_county,
            "township": self.township,
            "km": round(self.km, 1),
            "days_per_caravan": dict(self.days_per_caravan),
        }


class LinkageStep(StrEnum):
    """The steps of a run, in order, as `on_step` hears them."""

    BASELINE = "baseline"  # the term planned as the rules stand
    POTENTIAL = "potential"  # planned with every caravan allowed everywhere
    PROPOSAL = "proposal"  # re-planned with one more proposal (its number is passed too)


@dataclass(frozen=True)
class PlanFigures:
    """What a plan of the term serves and costs, for comparing the baseline, the potential and the
    plans with proposals."""

    requests: int
    served: int
    key_county_requests: int
    key_county_served: int
    township_served: int
    km: float
    utilisation: Utilisation

    def to_json(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "served": self.served,
            "key_county_requests": self.key_county_requests,
            "key_county_served": self.key_county_served,
            "township_served": self.township_served,
            "km": round(self.km, 1),
            "days_per_caravan": {c.caravan: c.days_on_road for c in self.utilisation.caravans},
            "idle_caravans": list(self.utilisation.idle),
            "busiest_share": round(self.utilisation.busiest_share, 3),
        }


@dataclass(frozen=True)
class Proposal:
    """A proposed joint tour, what it brought when added to the plan before it, and that plan's
    figures (with every proposal up to this one)."""

    joint_tour: JointTourProposal
    gain: LinkageGain
    figures: PlanFigures
