"""A field kit's manifest: what a kit is and holds (its id, kind and code, checked as this program
writes them, and each part's size and hash), the changes the office made since export, and the one
JSON spelling hashes are taken over. Shared by domain/kit.py, the kit file and export and import."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from caravan_app.errors import KitError

KIT_KINDS = ("trip", "placement")


# A code as the database holds it (up to 40 characters, no control characters) that does not look
# like a path: nothing from a kit becomes one, and a code that tries is a forged kit.
_PLAIN_CODE = re.compile(r"[^\x00-\x1f\x7f]{1,40}")
_PATH_LIKE = re.compile(r"^[/\\~.]|\.\.|^[A-Za-z]:")


def _checked_manifest(kit_id: str, kind: str, code: str) -> None:
    """A manifest names its kit, kind and code as this program writes them, or it is refused: they
    end up in file names, titles and queries, so nothing else may pass for them."""
    try:
        plain_id = str(uuid.UUID(kit_id)) == kit_id
    except ValueError:
        plain_id = False
    if not plain_id:
        raise KitError(
            f"the kit's id {kit_id!r} is not a kit id", code="kit_field_invalid", field="kit_id", value=kit_id
        )
    if kind not in KIT_KINDS:
        raise KitError(
            f"the kit's kind {kind!r} is not one of {KIT_KINDS}",
            code="kit_field_invalid",
            field="kind",
            value=kind,
        )
    if not _PLAIN_CODE.fullmatch(code) or _PATH_LIKE.search(code):
        raise KitError(
            f"the kit's code {code!r} is not a code", code="kit_field_invalid", field="code", value=code
        )


def file_name_part(text: str) -> str:
    """Text made safe as part of a file name the user may keep or change (a save dialog's suggestion)."""
    cleaned = re.sub(r"[\x00-\x1f\x7f/\\:*?\"<>|]+", "_", text).strip(". ")
    return cleaned[:60] or "kit"


def canonical_json(value: Any) -> str:
    """One spelling of a JSON value, so a hash over it is the same wherever it is made."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# --- manifest -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartInfo:
    name: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class KitManifest:
    """What a kit is and holds: checked on every open."""

    format: str
    schema_version: str  # the Alembic head of the exporting database
    kit_id: str  # uuid4
    kind: str  # trip | placement
    code: str  # the trip's or the placement's code
    exported_at: datetime
    exported_by: str
    # What the trip or placement was when exported (versions and planned content), for the conflict check.
    fingerprint: dict[str, Any]
    parts: tuple[PartInfo, ...] = ()
    condition_form: str = ""  # the part that holds the condition form to fill in

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "schema_version": self.schema_version,
            "kit_id": self.kit_id,
            "kind": self.kind,
            "code": self.code,
            "exported_at": self.exported_at.isoformat(timespec="seconds"),
            "exported_by": self.exported_by,
            "fingerprint": self.fingerprint,
            "condition_form": self.condition_form,
            "parts": [
                {"name": p.name, "media_type": p.media_type, "size": p.size, "sha256": p.sha256}
                for p in self.parts
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> KitManifest:
        try:
            data = json.loads(text)
            manifest = cls(
                format=str(data["format"]),
                schema_version=str(data["schema_version"]),
                kit_id=str(data["kit_id"]),
                kind=str(data["kind"]),
                code=str(data["code"]),
                exported_at=datetime.fromisoformat(data["exported_at"]),
                exported_by=str(data["exported_by"]),
                fingerprint=dict(data["fingerprint"]),
                condition_form=str(data.get("condition_form", "")),
                parts=tuple(
                    PartInfo(str(p["name"]), str(p["media_type"]), int(p["size"]), str(p["sha256"]))
                    for p in data["parts"]
                ),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise KitError(f"the kit's manifest is not readable ({exc})") from exc
        _checked_manifest(manifest.kit_id, manifest.kind, manifest.code)
        return manifest

    def part_info(self, name: str) -> PartInfo:
        for part in self.parts:
            if part.name == name:
                return part
        raise KitError(f"the kit has no part {name!r}")


@dataclass(frozen=True)
class OfficeChange:
    """One way a trip or placement differs from what it was when its kit was exported.

    `what` is a code the window words in its own language; str() is the English of the command line.
    """

    what: str  # gone | field | stop_added | stop_removed | stop_field | saved_again
    values: tuple[str, ...] = ()

    _ENGLISH = {
        "gone": "the {0} no longer exists in the database",
        "field": "{0} {1} → {2}",
        "stop_added": "stop {0} added ({1})",
        "stop_removed": "stop {0} removed ({1})",
        "stop_field": "stop {0} {1} {2} → {3}",
        "saved_again": "saved again since export (versions {0} → {1})",
    }

    def __str__(self) -> str:
        return self._ENGLISH[self.what].format(*self.values)
