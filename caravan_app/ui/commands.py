"""Undoable edits: each QUndoCommand re-applies its change to the database through a service.

The first `redo` (Qt calls it on push) does nothing: the change was saved before the push, so a
refused save never enters the stack. Commands on one row share a RowRef, which knows the row's id
(a re-done addition gets a new one) and the version of our own last write, so undoing after
someone else's save is refused as a conflict instead of overwriting it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

from caravan_app.domain.enums import ExhibitStatus
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.services import inventory, tour_plans


@dataclass
class RowRef:
    entity: str
    id: int
    version: int


class RowRefs:
    """One RowRef per row for the whole window, so every command on a row sees the same version."""

    def __init__(self) -> None:
        self._refs: dict[tuple[str, int], RowRef] = {}

    def get(self, entity: str, row_id: int, version: int) -> RowRef:
        ref = self._refs.get((entity, row_id))
        if ref is None:
            ref = RowRef(entity, row_id, version)
            self._refs[(entity, row_id)] = ref
        return ref

    def reset(self, entity: str, row_id: int, version: int) -> RowRef:
        """A fresh base after a reload: our next write starts from what the database holds."""
        ref = self.get(entity, row_id, version)
        ref.version = version
        return ref

    def moved(self, ref: RowRef, new_id: int) -> None:
        self._refs.pop((ref.entity, ref.id), None)
        ref.id = new_id
        self._refs[(ref.entity, new_id)] = ref

    def clear(self) -> None:
        self._refs.clear()


class Feedback:
    """What commands tell the screen: a row changed, a row went, or a command failed."""

    def __init__(
        self,
        changed: Callable[[str, int], None],
        removed: Callable[[str, int], None],
        failed: Callable[[Exception], None],
    ) -> None:
        self.changed = changed
        self.removed = removed
        self.failed = failed


class DatabaseCommand(QUndoCommand):
    def __init__(self, db: Database, feedback: Feedback, text: str) -> None:
        super().__init__(text)
        self.db = db
        self.feedback = feedback
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except CaravanError as exc:
            self.setObsolete(True)
            self.feedback.failed(exc)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class SaveRecordCommand(DatabaseCommand):
    """An edit of some fields of one row."""

    def __init__(
        self,
        db: Database,
        feedback: Feedback,
        text: str,
        ref: RowRef,
        before: Mapping[str, Any],
        after: Mapping[str, Any],
    ) -> None:
        super().__init__(db, feedback, text)
        self.ref, self.before, self.after = ref, dict(before), dict(after)

    def _write(self, values: Mapping[str, Any]) -> None:
        saved = inventory.save_record(self.db, self.ref.entity, self.ref.id, self.ref.version, values)
        self.ref.version = saved.version
        self.feedback.changed(self.ref.entity, self.ref.id)

    def apply(self) -> None:
        self._write(self.after)

    def revert(self) -> None:
        self._write(self.before)


class AddRecordCommand(DatabaseCommand):
    """A new row; undone by deleting it, redone by adding it again (under a new id)."""

    def __init__(
        self,
        db: Database,
        feedback: Feedback,
        text: str,
        ref: RowRef,
        values: Mapping[str, Any],
        refs: RowRefs,
    ) -> None:
        super().__init__(db, feedback, text)
        self.ref, self.values, self.refs = ref, dict(values), refs

    def apply(self) -> None:
        saved = inventory.add_record(self.db, self.ref.entity, self.values)
        self.refs.moved(self.ref, saved.id)
        self.ref.version = saved.version
        self.feedback.changed(self.ref.entity, self.ref.id)

    def revert(self) -> None:
        inventory.delete_record(self.db, self.ref.entity, self.ref.id, self.ref.version)
        self.feedback.removed(self.ref.entity, self.ref.id)


class MoveExhibitCommand(DatabaseCommand):
    """An exhibit moved; undone by moving it back (both moves stay in its history)."""

    def __init__(
        self,
        db: Database,
        feedback: Feedback,
        text: str,
        ref: RowRef,
        to: inventory.Place,
        origin: inventory.Place,
        status_before: ExhibitStatus,
        status_after: ExhibitStatus | None,
        reason: str,
        undo_reason: str,
    ) -> None:
        super().__init__(db, feedback, text)
        self.ref, self.to, self.origin = ref, to, origin
        self.status_before, self.status_after = status_before, status_after
        self.reason, self.undo_reason = reason, undo_reason

    def apply(self) -> None:
        moved = inventory.move_exhibit(
            self.db, self.ref.id, self.ref.version, self.to, self.reason, self.status_after
        )
        self.ref.version = moved.version
        self.feedback.changed("exhibits", self.ref.id)

    def revert(self) -> None:
        moved = inventory.move_exhibit(
            self.db, self.ref.id, self.ref.version, self.origin, self.undo_reason, self.status_before
        )
        self.ref.version = moved.version
        self.feedback.changed("exhibits", self.ref.id)


class LockStopCommand(DatabaseCommand):
    """A visit locked (or unlocked) on its caravan and day in a tour plan."""

    def __init__(self, db: Database, feedback: Feedback, text: str, ref: RowRef, locked: bool) -> None:
        super().__init__(db, feedback, text)
        self.ref, self.locked = ref, locked

    def _write(self, locked: bool) -> None:
        self.ref.version = tour_plans.set_stop_locked(self.db, self.ref.id, self.ref.version, locked)
        self.feedback.changed("tour_stops", self.ref.id)

    def apply(self) -> None:
        self._write(self.locked)

    def revert(self) -> None:
        self._write(not self.locked)
