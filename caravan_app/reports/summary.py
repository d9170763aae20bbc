"""The plan summary: what a tour plan does per caravan, for the key counties, and what it leaves unserved."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from caravan_app.domain.linkage import IDLE_DAYS
from caravan_app.domain.views import CaravanFigures, TourPlanView
from caravan_app.reports.boundaries import county_names
from caravan_app.reports.charts import bar_chart
from caravan_app.reports.document import HEAD_FILL, Running, is_draft, para, render, styles, table
from caravan_app.reports.texts import Texts

WIDTH = 180 * mm


def plan_summary(plan: TourPlanView, lang: str = "zh", *, printed_on: date | None = None) -> bytes:
    texts = Texts(lang)
    running = Running(
        texts("summary"), plan.name, printed_on or date.today(), texts, draft=is_draft(plan.status)
    )
    return render(summary_story(plan, texts), running)


def caravan_figures(plan: TourPlanView) -> tuple[CaravanFigures, ...]:
    """The plan's per-caravan figures, or, when the view carries none, counted from its trips."""
    if plan.per_caravan:
        return plan.per_caravan
    days: dict[str, int] = defaultdict(int)
    shows: dict[str, int] = defaultdict(int)
    km: dict[str, float] = defaultdict(float)
    plates: dict[str, str] = {}
    for trip in plan.trips:
        plates[trip.caravan_code] = trip.plate
        days[trip.caravan_code] += (trip.back_at.date() - trip.leave_at.date()).days + 1
        shows[trip.caravan_code] += len(trip.stops)
        km[trip.caravan_code] += trip.km
    return tuple(CaravanFigures(c, plates[c], days[c], shows[c], km[c]) for c in sorted(plates))


def summary_story(plan: TourPlanView, t: Texts) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [para(t("summary"), s.title)]
    story.append(
        para(
            "  |  ".join(
                [
                    t.pair("plan", plan.name),
                    t.pair("horizon", f"{t.day(plan.start)} — {t.day(plan.end)}"),
                    t.pair("status", t.code("status", plan.status)),
                ]
            ),
            s.body,
        )
    )
    per_caravan = caravan_figures(plan)
    total_km = sum(f.km for f in per_caravan)
    shows = sum(f.shows for f in per_caravan)
    key = set(plan.key_counties)
    key_served = {
        st.request_code or st.venue_code for tr in plan.trips for st in tr.stops if st.county_adcode in key
    }
    names = county_names()
    key_names = {names.get(code, code) for code in key}
    key_unserved = sum(1 for u in plan.unserved if u.county in key_names)
    share = round(100 * plan.served / plan.requests) if plan.requests else 0
    story.append(para(t("figures"), s.heading))
    figure_rows = [
        [t("requests"), f"{plan.requests:,}"],
        [
            t("served"),
            t("served_share", served=f"{plan.served:,}", requests=f"{plan.requests:,}", share=share),
        ],
        [t("key_served"), f"{len(key_served)} / {len(key_served) + key_unserved}"],
        [t("trips"), f"{len(plan.trips):,}"],
        [t("shows"), f"{shows:,}"],
        [t("km_total"), f"{total_km:,.0f}"],
    ]
    use = plan.utilisation
    if use is not None:
        figure_rows.append(
            [
                t("fleet_use"),
                t(
                    "fleet_use_value",
                    share=f"{use.share:.0%}",
                    idle=len(use.idle),
                    caravans=len(use.caravans),
                    days=IDLE_DAYS,
                    busiest=f"{use.busiest_share:.0%}",
                ),
            ]
        )
    story.append(table([t("col_figure"), t("col_value")], figure_rows, [60 * mm, 60 * mm], align="lr"))

    if per_caravan:
        story.append(Spacer(1, 4 * mm))
        story.append(
            bar_chart(
                WIDTH,
                70 * mm,
                [f.caravan_code for f in per_caravan],
                [[f.km for f in per_caravan]],
                title=t("chart_km"),
            )
        )

    story.append(CondPageBreak(60 * mm))
    story.append(para(t("per_caravan"), s.heading))

    def available(f: CaravanFigures) -> str:
        if f.available_days is None:
            return "–"
        share = f" ({f.days_on_road / f.available_days:.0%})" if f.available_days else ""
        return f"{f.available_days}{share}"

    rows = [
        [f.caravan_code, f.plate, str(f.days_on_road), available(f), str(f.shows), f"{f.km:,.0f}"]
        for f in per_caravan
    ]
    rows.append(
        [t("total"), "", str(sum(f.days_on_road for f in per_caravan)), "", f"{shows:,}", f"{total_km:,.0f}"]
    )
    story.append(
        table(
            [
                t("col_caravan"),
                t("col_plate"),
                t("col_days_on_road"),
                t("col_available_days"),
                t("col_shows"),
                t("col_km_total"),
            ],
            rows,
            [25 * mm, 32 * mm, 25 * mm, 33 * mm, 25 * mm, 30 * mm],
            align="llrrrr",
            extra=[("BACKGROUND", (0, len(rows)), (-1, len(rows)), HEAD_FILL)],
        )
    )
    story.append(CondPageBreak(70 * mm))
    story.append(para(t("key_coverage"), s.heading))
    story += _key_coverage(plan, t, names)

    story.append(CondPageBreak(50 * mm))
    story.append(para(t("unserved"), s.heading))
    if not plan.unserved:
        story.append(para(t("all_served"), s.body))
        return story
    by_reason = Counter(u.reason for u in plan.unserved)
    story.append(
        table(
            [t("col_reason"), t("col_count")],
            [[t.code("reason", r), str(n)] for r, n in sorted(by_reason.items(), key=lambda x: (-x[1], x[0]))]
            + [[t("total"), str(len(plan.unserved))]],
            [100 * mm, 25 * mm],
            align="lr",
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(
        table(
            [t("col_request"), t("col_venue"), t("col_county"), t("col_reason"), t("col_detail")],
            [
                [
                    u.request_code,
                    u.venue_name,
                    u.county,
                    t.code("reason", u.reason),
                    t.unserved_detail(u),
                ]
                for u in plan.unserved
            ],
            [24 * mm, 46 * mm, 20 * mm, 40 * mm, 50 * mm],
        )
    )
    return story


def _key_coverage(plan: TourPlanView, t: Texts, names: dict[str, str]) -> list[Flowable]:
    if not plan.key_counties:
        return [para(t("none"), styles().body)]
    shows: Counter[str] = Counter()
    venues: dict[str, set[str]] = defaultdict(set)
    for trip in plan.trips:
        for stop in trip.stops:
            shows[stop.county_adcode] += 1
            venues[stop.county_adcode].add(stop.venue_code)
            names.setdefault(stop.county_adcode, stop.county)
    unserved = Counter(u.county for u in plan.unserved)
    rows = []
    for code in sorted(plan.key_counties):
        name = names.get(code, code)
        rows.append(
            [
                name,
                code,
                str(shows[code]),
                str(len(venues[code])),
                str(unserved[name]),
                t("yes") if shows[code] else t("no"),
            ]
        )
    covered = sum(1 for code in plan.key_counties if shows[code])
    return [
        para(t("key_covered_line", n=len(plan.key_counties), k=covered), styles().body),
        table(
            [
                t("col_county"),
                t("col_adcode"),
                t("col_shows"),
                t("col_venues"),
                t("col_unserved"),
                t("col_covered"),
            ],
            rows,
            [40 * mm, 25 * mm, 25 * mm, 25 * mm, 30 * mm, 25 * mm],
            align="llrrrc",
        ),
    ]
