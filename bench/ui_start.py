"""Benchmark: the desktop program's start and its biggest table.

    QT_QPA_PLATFORM=offscreen python -m bench.ui_start [--exhibits 20000] [--repeat 3]

1. Start to a usable main window on the demo province (target 2 s): a fresh Python process opens the
   database, makes the QApplication, shows the main window on its first screen and paints it; timed
   from before the process is launched to the moment it reports the window painted.
2. The exhibit table with N rows (target 100 ms per operation): the demo's exhibits are copied until
   the database holds N, the Exhibits screen loads them, and each sort and filter is timed up to the
   view repainted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD = """
import sys, time
started = time.perf_counter()
from caravan_app.services.database import open_database
from caravan_app.ui.main_window import MainWindow, create_application
from caravan_app.ui.i18n import Languages
db = open_database(sys.argv[1])
app = create_application()
languages = Languages(); languages.switch("zh_CN")
window = MainWindow(db, languages)
window.show()
window.repaint()
app.processEvents()
print(f"{time.perf_counter() - started:.3f}")
"""


def build_database(folder: Path) -> Path:
    from caravan_app.services.database import open_database
    from caravan_app.services.demo import build_demo

    path = folder / "demo.db"
    db = open_database(f"sqlite:///{path}")
    build_demo(db)
    db.dispose()
    return path


def time_start(path: Path, settings: Path, repeat: int) -> list[tuple[float, float]]:
    """(whole process, inside Python after imports began) per run, in seconds."""
    env = dict(os.environ, CARAVAN_DATA_DIR=str(settings), XDG_CONFIG_HOME=str(settings), HOME=str(settings))
    runs = []
    for _ in range(repeat):
        before = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, f"sqlite:///{path}"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append((time.perf_counter() - before, float(out.stdout.strip().splitlines()[-1])))
    return runs


def grow_exhibits(path: Path, wanted: int) -> int:
    """Copy the demo's exhibits (new codes, same places) until there are `wanted`."""
    from sqlalchemy import func, insert, select

    from caravan_app.persistence.models import Exhibit
    from caravan_app.services.database import open_database

    db = open_database(f"sqlite:///{path}")
    with db.session(audited=False) as s:
        have = s.scalar(select(func.count()).select_from(Exhibit)) or 0
        columns = [c for c in Exhibit.__table__.columns if c.name != "id"]
        originals = [dict(row._mapping) for row in s.execute(select(*columns))]
        rows = []
        for i in range(wanted - have):
            row = dict(originals[i % len(originals)])
            row["code"] = f"EX-B{i:06d}"
            row["version"] = 1
            rows.append(row)
        if rows:
            s.execute(insert(Exhibit), rows)
        total = s.scalar(select(func.count()).select_from(Exhibit)) or 0
    db.dispose()
    return total


def time_table(path: Path, repeat: int) -> dict[str, list[float]]:
    from PySide6.QtCore import QCoreApplication, Qt

    from caravan_app.services.database import open_database
    from caravan_app.ui.i18n import Languages
    from caravan_app.ui.inventory_page import EntityPage
    from caravan_app.ui.main_window import MainWindow, create_application

    db = open_database(f"sqlite:///{path}")
    app = create_application()
    languages = Languages()
    languages.switch("zh_CN")
    window = MainWindow(db, languages)
    window.resize(1400, 860)
    window.show()
    page = window.show_page("exhibits")
    assert isinstance(page, EntityPage)
    times: dict[str, list[float]] = {}

    def timed(name: str, action: object) -> None:
        started = time.perf_counter()
        action()  # type: ignore[operator]
        page.table.viewport().repaint()
        QCoreApplication.processEvents()
        times.setdefault(name, []).append(time.perf_counter() - started)

    timed("load 20,000 rows", page.reload)
    rows = page.model.rowCount()
    name_column = page.model.columns.index("name_zh")
    acquired = page.model.columns.index("acquired_on")
    for _ in range(repeat):
        timed("sort by name", lambda: page.table.sortByColumn(name_column, Qt.SortOrder.AscendingOrder))
        timed(
            "sort by date, descending",
            lambda: page.table.sortByColumn(acquired, Qt.SortOrder.DescendingOrder),
        )
        timed("search '声'", lambda: page.proxy.set_search("声"))
        timed("search cleared", lambda: page.proxy.set_search(""))
        box = page.facet_boxes["condition"]
        timed("filter condition D", lambda box=box: box.setCurrentIndex(box.findData("D")))
        timed("filter cleared", lambda box=box: box.setCurrentIndex(0))
        theme = page.facet_boxes["theme"]
        timed("filter theme 力学", lambda theme=theme: theme.setCurrentIndex(theme.findData("力学")))
        timed("filter cleared ", lambda theme=theme: theme.setCurrentIndex(0))
    times["rows"] = [float(rows)]
    window.close()
    app.processEvents()
    db.dispose()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exhibits", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        path = build_database(folder)
        settings = folder / "settings"
        settings.mkdir()
        runs = time_start(path, settings, args.repeat)
        print("start to a usable main window (demo province, target 2 s):")
        for whole, inside in runs:
            print(f"  process {whole:.2f} s (of which Python after start {inside:.2f} s)")
        print(f"  median {statistics.median(w for w, _ in runs):.2f} s")
        bigger = folder / "big.db"
        shutil.copy(path, bigger)
        total = grow_exhibits(bigger, args.exhibits)
        os.environ["CARAVAN_DATA_DIR"] = str(settings)
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings))
        times = time_table(bigger, args.repeat)
        print(f"exhibit table with {total:,} rows (target 100 ms per sort or filter):")
        for name, values in times.items():
            if name == "rows":
                continue
            median, worst = 1000 * statistics.median(values), 1000 * max(values)
            print(f"  {name:28s} median {median:6.1f} ms  max {worst:6.1f} ms")


if __name__ == "__main__":
    main()
