"""Retirement screening: each rule hit by a crafted row and not hit just below its threshold, the
decision table, evidence text, templates, and thresholds kept in the settings file."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from caravan_app.domain import retirement as r
from caravan_app.domain.enums import CandidateKind, ConditionGrade, MaintenanceKind, Recommendation
from caravan_app.domain.retirement import (
    CaravanFacts,
    ExhibitFacts,
    Maintenance,
    SetFacts,
    Thresholds,
    evidence_text,
    screen,
)
from caravan_app.domain.sets import TemplateError, format_template, parse_template, template_total
from caravan_app.errors import CaravanError
from caravan_app.settings import load_thresholds, save_thresholds

AS_OF = date(2027, 2, 22)
T = Thresholds()


def years_before(years: float, days: int = 0) -> date:
    """The day `years` calendar years (and `days` more) before AS_OF."""
    whole = int(years)
    return AS_OF.replace(year=AS_OF.year - whole) - timedelta(days=round((years - whole) * 365) + days)


def caravan(code: str = "CV1", **changes: object) -> CaravanFacts:
    values: dict[str, object] = {
        "code": code,
        "in_service_since": years_before(3),
        "odometer_km": 20_000.0,
        "value_yuan": 500_000.0,
        "days_on_road": 40,
        "shows": 40,
    }
    values.update(changes)
    return CaravanFacts(**values)  # type: ignore[arg-type]


def exhibit(code: str = "EX1", **changes: object) -> ExhibitFacts:
    values: dict[str, object] = {
        "code": code,
        "acquired_on": years_before(2),
        "service_life_years": 8,
        "condition": ConditionGrade.B,
        "value_yuan": 10_000.0,
    }
    values.update(changes)
    return ExhibitFacts(**values)  # type: ignore[arg-type]


def rules_of(candidates: tuple[r.Candidate, ...], code: str) -> tuple[str, ...]:
    found = [c for c in candidates if c.code == code]
    return found[0].rules if found else ()


def only(candidates: tuple[r.Candidate, ...], code: str) -> r.Candidate:
    (found,) = [c for c in candidates if c.code == code]
    return found


# --- each rule: hit at the threshold, not hit just below ----------------------------------------


def test_caravan_age_is_hit_at_ten_years_not_a_day_before() -> None:
    at = caravan("AT", in_service_since=years_before(10))
    below = caravan("BELOW", in_service_since=years_before(10, days=-2))
    found = screen(AS_OF, T, [at, below, caravan("A"), caravan("B")])
    assert rules_of(found, "AT") == (r.CARAVAN_AGE,)
    assert rules_of(found, "BELOW") == ()
    hit = only(found, "AT").evidence[0]
    assert hit.threshold == 10 and hit.value == pytest.approx(10.0, abs=0.01)


def test_caravan_mileage_is_hit_at_100000_km() -> None:
    found = screen(
        AS_OF, T, [caravan("AT", odometer_km=100_000.0), caravan("BELOW", odometer_km=99_999.0), caravan()]
    )
    assert rules_of(found, "AT") == (r.CARAVAN_MILEAGE,)
    assert rules_of(found, "BELOW") == ()


def test_caravan_repair_cost_counts_three_years_of_repairs_and_refurbishments() -> None:
    value = 500_000.0
    limit = 0.3 * value

    def records(total: float) -> tuple[Maintenance, ...]:
        return (
            Maintenance(AS_OF - timedelta(days=100), MaintenanceKind.REPAIR, total / 2),
            Maintenance(AS_OF - timedelta(days=900), MaintenanceKind.REFURBISH, total / 2),
            # Routine service and inspection, and repairs before the window, do not count.
            Maintenance(AS_OF - timedelta(days=50), MaintenanceKind.SERVICE, 90_000),
            Maintenance(AS_OF - timedelta(days=30), MaintenanceKind.INSPECTION, 90_000),
            Maintenance(years_before(3, days=5), MaintenanceKind.REPAIR, 90_000),
        )

    above = caravan("ABOVE", value_yuan=value, maintenance=records(limit + 100))
    at = caravan("AT", value_yuan=value, maintenance=records(limit))
    found = screen(AS_OF, T, [above, at, caravan()])
    assert rules_of(found, "ABOVE") == (r.CARAVAN_REPAIR_COST,)
    assert rules_of(found, "AT") == ()  # "above a share": equal is not above
    hit = only(found, "ABOVE").evidence[0]
    assert (hit.value, hit.threshold, hit.window_years, hit.reference) == (limit + 100, limit, 3, value)


def test_caravan_under_use_is_measured_against_half_the_fleet_median() -> None:
    fleet = [caravan(f"N{i}", days_on_road=40, shows=40) for i in range(4)]
    # Median 40 a year, threshold 20: 19 is below, 20 is not.
    low = caravan("LOW", days_on_road=19, shows=30)
    edge = caravan("EDGE", days_on_road=20, shows=20)
    found = screen(AS_OF, T, [*fleet, low, edge])
    assert rules_of(found, "LOW") == (r.CARAVAN_UNDERUSED,)
    assert [h.measure for h in only(found, "LOW").evidence] == ["days_on_road"]
    assert rules_of(found, "EDGE") == ()
    hit = only(found, "LOW").evidence[0]
    assert hit.threshold == 20 and hit.reference == 40


def test_under_use_is_pro_rated_and_not_judged_on_a_few_weeks() -> None:
    fleet = [caravan(f"N{i}", days_on_road=40, shows=40) for i in range(4)]
    # Half a year in service with 12 shows is 24 a year: not under-used.
    half_year = caravan("HALF", days_on_road=12, shows=12, observed_days=183)
    new = caravan("NEW", days_on_road=0, shows=0, observed_days=r.MIN_OBSERVED_DAYS - 1)
    found = screen(AS_OF, T, [*fleet, half_year, new])
    assert rules_of(found, "HALF") == ()
    assert rules_of(found, "NEW") == ()


def test_exhibit_past_its_service_life() -> None:
    at = exhibit("AT", acquired_on=years_before(8), service_life_years=8)
    below = exhibit("BELOW", acquired_on=years_before(8, days=-2), service_life_years=8)
    found = screen(AS_OF, T, exhibits=[at, below])
    assert rules_of(found, "AT") == (r.EXHIBIT_SERVICE_LIFE,)
    assert rules_of(found, "BELOW") == ()


def test_exhibit_in_condition_d_and_not_c() -> None:
    found = screen(
        AS_OF,
        T,
        exhibits=[exhibit("D", condition=ConditionGrade.D), exhibit("C", condition=ConditionGrade.C)],
    )
    assert rules_of(found, "D") == (r.EXHIBIT_CONDITION,)
    assert rules_of(found, "C") == ()


def test_exhibit_repeated_faults_three_repairs_in_two_years() -> None:
    def repairs(n: int) -> tuple[Maintenance, ...]:
        recent = tuple(
            Maintenance(AS_OF - timedelta(days=30 * (i + 1)), MaintenanceKind.REPAIR, 100) for i in range(n)
        )
        # Services and old repairs are not faults in the window.
        return (
            *recent,
            Maintenance(AS_OF - timedelta(days=10), MaintenanceKind.SERVICE, 0),
            Maintenance(years_before(2, days=3), MaintenanceKind.REPAIR, 100),
        )

    found = screen(
        AS_OF, T, exhibits=[exhibit("THREE", maintenance=repairs(3)), exhibit("TWO", maintenance=repairs(2))]
    )
    assert rules_of(found, "THREE") == (r.EXHIBIT_REPEATED_FAULTS,)
    assert rules_of(found, "TWO") == ()


def test_exhibit_repair_cost_above_the_share_of_its_value() -> None:
    def spent(cost: float) -> tuple[Maintenance, ...]:
        return (Maintenance(AS_OF - timedelta(days=200), MaintenanceKind.REPAIR, cost),)

    found = screen(
        AS_OF,
        T,
        exhibits=[
            exhibit("ABOVE", value_yuan=10_000, maintenance=spent(3_001)),
            exhibit("AT", value_yuan=10_000, maintenance=spent(3_000)),
        ],
    )
    assert rules_of(found, "ABOVE") == (r.EXHIBIT_REPAIR_COST,)
    assert rules_of(found, "AT") == ()


def test_set_under_use_against_the_median_of_sets() -> None:
    sets = [SetFacts(f"MS{i}", stops=4) for i in range(5)] + [
        SetFacts("LOW", stops=1),
        SetFacts("EDGE", stops=2),
    ]
    found = screen(AS_OF, T, sets=sets)
    assert rules_of(found, "LOW") == (r.SET_UNDERUSED,)
    assert rules_of(found, "EDGE") == ()
    assert only(found, "LOW").kind is CandidateKind.SET


def test_thresholds_change_what_is_hit() -> None:
    old = caravan("OLD", in_service_since=years_before(8.5))
    assert rules_of(screen(AS_OF, T, [old]), "OLD") == ()
    assert rules_of(screen(AS_OF, Thresholds(caravan_age_years=8), [old]), "OLD") == (r.CARAVAN_AGE,)


# --- the decision table -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ({r.CARAVAN_AGE, r.CARAVAN_REPAIR_COST}, Recommendation.RETIRE),
        ({r.CARAVAN_MILEAGE, r.CARAVAN_UNDERUSED}, Recommendation.RETIRE),
        (
            {r.CARAVAN_AGE, r.CARAVAN_MILEAGE, r.CARAVAN_REPAIR_COST, r.CARAVAN_UNDERUSED},
            Recommendation.RETIRE,
        ),
        ({r.CARAVAN_REPAIR_COST}, Recommendation.REFURBISH),
        ({r.CARAVAN_REPAIR_COST, r.CARAVAN_UNDERUSED}, Recommendation.REFURBISH),
        ({r.CARAVAN_UNDERUSED}, Recommendation.REDEPLOY),
        ({r.CARAVAN_AGE}, Recommendation.KEEP),
        ({r.CARAVAN_MILEAGE}, Recommendation.KEEP),
        ({r.CARAVAN_AGE, r.CARAVAN_MILEAGE}, Recommendation.RETIRE),
    ],
)
def test_caravan_recommendations(rules: set[str], expected: Recommendation) -> None:
    assert r.recommend_caravan(rules) is expected


@pytest.mark.parametrize(
    ("rules", "grade", "expected"),
    [
        ({r.EXHIBIT_CONDITION, r.EXHIBIT_SERVICE_LIFE}, ConditionGrade.D, Recommendation.RETIRE),
        ({r.EXHIBIT_CONDITION}, ConditionGrade.D, Recommendation.REFURBISH),
        ({r.EXHIBIT_REPEATED_FAULTS, r.EXHIBIT_SERVICE_LIFE}, ConditionGrade.C, Recommendation.RETIRE),
        ({r.EXHIBIT_REPEATED_FAULTS}, ConditionGrade.B, Recommendation.REFURBISH),
        ({r.EXHIBIT_REPAIR_COST, r.EXHIBIT_SERVICE_LIFE}, ConditionGrade.B, Recommendation.RETIRE),
        ({r.EXHIBIT_REPAIR_COST}, ConditionGrade.C, Recommendation.REFURBISH),
        ({r.EXHIBIT_SERVICE_LIFE}, ConditionGrade.A, Recommendation.KEEP),
        ({r.EXHIBIT_SERVICE_LIFE}, ConditionGrade.B, Recommendation.KEEP),
        ({r.EXHIBIT_SERVICE_LIFE}, ConditionGrade.C, Recommendation.REFURBISH),
    ],
)
def test_exhibit_recommendations(rules: set[str], grade: ConditionGrade, expected: Recommendation) -> None:
    assert r.recommend_exhibit(rules, grade) is expected


def test_screen_applies_the_table_and_names_every_rule() -> None:
    worn = caravan(
        "WORN",
        in_service_since=years_before(12),
        odometer_km=130_000.0,
        maintenance=(Maintenance(AS_OF - timedelta(days=300), MaintenanceKind.REPAIR, 200_000),),
    )
    idle = caravan("IDLE", days_on_road=2, shows=2)
    fleet = [caravan(f"N{i}") for i in range(3)]
    broken = exhibit("BROKEN", condition=ConditionGrade.D, acquired_on=years_before(9))
    found = screen(
        AS_OF, T, [worn, idle, *fleet], [broken], [SetFacts("MS1", stops=0), SetFacts("MS2", stops=5)]
    )
    assert [c.code for c in found] == ["IDLE", "WORN", "MS1", "BROKEN"]  # caravans, sets, exhibits
    assert only(found, "WORN").rules == (r.CARAVAN_AGE, r.CARAVAN_MILEAGE, r.CARAVAN_REPAIR_COST)
    assert only(found, "WORN").recommendation is Recommendation.RETIRE
    assert only(found, "IDLE").rules == (r.CARAVAN_UNDERUSED,)
    assert only(found, "IDLE").recommendation is Recommendation.REDEPLOY
    assert only(found, "MS1").recommendation is Recommendation.REDEPLOY
    assert only(found, "BROKEN").rules == (r.EXHIBIT_SERVICE_LIFE, r.EXHIBIT_CONDITION)
    assert only(found, "BROKEN").recommendation is Recommendation.RETIRE
    for candidate in found:
        assert set(candidate.rules) == {h.rule for h in candidate.evidence}
        for rule in candidate.rules:
            assert r.rule_name(rule, "zh") != rule and r.rule_name(rule, "en") != rule


def test_every_rule_and_recommendation_has_both_names() -> None:
    assert len(set(r.RULES)) == len(r.RULES) == 9
    for zh, en in r.RULE_NAMES.values():
        assert zh and en and zh != en
    assert set(r.RECOMMENDATION_NAMES) == set(Recommendation)
    assert r.recommendation_name(Recommendation.RETIRE, "en") == "retire"
    assert r.rule_name("from_a_newer_version") == "from_a_newer_version"


def test_evidence_reads_as_value_against_threshold_in_both_languages() -> None:
    fleet = [caravan(f"N{i}", days_on_road=40, shows=40) for i in range(4)]
    found = screen(
        AS_OF, T, [*fleet, caravan("LOW", days_on_road=10, shows=40, in_service_since=years_before(11))]
    )
    age, days = only(found, "LOW").evidence
    assert evidence_text(age, "zh") == ("车龄", "11 年", "≥ 10 年")
    assert evidence_text(age, "en") == ("years in service", "11 years", "≥ 10 years")
    name, value, threshold = evidence_text(days, "en")
    assert (name, value) == ("days on the road a year", "10 a year")
    assert threshold == "< 20 a year, 50% of the median 40 a year"
    assert evidence_text(days, "zh")[2] == "< 20/年，中位数 40/年 的 50%"
    assert r.hit_from_json(json.loads(json.dumps(r.hit_to_json(days)))) == days


# --- thresholds: validation and the settings file -----------------------------------------------


def test_thresholds_refuse_bad_values_naming_field_and_value() -> None:
    with pytest.raises(ValueError, match=r"underuse_share = 1\.5 is outside"):
        Thresholds(underuse_share=1.5)
    with pytest.raises(ValueError, match=r"repeated_faults = 2\.5 is not a whole number"):
        r.thresholds_from_dict({"repeated_faults": 2.5})
    with pytest.raises(ValueError, match=r"caravan_km = 'many' is not a number"):
        r.thresholds_from_dict({"caravan_km": "many"})
    with pytest.raises(ValueError, match="unknown threshold 'colour'"):
        r.thresholds_from_dict({"colour": 1})


def test_thresholds_are_kept_in_the_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARAVAN_DATA_DIR", str(tmp_path))
    assert load_thresholds() == Thresholds()  # no file yet: the defaults
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"ui": {"theme": "dark"}}), encoding="utf-8")
    chosen = Thresholds(caravan_age_years=12, repair_cost_share=0.25, repeated_faults=4)
    assert save_thresholds(chosen) == settings
    assert load_thresholds() == chosen
    data = json.loads(settings.read_text(encoding="utf-8"))
    assert data["ui"] == {"theme": "dark"}  # other sections kept
    assert data["retirement"]["repeated_faults"] == 4

    data["retirement"]["underuse_share"] = -1
    settings.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(
        CaravanError, match=r"settings\.json has bad retirement thresholds: underuse_share = -1"
    ):
        load_thresholds()
    settings.write_text("{not json", encoding="utf-8")
    with pytest.raises(CaravanError, match="cannot read the settings file"):
        load_thresholds()


def test_threshold_text_lists_every_setting() -> None:
    shown = dict(r.threshold_text(Thresholds(), "en"))
    assert shown["caravan age for replacement"] == "10 years"
    assert shown["caravan mileage for replacement"] == "100,000 km"
    assert shown["repair cost as a share of value"] == "30%"
    assert len(shown) == len(r.THRESHOLD_LABELS)


# --- set templates ------------------------------------------------------------------------------


def test_templates_parse_and_format() -> None:
    minimums = parse_template("力学:15；数学：6, 航空航天:6、 声光电磁:6;")
    assert minimums == {"力学": 15, "数学": 6, "航空航天": 6, "声光电磁": 6}
    assert format_template(minimums) == "力学:15;数学:6;航空航天:6;声光电磁:6"
    assert parse_template(format_template(minimums)) == minimums
    assert template_total(minimums) == 33
    assert parse_template("") == {} and parse_template(None) == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("力学", "'力学' is not theme:count"),
        ("力学:x", "'x' is not a whole number"),
        ("力学:-1", "'-1' is not a whole number"),
        ("力学:1;力学:2", "theme '力学' appears twice"),
        (" :3", "has no theme"),
    ],
)
def test_bad_templates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_template(text)
    with pytest.raises(TemplateError, match="negative"):
        format_template({"力学": -1})
