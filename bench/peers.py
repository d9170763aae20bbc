"""The other solvers of the benchmark, PyVRP and VROOM, on the engine's own integer matrices.

Both are optional (`pip install -e .[bench]`); `available()` says which are installed. Each gets the
matrices of caravan_app.planning.vrptw_problem.scaled_matrices, the ones OR-Tools gets: distances rounded for
the objective, travel times rounded up so an integer schedule keeps the windows in double precision
too. Each runs single-threaded and returns plain routes (customer numbers, depot left out).
"""

from __future__ import annotations

import importlib.util
from datetime import timedelta

from caravan_app.planning.vrptw_problem import DISTANCE_SCALE, VrptwInstance, scaled_matrices, scaled_windows

Routes = list[list[int]]

PEERS = ("pyvrp", "vroom")


def available(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def solve_pyvrp(instance: VrptwInstance, time_limit: float, seed: int = 0) -> Routes:
    """PyVRP's hybrid genetic search, distance only (no fixed vehicle cost), stopped after time_limit."""
    from pyvrp import Model
    from pyvrp.stop import MaxRuntime

    distance, duration = scaled_matrices(instance)
    windows = scaled_windows(instance)
    model = Model()
    scale = DISTANCE_SCALE
    locations = [model.add_location(x=c.x * scale, y=c.y * scale) for c in instance.customers]
    ready, due, _ = windows[0]
    depot = model.add_depot(locations[0], tw_early=ready, tw_late=due)
    model.add_vehicle_type(
        num_available=instance.vehicles,
        capacity=instance.capacity,
        start_depot=depot,
        end_depot=depot,
        tw_early=ready,
        tw_late=due,
    )
    for number, customer in enumerate(instance.customers[1:], start=1):
        ready, due, service = windows[number]
        model.add_client(
            locations[number], delivery=customer.demand, service_duration=service, tw_early=ready, tw_late=due
        )
    for i, frm in enumerate(locations):
        for j, to in enumerate(locations):
            model.add_edge(frm, to, distance=distance[i][j], duration=duration[i][j])
    result = model.solve(stop=MaxRuntime(time_limit), seed=seed, display=False)
    if not result.best.is_feasible():
        return []
    # A route lists its depot and client activities; a client's index counts clients only, from 0, in the
    # order they were added: customer number minus one.
    routes = result.best.routes()
    return [[activity.idx + 1 for activity in route if activity.is_client()] for route in routes]


def solve_vroom(instance: VrptwInstance, time_limit: float) -> Routes:
    """VROOM at exploration level 5, one thread; costs are the rounded distances, durations the rounded-up."""
    import vroom

    distance, duration = scaled_matrices(instance)
    windows = scaled_windows(instance)
    problem = vroom.Input()
    problem.set_durations_matrix("car", duration)
    problem.set_costs_matrix("car", distance)
    ready, due, _ = windows[0]
    for vehicle in range(instance.vehicles):
        problem.add_vehicle(
            vroom.Vehicle(
                vehicle,
                start=0,
                end=0,
                capacity=[instance.capacity],
                time_window=vroom.TimeWindow(ready, due),
            )
        )
    for number, customer in enumerate(instance.customers[1:], start=1):
        ready, due, service = windows[number]
        problem.add_job(
            vroom.Job(
                number,
                location=number,
                default_service=service,
                delivery=[customer.demand],
                time_windows=[vroom.TimeWindow(ready, due)],
            )
        )
    solution = problem.solve(exploration_level=5, nb_threads=1, timeout=timedelta(seconds=time_limit))
    routes = []
    for route in solution.to_dict()["routes"]:
        visits = [step["id"] for step in route["steps"] if step["type"] == "job"]
        if visits:
            routes.append(visits)
    return routes
