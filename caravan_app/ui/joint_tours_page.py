"""Joint tours (联动): which caravans may also serve which regions. Listed, added, edited and ended here,
each change undoable; the planners read them on their next solve."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.services import joint_tours, permissions
from caravan_app.services.joint_tours import JointTourDraft, JointTourView
from caravan_app.ui.commands import DatabaseCommand, Feedback, RowRef
from caravan_app.ui.context import AppContext
from caravan_app.ui.outcomes import error_text
from caravan_app.ui.table_model import RowsModel

ENTITY = "joint_tours"


class JointTourCommand(DatabaseCommand):
    """A joint tour added, edited or ended; undone by putting back what was there before. Every
    command on one joint tour shares its RowRef, so each starts from the version the last one left."""

    def __init__(
        self,
        db: Database,
        feedback: Feedback,
        text: str,
        ref: RowRef,
        before: tuple[JointTourDraft, date | None] | None,
        after: tuple[JointTourDraft, date | None],
    ) -> None:
        super().__init__(db, feedback, text)
        self.ref, self.before, self.after = ref, before, after

    def _put(self, state: tuple[JointTourDraft, date | None] | None) -> None:
        if state is None:  # undoing an addition
            joint_tours.delete_joint_tour(self.db, self.ref.id, self.ref.version)
            self.feedback.removed(ENTITY, self.ref.id)
            return
        draft, ended = state
        if self.before is None:  # redoing an addition: a new row, which the ref follows
            view = joint_tours.add_joint_tour(self.db, draft)
            self.ref.id = view.id
        else:
            view = joint_tours.set_joint_tour(self.db, self.ref.id, self.ref.version, draft, ended)
        self.ref.version = view.version
        self.feedback.changed(ENTITY, view.id)

    def apply(self) -> None:
        self._put(self.after)

    def revert(self) -> None:
        self._put(self.before)


class JointTourDialog(QDialog):
    """A joint tour's name, caravans, regions and notes."""

    def __init__(
        self,
        caravans: list[tuple[str, str]],
        regions: list[tuple[str, str]],
        draft: JointTourDraft | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("joint_tour_dialog")
        self.setWindowTitle(self.tr("Joint tour"))
        self.name = QLineEdit(draft.name if draft else "")
        self.name.setObjectName("name")
        self.caravans = self._checklist("caravans", caravans, set(draft.caravans) if draft else set())
        self.regions = self._checklist("regions", regions, set(draft.regions) if draft else set())
        self.filter = QLineEdit()
        self.filter.setObjectName("region_filter")
        self.filter.setPlaceholderText(self.tr("Find a city or county"))
        self.filter.textChanged.connect(self._filter)
        self.notes = QLineEdit(draft.notes if draft else "")
        self.notes.setObjectName("notes")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        regions_box = QVBoxLayout()
        regions_box.addWidget(self.filter)
        regions_box.addWidget(self.regions)
        lists = QHBoxLayout()
        lists.addWidget(self.caravans)
        lists.addLayout(regions_box)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("These caravans may also serve these regions:")))
        layout.addLayout(lists)
        layout.addWidget(buttons)
        self.resize(640, 560)

    @staticmethod
    def _checklist(name: str, items: list[tuple[str, str]], ticked: set[str]) -> QListWidget:
        box = QListWidget()
        box.setObjectName(name)
        for code, text in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in ticked else Qt.CheckState.Unchecked)
            box.addItem(item)
        return box

    def _filter(self, text: str) -> None:
        for i in range(self.regions.count()):
            item = self.regions.item(i)
            item.setHidden(bool(text) and text not in item.text())

    @staticmethod
    def _ticked(box: QListWidget) -> tuple[str, ...]:
        return tuple(
            str(box.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked
        )

    def tick(self, box: QListWidget, codes: set[str]) -> None:
        for i in range(box.count()):
            item = box.item(i)
            if str(item.data(Qt.ItemDataRole.UserRole)) in codes:
                item.setCheckState(Qt.CheckState.Checked)

    def draft(self) -> JointTourDraft:
        return JointTourDraft(
            self.name.text().strip(),
            self._ticked(self.caravans),
            self._ticked(self.regions),
            self.notes.text(),
        )


class JointToursPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_joint_tours")
        self.context = context
        self.views: list[JointTourView] = []
        self.locked: set[int] | None = None
        self.dialog: JointTourDialog | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = RowsModel(self)
        self.table = QTableView()
        self.table.setObjectName("joint_tours")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.add_button, self.edit_button, self.end_button = QPushButton(), QPushButton(), QPushButton()
        self.add_button.setObjectName("add_joint_tour")
        self.edit_button.setObjectName("edit_joint_tour")
        self.end_button.setObjectName("end_joint_tour")
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(lambda: self.open_dialog(self.selected()))
        self.end_button.clicked.connect(lambda: self.end_or_resume())
        self.last_day = QDateEdit(QDate.currentDate())
        self.last_day.setObjectName("last_day")
        self.last_day.setCalendarPopup(True)
        self.message = QLabel()
        self.message.setObjectName("joint_tour_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.last_day)
        buttons.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        context.bus.data_changed.connect(self._data_changed)
        self.retranslate_ui()

    def _data_changed(self, entity: str) -> None:
        if entity in (ENTITY, "*"):
            self.refresh()

    def showEvent(self, event: object) -> None:
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        self.views = joint_tours.joint_tours(self.context.db)
        self.locked = permissions.locked_joint_tours(self.context.db)
        rows = [
            (
                v.code,
                v.name,
                self.tr(", ").join(v.caravans),
                self.tr(", ").join(name for _a, name in v.regions),
                self.tr("ended after %1").replace("%1", str(v.ended_on))
                if v.ended_on
                else self.tr("running"),
                v.notes,
            )
            for v in self.views
        ]
        self.model.set_rows(
            ["code", "name", "caravans", "regions", "state", "notes"],
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Caravans"),
                self.tr("May also serve"),
                self.tr("State"),
                self.tr("Notes"),
            ],
            rows,
            [v.id for v in self.views],
            [v.version for v in self.views],
        )
        self.table.resizeColumnsToContents()
        self._selected()

    def selected(self) -> JointTourView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.views[rows[0].row()] if rows and rows[0].row() < len(self.views) else None

    def select(self, code: str) -> None:
        for row, v in enumerate(self.views):
            if v.code == code:
                self.table.selectRow(row)

    def _selected(self) -> None:
        view = self.selected()
        # One reaching beyond the account's caravans or regions is the province's (or that city's).
        locked = view is not None and self.locked is not None and view.id in self.locked
        self.edit_button.setEnabled(view is not None and not locked)
        self.end_button.setEnabled(view is not None and not locked)
        self.last_day.setEnabled(view is not None and view.ended_on is None and not locked)
        tip = (
            self.tr("Read-only: this joint tour reaches beyond your account's caravans and regions.")
            if locked
            else ""
        )
        self.edit_button.setToolTip(tip)
        self.end_button.setToolTip(tip)
        self.end_button.setText(
            self.tr("Run again") if view is not None and view.ended_on is not None else self.tr("End after")
        )

    # --- changes ----------------------------------------------------------------------------------

    def open_dialog(self, view: JointTourView | None) -> JointTourDialog:
        caravans, regions = joint_tours.choices(self.context.db)
        self.dialog = JointTourDialog(caravans, regions, joint_tours.draft_of(view) if view else None, self)
        self.dialog.accepted.connect(lambda: self.save(view, self.dialog.draft() if self.dialog else None))
        self.dialog.open()
        return self.dialog

    def save(self, view: JointTourView | None, draft: JointTourDraft | None) -> bool:
        """Add a joint tour (`view` None) or change one, as the dialog left it."""
        if draft is None:
            return False
        try:
            if view is None:
                saved = joint_tours.add_joint_tour(self.context.db, draft)
                before = None
                text = self.tr("Add joint tour %1").replace("%1", saved.code)
            else:
                saved = joint_tours.edit_joint_tour(self.context.db, view.id, view.version, draft)
                before = (joint_tours.draft_of(view), view.ended_on)
                text = self.tr("Edit joint tour %1").replace("%1", saved.code)
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            self.refresh()
            return False
        ref = self.context.refs.reset(ENTITY, saved.id, saved.version)
        self.context.undo_stack.push(
            JointTourCommand(
                self.context.db, self.context.feedback, text, ref, before, (draft, saved.ended_on)
            )
        )
        self.refresh()
        self.select(saved.code)
        return True

    def end_or_resume(self) -> bool:
        """End the selected joint tour after the chosen day, or let an ended one run again."""
        view = self.selected()
        if view is None:
            return False
        day = self.last_day.date()
        ended = None if view.ended_on is not None else date(day.year(), day.month(), day.day())
        try:
            saved = joint_tours.end_joint_tour(self.context.db, view.id, view.version, ended)
        except CaravanError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            self.refresh()
            return False
        text = (self.tr("End joint tour %1") if ended else self.tr("Run joint tour %1 again")).replace(
            "%1", saved.code
        )
        draft = joint_tours.draft_of(view)
        ref = self.context.refs.reset(ENTITY, saved.id, saved.version)
        self.context.undo_stack.push(
            JointTourCommand(
                self.context.db, self.context.feedback, text, ref, (draft, view.ended_on), (draft, ended)
            )
        )
        self.refresh()
        self.select(saved.code)
        return True

    # --- language ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Joint tours (联动)"))
        self.intro.setText(
            self.tr(
                "A joint tour lets the caravans it lists also serve the cities and counties it lists. The "
                "tour planner's Linkage tab proposes them; an ended joint tour is kept for the record and no "
                "longer used for plans that start after its last day."
            )
        )
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        if self.isVisible():
            self.refresh()
        else:
            self._selected()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
