"""Typed errors that lower layers raise and the command line or the UI shows to the user."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


class CaravanError(Exception):
    """An error the user can act on, shown with no traceback.

    `str()` is English, for the command line and the log. Where the window may show it, the error
    also carries a `code` and the `values` it names, and the window words it in its own language
    (ui/outcomes.py); an error without a code is shown as its English message.
    """

    code: str = ""

    def __init__(self, message: str, *, code: str = "", **values: object) -> None:
        super().__init__(message)
        if code:
            self.code = code
        self.values = values


class ConflictError(CaravanError):
    """Someone else saved the same row since it was read; nothing was overwritten."""

    def __init__(self, table: str, key: str, detail: str = "") -> None:
        self.table = table
        self.key = key
        message = (
            f"{table} {key} was changed by someone else since you opened it; "
            "nothing was saved. Reload it and make your change again."
        )
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class DatabaseError(CaravanError):
    """The database could not be reached, opened or upgraded."""


class NotPermitted(CaravanError):
    """The database server refused a change the signed-in account may not make (PostgreSQL's grants,
    row-level security or the program's guard triggers); nothing was saved.

    `table` is the table refused, `row` the row's code or name when the server named it, `action`
    insert, update or delete (empty when unknown)."""

    def __init__(self, table: str, row: str = "", action: str = "") -> None:
        self.table = table
        self.row = row
        self.action = action
        verb = {"insert": "add to", "update": "change", "delete": "delete from"}.get(action, "change")
        what = f"{table} ({row})" if row else table
        super().__init__(
            f"the server refused it: your account may not {verb} {what}; nothing was saved",
            code="not_permitted",
            table=table,
            row=row,
            action=action,
        )


class IntegrityViolation(CaravanError):
    """A save broke a rule the database holds (unique code, reference, check)."""


@dataclass(frozen=True)
class ImportProblem:
    """One problem in an imported file: where it is and why it is refused. `reason` is English (the
    command line, the log); `code` and `values` are what the window words in its own language."""

    sheet: str
    row: int | None
    column: str
    value: str
    reason: str
    code: str = field(default="", compare=False)
    values: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        where = self.sheet
        if self.row is not None:
            where += f" row {self.row}"
        if self.column:
            where += f", column {self.column}"
        value = f" value {self.value!r}:" if self.value != "" else ""
        return f"{where}:{value} {self.reason}"


class ImportRejected(CaravanError):
    """A file was refused as a whole; `problems` lists every problem found, nothing was written."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        lines = [f"import refused, nothing written: {len(problems)} problem(s)"]
        lines += [f"  {p}" for p in problems]
        super().__init__("\n".join(lines))


class KitError(CaravanError):
    """A field kit file cannot be used: damaged, truncated, tampered with, or of another version."""


class KitRecordInvalid(KitError):
    """A field entry breaks a rule; `field` and `value` name what is wrong (and `seq` the record)."""

    def __init__(
        self,
        field: str,
        value: object,
        reason: str,
        seq: int | None = None,
        *,
        rule: str = "",
        **values: object,
    ) -> None:
        self.field = field
        self.value = value
        self.reason = reason  # English, for the command line and the log
        self.rule = rule  # the rule broken, for a window to word with `rule_values`
        self.rule_values = values
        self.seq = seq
        where = f"record {seq}: " if seq is not None else ""
        super().__init__(f"{where}{field}: {value} {reason}")


class KitOutOfScope(KitError):
    """A kit's record reaches beyond what the database gave the kit: a stop, day or exhibit that is not
    part of its trip or placement as exported (or, for a kit it has no copy of, as it stands)."""

    def __init__(self, kind: str, subject: str, seq: int | None, field: str, value: object) -> None:
        self.kind = kind  # trip | placement
        self.subject = subject  # its code
        self.seq = seq
        self.field = field
        self.value = value
        where = f"record {seq}: " if seq is not None else ""
        super().__init__(
            f"{where}{field} {value} is not part of {kind} {subject} as this database exported it; "
            "nothing was imported",
            code="kit_out_of_scope",
            kind=kind,
            subject=subject,
            seq=seq,
            field=field,
            value=value,
        )


class KitHoldsRecords(CaravanError):
    """Writing a kit would replace a kit whose field records the office has not imported yet."""

    def __init__(self, path: str, waiting: int) -> None:
        self.path = path
        self.waiting = waiting
        super().__init__(
            f"{path} is a field kit holding {waiting} record(s) not yet imported; import it first or "
            "write the new kit to another file (--force replaces it and its records are lost)"
        )


class KitConflict(CaravanError):
    """The trip or placement of a kit was changed in the office since the kit was exported."""

    def __init__(self, code: str, changes: Sequence[object]) -> None:
        self.code = code
        self.changes = list(changes)  # OfficeChange: str() is English, `what` and `values` for a window
        super().__init__(
            f"{code} was changed in the office since the kit was exported: {'; '.join(map(str, changes))}. "
            "Nothing was imported; import with --accept-conflict to take the field records anyway."
        )
