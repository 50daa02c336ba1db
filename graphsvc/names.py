"""Author names: LaTeX cleaning, accent folding, parsing, identity keys and compatibility.

Keys and compatibility (what the writer relies on):

* ``name_key`` is equal exactly when two printed names are the same modulo accents, case,
  hyphens, dots and apostrophes ("José García" == "Jose Garcia", "Zhi-Qin" == "Zhi Qin").
* ``block_key`` is folded family + first given initial; compatible names always share it.
* ``given_compatible`` says two names *could* be one person (initials vs full names, dropped
  middle names). It is not transitive: "Z. Xu" is compatible with both "Zhi-Qin Xu" and
  "Zhi-Wei Xu", which are not compatible with each other.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from pylatexenc.latex2text import LatexNodes2Text

# Names repeat a lot in a corpus: the pure functions below are memoized.
_CACHE = 1 << 18

__all__ = [
    "ParsedName",
    "block_key",
    "clean_name",
    "completeness",
    "fold",
    "fold_once",
    "from_parts",
    "given_compatible",
    "name_count_keys",
    "name_key",
    "parse_name",
    "slug",
]

logging.getLogger("pylatexenc").setLevel(logging.ERROR)

_LATEX = LatexNodes2Text()
_LATEX_CHARS = re.compile(r"[\\{}$~]")
_EDGE_PUNCT = ",;:"
# Letters that NFKD does not decompose into base + combining mark.
_FOLD_MAP = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "ẞ": "SS",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
        "ŀ": "l",
        "Ŀ": "L",
        "ŧ": "t",
        "Ŧ": "T",
    }
)
_PARTICLES = frozenset(
    {"van", "von", "de", "da", "di", "del", "della", "der", "den", "le", "la", "du", "dos",
     "das", "bin", "al", "ten", "ter", "zu"}
)  # fmt: skip
# Capitalized forms attached too; others ("Le", "Du", "Da", "Van", ...) are common given or
# family names on their own, so only their lowercase form counts as a particle.
_CAP_PARTICLES = frozenset({"De", "Di", "Del", "Della", "Von"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_KEY_PUNCT = re.compile(r"[-‐‑–.'’`|]")
_SPACED_HYPHEN = re.compile(r"(?<=\.) -\s?(?=\w)")
_COLLECTIVE = re.compile(r"\b(collaboration|consortium|collaborators)\b", re.IGNORECASE)
_DOTTED_INITIALS = re.compile(r"(?:\w\.)+\w?\.?", re.UNICODE)
_SYLLABLE = re.compile(r"(?<=[a-z])(?=[A-Z])")  # anyascii capitalizes each CJK syllable


def collapse_spaces(text: str) -> str:
    """Each run of whitespace as one space, none at the ends (`str.split`'s whitespace, which
    is `re`'s `\\s`; four times faster than a regex on an abstract)."""
    return " ".join(text.split())


@lru_cache(maxsize=_CACHE)
def clean_name(raw: str) -> str:
    """LaTeX to Unicode, NFC, collapsed whitespace, no stray braces or edge commas.

    Never raises: returns a best effort, or "" when no letter or digit is left.
    """
    if not isinstance(raw, str):
        return ""
    text = raw
    if _LATEX_CHARS.search(text):
        try:
            text = _LATEX.latex_to_text(text.replace("%", r"\%"))
        except Exception:
            text = raw
    text = unicodedata.normalize("NFC", text)
    # Combining marks left without a base letter (e.g. from a dangling "\v").
    text = re.sub(r"(^|\s)[\u0300-\u036f]+", r"\1", text)
    text = "".join(ch for ch in text if ch.isprintable() or ch.isspace())
    text = text.replace("\\", " ").replace("{", "").replace("}", "")
    text = collapse_spaces(text)
    text = _SPACED_HYPHEN.sub("-", text)  # arXiv's "C. -P." -> "C.-P."
    text = text.strip(_EDGE_PUNCT + " ")
    return text if any(ch.isalnum() for ch in text) else ""


@lru_cache(maxsize=_CACHE)
def fold(text: str) -> str:
    """Accent-folded, casefolded, whitespace-collapsed text for search and keys (memoized:
    for names, which repeat; `fold_once` is the same for text met once, such as titles)."""
    return fold_once(text)


def fold_once(text: str) -> str:
    """`fold` without the memo, so that unique text does not push names out of it."""
    if text.isascii():  # nothing to decompose or map: the same result, sooner
        return collapse_spaces(text.lower())
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return collapse_spaces(stripped.translate(_FOLD_MAP).casefold())


@dataclass(frozen=True)
class ParsedName:
    """A name split into family name and given-name tokens as printed."""

    family: str
    given: tuple[str, ...] = ()


def _is_suffix(token: str) -> bool:
    return token.rstrip(".,").casefold() in _SUFFIXES


@lru_cache(maxsize=_CACHE)
def parse_name(name: str) -> ParsedName:
    """Split a display name into family and given names.

    "Last, First" comma form is accepted; suffixes (Jr., Sr., II, III, IV) are dropped;
    collaborations ("The BABAR Collaboration") are all family name; particles join the family
    name (lowercase ones always; "De", "Di", "Del", "Della", "Von" only after a given name);
    a single token is a family name; otherwise the last token is the family name
    ("Weinan E" -> family "E").
    """
    text = clean_name(name)
    if _COLLECTIVE.search(text):
        return ParsedName(text, ())
    if "," in text:
        parts = [p.strip() for p in text.split(",")]
        parts = [p for p in parts if p and not _is_suffix(p)]
        if len(parts) >= 2:
            family = " ".join(t for t in parts[0].split() if not _is_suffix(t))
            given = tuple(t for p in parts[1:] for t in p.split() if not _is_suffix(t))
            if family:
                return ParsedName(family, given)
        text = " ".join(parts)
    tokens = text.split()
    while len(tokens) > 1 and _is_suffix(tokens[-1]):
        tokens.pop()
    if not tokens:
        return ParsedName("", ())
    i = len(tokens) - 1
    while i > 0 and (tokens[i - 1] in _PARTICLES or (i > 1 and tokens[i - 1] in _CAP_PARTICLES)):
        i -= 1
    return ParsedName(" ".join(tokens[i:]), tuple(tokens[:i]))


def from_parts(last: str, first: str, suffix: str = "") -> str:
    """Display name from an ``authors_parsed`` triple: "First Last Suffix", cleaned."""
    pieces = [clean_name(p) for p in (first, last, suffix) if isinstance(p, str)]
    return clean_name(" ".join(p for p in pieces if p))


def _norm(text: str) -> str:
    """Folded text with hyphens, dots and apostrophes dropped to spaces."""
    return collapse_spaces(_KEY_PUNCT.sub(" ", fold(text)))


def _as_parsed(name: str | ParsedName) -> ParsedName:
    return name if isinstance(name, ParsedName) else parse_name(name)


@lru_cache(maxsize=_CACHE)
def name_key(name: str | ParsedName) -> str:
    """Folded family + "|" + folded given names: "Zhi-Qin John Xu" -> "xu|zhi qin john"."""
    p = _as_parsed(name)
    return f"{_norm(p.family)}|{_norm(' '.join(p.given))}"


@lru_cache(maxsize=_CACHE)
def block_key(name: str | ParsedName) -> str:
    """Folded family + "|" + first given initial ("xu|z"); "" initial without given names."""
    p = _as_parsed(name)
    given = _norm(" ".join(p.given))
    return f"{_norm(p.family)}|{given[:1]}"


# A given-name token as units: (initial, full folded name or None when only an initial).
_Unit = tuple[str, str | None]


@lru_cache(maxsize=_CACHE)
def _tokens(given: tuple[str, ...]) -> list[list[_Unit]]:
    """Given names as tokens of units; "V.N." is split into two tokens, "Z.-Q." stays one."""
    out: list[list[_Unit]] = []
    for raw in given:
        pieces = [raw]
        if "-" not in raw and _DOTTED_INITIALS.fullmatch(raw):
            pieces = [p + "." for p in raw.split(".") if p]
        for piece in pieces:
            units: list[_Unit] = []
            for part in re.split(r"[-‐‑–]", piece):
                folded = _norm(part).replace(" ", "")
                if not folded:
                    continue
                initial_only = len(folded) == 1 or part.endswith(".")
                units.append((folded[0], None if initial_only else folded))
            if units:
                out.append(units)
    return out


def _token_match(a: list[_Unit], b: list[_Unit]) -> bool:
    if all(f is not None for _, f in a) and all(f is not None for _, f in b):
        return "".join(f or "" for _, f in a) == "".join(f or "" for _, f in b)
    for (ia, fa), (ib, fb) in zip(a, b, strict=False):
        if ia != ib or (fa is not None and fb is not None and fa != fb):
            return False
    if len(a) == len(b):
        return True
    shorter = a if len(a) < len(b) else b
    return shorter[-1][1] is None


def _embeds(short: list[list[_Unit]], long: list[list[_Unit]]) -> bool:
    it = iter(long)
    return all(any(_token_match(s, t) for t in it) for s in short)


@lru_cache(maxsize=_CACHE)
def given_compatible(a: ParsedName, b: ParsedName) -> bool:
    """True when two names could denote the same person.

    Rule: the folded family names are equal, and either both have no given names, or
    (1) the first given tokens match and (2) the remaining tokens of one name appear, in order,
    among the remaining tokens of the other (middle names may be dropped). Tokens match when
    both are fully spelled and equal ignoring accents/case/hyphens ("Zhiqin" == "Zhi-Qin"), or
    unit by unit (hyphen parts) with equal initials and equal full parts where both are full;
    an abbreviated token may cover a longer one ("Z." ~ "Zhi-Qin", "Zhi-Q." ~ "Zhi-Qin") but a
    full "Zhi" is not "Zhi-Qin". So "Zhi-Qin John" ~ "Zhi-Qin" ~ "Z.-Q. J." ~ "Z. J.", while
    "Zhi-Qin" !~ "Zhi-Wei", "John" !~ "Jane", "Z.-Q." !~ "Z.-W.".
    """
    if _norm(a.family) != _norm(b.family):
        return False
    ta, tb = _tokens(a.given), _tokens(b.given)
    if not ta or not tb:
        return not ta and not tb
    if not _token_match(ta[0], tb[0]):
        return False
    return _embeds(ta[1:], tb[1:]) or _embeds(tb[1:], ta[1:])


def initials_only(name: str | ParsedName) -> bool:
    """True when every given name is printed as an initial ("J. Garcia", "Z.-Q. J. Xu"): a name
    that every given name of those initials could print."""
    tokens = _tokens(_as_parsed(name).given)
    return bool(tokens) and all(full is None for token in tokens for _, full in token)


@lru_cache(maxsize=_CACHE)
def completeness(name: str) -> tuple[int, int, int, str]:
    """Sort key to pick the display variant: ``max(variants, key=completeness)``.

    Orders by full given-name parts, then all given-name parts, then non-ASCII letters
    (prefers "José" over "Jose"), then the string itself for a deterministic tie-break.
    """
    text = clean_name(name)
    units = [u for t in _tokens(parse_name(text).given) for u in t]
    full = sum(1 for _, f in units if f is not None)
    accents = sum(1 for ch in text if ord(ch) > 127)
    return (full, len(units), accents, text)


def slug(text: str, fallback: str = "researcher") -> str:
    """A readable URL-safe id fragment: folded, lower-case, runs of other characters as '-'.

    Letters that folding leaves outside ASCII (Chinese, Cyrillic, Arabic, ...) are
    transliterated (`anyascii`: 清华大学 -> qing-hua-da-xue) and, since transliteration can
    make two names alike (张伟, 章伟), a short hash of the folded name is appended: distinct
    and the same on every run. Latin names keep the ids they always had. `fallback` stands in
    for a name that leaves no letter or digit at all.
    """
    folded = fold(text)
    base = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if not any(ch.isalnum() and not ch.isascii() for ch in folded):
        return base or fallback  # punctuation such as ’ stays a separator, as it always was
    # NFC joins what folding took apart (Hangul syllables); "ZhangWei" -> "Zhang-Wei"
    spelled = _SYLLABLE.sub("-", anyascii(unicodedata.normalize("NFC", folded)))
    base = re.sub(r"[^a-z0-9]+", "-", spelled.lower()).strip("-") or fallback
    digest = hashlib.sha256(folded.encode("utf-8")).hexdigest()[:8]
    return f"{base}-{digest}"


@lru_cache(maxsize=_CACHE)
def name_count_keys(name: str | ParsedName) -> tuple[str, ...]:
    """The name counts a researcher's display name adds to: every researcher ("all"), its
    folded family name ("f|xu") and, when spelled out, its first given name ("g|zhiqin")."""
    p = _as_parsed(name)
    keys = ["all", f"f|{_norm(p.family)}"]
    first = _tokens(p.given)[:1]
    if first and all(full is not None for _, full in first[0]):
        keys.append("g|" + "".join(full or "" for _, full in first[0]))
    return tuple(keys)


_ARXIV = re.compile(
    r"(?i:arxiv:|(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)?"
    r"(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"
)


def normalise_arxiv_id(text: str) -> str | None:
    """``1204.1234`` from ``arXiv:1204.1234v2``, ``hep-th/9901001v1``, an abs URL; else None."""
    found = _ARXIV.fullmatch(text.strip())
    return found.group(1) if found else None
