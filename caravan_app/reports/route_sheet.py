"""Route sheets: one per trip, handed to the crew. A plan's sheets print as one PDF, each trip from a
new page and numbered on its own ("page 1 of 4" of that trip).

A sheet holds the trip's facts and a QR code of its code, a map, the day-by-day schedule, a show record
per stop (the national platform's fields, the venue's signature and a note, to fill in by hand), the
load list, a pre-departure checklist and a condition form to fill in by hand. A draft plan's sheets
carry the draft mark on every page (reports.document).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table

from caravan_app.domain.views import ExhibitView, StopView, TourPlanView, TripView
from caravan_app.errors import CaravanError
from caravan_app.reports.document import (
    BAND_FILL,
    CELL_PADDING,
    HEAD_FILL,
    INK,
    MUTED,
    RULE,
    Raw,
    Running,
    SectionStart,
    is_draft,
    layout_table,
    markup,
    para,
    qr_code,
    render,
    styles,
    table,
)
from caravan_app.reports.fonts import register_font
from caravan_app.reports.texts import Texts
from caravan_app.reports.trip_map import trip_map

WIDTH = 180 * mm  # A4 less the margins
MAP_HEIGHT = 98 * mm
QR_SIZE = 34 * mm
BLANK = "_" * 14

CHECKS = (
    "check_tyres",
    "check_vehicle",
    "check_generator",
    "check_power",
    "check_secured",
    "check_count",
    "check_first_aid",
    "check_extinguisher",
    "check_documents",
    "check_tools",
    "check_contacts",
)
SPARE_FORM_ROWS = 3  # for exhibits added at the depot that the load list does not know
# Plain cell text keeps its spaces: room to circle a grade by hand.
GRADES = Raw("A     B     C     D")


def route_sheets(
    plan: TourPlanView,
    lang: str = "zh",
    *,
    trip_codes: Iterable[str] | None = None,
    printed_on: date | None = None,
) -> bytes:
    """The route sheets of the plan's trips (or of the trips named), as one PDF."""
    texts = Texts(lang)
    trips = select_trips(plan, trip_codes)
    story = route_sheet_story(plan, trips, texts)
    running = Running(
        texts("route_sheet"), plan.name, printed_on or date.today(), texts, draft=is_draft(plan.status)
    )
    return render(story, running)


def select_trips(plan: TourPlanView, trip_codes: Iterable[str] | None) -> list[TripView]:
    if trip_codes is None:
        trips = list(plan.trips)
    else:
        wanted = list(dict.fromkeys(trip_codes))
        by_code = {t.code: t for t in plan.trips}
        unknown = [c for c in wanted if c not in by_code]
        if unknown:
            raise CaravanError(f"plan {plan.name!r} has no trip {', '.join(unknown)}")
        trips = [by_code[c] for c in wanted]
    if not trips:
        raise CaravanError(f"plan {plan.name!r} has no trips to print")
    return trips


def route_sheet_story(plan: TourPlanView, trips: list[TripView], texts: Texts) -> list[Flowable]:
    story: list[Flowable] = []
    key_counties = frozenset(plan.key_counties)
    for i, trip in enumerate(trips):
        if i:
            story.append(PageBreak())
        story += trip_story(trip, texts, key_counties)
    return story


def trip_story(trip: TripView, texts: Texts, key_counties: frozenset[str] = frozenset()) -> list[Flowable]:
    s = styles()
    t = texts
    story: list[Flowable] = [SectionStart(trip.code, f"{t('trip_code')} {trip.code}")]
    story.append(para(t("route_sheet"), s.title))
    story.append(_facts_and_qr(trip, t))
    story.append(para(t("map"), s.heading))
    story.append(trip_map(trip, WIDTH, MAP_HEIGHT, t, key_counties))
    story.append(CondPageBreak(40 * mm))
    story.append(para(t("schedule"), s.heading))
    story.append(_schedule(trip, t))
    story.append(CondPageBreak(60 * mm))
    story.append(para(t("show_record"), s.heading))
    story += _show_records(trip, t)
    story.append(CondPageBreak(50 * mm))
    story.append(para(t("load_list"), s.heading))
    story += _load_list(trip.load, t)
    story.append(CondPageBreak(95 * mm))
    story.append(para(t("checklist"), s.heading))
    story += _checklist(t)
    story.append(CondPageBreak(60 * mm))
    story.append(para(t("condition_form"), s.heading))
    story += _condition_form(trip.load, t)
    return story


def _crew_text(trip: TripView) -> str:
    if trip.crew:
        return "、".join(trip.crew)
    seats = trip.crew_size or 3
    return "   ".join(f"{n}. {BLANK}" for n in range(1, seats + 1))


def _moment(t: Texts, moment: datetime) -> str:
    return f"{t.day(moment.date())} {t.time(moment)}"


def _facts_and_qr(trip: TripView, t: Texts) -> Table:
    s = styles()
    label_w, value_w = 20 * mm, 52 * mm

    def label(key: str) -> Flowable:
        return para(t(key), s.cell_head)

    def value(text: str) -> Flowable:
        return para(text, s.cell)

    days = (trip.back_at.date() - trip.leave_at.date()).days + 1
    depot = trip.depot.name + (f"（{trip.depot.address}）" if trip.depot.address and t.lang == "zh" else "")
    if trip.depot.address and t.lang == "en":
        depot = f"{trip.depot.name} ({trip.depot.address})"
    rows: list[list[Any]] = [
        [label("trip_code"), value(trip.code), "", ""],
        [label("caravan"), value(trip.caravan_code), label("plate"), value(trip.plate)],
        [
            label("caravan_type"),
            value(t("type_value", type=trip.caravan_type)),
            label("trip_km"),
            value(t("km_value", km=t.km(trip.km))),
        ],
        [label("leave"), value(_moment(t, trip.leave_at)), label("back"), value(_moment(t, trip.back_at))],
        [label("stops_days"), value(t("stops_days_value", stops=len(trip.stops), days=days)), "", ""],
        [label("depot"), value(depot), "", ""],
        [label("crew"), value(_crew_text(trip)), "", ""],
    ]
    facts = layout_table(
        rows,
        [label_w, value_w, label_w, value_w],
        [
            ("SPAN", (1, 0), (3, 0)),
            ("SPAN", (1, 4), (3, 4)),
            ("SPAN", (1, 5), (3, 5)),
            ("SPAN", (1, 6), (3, 6)),
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("BACKGROUND", (0, 0), (0, -1), HEAD_FILL),
            ("BACKGROUND", (2, 1), (2, 3), HEAD_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ],
    )
    qr = layout_table(
        [[qr_code(trip.code, QR_SIZE)], [para(t("scan_trip"), s.small_center)]],
        [QR_SIZE],
        [
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    gap = WIDTH - 2 * (label_w + value_w) - QR_SIZE
    return layout_table(
        [[facts, "", qr]],
        [2 * (label_w + value_w), gap, QR_SIZE],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def _venue_cell(stop: StopView, t: Texts) -> Flowable:
    notes = [escape(stop.county)] if stop.county else []
    if stop.key_county:
        notes.append(t("key_county"))
    if stop.locked:
        notes.append(t("locked"))
    small = f'<br/><font size="6.5" color="#{MUTED.hexval()[2:]}">{" · ".join(notes)}</font>'
    return markup(escape(stop.venue_name) + (small if notes else ""), styles().cell)


def _arrive_text(stop: StopView, t: Texts) -> str:
    if stop.arrive_at.date() != stop.show_start.date():
        return f"{stop.arrive_at:%m-%d} {t.time(stop.arrive_at)}"
    return t.time(stop.arrive_at)


def _schedule(trip: TripView, t: Texts) -> Flowable:
    widths = [8 * mm, 19 * mm, 20 * mm, 38 * mm, 45 * mm, 37 * mm, 13 * mm]
    header = [
        t("col_seq"),
        t("col_arrive"),
        t("col_show"),
        t("col_venue"),
        t("col_address"),
        t("col_contact"),
        t("col_km"),
    ]
    rows: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = []

    def row_index() -> int:
        return len(rows) + 1  # the header is row 0

    def whole_row(text: str, fill: Any = None) -> None:
        r = row_index()
        rows.append([text, "", "", "", "", "", ""])
        extra.append(("SPAN", (0, r), (-1, r)))
        if fill is not None:
            extra.append(("BACKGROUND", (0, r), (-1, r), fill))

    def event_row(when: datetime, text: str, km: str) -> None:
        r = row_index()
        rows.append(["", t.time(when), "", text, "", "", km])
        extra.append(("SPAN", (3, r), (5, r)))
        extra.append(("BACKGROUND", (0, r), (-1, r), "#ffffff"))

    first, last = trip.leave_at.date(), trip.back_at.date()
    by_day: dict[date, list[StopView]] = {}
    for stop in trip.stops:
        by_day.setdefault(stop.show_start.date(), []).append(stop)
    day = first
    n = 1
    while day <= last:
        whole_row(t("day_n", n=n, day=t.day(day)), HEAD_FILL)
        if day == first:
            event_row(trip.leave_at, t("leave_depot", depot=trip.depot.name), "")
        stops = by_day.get(day, [])
        if not stops and day != last:
            whole_row(t("no_show_day"))
        for stop in stops:
            rows.append(
                [
                    Raw(str(stop.seq)),
                    Raw(_arrive_text(stop, t)),
                    Raw(f"{t.time(stop.show_start)}-{t.time(stop.show_end)}"),
                    _venue_cell(stop, t),
                    stop.address,
                    f"{stop.contact_name}\n{stop.contact_phone}".strip(),
                    Raw(t.km(stop.km_from_previous)),
                ]
            )
        if day == last:
            event_row(
                trip.back_at,
                t("back_depot", depot=trip.depot.name),
                Raw(t.km(trip.km_back)),
            )
        else:
            whole_row(t("overnight") + "_" * 40, "#ffffff")
        day += timedelta(days=1)
        n += 1
    r = row_index()
    rows.append([t("total"), "", "", "", "", "", Raw(t.km(trip.km))])
    extra += [("SPAN", (0, r), (5, r)), ("BACKGROUND", (0, r), (-1, r), HEAD_FILL)]
    return table(header, rows, widths, align="llllllr", extra=extra, banded=False)


# What the national platform asks of each event that the plan cannot know (services/platform_export.py
# HEADERS: activity, visitors, audience, feedback); the date, venue, county and vehicle it knows.
SHOW_LABEL_WIDTH = 20 * mm
SHOW_VALUE_WIDTH = 40 * mm
SHOW_ROW = 7 * mm
SHOW_TALL_ROW = 11 * mm
LABEL_KEYS = (
    "show_held",
    "show_hours",
    "show_visitors",
    "show_audience",
    "show_activity",
    "show_feedback",
    "show_note",
    "show_signature",
)


def _show_records(trip: TripView, t: Texts) -> list[Flowable]:
    """A form per stop for the crew to fill in by hand after the show: held or not, the hours, the
    visitors, who they were, what was shown, the feedback, a note, and the venue's signature."""
    s = styles()
    out: list[Flowable] = [para(t("show_record_help"), s.small), Spacer(1, 2 * mm)]
    widths = [SHOW_LABEL_WIDTH, SHOW_VALUE_WIDTH] * 3
    font = register_font()

    def label(key: str) -> Any:
        # Plain text where it fits its cell: a term's sheets have thousands of these labels.
        text = t(key)
        if stringWidth(text, font, 8) <= SHOW_LABEL_WIDTH - 2 * CELL_PADDING:
            return Raw(text)
        return para(text, s.cell_head)

    labels = {key: label(key) for key in LABEL_KEYS}
    for stop in trip.stops:
        venue = stop.venue_name
        if stop.county:
            venue += f"（{stop.county}）" if t.lang == "zh" else f" ({stop.county})"
        head = f"{stop.seq}  ·  {t.day(stop.show_start.date())}  ·  {venue}"
        fits = stringWidth(head, font, 8) <= WIDTH - 2 * CELL_PADDING
        rows: list[list[Any]] = [
            [Raw(head) if fits else para(head, s.cell_head), "", "", "", "", ""],
            [
                labels["show_held"],
                Raw(t("show_held_boxes")),
                labels["show_hours"],
                Raw(t("show_hours_blank")),
                labels["show_visitors"],
                Raw(t("show_visitors_blank")),
            ],
            [labels["show_audience"], "", "", labels["show_activity"], "", ""],
            [labels["show_feedback"], "", "", "", "", ""],
            [labels["show_note"], "", "", labels["show_signature"], "", ""],
        ]
        block = Table(
            rows,
            colWidths=widths,
            rowHeights=[None, SHOW_ROW, SHOW_ROW, SHOW_TALL_ROW, SHOW_TALL_ROW],
            hAlign="LEFT",
            style=[
                ("FONT", (0, 0), (-1, -1), font, 8),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("SPAN", (0, 0), (-1, 0)),
                ("SPAN", (1, 2), (2, 2)),
                ("SPAN", (4, 2), (5, 2)),
                ("SPAN", (1, 3), (5, 3)),
                ("SPAN", (1, 4), (2, 4)),
                ("SPAN", (4, 4), (5, 4)),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                ("BACKGROUND", (0, 1), (0, -1), BAND_FILL),
                ("BACKGROUND", (2, 1), (2, 1), BAND_FILL),
                ("BACKGROUND", (4, 1), (4, 1), BAND_FILL),
                ("BACKGROUND", (3, 2), (3, 2), BAND_FILL),
                ("BACKGROUND", (3, 4), (3, 4), BAND_FILL),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ("VALIGN", (0, 3), (-1, 4), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ],
        )
        out += [KeepTogether([block, Spacer(1, 2.5 * mm)])]
    return out


def _load_list(load: tuple[ExhibitView, ...], t: Texts) -> list[Flowable]:
    s = styles()
    if not load:
        return [para(t("no_load"), s.body)]
    weight = sum(e.weight_kg for e in load)
    out: list[Flowable] = [para(t("load_count", n=len(load), kg=f"{weight:,.0f}"), s.body)]
    half = (len(load) + 1) // 2
    widths = [22 * mm, 40 * mm, 18 * mm, 10 * mm] * 2
    one = [t("col_code"), t("col_name"), t("col_theme"), t("col_grade")]
    rows = []
    for i in range(half):
        left = load[i]
        row = [Raw(left.code), left.name, left.theme, Raw(left.condition)]
        if i + half < len(load):
            right = load[i + half]
            row += [Raw(right.code), right.name, right.theme, Raw(right.condition)]
        else:
            row += ["", "", "", ""]
        rows.append(row)
    extra = [("LINEAFTER", (3, 0), (3, -1), 1.2, MUTED)]
    out.append(table(one * 2, rows, widths, align="lllclllc", extra=extra))
    return out


def _checklist(t: Texts) -> list[Flowable]:
    s = styles()
    widths = [8 * mm, 100 * mm, 14 * mm, 58 * mm]
    rows = [[Raw(str(i)), t(key), Raw("□"), ""] for i, key in enumerate(CHECKS, start=1)]
    extra = [
        ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("FONT", (2, 1), (2, -1), register_font(), 14),  # a box to tick, not a letter-sized square
    ]
    sign = f"{t('checked_by')}：{BLANK * 2}　　{t('date')}：{BLANK}"
    if t.lang == "en":
        sign = f"{t('checked_by')}: {BLANK * 2}    {t('date')}: {BLANK}"
    return [
        table(
            [t("col_seq"), t("col_item"), t("col_ok"), t("col_remarks")],
            rows,
            widths,
            align="llcl",
            extra=extra,
            min_row_height=7 * mm,
        ),
        Spacer(1, 4 * mm),
        para(sign, s.body),
    ]


def _condition_form(load: tuple[ExhibitView, ...], t: Texts) -> list[Flowable]:
    s = styles()
    widths = [22 * mm, 40 * mm, 24 * mm, 24 * mm, 42 * mm, 28 * mm]
    rows: list[list[Any]] = [[Raw(e.code), e.name, GRADES, GRADES, "", ""] for e in load]
    rows += [["", "", GRADES, GRADES, "", ""] for _ in range(SPARE_FORM_ROWS if load else 12)]
    header = [
        t("col_code"),
        t("col_name"),
        t("col_grade_out"),
        t("col_grade_back"),
        t("col_fault"),
        t("col_signature"),
    ]
    extra = [
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("ALIGN", (2, 1), (3, -1), "CENTER"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["#ffffff", BAND_FILL]),
    ]
    return [
        para(t("grade_help"), s.small),
        Spacer(1, 2 * mm),
        table(header, rows, widths, align="llccll", extra=extra, banded=False, min_row_height=7 * mm),
    ]
