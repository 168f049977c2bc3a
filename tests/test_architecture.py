"""The dependency direction of the house style, checked by parsing imports.

db <- services <- {api, views, ingest}; nothing imports api or views; ingest never touches the ORM
models or repositories; web holds no logic. app/main.py and app/cli.py are the composition roots.
The one way back: services may call the matching engine (`ingest.matching`), pure code with no I/O.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPOSITION_ROOTS = {"app/main.py", "app/cli.py"}

# layer -> module prefixes it may import although a prefix below forbids them
ALLOWED: dict[str, tuple[str, ...]] = {"app/services": ("ingest.matching",)}
# layer -> module prefixes it must not import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "app/domain": (
        "app.db",
        "app.services",
        "app.api",
        "app.views",
        "ingest",
        "fastapi",
        "sqlalchemy",
        "app.core",
    ),
    "app/db": ("app.services", "app.api", "app.views", "ingest", "fastapi"),
    "app/services": ("app.api", "app.views", "ingest", "fastapi"),
    "app/api": ("app.views", "ingest", "app.db.repositories"),
    "app/views": ("app.api.routes", "ingest", "app.db.repositories"),
    "ingest": ("app.api", "app.views", "app.db.repositories", "app.db.models", "fastapi"),
    "web": ("app", "ingest"),
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules() -> list[Path]:
    return sorted(p for folder in ("app", "ingest", "web") for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_module_respects_the_dependency_direction(path: Path) -> None:
    relative = path.relative_to(ROOT).as_posix()
    if relative in COMPOSITION_ROOTS:
        return
    layer = next((name for name in FORBIDDEN if relative.startswith(name + "/")), None)
    if layer is None:
        return
    bad = {
        module
        for module in imports_of(path)
        for prefix in FORBIDDEN[layer]
        if module == prefix or module.startswith(prefix + ".")
        if not any(
            module == allowed or module.startswith(allowed + ".") for allowed in ALLOWED.get(layer, ())
        )
    }
    # The HTML error page is rendered by the API's single error handler through an injected callable.
    assert not bad, f"{relative} ({layer}) imports {sorted(bad)}"


def test_sql_is_only_built_in_the_data_layer() -> None:
    offenders = []
    for path in modules():
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(("app/db/", "migrations/")):
            continue
        if {"select", "insert", "update", "delete", "text"} & {
            alias.name
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom) and node.module == "sqlalchemy"
            for alias in node.names
        }:
            offenders.append(relative)
    assert offenders == []


def test_services_never_commit() -> None:
    for path in (ROOT / "app" / "services").rglob("*.py"):
        assert ".commit()" not in path.read_text(encoding="utf-8"), path
