"""Label sheets: 24 labels a page, each with its code, name and a QR code of the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from caravan_app.errors import CaravanError
from caravan_app.reports import exhibit_labels
from caravan_app.reports.exhibit_labels import LABELS_3X8
from tests.reports.pdf_tools import assert_font_embedded, page_count, pages, squeeze
from tests.reports.views import exhibit


def test_labels_fill_sheets_of_24(tmp_path: Path) -> None:
    exhibits = [exhibit(i) for i in range(1, 51)]
    pdf = exhibit_labels(exhibits)
    assert LABELS_3X8.per_page == 24
    assert page_count(pdf, tmp_path) == 3
    text = [squeeze(p) for p in pages(pdf, tmp_path)]
    for page, chunk in zip(text, (exhibits[:24], exhibits[24:48], exhibits[48:]), strict=True):
        for e in chunk:
            assert e.code in page and squeeze(e.name) in page
        assert sum(page.count(e.code) for e in exhibits) == len(chunk)
    assert "主题：力学" in text[0]
    assert_font_embedded(pdf, tmp_path)


def test_labels_in_english_and_long_names(tmp_path: Path) -> None:
    long_name = "超长名称的展品用于检查缩小字号以免溢出标签边界的情况之一二三四五六七八九十"
    items = [exhibit(1), exhibit(2)]
    from dataclasses import replace

    items[1] = replace(items[1], name=long_name)
    whole = squeeze("".join(pages(exhibit_labels(items, "en"), tmp_path)))
    assert "Theme:力学" in whole and long_name in whole


def test_no_exhibits_no_sheet() -> None:
    with pytest.raises(CaravanError, match="no exhibits"):
        exhibit_labels([])
