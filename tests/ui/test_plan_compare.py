"""The comparison dialog on real plans: the figures, days per caravan, requests gained and lost and trips
changed it shows are the service's; plans over different dates are warned about; plan names in the
headers are shown whole."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from caravan_app.persistence.database import Database
from caravan_app.planning.control import SolveControl
from caravan_app.services.plan_compare import compare_plans
from caravan_app.services.tour_planning import plan_term_tours
from caravan_app.services.tour_plans import tour_plans
from caravan_app.ui.i18n import Languages
from caravan_app.ui.plan_compare import COMPARISONS, CompareDialog
from caravan_app.ui.table_model import RowsModel

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 5)
WEEK = "三月第一周，每辆车可以出车的天数不设上限的方案"  # long: its header must wrap, not be cut
CAPPED = "三月第一周（每车两天）"
TWO_WEEKS = "三月前两周"


@pytest.fixture
def planned(demo_db: Database) -> Database:
    control = SolveControl(time_limit=2)
    plan_term_tours(demo_db, FIRST, LAST, name=WEEK, control=control)
    plan_term_tours(demo_db, FIRST, LAST, name=CAPPED, control=control, max_days_per_caravan=2)
    plan_term_tours(demo_db, FIRST, date(2027, 3, 12), name=TWO_WEEKS, control=control)
    return demo_db


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """The window the dialog opens over, at a laptop's size."""
    widget = QWidget()
    widget.resize(1366, 768)
    qtbot.addWidget(widget)
    return widget


def _dialog(db: Database, qtbot: QtBot, parent: QWidget, first: str, second: str) -> CompareDialog:
    dialog = CompareDialog(tour_plans(db), db, parent)
    dialog.first.setCurrentIndex(dialog.first.findText(first))
    dialog.second.setCurrentIndex(dialog.second.findText(second))
    dialog.show()
    qtbot.waitUntil(
        lambda: (
            not COMPARISONS.busy
            and dialog.comparison is not None
            and (dialog.comparison.first.name, dialog.comparison.second.name) == (first, second)
        ),
        timeout=60_000,
    )
    return dialog


def _column(model: RowsModel, name: str) -> list[object]:
    return [model.value(row, name) for row in range(model.rowCount())]


def test_the_dialog_shows_the_services_comparison(
    planned: Database, qtbot: QtBot, parent: QWidget, qtmodeltester: ModelTester, languages: Languages
) -> None:
    dialog = _dialog(planned, qtbot, parent, WEEK, CAPPED)
    shown = dialog.comparison
    assert shown is not None
    c = compare_plans(planned, shown.first.id, shown.second.id)
    assert dialog.windowTitle() == "Compare plans"
    assert not dialog.warning.isVisibleTo(dialog)  # one week each: nothing to warn about
    figures = dict(
        zip(
            _column(dialog.model, "figure"),
            zip(
                _column(dialog.model, "first"),
                _column(dialog.model, "second"),
                _column(dialog.model, "difference"),
                strict=True,
            ),
            strict=True,
        )
    )
    assert figures["Requests served"] == (c.first.served, c.second.served, c.second.served - c.first.served)
    assert figures["Key-county requests served"][:2] == (
        c.first.key_county_served,
        c.second.key_county_served,
    )
    assert figures["Kilometres"][:2] == (c.first.km, c.second.km)
    assert figures["Days on the road"][:2] == (c.first.days_on_road, c.second.days_on_road)
    assert figures["Trips"][:2] == (c.first.trips, c.second.trips)

    assert _column(dialog.days_model, "caravan") == [d.caravan for d in c.caravans]
    assert _column(dialog.days_model, "second_days") == [d.second_days for d in c.caravans]
    assert _column(dialog.lost_model, "request") == [ch.served.request_code for ch in c.lost]
    assert _column(dialog.lost_model, "venue") == [ch.served.venue_name for ch in c.lost]
    assert _column(dialog.lost_model, "county") == [ch.served.county for ch in c.lost]
    assert _column(dialog.gained_model, "request") == [ch.served.request_code for ch in c.gained]
    # Why the other plan leaves each out, in words: the planner's reason for these (same week).
    assert all(why and "_" not in why for why in _column(dialog.lost_model, "why"))
    assert dialog.trips_model.rowCount() == len(c.changed_trips)
    assert dialog.tabs.tabText(3) == f"Requests lost ({len(c.lost)})"
    assert f"{c.trips_same} the same in both" in dialog.summary.text()
    for model in (
        dialog.model,
        dialog.days_model,
        dialog.gained_model,
        dialog.lost_model,
        dialog.trips_model,
    ):
        qtmodeltester.check(model)

    # Headers show the plan names whole, wrapped over lines where long, each line within its column.
    header = dialog.table.horizontalHeader()
    metrics = header.fontMetrics()
    for section in range(dialog.model.columnCount()):
        text = str(dialog.model.headerData(section, Qt.Orientation.Horizontal))
        assert all(
            metrics.horizontalAdvance(line) <= header.sectionSize(section) for line in text.split("\n")
        )
    names = "".join(str(dialog.model.headerData(i, Qt.Orientation.Horizontal)) for i in (1, 2))
    assert WEEK in names.replace("\n", "") and CAPPED in names.replace("\n", "")

    languages.switch("zh_CN")  # worded again, in the other language, from the same comparison
    assert dialog.comparison is not None and dialog.model.rowCount() == len(figures)
    dialog.reject()


def test_plans_over_different_dates_are_warned_about(
    planned: Database, qtbot: QtBot, parent: QWidget, languages: Languages
) -> None:
    dialog = _dialog(planned, qtbot, parent, CAPPED, TWO_WEEKS)
    c = dialog.comparison
    assert c is not None and c.horizons_differ
    assert dialog.warning.isVisibleTo(dialog)
    text = dialog.warning.text()
    assert "different dates" in text and "2027-03-01 — 2027-03-05 (5 days)" in text
    assert "2027-03-01 — 2027-03-12 (12 days)" in text
    assert f"{c.only_second_requests} only among the second's" in text
    # A request of the second week is gained, and told apart from one the first plan left unserved.
    whys = _column(dialog.gained_model, "why")
    assert "Outside its dates (2027-03-01 — 2027-03-05)" in whys

    # Back to two plans of the same week: the warning goes.
    dialog.second.setCurrentIndex(dialog.second.findText(WEEK))
    qtbot.waitUntil(
        lambda: (
            not COMPARISONS.busy and dialog.comparison is not None and dialog.comparison.second.name == WEEK
        ),
        timeout=60_000,
    )
    assert not dialog.warning.isVisibleTo(dialog)
    dialog.second.setCurrentIndex(dialog.second.findText(CAPPED))  # the same plan on both sides
    qtbot.waitUntil(
        lambda: not COMPARISONS.busy and dialog.comparison is not None and dialog.comparison.same_plan,
        timeout=60_000,
    )
    assert dialog.warning.isVisibleTo(dialog) and "same plan" in dialog.warning.text()
    dialog.reject()
