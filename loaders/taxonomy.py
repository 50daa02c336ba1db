"""The arXiv category taxonomy bundled in ``loaders/data/categories.json``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = Path(__file__).parent / "data" / "categories.json"


@dataclass(frozen=True)
class Topic:
    """One arXiv category (e.g. math.AG) with its archive and group."""

    id: str
    name: str
    archive: str
    archive_name: str
    group: str
    group_name: str
    active: bool


class Taxonomy:
    """Category lookup; retired archive codes resolve to their current category."""

    def __init__(self, entries: Iterable[dict[str, object]]) -> None:
        self._topics: dict[str, Topic] = {}
        self._alt: dict[str, str] = {}
        for e in entries:
            topic = Topic(
                id=str(e["id"]),
                name=str(e["name"]),
                archive=str(e["archive"]),
                archive_name=str(e["archive_name"]),
                group=str(e["group"]),
                group_name=str(e["group_name"]),
                active=bool(e["is_active"]),
            )
            self._topics[topic.id] = topic
            if e.get("alt_name"):
                self._alt[topic.id] = str(e["alt_name"])
        lower: dict[str, list[str]] = {}
        for code in self._topics:
            lower.setdefault(code.casefold(), []).append(code)
        self._lower = {k: v[0] for k, v in lower.items() if len(v) == 1}

    @classmethod
    def load(cls, path: Path | str | None = None) -> Taxonomy:
        """Read the taxonomy JSON (a list of category objects); the bundled file by default."""
        with Path(path or DEFAULT_PATH).open(encoding="utf-8") as fh:
            return cls(json.load(fh))

    def resolve(self, code: str) -> Topic | None:
        """The topic for a category code, or None when unknown.

        Active codes map to themselves ("hep-ph", "cs.NA"); a retired code with an active
        ``alt_name`` maps to it ("alg-geom" -> math.AG); retired codes without one (e.g. the
        pre-2009 "astro-ph") map to their own inactive topic. Lookup is exact, then
        case-insensitive.
        """
        key = code.strip() if isinstance(code, str) else ""
        key = key if key in self._topics else self._lower.get(key.casefold(), "")
        topic = self._topics.get(key)
        if topic is None or topic.active:
            return topic
        alt = self._topics.get(self._alt.get(key, ""))
        return alt if alt is not None and alt.active else topic

    def all_topics(self) -> list[Topic]:
        """All topics, in file order, including inactive ones."""
        return list(self._topics.values())
