"""The tour planner's dialogs (caravans or requests to plan, moving a visit, comparing two plans)
and the undoable hand move of a visit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.services import tour_edits
from caravan_app.services.tour_edits import MoveResult
from caravan_app.services.tour_plans import PlanRow, TourPlanDetail
from caravan_app.ui.background import Operation, Queue, TaskState
from caravan_app.ui.commands import DatabaseCommand, Feedback
from caravan_app.ui.outcomes import MoveRefused
from caravan_app.ui.table_model import RowsModel

# Hand moves of visits and their undo and redo: one at a time, in the order they were asked for.
MOVES = Queue()


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
    """Where to move a visit: one of the plan's caravans, a first show day within the plan's dates."""

    def __init__(
        self, plan: TourPlanDetail, request: str, caravan: str, day: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("move_visit_dialog")
        self.setWindowTitle(self.tr("Move visit %1").replace("%1", request))
        self.request = request
        self.caravan = QComboBox()
        self.caravan.setObjectName("caravan")
        self.caravan.addItems(list(plan.caravans))
        self.caravan.setCurrentText(caravan)
        self.day = QDateEdit(qdate(day))
        self.day.setObjectName("day")
        self.day.setCalendarPopup(True)
        self.day.setDateRange(qdate(plan.plan.start), qdate(plan.plan.end))
        note = QLabel(
            self.tr("Now with %1 on %2. The moved visit is locked where you put it.")
            .replace("%1", caravan)
            .replace("%2", str(day))
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Caravan"), self.caravan)
        form.addRow(self.tr("Day"), self.day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)


class MoveVisitCommand(DatabaseCommand):
    """A visit moved by hand; undone by moving it back, which the checker judges like any move.

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
        origin: tuple[str, date],
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

    def _move(self, where: tuple[str, date]) -> None:
        def work(_state: TaskState) -> MoveResult:
            # Read when the move starts, after the moves queued before it have recorded theirs.
            result = tour_edits.move_visit(self.db, self.plan_name, self.request, *where, self.plan_version)
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


class CompareDialog(QDialog):
    """Two plans side by side: served, key counties, km and days on the road."""

    def __init__(self, plans: list[PlanRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_dialog")
        self.setWindowTitle(self.tr("Compare plans"))
        self.plans = plans
        self.model = RowsModel(self)
        self.first, self.second = QComboBox(), QComboBox()
        self.first.setObjectName("first")
        self.second.setObjectName("second")
        for box in (self.first, self.second):
            for plan in plans:
                box.addItem(plan.name, plan.id)
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.second.setCurrentIndex(1 if len(plans) > 1 else 0)
        self.table = QTableView()
        self.table.setObjectName("comparison")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        choose = QHBoxLayout()
        choose.addWidget(self.first)
        choose.addWidget(self.second)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 360)
        self.refresh()

    def refresh(self) -> None:
        by_id = {p.id: p for p in self.plans}
        a, b = by_id.get(self.first.currentData()), by_id.get(self.second.currentData())
        if a is None or b is None:
            return

        def figures(plan: PlanRow) -> list[float]:
            f = plan.tour
            return [
                float(f.served),
                float(f.requests),
                float(f.key_county_served),
                f.km,
                float(f.total_days_on_road),
                float(f.trips),
                float(f.show_days),
            ]

        names = [
            self.tr("Requests served"),
            self.tr("Requests"),
            self.tr("Key-county requests served"),
            self.tr("Kilometres"),
            self.tr("Days on the road"),
            self.tr("Trips"),
            self.tr("Show days"),
        ]
        rows = [(name, x, y, y - x) for name, x, y in zip(names, figures(a), figures(b), strict=True)]
        self.model.set_rows(
            ["figure", "first", "second", "difference"],
            [self.tr("Figure"), a.name, b.name, self.tr("Difference")],
            rows,
        )
