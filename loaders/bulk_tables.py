"""The graph a bulk plan describes, as typed tables: one per node label and relationship type,
with the columns of the schema (`cypher/schema/`) in order. Every bulk writer takes these;
`COPY_QUERIES` names the stored query that loads each table (`COPY FROM` on the embedded
engine, `UNWIND ... CREATE` on Neo4j). The large tables are `LazyRows`: each row is made as the
writer reads it, so a table of millions of rows is never held as dicts."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from graphsvc.store import affiliations, layer, name_words
from graphsvc.store.layer_tables import LayerTables, layer_tables
from graphsvc.store.params import NO_YEAR
from graphsvc.store.researchers import researcher_row, search_text
from loaders.bulk import BulkState

Row = dict[str, Any]
T_co = TypeVar("T_co", covariant=True)


class Counted(Protocol[T_co]):
    """Items counted, then iterated (once or more)."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[T_co]: ...


Rows = Counted[Row]  # a table's rows as the writers read them


class LazyRows:
    """Rows made from `source`'s items by `make` as they are iterated; the length is the
    source's."""

    def __init__(self, source: Counted[Any], make: Callable[[Any], Row]) -> None:
        self._source = source
        self._make = make

    def __len__(self) -> int:
        return len(self._source)

    def __iter__(self) -> Iterator[Row]:
        return map(self._make, self._source)


class _Counted:
    """The items `make` yields, made again at each iteration; counted once, by iterating."""

    def __init__(self, make: Callable[[], Iterator[Any]]) -> None:
        self._make = make
        self._length: int | None = None

    def __len__(self) -> int:
        if self._length is None:
            self._length = sum(1 for _ in self._make())
        return self._length

    def __iter__(self) -> Iterator[Any]:
        return self._make()


@dataclass(frozen=True)
class Table:
    """A node label (`key`: its id property) or a relationship type (`ends`: the labels it
    joins; rows carry the ends' ids as `from` and `to`). Types: string, long, double, boolean,
    date, and lists of string or long (`string[]`, `long[]`)."""

    name: str
    columns: tuple[tuple[str, str], ...]
    key: str = ""
    ends: tuple[str, str] = ("", "")


def _cols(spec: str) -> tuple[tuple[str, str], ...]:
    return tuple((c.split(":")[0], c.split(":")[1]) for c in spec.split())


NODES = (
    Table(
        "Researcher",
        _cols(
            "id:string name:string name_key:string block_key:string search_text:string "
            "aliases:string[] block_peer:boolean works_count:long topics_count:long "
            "coauthors_count:long"
        ),
        key="id",
    ),
    Table(
        "Work",
        _cols(
            "arxiv_id:string version:long title:string title_folded:string abstract:string "
            "published:date updated:date year:long doi:string journal_ref:string "
            "comment:string primary_category:string authors_count:long authors_ordered:boolean "
            "team_work:boolean"
        ),
        key="arxiv_id",
    ),
    Table(
        "Topic",
        _cols(
            "id:string name:string archive:string archive_name:string group_id:string "
            "group_name:string works:long top_ids:string[] top_counts:long[] recent_ids:string[] "
            "recent_days:long[]"
        ),
        key="id",
    ),
    Table("Institution", _cols("id:string name:string"), key="id"),
    Table(
        "Team",
        _cols("id:string name:string aliases:string[] works:long members:long"),
        key="id",
    ),
    Table("Stat", _cols("id:string n:long"), key="id"),
    Table("NameCount", _cols("key:string n:long"), key="key"),
    Table("NameWord", _cols("word:string"), key="word"),
    Table(
        "MergedId",
        _cols(
            "id:string into:string works:string[] name:string aliases:string[] "
            "into_aliases:string[]"
        ),
        key="id",
    ),
    Table("IngestState", _cols("source:string position:long"), key="source"),
)
RELATIONSHIPS = (
    Table(
        "AUTHORED",
        _cols("position:long institutions:string[]"),
        ends=("Researcher", "Work"),
    ),
    Table("HAS_TOPIC", _cols("is_primary:boolean"), ends=("Work", "Topic")),
    Table(
        "AFFILIATED_WITH",
        _cols("first_year:long last_year:long works:long"),
        ends=("Researcher", "Institution"),
    ),
    Table("BY_TEAM", (), ends=("Work", "Team")),
    Table("HAS_WORD", (), ends=("Researcher", "NameWord")),
    Table("COAUTHOR", _cols("works:long newman:double"), ends=("Researcher", "Researcher")),
    Table("WORKS_IN", _cols("works:long personal:long"), ends=("Researcher", "Topic")),
    Table("MEMBER_OF", _cols("works:long"), ends=("Researcher", "Team")),
    Table("COOCCURS", _cols("works:long"), ends=("Topic", "Topic")),
)
COPY_QUERIES = {
    "Researcher": "bulk_copy_researcher",
    "Work": "bulk_copy_work",
    "Topic": "bulk_copy_topic",
    "Institution": "bulk_copy_institution",
    "Team": "bulk_copy_team",
    "Stat": "bulk_copy_stat",
    "NameCount": "bulk_copy_namecount",
    "NameWord": "bulk_copy_nameword",
    "MergedId": "bulk_copy_mergedid",
    "IngestState": "bulk_copy_ingeststate",
    "AUTHORED": "bulk_copy_authored",
    "HAS_TOPIC": "bulk_copy_has_topic",
    "AFFILIATED_WITH": "bulk_copy_affiliated_with",
    "BY_TEAM": "bulk_copy_by_team",
    "HAS_WORD": "bulk_copy_has_word",
    "COAUTHOR": "bulk_copy_coauthor",
    "WORKS_IN": "bulk_copy_works_in",
    "MEMBER_OF": "bulk_copy_member_of",
    "COOCCURS": "bulk_copy_cooccurs",
}
TABLES = {t.name: t for t in (*NODES, *RELATIONSHIPS)}


class GraphTables(Mapping[str, Rows]):
    """Every table's rows: the graph an incremental load of the same items leaves. A table is
    built when asked for (again at each access), so only one is held at a time besides the
    plan; the collaboration layer's rows, which several tables use, are computed once."""

    def __init__(self, st: BulkState, *, team_min_authors: int) -> None:
        self._st = st
        self._builders: dict[str, Callable[[], Rows]] = {
            "Researcher": self._researchers,
            "Work": lambda: LazyRows(st.works, _work),
            "Topic": lambda: [
                {**t, **self._layer.topic_stats[t["id"]]} for _, t in sorted(st.topics.items())
            ],
            "Institution": lambda: [
                {"id": i, "name": n} for i, n in sorted(st.institutions.items())
            ],
            "Team": lambda: [
                {
                    "id": tid,
                    "name": name,
                    "aliases": sorted(aliases),
                    **self._layer.team_counts[tid],
                }
                for tid, (name, aliases) in sorted(st.teams.items())
            ],
            "Stat": lambda: _stats(st, self._layer.with_topic, team_min_authors),
            "NameCount": lambda: [{"key": k, "n": st.name_counts[k]} for k in sorted(st.name_keys)],
            "NameWord": lambda: [{"word": w} for w in sorted({w for _, w in self._name_words()})],
            "MergedId": lambda: [
                {**m, "into": st.final_id(m["into"])} for _, m in sorted(st.merged.items())
            ],
            "IngestState": lambda: _positions(st),
            "AUTHORED": self._authored,
            "HAS_TOPIC": lambda: LazyRows(
                st.work_topics,
                lambda r: {"from": r["work"], "to": r["topic"], "is_primary": r["is_primary"]},
            ),
            "AFFILIATED_WITH": self._affiliated,
            "BY_TEAM": lambda: LazyRows(
                st.work_teams, lambda r: {"from": r["work"], "to": r["team"]}
            ),
            "HAS_WORD": lambda: LazyRows(
                _Counted(self._name_words), lambda p: {"from": p[0], "to": p[1]}
            ),
            "COAUTHOR": lambda: LazyRows(self._layer.coauthor, _coauthor),
            "WORKS_IN": lambda: LazyRows(
                self._layer.works_in, lambda r: _ends(r, "researcher", "topic")
            ),
            "MEMBER_OF": lambda: LazyRows(
                self._layer.member_of, lambda r: _ends(r, "researcher", "team")
            ),
            "COOCCURS": lambda: LazyRows(self._layer.cooccurs, lambda r: _ends(r, "a", "b")),
        }

    def __getitem__(self, name: str) -> Rows:
        return self._builders[name]()

    def __iter__(self) -> Iterator[str]:
        return iter(self._builders)

    def __len__(self) -> int:
        return len(self._builders)

    @functools.cached_property
    def _layer(self) -> LayerTables:
        st = self._st
        return layer_tables(
            type(f)(
                arxiv_id=f.arxiv_id,
                authors=tuple(sorted({st.final_id(a) for a in f.authors})),
                topics=f.topics,
                teams=f.teams,
                team_work=f.team_work,
                published=f.published,
            )
            for f in st.facts
        )

    def _researchers(self) -> list[Row]:
        zero = {"works_count": 0, "topics_count": 0, "coauthors_count": 0}
        counts = self._layer.researcher_counts
        return [
            {
                **researcher_row(r.id, r.name, r.aliases, block_peer=r.block_peer),
                **counts.get(r.id, zero),
            }
            for r in sorted(self._st.researchers.values(), key=lambda r: r.id)
        ]

    def _name_words(self) -> Iterator[tuple[str, str]]:
        """(researcher id, word) for every word of every researcher's names."""
        for r in self._st.researchers.values():
            for word in name_words.words_of(search_text(r.name, r.aliases)):
                yield r.id, word

    def _authored(self) -> Rows:
        final_id = self._st.final_id
        return LazyRows(
            self._st.authorships,
            lambda a: {
                "from": final_id(a["researcher"]),
                "to": a["work"],
                "position": a["position"],
                "institutions": a["institutions"],
            },
        )

    def _affiliated(self) -> list[Row]:
        st = self._st
        years = {w["arxiv_id"]: _year(w["year"]) for w in st.works}
        affiliated = [
            {**a, "researcher": st.final_id(a["researcher"]), "year": years[a["work"]]}
            for a in st.authorships
            if a["institutions"]
        ]
        return [
            {
                "from": r["researcher"],
                "to": r["institution"],
                "first_year": _year(r["first_year"]),
                "last_year": _year(r["last_year"]),
                "works": r["works"],
            }
            for r in affiliations.rows(affiliated)
        ]


def _work(row: Row) -> Row:
    return {
        **row,
        "published": _date(row["published"]),
        "updated": _date(row["updated"]),
        "year": _year(row["year"]),
    }


def _date(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


def _year(value: int) -> int | None:
    return None if value == NO_YEAR else value


def _stats(st: BulkState, with_topic: int, team_min_authors: int) -> list[Row]:
    rows = []
    if st.with_topic_written:
        rows.append({"id": layer.WORKS_WITH_TOPIC, "n": with_topic})
    if st.commits:
        rows.append({"id": layer.LAYER_VERSION_STAT, "n": layer.LAYER_VERSION})
        rows.append({"id": layer.TEAM_MIN_AUTHORS_STAT, "n": team_min_authors})
    return rows


def _positions(st: BulkState) -> list[Row]:
    """Each source's resume position, and the graph's change counters (one per batch)."""
    rows = [{"source": s, "position": p} for s, p in sorted(st.positions.items())]
    if st.commits:
        rows.append({"source": "__graph__", "position": st.commits})
        rows.append({"source": "__identity__", "position": st.commits})
    return rows


def _coauthor(pair: tuple[str, str, int, float]) -> Row:
    a, b, works, newman = pair
    return {"from": a, "to": b, "works": works, "newman": newman}


def _ends(row: Row, a: str, b: str) -> Row:
    rest = {k: v for k, v in row.items() if k not in (a, b)}
    return {"from": row[a], "to": row[b], **rest}
