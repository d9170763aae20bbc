"""Start-up of the program without a command: the database opened, upgraded and, on a first
start with the embedded SQLite file, filled with the demo province so a new user sees one at once."""

from __future__ import annotations

from caravan_app import log
from caravan_app.services.database import contents, open_database

_log = log.get(log.ROOT)


def main(db_option: str | None = None) -> None:
    db = open_database(db_option)
    if contents(db).is_empty and db.is_sqlite:
        from caravan_app.services.demo import build_demo

        print(f"first start: filling {db.describe()} with the Jiangsu demo province ...")
        build_demo(db)
    try:
        from caravan_app.ui.main_window import run_desktop  # type: ignore[import-not-found]
    except ModuleNotFoundError:
        # The desktop program is not built yet (issue #6): show what the database holds instead.
        print(f"database: {db.describe()}")
        print("\n".join(contents(db).lines()))
        print("The desktop window is not part of this version yet; see `caravan-app --help` for commands.")
        return
    run_desktop(db)
