"""Ids made from names: readable, URL-safe, distinct and stable in every script."""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import quote

from loaders.identity import slug
from loaders.writer import institution_id
from tests.helpers import REPO

URL_SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INSTITUTIONS = [
    "清华大学",
    "北京大学",
    "東京大学",
    "서울대학교",
    "Московский университет",
    "Санкт-Петербургский университет",
    "جامعة القاهرة",
    "جامعة الملك سعود",
    "Εθνικό Μετσόβιο Πολυτεχνείο",
    "ETH Zurich",
]
PEOPLE = ["张伟", "章伟", "王芳", "Иван Петров", "Пётр Иванов", "محمد علي", "علي محمد", "김민준"]


def test_latin_ids_are_unchanged() -> None:
    assert slug("Zhi-Qin John Xu") == "zhi-qin-john-xu"
    assert slug("Péter E. Frenkel") == "peter-e-frenkel"
    assert slug("Søren Ø. Ærø") == "soren-o-aero"
    assert slug("Łukasz Straße") == "lukasz-strasse"
    assert slug("Đặng Thị") == "dang-thi"
    assert slug("Seán O’Brien – Ollscoil") == "sean-o-brien-ollscoil"
    assert institution_id("ETH Zurich") == "eth-zurich"
    assert institution_id("Université Paris-Saclay") == "universite-paris-saclay"


def test_non_latin_institution_ids_are_distinct_readable_and_url_safe() -> None:
    ids = [institution_id(name) for name in INSTITUTIONS]
    assert len(set(ids)) == len(ids), ids
    for name, iid in zip(INSTITUTIONS, ids, strict=True):
        assert URL_SAFE.match(iid), (name, iid)
        assert quote(iid, safe="") == iid
        assert iid not in ("researcher", "institution"), name
    # transliterated, so that a person can read them
    assert institution_id("清华大学").startswith("qing-hua-da-xue-")
    assert institution_id("Московский университет").startswith("moskovskii-universitet-")


def test_non_latin_researcher_ids_are_distinct_and_never_the_fallback() -> None:
    ids = [slug(name) for name in PEOPLE]
    assert len(set(ids)) == len(ids), ids  # 张伟 and 章伟 read alike but are different names
    assert all(URL_SAFE.match(rid) for rid in ids), ids
    assert "researcher" not in ids
    assert slug("张伟").startswith("zhang-wei-")


def test_ids_are_stable_across_processes() -> None:
    """The same name gives the same id in another interpreter (no per-process hash seed)."""
    names = INSTITUTIONS + PEOPLE
    code = (
        "import sys; from loaders.identity import slug; "
        "print('\\n'.join(slug(n) for n in sys.stdin.read().split('\\n')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        input="\n".join(names),
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={"PYTHONHASHSEED": "123", "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    ).stdout.split("\n")[: len(names)]
    assert out == [slug(n) for n in names]
    assert slug(" 清华大学 ") == slug("清华大学")  # the folded name decides
