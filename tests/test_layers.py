"""The layering rule of ARCHITECTURE.md, held by parsing every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "caravan_app"

# For each layer, the package-internal layers it must not import.
FORBIDDEN = {
    "domain": {"persistence", "services", "planning", "maps", "reports", "ui", "app", "cli"},
    "persistence": {"services", "planning", "maps", "reports", "ui", "app", "cli"},
    "planning": {"persistence", "services", "maps", "reports", "ui", "app", "cli"},
    "maps": {"persistence", "services", "ui", "app", "cli"},
    "reports": {"persistence", "services", "ui", "app", "cli"},
    "services": {"ui", "app", "cli"},
}


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    relative = path.relative_to(PACKAGE)
    layer = relative.parts[0] if len(relative.parts) > 1 else relative.stem
    broken = []
    for name in imported_modules(path):
        if name.startswith("PySide6") and layer != "ui":
            broken.append(name)
        parts = name.split(".")
        if parts[0] == "caravan_app" and len(parts) > 1 and parts[1] in FORBIDDEN.get(layer, set()):
            broken.append(name)
    assert not broken, f"{relative} ({layer}) imports {broken}"
