"""Benchmark: the demo province exported to one Excel workbook and imported into an empty database.

    python -m bench.workbook [--repeat 3]

The round trip's correctness is tested (tests/persistence/test_spreadsheet.py::test_demo_round_trip);
its speed depends on the machine and its load, so it is measured here. Target: each way under 60 s.
Printed: wall and CPU seconds of the export and of the import, rows and file size.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from caravan_app.persistence.database import Database
from caravan_app.services.database import open_database
from caravan_app.services.demo import build_demo
from caravan_app.services.inventory_io import export_inventory, import_inventory


def round_trip(source: Database, target: Database, path: Path) -> tuple[float, float, float, float, int]:
    """Wall and CPU seconds of the export, then of the import, and the rows imported."""
    wall, cpu = time.perf_counter(), time.process_time()
    export_inventory(source, path)
    out_wall, out_cpu = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    summary = import_inventory(target, path)
    return out_wall, out_cpu, time.perf_counter() - wall, time.process_time() - cpu, summary.inserted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = open_database(f"sqlite:///{Path(folder) / 'demo.db'}")
        build_demo(source)
        print(f"{'try':>4} {'export s':>9} {'cpu':>7} {'import s':>9} {'cpu':>7} {'rows':>7} {'KiB':>7}")
        for attempt in range(1, args.repeat + 1):
            path = Path(folder) / f"demo-{attempt}.xlsx"
            target = open_database(f"sqlite:///{Path(folder) / f'empty-{attempt}.db'}")
            out_wall, out_cpu, in_wall, in_cpu, rows = round_trip(source, target, path)
            size = path.stat().st_size / 1024
            print(
                f"{attempt:>4} {out_wall:>9.2f} {out_cpu:>7.2f} {in_wall:>9.2f} {in_cpu:>7.2f}"
                f" {rows:>7} {size:>7.0f}"
            )
            target.engine.dispose()
        source.engine.dispose()


if __name__ == "__main__":
    main()
