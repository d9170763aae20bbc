"""The tour planner's improvement by OR-Tools (Improvement.ORTOOLS, kept for the bench): the routes of a
block of weeks rebuilt by OR-Tools routing from the plan so far (one vehicle per caravan and trip slot,
nights as breaks, guided local search from the greedy routes), block by block, a block's result kept
only if the whole plan gets better."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ortools.constraint_solver import pywrapcp

from caravan_app import log
from caravan_app.planning.problem import TourRequest
from caravan_app.planning.search import attach_control, search_parameters
from caravan_app.planning.tour_options import LockError

if TYPE_CHECKING:  # tours.py imports this module; the model is only named here
    from caravan_app.planning.tours import _TourModel

_log = log.get(log.PLANNING)

DAY = 24 * 60
# Penalty of an unserved request of weight 1, in metres: more than any detour in a province.
PENALTY_PER_WEIGHT = 10_000_000
# A used trip costs as much as 20 km, so the solver does not send out caravans for nothing.
TRIP_FIXED_COST = 20_000
# Metres per minute a trip lasts: prefers short trips without outweighing kilometres.
SPAN_COST_PER_MINUTE = 2

Route = list[TourRequest]


def improve_block(
    model: _TourModel,
    start: dict[int, Route],
    block: set[int],
    requests: list[TourRequest],
    seconds: float,
    served_elsewhere: int,
) -> dict[int, Route] | None:
    """Routes of the slots in `block`, improved by OR-Tools from `start` within `seconds`.

    Only `requests` (those served in the block, and unserved ones the block could take) are in
    the model; the other slots' routes stay as they are.
    """
    options = {r.code: [n for n in model.candidates[r.code] if n in block] for r in requests}
    requests = [r for r in requests if options[r.code]]
    used = sorted({n for r in requests for n in options[r.code]})
    if not used:
        return None
    renumber = {old: new for new, old in enumerate(used)}
    slots = [model.slots[n] for n in used]
    visits = [(r, part) for r in requests for part in range(r.show_days)]
    depot_list = sorted({s.caravan.depot_code for s in slots})
    node_place = depot_list + [r.venue_code for r, _ in visits]
    first_node = len(depot_list)
    node_of = {(r.code, part): first_node + i for i, (r, part) in enumerate(visits)}
    starts = [depot_list.index(s.caravan.depot_code) for s in slots]
    manager = pywrapcp.RoutingIndexManager(len(node_place), len(slots), starts, starts)
    routing = pywrapcp.RoutingModel(manager)
    solver = routing.solver()
    place_index = [model.distances.index[code] for code in node_place]
    km = model.distances.km
    service = [0] * first_node + [r.show_minutes for r, _ in visits]

    # Matrices, not Python callbacks: the search evaluates arcs millions of times.
    nodes = range(len(node_place))
    arc_km = [[km[place_index[a]][place_index[b]] for b in nodes] for a in nodes]
    metres = [[int(round(arc_km[a][b] * 1000)) for b in nodes] for a in nodes]
    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(metres))
    routing.SetFixedCostOfAllVehicles(TRIP_FIXED_COST)
    time_callbacks: dict[float, int] = {}
    for speed in sorted({s.caravan.speed_kmh for s in slots}):
        # Driving rounded up, so the exact schedule is never later than the model's.
        elapsed = [[service[a] + math.ceil(arc_km[a][b] / speed * 60 - 1e-9) for b in nodes] for a in nodes]
        time_callbacks[speed] = routing.RegisterTransitMatrix(elapsed)
    horizon = (model._day(model.problem.calendar.end) + 2) * DAY
    routing.AddDimensionWithVehicleTransits(
        [time_callbacks[s.caravan.speed_kmh] for s in slots], horizon, horizon, False, "time"
    )
    clock = routing.GetDimensionOrDie("time")
    # Breaks need each index's visit length (indices, not nodes: starts and ends are extra).
    visit_transits = [
        0 if routing.IsStart(i) or routing.IsEnd(i) else service[manager.IndexToNode(i)]
        for i in range(routing.Size())
    ]
    for vehicle, slot in enumerate(slots):
        caravan = slot.caravan
        clock.CumulVar(routing.Start(vehicle)).SetRange(slot.opens, slot.closes)
        clock.CumulVar(routing.End(vehicle)).SetRange(slot.opens, slot.closes)
        nights = [
            solver.FixedDurationIntervalVar(
                day * DAY + caravan.crew_day_end,
                day * DAY + caravan.crew_day_end,
                DAY - (caravan.crew_day_end - caravan.crew_day_start),
                False,
                f"night {caravan.code} {day}",
            )
            for day in slot.days[:-1]
        ]
        if nights:
            clock.SetBreakIntervalsOfVehicle(nights, vehicle, visit_transits)
        clock.SetSpanCostCoefficientForVehicle(SPAN_COST_PER_MINUTE, vehicle)

    for number, (request, part) in enumerate(visits):
        node = first_node + number
        index = manager.NodeToIndex(node)
        windows = sorted(
            {
                model._show_window(model.slots[n].caravan, request, day + part)
                for n in options[request.code]
                for day in model.start_days[(n, request.code)]
            }
        )
        allowed = sorted(renumber[n] for n in options[request.code])
        # SetAllowedVehiclesForIndex's Python binding refuses lists in OR-Tools 9.15; the
        # vehicle variable's domain says the same (-1: not visited).
        routing.VehicleVar(index).SetValues(allowed if request.lock else [-1, *allowed])
        cumul = clock.CumulVar(index)
        cumul.SetRange(windows[0][0], max(w[1] for w in windows))
        reach = windows[0][1]
        for begin, end in windows[1:]:
            if begin > reach + 1:
                cumul.RemoveInterval(reach + 1, begin - 1)
            reach = max(reach, end)
        if request.lock is None:
            penalty = int(model._weight(request) * PENALTY_PER_WEIGHT / request.show_days)
            routing.AddDisjunction([index], penalty)
        if part > 0:
            # The days of one show: same caravan, back to back, on consecutive days.
            before = manager.NodeToIndex(node - 1)
            routing.NextVar(before).SetValues([before, index])
            solver.Add(routing.ActiveVar(before) == routing.ActiveVar(index))
            solver.Add(clock.CumulVar(index) >= clock.CumulVar(before) + DAY // 2)
            solver.Add(clock.CumulVar(index) <= clock.CumulVar(before) + DAY + DAY // 2)

    def served() -> int:
        return served_elsewhere + sum(
            1
            for (_, part), node in node_of.items()
            if part == 0 and routing.NextVar(manager.NodeToIndex(node)).Value() != manager.NodeToIndex(node)
        )

    # OR-Tools keeps no reference to Python callbacks: they must live as long as the solve.
    # Progress shows the whole plan: the other slots' km and trips are added to the block's cost.
    offset = model._metres({n: r for n, r in start.items() if n not in block})
    callbacks = (served, attach_control(routing, model.control, served, offset))
    # Leave a little time for the exact repair after the search.
    parameters = search_parameters(
        max(0.2, seconds), model.first_solution, solution_limit=model.control.solution_limit
    )
    # Local search starts from the greedy routes. Locked chains would keep them from moving, so
    # they are restored as an assignment; where OR-Tools cannot restore it (on large models with
    # many breaks it reports failure, a limitation not yet understood), the search starts
    # afresh and the better plan wins at the end.
    routing.CloseModelWithParameters(parameters)
    chains = [
        [
            manager.NodeToIndex(node_of[(r.code, part)])
            for r in start.get(n, [])
            for part in range(r.show_days)
        ]
        for n in used
    ]
    initial = routing.ReadAssignmentFromRoutes(chains, True)
    solution = None
    if initial is not None:
        solution = routing.SolveFromAssignmentWithParameters(initial, parameters)
    how = "restored" if solution is not None else "not restored, searching afresh"
    _log.info("tour model: %d show days, %d vehicles, greedy start %s", len(visits), len(slots), how)
    if solution is None and not model.control.cancelled:
        solution = routing.SolveWithParameters(parameters)
    del callbacks
    if solution is None:
        return None
    routes: dict[int, Route] = {}
    for vehicle, number in enumerate(used):
        index = solution.Value(routing.NextVar(routing.Start(vehicle)))
        route: Route = []
        while not routing.IsEnd(index):
            request, part = visits[manager.IndexToNode(index) - first_node]
            if part == 0:
                route.append(request)
            index = solution.Value(routing.NextVar(index))
        if route:
            routes[number] = route
    return routes


def improve_by_blocks(model: _TourModel, best: dict[int, Route], budget: float) -> dict[int, Route]:
    """OR-Tools improves the plan a block of weeks at a time: a whole term in one model is too large
    for it to restore the greedy start or make many moves in the time there is."""
    until = model.control.elapsed + budget
    blocks = _blocks(model)
    for position, block in enumerate(blocks):
        seconds = max(0.0, until - model.control.elapsed) * 0.95 / (len(blocks) - position)
        if model.control.cancelled or seconds < 0.2:
            break
        served = {r.code for routes in best.values() for r in routes}
        inside = {r.code for n in block for r in best.get(n, [])}
        requests = [r for r in model.servable if r.code in inside or r.code not in served]
        improved = improve_block(model, best, block, requests, seconds, len(served - inside))
        if improved is None:
            continue
        candidate = {n: r for n, r in best.items() if n not in block} | improved
        try:
            candidate = model._repair(candidate)
        except LockError:
            # Its order of locked visits cannot be rebuilt; the plan so far keeps them all.
            continue
        if model._cost(candidate) < model._cost(best):
            best = candidate
            model.control.report(model._cost(best), sum(len(r) for r in best.values()))
    return best


def _blocks(model: _TourModel, weeks: int = 2) -> list[set[int]]:
    """Slot numbers grouped by blocks of `weeks` weeks of the horizon, in time order."""
    blocks: dict[int, set[int]] = {}
    for number, slot in enumerate(model.slots):
        blocks.setdefault(slot.days[0] // (7 * weeks), set()).add(number)
    return [blocks[key] for key in sorted(blocks)]
