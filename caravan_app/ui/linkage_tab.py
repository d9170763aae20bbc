"""The tour planner's Linkage (联动) tab: how much the region rules cost the term's plan, and the joint
tours that would win it back, each measured by re-planning; the chosen ones are stored as joint tours
(undoable) and the term is re-planned with them, keeping the shown plan's locks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caravan_app.domain.linkage import JointTourProposal, LinkageStep, PlanFigures
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.services.linkage import (
    LinkageAdvice,
    accept_proposals,
    advise_linkage,
    linkage_pdf,
    remove_joint_tours,
)
from caravan_app.ui.background import Operation, TaskState
from caravan_app.ui.commands import DatabaseCommand, Feedback
from caravan_app.ui.context import AppContext
from caravan_app.ui.outcomes import error_text
from caravan_app.ui.pdf_output import ask_save_path, save_pdf_to
from caravan_app.ui.table_model import RowsModel


class AcceptLinkageCommand(DatabaseCommand):
    """Proposals stored as joint tours; undone by removing them, redone by storing them again."""

    def __init__(
        self,
        db: Database,
        feedback: Feedback,
        text: str,
        proposals: list[JointTourProposal],
        codes: list[str],
    ) -> None:
        super().__init__(db, feedback, text)
        self.proposals, self.codes = proposals, codes

    def apply(self) -> None:
        self.codes = accept_proposals(self.db, self.proposals)
        self.feedback.changed("joint_tours", 0)

    def revert(self) -> None:
        remove_joint_tours(self.db, self.codes)
        self.feedback.changed("joint_tours", 0)


class LinkageTab(QWidget):
    """Advise, look, accept."""

    def __init__(
        self,
        context: AppContext,
        horizon: Callable[[], tuple[date, date]],
        replan: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linkage_tab")
        self.context = context
        self.horizon = horizon  # the planner's dates
        self.replan = replan  # the planner re-solves, keeping the shown plan's locks
        self.advice: LinkageAdvice | None = None
        self.operation: Operation | None = None

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.max_tours = QSpinBox()
        self.max_tours.setObjectName("max_joint_tours")
        self.max_tours.setRange(1, 20)
        self.max_tours.setValue(8)
        self.seconds = QDoubleSpinBox()
        self.seconds.setObjectName("seconds_per_plan")
        self.seconds.setRange(1, 600)
        self.seconds.setValue(30)
        self.advise_button = QPushButton()
        self.advise_button.setObjectName("advise")
        self.advise_button.clicked.connect(lambda: self.start())
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stop_advice")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.cancel)
        self.status = QLabel()
        self.status.setObjectName("linkage_status")
        self.status.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setObjectName("linkage_figures")
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = RowsModel(self)
        self.table = QTableView()
        self.table.setObjectName("proposals")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("accept_proposals")
        self.accept_button.setEnabled(False)
        self.accept_button.clicked.connect(lambda: self.accept())
        self.print_button = QPushButton()
        self.print_button.setObjectName("print_proposal")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.choose_print)

        form = QFormLayout()
        self._max_label, self._seconds_label = QLabel(), QLabel()
        form.addRow(self._max_label, self.max_tours)
        form.addRow(self._seconds_label, self.seconds)
        buttons = QHBoxLayout()
        buttons.addWidget(self.advise_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.figures)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()

    # --- advising ---------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.operation is not None and self.operation.running

    def start(self) -> bool:
        if self.running:
            return False
        start, end = self.horizon()
        db, most, seconds = self.context.db, self.max_tours.value(), self.seconds.value()

        def work(state: TaskState) -> LinkageAdvice:
            return advise_linkage(
                db,
                start,
                end,
                max_joint_tours=most,
                control=state.control(seconds),
                on_step=lambda step, number: state.report((step, number), every=True),
            )

        self.advice = None
        self.model.set_rows([], [], [])
        self.figures.setText("")
        self.accept_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.advise_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText(self.tr("Planning the term as the rules stand…"))
        self.operation = (
            Operation(self, work, "linkage_advice")
            .progress(self._step)
            .success(self._advised)
            .failure(self._failed)
            .finished(self._ended)
            .run()
        )
        return True

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
            self.stop_button.setEnabled(False)

    def _step(self, report: object) -> None:
        if not isinstance(report, tuple):
            return
        step, number = report
        if step is LinkageStep.BASELINE:
            self.status.setText(self.tr("Planning the term as the rules stand…"))
        elif step is LinkageStep.POTENTIAL:
            self.status.setText(self.tr("Planning the term with every caravan allowed everywhere…"))
        else:
            self.status.setText(self.tr("Re-planning with proposal %1…").replace("%1", str(number)))

    def _ended(self) -> None:
        self.advise_button.setEnabled(True)
        self.stop_button.setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CaravanError):
            raise exc
        self.status.setText(self.tr("No advice: %1").replace("%1", error_text(exc)))

    def _advised(self, advice: LinkageAdvice) -> None:
        self.advice = advice
        self.status.setText(
            self.tr("Joint tours proposed: %1.").replace("%1", str(len(advice.proposals)))
            if advice.proposals
            else self.tr("No joint tour would serve more requests.")
        )
        self.figures.setText(
            "\n".join(
                (
                    self._figures_line(self.tr("Rules as they stand"), advice.baseline),
                    self._figures_line(self.tr("Every caravan anywhere"), advice.potential),
                    self._figures_line(self.tr("With every proposal"), advice.with_all_proposals),
                )
            )
        )
        names, homes = advice.region_names, advice.caravan_homes
        rows = []
        for number, p in enumerate(advice.proposals, start=1):
            tour, gain = p.joint_tour, p.gain
            rows.append(
                (
                    number,
                    f"{gain.served:+d}",
                    f"{gain.key_county:+d}",
                    f"{gain.township:+d}",
                    f"{gain.km:+,.0f}",
                    self.tr(", ").join(names.get(r, r) for r in tour.regions),
                    self.tr(", ").join(f"{c} ({names.get(homes.get(c, ''), '')})" for c in tour.caravans),
                    self.tr(", ").join(f"{c} {n:+d}" for c, n in gain.days_per_caravan.items()),
                )
            )
        self.model.set_rows(
            ["number", "served", "key_county", "township", "km", "regions", "caravans", "days"],
            [
                "#",
                self.tr("Requests"),
                self.tr("Key county"),
                self.tr("Township"),
                self.tr("Km"),
                self.tr("May also serve"),
                self.tr("Caravans"),
                self.tr("Days on the road"),
            ],
            rows,
        )
        self.table.resizeColumnsToContents()
        for column in range(5, 8):  # the lists wrap instead of pushing the figures off screen
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 300))
        self.table.resizeRowsToContents()
        self.table.selectAll()
        self.accept_button.setEnabled(bool(advice.proposals))
        self.print_button.setEnabled(True)

    def _figures_line(self, label: str, f: PlanFigures) -> str:
        return (
            self.tr("%1: %2 of %3 requests served, key counties %4 of %5, %6 km, %7 caravans idle")
            .replace("%1", label)
            .replace("%2", str(f.served))
            .replace("%3", str(f.requests))
            .replace("%4", str(f.key_county_served))
            .replace("%5", str(f.key_county_requests))
            .replace("%6", f"{f.km:,.0f}")
            .replace("%7", str(len(f.utilisation.idle)))
        )

    # --- printing ---------------------------------------------------------------------------------

    def choose_print(self) -> None:
        if self.advice is None:
            return
        path = ask_save_path(self, f"linkage-{self.advice.start}-{self.advice.end}.pdf")
        if path is not None:
            self.print_to(path)

    def print_to(self, path: Path) -> None:
        """The proposal for the director, made in the background and written to `path`."""
        advice = self.advice
        if advice is None:
            return
        lang = "zh" if QLocale().name().startswith("zh") else "en"
        save_pdf_to(
            self,
            lambda: linkage_pdf(advice, lang),
            path,
            lambda saved: self.status.setText(self.tr("Saved %1").replace("%1", str(saved))),
        )

    # --- accepting --------------------------------------------------------------------------------

    def chosen(self) -> list[JointTourProposal]:
        if self.advice is None:
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.advice.proposals[r].joint_tour for r in rows if r < len(self.advice.proposals)]

    def accept(self) -> bool:
        """Store the chosen proposals as joint tours (undoable) and re-plan the term with them."""
        proposals = self.chosen()
        if not proposals:
            return False
        try:
            codes = accept_proposals(self.context.db, proposals)
        except CaravanError as exc:
            self.status.setText(self.tr("Not stored: %1").replace("%1", error_text(exc)))
            return False
        text = self.tr("Accept joint tours (%1)").replace("%1", str(len(codes)))
        self.context.undo_stack.push(
            AcceptLinkageCommand(self.context.db, self.context.feedback, text, proposals, codes)
        )
        self.accept_button.setEnabled(False)
        self.status.setText(
            self.tr("Stored joint tours %1; the term is re-planned with them.").replace(
                "%1", ", ".join(codes)
            )
        )
        self.replan()
        return True

    # --- language ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "The region rules keep caravans at home while requests next door go unserved. This plans "
                "the term as the rules stand, then with every caravan allowed everywhere (the most linkage "
                "can bring), and proposes the joint tours (联动) that win most of it back, each measured "
                "by re-planning."
            )
        )
        self._max_label.setText(self.tr("At most"))
        self.max_tours.setSuffix(self.tr(" joint tours"))
        self._seconds_label.setText(self.tr("Time per plan"))
        self.seconds.setSuffix(self.tr(" s"))
        self.advise_button.setText(self.tr("Advise"))
        self.stop_button.setText(self.tr("Stop"))
        self.accept_button.setText(self.tr("Accept the chosen and re-plan"))
        self.print_button.setText(self.tr("Print the proposal (PDF)…"))
        if self.advice is not None:
            self._advised(self.advice)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
