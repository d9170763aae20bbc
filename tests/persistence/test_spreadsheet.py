"""Workbook and CSV export and import: lossless round trips, upserts, and one report of every problem.

Every test runs on SQLite and on PostgreSQL. Rows are compared by content with foreign keys turned
into the referenced row's code (never ids), so two databases with different ids compare equal.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, inspect, select

from caravan_app.domain.enums import (
    CandidateKind,
    CaravanStatus,
    CaravanType,
    CheckContext,
    ConditionGrade,
    Decision,
    DivisionKind,
    EventStatus,
    ExhibitStatus,
    ExhibitUse,
    Level,
    MaintenanceKind,
    PlanKind,
    PlanStatus,
    Recommendation,
    RequestKind,
    RequestStatus,
    SetStatus,
    VenueKind,
)
from caravan_app.domain.outcomes import SolveStatus, UnservedReason
from caravan_app.errors import CaravanError, ImportProblem, ImportRejected
from caravan_app.persistence.database import Database
from caravan_app.persistence.models import (
    AuditEntry,
    Base,
    Caravan,
    ConditionCheck,
    Depot,
    Event,
    Exhibit,
    ExhibitSet,
    JointTour,
    JointTourCaravan,
    JointTourRegion,
    KitExport,
    KitImport,
    MaintenanceRecord,
    Movement,
    Plan,
    Region,
    RegroupMove,
    RetirementCandidate,
    SetMembership,
    SetMove,
    SetPlacement,
    TourStop,
    Trip,
    UnservedRequest,
    Venue,
    VisitRequest,
    Workshop,
)
from caravan_app.persistence.spreadsheet import (
    ENTITIES,
    MAX_PROBLEMS,
    CellError,
    ColumnSpec,
    ImportSummary,
    Kind,
    export_csv,
    export_workbook,
    import_file,
    parse_cell,
)
from caravan_app.services.demo import build_demo

# ---------------------------------------------------------------------------------------------------
# A small province with a few rows in every table, including the awkward values: NULLs, floats that
# need 17 digits, text that looks like a formula or an Excel error, a moment with microseconds.

TOUR_PLAN = "2027春季大篷车巡展"
ROTATION_PLAN = "2027流动科技馆轮换"


def fill_sample(db: Database) -> None:
    with db.session() as s:
        province = Region(adcode="320000", name="江苏省", level=Level.PROVINCE, lat=32.0603, lon=118.7969)
        nanjing = Region(
            adcode="320100", name="南京市", level=Level.CITY, parent=province, lat=32.06, lon=118.8
        )
        jiangning = Region(
            adcode="320115",
            name="江宁区",
            level=Level.COUNTY,
            division=DivisionKind.DISTRICT,
            parent=nanjing,
            lat=31.95,
            lon=118.84,
            is_key_county=True,
        )
        wuxi = Region(
            adcode="320200", name="无锡市", level=Level.CITY, parent=province, lat=31.49, lon=120.31
        )
        jiangyin = Region(
            adcode="320281", name="江阴市", level=Level.COUNTY, parent=wuxi, lat=31.92, lon=120.28
        )
        depot_nj = Depot(
            code="D-NJ",
            name="省科协大篷车库",
            owner_level=Level.PROVINCE,
            region=province,
            address="南京市玄武区北京东路",
            lat=32.05,
            lon=118.79,
        )
        depot_wx = Depot(code="D-WX", name="无锡库", owner_level=Level.CITY, region=wuxi, lat=31.5, lon=120.3)
        workshop = Workshop(
            code="W-01", name="江宁维修车间", region=jiangning, address="江宁开发区", lat=31.93, lon=118.82
        )
        workshop2 = Workshop(code="W-02", name="无锡维修点", region=wuxi, lat=31.5, lon=120.31)
        school = Venue(
            code="V-001",
            name="江宁实验小学",
            kind=VenueKind.SCHOOL,
            county=jiangning,
            township="东山街道",
            lat=31.95,
            lon=118.85,
            contact_name=" 王老师 ",  # spaces in free text are kept as they are
            contact_phone="13800000000",
            caravan_parking=False,
            open_weekdays="12345",
            open_from=time(7, 45),
            open_to=time(16, 30, 15),
        )
        centre = Venue(
            code="V-002",
            name="江阴市科技馆",
            kind=VenueKind.SCIENCE_HALL,
            county=jiangyin,
            lat=31.9,
            lon=120.27,
            hall_area_m2=350.5,
            open_weekdays="1234567",
        )
        village = Venue(
            code="V-003",
            name="周庄村",
            kind=VenueKind.VILLAGE,
            county=jiangyin,
            lat=31.8,
            lon=120.2,
            hall_area_m2=0.0,
            open_weekdays="67",
        )
        big = Caravan(
            code="C-01",
            plate="苏A·K0001",
            type=CaravanType.I,
            owner_level=Level.PROVINCE,
            owner_region=province,
            home_depot=depot_nj,
            exhibit_slots=12,
            crew_size=4,
            in_service_since=date(2019, 5, 20),
            odometer_km=123456.7,
            odometer_read_on=date(2026, 11, 1),
            value_yuan=0.1 + 0.2,
            themes="力学;数学",
        )
        small = Caravan(
            code="C-02",
            plate="苏B·K0002",
            type=CaravanType.III,
            owner_level=Level.COUNTY,
            owner_region=jiangyin,
            home_depot=depot_wx,
            exhibit_slots=6,
            crew_size=2,
            in_service_since=date(2021, 9, 1),
            status=CaravanStatus.MAINTENANCE,
        )
        set1 = ExhibitSet(
            code="S-01",
            name="奇妙的力学",
            theme="力学",
            hall_area_m2=400,
            home_depot=depot_nj,
            status=SetStatus.TOURING,
        )
        set2 = ExhibitSet(
            code="S-02",
            name="双碳未来",
            theme="双碳",
            hall_area_m2=280.25,
            install_days=4,
            uninstall_days=1,
            truck_loads=3,
            home_depot=depot_wx,
            formed_on=date(2018, 3, 1),
        )
        s.add_all([province, nanjing, jiangning, wuxi, jiangyin, depot_nj, depot_wx, workshop, workshop2])
        s.add_all([school, centre, village, big, small, set1, set2])
        joint = JointTour(code="JT-1", name="宁锡联动", notes="无锡车辆支援江宁")
        s.add_all(
            [
                joint,
                JointTourCaravan(joint_tour=joint, caravan=small),
                JointTourRegion(joint_tour=joint, region=jiangning),
                JointTourRegion(joint_tour=joint, region=nanjing),
            ]
        )

        def exhibit(code: str, name: str, **place: Any) -> Exhibit:
            return Exhibit(
                code=code,
                name_zh=name,
                theme="力学",
                use=ExhibitUse.CARAVAN_KIT,
                acquired_on=date(2020, 1, 15),
                length_cm=120,
                width_cm=80.5,
                height_cm=150,
                weight_kg=45.25,
                power_w=200,
                value_yuan=38000,
                **place,
            )

        e1 = exhibit("E-001", "傅科摆", depot=depot_nj)
        e2 = exhibit("E-002", "会说话的墙", caravan=big)
        e3 = exhibit("E-003", "最速降线", exhibit_set=set1)
        e4 = exhibit("E-004", "电磁秋千", workshop=workshop)
        e5 = exhibit("E-005", "=A1*2 不是公式", exhibit_set=set1)
        e4.status, e4.condition = ExhibitStatus.IN_REPAIR, ConditionGrade.C
        e5.name_en, e5.use, e5.service_life_years = "#N/A", ExhibitUse.MUSEUM_SET, 10
        s.add_all([e1, e2, e3, e4, e5])
        s.flush()
        s.add_all(
            [
                SetMembership(exhibit_set=set1, exhibit=e3, joined_on=date(2024, 1, 1)),
                SetMembership(exhibit_set=set1, exhibit=e5, joined_on=date(2024, 1, 1)),
                SetMembership(
                    exhibit_set=set2, exhibit=e3, joined_on=date(2023, 1, 1), left_on=date(2023, 12, 31)
                ),
                Movement(
                    code="M-0001", exhibit=e1, moved_at=datetime(2020, 1, 15, 9, 0), to_depot_id=depot_nj.id
                ),
                Movement(
                    code="M-0002",
                    exhibit=e4,
                    moved_at=datetime(2026, 10, 8, 14, 30, 5, 123456),
                    from_depot_id=depot_nj.id,
                    to_workshop_id=workshop.id,
                    reason="维修",
                ),
                MaintenanceRecord(
                    code="R-001",
                    exhibit=e4,
                    kind=MaintenanceKind.REPAIR,
                    opened_on=date(2026, 10, 8),
                    fault="摆线断裂",
                    cost_yuan=1250.5,
                    workshop_id=workshop.id,
                    notes="第一行\n第二行",
                ),
                MaintenanceRecord(
                    code="R-002",
                    caravan=small,
                    kind=MaintenanceKind.SERVICE,
                    opened_on=date(2026, 9, 1),
                    closed_on=date(2026, 9, 3),
                    cost_yuan=0,
                ),
                ConditionCheck(
                    code="K-001",
                    exhibit=e4,
                    checked_on=date(2026, 10, 8),
                    grade=ConditionGrade.C,
                    context=CheckContext.FIELD,
                    fault="摆线磨损",
                    checked_by="李工",
                    photo_path=r"C:\照片\k1.jpg",
                ),
            ]
        )

        q1 = VisitRequest(
            code="Q-001",
            venue=school,
            kind=RequestKind.CARAVAN_VISIT,
            earliest_on=date(2027, 3, 1),
            latest_on=date(2027, 4, 30),
            themes_wanted="力学;航空航天",
            caravan_types="III;IV",
            expected_audience=600,
            priority=5,
            status=RequestStatus.PLANNED,
        )
        q2 = VisitRequest(
            code="Q-002",
            venue=centre,
            kind=RequestKind.MUSEUM_PLACEMENT,
            earliest_on=date(2027, 3, 1),
            latest_on=date(2027, 6, 30),
            show_days=30,
            expected_audience=5000,
        )
        q3 = VisitRequest(
            code="Q-003",
            venue=village,
            kind=RequestKind.CARAVAN_VISIT,
            earliest_on=date(2027, 5, 1),
            latest_on=date(2027, 5, 1),
            status=RequestStatus.CANCELLED,
            notes="村委会改期\n待定",
        )
        tour = Plan(
            name=TOUR_PLAN,
            kind=PlanKind.TOUR,
            horizon_start=date(2027, 3, 1),
            horizon_end=date(2027, 6, 30),
            status=PlanStatus.APPROVED,
            created_at=datetime(2026, 11, 2, 10, 15, 30),
            created_by="张科长",
            solver_status=SolveStatus.OPTIMAL,
            objective=1234.5678901234567,
            bound=1200.0,
            solve_seconds=12.75,
            parameters_json='{"max_km_per_day": 300, "themes": ["力学"]}',
            figures_json='{"served": 1}',
        )
        rotation = Plan(
            name=ROTATION_PLAN,
            kind=PlanKind.ROTATION,
            horizon_start=date(2027, 3, 1),
            horizon_end=date(2027, 12, 31),
            created_at=datetime(2026, 11, 3, 8, 0),
        )
        trip = Trip(
            code="T-001",
            plan=tour,
            caravan=big,
            leave_at=datetime(2027, 3, 2, 8, 15),
            back_at=datetime(2027, 3, 6, 17, 40),
            km_back=45.5,
        )
        consolidation = Plan(
            name="2027 整合方案",
            kind=PlanKind.CONSOLIDATION,
            horizon_start=date(2027, 2, 22),
            horizon_end=date(2027, 7, 2),
            created_at=datetime(2026, 11, 4, 9, 0),
        )
        s.add_all([q1, q2, q3, tour, rotation, consolidation, trip])
        s.flush()
        s.add_all(
            [
                TourStop(
                    trip=trip,
                    seq=1,
                    request=q1,
                    venue=school,
                    arrive_at=datetime(2027, 3, 2, 8, 30),
                    show_start=datetime(2027, 3, 2, 9, 0),
                    show_end=datetime(2027, 3, 2, 16, 0),
                    km_from_previous=35.2,
                ),
                TourStop(
                    trip=trip,
                    seq=2,
                    venue=village,
                    arrive_at=datetime(2027, 3, 3, 8, 0),
                    show_start=datetime(2027, 3, 3, 9, 0),
                    show_end=datetime(2027, 3, 3, 15, 30),
                    km_from_previous=140.05,
                    locked=True,
                ),
                UnservedRequest(plan=tour, request=q3, reason=UnservedReason.NO_WORKABLE_DATE),
                SetPlacement(
                    code="PL-001",
                    plan=rotation,
                    exhibit_set=set1,
                    venue=centre,
                    request_id=q2.id,
                    start_on=date(2027, 4, 1),
                    end_on=date(2027, 4, 30),
                    period=1,
                    locked=True,
                ),
                SetPlacement(
                    code="PL-H01",
                    exhibit_set=set2,
                    venue=centre,
                    start_on=date(2025, 5, 1),
                    end_on=date(2025, 6, 15),
                ),
                Event(
                    code="EV-001",
                    venue=school,
                    held_on=date(2026, 10, 20),
                    caravan=big,
                    visitors=350,
                    km_driven=42.5,
                    activity="科普进校园",
                    notes="",
                ),
                Event(
                    code="EV-002", venue=centre, held_on=date(2025, 6, 15), exhibit_set=set2, visitors=5000
                ),
                Event(
                    code="EV-003",
                    venue=school,
                    held_on=date(2026, 10, 21),
                    caravan=big,
                    status=EventStatus.CANCELLED,
                    cancel_reason="暴雨，学校停课",
                    started_at=datetime(2026, 10, 21, 9, 0),
                    ended_at=datetime(2026, 10, 21, 9, 30),
                    audience="小学生",
                    feedback="希望改期",
                ),
                KitImport(
                    kit_id="5d0c7f0e-2b7a-4c59-9d47-0d3a3c1f2e11",
                    record_id="0b9a4f63-1a0e-4c7e-8f1e-3f3b9a7d2c55",
                    seq=1,
                    kind="show",
                    subject="trip:T-001",
                    record_key="show stop 2",
                    payload='{"stop": 2, "status": "held", "visitors": 120}',
                    row_table="events",
                    row_code="EV-003",
                    action="created",
                    imported_at=datetime(2026, 10, 23, 16, 5),
                    imported_by="王芳",
                ),
                KitExport(
                    kit_id="5d0c7f0e-2b7a-4c59-9d47-0d3a3c1f2e11",
                    kind="trip",
                    code="T-001",
                    scope='{"kind": "trip", "code": "T-001", "stops": [], "exhibits": []}',
                    fingerprint='{"planned": {"caravan": "CV-01"}}',
                    exported_at=datetime(2026, 10, 20, 9, 0),
                    exported_by="王芳",
                ),
                SetMove(
                    plan=rotation,
                    exhibit_set=set1,
                    period=1,
                    from_code="D-NJ",
                    to_code=centre.code,
                    km=61.3,
                    truck_loads=2,
                    schedule_json='{"drive": ["2027-03-02"], "install": ["2027-03-03", "2027-03-04"]}',
                ),
                RetirementCandidate(
                    code="RC-001",
                    plan=consolidation,
                    kind=CandidateKind.EXHIBIT,
                    exhibit=e4,
                    rules="exhibit_condition_d;exhibit_faults",
                    evidence_json='[["condition", "D", ""]]',
                    recommendation=Recommendation.RETIRE,
                    decision=Decision.ACCEPTED,
                ),
                RegroupMove(
                    plan=consolidation, exhibit=e1, from_depot_id=depot_nj.id, to_set_id=set2.id, km=12.5
                ),
            ]
        )


# ---------------------------------------------------------------------------------------------------
# Comparing databases by content, with references as codes.


# A new database starts with the default working calendar; a workbook that keeps it leaves it unchanged.
SEEDED = ("school_terms", "holidays")


def snapshot(db: Database) -> dict[str, list[tuple[tuple[str, Any], ...]]]:
    """Every table but the audit log: its rows without id and version, foreign keys as codes."""
    tables = [t for t in Base.metadata.sorted_tables if t.name != "audit_log"]
    with db.engine.connect() as c:
        rows = {t.name: c.execute(select(t)).mappings().all() for t in tables}
    codes: dict[str, dict[int, Any]] = {}
    for t in tables:
        for name in ("code", "adcode", "name"):
            if name in t.c and t.c[name].unique:
                codes[t.name] = {r["id"]: r[name] for r in rows[t.name]}
                break
    result: dict[str, list[tuple[tuple[str, Any], ...]]] = {}
    for t in tables:
        converted = []
        for r in rows[t.name]:
            item = []
            for col in t.columns:
                if col.name in ("id", "version"):
                    continue
                value = r[col.name]
                if col.foreign_keys and value is not None:
                    target = next(iter(col.foreign_keys)).column.table.name
                    value = codes[target][value]
                item.append((col.name, value))
            converted.append(tuple(item))
        result[t.name] = sorted(converted, key=repr)
    return result


def versions(db: Database) -> dict[str, list[int]]:
    with db.engine.connect() as c:
        return {
            t.name: sorted(c.execute(select(t.c.version)).scalars())
            for t in Base.metadata.sorted_tables
            if "version" in t.c
        }


def audit_count(db: Database) -> int:
    with db.engine.connect() as c:
        return int(c.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


def do_import(db: Database, path: Path) -> ImportSummary:
    with db.session() as s:
        return import_file(s, path)


def do_export(db: Database, path: Path) -> Path:
    with db.session(audited=False) as s:
        export_workbook(s, path)
    return path


def rejected(db: Database, path: Path) -> list[ImportProblem]:
    """The problems an import reports, having checked that it wrote nothing at all."""
    before, before_versions, before_audit = snapshot(db), versions(db), audit_count(db)
    with pytest.raises(ImportRejected) as info:
        do_import(db, path)
    assert snapshot(db) == before
    assert versions(db) == before_versions
    assert audit_count(db) == before_audit
    assert str(info.value).startswith(f"import refused, nothing written: {len(info.value.problems)} problem")
    return info.value.problems


# ---------------------------------------------------------------------------------------------------
# Editing a workbook as a user would.


def header_column(sheet: Any, header: str) -> int:
    for cell in sheet[1]:
        if cell.value == header:
            return int(cell.column)
    raise AssertionError(f"no column {header} in {sheet.title}")


def key_row(sheet: Any, key: str | Sequence[Any]) -> int:
    """The row whose first cells hold `key` (a code, or the parts of a composite key)."""
    parts = [key] if isinstance(key, str) else list(key)
    for row in range(2, sheet.max_row + 1):
        if [sheet.cell(row=row, column=i + 1).value for i in range(len(parts))] == parts:
            return row
    raise AssertionError(f"no row {key} in {sheet.title}")


def edit(path: Path, change: Callable[[Any], None]) -> Path:
    """Change a workbook and save it, as a user would in Excel."""
    book = openpyxl.load_workbook(path)
    change(book)
    # Excel saves all 17 digits of a float; openpyxl only 16 unless told (as the export does).
    for ws in book.worksheets:
        for cells in ws.iter_rows():
            for cell in cells:
                if isinstance(cell.value, float) and float(f"{cell.value:.16g}") != cell.value:
                    cell.value, cell.data_type = repr(cell.value), "n"
    book.save(path)
    return path


def set_cell(path: Path, sheet: str, key: str | Sequence[Any], header: str, value: Any) -> int:
    """Put `value` in a cell; the row number it is in."""
    row: list[int] = []

    def change(book: Any) -> None:
        ws = book[sheet]
        row.append(key_row(ws, key))
        ws.cell(row=row[0], column=header_column(ws, header)).value = value

    edit(path, change)
    return row[0]


@pytest.fixture
def sample(db: Database, tmp_path: Path) -> Path:
    """The sample data in `db`, and its export."""
    fill_sample(db)
    return do_export(db, tmp_path / "sample.xlsx")


# ---------------------------------------------------------------------------------------------------
# The table of sheets itself.


def test_every_model_column_has_exactly_one_sheet_column() -> None:
    tables = {t.name for t in Base.metadata.sorted_tables if t.name != "audit_log"}
    assert sorted(spec.model.__tablename__ for spec in ENTITIES) == sorted(tables)
    for spec in ENTITIES:
        mapper = inspect(spec.model)
        model_columns = {c.key for c in mapper.column_attrs} - {"id", "version"}
        attrs = [col.attr for col in spec.columns]
        assert sorted(attrs) == sorted(model_columns), spec.key
        headers = [col.header for col in spec.columns]
        assert len(set(headers)) == len(headers), spec.key
        for col in spec.columns:
            column = mapper.columns[col.attr]
            if not column.nullable and column.default is None:
                assert col.required, f"{spec.key}.{col.attr} has no default, so it must be required"
            if col.kind is Kind.REF:
                assert column.foreign_keys, f"{spec.key}.{col.attr}"
                target = next(iter(column.foreign_keys)).column.table.name
                assert col.ref == target
                # A sheet refers only to sheets before it (regions to themselves).
                order = [e.key for e in ENTITIES]
                assert order.index(target) <= order.index(spec.key)


def test_sheet_names_and_key_headers() -> None:
    sheets = {spec.key: spec.sheet for spec in ENTITIES}
    assert sheets["caravans"] == "车辆" and sheets["regions"] == "地区" and sheets["events"] == "活动"
    caravans = next(spec for spec in ENTITIES if spec.key == "caravans")
    assert [c.header for c in caravans.columns] == [
        "车辆编号",
        "车牌号",
        "车型",
        "所属层级",
        "所属地区代码",
        "常驻仓库编号",
        "展位数",
        "乘员数",
        "投入使用日期",
        "里程(km)",
        "里程读数日期",
        "价值(元)",
        "状态",
        "主题",
    ]


# ---------------------------------------------------------------------------------------------------
# Round trips.


def test_export_writes_chinese_headers_codes_and_real_dates(sample: Path) -> None:
    book = openpyxl.load_workbook(sample)
    assert book.sheetnames == [spec.sheet for spec in ENTITIES]
    ws = book["车辆"]
    assert [c.value for c in ws[1]][:6] == [
        "车辆编号",
        "车牌号",
        "车型",
        "所属层级",
        "所属地区代码",
        "常驻仓库编号",
    ]
    assert ws["A1"].font.b and ws.freeze_panes == "A2"
    row = key_row(ws, "C-01")
    values = {
        ws.cell(row=1, column=c).value: ws.cell(row=row, column=c).value for c in range(1, ws.max_column + 1)
    }
    assert values["车型"] == "I型" and values["所属层级"] == "省级" and values["状态"] == "在用"
    assert values["所属地区代码"] == "320000" and values["常驻仓库编号"] == "D-NJ"  # codes, never ids
    assert values["投入使用日期"] == datetime(2019, 5, 20)  # a real Excel date
    assert values["主题"] == "力学、数学"
    assert values["价值(元)"] == 0.1 + 0.2  # all 17 digits
    exhibits = book["展品"]
    name_en = exhibits.cell(row=key_row(exhibits, "E-005"), column=header_column(exhibits, "英文名称"))
    assert name_en.value == "#N/A" and name_en.data_type == "s"
    stops = book["行程站点"]
    assert stops.cell(row=2, column=1).value == "T-001" and stops.cell(row=2, column=2).value == 1
    assert [c.value for c in book["地区"]["A"]][1:] == ["320000", "320100", "320115", "320200", "320281"]


def test_round_trip_into_an_empty_database_gives_the_same_rows(
    db: Database, second_db: Database, sample: Path
) -> None:
    original = snapshot(db)
    assert all(original[t] for t in original), [t for t in original if not original[t]]
    summary = do_import(second_db, sample)
    assert snapshot(second_db) == original
    assert summary.inserted == sum(len(rows) for t, rows in original.items() if t not in SEEDED)
    assert summary.unchanged == sum(len(original[t]) for t in SEEDED)
    assert summary.updated == 0
    assert summary.counts("caravans").inserted == 2 and summary.counts("车辆").sheet == "车辆"
    assert all(v == 1 for vs in versions(second_db).values() for v in vs)
    assert "车辆 (caravans): 2 new, 0 updated, 0 unchanged" in str(summary)
    # The second database's own export is the same workbook, cell for cell.
    again = do_export(second_db, sample.with_name("again.xlsx"))
    first, second = openpyxl.load_workbook(sample), openpyxl.load_workbook(again)
    for name in first.sheetnames:
        assert [[c.value for c in r] for r in first[name].iter_rows()] == [
            [c.value for c in r] for r in second[name].iter_rows()
        ], name


def test_reimporting_the_same_export_changes_nothing(db: Database, sample: Path) -> None:
    before, before_versions, before_audit = snapshot(db), versions(db), audit_count(db)
    summary = do_import(db, sample)
    assert summary.inserted == 0 and summary.updated == 0
    assert summary.unchanged == sum(len(rows) for rows in before.values())
    assert snapshot(db) == before and versions(db) == before_versions and audit_count(db) == before_audit


def test_editing_one_cell_updates_that_row_only_and_bumps_its_version(db: Database, sample: Path) -> None:
    set_cell(sample, "车辆", "C-02", "里程(km)", 98765.4)
    set_cell(sample, "车辆", "C-02", "状态", "备用")
    before_audit = audit_count(db)
    summary = do_import(db, sample)
    for counts in summary.sheets:
        assert counts.inserted == 0
        assert counts.updated == (1 if counts.key == "caravans" else 0), counts
    assert summary.counts("caravans").unchanged == 1
    with db.session() as s:
        c1, c2 = (s.scalars(select(Caravan).where(Caravan.code == code)).one() for code in ("C-01", "C-02"))
        assert (c2.odometer_km, c2.status, c2.version) == (98765.4, CaravanStatus.RESERVE, 2)
        assert c1.version == 1
        entries = s.scalars(select(AuditEntry).where(AuditEntry.id > before_audit)).all()
    assert [(e.table_name, e.action) for e in entries] == [("caravans", "update")]
    assert json.loads(entries[0].changes)["odometer_km"] == [0, 98765.4]


def test_a_workbook_with_some_sheets_refers_to_rows_in_the_database(db: Database, sample: Path) -> None:
    def keep_caravans_only(book: Any) -> None:
        for name in book.sheetnames:
            if name != "车辆":
                del book[name]
        ws = book["车辆"]
        ws.append(
            [
                "C-03",
                "苏C·K0003",
                "IV型",
                "县级",
                "320281",
                "D-WX",
                4,
                2,
                "2025/3/1",
                None,
                None,
                None,
                None,
                "数学，双碳",
            ]
        )

    edit(sample, keep_caravans_only)
    summary = do_import(db, sample)
    assert [(c.key, c.inserted, c.updated, c.unchanged) for c in summary.sheets] == [("caravans", 1, 0, 2)]
    with db.session() as s:
        new = s.scalars(select(Caravan).where(Caravan.code == "C-03")).one()
        assert new.home_depot.code == "D-WX" and new.owner_region.adcode == "320281"
        assert new.in_service_since == date(2025, 3, 1) and new.themes == "数学;双碳"
        assert new.status is CaravanStatus.IN_SERVICE and new.odometer_km == 0  # defaults for blanks


def test_optional_columns_left_out_keep_stored_values(db: Database, sample: Path) -> None:
    def drop_columns(book: Any) -> None:
        ws = book["车辆"]
        for header in ("主题", "价值(元)", "里程(km)"):
            ws.delete_cols(header_column(ws, header))
        ws.cell(row=key_row(ws, "C-01"), column=header_column(ws, "乘员数"), value=5)

    edit(sample, drop_columns)
    summary = do_import(db, sample)
    assert summary.counts("caravans").updated == 1
    with db.session() as s:
        c1 = s.scalars(select(Caravan).where(Caravan.code == "C-01")).one()
        assert (c1.crew_size, c1.themes, c1.value_yuan, c1.odometer_km) == (
            5,
            "力学;数学",
            0.1 + 0.2,
            123456.7,
        )


def test_new_regions_may_refer_to_each_other_in_any_row_order(
    db: Database, second_db: Database, sample: Path
) -> None:
    def reverse_regions(book: Any) -> None:
        ws = book["地区"]
        rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
        for i, values in enumerate(reversed(rows), start=2):
            for j, value in enumerate(values, start=1):
                ws.cell(row=i, column=j).value = value

    edit(sample, reverse_regions)
    do_import(second_db, sample)
    assert snapshot(second_db) == snapshot(db)


# ---------------------------------------------------------------------------------------------------
# Bad cells: one problem each, with the right sheet, row, column, value and reason.

CELL_CASES = [
    ("车辆", "C-01", "展位数", "十二", "十二", "not a whole number"),
    ("车辆", "C-01", "展位数", 12.5, "12.5", "not a whole number"),
    ("车辆", "C-01", "里程(km)", "很多", "很多", "not a number"),
    ("车辆", "C-01", "投入使用日期", "2027-02-30", "2027-02-30", "no such date"),
    ("车辆", "C-02", "投入使用日期", "下周一", "下周一", "not a date (YYYY-MM-DD)"),
    (
        "车辆",
        "C-02",
        "投入使用日期",
        datetime(2021, 9, 1, 10, 30),
        "2021-09-01 10:30:00",
        "a date without a time is expected",
    ),
    ("车辆", "C-01", "车型", "V型", "V型", "not one of I型、II型、III型、IV型"),
    ("车辆", "C-01", "所属层级", "乡级", "乡级", "not one of 省级、市级、县级"),
    ("车辆", "C-01", "乘员数", 13, "13", "must be between 1 and 12"),
    ("车辆", "C-02", "常驻仓库编号", "D-NONE", "D-NONE", "unknown depot code"),
    ("仓库", "D-NJ", "名称", None, "", "required"),
    ("仓库", "D-WX", "所属地区代码", "999999", "999999", "unknown region code"),
    ("仓库", "D-WX", "纬度", 95, "95", "must be between -90 and 90"),
    ("场地", "V-002", "展厅面积(m²)", -5, "-5", "must not be negative"),
    ("场地", "V-001", "可停放大篷车", "也许", "也许", "not 是 or 否"),
    ("场地", "V-001", "开放日", "189", "189", "weekdays are the digits 1 (Monday) to 7 (Sunday), e.g. 12345"),
    ("地区", "320281", "地区代码", "32028", "32028", "must be 6 digits"),
    ("展品", "E-001", "中文名称", "长" * 101, "长" * 101, "longer than 100 characters"),
    ("展品", "E-002", "使用年限(年)", 0, "0", "must be at least 1"),
    ("展品", "E-002", "重量(kg)", -1.5, "-1.5", "must not be negative"),
    ("需求", "Q-001", "优先级", 9, "9", "must be between 1 and 5"),
    ("需求", "Q-002", "场地编号", "V-404", "V-404", "unknown venue code"),
    (
        "需求",
        "Q-001",
        "最晚日期",
        date(2027, 2, 1),
        "2027-02-01",
        "latest date before the earliest (最早日期 2027-03-01)",
    ),
    (
        "方案",
        TOUR_PLAN,
        "结束日期",
        "2027-02-28",
        "2027-02-28",
        "ends before it starts (开始日期 2027-03-01)",
    ),
    ("方案", TOUR_PLAN, "参数(JSON)", "{max_km: 300", "{max_km: 300", "not valid JSON"),
    ("方案", ROTATION_PLAN, "创建时间", "2026-11-03 25:00", "2026-11-03 25:00", "no such time"),
    (
        "行程",
        "T-001",
        "返回时间",
        "2027-03-01 18:00",
        "2027-03-01 18:00:00",
        "returns before it leaves (出发时间 2027-03-02 08:15:00)",
    ),
    ("行程", "T-001", "方案名称", "没有这个方案", "没有这个方案", "unknown plan name"),
    (
        "行程站点",
        ("T-001", 1),
        "开展时间",
        "2027-03-02 08:00",
        "2027-03-02 08:00:00",
        "starts before arrival (到达时间 2027-03-02 08:30:00)",
    ),
    ("行程站点", ("T-001", 2), "序号", 0, "0", "must be at least 1"),
    (
        "套组成员",
        ("S-02", "E-003"),
        "退出日期",
        "2022-12-31",
        "2022-12-31",
        "leaves before it joins (加入日期 2023-01-01)",
    ),
    (
        "维修记录",
        "R-002",
        "完成日期",
        "2026/8/31",
        "2026-08-31",
        "closes before it opens (开始日期 2026-09-01)",
    ),
    ("调拨记录", "M-0001", "调拨时间", "昨天", "昨天", "not a date and time (YYYY-MM-DD HH:MM)"),
    ("巡展安排", "PL-001", "套组编号", "S-99", "S-99", "unknown set code"),
    ("活动", "EV-001", "观众人数", -3, "-3", "must not be negative"),
    ("状态检查", "K-001", "品相", "E", "E", "not one of A、B、C、D"),
    ("场地", "V-001", "开放时间起", "25:00", "25:00", "no such time"),
    ("场地", "V-001", "开放时间止", "中午", "中午", "not a time (HH:MM)"),
    ("场地", "V-001", "开放时间止", "07:45", "07:45", "closes before it opens (开放时间起 07:45)"),
    ("需求", "Q-001", "车型要求", "III型、V型", "III型、V型", "V型: not one of I型、II型、III型、IV型"),
]


@pytest.mark.parametrize(
    ("sheet", "key", "header", "value", "shown", "reason"),
    CELL_CASES,
    ids=[
        f"{i:02d}-{c[1] if isinstance(c[1], str) else c[1][0]}-{c[5][:20]}" for i, c in enumerate(CELL_CASES)
    ],
)
def test_a_bad_cell_is_reported_precisely_and_nothing_is_written(
    db: Database, sample: Path, sheet: str, key: Any, header: str, value: Any, shown: str, reason: str
) -> None:
    row = set_cell(sample, sheet, key, header, value)
    assert rejected(db, sample) == [ImportProblem(sheet, row, header, shown, reason)]


def test_an_exhibit_in_two_places_or_an_event_with_no_facility(db: Database, sample: Path) -> None:
    exhibit_row = set_cell(sample, "展品", "E-001", "所在车辆编号", "C-01")
    event_row = set_cell(sample, "活动", "EV-002", "套组编号", None)
    assert rejected(db, sample) == [
        ImportProblem(
            "展品",
            exhibit_row,
            "所在仓库编号/所在车辆编号/所在套组编号/所在维修车间编号",
            "D-NJ、C-01",
            "exactly one of these must be filled, found 2",
        ),
        ImportProblem(
            "活动", event_row, "车辆编号/套组编号", "", "exactly one of these must be filled, found 0"
        ),
    ]


def test_a_movement_from_two_places(db: Database, sample: Path) -> None:
    row = set_cell(sample, "调拨记录", "M-0002", "调出车辆编号", "C-02")
    assert rejected(db, sample) == [
        ImportProblem(
            "调拨记录",
            row,
            "调出仓库编号/调出车辆编号/调出套组编号/调出维修车间编号",
            "D-NJ、C-02",
            "at most one of these may be filled, found 2",
        )
    ]


def test_a_region_that_is_its_own_grandparent(db: Database, sample: Path) -> None:
    row = set_cell(sample, "地区", "320000", "上级地区代码", "320115")
    problems = rejected(db, sample)
    assert problems[0] == ImportProblem(
        "地区", row, "上级地区代码", "320115", "refers back to this row (a loop)"
    )
    assert {p.row for p in problems} == {2, 3, 4}  # 320000 -> 320115 -> 320100 -> 320000


def test_duplicate_codes_and_plates(db: Database, sample: Path) -> None:
    def duplicate(book: Any) -> None:
        depots = book["仓库"]
        depots.append([c.value for c in depots[2]])
        caravans = book["车辆"]
        caravans.cell(
            row=key_row(caravans, "C-02"), column=header_column(caravans, "车牌号"), value="苏A·K0001"
        )

    edit(sample, duplicate)
    assert rejected(db, sample) == [
        ImportProblem("仓库", 4, "仓库编号", "D-NJ", "duplicate code, also in row 2"),
        ImportProblem("车辆", 3, "车牌号", "苏A·K0001", "duplicate plate, also in row 2"),
    ]


def test_a_plate_already_on_another_caravan_in_the_database(db: Database, sample: Path) -> None:
    def new_caravan_only(book: Any) -> None:
        ws = book["车辆"]
        ws.delete_rows(2, 2)
        ws.append(["C-09", "苏B·K0002", "IV型", "县级", "320281", "D-WX", 4, 2, "2025-03-01"])
        for name in book.sheetnames:
            if name != "车辆":
                del book[name]

    edit(sample, new_caravan_only)
    assert rejected(db, sample) == [
        ImportProblem("车辆", 2, "车牌号", "苏B·K0002", "plate already used by caravan C-02")
    ]


def test_duplicate_composite_key(db: Database, sample: Path) -> None:
    def duplicate(book: Any) -> None:
        ws = book["行程站点"]
        ws.cell(row=3, column=2, value=1)

    edit(sample, duplicate)
    assert rejected(db, sample) == [
        ImportProblem("行程站点", 3, "行程编号", "T-001 / 1", "duplicate key, also in row 2")
    ]


def test_unknown_and_missing_columns_and_unknown_sheet(db: Database, sample: Path) -> None:
    def change(book: Any) -> None:
        ws = book["车辆"]
        ws.cell(row=1, column=ws.max_column + 1, value="颜色")
        ws.cell(row=2, column=ws.max_column, value="红")
        ws.delete_cols(header_column(ws, "车牌号"))
        book.create_sheet("说明")["A1"] = "这个文件是导出的"
        book.create_sheet("空白")  # an empty sheet is ignored

    edit(sample, change)
    assert rejected(db, sample) == [
        ImportProblem("车辆", 1, "颜色", "颜色", "unknown column"),
        ImportProblem("车辆", 1, "车牌号", "", "missing column"),
        ImportProblem(
            "说明",
            None,
            "",
            "说明",
            "unknown sheet (the sheets are " + "、".join(e.sheet for e in ENTITIES) + ")",
        ),
    ]


def test_headers_written_with_full_width_brackets_are_understood(db: Database, sample: Path) -> None:
    def change(book: Any) -> None:
        ws = book["车辆"]
        ws.cell(row=1, column=header_column(ws, "里程(km)"), value="里程（km）")
        ws.cell(row=1, column=header_column(ws, "价值(元)"), value=" 价值（元） ")

    edit(sample, change)
    assert do_import(db, sample).counts("caravans").unchanged == 2


def test_merged_cells(db: Database, sample: Path) -> None:
    edit(sample, lambda book: book["车辆"].merge_cells("B3:C3"))
    problems = rejected(db, sample)
    assert problems[0] == ImportProblem("车辆", 3, "车牌号", "", "merged cells are not allowed (B3:C3)")
    # The merge emptied C3 (车型), which is then reported as required too.
    assert problems[1:] == [ImportProblem("车辆", 3, "车型", "", "required")]


def test_a_formula_where_a_value_belongs(db: Database, sample: Path) -> None:
    row = set_cell(sample, "车辆", "C-01", "展位数", "=A1*2")
    assert rejected(db, sample) == [
        ImportProblem("车辆", row, "展位数", "", "a formula where a value belongs (=A1*2)")
    ]


def test_an_excel_error_value(db: Database, sample: Path) -> None:
    def change(book: Any) -> None:
        ws = book["活动"]
        cell = ws.cell(row=2, column=header_column(ws, "观众人数"))
        cell.value = "#DIV/0!"
        cell.data_type = "e"

    edit(sample, change)
    assert rejected(db, sample) == [
        ImportProblem("活动", 2, "观众人数", "", "an Excel error value (#DIV/0!)")
    ]


def test_many_problems_in_many_sheets_are_all_reported(db: Database, sample: Path) -> None:
    set_cell(sample, "地区", "320115", "纬度", "北纬32度")
    set_cell(sample, "车辆", "C-01", "投入使用日期", "2027-02-30")
    set_cell(sample, "车辆", "C-02", "所属地区代码", "320999")
    set_cell(sample, "场地", "V-003", "展厅面积(m²)", -1)
    set_cell(sample, "行程", "T-001", "返回时间", "2027-03-01 18:00")
    set_cell(sample, "活动", "EV-001", "车辆编号", "C-77")
    edit(sample, lambda book: book["需求"].merge_cells("A4:B4"))
    problems = rejected(db, sample)
    assert [(p.sheet, p.row, p.column, p.reason) for p in problems] == [
        ("地区", 4, "纬度", "not a number"),
        ("场地", 4, "展厅面积(m²)", "must not be negative"),
        ("车辆", 2, "投入使用日期", "no such date"),
        ("车辆", 3, "所属地区代码", "unknown region code"),
        ("需求", 4, "需求编号", "merged cells are not allowed (A4:B4)"),
        ("需求", 4, "场地编号", "required"),
        ("行程", 2, "返回时间", "returns before it leaves (出发时间 2027-03-02 08:15:00)"),
        ("活动", 2, "车辆编号", "unknown caravan code"),
    ]


def test_a_report_is_capped(db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    path = tmp_path / "events.csv"
    header = "活动编号,场地编号,举办日期,车辆编号,观众人数\n"
    path.write_text(
        header + "".join(f"EV-{i},V-001,2027-03-01,C-01,-{i + 1}\n" for i in range(MAX_PROBLEMS + 20))
    )
    problems = rejected(db, path)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[0] == ImportProblem("events.csv", 2, "观众人数", "-1", "must not be negative")
    assert problems[-1] == ImportProblem("", None, "", "", "and 20 more problems")


# ---------------------------------------------------------------------------------------------------
# Files that are not usable at all.


def test_an_empty_workbook(db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    blank = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(blank)
    assert rejected(db, blank) == [ImportProblem("blank.xlsx", None, "", "", "the workbook has no data")]
    headers_only = tmp_path / "headers.xlsx"
    with db.session() as s:
        export_workbook(s, headers_only)
    edit(
        headers_only, lambda book: [book[name].delete_rows(2, book[name].max_row) for name in book.sheetnames]
    )
    assert rejected(db, headers_only) == [
        ImportProblem("headers.xlsx", None, "", "", "the workbook has no data")
    ]


@pytest.mark.parametrize("kind", ["text renamed", "zip", "truncated", "wrong suffix"])
def test_a_file_that_is_not_a_workbook(db: Database, sample: Path, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "data.xlsx"
    if kind == "text renamed":
        path.write_text("车辆编号,车牌号\nC-01,苏A\n", encoding="utf-8")
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "not a workbook")
    elif kind == "truncated":
        path.write_bytes(sample.read_bytes()[:2000])
    elif kind == "wrong suffix":
        path = tmp_path / "data.xls"
        path.write_bytes(sample.read_bytes())
    reason = {
        "wrong suffix": "only .xlsx workbooks and .csv files can be imported",
    }.get(kind, "not an Excel workbook (.xlsx)")
    problems = rejected(db, path)
    assert [(p.sheet, p.row, p.reason) for p in problems] == [(path.name, None, reason)]


def test_a_missing_file_is_one_plain_error(db: Database, sample: Path, tmp_path: Path) -> None:
    before = snapshot(db)
    with pytest.raises(CaravanError) as info, db.session() as s:
        import_file(s, tmp_path / "missing.xlsx")
    assert not isinstance(info.value, ImportRejected)
    assert str(info.value) == f"cannot import {tmp_path / 'missing.xlsx'}: no such file"
    assert snapshot(db) == before


# ---------------------------------------------------------------------------------------------------
# CSV.


def test_csv_round_trip(db: Database, second_db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    path = tmp_path / "caravans.csv"
    with db.session() as s:
        assert export_csv(s, "caravans", path) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + "车辆编号,车牌号,车型".encode())  # UTF-8 with BOM, for Excel
    text = raw.decode("utf-8-sig")
    assert (
        "C-01,苏A·K0001,I型,省级,320000,D-NJ,12,4,2019-05-20,123456.7,2026-11-01,0.30000000000000004,在用,力学、数学"
        in text
    )
    assert do_import(db, path).counts("caravans").unchanged == 2
    # Into another database, once the rows it refers to are there.
    with db.session() as s:
        for key in ("regions", "depots"):
            export_csv(s, key, tmp_path / f"{key}.csv")
    for key in ("regions", "depots", "caravans"):
        do_import(second_db, tmp_path / f"{key}.csv")
    assert snapshot(second_db)["caravans"] == snapshot(db)["caravans"]


def test_csv_with_multiline_text_and_a_chinese_file_name(db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    path = tmp_path / "需求.csv"
    with db.session() as s:
        export_csv(s, "需求", path)
    summary = do_import(db, path)
    assert summary.counts("requests").unchanged == 3


def test_csv_named_otherwise_is_recognised_by_its_headers(db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    with db.session() as s:
        export_csv(s, "workshops", tmp_path / "workshops.csv")
    renamed = tmp_path / "车间清单.csv"
    # Excel on a Chinese Windows saves CSV in GB18030; that is read too.
    renamed.write_bytes((tmp_path / "workshops.csv").read_text(encoding="utf-8-sig").encode("gb18030"))
    assert do_import(db, renamed).counts("workshops").unchanged == 2
    unknown = tmp_path / "data.csv"
    unknown.write_text("编号,名字\nX,Y\n", encoding="utf-8")
    problems = rejected(db, unknown)
    assert [(p.sheet, p.reason[:28]) for p in problems] == [("data.csv", "cannot tell which table this")]


def test_a_bad_csv_row_is_reported_by_its_row(db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    path = tmp_path / "venues.csv"
    with db.session() as s:
        export_csv(s, "venues", path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[3].startswith("V-003,")
    lines[3] = lines[3].replace(",67", ",89")
    lines.append("V-004,新场地,学校,320115,,,31.9,118.8,,,-20,是,12345")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    assert rejected(db, path) == [
        ImportProblem(
            "venues.csv", 4, "开放日", "89", "weekdays are the digits 1 (Monday) to 7 (Sunday), e.g. 12345"
        ),
        ImportProblem("venues.csv", 5, "展厅面积(m²)", "-20", "must not be negative"),
    ]


def test_csv_values_past_the_last_header(db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    path = tmp_path / "workshops.csv"
    with db.session() as s:
        export_csv(s, "workshops", path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    lines[2] += ",多出来的值"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    assert rejected(db, path) == [
        ImportProblem("workshops.csv", 1, "G", "", "a column of data without a header")
    ]


def test_export_refuses_text_excel_cannot_hold(db: Database, tmp_path: Path) -> None:
    fill_sample(db)
    with db.session() as s:
        s.scalars(select(Exhibit).where(Exhibit.code == "E-002")).one().name_en = "bell\x07"
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(CaravanError, match="展品 row 3, column 英文名称"):
        do_export(db, folder / "out.xlsx")
    assert list(folder.iterdir()) == []  # no half-written file left behind


def test_export_into_a_missing_folder_is_a_plain_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(CaravanError, match="cannot write .*out.xlsx: No such file or directory"):
        do_export(db, tmp_path / "no" / "out.xlsx")


def test_an_empty_csv(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "caravans.csv"
    path.write_text("车辆编号,车牌号\n", encoding="utf-8")
    assert rejected(db, path) == [ImportProblem("caravans.csv", None, "", "", "the file has no data")]


# ---------------------------------------------------------------------------------------------------
# The cell parsers never fail with anything but the problem they report.

_COLUMNS = {
    kind: ColumnSpec("列", "x", kind, minimum=0 if kind in (Kind.INT, Kind.FLOAT) else None)
    for kind in (
        Kind.INT,
        Kind.FLOAT,
        Kind.DATE,
        Kind.DATETIME,
        Kind.BOOL,
        Kind.WEEKDAYS,
        Kind.THEMES,
        Kind.TEXT,
    )
}
_ANY_CELL = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.from_regex(r"\d{4}[-/]\d{1,2}[-/]\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?", fullmatch=True),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)


@given(raw=_ANY_CELL, kind=st.sampled_from(sorted(_COLUMNS, key=lambda k: k.value)))
def test_parsers_raise_only_their_problem(raw: object, kind: Kind) -> None:
    try:
        value = parse_cell(_COLUMNS[kind], raw, 20)
    except CellError as exc:
        assert str(exc)
        return
    expected_type = {
        Kind.INT: int,
        Kind.FLOAT: float,
        Kind.DATE: date,
        Kind.DATETIME: datetime,
        Kind.BOOL: bool,
    }
    assert isinstance(value, expected_type.get(kind, str))


@given(day=st.dates(min_value=date(1000, 1, 1)), moment=st.datetimes(min_value=datetime(1000, 1, 1)))
def test_dates_and_moments_read_back_from_their_text(day: date, moment: datetime) -> None:
    assert parse_cell(_COLUMNS[Kind.DATE], day.isoformat()) == day
    assert parse_cell(_COLUMNS[Kind.DATE], day.strftime("%Y/%m/%d")) == day
    assert parse_cell(_COLUMNS[Kind.DATETIME], moment.isoformat(sep=" ")) == moment


@given(number=st.integers(min_value=0, max_value=2**31 - 1))
def test_whole_numbers_read_back_from_text_and_floats(number: int) -> None:
    assert parse_cell(_COLUMNS[Kind.INT], str(number)) == number
    assert parse_cell(_COLUMNS[Kind.INT], float(number)) == number
    with pytest.raises(CellError, match="not a whole number"):
        parse_cell(_COLUMNS[Kind.INT], f"{number}.5")


# ---------------------------------------------------------------------------------------------------
# The demonstration province, once the demo generator is there.


@pytest.mark.slow
def test_demo_round_trip(db: Database, second_db: Database, tmp_path: Path) -> None:
    # How long the round trip takes is measured by bench/workbook.py, not asserted here.
    build_demo(db, 2027)
    original = snapshot(db)
    path = tmp_path / "demo.xlsx"
    do_export(db, path)
    summary = do_import(second_db, path)
    assert snapshot(second_db) == original
    assert summary.inserted == sum(len(rows) for t, rows in original.items() if t not in SEEDED)
