"""Backups that cannot hurt (issue 15, rows 8–10): a backup never replaces a file or a folder, its file is
its owner's alone, pg_dump never sees the password on its command line, a pg_dump precedes a PostgreSQL
upgrade, and a damaged SQLite file is refused, naming the copy to restore, by every command."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from caravan_app.cli import main
from caravan_app.persistence import migrate
from caravan_app.persistence.database import Database
from caravan_app.services.database import open_database


def made(tmp_path: Path, name: str = "a.db") -> Path:
    path = tmp_path / name
    assert main(["--db", str(path), "db", "upgrade"]) == 0
    return path


def test_a_backup_never_replaces_another_database_or_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, other = made(tmp_path), made(tmp_path, "other.db")
    before = other.read_bytes()
    capsys.readouterr()
    assert main(["--db", str(path), "db", "backup", "--out", str(other)]) == 1
    assert "exists already" in capsys.readouterr().err
    assert other.read_bytes() == before
    assert main(["--db", str(path), "db", "backup", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "is a folder" in err and "unexpected" not in err


def test_backup_files_are_the_owners_alone(tmp_path: Path) -> None:
    db = open_database(str(made(tmp_path)))
    try:
        first, second = migrate.backup(db), migrate.backup(db)
    finally:
        db.dispose()
    assert first != second  # two in the same second both kept
    for copy in (first, second):
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600


def damage(path: Path) -> None:
    """32 KB overwritten in the middle of the file, as a failing disk or a stray write would."""
    checkpoint = sqlite3.connect(path)
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 32 * 1024] = b"\xa5" * min(32 * 1024, len(data) - middle)
    path.write_bytes(bytes(data))


def test_a_damaged_sqlite_file_is_refused_by_status_import_and_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = made(tmp_path)
    assert main(["--db", str(path), "demo", "--seed", "3"]) == 0
    copy = tmp_path / "a.db.bak-20270101-000000"
    assert main(["--db", str(path), "db", "backup", "--out", str(copy)]) == 0
    damage(path)
    capsys.readouterr()
    for argv in (
        ["db", "status"],
        ["db", "backup", "--out", str(tmp_path / "c.db")],
        ["export", str(tmp_path / "x.xlsx")],
    ):
        assert main(["--db", str(path), *argv]) == 1, argv
        err = capsys.readouterr().err
        assert "is damaged" in err and str(copy) in err, err
    assert not (tmp_path / "c.db").exists()


def test_pg_dump_gets_the_password_from_the_environment_and_writes_a_private_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def fake_run(argv: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        seen["argv"], seen["env"] = argv, kwargs["env"]
        return subprocess.CompletedProcess(argv, 0, "", "")

    monkeypatch.setattr(migrate.shutil, "which", lambda _name: "/usr/bin/pg_dump")
    monkeypatch.setattr(migrate.subprocess, "run", fake_run)
    db = Database(make_url("postgresql+psycopg://keeper:s3cret-pw@db.example:5432/caravan?sslmode=require"))
    target = migrate.backup(db, tmp_path / "caravan.dump")
    assert not any("s3cret-pw" in part for part in seen["argv"])
    assert seen["env"]["PGPASSWORD"] == "s3cret-pw"
    assert any("sslmode=require" in part for part in seen["argv"])
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_postgresql_upgrade_is_preceded_by_a_pg_dump(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARAVAN_DATA_DIR", str(tmp_path))
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": "0004"})
    dumps: list[Path] = []
    real = migrate._pg_dump
    monkeypatch.setattr(migrate, "_run", lambda *_args: None)  # the dump is what is under test

    def recorded(database: Database, target: Path) -> Path:
        dumps.append(real(database, target))
        return dumps[-1]

    monkeypatch.setattr(migrate, "_pg_dump", recorded)
    try:
        migrate.upgrade(db)
    finally:
        with db.engine.begin() as connection:
            connection.execute(
                text("UPDATE alembic_version SET version_num = :r"), {"r": migrate.head_revision()}
            )
    assert len(dumps) == 1 and dumps[0].stat().st_size > 0
    assert dumps[0].parent == tmp_path / "backups"
