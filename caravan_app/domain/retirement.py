"""Retirement screening (报废评估): which caravans, exhibits and sets a review should look at, and why.

Pure rules over plain facts: services read the facts from the database, `screen` applies the
thresholds and returns candidates, each with the rule codes that flagged it, the evidence behind
every hit (the value and the threshold it was held against) and a recommendation.

Rules (codes are stable: they are stored, exported and translated by the reports):

| code                      | subject | hit when                                                          |
|---------------------------|---------|-------------------------------------------------------------------|
| caravan_age               | caravan | years in service ≥ caravan_age_years (CAST: 10)                    |
| caravan_mileage           | caravan | odometer ≥ caravan_km (CAST: 100,000 km)                           |
| caravan_repair_cost       | caravan | repair and refurbishment cost in the last repair_cost_years years   |
|                           |         | > repair_cost_share × the caravan's value                          |
| caravan_underused         | caravan | days on the road or shows per year < underuse_share × fleet median |
| exhibit_service_life      | exhibit | years since acquired ≥ its own service life                        |
| exhibit_condition         | exhibit | condition grade D (out of order or beyond repair)                   |
| exhibit_repeated_faults   | exhibit | ≥ repeated_faults repairs in the last repeated_faults_years years  |
| exhibit_repair_cost       | exhibit | as caravan_repair_cost, against the exhibit's value                |
| set_underused             | set     | stops per year < underuse_share × the median of all sets           |

Use per year is pro-rated over the days a caravan or set was in service in the observed window;
with fewer than MIN_OBSERVED_DAYS of it (a new caravan) use is not judged.

Recommendations, by a decision table (the first row that matches wins):

| subject | rules hit                                                   | recommendation |
|---------|-------------------------------------------------------------|----------------|
| caravan | old (age or mileage) and (repair cost or under-used)         | retire         |
| caravan | old by both age and mileage: CAST's replacement priority     | retire         |
| caravan | repair cost (not old)                                       | refurbish      |
| caravan | under-used only (not old)                                   | redeploy       |
| caravan | old by age or by mileage only, in use and cheap to run      | keep           |
| exhibit | condition D, repeated faults or repair cost, past its life  | retire         |
| exhibit | condition D, repeated faults or repair cost, within its life | refurbish      |
| exhibit | past its life only, grade C                                  | refurbish      |
| exhibit | past its life only, grade A or B                             | keep           |
| set     | under-used                                                  | redeploy       |
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from caravan_app.domain.enums import CandidateKind, ConditionGrade, MaintenanceKind, Recommendation

CARAVAN_AGE = "caravan_age"
CARAVAN_MILEAGE = "caravan_mileage"
CARAVAN_REPAIR_COST = "caravan_repair_cost"
CARAVAN_UNDERUSED = "caravan_underused"
EXHIBIT_SERVICE_LIFE = "exhibit_service_life"
EXHIBIT_CONDITION = "exhibit_condition"
EXHIBIT_REPEATED_FAULTS = "exhibit_repeated_faults"
EXHIBIT_REPAIR_COST = "exhibit_repair_cost"
SET_UNDERUSED = "set_underused"

# Rule code -> (Chinese, English) name.
RULE_NAMES: dict[str, tuple[str, str]] = {
    CARAVAN_AGE: ("车龄达到更新年限", "caravan age"),
    CARAVAN_MILEAGE: ("行驶里程达到更新标准", "caravan mileage"),
    CARAVAN_REPAIR_COST: ("车辆维修费用过高", "caravan repair cost"),
    CARAVAN_UNDERUSED: ("车辆使用率低", "caravan under-used"),
    EXHIBIT_SERVICE_LIFE: ("展品超过使用年限", "exhibit past its service life"),
    EXHIBIT_CONDITION: ("展品状况为D级", "exhibit in condition D"),
    EXHIBIT_REPEATED_FAULTS: ("展品反复故障", "exhibit with repeated faults"),
    EXHIBIT_REPAIR_COST: ("展品维修费用过高", "exhibit repair cost"),
    SET_UNDERUSED: ("展品套使用率低", "set under-used"),
}
RULES: tuple[str, ...] = tuple(RULE_NAMES)

# Recommendation -> (Chinese, English) name.
RECOMMENDATION_NAMES: dict[Recommendation, tuple[str, str]] = {
    Recommendation.RETIRE: ("报废", "retire"),
    Recommendation.REFURBISH: ("翻新维修", "refurbish"),
    Recommendation.REDEPLOY: ("调剂使用", "redeploy"),
    Recommendation.KEEP: ("继续使用", "keep"),
}

# Less than about three months in service in the observed window says too little about use.
MIN_OBSERVED_DAYS = 90
DAYS_PER_YEAR = 365

# What a measure is called, and its unit, in each language.
MEASURES: dict[str, tuple[str, str]] = {
    "age": ("车龄", "years in service"),
    "odometer": ("行驶里程", "odometer"),
    "repair_cost": ("维修费用", "repair cost"),
    "days_on_road": ("年出车天数", "days on the road a year"),
    "shows": ("年展出场次", "shows a year"),
    "stops": ("年巡展站数", "stops a year"),
    "exhibit_age": ("已使用年限", "years in use"),
    "condition": ("状况等级", "condition grade"),
    "faults": ("故障维修次数", "repairs of faults"),
}
UNITS: dict[str, tuple[str, str]] = {
    "years": ("年", "years"),
    "km": ("公里", "km"),
    "yuan": ("元", "yuan"),
    "per_year": ("/年", "a year"),
    "times": ("次", "times"),
    "grade": ("", ""),
}


@dataclass(frozen=True)
class Thresholds:
    """The settings the rules use; defaults follow CAST's replacement priority and common practice."""

    caravan_age_years: float = 10.0
    caravan_km: float = 100_000.0
    repair_cost_share: float = 0.30
    repair_cost_years: int = 3
    repeated_faults: int = 3
    repeated_faults_years: int = 2
    underuse_share: float = 0.5

    def __post_init__(self) -> None:
        problems = validate_thresholds(asdict(self))
        if problems:
            raise ValueError("; ".join(problems))


# Field -> (Chinese, English) label and unit code, for the Settings screen and the reports.
THRESHOLD_LABELS: dict[str, tuple[str, str, str]] = {
    "caravan_age_years": ("车龄更新年限", "caravan age for replacement", "years"),
    "caravan_km": ("车辆更新里程", "caravan mileage for replacement", "km"),
    "repair_cost_share": ("维修费用占原值比例上限", "repair cost as a share of value", "share"),
    "repair_cost_years": ("维修费用统计年数", "years of repair cost counted", "years"),
    "repeated_faults": ("反复故障维修次数", "repairs that make faults repeated", "times"),
    "repeated_faults_years": ("反复故障统计年数", "years of repairs counted", "years"),
    "underuse_share": ("使用率低于车队中位数的比例", "under-use: share of the fleet median", "share"),
}

# Setting -> the rules that hold candidates against it, for a report's table of the thresholds.
THRESHOLD_RULES: dict[str, tuple[str, ...]] = {
    "caravan_age_years": (CARAVAN_AGE,),
    "caravan_km": (CARAVAN_MILEAGE,),
    "repair_cost_share": (CARAVAN_REPAIR_COST, EXHIBIT_REPAIR_COST),
    "repair_cost_years": (CARAVAN_REPAIR_COST, EXHIBIT_REPAIR_COST),
    "repeated_faults": (EXHIBIT_REPEATED_FAULTS,),
    "repeated_faults_years": (EXHIBIT_REPEATED_FAULTS,),
    "underuse_share": (CARAVAN_UNDERUSED, SET_UNDERUSED),
}

# Rules held against a fixed standard, not a setting: rule -> ((Chinese, English) label, (Chinese,
# English) standard). With THRESHOLD_RULES every rule has a line in the reports' table.
FIXED_STANDARDS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    EXHIBIT_SERVICE_LIFE: (
        ("展品使用年限", "exhibit service life"),
        ("各展品登记的年限", "each exhibit's own"),
    ),
    EXHIBIT_CONDITION: (("展品状况等级", "exhibit condition grade"), ("D 级", "grade D")),
}

# Field -> (lowest allowed, highest allowed, whole number?).
_LIMITS: dict[str, tuple[float, float, bool]] = {
    "caravan_age_years": (1, 50, False),
    "caravan_km": (1_000, 2_000_000, False),
    "repair_cost_share": (0.01, 5.0, False),
    "repair_cost_years": (1, 20, True),
    "repeated_faults": (1, 100, True),
    "repeated_faults_years": (1, 20, True),
    "underuse_share": (0.01, 1.0, False),
}


def validate_thresholds(values: Mapping[str, Any]) -> list[str]:
    """Every problem with these threshold values, each naming the field and the value; [] if none."""
    problems = []
    for name, value in values.items():
        if name not in _LIMITS:
            known = ", ".join(_LIMITS)
            problems.append(f"unknown threshold {name!r} (known: {known})")
            continue
        low, high, whole = _LIMITS[name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(f"{name} = {value!r} is not a number")
        elif not math.isfinite(value) or not low <= value <= high:
            problems.append(f"{name} = {value!r} is outside {low:g} .. {high:g}")
        elif whole and value != int(value):
            problems.append(f"{name} = {value!r} is not a whole number")
    return problems


def thresholds_from_dict(values: Mapping[str, Any]) -> Thresholds:
    """Thresholds from stored values; fields not given keep their defaults. ValueError lists problems."""
    problems = validate_thresholds(values)
    if problems:
        raise ValueError("; ".join(problems))
    cleaned: dict[str, Any] = {k: int(v) if _LIMITS[k][2] else float(v) for k, v in values.items()}
    return Thresholds(**cleaned)


def thresholds_to_dict(thresholds: Thresholds) -> dict[str, float | int]:
    return asdict(thresholds)


# --- facts --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Maintenance:
    """One maintenance record: repairs and refurbishments count as cost, repairs as faults."""

    opened_on: date
    kind: MaintenanceKind
    cost_yuan: float = 0.0


@dataclass(frozen=True)
class CaravanFacts:
    code: str
    in_service_since: date
    odometer_km: float
    value_yuan: float
    maintenance: tuple[Maintenance, ...] = ()
    days_on_road: int = 0  # distinct days with a show in the observed window
    shows: int = 0  # shows held in the observed window
    observed_days: int = 365  # days of the window the caravan was in service


@dataclass(frozen=True)
class ExhibitFacts:
    code: str
    acquired_on: date
    service_life_years: int
    condition: ConditionGrade
    value_yuan: float
    maintenance: tuple[Maintenance, ...] = ()


@dataclass(frozen=True)
class SetFacts:
    code: str
    stops: int = 0  # stays in a venue that began in the observed window
    observed_days: int = 365


@dataclass(frozen=True)
class RuleHit:
    """One piece of evidence: a rule's measure, its value and the threshold it was held against.

    `window_years` is the look-back of measures counted over recent years (repair cost, faults).
    `reference` is what a relative threshold is a share of: the median for under-use, the value in
    yuan for repair cost. Values are numbers except for the condition grade.
    """

    rule: str
    measure: str
    value: float | str
    threshold: float | str
    unit: str
    window_years: int | None = None
    reference: float | None = None


@dataclass(frozen=True)
class Candidate:
    kind: CandidateKind
    code: str
    rules: tuple[str, ...]  # distinct rule codes, in the order of RULES
    evidence: tuple[RuleHit, ...]
    recommendation: Recommendation


# --- the rules ----------------------------------------------------------------------------------


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def years_between(first: date, last: date) -> float:
    """Calendar years from `first` to `last`: whole years, then the part of the next one.

    Ten years after 2017-02-22 is 2027-02-22 exactly, whatever leap days lie between.
    """
    whole = last.year - first.year
    if _years_later(first, whole) > last:
        whole -= 1
    start = _years_later(first, whole)
    return whole + (last - start).days / (_years_later(start, 1) - start).days


def _since(as_of: date, years: int) -> date:
    """The first day before the window of the last `years` years ending on `as_of`."""
    return _years_later(as_of, -years)


def _repair_cost(records: Iterable[Maintenance], as_of: date, years: int) -> float:
    first = _since(as_of, years)
    return sum(
        m.cost_yuan
        for m in records
        if first < m.opened_on <= as_of and m.kind in (MaintenanceKind.REPAIR, MaintenanceKind.REFURBISH)
    )


def _faults(records: Iterable[Maintenance], as_of: date, years: int) -> int:
    first = _since(as_of, years)
    return sum(1 for m in records if first < m.opened_on <= as_of and m.kind is MaintenanceKind.REPAIR)


def _per_year(count: int, observed_days: int) -> float | None:
    if observed_days < MIN_OBSERVED_DAYS:
        return None
    return count * DAYS_PER_YEAR / observed_days


def _median(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def _underuse(
    rule: str, measure: str, rate: float | None, median: float | None, t: Thresholds
) -> RuleHit | None:
    if rate is None or median is None:
        return None
    threshold = t.underuse_share * median
    if rate < threshold:
        return RuleHit(rule, measure, round(rate, 1), round(threshold, 1), "per_year", None, round(median, 1))
    return None


def caravan_hits(
    c: CaravanFacts, as_of: date, t: Thresholds, median_days: float | None, median_shows: float | None
) -> list[RuleHit]:
    hits: list[RuleHit] = []
    age = years_between(c.in_service_since, as_of)
    if age >= t.caravan_age_years:
        hits.append(RuleHit(CARAVAN_AGE, "age", round(age, 1), t.caravan_age_years, "years"))
    if c.odometer_km >= t.caravan_km:
        hits.append(RuleHit(CARAVAN_MILEAGE, "odometer", round(c.odometer_km), t.caravan_km, "km"))
    cost = _repair_cost(c.maintenance, as_of, t.repair_cost_years)
    limit = t.repair_cost_share * c.value_yuan
    if c.value_yuan > 0 and cost > limit:
        hits.append(
            RuleHit(
                CARAVAN_REPAIR_COST,
                "repair_cost",
                round(cost),
                round(limit),
                "yuan",
                t.repair_cost_years,
                c.value_yuan,
            )
        )
    for measure, count, median in (
        ("days_on_road", c.days_on_road, median_days),
        ("shows", c.shows, median_shows),
    ):
        hit = _underuse(CARAVAN_UNDERUSED, measure, _per_year(count, c.observed_days), median, t)
        if hit is not None:
            hits.append(hit)
    return hits


def exhibit_hits(e: ExhibitFacts, as_of: date, t: Thresholds) -> list[RuleHit]:
    hits: list[RuleHit] = []
    age = years_between(e.acquired_on, as_of)
    if age >= e.service_life_years:
        hits.append(
            RuleHit(EXHIBIT_SERVICE_LIFE, "exhibit_age", round(age, 1), e.service_life_years, "years")
        )
    if e.condition is ConditionGrade.D:
        hits.append(
            RuleHit(EXHIBIT_CONDITION, "condition", e.condition.value, ConditionGrade.D.value, "grade")
        )
    faults = _faults(e.maintenance, as_of, t.repeated_faults_years)
    if faults >= t.repeated_faults:
        hits.append(
            RuleHit(
                EXHIBIT_REPEATED_FAULTS, "faults", faults, t.repeated_faults, "times", t.repeated_faults_years
            )
        )
    cost = _repair_cost(e.maintenance, as_of, t.repair_cost_years)
    limit = t.repair_cost_share * e.value_yuan
    if e.value_yuan > 0 and cost > limit:
        hits.append(
            RuleHit(
                EXHIBIT_REPAIR_COST,
                "repair_cost",
                round(cost),
                round(limit),
                "yuan",
                t.repair_cost_years,
                e.value_yuan,
            )
        )
    return hits


def set_hits(s: SetFacts, t: Thresholds, median_stops: float | None) -> list[RuleHit]:
    hit = _underuse(SET_UNDERUSED, "stops", _per_year(s.stops, s.observed_days), median_stops, t)
    return [hit] if hit is not None else []


def recommend_caravan(rules: Iterable[str]) -> Recommendation:
    hit = set(rules)
    old = bool(hit & {CARAVAN_AGE, CARAVAN_MILEAGE})
    costly = CARAVAN_REPAIR_COST in hit
    underused = CARAVAN_UNDERUSED in hit
    # Past both limits a caravan is due for replacement however busy it is; the what-if re-plan
    # then shows the director what its retirement costs until the new one comes.
    if old and (costly or underused) or {CARAVAN_AGE, CARAVAN_MILEAGE} <= hit:
        return Recommendation.RETIRE
    if costly:
        return Recommendation.REFURBISH
    if underused:
        return Recommendation.REDEPLOY
    return Recommendation.KEEP


def recommend_exhibit(rules: Iterable[str], condition: ConditionGrade) -> Recommendation:
    hit = set(rules)
    past = EXHIBIT_SERVICE_LIFE in hit
    if hit & {EXHIBIT_CONDITION, EXHIBIT_REPEATED_FAULTS, EXHIBIT_REPAIR_COST}:
        return Recommendation.RETIRE if past else Recommendation.REFURBISH
    if past and condition in (ConditionGrade.A, ConditionGrade.B):
        return Recommendation.KEEP
    return Recommendation.REFURBISH


def recommend_set(rules: Iterable[str]) -> Recommendation:
    return Recommendation.REDEPLOY if SET_UNDERUSED in set(rules) else Recommendation.KEEP


def _candidate(
    kind: CandidateKind, code: str, hits: Sequence[RuleHit], recommendation: Recommendation
) -> Candidate:
    rules = tuple(r for r in RULES if any(h.rule == r for h in hits))
    return Candidate(kind, code, rules, tuple(hits), recommendation)


def screen(
    as_of: date,
    thresholds: Thresholds,
    caravans: Sequence[CaravanFacts] = (),
    exhibits: Sequence[ExhibitFacts] = (),
    sets: Sequence[SetFacts] = (),
) -> tuple[Candidate, ...]:
    """Every caravan, exhibit and set that at least one rule flags: caravans, then sets, then exhibits.

    Under-use is measured against the medians of the caravans and of the sets given, so pass the
    whole fleet (those still in service), not only the ones in doubt.
    """
    t = thresholds
    median_days = _median(_per_year(c.days_on_road, c.observed_days) for c in caravans)
    median_shows = _median(_per_year(c.shows, c.observed_days) for c in caravans)
    median_stops = _median(_per_year(s.stops, s.observed_days) for s in sets)
    out: list[Candidate] = []
    for c in sorted(caravans, key=lambda c: c.code):
        hits = caravan_hits(c, as_of, t, median_days, median_shows)
        if hits:
            rules = [h.rule for h in hits]
            out.append(_candidate(CandidateKind.CARAVAN, c.code, hits, recommend_caravan(rules)))
    for s in sorted(sets, key=lambda s: s.code):
        hits = set_hits(s, t, median_stops)
        if hits:
            out.append(_candidate(CandidateKind.SET, s.code, hits, recommend_set(h.rule for h in hits)))
    for e in sorted(exhibits, key=lambda e: e.code):
        hits = exhibit_hits(e, as_of, t)
        if hits:
            recommendation = recommend_exhibit((h.rule for h in hits), e.condition)
            out.append(_candidate(CandidateKind.EXHIBIT, e.code, hits, recommendation))
    return tuple(out)


# --- names and evidence text --------------------------------------------------------------------

LANGUAGES = ("zh", "en")


def _lang_index(lang: str) -> int:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: choose zh or en")
    return LANGUAGES.index(lang)


def rule_name(code: str, lang: str = "zh") -> str:
    """A rule's name; an unknown code (from a newer version) shows as itself."""
    names = RULE_NAMES.get(code)
    return names[_lang_index(lang)] if names else code


def recommendation_name(recommendation: Recommendation, lang: str = "zh") -> str:
    return RECOMMENDATION_NAMES[recommendation][_lang_index(lang)]


def _number(value: float | str, unit: str, lang: str) -> str:
    if isinstance(value, str):
        return value
    text = f"{value:,.1f}" if value != int(value) else f"{int(value):,}"
    label = UNITS.get(unit, (unit, unit))[_lang_index(lang)]
    if not label:
        return text
    if unit == "per_year":
        return f"{text}{label}" if lang == "zh" else f"{text} {label}"
    return f"{text} {label}"


# Which way a rule compares: the value is at least, above, or below the threshold.
_COMPARISON = {
    CARAVAN_AGE: "≥",
    CARAVAN_MILEAGE: "≥",
    CARAVAN_REPAIR_COST: ">",
    CARAVAN_UNDERUSED: "<",
    EXHIBIT_SERVICE_LIFE: "≥",
    EXHIBIT_CONDITION: "=",
    EXHIBIT_REPEATED_FAULTS: "≥",
    EXHIBIT_REPAIR_COST: ">",
    SET_UNDERUSED: "<",
}


def evidence_text(hit: RuleHit, lang: str = "zh") -> tuple[str, str, str]:
    """(measure name, value, threshold) as a report prints them, e.g. ("车龄", "12.4 年", "≥ 10 年")."""
    i = _lang_index(lang)
    name = MEASURES.get(hit.measure, (hit.measure, hit.measure))[i]
    if hit.window_years:
        name += f"（近{hit.window_years}年）" if lang == "zh" else f" (last {hit.window_years} years)"
    threshold = _number(hit.threshold, hit.unit, lang)
    if hit.reference and isinstance(hit.threshold, int | float):
        share = hit.threshold / hit.reference
        of = _number(hit.reference, hit.unit, lang)
        if hit.rule in (CARAVAN_UNDERUSED, SET_UNDERUSED):
            threshold += (
                f"，中位数 {of} 的 {share:.0%}" if lang == "zh" else f", {share:.0%} of the median {of}"
            )
        else:
            threshold += f"，原值 {of} 的 {share:.0%}" if lang == "zh" else f", {share:.0%} of the value {of}"
    return name, _number(hit.value, hit.unit, lang), f"{_COMPARISON.get(hit.rule, '')} {threshold}".strip()


def threshold_text(thresholds: Thresholds, lang: str = "zh") -> list[tuple[str, str]]:
    """(label, value) of every threshold, for a report's list of the settings used."""
    i = _lang_index(lang)
    out = []
    for name, value in asdict(thresholds).items():
        zh, en, unit = THRESHOLD_LABELS[name]
        shown = f"{value:.0%}" if unit == "share" else _number(value, unit, lang)
        out.append(((zh, en)[i], shown))
    return out


def criteria_text(thresholds: Thresholds, lang: str = "zh") -> list[tuple[str, str, tuple[str, ...]]]:
    """(label, value, rule codes) of every setting and fixed standard the rules use, for a report."""
    i = _lang_index(lang)
    rules = [THRESHOLD_RULES[name] for name in THRESHOLD_LABELS]
    out = [
        (label, value, used)
        for (label, value), used in zip(threshold_text(thresholds, lang), rules, strict=True)
    ]
    out += [(label[i], standard[i], (rule,)) for rule, (label, standard) in FIXED_STANDARDS.items()]
    return out


def hit_to_json(hit: RuleHit) -> dict[str, Any]:
    return asdict(hit)


def hit_from_json(data: Mapping[str, Any]) -> RuleHit:
    return RuleHit(
        rule=str(data["rule"]),
        measure=str(data["measure"]),
        value=data["value"],
        threshold=data["threshold"],
        unit=str(data["unit"]),
        window_years=data.get("window_years"),
        reference=data.get("reference"),
    )
