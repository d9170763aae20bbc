"""The command line's linkage advisor: `advise linkage`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from caravan_app import cli_text
from caravan_app.errors import CaravanError


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """`advise linkage`."""
    advise = commands.add_parser("advise", help="advice on the rules plans are made under")
    advise_commands = advise.add_subparsers(dest="advise_command", metavar="WHAT", required=True)
    linkage = advise_commands.add_parser(
        "linkage",
        parents=[common],
        help="propose joint tours (联动) so that idle caravans may serve unserved requests",
    )
    linkage.add_argument("--term", default="2027-spring", help="school term (default 2027-spring)")
    linkage.add_argument(
        "--from", dest="start", type=cli_text.parse_date, help="first day (default: the term's)"
    )
    linkage.add_argument("--to", dest="end", type=cli_text.parse_date, help="last day (default: the term's)")
    linkage.add_argument("--max-joint-tours", type=int, default=8, metavar="N", help="propose at most N (8)")
    linkage.add_argument(
        "--time-limit", type=float, default=30.0, help="seconds for each of the plans it makes (30)"
    )
    linkage.add_argument(
        "--solution-limit",
        type=int,
        metavar="N",
        help="stop each search after N solutions: the same advice on a fast or a busy machine",
    )
    linkage.add_argument("--json", type=Path, metavar="FILE", help="write the advice as JSON")
    linkage.add_argument(
        "--pdf",
        type=Path,
        metavar="FILE",
        help="print the proposal for the director, with a map per joint tour",
    )
    linkage.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the PDF (zh)")
    linkage.add_argument(
        "--accept",
        action="store_true",
        help="store every proposal as a joint tour and plan the term with them (as `plan tours`)",
    )
    linkage.add_argument("--name", help="with --accept: the new plan's name (default: term and time)")
    linkage.add_argument("--keep-locks-from", metavar="PLAN", help="with --accept: keep this plan's locks")
    linkage.set_defaults(run=_run_linkage)


def _run_linkage(args: argparse.Namespace) -> None:
    from caravan_app.planning.control import SolveControl
    from caravan_app.services.calendar import term_named
    from caravan_app.services.database import open_database
    from caravan_app.services.linkage import accept_proposals, advise_linkage, linkage_pdf
    from caravan_app.services.tour_planning import default_plan_name, plan_term_tours

    if args.max_joint_tours < 1:
        raise CaravanError(f"--max-joint-tours must be at least 1, not {args.max_joint_tours}")
    db = open_database(args.db)
    try:
        if args.start and args.end:
            start, end, label = args.start, args.end, f"{args.start}..{args.end}"
        else:
            school_term = term_named(db, args.term)
            start, end, label = args.start or school_term.start, args.end or school_term.end, school_term.name
        if end < start:
            raise CaravanError(f"--to {end} is before --from {start}")
        print(
            f"advising linkage {start} to {end} in {db.describe()}: up to {args.max_joint_tours} "
            f"joint tours, {args.time_limit:g} s per plan ...",
            flush=True,
        )
        advice = advise_linkage(
            db,
            start,
            end,
            max_joint_tours=args.max_joint_tours,
            control=SolveControl(time_limit=args.time_limit, solution_limit=args.solution_limit),
            on_step=lambda step, number: print(f"  {cli_text.linkage_step(step, number)}", flush=True),
        )
        print("\n".join(cli_text.linkage_lines(advice)))
        if args.json:
            args.json.write_text(json.dumps(advice.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
            print(f"wrote {args.json}")
        if args.pdf:
            args.pdf.write_bytes(linkage_pdf(advice, args.lang))
            print(f"wrote {args.pdf}")
        if args.accept and advice.proposals:
            codes = accept_proposals(db, [p.joint_tour for p in advice.proposals])
            print(f"stored joint tours {', '.join(codes)}")
            summary = plan_term_tours(
                db,
                start,
                end,
                name=args.name or default_plan_name(label),
                control=SolveControl(time_limit=args.time_limit, solution_limit=args.solution_limit),
                keep_locks_from=args.keep_locks_from,
            )
            violations = [(v.rule, v.caravan, v.request) for v in summary.violations]
            print("\n".join(cli_text.tour_lines(summary.name, summary.figures, violations)))
    finally:
        db.dispose()  # its connections closed before the command returns
