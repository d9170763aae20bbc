"""Named loggers per subsystem, and the log file every run appends to."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

ROOT = "caravan_app"
DATABASE = f"{ROOT}.database"
IMPORT = f"{ROOT}.import"
DEMO = f"{ROOT}.demo"
PLANNING = f"{ROOT}.planning"
UI = f"{ROOT}.ui"


def get(name: str) -> logging.Logger:
    return logging.getLogger(name)


def configure(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the program's logs to a rotating file in `log_dir`; returns the file's path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "caravan_app.log"
    root = logging.getLogger(ROOT)
    root.setLevel(level)
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            if Path(handler.baseFilename) == path.resolve():
                return path
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
