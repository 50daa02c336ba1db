"""The bundled arXiv taxonomy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.taxonomy import DEFAULT_PATH, Taxonomy, Topic


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


def test_bundled_file_is_next_to_the_module() -> None:
    assert DEFAULT_PATH.is_file()
    assert DEFAULT_PATH.parent.name == "data"


def test_all_topics(taxonomy: Taxonomy) -> None:
    topics = taxonomy.all_topics()
    assert len(topics) == 185
    assert len({t.id for t in topics}) == 185
    assert all(isinstance(t, Topic) for t in topics)


def test_resolve_current_category(taxonomy: Taxonomy) -> None:
    assert taxonomy.resolve("math.AG") == Topic(
        id="math.AG",
        name="Algebraic Geometry",
        archive="math",
        archive_name="Mathematics",
        group="grp_math",
        group_name="Mathematics",
        active=True,
    )
    hep = taxonomy.resolve("hep-ph")
    assert hep is not None and hep.id == "hep-ph" and hep.active


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("alg-geom", "math.AG"),
        ("dg-ga", "math.DG"),
        ("funct-an", "math.FA"),
        ("q-alg", "math.QA"),
        ("chao-dyn", "nlin.CD"),
        ("solv-int", "nlin.SI"),
        ("cmp-lg", "cs.CL"),
        ("mtrl-th", "cond-mat.mtrl-sci"),
        ("supr-con", "cond-mat.supr-con"),
        ("plasm-ph", "physics.plasm-ph"),
        # Active aliases of each other stay themselves.
        ("cs.NA", "cs.NA"),
        ("math.NA", "math.NA"),
        ("math-ph", "math-ph"),
        ("math.MP", "math.MP"),
        ("hep-th", "hep-th"),
        ("cs.LG", "cs.LG"),
        (" stat.ML ", "stat.ML"),
        ("MATH.ag", "math.AG"),
    ],
)
def test_resolve(taxonomy: Taxonomy, code: str, expected: str) -> None:
    topic = taxonomy.resolve(code)
    assert topic is not None
    assert topic.id == expected


def test_retired_archive_without_successor_is_itself(taxonomy: Taxonomy) -> None:
    topic = taxonomy.resolve("astro-ph")
    assert topic is not None and topic.id == "astro-ph" and not topic.active


@pytest.mark.parametrize("code", ["", "bogus", "math", "cs.XX", "hep-th/9901001"])
def test_unknown_is_none(taxonomy: Taxonomy, code: str) -> None:
    assert taxonomy.resolve(code) is None


def test_load_explicit_path(tmp_path: Path) -> None:
    path = tmp_path / "cats.json"
    entry = {
        "id": "x.Y",
        "name": "Why",
        "archive": "x",
        "archive_name": "Ex",
        "group": "grp_x",
        "group_name": "X",
        "is_active": True,
        "alt_name": None,
    }
    path.write_text(json.dumps([entry]), encoding="utf-8")
    taxonomy = Taxonomy.load(path)
    assert [t.id for t in taxonomy.all_topics()] == ["x.Y"]
    assert taxonomy.resolve("alg-geom") is None
