"""Every word a map shows, in Chinese and English, and how dates and numbers are written on maps.

Place, venue and people's names are data and stay as they are; only the map's own words change with
`lang`. The 13 city names get an English form because a city label is the one place name an English
reader needs to find their way on the map.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, get_args

from caravan_app.errors import CaravanError

Lang = Literal["zh", "en"]
LANGS: tuple[str, ...] = get_args(Lang)

_WORDS: dict[str, tuple[str, str]] = {
    # map titles
    "tour_map": ("大篷车巡展路线图", "Caravan tour plan"),
    "rotation_map": ("流动科技馆轮换图", "Museum set rotation plan"),
    "coverage_map": ("科普活动覆盖图", "Coverage of science shows"),
    "inventory_map": ("流动科普设施分布图", "Mobile science facilities"),
    "legend": ("图例", "Legend"),
    # layers
    "boundaries": ("行政区划", "Boundaries"),
    "user_tiles": ("底图瓦片", "Base tiles"),
    "depots": ("仓库", "Depots"),
    "caravans": ("大篷车", "Caravans"),
    "venues": ("场地", "Venues"),
    "key_counties": ("省重点帮促县", "Key-assistance counties"),
    # fields in popups and legends
    "trip": ("行程", "Trip"),
    "trips": ("趟", "trips"),
    "stop": ("站", "Stop"),
    "stops": ("站", "stops"),
    "caravan": ("大篷车", "Caravan"),
    "plate": ("车牌", "Plate"),
    "type": ("车型", "Type"),
    "status": ("状态", "Status"),
    "crew": ("车组", "Crew"),
    "date": ("日期", "Date"),
    "time": ("时间", "Time"),
    "arrive": ("到达", "Arrives"),
    "show": ("展出", "Show"),
    "venue": ("场地", "Venue"),
    "county": ("县区", "County"),
    "address": ("地址", "Address"),
    "contact": ("联系人", "Contact"),
    "phone": ("电话", "Phone"),
    "km": ("公里", "km"),
    "km_from_previous": ("距上一站", "From previous stop"),
    "leave": ("出发", "Leaves"),
    "back": ("返回", "Back"),
    "depot": ("仓库", "Depot"),
    "set": ("展品套组", "Set"),
    "theme": ("主题", "Theme"),
    "period": ("期次", "Period"),
    "periods": ("期", "periods"),
    "from": ("来自", "From"),
    "move_km": ("运距", "Move"),
    "truck_loads": ("车次", "Truck loads"),
    "truck_km": ("车公里", "truck-km"),
    "held": ("已举办", "Held"),
    "planned": ("计划", "Planned"),
    "shows": ("场次", "Shows"),
    "shows_held_planned": ("场次（已举办＋计划）", "Shows (held + planned)"),
    "none": ("无", "none"),
    "kind": ("类别", "Kind"),
    "hall_area": ("展厅面积", "Hall"),
    "locked": ("已锁定", "locked"),
    "key_county": ("重点帮促县", "key-assistance county"),
    "stays_put": ("原地续展", "stays where it is"),
    "in_store": ("回库存放", "in store"),
    "returns_dashed": ("虚线：运回仓库", "Dashed: back to a depot"),
    "trip_shades": ("同一车辆的各趟行程用同色系深浅区分", "Trips of one caravan: shades of its colour"),
    "served": ("已服务需求", "Requests served"),
    "unserved": ("未满足", "unserved"),
    "counties_covered": ("覆盖县区", "Counties covered"),
    "key_covered": ("重点帮促县覆盖", "Key counties covered"),
    "caravan_count": ("辆", "caravans"),
    "venue_count": ("处", "venues"),
    # where the museum sets stand (the inventory map)
    "museum_sets": ("流动科技馆套组", "Museum sets"),
    "set_count": ("套", "sets"),
    "where_now": ("当前位置", "Where now"),
    "on_show": ("展期", "On show"),
    "in_hall": ("在展", "in a hall"),
    "in_store_at_home": ("在库（常驻仓库）", "in store at its home depot"),
    "needs_hall": ("所需展厅", "Needs a hall of"),
    "as_on": ("截至", "as on"),
}

_WEEKDAYS = {"zh": "一二三四五六日", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}

_CITY_EN = {
    "南京市": "Nanjing",
    "无锡市": "Wuxi",
    "徐州市": "Xuzhou",
    "常州市": "Changzhou",
    "苏州市": "Suzhou",
    "南通市": "Nantong",
    "连云港市": "Lianyungang",
    "淮安市": "Huai'an",
    "盐城市": "Yancheng",
    "扬州市": "Yangzhou",
    "镇江市": "Zhenjiang",
    "泰州市": "Taizhou",
    "宿迁市": "Suqian",
}

_VENUE_KIND_EN = {
    "school": "School",
    "township_centre": "Township centre",
    "community": "Community",
    "village": "Village",
    "science_hall": "County science hall",
    "other": "Other",
}

_CARAVAN_STATUS_EN = {
    "in_service": "in service",
    "maintenance": "in maintenance",
    "reserve": "reserve",
    "retired": "retired",
}


def check_lang(lang: str) -> Lang:
    if lang not in LANGS:
        raise CaravanError(f"map language must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang  # type: ignore[return-value]  # narrowed by the membership test above


def word(key: str, lang: Lang) -> str:
    zh, en = _WORDS[key]
    return zh if lang == "zh" else en


_EN_ONE = {"trips": "trip", "stops": "stop", "periods": "period"}


def counted(number: int, key: str, lang: Lang) -> str:
    """ "3 趟" / "3 trips", "1 trip"."""
    noun = _EN_ONE.get(key, word(key, lang)) if lang == "en" and number == 1 else word(key, lang)
    return f"{number} {noun}"


def city_name(name: str, lang: Lang) -> str:
    """A city label: the Chinese name, with the English one after it in English maps."""
    english = _CITY_EN.get(name)
    return f"{english} {name}" if lang == "en" and english else name


def venue_kind(kind: str, lang: Lang) -> str:
    from caravan_app.domain.enums import VenueKind

    if lang == "en":
        return _VENUE_KIND_EN.get(kind, kind)
    try:
        return VenueKind(kind).zh
    except ValueError:
        return kind


def caravan_status(status: str, lang: Lang) -> str:
    from caravan_app.domain.enums import CaravanStatus

    if lang == "en":
        return _CARAVAN_STATUS_EN.get(status, status)
    try:
        return CaravanStatus(status).zh
    except ValueError:
        return status


_SET_STATUS_EN = {
    "touring": "touring",
    "in_store": "in store",
    "maintenance": "in maintenance",
    "retired": "disbanded",
}


def set_status(status: str, lang: Lang) -> str:
    from caravan_app.domain.enums import SetStatus

    if lang == "en":
        return _SET_STATUS_EN.get(status, status)
    try:
        return SetStatus(status).zh
    except ValueError:
        return status


def caravan_type(caravan_type: str, lang: Lang) -> str:
    return f"{caravan_type}型" if lang == "zh" else f"type {caravan_type}"


def day(d: date, lang: Lang) -> str:
    """2027-03-02 (周二) / 2027-03-02 (Tue)."""
    names = _WEEKDAYS[lang]
    weekday = f"周{names[d.weekday()]}" if lang == "zh" else names[d.weekday()]
    return f"{d.isoformat()} ({weekday})"


def span(first: date, last: date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def clock(start: datetime, end: datetime) -> str:
    """09:30–13:30, with the end's date when a show runs past midnight or over two days."""
    if start.date() == end.date():
        return f"{start:%H:%M}–{end:%H:%M}"
    return f"{start:%H:%M} – {end:%Y-%m-%d %H:%M}"


def period(number: int, lang: Lang) -> str:
    """The label of a 0-based period: 第1期 / Period 1."""
    return f"第{number + 1}期" if lang == "zh" else f"Period {number + 1}"


def km(value: float, lang: Lang) -> str:
    return f"{value:,.0f} 公里" if lang == "zh" else f"{value:,.0f} km"


def colon(lang: Lang) -> str:
    return "：" if lang == "zh" else ": "
