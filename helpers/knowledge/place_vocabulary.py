"""Words of place names and place phrases, read from ``helpers/data/<language>/``.

Three vocabularies, one file each (see ``helpers/data/SOURCES.md``); the small words
around place names (prepositions, links inside town names, list joiners) are function
words (:func:`helpers.knowledge.grammar.function_words`):

* ``transliteration_articles.csv``: the articles dropped when transliterated
  names are compared (``al``, ``ad``, ``ez`` ...);
* ``admin_descriptors.csv``: the words that turn a division's bare name into
  its formal one (``Muhafazat``, ``Governorate`` ...);
* ``name_abbreviations.csv``: abbreviated first words of town names (``Mt.``, ``Ft.``, ``St.``).

Each reader is cached per language, like :func:`helpers.knowledge.vocabulary.place_nouns`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from helpers import config
from helpers.knowledge.vocabulary import read_vocabulary


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
