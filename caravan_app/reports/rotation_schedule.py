"""The printed rotation schedule of the travelling museum sets: where each set stands in each period, the
truck moves of every changeover, and the totals. A4 landscape, since the sets × periods grid is wide.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from caravan_app.domain.views import RotationPlanView, SetMoveView
from caravan_app.reports.document import (
    HEAD_FILL,
    MARGIN,
    Raw,
    Running,
    is_draft,
    para,
    render,
    styles,
    table,
)
from caravan_app.reports.texts import Texts

PAGE = landscape(A4)
WIDTH = PAGE[0] - 2 * MARGIN
SET_COLUMN = 42 * mm
# More periods than this and a hall's name would wrap to a letter a line: the grid continues below.
PERIODS_PER_GRID = 6


def rotation_schedule(plan: RotationPlanView, lang: str = "zh", *, printed_on: date | None = None) -> bytes:
    texts = Texts(lang)
    running = Running(
        texts("rotation_schedule"), plan.name, printed_on or date.today(), texts, draft=is_draft(plan.status)
    )
    return render(rotation_story(plan, texts), running, pagesize=PAGE)


def truck_km(move: SetMoveView) -> float:
    return move.km * move.truck_loads


def moves_of(plan: RotationPlanView) -> list[SetMoveView]:
    """The stays and returns a truck brought there, by period and set; a set that stays put has none."""
    moved = [m for m in (*plan.stays, *plan.returns) if m.km > 0]
    return sorted(moved, key=lambda m: (m.period, m.set_code, m.venue_code))


def _period_label(t: Texts, plan: RotationPlanView, n: int) -> str:
    start, end = plan.periods[n]
    return f"{t('period_n', n=n + 1)}\n{start.isoformat()} — {end.isoformat()}"


def _changeover(t: Texts, move: SetMoveView) -> str:
    if move.changeover is None:
        return ""
    first, last = move.changeover
    if first == last:
        return first.isoformat()
    return f"{first:%m-%d} — {last:%m-%d}" if first.year == last.year else f"{first} — {last}"


def rotation_story(plan: RotationPlanView, t: Texts) -> list[Flowable]:
    s = styles()
    horizon = f"{t.day(plan.periods[0][0])} — {t.day(plan.periods[-1][1])}" if plan.periods else ""
    story: list[Flowable] = [
        para(t("rotation_schedule"), s.title),
        para(
            "  |  ".join(
                [
                    t.pair("plan", plan.name),
                    t.pair("horizon", horizon),
                    t.pair("status", t.code("status", plan.status)),
                ]
            ),
            s.body,
        ),
    ]

    stays_in: dict[int, int] = defaultdict(int)
    for stay in plan.stays:
        stays_in[stay.period] += 1
    story.append(para(t("periods"), s.heading))
    story.append(
        table(
            [t("col_period"), t("col_start"), t("col_end"), t("col_days"), t("col_stays")],
            [
                [
                    t("period_n", n=n + 1),
                    Raw(t.day(start)),
                    Raw(t.day(end)),
                    str((end - start).days + 1),
                    str(stays_in[n]),
                ]
                for n, (start, end) in enumerate(plan.periods)
            ],
            [30 * mm, 40 * mm, 40 * mm, 20 * mm, 25 * mm],
            align="lllrr",
        )
    )

    story.append(CondPageBreak(50 * mm))
    story.append(para(t("halls"), s.heading))
    story += _grids(plan, t)

    story.append(CondPageBreak(50 * mm))
    story.append(para(t("set_moves"), s.heading))
    story += _moves(plan, t)

    moves = moves_of(plan)
    story.append(CondPageBreak(40 * mm))
    story.append(para(t("rotation_totals"), s.heading))
    story.append(
        table(
            [t("col_figure"), t("col_value")],
            [
                [t("total_stays"), f"{len(plan.stays):,}"],
                [t("total_moves"), f"{len(moves):,}"],
                [t("total_km"), f"{sum(m.km for m in moves):,.0f}"],
                [t("total_truck_km"), f"{sum(truck_km(m) for m in moves):,.0f}"],
            ],
            [60 * mm, 40 * mm],
            align="lr",
        )
    )
    return story


def _grids(plan: RotationPlanView, t: Texts) -> list[Flowable]:
    cells: dict[tuple[str, int], str] = {}
    names: dict[str, str] = {}
    for stay in plan.stays:
        names[stay.set_code] = stay.set_name
        cells[stay.set_code, stay.period] = (
            f"{stay.venue_name}\n{stay.county}" if stay.county else stay.venue_name
        )
    for back in plan.returns:
        names.setdefault(back.set_code, back.set_name)
        cells.setdefault((back.set_code, back.period), t("in_store", depot=back.venue_name))
    # Every set the plan was solved for has its row, one placed nowhere too (its cells say "not placed").
    for code, name in plan.sets:
        names.setdefault(code, name)
    out: list[Flowable] = []
    for first in range(0, len(plan.periods), PERIODS_PER_GRID):
        shown = range(first, min(first + PERIODS_PER_GRID, len(plan.periods)))
        column = (WIDTH - SET_COLUMN) / len(shown)
        if out:
            out.append(Spacer(1, 4 * mm))
        out.append(
            table(
                [t("col_set"), *(_period_label(t, plan, n) for n in shown)],
                [
                    [f"{code}\n{names[code]}", *(cells.get((code, n), t("not_placed")) for n in shown)]
                    for code in sorted(names)
                ],
                [SET_COLUMN, *([column] * len(shown))],
            )
        )
    return out


def _moves(plan: RotationPlanView, t: Texts) -> list[Flowable]:
    by_period: dict[int, list[SetMoveView]] = defaultdict(list)
    for move in moves_of(plan):
        by_period[move.period].append(move)
    s = styles()
    out: list[Flowable] = []
    widths = [22 * mm, 44 * mm, 55 * mm, 55 * mm, 18 * mm, 18 * mm, 22 * mm, 33 * mm]
    for n, (start, _end) in enumerate(plan.periods):
        out.append(CondPageBreak(30 * mm))
        out.append(para(t("moves_into", period=t("period_n", n=n + 1), start=start.isoformat()), s.body))
        moves = by_period.get(n, [])
        if not moves:
            out.append(para(t("no_set_moves"), s.small))
            continue
        rows: list[list[object]] = [
            [
                m.set_code,
                m.set_name,
                m.from_name,
                t("in_store", depot=m.venue_name) if not m.county else f"{m.venue_name}（{m.county}）",
                t.km(m.km),
                str(m.truck_loads),
                f"{truck_km(m):,.0f}",
                Raw(_changeover(t, m)),
            ]
            for m in moves
        ]
        rows.append(
            [
                t("total"),
                "",
                "",
                "",
                t.km(sum(m.km for m in moves)),
                str(sum(m.truck_loads for m in moves)),
                f"{sum(truck_km(m) for m in moves):,.0f}",
                "",
            ]
        )
        out.append(
            table(
                [
                    t("col_set"),
                    t("col_name"),
                    t("col_from"),
                    t("col_to"),
                    t("col_km"),
                    t("col_truck_loads"),
                    t("col_truck_km"),
                    t("col_changeover"),
                ],
                rows,
                widths,
                align="llllrrrl",
                extra=[("BACKGROUND", (0, len(rows)), (-1, len(rows)), HEAD_FILL)],
            )
        )
        out.append(Spacer(1, 3 * mm))
    return out
