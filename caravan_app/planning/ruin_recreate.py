"""The search loop both route planners share: local search, then ruin and recreate under a falling threshold.

A plan under search (the caravan tours of tour_search.py, the plain VRPTW routes of vrptw_search.py)
knows its own moves; this loop decides which results to keep. Each round ruins part of the plan and
recreates it; the result is kept if it costs no more than a threshold above the current plan, the
threshold falling linearly to nothing as the time (or the budget of rounds) runs out, so the search
can leave a local optimum early and settles late. Each new best plan is polished by local search and
remembered; the best seen is the answer.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Protocol, TypeVar

Item = TypeVar("Item", bound=Hashable)

# String removal (Christiaens and Vanden Berghe's SISR): the longest string cut from one route, the share
# of cuts that keep a few items inside the string, and the chance the kept part grows by one, again
# and again.
LONGEST_STRING = 10
SPLIT_SHARE = 0.5
KEEP_GROWS = 0.5


class Searchable(Protocol[Item]):
    """A plan the loop can drive."""

    @property
    def cost(self) -> float:
        """What the search minimises."""

    @property
    def scale(self) -> float:
        """The size the threshold is a share of (the plan's distance, not its penalties)."""

    def snapshot(self) -> Any: ...

    def restore(self, state: Any) -> None: ...

    def local_search(self, out_of_time: Callable[[], bool], around: set[Item] | None = None) -> None:
        """Improve to a local optimum; with `around`, only moves of those items."""

    def ruin_and_recreate(self) -> set[Item]:
        """Take part of the plan out and put it back; the items whose place changed (for `around`)."""


Plan = TypeVar("Plan", bound=Searchable[Any])


def search(
    plan: Plan,
    out_of_time: Callable[[], bool],
    *,
    start_threshold: float,
    ruins: int | None = None,
    seconds: float = 0.0,
    polish_whole: bool = True,
    on_better: Callable[[Plan], None] | None = None,
) -> int:
    """Improve `plan` in place until out of time (or after `ruins` rounds) and leave it at the best plan
    seen; the number of rounds run. The threshold starts at `start_threshold` times the plan's scale.
    With `polish_whole` false, a new best is polished only around what the round touched."""
    first = plan.cost
    plan.local_search(out_of_time)
    best_cost, best = plan.cost, plan.snapshot()
    if on_better is not None and best_cost < first - 1e-6:
        on_better(plan)
    started, done = time.monotonic(), 0
    while not out_of_time() and (ruins is None or done < ruins):
        done += 1
        if ruins is not None:
            share = done / max(1, ruins)
        else:
            share = (time.monotonic() - started) / seconds if seconds > 0 else 1.0
        threshold = start_threshold * plan.scale * max(0.0, 1.0 - share)
        current, undo = plan.cost, plan.snapshot()
        touched = plan.ruin_and_recreate()
        if plan.cost > current + threshold:
            plan.restore(undo)
            continue
        if plan.cost < best_cost - 1e-6:
            plan.local_search(out_of_time, None if polish_whole else touched)
            best_cost, best = plan.cost, plan.snapshot()
            if on_better is not None:
                on_better(plan)
    plan.restore(best)
    return done


def string_sizes(average_route: float, average_removed: float, rng: random.Random) -> tuple[float, int]:
    """For a string ruin: the longest string to cut from one route, and how many routes to cut, so that
    about `average_removed` items come out, given the routes' average length."""
    longest = max(1.0, min(LONGEST_STRING, average_route))
    most = 4 * average_removed / (1 + longest) - 1
    return longest, int(rng.uniform(1, max(1.0, most) + 1))


def cut_string(items: Sequence[Item], item: Item, longest: float, rng: random.Random) -> list[Item]:
    """Consecutive items of a route through `item`, at most `longest` of them, to take out; sometimes a
    longer string with a few items inside it left in (a split string)."""
    size = len(items)
    length = int(rng.uniform(1, min(size, longest) + 1))
    at = items.index(item)
    keep = 0
    if length < size and rng.random() < SPLIT_SHARE:
        keep = 1
        while length + keep < size and rng.random() < KEEP_GROWS:
            keep += 1
    span = length + keep
    first = rng.randint(max(0, at - span + 1), min(at, size - span))
    string = list(items[first : first + span])
    if keep:
        kept_from = rng.randint(0, length)
        string = string[:kept_from] + string[kept_from + keep :]
    return string
