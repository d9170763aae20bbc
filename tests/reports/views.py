"""Hand-made views for the report tests: a small tour plan, a long trip and a consolidation scenario."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from caravan_app.domain.figures import CoverageFigures, RegroupFigures
from caravan_app.domain.outcomes import SolveStatus, UnservedReason
from caravan_app.domain.views import (
    CaravanFigures,
    ConsolidationView,
    DepotView,
    Evidence,
    ExhibitView,
    PlaceView,
    RegroupMoveView,
    RetirementCandidateView,
    SetCompletenessView,
    StopView,
    TourPlanView,
    TripView,
    UnservedView,
    WhatIfView,
)

XUZHOU_DEPOT = DepotView(
    "D320300", "徐州市科协科普物资库", PlaceView(34.2044, 117.2859), "徐州市云龙区和平路1号"
)
SUQIAN_DEPOT = DepotView(
    "D321300", "宿迁市科协科普物资库", PlaceView(33.9631, 118.2752), "宿迁市宿城区西湖路8号"
)

# Venues in 丰县 (key county), 沛县 and 睢宁县 (key county), GCJ-02.
VENUES = [
    (
        "V32032101",
        "丰县凤城中心小学",
        "丰县",
        "320321",
        "徐州市丰县凤城街道中阳大道12号",
        PlaceView(34.6965, 116.5955),
        True,
    ),
    (
        "V32032201",
        "沛县汉城文化广场",
        "沛县",
        "320322",
        "徐州市沛县汉源大道88号",
        PlaceView(34.7216, 116.9373),
        False,
    ),
    (
        "V32032401",
        "睢宁县姚集镇综合文化站",
        "睢宁县",
        "320324",
        "徐州市睢宁县姚集镇人民路5号",
        PlaceView(33.9126, 117.9414),
        True,
    ),
]


def exhibit(i: int, theme: str = "力学") -> ExhibitView:
    return ExhibitView(f"EX-T{i:04d}", f"展品{i}号·杠杆原理", theme, "ABCD"[i % 4], 20.0 + i)


def stop(seq: int, day: date, venue: int, hour: int = 9, km: float = 42.5) -> StopView:
    code, name, county, adcode, address, place, key = VENUES[venue]
    start = datetime.combine(day, datetime.min.time()).replace(hour=hour)
    return StopView(
        seq=seq,
        venue_code=code,
        venue_name=name,
        county=county,
        county_adcode=adcode,
        address=address,
        place=place,
        contact_name=f"联系人{seq}",
        contact_phone=f"1380000{seq:04d}",
        arrive_at=start - timedelta(minutes=30),
        show_start=start,
        show_end=start + timedelta(hours=4),
        km_from_previous=km,
        request_code=f"RQ-T-{venue}{seq:02d}",
        locked=seq == 1,
        key_county=key,
    )


def small_trip() -> TripView:
    day = date(2027, 3, 1)
    stops = (stop(1, day, 0, km=80.2), stop(2, day + timedelta(days=1), 1, km=35.6))
    return TripView(
        code="P9-CV05-20270301",
        caravan_code="CV05",
        plate="苏C·K1234",
        caravan_type="II",
        crew=(),
        depot=XUZHOU_DEPOT,
        leave_at=datetime(2027, 3, 1, 7, 0),
        back_at=datetime(2027, 3, 2, 16, 45),
        stops=stops,
        km_back=61.3,
        load=tuple(exhibit(i) for i in range(1, 7)),
        crew_size=2,
    )


def second_trip() -> TripView:
    day = date(2027, 3, 8)
    return TripView(
        code="P9-CV11-20270308",
        caravan_code="CV11",
        plate="苏N·K5678",
        caravan_type="IV",
        crew=("王强", "李娜"),
        depot=SUQIAN_DEPOT,
        leave_at=datetime(2027, 3, 8, 8, 0),
        back_at=datetime(2027, 3, 8, 17, 30),
        stops=(stop(1, day, 2, km=55.0),),
        km_back=55.0,
        load=(),
    )


def long_trip(stops: int = 45) -> TripView:
    """One stop a day for weeks: more rows than one page holds."""
    first = date(2027, 4, 5)
    return TripView(
        code="P9-CV01-20270405",
        caravan_code="CV01",
        plate="苏A·K0001",
        caravan_type="I",
        crew=(),
        depot=XUZHOU_DEPOT,
        leave_at=datetime(2027, 4, 5, 7, 0),
        back_at=datetime.combine(first + timedelta(days=stops - 1), datetime.min.time()).replace(hour=17),
        stops=tuple(stop(i, first + timedelta(days=i - 1), i % 3) for i in range(1, stops + 1)),
        km_back=30.0,
        load=tuple(exhibit(i) for i in range(1, 60)),
        crew_size=3,
    )


def tour_plan(*trips: TripView) -> TourPlanView:
    trips = trips or (small_trip(), second_trip())
    return TourPlanView(
        name="2027春季巡展测试",
        start=date(2027, 3, 1),
        end=date(2027, 3, 12),
        status="draft",
        trips=trips,
        unserved=(
            UnservedView("RQ-T-101", "灌南县新安镇中心小学", "灌南县", UnservedReason.NO_PERMITTED_CARAVAN),
            UnservedView("RQ-T-102", "沛县大屯中学", "沛县", UnservedReason.CAPACITY),
            UnservedView(
                "RQ-T-103", "丰县欢口镇文化站", "丰县", UnservedReason.NO_TYPE_OR_THEME, ("II",), ("力学",)
            ),
        ),
        per_caravan=(
            CaravanFigures("CV05", "苏C·K1234", 2, 2, 177.1),
            CaravanFigures("CV11", "苏N·K5678", 1, 1, 110.0),
        ),
        key_counties=("320321", "320324", "320723", "320724"),
        requests=6,
        served=3,
    )


def consolidation() -> ConsolidationView:
    return ConsolidationView(
        name="2027年整合方案",
        made_on=date(2027, 1, 15),
        term="2027-spring",
        thresholds=(
            Evidence("车龄上限", "10 年"),
            Evidence("里程上限", "100000 公里"),
        ),
        candidates=(
            RetirementCandidateView(
                "caravan",
                "CV07",
                "连云港市大篷车",
                ("caravan_age", "caravan_mileage"),
                (Evidence("车龄", "12.4 年", "10 年"), Evidence("里程", "118500 公里", "100000 公里")),
                "retire",
                "accepted",
            ),
            RetirementCandidateView(
                "exhibit",
                "EX-K00123",
                "光的折射",
                ("exhibit_service_life",),
                (Evidence("使用年限", "9.5 年", "8 年"),),
                "refurbish",
            ),
            RetirementCandidateView(
                "caravan",
                "CV19",
                "泗洪县大篷车",
                ("caravan_underused",),
                (Evidence("年行驶", "620 公里", "2000 公里"),),
                "redeploy",
                "rejected",
            ),
        ),
        moves=(
            RegroupMoveView(
                "EX-M00017", "声波可视化", "声光电磁", "MS02 声光电磁探秘", "MS05 声学奥秘", 86.0
            ),
        ),
        sets=(
            SetCompletenessView("MS02", "流动科技馆·声光电磁探秘", 38, 50, True),
            SetCompletenessView("MS05", "流动科技馆·声学奥秘", 41, 40, False),
        ),
        what_ifs=(
            WhatIfView("CV07", "", 334, 321, 12, 11, 48491.0, 45210.0, ("RQ-2027S-0101", "RQ-2027S-0102")),
            WhatIfView("CV19", "淮安市", 334, 338, 12, 12, 48491.0, 49012.0),
        ),
        as_of=date(2027, 2, 15),
        use_window=(date(2026, 2, 15), date(2027, 2, 14)),
        baseline=CoverageFigures("2027春季巡展", 340, 334, 120, 112, 12, 40, 48491.0),
        kits=RegroupFigures(SolveStatus.OPTIMAL, 22, 15, 19, 19, 41, 41, 3120.0, None, 0, 2.5),
        to_store=3,
    )
