"""The field window is a sandbox (issue 15, rows 2 and 3): a kit whose map.html carries a script can
read no local file (the data folder's password file included), reach no network and navigate nowhere;
a kit whose id or code looks like a path is refused; files the window makes go into a fresh folder
under names the program chooses."""

from __future__ import annotations

import http.server
import json
import threading
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from caravan_app.domain.kit import CONTENTS_PART, KitManifest
from caravan_app.errors import KitError, KitOutOfScope
from caravan_app.persistence.kit_file import write_kit
from caravan_app.services.field_kit import open_kit
from caravan_app.settings import data_dir
from caravan_app.ui.field_mode import FieldWindow
from caravan_app.ui.hooks import map_folder
from caravan_app.ui.i18n import Languages
from caravan_app.ui.outcomes import error_text
from caravan_app.ui.sandbox import PAGE_URL
from tests.persistence.test_kit_file import PDF_BYTES, sample_contents, sample_manifest

SECRET = "database-password-" + uuid.uuid4().hex


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(SECRET.encode())

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A web server on loopback that records every request made to it."""
    _Recorder.hits = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def hostile_page(secret_file: Path, server: str) -> str:
    target = QUrl.fromLocalFile(str(secret_file)).toString()
    return f"""<!doctype html><html><head><title>start</title><script>var r = {{}};</script></head><body>
<img src="{target}" onload="r.img='read'" onerror="r.img='blocked'">
<iframe id="frame" src="{target}"></iframe>
<link rel="stylesheet" href="{server}/style.css">
<script src="{server}/script.js"></script>
<script>
async function attempt(name, work) {{
  try {{ r[name] = await work(); }} catch (e) {{ r[name] = 'blocked'; }}
}}
async function run() {{
  await attempt('fetch_file', async () => (await fetch('{target}')).text());
  await attempt('fetch_net', async () => (await fetch('{server}/fetch')).text());
  await attempt('xhr_file', async () => {{
    var x = new XMLHttpRequest(); x.open('GET', '{target}', false); x.send(); return x.responseText; }});
  await attempt('beacon', async () => String(navigator.sendBeacon('{server}/beacon', 'x')));
  await attempt('popup', async () => String(window.open('{server}/popup') !== null));
  await attempt('frame', async () => document.getElementById('frame').contentDocument.body.innerText);
  r.done = true;
  document.title = JSON.stringify(r);
  // Then try to leave: to the password file, then to the network.
  setTimeout(() => {{ window.location.href = '{target}'; }}, 50);
  setTimeout(() => {{ window.location.href = '{server}/navigate'; }}, 300);
}}
run();
</script></body></html>"""


def kit_with_map(path: Path, html: str, manifest: KitManifest | None = None) -> Path:
    parts = [
        (CONTENTS_PART, "application/json", sample_contents().to_json().encode("utf-8")),
        ("route-sheet.pdf", "application/pdf", PDF_BYTES),
        ("map.html", "text/html; charset=utf-8", html.encode("utf-8")),
    ]
    write_kit(path, manifest or sample_manifest(), parts)
    return path


def test_a_hostile_map_reads_no_file_reaches_no_network_and_stays(
    qtbot: QtBot, tmp_path: Path, server: str
) -> None:
    secret_file = data_dir() / "secrets" / "database-passwords.json"
    secret_file.parent.mkdir(parents=True, exist_ok=True)
    secret_file.write_text(json.dumps({"postgresql://office/caravan": SECRET}), encoding="utf-8")
    kit = open_kit(kit_with_map(tmp_path / "hostile.ckit", hostile_page(secret_file, server)))
    window = FieldWindow(kit)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(1)
    view = window.map_view
    assert view is not None
    qtbot.waitUntil(lambda: '"done":true' in view.title(), timeout=60_000)
    results = json.loads(view.title())
    for name in ("img", "fetch_file", "fetch_net", "xhr_file", "frame"):
        assert results[name] in ("blocked", ""), (name, results[name])
    assert results["popup"] == "false" and results["beacon"] in ("false", "blocked", "true")
    # Both ways out fail (file: by Chromium's rule for a page not from a file, the network by the
    # page's own refusal, which comes second, so the page was still there to try it).
    qtbot.waitUntil(lambda: any(u.startswith(server) for u in view.sandbox_page.refused), timeout=30_000)
    assert view.page().url() == PAGE_URL
    assert SECRET not in view.title()
    assert _Recorder.hits == []  # not one request reached the network: not the beacon, not a script
    window.close()


def test_the_kit_map_is_shown_from_memory_with_no_file_written(qtbot: QtBot, tmp_path: Path) -> None:
    kit = open_kit(kit_with_map(tmp_path / "k.ckit", "<html><head><title>离线地图</title></head></html>"))
    window = FieldWindow(kit)
    qtbot.addWidget(window)
    window.show()
    before = set(map_folder().rglob("*"))
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.map_loaded, timeout=60_000)
    assert window.map_view.title() == "离线地图"
    assert window.map_view.page().url() == PAGE_URL
    assert set(map_folder().rglob("*")) == before  # nothing written for it
    window.close()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("code", "/tmp/elsewhere/route"),
        ("code", "..\\..\\Windows\\route"),
        ("code", "C:\\Users\\route"),
        ("kit_id", "../../etc"),
        ("kind", "everything"),
    ],
)
def test_a_kit_naming_a_path_is_refused(tmp_path: Path, field: str, value: str) -> None:
    manifest = replace(sample_manifest(), **{field: value})
    path = kit_with_map(tmp_path / "forged.ckit", "<html></html>", manifest)
    with pytest.raises(KitError) as refused:
        open_kit(path)
    assert refused.value.code == "kit_field_invalid"
    assert refused.value.values == {"field": field, "value": value}


def test_the_route_sheet_opens_from_a_fresh_folder_under_a_name_of_our_own(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr("caravan_app.ui.field_mode.QDesktopServices.openUrl", opened.append)
    kit = open_kit(kit_with_map(tmp_path / "k.ckit", "<html></html>"))
    window = FieldWindow(kit)
    qtbot.addWidget(window)
    window.open_route_sheet()
    window.open_route_sheet()
    first, second = (Path(u.toLocalFile()) for u in opened)
    assert first.name == second.name == "route-sheet.pdf"
    assert first.parent != second.parent and first.read_bytes() == PDF_BYTES
    assert sorted(p.name for p in first.parent.iterdir()) == ["route-sheet.pdf"]
    window.close()


def test_refusals_are_worded_in_the_window_language(languages: Languages) -> None:
    out_of_scope = KitOutOfScope("trip", "P1-CV12-20270301", 2, "exhibit", "EX-00031")
    forged = KitError("id", code="kit_field_invalid", field="code", value="/tmp/x")
    assert error_text(out_of_scope) == (
        "Record 2 of the kit names exhibit EX-00031, which is not part of trip P1-CV12-20270301 as this "
        "database wrote the kit; nothing was imported."
    )
    languages.switch("zh_CN")
    try:
        assert error_text(out_of_scope) == (
            "现场包第 2 条记录涉及展品 EX-00031，"
            "不属于本数据库生成该包时的行程 P1-CV12-20270301；未导入任何内容。"
        )
        assert error_text(forged).startswith("此现场包无法使用：其编号“/tmp/x”")
    finally:
        languages.switch("en")


def test_text_from_a_kit_is_never_rich_text(qtbot: QtBot, tmp_path: Path) -> None:
    marked_up = "<img src='file:///etc/hostname'><b>CV01</b>"
    contents = replace(sample_contents(), facility_name=marked_up, plan_name=marked_up)
    parts = [
        (CONTENTS_PART, "application/json", contents.to_json().encode("utf-8")),
        ("route-sheet.pdf", "application/pdf", PDF_BYTES),
        ("map.html", "text/html; charset=utf-8", b"<html></html>"),
    ]
    write_kit(tmp_path / "k.ckit", sample_manifest(), parts)
    window = FieldWindow(open_kit(tmp_path / "k.ckit"))
    qtbot.addWidget(window)
    assert marked_up in window.subheading.text()
    labels = window.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    window.close()
