"""Printing from the database: a stored tour plan's route sheets and summary, exhibit labels, the CLI."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from caravan_app import cli
from caravan_app.domain.enums import PlanKind, PlanStatus
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    Caravan,
    Exhibit,
    ExhibitSet,
    Plan,
    SetPlacement,
    TourStop,
    Trip,
    UnservedRequest,
)
from caravan_app.planning.control import SolveControl
from caravan_app.reports.texts import Texts
from caravan_app.services.demo import build_demo
from caravan_app.services.field_kit import open_kit
from caravan_app.services.kit_export import export_placement
from caravan_app.services.reports import (
    exhibit_views,
    labels_pdf,
    rotation_pdf,
    route_sheets_pdf,
    summary_pdf,
    tour_plan_view,
)
from caravan_app.services.rotation import plan_rotation_scenario
from caravan_app.services.rotation_views import rotation_plan_view
from caravan_app.services.tour_planning import plan_term_tours
from caravan_app.services.tour_plans import set_plan_status, stored_plans, tour_plans
from tests.budget import budget
from tests.reports.pdf_tools import assert_font_embedded, page_count, pages, squeeze

PRINTED = date(2027, 2, 26)


@pytest.fixture
def planned(db: Database) -> Database:
    """The demo province with a one-week tour plan (a short horizon keeps the solve cheap)."""
    build_demo(db)
    plan_term_tours(
        db, date(2027, 3, 1), date(2027, 3, 5), name="三月第一周", control=SolveControl(time_limit=2)
    )
    return db


def test_the_view_matches_the_stored_plan(planned: Database) -> None:
    with planned.session() as s:
        view = tour_plan_view(s, "三月第一周")
        trips = s.scalar(select(func.count()).select_from(Trip))
        stops = s.scalar(select(func.count()).select_from(TourStop))
        unserved = s.scalar(select(func.count()).select_from(UnservedRequest))
        first = s.scalars(select(Trip).order_by(Trip.code)).first()
        assert first is not None
        carried = s.scalars(
            select(Exhibit.code).where(Exhibit.caravan_id == first.caravan_id).order_by(Exhibit.code)
        )
        carried_codes = tuple(carried)
        crew_size = first.caravan.crew_size
    assert len(view.trips) == trips and sum(len(t.stops) for t in view.trips) == stops
    assert len(view.unserved) == unserved and view.requests == view.served + unserved
    assert len(view.key_counties) == 12
    trip = next(t for t in view.trips if t.code == first.code)
    assert (
        tuple(e.code for e in trip.load) == carried_codes and trip.crew == () and trip.crew_size == crew_size
    )
    assert sum(f.shows for f in view.per_caravan) == stops
    assert sum(f.km for f in view.per_caravan) == pytest.approx(sum(t.km for t in view.trips), abs=0.5)


def test_route_sheets_hold_the_plans_venues_dates_and_codes(planned: Database, tmp_path: Path) -> None:
    with planned.session() as s:
        view = tour_plan_view(s)  # the newest tour plan
    pdf = route_sheets_pdf(planned, lang="zh", printed_on=PRINTED)
    text = [squeeze(p) for p in pages(pdf, tmp_path)]
    whole = "".join(text)
    for trip in view.trips:
        assert trip.code in whole and trip.plate in whole
        for stop in trip.stops:
            assert squeeze(stop.venue_name) in whole and stop.contact_phone in whole
            assert f"{stop.show_start:%Y-%m-%d}" in whole
    # One first page per trip.
    assert sum("第1页，共" in p for p in text) == len(view.trips)
    assert_font_embedded(pdf, tmp_path)

    one = view.trips[0]
    only = pages(
        route_sheets_pdf(planned, "三月第一周", "en", trip_codes=[one.code], printed_on=PRINTED), tmp_path
    )
    assert "Science caravan route sheet" in only[0] and one.code in only[0]
    assert all(other.code not in "".join(only) for other in view.trips[1:])


def test_summary_holds_the_totals(planned: Database, tmp_path: Path) -> None:
    with planned.session() as s:
        view = tour_plan_view(s, "三月第一周")
    whole = squeeze(
        "".join(pages(summary_pdf(planned, "三月第一周", printed_on=PRINTED), tmp_path, layout=True))
    )
    assert f"已服务需求{view.served}/{view.requests}" in whole
    assert (
        f"合计{sum(f.days_on_road for f in view.per_caravan)}{sum(f.shows for f in view.per_caravan)}"
        in whole
    )
    assert f"行程数{len(view.trips)}" in whole
    for u in view.unserved[:5]:
        assert u.request_code in whole


def test_labels_by_set_caravan_depot_or_code(planned: Database, tmp_path: Path) -> None:
    with planned.session() as s:
        set_code, set_id = s.execute(select(ExhibitSet.code, ExhibitSet.id).order_by(ExhibitSet.code)).first()
        in_set = list(s.scalars(select(Exhibit.code).where(Exhibit.set_id == set_id).order_by(Exhibit.code)))
        caravan = s.scalars(select(Caravan).order_by(Caravan.code)).first()
        assert caravan is not None
        on_caravan = s.scalar(select(func.count()).where(Exhibit.caravan_id == caravan.id))
        english = s.scalars(select(Exhibit).where(Exhibit.set_id == set_id, Exhibit.name_en != "")).first()
        assert english is not None
        by_code = [v.code for v in exhibit_views(s, codes=in_set[:3])]
        assert by_code == in_set[:3]
    pdf = labels_pdf(planned, set_code=set_code)
    assert page_count(pdf, tmp_path) == math.ceil(len(in_set) / 24)
    whole = squeeze("".join(pages(pdf, tmp_path)))
    assert all(code in whole for code in in_set)
    assert_font_embedded(pdf, tmp_path)
    assert page_count(labels_pdf(planned, caravan_code=caravan.code), tmp_path) == math.ceil(on_caravan / 24)
    assert squeeze(english.name_en) in squeeze(
        "".join(pages(labels_pdf(planned, codes=[english.code], lang="en"), tmp_path))
    )
    with pytest.raises(CaravanError, match="no exhibit set"):
        labels_pdf(planned, set_code="NOPE")
    with pytest.raises(CaravanError, match="no exhibit EX-NONE"):
        labels_pdf(planned, codes=["EX-NONE"])


def test_plans_are_found_by_name_or_the_newest(db: Database) -> None:
    with pytest.raises(CaravanError, match="no tour plan to print yet"):
        route_sheets_pdf(db)
    build_demo(db)
    plan_term_tours(db, date(2027, 3, 1), date(2027, 3, 2), name="甲", control=SolveControl(time_limit=1))
    with pytest.raises(CaravanError, match="no plan named '乙'; tour plans: 甲"):
        summary_pdf(db, "乙")
    with db.session() as s:
        assert tour_plan_view(s).name == "甲" and s.scalar(select(func.count()).select_from(Plan)) == 1


def test_the_print_command_writes_each_document(planned: Database, tmp_path: Path) -> None:
    url = planned.url.render_as_string(hide_password=False)
    for what, extra in (
        ("route-sheets", []),
        ("summary", ["三月第一周"]),
        ("labels", ["--depot", "D320000"]),
    ):
        out = tmp_path / f"{what}.pdf"
        assert cli.main(["--db", url, "print", what, *extra, "--out", str(out), "--lang", "en"]) == 0
        assert page_count(out.read_bytes(), tmp_path) >= 1
    out = tmp_path / "x.pdf"
    assert cli.main(["--db", url, "print", "summary", "--trip", "X", "--out", str(out)]) == cli.EXIT_ERROR
    assert cli.main(["--db", url, "print", "labels", "三月第一周", "--out", str(out)]) == cli.EXIT_ERROR
    assert (
        cli.main(["--db", url, "print", "route-sheets", "--trip", "NOPE", "--out", str(out)])
        == cli.EXIT_ERROR
    )
    assert not out.exists()


def test_the_rotation_schedule_of_a_stored_plan(db: Database, tmp_path: Path) -> None:
    build_demo(db)
    summary = plan_rotation_scenario(
        db,
        date(2027, 1, 1),
        3,
        2,
        name="扬泰轮换",
        cities=["扬州", "泰州"],
        control=budget(),
    )
    with db.session(audited=False) as s:
        view = rotation_plan_view(s, "扬泰轮换")
    assert view.stays
    pdf = rotation_pdf(db, "扬泰轮换", printed_on=PRINTED)
    whole = squeeze("".join(pages(pdf, tmp_path, layout=True)))
    assert "流动科技馆轮换计划表" in whole and "方案：扬泰轮换" in whole
    for stay in view.stays:
        assert stay.set_code in whole and squeeze(stay.venue_name) in whole
    # Every set the plan was solved for has its row, one the plan places nowhere too.
    assert view.sets and {code for code, _name in view.sets} >= {stay.set_code for stay in view.stays}
    for code, name in view.sets:
        assert code in whole and squeeze(name) in whole
    for start, end in view.periods:
        assert start.isoformat() in whole and end.isoformat() in whole
    moved = [m for m in (*view.stays, *view.returns) if m.km > 0]
    truck_km = sum(m.km * m.truck_loads for m in moved)
    assert f"运输车公里{truck_km:,.0f}" in whole
    assert math.isclose(truck_km, summary.figures.truck_km, rel_tol=0.01, abs_tol=1)
    # The planner scheduled every move's changeover days, and the schedule prints them.
    for move in moved:
        assert move.changeover is not None
        assert f"{move.changeover[0]:%m-%d}" in whole
    assert_font_embedded(pdf, tmp_path)
    # The newest rotation plan when unnamed, from the command line too.
    out = tmp_path / "rotation.pdf"
    url = db.url.render_as_string(hide_password=False)
    assert cli.main(["--db", url, "print", "rotation", "--out", str(out), "--lang", "en"]) == 0
    assert "Travelling museum rotation schedule" in pages(out.read_bytes(), tmp_path)[0]
    with pytest.raises(CaravanError, match="no plan named 'nope'; rotation plans: 扬泰轮换"):
        rotation_pdf(db, "nope")


def test_a_draft_rotations_papers_and_kits_are_marked_and_an_approved_ones_not(
    db: Database, tmp_path: Path
) -> None:
    build_demo(db)
    plan_rotation_scenario(
        db, date(2027, 1, 1), 3, 2, name="扬泰轮换", cities=["扬州", "泰州"], control=budget()
    )
    mark = squeeze(Texts("zh")("draft_mark"))
    text = pages(rotation_pdf(db, "扬泰轮换", printed_on=PRINTED), tmp_path)
    assert text and all(squeeze(page).count(mark) == 1 for page in text)
    with db.session() as s:
        plan = s.scalars(select(Plan).where(Plan.name == "扬泰轮换")).one()
        code = s.scalars(select(SetPlacement.code).where(SetPlacement.plan_id == plan.id)).first()
        assert code is not None
    with pytest.raises(CaravanError, match="belongs to the draft plan '扬泰轮换'") as refused:
        export_placement(db, code, tmp_path / "refused.ckit", draft=False)
    assert refused.value.code == "kit_of_draft" and not (tmp_path / "refused.ckit").exists()
    export_placement(db, code, tmp_path / "stay.ckit")  # the window asked, or --draft was given
    with open_kit(tmp_path / "stay.ckit") as kit:
        for part in ("route-sheet.pdf", "condition-form.pdf"):
            assert all(squeeze(page).count(mark) == 1 for page in pages(kit.part(part), tmp_path)), part
        assert "【草案 · 未经批准】扬泰轮换" in kit.part("map.html").decode("utf-8")

    row = next(p for p in stored_plans(db, PlanKind.ROTATION) if p.name == "扬泰轮换")
    set_plan_status(db, row.id, row.version, PlanStatus.APPROVED)
    assert mark not in squeeze("".join(pages(rotation_pdf(db, "扬泰轮换", printed_on=PRINTED), tmp_path)))
    export_placement(db, code, tmp_path / "approved.ckit", draft=False)
    with open_kit(tmp_path / "approved.ckit") as kit:
        for part in ("route-sheet.pdf", "condition-form.pdf"):
            assert "草案" not in "".join(pages(kit.part(part), tmp_path)), part
        assert "草案" not in kit.part("map.html").decode("utf-8")


def test_a_draft_tour_plans_papers_are_marked_on_every_page_and_an_approved_ones_not(
    planned: Database, tmp_path: Path
) -> None:
    mark = squeeze(Texts("zh")("draft_mark"))
    made = (
        lambda: route_sheets_pdf(planned, "三月第一周", printed_on=PRINTED),
        lambda: summary_pdf(planned, "三月第一周", printed_on=PRINTED),
    )
    for make in made:
        text = pages(make(), tmp_path)
        assert text and all(squeeze(page).count(mark) == 1 for page in text)
    assert len(pages(made[0](), tmp_path)) > 1
    row = next(p for p in tour_plans(planned) if p.name == "三月第一周")
    set_plan_status(planned, row.id, row.version, PlanStatus.APPROVED)
    for make in made:
        whole = squeeze("".join(pages(make(), tmp_path)))
        assert mark not in whole and "草案" not in whole
