"""Words of place names and place phrases, read from ``helpers/data/<language>/``.

Five vocabularies, one file each (see ``helpers/data/SOURCES.md``); the small words
around place names (prepositions, links inside town names, list joiners) are function
words (:func:`helpers.knowledge.grammar.function_words`):

* ``transliteration_articles.csv``: the articles dropped when transliterated
  names are compared (``al``, ``ad``, ``ez`` ...);
* ``admin_descriptors.csv``: the words that turn a division's bare name into
  its formal one (``Muhafazat``, ``Governorate`` ...);
* ``name_abbreviations.csv``: abbreviated first words of town names (``Mt.``, ``Ft.``, ``St.``);
* ``street_address_words.csv``: the words of street addresses (``Ave.``, ``S.``, ``block``);
* ``site_words.csv``: the words of the site of a scene (``Shrine``, ``Camp``, ``outside``).

Each reader is cached per language, like :func:`helpers.knowledge.vocabulary.place_nouns`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from helpers import config
from helpers.knowledge.vocabulary import place_nouns, read_vocabulary


@lru_cache(maxsize=4)
def transliteration_articles(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """Articles of transliterated names, dropped inside multi-word names when names are compared.

    >>> {"al", "ad", "ez"} <= transliteration_articles()
    True
    """
    return frozenset(r["article"] for r in read_vocabulary("transliteration_articles.csv", language))


@dataclass(frozen=True)
class AdminDescriptors:
    """Words of a division's formal name around its bare name (``admin_descriptors.csv``).

    Attributes:
        prefixes: Words before the name ("muhafazat", "province of"), in file order.
        suffixes: Words after the name ("governorate", "oblast"), in file order.
    """

    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]


@lru_cache(maxsize=4)
def admin_descriptors(language: str = config.DEFAULT_LANGUAGE) -> AdminDescriptors:
    """The admin descriptors of division names, as written in ``language``'s news.

    >>> descriptors = admin_descriptors()
    >>> "muhafazat" in descriptors.prefixes, "governorate" in descriptors.suffixes
    (True, True)
    """
    rows = read_vocabulary("admin_descriptors.csv", language)
    return AdminDescriptors(
        prefixes=tuple(r["descriptor"] for r in rows if r["position"] == "prefix"),
        suffixes=tuple(r["descriptor"] for r in rows if r["position"] == "suffix"),
    )


@lru_cache(maxsize=4)
def name_abbreviations(language: str = config.DEFAULT_LANGUAGE) -> dict[str, str]:
    """Abbreviated first words of place names (lower case, no dot) -> the word written out.

    >>> name_abbreviations()["mt"], name_abbreviations()["ft"]
    ('Mount', 'Fort')
    """
    return {r["abbreviation"]: r["word"] for r in read_vocabulary("name_abbreviations.csv", language)}


@dataclass(frozen=True)
class StreetAddressWords:
    """The words of street addresses (``street_address_words.csv``), lower case, without dots.

    Attributes:
        streets: Street types as written ("avenue", "ave") -> written out ("avenue").
        compass: Directions before a street's name as written ("s", "south") -> written out.
        block: The words of a block number ("the 6300 block of").
        before_year: Words before a year ("in 2016 Main Street was rebuilt": no house number).
    """

    streets: dict[str, str]
    compass: dict[str, str]
    block: frozenset[str]
    before_year: frozenset[str]


@lru_cache(maxsize=4)
def street_address_words(language: str = config.DEFAULT_LANGUAGE) -> StreetAddressWords:
    """The words of street addresses of ``language``.

    >>> words = street_address_words()
    >>> words.streets["ave"], words.compass["s"], "block" in words.block
    ('avenue', 'south', True)
    """
    rows = read_vocabulary("street_address_words.csv", language)
    by_kind: dict[str, dict[str, str]] = {"street": {}, "compass": {}, "block": {}, "year": {}}
    for row in rows:
        by_kind[row["kind"]][row["word"]] = row["written_out"]
    return StreetAddressWords(
        streets=by_kind["street"],
        compass=by_kind["compass"],
        block=frozenset(by_kind["block"]),
        before_year=frozenset(by_kind["year"]),
    )


@dataclass(frozen=True)
class SiteWords:
    """The words of the site of an event's scene (``site_words.csv`` and the street, building and
    care words of ``place_nouns.csv``), lower case.

    Attributes:
        site: Words after a site's name ("Shrine", "Street", "cafe").
        before: Words before a site's name ("Camp", "Rue").
        scene: Prepositions that put an act at the site after them ("at", "outside").
        taken: Words of a place people are taken to after the violence, the wounded or suspects
            ("hospital", "medical", "jail").
        strike: Verbs whose object is a site the violence struck, beside the violent verbs
            ("storm", "torch").
        inner: Small words inside a site's name, beside those of town names ("des", "&").
        buildings: The site words of one building or compound ("nightclub", "mosque"), not of a
            street or an open area ("Street", "Park").
    """

    site: frozenset[str]
    before: frozenset[str]
    scene: frozenset[str]
    taken: frozenset[str]
    strike: frozenset[str]
    inner: frozenset[str]
    buildings: frozenset[str]


@lru_cache(maxsize=4)
def site_words(language: str = config.DEFAULT_LANGUAGE) -> SiteWords:
    """The words of the site of a scene of ``language``.

    >>> words = site_words()
    >>> "shrine" in words.site, "avenue" in words.site, "camp" in words.before, "at" in words.scene
    (True, True, True, True)
    >>> "nightclub" in words.buildings, "mosque" in words.buildings, "avenue" in words.buildings
    (True, True, False)
    """
    rows = read_vocabulary("site_words.csv", language)
    nouns = place_nouns(language)

    def kind(name: str) -> frozenset[str]:
        return frozenset(r["word"] for r in rows if r["kind"] == name)

    buildings = {r["word"] for r in rows if r["building"] == "yes"} | (nouns.street - nouns.road)
    return SiteWords(
        site=kind("site") | nouns.street,
        before=kind("before"),
        scene=kind("scene"),
        taken=kind("taken") | nouns.care,
        strike=kind("strike"),
        inner=kind("inner"),
        buildings=frozenset(buildings - nouns.care - kind("taken")),
    )
