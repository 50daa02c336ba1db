"""The stored Cypher queries: named `.cypher` files, loaded once and checked.

Layout of the `cypher/` folder:
- `NAME.cypher`: a query shared by both backends;
- `neo4j/NAME.cypher`, `ladybug/NAME.cypher`: a dialect's override of (or only version of) NAME;
- `bundles/DIALECT/NAME.cypher`: a bundle of that dialect, which answers several stored reads in
  one round trip (`graphsvc.db.bundles`); the only kind of query a dialect may lack;
- `schema/neo4j.cypher`, `schema/ladybug.cypher`: the schema, statements separated by `;`.
- `schema/backfill/NAME.cypher` (or `schema/backfill/DIALECT/NAME.cypher` in each dialect): a
  check, then a fill for graphs made before that part of the schema;
- `schema/ladybug_drop.cypher`: what drops that schema and everything in it (`graphsvc reset` on
  the embedded engine; Neo4j has none and deletes in batches).

Each query file starts with `//` header lines; `// params: a, b` (or `// params: none`) declares
the parameters, and the loader checks the body uses exactly those. Callers must pass exactly the
declared parameters. Python never builds Cypher text: it only picks a stored query by name.

`// ladybug: LIMIT $limit applied by the backend` (a query whose last line is that `LIMIT`): on
the embedded engine the query runs without that line and the backend keeps the first `limit`
rows (`Query.cap`). Ladybug 0.22 plans a statement again at every call when a parameter sets
its LIMIT (0.4 to 0.8 ms, three or four times what these small reads cost; bench/RESULTS.md),
and a literal LIMIT would be Python building Cypher. Only for queries whose rows before the cut
are few: one researcher's or one topic's own co-authors, works, topics or teams. Not for a
top-k over many rows, where the engine's LIMIT saves more than the plan costs (suggestions,
two hops away: 32.6 ms with it, 42.3 without, for the largest researchers at 100,000 works).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import graphsvc

DIALECTS = ("neo4j", "ladybug")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_BACKEND_LIMIT = re.compile(r"ladybug: LIMIT \$([A-Za-z_][A-Za-z0-9_]*) applied by the backend")


class CatalogError(Exception):
    """A stored query is missing, malformed, or called with the wrong parameters."""


@dataclass(frozen=True)
class Query:
    """One stored query for one dialect."""

    name: str
    text: str
    params: frozenset[str]
    path: Path
    cap: str | None = None  # the parameter whose value the backend cuts the rows at

    def check_params(self, given: Mapping[str, Any]) -> None:
        """Raise unless `given` holds exactly the declared parameters."""
        keys = set(given)
        if keys != self.params:
            missing = sorted(self.params - keys)
            extra = sorted(keys - self.params)
            raise CatalogError(f"query {self.name}: missing params {missing}, unexpected {extra}")

    def engine_params(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """The parameters the engine takes: without the one the backend applies (`cap`)."""
        return {k: v for k, v in given.items() if k != self.cap}


def cypher_dir() -> Path:
    """The `cypher/` folder: inside the installed package, or at the source checkout's top."""
    package = Path(graphsvc.__file__).resolve().parent
    for candidate in (package / "cypher", package.parent / "cypher"):
        if candidate.is_dir():
            return candidate
    raise CatalogError(f"no cypher/ folder next to {package}")


def _parse(path: Path, dialect: str) -> Query:
    """The query as `dialect` runs it: on Ladybug, a LIMIT applied by the backend left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [ln for ln in _leading_comments(lines)]
    declared: set[str] | None = None
    backend_limit: str | None = None
    for line in header:
        body = line.lstrip("/").strip()
        if body.startswith("params:"):
            value = body.removeprefix("params:").strip()
            declared = set() if value == "none" else {p.strip() for p in value.split(",")}
        elif body.startswith("ladybug: LIMIT"):
            found = _BACKEND_LIMIT.fullmatch(body)
            if not found:
                raise CatalogError(f"{path}: write '// ladybug: LIMIT $x applied by the backend'")
            backend_limit = found.group(1)
    if declared is None:
        raise CatalogError(f"{path}: header lacks a '// params:' line")
    text = "\n".join(lines[len(header) :]).strip().rstrip(";")
    if not text:
        raise CatalogError(f"{path}: empty query")
    used = set(_PARAM.findall(_STRING.sub("''", text)))
    if used != declared:
        raise CatalogError(
            f"{path}: declares {sorted(declared)} but uses {sorted(used)} as parameters"
        )
    cap = None
    if backend_limit is not None:
        body, _, last = text.rpartition("\n")
        used_before = _PARAM.findall(_STRING.sub("''", body))
        if not body or last.strip() != f"LIMIT ${backend_limit}" or backend_limit in used_before:
            raise CatalogError(
                f"{path}: a LIMIT applied by the backend must be the last line, "
                f"'LIMIT ${backend_limit}', and its only use of ${backend_limit}"
            )
        if dialect == "ladybug":
            text, cap = body.rstrip(), backend_limit
    return Query(name=path.stem, text=text, params=frozenset(declared), path=path, cap=cap)


def _leading_comments(lines: list[str]) -> list[str]:
    header = []
    for line in lines:
        if not line.strip().startswith("//"):
            break
        header.append(line)
    return header


class Catalog:
    """All stored queries for one dialect, by name. `extra` folders (laid out like `cypher/`,
    without a schema) add queries of their own, such as the tests' exports; a name may not be
    defined twice."""

    def __init__(
        self, dialect: str, root: Path | None = None, extra: tuple[Path, ...] = ()
    ) -> None:
        if dialect not in DIALECTS:
            raise CatalogError(f"unknown dialect {dialect!r}")
        self.dialect = dialect
        self.root = root or cypher_dir()
        self._queries = load_dialect(self.root, dialect)
        for folder in extra:
            added = load_dialect(folder, dialect)
            twice = sorted(set(added) & set(self._queries))
            if twice:
                raise CatalogError(f"{folder} redefines {', '.join(twice)}")
            self._queries.update(added)

    def __getitem__(self, name: str) -> Query:
        try:
            return self._queries[name]
        except KeyError:
            raise CatalogError(f"no stored query named {name!r} for {self.dialect}") from None

    def __contains__(self, name: object) -> bool:
        return name in self._queries

    def names(self) -> list[str]:
        return sorted(self._queries)

    def schema_statements(self) -> list[str]:
        """The dialect's schema, one statement per item."""
        return _statements(self.root / "schema" / f"{self.dialect}.cypher")

    def backfills(self) -> list[Backfill]:
        """Fills for graphs made before a part of the schema existed, each with the check that
        says whether it has anything to do: `schema/backfill/NAME.cypher`, shared by the
        dialects, or `schema/backfill/DIALECT/NAME.cypher`, one for each dialect (a fill one
        dialect lacked would leave its older graphs unfilled)."""
        folder = self.root / "schema" / "backfill"
        paths = {p.stem: p for p in folder.glob("*.cypher")}
        own = {d: {p.stem: p for p in (folder / d).glob("*.cypher")} for d in DIALECTS}
        for name in sorted(set().union(*own.values())):
            lacking = [d for d in DIALECTS if name not in own[d]]
            if name in paths or lacking:
                raise CatalogError(
                    f"backfill {name} must be shared or have one version for each dialect "
                    f"(shared: {name in paths}, lacking: {', '.join(lacking) or 'none'})"
                )
        paths.update(own[self.dialect])
        return [_backfill(paths[name]) for name in sorted(paths)]

    def drop_statements(self) -> list[str]:
        """What drops the dialect's whole schema with its data, one statement per item; none
        for a dialect without the file."""
        path = self.root / "schema" / f"{self.dialect}_drop.cypher"
        return _statements(path) if path.exists() else []


@dataclass(frozen=True)
class Backfill:
    """A schema fill: `check` returns one row whose `needed` is true when `fill` has work to do
    (or no row when there is nothing to fill)."""

    name: str
    check: str
    fill: str


def _backfill(path: Path) -> Backfill:
    statements = _statements(path)
    if len(statements) != 2:
        raise CatalogError(f"{path} must hold a check and a fill, not {len(statements)} statements")
    return Backfill(path.stem, *statements)


def _statements(path: Path) -> list[str]:
    """A file's statements, separated by `;`, without `//` comment lines."""
    text = "\n".join(
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if not ln.strip().startswith("//")
    )
    return [s.strip() for s in text.split(";") if s.strip()]


def load_dialect(root: Path, dialect: str) -> dict[str, Query]:
    """Shared queries overlaid with the dialect's overrides (every name must exist for all
    dialects), and the dialect's bundles."""
    shared = {p.stem: _parse(p, dialect) for p in sorted(root.glob("*.cypher"))}
    overrides = {
        d: {p.stem: _parse(p, dialect) for p in sorted((root / d).glob("*.cypher"))}
        for d in DIALECTS
    }
    names = set(shared).union(*overrides.values())
    for name in sorted(names):
        lacking = [d for d in DIALECTS if name not in shared and name not in overrides[d]]
        if lacking:
            raise CatalogError(f"query {name} has no version for {', '.join(lacking)}")
    bundles = {
        p.stem: _parse(p, dialect) for p in sorted((root / "bundles" / dialect).glob("*.cypher"))
    }
    named_twice = sorted(names.intersection(bundles))
    if named_twice:
        raise CatalogError(f"bundles reuse the names of queries: {', '.join(named_twice)}")
    for d in DIALECTS:
        for name, query in overrides[d].items():
            base = shared.get(name) or next(
                overrides[o][name] for o in DIALECTS if name in overrides[o]
            )
            if query.params != base.params:
                raise CatalogError(f"{query.path}: params differ from {base.path}")
    return {**shared, **overrides[dialect], **bundles}
