"""The layering of ARCHITECTURE.md, held by import-linter's contracts in pyproject.toml.

The contracts are run on the package and must hold; then a copy of the package gets one forbidden
import at a time and the contract it breaks must be reported. import-linter cannot see a module
imported by a name held in a string, so a plain parse of every module forbids that.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "caravan_app"
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
    "contracts"
]
NAMES = {contract["id"]: contract["name"] for contract in CONTRACTS}

# lint-imports, run by this Python whether or not the venv's bin/ is on PATH.
LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports with root/pyproject.toml on the caravan_app package found in root."""
    paths = [str(root), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    # A wide console, so that no contract's name is wrapped across lines.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths), "COLUMNS": "400", "NO_COLOR": "1"}
    command = [sys.executable, "-c", LINT_IMPORTS, "--no-cache", "--no-logo", str(root / "pyproject.toml")]
    return subprocess.run(
        command, cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def verdict(output: str, contract_id: str) -> str:
    name = NAMES[contract_id]
    for word in ("KEPT", "BROKEN"):
        if f"{name} {word}" in output:
            return word
    return "not reported"


def test_the_contracts_are_all_there() -> None:
    pinned = {"qt-in-ui", "ortools-in-planning", "reportlab-in-reports", "folium-in-maps"}
    assert set(NAMES) == {"layers"} | pinned


def test_the_package_keeps_every_contract() -> None:
    result = lint_imports(ROOT)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    verdicts = {contract_id: verdict(output, contract_id) for contract_id in NAMES}
    assert verdicts == dict.fromkeys(NAMES, "KEPT"), output


# (module added to the copy, its source, the contract it breaks, the line lint-imports must report)
FORBIDDEN = [
    pytest.param(
        "domain/_forbidden.py",
        "from caravan_app.ui import main_window\n",
        "layers",
        "caravan_app.domain._forbidden -> caravan_app.ui.main_window",
        id="domain-imports-ui",
    ),
    pytest.param(
        "domain/_forbidden.py",
        "from ..ui import main_window\n",
        "layers",
        "caravan_app.domain._forbidden -> caravan_app.ui.main_window",
        id="relative-import",
    ),
    pytest.param(
        "domain/_forbidden.py",
        "from caravan_app import ui\n",
        "layers",
        "caravan_app.domain._forbidden -> caravan_app.ui",
        id="package-imported-from-the-root",
    ),
    pytest.param(
        "domain/_forbidden.py",
        "def later() -> None:\n    from caravan_app.services import demo\n",
        "layers",
        "caravan_app.domain._forbidden -> caravan_app.services.demo",
        id="import-inside-a-function",
    ),
    pytest.param(
        "services/_forbidden.py",
        "from caravan_app.ui import context\n",
        "layers",
        "caravan_app.services._forbidden -> caravan_app.ui.context",
        id="services-imports-ui",
    ),
    pytest.param(
        "ui/_forbidden.py",
        "from caravan_app import cli\n",
        "layers",
        "caravan_app.ui._forbidden -> caravan_app.cli",
        id="ui-imports-cli",
    ),
    pytest.param(
        "planning/_forbidden.py",
        "from caravan_app.persistence import models\n",
        "layers",
        "caravan_app.planning._forbidden -> caravan_app.persistence.models",
        id="planning-imports-persistence",
    ),
    pytest.param(
        "maps/_forbidden.py",
        "from caravan_app.reports import fonts\n",
        "layers",
        "caravan_app.maps._forbidden -> caravan_app.reports.fonts",
        id="maps-imports-reports",
    ),
    pytest.param(
        "settings_extra.py",
        "X = 1\n",
        "layers",
        "caravan_app.settings_extra",
        id="top-level-module-without-a-layer",
    ),
    pytest.param(
        "planning/_forbidden.py",
        "import PySide6\n",
        "qt-in-ui",
        "caravan_app.planning._forbidden -> PySide6",
        id="qt-in-planning",
    ),
    pytest.param(
        "app_extra/_forbidden.py",
        "from PySide6.QtCore import QObject\n",
        "qt-in-ui",
        "caravan_app.app_extra._forbidden -> PySide6",
        id="qt-in-a-new-package",
    ),
    pytest.param(
        "services/_forbidden.py",
        "from ortools.sat.python import cp_model\n",
        "ortools-in-planning",
        "caravan_app.services._forbidden -> ortools",
        id="ortools-in-services",
    ),
    pytest.param(
        "maps/_forbidden.py",
        "from reportlab.pdfgen import canvas\n",
        "reportlab-in-reports",
        "caravan_app.maps._forbidden -> reportlab",
        id="reportlab-in-maps",
    ),
    pytest.param(
        "reports/_forbidden.py",
        "import folium\n",
        "folium-in-maps",
        "caravan_app.reports._forbidden -> folium",
        id="folium-in-reports",
    ),
]


@pytest.mark.parametrize(("module", "source", "contract_id", "reported"), FORBIDDEN)
def test_a_forbidden_import_breaks_its_contract(
    tmp_path: Path, module: str, source: str, contract_id: str, reported: str
) -> None:
    shutil.copytree(PACKAGE, tmp_path / "caravan_app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    added = tmp_path / "caravan_app" / module
    if not added.parent.exists():
        added.parent.mkdir()
        (added.parent / "__init__.py").write_text("", encoding="utf-8")
    added.write_text(source, encoding="utf-8")

    result = lint_imports(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert verdict(output, contract_id) == "BROKEN", output
    assert reported in output, output


# --- imports by name, which import-linter cannot see ---------------------------------------------

BY_NAME = {"import_module", "__import__", "find_spec"}


def imports_by_name(source: str) -> list[int]:
    """Lines that import a module named by a string at run time, unless the string is a literal
    naming a module outside caravan_app (probing for an optional library, say)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = getattr(func, "attr", None) or getattr(func, "id", "")
        if called not in BY_NAME:
            continue
        first = node.args[0] if node.args else None
        outside = (
            isinstance(first, ast.Constant)
            and isinstance(first.value, str)
            and not first.value.startswith(("caravan_app", "."))
        )
        if not outside:
            lines.append(node.lineno)
    return lines


def test_no_module_imports_another_by_name() -> None:
    found = {
        str(path.relative_to(ROOT)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := imports_by_name(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "import caravan_app modules with import statements, which lint-imports checks"


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ('import importlib\nimportlib.import_module("caravan_app.ui.main_window")\n', [2]),
        ('from importlib import import_module\nimport_module(".ui", "caravan_app")\n', [2]),
        ("import importlib\nNAME = 'caravan_app.services.maps'\nimportlib.import_module(NAME)\n", [3]),
        ('__import__("caravan_app.services.reports")\n', [1]),
        ('import importlib.util\nimportlib.util.find_spec(f"caravan_app.services.{name}")\n', [2]),
        ('import importlib.util\nimportlib.util.find_spec("pyvrp")\n', []),
    ],
    ids=["literal", "relative", "name-in-a-variable", "dunder-import", "f-string", "third-party-probe"],
)
def test_an_import_by_name_is_found(source: str, lines: list[int]) -> None:
    assert imports_by_name(source) == lines
