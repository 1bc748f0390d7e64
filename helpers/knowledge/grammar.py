"""Grammar words the rules read: function words, name particles, and regex alternations of words.

The words live in ``helpers/data/<language>/function_words.csv`` and
``name_particles.csv``; the readers here return frozen sets, cached per
language. :func:`word_alternation` turns any such word list into a regular
expression alternation, so that patterns over words are built from the data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from helpers import config
from helpers.knowledge.vocabulary import read_vocabulary

FUNCTION_WORDS_FILE = "function_words.csv"
NAME_PARTICLES_FILE = "name_particles.csv"


@dataclass(frozen=True)
class FunctionWords:
    """Function words by the role the rules give them (``function_words.csv``).

    Attributes:
        definite_articles: "the".
        indefinite_articles: "a", "an".
        hedges: Words dropped before an actor name ("so-called").
        title_connectors: Words joining a title to its object ("of", "in", "for").
        title_conjunctions: Words joining the words of a title phrase ("and").
        list_conjunctions: Words joining the items of a list ("and", "or").
        possessives: Possessive ending tokens ("'s").
        personal_pronouns: Pronouns resolved to the latest person named ("he", "she").
        bare_possessives: Possessive endings of plurals ("'").
        list_symbols: Symbols joining the items of a list (",", "&").
        locatives: Prepositions before a place name ("in", "near").
        person_locatives: Those of them that take people as often ("condolences to Ghani", "a call
            from Ruto"): too weak to make a person's surname a place.
        name_links: Lower-case words inside multi-word town names ("upon", "of", "al").
        hyphen_links: Linking vowels between hyphens inside a place name ("e" of "Pul-e Khumri").
        noun_links: Words between a place noun and a name ("of").
        byline_joiners: Words between the names of a bare byline ("and", "in", "&").
    """

    definite_articles: frozenset[str]
    indefinite_articles: frozenset[str]
    hedges: frozenset[str]
    title_connectors: frozenset[str]
    title_conjunctions: frozenset[str]
    list_conjunctions: frozenset[str]
    possessives: frozenset[str]
    personal_pronouns: frozenset[str]
    bare_possessives: frozenset[str]
    list_symbols: frozenset[str]
    locatives: frozenset[str]
    person_locatives: frozenset[str]
    name_links: frozenset[str]
    hyphen_links: frozenset[str]
    noun_links: frozenset[str]
    byline_joiners: frozenset[str]
    line_continuations: frozenset[str]

    @property
    def articles(self) -> frozenset[str]:
        """Definite and indefinite articles."""
        return self.definite_articles | self.indefinite_articles

    @property
    def list_joiners(self) -> frozenset[str]:
        """Tokens between the names of a list: conjunctions and symbols."""
        return self.list_conjunctions | self.list_symbols

    @property
    def possessive_endings(self) -> frozenset[str]:
        """Every possessive ending: "'s", "’s", "'", "’"."""
        return self.possessives | self.bare_possessives


@lru_cache(maxsize=4)
def function_words(language: str = config.DEFAULT_LANGUAGE) -> FunctionWords:
    """The function words of ``language``.

    >>> words = function_words()
    >>> sorted(words.articles), sorted(words.title_connectors)
    (['a', 'an', 'the'], ['for', 'in', 'of'])
    """
    rows = read_vocabulary(FUNCTION_WORDS_FILE, language)

    def role(name: str) -> frozenset[str]:
        return frozenset(r["word"] for r in rows if r["role"] == name)

    return FunctionWords(
        definite_articles=role("definite_article"),
        indefinite_articles=role("indefinite_article"),
        hedges=role("hedge"),
        title_connectors=role("title_connector"),
        title_conjunctions=role("title_conjunction"),
        list_conjunctions=role("list_conjunction"),
        possessives=role("possessive"),
        personal_pronouns=role("personal_pronoun"),
        bare_possessives=role("bare_possessive"),
        list_symbols=role("list_symbol"),
        locatives=role("locative"),
        person_locatives=role("person_locative"),
        name_links=role("name_link"),
        hyphen_links=role("hyphen_link"),
        noun_links=role("noun_link"),
        byline_joiners=role("byline_joiner"),
        line_continuations=role("line_continuation"),
    )


@dataclass(frozen=True)
class NameParticles:
    """Particles of personal names (``name_particles.csv``).

    Attributes:
        all: Every particle ("al", "bin", "von", "der").
        in_bylines: The particles a byline name may hold before a capitalised part.
    """

    all: frozenset[str]
    in_bylines: frozenset[str]


@lru_cache(maxsize=4)
def name_particles(language: str = config.DEFAULT_LANGUAGE) -> NameParticles:
    """The name particles of ``language``.

    >>> particles = name_particles()
    >>> "al" in particles.in_bylines, "der" in particles.all - particles.in_bylines
    (True, True)
    """
    rows = read_vocabulary(NAME_PARTICLES_FILE, language)
    return NameParticles(
        all=frozenset(r["particle"] for r in rows),
        in_bylines=frozenset(r["particle"] for r in rows if r["in_byline"] == "yes"),
    )


def word_alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first (then alphabetical).

    Longest first, so that a word never loses to a shorter word it starts with.

    Args:
        words: The words or phrases to match.

    Returns:
        The alternation, without a group around it.

    >>> word_alternation({"a", "an", "so-called"})
    'so\\\\-called|an|a'
    """
    return "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))
