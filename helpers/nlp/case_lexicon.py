"""What the recaser of :mod:`helpers.nlp.casing` knows about how English words are written.

Names as written (the place rules' names, the actor dictionary, demonyms),
calendar words, the title words before a name and the head nouns of
organisation names come from :mod:`helpers.knowledge`; the common words come
from the pipeline itself: its stop words and the word tables of its
lemmatizer (WordNet's words, with the lemmatizer's suffix rules for their
inflections). The lexicon is built once per pipeline and kept with it.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from spacy.language import Language
from spacy.strings import get_string_id

from helpers import config
from helpers.knowledge.actors import load_dictionary
from helpers.knowledge.place_names import DEMONYMS_FILE, demonyms
from helpers.knowledge.titles import load_ranks, title_words
from helpers.knowledge.vocabulary import CALENDAR_WORDS_FILE, calendar_words


@dataclass(frozen=True)
class CaseLexicon:
    """What the recaser knows about how words are written.

    Attributes:
        lower: Common words, written in lower case (lower-case forms).
        suffix_rules: ``(ending, replacement)`` pairs that give an inflected word's base form
            ("ies" -> "y"), so "KILLINGS" is found as "killing".
        names: Lower-case names of one or more words (single spaces) -> as written.
        longest: Words in the longest name.
        calendar: Lower-case month and weekday words -> as written.
        common_calendar: Those of them that are also common words ("may", "sun").
        titles: Lower-case title words that introduce a name ("president", "gen").
        offices: Lower-case rank and office nouns ("spokesman", "minister"): the nouns after
            one are a name ("SPOKESMAN IBRAHIM MUSA").
        nouns: Common words that are only nouns (no verb, adjective, adverb or function
            word): between two names they are part of the name ("JUAN CARLOS ORTEGA").
        bodies: Head nouns of organisation names ("army", "ministry", "party"): after a
            name they end the organisation's name ("SALVADORAN ARMY").
        function_words: Stop words, which no organisation name runs over.
    """

    lower: frozenset[str]
    suffix_rules: tuple[tuple[str, str], ...]
    names: dict[str, str]
    longest: int
    calendar: dict[str, str]
    common_calendar: frozenset[str]
    titles: frozenset[str]
    offices: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()

    def is_common(self, word: str) -> bool:
        """True when ``word`` (lower case) is a common word or an inflection of one.

        >>> lexicon = CaseLexicon(frozenset({"kill"}), (("s", ""),), {}, 1, {}, frozenset(), frozenset())
        >>> lexicon.is_common("kills"), lexicon.is_common("kirkuk")
        (True, False)
        """
        if word in self.lower:
            return True
        return any(
            word.endswith(ending) and word[: len(word) - len(ending)] + base in self.lower
            for ending, base in self.suffix_rules
        )


_LEXICONS: weakref.WeakKeyDictionary[Language, CaseLexicon] = weakref.WeakKeyDictionary()


def attach_case_lexicon(
    nlp: Language, *, place_names: Iterable[str], extra_dictionaries: Sequence[str | PathLike] = ()
) -> CaseLexicon:
    """Build the recaser's lexicon for ``nlp`` and keep it with the pipeline (:func:`case_lexicon`).

    Args:
        nlp: The pipeline; its lemmatizer's word tables and its stop words give the common words.
        place_names: Place names as written (the place rules' phrases).
        extra_dictionaries: The user's actor dictionaries (their names count too).

    Returns:
        The lexicon.
    """
    lower, nouns, rules = _common_words(nlp)
    ranks = load_ranks()
    names: dict[str, str] = {}
    actor_names = {
        name
        for actor in load_dictionary(extra_dictionaries).actors.values()
        for name in (actor.canonical, *actor.aliases)
    }
    # A single-word actor alias that is also a common word ("IS", "Army") says nothing about
    # how the word is written elsewhere; curated place names and demonyms leave such words out.
    for name in sorted(actor_names):
        words = name.split()
        if name[:1].isupper() and (len(words) > 1 or name.lower() not in lower):
            names.setdefault(" ".join(words).lower(), " ".join(words))
    for name in sorted({*place_names, *demonyms()}):
        names[" ".join(name.split()).lower()] = " ".join(name.split())
    lexicon = CaseLexicon(
        lower=lower,
        suffix_rules=rules,
        names=names,
        longest=max((len(key.split()) for key in names), default=1),
        calendar={word.lower(): word for word in calendar_words()},
        common_calendar=frozenset(word.lower() for word, common in calendar_words().items() if common),
        titles=title_words().introduce_name,
        offices=frozenset(
            v for v in ranks.loc[ranks["kind"].isin(["rank", "title"]), "variant"] if " " not in v
        ),
        nouns=nouns,
        bodies=frozenset(ranks.loc[ranks["kind"] == "body", "variant"]),
        function_words=frozenset(w.lower() for w in nlp.Defaults.stop_words),
    )
    _LEXICONS[nlp] = lexicon
    return lexicon


def casing_files() -> list[Path]:
    """The files the recaser is made of (this module and the lists it reads), for the parse-cache key."""
    return [
        Path(__file__),
        Path(__file__).with_name("casing.py"),
        config.vocabulary_path(CALENDAR_WORDS_FILE),
        config.DATA_DIR / DEMONYMS_FILE,
    ]


def case_lexicon(nlp: Language) -> CaseLexicon | None:
    """The lexicon attached to ``nlp``, or ``None`` (a raw model: texts are parsed as written)."""
    return _LEXICONS.get(nlp)


def _common_words(nlp: Language) -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, str], ...]]:
    """The stop words and the words of the lemmatizer's tables of ``nlp``, the words of them
    that are only nouns, and the lemmatizer's suffix rules."""
    words = {w.lower() for w in nlp.Defaults.stop_words}
    nouns: set[str] = set()
    rules: set[tuple[str, str]] = set()
    for _, component in nlp.components:
        # the memoising stand-in keeps spaCy's lemmatizer (and its tables) as ``original``
        lookups = getattr(getattr(component, "original", None) or component, "lookups", None)
        if lookups is None:
            continue
        if "lemma_index" in lookups:  # part of speech -> the words of that part of speech
            for pos, listed in lookups.get_table("lemma_index").items():
                (nouns if pos == get_string_id("noun") else words).update(listed)
        if "lemma_exc" in lookups:  # part of speech -> irregular form -> its lemmas
            for forms in lookups.get_table("lemma_exc").values():
                words.update(forms)
                words.update(lemma for lemmas in forms.values() for lemma in lemmas)
        if "lemma_lookup" in lookups:  # hashed form -> lemma
            words.update(v for v in lookups.get_table("lemma_lookup").values() if isinstance(v, str))
        if "lemma_rules" in lookups:  # part of speech -> [ending, replacement] pairs
            rules.update(
                (ending, base)
                for table in lookups.get_table("lemma_rules").values()
                for ending, base in table
            )
    only_nouns = frozenset(w for w in nouns - words if w.isalpha())
    return (
        frozenset(w for w in words | nouns if w.isalpha()),
        only_nouns,
        tuple(sorted(r for r in rules if r[0])),
    )
