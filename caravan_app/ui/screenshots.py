"""`caravan-app screenshots`: open every screen on a copy of the database and save one PNG each.

With no tour, rotation or consolidation plan stored, a short one is made first so that every
planner shows a real plan. All of that happens in a scratch copy of the database, with the program's
settings read from a copy too: the user's database, settings file and window layout stay as they were.
Runs headless with QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from sqlalchemy.engine import URL

from caravan_app import log
from caravan_app.persistence.database import Database
from caravan_app.services.scratch_copy import scratch_copy
from caravan_app.ui import preferences

_log = log.get(log.UI)

# A short horizon keeps the solve quick; two weeks of the spring term show several trips.
SHORT_PLAN = (date(2027, 3, 1), date(2027, 3, 12))
SHORT_TIME_LIMIT = 10.0
WINDOW_SIZE = (1440, 900)


@contextmanager
def own_settings(folder: Path) -> Iterator[Path]:
    """The program's settings read from, and written to, a copy in `folder` while the block runs: the
    screens look as the user set them, and what they save (window size, layout, last screen) goes to
    the copy. Yields the copy's path."""
    users = Path(preferences.settings().fileName())
    base = users.parent.parent  # where QSettings keeps its user-scope INI files
    copy = folder / users.relative_to(base)
    copy.parent.mkdir(parents=True, exist_ok=True)
    if users.exists():
        shutil.copyfile(users, copy)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    try:
        yield copy
    finally:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(base))


def screenshots_of_copy(
    url: URL,
    out: Path,
    language: str | None = None,
    pages: Sequence[str] | None = None,
    size: tuple[int, int] = WINDOW_SIZE,
) -> list[Path]:
    """take_screenshots on a scratch copy of the database at `url`, with a copy of the settings; the
    copies are removed at the end. Returns the files written."""
    with tempfile.TemporaryDirectory(prefix="caravan-screenshots-") as scratch:
        folder = Path(scratch)
        db = scratch_copy(url, folder / "database")
        try:
            with own_settings(folder / "settings"):
                return take_screenshots(db, out, language, pages, size)
        finally:
            db.dispose()


def example_name(what: str) -> str:
    """The name of an example plan, in the language of the screenshots."""
    names = {
        "tours": QCoreApplication.translate("Screenshots", "Example tours, March 2027"),
        "rotation": QCoreApplication.translate("Screenshots", "Example rotation from March 2027"),
        "consolidation": QCoreApplication.translate("Screenshots", "Example consolidation, spring term 2027"),
    }
    return names[what]


def ensure_tour_plan(db: Database) -> str | None:
    """The name of a stored tour plan, solving a short one if there is none."""
    from caravan_app.planning.control import SolveControl
    from caravan_app.services import tour_plans
    from caravan_app.services.tour_planning import plan_term_tours

    plans = tour_plans.tour_plans(db)
    if plans:
        return plans[0].name
    start, end = SHORT_PLAN
    summary = plan_term_tours(
        db, start, end, name=example_name("tours"), control=SolveControl(time_limit=SHORT_TIME_LIMIT)
    )
    return summary.name


def ensure_rotation_plan(db: Database) -> None:
    """A stored rotation plan, solving a short one (a year from March 2027) if there is none."""
    from caravan_app.domain.enums import PlanKind
    from caravan_app.planning.control import SolveControl
    from caravan_app.services import rotation, tour_plans

    if tour_plans.stored_plans(db, PlanKind.ROTATION):
        return
    rotation.plan_rotation_scenario(
        db,
        date(2027, 3, 1),
        4,
        3,
        name=example_name("rotation"),
        control=SolveControl(time_limit=SHORT_TIME_LIMIT),
    )


def ensure_consolidation_plan(db: Database) -> None:
    """A stored consolidation plan, made with short time limits if there is none."""
    from caravan_app.domain.enums import PlanKind
    from caravan_app.planning.control import SolveControl
    from caravan_app.services import consolidation, tour_plans

    if tour_plans.stored_plans(db, PlanKind.CONSOLIDATION):
        return
    consolidation.consolidate(
        db,
        "2027-spring",
        name=example_name("consolidation"),
        control=SolveControl(time_limit=5),
        what_if_time=2,
    )


def take_screenshots(
    db: Database,
    out: Path,
    language: str | None = None,
    pages: Sequence[str] | None = None,
    size: tuple[int, int] = WINDOW_SIZE,
) -> list[Path]:
    """One PNG per screen (or per screen of `pages`, and a few dialogs) in `out`, of a window of
    `size`; returns the files written. Plans are solved and stored in `db` where a screen needs one:
    give it a copy (screenshots_of_copy)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from caravan_app.ui.main_window import web_engine_flags

    web_engine_flags()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from caravan_app.ui.i18n import Languages
    from caravan_app.ui.main_window import PAGE_KEYS, MainWindow, create_application, start_language

    chosen = list(PAGE_KEYS if pages is None else pages)
    unknown = sorted(set(chosen) - set(PAGE_KEYS))
    if unknown:
        raise ValueError(f"no screen {', '.join(unknown)}; the screens are {', '.join(PAGE_KEYS)}")
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    languages = Languages()
    start_language(languages, language)
    # The example plans are named in the screenshots' language, so the language comes first.
    plan_name = ensure_tour_plan(db) if "tours" in chosen else None
    if "rotation" in chosen:
        ensure_rotation_plan(db)
    if "retirement" in chosen:
        ensure_consolidation_plan(db)
    window = MainWindow(db, languages)
    window.show()
    window.resize(*size)  # after showing, which fits a window to the (offscreen) screen
    written: list[Path] = []

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()

    def wait_for_map(pane: Any) -> None:
        waited = 0
        while pane.busy and waited < 60_000:  # drawn in the background
            settle(100)
            waited += 100
        if pane.view is None:
            return
        waited = 0
        while not pane.loaded and waited < 15_000:
            settle(100)
            waited += 100
        settle(2500)  # the boundaries and routes are drawn after the page has loaded

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    for i, key in enumerate(PAGE_KEYS):
        if key not in chosen:
            continue
        page = window.show_page(key)
        if key == "tours":
            from caravan_app.ui.tour_planner import TourPlannerPage

            assert isinstance(page, TourPlannerPage)
            page.refresh_plans(select_name=plan_name)
            settle(300)
            save(window, f"{i + 1:02d}_{key}")
            page.tabs.setCurrentIndex(1)
            wait_for_map(page.map)
            save(window, f"{i + 1:02d}_{key}_timeline")
            page.tabs.setCurrentIndex(2)
            save(window, f"{i + 1:02d}_{key}_unserved")
            page.tabs.setCurrentIndex(0)
            continue
        if key == "rotation":
            from caravan_app.ui.rotation_page import RotationPage

            assert isinstance(page, RotationPage)
            save(window, f"{i + 1:02d}_{key}")
            page.tabs.setCurrentIndex(1)
            wait_for_map(page.map)
            save(window, f"{i + 1:02d}_{key}_map")
            page.tabs.setCurrentIndex(0)
            continue
        if key == "retirement":
            from caravan_app.ui.retirement_page import RetirementPage

            assert isinstance(page, RetirementPage)
            page.candidates.selectRow(0)
            save(window, f"{i + 1:02d}_{key}")
            page.tabs.setCurrentIndex(2)
            save(window, f"{i + 1:02d}_{key}_what_if")
            page.tabs.setCurrentIndex(0)
            continue
        if key == "exhibits":
            from caravan_app.ui.inventory_page import EntityPage

            assert isinstance(page, EntityPage)
            page.ensure_loaded()
            save(window, f"{i + 1:02d}_{key}")
            page.detail_tabs.setCurrentIndex(1)
            save(window, f"{i + 1:02d}_{key}_history")
            page.detail_tabs.setCurrentIndex(0)
            page.edit_selected()
            if page.dialog is not None:
                save(page.dialog, f"{i + 1:02d}_{key}_edit")
                page.dialog.reject()
            continue
        save(window, f"{i + 1:02d}_{key}")
        if key == "dashboard":
            from caravan_app.ui.dashboard import DashboardPage

            assert isinstance(page, DashboardPage)
            page.tabs.setCurrentIndex(1)
            wait_for_map(page.coverage)
            save(window, f"{i + 1:02d}_{key}_coverage")
            page.tabs.setCurrentIndex(0)
    lang = "zh" if languages.current.startswith("zh") else "en"
    field = _field_window(db, plan_name, lang, window) if plan_name else None
    if field is not None:
        field.resize(*size)
        field.show()
        number = len(PAGE_KEYS) + 1
        save(field, f"{number:02d}_field_kit")
        field.tabs.setCurrentIndex(2)
        save(field, f"{number:02d}_field_kit_exhibits")
        field.tabs.setCurrentIndex(1)
        field.show_map()
        waited = 0
        while not field.map_loaded and waited < 15_000:
            settle(100)
            waited += 100
        settle(2500)
        save(field, f"{number:02d}_field_kit_map")
        field.close()
    window.close()
    app.processEvents()
    _log.info("wrote %d screenshots to %s", len(written), out)
    del window
    QApplication.processEvents()
    return written


def _field_window(db: Database, plan_name: str | None, lang: str, parent: Any) -> Any:
    """Field mode on a kit of the plan's busiest trip, exported to a scratch file."""
    from caravan_app.services import tour_plans
    from caravan_app.services.kit_export import export_trip
    from caravan_app.ui.field_mode import open_field_window
    from caravan_app.ui.hooks import map_folder

    plan = next((p for p in tour_plans.tour_plans(db) if p.name == plan_name), None)
    if plan is None:
        return None
    trips = tour_plans.tour_plan_detail(db, plan.id).trips
    if not trips:
        return None
    busiest = max(trips, key=lambda t: (len(t.stops), t.code))
    path = map_folder() / f"{busiest.code}.ckit"
    path.unlink(missing_ok=True)
    export_trip(db, busiest.code, path, lang=lang)
    return open_field_window(path, parent)
