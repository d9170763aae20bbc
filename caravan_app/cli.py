"""The command line: `caravan-app [--db URL] COMMAND ...`.

With no command the desktop program starts. A failure prints one clear line and exits non-zero;
the traceback, if any, goes to the log file only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from caravan_app import __version__, cli_desktop, cli_kit, cli_linkage, cli_plans, cli_text, cli_users, log
from caravan_app.domain.outcomes import NoPlan
from caravan_app.errors import CaravanError
from caravan_app.settings import DB_URL_VARIABLE, data_dir

EXIT_ERROR = 1
EXIT_UNEXPECTED = 2


def _add_db_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=default,
        help=f"SQLite file path or PostgreSQL URL (default: ${DB_URL_VARIABLE}, else the SQLite file "
        "in your data folder)",
    )


def _add_solution_limit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--solution-limit",
        type=int,
        metavar="N",
        help="stop each search after N solutions: the same plan on a fast or a busy machine, "
        "within the time limit",
    )


def _add_workers(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="CP-SAT's parallel workers (default: one per core of this machine)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caravan-app",
        description="Plan and run science caravans and travelling science museums (科普大篷车、流动科技馆).",
    )
    parser.add_argument("--version", action="version", version=f"caravan-app {__version__}")
    _add_db_option(parser, None)
    # Subcommands take --db too; SUPPRESS keeps a value given before the command.
    common = argparse.ArgumentParser(add_help=False)
    _add_db_option(common, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo", parents=[common], help="fill an empty database with the Jiangsu demo province"
    )
    demo.add_argument("--seed", type=int, default=2027, help="random seed; one seed, one province")
    demo.set_defaults(run=_run_demo)

    imp = commands.add_parser(
        "import", parents=[common], help="import a workbook (.xlsx) or one entity (.csv), all or nothing"
    )
    imp.add_argument("file", type=Path)
    imp.set_defaults(run=_run_import)

    exp = commands.add_parser(
        "export", parents=[common], help="export every entity to a workbook, or one entity to CSV"
    )
    exp.add_argument("file", type=Path)
    exp.add_argument("--entity", help="for .csv: which entity (e.g. caravans, venues, exhibits)")
    exp.set_defaults(run=_run_export)

    plan = commands.add_parser("plan", help="plan caravan tours or museum-set rotations; export a plan")
    plan_commands = plan.add_subparsers(dest="plan_command", metavar="WHAT", required=True)
    tours = plan_commands.add_parser(
        "tours", parents=[common], help="plan the caravan tours of a term and store a draft plan"
    )
    tours.add_argument(
        "--term",
        default="2027-spring",
        help="school term, e.g. 2027-spring (default); not needed with --from and --to",
    )
    tours.add_argument(
        "--from", dest="start", type=cli_text.parse_date, help="first day (default: the term's first)"
    )
    tours.add_argument(
        "--to", dest="end", type=cli_text.parse_date, help="last day (default: the term's last)"
    )
    tours.add_argument("--time-limit", type=float, default=60.0, help="seconds the solver may take (60)")
    _add_solution_limit(tours)
    tours.add_argument("--name", help="the plan's name (default: term and time)")
    tours.add_argument("--keep-locks-from", metavar="PLAN", help="keep the visits locked in this plan")
    tours.add_argument(
        "--max-days-per-caravan",
        type=int,
        metavar="N",
        help="spread the work: no caravan on the road more than N days in the horizon",
    )
    tours.add_argument(
        "--distances", type=Path, metavar="FILE.csv", help="road distances: from,to,km by venue or depot code"
    )
    tours.set_defaults(run=_run_plan_tours)
    rotation = plan_commands.add_parser(
        "rotation", parents=[common], help="plan the museum sets' rotation (换展) and store a draft plan"
    )
    rotation.add_argument(
        "--from", dest="start", type=cli_text.parse_date, required=True, help="first day of period 1"
    )
    rotation.add_argument("--periods", type=int, default=4, help="number of periods (4)")
    rotation.add_argument("--period-months", type=int, default=3, help="months per period (3)")
    rotation.add_argument(
        "--region", metavar="CITY[,CITY]", help="only the sets of these cities, rotating across all of them"
    )
    rotation.add_argument(
        "--changeover-days", type=int, default=10, help="working days of the changeover window (10)"
    )
    rotation.add_argument("--time-limit", type=float, default=60.0, help="seconds the solver may take (60)")
    _add_solution_limit(rotation)
    _add_workers(rotation)
    rotation.add_argument("--name", help="the plan's name (default: first month and time)")
    rotation.add_argument("--keep-locks-from", metavar="PLAN", help="keep the stays locked in this plan")
    rotation.set_defaults(run=_run_plan_rotation)
    export = plan_commands.add_parser(
        "export", parents=[common], help="write a plan with everything needed to re-check it"
    )
    export.add_argument("name", help="the plan's name")
    export.add_argument("--json", dest="json_file", type=Path, required=True, help="the JSON file to write")
    export.set_defaults(run=_run_plan_export)

    maps = commands.add_parser(
        "map", parents=[common], help="draw a plan, coverage or the inventory as an offline map (HTML)"
    )
    maps.add_argument("what", choices=["tours", "rotation", "coverage", "inventory"])
    maps.add_argument(
        "name",
        nargs="?",
        help="plan name (tours, rotation: default the newest; coverage: the tour plan counted as planned)",
    )
    maps.add_argument("--out", type=Path, required=True, metavar="FILE.html", help="the HTML file to write")
    maps.add_argument("--lang", choices=["zh", "en"], default="zh", help="labels: Chinese (default), English")
    maps.add_argument(
        "--tiles", metavar="URL_OR_FOLDER", help="base tiles: a z/x/y tile folder or a tile server URL"
    )
    maps.add_argument("--year", type=int, help="coverage: count the shows held in this year")
    maps.add_argument(
        "--from", dest="start", type=cli_text.parse_date, help="coverage: shows held from this day"
    )
    maps.add_argument(
        "--to", dest="end", type=cli_text.parse_date, help="coverage: shows held up to this day"
    )
    maps.set_defaults(run=_run_map)

    consolidation = commands.add_parser(
        "consolidate",
        parents=[common],
        help="screen caravans, exhibits and sets for retirement, regroup the rest, re-plan without them",
    )
    consolidation.add_argument(
        "--term", default="2027-spring", help="school term, e.g. 2027-spring (default)"
    )
    consolidation.add_argument("--name", help="the plan's name (default: term and time)")
    consolidation.add_argument(
        "--time-limit", type=float, default=60.0, help="seconds the regrouping may take (60)"
    )
    consolidation.add_argument(
        "--what-if-time", type=float, default=10.0, help="seconds for each what-if re-plan (10)"
    )
    _add_solution_limit(consolidation)
    _add_workers(consolidation)
    consolidation.set_defaults(run=_run_consolidate)

    printing = commands.add_parser(
        "print",
        parents=[common],
        help="print route sheets, a plan summary, a rotation schedule, exhibit labels, retirement or "
        "consolidation reports (PDF)",
    )
    printing.add_argument(
        "what", choices=["route-sheets", "summary", "labels", "rotation", "retirement", "consolidation"]
    )
    printing.add_argument(
        "name",
        nargs="?",
        help="plan name (default: the newest tour plan; rotation: the newest rotation plan; "
        "retirement, consolidation: the newest consolidation)",
    )
    printing.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF file to write")
    printing.add_argument(
        "--lang", choices=["zh", "en"], default="zh", help="labels: Chinese (default), English"
    )
    printing.add_argument(
        "--trip", action="append", metavar="CODE", help="route-sheets: only this trip (repeat for more)"
    )
    only = printing.add_mutually_exclusive_group()
    only.add_argument("--set", dest="set_code", metavar="CODE", help="labels: the exhibits of this set")
    only.add_argument("--caravan", metavar="CODE", help="labels: the exhibits on this caravan")
    only.add_argument("--depot", metavar="CODE", help="labels: the exhibits stored in this depot")
    only.add_argument(
        "--exhibit", action="append", metavar="CODE", help="labels: this exhibit (repeat for more)"
    )
    printing.set_defaults(run=_run_print)

    cli_desktop.add_commands(commands, common)

    db = commands.add_parser("db", help="database upkeep")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser(
        "upgrade", parents=[common], help="upgrade the schema (a SQLite file is copied aside first)"
    )
    upgrade.set_defaults(run=_run_db_upgrade)
    backup = db_commands.add_parser(
        "backup", parents=[common], help="back up the database (SQLite copy, or pg_dump for PostgreSQL)"
    )
    backup.add_argument("--out", type=Path, help="backup file (default: beside the database, dated)")
    backup.set_defaults(run=_run_db_backup)
    status = db_commands.add_parser("status", parents=[common], help="show the schema revision and contents")
    status.set_defaults(run=_run_db_status)

    cli_plans.add_commands(commands, common)
    cli_kit.add_commands(commands, common)
    cli_linkage.add_commands(commands, common)
    cli_users.add_commands(commands, common)

    events = commands.add_parser(
        "export-events", parents=[common], help="held events in the national platform's fields, as Excel"
    )
    events.add_argument("--from", dest="start", type=cli_text.parse_date, metavar="YYYY-MM-DD")
    events.add_argument("--to", dest="end", type=cli_text.parse_date, metavar="YYYY-MM-DD")
    events.add_argument("--year", type=int, help="a whole year instead of --from/--to")
    events.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    events.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the headers")
    events.set_defaults(run=_run_export_events)

    ics = commands.add_parser("ics", parents=[common], help="a venue's bookings as an iCalendar (.ics) file")
    ics.add_argument("--venue", required=True, metavar="CODE")
    ics.add_argument("--out", type=Path, required=True, metavar="FILE.ics")
    ics.set_defaults(run=_run_ics)
    return parser


def _run_plan_tours(args: argparse.Namespace) -> None:
    from caravan_app.planning.control import Progress, SolveControl
    from caravan_app.services.calendar import term_named
    from caravan_app.services.database import open_database
    from caravan_app.services.tour_planning import default_plan_name, plan_term_tours
    from caravan_app.services.tour_plans import tour_plan_detail_named

    db = open_database(args.db)
    if args.start and args.end:
        # Both days given: no term is needed, so none is looked up (the calendar may not have it).
        start, end, label = args.start, args.end, f"{args.start}..{args.end}"
    else:
        school_term = term_named(db, args.term)
        start, end, label = args.start or school_term.start, args.end or school_term.end, school_term.name
    if end < start:
        raise CaravanError(f"--to {end} is before --from {start}")
    last_shown = [-10.0]

    def show(progress: Progress) -> None:
        if progress.seconds - last_shown[0] >= 5:  # a line every few seconds is enough on a terminal
            last_shown[0] = progress.seconds
            print(f"  {progress.seconds:5.1f} s: {progress.served} requests served", flush=True)

    name = args.name or default_plan_name(label)
    print(f"planning tours {start} to {end} in {db.describe()}, up to {args.time_limit:g} s ...", flush=True)
    summary = plan_term_tours(
        db,
        start,
        end,
        name=name,
        chosen_name=args.name is not None,
        control=SolveControl(
            time_limit=args.time_limit, solution_limit=args.solution_limit, on_progress=show
        ),
        keep_locks_from=args.keep_locks_from,
        distances_csv=args.distances,
        max_days_per_caravan=args.max_days_per_caravan,
    )
    violations = [(v.rule, v.caravan, v.request) for v in summary.violations]
    print("\n".join(cli_text.tour_lines(summary.name, summary.figures, violations)))
    for line in cli_text.unserved_lines(tour_plan_detail_named(db, summary.name).unserved):
        print(line)


def _run_plan_rotation(args: argparse.Namespace) -> None:
    from caravan_app.planning.control import Progress, SolveControl
    from caravan_app.services.database import open_database
    from caravan_app.services.rotation import default_plan_name, parse_cities, plan_rotation_scenario

    db = open_database(args.db)
    last_shown = [-10.0]

    def show(progress: Progress) -> None:
        if progress.seconds - last_shown[0] >= 5:
            last_shown[0] = progress.seconds
            km = "" if progress.km is None else f", {progress.km:,.0f} truck-km"
            print(
                f"  {progress.seconds:5.1f} s: {progress.served} set-periods hosted, "
                f"weight {progress.objective:.0f} (bound {progress.bound or 0:.0f}){km}",
                flush=True,
            )

    name = args.name or default_plan_name(args.start)
    print(
        f"planning {args.periods} periods of {args.period_months} months from {args.start} "
        f"in {db.describe()}, up to {args.time_limit:g} s ...",
        flush=True,
    )
    summary = plan_rotation_scenario(
        db,
        args.start,
        args.periods,
        args.period_months,
        name=name,
        chosen_name=args.name is not None,
        cities=parse_cities(args.region),
        changeover_days=args.changeover_days,
        control=SolveControl(
            time_limit=args.time_limit,
            solution_limit=args.solution_limit,
            workers=args.workers,
            on_progress=show,
        ),
        keep_locks_from=args.keep_locks_from,
    )
    print("\n".join(cli_text.rotation_lines(summary.name, summary.figures)))
    if summary.violations:
        print(f"checker found {len(summary.violations)} problems:")
        for v in summary.violations[:20]:
            print(f"  {v.rule.value}: {v.message}")
        raise CaravanError("the stored plan breaks rules (see above)")


def _run_plan_export(args: argparse.Namespace) -> None:
    from sqlalchemy import select

    from caravan_app.domain.enums import PlanKind
    from caravan_app.persistence.models import Plan
    from caravan_app.services.database import open_database
    from caravan_app.services.rotation import write_rotation_json
    from caravan_app.services.tour_planning import export_plan_json

    db = open_database(args.db)
    with db.session(audited=False) as s:
        kind = s.scalar(select(Plan.kind).where(Plan.name == args.name))
    if kind is PlanKind.ROTATION:
        write_rotation_json(db, args.name, args.json_file)
    else:
        export_plan_json(db, args.name, args.json_file)
    print(f"wrote plan {args.name!r} to {args.json_file}")


def _run_map(args: argparse.Namespace) -> None:
    from caravan_app.services import maps
    from caravan_app.services.database import open_database

    if args.what != "coverage" and (args.year or args.start or args.end):
        raise CaravanError("--year, --from and --to are for the coverage map")
    if args.what == "inventory" and args.name:
        raise CaravanError("the inventory map takes no plan name")
    db = open_database(args.db)
    lang, tiles, out = args.lang, args.tiles, args.out
    if args.what == "tours":
        page = maps.tour_map(db, args.name, lang=lang, tiles=tiles, out=out)
    elif args.what == "rotation":
        page = maps.rotation_map(db, args.name, lang=lang, tiles=tiles, out=out)
    elif args.what == "coverage":
        page = maps.coverage_map(
            db, args.name, year=args.year, start=args.start, end=args.end, lang=lang, tiles=tiles, out=out
        )
    else:
        page = maps.inventory_map(db, lang=lang, tiles=tiles, out=out)
    size = len(page.encode("utf-8")) / 1e6
    print(f"wrote the {args.what} map to {args.out} ({size:.1f} MB, works offline)")


def _run_print(args: argparse.Namespace) -> None:
    from caravan_app.services import reports
    from caravan_app.services.database import open_database

    chosen = args.set_code or args.caravan or args.depot or args.exhibit
    if args.what != "labels" and chosen:
        raise CaravanError("--set, --caravan, --depot and --exhibit are for labels")
    if args.what != "route-sheets" and args.trip:
        raise CaravanError("--trip is for route sheets")
    if args.what == "labels" and args.name:
        raise CaravanError(
            "labels take no plan name; choose exhibits with --set, --caravan, --depot or --exhibit"
        )
    db = open_database(args.db)
    try:
        if args.what == "route-sheets":
            pdf = reports.route_sheets_pdf(db, args.name, args.lang, trip_codes=args.trip)
        elif args.what == "summary":
            pdf = reports.summary_pdf(db, args.name, args.lang)
        elif args.what == "rotation":
            pdf = reports.rotation_pdf(db, args.name, args.lang)
        elif args.what in ("retirement", "consolidation"):
            from caravan_app.services import consolidation_views as views

            printer = views.retirement_pdf if args.what == "retirement" else views.consolidation_pdf
            pdf = printer(db, args.name, args.lang)
        else:
            pdf = reports.labels_pdf(
                db,
                set_code=args.set_code,
                caravan_code=args.caravan,
                depot_code=args.depot,
                codes=args.exhibit,
                lang=args.lang,
            )
    finally:
        db.dispose()  # close the pool now rather than when the interpreter collects it
    try:
        args.out.write_bytes(pdf)
    except OSError as exc:
        raise CaravanError(f"cannot write {args.out}: {exc.strerror or exc}") from exc
    print(f"wrote the {args.what.replace('-', ' ')} to {args.out} ({len(pdf) / 1e6:.1f} MB)")


def _run_consolidate(args: argparse.Namespace) -> None:
    from caravan_app.planning.control import SolveControl
    from caravan_app.services.consolidation import consolidate
    from caravan_app.services.database import open_database

    db = open_database(args.db)
    print(f"consolidating {args.term} in {db.describe()} ...", flush=True)
    try:
        summary = consolidate(
            db,
            args.term,
            name=args.name,
            control=SolveControl(
                time_limit=args.time_limit, solution_limit=args.solution_limit, workers=args.workers
            ),
            what_if_time=args.what_if_time,
            on_step=lambda kind, caravan: print(f"  {cli_text.step(kind, caravan)}", flush=True),
        )
    finally:
        db.dispose()
    print("\n".join(cli_text.consolidation_lines(summary.name, summary.figures)))


def _run_demo(args: argparse.Namespace) -> None:
    from caravan_app.services import demo
    from caravan_app.services.database import open_database

    db = open_database(args.db)
    print(f"building the demo province in {db.describe()} (seed {args.seed}) ...")
    counts = demo.build_demo(db, seed=args.seed)
    print(counts)


def _run_import(args: argparse.Namespace) -> None:
    from caravan_app.services.database import open_database
    from caravan_app.services.inventory_io import import_inventory

    db = open_database(args.db)
    summary = import_inventory(db, args.file)
    print(f"imported {args.file} into {db.describe()}")
    print(summary)


def _run_export(args: argparse.Namespace) -> None:
    from caravan_app.services.database import open_database
    from caravan_app.services.inventory_io import export_inventory

    db = open_database(args.db)
    export_inventory(db, args.file, args.entity)
    print(f"exported {db.describe()} to {args.file}")


def _run_db_upgrade(args: argparse.Namespace) -> None:
    from caravan_app.persistence import migrate
    from caravan_app.services.database import open_database

    db = open_database(args.db, upgrade=False)
    db.check_reachable()
    before = migrate.current_revision(db.engine)
    copy = migrate.upgrade(db)
    after = migrate.current_revision(db.engine)
    if before == after:
        print(f"{db.describe()} is up to date (revision {after})")
    else:
        print(f"upgraded {db.describe()} from {before or 'empty'} to {after}")
    if copy:
        print(f"the file as it was is kept at {copy}")


def _run_db_backup(args: argparse.Namespace) -> None:
    from caravan_app.services.database import backup, open_database

    db = open_database(args.db, upgrade=False)
    try:
        db.check_reachable()
        print(f"backed up {db.describe()} to {backup(db, args.out)}")
    finally:
        db.dispose()


def _run_db_status(args: argparse.Namespace) -> None:
    from caravan_app.persistence import migrate
    from caravan_app.services.database import contents, open_database

    db = open_database(args.db, upgrade=False)
    db.check_reachable()
    current = migrate.current_revision(db.engine)
    head = migrate.head_revision()
    print(f"database: {db.describe()}")
    print(f"schema revision: {current or 'empty'} (newest {head})")
    if current == head:
        print("\n".join(contents(db).lines()))


def _run_export_events(args: argparse.Namespace) -> None:
    from caravan_app.services.database import open_database
    from caravan_app.services.platform_export import export_events

    db = open_database(args.db)
    count = export_events(db, args.out, start=args.start, end=args.end, year=args.year, lang=args.lang)
    print(f"wrote {count} held event(s) to {args.out}")


def _run_ics(args: argparse.Namespace) -> None:
    from caravan_app.services.database import open_database
    from caravan_app.services.platform_export import write_venue_ics

    db = open_database(args.db)
    count = write_venue_ics(db, args.venue, args.out)
    print(f"wrote {count} booking(s) of venue {args.venue} to {args.out}")


def _run_desktop(args: argparse.Namespace) -> None:
    from caravan_app import app

    app.main(db_option=args.db)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], None] = getattr(args, "run", _run_desktop)
    log_path = log.configure(data_dir() / "logs")
    try:
        run(args)
    except NoPlan as exc:
        print(f"error: {cli_text.no_plan(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except CaravanError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # anything unforeseen: one line here, the traceback in the log
        log.get(log.ROOT).exception("unexpected failure in %s", getattr(args, "command", "desktop"))
        print(f"error: unexpected {type(exc).__name__}: {exc} (details in {log_path})", file=sys.stderr)
        return EXIT_UNEXPECTED
    return 0


if __name__ == "__main__":
    sys.exit(main())
