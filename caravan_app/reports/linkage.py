"""The linkage (联动) proposal for a director: what the region rules cost the term's plan, what lifting
them would bring, and each proposed joint tour with its caravans, the counties it opens, what it
brought when the term was re-planned with it, and a map of where its caravans start and may now go."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Drawing, Group, Line, Path, Polygon, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from caravan_app.domain.geo import gcj02_to_wgs84
from caravan_app.domain.linkage import IDLE_DAYS, PlanFigures
from caravan_app.domain.views import LinkageProposalView, LinkageView
from caravan_app.reports.boundaries import County, counties
from caravan_app.reports.document import Running, para, render, styles, table
from caravan_app.reports.fonts import register_font
from caravan_app.reports.shapes import CJKDrawing, rect
from caravan_app.reports.texts import Texts
from caravan_app.reports.trip_map import BORDER, DEPOT, LAND, NAME, SEA, fit_extent

WIDTH = 180 * mm
OPENED = colors.HexColor("#f6c98f")  # a county the joint tour opens
LINK = colors.HexColor("#8e44ad")


def linkage_report(view: LinkageView, lang: str = "zh", *, printed_on: date | None = None) -> bytes:
    texts = Texts(lang)
    period = f"{view.start.isoformat()} — {view.end.isoformat()}"  # the shipped font has no en dash
    running = Running(texts("linkage_report"), period, printed_on or date.today(), texts, label="horizon")
    return render(linkage_story(view, texts), running)


def _figures(label: str, f: PlanFigures) -> list[str]:
    return [
        label,
        f"{f.served} / {f.requests}",
        f"{f.key_county_served} / {f.key_county_requests}",
        f"{f.township_served}",
        f"{f.km:,.0f}",
        f"{len(f.utilisation.idle)} / {len(f.utilisation.caravans)}",
        f"{f.utilisation.busiest_share:.0%}",
    ]


def linkage_story(view: LinkageView, t: Texts) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [para(t("linkage_report"), s.title)]
    story.append(
        para(
            t(
                "linkage_period",
                start=t.day(view.start),
                end=t.day(view.end),
                seconds=f"{view.seconds_per_plan:g}",
            ),
            s.small,
        )
    )
    story.append(para(t("linkage_intro"), s.body))
    story.append(Spacer(1, 3 * mm))
    story.append(
        table(
            [
                t("col_plan"),
                t("col_served"),
                t("col_key_served"),
                t("col_township_served"),
                t("col_km_total"),
                t("col_idle", days=IDLE_DAYS),
                t("col_busiest"),
            ],
            [
                _figures(t("linkage_baseline"), view.baseline),
                _figures(t("linkage_potential"), view.potential),
                _figures(t("linkage_with_all"), view.with_all),
            ],
            [40 * mm, 24 * mm, 24 * mm, 22 * mm, 22 * mm, 26 * mm, 22 * mm],
            align="lrrrrrr",
        )
    )
    if not view.proposals:
        story.append(Spacer(1, 4 * mm))
        story.append(para(t("linkage_none"), s.body))
        return story
    for proposal in view.proposals:
        story.append(CondPageBreak(120 * mm))
        story += _proposal(proposal, t)
    return story


def _proposal(p: LinkageProposalView, t: Texts) -> list[Flowable]:
    s = styles()
    sep = "、" if t.lang == "zh" else ", "
    caravans = sep.join(t("linkage_caravan", code=c.code, home=c.home, depot=c.depot) for c in p.caravans)
    days = sep.join(f"{code} {change:+d}" for code, change in p.gain.days_per_caravan.items())
    parts: list[Flowable] = [
        para(t("linkage_proposal", n=p.number), s.heading),
        para(t("linkage_caravans", caravans=caravans), s.body),
        para(t("linkage_regions", regions=sep.join(name for _a, name in p.regions)), s.body),
        Spacer(1, 2 * mm),
        table(
            [
                t("col_served"),
                t("col_key_served"),
                t("col_township_served"),
                t("col_km_total"),
                t("col_days_on_road"),
            ],
            [
                [
                    f"{p.gain.served:+d}",
                    f"{p.gain.key_county:+d}",
                    f"{p.gain.township:+d}",
                    f"{p.gain.km:+,.0f}",
                    days or "–",
                ]
            ],
            [22 * mm, 22 * mm, 22 * mm, 24 * mm, 90 * mm],
            align="rrrrl",
        ),
        Spacer(1, 2 * mm),
        proposal_map(p, WIDTH, 85 * mm),
    ]
    return [KeepTogether(parts)]


def _opens(county: County, regions: set[str]) -> bool:
    """A county the joint tour opens: listed itself, or its city is (a city's adcode ends in 00)."""
    return county.adcode in regions or f"{county.adcode[:4]}00" in regions


def proposal_map(p: LinkageProposalView, width: float, height: float) -> Drawing:
    """The counties the joint tour opens, shaded, and a line from each caravan's depot to them."""
    font = register_font()
    regions = {adcode for adcode, _name in p.regions}
    opened = [c for c in counties() if _opens(c, regions)]
    depots = []
    for c in p.caravans:
        lat, lon = gcj02_to_wgs84(c.place.lat, c.place.lon)
        depots.append((c.code, (lon, lat)))
    points = [xy for _c, xy in depots] + [
        (x, y) for county in opened for x, y in ((county.west, county.south), (county.east, county.north))
    ]
    drawing = CJKDrawing(width, height)
    if not points:
        return drawing
    extent = fit_extent(points, width, height)
    drawing.add(rect(0, 0, width, height, fill=SEA, stroke=None))
    land = Group()
    # A clip path clips what follows it in the same group: the counties stay inside the frame.
    land.add(
        Path(
            points=[0, 0, width, 0, width, height, 0, height],
            operators=[0, 1, 1, 1, 3],
            isClipPath=1,
            strokeColor=None,
            fillColor=None,
        )
    )
    opened_codes = {c.adcode for c in opened}
    for county in counties():
        if not county.meets(extent.west, extent.south, extent.east, extent.north):
            continue
        fill = OPENED if county.adcode in opened_codes else LAND
        for ring in county.rings:
            flat = [v for lon, lat in ring[:: max(1, len(ring) // 300)] for v in extent.xy(lon, lat)]
            if len(flat) >= 6:
                land.add(Polygon(flat, fillColor=fill, strokeColor=BORDER, strokeWidth=0.4))
    drawing.add(land)
    # The opened counties by name, and a line from each depot to the nearest of them.
    for county in opened:
        x, y = extent.xy(*county.label_at)
        drawing.add(String(x, y, county.name, fontName=font, fontSize=7, fillColor=NAME, textAnchor="middle"))
    for code, (lon, lat) in depots:
        x, y = extent.xy(lon, lat)
        if opened:
            target = min(opened, key=lambda c: (c.label_at[0] - lon) ** 2 + (c.label_at[1] - lat) ** 2)
            tx, ty = extent.xy(*target.label_at)
            drawing.add(Line(x, y, tx, ty, strokeColor=LINK, strokeWidth=0.9, strokeDashArray=[3, 2]))
        drawing.add(rect(x - 4, y - 4, 8, 8, fill=DEPOT, stroke=colors.white, width=0.8))
        drawing.add(String(x + 5, y + 3, code, fontName=font, fontSize=7, fillColor=colors.black))
    drawing.add(rect(0, 0, width, height, fill=None, stroke=BORDER, width=0.8))
    return drawing
