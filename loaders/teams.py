"""Team names in author lists: "The ATLAS Collaboration" is a team, never a researcher.

A printed author name is a team name when, as a whole word and in any case, it holds
"collaboration(s)" or "consortium"/"consortia", or ends in "team" (two words or more), or ends
in "group" after "the" or an acronym ("the NNPDF group"). Leading "for the", "on behalf of
the" and "the" are not part of the name. One entry may name several teams: "LIGO Scientific
Collaboration and Virgo Collaboration" and "ATLAS and CMS Collaborations" name two each.

Spellings of one team share a key: case, accents, LaTeX braces, a leading "the", dots and
hyphens do not count ("The ATLAS  Collaboration", "{ATLAS} collaboration" and "ATLAS
Collaboration" are one team; "H.E.S.S." is "HESS", "Fermi-LAT" is "Fermi LAT").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graphsvc.names import clean_name, collapse_spaces, fold

_KEYWORD = re.compile(r"\b(collaborations?|consortium|consortia)\b", re.IGNORECASE)
_PLURAL = {"collaborations": "collaboration", "consortia": "consortium"}
_TAIL_TEAM = re.compile(r"\S\s+team$", re.IGNORECASE)
_TAIL_TEAM_LONG = re.compile(r"\S\s+\S+\s+team$", re.IGNORECASE)
_TAIL_GROUP = re.compile(r"\S\s+group$", re.IGNORECASE)
_ACRONYM = re.compile(r"\b(?=[A-Z0-9.-]*[A-Z]{2})[A-Z0-9][A-Z0-9.-]+\b")
_LEAD = re.compile(r"^(?:(?:for|on behalf of|representing)\s+)?(?:the\s+)?", re.IGNORECASE)
_JOINER = re.compile(r"\s*(?:,|;|:|&|\band\b)\s*", re.IGNORECASE)
_KEY_DROP = re.compile(r"[.'’`{}]")
_KEY_SPACE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class TeamName:
    """One team named on a paper: its key (shared by all spellings) and the name as printed."""

    key: str
    name: str

    @property
    def id(self) -> str:
        """The team's id: its key as a URL-safe slug ("atlas-collaboration")."""
        return self.key.replace(" ", "-")


def is_team_name(text: str) -> bool:
    """Whether a printed author name names one or more teams (see the module docstring)."""
    return bool(split_entry(text)[0])


@lru_cache(maxsize=1 << 14)
def split_entry(text: str) -> tuple[tuple[TeamName, ...], tuple[str, ...]]:
    """The teams one author entry names, and the people it names beside them.

    A person's name gives ((), (name,)); "J. Smith and the ATLAS Collaboration" gives the
    ATLAS team and "J. Smith"; "ATLAS and CMS Collaborations" gives two teams.
    """
    name = collapse_spaces(clean_name(text))
    if not name or not _names_a_team(name):
        return (), (name,) if name else ()
    parts = [p for p in _JOINER.split(name) if p.strip()]
    teams = [p for p in parts if _names_a_team(p)]
    others = [_strip_lead(p) for p in parts if not _names_a_team(p)]
    plural = _KEYWORD.search(parts[-1])
    if others and plural and plural.group(1).lower() in _PLURAL and teams == parts[-1:]:
        # "ATLAS and CMS Collaborations": the keyword belongs to every part.
        word = _PLURAL[plural.group(1).lower()].capitalize()
        head = [_team(f"{p} {word}") for p in others]
        return tuple(dict.fromkeys([*head, _team(_KEYWORD.sub(word, parts[-1]))])), ()
    if len(parts) == 1 or not others:
        found = [_team(p) for p in parts] if len(parts) > 1 else [_team(name)]
        return tuple(dict.fromkeys(found)), ()
    return tuple(dict.fromkeys(_team(p) for p in teams)), tuple(others)


def team_names(text: str) -> tuple[TeamName, ...]:
    """The teams a printed author name (or an affiliation) names; () for a person's name."""
    return split_entry(text)[0]


def _strip_lead(text: str) -> str:
    return _LEAD.sub("", text.strip(), count=1).strip()


def _names_a_team(text: str) -> bool:
    bare = _strip_lead(text)
    if _KEYWORD.search(bare) or _TAIL_TEAM_LONG.search(bare):
        return True
    led = bare != text.strip()  # "the ..." / "for the ..."
    tail = _TAIL_TEAM.search(bare) or _TAIL_GROUP.search(bare)
    return bool(tail and (led or _ACRONYM.search(bare)))


def _team(printed: str) -> TeamName:
    name = _strip_lead(printed)
    name = _KEYWORD.sub(lambda m: _PLURAL.get(m.group(1).lower(), m.group(1)).capitalize(), name)
    name = re.sub(r"\b(team|group)$", lambda m: m.group(1).capitalize(), name, flags=re.I)
    return TeamName(key=team_key(name), name=name)


def team_key(name: str) -> str:
    """The spelling-independent key of a team name ("atlas collaboration")."""
    text = _KEY_DROP.sub("", fold(_strip_lead(clean_name(name))))
    text = _KEY_SPACE.sub(" ", text).strip()
    words = [_PLURAL.get(w, w) for w in text.split()]
    return " ".join(words)
