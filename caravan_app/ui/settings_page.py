"""Settings: which database, which language, how distances and solves are set up, the thresholds
that flag facilities for retirement, and the working calendar the planners use."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from caravan_app import log
from caravan_app.domain.calendar import CalendarProblem, Holiday, Term, WorkingCalendar, calendar_problems
from caravan_app.domain.retirement import THRESHOLD_LABELS, Thresholds
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.services import permissions
from caravan_app.services.calendar import StoredCalendar, save_calendar, working_calendar
from caravan_app.services.database import open_database
from caravan_app.settings import describe, load_thresholds, save_thresholds, to_url
from caravan_app.ui import passwords, preferences
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.context import AppContext
from caravan_app.ui.i18n import LANGUAGES, Languages, language_name
from caravan_app.ui.outcomes import error_text
from caravan_app.ui.sign_in import refusal, refusal_text
from caravan_app.ui.terms import CALENDAR_ENTITY

_log = log.get(log.UI)

# Unit -> spin box range, step and decimals (shares are shown as percentages).
_SPIN: dict[str, tuple[float, float, float, int]] = {
    "years": (1, 50, 1, 1),
    "km": (1_000, 2_000_000, 10_000, 0),
    "share": (1, 500, 5, 0),
    "times": (1, 100, 1, 0),
}


class CalendarTable(QTableWidget):
    """Rows of text cells the user types dates and names into; read back and checked on save."""

    def __init__(self, name: str, columns: int) -> None:
        super().__init__(0, columns)
        self.setObjectName(name)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setMinimumHeight(150)
        self.editable = self.editTriggers()

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.setRowCount(0)
        for values in rows:
            self.add_row(values)

    def add_row(self, values: tuple[str, ...] = ()) -> None:
        row = self.rowCount()
        self.insertRow(row)
        for column in range(self.columnCount()):
            self.setItem(row, column, QTableWidgetItem(values[column] if column < len(values) else ""))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""


class SettingsPage(QWidget):
    def __init__(self, context: AppContext, languages: Languages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_settings")
        self.context = context
        self.languages = languages

        # database
        self.db_group = QGroupBox()
        self.db_url = QLineEdit()
        self.db_url.setObjectName("db_url")
        self.db_password = QLineEdit()
        self.db_password.setObjectName("db_password")
        self.db_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.db_password_in_file = QCheckBox()
        self.db_password_in_file.setObjectName("db_password_in_file")
        self.db_password_in_file.setChecked(preferences.password_store() == passwords.FILE)
        self.db_browse = QPushButton()
        self.db_browse.clicked.connect(self._browse_sqlite)
        self.db_save = QPushButton()
        self.opening = False  # a database being opened in the background
        self.opened = False  # the last one asked for was opened and is in use
        self.db_save.setObjectName("db_save")
        self.db_save.clicked.connect(self.test_and_save_database)
        self.db_message = QLabel()
        self.db_message.setObjectName("db_message")
        self.db_message.setWordWrap(True)
        url_row = QHBoxLayout()
        url_row.addWidget(self.db_url, 1)
        url_row.addWidget(self.db_browse)
        self.db_form = QFormLayout(self.db_group)
        self._url_label, self._password_label = QLabel(), QLabel()
        self.db_form.addRow(self._url_label, url_row)
        self.db_form.addRow(self._password_label, self.db_password)
        self.db_form.addRow("", self.db_password_in_file)
        self.db_form.addRow("", self.db_save)
        self.db_form.addRow("", self.db_message)

        # language
        self.language_group = QGroupBox()
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("", "")
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(self.language.findData(preferences.language()), 0))
        self.language.currentIndexChanged.connect(self._language_chosen)
        language_form = QFormLayout(self.language_group)
        self._language_label = QLabel()
        language_form.addRow(self._language_label, self.language)

        # planning and distances
        self.planning_group = QGroupBox()
        planning = preferences.planning()
        self.time_limit = QDoubleSpinBox()
        self.time_limit.setObjectName("time_limit")
        self.time_limit.setRange(1, 3600)
        self.time_limit.setDecimals(0)
        self.time_limit.setValue(planning.time_limit)
        # Long legs are marked in the tour planner's itinerary and map.
        self.long_leg = QDoubleSpinBox()
        self.long_leg.setObjectName("long_leg_km")
        self.long_leg.setRange(10, 2000)
        self.long_leg.setDecimals(0)
        self.long_leg.setSingleStep(10)
        self.long_leg.setValue(planning.long_leg_km)
        self.road_file = QLineEdit(planning.road_distances)
        self.road_file.setObjectName("road_distances")
        self.road_browse = QPushButton()
        self.road_browse.clicked.connect(self._browse_road)
        road_row = QHBoxLayout()
        road_row.addWidget(self.road_file, 1)
        road_row.addWidget(self.road_browse)
        self.planning_form = QFormLayout(self.planning_group)
        self._limit_label, self._road_label, self._road_hint = QLabel(), QLabel(), QLabel()
        self._long_leg_label = QLabel()
        self._road_hint.setWordWrap(True)
        self.planning_form.addRow(self._limit_label, self.time_limit)
        self.planning_form.addRow(self._road_label, road_row)
        self.planning_form.addRow("", self._road_hint)
        self.planning_form.addRow(self._long_leg_label, self.long_leg)

        # retirement thresholds: the settings file the consolidation service reads
        self.retirement_group = QGroupBox()
        self.retirement_form = QFormLayout(self.retirement_group)
        self.threshold_boxes: dict[str, QDoubleSpinBox] = {}
        self._threshold_labels: dict[str, QLabel] = {}
        current = self._thresholds_now()
        for name, (_zh, _en, unit) in THRESHOLD_LABELS.items():
            box = QDoubleSpinBox()
            box.setObjectName(f"threshold_{name}")
            low, high, step, decimals = _SPIN.get(unit, (0.0, 1e9, 1.0, 2))
            box.setRange(low, high)
            box.setSingleStep(step)
            box.setDecimals(decimals)
            if unit == "share":
                box.setSuffix(" %")
            value = float(getattr(current, name))
            box.setValue(value * 100 if unit == "share" else value)
            label = QLabel()
            self.threshold_boxes[name] = box
            self._threshold_labels[name] = label
            self.retirement_form.addRow(label, box)

        self.save_button = QPushButton()
        self.save_button.setObjectName("save_settings")
        self.save_button.clicked.connect(self.save)
        self.saved_message = QLabel()

        # calendar: kept in the database, so every planner in the office plans on the same days
        self.calendar_group = QGroupBox()
        self.terms_table = CalendarTable("calendar_terms", 3)
        self.holidays_table = CalendarTable("calendar_holidays", 2)
        self.add_term_button, self.remove_term_button = QPushButton(), QPushButton()
        self.add_holiday_button, self.remove_holiday_button = QPushButton(), QPushButton()
        self.add_term_button.clicked.connect(lambda: self.terms_table.add_row())
        self.remove_term_button.clicked.connect(self.terms_table.remove_selected)
        self.add_holiday_button.clicked.connect(lambda: self.holidays_table.add_row())
        self.remove_holiday_button.clicked.connect(self.holidays_table.remove_selected)
        self.calendar_save = QPushButton()
        self.calendar_save.setObjectName("calendar_save")
        self.calendar_save.clicked.connect(lambda: self.save_calendar())
        self.calendar_reload = QPushButton()
        self.calendar_reload.clicked.connect(self.load_calendar)
        self.calendar_message = QLabel()
        self.calendar_message.setObjectName("calendar_message")
        self.calendar_message.setWordWrap(True)
        self._calendar_hint = QLabel()
        self._calendar_hint.setWordWrap(True)
        self._terms_label, self._holidays_label = QLabel(), QLabel()
        tables = QVBoxLayout()
        for label, table, add, remove in (
            (self._terms_label, self.terms_table, self.add_term_button, self.remove_term_button),
            (self._holidays_label, self.holidays_table, self.add_holiday_button, self.remove_holiday_button),
        ):
            side = QVBoxLayout()
            side.addWidget(label)
            side.addWidget(table)
            buttons = QHBoxLayout()
            buttons.addWidget(add)
            buttons.addWidget(remove)
            buttons.addStretch(1)
            side.addLayout(buttons)
            tables.addLayout(side, 1 if table is self.terms_table else 3)
        calendar_save_row = QHBoxLayout()
        calendar_save_row.addWidget(self.calendar_save)
        calendar_save_row.addWidget(self.calendar_reload)
        calendar_save_row.addWidget(self.calendar_message, 1)
        calendar_layout = QVBoxLayout(self.calendar_group)
        calendar_layout.addWidget(self._calendar_hint)
        calendar_layout.addLayout(tables)
        calendar_layout.addLayout(calendar_save_row)
        self.stored_calendar: StoredCalendar | None = None

        # Two columns: the program's own settings, and the calendar the whole office shares.
        body = QWidget()
        columns = QHBoxLayout(body)
        column = QVBoxLayout()
        for group in (self.db_group, self.language_group, self.planning_group, self.retirement_group):
            column.addWidget(group)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_message, 1)
        column.addLayout(save_row)
        column.addStretch(1)
        calendar_column = QVBoxLayout()
        calendar_column.addWidget(self.calendar_group, 1)
        columns.addLayout(column, 1)
        columns.addLayout(calendar_column, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._show_current_database()
        context.bus.database_changed.connect(self._show_current_database)
        context.bus.database_changed.connect(self.load_calendar)
        self.retranslate_ui()
        self.load_calendar()

    # --- database ------------------------------------------------------------------------------

    def _show_current_database(self) -> None:
        url = self.context.db.url
        if url.get_backend_name() == "sqlite":
            self.db_url.setText(str(url.database or ""))
        else:
            self.db_url.setText(url._replace(password=None).render_as_string(hide_password=False))
        self.db_password.clear()

    def _browse_sqlite(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("SQLite database file"),
            self.db_url.text(),
            self.tr("SQLite databases (*.db *.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.db_url.setText(path)

    def test_and_save_database(self) -> None:
        """Open the database named in the form in the background (an upgrade or a far server may take
        a while); only one that opens is saved and switched to. `opening` is true meanwhile, and
        `opened` then says whether it was."""
        text = self.db_url.text().strip()
        self.opened = False
        if not text:
            self.db_message.setText(self.tr("Name a SQLite file or a PostgreSQL URL."))
            return
        try:
            url = to_url(text)
        except CaravanError as exc:
            self.db_message.setText(self.tr("Not saved: %1").replace("%1", error_text(exc)))
            return
        if self.db_password.text() and url.get_backend_name() != "sqlite":
            url = url.set(password=self.db_password.text())

        def work(_state: TaskState) -> Database:
            db = open_database(url)
            db.check_reachable()
            return db

        self.opening = True
        self.db_save.setEnabled(False)
        self.db_message.setText(self.tr("Opening %1…").replace("%1", describe(url)))
        Operation(self, work, "open_database").success(lambda db: self._database_opened(url, db)).failure(
            lambda exc: self._database_failed(url, exc)
        ).run()

    def _database_failed(self, url: URL, exc: BaseException) -> None:
        self.opening = False
        self.db_save.setEnabled(True)
        if url.get_backend_name() == "postgresql" and refusal(exc) in ("password", "disabled", "host"):
            # A refused sign-in in plain words, as the sign-in dialog says it; the driver's text: the log.
            _log.info("database not opened: %s", exc)
            reason = refusal_text(refusal(exc), url, str(url.username or ""))
        elif isinstance(exc, CaravanError):
            reason = error_text(exc)
        else:  # a driver error the services did not name still means "cannot open"
            reason = f"{type(exc).__name__}: {exc}"
        self.db_message.setText(self.tr("Not saved: %1").replace("%1", reason))

    def _database_opened(self, url: URL, db: Database) -> None:
        self.opening = False
        self.db_save.setEnabled(True)
        where = passwords.FILE if self.db_password_in_file.isChecked() else passwords.KEYRING
        try:
            preferences.save_database_url(url.render_as_string(hide_password=False), where)
        except CaravanError as exc:
            db.dispose()
            self.db_message.setText(self.tr("Not saved: %1").replace("%1", error_text(exc)))
            return
        self.context.set_database(db)
        self.opened = True
        self.db_message.setText(self.tr("Connected to %1 and saved.").replace("%1", db.describe()))

    # --- language ------------------------------------------------------------------------------

    def _language_chosen(self) -> None:
        code = str(self.language.currentData() or "")
        preferences.set_language(code)
        from caravan_app.ui.i18n import system_language

        self.languages.switch(code or system_language())

    # --- the rest ------------------------------------------------------------------------------

    def _browse_road(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Road distances"), self.road_file.text(), self.tr("CSV files (*.csv)")
        )
        if path:
            self.road_file.setText(path)

    def save(self) -> bool:
        road = self.road_file.text().strip()
        if road and not Path(road).is_file():
            self.saved_message.setText(self.tr("Not saved: no file %1").replace("%1", road))
            return False
        values: dict[str, float | int] = {}
        for name, box in self.threshold_boxes.items():
            unit = THRESHOLD_LABELS[name][2]
            default = getattr(Thresholds(), name)
            value = box.value() / 100 if unit == "share" else box.value()
            values[name] = int(round(value)) if isinstance(default, int) else value
        try:
            thresholds = Thresholds(**values)  # type: ignore[arg-type]
        except ValueError as exc:
            self.saved_message.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            return False
        try:
            save_thresholds(thresholds)
        except (CaravanError, OSError) as exc:
            self.saved_message.setText(self.tr("Not saved: %1").replace("%1", error_text(exc)))
            return False
        preferences.set_planning(
            preferences.PlanningSettings(self.time_limit.value(), road, self.long_leg.value())
        )
        self.saved_message.setText(self.tr("Saved."))
        return True

    def _thresholds_now(self) -> Thresholds:
        try:
            return load_thresholds()
        except CaravanError as exc:  # a broken file: show the defaults and say why
            _log.warning("%s", exc)
            return Thresholds()

    # --- working calendar ------------------------------------------------------------------------

    def load_calendar(self) -> None:
        try:
            self.stored_calendar = working_calendar(self.context.db)
        except CaravanError as exc:
            self.stored_calendar = None
            self.calendar_message.setText(self.tr("Not read: %1").replace("%1", error_text(exc)))
            return
        calendar = self.stored_calendar.calendar
        self.terms_table.set_rows([(t.name, t.start.isoformat(), t.end.isoformat()) for t in calendar.terms])
        self.holidays_table.set_rows([(h.day.isoformat(), h.name) for h in calendar.holidays])
        self.calendar_message.clear()
        # The working calendar is the province's; other accounts read it (the server refuses a save).
        mine = not permissions.signed_in(self.context.db).is_held
        for table in (self.terms_table, self.holidays_table):
            table.setEditTriggers(table.editable if mine else QAbstractItemView.EditTrigger.NoEditTriggers)
        for button in (
            self.add_term_button,
            self.remove_term_button,
            self.add_holiday_button,
            self.remove_holiday_button,
            self.calendar_save,
        ):
            button.setEnabled(mine)
        if not mine:
            self.calendar_message.setText(self.tr("Only the province changes the working calendar."))

    def _typed_date(self, what: str, row: int, field: str, text: str, problems: list[str]) -> date | None:
        try:
            return date.fromisoformat(text)
        except ValueError:
            problems.append(
                self.tr("%1 row %2, %3: '%4' is not a date (YYYY-MM-DD)")
                .replace("%1", what)
                .replace("%2", str(row + 1))
                .replace("%3", field)
                .replace("%4", text)
            )
            return None

    def typed_calendar(self) -> tuple[WorkingCalendar | None, list[str]]:
        """The calendar as typed in the two tables, or the problems that stop it being read."""
        problems: list[str] = []
        terms: list[Term] = []
        term_rows: list[int] = []
        term_word, holiday_word = self.tr("Term"), self.tr("Holiday")
        for row in range(self.terms_table.rowCount()):
            name, first, last = (self.terms_table.text(row, c) for c in range(3))
            if not (name or first or last):
                continue
            if not name:
                problems.append(
                    self.tr("%1 row %2, %3: a name is needed")
                    .replace("%1", term_word)
                    .replace("%2", str(row + 1))
                    .replace("%3", self.tr("Name"))
                )
            start = self._typed_date(term_word, row, self.tr("First day"), first, problems)
            end = self._typed_date(term_word, row, self.tr("Last day"), last, problems)
            if name and start and end:
                terms.append(Term(name, start, end))
                term_rows.append(row + 1)
        holidays: list[Holiday] = []
        holiday_rows: list[int] = []
        for row in range(self.holidays_table.rowCount()):
            day_text, name = self.holidays_table.text(row, 0), self.holidays_table.text(row, 1)
            if not (day_text or name):
                continue
            day = self._typed_date(holiday_word, row, self.tr("Date"), day_text, problems)
            if day is not None:
                holidays.append(Holiday(day, name))
                holiday_rows.append(row + 1)
        problems += [
            self._problem_text(p) for p in calendar_problems(terms, holidays, term_rows, holiday_rows)
        ]
        if problems:
            return None, problems
        return WorkingCalendar(
            tuple(sorted(terms, key=lambda t: t.start)), tuple(sorted(holidays, key=lambda h: h.day))
        ), []

    def _problem_text(self, problem: CalendarProblem) -> str:
        texts = {
            "bad_name": self.tr("name '%1' must be 1 to 40 characters, no spaces around it"),
            "name_twice": self.tr("name '%1' is used by term row %2 too"),
            "end_before_start": self.tr("(%1) the last day %2 is before the first %3"),
            "overlap": self.tr("(%1) starts %2, inside %3 (which runs to %4)"),
            "day_twice": self.tr("%1 is listed twice (also holiday row %2)"),
            "long_name": self.tr("(%1) the name is longer than 40 characters"),
        }
        text = texts[problem.what]
        for number, value in enumerate(problem.values, 1):
            text = text.replace(f"%{number}", value)
        where = (self.tr("Term row %1") if problem.table == "term" else self.tr("Holiday row %1")).replace(
            "%1", str(problem.row)
        )
        return f"{where}{'' if text.startswith('(') else ':'} {text}"

    def save_calendar(self) -> bool:
        if self.stored_calendar is None:
            self.load_calendar()
            return False
        calendar, problems = self.typed_calendar()
        if calendar is None:
            self.calendar_message.setText(self.tr("Not saved: %1").replace("%1", "; ".join(problems)))
            return False
        try:
            self.stored_calendar = save_calendar(self.context.db, calendar, self.stored_calendar)
        except CaravanError as exc:
            # The typed rows stay in the tables, so nothing the user typed is lost; Reload discards them.
            self.calendar_message.setText(self.tr("Not saved: %1").replace("%1", error_text(exc)))
            return False
        self.calendar_message.setText(
            self.tr("Saved: %1 terms, %2 holidays.")
            .replace("%1", str(len(calendar.terms)))
            .replace("%2", str(len(calendar.holidays)))
        )
        self.context.bus.data_changed.emit(CALENDAR_ENTITY)
        return True

    def retranslate_ui(self) -> None:
        self.db_group.setTitle(self.tr("Database"))
        self._url_label.setText(self.tr("SQLite file or PostgreSQL URL"))
        self._password_label.setText(self.tr("Password (PostgreSQL)"))
        keyring = passwords.keyring_name()
        self.db_password.setPlaceholderText(
            self.tr("kept in the system keyring (%1)").replace("%1", keyring)
            if keyring
            else self.tr("this computer has no system keyring")
        )
        self.db_password_in_file.setText(
            self.tr("Keep the password in a file only you can read, not in the keyring")
        )
        self.db_browse.setText(self.tr("Choose file…"))
        self.db_save.setText(self.tr("Test and use this database"))
        self.language_group.setTitle(self.tr("Language"))
        self._language_label.setText(self.tr("Language of the program"))
        self.language.setItemText(0, self.tr("As the system"))
        self.planning_group.setTitle(self.tr("Planning and distances"))
        self._limit_label.setText(self.tr("Time a tour solve may take (s)"))
        self._road_label.setText(self.tr("Road distances (CSV)"))
        self._road_hint.setText(
            self.tr(
                "Optional: a file of from,to,km by venue or depot code. Pairs not listed use the "
                "great-circle distance × 1.3."
            )
        )
        self.road_browse.setText(self.tr("Choose file…"))
        self._long_leg_label.setText(self.tr("A leg is long above (km)"))
        self.long_leg.setSuffix(self.tr(" km"))
        self.retirement_group.setTitle(self.tr("Retirement thresholds"))
        titles = {
            "caravan_age_years": self.tr("Caravan age for replacement (years)"),
            "caravan_km": self.tr("Caravan mileage for replacement (km)"),
            "repair_cost_share": self.tr("Repair cost as a share of value"),
            "repair_cost_years": self.tr("Years of repair cost counted"),
            "repeated_faults": self.tr("Repairs that make faults repeated"),
            "repeated_faults_years": self.tr("Years of repairs counted"),
            "underuse_share": self.tr("Under-use: share of the fleet median"),
        }
        for name, label in self._threshold_labels.items():
            label.setText(titles.get(name, THRESHOLD_LABELS[name][1]))
        self.save_button.setText(self.tr("Save settings"))
        self.calendar_group.setTitle(self.tr("Working calendar"))
        self._calendar_hint.setText(
            self.tr(
                "The school terms and public holidays every planner in this database uses. Crews work "
                "Monday to Friday except holidays; schools take shows only within a term. Dates as "
                "YYYY-MM-DD."
            )
        )
        self._terms_label.setText(self.tr("School terms"))
        self._holidays_label.setText(self.tr("Public holidays"))
        self.terms_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("First day"), self.tr("Last day")]
        )
        self.holidays_table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Name")])
        self.add_term_button.setText(self.tr("Add term"))
        self.remove_term_button.setText(self.tr("Remove selected"))
        self.add_holiday_button.setText(self.tr("Add holiday"))
        self.remove_holiday_button.setText(self.tr("Remove selected"))
        self.calendar_save.setText(self.tr("Save calendar"))
        self.calendar_reload.setText(self.tr("Reload"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
