"""Curated place-name lists of ``helpers/data/``: demonyms, stop names, news aliases, abbreviations.

* ``geo_demonyms.csv``: "Iraqi", "Syrians", "Kurdish" -> the country or region they name;
* ``geo_stopnames.txt``: place names that are also common words, titles or first names;
* ``geo_aliases.csv``: news spellings GeoNames lacks ("Salahuddin", "U.S.");
* ``geo_admin1_abbrev.csv``: postal and newspaper abbreviations of US states and
  Canadian provinces ("S.C.", "Ont.");
* ``en/person_names.csv`` and ``en/common_words.csv``: given names, surnames and
  English adjectives, verbs and adverbs, which make a place name doubtful
  (:func:`doubtful_name`): "Chad", "Man", "Side" need place evidence.

Each list is read once per process.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from helpers import config
from helpers.knowledge.gazetteer import default_gazetteer
from helpers.knowledge.vocabulary import place_nouns, read_vocabulary

DEMONYMS_FILE = "geo_demonyms.csv"


@lru_cache(maxsize=1)
def stopnames() -> frozenset[str]:
    """Names the place rules must not match on their own (``geo_stopnames.txt``), case-sensitive.

    >>> "Most" in stopnames()
    True
    """
    lines = (config.DATA_DIR / "geo_stopnames.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym -> ``place_id`` of its country or region (``geo_demonyms.csv``).

    Raises:
        ValueError: If a row's target is not in the gazetteer.
    """
    gazetteer = default_gazetteer()
    table = pd.read_csv(config.DATA_DIR / DEMONYMS_FILE, keep_default_na=False)
    result = {}
    for demonym, target in zip(table["demonym"], table["target"], strict=True):
        place = gazetteer.country(target) if len(target) == 2 else gazetteer.get(target)
        if place is None:
            raise ValueError(f"geo_demonyms.csv: unknown target {target!r}")
        result[demonym] = place.place_id
    return result


@lru_cache(maxsize=1)
def aliases() -> frozenset[str]:
    """The curated news spellings of ``geo_aliases.csv`` ("US", "U.S.", "UK", ...).

    >>> {"Salahuddin", "U.S."} <= aliases()
    True
    """
    table = pd.read_csv(config.DATA_DIR / "geo_aliases.csv", keep_default_na=False)
    return frozenset(table.loc[table["main"] != "no", "alias"])


@lru_cache(maxsize=1)
def admin1_abbreviations() -> dict[str, str]:
    """Abbreviation -> ISO 3166-2 code, from ``geo_admin1_abbrev.csv``: postal codes and
    newspaper abbreviations of US states and Canadian provinces ("SC", "S.C.", "Ont.").

    They count only right after "Town," (see :mod:`helpers.extract.places.finding`):
    alone, "Miss." or "Ind." are not places.

    >>> admin1_abbreviations()["S.C."], admin1_abbreviations()["Ont."]
    ('US-SC', 'CA-ON')
    """
    table = pd.read_csv(config.DATA_DIR / "geo_admin1_abbrev.csv", keep_default_na=False)
    return dict(zip(table["abbrev"], table["admin1_code"], strict=True))


def dateline_division_code(text: str) -> str:
    """The ISO 3166-2 code of the division a dateline writes after its town, "" if none: an
    abbreviation (:func:`admin1_abbreviations`), also one of the newspapers' written without its
    period as broadcasters' sites often do ("BIRMINGHAM, Ala (WIAT)"); only a dateline, where a
    division is expected, reads "Ala" or "Miss" so.

    >>> dateline_division_code("Ala"), dateline_division_code("S.C."), dateline_division_code("Baghdad")
    ('US-AL', 'US-SC', '')
    """
    table = admin1_abbreviations()
    return table.get(text) or table.get(f"{text}.", "")


@lru_cache(maxsize=4)
def person_names(language: str = config.DEFAULT_LANGUAGE) -> dict[str, str]:
    """Common given names and surnames (``en/person_names.csv``) -> ``"given"`` or ``"surname"``.

    >>> person_names()["Chad"], person_names()["Hong"]
    ('given', 'surname')
    """
    names: dict[str, str] = {}
    for row in read_vocabulary("person_names.csv", language):
        names.setdefault(row["name"], row["kind"])
    return names


@lru_cache(maxsize=4)
def common_words(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """English adjectives, verbs and adverbs, lower case (``en/common_words.csv``).

    >>> {"man", "side", "nice"} <= common_words(), "paris" in common_words()
    (True, False)
    """
    return frozenset(row["word"] for row in read_vocabulary("common_words.csv", language))


@lru_cache(maxsize=4)
def _place_noun_words(language: str) -> frozenset[str]:
    """Every noun of ``place_nouns.csv`` ("city", "county", "village", "police")."""
    nouns = place_nouns(language)
    return frozenset(nouns.cue) | frozenset(nouns.kind) | nouns.street | nouns.resident


@lru_cache(maxsize=4)
def adverbs(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """The adverbs among the common words, lower case: compass words ("north", "east").

    >>> {"north", "northeast"} <= adverbs(), "united" in adverbs()
    (True, False)
    """
    rows = read_vocabulary("common_words.csv", language)
    return frozenset(row["word"] for row in rows if "adv" in row["pos"].split("|"))


#: The doubts (:func:`doubtful_name`) that leave a name before its authorities a town's: none, or
#: a person's name, as towns are named after people ("Sanford police"); a common word or stop
#: name there names a kind of police ("Federal police", "Transit police", "Border police").
TOWN_NAME_DOUBTS = frozenset({"", "given name", "surname"})


def names_town_before_authorities(name: str, language: str = config.DEFAULT_LANGUAGE) -> bool:
    """True when ``name``, right before its authorities, may be a town's (:data:`TOWN_NAME_DOUBTS`):
    also a stop name that is a person's name, as towns are named after people ("Gary police",
    "Troy police"), not one that is only a word ("Border police", "State police").

    >>> names_town_before_authorities("Gary"), names_town_before_authorities("Police")
    (True, False)
    """
    doubt = doubtful_name(name, language)
    if doubt == "stop name" and " " not in name.strip():
        word = name.capitalize() if name.isupper() else name
        return bool(person_names(language).get(word)) and word.lower() not in common_words(language)
    return doubt in TOWN_NAME_DOUBTS


def doubtful_name(name: str, language: str = config.DEFAULT_LANGUAGE) -> str:
    """Why a capitalised name may not be a place: a stop name, a common word, a person's name.

    Only one-word names are doubtful by their words ("Chad", "Man"); longer ones only
    when listed in ``geo_stopnames.txt``. Capitals are read as the word ("MAN" is "Man").

    Args:
        name: The name as written.
        language: Language of the vocabularies.

    Returns:
        ``"stop name"``, ``"common word"``, ``"given name"``, ``"surname"`` or "" (a plain name).

    >>> doubtful_name("Chad"), doubtful_name("MAN"), doubtful_name("Mosul"), doubtful_name("City")
    ('given name', 'common word', '', 'common word')
    """
    if name in stopnames():
        return "stop name"
    if " " in name.strip() or not name[:1].isalpha():
        return ""
    word = name.capitalize() if name.isupper() else name
    if word.lower() in common_words(language) or word.lower() in _place_noun_words(language):
        return "common word"  # a place noun alone ("City police", "County officials") too
    kind = person_names(language).get(word, "")
    return f"{kind} name" if kind == "given" else kind


def compass_name(name: str) -> bool:
    """True for a name made of compass words ("South", "North East", "north-west").

    >>> compass_name("North East"), compass_name("North Korea")
    (True, False)
    """
    return all(word.lower() in adverbs() for word in name.replace("-", " ").split())


def compass_district(name: str) -> bool:
    """True for compass words before a noun of a place below town level ("South Side", "the West
    Side" of a city): a part of the city, no town of its own.

    >>> compass_district("South Side"), compass_district("South"), compass_district("Mosul Side")
    (True, False, False)
    """
    words = name.replace("-", " ").split()
    return (
        len(words) > 1 and words[-1].lower() in place_nouns().locality and compass_name(" ".join(words[:-1]))
    )


def reviewable_place_name(name: str) -> bool:
    """True when a name the gazetteer lacks may still be a place, worth a reviewer's look.

    Capitalised, and neither a stop name, a common word, a given name nor compass words:
    "Democratic" and "North East" are no missing places.

    >>> [reviewable_place_name(n) for n in ("Kfar Nabl", "Democratic", "North East", "the bridge")]
    [True, False, False, False]
    """
    if not name[:1].isupper() or compass_name(name):
        return False
    return doubtful_name(name) in ("", "surname")
