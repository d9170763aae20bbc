"""The draft mark, read back: every page of every document made from a draft plan says so (route
sheets, summary, rotation schedule, condition form), in either language; an approved or published
plan's pages say nothing of it. The large word across the page is drawn, not written, so it is seen
on the page (checked on its pixels) without breaking the text a reader copies from it."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from caravan_app.reports import plan_summary, rotation_schedule, route_sheets
from caravan_app.reports.condition_form import condition_form
from caravan_app.reports.texts import Texts
from tests.maps.samples import rotation_plan
from tests.reports.pdf_tools import page_count, pages, squeeze
from tests.reports.views import exhibit, long_trip, tour_plan

PRINTED = date(2027, 2, 20)
MARK = {lang: squeeze(Texts(lang)("draft_mark")) for lang in ("zh", "en")}


def documents(status: str, lang: str) -> dict[str, bytes]:
    """Every document reports/ makes from a plan, of a plan in `status`."""
    tours = replace(tour_plan(tour_plan().trips[0], long_trip(12), tour_plan().trips[1]), status=status)
    rotation = replace(rotation_plan(), status=status)
    load = tuple(exhibit(i) for i in range(1, 50))
    return {
        "route sheets": route_sheets(tours, lang, printed_on=PRINTED),
        "summary": plan_summary(tours, lang, printed_on=PRINTED),
        "rotation schedule": rotation_schedule(rotation, lang, printed_on=PRINTED),
        "condition form": condition_form(
            "XZ-01 力学套组 — 丰县科技馆", load, lang, printed_on=PRINTED, draft=status == "draft"
        ),
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_of_a_drafts_documents_carries_the_mark(lang: str, tmp_path: Path) -> None:
    for name, pdf in documents("draft", lang).items():
        text = [squeeze(p) for p in pages(pdf, tmp_path)]
        assert len(text) == page_count(pdf, tmp_path) and (name == "summary" or len(text) > 1), name
        for number, page in enumerate(text, start=1):
            # Once a page, as a line of text: the big word across the page is not text.
            assert page.count(MARK[lang]) == 1, (name, number)


@pytest.mark.parametrize("status", ["approved", "published"])
def test_an_approved_plans_documents_carry_none(status: str, tmp_path: Path) -> None:
    for lang in ("zh", "en"):
        for name, pdf in documents(status, lang).items():
            whole = squeeze("".join(pages(pdf, tmp_path)))
            assert MARK[lang] not in whole and squeeze(Texts(lang)("draft_watermark")) not in whole, name


def _reddish_pixels(pdf: bytes, tmp_path: Path) -> int:
    """Pixels of the first page, rendered small, that are clearly red: the draft mark's ink."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    file = tmp_path / "page.pdf"
    file.write_bytes(pdf)
    image = subprocess.run(
        ["pdftoppm", "-r", "30", "-f", "1", "-l", "1", str(file)], capture_output=True, check=True
    ).stdout
    # PPM: "P6\n<width> <height>\n255\n" and then RGB bytes.
    header_end = 0
    for _line in range(3):
        header_end = image.index(b"\n", header_end) + 1
    rgb = image[header_end:]
    return sum(1 for i in range(0, len(rgb) - 2, 3) if rgb[i] > rgb[i + 1] + 8 and rgb[i] > rgb[i + 2] + 8)


def test_the_word_across_the_page_is_seen(tmp_path: Path) -> None:
    load = tuple(exhibit(i) for i in range(1, 6))
    draft = condition_form("XZ-01", load, printed_on=PRINTED, draft=True)
    approved = condition_form("XZ-01", load, printed_on=PRINTED)
    # The form itself has no red; the draft's red covers a good part of the page.
    assert _reddish_pixels(approved, tmp_path) == 0
    assert _reddish_pixels(draft, tmp_path) > 1_000
