"""Casualty vocabularies: the lexicon of trigger words and victims, cue words, cue patterns, quantity words.

Read from ``helpers/data/<language>/`` and cached per language:

* ``casualty_lexicon.csv``: trigger words with their outcome and frame (how they
  find their victims), person nouns with their victim group, event nouns,
  non-persons (:class:`Lexicon`, :func:`load_lexicon`);
* ``casualty_cues.csv``: the function words and verbs around a trigger, by role
  (:class:`CasualtyCues`, :func:`casualty_cues`);
* ``casualty_survival.json``: spaCy Matcher patterns of survival cues
  (:func:`cue_patterns`); the scope patterns (``casualty_scope.json``) and
  calendar words are read by :mod:`helpers.knowledge.time_words`;
* ``victim_sides.csv``: the side of each victim group (:func:`victim_sides`);
* ``quantities.csv``: qualifiers, vague amounts and other words of counted
  phrases (:class:`QuantityWords`, :func:`quantity_words`).

The extractor in :mod:`helpers.extract.casualties` keeps only the grammar
(dependency labels, POS tags, entity labels); every word it tests comes from here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from typing import Any

from helpers import config
from helpers.knowledge.vocabulary import read_vocabulary

#: The lexicon value of triggers that count killed and injured together (``shot``, ``casualties``).
HARMED = "harmed"


@dataclass(frozen=True)
class Phrase:
    """A construction whose head word is a casualty trigger only with a complement (``passed away``).

    Attributes:
        words: Head word (lemma) -> outcome, ``""`` when the construction takes
            it from elsewhere (``left three dead``: the adjective's).
        complements: Complement word -> the outcome it gives instead, or ``""``
            (``injury toll``: injured).
    """

    words: dict[str, str]
    complements: dict[str, str]


_NO_PHRASE = Phrase(words={}, complements={})


@dataclass(frozen=True)
class Lexicon:
    """The casualty lexicon, read from ``casualty_lexicon.csv``.

    Attributes:
        verbs / nouns / adjectives: trigger lemma -> outcome (or ``"harmed"``).
        state_nouns: nouns naming an injury, never counted by their own number
            (``94 stab wounds``), only negated (``no injuries``) or held by a person.
        of_nouns: event nouns that count people only through their of-object
            (``the shooting of a teen``; ``three shootings`` are incidents).
        fatal: lemmas that make ``shoot``/``stab``/``wound`` fatal.
        victims: person-noun lemma -> victim group.
        modifiers: modifier lemma -> victim group (``police`` officer).
        events: event nouns that carry a perpetrator (``ISIS attack``) and
            weapons, which are never the perpetrator themselves.
        animate: trigger lemmas whose victims can only be living beings.
        non_persons: nouns never counted as people even after an animate trigger.
        intransitive: verbs whose subject is the victim (``ten people died``).
        particle_verbs: verbs that are a trigger only with a particle (``gunned down``).
        struck_verbs: verbs that are a trigger only when what struck is a projectile or the
            place struck a body part (``hit by a stray bullet``, ``struck in the chest``).
        fatal_injury: fatal cues that make an injury fatal too (``mortally wounded``).
        fatal_objects: fatal cues as the object of a preposition (``shot to death``).
        object_nouns: nouns never a trigger alone, only the object of a phrase (``claimed 20 lives``).
        phrases: construction name -> :class:`Phrase` (``passed_away``, ``lost_lives``,
            ``claimed_lives``, ``taken_hostage``, ``left_state``, ``death_toll``, ``condition``).
        headline_verbs: verb form a headline uses as a noun -> the verb's lemma (``shot``: ``shoot``).
    """

    verbs: dict[str, str]
    nouns: dict[str, str]
    state_nouns: dict[str, str]
    of_nouns: dict[str, str]
    adjectives: dict[str, str]
    fatal: frozenset[str]
    victims: dict[str, str]
    modifiers: dict[str, str]
    events: frozenset[str]
    animate: frozenset[str]
    non_persons: frozenset[str]
    intransitive: frozenset[str]
    particle_verbs: frozenset[str]
    struck_verbs: frozenset[str]
    fatal_injury: frozenset[str]
    fatal_objects: frozenset[str]
    object_nouns: frozenset[str]
    phrases: dict[str, Phrase]
    headline_verbs: dict[str, str]

    def phrase(self, name: str) -> Phrase:
        """The construction ``name``.

        Args:
            name: The construction (the ``frame`` of its ``phrase`` rows), e.g. ``"passed_away"``.

        Returns:
            Its :class:`Phrase`; one the lexicon lacks has no words, so it matches nothing.

        >>> lexicon = load_lexicon()
        >>> lexicon.phrase("passed_away"), lexicon.phrase("unknown").words
        (Phrase(words={'pass': 'killed'}, complements={'away': ''}), {})
        """
        return self.phrases.get(name, _NO_PHRASE)

    @cached_property
    def trigger_words(self) -> frozenset[str]:
        """Every lemma or lower-case form a trigger can have; other tokens are no trigger.

        >>> {"die", "pass", "toll", "condition", "shot"} <= load_lexicon().trigger_words
        True
        """
        heads = {word for phrase in self.phrases.values() for word in phrase.words}
        return frozenset(
            {
                *self.verbs,
                *self.nouns,
                *self.of_nouns,
                *self.state_nouns,
                *self.adjectives,
                *self.headline_verbs,
                *heads,
            }
        )


@lru_cache(maxsize=4)
def load_lexicon(language: str = config.DEFAULT_LANGUAGE) -> Lexicon:
    """Load the casualty lexicon of ``language`` (cached).

    Args:
        language: Language of the vocabulary (``helpers/data/<language>/casualty_lexicon.csv``,
            columns ``kind, term, value, frame, note``).

    Returns:
        The :class:`Lexicon`.

    >>> lexicon = load_lexicon()
    >>> lexicon.verbs["kill"], "die" in lexicon.intransitive, lexicon.headline_verbs["shot"]
    ('killed', True, 'shoot')
    """
    by_kind: dict[str, dict[str, str]] = defaultdict(dict)
    framed: dict[tuple[str, str], set[str]] = defaultdict(set)
    phrases: dict[str, Phrase] = {}
    for row in read_vocabulary("casualty_lexicon.csv", language):
        kind, term, value, frame = row["kind"], row["term"].lower(), row["value"], row["frame"]
        if kind in ("phrase", "complement"):
            phrase = phrases.setdefault(frame, Phrase(words={}, complements={}))
            (phrase.words if kind == "phrase" else phrase.complements)[term] = value
            continue
        by_kind[kind][term] = value
        if frame:
            framed[kind, frame].add(term)
    return Lexicon(
        verbs=by_kind["verb"],
        nouns=by_kind["noun"],
        state_nouns=by_kind["state_noun"],
        of_nouns=by_kind["of_noun"],
        adjectives=by_kind["adj"],
        fatal=frozenset(by_kind["fatal"]),
        victims=by_kind["victim"],
        modifiers=by_kind["modifier"],
        events=frozenset(by_kind["event"]),
        animate=frozenset(by_kind["animate"]),
        non_persons=frozenset(by_kind["non_person"]),
        intransitive=frozenset(framed["verb", "intransitive"]),
        particle_verbs=frozenset(framed["verb", "particle"]),
        struck_verbs=frozenset(framed["verb", "struck"]),
        fatal_injury=frozenset(framed["fatal", "injury"]),
        fatal_objects=frozenset(framed["fatal", "object"]),
        object_nouns=frozenset(framed["noun", "object"]),
        phrases=phrases,
        headline_verbs=by_kind["headline_verb"],
    )


@dataclass(frozen=True)
class CasualtyCues:
    """Cue words around casualty triggers, one set per role of ``casualty_cues.csv``.

    The file's header explains each role; an attribute is named like its role.
    """

    negative_pronoun: frozenset[str]
    negative_determiner: frozenset[str]
    singular_pronoun: frozenset[str]
    person_pronoun: frozenset[str]
    person_numeral: frozenset[str]
    reflexive: frozenset[str]
    additional_person: frozenset[str]
    singular_determiner: frozenset[str]
    anaphoric_determiner: frozenset[str]
    total_noun: frozenset[str]
    collective_noun: frozenset[str]
    group_member: frozenset[str]
    age_unit: frozenset[str]
    age_adjective: frozenset[str]
    age_abbreviation: frozenset[str]
    partitive: frozenset[str]
    membership: frozenset[str]
    origin: frozenset[str]
    toll_value: frozenset[str]
    agent_preposition: frozenset[str]
    opponent_preposition: frozenset[str]
    fight_noun: frozenset[str]
    fatal_preposition: frozenset[str]
    wound_preposition: frozenset[str]
    absence_preposition: frozenset[str]
    composition_adverb: frozenset[str]
    breakaway: frozenset[str]
    group_noun: frozenset[str]
    armed_marker: frozenset[str]
    armed_group_noun: frozenset[str]
    copula: frozenset[str]
    perfect_auxiliary: frozenset[str]
    state_verb: frozenset[str]
    holder_verb: frozenset[str]
    transfer_verb: frozenset[str]
    fatal_adjective: frozenset[str]
    including: frozenset[str]
    additive_adverb: frozenset[str]
    other_modifier: frozenset[str]
    others: frozenset[str]
    count_addition: frozenset[str]
    modal: frozenset[str]
    intent_verb: frozenset[str]
    permit_verb: frozenset[str]
    idiom_before_qualifier: frozenset[str]
    age_noun: frozenset[str]
    age_list_word: frozenset[str]
    frequency_noun: frozenset[str]
    projectile: frozenset[str]
    body_part: frozenset[str]
    aim_verb: frozenset[str]
    aim_preposition: frozenset[str]
    negation: frozenset[str]
    event_verb: frozenset[str]
    attack_verb: frozenset[str]
    conflict_noun: frozenset[str]
    care_word: frozenset[str]
    custody_word: frozenset[str]
    release_verb: frozenset[str]


@lru_cache(maxsize=4)
def casualty_cues(language: str = config.DEFAULT_LANGUAGE) -> CasualtyCues:
    """The casualty cue words of ``language``, by role.

    Args:
        language: Language of the vocabulary (``casualty_cues.csv``, columns ``word, role``).

    Returns:
        The :class:`CasualtyCues`.

    Raises:
        ValueError: If the file has a role :class:`CasualtyCues` does not know, or lacks one.

    >>> cues = casualty_cues()
    >>> sorted(cues.toll_value), "could" in cues.modal
    (['at', 'to'], True)
    """
    by_role: dict[str, set[str]] = defaultdict(set)
    for row in read_vocabulary("casualty_cues.csv", language):
        by_role[row["role"]].add(row["word"])
    roles = {field.name for field in fields(CasualtyCues)}
    if set(by_role) != roles:
        raise ValueError(
            f"casualty_cues.csv ({language}): unknown roles {sorted(set(by_role) - roles)}, "
            f"missing roles {sorted(roles - set(by_role))}"
        )
    return CasualtyCues(**{role: frozenset(words) for role, words in by_role.items()})


@lru_cache(maxsize=8)
def cue_patterns(name: str, language: str = config.DEFAULT_LANGUAGE) -> tuple[list[dict[str, Any]], ...]:
    """The spaCy Matcher token patterns of ``casualty_<name>.json``.

    Args:
        name: ``"survival"`` (cues that the wounded survived).
        language: Language of the vocabulary.

    Returns:
        One token pattern per cue, in file order.

    >>> cue_patterns("survival")[0][1]
    {'LOWER': 'condition'}
    """
    path = config.vocabulary_path(f"casualty_{name}.json", language)
    with path.open(encoding="utf-8") as handle:
        return tuple(entry["pattern"] for entry in json.load(handle)["patterns"])


@dataclass(frozen=True)
class QuantityWords:
    """The words of counted phrases, read from ``quantities.csv``.

    Attributes:
        vague_low_bounds: Vague amount -> the lowest number it means (``dozens``: 24).
        vague_exact: Vague word that still states an exact number -> the number (``a dozen``: 12).
        qualifiers: Qualifier before a number -> mode (``low``, ``above``, ``high``, ``below``, ``approx``).
        trailing_qualifiers: Qualifier after a number -> mode (``or more``: ``low``).
        articles: Article -> the number word it stands for before a scale word (``an hundred``).
        scales: Number words an article can stand before (``hundred``).
        after_article: Amount words counted after an article (``a dozen``, ``a handful``).
        ordinal_suffixes: Endings of ordinal numbers (``fifth``), which never count people.
        units: Word a vague amount or number multiplies -> its size (``dozen``: 12).
        range_open: Words opening a range (``between``).
        range_join: Words joining the ends of a range (``to``, ``or``, ``-``; ``and`` only after
            a range_open word: ``between 20 and 30``) -> ``"open"`` for the latter, else ``""``.
    """

    vague_low_bounds: dict[str, int]
    vague_exact: dict[str, int]
    qualifiers: dict[str, str]
    trailing_qualifiers: dict[str, str]
    articles: dict[str, str]
    scales: tuple[str, ...]
    after_article: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]
    units: dict[str, int]
    range_open: tuple[str, ...]
    range_join: dict[str, str]


@lru_cache(maxsize=4)
def quantity_words(language: str = config.DEFAULT_LANGUAGE) -> QuantityWords:
    """The quantity words of ``language``, in file order.

    Args:
        language: Language of the vocabulary (``quantities.csv``, columns ``phrase, kind, value``).

    Returns:
        The :class:`QuantityWords`.

    >>> words = quantity_words()
    >>> words.vague_low_bounds["dozens"], words.qualifiers["at least"], words.scales
    (24, 'low', ('hundred', 'thousand'))
    """
    by_kind: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_vocabulary("quantities.csv", language):
        by_kind[row["kind"]][row["phrase"]] = row["value"]
    return QuantityWords(
        vague_low_bounds={phrase: int(value) for phrase, value in by_kind["vague"].items()},
        vague_exact={phrase: int(value) for phrase, value in by_kind["exact"].items()},
        qualifiers=by_kind["qualifier"],
        trailing_qualifiers=by_kind["trailing_qualifier"],
        articles=by_kind["article"],
        scales=tuple(by_kind["scale"]),
        after_article=tuple(by_kind["after_article"]),
        ordinal_suffixes=tuple(by_kind["ordinal_suffix"]),
        units={phrase: int(value) for phrase, value in by_kind["unit"].items()},
        range_open=tuple(by_kind["range_open"]),
        range_join=by_kind["range_join"],
    )


@lru_cache(maxsize=1)
def group_words() -> frozenset[str]:
    """Words of armed people as a group or a kind, no one's name ("gunman", "soldier", "gang"; not a
    trade, a surname too: "Baker"): the victim nouns of armed sides and the cues' group nouns.

    >>> {"soldier", "gang"} <= group_words(), "baker" in group_words()
    (True, False)
    """
    cues, sides, armed = casualty_cues(), victim_sides(), {"security forces", "armed groups"}
    victims = {word for word, group in load_lexicon().victims.items() if sides.get(group) in armed}
    return frozenset(victims) | cues.group_noun | cues.armed_group_noun


@lru_cache(maxsize=1)
def victim_sides() -> dict[str, str]:
    """Victim group -> side (``civilians``, ``security forces``, ``armed groups``, ``unknown``).

    Read from ``helpers/data/victim_sides.csv``; every group of the lexicon has a side.

    >>> victim_sides()["police"], victim_sides()["people"]
    ('security forces', 'unknown')
    """
    sides = {r["victim_group"]: r["side"] for r in read_vocabulary("victim_sides.csv", language="")}
    groups = {
        group
        for lexicon in (load_lexicon(),)
        for group in (*lexicon.victims.values(), *lexicon.modifiers.values())
    }
    missing = groups - set(sides)
    if missing:
        raise ValueError(f"victim_sides.csv: no side for the victim groups {sorted(missing)}")
    return sides
