"""Author-name cleaning, parsing, keys and compatibility."""

from __future__ import annotations

import random
import re
import sys
import unicodedata

import pytest

from graphsvc.names import (
    ParsedName,
    block_key,
    clean_name,
    collapse_spaces,
    completeness,
    fold,
    fold_once,
    from_parts,
    given_compatible,
    initials_only,
    name_key,
    parse_name,
)


def test_collapse_spaces_is_the_regex_it_replaced() -> None:
    """`re.sub(r"\\s+", " ", text).strip()`, faster: the same whitespace (every code point
    checked) and the same result on strings of letters and every kind of whitespace."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    assert spaces == [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    rng = random.Random(7)
    alphabet = ["a", "é", "-", *spaces]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert collapse_spaces(text) == re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # LaTeX author strings from the 200-line snapshot sample.
        (r"C. Bal\'azs", "C. Balázs"),
        (r"P\'eter E. Frenkel", "Péter E. Frenkel"),
        (r"R. Tom\`as", "R. Tomàs"),
        (r"Mikkel {\O}bro", "Mikkel Øbro"),
        (r"Rastislav \v{S}r\'amek", "Rastislav Šrámek"),
        (r"Bro\v{n}a Brejov\'a", "Broňa Brejová"),
        (r"Tom\'a\v{s} Vina\v{r}", "Tomáš Vinař"),
        (r"Franz G\"ahler", "Franz Gähler"),
        (r"Thomas M\"uller", "Thomas Müller"),
        (r"{\"o}", "ö"),
        (r"Paul Erd\H{o}s", "Paul Erdős"),
        ("A. Dall'Aglio", "A. Dall'Aglio"),
        ("  Zhi-Qin   John\n Xu , ", "Zhi-Qin John Xu"),
        ("C. -P. Yuan", "C.-P. Yuan"),
        ("José García", "José García"),
        ("Jose\u0301", "José"),  # NFC
        ("{Smith}", "Smith"),
    ],
)
def test_clean_name(raw: str, expected: str) -> None:
    assert clean_name(raw) == expected


@pytest.mark.parametrize(
    "garbage", ["", "   ", "{}", "\\", "\\v", "}{\\\\", "$", "%", ",,,", "-", "{\\'}"]
)
def test_clean_name_never_raises_on_garbage(garbage: str) -> None:
    assert clean_name(garbage) == ""


def test_clean_name_non_string_is_empty() -> None:
    assert clean_name(None) == ""  # lru_cache types its argument as any hashable


def test_fold() -> None:
    assert fold("  José   GARCÍA ") == "jose garcia"
    assert fold("Øbro Straße Łukasz Đorđe Æsir") == "obro strasse lukasz dorde aesir"
    assert fold("Šrámek") == "sramek"


def test_fold_once_takes_a_short_path_for_ascii_with_the_same_result() -> None:
    """ASCII text skips decomposition; the result is the decomposing fold's, for every ASCII
    character between letters and for a title."""

    def decomposing_fold(text: str) -> str:  # the long path, for text with nothing to map
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        return re.sub(r"\s+", " ", stripped.casefold()).strip()

    for code in range(128):
        text = f" A{chr(code)}b "
        assert fold_once(text) == decomposing_fold(text)
    title = "  Deep\tLearning   of  SCHRODINGER's Cat\n"
    assert fold_once(title) == decomposing_fold(title) == "deep learning of schrodinger's cat"
    assert fold_once("Schrödinger  Équation") == fold("Schrödinger  Équation")


@pytest.mark.parametrize(
    ("name", "family", "given"),
    [
        ("Zhi-Qin John Xu", "Xu", ("Zhi-Qin", "John")),
        ("Z.-Q. J. Xu", "Xu", ("Z.-Q.", "J.")),
        ("Xu, Zhi-Qin John", "Xu", ("Zhi-Qin", "John")),
        ("Evans, Neal J., II", "Evans", ("Neal", "J.")),
        ("Neal J. Evans II", "Evans", ("Neal", "J.")),
        ("Martin Luther King Jr.", "King", ("Martin", "Luther")),
        ("Ludwig van Beethoven", "van Beethoven", ("Ludwig",)),
        ("Floris van der Tak", "van der Tak", ("Floris",)),
        ("Robert P. C. de Marrais", "de Marrais", ("Robert", "P.", "C.")),
        ("M. Lopez de Haro", "de Haro", ("M.", "Lopez")),
        ("Paolo Di Vecchia", "Di Vecchia", ("Paolo",)),
        ("Hans De Raedt", "De Raedt", ("Hans",)),
        ("van Beethoven", "van Beethoven", ()),
        ("Weinan E", "E", ("Weinan",)),
        ("Sudha", "Sudha", ()),
        ("The BABAR Collaboration", "The BABAR Collaboration", ()),
        (r"Rastislav \v{S}r\'amek", "Šrámek", ("Rastislav",)),
        ("", "", ()),
    ],
)
def test_parse_name(name: str, family: str, given: tuple[str, ...]) -> None:
    assert parse_name(name) == ParsedName(family, given)


def test_from_parts() -> None:
    assert from_parts("Xu", "Zhi-Qin John", "") == "Zhi-Qin John Xu"
    assert from_parts("Evans", "Neal J.", "II") == "Neal J. Evans II"
    assert from_parts("Yuan", "C. -P.", "") == "C.-P. Yuan"
    assert from_parts("van der Tak", "Floris", "") == "Floris van der Tak"
    assert from_parts("The BABAR Collaboration", "", "") == "The BABAR Collaboration"
    assert from_parts("Sr\\'amek", "Rastislav") == "Rastislav Srámek"


def test_from_parts_round_trips_family_for_particles() -> None:
    for last, first in [("de Haro", "M. Lopez"), ("van Smaalen", "Sander"), ("Di Vecchia", "P.")]:
        assert parse_name(from_parts(last, first)).family == last


def test_name_key() -> None:
    assert name_key("Zhi-Qin John Xu") == "xu|zhi qin john"
    assert name_key("Xu, Zhi-Qin John") == "xu|zhi qin john"
    assert name_key("Zhi Qin John Xu") == "xu|zhi qin john"
    assert name_key("Z.-Q. J. Xu") == "xu|z q j"
    assert name_key("José García") == name_key("Jose Garcia") == "garcia|jose"
    assert name_key("Mikkel Øbro") == name_key("mikkel obro")
    assert name_key("Neal J. Evans II") == name_key("Neal J. Evans")
    assert name_key("Zhi-Qin Xu") != name_key("Zhi-Wei Xu")
    assert name_key("Weinan E") == "e|weinan"
    assert name_key(ParsedName("Xu", ("Zhi-Qin",))) == "xu|zhi qin"


def test_block_key() -> None:
    assert block_key("Zhi-Qin John Xu") == "xu|z"
    assert block_key("Z. Xu") == "xu|z"
    assert block_key("Zhi-Wei Xu") == "xu|z"
    assert block_key("Xu") == "xu|"
    assert block_key("Ludwig van Beethoven") == "van beethoven|l"
    assert block_key("Élodie Dupont") == "dupont|e"


XU_SAME = ["Zhi-Qin John Xu", "Zhi-Qin Xu", "Z.-Q. J. Xu", "Z. J. Xu", "Zhi-Qin J. Xu", "Z. Xu"]


@pytest.mark.parametrize("a", XU_SAME)
@pytest.mark.parametrize("b", XU_SAME)
def test_given_compatible_variants(a: str, b: str) -> None:
    pa, pb = parse_name(a), parse_name(b)
    assert given_compatible(pa, pb)
    assert block_key(a) == block_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zhi-Qin Xu", "Zhi-Wei Xu"),
        ("Zhi-Qin John Xu", "Zhi-Wei Xu"),
        ("Z.-Q. Xu", "Z.-W. Xu"),
        ("John Smith", "Jane Smith"),
        ("Zhi-Qin Xu", "Zhi Xu"),  # a full "Zhi" is not "Zhi-Qin"
        ("Zhi-Qin Xu", "Zhi-Qin Hu"),
        ("Zhi-Qin Xu", "Xu"),
        ("Xiao-Lin Chen", "Xiao-Dong Chen"),
        ("Wei-Zhen Deng", "Wei Deng"),
    ],
)
def test_given_incompatible(a: str, b: str) -> None:
    assert not given_compatible(parse_name(a), parse_name(b))
    assert not given_compatible(parse_name(b), parse_name(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("José García", "Jose Garcia"),
        ("Zhiqin Xu", "Zhi-Qin Xu"),
        ("V.N. Tolstoy", "Vladimir N. Tolstoy"),
        ("C.-P. Yuan", "Chien-Peng Yuan"),
        ("J.-N. Fuchs", "Jean-Noël Fuchs"),
        ("Weinan E", "W. E"),
        ("Ludwig van Beethoven", "L. van Beethoven"),
        ("Paul H. M. van Loosdrecht", "Paul van Loosdrecht"),
        ("Xu, Zhi-Qin", "Zhi-Qin John Xu"),
        ("Xu", "Xu"),
    ],
)
def test_given_compatible_more(a: str, b: str) -> None:
    assert given_compatible(parse_name(a), parse_name(b))
    assert given_compatible(parse_name(b), parse_name(a))
    assert block_key(a) == block_key(b)


def test_compatibility_is_not_transitive() -> None:
    z, qin, wei = parse_name("Z. Xu"), parse_name("Zhi-Qin Xu"), parse_name("Zhi-Wei Xu")
    assert given_compatible(z, qin) and given_compatible(z, wei)
    assert not given_compatible(qin, wei)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("J. Garcia", True),
        ("J Garcia", True),
        ("Z.-Q. J. Xu", True),
        ("V.N. Smith", True),
        ("Garcia, J.", True),
        ("Zhi-Qin J. Xu", False),
        ("Zhi-Q. Xu", False),  # a spelled-out part tells
        ("Jose Garcia", False),
        ("Garcia", False),  # no given name at all
        ("The ATLAS Collaboration", False),
    ],
)
def test_initials_only(name: str, expected: bool) -> None:
    assert initials_only(name) is expected


def test_completeness_picks_most_complete_variant() -> None:
    assert max(XU_SAME, key=completeness) == "Zhi-Qin John Xu"
    assert max(["Z. Xu", "Z.-Q. Xu"], key=completeness) == "Z.-Q. Xu"
    assert max(["Jose Garcia", "José García"], key=completeness) == "José García"
    assert max(["Zhi-Qin J. Xu", "Z.-Q. J. Xu"], key=completeness) == "Zhi-Qin J. Xu"
    # Ties fall back to the string, so the choice does not depend on input order.
    assert max(["B. Xu", "A. Xu"], key=completeness) == max(["A. Xu", "B. Xu"], key=completeness)
