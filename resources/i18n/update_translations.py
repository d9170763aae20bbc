"""Refresh the translation sources from the code and compile them:
`python resources/i18n/update_translations.py`.

1. pyside6-lupdate reads every self.tr() / QCoreApplication.translate() in caravan_app/ui and updates
   caravan_app_zh_CN.ts and caravan_app_en.ts (new strings arrive marked unfinished, gone ones are dropped);
2. in the English file each message's translation is its English source;
3. pyside6-lrelease compiles both to .qm, which the program loads.

Chinese translations are written in caravan_app_zh_CN.ts (by hand or with pyside6-linguist);
tests/ui/test_translations.py fails while any message is unfinished or a .qm is older than its .ts.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
LANGUAGES = ("zh_CN", "en")


def ts_file(language: str) -> Path:
    return HERE / f"caravan_app_{language}.ts"


def sources() -> list[Path]:
    return sorted((ROOT / "caravan_app" / "ui").glob("*.py"))


def lupdate() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [
                str(BIN / "pyside6-lupdate"),
                *map(str, sources()),
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                language,
                "-ts",
                str(ts_file(language)),
            ],
            check=True,
            capture_output=True,
        )


def english_is_source() -> None:
    path = ts_file("en")
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source = message.find("source")
        translation = message.find("translation")
        if source is None or translation is None:
            continue
        translation.text = source.text
        translation.attrib.pop("type", None)
    _write(tree, path)


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def lrelease(language: str, out: Path | None = None) -> Path:
    target = out or ts_file(language).with_suffix(".qm")
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts_file(language)), "-qm", str(target)],
        check=True,
        capture_output=True,
    )
    return target


def main() -> None:
    lupdate()
    english_is_source()
    for language in LANGUAGES:
        lrelease(language)
    unfinished = [
        m.findtext("source")
        for m in ET.parse(ts_file("zh_CN")).iter("message")
        if (t := m.find("translation")) is not None
        and (t.get("type") == "unfinished" or not (t.text or "").strip())
    ]
    print(f"{len(unfinished)} Chinese message(s) still to translate")
    for text in unfinished:
        print(f"  {text}")


if __name__ == "__main__":
    main()
