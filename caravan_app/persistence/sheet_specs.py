"""The layout of every entity as a sheet: its Chinese name, natural key and columns (`ENTITIES`).

One declarative table says for each entity its sheet, its natural key and its columns; the export,
the import (sheet_reading, sheet_checks, spreadsheet) and the inventory screens all work from it.
Also here: the model facts the checks need, and a model row as values by attribute.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, inspect, select
from sqlalchemy.orm import Session

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
    LabelledEnum,
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
from caravan_app.errors import CaravanError
from caravan_app.persistence.models import (
    Caravan,
    ConditionCheck,
    Depot,
    Event,
    Exhibit,
    ExhibitSet,
    Holiday,
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
    SchoolTerm,
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

# The shapes are sheet_shapes.py's; imported here too, where the rest of the program finds them.
from caravan_app.persistence.sheet_shapes import (
    THEMES_SHOWN_WITH,
    ColumnSpec,
    Kind,
    OneOfCheck,
    OrderCheck,
    SheetSpec,
    UniqueSpec,
)

__all__ = ["THEMES_SHOWN_WITH", "ColumnSpec", "Kind", "OneOfCheck", "OrderCheck", "SheetSpec", "UniqueSpec"]

TEXT, INT, FLOAT, BOOL, DATE, DATETIME = Kind.TEXT, Kind.INT, Kind.FLOAT, Kind.BOOL, Kind.DATE, Kind.DATETIME


def _col(header: str, attr: str, kind: Kind, *, req: bool = False, **options: Any) -> ColumnSpec:
    return ColumnSpec(header, attr, kind, required=req, **options)


def _enum(header: str, attr: str, enum: type[LabelledEnum], *, req: bool = False) -> ColumnSpec:
    return ColumnSpec(header, attr, Kind.ENUM, required=req, enum=enum)


def _ref(header: str, attr: str, entity: str, *, req: bool = False) -> ColumnSpec:
    return ColumnSpec(header, attr, Kind.REF, required=req, ref=entity)


def _amount(header: str, attr: str, kind: Kind = FLOAT, *, req: bool = False) -> ColumnSpec:
    return ColumnSpec(header, attr, kind, required=req, minimum=0)


_LAT = _col("纬度", "lat", FLOAT, req=True, minimum=-90, maximum=90)
_LON = _col("经度", "lon", FLOAT, req=True, minimum=-180, maximum=180)
_ADDRESS = _col("地址", "address", TEXT)
_NOTES = _col("备注", "notes", TEXT)

# In dependency order: a sheet refers only to sheets above it (and regions to themselves).
# fmt: off
ENTITIES: tuple[SheetSpec, ...] = (
    SheetSpec(
        "regions", "地区", Region, "region", ("adcode",),
        (
            _col("地区代码", "adcode", TEXT, req=True, pattern=(r"\d{6}", "must be 6 digits", "six_digits")),
            _col("名称", "name", TEXT, req=True),
            _enum("级别", "level", Level, req=True),
            _enum("区划类型", "division", DivisionKind),
            _ref("上级地区代码", "parent_id", "regions"),
            _LAT,
            _LON,
            _col("重点县", "is_key_county", BOOL),
        ),
    ),
    SheetSpec(
        "depots", "仓库", Depot, "depot", ("code",),
        (
            _col("仓库编号", "code", TEXT, req=True),
            _col("名称", "name", TEXT, req=True),
            _enum("所属层级", "owner_level", Level, req=True),
            _ref("所属地区代码", "region_id", "regions", req=True),
            _ADDRESS,
            _LAT,
            _LON,
        ),
    ),
    SheetSpec(
        "workshops", "维修车间", Workshop, "workshop", ("code",),
        (
            _col("维修车间编号", "code", TEXT, req=True),
            _col("名称", "name", TEXT, req=True),
            _ref("所属地区代码", "region_id", "regions", req=True),
            _ADDRESS,
            _LAT,
            _LON,
        ),
    ),
    SheetSpec(
        "venues", "场地", Venue, "venue", ("code",),
        (
            _col("场地编号", "code", TEXT, req=True),
            _col("名称", "name", TEXT, req=True),
            _enum("类型", "kind", VenueKind, req=True),
            _ref("所属县区代码", "county_id", "regions", req=True),
            _col("乡镇", "township", TEXT),
            _ADDRESS,
            _LAT,
            _LON,
            _col("联系人", "contact_name", TEXT),
            _col("联系电话", "contact_phone", TEXT),
            _amount("展厅面积(m²)", "hall_area_m2"),
            _col("可停放大篷车", "caravan_parking", BOOL),
            _col("开放日", "open_weekdays", Kind.WEEKDAYS),
            _col("开放时间起", "open_from", Kind.TIME),
            _col("开放时间止", "open_to", Kind.TIME),
        ),
        checks=(
            OrderCheck(
                "open_from", "open_to", "closes before it opens", code="closes_before_opens", strict=True
            ),
        ),
    ),
    SheetSpec(
        "caravans", "车辆", Caravan, "caravan", ("code",),
        (
            _col("车辆编号", "code", TEXT, req=True),
            _col("车牌号", "plate", TEXT, req=True),
            _enum("车型", "type", CaravanType, req=True),
            _enum("所属层级", "owner_level", Level, req=True),
            _ref("所属地区代码", "owner_region_id", "regions", req=True),
            _ref("常驻仓库编号", "home_depot_id", "depots", req=True),
            _amount("展位数", "exhibit_slots", INT, req=True),
            _col("乘员数", "crew_size", INT, req=True, minimum=1, maximum=12),
            _col("投入使用日期", "in_service_since", DATE, req=True),
            _amount("里程(km)", "odometer_km"),
            _col("里程读数日期", "odometer_read_on", DATE),
            _amount("价值(元)", "value_yuan"),
            _enum("状态", "status", CaravanStatus),
            _col("主题", "themes", Kind.THEMES),
        ),
        unique=(UniqueSpec("plate", "plate"),),
    ),
    SheetSpec(
        "joint_tours", "联动巡展", JointTour, "joint tour", ("code",),
        (
            _col("联动编号", "code", TEXT, req=True),
            _col("名称", "name", TEXT, req=True),
            _col("结束日期", "ended_on", DATE),
            _NOTES,
        ),
    ),
    SheetSpec(
        "joint_tour_caravans", "联动车辆", JointTourCaravan, "joint tour caravan",
        ("joint_tour_id", "caravan_id"),
        (
            _ref("联动编号", "joint_tour_id", "joint_tours", req=True),
            _ref("车辆编号", "caravan_id", "caravans", req=True),
        ),
    ),
    SheetSpec(
        "joint_tour_regions", "联动地区", JointTourRegion, "joint tour region",
        ("joint_tour_id", "region_id"),
        (
            _ref("联动编号", "joint_tour_id", "joint_tours", req=True),
            _ref("地区代码", "region_id", "regions", req=True),
        ),
    ),
    SheetSpec(
        "exhibit_sets", "展品套组", ExhibitSet, "set", ("code",),
        (
            _col("套组编号", "code", TEXT, req=True),
            _col("名称", "name", TEXT, req=True),
            _col("主题", "theme", TEXT, req=True),
            _amount("展厅面积(m²)", "hall_area_m2", req=True),
            _amount("布展天数", "install_days", INT),
            _amount("撤展天数", "uninstall_days", INT),
            _col("运输车次", "truck_loads", INT, minimum=1),
            _col("组建日期", "formed_on", DATE),
            _col("配置要求", "template", TEXT),
            _ref("常驻仓库编号", "home_depot_id", "depots", req=True),
            _enum("状态", "status", SetStatus),
        ),
    ),
    SheetSpec(
        "exhibits", "展品", Exhibit, "exhibit", ("code",),
        (
            _col("展品编号", "code", TEXT, req=True),
            _col("中文名称", "name_zh", TEXT, req=True),
            _col("英文名称", "name_en", TEXT),
            _col("主题", "theme", TEXT, req=True),
            _enum("用途", "use", ExhibitUse, req=True),
            _amount("长(cm)", "length_cm"),
            _amount("宽(cm)", "width_cm"),
            _amount("高(cm)", "height_cm"),
            _amount("重量(kg)", "weight_kg"),
            _amount("功率(W)", "power_w"),
            _col("购置日期", "acquired_on", DATE, req=True),
            _col("使用年限(年)", "service_life_years", INT, minimum=1),
            _amount("价值(元)", "value_yuan"),
            _enum("品相", "condition", ConditionGrade),
            _enum("状态", "status", ExhibitStatus),
            _ref("所在仓库编号", "depot_id", "depots"),
            _ref("所在车辆编号", "caravan_id", "caravans"),
            _ref("所在套组编号", "set_id", "exhibit_sets"),
            _ref("所在维修车间编号", "workshop_id", "workshops"),
        ),
        checks=(OneOfCheck(("depot_id", "caravan_id", "set_id", "workshop_id")),),
    ),
    SheetSpec(
        "set_memberships", "套组成员", SetMembership, "membership", ("set_id", "exhibit_id", "joined_on"),
        (
            _ref("套组编号", "set_id", "exhibit_sets", req=True),
            _ref("展品编号", "exhibit_id", "exhibits", req=True),
            _col("加入日期", "joined_on", DATE, req=True),
            _col("退出日期", "left_on", DATE),
        ),
        checks=(OrderCheck("joined_on", "left_on", "leaves before it joins", code="leaves_before_joins"),),
    ),
    SheetSpec(
        "movements", "调拨记录", Movement, "movement", ("code",),
        (
            _col("调拨编号", "code", TEXT, req=True),
            _ref("展品编号", "exhibit_id", "exhibits", req=True),
            _col("调拨时间", "moved_at", DATETIME, req=True),
            _ref("调出仓库编号", "from_depot_id", "depots"),
            _ref("调出车辆编号", "from_caravan_id", "caravans"),
            _ref("调出套组编号", "from_set_id", "exhibit_sets"),
            _ref("调出维修车间编号", "from_workshop_id", "workshops"),
            _ref("调入仓库编号", "to_depot_id", "depots"),
            _ref("调入车辆编号", "to_caravan_id", "caravans"),
            _ref("调入套组编号", "to_set_id", "exhibit_sets"),
            _ref("调入维修车间编号", "to_workshop_id", "workshops"),
            _col("原因", "reason", TEXT),
        ),
        checks=(
            OneOfCheck(("from_depot_id", "from_caravan_id", "from_set_id", "from_workshop_id"), at_most=True),
            OneOfCheck(("to_depot_id", "to_caravan_id", "to_set_id", "to_workshop_id")),
        ),
    ),
    SheetSpec(
        "maintenance_records", "维修记录", MaintenanceRecord, "maintenance record", ("code",),
        (
            _col("维修单号", "code", TEXT, req=True),
            _ref("展品编号", "exhibit_id", "exhibits"),
            _ref("车辆编号", "caravan_id", "caravans"),
            _ref("套组编号", "set_id", "exhibit_sets"),
            _enum("类别", "kind", MaintenanceKind, req=True),
            _col("开始日期", "opened_on", DATE, req=True),
            _col("完成日期", "closed_on", DATE),
            _col("故障", "fault", TEXT),
            _amount("费用(元)", "cost_yuan"),
            _ref("维修车间编号", "workshop_id", "workshops"),
            _NOTES,
        ),
        checks=(
            OneOfCheck(("exhibit_id", "caravan_id", "set_id")),
            OrderCheck("opened_on", "closed_on", "closes before it opens", code="closes_before_opens"),
        ),
    ),
    SheetSpec(
        "condition_checks", "状态检查", ConditionCheck, "condition check", ("code",),
        (
            _col("检查编号", "code", TEXT, req=True),
            _ref("展品编号", "exhibit_id", "exhibits", req=True),
            _col("检查日期", "checked_on", DATE, req=True),
            _enum("品相", "grade", ConditionGrade, req=True),
            _enum("检查场合", "context", CheckContext, req=True),
            _col("故障", "fault", TEXT),
            _col("检查人", "checked_by", TEXT),
            _col("照片路径", "photo_path", TEXT),
        ),
    ),
    SheetSpec(
        "requests", "需求", VisitRequest, "request", ("code",),
        (
            _col("需求编号", "code", TEXT, req=True),
            _ref("场地编号", "venue_id", "venues", req=True),
            _enum("类型", "kind", RequestKind, req=True),
            _col("最早日期", "earliest_on", DATE, req=True),
            _col("最晚日期", "latest_on", DATE, req=True),
            _col("展出天数", "show_days", INT, minimum=1, maximum=180),
            _col("期望主题", "themes_wanted", Kind.THEMES),
            _col("车型要求", "caravan_types", Kind.ENUM_LIST, enum=CaravanType),
            _amount("预计观众", "expected_audience", INT),
            _col("优先级", "priority", INT, minimum=1, maximum=5),
            _enum("状态", "status", RequestStatus),
            _NOTES,
        ),
        checks=(
            OrderCheck(
                "earliest_on", "latest_on", "latest date before the earliest", code="latest_before_earliest"
            ),
        ),
    ),
    SheetSpec(
        "plans", "方案", Plan, "plan", ("name",),
        (
            _col("方案名称", "name", TEXT, req=True),
            _enum("类型", "kind", PlanKind, req=True),
            _col("开始日期", "horizon_start", DATE, req=True),
            _col("结束日期", "horizon_end", DATE, req=True),
            _enum("状态", "status", PlanStatus),
            _col("创建时间", "created_at", DATETIME, req=True),
            _col("创建人", "created_by", TEXT),
            _col("批准人", "approved_by", TEXT),
            _col("批准时间", "approved_at", DATETIME),
            _enum("求解状态", "solver_status", SolveStatus),
            _col("目标值", "objective", FLOAT),
            _col("下界", "bound", FLOAT),
            _amount("求解耗时(秒)", "solve_seconds"),
            _col("参数(JSON)", "parameters_json", Kind.JSON),
            _col("指标(JSON)", "figures_json", Kind.JSON),
            _NOTES,
        ),
        checks=(OrderCheck("horizon_start", "horizon_end"),),
    ),
    SheetSpec(
        "trips", "行程", Trip, "trip", ("code",),
        (
            _col("行程编号", "code", TEXT, req=True),
            _ref("方案名称", "plan_id", "plans", req=True),
            _ref("车辆编号", "caravan_id", "caravans", req=True),
            _col("出发时间", "leave_at", DATETIME, req=True),
            _col("返回时间", "back_at", DATETIME, req=True),
            _amount("返程里程(km)", "km_back"),
        ),
        checks=(OrderCheck("leave_at", "back_at", "returns before it leaves", code="returns_before_leaves"),),
    ),
    SheetSpec(
        "tour_stops", "行程站点", TourStop, "tour stop", ("trip_id", "seq"),
        (
            _ref("行程编号", "trip_id", "trips", req=True),
            _col("序号", "seq", INT, req=True, minimum=1),
            _ref("需求编号", "request_id", "requests"),
            _ref("场地编号", "venue_id", "venues", req=True),
            _col("到达时间", "arrive_at", DATETIME, req=True),
            _col("开展时间", "show_start", DATETIME, req=True),
            _col("结束时间", "show_end", DATETIME, req=True),
            _amount("距上站里程(km)", "km_from_previous"),
            _col("锁定", "locked", BOOL),
        ),
        checks=(
            OrderCheck("arrive_at", "show_start", "starts before arrival", code="starts_before_arrival"),
            OrderCheck("show_start", "show_end"),
        ),
    ),
    SheetSpec(
        "unserved_requests", "未满足需求", UnservedRequest, "unserved request", ("plan_id", "request_id"),
        (
            _ref("方案名称", "plan_id", "plans", req=True),
            _ref("需求编号", "request_id", "requests", req=True),
            _enum("原因", "reason", UnservedReason, req=True),
        ),
    ),
    SheetSpec(
        "set_placements", "巡展安排", SetPlacement, "placement", ("code",),
        (
            _col("安排编号", "code", TEXT, req=True),
            _ref("方案名称", "plan_id", "plans"),
            _ref("套组编号", "set_id", "exhibit_sets", req=True),
            _ref("场地编号", "venue_id", "venues", req=True),
            _ref("需求编号", "request_id", "requests"),
            _col("开始日期", "start_on", DATE, req=True),
            _col("结束日期", "end_on", DATE, req=True),
            _col("期次", "period", INT),
            _col("锁定", "locked", BOOL),
        ),
        checks=(OrderCheck("start_on", "end_on"),),
    ),
    SheetSpec(
        "events", "活动", Event, "event", ("code",),
        (
            _col("活动编号", "code", TEXT, req=True),
            _ref("场地编号", "venue_id", "venues", req=True),
            _col("举办日期", "held_on", DATE, req=True),
            _ref("车辆编号", "caravan_id", "caravans"),
            _ref("套组编号", "set_id", "exhibit_sets"),
            _amount("观众人数", "visitors", INT),
            _amount("行驶里程(km)", "km_driven"),
            _col("活动内容", "activity", TEXT),
            _NOTES,
            _enum("状态", "status", EventStatus),
            _col("取消原因", "cancel_reason", TEXT),
            _col("开始时间", "started_at", DATETIME),
            _col("结束时间", "ended_at", DATETIME),
            _col("观众类型", "audience", TEXT),
            _col("反馈意见", "feedback", TEXT),
        ),
        checks=(OneOfCheck(("caravan_id", "set_id")),),
    ),
    # What came in from field kits, so a kit imported again after a restore still changes nothing.
    SheetSpec(
        "kit_imports", "外业包导入", KitImport, "kit import", ("kit_id", "record_id"),
        (
            _col("外业包编号", "kit_id", TEXT, req=True),
            _col("记录编号", "record_id", TEXT, req=True),
            _col("序号", "seq", INT, req=True),
            _col("记录类型", "kind", TEXT, req=True),
            _col("行程或展期", "subject", TEXT),
            _col("记录键", "record_key", TEXT, req=True),
            _col("记录内容", "payload", TEXT),
            _col("数据表", "row_table", TEXT),
            _col("数据编号", "row_code", TEXT),
            _col("处理", "action", TEXT, req=True),
            _col("导入时间", "imported_at", DATETIME, req=True),
            _col("导入人", "imported_by", TEXT),
        ),
    ),
    # What each field kit was given, so a kit written before a restore is still checked against it.
    SheetSpec(
        "kit_exports", "外业包导出", KitExport, "kit export", ("kit_id",),
        (
            _col("外业包编号", "kit_id", TEXT, req=True),
            _col("类型", "kind", TEXT, req=True),
            _col("行程或展期编号", "code", TEXT, req=True),
            _col("交给外业包的内容", "scope", TEXT, req=True),
            _col("导出时的行程或展期", "fingerprint", TEXT, req=True),
            _col("导出时间", "exported_at", DATETIME, req=True),
            _col("导出人", "exported_by", TEXT, req=True),
        ),
    ),
    SheetSpec(
        "set_moves", "套组运输", SetMove, "set move", ("plan_id", "set_id", "period"),
        (
            _ref("方案名称", "plan_id", "plans", req=True),
            _ref("套组编号", "set_id", "exhibit_sets", req=True),
            _col("期次", "period", INT, req=True, minimum=0),
            _col("起点编号", "from_code", TEXT, req=True),
            _col("终点编号", "to_code", TEXT, req=True),
            _amount("里程(km)", "km", req=True),
            _col("运输车次", "truck_loads", INT, req=True, minimum=1),
            _col("日程", "schedule_json", TEXT),
        ),
    ),
    SheetSpec(
        "retirement_candidates", "报废候选", RetirementCandidate, "retirement candidate", ("code",),
        (
            _col("候选编号", "code", TEXT, req=True),
            _ref("方案名称", "plan_id", "plans", req=True),
            _enum("类别", "kind", CandidateKind, req=True),
            _ref("车辆编号", "caravan_id", "caravans"),
            _ref("展品编号", "exhibit_id", "exhibits"),
            _ref("套组编号", "set_id", "exhibit_sets"),
            _col("触发规则", "rules", TEXT, req=True),
            _col("依据", "evidence_json", TEXT),
            _enum("建议", "recommendation", Recommendation, req=True),
            _enum("决定", "decision", Decision),
        ),
        checks=(OneOfCheck(("caravan_id", "exhibit_id", "set_id")),),
    ),
    SheetSpec(
        "regroup_moves", "整合调拨", RegroupMove, "regroup move", ("plan_id", "exhibit_id"),
        (
            _ref("方案名称", "plan_id", "plans", req=True),
            _ref("展品编号", "exhibit_id", "exhibits", req=True),
            _ref("调出套组编号", "from_set_id", "exhibit_sets"),
            _ref("调出车辆编号", "from_caravan_id", "caravans"),
            _ref("调出仓库编号", "from_depot_id", "depots"),
            _ref("调入套组编号", "to_set_id", "exhibit_sets"),
            _ref("调入车辆编号", "to_caravan_id", "caravans"),
            _amount("里程(km)", "km"),
        ),
        checks=(OneOfCheck(("to_set_id", "to_caravan_id")),),
    ),
    SheetSpec(
        "school_terms", "学期", SchoolTerm, "school term", ("name",),
        (
            _col("学期", "name", TEXT, req=True),
            _col("开学日期", "start_on", DATE, req=True),
            _col("结束日期", "end_on", DATE, req=True),
        ),
    ),
    SheetSpec(
        "holidays", "节假日", Holiday, "holiday", ("day",),
        (
            _col("日期", "day", DATE, req=True),
            _col("名称", "name", TEXT),
        ),
    ),
)
# fmt: on

BY_KEY: dict[str, SheetSpec] = {e.key: e for e in ENTITIES}


def entity_named(name: str) -> SheetSpec:
    """The entity named by its English key (caravans) or its sheet name (车辆)."""
    wanted = normalise(name)
    for spec in ENTITIES:
        if wanted in (normalise(spec.key), normalise(spec.sheet)):
            return spec
    choices = ", ".join(f"{e.key} ({e.sheet})" for e in ENTITIES)
    raise CaravanError(f"no entity is called {name!r}; the entities are {choices}")


# ---------------------------------------------------------------------------------------------------
# Model facts the checks need: nullability, defaults and text lengths, read from the models.


@dataclass(frozen=True)
class ColumnFacts:
    nullable: bool
    default: Any
    length: int | None


def _facts(spec: SheetSpec, col: ColumnSpec) -> ColumnFacts:
    column = inspect(spec.model).columns[col.attr]
    default = column.default
    value = getattr(default, "arg", None) if default is not None and default.is_scalar else None
    length = column.type.length if isinstance(column.type, String) else None
    return ColumnFacts(bool(column.nullable), value, length)


FACTS: dict[tuple[str, str], ColumnFacts] = {
    (spec.key, col.attr): _facts(spec, col) for spec in ENTITIES for col in spec.columns
}


def continuation_header(header: str, n: int) -> str:
    """The header of a JSON column's n-th continuation column (n from 1): text longer than an Excel
    cell holds goes on there in an exported workbook, and the import joins it again."""
    return f"{header}（续{n}）"


def normalise(text: str) -> str:
    """Headers and names compared loosely: full-width brackets, ㎡ and stray spaces do not matter."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def load_all(session: Session, spec: SheetSpec) -> list[Any]:
    return list(session.scalars(select(spec.model)))


def row_values(spec: SheetSpec, obj: Any, keys_by_id: Mapping[str, Mapping[int, Any]]) -> dict[str, Any]:
    """A row's values by attribute, with each reference as the referenced row's key."""
    values: dict[str, Any] = {}
    for col in spec.columns:
        value = getattr(obj, col.attr)
        if col.kind is Kind.REF and value is not None:
            assert col.ref is not None
            value = keys_by_id[col.ref][value]
        values[col.attr] = value
    return values


def natural_key(spec: SheetSpec, values: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(values[attr] for attr in spec.natural_key)
