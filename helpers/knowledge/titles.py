"""Ranks and titles around person names: the phrase lexicon and the single title words.

``helpers/data/<language>/ranks.csv`` lists rank, title, modifier, portfolio,
honorific and organisation-body phrases with their normalised form; the persons
extractor matches them around names (:func:`load_ranks`).
``title_words.csv`` lists the single capitalised words the entity fixer reads:
words a name may carry in front, those that introduce a bare name, and those
trimmed from the end of an organisation (:func:`title_words`). Both are cached
per language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from helpers import config
from helpers.knowledge.vocabulary import read_vocabulary

RANKS_FILE = "ranks.csv"
TITLE_WORDS_FILE = "title_words.csv"


@lru_cache(maxsize=4)
def load_ranks(language: str = config.DEFAULT_LANGUAGE) -> pd.DataFrame:
    """Read the rank and title lexicon of ``language``.

    Args:
        language: Language folder under ``helpers/data/``.

    Returns:
        The lexicon with columns ``variant, normalised, kind``, one row per
        variant and kind, variants lower-cased.

    >>> ranks = load_ranks()
    >>> ranks.query("variant == 'lt. gen.'")["normalised"].item()
    'Lieutenant General'
    """
    ranks = pd.DataFrame(read_vocabulary(RANKS_FILE, language), columns=["variant", "normalised", "kind"])
    ranks["variant"] = ranks["variant"].str.lower()
    return ranks


@lru_cache(maxsize=4)
def rank_words(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """The one-word military and police ranks, lower case, as written ("general", "gen.", "sergeant").

    >>> {"general", "gen.", "colonel", "inspector"} <= rank_words(), "minister" in rank_words()
    (True, False)
    """
    ranks = load_ranks(language)
    return frozenset(v for v in ranks.loc[ranks["kind"] == "rank", "variant"] if " " not in v)


@dataclass(frozen=True)
class TitleWords:
    """Single rank and title words, lower-case and without the full stop (``title_words.csv``).

    Attributes:
        words: Words a person's name may carry in front ("gen", "minister", "mr").
        introduce_name: Words that alone introduce a bare name ("president", "mr").
        end_organisation: Words that may end an organisation span by mistake ("lieutenant").
    """

    words: frozenset[str]
    introduce_name: frozenset[str]
    end_organisation: frozenset[str]


@lru_cache(maxsize=4)
def title_words(language: str = config.DEFAULT_LANGUAGE) -> TitleWords:
    """The title words of ``language``.

    >>> words = title_words()
    >>> "lt" in words.words, "president" in words.introduce_name, "lieutenant" in words.end_organisation
    (True, True, True)
    """
    rows = read_vocabulary(TITLE_WORDS_FILE, language)
    return TitleWords(
        words=frozenset(r["word"] for r in rows),
        introduce_name=frozenset(r["word"] for r in rows if r["introduces_name"] == "yes"),
        end_organisation=frozenset(r["word"] for r in rows if r["ends_organisation"] == "yes"),
    )
