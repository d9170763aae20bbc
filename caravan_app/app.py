"""Start-up of the program without a command: the database opened, upgraded and, on a first
start with the embedded SQLite file, filled with the demo province so a new user sees one at once
(built in the background while a splash names each step, see ui/first_start.py). A shared PostgreSQL
database asks who is signing in first, when no password is given or remembered (ui/sign_in.py)."""

from __future__ import annotations

import os

from caravan_app import log
from caravan_app.services.database import contents, open_database
from caravan_app.settings import DB_URL_VARIABLE, database_url

_log = log.get(log.ROOT)


def main(db_option: str | None = None) -> None:
    url = db_option
    if url is None and not os.environ.get(DB_URL_VARIABLE):
        # The database chosen in the program's Settings, if any (its password is kept apart).
        from caravan_app.ui.preferences import saved_database_url

        saved = saved_database_url()
        if saved is not None:
            url = saved.render_as_string(hide_password=False)
    resolved = database_url(url)
    if resolved.get_backend_name() == "postgresql":
        # A shared server: each person signs in with their own account, unless the URL's password, or
        # one remembered for them, works (ui/sign_in.py). A SQLite file never asks.
        from caravan_app.ui.sign_in import start_sign_in

        signed_in = start_sign_in(resolved)
        if signed_in is None:
            _log.info("sign-in cancelled: the program ends")
            return
        resolved = signed_in
    db = open_database(resolved)
    first_start = contents(db).is_empty and db.is_sqlite
    if first_start:
        print(f"first start: filling {db.describe()} with the Jiangsu demo province ...", flush=True)
    from caravan_app.ui.main_window import run_desktop

    run_desktop(db, first_start=first_start)
