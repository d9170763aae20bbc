"""The table models behave as Qt expects (qtmodeltester) and sort and filter what they hold."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from caravan_app.domain.enums import CaravanStatus, CaravanType
from caravan_app.persistence.database import Database
from caravan_app.services import inventory
from caravan_app.ui.inventory_page import EntityPage
from caravan_app.ui.main_window import MainWindow
from caravan_app.ui.table_model import RowsFilter, RowsModel


def _model() -> tuple[RowsModel, RowsFilter]:
    model = RowsModel()
    model.set_rows(
        ["code", "type", "themes", "since", "km"],
        ["Code", "Type", "Themes", "Since", "km"],
        [
            ("CV02", CaravanType.II, "力学;双碳", date(2020, 1, 1), 500.0),
            ("CV01", CaravanType.I, "双碳", date(2010, 1, 1), None),
            ("CV03", CaravanType.II, "数学", None, 20.5),
        ],
        ids=[12, 11, 13],
        versions=[1, 1, 2],
    )
    proxy = RowsFilter()
    proxy.setSourceModel(model)
    return model, proxy


def test_rows_model_and_filter_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    model, proxy = _model()
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_sorting_puts_blanks_last_and_keeps_ids_with_rows(qtmodeltester: ModelTester) -> None:
    model, proxy = _model()
    proxy.sort(4, Qt.SortOrder.AscendingOrder)
    assert [model.row_values(r)[0] for r in range(3)] == ["CV03", "CV02", "CV01"]
    assert [model.row_id(r) for r in range(3)] == [13, 12, 11]
    proxy.sort(3, Qt.SortOrder.DescendingOrder)
    assert [model.row_values(r)[0] for r in range(3)] == ["CV03", "CV02", "CV01"]  # blank counts as largest
    qtmodeltester.check(proxy)


def test_search_and_filters_combine() -> None:
    model, proxy = _model()
    proxy.set_facet("type", CaravanType.II)
    assert proxy.rowCount() == 2
    proxy.set_facet("themes", "双碳")  # a theme among several
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["CV02"]
    proxy.set_facet("themes", None)
    proxy.set_search("cv03")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["CV03"]
    proxy.set_search("")
    proxy.set_facet("type", None)
    assert proxy.rowCount() == 3


def test_every_inventory_table_passes_the_model_tester(
    qtmodeltester: ModelTester, window: MainWindow, demo_db: Database
) -> None:
    for key in ("caravans", "exhibits", "sets", "requests"):
        page = window.show_page(key)
        assert isinstance(page, EntityPage)
        page.ensure_loaded()
        assert page.model.rowCount() == len(inventory.load_table(demo_db, page.entity).ids) > 0
        qtmodeltester.check(page.model)
        qtmodeltester.check(page.proxy)
    venues = window.show_page("venues")
    for sub in venues.pages.values():  # type: ignore[attr-defined]
        sub.ensure_loaded()
        qtmodeltester.check(sub.model)
    caravans = window.page("caravans")
    assert isinstance(caravans, EntityPage)
    caravans.facet_boxes["status"].setCurrentIndex(
        caravans.facet_boxes["status"].findData(CaravanStatus.RETIRED.value)
    )
    shown = {
        caravans.proxy.index(r, caravans.model.columns.index("status")).data()
        for r in range(caravans.proxy.rowCount())
    }
    assert shown <= {"Retired"}
    qtmodeltester.check(caravans.proxy)
