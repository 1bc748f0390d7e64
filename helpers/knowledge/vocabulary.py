"""Language vocabularies: word lists read from ``helpers/data/<language>/`` (one file per concept).

Each vocabulary file is a CSV whose leading ``#`` lines state what it is, its
source and its licence; the header row follows. Readers here return frozen
sets or dicts, cached per language, so extractors never keep word lists in code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from helpers import config


def read_vocabulary(name: str, language: str = config.DEFAULT_LANGUAGE) -> list[dict[str, str]]:
    """The rows of a vocabulary CSV (``#`` comment lines skipped), values stripped.

    >>> read_vocabulary("place_nouns.csv")[0]["noun"]
    'agency'
    """
    with config.vocabulary_path(name, language).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [{key: (value or "").strip() for key, value in row.items()} for row in rows]


@dataclass(frozen=True)
class PlaceNouns:
    """Nouns naming a kind of place (``place_nouns.csv``).

    Attributes:
        admin: Cue words of an administrative division ("province", "governorate").
        district: Cue words of a second-level division ("district", "county", "woreda").
        settlement: Cue words of a settlement ("town", "village").
        street: Words that make the name before them part of a street's or building's name
            ("Avenue", "Hospital").
        resident: People of a place, after its name ("Alexandria woman", "Mosul residents").
        home: The resident words naming people who live there ("man", "residents"), not its
            authorities ("police", "officials"): the place is their home.
        kin: The home words that also name a person's relatives ("mother", "kids"): after a
            possessive they name none of a place ("Melina's mother").
        road: The street words of roads ("Avenue", "Road"), not of buildings ("Hospital").
        care: Words of places where the wounded are treated ("hospital", "clinic").
        part: Words of a part of a town ("neighborhood", "suburb").
        locality: A place below town level, after its name ("the Dwatoi area").
        cue: Each cue word and its cue (``admin``, ``district``, ``settlement``, ``street``,
            ``resident``, ``locality``).
        kind: Each word that names a kind of place and that kind ("villages" -> ``village``).
        after_name: Words after which a proper noun is a place, not a person.
    """

    admin: frozenset[str]
    district: frozenset[str]
    settlement: frozenset[str]
    street: frozenset[str]
    resident: frozenset[str]
    home: frozenset[str]
    kin: frozenset[str]
    road: frozenset[str]
    care: frozenset[str]
    part: frozenset[str]
    locality: frozenset[str]
    cue: dict[str, str]
    kind: dict[str, str]
    after_name: frozenset[str]


@lru_cache(maxsize=4)
def place_nouns(language: str = config.DEFAULT_LANGUAGE) -> PlaceNouns:
    """The place nouns of ``language``.

    >>> nouns = place_nouns()
    >>> "province" in nouns.admin, "village" in nouns.settlement, "provinces" in nouns.after_name
    (True, True, True)
    """
    rows = read_vocabulary("place_nouns.csv", language)
    return PlaceNouns(
        admin=frozenset(r["noun"] for r in rows if r["cue"] == "admin"),
        district=frozenset(r["noun"] for r in rows if r["cue"] == "district"),
        settlement=frozenset(r["noun"] for r in rows if r["cue"] == "settlement"),
        street=frozenset(r["noun"] for r in rows if r["cue"] == "street"),
        resident=frozenset(r["noun"] for r in rows if r["cue"] == "resident"),
        home=frozenset(r["noun"] for r in rows if r["reads"] in ("home", "kin")),
        kin=frozenset(r["noun"] for r in rows if r["reads"] == "kin"),
        road=frozenset(r["noun"] for r in rows if r["reads"] == "road"),
        care=frozenset(r["noun"] for r in rows if r["reads"] == "care"),
        part=frozenset(r["noun"] for r in rows if r["reads"] == "part"),
        locality=frozenset(r["noun"] for r in rows if r["cue"] == "locality"),
        cue={r["noun"]: r["cue"] for r in rows if r["cue"]},
        kind={r["noun"]: r["kind"] for r in rows if r["kind"]},
        after_name=frozenset(r["noun"] for r in rows if r["after_name"] == "yes"),
    )


@lru_cache(maxsize=4)
def name_part_nouns(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """The place nouns written as a word of a place's or building's name ("Wayne County", "Ben Taub
    Hospital", "Kirkuk Province", "Castle Town"): street, division and settlement words, which no
    person's name is made of.

    >>> {"county", "hospital", "town"} <= name_part_nouns()
    True
    """
    nouns = place_nouns(language)
    return nouns.street | nouns.admin | nouns.district | nouns.settlement


@lru_cache(maxsize=4)
def town_part_names(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """Names of parts of a town that many towns have (``town_part_names.csv``), lower case.

    >>> {"old city", "downtown"} <= town_part_names()
    True
    """
    return frozenset(row["name"].lower() for row in read_vocabulary("town_part_names.csv", language))


@dataclass(frozen=True)
class CreditLines:
    """The words that credit people in news copy (``credit_lines.csv``).

    Attributes:
        roles: Words before "by" (``""`` for a bare byline) -> the role they give.
        line_starts: Words that, followed by "by", start a credit paragraph.
        line_prefixes: Optional words before those ("Additional writing by").
    """

    roles: dict[str, str]
    line_starts: tuple[str, ...]
    line_prefixes: tuple[str, ...]


@lru_cache(maxsize=4)
def credit_lines(language: str = config.DEFAULT_LANGUAGE) -> CreditLines:
    """The credit-line words of ``language``.

    >>> credit = credit_lines()
    >>> credit.roles["editing"], credit.roles[""], "reporting" in credit.line_starts
    ('editor', 'author', True)
    """
    rows = read_vocabulary("credit_lines.csv", language)
    return CreditLines(
        roles={r["verb"]: r["role"] for r in rows if r["starts_line"] != "prefix"},
        line_starts=tuple(r["verb"] for r in rows if r["starts_line"] == "yes" and r["verb"]),
        line_prefixes=tuple(r["verb"] for r in rows if r["starts_line"] == "prefix"),
    )


CALENDAR_WORDS_FILE = "calendar_words.csv"


@lru_cache(maxsize=4)
def calendar_words(language: str = config.DEFAULT_LANGUAGE) -> dict[str, bool]:
    """Month and weekday names and their abbreviations, as written ("March", "Aug", "Wed"),
    each with whether it is also a common word ("May", "Sun").

    >>> words = calendar_words()
    >>> words["Aug"], words["May"], "Wednesday" in words
    (False, True, True)
    """
    rows = read_vocabulary(CALENDAR_WORDS_FILE, language)
    return {row["word"]: row["common_word"] == "yes" for row in rows}


@lru_cache(maxsize=4)
def vehicle_words(language: str = config.DEFAULT_LANGUAGE) -> dict[str, frozenset[str]]:
    """Colours written before a vehicle's make and nouns of vehicles written after it
    (``vehicle_words.csv``), by kind (``colour``, ``vehicle``).

    >>> "silver" in vehicle_words()["colour"], "pickup" in vehicle_words()["vehicle"]
    (True, True)
    """
    kinds: dict[str, set[str]] = {"colour": set(), "vehicle": set()}
    for row in read_vocabulary("vehicle_words.csv", language):
        kinds[row["kind"]].add(row["word"])
    return {kind: frozenset(words) for kind, words in kinds.items()}


@lru_cache(maxsize=4)
def vehicle_makes(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """Makes of vehicles as capitalised in print (``vehicle_makes.csv``).

    >>> "Toyota" in vehicle_makes(), "Mosul" in vehicle_makes()
    (True, False)
    """
    return frozenset(row["make"] for row in read_vocabulary("vehicle_makes.csv", language))
