"""Plan names: a name the user chose must be free; a default name is made free when the plan is stored.

Two solves started in the same second get the same default name; the second used to be thrown away at
the end, after its whole solve. Now the one stored second becomes "… (2)". The check a chosen name gets
before the solve is repeated at the save, since another desk may have taken it in the meantime.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from caravan_app.errors import CaravanError, IntegrityViolation
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Plan

Stored = TypeVar("Stored")

# A default name is tried with this many numbers before giving up (someone else would have to store as
# many plans under it in the same moment).
ATTEMPTS = 50


def taken(s: Session, name: str) -> bool:
    return s.scalar(select(Plan.id).where(Plan.name == name)) is not None


def refuse_taken(s: Session, name: str) -> None:
    if taken(s, name):
        raise CaravanError(
            f"a plan named {name!r} exists already; choose another --name",
            code="plan_name_taken",
            name=name,
        )


def free_name(s: Session, wanted: str) -> str:
    """`wanted`, or the first of "wanted (2)", "wanted (3)", … that no plan has."""
    name, number = wanted, 1
    while taken(s, name):
        number += 1
        name = f"{wanted} ({number})"
    return name


def store_plan(
    db: Database, wanted: str, chosen: bool, store: Callable[[Session, str], Stored]
) -> tuple[str, Stored]:
    """Store a plan by `store(session, name)` in one transaction; the name it got and what store gave.

    A `chosen` name must still be free (plan_name_taken); a default one becomes the first free variant,
    tried again if another desk stores a plan under it at the same moment."""
    for _attempt in range(ATTEMPTS):
        try:
            with db.session() as s:
                if chosen:
                    refuse_taken(s, wanted)
                    name = wanted
                else:
                    name = free_name(s, wanted)
                return name, store(s, name)
        except IntegrityViolation:
            with db.session(audited=False) as s:
                if not taken(s, name):
                    raise  # another rule refused it, not the name
                if chosen:
                    refuse_taken(s, name)
    raise CaravanError(
        f"no free plan name like {wanted!r}; choose one with --name", code="plan_name_taken", name=wanted
    )
