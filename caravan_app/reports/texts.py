"""Every label the printed documents use, in Chinese and English, and the formats of dates and times.

Data (venue names, addresses, themes) prints as stored; only the words around it change with `lang`.
Codes the planner or the consolidation rules give (reasons, rules, recommendations) are translated here;
an unknown code prints as it is rather than failing, so a new rule never stops a report.
"""

from __future__ import annotations

from datetime import date, datetime

from caravan_app.domain.outcomes import UnservedReason
from caravan_app.domain.retirement import RECOMMENDATION_NAMES, RULE_NAMES
from caravan_app.domain.views import UnservedView
from caravan_app.errors import CaravanError

LANGUAGES = ("zh", "en")

# key: (Chinese, English). Placeholders in braces are filled by Texts.__call__.
LABELS: dict[str, tuple[str, str]] = {
    # Every page
    "page_of": ("第 {n} 页，共 {m} 页", "Page {n} of {m}"),
    "printed_on": ("打印日期 {date}", "Printed {date}"),
    "plan": ("方案", "Plan"),
    "total": ("合计", "Total"),
    "none": ("无", "None"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "km_value": ("{km} 公里", "{km} km"),
    "draft_mark": ("草案 · 未经批准，请勿分发", "DRAFT · not approved, do not hand out"),
    "draft_watermark": ("草案", "DRAFT"),
    "draft_title": ("【草案 · 未经批准】{name}", "[DRAFT · not approved] {name}"),
    # Route sheet
    "route_sheet": ("科普大篷车行程单", "Science caravan route sheet"),
    "trip_code": ("行程编号", "Trip code"),
    "caravan": ("车辆", "Caravan"),
    "plate": ("车牌", "Plate"),
    "caravan_type": ("车型", "Type"),
    "type_value": ("{type} 型", "Type {type}"),
    "crew": ("随车人员", "Crew"),
    "depot": ("出发仓库", "Depot"),
    "leave": ("出发", "Leave"),
    "back": ("返回", "Back"),
    "stops_days": ("站点 / 天数", "Stops / days"),
    "stops_days_value": ("{stops} 站，{days} 天", "{stops} stops, {days} days"),
    "trip_km": ("总里程", "Distance"),
    "scan_trip": ("扫码核对行程", "Scan to check the trip"),
    "map": ("行程路线图", "Route map"),
    "map_depot": ("仓库", "Depot"),
    "map_stop": ("站点（按顺序）", "Stop (in order)"),
    "map_out": ("行驶路线", "Route"),
    "map_return": ("返程", "Return"),
    "map_key_county": ("重点帮促县", "Key county"),
    "north": ("北", "N"),
    "schedule": ("逐日行程", "Day-by-day schedule"),
    "col_seq": ("序号", "#"),
    "col_arrive": ("到达", "Arrive"),
    "col_show": ("展出时间", "Show"),
    "col_venue": ("场地", "Venue"),
    "col_address": ("地址", "Address"),
    "col_contact": ("联系人 / 电话", "Contact / phone"),
    "col_km": ("公里", "km"),
    "day_n": ("第 {n} 天　{day}", "Day {n}  {day}"),
    "leave_depot": ("从{depot}出发", "Leave {depot}"),
    "back_depot": ("返回{depot}", "Back at {depot}"),
    "overnight": ("夜宿地点：", "Overnight at: "),
    "no_show_day": ("行车日，无展出", "Driving day, no show"),
    "key_county": ("重点帮促县", "key county"),
    "locked": ("已锁定", "locked"),
    "show_record": ("展出记录", "Show record"),
    "show_record_help": (
        "每站展出后由随车人员填写，场地负责人签字（盖章），交回后录入：活动内容、观众人数、观众类型和反馈意见"
        "为全国科普服务平台所需。取消的展出请勾选“取消”并在备注中写明原因。",
        "The crew fills this in after each show and the venue signs (or stamps) it; the office enters it: "
        "activity, visitors, audience and feedback are what the national platform asks for. For a show "
        "cancelled, tick Cancelled and give the reason under Note.",
    ),
    # The platform's own words (services/platform_export.py HEADERS).
    "show_activity": ("活动内容", "Activity"),
    "show_visitors": ("观众人数", "Visitors"),
    "show_audience": ("观众类型", "Audience"),
    "show_feedback": ("反馈意见", "Feedback"),
    "show_held": ("展出情况", "Show"),
    "show_held_boxes": ("□ 已展出    □ 取消", "□ Held    □ Cancelled"),
    "show_hours": ("实际时间", "Hours"),
    "show_hours_blank": ("____:____ — ____:____", "____:____ - ____:____"),
    "show_visitors_blank": ("____________ 人", "____________"),
    "show_note": ("备注", "Note"),
    "show_signature": ("场地签字（盖章）", "Venue's signature (stamp)"),
    "load_list": ("随车展品清单", "Load list"),
    "load_count": ("共 {n} 件，{kg} 公斤", "{n} exhibits, {kg} kg"),
    "no_load": ("该车暂无登记的随车展品。", "No exhibits are registered on this caravan."),
    "col_code": ("编号", "Code"),
    "col_name": ("名称", "Name"),
    "col_theme": ("主题", "Theme"),
    "col_grade": ("状况", "Grade"),
    "checklist": ("出车前检查表", "Pre-departure checklist"),
    "col_item": ("检查项目", "Item"),
    "col_ok": ("正常", "OK"),
    "col_remarks": ("备注", "Remarks"),
    "check_tyres": ("轮胎（气压、磨损、备胎）", "Tyres (pressure, wear, spare)"),
    "check_vehicle": ("机油、冷却液、制动、灯光", "Oil, coolant, brakes, lights"),
    "check_generator": ("发电机（燃油、试运行）", "Generator (fuel, test run)"),
    "check_power": ("电源线、插座、配电箱、接地", "Power cables, sockets, distribution box, earthing"),
    "check_secured": ("展品固定、箱柜上锁", "Exhibits secured, crates locked"),
    "check_count": ("展品数量与清单一致", "Exhibit count matches the load list"),
    "check_first_aid": ("急救箱", "First-aid kit"),
    "check_extinguisher": ("灭火器（在有效期内）", "Fire extinguisher (in date)"),
    "check_documents": (
        "证件：驾驶证、行驶证、保险单、本行程单",
        "Documents: driving licence, vehicle licence, insurance, this route sheet",
    ),
    "check_tools": ("工具、备件、安全锥", "Tools, spare parts, safety cones"),
    "check_contacts": ("已与各场地联系人确认时间", "Times confirmed with every venue contact"),
    "checked_by": ("检查人", "Checked by"),
    "date": ("日期", "Date"),
    "condition_form": ("展品状况记录表", "Exhibit condition form"),
    "grade_help": (
        "状况等级：A 完好如新；B 可用，有磨损；C 可用，有故障；D 损坏或无法修复。出发时和返回时各圈选一次。",
        "Grades: A as new; B working, worn; C working with faults; D out of order or beyond repair. "
        "Circle one at departure and one on return.",
    ),
    "col_grade_out": ("出发时等级", "Grade out"),
    "col_grade_back": ("返回时等级", "Grade back"),
    "col_fault": ("故障描述", "Fault"),
    "col_signature": ("签名", "Signature"),
    # Plan summary
    "summary": ("巡展方案汇总", "Tour plan summary"),
    "horizon": ("时段", "Horizon"),
    "status": ("状态", "Status"),
    "figures": ("主要指标", "Figures"),
    "requests": ("需求数", "Requests"),
    "served": ("已服务需求", "Requests served"),
    "served_share": ("{served} / {requests}（{share}%）", "{served} of {requests} ({share}%)"),
    "trips": ("行程数", "Trips"),
    "shows": ("展出场次", "Shows"),
    "km_total": ("总里程（公里）", "Distance (km)"),
    "key_served": ("重点帮促县已服务需求", "Key-county requests served"),
    "per_caravan": ("各车辆出车情况", "Per caravan"),
    "col_caravan": ("车辆", "Caravan"),
    "col_plate": ("车牌", "Plate"),
    "col_days_on_road": ("出车天数", "Days on road"),
    "col_available_days": ("可出车天数（占比）", "Days available (used)"),
    "fleet_use": ("车辆使用", "Fleet use"),
    "fleet_use_value": (
        "出车天数占可出车天数 {share}；{caravans} 辆中 {idle} 辆闲置（不足 {days} 天）；"
        "最忙的 20% 车辆承担 {busiest}",
        "{share} of available days on the road; {idle} of {caravans} caravans idle (under {days} days); "
        "the busiest 20 % do {busiest} of the days",
    ),
    "col_shows": ("展出场次", "Shows"),
    "chart_km": ("各车辆里程（公里）", "Kilometres per caravan"),
    "key_coverage": ("重点帮促县覆盖情况", "Key-county coverage"),
    "key_covered_line": ("{n} 个重点帮促县中已覆盖 {k} 个。", "{k} of {n} key counties covered."),
    "col_county": ("县（市、区）", "County"),
    "col_adcode": ("区划代码", "Adcode"),
    "col_figure": ("指标", "Figure"),
    "col_venues": ("场地数", "Venues"),
    "col_unserved": ("未满足需求", "Unserved"),
    "col_covered": ("已覆盖", "Covered"),
    "unserved": ("未满足的需求", "Unserved requests"),
    "by_reason": ("按原因统计", "By reason"),
    "col_reason": ("原因", "Reason"),
    "col_count": ("数量", "Count"),
    "col_request": ("需求编号", "Request"),
    "col_detail": ("说明", "Detail"),
    "detail_no_permitted_caravan": ("没有大篷车可服务{county}", "No caravan may serve {county}"),
    "detail_no_workable_date": (
        "没有大篷车能在允许的工作日到达{venue}",
        "No caravan can reach {venue} on an allowed working day",
    ),
    "detail_capacity": ("能服务的大篷车都已排满", "Every caravan that could serve it was busy"),
    "detail_needs": ("需要{types}，主题为{themes}", "Needs {types} with {themes}"),
    "fits_elsewhere": ("可联动：{caravans}", "Could be served through a joint tour by {caravans}"),
    "fitting_caravan": (
        "{caravan}（{home}，距 {km} 公里，已出车 {days}/{available} 天）",
        "{caravan} ({home}, {km} km away, {days} of {available} days on the road)",
    ),
    "any_type": ("任意车型", "any type"),
    "any_theme": ("任意主题", "any theme"),
    "all_served": ("所有需求均已安排。", "Every request is served."),
    # Rotation schedule
    "rotation_schedule": ("流动科技馆轮换计划表", "Travelling museum rotation schedule"),
    "periods": ("展期", "Periods"),
    "period_n": ("第 {n} 期", "Period {n}"),
    "col_period": ("展期", "Period"),
    "col_start": ("开始", "Start"),
    "col_end": ("结束", "End"),
    "col_days": ("天数", "Days"),
    "col_stays": ("驻展套组", "Sets shown"),
    "halls": ("各套组展出场馆", "Where each set stands"),
    "in_store": ("在库：{depot}", "In store: {depot}"),
    "not_placed": ("—", "—"),
    "set_moves": ("换展运输", "Moves between periods"),
    "moves_into": ("{period}（{start} 起）换展", "Into {period} (from {start})"),
    "no_set_moves": ("本期无运输，各套组原地续展。", "No moves: every set stays where it is."),
    "col_truck_loads": ("车次", "Truck loads"),
    "col_truck_km": ("车公里", "Truck-km"),
    "col_changeover": ("换展日期", "Changeover"),
    "rotation_totals": ("合计", "Totals"),
    "total_stays": ("驻展（套组·期）", "Stays (set-periods)"),
    "total_moves": ("运输次数", "Moves"),
    "total_km": ("运输里程（公里）", "Road km"),
    "total_truck_km": ("运输车公里", "Truck-km"),
    # Exhibit labels
    "labels": ("展品标签", "Exhibit labels"),
    "label_theme": ("主题：{theme}", "Theme: {theme}"),
    # Retirement and consolidation reports
    "retirement_report": ("报废评估报告", "Retirement report"),
    "consolidation_report": ("整合方案报告", "Consolidation report"),
    "scenario": ("方案", "Scenario"),
    "made_on": ("编制日期", "Prepared on"),
    "term": ("学期", "Term"),
    "overview": ("概述", "Summary"),
    "overview_counts": (
        "共评估 {n} 项：车辆 {caravans} 辆，展品 {exhibits} 件，套组 {sets} 套。",
        "{n} items assessed: {caravans} caravans, {exhibits} exhibits, {sets} sets.",
    ),
    "overview_recommend": ("建议：{parts}。", "Recommended: {parts}."),
    "overview_moves": (
        "重组调拨展品 {moves} 件，重组后完整套组 {complete} / {sets} 套。",
        "{moves} exhibits move to regroup; {complete} of {sets} sets complete afterwards.",
    ),
    "thresholds": ("评估规则阈值", "Thresholds the rules used"),
    "col_setting": ("设置", "Setting"),
    "col_value": ("值", "Value"),
    "col_threshold": ("阈值", "Threshold"),
    "rule_heading": ("规则：{rule}（{n} 项）", "Rule: {rule} ({n})"),
    "no_candidates": ("没有项目触发评估规则。", "No item met a rule."),
    "kept_under_rule": (
        "另有 {n} 项触发本规则但建议继续使用：{codes}",
        "{n} more met this rule and are recommended to keep: {codes}",
    ),
    "recommendation_counts": ("建议汇总", "Recommendations by kind"),
    "exhibits_listed_above": (
        "展品逐项列于上文各规则表中；下表列出车辆和套组。",
        "Exhibits are listed item by item under their rules above; caravans and sets follow.",
    ),
    "col_kind": ("类别", "Kind"),
    "col_evidence": ("依据", "Evidence"),
    "col_recommendation": ("建议", "Recommendation"),
    "col_decision": ("决定", "Decision"),
    "col_rules": ("触发规则", "Rules"),
    "recommendations": ("建议", "Recommendations"),
    "moves": ("展品重组调拨", "Regrouping moves"),
    "no_moves": ("没有重组调拨。", "No exhibit moves."),
    "col_from": ("调出", "From"),
    "col_to": ("调入", "To"),
    "sets": ("套组完整性", "Set completeness"),
    "col_set": ("套组", "Set"),
    "col_before": ("重组前", "Before"),
    "col_after": ("重组后", "After"),
    "col_complete": ("完整", "Complete"),
    "what_if": ("假设分析：对覆盖的影响", "What-if: effect on coverage"),
    "no_what_if": ("未做假设分析。", "No what-if was run."),
    "col_case": ("情景", "Case"),
    "col_served": ("已服务需求", "Served"),
    "col_key_counties": ("覆盖重点县", "Key counties"),
    "col_km_total": ("里程（公里）", "km"),
    "col_lost": ("流失的需求", "Requests lost"),
    "col_criterion": ("评估标准", "Criterion"),
    "col_applies_to": ("适用规则（触发项数）", "Rules it applies to (items flagged)"),
    "chart_changes": (
        "条形为调整后与调整前之差（橙色减少，蓝色增加）。",
        "Bars show the change, after minus before (orange: less, blue: more).",
    ),
    "chart_key_requests": ("重点县需求", "Key-county requests"),
    "refers_to_retirement": (
        "本报告只列整合内容：展品重组为完整套组和大篷车配置，以及车辆调配对覆盖的影响。"
        "各评估项目的依据、建议和决定，以及报废车辆对覆盖的影响，见同一方案的《报废评估报告》，本报告不再重复。",
        "This report covers the consolidation only: regrouping exhibits into complete sets and caravan "
        "kits, and redeploying caravans, with the effect on coverage. The items assessed, their evidence, "
        "recommendations and decisions, and what retiring caravans does to coverage, are in the "
        "Retirement report of the same scenario and are not repeated here.",
    ),
    "consolidation_assumes": (
        "重组时已除去建议报废的展品 {exhibits} 件、车辆 {caravans} 辆"
        "（报废车辆的随车展品作为备品留在所属仓库）。",
        "The regrouping leaves out the {exhibits} exhibits and {caravans} caravans recommended for "
        "retirement (a retired caravan's kit stays as spares at its depot).",
    ),
    "kits": ("大篷车展品配置", "Caravan kits"),
    "kits_overview": (
        "大篷车展品配置完整 {before} → {after} / {containers} 辆，调拨展品 {moved} 件，{km} 公里。",
        "Caravan kits complete: {before} → {after} of {containers}; {moved} exhibits move, {km} km.",
    ),
    "redeployment": ("车辆调配：对覆盖的影响", "Redeploying caravans: effect on coverage"),
    "no_redeployment": ("没有建议调配到其他城市的车辆。", "No caravan is proposed for another city."),
    # Linkage proposal
    "linkage_report": ("联动巡展建议", "Linkage proposal"),
    "linkage_period": (
        "时段：{start} — {end}｜每次规划用时 {seconds} 秒",
        "Period: {start} — {end} | {seconds} s per plan",
    ),
    "linkage_intro": (
        "地区规则让大篷车只能在本地服务。下表比较三种情形：按现行规则规划；所有车辆不限地区规划（联动最多能带来的效果）；"
        "采纳下列全部联动巡展后重新规划。每项建议的效果是在此前各项基础上重新规划并经独立校验得到的增量。",
        "The region rules keep each caravan in its own area. The table compares the term planned as the "
        "rules stand, with every caravan allowed everywhere (the most linkage can bring), and with every "
        "joint tour proposed below. What each proposal brings was measured by re-planning with it on top "
        "of those before it, and the plans were checked independently.",
    ),
    "col_plan": ("情形", "Plan"),
    "col_key_served": ("重点县需求", "Key-county"),
    "col_township_served": ("乡镇需求", "Township"),
    "col_idle": ("闲置车辆（不足 {days} 天）", "Idle (under {days} days)"),
    "col_busiest": ("最忙 20% 承担", "Busiest 20 %"),
    "linkage_baseline": ("现行规则", "Rules as they stand"),
    "linkage_potential": ("不限地区", "Every caravan anywhere"),
    "linkage_with_all": ("采纳全部建议", "With every proposal"),
    "linkage_none": ("没有能多满足需求的联动巡展。", "No joint tour would serve more requests."),
    "linkage_proposal": ("建议 {n}", "Proposal {n}"),
    "linkage_caravan": ("{code}（{home}，{depot}）", "{code} ({home}, {depot})"),
    "linkage_caravans": ("车辆：{caravans}", "Caravans: {caravans}"),
    "linkage_regions": ("可增加服务：{regions}", "May also serve: {regions}"),
    "before_after": ("{before} → {after}", "{before} → {after}"),
    "before": ("调整前", "Before"),
    "after": ("调整后", "After"),
    "chart_served": ("已服务需求", "Requests served"),
    "chart_key_counties": ("覆盖重点县", "Key counties covered"),
    "chart_km_total": ("里程（公里）", "Kilometres"),
    "notes": ("备注", "Notes"),
    "case_moved": ("{caravan} 调往{city}", "{caravan} moved to {city}"),
    "case_without": ("不含 {caravan}", "without {caravan}"),
    "note_screened": (
        "评估日期 {as_of}；使用情况按 {first} 至 {last} 的记录统计。",
        "Screened as of {as_of}; use counted from the records of {first} to {last}.",
    ),
    "note_baseline_plan": ("对比基准：巡展方案“{plan}”", "Baseline: tour plan \u201c{plan}\u201d"),
    "note_baseline_solved": ("对比基准：本次求解的巡展方案", "Baseline: a tour plan solved for this run"),
    "note_baseline_figures": (
        "，服务 {served}/{requests} 个需求，重点县需求 {key_served}/{key_requests}。",
        ", serving {served} of {requests} requests, key-county requests {key_served} of {key_requests}.",
    ),
    "note_kits": (
        "大篷车展品重组：完整配置 {before} → {after}/{containers} 辆，调拨展品 {moved} 件，{km} 公里。",
        "Caravan kits: complete {before} -> {after} of {containers}, {moved} exhibits moved, {km} km.",
    ),
    "note_to_store": (
        "超出容量退回库房的展品 {n} 件（未列入调拨表）。",
        "{n} exhibits over a container's limits go back to store (not in the moves table).",
    ),
    "note_violations": (
        "检查程序发现 {n} 处问题，详见日志。",
        "The checkers found {n} problem(s); see the log.",
    ),
    "signatures": ("审批签字", "Signatures"),
    "prepared_by": ("编制人", "Prepared by"),
    "reviewed_by": ("审核人", "Reviewed by"),
    "approved_by": ("批准人", "Approved by"),
    "col_person": ("姓名", "Name"),
}

_WEEKDAYS = {
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}

# Codes from the tour planner (domain.outcomes.UnservedReason; kept in step by a test) and from the
# retirement rules in domain.
_CODES: dict[str, dict[str, tuple[str, str]]] = {
    "reason": {
        "capacity": ("运力已排满", "capacity: the caravans' days went to other requests"),
        "no_type_or_theme": ("没有符合车型或主题的大篷车", "no caravan of a wanted type with a wanted theme"),
        "no_permitted_caravan": ("没有可跨区服务该地区的大篷车", "no caravan may serve this region"),
        "no_workable_date": ("没有可行的日期", "no workable date"),
    },
    "status": {
        "draft": ("草案", "draft"),  # as the screens say (domain.enums.PlanStatus)
        "approved": ("已批准", "approved"),
        "published": ("已发布", "published"),
    },
    "kind": {
        "caravan": ("车辆", "caravan"),
        "exhibit": ("展品", "exhibit"),
        "set": ("套组", "set"),
    },
    # The retirement rules' own names, so a report never lags behind the rules.
    "recommendation": {r.value: names for r, names in RECOMMENDATION_NAMES.items()},
    "decision": {
        "": ("待定", "undecided"),
        "accepted": ("已采纳", "accepted"),
        "rejected": ("未采纳", "rejected"),
    },
    "rule": dict(RULE_NAMES),
}


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise CaravanError(f"unknown language {lang!r}: choose zh or en")
    return lang


class Texts:
    """The labels of one language: `t("caravan")`, `t("page_of", n=1, m=3)`, `t.code("reason", c)`."""

    def __init__(self, lang: str = "zh") -> None:
        self.lang = check_language(lang)
        self._index = LANGUAGES.index(lang)

    def __call__(self, key: str, **values: object) -> str:
        text = LABELS[key][self._index]
        return text.format(**values) if values else text

    def pair(self, key: str, value: str) -> str:
        """A label and its value, with the colon each language uses."""
        return self.pair_text(self(key), value)

    def pair_text(self, label: str, value: str) -> str:
        return f"{label}：{value}" if self.lang == "zh" else f"{label}: {value}"

    def code(self, vocabulary: str, code: str) -> str:
        """A code's label (reason, status, kind, recommendation, decision, rule), or the code itself."""
        known = _CODES[vocabulary].get(code)
        return known[self._index] if known else code

    def unserved_detail(self, unserved: UnservedView) -> str:
        """Why a plan leaves a request out, with its venue, county and what it wanted."""
        if unserved.reason is UnservedReason.NO_TYPE_OR_THEME:
            types = "/".join(sorted(unserved.types_wanted))
            return self(
                "detail_needs",
                types=self("type_value", type=types) if types else self("any_type"),
                themes="、".join(sorted(unserved.themes_wanted)) or self("any_theme"),
            )
        detail = self(f"detail_{unserved.reason.value}", venue=unserved.venue_name, county=unserved.county)
        if not unserved.elsewhere:
            return detail
        caravans = "；" if self.lang == "zh" else "; "
        fitting = caravans.join(
            self(
                "fitting_caravan",
                caravan=f.caravan_code,
                home=f.home,
                km=self.km(f.km),
                days=f.days_on_road,
                available=f.available_days,
            )
            for f in unserved.elsewhere
        )
        stop = "。" if self.lang == "zh" else ". "
        return detail + stop + self("fits_elsewhere", caravans=fitting)

    def day(self, d: date) -> str:
        """ISO date and weekday: read the same way in both languages, and sorts on paper."""
        return f"{d.isoformat()} {_WEEKDAYS[self.lang][d.weekday()]}"

    @staticmethod
    def time(moment: datetime) -> str:
        return f"{moment:%H:%M}"

    def km(self, km: float) -> str:
        return f"{km:,.0f}" if km >= 10 else f"{km:,.1f}"


def known_codes(vocabulary: str) -> set[str]:
    return set(_CODES[vocabulary])
