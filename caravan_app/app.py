"""Start-up of the program without a command: the database opened, upgraded and, on a first
start with the embedded SQLite file, filled with the demo province so a new user sees one at once
(built in the background while a splash names each step, see ui/first_start.py)."""

from __future__ import annotations

import os

from caravan_app import log
from caravan_app.services.database import contents, open_database
from caravan_app.settings import DB_URL_VARIABLE

_log = log.get(log.ROOT)


def main(db_option: str | None = None) -> None:
    url = db_option
    if url is None and not os.environ.get(DB_URL_VARIABLE):
        # The database chosen in the program's Settings, if any (its password is kept apart).
        from caravan_app.ui.preferences import saved_database_url

        saved = saved_database_url()
        if saved is not None:
            url = saved.render_as_string(hide_password=False)
    db = open_database(url)
    first_start = contents(db).is_empty and db.is_sqlite
    if first_start:
        print(f"first start: filling {db.describe()} with the Jiangsu demo province ...", flush=True)
    from caravan_app.ui.main_window import run_desktop

    run_desktop(db, first_start=first_start)
