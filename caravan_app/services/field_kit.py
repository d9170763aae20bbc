"""Field kits: a caravan trip or a museum-set placement exported to one .ckit file, run offline on a
laptop (the field-mode window records through FieldKit), and imported back in one transaction.

This module is the kit on the laptop; kit_export.py writes kits and kit_import.py takes them back.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

from caravan_app.domain.kit import (
    CONDITION,
    CONTENTS_PART,
    DAMAGE,
    SHOW,
    Entry,
    KitContents,
    KitManifest,
    KitRecord,
    condition_payload,
    damage_payload,
    latest,
    parse_entry,
    show_payload,
)
from caravan_app.errors import KitError
from caravan_app.persistence import migrate
from caravan_app.persistence.kit_file import KitFile

PDF, HTML, JSON = "application/pdf", "text/html; charset=utf-8", "application/json"


# --- the kit on the laptop ------------------------------------------------------------------------


class FieldKit:
    """An open, verified kit: what the field-mode window shows and records into.

    Every record_* call checks the entry against the kit (KitRecordInvalid names the field and value)
    and saves it to the file in its own transaction before returning.
    """

    def __init__(self, file: KitFile) -> None:
        self._file = file
        self.path = file.path
        self.manifest = file.manifest
        self.contents = KitContents.from_json(file.part(CONTENTS_PART).decode("utf-8"))
        if (self.contents.kind, self.contents.code) != (self.manifest.kind, self.manifest.code):
            file.close()
            raise KitError(
                f"the kit's contents are of {self.contents.kind} {self.contents.code!r}, its manifest of "
                f"{self.manifest.kind} {self.manifest.code!r}",
                code="kit_field_invalid",
                field="code",
                value=self.contents.code,
            )

    def part(self, name: str) -> bytes:
        return self._file.part(name)

    def records(self) -> list[KitRecord]:
        """Every record in the order made, superseded ones included."""
        return self._file.records()

    def latest(self) -> list[KitRecord]:
        """The records no later one of the same key supersedes: what an import takes."""
        return latest(self.records())

    def entry(self, record: KitRecord) -> Entry:
        return parse_entry(record.kind, record.payload, self.contents, record.seq)

    def record_show(
        self,
        *,
        stop: int | None = None,
        day: date | None = None,
        status: str = "held",
        cancel_reason: str = "",
        start: time | None = None,
        end: time | None = None,
        visitors: int = 0,
        activity: str = "",
        audience: str = "",
        feedback: str = "",
        notes: str = "",
    ) -> KitRecord:
        """A show at a trip's stop (its seq) or on a day of a placement, held or cancelled with a reason."""
        payload = show_payload(
            stop=stop,
            day=day,
            status=status,
            cancel_reason=cancel_reason,
            start=start,
            end=end,
            visitors=visitors,
            activity=activity,
            audience=audience,
            feedback=feedback,
            notes=notes,
        )
        return self._record(SHOW, payload)

    def record_condition(
        self,
        *,
        exhibit: str,
        grade: str,
        fault: str = "",
        photo_path: str = "",
        checked_by: str = "",
        checked_on: date | None = None,
    ) -> KitRecord:
        payload = condition_payload(
            exhibit=exhibit,
            grade=grade,
            fault=fault,
            photo_path=photo_path,
            checked_by=checked_by,
            checked_on=checked_on or date.today(),
        )
        return self._record(CONDITION, payload)

    def record_damage(
        self, *, exhibit: str, kind: str = "damage", description: str, on: date | None = None
    ) -> KitRecord:
        """Damage to an exhibit, or its loss."""
        payload = damage_payload(exhibit=exhibit, kind=kind, description=description, on=on or date.today())
        return self._record(DAMAGE, payload)

    def _record(self, kind: str, payload: dict[str, Any]) -> KitRecord:
        parse_entry(kind, payload, self.contents)
        return self._file.append(kind, payload)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> FieldKit:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_kit(path: Path) -> FieldKit:
    """Open and verify a kit; needs no central database. KitError says why a kit is refused."""
    file = KitFile.open(Path(path), migrate.head_revision())
    try:
        return FieldKit(file)
    except BaseException:
        file.close()
        raise


def kit_summary(path: Path) -> KitManifest:
    """The manifest of a verified kit (for `kit show`)."""
    with open_kit(Path(path)) as kit:
        return kit.manifest


__all__ = ["FieldKit", "KitError", "kit_summary", "open_kit"]
