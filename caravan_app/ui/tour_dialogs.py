"""The tour planner's dialogs (caravans or requests to plan, moving a visit or placing an unserved
request where it fits, comparing two plans) and the undoable hand move of a visit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caravan_app.domain.outcomes import Refusal, TourRule, UnservedReason
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.services import tour_edits
from caravan_app.services.tour_edits import MoveChoices, MoveResult
from caravan_app.ui.background import Operation, Queue, TaskState
from caravan_app.ui.commands import DatabaseCommand, Feedback
from caravan_app.ui.outcomes import MoveRefused, error_text, refusal_text
from caravan_app.ui.table_model import RowsModel

# Hand moves of visits and their undo and redo: one at a time, in the order they were asked for.
MOVES = Queue()

# Rules about the day alone: a caravan refused on every day for one of these is better explained by
# another rule it breaks on some day.
DAY_RULES = (TourRule.SHOW_DAY_NOT_ALLOWED, TourRule.SHOW_NOT_WORKING_DAY, TourRule.SHOW_SCHOOL_HOLIDAY)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ChecklistDialog(QDialog):
    """Pick some of many items (caravans or requests); all are ticked to begin with."""

    def __init__(
        self, title: str, items: list[tuple[str, str]], chosen: set[str] | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget()
        self.list.setObjectName("checklist")
        for code, text in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = chosen is None or code in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        all_button, none_button = QPushButton(self.tr("All")), QPushButton(self.tr("None"))
        all_button.clicked.connect(lambda: self._tick(True))
        none_button.clicked.connect(lambda: self._tick(False))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(all_button)
        row.addWidget(none_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.resize(480, 560)

    def _tick(self, on: bool) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen(self) -> set[str]:
        return {
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        }


class MoveVisitDialog(QDialog):
    """Where to move a visit (or place an unserved request): only the caravans and first show days on
    which it keeps every rule, worked out in the background by the planner's schedule and the
    checker, each with the km it adds; and, for every other caravan, why not."""

    def __init__(
        self,
        request: str,
        venue: str,
        now: tuple[str, date] | None,
        why_unserved: str,
        work: Callable[[TaskState], MoveChoices],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("move_visit_dialog")
        self.request = request
        self.now = now
        self.choices: MoveChoices | None = None
        self.error = ""
        if now is None:
            self.setWindowTitle(self.tr("Place request %1 by hand").replace("%1", request))
            where = self.tr("%1 is unserved: %2").replace("%1", venue).replace("%2", why_unserved)
        else:
            self.setWindowTitle(self.tr("Move visit %1").replace("%1", request))
            where = (
                self.tr("%1, now with %2 on %3.")
                .replace("%1", venue)
                .replace("%2", now[0])
                .replace("%3", now[1].isoformat())
            )
        note = QLabel(
            where
            + " "
            + self.tr(
                "Only the caravans and days on which the visit keeps every rule are offered; "
                "it is locked where you put it."
            )
        )
        note.setWordWrap(True)
        self.status = QLabel(self.tr("Working out where it fits…"))
        self.status.setObjectName("choices_status")
        self.status.setWordWrap(True)
        self.caravan = QComboBox()
        self.caravan.setObjectName("caravan")
        self.caravan.currentIndexChanged.connect(lambda _i: self._show_choices())
        self.model = RowsModel(self)
        self.table = QTableView()
        self.table.setObjectName("choices")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.refused = QListWidget()
        self.refused.setObjectName("refused")
        self.refused.setWordWrap(True)
        self.refused.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._refused_label = QLabel(self.tr("Caravans it does not fit, and why"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_a: self.ok.setEnabled(self.chosen() is not None)
        )
        form = QFormLayout()
        form.addRow(self.tr("Caravan"), self.caravan)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.table, 3)
        layout.addWidget(self._refused_label)
        layout.addWidget(self.refused, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 560)
        self.working = (
            Operation(self, work, "move_choices").success(self.set_choices).failure(self._failed).run()
        )

    @property
    def busy(self) -> bool:
        return self.working.running

    def set_choices(self, choices: MoveChoices) -> None:
        self.choices = choices
        caravans = sorted({c.caravan for c in choices.choices})
        self.caravan.blockSignals(True)
        self.caravan.clear()
        self.caravan.addItem(self.tr("Every caravan it fits"), None)
        for code in caravans:
            count = sum(1 for c in choices.choices if c.caravan == code)
            self.caravan.addItem(self.tr("%1 (%2 days)").replace("%1", code).replace("%2", str(count)), code)
        self.caravan.blockSignals(False)
        if choices.choices:
            self.status.setText(
                self.tr("It fits on %1 caravan-days of %2 caravans (worked out in %3 s); fewest km first.")
                .replace("%1", str(len(choices.choices)))
                .replace("%2", str(len(caravans)))
                .replace("%3", f"{choices.seconds:.1f}")
            )
        else:
            self.status.setText(
                self.tr("It fits on no other caravan or day of this plan (worked out in %1 s).").replace(
                    "%1", f"{choices.seconds:.1f}"
                )
            )
        self.refused.clear()
        for code, refusal in why_not(choices, caravans):
            text = refusal_text(refusal)
            self.refused.addItem(text if code in text else f"{code}: {text}")
        self._show_choices()

    def _show_choices(self) -> None:
        if self.choices is None:
            return
        wanted = self.caravan.currentData()
        shown = [c for c in self.choices.choices if wanted is None or c.caravan == wanted]
        self.model.set_rows(
            ["caravan", "day", "km_added", "trip", "joins"],
            [
                self.tr("Caravan"),
                self.tr("First show day"),
                self.tr("km added"),
                self.tr("Trip (leaves – back)"),
                self.tr("How"),
            ],
            [
                (
                    c.caravan,
                    c.day,
                    c.km_added,
                    f"{c.leave:%m-%d %H:%M} – {c.back:%m-%d %H:%M}",
                    self.tr("with other shows") if c.joins_trip else self.tr("a trip of its own"),
                )
                for c in shown
            ],
        )
        self.table.resizeColumnsToContents()
        if shown:
            self.table.selectRow(0)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CaravanError):
            raise exc
        self.error = error_text(exc)
        self.status.setText(self.error)

    def chosen(self) -> tuple[str, date] | None:
        """The caravan and first show day chosen, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.choices is None:
            return None
        row = rows[0].row()
        day = self.model.value(row, "day")
        assert isinstance(day, date)
        return str(self.model.value(row, "caravan")), day

    def choose(self, caravan: str, day: date) -> bool:
        """Select the choice of `caravan` on `day` (for tests and the timeline); False if not offered."""
        self.caravan.setCurrentIndex(0)
        for row in range(self.model.rowCount()):
            if self.model.value(row, "caravan") == caravan and self.model.value(row, "day") == day:
                self.table.selectRow(row)
                return True
        return False


def why_not(choices: MoveChoices, fitting: list[str]) -> list[tuple[str, Refusal]]:
    """For each caravan the visit fits on no day of, the refusal of its most common rule."""
    by_caravan: dict[str, list[Refusal]] = {}
    for (caravan, _day), refusal in sorted(choices.refused.items()):
        if caravan not in fitting:
            by_caravan.setdefault(caravan, []).append(refusal)
    shown = []
    for caravan, refusals in sorted(by_caravan.items()):
        rules = Counter(r.rule for r in refusals)
        # The day rules (not one of its dates, not a working day) say little about a caravan.
        telling = [rule for rule, _n in rules.most_common() if rule not in DAY_RULES] or [
            rules.most_common(1)[0][0]
        ]
        shown.append((caravan, next(r for r in refusals if r.rule == telling[0])))
    return shown


class MoveVisitCommand(DatabaseCommand):
    """A visit moved (or an unserved request placed) by hand; undone by moving it back, or taking it
    out again, which the checker judges like any move.

    The move was made before the command is pushed; undo and redo move the visit again in the
    background, one after another through MOVES, each with the plan version the one before left."""

    def __init__(
        self,
        db: Database,
        feedback: Feedback,
        text: str,
        plan_id: int,
        plan_name: str,
        request: str,
        to: tuple[str, date],
        origin: tuple[str, date] | UnservedReason,
        plan_version: int,
    ) -> None:
        super().__init__(db, feedback, text)
        self.plan_id, self.plan_name, self.request = plan_id, plan_name, request
        self.to, self.origin, self.plan_version = to, origin, plan_version

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._move(self.to)

    def undo(self) -> None:
        self._move(self.origin)

    def _move(self, where: tuple[str, date] | UnservedReason) -> None:
        def work(_state: TaskState) -> MoveResult:
            # Read when the move starts, after the moves queued before it have recorded theirs.
            if isinstance(where, UnservedReason):
                result = tour_edits.take_out_visit(
                    self.db, self.plan_name, self.request, where, self.plan_version
                )
            else:
                result = tour_edits.move_visit(
                    self.db, self.plan_name, self.request, *where, self.plan_version
                )
            if result.refusal is not None:
                raise MoveRefused(result.refusal)
            return result

        Operation(None, work, "visit_move").success(self._moved).failure(self._failed).run(MOVES)

    def _moved(self, result: MoveResult) -> None:
        self.plan_version = result.plan_version
        self.feedback.changed("tour_stops", self.plan_id)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CaravanError):
            raise exc
        self.setObsolete(True)
        self.feedback.failed(exc)
