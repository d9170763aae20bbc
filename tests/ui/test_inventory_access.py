"""The desktop signed in as a county's account on a shared PostgreSQL database (issue 17): another
county's caravan is read-only (grey, disabled buttons, the details saying whose it is), its own is
editable, and the edit's audit row (the server's) shows in the details' Changes tab."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from caravan_app.domain.enums import Level
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import Caravan
from caravan_app.services import accounts
from caravan_app.ui import background
from caravan_app.ui.i18n import Languages
from caravan_app.ui.inventory_page import EntityPage
from caravan_app.ui.main_window import MainWindow

PASSWORD = "county-pw-1"


@pytest.fixture
def county_db(demo_db: Database) -> Iterator[Database]:
    """The demo signed in as an account of 丰县 (320321), which owns CV17; 睢宁县 owns CV18."""
    if demo_db.is_sqlite:
        pytest.skip("accounts are PostgreSQL's")
    name = f"t_{uuid.uuid4().hex[:12]}"
    accounts.add_account(demo_db, name, Level.COUNTY, "320321", PASSWORD)
    db = Database(demo_db.url.set(username=name, password=PASSWORD))
    yield db
    db.dispose()
    with demo_db.engine.begin() as c:
        c.execute(text("DELETE FROM caravan_auth.accounts WHERE role_name = :n"), {"n": name})
        c.execute(text(f'DROP OWNED BY "{name}"'))
        c.execute(text(f'DROP ROLE "{name}"'))


@pytest.fixture
def county_window(qtbot: QtBot, county_db: Database, languages: Languages) -> Iterator[MainWindow]:
    win = MainWindow(county_db, languages)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    yield win
    background.shutdown()
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _select(page: EntityPage, db: Database, code: str) -> int:
    with db.session(audited=False) as s:
        row_id = s.scalar(select(Caravan.id).where(Caravan.code == code))
    assert row_id is not None and page.select_id(row_id)
    page.show_details()
    return row_id


def test_county_sees_another_countys_caravan_read_only_and_edits_its_own(
    county_window: MainWindow, county_db: Database, demo_db: Database, qtbot: QtBot
) -> None:
    page = county_window.show_page("caravans")
    assert isinstance(page, EntityPage)
    page.ensure_loaded()

    other = _select(page, county_db, "CV18")
    assert not page.edit_button.isEnabled() and not page.retire_button.isEnabled()
    assert "睢宁县" in page.edit_button.toolTip() and "丰县" in page.edit_button.toolTip()
    assert page.detail_tabs.access.isVisible() and "睢宁县" in page.detail_tabs.access.text()
    row = page.model.row_of_id(other)
    assert row is not None
    grey = page.model.data(page.model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(grey, QBrush)
    page.edit_selected()
    assert page.dialog is None  # nothing to edit

    own = _select(page, county_db, "CV17")
    assert page.edit_button.isEnabled() and not page.detail_tabs.access.isVisible()
    row = page.model.row_of_id(own)
    assert row is not None
    assert page.model.data(page.model.index(row, 0), Qt.ItemDataRole.ForegroundRole) is None
    page.edit_selected()
    assert page.dialog is not None
    editor = page.dialog.editors["odometer_km"]
    assert isinstance(editor, QLineEdit)
    editor.setText("123456")
    page.dialog.save_requested.emit(page.dialog.changed_values())
    with demo_db.session(audited=False) as s:
        saved = s.scalar(select(Caravan).where(Caravan.code == "CV17"))
        assert saved is not None and saved.odometer_km == 123456
    _select(page, county_db, "CV17")
    changes = page.detail_tabs.changes.model()
    assert changes.rowCount() >= 1
    who = {changes.data(changes.index(r, 1)) for r in range(changes.rowCount())}  # type: ignore[attr-defined]
    assert county_db.url.username in who


def test_county_cannot_edit_the_provinces_joint_tours(county_window: MainWindow, county_db: Database) -> None:
    from caravan_app.ui.joint_tours_page import JointToursPage

    page = county_window.show_page("joint_tours")
    assert isinstance(page, JointToursPage)
    page.refresh()
    assert page.views and page.locked == {v.id for v in page.views}  # the demo's reach across cities
    page.table.selectRow(0)
    assert not page.edit_button.isEnabled() and not page.end_button.isEnabled()
    assert page.add_button.isEnabled()  # one of its own it may make


def test_the_provinces_calendar_and_consolidation_are_read_only_for_a_county(
    county_window: MainWindow,
) -> None:
    from caravan_app.ui.retirement_page import RetirementPage
    from caravan_app.ui.settings_page import SettingsPage

    settings = county_window.show_page("settings")
    assert isinstance(settings, SettingsPage)
    settings.load_calendar()
    assert not settings.calendar_save.isEnabled() and not settings.add_term_button.isEnabled()
    assert "province" in settings.calendar_message.text()
    retirement = county_window.show_page("retirement")
    assert isinstance(retirement, RetirementPage)
    retirement.refresh()
    assert not retirement.run_button.isEnabled() and "province" in retirement.run_button.toolTip()


def test_a_county_plans_its_own_caravans(county_window: MainWindow) -> None:
    from caravan_app.ui.tour_planner import TourPlannerPage

    page = county_window.show_page("tours")
    assert isinstance(page, TourPlannerPage)
    page._show_choices()
    assert page.caravans_button.text() == "Caravans: your own (1)"  # CV17, 丰县's one
