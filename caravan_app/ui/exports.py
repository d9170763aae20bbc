"""Files for others: the events in the national caravan platform's fields (Excel), and one venue's
bookings as a calendar (.ics) its staff can add to their own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from caravan_app.errors import CaravanError
from caravan_app.services import inventory
from caravan_app.services.platform_export import export_events, write_venue_ics
from caravan_app.ui.background import Operation, Queue
from caravan_app.ui.context import AppContext
from caravan_app.ui.outcomes import error_text


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ExportsBar(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.writing = Queue()
        self.setObjectName("exports")
        self.context = context
        today = date.today()
        self.first = QDateEdit(QDate(today.year, 1, 1))
        self.last = QDateEdit(QDate(today.year, 12, 31))
        for edit, name in ((self.first, "events_from"), (self.last, "events_to")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.events_button = QPushButton()
        self.events_button.setObjectName("export_events")
        self.events_button.clicked.connect(self.choose_export_events)
        self.venue = QComboBox()
        self.venue.setObjectName("ics_venue")
        self.venue.setEditable(True)  # 500-odd venues: typing part of a name or code finds one
        self.venue.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.venue.setMinimumWidth(260)
        completer = QCompleter(self.venue.model(), self.venue)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.venue.setCompleter(completer)
        self.ics_button = QPushButton()
        self.ics_button.setObjectName("export_ics")
        self.ics_button.clicked.connect(self.choose_export_ics)
        self.message = QLabel()
        self.message.setObjectName("exports_message")
        self.message.setWordWrap(True)
        self._events_label, self._to_label, self._venue_label = QLabel(), QLabel("–"), QLabel()
        row = QHBoxLayout(self)
        for widget in (
            self._events_label,
            self.first,
            self._to_label,
            self.last,
            self.events_button,
            self._venue_label,
            self.venue,
            self.ics_button,
        ):
            row.addWidget(widget)
        row.addWidget(self.message, 1)
        self.loaded = False
        self.retranslate_ui()

    def load_venues(self) -> None:
        current = self.venue.currentData()
        self.venue.clear()
        for choice in inventory.choices(self.context.db, "venues"):
            self.venue.addItem(f"{choice.code} · {choice.name}", choice.code)
        self.venue.setCurrentIndex(max(self.venue.findData(current), 0))
        self.loaded = True

    def _language(self) -> str:
        return "zh" if QLocale().name().startswith("zh") else "en"

    def choose_export_events(self) -> None:
        name = f"events-{_date(self.first.date())}-{_date(self.last.date())}.xlsx"
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Events for the national platform"), name, self.tr("Workbooks (*.xlsx)")
        )
        if path:
            self.export_events(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    @property
    def busy(self) -> bool:
        """A file is being written in the background."""
        return self.writing.busy

    def _write(self, name: str, work: Callable[[], int], written: Callable[[int], str]) -> None:
        """Write a file in the background; say what was written, or why not, under the buttons."""

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, (CaravanError, OSError)):
                raise exc
            self.message.setText(self.tr("Not written: %1").replace("%1", error_text(exc)))

        Operation(self, lambda _state: work(), name).success(
            lambda count: self.message.setText(written(count))
        ).failure(failed).run(self.writing)

    def export_events(self, path: Path) -> None:
        """The held events between the two dates, in the national platform's fields."""
        first, last = _date(self.first.date()), _date(self.last.date())
        if last < first:
            self.message.setText(
                self.tr("Not written: the last day %1 is before the first %2")
                .replace("%1", str(last))
                .replace("%2", str(first))
            )
            return
        db, lang = self.context.db, self._language()
        self._write(
            "events_export",
            lambda: export_events(db, path, start=first, end=last, lang=lang),
            lambda count: (
                self.tr("%1 events written to %2").replace("%1", str(count)).replace("%2", str(path))
            ),
        )

    def choose_export_ics(self) -> None:
        code = self.venue.currentData()
        if code is None:
            return
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Bookings of a venue"), f"{code}.ics", self.tr("Calendars (*.ics)")
        )
        if path:
            self.export_ics(str(code), Path(path if path.lower().endswith(".ics") else path + ".ics"))

    def export_ics(self, venue: str, path: Path) -> None:
        db = self.context.db
        self._write(
            "ics_export",
            lambda: write_venue_ics(db, venue, path),
            lambda count: (
                self.tr("%1 bookings of %2 written to %3")
                .replace("%1", str(count))
                .replace("%2", venue)
                .replace("%3", str(path))
            ),
        )

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Files for others"))
        self._events_label.setText(self.tr("Events (national platform)"))
        self.events_button.setText(self.tr("Save Excel…"))
        self._venue_label.setText(self.tr("A venue's bookings"))
        self.ics_button.setText(self.tr("Save calendar (.ics)…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
