"""Benchmark: the timings the planning tests no longer assert, measured and printed instead.

    python -m bench.solver_timing [--at 0.2,0.5,1.5] [--repeat 3] [--only cancel|quality]

The tests (tests/planning/) check what the solvers guarantee on any machine; how fast they are depends
on the machine and its load, so it is measured here. Two tables:

cancel   How soon each solver returns after a cancel from another thread (as the window's Stop button
         sends it), cancelled at each of the --at moments of a solve whose time limit is far away:
         the tour planner on 120 requests over 8 weeks, VRPTW on 80 random customers (OR-Tools
         alone and started from PyVRP, when installed), the rotation on 12 sets and 40 halls, and
         the regrouping of 40 kits from 1000 spares. control.py promises a stop within 2 s; the
         tests used to assert it. Printed: the worst and median latency, the statuses seen.
quality  How long the searches take to reach what the tests now reach with a budget of solutions:
         the tiny VRPTW instance of test_vrptw.py against its brute-force optimum (264.16) at
         time limits from 0.01 s to 1 s, and the CP-SAT proofs (the rotation's base case, two
         half-sets regrouped into one) timed to OPTIMAL.
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta

from caravan_app.domain.enums import CaravanType, Level
from caravan_app.planning.control import SolveControl
from caravan_app.planning.problem import Calendar, Point, SolveStatus, TourCaravan, TourProblem, TourRequest
from caravan_app.planning.regroup import STORE, Container, Item, RegroupProblem, regroup
from caravan_app.planning.rotation import plan_rotation
from caravan_app.planning.rotation_problem import RotationProblem
from caravan_app.planning.tours import plan_tours
from caravan_app.planning.vrptw import Customer, VrptwInstance, VrptwMethod, solve_vrptw
from tests.planning.rotation_cases import hall, periods, random_problem, rotation_set

FAR = 600.0  # a time limit no run here reaches: every solve ends by its cancel or by a proof
MONDAY = date(2027, 3, 1)
# test_vrptw.py's TINY7 and the optimum its brute force finds.
TINY7 = VrptwInstance(
    "TINY7",
    (
        Customer(50, 50, 0, 0, 400, 0),
        Customer(60, 70, 10, 20, 120, 10),
        Customer(70, 55, 15, 0, 300, 10),
        Customer(35, 80, 8, 150, 200, 10),
        Customer(20, 45, 12, 0, 400, 10),
        Customer(40, 20, 10, 40, 80, 10),
        Customer(75, 25, 20, 60, 140, 10),
        Customer(55, 35, 5, 0, 400, 10),
    ),
    capacity=40,
    vehicles=3,
)
TINY7_OPTIMUM = 264.1604


def term_of_requests(count: int) -> TourProblem:
    """test_tours.py's many_requests: four provincial caravans, requests over Jiangsu, eight weeks."""
    days = frozenset(MONDAY + timedelta(days=i) for i in range(56))
    requests = tuple(
        TourRequest(
            code=f"R{i:03d}",
            venue_code=f"V-R{i:03d}",
            venue_name=f"场地R{i:03d}",
            location=Point(31.5 + (i * 37 % 100) / 40, 118.5 + (i * 53 % 100) / 40),
            county="320115",
            city="320100",
            key_county=False,
            township=False,
            dates=days,
            open_from=8 * 60,
            open_to=17 * 60,
            show_minutes=180,
        )
        for i in range(count)
    )
    caravans = tuple(
        TourCaravan(
            code=f"CV{i}",
            type=CaravanType.III,
            themes=frozenset({"力学", "数学"}),
            owner_level=Level.PROVINCE,
            region="320000",
            depot_code=f"D-CV{i}",
            depot=Point(32.05, 118.78),
        )
        for i in range(4)
    )
    return TourProblem(caravans, requests, Calendar(MONDAY, MONDAY + timedelta(days=55)))


def random_customers(count: int, seed: int) -> VrptwInstance:
    """test_vrptw.py's random_instance: a Solomon R2-like instance."""
    rng = random.Random(seed)
    customers = [Customer(50, 50, 0, 0, 1000, 0)]
    for _ in range(count):
        x, y = rng.uniform(0, 100), rng.uniform(0, 100)
        ready = rng.uniform(0, 600)
        customers.append(Customer(x, y, rng.randint(1, 30), ready, ready + rng.uniform(100, 300), 10))
    return VrptwInstance(f"random{count}", tuple(customers), capacity=200, vehicles=25)


def kits_and_spares() -> RegroupProblem:
    """test_regroup.py's forty kits and a thousand spares."""
    themes = ("力学", "数学", "航空航天")
    kits = tuple(
        Container(f"K{n:02d}", Point(31.5 + n * 0.05, 119.0 + n * 0.03), 24, 24, (("力学", 6), ("数学", 6)))
        for n in range(40)
    )
    spares = tuple(
        Item(
            f"S{n:04d}",
            themes[n % 3],
            STORE,
            f"D{n % 25}",
            Point(31.0 + (n % 25) * 0.1, 118.5 + (n % 7) * 0.2),
        )
        for n in range(1000)
    )
    return RegroupProblem(kits, spares)


def half_sets() -> RegroupProblem:
    """Two half-sets that make one complete set (test_regroup.py's good case)."""
    half = ["力学", "力学", "数学", "数学", "航空航天", "航空航天"]
    sets = []
    items = []
    for code, at in (("A", Point(32.06, 118.80)), ("B", Point(32.39, 119.41))):
        container = Container(
            code, at, 10, 12, (("力学", 4), ("数学", 3)), frozenset({"力学", "数学", "航空航天"}), 400.0
        )
        sets.append(container)
        items += [Item(f"{code}-{n:02d}", t, code, code, at, 1.5) for n, t in enumerate(half)]
    return RegroupProblem(tuple(sets), tuple(items))


# A solve under a control: returns its status.
Solve = Callable[[SolveControl], SolveStatus]


def cancel_latency(name: str, solve: Solve, moments: list[float], repeat: int) -> None:
    latencies: list[float] = []
    statuses: set[str] = set()
    for at in moments:
        for _ in range(repeat):
            control = SolveControl(time_limit=FAR)
            cancelled_at: list[float] = []

            def cancel(control: SolveControl = control, cancelled_at: list[float] = cancelled_at) -> None:
                cancelled_at.append(time.monotonic())
                control.cancel()

            timer = threading.Timer(at, cancel)
            timer.start()
            status = solve(control)
            returned = time.monotonic()
            timer.cancel()
            statuses.add(status.value)
            # A solve that ended before the cancel (it cannot here: no time limit is reached) counts 0.
            latencies.append(max(0.0, returned - cancelled_at[0]) if cancelled_at else 0.0)
    print(
        f"  {name:28} worst {max(latencies):6.3f} s  median {statistics.median(latencies):6.3f} s  "
        f"({len(latencies)} runs; {', '.join(sorted(statuses))})"
    )


def cancel_table(moments: list[float], repeat: int) -> None:
    print(f"Cancel latency: cancelled from another thread at {', '.join(f'{m:g}' for m in moments)} s")
    tours = term_of_requests(120)
    cancel_latency("tours, 120 requests", lambda c: plan_tours(tours, c).status, moments, repeat)
    customers = random_customers(80, seed=7)
    cancel_latency("VRPTW, 80 customers", lambda c: solve_vrptw(customers, c).status, moments, repeat)
    cancel_latency(
        "VRPTW on OR-Tools, 80 customers",
        lambda c: solve_vrptw(customers, c, VrptwMethod.ORTOOLS).status,
        moments,
        repeat,
    )
    rotation = random_problem(random.Random(7), 12, 40, 6, province_wide=1.0)
    cancel_latency(
        "rotation, 12 sets, 40 halls", lambda c: plan_rotation(rotation, c).status, moments, repeat
    )
    kits = kits_and_spares()
    cancel_latency("regroup, 40 kits", lambda c: regroup(kits, c).status, moments, repeat)


def quality_table(repeat: int) -> None:
    print("Tiny VRPTW (7 customers, 3 vehicles): distance found within a time limit, optimum 264.16")
    for limit in (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0):
        found = [solve_vrptw(TINY7, SolveControl(time_limit=limit)) for _ in range(repeat)]
        reached = sum(1 for s in found if s.complete and abs(s.distance - TINY7_OPTIMUM) < 0.01)
        worst = max((s.distance for s in found if s.status.has_plan), default=float("nan"))
        print(f"  {limit:5.2f} s  optimum in {reached}/{repeat} runs, worst {worst:8.3f}")
    print("CP-SAT proofs: time to OPTIMAL")
    rotation = base_rotation()
    for name, solve in (
        ("rotation base case", lambda: plan_rotation(rotation, SolveControl(time_limit=FAR)).status),
        ("two half-sets regrouped", lambda: regroup(half_sets(), SolveControl(time_limit=FAR)).status),
    ):
        times = []
        statuses = set()
        for _ in range(repeat):
            started = time.monotonic()
            statuses.add(solve().value)
            times.append(time.monotonic() - started)
        worst, median = max(times), statistics.median(times)
        print(f"  {name:28} worst {worst:6.3f} s  median {median:6.3f} s  ({', '.join(sorted(statuses))})")


def base_rotation() -> RotationProblem:
    """test_rotation.py's base case: two sets, three halls around Yangzhou, three periods."""
    halls = (
        hall("V-GY", 32.78, 119.44, 3, weight=20, key_county=True),
        hall("V-YZ", 32.32, 119.39, 3),
        hall("V-BY", 32.80, 119.06, 3, hall_area_m2=450.0),
    )
    sets = (rotation_set("MS-A", hall_area_m2=420.0), rotation_set("MS-B", hall_area_m2=600.0, truck_loads=3))
    return RotationProblem(sets, halls, periods(3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--at", default="0.2,0.5,1.5", help="seconds into a solve to cancel it, comma-separated"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=["cancel", "quality"])
    args = parser.parse_args()
    if args.only != "quality":
        cancel_table([float(m) for m in args.at.split(",")], args.repeat)
    if args.only != "cancel":
        quality_table(args.repeat)


if __name__ == "__main__":
    main()
