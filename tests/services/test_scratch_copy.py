"""A scratch copy holds what the database holds, on SQLite and from PostgreSQL, and the database it
was made from is read, never written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database, sqlite_file
from caravan_app.persistence.models import Base, Caravan
from caravan_app.services.database import contents
from caravan_app.services.demo import build_demo
from caravan_app.services.scratch_copy import scratch_copy
from tests.services.test_demo import snapshot


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_scratch_copy_holds_every_row_and_the_original_is_not_written(db: Database, tmp_path: Path) -> None:
    build_demo(db)
    before = snapshot(db)
    source = sqlite_file(db.url)
    db.dispose()  # as after the program closed it
    digest = _digest(source) if source is not None else ""

    def beside() -> list[str]:
        """The file and whatever SQLite keeps beside it (-wal, -shm, -journal)."""
        return sorted(p.name for p in source.parent.glob(f"{source.name}*")) if source is not None else []

    files_before = beside()

    copy = scratch_copy(db.url, tmp_path / "scratch")
    try:
        assert copy.is_sqlite and sqlite_file(copy.url) == tmp_path / "scratch" / "scratch.db"
        assert snapshot(copy) == before  # every row of every table, every column
        with copy.session() as s:  # and the copy is a database to work in
            caravan = s.scalars(select(Caravan).order_by(Caravan.code)).first()
            assert caravan is not None
            caravan.odometer_km += 1  # a change saved in the copy only
    finally:
        copy.dispose()
    if source is not None:
        assert _digest(source) == digest
        assert beside() == files_before == [source.name]  # no -wal or -shm left beside it
    assert snapshot(db) == before
    assert set(before) == {t.name for t in Base.metadata.sorted_tables}
    assert contents(db)["caravans"] == 30


def test_a_scratch_copy_goes_into_a_new_file(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "scratch"
    scratch_copy(db.url, folder).dispose()
    with pytest.raises(CaravanError, match="exists already"):
        scratch_copy(db.url, folder)


def test_a_missing_file_is_not_made_by_copying_it(tmp_path: Path) -> None:
    from caravan_app.settings import to_url

    missing = tmp_path / "missing.db"
    with pytest.raises(CaravanError, match="does not exist"):
        scratch_copy(to_url(str(missing)), tmp_path / "scratch")
    assert not missing.exists()
