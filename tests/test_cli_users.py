"""`caravan-app users add|list|disable|passwd` on PostgreSQL: the password is asked for (getpass), the
account signs in with it, is a member of its level's group, and is refused once disabled."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from caravan_app.cli import main
from caravan_app.persistence.database import Database
from tests.persistence.test_accounts import add_regions, member_of, sign_in


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARAVAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CARAVAN_DB_URL", raising=False)


@pytest.fixture
def name(db: Database) -> Iterator[str]:
    """A new role name, dropped afterwards (roles are the server's, shared by its databases)."""
    if db.is_sqlite:
        yield "clerk"
        return
    role = f"t_{uuid.uuid4().hex[:12]}"
    yield role
    with db.engine.begin() as c:
        c.execute(text("DELETE FROM caravan_auth.accounts WHERE role_name = :n"), {"n": role})
        c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


def typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Answers getpass gives in turn; the prompts asked are returned."""
    prompts: list[str] = []
    queue = list(answers)

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return queue.pop(0)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    return prompts


def test_users_commands_on_postgresql(
    db: Database, name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if db.is_sqlite:
        pytest.skip("accounts are PostgreSQL's")
    add_regions(db)
    url = db.url.render_as_string(hide_password=False)
    prompts = typed(monkeypatch, "first pw", "first pw")
    assert main(["users", "add", name, "--level", "county", "--region", "320102", "--db", url]) == 0
    assert len(prompts) == 2
    assert f"added {name}: county 320102 玄武区" in capsys.readouterr().out
    sign_in(db, name, "first pw").close()
    assert member_of(db, name) == {"caravan_county"}

    assert main(["users", "list", "--db", url]) == 0
    assert f"{name}\tcounty\t320102\t玄武区" in capsys.readouterr().out

    typed(monkeypatch, "second pw", "second pw")
    assert main(["users", "passwd", name, "--db", url]) == 0
    with pytest.raises(psycopg.OperationalError):
        sign_in(db, name, "first pw").close()
    sign_in(db, name, "second pw").close()

    typed(monkeypatch, "third", "thrid")
    assert main(["users", "passwd", name, "--db", url]) == 1
    assert "differ" in capsys.readouterr().err
    sign_in(db, name, "second pw").close()

    assert main(["users", "disable", name, "--db", url]) == 0
    with pytest.raises(psycopg.OperationalError):
        sign_in(db, name, "second pw").close()
    capsys.readouterr()
    assert main(["users", "list", "--db", url]) == 0
    assert f"{name}\tcounty\t320102\t玄武区\tdisabled" in capsys.readouterr().out


def test_users_on_sqlite_is_refused(
    db: Database, name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite only")
    typed(monkeypatch, "pw", "pw")
    assert main(["users", "list", "--db", db.url.database or ""]) == 1
    assert "PostgreSQL" in capsys.readouterr().err


def test_no_password_option() -> None:
    with pytest.raises(SystemExit):
        main(["users", "add", "x", "--level", "county", "--region", "320102", "--password", "pw"])
