"""Names of actors: folding and lookup keys, acronyms, force words and the :class:`Actor` row.

The text rules every actor module shares (:mod:`helpers.knowledge.actors`,
:mod:`helpers.knowledge.state_actors`, the actor rules of the pipeline): quotes,
dashes, diacritics and case are folded; "the", hedges and possessives are
dropped from lookup keys; all-capitals acronyms keep their capitals.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from helpers import config
from helpers.knowledge.grammar import function_words, word_alternation
from helpers.knowledge.vocabulary import read_vocabulary

FORCE_WORDS_FILE = "force_words.csv"

QUOTES = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "ʻ": "'",
        "ʿ": "'",
        "ʾ": "'",
        "`": "'",
        "´": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "−": "-",
    }
)
POSSESSIVE = re.compile(r"\s*'s?$")


@dataclass(frozen=True)
class ForceWords:
    """Generic force words that join an armed actor's name (``force_words.csv``).

    Attributes:
        nouns: Force nouns after the name ("forces", "fighters"), in file order.
        modifiers: Optional words between the name and the force noun ("military").
        operations: First words of the name of an operation or exercise ("Operation ...").
        affiliations: Participles after a name and a hyphen that make it a patron or ally of the
            group described ("al-Qaeda-linked", "Iran-backed").
    """

    nouns: tuple[str, ...]
    modifiers: tuple[str, ...]
    operations: frozenset[str]
    affiliations: frozenset[str]


@functools.lru_cache(maxsize=4)
def force_words(language: str = config.DEFAULT_LANGUAGE) -> ForceWords:
    """The force words of ``language``.

    >>> words = force_words()
    >>> "fighters" in words.nouns, "military" in words.modifiers
    (True, True)
    """
    rows = read_vocabulary(FORCE_WORDS_FILE, language)
    return ForceWords(
        nouns=tuple(r["word"] for r in rows if r["kind"] == "noun"),
        modifiers=tuple(r["word"] for r in rows if r["kind"] == "modifier"),
        operations=frozenset(r["word"] for r in rows if r["kind"] == "operation"),
        affiliations=frozenset(r["word"] for r in rows if r["kind"] == "affiliation"),
    )


@functools.lru_cache(maxsize=4)
def leading_words(language: str = config.DEFAULT_LANGUAGE) -> re.Pattern:
    """Articles and hedges at the start of a mention ("the so-called ...")."""
    words = function_words(language)
    return re.compile(rf"^(?:(?:{word_alternation(words.articles | words.hedges)})\s+)+", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def force_suffix(language: str = config.DEFAULT_LANGUAGE) -> re.Pattern:
    """A trailing generic force noun ("Peshmerga forces")."""
    return re.compile(rf"\s+(?:{word_alternation(force_words(language).nouns)})$", re.IGNORECASE)


def fold(text: str) -> str:
    """Fold text for comparison: quotes and dashes unified, diacritics dropped, case-folded.

    >>> fold("Da’esh") == fold("Da'esh") == fold("DA'ESH")
    True
    >>> fold("Ḥashd al‑Shaʿbi")
    "hashd al-sha'bi"
    """
    return _strip_accents(text.translate(QUOTES)).translate(QUOTES).casefold()


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def lookup_key(text: str, *, cased: bool = False) -> str:
    """The dictionary key of a mention or alias: folded, without "the", possessive,
    apostrophes or hyphen/space differences. ``cased`` keeps capitals (for acronyms).

    >>> lookup_key("the Kurdistan Region’s")
    'kurdistan region'
    >>> lookup_key("Hashd al Shaabi") == lookup_key("al-Hashd al-Shaabi".removeprefix("al-"))
    True
    """
    text = _strip_accents(text.translate(QUOTES)).translate(QUOTES)
    text = POSSESSIVE.sub("", leading_words().sub("", " ".join(text.split())))
    text = re.sub(r"[\s-]+", " ", text.replace("'", "").replace('"', "")).strip(" .,;:")
    return text if cased else text.casefold()


def is_acronym(word: str) -> bool:
    """True for all-capitals tokens such as ``IS``, ``U.S.``, ``CJTF``."""
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


@dataclass(frozen=True)
class Actor:
    """One dictionary row."""

    actor_id: str
    canonical: str
    category: str
    country: str
    wikidata: str
    label: str
    aliases: tuple[str, ...]
