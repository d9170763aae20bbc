"""Hand-made views for the map tests: a few real Jiangsu places, no database."""

from __future__ import annotations

from datetime import date, datetime

from caravan_app.domain.views import (
    CaravanView,
    CountyCoverage,
    CoverageView,
    DepotView,
    InventoryView,
    PlaceView,
    RotationPlanView,
    SetMoveView,
    SetStandView,
    StopView,
    TourPlanView,
    TripView,
    VenueView,
)

# GCJ-02 points (like the views carry) near the seats of these counties.
NANJING = PlaceView(32.0603, 118.7969)
XUZHOU = PlaceView(34.2058, 117.2841)
FENGXIAN = PlaceView(34.6936, 116.5955)  # 丰县, a key-assistance county
SUINING = PlaceView(33.9126, 117.9411)  # 睢宁县, a key-assistance county
PIZHOU = PlaceView(34.3355, 117.9506)
SUQIAN = PlaceView(33.9631, 118.2752)
SIHONG = PlaceView(33.4762, 118.2163)  # 泗洪县
HUAIAN = PlaceView(33.6104, 119.0153)

DEPOT_PROVINCE = DepotView("D320000", "省科协流动设施库", NANJING, "南京市玄武区北京东路")
DEPOT_XUZHOU = DepotView("D320300", "徐州市科协仓库", XUZHOU, "徐州市云龙区")


def _stop(
    seq: int,
    code: str,
    name: str,
    county: str,
    adcode: str,
    place: PlaceView,
    day: int,
    key: bool = False,
    locked: bool = False,
) -> StopView:
    return StopView(
        seq=seq,
        venue_code=code,
        venue_name=name,
        county=county,
        county_adcode=adcode,
        address=f"{county}人民路{seq}号",
        place=place,
        contact_name="王老师",
        contact_phone="0516-8888000" + str(seq),
        arrive_at=datetime(2027, 3, day, 8, 40),
        show_start=datetime(2027, 3, day, 9, 0),
        show_end=datetime(2027, 3, day, 13, 0),
        km_from_previous=42.5 * seq,
        request_code=f"RQ-{code}",
        key_county=key,
        locked=locked,
    )


def tour_plan() -> TourPlanView:
    trip1 = TripView(
        code="T-CV01-1",
        caravan_code="CV01",
        plate="苏A·C0001",
        caravan_type="II",
        crew=("李明", "张伟"),
        depot=DEPOT_PROVINCE,
        leave_at=datetime(2027, 3, 1, 7, 0),
        back_at=datetime(2027, 3, 3, 18, 0),
        stops=(
            _stop(1, "V-SQ-01", "宿迁市实验小学", "宿城区", "321302", SUQIAN, 1),
            _stop(2, "V-SH-01", "泗洪县第一中学", "泗洪县", "321324", SIHONG, 2, key=True, locked=True),
        ),
        km_back=180.0,
    )
    trip2 = TripView(
        code="T-CV01-2",
        caravan_code="CV01",
        plate="苏A·C0001",
        caravan_type="II",
        crew=(),
        depot=DEPOT_PROVINCE,
        leave_at=datetime(2027, 3, 8, 7, 0),
        back_at=datetime(2027, 3, 8, 18, 0),
        stops=(_stop(1, "V-HA-01", "淮安市青少年宫", "清江浦区", "320812", HUAIAN, 8),),
        km_back=170.0,
    )
    trip3 = TripView(
        code="T-CV05-1",
        caravan_code="CV05",
        plate="苏C·C0005",
        caravan_type="IV",
        crew=("赵强",),
        depot=DEPOT_XUZHOU,
        leave_at=datetime(2027, 3, 2, 7, 0),
        back_at=datetime(2027, 3, 4, 18, 0),
        stops=(
            _stop(1, "V-FX-01", "丰县欢口镇中心小学", "丰县", "320321", FENGXIAN, 2, key=True),
            _stop(2, "V-SN-01", "睢宁县文化馆", "睢宁县", "320324", SUINING, 3, key=True),
            _stop(3, "V-PZ-01", "邳州市运河小学", "邳州市", "320382", PIZHOU, 4),
        ),
        km_back=60.0,
    )
    return TourPlanView(
        name="春季巡展测试",
        start=date(2027, 3, 1),
        end=date(2027, 3, 31),
        status="draft",
        trips=(trip1, trip2, trip3),
        key_counties=("320321", "320324", "321324"),
        requests=8,
        served=6,
    )


def rotation_plan() -> RotationPlanView:
    periods = ((date(2027, 3, 1), date(2027, 5, 31)), (date(2027, 6, 15), date(2027, 8, 31)))

    def stay(
        set_code: str,
        name: str,
        period: int,
        county: str,
        adcode: str,
        place: PlaceView,
        origin: str,
        origin_place: PlaceView,
        km: float,
    ) -> SetMoveView:
        return SetMoveView(
            set_code=set_code,
            set_name=name,
            theme="航空航天",
            period=period,
            period_start=periods[period][0],
            period_end=periods[period][1],
            venue_code=f"V-{adcode}",
            venue_name=f"{county}科技馆",
            county=county,
            county_adcode=adcode,
            place=place,
            from_name=origin,
            from_place=origin_place,
            km=km,
            truck_loads=3,
        )

    return RotationPlanView(
        name="徐州区域巡展",
        start=periods[0][0],
        periods=periods,
        stays=(
            stay("MS01", "飞天梦想", 0, "丰县", "320321", FENGXIAN, "徐州市科协仓库", XUZHOU, 110.0),
            stay("MS01", "飞天梦想", 1, "睢宁县", "320324", SUINING, "丰县科技馆", FENGXIAN, 150.0),
            stay("MS02", "声光电磁", 0, "邳州市", "320382", PIZHOU, "徐州市科协仓库", XUZHOU, 80.0),
            stay("MS02", "声光电磁", 1, "丰县", "320321", FENGXIAN, "邳州市科技馆", PIZHOU, 160.0),
            # A set that stays where it is: no move, so no arrow.
            stay("MS03", "数学之美", 0, "泗洪县", "321324", SIHONG, "省科协流动设施库", NANJING, 240.0),
            stay("MS03", "数学之美", 1, "泗洪县", "321324", SIHONG, "泗洪县科技馆", SIHONG, 0.0),
            stay("MS04", "生命奥秘", 0, "清江浦区", "320812", HUAIAN, "省科协流动设施库", NANJING, 190.0),
        ),
        depots=(DEPOT_PROVINCE, DEPOT_XUZHOU),
        # MS04 goes back to the provincial depot and sits the second period out.
        returns=(
            SetMoveView(
                set_code="MS04",
                set_name="生命奥秘",
                theme="生命科学",
                period=1,
                period_start=periods[1][0],
                period_end=periods[1][1],
                venue_code=DEPOT_PROVINCE.code,
                venue_name=DEPOT_PROVINCE.name,
                county="",
                county_adcode="",
                place=NANJING,
                from_name="清江浦区科技馆",
                from_place=HUAIAN,
                km=190.0,
                truck_loads=2,
            ),
        ),
    )


def coverage() -> CoverageView:
    return CoverageView(
        title="2026年覆盖情况",
        counties=(
            CountyCoverage("320321", "丰县", held=12, planned=3, key_county=True),
            CountyCoverage("320324", "睢宁县", held=0, planned=0, key_county=True),
            CountyCoverage("320382", "邳州市", held=5, planned=1),
            CountyCoverage("320102", "玄武区", held=30, planned=0),
        ),
    )


def inventory() -> InventoryView:
    return InventoryView(
        depots=(DEPOT_PROVINCE, DEPOT_XUZHOU),
        caravans=(
            CaravanView("CV01", "苏A·C0001", "I", "in_service", "D320000", NANJING),
            CaravanView("CV02", "苏A·C0002", "II", "maintenance", "D320000", NANJING),
            CaravanView("CV05", "苏C·C0005", "IV", "in_service", "D320300", XUZHOU),
        ),
        venues=(
            VenueView("V-FX-01", "丰县欢口镇中心小学", "school", "丰县", FENGXIAN),
            VenueView("V-SN-01", "睢宁县科技馆", "science_hall", "睢宁县", SUINING, 600.0),
            VenueView("V-PZ-01", "邳州市运河社区", "community", "邳州市", PIZHOU),
            VenueView("V-SH-01", "泗洪县城头乡文化站", "township_centre", "泗洪县", SIHONG),
        ),
        sets=(
            SetStandView(
                "MS01",
                "流动科技馆·力学奥秘",
                "力学",
                "touring",
                SUINING,
                True,
                "睢宁县科技馆",
                "睢宁县",
                date(2026, 11, 2),
                date(2027, 1, 20),
                510.0,
            ),  # fmt: skip
            SetStandView(
                "MS02", "流动科技馆·声光电磁", "声光电磁", "in_store", NANJING, False, DEPOT_PROVINCE.name
            ),
            SetStandView(
                "MS07", "流动科技馆·低碳生活", "双碳", "maintenance", NANJING, False, DEPOT_PROVINCE.name
            ),
        ),
        day=date(2026, 12, 4),
    )
