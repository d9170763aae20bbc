"""Every message of the program is translated, and the shipped .qm files are built from the .ts."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent
LANGUAGES = ("zh_CN", "en")


def messages(language: str) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(I18N / f"caravan_app_{language}.ts")
    out = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_its_placeholders(language: str) -> None:
    found = messages(language)
    assert len(found) > 300
    for context, source, message in found:
        translation = message.find("translation")
        assert translation is not None, (context, source)
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (context, source)
        text = translation.text or ""
        assert text.strip(), (context, source)
        assert set(re.findall(r"%\d+", source)) == set(re.findall(r"%\d+", text)), (context, source, text)


def test_chinese_is_chinese() -> None:
    for context, source, message in messages("zh_CN"):
        text = message.findtext("translation") or ""
        # Words and sentences are translated; codes and format hints may stay as they are.
        if re.search(r"[A-Za-z]{3,}", source) and source not in ("HH:MM", "YYYY-MM-DD"):
            letters_only = re.sub(
                r"\(\*\.[a-z]+( \*\.[a-z]+)*\)|%\d+|SQLite|PostgreSQL|Excel|CSV|caravan_app", "", text
            )
            assert re.search(r"[\u4e00-\u9fff]", letters_only), (context, source, text)


def test_the_code_has_no_message_missing_from_the_sources(tmp_path: Path) -> None:
    """lupdate on the code finds nothing that the committed .ts lacks."""
    sources = sorted(str(p) for p in (ROOT / "caravan_app" / "ui").glob("*.py"))
    scratch = tmp_path / "scan.ts"
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(scratch)],
        check=True,
        capture_output=True,
    )
    in_code = {(n, s) for n, s, _m in _parse(scratch)}
    committed = {(n, s) for n, s, _m in messages("zh_CN")}
    assert in_code - committed == set(), "run resources/i18n/update_translations.py and translate"
    assert committed - in_code == set(), "the .ts holds messages the code no longer has"


def _parse(path: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(path)
    return [
        (c.findtext("name") or "", m.findtext("source") or "", m)
        for c in tree.iter("context")
        for m in c.iter("message")
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_qm_is_built_from_the_ts(language: str, tmp_path: Path) -> None:
    built = tmp_path / f"{language}.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(I18N / f"caravan_app_{language}.ts"), "-qm", str(built)],
        check=True,
        capture_output=True,
    )
    assert built.read_bytes() == (I18N / f"caravan_app_{language}.qm").read_bytes()


def test_every_column_of_every_screen_has_a_title(app: object) -> None:
    """A column added to an entity's spreadsheet layout must get a translated title too."""
    from caravan_app.services import inventory
    from caravan_app.ui.labels import column_titles

    titles = column_titles()
    missing = [
        (entity, col.attr)
        for entity in inventory.EDITABLE
        for col in inventory.spec(entity).columns
        if col.attr not in titles
    ]
    assert missing == []
