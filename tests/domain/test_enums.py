"""Enum labels, theme lists and weekday strings: what staff type is read back the same."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caravan_app.domain.enums import (
    THEMES,
    CaravanType,
    ConditionGrade,
    LabelledEnum,
    Level,
    VenueKind,
    join_themes,
    split_themes,
)
from caravan_app.domain.weekdays import is_open_on, normalise_weekdays

ENUMS: list[type[LabelledEnum]] = list(LabelledEnum.__subclasses__())


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_member_parses_from_code_and_label(enum: type[LabelledEnum]) -> None:
    labels = [m.zh for m in enum]
    assert len(set(labels)) == len(labels), "labels must tell members apart"
    for member in enum:
        assert enum.parse(member.value) is member
        assert enum.parse(f" {member.zh} ") is member


def test_unknown_value_names_the_choices() -> None:
    with pytest.raises(ValueError, match="省级、市级、县级"):
        Level.parse("乡级")
    assert VenueKind.parse("学校") is VenueKind.SCHOOL
    assert CaravanType.parse("IV型") is CaravanType.IV
    assert ConditionGrade.parse("D") is ConditionGrade.D


@given(st.lists(st.sampled_from(THEMES), min_size=0, max_size=5))
def test_themes_round_trip(themes: list[str]) -> None:
    assert split_themes(join_themes(themes)) == themes


def test_themes_accept_chinese_separators() -> None:
    assert split_themes("力学、数学，双碳, 航空航天") == ["力学", "数学", "双碳", "航空航天"]
    assert split_themes(None) == [] and split_themes("") == []


@given(st.sets(st.integers(1, 7), min_size=1))
def test_weekdays_normalise_to_sorted_digits(days: set[int]) -> None:
    text = ",".join(str(d) for d in sorted(days, reverse=True))
    assert normalise_weekdays(text) == "".join(str(d) for d in sorted(days))


@pytest.mark.parametrize("bad", ["", "0", "8", "周一", "1-5"])
def test_bad_weekdays_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        normalise_weekdays(bad)


def test_open_on() -> None:
    assert is_open_on("12345", date(2027, 3, 1))  # a Monday
    assert not is_open_on("12345", date(2027, 3, 6))  # a Saturday
