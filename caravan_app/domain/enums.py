"""Closed vocabularies of the domain: levels, kinds, types, grades and statuses.

Each enum stores a short English code in the database and carries a Chinese label, which is what
spreadsheets show and what staff type; `parse` accepts either.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A string enum whose members have a Chinese label (`zh`)."""

    @classmethod
    def labels(cls) -> dict[str, str]:
        raise NotImplementedError

    @property
    def zh(self) -> str:
        return self.labels()[self.value]

    @classmethod
    def parse(cls, text: str) -> Self:
        """The member named by its code or its Chinese label; ValueError names the choices."""
        text = text.strip()
        for member in cls:
            if text == member.value or text == member.zh:
                return member
        choices = "、".join(m.zh for m in cls)
        raise ValueError(f"not one of {choices}")


class Level(LabelledEnum):
    """Administrative level of a region, and owner level of a depot or caravan."""

    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"province": "省级", "city": "市级", "county": "县级"}


class DivisionKind(LabelledEnum):
    """What kind of county-level division a region is: an urban district, a county or a county city."""

    DISTRICT = "district"
    COUNTY = "county"
    COUNTY_CITY = "county_city"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"district": "市辖区", "county": "县", "county_city": "县级市"}


class VenueKind(LabelledEnum):
    SCHOOL = "school"
    TOWNSHIP_CENTRE = "township_centre"
    COMMUNITY = "community"
    VILLAGE = "village"
    SCIENCE_HALL = "science_hall"
    OTHER = "other"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {
            "school": "学校",
            "township_centre": "乡镇文化中心",
            "community": "社区",
            "village": "村",
            "science_hall": "县科技馆",
            "other": "其他",
        }


class CaravanType(LabelledEnum):
    """CAST's four caravan types; type I is the largest and goes to province or city level only."""

    I = "I"  # noqa: E741 - the type's official name
    II = "II"
    III = "III"
    IV = "IV"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"I": "I型", "II": "II型", "III": "III型", "IV": "IV型"}


class CaravanStatus(LabelledEnum):
    IN_SERVICE = "in_service"
    MAINTENANCE = "maintenance"
    RESERVE = "reserve"
    RETIRED = "retired"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"in_service": "在用", "maintenance": "维修中", "reserve": "备用", "retired": "已报废"}


class ExhibitUse(LabelledEnum):
    CARAVAN_KIT = "caravan_kit"
    MUSEUM_SET = "museum_set"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"caravan_kit": "大篷车展品", "museum_set": "流动科技馆展品"}


class ConditionGrade(LabelledEnum):
    """A: as new; B: working, worn; C: working with faults; D: out of order or beyond repair."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"A": "A", "B": "B", "C": "C", "D": "D"}


class ExhibitStatus(LabelledEnum):
    IN_USE = "in_use"
    IN_STORE = "in_store"
    IN_REPAIR = "in_repair"
    RETIRED = "retired"
    LOST = "lost"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {
            "in_use": "在用",
            "in_store": "库存",
            "in_repair": "维修中",
            "retired": "已报废",
            "lost": "遗失",
        }


class SetStatus(LabelledEnum):
    TOURING = "touring"
    IN_STORE = "in_store"
    MAINTENANCE = "maintenance"
    RETIRED = "retired"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"touring": "巡展中", "in_store": "在库", "maintenance": "维护中", "retired": "已撤销"}


class RequestKind(LabelledEnum):
    CARAVAN_VISIT = "caravan_visit"
    MUSEUM_PLACEMENT = "museum_placement"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"caravan_visit": "大篷车进校园/进乡镇", "museum_placement": "流动科技馆巡展"}


class RequestStatus(LabelledEnum):
    OPEN = "open"
    PLANNED = "planned"
    SERVED = "served"
    CANCELLED = "cancelled"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"open": "待安排", "planned": "已排期", "served": "已完成", "cancelled": "已取消"}


class PlanKind(LabelledEnum):
    TOUR = "tour"
    ROTATION = "rotation"
    CONSOLIDATION = "consolidation"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"tour": "大篷车巡展", "rotation": "流动科技馆轮换", "consolidation": "报废整合"}


class PlanStatus(LabelledEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    PUBLISHED = "published"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"draft": "草案", "approved": "已批准", "published": "已发布"}


class MaintenanceKind(LabelledEnum):
    REPAIR = "repair"
    SERVICE = "service"
    INSPECTION = "inspection"
    REFURBISH = "refurbish"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"repair": "维修", "service": "保养", "inspection": "年检", "refurbish": "翻新"}


class CheckContext(LabelledEnum):
    """Why a condition check was made."""

    HANDOVER = "handover"
    FIELD = "field"
    ANNUAL = "annual"
    RETURN = "return"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"handover": "交接检查", "field": "现场检查", "annual": "年度盘点", "return": "归库检查"}


class EventStatus(LabelledEnum):
    """Whether a show took place; a cancelled one is kept so the office sees it and why."""

    HELD = "held"
    CANCELLED = "cancelled"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"held": "已举办", "cancelled": "已取消"}


class CandidateKind(LabelledEnum):
    """What a retirement candidate is."""

    CARAVAN = "caravan"
    EXHIBIT = "exhibit"
    SET = "set"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"caravan": "大篷车", "exhibit": "展品", "set": "展品套"}


class Recommendation(LabelledEnum):
    """What screening recommends for a candidate."""

    RETIRE = "retire"
    REFURBISH = "refurbish"
    REDEPLOY = "redeploy"
    KEEP = "keep"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"retire": "报废", "refurbish": "翻新维修", "redeploy": "调剂使用", "keep": "继续使用"}


class Decision(LabelledEnum):
    """A director's decision on a recommendation."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {"pending": "待定", "accepted": "同意", "rejected": "不同意"}


# The themes of Chinese science-popularisation exhibits; free text is allowed, these are the usual ones.
THEMES: tuple[str, ...] = (
    "力学",
    "声光电磁",
    "数学",
    "生命科学",
    "航空航天",
    "安全应急",
    "双碳",
    "信息科技",
    "人工智能",
    "地球科学",
    "健康医学",
    "农业科技",
)

THEME_SEPARATOR = ";"


def split_themes(text: str | None) -> list[str]:
    """Themes from a stored or typed list; accepts ; ， 、 , as separators."""
    if not text:
        return []
    for sep in ("，", "、", ","):
        text = text.replace(sep, THEME_SEPARATOR)
    return [t.strip() for t in text.split(THEME_SEPARATOR) if t.strip()]


def join_themes(themes: list[str] | tuple[str, ...]) -> str:
    return THEME_SEPARATOR.join(themes)
