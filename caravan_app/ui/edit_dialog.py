"""The edit form of one row: a field per column, checked as the user types, Save enabled only when
every field can be saved. The dialog never writes; its owner saves through a service and keeps
the dialog open (with what was typed) when the save is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caravan_app.services import inventory
from caravan_app.services.inventory import Choice, ColumnSpec, Kind, OneOfCheck, OrderCheck
from caravan_app.ui.fields import FieldError, order_problem, parse_text, text_of
from caravan_app.ui.labels import column_title, entity_noun, enum_labels, place_text, weekdays_text

# Exhibits change place only by a move (which writes the movement history), except when added.
PLACE_ATTRS = ("depot_id", "caravan_id", "set_id", "workshop_id")


class WeekdaysEditor(QWidget):
    """A venue's opening weekdays as a box per day, named in the window's language; its value is
    the digits 1 (Monday) to 7 (Sunday) of the days ticked, e.g. "12345"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = [QCheckBox() for _ in range(7)]
        for day, box in enumerate(self.boxes, start=1):
            box.setObjectName(f"weekday_{day}")
            box.toggled.connect(lambda _on: self.changed.emit())
            layout.addWidget(box)
        layout.addStretch(1)
        self.retranslate_ui()

    def digits(self) -> str:
        return "".join(str(day) for day, box in enumerate(self.boxes, start=1) if box.isChecked())

    def set_digits(self, digits: str) -> None:
        for day, box in enumerate(self.boxes, start=1):
            box.blockSignals(True)
            box.setChecked(str(day) in digits)
            box.blockSignals(False)
        self.changed.emit()

    def text(self) -> str:
        return weekdays_text(self.digits()) if self.digits() else ""

    def retranslate_ui(self) -> None:
        for day, box in enumerate(self.boxes, start=1):
            box.setText(QLocale().dayName(day, QLocale.FormatType.ShortFormat))


class RecordDialog(QDialog):
    """Add or edit one row of `entity`; `values` are the row's current values (None to add)."""

    save_requested = Signal(dict)

    def __init__(
        self,
        entity: str,
        values: Mapping[str, Any] | None,
        ref_choices: Mapping[str, list[Choice]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"edit_{entity}")
        self.entity = entity
        self.adding = values is None
        self.original: dict[str, Any] = dict(values or {})
        self.sheet = inventory.spec(entity)
        self.columns: list[ColumnSpec] = [
            c
            for c in self.sheet.columns
            if not (entity == "exhibits" and c.attr in PLACE_ATTRS and not self.adding)
        ]
        self._ref_choices = ref_choices
        self.editors: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self.problems: list[str] = []

        form_host = QWidget()
        self._form = QFormLayout(form_host)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for col in self.columns:
            editor = self._editor(col)
            editor.setObjectName(f"field_{col.attr}")
            label = QLabel()
            self._labels[col.attr] = label
            self.editors[col.attr] = editor
            self._form.addRow(label, editor)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)

        self.message = QLabel()
        self.message.setObjectName("validation_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 640)
        self.fill(self.original)
        self.retranslate_ui()

    # --- building ------------------------------------------------------------------------------

    def _editor(self, col: ColumnSpec) -> QWidget:
        if col.kind is Kind.ENUM:
            box = QComboBox()
            assert col.enum is not None
            if not col.required:
                box.addItem("", None)
            for member in col.enum:
                box.addItem(member.value, member.value)
            box.currentIndexChanged.connect(self.validate)
            return box
        if col.kind is Kind.BOOL:
            box = QComboBox()
            box.addItem("", True)
            box.addItem("", False)
            box.currentIndexChanged.connect(self.validate)
            return box
        if col.kind is Kind.REF:
            box = QComboBox()
            box.setEditable(True)
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            box.addItem("", "")
            for choice in self._ref_choices.get(col.ref or "", []):
                box.addItem(f"{choice.code} — {choice.name}", choice.code)
            completer = box.completer()
            if completer is not None:
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            box.editTextChanged.connect(self.validate)
            return box
        if col.kind is Kind.WEEKDAYS:
            days = WeekdaysEditor()
            days.changed.connect(self.validate)
            return days
        edit = QLineEdit()
        edit.textChanged.connect(self.validate)
        return edit

    def retranslate_ui(self) -> None:
        noun = entity_noun(self.entity)
        self.setWindowTitle(
            self.tr("New %1").replace("%1", noun)
            if self.adding
            else self.tr("Edit %1 %2")
            .replace("%1", noun)
            .replace("%2", str(self.original.get(self.sheet.natural_key[0], "")))
        )
        labels = enum_labels()
        for col in self.columns:
            title = column_title(col.attr)
            self._labels[col.attr].setText(f"{title}{' *' if col.required else ''}")
            editor = self.editors[col.attr]
            if isinstance(editor, QComboBox) and col.kind is Kind.ENUM and col.enum is not None:
                for i in range(editor.count()):
                    code = editor.itemData(i)
                    if code is not None:
                        editor.setItemText(i, labels.get(col.enum.__name__, {}).get(code, code))
            elif isinstance(editor, QComboBox) and col.kind is Kind.BOOL:
                editor.setItemText(0, self.tr("Yes"))
                editor.setItemText(1, self.tr("No"))
            elif isinstance(editor, QLineEdit):
                editor.setPlaceholderText(self._hint(col))
            elif isinstance(editor, WeekdaysEditor):
                editor.retranslate_ui()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.validate()

    def _hint(self, col: ColumnSpec) -> str:
        return {
            Kind.DATE: self.tr("YYYY-MM-DD"),
            Kind.TIME: self.tr("HH:MM"),
            Kind.THEMES: self.tr("themes separated by 、"),
            Kind.ENUM_LIST: self.tr("e.g. III、IV; empty: any type"),
        }.get(col.kind, "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- values --------------------------------------------------------------------------------

    def fill(self, values: Mapping[str, Any]) -> None:
        for col in self.columns:
            self._set_field(col, values.get(col.attr))
        self.validate()

    def _set_field(self, col: ColumnSpec, value: Any) -> None:
        editor = self.editors[col.attr]
        if isinstance(editor, QComboBox) and col.kind is Kind.REF:
            found = editor.findData(value if value is not None else "")
            if found >= 0:
                editor.setCurrentIndex(found)
            else:
                editor.setEditText(str(value or ""))
        elif isinstance(editor, QComboBox):
            if col.kind is Kind.BOOL and value is None:
                value = True
            if isinstance(value, Enum):
                value = value.value
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, WeekdaysEditor):
            editor.set_digits(str(value or ""))
        elif isinstance(editor, QLineEdit):
            editor.setText(text_of(col, value))

    def typed_text(self) -> dict[str, str]:
        """What the user sees in each field, by column title: kept and shown when a save fails."""
        out = {}
        for col in self.columns:
            editor = self.editors[col.attr]
            text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()  # type: ignore[attr-defined]
            out[column_title(col.attr)] = text
        return out

    def _ref_code(self, box: QComboBox) -> str:
        text = box.currentText().strip()
        index = box.findText(text)
        if index >= 0:
            return str(box.itemData(index) or "")
        return text.split(" — ")[0].strip()

    def read(self) -> tuple[dict[str, Any], list[str]]:
        """The typed values and the problems with them (each naming its field and value)."""
        values: dict[str, Any] = {}
        problems: list[str] = []
        for col in self.columns:
            editor = self.editors[col.attr]
            title = column_title(col.attr)
            if isinstance(editor, QComboBox) and col.kind is Kind.REF:
                code = self._ref_code(editor)
                known = {str(editor.itemData(i)) for i in range(editor.count())}
                if code and code not in known:
                    problems.append(
                        self.tr('%1: "%2" is not a known code').replace("%1", title).replace("%2", code)
                    )
                    continue
                value: Any = code or None
            elif isinstance(editor, QComboBox):
                value = editor.currentData()
                if col.kind is Kind.ENUM and value is not None:
                    assert col.enum is not None
                    value = col.enum(value)
            elif isinstance(editor, WeekdaysEditor):
                value = editor.digits()
                if not value:
                    problems.append(self.tr("%1: tick at least one day").replace("%1", title))
                    continue
            else:
                assert isinstance(editor, QLineEdit)
                text = editor.text()
                try:
                    value = parse_text(col, text, inventory.text_length(self.entity, col.attr))
                except FieldError as exc:
                    problems.append(
                        self.tr('%1: "%2" %3')
                        .replace("%1", title)
                        .replace("%2", text.strip())
                        .replace("%3", str(exc))
                    )
                    continue
            if value is None and col.required:
                problems.append(self.tr("%1: must be filled in").replace("%1", title))
                continue
            values[col.attr] = value
        for check in self.sheet.checks:
            if isinstance(check, OrderCheck):
                problem = order_problem(check, values)
                if problem is not None:
                    problems.append(
                        self.tr('%1: "%2" comes before %3 "%4"')
                        .replace("%1", column_title(check.later))
                        .replace("%2", text_of(self.sheet.column(check.later), values[check.later]))
                        .replace("%3", column_title(check.earlier))
                        .replace("%4", text_of(self.sheet.column(check.earlier), values[check.earlier]))
                    )
            elif isinstance(check, OneOfCheck) and all(a in values for a in check.attrs):
                filled = [a for a in check.attrs if values.get(a)]
                if len(filled) > 1 or (not check.at_most and not filled):
                    names = "、".join(column_title(a) for a in check.attrs)
                    problems.append(self.tr("exactly one of %1 must be filled in").replace("%1", names))
        # Blank optional text fields keep the model's default rather than NULL.
        for col in self.columns:
            if values.get(col.attr) is None and col.kind in (Kind.TEXT, Kind.THEMES, Kind.ENUM_LIST):
                if col.attr in values and not col.required:
                    values[col.attr] = ""
        return values, problems

    def changed_values(self) -> dict[str, Any]:
        values, _problems = self.read()
        if self.adding:
            return {k: v for k, v in values.items() if v is not None}
        return {
            k: v
            for k, v in values.items()
            if self.original.get(k) != v and not (v == "" and self.original.get(k) is None)
        }

    def validate(self) -> None:
        if not hasattr(self, "buttons"):
            return
        _values, self.problems = self.read()
        self.message.setText("\n".join(self.problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not self.problems)

    def _save(self) -> None:
        self.validate()
        if self.problems:
            return
        self.save_requested.emit(self.changed_values())

    def rebase(self, values: Mapping[str, Any]) -> None:
        """The row was reloaded: the fields the user changed keep what they typed, the others
        show the newly saved values (so a save changes only what the user changed)."""
        mine = self.changed_values()
        self.original = dict(values)
        by_attr = {col.attr: col for col in self.columns}
        for col in self.columns:
            self._set_field(col, values.get(col.attr))
        for attr, value in mine.items():
            self._set_field(by_attr[attr], value)
        self.validate()


def describe_place(values: Mapping[str, Any]) -> str:
    for kind, attr in zip(("depot", "caravan", "set", "workshop"), PLACE_ATTRS, strict=True):
        if values.get(attr):
            return place_text(f"{kind}:{values[attr]}")
    return ""
