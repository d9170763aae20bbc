"""Field mode: one caravan trip or museum stay run from its kit file on a laptop with no network.

The crew sees the route, the map, the exhibits on board and the route sheet, and records each show,
each exhibit's condition and any damage or loss. Every entry is written to the kit file (its own
transaction) the moment it is recorded, so a crash or a flat battery loses at most the entry being
typed. No central database is opened here.
"""

from __future__ import annotations

import tempfile
from datetime import date, time
from pathlib import Path
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, Qt, QTime, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from caravan_app import log
from caravan_app.domain.kit import (
    CONDITION,
    DAMAGE,
    MAP_PART,
    ROUTE_SHEET_PART,
    SHOW,
    ConditionEntry,
    DamageEntry,
    KitRecord,
    ShowEntry,
    file_name_part,
)
from caravan_app.errors import CaravanError, KitRecordInvalid
from caravan_app.services.field_kit import FieldKit, open_kit
from caravan_app.ui.field_words import damage_text, entry_text, status_text
from caravan_app.ui.hooks import map_folder
from caravan_app.ui.outcomes import error_text
from caravan_app.ui.table_model import RowsModel

_log = log.get(log.UI)

GRADES = ("A", "B", "C", "D")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


def _fill(model: RowsModel, titles: list[str], rows: list[list[Any]]) -> None:
    model.set_rows([str(i) for i in range(len(titles))], titles, [tuple(r) for r in rows])


def _table(name: str, model: RowsModel) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setAlternatingRowColors(True)
    return view


class FieldWindow(QMainWindow):
    """The kit's trip or stay: route, map, exhibits on board, entries; records straight into the kit."""

    def __init__(self, kit: FieldKit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("field_window")
        self.kit = kit
        self.contents = kit.contents
        self.is_trip = self.contents.kind == "trip"
        self.last_saved: KitRecord | None = None
        self.closed = False

        self.heading = QLabel()
        self.heading.setObjectName("field_heading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.open_sheet_button = QPushButton()
        self.open_sheet_button.clicked.connect(self.open_route_sheet)
        self.save_sheet_button = QPushButton()
        self.save_sheet_button.clicked.connect(self.choose_save_route_sheet)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        header.addLayout(titles, 1)
        header.addWidget(self.open_sheet_button)
        header.addWidget(self.save_sheet_button)

        # --- route: the stops (or the stay's days) and the show form
        self.route_model = RowsModel(self)
        self.route_view = _table("field_route", self.route_model)
        self.route_view.selectionModel().selectionChanged.connect(self._route_selected)
        self.show_group = QGroupBox()
        self.show_where = QComboBox()
        self.show_where.setObjectName("show_where")
        self.show_where.currentIndexChanged.connect(self._show_where_chosen)
        self.show_status = QComboBox()
        self.show_status.setObjectName("show_status")
        self.show_status.addItem("", "held")
        self.show_status.addItem("", "cancelled")
        self.show_status.currentIndexChanged.connect(self._status_chosen)
        self.cancel_reason = QLineEdit()
        self.cancel_reason.setObjectName("cancel_reason")
        self.show_start, self.show_end = QTimeEdit(), QTimeEdit()
        self.show_start.setObjectName("show_start")
        self.show_end.setObjectName("show_end")
        for edit in (self.show_start, self.show_end):
            edit.setDisplayFormat("HH:mm")
        self.visitors = QSpinBox()
        self.visitors.setObjectName("visitors")
        self.visitors.setRange(0, 1_000_000)
        self.activity = QLineEdit()
        self.activity.setObjectName("activity")
        self.audience = QLineEdit()
        self.audience.setObjectName("audience")
        self.feedback = QPlainTextEdit()
        self.feedback.setObjectName("feedback")
        self.feedback.setMaximumHeight(60)
        self.show_notes = QLineEdit()
        self.show_notes.setObjectName("show_notes")
        self.record_show_button = QPushButton()
        self.record_show_button.setObjectName("record_show")
        self.record_show_button.clicked.connect(lambda: self.record_show())
        self.show_form = QFormLayout(self.show_group)
        self._show_labels = [QLabel() for _ in range(10)]
        for label, widget in zip(
            self._show_labels,
            (
                self.show_where,
                self.show_status,
                self.cancel_reason,
                self.show_start,
                self.show_end,
                self.visitors,
                self.activity,
                self.audience,
                self.feedback,
                self.show_notes,
            ),
            strict=True,
        ):
            self.show_form.addRow(label, widget)
        self.show_form.addRow("", self.record_show_button)
        route_page = QSplitter(Qt.Orientation.Horizontal)
        route_page.addWidget(self.route_view)
        route_page.addWidget(self.show_group)
        route_page.setStretchFactor(0, 3)
        route_page.setStretchFactor(1, 2)
        route_page.setSizes([820, 420])  # the route's contacts in view; the form needs less

        # --- map, from the kit's own page
        self.map_stack = QStackedWidget()
        self.map_message = QLabel()
        self.map_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.map_message.setWordWrap(True)
        self.map_stack.addWidget(self.map_message)
        self.map_view: Any = None
        self.map_loaded = False

        # --- exhibits on board: the checklist, condition and damage forms
        self.exhibit_model = RowsModel(self)
        self.exhibit_view = _table("field_exhibits", self.exhibit_model)
        self.exhibit_view.selectionModel().selectionChanged.connect(self._exhibit_selected)
        self.exhibit_code = QComboBox()
        self.exhibit_code.setObjectName("exhibit_code")
        self.exhibit_code.setEditable(False)
        self.condition_group = QGroupBox()
        self.grade = QComboBox()
        self.grade.setObjectName("grade")
        for grade in GRADES:
            self.grade.addItem(grade, grade)
        self.fault = QLineEdit()
        self.fault.setObjectName("fault")
        self.photo = QLineEdit()
        self.photo.setObjectName("photo")
        self.photo_browse = QPushButton()
        self.photo_browse.clicked.connect(self._browse_photo)
        photo_row = QWidget()
        photo_layout = QHBoxLayout(photo_row)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        photo_layout.addWidget(self.photo, 1)
        photo_layout.addWidget(self.photo_browse)
        self.checked_by = QLineEdit()
        self.checked_by.setObjectName("checked_by")
        self.checked_on = QDateEdit()
        self.checked_on.setObjectName("checked_on")
        self.checked_on.setCalendarPopup(True)
        self.checked_on.setDisplayFormat("yyyy-MM-dd")
        self.record_condition_button = QPushButton()
        self.record_condition_button.setObjectName("record_condition")
        self.record_condition_button.clicked.connect(lambda: self.record_condition())
        condition_form = QFormLayout(self.condition_group)
        self._condition_labels = [QLabel() for _ in range(5)]
        for label, widget in zip(
            self._condition_labels,
            (self.grade, self.fault, photo_row, self.checked_by, self.checked_on),
            strict=True,
        ):
            condition_form.addRow(label, widget)
        condition_form.addRow("", self.record_condition_button)
        self.damage_group = QGroupBox()
        self.damage_kind = QComboBox()
        self.damage_kind.setObjectName("damage_kind")
        self.damage_kind.addItem("", "damage")
        self.damage_kind.addItem("", "loss")
        self.damage_text = QLineEdit()
        self.damage_text.setObjectName("damage_text")
        self.damage_on = QDateEdit()
        self.damage_on.setObjectName("damage_on")
        self.damage_on.setCalendarPopup(True)
        self.damage_on.setDisplayFormat("yyyy-MM-dd")
        self.record_damage_button = QPushButton()
        self.record_damage_button.setObjectName("record_damage")
        self.record_damage_button.clicked.connect(lambda: self.record_damage())
        damage_form = QFormLayout(self.damage_group)
        self._damage_labels = [QLabel() for _ in range(3)]
        for label, widget in zip(
            self._damage_labels, (self.damage_kind, self.damage_text, self.damage_on), strict=True
        ):
            damage_form.addRow(label, widget)
        damage_form.addRow("", self.record_damage_button)
        self._exhibit_label = QLabel()
        forms = QWidget()
        forms_layout = QVBoxLayout(forms)
        exhibit_row = QHBoxLayout()
        exhibit_row.addWidget(self._exhibit_label)
        exhibit_row.addWidget(self.exhibit_code, 1)
        forms_layout.addLayout(exhibit_row)
        forms_layout.addWidget(self.condition_group)
        forms_layout.addWidget(self.damage_group)
        forms_layout.addStretch(1)
        exhibits_page = QSplitter(Qt.Orientation.Horizontal)
        exhibits_page.addWidget(self.exhibit_view)
        exhibits_page.addWidget(forms)
        exhibits_page.setStretchFactor(0, 3)
        exhibits_page.setStretchFactor(1, 2)
        exhibits_page.setSizes([760, 480])

        # --- every entry made, in order
        self.entries_model = RowsModel(self)
        self.entries_view = _table("field_entries", self.entries_model)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("field_tabs")
        self.tabs.addTab(route_page, "")
        self.tabs.addTab(self.map_stack, "")
        self.tabs.addTab(exhibits_page, "")
        self.tabs.addTab(self.entries_view, "")
        self.tabs.currentChanged.connect(self._tab_shown)

        self.message = QLabel()
        self.message.setObjectName("field_message")
        self.message.setWordWrap(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.setCentralWidget(body)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("field_saved")
        self.statusBar().addPermanentWidget(self.saved_label)

        self.close_action = QAction(self)
        self.close_action.setShortcut(QKeySequence("Ctrl+W"))
        self.close_action.triggered.connect(self.close)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.close_action)

        first_day = self.contents.start
        today = _qdate(min(max(date.today(), first_day), self.contents.end))
        self.checked_on.setDate(today)
        self.damage_on.setDate(today)
        # Text from a kit is text: a label never renders it as rich text (which could load images).
        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.retranslate_ui()
        self.refresh()
        self.resize(1200, 760)

    # --- what the kit holds ----------------------------------------------------------------------

    def _places(self) -> list[tuple[str, Any]]:
        """The show form's choices: (label, stop seq or day)."""
        if self.is_trip:
            out: list[tuple[str, Any]] = []
            for stop in self.contents.stops:
                venue = self.contents.venue(stop.venue_code)
                out.append((f"{stop.seq}. {stop.show_start:%m-%d %H:%M} {venue.name}", stop.seq))
            return out
        name = self.contents.venues[0].name if self.contents.venues else ""
        return [(f"{day:%Y-%m-%d} {name}", day) for day in self.contents.days]

    def _show_records(self) -> dict[Any, ShowEntry]:
        shows: dict[Any, ShowEntry] = {}
        for record in self.kit.latest():
            if record.kind == SHOW:
                entry = self.kit.entry(record)
                assert isinstance(entry, ShowEntry)
                shows[entry.stop if entry.stop is not None else entry.day] = entry
        return shows

    def _status_text(self, entry: ShowEntry | None) -> str:
        return status_text(entry)

    def refresh(self) -> None:
        """Fill the tables from the kit file as it is now."""
        shows = self._show_records()
        if self.is_trip:
            rows: list[list[Any]] = []
            for stop in self.contents.stops:
                v = self.contents.venue(stop.venue_code)
                rows.append(
                    [
                        stop.seq,
                        f"{stop.show_start:%Y-%m-%d}",
                        # An arrival the evening before shows its day, so the crew knows to travel then.
                        f"{stop.arrive_at:%H:%M}"
                        if stop.arrive_at.date() == stop.show_start.date()
                        else f"{stop.arrive_at:%m-%d %H:%M}",
                        f"{stop.show_start:%H:%M}–{stop.show_end:%H:%M}",
                        v.name,
                        f"{v.city}{v.county}",
                        v.contact_name,
                        v.contact_phone,
                        round(stop.km_from_previous, 1),
                        self._status_text(shows.get(stop.seq)),
                        v.address,  # last: long, and the route sheet has it too
                    ]
                )
            headers = [
                self.tr("Stop"),
                self.tr("Date"),
                self.tr("Arrive"),
                self.tr("Show"),
                self.tr("Venue"),
                self.tr("County"),
                self.tr("Contact"),
                self.tr("Phone"),
                self.tr("km"),
                self.tr("Recorded"),
                self.tr("Address"),
            ]
        else:
            venue = self.contents.venues[0] if self.contents.venues else None
            rows = [
                [
                    f"{day:%Y-%m-%d}",
                    venue.name if venue else "",
                    venue.contact_name if venue else "",
                    venue.contact_phone if venue else "",
                    self._status_text(shows.get(day)),
                ]
                for day in self.contents.days
            ]
            headers = [
                self.tr("Date"),
                self.tr("Venue"),
                self.tr("Contact"),
                self.tr("Phone"),
                self.tr("Recorded"),
            ]
        _fill(self.route_model, headers, rows)

        conditions: dict[str, ConditionEntry] = {}
        damages: dict[str, list[DamageEntry]] = {}
        for record in self.kit.latest():
            entry = self.kit.entry(record)
            if isinstance(entry, ConditionEntry):
                conditions[entry.exhibit] = entry
            elif isinstance(entry, DamageEntry):
                damages.setdefault(entry.exhibit, []).append(entry)
        english = not QLocale().name().startswith("zh")
        exhibit_rows = []
        for e in self.contents.exhibits:
            checked = conditions.get(e.code)
            damage = damages.get(e.code, [])
            exhibit_rows.append(
                [
                    e.code,
                    (e.name_en or e.name_zh) if english else e.name_zh,
                    e.theme,
                    e.condition,
                    checked.grade if checked else "",
                    checked.fault if checked else "",
                    "; ".join(self._damage_text(d) for d in damage),
                ]
            )
        _fill(
            self.exhibit_model,
            [
                self.tr("Code"),
                self.tr("Exhibit"),
                self.tr("Theme"),
                self.tr("Grade at export"),
                self.tr("Grade checked"),
                self.tr("Fault"),
                self.tr("Damage or loss"),
            ],
            exhibit_rows,
        )
        self._fill_choices()

        entries = self.kit.records()
        current = {r.seq for r in self.kit.latest()}
        _fill(
            self.entries_model,
            [self.tr("No."), self.tr("Recorded at"), self.tr("Kind"), self.tr("Entry"), self.tr("In force")],
            [
                [
                    r.seq,
                    f"{r.recorded_at:%Y-%m-%d %H:%M:%S}",
                    self._kind_text(r.kind),
                    self._entry_text(r),
                    self.tr("yes") if r.seq in current else self.tr("replaced by a later entry"),
                ]
                for r in reversed(entries)
            ],
        )
        shown = sum(1 for s in shows.values() if s.status == "held")
        total = len(self.contents.stops) if self.is_trip else len(self.contents.days)
        self.tabs.setTabText(3, self.tr("Entries (%1)").replace("%1", str(len(entries))))
        self.subheading.setText(self._subheading(shown, total))

    def _fill_choices(self) -> None:
        places = self._places()
        if self.show_where.count() != len(places):
            keep = self.show_where.currentIndex()
            self.show_where.blockSignals(True)
            self.show_where.clear()
            for label, value in places:
                self.show_where.addItem(label, value)
            self.show_where.setCurrentIndex(max(keep, 0))
            self.show_where.blockSignals(False)
            self._show_where_chosen()
        if self.exhibit_code.count() != len(self.contents.exhibits):
            self.exhibit_code.clear()
            for e in self.contents.exhibits:
                self.exhibit_code.addItem(f"{e.code} {e.name_zh}", e.code)

    def _subheading(self, shown: int, total: int) -> str:
        c = self.contents
        facility = (
            self.tr("Caravan %1 (%2), type %3")
            .replace("%1", c.facility_code)
            .replace("%2", c.facility_name)
            .replace("%3", c.caravan_type)
            if self.is_trip
            else self.tr("Set %1 %2").replace("%1", c.facility_code).replace("%2", c.facility_name)
        )
        return (
            self.tr("%1 · %2 to %3 · from %4 · plan %5 · %6 of %7 shows recorded · %8 exhibits on board")
            .replace("%1", facility)
            .replace("%2", c.start.isoformat())
            .replace("%3", c.end.isoformat())
            .replace("%4", c.depot.name)
            .replace("%5", c.plan_name)
            .replace("%6", str(shown))
            .replace("%7", str(total))
            .replace("%8", str(len(c.exhibits)))
        )

    def _kind_text(self, kind: str) -> str:
        return {
            SHOW: self.tr("show"),
            CONDITION: self.tr("condition"),
            DAMAGE: self.tr("damage or loss"),
        }.get(kind, kind)

    def _damage_text(self, entry: DamageEntry) -> str:
        return damage_text(entry)

    def _entry_text(self, record: KitRecord) -> str:
        try:
            entry = self.kit.entry(record)
        except CaravanError as exc:
            return error_text(exc)
        return entry_text(entry)

    # --- forms ---------------------------------------------------------------------------------

    def _show_where_chosen(self) -> None:
        value = self.show_where.currentData()
        if self.is_trip and value is not None:
            stop = self.contents.stop(int(value))
            if stop is not None:
                self.show_start.setTime(QTime(stop.show_start.hour, stop.show_start.minute))
                self.show_end.setTime(QTime(stop.show_end.hour, stop.show_end.minute))
        else:
            self.show_start.setTime(QTime(9, 0))
            self.show_end.setTime(QTime(17, 0))

    def _status_chosen(self) -> None:
        cancelled = self.show_status.currentData() == "cancelled"
        self.cancel_reason.setEnabled(cancelled)
        for widget in (self.show_start, self.show_end, self.visitors, self.audience, self.feedback):
            widget.setEnabled(not cancelled)

    def _route_selected(self) -> None:
        rows = self.route_view.selectionModel().selectedRows()
        if rows:
            self.show_where.setCurrentIndex(rows[0].row())

    def _exhibit_selected(self) -> None:
        rows = self.exhibit_view.selectionModel().selectedRows()
        if rows:
            code = self.exhibit_model.index(rows[0].row(), 0).data()
            self.exhibit_code.setCurrentIndex(max(self.exhibit_code.findData(code), 0))

    def _browse_photo(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Photo"), self.photo.text(), self.tr("Images (*.jpg *.jpeg *.png *.heic)")
        )
        if path:
            self.photo.setText(path)

    def _saved(self, record: KitRecord) -> None:
        self.last_saved = record
        self.saved_label.setText(
            self.tr("Entry %1 saved to the kit at %2")
            .replace("%1", str(record.seq))
            .replace("%2", f"{record.recorded_at:%H:%M:%S}")
        )
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved: %1").replace("%1", self._entry_text(record)))
        self.refresh()

    def _field_label(self, field: str) -> str:
        labels = {
            "stop": self.tr("Stop"),
            "day": self.tr("Day"),
            "status": self.tr("Show"),
            "cancel_reason": self.tr("Reason cancelled"),
            "start": self.tr("Started"),
            "end": self.tr("Ended"),
            "visitors": self.tr("Visitors"),
            "activity": self.tr("Activity"),
            "audience": self.tr("Audience"),
            "feedback": self.tr("Feedback"),
            "notes": self.tr("Notes"),
            "exhibit": self.tr("Exhibit"),
            "grade": self.tr("Grade"),
            "fault": self.tr("Fault"),
            "photo_path": self.tr("Photo"),
            "checked_by": self.tr("Checked by"),
            "checked_on": self.tr("Checked on"),
            "kind": self.tr("What happened"),
            "description": self.tr("Description"),
            "on": self.tr("On"),
        }
        return labels.get(field, field)

    def _reason(self, exc: KitRecordInvalid) -> str:
        """The rule an entry broke, in the window's language."""
        v = exc.rule_values
        worded = {
            "required": lambda: self.tr("is required"),
            "too_long": lambda: self.tr("is longer than %1 characters").replace("%1", str(v["limit"])),
            "not_count": lambda: self.tr("is not a number of 0 or more"),
            "too_many": lambda: self.tr("is more than %1").replace("%1", f"{v['limit']:,}"),
            "before_start": lambda: self.tr("is before the start (%1)").replace("%1", str(v["start"])),
            "only_if_cancelled": lambda: self.tr("is only for a cancelled show"),
            "only_if_held": lambda: self.tr("is only for a show that was held"),
            "not_in_kit": lambda: self.tr("is not an exhibit in this kit"),
            "not_near_dates": lambda: self.tr("is not near the kit's dates (%1)").replace(
                "%1", f"{v['start']} – {v['end']}"
            ),
            "not_in_stay": lambda: self.tr("is not within the stay (%1)").replace(
                "%1", f"{v['start']} – {v['end']}"
            ),
            "not_a_stop": lambda: self.tr("is not a stop of this trip (%1)").replace("%1", str(v["stops"])),
            "not_date": lambda: self.tr("is not a date (YYYY-MM-DD)"),
            "not_time": lambda: self.tr("is not a time (HH:MM)"),
            "not_one_of": lambda: self.tr("is not one of %1").replace(
                "%1",
                ", ".join(cast(tuple[str, ...], v["choices"])),
            ),
            "not_text": lambda: self.tr("is not text"),
        }.get(exc.rule)
        return worded() if worded is not None else exc.reason

    def _refused(self, exc: Exception) -> None:
        # The form keeps what was typed so the crew can correct the one field named.
        if isinstance(exc, KitRecordInvalid):
            text = (
                self.tr("%1: %2 %3")
                .replace("%1", self._field_label(exc.field))
                .replace("%2", str(exc.value))
                .replace("%3", self._reason(exc))
            )
        else:
            text = error_text(exc)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(self.tr("Not saved: %1").replace("%1", text))

    def record_show(self) -> bool:
        value = self.show_where.currentData()
        if value is None:
            return False
        cancelled = self.show_status.currentData() == "cancelled"
        try:
            record = self.kit.record_show(
                stop=int(value) if self.is_trip else None,
                day=None if self.is_trip else value,
                status="cancelled" if cancelled else "held",
                cancel_reason=self.cancel_reason.text().strip() if cancelled else "",
                start=None if cancelled else _time(self.show_start.time()),
                end=None if cancelled else _time(self.show_end.time()),
                visitors=0 if cancelled else self.visitors.value(),
                activity=self.activity.text().strip(),
                audience="" if cancelled else self.audience.text().strip(),
                feedback="" if cancelled else self.feedback.toPlainText().strip(),
                notes=self.show_notes.text().strip(),
            )
        except CaravanError as exc:
            self._refused(exc)
            return False
        self._saved(record)
        self.show_status.setCurrentIndex(0)
        for widget in (self.cancel_reason, self.audience, self.show_notes):
            widget.clear()
        self.feedback.clear()
        self.visitors.setValue(0)
        if self.show_where.currentIndex() + 1 < self.show_where.count():
            self.show_where.setCurrentIndex(self.show_where.currentIndex() + 1)
        return True

    def record_condition(self) -> bool:
        code = self.exhibit_code.currentData()
        if code is None:
            return False
        try:
            record = self.kit.record_condition(
                exhibit=str(code),
                grade=str(self.grade.currentData()),
                fault=self.fault.text().strip(),
                photo_path=self.photo.text().strip(),
                checked_by=self.checked_by.text().strip(),
                checked_on=_date(self.checked_on.date()),
            )
        except CaravanError as exc:
            self._refused(exc)
            return False
        self._saved(record)
        self.fault.clear()
        self.photo.clear()
        return True

    def record_damage(self) -> bool:
        code = self.exhibit_code.currentData()
        if code is None:
            return False
        try:
            record = self.kit.record_damage(
                exhibit=str(code),
                kind=str(self.damage_kind.currentData()),
                description=self.damage_text.text().strip(),
                on=_date(self.damage_on.date()),
            )
        except CaravanError as exc:
            self._refused(exc)
            return False
        self._saved(record)
        self.damage_text.clear()
        return True

    # --- map and route sheet -----------------------------------------------------------------

    def _tab_shown(self, index: int) -> None:
        if index == 1:
            self.show_map()

    def show_map(self) -> None:
        if self.map_view is not None:
            return
        try:
            html = self.kit.part(MAP_PART)
        except CaravanError as exc:
            self.map_message.setText(self.tr("The kit holds no map: %1").replace("%1", error_text(exc)))
            return
        # The page came from outside this office: shown from memory with no file and no network.
        from caravan_app.ui.sandbox import SandboxView

        self.map_view = SandboxView(html)
        self.map_view.setObjectName("field_map")
        self.map_view.loadFinished.connect(self._map_loaded)
        self.map_stack.addWidget(self.map_view)
        self.map_stack.setCurrentWidget(self.map_view)
        self.map_view.show_page()

    def _map_loaded(self, ok: bool) -> None:
        self.map_loaded = True
        if not ok:
            _log.warning("the kit's map did not load")

    def route_sheet(self) -> bytes:
        return self.kit.part(ROUTE_SHEET_PART)

    def save_route_sheet(self, path: Path) -> bool:
        try:
            path.write_bytes(self.route_sheet())
        except (OSError, CaravanError) as exc:
            self._refused(exc)
            return False
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Route sheet saved to %1").replace("%1", str(path)))
        return True

    def choose_save_route_sheet(self) -> None:
        name = f"{file_name_part(self.contents.code)}-route-sheet.pdf"
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save route sheet"), name, self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_route_sheet(Path(path))

    def open_route_sheet(self) -> None:
        # A fresh folder and a name of our own: nothing from the kit becomes part of a path.
        path = Path(tempfile.mkdtemp(prefix="caravan-kit-", dir=map_folder())) / "route-sheet.pdf"
        if self.save_route_sheet(path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- language and closing ------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        c = self.contents
        what = self.tr("Trip %1") if self.is_trip else self.tr("Museum stay %1")
        self.heading.setText(what.replace("%1", c.code))
        self.setWindowTitle(
            self.tr("Field kit %1 — %2").replace("%1", c.code).replace("%2", str(self.kit.path.name))
        )
        self.open_sheet_button.setText(self.tr("Open route sheet"))
        self.save_sheet_button.setText(self.tr("Save route sheet…"))
        self.tabs.setTabText(0, self.tr("Route and shows") if self.is_trip else self.tr("Days and shows"))
        self.tabs.setTabText(1, self.tr("Map"))
        self.tabs.setTabText(2, self.tr("Exhibits on board"))
        self.show_group.setTitle(self.tr("Record a show"))
        for label, text in zip(
            self._show_labels,
            (
                self.tr("Stop") if self.is_trip else self.tr("Day"),
                self.tr("Show"),
                self.tr("Reason cancelled"),
                self.tr("Started"),
                self.tr("Ended"),
                self.tr("Visitors"),
                self.tr("Activity"),
                self.tr("Audience"),
                self.tr("Feedback"),
                self.tr("Notes"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.show_status.setItemText(0, self.tr("held"))
        self.show_status.setItemText(1, self.tr("cancelled"))
        self.audience.setPlaceholderText(self.tr("e.g. pupils of grades 3–6, villagers"))
        self.cancel_reason.setPlaceholderText(self.tr("e.g. rain, school exam, road closed"))
        self.record_show_button.setText(self.tr("Record show"))
        self._exhibit_label.setText(self.tr("Exhibit"))
        self.condition_group.setTitle(self.tr("Condition check"))
        for label, text in zip(
            self._condition_labels,
            (
                self.tr("Grade"),
                self.tr("Fault"),
                self.tr("Photo"),
                self.tr("Checked by"),
                self.tr("Checked on"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.photo_browse.setText(self.tr("Choose…"))
        self.record_condition_button.setText(self.tr("Record condition"))
        self.damage_group.setTitle(self.tr("Damage or loss"))
        for label, text in zip(
            self._damage_labels,
            (self.tr("What happened"), self.tr("Description"), self.tr("On")),
            strict=True,
        ):
            label.setText(text)
        self.damage_kind.setItemText(0, self.tr("damaged"))
        self.damage_kind.setItemText(1, self.tr("lost"))
        self.record_damage_button.setText(self.tr("Record damage or loss"))
        self.map_message.setText(self.tr("The map opens when this tab is shown."))
        self.file_menu.setTitle(self.tr("&File"))
        self.close_action.setText(self.tr("&Close kit"))
        if self.last_saved is None:
            self.saved_label.setText(self.tr("Each entry is saved to the kit as it is recorded."))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        # A closed window waiting for deletion has let go of its kit file and has nothing to redraw.
        if event.type() == QEvent.Type.LanguageChange and not self.closed:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed = True
        self.kit.close()
        if self.map_view is not None:
            # Now, not at exit: a page still alive when its private profile goes makes Qt warn.
            self.map_stack.removeWidget(self.map_view)
            shiboken6.delete(self.map_view)
            self.map_view = None
        super().closeEvent(event)


def open_field_window(path: Path, parent: QWidget | None = None) -> FieldWindow | None:
    """Open the kit at `path` in a field window, or say why it cannot be opened."""
    try:
        kit = open_kit(path)
    except CaravanError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("FieldWindow", "Kit not opened"), error_text(exc)
        )
        return None
    window = FieldWindow(kit, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return window


def run_field_mode(path: Path, language: str | None = None) -> int:
    """`caravan-app kit open FILE`: the field window alone, with no central database."""
    from caravan_app.ui import crash
    from caravan_app.ui.i18n import Languages
    from caravan_app.ui.log_view import memory_handler
    from caravan_app.ui.main_window import create_application, start_language, web_engine_flags

    web_engine_flags()
    app = create_application()
    languages = Languages()
    start_language(languages, language)
    try:
        kit = open_kit(path)
    except CaravanError as exc:
        QMessageBox.warning(
            None, QCoreApplication.translate("FieldWindow", "Kit not opened"), error_text(exc)
        )
        raise
    memory_handler()
    crash.install()
    window = FieldWindow(kit)
    window.show()
    return app.exec()
