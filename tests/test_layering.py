"""Dependencies run one way: api and web -> services -> store, catalog, db and clients; loaders
-> db and store; only the CLI and the ingest jobs (on top) import the loaders."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import REPO

TOP = {"graphsvc/cli.py", "graphsvc/jobs.py", "graphsvc/__main__.py"}
# module folder -> packages it must not import
FORBIDDEN = {
    "graphsvc/api": ("loaders",),
    "graphsvc/web": ("loaders", "graphsvc.db.ladybug_backend", "graphsvc.db.neo4j_backend"),
    "graphsvc/services": ("loaders", "graphsvc.api", "graphsvc.web", "graphsvc.jobs"),
    "graphsvc/store": ("loaders", "graphsvc.api", "graphsvc.web", "graphsvc.services"),
    "graphsvc/db": ("loaders", "graphsvc.api", "graphsvc.web", "graphsvc.services"),
    "graphsvc/clients": (
        "loaders",
        "graphsvc.api",
        "graphsvc.web",
        "graphsvc.services",
        "graphsvc.store",
        "graphsvc.db",
    ),
    "graphsvc/catalog.py": ("loaders", "graphsvc.api", "graphsvc.services", "graphsvc.db"),
    "graphsvc/names.py": ("loaders", "graphsvc.api", "graphsvc.services", "graphsvc.db"),
    "graphsvc/settings.py": ("loaders", "graphsvc.api", "graphsvc.services", "graphsvc.db"),
    "loaders": (
        "graphsvc.api",
        "graphsvc.web",
        "graphsvc.services",
        "graphsvc.cli",
        "graphsvc.jobs",
    ),
}


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_dependencies_point_one_way() -> None:
    wrong = []
    for place, banned in FORBIDDEN.items():
        target = REPO / place
        files = [target] if target.suffix == ".py" else sorted(target.rglob("*.py"))
        assert files, place
        for path in files:
            if str(path.relative_to(REPO)) in TOP:
                continue
            for name in sorted(imports(path)):
                if any(name == b or name.startswith(b + ".") for b in banned):
                    wrong.append(f"{path.relative_to(REPO)} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_only_the_cli_and_jobs_import_the_loaders() -> None:
    users = {
        str(p.relative_to(REPO))
        for p in (REPO / "graphsvc").rglob("*.py")
        if any(n == "loaders" or n.startswith("loaders.") for n in imports(p))
    }
    assert users <= TOP, users
