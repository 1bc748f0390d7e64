"""Words of place names and place phrases, read from ``helpers/data/<language>/``.

Three vocabularies, one file each (see ``helpers/data/SOURCES.md``):

* ``place_phrase_words.csv``: the small words around place names in news text
  (prepositions, links inside town names, list joiners, articles, possessives);
* ``transliteration_articles.csv``: the articles dropped when transliterated
  names are compared (``al``, ``ad``, ``ez`` ...);
* ``admin_descriptors.csv``: the words that turn a division's bare name into
  its formal one (``Muhafazat``, ``Governorate`` ...).

Each reader is cached per language, like :func:`helpers.knowledge.vocabulary.place_nouns`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from helpers import config
from helpers.knowledge.vocabulary import read_vocabulary


@dataclass(frozen=True)
class PlacePhraseWords:
    """The small words around place names (``place_phrase_words.csv``).

    Attributes:
        locatives: Prepositions before a place name ("in", "near").
        name_links: Lower-case words inside multi-word town names ("upon", "of", "al").
        list_joiners: Tokens between the names of a list (",", "and", "or", "&").
        noun_links: Words between a place noun and a name ("of" in "the province of ...").
        articles: Articles dropped before an entity's name ("the"), in file order.
        possessives: Endings dropped after an entity's name ("'s", "’"), in file order.
    """

    locatives: frozenset[str]
    name_links: frozenset[str]
    list_joiners: frozenset[str]
    noun_links: frozenset[str]
    articles: tuple[str, ...]
    possessives: tuple[str, ...]


@lru_cache(maxsize=4)
def place_phrase_words(language: str = config.DEFAULT_LANGUAGE) -> PlacePhraseWords:
    """The words around place names in ``language``.

    >>> words = place_phrase_words()
    >>> "near" in words.locatives, "upon" in words.name_links, words.articles
    (True, True, ('the',))
    """
    rows = read_vocabulary("place_phrase_words.csv", language)

    def words(role: str) -> tuple[str, ...]:
        return tuple(r["word"] for r in rows if r["role"] == role)

    return PlacePhraseWords(
        locatives=frozenset(words("locative")), name_links=frozenset(words("name_link")),
        list_joiners=frozenset(words("list_joiner")), noun_links=frozenset(words("noun_link")),
        articles=words("article"), possessives=words("possessive"))


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
        suffixes=tuple(r["descriptor"] for r in rows if r["position"] == "suffix"))
