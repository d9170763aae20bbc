"""The command line's field-kit commands: `kit export`, `kit import`, `kit show`, `kit open`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """`kit export|import|show|open`."""
    kit = commands.add_parser(
        "kit", help="field kits (.ckit): a trip or a set's stay run offline, then imported"
    )
    kit_commands = kit.add_subparsers(dest="kit_command", metavar="ACTION", required=True)
    kit_export = kit_commands.add_parser(
        "export", parents=[common], help="write the kit of a caravan trip or a set placement"
    )
    which = kit_export.add_mutually_exclusive_group(required=True)
    which.add_argument("--trip", metavar="CODE", help="the trip's code")
    which.add_argument("--placement", metavar="CODE", help="the set placement's code")
    kit_export.add_argument("--out", type=Path, required=True, metavar="FILE.ckit")
    kit_export.add_argument(
        "--lang", choices=["zh", "en"], default="zh", help="language of the sheets and map"
    )
    kit_export.add_argument(
        "--force", action="store_true", help="replace a kit at FILE even if its records are not imported"
    )
    kit_export.add_argument(
        "--draft",
        action="store_true",
        help="write the kit of a trip or stay of a plan not yet approved (its sheets and map say DRAFT)",
    )
    kit_export.set_defaults(run=_run_export)
    kit_import = kit_commands.add_parser(
        "import", parents=[common], help="take a kit's field records into the database (all or nothing)"
    )
    kit_import.add_argument("file", type=Path, metavar="FILE.ckit")
    kit_import.add_argument(
        "--accept-conflict",
        action="store_true",
        help="import even though the trip or placement was changed in the office since export",
    )
    kit_import.set_defaults(run=_run_import)
    kit_show = kit_commands.add_parser("show", help="verify a kit and print its manifest as JSON")
    kit_show.add_argument("file", type=Path, metavar="FILE.ckit")
    kit_show.set_defaults(run=_run_show)
    kit_open = kit_commands.add_parser(
        "open", help="run a kit in field mode: route, map, checklist; record shows, conditions, damage"
    )
    kit_open.add_argument("file", type=Path, metavar="FILE.ckit")
    kit_open.add_argument("--lang", choices=["zh_CN", "en"], help="language (default: as in Settings)")
    kit_open.set_defaults(run=_run_open)


def _run_export(args: argparse.Namespace) -> None:
    from caravan_app.services import kit_export
    from caravan_app.services.database import open_database

    db = open_database(args.db)
    if args.trip:
        manifest = kit_export.export_trip(
            db, args.trip, args.out, lang=args.lang, force=args.force, draft=args.draft
        )
    else:
        manifest = kit_export.export_placement(
            db, args.placement, args.out, lang=args.lang, force=args.force, draft=args.draft
        )
    size = args.out.stat().st_size
    print(f"wrote the kit of {manifest.kind} {manifest.code} to {args.out} ({size / 1024:.0f} KiB)")
    source = kit_export.kit_source(db, manifest.kind, manifest.code)
    if source.draft:
        print(f"the plan {source.plan_name!r} is a draft: the kit's sheets and map are marked DRAFT")
    print(f"kit id {manifest.kit_id}; parts: {', '.join(p.name for p in manifest.parts)}")


def _run_import(args: argparse.Namespace) -> None:
    from caravan_app.services import kit_import
    from caravan_app.services.database import open_database

    db = open_database(args.db)
    result = kit_import.import_kit(db, args.file, accept_conflict=args.accept_conflict)
    print(result)


def _run_show(args: argparse.Namespace) -> None:
    from caravan_app.services import field_kit

    with field_kit.open_kit(args.file) as kit:
        print(kit.manifest.to_json())
        records = kit.records()
    print(f"{len(records)} field record(s); the file verifies", file=sys.stderr)


def _run_open(args: argparse.Namespace) -> None:
    # Field mode needs no central database: the kit file is all it reads and writes.
    from caravan_app.ui.field_mode import run_field_mode

    code = run_field_mode(args.file, args.lang)
    if code:
        raise SystemExit(code)
