"""Casualty figures: who was killed, injured, kidnapped, missing or arrested, and how many.

:func:`extract_casualties` turns one parsed article into one row per casualty
figure stated in a sentence. It works on the dependency parse:

1. **Triggers** are tokens whose lemma is in the lexicon
   (``data/casualty_lexicon.csv``): verbs (``kill``, ``die``, ``wound``,
   ``kidnap``, ``arrest``, ``shoot`` …), nouns (``deaths``, ``casualties``,
   ``bodies``, ``hostages``) and predicate adjectives (``dead``, ``injured``,
   ``missing``).
2. **Victims** are read off the trigger's arguments: the object of an active
   verb, the subject of a passive or intransitive one (``three soldiers were
   killed``, ``ten people died``), the noun a participle modifies (``3 killed``),
   the object of ``left … dead``, the subject of ``lost their lives``, the
   ``among``/``of`` complement of a noun trigger (``ten deaths among Iraqi
   forces``), and conjoined victims (``an officer and three soldiers``).
3. **Counts** come from the victim: a number phrase found by a spaCy
   :class:`~spacy.matcher.Matcher` over qualifiers + number words/digits/vague
   amounts, parsed by :func:`helpers.numbers.parse_quantity`; ``a``/``an``/``one``
   + a person noun, a named person or ``he``/``she`` count 1; ``no one``,
   ``nobody``, ``no casualties`` count 0; a bare plural (``Militiamen killed``)
   gives a row with no number (``qualifier="unspecified"``, ``low=high=None``)
   so the notebook can show it, and totals ignore it.
4. Only victims that are people count: a person noun from the lexicon, a
   nationality (NORP), a named person, a pronoun or a bare number. Counts inside
   DATE/TIME/MONEY/PERCENT/QUANTITY/ORDINAL entities are never figures, so
   vehicles, years, ages (``a 25-year-old``), brigades, money or
   ``five sub-committees`` do not become casualties (``a second victim`` is
   one person, like ``a victim``).

Outcome ``harmed`` triggers (``shot``, ``stabbed``, ``casualties``,
``victims``) count killed and injured together: the row's ``outcome`` is
``injured`` and ``includes_killed`` is True; ``fatally shot``, ``shot dead``,
``shot to death``, ``shot and killed`` and ``gunned down`` are ``killed``. Shot
victims set apart from the killed (``killed one and shot two others``,
``another man was also shot``) or said to survive (``was shot and is in stable
condition``) are ``injured`` only.

Hard cases:

* enumerations (``killing an officer and three soldiers``) give one row per
  part sharing a ``group``; :func:`helpers.aggregate.totals.casualty_totals` adds a group's parts (4).
* totals with parts (``three killed, including a soldier … and one
  civilian``): the parts carry ``part_of`` = the total's ``"start-end"`` and are
  never added to it (3, not 6).
* later deaths (``one was injured and later died``): the person counts as
  killed; the injured row is excluded with reason ``later died``.
* headlines the tagger misreads: ``4 shot, 1 fatally``, ``Teen shot …`` (``shot``
  as a noun) still give figures; ``shot himself`` counts the shooter (1).
* harm that did not happen (``could have been killed``, ``threatened to kill``)
  and negated injuries (``did not suffer any injuries``, 0) state no victims.
* an injured person referred back to (``she``, ``the boy``) counts only if
  the sentence says the person survived (rule suffix ``+survived``) — see
  :func:`helpers.aggregate.totals.casualty_totals`, rule 5.
* rows outside title/body paragraphs are kept but ``excluded`` with the
  paragraph kind as reason (``boilerplate`` for "Read More:" links, ``repeat``,
  ``credit``), ``duplicate`` for duplicate articles; a headline figure equal
  to a body figure is excluded as ``restated headline``; a sentence with a
  time cue for an earlier period (``last year``, ``since 2014``, ``so far
  this year``, ``in total``) marks its figures ``background``.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from helpers import config
from helpers.articles import Article
from helpers.extract.casualties.numbers import (
    QUALIFIERS,
    TRAILING_QUALIFIERS,
    VAGUE_LOW_BOUNDS,
    Quantity,
    parse_number,
    parse_quantity,
)
from helpers.knowledge.actors import ActorDictionary, canonicalize

LEXICON_PATH = config.vocabulary_path("casualty_lexicon.csv")


OUTCOMES = ("killed", "injured", "kidnapped", "missing", "arrested")
#: Place roles (from :func:`helpers.places.resolve_places`) a figure can be attached to.
EVENT_ROLES = frozenset({"event", "nested"})
#: Count rules for one person referred back to (see :func:`helpers.aggregate.totals.casualty_totals`, rule 5).
ANAPHORIC_COUNTS = ("singular_definite", "pronoun", "named_person")
_HARMED = "harmed"
_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
_NEGATIVE_PRONOUNS = {"nobody", "none", "noone"}
_SINGULAR_PRONOUNS = {"he", "she", "him", "her"}
#: Objects that are the subject itself ("shot himself", "wounds self").
_REFLEXIVES = {"himself", "herself", "self"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_PARTICIPLE_TAGS = {"VBN"}
#: Time cues that put a figure in the background (earlier period, cumulative count).
_BACKGROUND_PATTERNS = [
    [{"LOWER": {"IN": ["last", "previous", "past"]}}, {"LOWER": {"IN": ["year", "years", "decade", "month", "months"]}}],
    [{"LOWER": "since"}, {"SHAPE": "dddd"}],
    [{"LOWER": "since"}, {"LOWER": "the"}, {"LOWER": {"IN": ["start", "beginning", "outbreak"]}}],
    [{"LOWER": "so"}, {"LOWER": "far"}, {"LOWER": {"IN": ["this", "in"]}}],
    [{"LOWER": "in"}, {"LOWER": "total"}, {"LOWER": "since"}],
    [{"LOWER": "earlier"}, {"LOWER": "this"}, {"LOWER": {"IN": ["year", "month"]}}],
    [{"LOWER": {"IN": ["a", "one", "two", "three"]}}, {"LOWER": {"IN": ["year", "years"]}}, {"LOWER": "ago"}],
    [{"LOWER": "in"}, {"LOWER": "recent"}, {"LOWER": {"IN": ["years", "months"]}}],
    [{"LOWER": "this"}, {"LOWER": "year"}],
    [{"LOWER": {"IN": ["every", "each", "per"]}}, {"LOWER": {"IN": ["year", "month", "week"]}}],
    [{"LOWER": "a"}, {"LOWER": "year"}, {"IS_PUNCT": True}],  # rates: "kills 30,000 people a year."
    [{"LOWER": "annually"}],
    [{"LOWER": "in"}, {"LOWER": "recent"}, {"LOWER": {"IN": ["weeks", "days"]}}],
    [{"LOWER": "anniversary"}],
]

#: Cues that the wounded survived (an injured person referred back to is then not a killed one).
_SURVIVAL_PATTERNS = [
    [{"LOWER": {"IN": ["stable", "good", "fair", "satisfactory"]}}, {"LOWER": "condition"}],
    [{"LOWER": "non"}, {"ORTH": "-", "OP": "?"}, {"LOWER": "life"}],
    [{"LOWER": {"IN": ["nonlife", "non-life"]}}],
    [{"LEMMA": {"IN": ["survive", "recover", "hospitalize", "hospitalise"]}}],
    [{"LOWER": "treated"}, {"LOWER": "and"}, {"LOWER": "released"}],
    [{"LEMMA": "release"}, {"LOWER": "from"}, {"LOWER": "the", "OP": "?"}, {"LEMMA": "hospital"}],
    [{"LOWER": "minor"}, {"LEMMA": {"IN": ["injury", "wound"]}}],
]
_NEGATIONS = {"not", "n't", "never", "no"}


@dataclass(frozen=True)
class Lexicon:
    """The casualty lexicon, read from ``data/casualty_lexicon.csv``.

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

    @cached_property
    def trigger_words(self) -> frozenset[str]:
        """Every lemma or lower-case form :func:`_trigger_victims` can answer for; other tokens are no trigger."""
        return frozenset({*self.verbs, *self.nouns, *self.of_nouns, *self.state_nouns, *self.adjectives,
                          *_CONDITION_NOUNS, *_OTHER_TRIGGER_WORDS})


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Load the casualty lexicon (cached).

    Args:
        path: CSV with columns ``kind, term, value, note``.

    Returns:
        The :class:`Lexicon`.
    """
    by_kind: dict[str, dict[str, str]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            by_kind.setdefault(row["kind"], {})[row["term"].lower()] = row["value"]
    return Lexicon(
        verbs=by_kind.get("verb", {}),
        nouns=by_kind.get("noun", {}),
        state_nouns=by_kind.get("state_noun", {}),
        of_nouns=by_kind.get("of_noun", {}),
        adjectives=by_kind.get("adj", {}),
        fatal=frozenset(by_kind.get("fatal", {})),
        victims=by_kind.get("victim", {}),
        modifiers=by_kind.get("modifier", {}),
        events=frozenset(by_kind.get("event", {})),
        animate=frozenset(by_kind.get("animate", {})),
        non_persons=frozenset(by_kind.get("non_person", {})),
    )


@lru_cache(maxsize=8)
def _matchers(vocab_id: int, vocab: Any) -> tuple[Matcher, Matcher, Matcher]:
    """Build the quantity, background-cue and survival-cue matchers for one vocabulary."""
    quantity = Matcher(vocab)
    number = [{"LIKE_NUM": True, "OP": "+"}]
    hyphenated = [{"LIKE_NUM": True}, {"ORTH": "-"}, {"LIKE_NUM": True}]
    vague_single = [{"LOWER": {"IN": [v for v in VAGUE_LOW_BOUNDS if " " not in v and v not in {"a", "an", "some"}]}}]
    vague_article = [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": ["dozen", "couple", "few", "handful", "hundred", "thousand", "pair"]}}]
    cores = [number, hyphenated, vague_single, vague_article]
    quantity.add("QUANTITY", cores)
    for qualifier in QUALIFIERS:
        prefix = [{"LOWER": word} for word in qualifier.split()]
        quantity.add("QUANTITY", [prefix + core for core in cores])
    for trailing in TRAILING_QUALIFIERS:
        suffix = [{"LOWER": word} for word in trailing.split()]
        quantity.add("QUANTITY", [core + suffix for core in (number, hyphenated)])
    background = Matcher(vocab)
    background.add("BACKGROUND", _BACKGROUND_PATTERNS)
    survival = Matcher(vocab)
    survival.add("SURVIVED", _SURVIVAL_PATTERNS)
    return quantity, background, survival


@lru_cache(maxsize=4)
def _entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per doc (spaCy rebuilds every entity span on each access)."""
    return tuple(doc.ents)


class _SentenceMatches:
    """Count phrases and cue matches of one sentence, found when first asked for.

    Most sentences hold no casualty trigger; running the three token matchers
    only on those that do saves most of their cost (they took about 60 % of
    the extractor's time when run over every doc). Token indexes are the doc's.
    """

    def __init__(self, sentence: Span, article: Article, times: Sequence[Span]) -> None:
        self.sentence, self.article, self.times = sentence, article, times
        self.matchers = _matchers(id(sentence.doc.vocab), sentence.doc.vocab)

    def _starts(self, matcher: Matcher) -> list[int]:
        return [self.sentence.start + start for _, start, _ in matcher(self.sentence)]

    @cached_property
    def quantities(self) -> dict[int, Span]:
        """Each token index inside a count phrase, mapped to its (longest) phrase."""
        doc, offset = self.sentence.doc, self.sentence.start
        spans = filter_spans([doc[offset + s:offset + e] for _, s, e in self.matchers[0](self.sentence)])
        return {i: span for span in spans for i in range(span.start, span.end)}

    @cached_property
    def background(self) -> bool:
        """Whether the sentence's figures are background (see :func:`_is_background`)."""
        return _is_background(bool(self._starts(self.matchers[1])), self.article, self.times)

    @cached_property
    def survival_starts(self) -> list[int]:
        """Where survival cues start; "not expected to survive", "did not recover" are none."""
        doc = self.sentence.doc
        return [start for start in self._starts(self.matchers[2])
                if not any(t.lower_ in _NEGATIONS for t in doc[max(start - 3, 0):start])]


# --------------------------------------------------------------------------------------
# Argument structure. Walked by hand: victims hang off triggers through passives,
# conjunct chains and participles at variable depth, which DependencyMatcher
# patterns (fixed shape) would need dozens of near-duplicates to cover.
# --------------------------------------------------------------------------------------


def _with_conjuncts(token: Token, lexicon: Lexicon, *, appositions: bool = False) -> list[Token]:
    """The token and the tokens conjoined to it (``an officer and three soldiers``).

    A conjunct with its own trigger (``3 killed, 5 injured``) is a separate
    figure. Appositions usually rename the same people (``three people --
    Renee, Joshua and Brian``; ``his father, Joe``) so they are followed only
    with ``appositions`` (lists of parts after ``including``).
    """
    relations = {"conj", "appos"} if appositions else {"conj"}
    found = [token]
    for child in token.children:
        if child.dep_ in relations and child.pos_ in {"NOUN", "PROPN", "NUM", "PRON", "ADJ"} and not _has_own_trigger(child, lexicon):
            if child.dep_ == "appos" and child.pos_ == "NUM" and token.pos_ != "NUM":
                continue  # "Smith, 25," is an age, not a second victim.
            found.extend(_with_conjuncts(child, lexicon, appositions=appositions))
    return found


def _has_own_trigger(token: Token, lexicon: Lexicon) -> bool:
    return any(c.dep_ in {"acl", "relcl", "amod"} and (c.lemma_.lower() in lexicon.verbs or c.lower_ in lexicon.adjectives) for c in token.children)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or (
        verb.tag_ in _PARTICIPLE_TAGS and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    )


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, inherited from the verb it is conjoined to when missing."""
    while True:
        for child in verb.children:
            if child.dep_ in _SUBJECTS:
                if child.tag_ in {"WDT", "WP"} and verb.dep_ in {"relcl", "acl"}:
                    return verb.head  # "the shelling that killed …": the subject is the shelling
                return child
        if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX", "ADJ"} or verb.dep_ == "xcomp" and verb.tag_ in _PARTICIPLE_TAGS:
            verb = verb.head  # "was shot and killed"; "was found shot"
            continue
        if verb.dep_ in {"acl", "relcl"} and (verb.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON"} or _is_age(verb.head)):
            return verb.head
        return None


def _is_age(token: Token) -> bool:
    """``old`` in ``a 12-year-old`` used as a noun."""
    return token.lower_ == "old" and any(c.lemma_.lower() in {"year", "month", "week", "day"} for c in token.children)


def _shares_object(verb: Token) -> bool:
    """``shot and wounded two men``: a conjoined verb holds the object of both."""
    return any(c.dep_ == "conj" and c.pos_ == "VERB" and _objects(c) for c in verb.children)


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"dobj", "obj"}]


def _verb_outcome(verb: Token, lexicon: Lexicon, lemma: str | None = None) -> str | None:
    """Outcome of a trigger verb; ``shoot``/``stab``/``wound`` become killed with a fatal cue.

    ``lemma`` overrides the token's lemma (a verb the tagger read as a noun).
    """
    outcome = lexicon.verbs.get(lemma or verb.lemma_.lower())
    if outcome is None:
        return None
    if outcome in {_HARMED, "injured"}:
        related = list(verb.children) + ([verb.head] if verb.dep_ == "conj" else [])
        for other in related:
            lemma = other.lemma_.lower()
            if other.dep_ in {"advmod", "oprd", "acomp", "prt", "conj", "xcomp", "amod"} and lemma in lexicon.fatal and _subset_count(other) is None and not (
                    other.pos_ == "VERB" and _objects(other) and _objects(verb)):  # "shooting four and killing one"
                if outcome == _HARMED or lemma in {"mortally", "fatally"}:
                    return "killed"
            if other.dep_ == "prep" and lemma == "to" and any(g.lemma_ == "death" for g in other.children):
                return "killed"
    if verb.lemma_.lower() == "gun" and not any(c.dep_ == "prt" for c in verb.children):
        return None
    return outcome


#: Auxiliaries and governing verbs of a harm that did not happen ("could have been killed", "threatened to kill").
_MODALS = {"might", "could", "would", "will", "should", "can", "must", "wo", "ca"}
_INTENT_VERBS = {"want", "try", "plan", "threaten", "intend", "vow", "plot", "hope", "seek", "attempt", "mean", "fear"}
_STATE_VERBS = {"be", "remain", "pronounce", "find", "declare", "confirm", "report", "list", "leave"}
_CONDITION_NOUNS = {"condition", "state"}
#: Trigger words :func:`_trigger_victims` tests for besides the lexicon's (keep the two in step).
_OTHER_TRIGGER_WORDS = {"pass", "lose", "claim", "take", "hold", "leave", "toll", "shot"}
_CONDITION_ADJECTIVES = {"critical", "serious", "stable", "grave", "fair", "guarded", "life-threatening"}
_HOLDER_VERBS = {"suffer", "sustain", "receive", "have", "treat", "take", "rush", "transport", "hospitalize", "be", "remain", "list", "airlift", "fly"}


def _holder(noun: Token) -> Token | None:
    """The person who has an injury or condition: subject of ``suffered injuries``,
    ``was taken to hospital with wounds``, ``was in critical condition``."""
    token = noun
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        token = token.head
    if token.dep_ in {"prep", "dobj", "attr"} and token.head.lemma_.lower() in _HOLDER_VERBS:
        verb = token.head
        if verb.lemma_.lower() in {"die", "kill", "succumb"}:
            return None
        return _subject(verb) if verb.lemma_.lower() not in {"treat", "take", "rush", "transport", "airlift", "fly"} or _is_passive(verb) else next(iter(_objects(verb)), None)
    return None


def _toll(toll: Token) -> tuple[str | None, list[Token], Token | None, str]:
    """``the death toll rose to 15`` / ``stands at 15`` / ``a toll of 15`` / ``raising the toll to 20``."""
    outcome = "injured" if any(c.lemma_.lower() in {"injury", "casualty"} for c in toll.children) else "killed"
    candidates = [g for c in toll.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    holder = toll.head if toll.dep_ in _SUBJECTS | {"dobj"} else None
    if holder is not None:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in {"to", "at"}:
                candidates.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ in {"attr", "dobj"} and child is not toll:
                candidates.append(child)
    return (outcome, candidates, None, "death_toll") if candidates else (None, [], None, "")


def _negated(trigger: Token, rule: str) -> bool:
    """``was not hurt``; for an injury noun, its holder verb: ``did not suffer any injuries``."""
    verb = trigger
    if rule == "suffered_injury":
        verb = trigger.head.head if trigger.head.dep_ == "prep" else trigger.head
    return any(c.dep_ == "neg" for c in verb.children)


def _survivors(trigger: Token, survival_cue: bool) -> bool:
    """The sentence says the victims lived (``survival_cue``: ``in stable condition``,
    ``treated and released``) or adds them to those already named (``was also shot``)."""
    return survival_cue or any(c.lower_ == "also" for c in trigger.children)


def _unrealised(trigger: Token) -> bool:
    """A harm that is possible, threatened or intended, not reported: ``he could hurt her``, ``tried to kill``."""
    verb = trigger.head if trigger.dep_ in {"acomp", "oprd", "xcomp"} and trigger.pos_ == "ADJ" else trigger
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENT_VERBS


def _headline_shot(shot: Token, lexicon: Lexicon) -> list[Token]:
    """Victims of a headline ``shot`` the tagger read as a noun: ``4 shot in …``, ``Teen shot …``.

    Only a bare ``shot`` (no determiner, not a subject, object or modifier: ``one
    shot was fired``, ``a warning shot``, ``a six-shot revolver``; not ``shot and
    wounded two``) with a count of at least two (``1 shot`` is a gunshot) or a
    person (``Teen shot``, ``Three People Shot``, ``11-year-old shot``).
    """
    if shot.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "compound", "amod"} or any(c.dep_ == "det" for c in shot.children) or _shares_object(shot):
        return []
    victims = [c for c in shot.children if c.dep_ == "nummod" and (parse_number(c.text) or 0) >= 2
               or c.dep_ in {"compound", "nsubj", "amod"} and c.pos_ != "NUM" and _is_person(c, lexicon)]
    # A flat headline parse hangs every modifier on "shot" ("Female teen shot"): the last one is the head noun.
    return victims[-1:]


def _trigger_victims(trigger: Token, lexicon: Lexicon) -> tuple[str | None, list[Token], Token | None, str]:
    """Find outcome, victim heads, agent and rule name for one trigger token."""
    lemma = trigger.lemma_.lower()
    lower = trigger.lower_
    if trigger.pos_ in {"VERB", "AUX"} and lemma in lexicon.verbs:
        outcome = _verb_outcome(trigger, lexicon)
        if outcome is None:
            return None, [], None, ""
        intransitive = lemma in {"die", "perish", "succumb", "drown"}
        objects = _objects(trigger)
        agent = next((g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if intransitive:
            subject = _subject(trigger)
            return outcome, [subject] if subject is not None else [], None, "intransitive_subject"
        if objects:
            return outcome, objects, _subject(trigger), "active_object"
        if _is_passive(trigger):
            subject = _subject(trigger)
            return outcome, [subject] if subject is not None else [], agent, "passive_subject"
        subject = _subject(trigger)
        if subject is not None and not any(c.dep_ in {"aux", "neg", "prt"} or c.dep_ in {"ccomp", "xcomp"} for c in trigger.children) and not _shares_object(trigger):
            # Headline style "Four teens shot while leaving party": a transitive
            # trigger with a subject, no object and no auxiliary is a reduced passive.
            return outcome, [subject], None, "reduced_passive"
        return outcome, [], None, ""
    if lemma == "pass" and any(c.dep_ == "prt" and c.lower_ == "away" for c in trigger.children):
        subject = _subject(trigger)
        return "killed", [subject] if subject is not None else [], None, "intransitive_subject"
    if lemma == "lose" or lemma == "claim":
        lives = [c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() == "life"]
        if lives:
            if lemma == "lose":
                subject = _subject(trigger)
                return "killed", [subject] if subject is not None else [], None, "lost_lives"
            return "killed", lives, _subject(trigger), "claimed_lives"
    if lemma in {"take", "hold"} and any(c.lemma_.lower() in {"hostage", "captive"} and c.dep_ in {"oprd", "dobj", "advmod", "npadvmod", "attr"} for c in trigger.children):
        if _is_passive(trigger):
            subject = _subject(trigger)
            return "kidnapped", [subject] if subject is not None else [], None, "taken_hostage"
        return "kidnapped", _objects(trigger), _subject(trigger), "taken_hostage"
    if lemma == "leave":
        state = next((c for c in trigger.children if c.dep_ in {"oprd", "xcomp", "ccomp", "acomp", "advcl"} and c.lower_ in lexicon.adjectives), None)
        if state is not None:
            victims = [c for c in trigger.children if c.dep_ in {"dobj"}] or [c for c in state.children if c.dep_ in _SUBJECTS]
            return lexicon.adjectives[state.lower_], victims, _subject(trigger), "left_state"
    if lower in lexicon.adjectives and trigger.pos_ in {"ADJ", "VERB"}:
        head = trigger.head
        outcome = lexicon.adjectives[lower]
        if trigger.dep_ in {"acomp", "oprd", "xcomp"} and head.lemma_.lower() in _STATE_VERBS:
            subject = _subject(head)
            return outcome, [subject] if subject is not None else [], None, "predicate_state"
        own_subject = next((c for c in trigger.children if c.dep_ in _SUBJECTS), None)
        if own_subject is not None and any(c.dep_ == "aux" and c.lemma_ == "be" for c in trigger.children):
            return outcome, [own_subject], None, "predicate_state"
    if lower in lexicon.adjectives and trigger.dep_ == "amod" and trigger.head.pos_ in {"NOUN", "PROPN"}:
        return lexicon.adjectives[lower], [trigger.head], None, "state_modifier"
    if lemma == "toll":
        return _toll(trigger)
    if lower == "shot" and trigger.pos_ in {"NOUN", "PROPN"}:
        victims = _headline_shot(trigger, lexicon)
        return (_verb_outcome(trigger, lexicon, "shoot"), victims, None, "headline_shot") if victims else (None, [], None, "")
    if lemma in lexicon.state_nouns and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return lexicon.state_nouns[lemma], [trigger], None, "noun_trigger"
    if lemma in _CONDITION_NOUNS and any(c.lower_ in _CONDITION_ADJECTIVES for c in trigger.children) or lemma in lexicon.state_nouns:
        holder = _holder(trigger)
        return ("injured", [holder], None, "suffered_injury") if holder is not None else (None, [], None, "")
    nouns = {**lexicon.nouns, **lexicon.of_nouns}
    if trigger.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} and (lemma in nouns or lower in nouns):
        outcome = nouns.get(lower) or nouns[lemma]
        if lemma == "life":
            return None, [], None, ""
        if outcome == _HARMED and any(c.lemma_.lower() in lexicon.fatal | {"fatal", "deadly"} for c in trigger.children):
            outcome = "killed"  # "the fatal shooting of …"
        state = next((lexicon.adjectives[c.lower_] for c in trigger.children if c.dep_ == "amod" and c.lower_ in lexicon.adjectives), None)
        if outcome == _HARMED and state in {"killed", "injured"}:
            outcome = state  # "the two wounded victims" were not killed
        counted = any(c.dep_ in {"nummod", "quantmod", "det"} and (c.like_num or c.lower_ == "no") for c in trigger.children)
        of_object = next((g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        if not counted and of_object is not None:
            return outcome, [of_object], None, "noun_of"  # "the deaths of six people", "the shooting of a teen"
        if lemma in lexicon.of_nouns:
            return None, [], None, ""  # "three shootings" counts incidents, not people
        return outcome, [trigger], None, "noun_trigger"
    if trigger.dep_ in {"acl", "amod"} and trigger.tag_ in _PARTICIPLE_TAGS and lemma in lexicon.verbs:
        return _verb_outcome(trigger, lexicon), [trigger.head], None, "participle"
    return None, [], None, ""


# --------------------------------------------------------------------------------------
# Counting a victim phrase
# --------------------------------------------------------------------------------------


@dataclass
class _Count:
    quantity: Quantity | None
    span: Span
    victim: Token | None
    rule: str
    confidence: float


def _count_of(victim: Token, quantities: dict[int, Span], lexicon: Lexicon, *, animate: bool = False) -> _Count | None:
    """How many people a victim head stands for, or None if it is not people.

    With ``animate`` (the trigger only takes people: killed, wounded, arrested …)
    any common noun outside the non-person list counts as people.
    """
    doc = victim.doc
    lower = victim.lower_
    # "no one", "nobody", "no casualties", "none of them"
    determiners = [c for c in victim.children if c.dep_ == "det"]
    if lower in _NEGATIVE_PRONOUNS or any(d.lower_ == "no" for d in determiners):
        start = min([victim.i] + [d.i for d in determiners])
        return _Count(Quantity(0, 0, "exact", 0), doc[start : victim.i + 1], victim, "negation", 0.9)
    if victim.lemma_.lower() in {"total", "toll"}:
        # "a total of 649 individuals": the count is in the "of" complement.
        inner = next((g for c in victim.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        return _count_of(inner, quantities, lexicon, animate=animate) if inner is not None else None
    if victim.i in quantities:
        # The count itself heads the phrase: "killing three", "three of the soldiers".
        if victim.ent_type_ in _NOT_COUNTS:
            return None
        span = quantities[victim.i]
        counted = next((g for c in victim.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        quantity = parse_quantity(span.text)
        if quantity is None:
            return None
        if counted is not None and not _is_person(counted, lexicon, animate=animate):
            return None
        return _Count(quantity, span, counted, "count_head", 0.8)
    modifiers = [victim] + [c for c in victim.children if c.dep_ == "compound"]  # "a dozen aid workers": dozen hangs on "aid"
    numbers = [c for m in modifiers for c in m.children if c.i in quantities and c.dep_ not in {"prep", "conj", "appos", "acl", "relcl", "cc"}
               and c.ent_type_ != "ORDINAL"]  # "a second man" is one person, counted below
    if numbers:
        if not _is_person(victim, lexicon, animate=animate) and victim.lemma_.lower() not in lexicon.nouns and victim.lower_ not in lexicon.nouns:
            return None
        span = quantities[numbers[0].i]
        if numbers[0].ent_type_ in _NOT_COUNTS:
            return None
        quantity = parse_quantity(span.text)
        return _Count(quantity, span, victim, "number", 0.9) if quantity is not None else None
    vague_of = victim.lower_ in VAGUE_LOW_BOUNDS or f"{victim.lower_} of" in VAGUE_LOW_BOUNDS
    if victim.i in quantities or (vague_of and victim.tag_ == "NNS"):
        quantity = parse_quantity(victim.lower_)
        return _Count(quantity, doc[victim.i : victim.i + 1], victim, "vague", 0.6) if quantity else None
    if not _is_person(victim, lexicon, animate=animate) and not (victim.lemma_.lower() in lexicon.nouns or lower in lexicon.nouns):
        return None
    if lower in _SINGULAR_PRONOUNS:
        return _Count(Quantity(1, 1, "exact", 1), doc[victim.i : victim.i + 1], victim, "pronoun", 0.4)
    if lower in _REFLEXIVES:
        return _Count(Quantity(1, 1, "exact", 1), doc[victim.i : victim.i + 1], victim, "reflexive", 0.6)
    if lower == "another":  # "seriously wounded another"
        return _Count(Quantity(1, 1, "exact", 1), doc[victim.i : victim.i + 1], victim, "singular", 0.6)
    common_noun = any(key in lexicon.victims for key in _noun_keys(victim))
    if (victim.ent_type_ == "PERSON" or victim.pos_ == "PROPN") and not common_noun:
        entity = next((e for e in _entities(doc) if e.start <= victim.i < e.end), doc[victim.i : victim.i + 1])
        return _Count(Quantity(1, 1, "exact", 1), entity, victim, "named_person", 0.6)
    if not _is_plural(victim) and victim.pos_ != "PRON":
        article = next((d for d in determiners if d.lower_ in {"a", "an", "one", "another"}), None)
        start = article.i if article is not None else min([victim.i] + [d.i for d in determiners] + ([victim.left_edge.i] if _is_age(victim) else []))
        rule, confidence = ("singular", 0.8) if article is not None else ("singular_definite", 0.5)
        return _Count(Quantity(1, 1, "exact", 1), doc[start : victim.i + 1], victim, rule, confidence)
    if _is_plural(victim):
        return _Count(None, doc[victim.i : victim.i + 1], victim, "unspecified_plural", 0.3)
    return None


def _noun_keys(token: Token) -> list[str]:
    """Lexicon keys for a noun: lemma, form and a naive singular.

    Written by hand because the tagger marks capitalised headline nouns
    ("Militiamen killed …") as proper nouns, which the lemmatizer leaves unchanged.
    """
    lower = token.lower_
    singular = lower[:-3] + "man" if lower.endswith("men") else (lower[:-3] + "y" if lower.endswith("ies") else lower.rstrip("s"))
    return [token.lemma_.lower(), lower, singular]


def _is_plural(token: Token) -> bool:
    return token.tag_ in {"NNS", "NNPS"} or "Plur" in token.morph.get("Number") or _noun_keys(token)[2] != token.lower_


def _is_person(token: Token, lexicon: Lexicon, *, animate: bool = False) -> bool:
    """True when a noun denotes people (lexicon, nationality, named person, pronoun).

    ``animate``: the trigger takes only living beings, so any common noun that is
    not a known non-person (``lexicon.non_persons``) and not a date/number entity counts.
    """
    keys = _noun_keys(token)
    if any(key in lexicon.victims for key in keys):
        return True
    if animate and token.pos_ == "NOUN" and not any(key in lexicon.non_persons for key in keys) and token.ent_type_ not in _NOT_COUNTS | {"GPE", "LOC", "FAC"}:
        return True
    if token.ent_type_ in {"NORP", "PERSON"}:
        return True
    if token.pos_ == "PROPN" and any(c.dep_ == "appos" and c.like_num for c in token.children):
        return True  # "Smith, 25," - an age in apposition marks a person.
    if _is_age(token):
        return True  # "a 12-year-old" used as a noun.
    if token.pos_ == "PRON" and token.lower_ in _SINGULAR_PRONOUNS | _NEGATIVE_PRONOUNS | {"one", "another", "they", "them"}:
        return True
    if token.lower_ in _REFLEXIVES and token.dep_ in {"dobj", "obj"}:
        return True
    if token.lower_ == "one":
        return True
    return token.pos_ == "NUM"


def _victim_group(victim: Token | None, lexicon: Lexicon) -> str:
    """Victim group from the modifiers first (``police officers``), then the noun, then nationality."""
    if victim is None:
        return "people"
    target = victim
    members = next((g for c in victim.children if c.dep_ == "prep" and c.lower_ in {"of", "among"} for g in c.children if g.dep_ == "pobj"), None)
    if victim.lemma_.lower() in {"member", "one", "other"} and members is not None:
        target = members
    for child in target.children:
        if child.dep_ in {"compound", "amod"} and child.lemma_.lower() in lexicon.modifiers:
            return lexicon.modifiers[child.lemma_.lower()]
    group = next((lexicon.victims[key] for key in _noun_keys(target) if key in lexicon.victims), None)
    if group and group != "people":
        return group
    if target.ent_type_ == "NORP" and target.pos_ in {"PROPN", "NOUN"}:
        return "people"
    return group or "people"


def _phrase(token: Token | None) -> str:
    """The victim phrase: the noun with its left modifiers and ``of``/``among`` complement."""
    if token is None:
        return ""
    doc = token.doc
    left = [c for c in token.lefts if c.dep_ in {"amod", "compound", "nmod", "poss", "nummod", "det", "advmod", "quantmod"}]
    start = min([token.i] + [t.i for c in left for t in c.subtree])
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "among", "from"}:
            end = max(end, child.right_edge.i + 1)
    counted = set()
    for child in token.children:
        if child.dep_ in {"nummod", "quantmod", "det"} or child.like_num:
            counted.update(t.i for t in child.subtree)
    words = [t for t in doc[start:end] if t.i not in counted]
    text = "".join(t.text_with_ws for t in words).strip(" ,-")
    return text or token.text


# --------------------------------------------------------------------------------------
# Perpetrator, place, time, background
# --------------------------------------------------------------------------------------


def _entity_in(token: Token, labels: set[str]) -> Span | None:
    """The first named entity of ``labels`` inside the subtree of ``token``."""
    left, right = token.left_edge.i, token.right_edge.i
    return next((e for e in _entities(token.doc) if e.label_ in labels and left <= e.start and e.end - 1 <= right), None)


_AGENT_LABELS = {"ORG", "NORP", "PERSON", "GPE"}
#: Entity labels that name an actor inside a longer phrase; NORP adjectives do not ("Afghan forces").
_ACTOR_LABELS = {"ORG", "PERSON"}


def _event_agent(event: Token, lexicon: Lexicon) -> Token | Span | None:
    """The agent of an event noun: ``ISIS attack``, ``attack by X``, ``X launched an attack``."""
    for child in event.children:
        if child.dep_ in {"compound", "poss", "nmod", "amod"} and child.ent_type_ in _AGENT_LABELS - {"GPE"}:
            return _entity_in(child, _AGENT_LABELS) or child
        if child.dep_ == "prep" and child.lower_ == "by":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    if event.dep_ in {"dobj", "obj"} and event.head.lemma_.lower() in {"launch", "carry", "stage", "claim", "mount", "conduct", "execute"}:
        return _subject(event.head)
    return None


def _events_in(sentence: Span, lexicon: Lexicon) -> list[Token]:
    return [t for t in sentence if t.pos_ in {"NOUN", "PROPN"} and t.lemma_.lower() in lexicon.events]


def _perpetrator(agent: Token | None, trigger: Token, sentence: Span, previous: Span | None, lexicon: Lexicon) -> tuple[Token | Span | None, bool]:
    """Pick the perpetrator; True in the second slot when it came from the previous sentence."""
    if agent is not None and agent.tag_ in {"WDT", "WP"}:
        agent = None
    if agent is not None:
        if agent.lemma_.lower() in lexicon.events:
            return _event_agent(agent, lexicon), False
        return agent, False
    for event in _events_in(sentence, lexicon):
        found = _event_agent(event, lexicon)
        if found is not None:
            return found, False
    for verb in sentence:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.events | {"target", "storm", "ambush"} and not _is_passive(verb):
            subject = _subject(verb)
            if subject is not None and subject.pos_ != "PRON":
                if subject.lemma_.lower() in lexicon.events:
                    return _event_agent(subject, lexicon), False
                return subject, False
    anaphoric = [e for e in _events_in(sentence, lexicon) if any(c.lower_ in {"the", "this", "these", "those"} for c in e.children)]
    if anaphoric and previous is not None:
        for event in _events_in(previous, lexicon):
            found = _event_agent(event, lexicon)
            if found is not None:
                return found, True
    return None, False


def _noun_phrase(token: Token, *, complements: tuple[str, ...] = ()) -> Span:
    """The token with its left modifiers (no determiners) and the named prepositional complements."""
    start = min([token.i] + [t.i for c in token.lefts if c.dep_ in {"amod", "compound", "nmod", "poss"} for t in c.subtree])
    end = max([token.i] + [c.right_edge.i for c in token.rights if c.dep_ == "prep" and c.lower_ in complements])
    return token.doc[start : end + 1]


def _canonicalize(agent: Token | Span | None, dictionary: ActorDictionary | None) -> tuple[str, str]:
    """Canonical name and actor id of the perpetrator, linked through the actor dictionary."""
    if agent is None:
        return "", ""
    if isinstance(agent, Span):
        span = agent
    else:
        # A named organisation or person inside the phrase names the actor ("members of
        # the Islamic State"); a nationality adjective does not ("Afghan forces").
        phrase = _noun_phrase(agent, complements=("of", "from"))
        span = next((e for e in _entities(agent.doc) if e.label_ in _ACTOR_LABELS and phrase.start <= e.start and e.end <= phrase.end), phrase)
    text = span.text
    label = span.label_
    if label:
        result = canonicalize(text, label, dictionary=dictionary)
        if result["canonical"]:
            return result["canonical"], result["actor_id"]
    return text, ""


def _clause_head(token: Token) -> Token:
    while token.dep_ not in {"ROOT", "conj", "advcl", "ccomp", "relcl"} and token.head is not token:
        token = token.head
    return token


def _place_for(trigger: Token, sentence: Span, previous: Span | None, places: Sequence[dict], main_place: dict | None) -> tuple[dict | None, float]:
    """Nearest sound place: same clause, sentence, the antecedent sentence, else main place."""
    doc = trigger.doc

    def inside(span: Span) -> list[dict]:
        return [p for p in places if span.start_char <= p["start_char"] and p["end_char"] <= span.end_char]

    in_sentence = inside(sentence)
    if in_sentence:
        clause = _clause_head(trigger)
        same_clause = []
        for place in in_sentence:
            place_span = doc.char_span(place["start_char"], place["end_char"], alignment_mode="expand")
            if place_span is not None and _clause_head(place_span.root) is clause:
                same_clause.append(place)
        pool = same_clause or in_sentence
        return min(pool, key=lambda p: abs(p["start_char"] - trigger.idx)), 0.9 if same_clause else 0.7
    if previous is not None and inside(previous):
        return inside(previous)[-1], 0.5
    return main_place, 0.3


# --------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------


def _is_background(time_cue: bool, article: Article, times: Sequence[Span]) -> bool:
    """A time cue for an earlier or cumulative period (``time_cue``), or only years before the article's."""
    if time_cue:
        return True
    if not article.date[:4].isdigit():
        return False
    # Regex over DATE entity text: the year is a substring of a longer date phrase.
    years = [int(y) for e in times if e.label_ == "DATE" for y in re.findall(r"\b(?:19|20)\d\d\b", e.text)]
    return bool(years) and max(years) < int(article.date[:4])


def _trigger_candidates(doc: Doc, lexicon: Lexicon) -> list[int]:
    """Indexes of the tokens whose lemma or lower-case form is a trigger word, in order.

    Read with one ``Doc.to_array`` and a look at each distinct value, instead of
    every token's strings: most tokens of an article are no trigger.
    """
    if not len(doc):
        return []
    words, strings = lexicon.trigger_words, doc.vocab.strings
    lowers, lemmas = doc.to_array([LOWER, LEMMA]).T
    lower_hits = [key for key in set(lowers.tolist()) if strings[key] in words]
    lemma_hits = [key for key in set(lemmas.tolist()) if strings[key].lower() in words]
    return numpy.flatnonzero(numpy.isin(lowers, lower_hits) | numpy.isin(lemmas, lemma_hits)).tolist()


def _sentence_units(doc: Doc, article: Article) -> list[Span]:
    """Sentences cut at paragraph boundaries.

    A headline without final punctuation is often parsed as one sentence with
    the next paragraph; a figure must never borrow a victim across that line.
    """
    bounds = sorted({p.start for p in article.paragraphs} | {p.end for p in article.paragraphs})
    units = []
    for sentence in doc.sents:
        inside = bounds[bisect_right(bounds, sentence.start_char):bisect_left(bounds, sentence.end_char)]
        if not inside:  # nearly every sentence: the span is the sentence itself
            if article.text[sentence.start_char:sentence.end_char].strip():
                units.append(sentence)
            continue
        cuts = [sentence.start_char, *inside, sentence.end_char]
        for start, end in zip(cuts, cuts[1:]):
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is not None and span.text.strip():
                units.append(span)
    return units


def _exclusion(article: Article, start: int, end: int) -> str:
    if article.duplicate_of:
        return "duplicate"
    if article.is_extractable(start, end):
        return ""
    paragraph = article.paragraph_at(start)
    return paragraph.kind if paragraph is not None else "outside paragraphs"


def _besides_killed(victim: Token, trigger: Token, rule: str, lexicon: Lexicon) -> bool:
    """Shot victims who are people besides the killed: ``two others``, ``another man was also shot``.

    ``other``/``another`` after an active verb may set the victims apart from the
    shooter (``a man shot two others``), so there a killing must come first in
    the sentence (``killed a man and shot two others``). A fatal subset (``two
    others were shot, one fatally``) keeps the figure counting both.
    """
    if rule == "noun_trigger" or _fatal_subset(trigger, lexicon):
        return False
    if not (victim.lower_ == "others" or any(c.lower_ in {"other", "another"} and c.dep_ in {"amod", "det"} for c in victim.children)):
        return False
    return rule != "active_object" or any(lexicon.verbs.get(t.lemma_.lower()) == "killed" for t in trigger.doc[trigger.sent.start : trigger.i])


def _subset_count(cue: Token) -> Token | None:
    """The count a fatal cue applies to: ``1 dead`` (its subject), ``9 shot, 1 fatally`` (the number before it)."""
    own = next((c for c in cue.children if c.dep_ in {"nsubj", "nummod"} and c.like_num), None)
    if own is not None:
        return own
    before = cue.doc[cue.i - 1] if cue.i else None
    return before if before is not None and before.like_num and before.head == cue.head and before.dep_ in {"appos", "npadvmod"} else None


def _fatal_subset(trigger: Token, lexicon: Lexicon) -> list[Token]:
    """``Four people were shot, one fatally``: the count modified by a fatal adverb."""
    subsets = [c for c in trigger.children if c.dep_ in {"npadvmod", "appos", "conj", "advcl"} and c.pos_ in {"NUM", "NOUN", "PRON"}
               and any(g.lower_ in lexicon.fatal for g in c.children)]
    for cue in trigger.children:
        count = _subset_count(cue) if cue.dep_ == "advmod" and cue.lower_ in lexicon.fatal else None
        if count is not None and count not in subsets:
            subsets.append(count)
    return subsets


def _including_parts(total_victim: Token, trigger: Token, lexicon: Lexicon) -> list[Token]:
    """Victims listed after ``including``/``among them`` that break a total down."""
    parts: list[Token] = []
    for holder in (total_victim, trigger, trigger.head):
        for child in holder.children:
            if child.lower_ in {"including", "includes", "include"} and child.dep_ in {"prep", "advcl", "acl"}:
                for grand in child.children:
                    if grand.dep_ in {"pobj", "dobj"}:
                        parts.extend(_with_conjuncts(grand, lexicon, appositions=True))
    return parts


def extract_casualties(doc: Doc, article: Article, *, places: Sequence[dict] | None = None, main_place: dict | None = None, lexicon: Lexicon | None = None, dictionary: ActorDictionary | None = None) -> list[dict]:
    """Extract every casualty figure stated in an article.

    Args:
        doc: The parsed ``article.text`` (same offsets).
        article: The article (paragraph kinds decide exclusions).
        places: Place rows of this article (``start_char``, ``end_char``,
            ``place_id``, ``canonical``, ``admin1`` …) from ``helpers.places``.
        main_place: The article's main place row, used when a sentence names none.
        lexicon: Override the bundled lexicon.
        dictionary: The actor dictionary perpetrators are linked through (default: built-in).

    Returns:
        One dict per figure with the ``casualties`` columns, in text order.
    """
    lexicon = lexicon or load_lexicon()
    # Places of events only: a demonym ("Iraqi forces") or the dateline is not where it happened.
    places = [p for p in places or [] if p.get("place_id") and p.get("role", "event") in EVENT_ROLES]
    rows: list[dict] = []
    seen: dict[tuple[int, int, str], dict] = {}
    sentences = _sentence_units(doc, article)
    time_ents = [e for e in _entities(doc) if e.label_ in {"DATE", "TIME"}]
    candidates = _trigger_candidates(doc, lexicon)
    for position, sentence in enumerate(sentences):
        previous = sentences[position - 1] if position else None
        if previous is not None and article.paragraph_at(previous.start_char) is not article.paragraph_at(sentence.start_char):
            previous = None
        # Sentence.ents rebuilds every entity of the doc; filter the doc's few time entities instead.
        times = [e for e in time_ents if sentence.start <= e.start < sentence.end]
        matches = _SentenceMatches(sentence, article, times)
        for index in candidates[bisect_left(candidates, sentence.start):bisect_left(candidates, sentence.end)]:
            trigger = doc[index]
            outcome, victims, agent, rule = _trigger_victims(trigger, lexicon)
            victims = [v for v in victims if v is not None and sentence.start <= v.i < sentence.end]
            if outcome is None or not victims or _unrealised(trigger):
                continue
            # An adjective modifier ("three dead suspects and two residents") describes only its noun.
            heads = victims if rule == "state_modifier" else [v for head in victims for v in _with_conjuncts(head, lexicon)]
            heads = [v for v in heads if sentence.start <= v.i < sentence.end]
            group = f"{article.article_id}:{trigger.i}" if len(heads) > 1 else ""
            for victim in heads:
                if victim != trigger and any(key in lexicon.non_persons for key in _noun_keys(victim)):
                    continue  # "the shooting death of …": an event noun is not a victim of "shooting"
                count = _count_of(victim, matches.quantities, lexicon, animate=trigger.lemma_.lower() in lexicon.animate and rule != "noun_trigger")
                if count is None:
                    continue
                if _negated(trigger, rule):
                    count = _Count(Quantity(0, 0, "exact", 0), count.span, count.victim, "negation", 0.8)  # "was not hurt"
                survived = _survivors(trigger, bool(matches.survival_starts))
                if rule == "noun_trigger" and count.rule in {"singular_definite", "unspecified_plural", "named_person", "pronoun"} and not (survived and outcome != "killed" and count.rule == "singular_definite"):
                    continue  # "the death", "casualties" alone state no figure; "a death" is one, so is "the victim" who survived.
                victim_outcome = outcome
                if outcome == _HARMED and not group and (_besides_killed(victim, trigger, rule, lexicon) or survived and not _fatal_subset(trigger, lexicon)):
                    victim_outcome = "injured"  # "killed a man and shot two others": the others survived
                if survived and victim_outcome != "killed" and count.rule in ANAPHORIC_COUNTS:
                    count.rule += "+survived"  # "she was shot and is in stable condition": not the one killed
                if rule == "noun_trigger" and count.victim == trigger:
                    count.victim = next((g for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"among", "of"} for g in c.children if g.dep_ == "pobj"), None)
                row = _row(article, doc, sentence, previous, trigger, victim_outcome, count, agent, rule, group, lexicon, places, main_place, matches.background, dictionary)
                key = (row["start_char"], row["end_char"], row["outcome"])
                if key in seen:
                    continue
                seen[key] = row
                rows.append(row)
                for fatal in _fatal_subset(trigger, lexicon) if outcome == _HARMED else []:
                    fatal_count = _count_of(fatal, matches.quantities, lexicon)
                    if fatal_count is not None and fatal_count.quantity is not None:
                        fatal_row = _row(article, doc, sentence, previous, trigger, "killed", fatal_count, agent, "fatal_subset", "", lexicon, places, main_place, row["background"], dictionary)
                        seen.setdefault((fatal_row["start_char"], fatal_row["end_char"], "killed"), fatal_row)
                        rows.append(fatal_row)
                for part in _including_parts(victim, trigger, lexicon):
                    part_count = _count_of(part, matches.quantities, lexicon)
                    if part_count is None or part_count.quantity is None:
                        continue
                    part_row = _row(article, doc, sentence, previous, trigger, victim_outcome, part_count, agent, "including_part", "", lexicon, places, main_place, row["background"], dictionary)
                    part_row["part_of"] = f"{row['start_char']}-{row['end_char']}"
                    part_key = (part_row["start_char"], part_row["end_char"], part_row["outcome"])
                    if part_key not in seen:
                        seen[part_key] = part_row
                        rows.append(part_row)
    _resolve_overlaps(rows)
    _flag_restated_headline(rows, article)
    return sorted(rows, key=lambda r: (r["start_char"], r["outcome"]))


def _row(article: Article, doc: Doc, sentence: Span, previous: Span | None, trigger: Token, outcome: str, count: _Count, agent: Token | None, rule: str, group: str, lexicon: Lexicon, places: Sequence[dict], main_place: dict | None, background: bool, dictionary: ActorDictionary | None) -> dict:
    """Assemble one output row."""
    perpetrator_token, from_previous = _perpetrator(agent, trigger, sentence, previous, lexicon)
    perpetrator, perpetrator_id = _canonicalize(perpetrator_token, dictionary)
    place, place_confidence = _place_for(trigger, sentence, previous, places, main_place)
    quantity = count.quantity
    start, end = count.span.start_char, count.span.end_char
    reason = _exclusion(article, start, end)
    if not reason and background:
        reason = "background"
    times = [e.text for e in _entities(doc) if e.label_ in {"DATE", "TIME"} and sentence.start <= e.start and e.end <= sentence.end and not e.text.endswith("old")]
    return {
        "article_id": article.article_id,
        "start_char": start,
        "end_char": end,
        "text": count.span.text,
        "sentence": sentence.text.strip(),
        "outcome": "injured" if outcome == _HARMED else outcome,
        "low": None if quantity is None else quantity.low,
        "high": None if quantity is None else quantity.high,
        "qualifier": "unspecified" if quantity is None else quantity.qualifier,
        "victim": _phrase(count.victim) if count.victim is not None else "",
        "victim_group": _victim_group(count.victim, lexicon),
        "perpetrator": perpetrator,
        "perpetrator_id": perpetrator_id,
        "place_id": (place or {}).get("place_id"),
        "place": (place or {}).get("canonical") or (place or {}).get("text"),
        "admin1": (place or {}).get("admin1"),
        "time": "; ".join(times),
        "rule": f"{rule}+{count.rule}",
        "confidence": round(count.confidence * (0.8 if from_previous else 1.0) * (0.5 + 0.5 * place_confidence), 2),
        "includes_killed": outcome == _HARMED,
        "group": group,
        "part_of": "",
        "background": background,
        "excluded": bool(reason),
        "exclude_reason": reason,
    }


def _resolve_overlaps(rows: list[dict]) -> None:
    """Same figure, several triggers: keep the specific outcome; injured-then-died counts as killed."""
    by_span: dict[tuple[int, int], list[dict]] = {}
    for row in rows:
        by_span.setdefault((row["start_char"], row["end_char"]), []).append(row)
    for same in by_span.values():
        killed = [r for r in same if r["outcome"] == "killed"]
        if not killed:
            continue
        for row in same:
            if row["outcome"] == "injured" and not row["excluded"]:
                if row["includes_killed"]:
                    rows.remove(row)  # "shot and killed": the shot figure is the killed figure.
                else:
                    row["excluded"], row["exclude_reason"] = True, "later died"


def _flag_restated_headline(rows: list[dict], article: Article) -> None:
    """A headline figure equal to a body figure (same outcome, same bounds) is a restatement."""
    body = {(r["outcome"], r["low"], r["high"]) for r in rows if not r["excluded"] and _kind(article, r) == "body"}
    for row in rows:
        if not row["excluded"] and _kind(article, row) == "title" and (row["outcome"], row["low"], row["high"]) in body:
            row["excluded"], row["exclude_reason"] = True, "restated headline"


def _kind(article: Article, row: dict) -> str:
    paragraph = article.paragraph_at(row["start_char"])
    return paragraph.kind if paragraph is not None else ""
