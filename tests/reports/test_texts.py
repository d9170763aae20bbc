"""The label table: both languages everywhere, every character in the shipped font, codes in step."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from reportlab.pdfbase import pdfmetrics

from caravan_app.domain.outcomes import UnservedReason
from caravan_app.domain.views import UnservedView
from caravan_app.errors import CaravanError
from caravan_app.reports.fonts import register_font
from caravan_app.reports.texts import _CODES, LABELS, Texts, known_codes

CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def test_every_label_has_both_languages_and_english_has_no_chinese() -> None:
    for key, (zh, en) in LABELS.items():
        assert zh and en, key
        assert not CJK.search(en), (key, en)
        assert set(re.findall(r"\{(\w+)\}", zh)) == set(re.findall(r"\{(\w+)\}", en)), key
    for vocabulary in _CODES.values():
        for code, (zh, en) in vocabulary.items():
            assert zh and en and not CJK.search(en), code


def test_every_label_character_is_in_the_shipped_font() -> None:
    """A character the GB2312 subset lacks would print as an empty box."""
    face = pdfmetrics.getFont(register_font()).face
    texts = [text for pair in LABELS.values() for text in pair]
    texts += [text for vocabulary in _CODES.values() for pair in vocabulary.values() for text in pair]
    week = [date(2027, 3, 1) + timedelta(days=i) for i in range(7)]
    texts += [Texts(lang).day(d) for lang in ("zh", "en") for d in week]
    texts += ["→■•—·、，：（）"]
    missing = {c for text in texts for c in text if ord(c) not in face.charToGlyph}
    assert not missing, missing


def test_the_planner_reasons_are_all_translated() -> None:
    assert known_codes("reason") == {r.value for r in UnservedReason}
    t = Texts("zh")
    for reason in UnservedReason:
        assert t.code("reason", reason.value) == reason.zh


def test_the_planners_reasons_are_worded_in_the_documents_language_with_place_names() -> None:
    zh, en = Texts("zh"), Texts("en")

    def unserved(
        reason: UnservedReason, types: tuple[str, ...] = (), themes: tuple[str, ...] = ()
    ) -> UnservedView:
        return UnservedView("R1", "某小学", "睢宁县", reason, types, themes)

    assert zh.unserved_detail(unserved(UnservedReason.CAPACITY)) == "能服务的大篷车都已排满"
    assert zh.unserved_detail(unserved(UnservedReason.NO_PERMITTED_CARAVAN)) == "没有大篷车可服务睢宁县"
    assert en.unserved_detail(unserved(UnservedReason.NO_WORKABLE_DATE)) == (
        "No caravan can reach 某小学 on an allowed working day"
    )
    # What a request wanted travels as data: the words are the document's.
    needs = unserved(UnservedReason.NO_TYPE_OR_THEME, themes=("力学",))
    assert zh.unserved_detail(needs) == "需要任意车型，主题为力学"
    assert en.unserved_detail(needs) == "Needs any type with 力学"


def test_unknown_codes_print_as_they_are_and_unknown_languages_are_refused() -> None:
    assert Texts("en").code("rule", "new_rule_x") == "new_rule_x"
    assert Texts("zh").code("decision", "") == "待定"
    with pytest.raises(CaravanError, match="zh or en"):
        Texts("de")


def test_dates_and_labels_by_language() -> None:
    assert Texts("zh").day(date(2027, 3, 1)) == "2027-03-01 周一"
    assert Texts("en").day(date(2027, 3, 7)) == "2027-03-07 Sun"
    assert Texts("zh")("page_of", n=2, m=5) == "第 2 页，共 5 页"
    assert Texts("en")("page_of", n=2, m=5) == "Page 2 of 5"
    assert Texts("en").pair("plan", "T1") == "Plan: T1"
    assert Texts("zh").pair("plan", "T1") == "方案：T1"
