"""Reading printed PDFs back with poppler's tools (pdftotext, pdffonts, pdfinfo), as a person would."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (poppler-utils; .ci/run installs it)")
    return path


def _run(tool: str, pdf: bytes, *args: str, tmp_path: Path) -> str:
    file = tmp_path / "document.pdf"
    file.write_bytes(pdf)
    result = subprocess.run(
        [_tool(tool), *args, str(file), *(["-"] if tool == "pdftotext" else [])],
        capture_output=True,
        check=True,
    )
    return result.stdout.decode("utf-8")


def pages(pdf: bytes, tmp_path: Path, *, layout: bool = False) -> list[str]:
    """The text of each page (pdftotext separates pages with form feeds); `layout` keeps a table's
    rows on one line each instead of reading it column by column."""
    text = _run("pdftotext", pdf, "-enc", "UTF-8", *(["-layout"] if layout else []), tmp_path=tmp_path)
    return text.split("\f")[:-1]


def squeeze(text: str) -> str:
    """Text without whitespace: a wrapped venue name or address reads as one word again."""
    return "".join(text.split())


def fonts(pdf: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) of every font the PDF uses."""
    lines = _run("pdffonts", pdf, tmp_path=tmp_path).splitlines()[2:]
    out = []
    for line in lines:
        cells = line.split()
        # name type [type...] encoding emb sub uni object ID: emb is the 5th column from the end.
        out.append((cells[0], cells[-5]))
    return out


def page_count(pdf: bytes, tmp_path: Path) -> int:
    for line in _run("pdfinfo", pdf, tmp_path=tmp_path).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo gave no page count")


def assert_font_embedded(pdf: bytes, tmp_path: Path) -> None:
    used = fonts(pdf, tmp_path)
    assert used, "the PDF uses no font"
    assert all("WenQuanYiMicroHei" in name and emb == "yes" for name, emb in used), used
