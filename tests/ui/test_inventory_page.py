"""Editing the inventory through the real widgets: add, edit, undo, redo, a refused value, a
conflict with someone else's save, and moving an exhibit; a set's hall now and its history, opening
weekdays by name, depots by name."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, select

from caravan_app.domain.enums import ExhibitStatus, PlanStatus
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    Depot,
    Exhibit,
    ExhibitSet,
    Movement,
    Plan,
    SetMembership,
    SetPlacement,
    Venue,
)
from caravan_app.services import inventory
from caravan_app.services.rotation import plan_rotation_scenario
from caravan_app.ui.conflict import ConflictDialog
from caravan_app.ui.edit_dialog import WeekdaysEditor
from caravan_app.ui.i18n import Languages
from caravan_app.ui.inventory_page import EntityPage, VenuesAndRegionsPage
from caravan_app.ui.labels import weekdays_text
from caravan_app.ui.main_window import MainWindow
from tests.budget import budget


def _caravan(db: Database, code: str) -> Caravan | None:
    with db.session() as s:
        return s.scalar(select(Caravan).where(Caravan.code == code))


def _type_into(page: EntityPage, attr: str, text: str) -> None:
    assert page.dialog is not None
    editor = page.dialog.editors[attr]
    if isinstance(editor, QComboBox):
        editor.setEditText(text)
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText(text)


def _save_button(page: EntityPage) -> object:
    assert page.dialog is not None
    return page.dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_add_edit_undo_redo_of_a_caravan(window: MainWindow, demo_db: Database, qtbot: QtBot) -> None:
    page = window.show_page("caravans")
    assert isinstance(page, EntityPage)
    page.ensure_loaded()
    rows_before = page.model.rowCount()

    page.add_new()
    dialog = page.dialog
    assert dialog is not None
    for attr, text in {
        "code": "CV99",
        "plate": "苏A·T0099",
        "owner_region_id": "320000",
        "home_depot_id": "D320000",
        "exhibit_slots": "24",
        "crew_size": "2",
        "in_service_since": "2026-09-01",
    }.items():
        _type_into(page, attr, text)
    dialog.editors["type"].setCurrentIndex(dialog.editors["type"].findData("IV"))  # type: ignore[attr-defined]
    assert dialog.problems == []
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    added = _caravan(demo_db, "CV99")
    assert added is not None and added.crew_size == 2 and added.type.value == "IV"
    assert page.model.rowCount() == rows_before + 1
    assert page.selected_id() == added.id

    page.edit_selected()
    _type_into(page, "crew_size", "4")
    _type_into(page, "themes", "力学、双碳")
    _save_button(page).click()  # type: ignore[attr-defined]
    edited = _caravan(demo_db, "CV99")
    assert edited is not None and edited.crew_size == 4 and edited.themes == "力学;双碳"
    assert window.undo_action.text() == "&Undo Edit caravan CV99"

    window.undo_action.trigger()
    undone = _caravan(demo_db, "CV99")
    assert undone is not None and undone.crew_size == 2 and undone.themes == ""
    window.redo_action.trigger()
    redone = _caravan(demo_db, "CV99")
    assert redone is not None and redone.crew_size == 4

    window.undo_action.trigger()  # the edit
    window.undo_action.trigger()  # the addition: the row goes
    assert _caravan(demo_db, "CV99") is None
    assert page.model.rowCount() == rows_before
    window.redo_action.trigger()  # added again, under a new id
    window.redo_action.trigger()  # and edited again
    again = _caravan(demo_db, "CV99")
    assert again is not None and again.crew_size == 4
    assert page.selected_id() is not None


def test_a_bad_value_is_refused_with_its_message(window: MainWindow, demo_db: Database) -> None:
    page = window.show_page("caravans")
    assert isinstance(page, EntityPage)
    page.ensure_loaded()
    page.table.selectRow(0)
    page.edit_selected()
    dialog = page.dialog
    assert dialog is not None
    _type_into(page, "crew_size", "15")
    assert 'Crew size: "15" must be between 1 and 12' in dialog.message.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    _type_into(page, "in_service_since", "2026-02-30")
    assert 'In service since: "2026-02-30" is no such date' in dialog.message.text()
    _type_into(page, "home_depot_id", "NOWHERE")
    assert 'Home depot: "NOWHERE" is not a known code' in dialog.message.text()
    _type_into(page, "crew_size", "3")
    _type_into(page, "in_service_since", "2016-02-29")
    _type_into(page, "home_depot_id", "D320000")
    assert dialog.message.text() == ""
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_a_conflict_offers_a_reload_and_keeps_the_typed_values(
    window: MainWindow, demo_db: Database, qtbot: QtBot
) -> None:
    page = window.show_page("caravans")
    assert isinstance(page, EntityPage)
    page.ensure_loaded()
    page.table.selectRow(0)
    row_id = page.selected_id()
    assert row_id is not None
    page.edit_selected()
    _type_into(page, "crew_size", "4")
    _type_into(page, "exhibit_slots", "50")

    # Someone else saves the same caravan from another connection first.
    other = Database(demo_db.url, user="colleague")
    try:
        record = inventory.read_record(other, "caravans", row_id)
        inventory.save_record(other, "caravans", row_id, record.version, {"odometer_km": 123456.0})
    finally:
        other.dispose()

    seen: dict[str, str] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConflictDialog)
        seen["mine"] = dialog.values.toPlainText()
        seen["clipboard"] = QApplication.clipboard().text()
        dialog.rebase_button.click()

    QTimer.singleShot(0, answer)
    _save_button(page).click()  # type: ignore[attr-defined]
    assert "Crew size\t4" in seen["mine"] and "Exhibit slots\t50" in seen["mine"]
    assert seen["clipboard"] == seen["mine"]
    assert page.dialog is not None and page.dialog.isVisible()  # still open, values kept
    assert page.dialog.editors["crew_size"].text() == "4"  # type: ignore[attr-defined]
    saved = inventory.read_record(demo_db, "caravans", row_id)
    assert saved.values["odometer_km"] == 123456.0 and saved.values["crew_size"] != 4

    _save_button(page).click()  # now over the reloaded version
    after = inventory.read_record(demo_db, "caravans", row_id)
    assert after.values["crew_size"] == 4 and after.values["exhibit_slots"] == 50
    assert after.values["odometer_km"] == 123456.0  # the colleague's change survives


def test_moving_an_exhibit_writes_a_movement_and_undo_moves_it_back(
    window: MainWindow, demo_db: Database, qtbot: QtBot
) -> None:
    page = window.show_page("exhibits")
    assert isinstance(page, EntityPage)
    page.ensure_loaded()
    page.proxy.set_search("EX-K00001")
    page.table.selectRow(0)
    row_id = page.selected_id()
    assert row_id is not None
    with demo_db.session() as s:
        exhibit = s.get(Exhibit, row_id)
        assert exhibit is not None
        origin = (exhibit.caravan_id, exhibit.depot_id, exhibit.set_id)
        moves_before = len(s.scalars(select(Movement).where(Movement.exhibit_id == row_id)).all())
    page.move_selected()
    assert page.move_dialog is not None
    page.move_dialog.choose("set", "MS01")
    page.move_dialog.reason.setText("补齐套组")
    page.move_dialog.accept()
    with demo_db.session() as s:
        exhibit = s.get(Exhibit, row_id)
        assert exhibit is not None and exhibit.set_id is not None and exhibit.caravan_id is None
        assert exhibit.status is ExhibitStatus.IN_USE
        moves = s.scalars(select(Movement).where(Movement.exhibit_id == row_id)).all()
        assert len(moves) == moves_before + 1
        membership = s.scalar(
            select(SetMembership).where(SetMembership.exhibit_id == row_id, SetMembership.left_on.is_(None))
        )
        assert membership is not None and membership.set_id == exhibit.set_id
    page.detail_tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.history.model().rowCount() == moves_before + 1)  # the pane follows shortly
    assert "Set MS01" in page.history.model().index(0, 2).data()

    window.undo_action.trigger()
    with demo_db.session() as s:
        exhibit = s.get(Exhibit, row_id)
        assert exhibit is not None and (exhibit.caravan_id, exhibit.depot_id, exhibit.set_id) == origin
        assert len(s.scalars(select(Movement).where(Movement.exhibit_id == row_id)).all()) == moves_before + 2
        assert (
            s.scalar(
                select(SetMembership).where(
                    SetMembership.exhibit_id == row_id, SetMembership.left_on.is_(None)
                )
            )
            is None
        )


def test_an_undo_over_someone_elses_save_is_refused_and_overwrites_nothing(
    window: MainWindow, demo_db: Database, qtbot: QtBot
) -> None:
    page = window.show_page("caravans")
    assert isinstance(page, EntityPage)
    page.ensure_loaded()
    page.table.selectRow(0)
    row_id = page.selected_id()
    assert row_id is not None
    page.edit_selected()
    _type_into(page, "crew_size", "4")
    _save_button(page).click()  # type: ignore[attr-defined]
    assert inventory.read_record(demo_db, "caravans", row_id).values["crew_size"] == 4

    other = Database(demo_db.url, user="colleague")
    try:
        record = inventory.read_record(other, "caravans", row_id)
        inventory.save_record(other, "caravans", row_id, record.version, {"crew_size": 3, "odometer_km": 1.0})
    finally:
        other.dispose()

    shown: dict[str, str] = {}

    def read_and_close() -> None:
        # The message comes once the undo has returned; look until it is there.
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        shown["title"] = box.windowTitle()
        shown["text"] = box.text()
        box.close()

    QTimer.singleShot(0, read_and_close)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: "text" in shown)
    assert shown["title"] == "Undo not possible" and "changed by someone else" in shown["text"]
    saved = inventory.read_record(demo_db, "caravans", row_id).values
    assert saved["crew_size"] == 3 and saved["odometer_km"] == 1.0  # the colleague's save stands
    qtbot.waitUntil(lambda: not window.context.undo_stack.canUndo())  # the history was cleared


def _row_of(page: EntityPage, code: str) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.value(r, "code") == code)


def test_the_sets_screen_shows_each_sets_hall_now_and_its_history(
    window: MainWindow, demo_db: Database, qtbot: QtBot
) -> None:
    today = date.today()
    # The demo's records are dated; whatever today is, MS01 stands in a hall and MS02 is in store.
    with demo_db.session() as s:
        sets = {x.code: x for x in s.scalars(select(ExhibitSet))}
        hall = s.scalars(select(Venue).where(Venue.code == "V32092201")).one()
        hall_name, county = hall.name, hall.county.name
        s.execute(
            delete(SetPlacement).where(
                SetPlacement.plan_id.is_(None),
                SetPlacement.set_id.in_([sets["MS01"].id, sets["MS02"].id]),
                SetPlacement.end_on >= today - timedelta(days=20),
            )
        )
        s.add(
            SetPlacement(
                code="SP-NOW",
                set_id=sets["MS01"].id,
                venue_id=hall.id,
                start_on=today - timedelta(days=10),
                end_on=today + timedelta(days=50),
            )
        )
        recorded = {
            code: len(s.scalars(select(SetPlacement).where(SetPlacement.set_id == sets[code].id)).all())
            for code in ("MS01", "MS02")
        }
        depot = sets["MS02"].home_depot.name
    # An approved rotation plan a few months ahead: its stays are the sets' planned halls.
    first = (today + timedelta(days=100)).replace(day=1)
    plan_rotation_scenario(demo_db, first, 2, 2, name="下一轮", control=budget())
    with demo_db.session() as s:
        plan = s.scalars(select(Plan).where(Plan.name == "下一轮")).one()
        plan.status = PlanStatus.APPROVED
        planned = s.scalars(
            select(SetPlacement).where(SetPlacement.plan_id == plan.id).order_by(SetPlacement.start_on)
        ).first()
        assert planned is not None
        planned_set, planned_hall = planned.exhibit_set.code, planned.venue.name
        planned_start = planned.start_on

    page = window.show_page("sets")
    assert isinstance(page, EntityPage)
    page.reload()
    ms01, ms02 = _row_of(page, "MS01"), _row_of(page, "MS02")
    where = page.model.columns.index("where_now")
    assert page.model.index(ms01, where).data() == f"{hall_name} ({county})"
    assert page.model.index(ms02, where).data() == f"In store at {depot}"

    page.select_id(page.model.row_id(ms01))
    page.detail_tabs.setCurrentIndex(1)
    page.show_details()  # at once, not after the table has repainted
    note = page.detail_tabs.where_now.text()
    assert note.startswith(f"Stands in {hall_name} ({county}) from {today - timedelta(days=10)}")
    history = page.detail_tabs.placements.model()
    rows = [
        [history.index(r, c).data() for c in range(history.columnCount())] for r in range(history.rowCount())
    ]
    assert [today - timedelta(days=10), hall_name, county, "Recorded"] in [
        [date.fromisoformat(row[0]), row[2], row[3], row[8]] for row in rows
    ]
    assert sum(1 for row in rows if row[8] == "Recorded") == recorded["MS01"]

    page.select_id(page.model.row_id(ms02))
    page.show_details()
    assert page.detail_tabs.where_now.text().startswith(f"In store at {depot}. Last in ")

    # The set the approved plan moves: its planned stay, where the truck brings it from, and next.
    page.select_id(page.model.row_id(_row_of(page, planned_set)))
    page.show_details()
    assert f"Next: {planned_hall}" in page.detail_tabs.where_now.text()
    history = page.detail_tabs.placements.model()
    plan_rows = [
        [history.index(r, c).data() for c in range(history.columnCount())]
        for r in range(history.rowCount())
        if history.index(r, 8).data() == "Plan 下一轮 (Approved)"
    ]
    assert [planned_start.isoformat(), planned_hall] in [[row[0], row[2]] for row in plan_rows]
    assert all(row[5] and row[6] for row in plan_rows)  # came from, truck km


def test_venues_show_weekday_names_and_caravans_their_depots_by_name(
    window: MainWindow, demo_db: Database, languages: Languages
) -> None:
    venues = window.show_page("venues")
    assert isinstance(venues, VenuesAndRegionsPage)
    page = venues.pages["venues"]
    page.ensure_loaded()
    column = page.model.columns.index("open_weekdays")
    row = next(r for r in range(page.model.rowCount()) if page.model.value(r, "open_weekdays") == "12345")
    assert page.model.index(row, column).data() == "Mon–Fri"
    assert weekdays_text("1234567") == "Every day"
    assert weekdays_text("1356") == "Mon, Wed, Fri, Sat"
    assert weekdays_text("67") == "Sat, Sun"
    languages.switch("zh_CN")
    assert (
        page.model.index(row, column).data().startswith("周一")
        and "周五" in page.model.index(row, column).data()
    )
    languages.switch("en")

    # The edit form ticks the days by name.
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(row, 0)).row())
    page.edit_selected()
    assert page.dialog is not None
    days = page.dialog.editors["open_weekdays"]
    assert isinstance(days, WeekdaysEditor) and days.digits() == "12345"
    assert [b.text() for b in days.boxes][:2] == ["Mon", "Tue"]
    days.boxes[5].setChecked(True)
    assert page.dialog.changed_values() == {"open_weekdays": "123456"}
    for box in days.boxes:
        box.setChecked(False)
    assert "Open weekdays: tick at least one day" in page.dialog.message.text()
    page.dialog.reject()

    caravans = window.show_page("caravans")
    assert isinstance(caravans, EntityPage)
    caravans.ensure_loaded()
    with demo_db.session() as s:
        depots = {d.code: d.name for d in s.scalars(select(Depot))}
        homes = {c.code: c.home_depot.code for c in s.scalars(select(Caravan))}
    column = caravans.model.columns.index("home_depot_id")
    for r in range(caravans.model.rowCount()):
        code = homes[caravans.model.value(r, "code")]
        cell = caravans.model.index(r, column)
        assert cell.data() == depots[code] and cell.data(Qt.ItemDataRole.ToolTipRole) == code
