"""Benchmark: every route sheet of a demo-term tour plan printed as one PDF (target: under 10 s).

    python -m bench.print_route_sheets [--db URL] [--plan NAME] [--time-limit 30] [--lang zh] [--out FILE.pdf]

Without --db it builds the demo province in a temporary SQLite file and plans the spring term first
(the planning is not timed). It then times reading the plan into views and rendering the PDF, and
prints wall and CPU seconds, trips, pages and size; CPU seconds are the steadier figure on a busy machine.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from caravan_app.domain.calendar import term
from caravan_app.persistence.database import Database
from caravan_app.planning.control import SolveControl
from caravan_app.reports import route_sheets
from caravan_app.services.database import open_database
from caravan_app.services.demo import build_demo
from caravan_app.services.reports import tour_plan_view
from caravan_app.services.tour_planning import plan_term_tours


def demo_plan(folder: Path, time_limit: float) -> tuple[Database, str]:
    db = open_database(f"sqlite:///{folder / 'bench.db'}")
    build_demo(db)
    spring = term("2027-spring")
    print(f"planning the demo term {spring.start} to {spring.end} ({time_limit:g} s) ...", flush=True)
    summary = plan_term_tours(db, spring.start, spring.end, name="bench", control=SolveControl(time_limit))
    return db, summary.name


def measure(db: Database, plan_name: str | None, lang: str, out: Path | None) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    with db.session(audited=False) as s:
        plan = tour_plan_view(s, plan_name, lang)
    read_wall, read_cpu = time.perf_counter() - wall, time.process_time() - cpu
    pdf = route_sheets(plan, lang)
    total_wall, total_cpu = time.perf_counter() - wall, time.process_time() - cpu
    pages = len(re.findall(rb"/Type /Page\b(?!s)", pdf))
    print(f"plan {plan.name}: {len(plan.trips)} trips, {sum(len(t.stops) for t in plan.trips)} stops")
    print(f"read the plan: {read_wall:.2f} s wall, {read_cpu:.2f} s CPU")
    print(
        f"all route sheets: {total_wall:.2f} s wall, {total_cpu:.2f} s CPU, "
        f"{pages} pages, {len(pdf) / 1e6:.1f} MB"
    )
    if out is not None:
        out.write_bytes(pdf)
        print(f"wrote {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a database with a tour plan (default: build the demo and plan it)")
    parser.add_argument("--plan", help="the tour plan's name (default: the newest)")
    parser.add_argument("--time-limit", type=float, default=30.0, help="solver seconds for the demo plan")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    parser.add_argument("--out", type=Path, help="also write the PDF here")
    args = parser.parse_args()
    if args.db:
        measure(open_database(args.db), args.plan, args.lang, args.out)
        return
    with tempfile.TemporaryDirectory() as folder:
        db, name = demo_plan(Path(folder), args.time_limit)
        measure(db, name, args.lang, args.out)
        db.dispose()


if __name__ == "__main__":
    main()
