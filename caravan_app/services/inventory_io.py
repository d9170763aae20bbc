"""Importing and exporting the inventory as Excel workbooks or CSV files, each in one transaction."""

from __future__ import annotations

from pathlib import Path

from caravan_app.errors import CaravanError
from caravan_app.persistence import spreadsheet
from caravan_app.persistence.database import Database
from caravan_app.persistence.spreadsheet import ImportSummary


def export_inventory(db: Database, path: Path, entity: str | None = None) -> None:
    """A workbook of every entity (.xlsx), or one entity as CSV (.csv, `entity` required)."""
    suffix = path.suffix.lower()
    with db.session(audited=False) as s:
        if suffix == ".xlsx":
            spreadsheet.export_workbook(s, path)
        elif suffix == ".csv":
            if not entity:
                raise CaravanError("a CSV file holds one entity: name it with --entity (e.g. caravans)")
            spreadsheet.export_csv(s, entity, path)
        else:
            raise CaravanError(f"cannot export to {path.name}: use a .xlsx or .csv file")


def import_inventory(db: Database, path: Path) -> ImportSummary:
    """Everything in the file, or nothing: a file with any problem raises ImportRejected."""
    with db.session() as s:
        return spreadsheet.import_file(s, path)
