"""Tables of the province's decisions: joint tours, a rotation plan's set moves, retirement
candidates and regrouping moves, and the working calendar's school terms and holidays."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan_app.domain.enums import CandidateKind, Decision, Recommendation
from caravan_app.persistence.base import Base, enum_column

if TYPE_CHECKING:
    from caravan_app.persistence.models import Caravan, Exhibit, ExhibitSet, Plan, Region


class JointTour(Base):
    """A named joint-tour group (联动): its caravans may also serve its regions."""

    __tablename__ = "joint_tours"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    notes: Mapped[str] = mapped_column(Text, default="")
    # The last day it applies; None while it runs. An ended joint tour is kept for the record.
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class JointTourCaravan(Base):
    __tablename__ = "joint_tour_caravans"
    __table_args__ = (UniqueConstraint("joint_tour_id", "caravan_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    joint_tour_id: Mapped[int] = mapped_column(ForeignKey("joint_tours.id", ondelete="CASCADE"), index=True)
    caravan_id: Mapped[int] = mapped_column(ForeignKey("caravans.id"), index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    joint_tour: Mapped[JointTour] = relationship()
    caravan: Mapped[Caravan] = relationship()


class JointTourRegion(Base):
    __tablename__ = "joint_tour_regions"
    __table_args__ = (UniqueConstraint("joint_tour_id", "region_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    joint_tour_id: Mapped[int] = mapped_column(ForeignKey("joint_tours.id", ondelete="CASCADE"), index=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    joint_tour: Mapped[JointTour] = relationship()
    region: Mapped[Region] = relationship()


class SetMove(Base):
    """A rotation plan's truck move of a set in a period's changeover window."""

    __tablename__ = "set_moves"
    __table_args__ = (
        UniqueConstraint("plan_id", "set_id", "period"),
        CheckConstraint("km >= 0", name="km"),
        CheckConstraint("truck_loads >= 1", name="truck_loads"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("exhibit_sets.id"), index=True)
    period: Mapped[int] = mapped_column(Integer)
    # Venue or depot codes: a set moves between halls and its home depot.
    from_code: Mapped[str] = mapped_column(String(20))
    to_code: Mapped[str] = mapped_column(String(20))
    km: Mapped[float] = mapped_column(Float)
    truck_loads: Mapped[int] = mapped_column(Integer)
    # {"uninstall": [dates], "drive": [dates], "install": [dates]} as ISO strings.
    schedule_json: Mapped[str] = mapped_column(Text, default="{}")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    plan: Mapped[Plan] = relationship()
    exhibit_set: Mapped[ExhibitSet] = relationship()


class RetirementCandidate(Base):
    """A caravan, exhibit or set that screening flagged, with its evidence and the decision on it."""

    __tablename__ = "retirement_candidates"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN caravan_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN exhibit_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN set_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_subject",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    kind: Mapped[CandidateKind] = mapped_column(enum_column(CandidateKind, "candidate_kind"))
    caravan_id: Mapped[int | None] = mapped_column(ForeignKey("caravans.id"), index=True)
    exhibit_id: Mapped[int | None] = mapped_column(ForeignKey("exhibits.id"), index=True)
    set_id: Mapped[int | None] = mapped_column(ForeignKey("exhibit_sets.id"), index=True)
    rules: Mapped[str] = mapped_column(String(200))  # rule codes, ";"-separated
    evidence_json: Mapped[str] = mapped_column(Text, default="[]")
    recommendation: Mapped[Recommendation] = mapped_column(enum_column(Recommendation, "recommendation"))
    decision: Mapped[Decision] = mapped_column(enum_column(Decision, "decision"), default=Decision.PENDING)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    plan: Mapped[Plan] = relationship()
    caravan: Mapped[Caravan | None] = relationship()
    exhibit: Mapped[Exhibit | None] = relationship()
    exhibit_set: Mapped[ExhibitSet | None] = relationship()


class RegroupMove(Base):
    """A consolidation plan's move of one exhibit into a set or a caravan's kit."""

    __tablename__ = "regroup_moves"
    __table_args__ = (
        UniqueConstraint("plan_id", "exhibit_id"),
        CheckConstraint(
            "(CASE WHEN to_set_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN to_caravan_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_target",
        ),
        CheckConstraint("km >= 0", name="km"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id"), index=True)
    from_set_id: Mapped[int | None] = mapped_column(ForeignKey("exhibit_sets.id"))
    from_caravan_id: Mapped[int | None] = mapped_column(ForeignKey("caravans.id"))
    from_depot_id: Mapped[int | None] = mapped_column(ForeignKey("depots.id"))
    to_set_id: Mapped[int | None] = mapped_column(ForeignKey("exhibit_sets.id"))
    to_caravan_id: Mapped[int | None] = mapped_column(ForeignKey("caravans.id"))
    km: Mapped[float] = mapped_column(Float, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    plan: Mapped[Plan] = relationship()
    exhibit: Mapped[Exhibit] = relationship()


class SchoolTerm(Base):
    """A school term of the working calendar: schools take shows between its first and last day."""

    __tablename__ = "school_terms"
    __table_args__ = (CheckConstraint("end_on >= start_on", name="dates"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}


class Holiday(Base):
    """A public holiday of the working calendar: no crew works and no school opens."""

    __tablename__ = "holidays"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    name: Mapped[str] = mapped_column(String(40), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}
