"""Every entity as a sheet of an Excel workbook (or one entity as CSV), with Chinese headers, and back.

One declarative table, `ENTITIES`, says for each entity its sheet, its natural key and its columns;
one engine exports, reads, checks and upserts them all. A reference to another row is always that
row's code (its adcode, a plan's name), never a database id, so a workbook moves between databases.

An import is all or nothing: the whole file is read and every row of every sheet is checked (cell
types, ranges, dates in order, references against the file and the database, duplicate keys) before
anything is written. Any problem raises ImportRejected listing them all, each with its sheet, row,
column, value and reason. Only a clean file is upserted by natural key, in dependency order, through
the ORM (so versions are bumped and the audit log is written); the caller's unit of work commits.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import tempfile
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
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
    join_themes,
    split_themes,
)
from caravan_app.domain.outcomes import SolveStatus, UnservedReason
from caravan_app.domain.weekdays import normalise_weekdays
from caravan_app.errors import CaravanError, ImportProblem, ImportRejected
from caravan_app.persistence.models import (
    Base,
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

MAX_PROBLEMS = 1000
THEMES_SHOWN_WITH = "、"
_INT_LIMIT = 2**31 - 1  # an INTEGER column on PostgreSQL


class Kind(Enum):
    """How a column's value is written in a cell and read back."""

    TEXT = "text"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"  # 是/否
    DATE = "date"
    DATETIME = "datetime"
    TIME = "time"  # a clock time, written HH:MM
    ENUM = "enum"  # the Chinese label (the code is accepted too)
    THEMES = "themes"  # a list, shown joined with 、
    ENUM_LIST = "enum_list"  # several members of `enum`, shown as labels joined with 、, stored as codes
    WEEKDAYS = "weekdays"  # digits 1 (Monday) to 7 (Sunday)
    JSON = "json"  # text that must be valid JSON
    REF = "ref"  # another entity's natural key (its code)


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a sheet: its Chinese header, the model attribute and how cells are read.

    A required column must be in the header row and filled in every row. An optional column may
    be left out of the file (an existing row keeps its value, a new one takes the model's default);
    a blank cell in it means no value (NULL) if the database allows one, else the model's default.
    """

    header: str
    attr: str
    kind: Kind
    required: bool = False
    enum: type[LabelledEnum] | None = None
    ref: str | None = None  # the referenced entity's key, for Kind.REF
    minimum: float | None = None
    maximum: float | None = None
    pattern: tuple[str, str] | None = None  # (regular expression, reason when it does not match)


@dataclass(frozen=True)
class OrderCheck:
    """`later` must not be before `earlier` (both present): a row-level copy of a CHECK constraint."""

    earlier: str
    later: str
    reason: str = "ends before it starts"
    strict: bool = False  # `later` must also differ from `earlier`


@dataclass(frozen=True)
class OneOfCheck:
    """Exactly one (or, with `at_most`, at most one) of these reference columns is filled."""

    attrs: tuple[str, ...]
    at_most: bool = False


@dataclass(frozen=True)
class UniqueSpec:
    """A unique column other than the natural key (a caravan's plate)."""

    attr: str
    word: str


@dataclass(frozen=True)
class SheetSpec:
    """One entity: its sheet (Chinese name), its English key (for CSV), model, natural key, columns."""

    key: str
    sheet: str
    model: type[Base]
    noun: str  # in reasons: "unknown {noun} {key_word}"
    natural_key: tuple[str, ...]  # attributes; references in it are the referenced row's key
    columns: tuple[ColumnSpec, ...]
    checks: tuple[OrderCheck | OneOfCheck, ...] = ()
    unique: tuple[UniqueSpec, ...] = ()

    @property
    def key_word(self) -> str:
        if len(self.natural_key) > 1:
            return "key"
        return "name" if self.natural_key[0] == "name" else "code"

    def column(self, attr: str) -> ColumnSpec:
        return self._by_attr[attr]

    @cached_property
    def _by_attr(self) -> dict[str, ColumnSpec]:
        return {col.attr: col for col in self.columns}


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
            _col("地区代码", "adcode", TEXT, req=True, pattern=(r"\d{6}", "must be 6 digits")),
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
        checks=(OrderCheck("open_from", "open_to", "closes before it opens", strict=True),),
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
        checks=(OrderCheck("joined_on", "left_on", "leaves before it joins"),),
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
            OrderCheck("opened_on", "closed_on", "closes before it opens"),
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
        checks=(OrderCheck("earliest_on", "latest_on", "latest date before the earliest"),),
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
        checks=(OrderCheck("leave_at", "back_at", "returns before it leaves"),),
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
            OrderCheck("arrive_at", "show_start", "starts before arrival"),
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

_BY_KEY: dict[str, SheetSpec] = {e.key: e for e in ENTITIES}


def entity_named(name: str) -> SheetSpec:
    """The entity named by its English key (caravans) or its sheet name (车辆)."""
    wanted = _normalise(name)
    for spec in ENTITIES:
        if wanted in (_normalise(spec.key), _normalise(spec.sheet)):
            return spec
    choices = ", ".join(f"{e.key} ({e.sheet})" for e in ENTITIES)
    raise CaravanError(f"no entity is called {name!r}; the entities are {choices}")


# ---------------------------------------------------------------------------------------------------
# Model facts the checks need: nullability, defaults and text lengths, read from the models.


@dataclass(frozen=True)
class _ColumnFacts:
    nullable: bool
    default: Any
    length: int | None


def _facts(spec: SheetSpec, col: ColumnSpec) -> _ColumnFacts:
    column = inspect(spec.model).columns[col.attr]
    default = column.default
    value = getattr(default, "arg", None) if default is not None and default.is_scalar else None
    length = column.type.length if isinstance(column.type, String) else None
    return _ColumnFacts(bool(column.nullable), value, length)


_FACTS: dict[tuple[str, str], _ColumnFacts] = {
    (spec.key, col.attr): _facts(spec, col) for spec in ENTITIES for col in spec.columns
}


# ---------------------------------------------------------------------------------------------------
# Cell values: parsing what a user typed (or a cell holds) into a model value.


class CellError(ValueError):
    """A cell that cannot be read as its column's kind; the message is the problem's reason."""


class _Refused:
    """A cell already reported (a formula or an Excel error value), skipped when parsing."""


_REFUSED = _Refused()

_DATE_TEXT = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DATETIME_TEXT = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?"
)
_TRUE = {"是", "true", "1", "yes", "y"}
_FALSE = {"否", "false", "0", "no", "n"}


def _is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def _as_text(raw: object) -> str:
    """A cell's value as the text a user would see, for text columns and for problem reports."""
    if raw is None or isinstance(raw, _Refused):
        return ""
    if isinstance(raw, bool):
        return "是" if raw else "否"
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e15:
        return str(int(raw))
    if isinstance(raw, datetime):
        if raw.time() == time(0):
            return raw.date().isoformat()
        return raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, time):
        return _time_text(raw)
    return str(raw)


def _time_text(value: time) -> str:
    return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")


def _parse_int(raw: object) -> int:
    if isinstance(raw, bool):
        raise CellError("not a whole number")
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, float):
        if not raw.is_integer():
            raise CellError("not a whole number")
        value = int(raw)
    elif isinstance(raw, str) and re.fullmatch(r"[+-]?\d+(\.0*)?", raw.strip()):
        value = int(raw.strip().split(".")[0])
    else:
        raise CellError("not a whole number")
    if abs(value) > _INT_LIMIT:
        raise CellError("too large")
    return value


def _parse_float(raw: object) -> float:
    if isinstance(raw, bool):
        raise CellError("not a number")
    if not isinstance(raw, int | float | str):
        raise CellError("not a number")
    try:
        value = float(raw.strip() if isinstance(raw, str) else raw)
    except (ValueError, OverflowError):
        raise CellError("not a number") from None
    if not math.isfinite(value):
        raise CellError("not a number")
    return value


def _parse_bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str) and raw.strip().lower() in _TRUE:
        return True
    if isinstance(raw, str) and raw.strip().lower() in _FALSE:
        return False
    raise CellError("not 是 or 否")


def _make_date(year: str, month: str, day: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise CellError("no such date") from None


def _parse_date(raw: object) -> date:
    if isinstance(raw, datetime):
        if raw.time() != time(0):
            raise CellError("a date without a time is expected")
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        match = _DATE_TEXT.fullmatch(raw.strip())
        if match:
            return _make_date(*match.groups())
    raise CellError("not a date (YYYY-MM-DD)")


def _parse_datetime(raw: object) -> datetime:
    if isinstance(raw, datetime):
        return raw
    if isinstance(raw, date):
        return datetime.combine(raw, time(0))
    if isinstance(raw, str):
        match = _DATETIME_TEXT.fullmatch(raw.strip())
        if match:
            year, month, day, hour, minute, second, fraction = match.groups()
            day_of = _make_date(year, month, day)
            try:
                moment = time(
                    int(hour or 0), int(minute or 0), int(second or 0), int((fraction or "0").ljust(6, "0"))
                )
            except ValueError:
                raise CellError("no such time") from None
            return datetime.combine(day_of, moment)
    raise CellError("not a date and time (YYYY-MM-DD HH:MM)")


_TIME_TEXT = re.compile(r"(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?")


def _parse_time(raw: object) -> time:
    if isinstance(raw, datetime):
        return raw.time()
    if isinstance(raw, time):
        return raw
    if isinstance(raw, str):
        match = _TIME_TEXT.fullmatch(raw.strip())
        if match:
            hour, minute, second = match.groups()
            try:
                return time(int(hour), int(minute), int(second or 0))
            except ValueError:
                raise CellError("no such time") from None
    raise CellError("not a time (HH:MM)")


def _parse_enum_list(col: ColumnSpec, raw: object) -> str:
    assert col.enum is not None
    members = []
    for part in split_themes(_as_text(raw)):
        try:
            members.append(col.enum.parse(part).value)
        except ValueError as exc:
            raise CellError(f"{part}: {exc}") from None
    return join_themes(sorted(set(members), key=members.index))


def parse_cell(col: ColumnSpec, raw: object, length: int | None = None) -> Any:
    """The value a non-blank cell gives a column (a reference stays the referenced row's key).

    Raises CellError, whose message is the reason, for anything it cannot take.
    """
    kind = col.kind
    value: Any
    if kind is Kind.INT:
        value = _parse_int(raw)
    elif kind is Kind.FLOAT:
        value = _parse_float(raw)
    elif kind is Kind.BOOL:
        return _parse_bool(raw)
    elif kind is Kind.DATE:
        return _parse_date(raw)
    elif kind is Kind.DATETIME:
        return _parse_datetime(raw)
    elif kind is Kind.TIME:
        return _parse_time(raw)
    elif kind is Kind.ENUM:
        assert col.enum is not None
        try:
            return col.enum.parse(_as_text(raw))
        except ValueError as exc:
            raise CellError(str(exc)) from None
    elif kind is Kind.WEEKDAYS:
        try:
            return normalise_weekdays(_as_text(raw))
        except ValueError as exc:
            raise CellError(str(exc)) from None
    elif kind is Kind.THEMES:
        value = join_themes(split_themes(_as_text(raw)))
    elif kind is Kind.ENUM_LIST:
        value = _parse_enum_list(col, raw)
    elif kind is Kind.REF:
        value = _as_text(raw).strip()
    else:
        value = _as_text(raw)
        if kind is Kind.JSON:
            try:
                json.loads(value)
            except (ValueError, RecursionError):
                raise CellError("not valid JSON") from None
    if isinstance(value, str):
        if length is not None and len(value) > length:
            raise CellError(f"longer than {length} characters")
        if col.pattern and not re.fullmatch(col.pattern[0], value):
            raise CellError(col.pattern[1])
    else:
        _check_range(col, value)
    return value


def _check_range(col: ColumnSpec, value: float) -> None:
    low, high = col.minimum, col.maximum
    if low is not None and high is not None and not low <= value <= high:
        raise CellError(f"must be between {_number_text(low)} and {_number_text(high)}")
    if low is not None and value < low:
        raise CellError("must not be negative" if low == 0 else f"must be at least {_number_text(low)}")
    if high is not None and value > high:
        raise CellError(f"must be at most {_number_text(high)}")


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# ---------------------------------------------------------------------------------------------------
# Export.


def _load_all(session: Session, spec: SheetSpec) -> list[Any]:
    return list(session.scalars(select(spec.model)))


def _row_values(spec: SheetSpec, obj: Any, keys_by_id: Mapping[str, Mapping[int, Any]]) -> dict[str, Any]:
    """A row's values by attribute, with each reference as the referenced row's key."""
    values: dict[str, Any] = {}
    for col in spec.columns:
        value = getattr(obj, col.attr)
        if col.kind is Kind.REF and value is not None:
            assert col.ref is not None
            value = keys_by_id[col.ref][value]
        values[col.attr] = value
    return values


def _natural_key(spec: SheetSpec, values: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(values[attr] for attr in spec.natural_key)


def _exported_rows(session: Session) -> Iterator[tuple[SheetSpec, list[dict[str, Any]]]]:
    """Each entity's rows (values by attribute, references as keys), ordered by natural key."""
    keys_by_id: dict[str, dict[int, Any]] = {}
    for spec in ENTITIES:
        objects = _load_all(session, spec)
        if len(spec.natural_key) == 1:  # first: regions refer to regions
            keys_by_id[spec.key] = {obj.id: getattr(obj, spec.natural_key[0]) for obj in objects}
        rows = [_row_values(spec, obj, keys_by_id) for obj in objects]
        rows.sort(key=lambda values: _natural_key(spec, values))
        yield spec, rows


def _shown(col: ColumnSpec, value: Any) -> Any:
    """A model value as it is written in a cell: labels for enums, 是/否, themes joined with 、."""
    if value is None:
        return None
    if col.kind is Kind.ENUM:
        return value.zh
    if col.kind is Kind.BOOL:
        return "是" if value else "否"
    if col.kind is Kind.THEMES:
        return THEMES_SHOWN_WITH.join(split_themes(value)) or None
    if col.kind is Kind.ENUM_LIST:
        assert col.enum is not None
        return THEMES_SHOWN_WITH.join(col.enum(code).zh for code in split_themes(value)) or None
    if col.kind is Kind.TIME:
        return _time_text(value)
    if isinstance(value, str) and value == "":
        return None
    return value


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


_EXCEL_FIRST_DAY = date(1900, 3, 1)  # Excel's calendar is wrong before this day
_EXCEL_TEXT_LIMIT = 32767  # characters in a cell; openpyxl would cut the rest off silently


def _display_width(value: Any) -> int:
    text = _csv_text(value).split("\n")[0]
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _write_sheet(book: Any, spec: SheetSpec, rows: list[dict[str, Any]]) -> None:
    sheet = book.create_sheet(spec.sheet)
    bold = Font(bold=True)
    widths = [_display_width(col.header) for col in spec.columns]
    for index, col in enumerate(spec.columns, start=1):
        cell = sheet.cell(row=1, column=index, value=col.header)
        cell.font = bold
    for row_number, values in enumerate(rows, start=2):
        for index, col in enumerate(spec.columns, start=1):
            value = _shown(col, values[col.attr])
            if value is None:
                continue
            _write_cell(sheet, row_number, index, value, spec, col)
            widths[index - 1] = max(widths[index - 1], _display_width(value))
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 6) + 2, 60)


def _write_cell(sheet: Any, row: int, column: int, value: Any, spec: SheetSpec, col: ColumnSpec) -> None:
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, datetime):
        if value.microsecond or value.date() < _EXCEL_FIRST_DAY:
            # Excel keeps milliseconds at best: such a moment is written as text, read back exactly.
            value = value.isoformat(sep=" ")
        else:
            cell.value = value
            cell.number_format = "yyyy-mm-dd hh:mm:ss"
            return
    elif isinstance(value, date):
        if value < _EXCEL_FIRST_DAY:
            value = value.isoformat()
        else:
            cell.value = value
            cell.number_format = "yyyy-mm-dd"
            return
    if isinstance(value, str):
        if len(value) > _EXCEL_TEXT_LIMIT or ILLEGAL_CHARACTERS_RE.search(value):
            raise CaravanError(
                f"cannot export {spec.sheet} row {row}, column {col.header}: Excel cannot hold this text "
                f"(longer than {_EXCEL_TEXT_LIMIT} characters or with a control character)"
            )
        cell.value = value
        cell.data_type = "s"  # text, even "=A1" or "#N/A": never a formula or an error value
        cell.number_format = "@"
    elif isinstance(value, float) and float(f"{value:.16g}") != value:
        # openpyxl writes 16 significant digits; this float needs 17 to come back the same.
        cell.value = repr(value)
        cell.data_type = "n"
    else:
        cell.value = value


def _replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write to a temporary file next to `path`, then move it over: no half-written file is left."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise CaravanError(f"cannot write {path}: {exc.strerror or exc}") from exc
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise CaravanError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export_workbook(session: Session, path: Path | str) -> dict[str, int]:
    """Every entity as a sheet of a new .xlsx workbook; the number of rows written, by sheet."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    counts: dict[str, int] = {}
    for spec, rows in _exported_rows(session):
        _write_sheet(book, spec, rows)
        counts[spec.sheet] = len(rows)
    _replace_atomically(Path(path), lambda target: book.save(target))
    return counts


def export_csv(session: Session, entity: str, path: Path | str) -> int:
    """One entity (by English key or sheet name) as UTF-8 CSV with a BOM; the number of rows written."""
    spec = entity_named(entity)
    rows: list[dict[str, Any]] = []
    for each, each_rows in _exported_rows(session):
        if each is spec:
            rows = each_rows
            break

    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([col.header for col in spec.columns])
            for values in rows:
                writer.writerow([_csv_text(_shown(col, values[col.attr])) for col in spec.columns])

    _replace_atomically(Path(path), write)
    return len(rows)


# ---------------------------------------------------------------------------------------------------
# Import: reading the file.


@dataclass(frozen=True)
class SheetCounts:
    sheet: str
    key: str
    inserted: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class ImportSummary:
    """What an import did, sheet by sheet, in dependency order."""

    sheets: tuple[SheetCounts, ...]

    def counts(self, entity: str) -> SheetCounts:
        spec = entity_named(entity)
        for counts in self.sheets:
            if counts.key == spec.key:
                return counts
        return SheetCounts(spec.sheet, spec.key, 0, 0, 0)

    @property
    def inserted(self) -> int:
        return sum(c.inserted for c in self.sheets)

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.sheets)

    @property
    def unchanged(self) -> int:
        return sum(c.unchanged for c in self.sheets)

    def __str__(self) -> str:
        lines = [
            f"{c.sheet} ({c.key}): {c.inserted} new, {c.updated} updated, {c.unchanged} unchanged"
            for c in self.sheets
        ]
        lines.append(f"in all: {self.inserted} new, {self.updated} updated, {self.unchanged} unchanged")
        return "\n".join(lines)


@dataclass
class _RawSheet:
    title: str
    headers: list[str | None]
    rows: list[tuple[int, list[object]]]  # (spreadsheet row number, cell values)


@dataclass
class _Problems:
    """Problems as they are found, sorted for the report by sheet, row and column."""

    items: list[tuple[tuple[int, int, int], ImportProblem]] = field(default_factory=list)

    def add(
        self,
        sheet: str,
        row: int | None,
        column: str,
        value: object,
        reason: str,
        order: tuple[int, int] = (-1, -1),
    ) -> None:
        text = value if isinstance(value, str) else _as_text(value)
        position = (order[0], row if row is not None else -1, order[1])
        self.items.append((position, ImportProblem(sheet, row, column, text, reason)))

    def __bool__(self) -> bool:
        return bool(self.items)

    def report(self) -> list[ImportProblem]:
        ordered = [problem for _, problem in sorted(self.items, key=lambda pair: pair[0])]
        if len(ordered) > MAX_PROBLEMS:
            more = len(ordered) - MAX_PROBLEMS
            ordered = ordered[:MAX_PROBLEMS] + [ImportProblem("", None, "", "", f"and {more} more problems")]
        return ordered


def _normalise(text: str) -> str:
    """Headers and names compared loosely: full-width brackets, ㎡ and stray spaces do not matter."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def _read_xlsx(path: Path, problems: _Problems) -> list[_RawSheet]:
    name = path.name
    try:
        with warnings.catch_warnings():  # openpyxl warns of Excel features it drops; they hold no data
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, data_only=False)
    except Exception:  # zip errors, missing parts, XML errors: all mean the same to the user
        problems.add(name, None, "", "", "not an Excel workbook (.xlsx)")
        return []
    sheets: list[_RawSheet] = []
    for position, sheet in enumerate(book.worksheets):
        title = str(sheet.title)
        order = _sheet_order(title, position)
        headers: list[str | None] = []
        rows: list[tuple[int, list[object]]] = []
        for cells in sheet.iter_rows():
            values: list[object] = []
            for cell in cells:
                value = cell.value
                if cell.data_type == "f":
                    formula = getattr(value, "text", value)
                    problems.add(
                        title,
                        cell.row,
                        _header_at(headers, cell.column),
                        "",
                        f"a formula where a value belongs ({formula})",
                        (order, cell.column),
                    )
                    value = _REFUSED
                elif cell.data_type == "e":
                    problems.add(
                        title,
                        cell.row,
                        _header_at(headers, cell.column),
                        "",
                        f"an Excel error value ({value})",
                        (order, cell.column),
                    )
                    value = _REFUSED
                values.append(value)
            row_number = cells[0].row if cells else 0
            if row_number == 1:
                headers = [
                    None if _is_blank(v) or isinstance(v, _Refused) else _as_text(v).strip() for v in values
                ]
            elif any(not _is_blank(v) for v in values):
                rows.append((row_number, values))
        for merged in sheet.merged_cells.ranges:
            problems.add(
                title,
                merged.min_row,
                _header_at(headers, merged.min_col),
                "",
                f"merged cells are not allowed ({merged.coord})",
                (order, merged.min_col),
            )
        sheets.append(_RawSheet(title, headers, rows))
    return sheets


def _sheet_order(title: str, position: int) -> int:
    """Where a sheet's problems come in the report: in the order of ENTITIES, unknown sheets last."""
    spec = _spec_for_sheet(title)
    return ENTITIES.index(spec) if spec else len(ENTITIES) + position


def _spec_for_sheet(title: str) -> SheetSpec | None:
    name = _normalise(title)
    return next((e for e in ENTITIES if name in (_normalise(e.sheet), e.key)), None)


def _header_at(headers: Sequence[str | None], column: int) -> str:
    """The header of a 1-based column, or its letter when it has none."""
    if column <= len(headers) and headers[column - 1]:
        return str(headers[column - 1])
    letter: str = get_column_letter(column)
    return letter


def _read_csv(path: Path, problems: _Problems) -> list[_RawSheet]:
    name = path.name
    data = path.read_bytes()
    text: str | None = None
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in Chinese saves "CSV" as GB18030/GBK
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None or "\x00" in text:
        problems.add(name, None, "", "", "not a CSV text file")
        return []
    records = list(csv.reader(text.splitlines(keepends=True)))
    if not records:
        return [_RawSheet(name, [], [])]
    width = max(len(record) for record in records)  # values past the last header are reported
    headers: list[str | None] = [h.strip() or None for h in records[0]] + [None] * (width - len(records[0]))
    rows = [
        (number, list[object](values))
        for number, values in enumerate(records[1:], start=2)
        if any(v.strip() for v in values)
    ]
    return [_RawSheet(name, headers, rows)]


def _csv_entity(path: Path, sheet: _RawSheet, problems: _Problems) -> SheetSpec | None:
    stem = _normalise(path.stem)
    for spec in ENTITIES:
        if stem in (_normalise(spec.key), _normalise(spec.sheet)):
            return spec
    found = {_normalise(h) for h in sheet.headers if h}
    matches = [spec for spec in ENTITIES if {_normalise(c.header) for c in spec.columns} == found]
    if len(matches) == 1:
        return matches[0]
    problems.add(
        sheet.title,
        None,
        "",
        path.stem,
        "cannot tell which table this is: name the file after it (e.g. caravans.csv or 车辆.csv)",
    )
    return None


# ---------------------------------------------------------------------------------------------------
# Import: checking.


@dataclass
class _Row:
    number: int
    values: dict[str, Any]  # attribute -> parsed value (references as keys); only columns in the file
    bad: set[str]  # attributes whose cell has a problem
    key: tuple[Any, ...] | None = None


@dataclass
class _Table:
    spec: SheetSpec
    title: str
    order: int  # position in ENTITIES, for sorting problems
    columns: dict[int, ColumnSpec]  # 0-based cell index -> column
    rows: list[_Row] = field(default_factory=list)

    def add(self, problems: _Problems, row: int | None, attr: str, value: object, reason: str) -> None:
        col = self.spec.column(attr) if attr else None
        header = col.header if col else ""
        problems.add(self.title, row, header, value, reason, (self.order, self.position(attr)))

    def position(self, attr: str) -> int:
        for index, col in self.columns.items():
            if col.attr == attr:
                return index + 1
        return 0


def _bind_columns(
    spec: SheetSpec, sheet: _RawSheet, order: int, problems: _Problems
) -> dict[int, ColumnSpec]:
    by_header = {_normalise(col.header): col for col in spec.columns}
    columns: dict[int, ColumnSpec] = {}
    seen: dict[str, int] = {}
    for index, header in enumerate(sheet.headers):
        if header is None:
            if any(index < len(cells) and not _is_blank(cells[index]) for _, cells in sheet.rows):
                problems.add(
                    sheet.title,
                    1,
                    get_column_letter(index + 1),
                    "",
                    "a column of data without a header",
                    (order, index + 1),
                )
            continue
        col = by_header.get(_normalise(header))
        if col is None:
            problems.add(sheet.title, 1, header, header, "unknown column", (order, index + 1))
        elif col.attr in seen:
            problems.add(
                sheet.title,
                1,
                header,
                header,
                f"duplicate column, also column {get_column_letter(seen[col.attr] + 1)}",
                (order, index + 1),
            )
        else:
            seen[col.attr] = index
            columns[index] = col
    for col in spec.columns:
        if col.required and col.attr not in seen:
            problems.add(sheet.title, 1, col.header, "", "missing column", (order, 10_000))
    return columns


def _parse_rows(table: _Table, sheet: _RawSheet, problems: _Problems) -> None:
    spec = table.spec
    for number, cells in sheet.rows:
        row = _Row(number, {}, set())
        for index, col in table.columns.items():
            raw = cells[index] if index < len(cells) else None
            if isinstance(raw, _Refused):
                row.bad.add(col.attr)
                continue
            facts = _FACTS[(spec.key, col.attr)]
            if _is_empty(col, raw):
                if col.required:
                    table.add(problems, number, col.attr, "", "required")
                    row.bad.add(col.attr)
                elif facts.nullable:
                    row.values[col.attr] = None
                elif facts.default is None and col.kind is Kind.TEXT:
                    row.values[col.attr] = ""
                else:
                    row.values[col.attr] = facts.default
                continue
            if col.kind is Kind.TEXT and spec.natural_key == (col.attr,) and isinstance(raw, str):
                raw = raw.strip()
            try:
                row.values[col.attr] = parse_cell(col, raw, facts.length)
            except CellError as exc:
                table.add(problems, number, col.attr, raw, str(exc))
                row.bad.add(col.attr)
        if all(attr in row.values for attr in spec.natural_key):
            row.key = _natural_key(spec, row.values)
        table.rows.append(row)


def _is_empty(col: ColumnSpec, raw: object) -> bool:
    """No value: spaces alone are a value only in an optional text column (kept as they are)."""
    if col.kind is Kind.TEXT and not col.required and isinstance(raw, str):
        return raw == ""
    return _is_blank(raw)


def _key_text(key: tuple[Any, ...]) -> str:
    return " / ".join(_as_text(part) for part in key)


def _check_duplicates(table: _Table, problems: _Problems) -> None:
    spec = table.spec
    first: dict[tuple[Any, ...], int] = {}
    for row in table.rows:
        if row.key is None:
            continue
        if row.key in first:
            table.add(
                problems,
                row.number,
                spec.natural_key[0],
                _key_text(row.key),
                f"duplicate {spec.key_word}, also in row {first[row.key]}",
            )
            row.key = None  # the first row stands for the key
        else:
            first[row.key] = row.number
    for unique in spec.unique:
        seen: dict[Any, int] = {}
        for row in table.rows:
            value = row.values.get(unique.attr)
            if value is None:
                continue
            if value in seen:
                table.add(
                    problems,
                    row.number,
                    unique.attr,
                    value,
                    f"duplicate {unique.word}, also in row {seen[value]}",
                )
            else:
                seen[value] = row.number


class _Existing:
    """What the database already holds, loaded once per table (never a query per row)."""

    def __init__(self, session: Session, imported: Iterable[SheetSpec]) -> None:
        imported = list(imported)
        referenced = {col.ref for spec in imported for col in spec.columns if col.ref}
        referenced |= {spec.key for spec in imported if len(spec.natural_key) == 1}
        self.keys_by_id: dict[str, dict[int, Any]] = {}
        self.ids_by_key: dict[str, dict[Any, int]] = {}
        for spec in ENTITIES:
            if spec.key not in referenced:
                continue
            key_column = getattr(spec.model, spec.natural_key[0])
            id_column = spec.model.__table__.c.id
            pairs = session.execute(select(id_column, key_column)).all()
            self.keys_by_id[spec.key] = {row_id: key for row_id, key in pairs}
            self.ids_by_key[spec.key] = {key: row_id for row_id, key in pairs}
        self.objects: dict[str, dict[tuple[Any, ...], Any]] = {}
        self.values: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}
        for spec in imported:
            objects: dict[tuple[Any, ...], Any] = {}
            values: dict[tuple[Any, ...], dict[str, Any]] = {}
            for obj in _load_all(session, spec):
                row_values = _row_values(spec, obj, self.keys_by_id)
                key = _natural_key(spec, row_values)
                objects[key] = obj
                values[key] = row_values
            self.objects[spec.key] = objects
            self.values[spec.key] = values

    def has(self, entity: str, key: Any) -> bool:
        return key in self.ids_by_key[entity]


def _effective(table: _Table, row: _Row, existing: _Existing) -> dict[str, Any]:
    """The row as it will stand: the file's values over the stored row, or over the defaults."""
    spec = table.spec
    stored = existing.values[spec.key].get(row.key) if row.key is not None else None
    if stored is not None:
        base = dict(stored)
    else:
        base = {col.attr: _FACTS[(spec.key, col.attr)].default for col in spec.columns}
    base.update(row.values)
    return base


def _check_rows(tables: Mapping[str, _Table], existing: _Existing, problems: _Problems) -> None:
    file_keys = {
        key: {row.key[0] for row in t.rows if row.key}
        for key, t in tables.items()
        if len(t.spec.natural_key) == 1
    }
    for table in tables.values():
        spec = table.spec
        for row in table.rows:
            for col in spec.columns:
                if col.kind is not Kind.REF or col.attr in row.bad:
                    continue
                value = row.values.get(col.attr)
                assert col.ref is not None
                known = existing.has(col.ref, value) or value in file_keys.get(col.ref, ())
                if value is not None and not known:
                    target = _BY_KEY[col.ref]
                    reason = f"unknown {target.noun} {target.key_word}"
                    table.add(problems, row.number, col.attr, value, reason)
                    row.bad.add(col.attr)
            values = _effective(table, row, existing)
            for check in spec.checks:
                if any(attr in row.bad for attr in _check_attrs(check)):
                    continue
                if isinstance(check, OrderCheck):
                    earlier, later = values[check.earlier], values[check.later]
                    if (
                        earlier is not None
                        and later is not None
                        and (later < earlier or (check.strict and later == earlier))
                    ):
                        head = spec.column(check.earlier).header
                        table.add(
                            problems,
                            row.number,
                            check.later,
                            later,
                            f"{check.reason} ({head} {_as_text(earlier)})",
                        )
                else:
                    filled = [values[attr] for attr in check.attrs if values[attr] is not None]
                    if len(filled) > 1 or (not filled and not check.at_most):
                        headers = "/".join(spec.column(attr).header for attr in check.attrs)
                        if check.at_most:
                            reason = f"at most one of these may be filled, found {len(filled)}"
                        else:
                            reason = f"exactly one of these must be filled, found {len(filled)}"
                        problems.add(
                            table.title,
                            row.number,
                            headers,
                            "、".join(map(str, filled)),
                            reason,
                            (table.order, table.position(check.attrs[0])),
                        )
        _check_unique_against_database(table, existing, problems)
        _check_parent_loops(table, existing, problems)


def _check_attrs(check: OrderCheck | OneOfCheck) -> tuple[str, ...]:
    return (check.earlier, check.later) if isinstance(check, OrderCheck) else check.attrs


def _check_unique_against_database(table: _Table, existing: _Existing, problems: _Problems) -> None:
    """A unique value (a plate) the file gives a row must not stay on another row of the database."""
    spec = table.spec
    in_file = {row.key for row in table.rows if row.key is not None}
    for unique in spec.unique:
        holders = {
            values[unique.attr]: key
            for key, values in existing.values[spec.key].items()
            if key not in in_file
        }
        for row in table.rows:
            value = row.values.get(unique.attr)
            other = holders.get(value)
            if value is not None and other is not None and other != row.key:
                table.add(
                    problems,
                    row.number,
                    unique.attr,
                    value,
                    f"{unique.word} already used by {spec.noun} {_key_text(other)}",
                )


def _self_refs(spec: SheetSpec) -> list[ColumnSpec]:
    return [col for col in spec.columns if col.ref == spec.key]


def _check_parent_loops(table: _Table, existing: _Existing, problems: _Problems) -> None:
    spec = table.spec
    for col in _self_refs(spec):
        stored = existing.values[spec.key].items()
        parent: dict[Any, Any] = {key[0]: values[col.attr] for key, values in stored}
        for row in table.rows:
            if row.key is not None and col.attr in row.values:
                parent[row.key[0]] = row.values[col.attr]
        for row in table.rows:
            if row.key is None or col.attr in row.bad:
                continue
            start = row.key[0]
            seen = {start}
            current = parent.get(start)
            while current is not None and current not in seen:
                seen.add(current)
                current = parent.get(current)
            if current == start:
                table.add(
                    problems,
                    row.number,
                    col.attr,
                    row.values.get(col.attr),
                    "refers back to this row (a loop)",
                )


# ---------------------------------------------------------------------------------------------------
# Import: reading, checking and writing.


def _read(path: Path, problems: _Problems) -> list[_Table]:
    name = path.name
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        sheets = _read_xlsx(path, problems)
        empty_reason = "the workbook has no data"
    elif suffix == ".csv":
        sheets = _read_csv(path, problems)
        empty_reason = "the file has no data"
    else:
        problems.add(name, None, "", path.suffix, "only .xlsx workbooks and .csv files can be imported")
        return []
    if problems and not sheets:
        return []
    if not any(sheet.rows for sheet in sheets):
        problems.add(name, None, "", "", empty_reason)
        return []
    tables: dict[str, _Table] = {}
    titles: dict[str, str] = {}
    for position, sheet in enumerate(sheets):
        spec: SheetSpec | None
        if suffix == ".csv":
            spec = _csv_entity(path, sheet, problems)
        else:
            spec = _spec_for_sheet(sheet.title)
            if spec is None:
                if sheet.rows or any(sheet.headers):
                    choices = "、".join(e.sheet for e in ENTITIES)
                    reason = f"unknown sheet (the sheets are {choices})"
                    problems.add(
                        sheet.title, None, "", sheet.title, reason, (_sheet_order(sheet.title, position), 0)
                    )
                continue
        if spec is None:
            continue
        if spec.key in tables:
            problems.add(sheet.title, None, "", sheet.title, f"the same table as sheet {titles[spec.key]}")
            continue
        order = ENTITIES.index(spec)
        table = _Table(spec, sheet.title, order, _bind_columns(spec, sheet, order, problems))
        _parse_rows(table, sheet, problems)
        tables[spec.key] = table
        titles[spec.key] = sheet.title
    return [tables[spec.key] for spec in ENTITIES if spec.key in tables]


def import_file(session: Session, path: Path | str) -> ImportSummary:
    """Upsert a workbook (.xlsx, any of the sheets) or one entity (.csv) by natural key.

    Every problem in the file raises ImportRejected before anything is written; the caller's unit
    of work then rolls back. When the file is clean, new rows are inserted and changed ones updated
    in dependency order (rows the file does not mention are left as they are); the caller commits.
    """
    path = Path(path)
    if not path.is_file():  # no file to find problems in: one plain error
        raise CaravanError(f"cannot import {path}: no such file")
    problems = _Problems()
    with session.no_autoflush:
        tables = _read(path, problems)
        for table in tables:
            _check_duplicates(table, problems)
        existing = _Existing(session, [t.spec for t in tables]) if tables else None
        if existing is not None:
            _check_rows({t.spec.key: t for t in tables}, existing, problems)
    if problems:
        raise ImportRejected(problems.report())
    if existing is None:
        return ImportSummary(())
    return ImportSummary(tuple(_upsert(session, table, existing) for table in tables))


def _upsert(session: Session, table: _Table, existing: _Existing) -> SheetCounts:
    spec = table.spec
    stored_objects = existing.objects[spec.key]
    stored_values = existing.values[spec.key]
    inserted: list[tuple[_Row, Any]] = []
    updates: list[tuple[_Row, Any, dict[str, Any]]] = []
    unchanged = 0
    for row in table.rows:
        assert row.key is not None
        obj = stored_objects.get(row.key)
        if obj is None:
            inserted.append((row, spec.model()))
            continue
        current = stored_values[row.key]
        changes = {attr: value for attr, value in row.values.items() if current[attr] != value}
        if changes:
            updates.append((row, obj, changes))
        else:
            unchanged += 1

    # New rows in layers, so that a row referring to another new row of its own table follows it.
    self_refs = [col.attr for col in _self_refs(spec)]
    pending = inserted
    while pending:
        waiting = {row.key[0] for row, _ in pending if row.key}
        ready = [
            (row, obj)
            for row, obj in pending
            if not any(row.values.get(attr) in waiting for attr in self_refs)
        ]
        if not ready:  # a loop: refused while checking, so this cannot happen
            raise CaravanError(f"{spec.sheet}: rows refer to each other in a loop")
        for row, obj in ready:
            _assign(spec, obj, row.values, existing)
            session.add(obj)
        session.flush()
        _remember(spec, ready, existing)
        done = {id(obj) for _, obj in ready}
        pending = [(row, obj) for row, obj in pending if id(obj) not in done]

    for _, obj, changes in updates:
        _assign(spec, obj, changes, existing)
    if updates:
        session.flush()
    return SheetCounts(spec.sheet, spec.key, len(inserted), len(updates), unchanged)


def _assign(spec: SheetSpec, obj: Any, values: Mapping[str, Any], existing: _Existing) -> None:
    for attr, value in values.items():
        col = spec.column(attr)
        if col.kind is Kind.REF and value is not None:
            assert col.ref is not None
            value = existing.ids_by_key[col.ref][value]
        setattr(obj, attr, value)


def _remember(spec: SheetSpec, rows: Sequence[tuple[_Row, Any]], existing: _Existing) -> None:
    """New rows' ids, for the rows after them that refer to them."""
    if spec.key not in existing.ids_by_key:
        return
    for row, obj in rows:
        assert row.key is not None
        existing.ids_by_key[spec.key][row.key[0]] = obj.id
        existing.keys_by_id[spec.key][obj.id] = row.key[0]
