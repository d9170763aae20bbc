"""Linkage on the demo province: unserved requests name the caravans that fit them elsewhere (window,
summary PDF, command line), and accepted proposals become audited joint tours the planner uses.

Each block's search stops after its first solution (the greedy plan restored), so the plans are the
same on any machine; the time limit is a backstop.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from caravan_app import cli
from caravan_app.domain.enums import CaravanStatus, EventStatus
from caravan_app.domain.linkage import JointTourProposal
from caravan_app.domain.outcomes import UnservedReason
from caravan_app.errors import CaravanError
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    AuditEntry,
    Caravan,
    Event,
    JointTour,
    JointTourCaravan,
    JointTourRegion,
    Plan,
    Region,
    Trip,
)
from caravan_app.planning.control import SolveControl
from caravan_app.planning.linkage import fits, permitted
from caravan_app.planning.tour_json import problem_from_json
from caravan_app.services.calendar import calendar_in
from caravan_app.services.dashboard import event_years, year_figures
from caravan_app.services.demo import build_demo
from caravan_app.services.linkage import accept_proposals
from caravan_app.services.reports import summary_pdf, tour_plan_view
from caravan_app.services.tour_planning import build_tour_problem, export_plan_json, plan_term_tours
from caravan_app.services.tour_plans import tour_plan_detail_named
from tests.reports.pdf_tools import pages, squeeze

FIRST, LAST = date(2027, 3, 1), date(2027, 3, 12)


def first_solutions() -> SolveControl:
    return SolveControl(time_limit=60, solution_limit=1)


@pytest.fixture
def planned(db: Database) -> Database:
    build_demo(db)
    plan_term_tours(db, FIRST, LAST, name="两周", control=first_solutions())
    return db


def test_unserved_requests_name_the_caravans_that_fit_them_elsewhere(
    planned: Database, tmp_path: Path
) -> None:
    detail = tour_plan_detail_named(planned, "两周")
    with planned.session(audited=False) as s:
        plan = s.scalars(select(Plan).where(Plan.name == "两周")).one()
        problem = problem_from_json(json.loads(plan.parameters_json)["problem"])
        names = {adcode: name for adcode, name in s.execute(select(Region.adcode, Region.name))}
    caravans = {c.code: c for c in problem.caravans}
    requests = {r.code: r for r in problem.requests}
    region_kept = [u for u in detail.unserved if u.reason is UnservedReason.NO_PERMITTED_CARAVAN]
    assert region_kept, "the demo's rules keep some requests from every caravan that fits them"
    for u in detail.unserved:
        if u.reason is UnservedReason.NO_TYPE_OR_THEME:
            assert u.elsewhere == ()
        request = requests[u.request_code]
        kms = [f.km for f in u.elsewhere]
        assert kms == sorted(kms) and len(u.elsewhere) <= 3
        for f in u.elsewhere:
            caravan = caravans[f.caravan_code]
            # Of a wanted type and theme, kept out by the region rule alone; named as staff know it.
            assert fits(caravan, request) and not permitted(problem, caravan, request)
            assert f.home == names[caravan.region] and not f.depot.startswith("D3")
    assert any(u.elsewhere for u in region_kept)

    # The plan summary says it in each language.
    with planned.session(audited=False) as s:
        view = tour_plan_view(s, "两周")
    linked = next(u for u in view.unserved if u.elsewhere)
    zh = squeeze("".join(pages(summary_pdf(planned, "两周", lang="zh"), tmp_path)))
    en = squeeze("".join(pages(summary_pdf(planned, "两周", lang="en"), tmp_path)))
    nearest = linked.elsewhere[0]
    assert squeeze(f"可联动：{nearest.caravan_code}（{nearest.home}") in zh
    assert squeeze(f"Could be served through a joint tour by {nearest.caravan_code} ({nearest.home}") in en
    # Fleet use beside the figures, and the days each caravan could have gone.
    assert "车辆使用" in zh and "可出车天数" in zh
    assert squeeze("Fleet use") in en and squeeze("Days available (used)") in en


def test_accepted_proposals_become_audited_joint_tours_the_planner_uses(planned: Database) -> None:
    with planned.session(audited=False) as s:
        problem = build_tour_problem(s, FIRST, LAST)
        before = s.scalar(select(func.count()).select_from(JointTour))
        audited = s.scalar(select(func.count()).select_from(AuditEntry))
    plan = tour_plan_detail_named(planned, "两周")
    kept = next(u for u in plan.unserved if u.elsewhere)
    request = next(r for r in problem.requests if r.code == kept.request_code)
    proposal = JointTourProposal(
        caravans=(kept.elsewhere[0].caravan_code,), regions=(request.county,), requests=(request.code,)
    )
    codes = accept_proposals(planned, [proposal])
    assert len(codes) == 1
    with planned.session(audited=False) as s:
        assert s.scalar(select(func.count()).select_from(JointTour)) == before + 1
        tour = s.scalars(select(JointTour).where(JointTour.code == codes[0])).one()
        assert kept.county in tour.name
        members = s.scalars(select(JointTourCaravan).where(JointTourCaravan.joint_tour_id == tour.id)).all()
        places = s.scalars(select(JointTourRegion).where(JointTourRegion.joint_tour_id == tour.id)).all()
        assert [m.caravan.code for m in members] == [kept.elsewhere[0].caravan_code]
        assert [p.region.adcode for p in places] == [request.county]
        # One audited transaction: the joint tour, its caravan and its region.
        assert s.scalar(select(func.count()).select_from(AuditEntry)) >= audited + 3
        linked = build_tour_problem(s, FIRST, LAST)
    caravan = next(c for c in linked.caravans if c.code == kept.elsewhere[0].caravan_code)
    assert permitted(linked, caravan, next(r for r in linked.requests if r.code == request.code))

    # A proposal naming what is not there writes nothing.
    with pytest.raises(CaravanError, match="no caravan NOPE"):
        accept_proposals(planned, [proposal, JointTourProposal(("NOPE",), (request.county,), ())])
    with planned.session(audited=False) as s:
        assert s.scalar(select(func.count()).select_from(JointTour)) == before + 1


@pytest.mark.slow
def test_the_command_line_advises_linkage_writes_json_and_accepts(
    planned: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = planned.url.render_as_string(hide_password=False)
    out = tmp_path / "linkage.json"
    argv = ["--db", url, "advise", "linkage", "--from", "2027-03-01", "--to", "2027-03-12"]
    argv += ["--max-joint-tours", "2", "--time-limit", "60", "--solution-limit", "1", "--json", str(out)]
    pdf = tmp_path / "linkage.pdf"
    argv += ["--pdf", str(pdf), "--accept", "--name", "联动后"]
    with planned.session(audited=False) as s:
        before = s.scalar(select(func.count()).select_from(JointTour))
    assert cli.main(argv) == 0
    printed = capsys.readouterr().out
    assert "rules as they stand 现行规则: served" in printed and "every caravan anywhere 不限地区" in printed
    advice = json.loads(out.read_text(encoding="utf-8"))
    assert advice["format"] == "caravan_app linkage 1"
    for key in ("baseline", "potential", "with_all_proposals"):
        figures = advice[key]
        assert {"served", "requests", "key_county_served", "km", "days_per_caravan"} <= figures.keys()
    proposals = advice["proposals"]
    assert 1 <= len(proposals) <= 2
    for proposal in proposals:
        gain = proposal["gain"]
        assert gain["served"] > 0 or (gain["served"] == 0 and gain["key_county"] > 0)
        assert proposal["caravans"] and proposal["regions"]
    assert advice["with_all_proposals"]["served"] >= advice["baseline"]["served"]
    assert "proposal 1 联动建议:" in printed and "stored joint tours" in printed
    # The printed proposal: the three plans compared, each joint tour with its caravans and counties.
    with planned.session(audited=False) as s:
        names = {adcode: name for adcode, name in s.execute(select(Region.adcode, Region.name))}
    text = squeeze("".join(pages(pdf.read_bytes(), tmp_path)))
    assert "联动巡展建议" in text and "现行规则" in text and "不限地区" in text and "采纳全部建议" in text
    assert "时段：2027-03-01—2027-03-12" in text  # the running header names the horizon, not a plan
    for number, proposal in enumerate(proposals, start=1):
        assert f"建议{number}" in text
        assert all(names[r] in text for r in proposal["regions"])
        assert all(code in text for code in proposal["caravans"])
    with planned.session(audited=False) as s:
        assert s.scalar(select(func.count()).select_from(JointTour)) == before + len(proposals)
        assert s.scalar(select(Plan.id).where(Plan.name == "联动后")) is not None


def test_fleet_use_matches_the_plans_days_and_the_calendar(planned: Database, tmp_path: Path) -> None:
    use = tour_plan_detail_named(planned, "两周").plan.tour.utilisation
    assert use is not None
    with planned.session(audited=False) as s:
        office = calendar_in(s)
        plan_id = s.scalar(select(Plan.id).where(Plan.name == "两周"))
        trips = s.execute(
            select(Caravan.code, Trip.leave_at, Trip.back_at).join(Caravan).where(Trip.plan_id == plan_id)
        ).all()
        in_service = set(s.scalars(select(Caravan.code).where(Caravan.status == CaravanStatus.IN_SERVICE)))
    span = [FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1)]
    working = sum(1 for d in span if office.is_working_day(d))
    days: dict[str, int] = dict.fromkeys(in_service, 0)
    for code, leave, back in trips:
        days[code] += (back.date() - leave.date()).days + 1
    assert use.working_days == working
    assert {c.caravan: c.days_on_road for c in use.caravans} == days
    assert all(c.available_days == working for c in use.caravans)  # no caravan is away in the demo
    assert set(use.idle) == {code for code, n in days.items() if n < 5}

    out = tmp_path / "plan.json"
    export_plan_json(planned, "两周", out)
    exported = json.loads(out.read_text(encoding="utf-8"))["utilisation"]
    assert exported["days_per_caravan"] == days
    assert exported["available_days_per_caravan"] == dict.fromkeys(days, working)


def test_the_years_fleet_use_counts_show_days_against_the_working_days(planned: Database) -> None:
    year = event_years(planned)[0]
    use = year_figures(planned, year).utilisation
    assert use is not None
    first, last = date(year, 1, 1), date(year, 12, 31)
    with planned.session(audited=False) as s:
        office = calendar_in(s)
        held = s.execute(
            select(Caravan.code, Event.held_on)
            .join(Caravan, Caravan.id == Event.caravan_id)
            .where(Event.status == EventStatus.HELD, Event.held_on.between(first, last))
        ).all()
    working = sum(
        1 for n in range((last - first).days + 1) if office.is_working_day(first + timedelta(days=n))
    )
    show_days: dict[str, set[date]] = {}
    for code, day in held:
        show_days.setdefault(code, set()).add(day)
    assert use.working_days == working and all(c.available_days == working for c in use.caravans)
    for c in use.caravans:
        assert c.days_on_road == len(show_days.get(c.caravan, ()))
    assert use.days_on_road == sum(len(d) for d in show_days.values())
