"""The command line's look at the desktop program: `screenshots`, made on a copy of the database."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path
from typing import Any

# The screens by key, as the window's navigation lists them (ui.main_window.PAGE_KEYS, not imported
# here so that the parser is built without loading Qt).
SCREENS = (
    "dashboard", "caravans", "exhibits", "sets", "venues", "requests", "joint_tours", "tours", "rotation",
    "retirement", "reports", "settings",
)  # fmt: skip


def _screens(text: str) -> tuple[str, ...]:
    chosen = tuple(s.strip() for s in text.split(",") if s.strip())
    unknown = [s for s in chosen if s not in SCREENS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"choose from {','.join(SCREENS)} (not {','.join(unknown) or text!r})"
        )
    return chosen


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{3,5})\s*[x×]\s*(\d{3,5})\s*", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1366x768")
    return int(match.group(1)), int(match.group(2))


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """`screenshots`."""
    shots = commands.add_parser(
        "screenshots",
        parents=[common],
        help="save a PNG of every screen of the desktop program and exit; works on a copy of the "
        "database and of the settings, so neither is changed",
    )
    shots.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the PNG files")
    shots.add_argument("--lang", choices=["zh_CN", "en"], help="language (default: as the program starts)")
    shots.add_argument(
        "--screens", type=_screens, metavar="KEY[,KEY]", help=f"only these screens ({', '.join(SCREENS)})"
    )
    shots.add_argument(
        "--size", type=_size, default=(1440, 900), metavar="WxH", help="window size (default 1440x900)"
    )
    shots.set_defaults(run=_run_screenshots)


def _run_screenshots(args: argparse.Namespace) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from caravan_app.settings import database_url, describe
    from caravan_app.ui.screenshots import screenshots_of_copy

    url = database_url(args.db)
    written = screenshots_of_copy(url, args.out, args.lang, args.screens, args.size)
    print(f"wrote {len(written)} screenshots of a copy of {describe(url)} to {args.out}")
