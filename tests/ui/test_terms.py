"""Terms and the names new plans get are worded in the window's language, never as a term's key."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QComboBox

from caravan_app.persistence.database import Database
from caravan_app.ui.i18n import Languages
from caravan_app.ui.terms import default_plan_name, fill_terms

MADE = datetime(2026, 12, 4, 8, 15, 30)


def test_new_plans_are_named_in_the_windows_language(languages: Languages) -> None:
    assert default_plan_name("tours", "2027-spring", now=MADE) == "Spring term 2027 tours 2026-12-04 08:15:30"
    assert default_plan_name("tours", "2026-autumn", now=MADE).startswith("Autumn term 2026 tours")
    # Dates chosen instead of a term: named by the first day; a term the office named itself keeps its name.
    assert (
        default_plan_name("tours", None, date(2027, 3, 1), now=MADE) == "2027-03-01 tours 2026-12-04 08:15:30"
    )
    assert default_plan_name("tours", "2028春", now=MADE).startswith("2028春 tours")
    assert default_plan_name("rotation", first=date(2027, 3, 1), now=MADE) == (
        "Rotation from 2027-03 2026-12-04 08:15:30"
    )
    assert default_plan_name("consolidation", "2027-spring", now=MADE) == (
        "Spring term 2027 consolidation 2026-12-04 08:15:30"
    )
    with pytest.raises(ValueError, match="kind 'retirement'"):
        default_plan_name("retirement")
    languages.switch("zh_CN")
    try:
        name = default_plan_name("tours", "2027-spring", now=MADE)
        assert "2027-spring" not in name and "spring" not in name.lower()
        assert "2027" in name and "春季学期" in name and name.endswith("2026-12-04 08:15:30")
        merged = default_plan_name("consolidation", "2027-spring", now=MADE)
        assert merged == "2027 年春季学期整合 2026-12-04 08:15:30"
    finally:
        languages.switch("en")


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_term_chooser_words_each_term_and_keeps_its_key(db: Database, languages: Languages) -> None:
    combo = QComboBox()
    terms = fill_terms(combo, db, other_dates="Other dates", preferred="2027-spring")
    assert list(terms) == ["2026-autumn", "2027-spring", "2027-autumn"]
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Autumn term 2026",
        "Spring term 2027",
        "Autumn term 2027",
        "Other dates",
    ]
    assert combo.currentData() == "2027-spring"
    languages.switch("zh_CN")
    try:
        fill_terms(combo, db, other_dates="其他日期", preferred="2027-spring")
        assert all("spring" not in combo.itemText(i) and "autumn" not in combo.itemText(i) for i in range(3))
        assert combo.currentData() == "2027-spring"
    finally:
        languages.switch("en")
