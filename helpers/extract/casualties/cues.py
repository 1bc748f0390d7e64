"""Cues that change what a figure counts: survival, negation, unrealised harm, and the sentence's matches.

A sentence's count phrases and its time and survival cues are found by token
matchers (:class:`SentenceMatches`), only in sentences with a trigger. The
other cues are read off the trigger: ``was not hurt`` (0), ``could have been
killed`` (no figure), ``killed a man and shot two others`` (the others are
injured, not killed).
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.util import filter_spans

from helpers.extract.casualties.count_phrases import RANGE, count_phrases
from helpers.extract.casualties.numbers import QUALIFIERS
from helpers.extract.casualties.scope_cues import scope_cue_matches
from helpers.extract.casualties.syntax import subset_count
from helpers.extract.evidence import sentence_of
from helpers.knowledge.casualty_lexicon import Lexicon, casualty_cues, cue_patterns
from helpers.knowledge.time_words import ScopeCue


def separate_numbers(span: Span) -> list[Span]:
    """A run of numbers split where a number in digits follows another number: "Two 16-year-old
    boys" is two boys of 16 ("two" and "16"), not one number, unlike "one hundred", "2 million"
    or a thousands group written with a space ("10 000").

    >>> import spacy
    >>> doc = spacy.blank("en")("Two 16 and 12 000 and 2 16")
    >>> [[p.text for p in separate_numbers(doc[a:b])] for a, b in ((0, 2), (3, 5), (6, 8))]
    [['Two', '16'], ['12 000'], ['2', '16']]
    """
    pieces, start = [], span.start
    for token in span[1:]:
        previous = token.doc[token.i - 1]
        thousands = previous.is_digit and len(token.text) == 3
        if token.is_digit and previous.like_num and not thousands:
            pieces.append(token.doc[start : token.i])
            start = token.i
    return [*pieces, token.doc[start : span.end]] if pieces else [span]


@lru_cache(maxsize=8)
def _survival_matcher(vocab_id: int, vocab: Any) -> Matcher:
    """The survival-cue matcher for one vocabulary."""
    survival = Matcher(vocab)
    survival.add("SURVIVED", list(cue_patterns("survival")))
    return survival


class SentenceMatches:
    """Count phrases and cue matches of one sentence, found when first asked for.

    Most sentences hold no casualty trigger; running the token matchers
    only on those that do saves most of their cost (they took about 60 % of
    the extractor's time when run over every doc). Token indexes are the doc's.
    """

    def __init__(self, sentence: Span) -> None:
        self.sentence = sentence
        vocab = sentence.doc.vocab
        self.survival_matcher = _survival_matcher(id(vocab), vocab)

    def _starts(self, matcher: Matcher) -> list[int]:
        return [self.sentence.start + start for _, start, _ in matcher(self.sentence)]

    @cached_property
    def quantities(self) -> dict[int, Span]:
        """Each token index inside a count phrase, mapped to its (longest) phrase.

        A range after "from" is the two ends of a change ("rose from 27 to 32"), not a range, and
        a qualifier in an idiom is none ("when it was all over one person was killed").
        """
        doc, offset = self.sentence.doc, self.sentence.start
        idioms = casualty_cues().idiom_before_qualifier
        found = []
        for key, s, e in count_phrases(self.sentence):
            before = doc[offset + s - 1].lower_ if offset + s > 0 else ""
            if key == RANGE and before == "from":
                continue
            if before in idioms and doc[offset + s].lower_ in QUALIFIERS:
                continue
            found.extend(separate_numbers(doc[offset + s : offset + e]))
        return {i: span for span in filter_spans(found) for i in range(span.start, span.end)}

    @cached_property
    def scope_cues(self) -> list[tuple[ScopeCue, Span]]:
        """The sentence's scope cues (see :mod:`helpers.extract.casualties.scope_cues`)."""
        return scope_cue_matches(self.sentence)

    @cached_property
    def survival_starts(self) -> list[int]:
        """Where survival cues start; "not expected to survive", "did not recover" are none."""
        doc, negations = self.sentence.doc, casualty_cues().negation
        return [
            start
            for start in self._starts(self.survival_matcher)
            if not any(t.lower_ in negations for t in doc[max(start - 3, 0) : start])
        ]


def is_negated(trigger: Token, rule: str) -> bool:
    """``was not hurt``; for an injury noun, its holder verb: ``did not suffer any injuries``."""
    verb = trigger
    if rule == "suffered_injury":
        verb = trigger.head.head if trigger.head.dep_ == "prep" else trigger.head
    return any(c.dep_ == "neg" for c in verb.children)


def fatal_subset(trigger: Token, lexicon: Lexicon) -> list[Token]:
    """``Four people were shot, one fatally``, ``two of them fatally`` (set beside the victims):
    the count modified by a fatal adverb."""
    victims = [c for c in trigger.children if c.dep_ in {"nsubjpass", "dobj"}]
    subsets = [
        c
        for holder in (trigger, *victims)
        for c in holder.children
        if c.dep_ in {"npadvmod", "appos", "conj", "advcl"}
        and c.pos_ in {"NUM", "NOUN", "PRON"}
        and any(g.lower_ in lexicon.fatal for g in c.children)
    ]
    for cue in trigger.children:
        count = subset_count(cue) if cue.dep_ == "advmod" and cue.lower_ in lexicon.fatal else None
        if count is not None and count not in subsets:
            subsets.append(count)
    return subsets


def survived_or_added(trigger: Token, survival_cue: bool) -> bool:
    """The sentence says the victims lived (``survival_cue``: ``in stable condition``,
    ``treated and released``) or adds them to those already named (``was also shot``)."""
    return survival_cue or any(c.lower_ in casualty_cues().additive_adverb for c in trigger.children)


def adds_to_toll(victim: Token | None) -> bool:
    """The victims are set apart from others named before them: ``two others``, ``another man``
    (whether the others are in the same toll is for :func:`helpers.extract.casualties.tolls.supersede`)."""
    cues = casualty_cues()
    if victim is None:
        return False
    # the modifier may hang on the noun's number ("another four members": quantmod of "four")
    numbers = [n for n in victim.children if n.dep_ == "nummod"]
    return victim.lower_ in cues.others or any(
        c.lower_ in cues.other_modifier and c.dep_ in {"amod", "det", "quantmod"}
        for word in (victim, *numbers)
        for c in word.children
    )


#: Dependents that give a conjoined verb its own verb group (not sharing the first verb's modal).
_OWN_VERB_GROUP = frozenset({"aux", "auxpass", "nsubj", "nsubjpass"})


def unrealised(trigger: Token) -> Token | None:
    """The word that makes a harm possible, threatened or intended, not reported (else None).

    ``he could hurt her`` (could), ``tried to kill`` (tried), ``attempted murder`` (attempted),
    ``an attempt to kill him`` and ``an attempt was made to kill him`` (attempt),
    ``we could be mourning a death`` (could: the verb that holds a death noun),
    ``don't let my son die`` (let, negated), ``could have hit her and killed her`` (could, shared
    by the conjunct); not ``non-life-threatening injuries``.
    """
    cues = casualty_cues()
    # A past participle tells the intent ("attempted murder"); a present one describes the harm
    # ("non-life-threatening injuries").
    attempt = next(
        (
            c
            for c in trigger.children
            if c.dep_ == "amod" and c.lemma_.lower() in cues.intent_verb and c.tag_ != "VBG"
        ),
        None,
    )
    if attempt is not None:
        return attempt
    holds_state = trigger.dep_ in {"acomp", "oprd", "xcomp"} and trigger.pos_ == "ADJ"
    held_noun = trigger.dep_ == "dobj" and trigger.pos_ == "NOUN"
    verb = trigger.head if holds_state or held_noun else trigger
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in cues.modal), None)
    if modal is None and verb.dep_ == "conj" and not any(c.dep_ in _OWN_VERB_GROUP for c in verb.children):
        # "could have hit her and killed her": a conjunct without its own auxiliary shares the modal
        modal = next((c for c in verb.head.children if c.dep_ == "aux" and c.lower_ in cues.modal), None)
    if modal is not None:
        return modal
    head = verb.head
    infinitive = any(c.lower_ == "to" for c in verb.children if c.dep_ == "aux")
    if infinitive and verb.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in cues.intent_verb:
        return head  # "survived an attempt to kill him", "a plot to murder the minister"
    if infinitive and verb.dep_ in {"advcl", "xcomp"}:
        # "an attempt had been made to assassinate the president": the intent is the verb's object
        intent = (c for c in head.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN")
        noun = next((c for c in intent if c.lemma_.lower() in cues.intent_verb), None)
        if noun is not None:
            return noun
    if verb.dep_ in {"ccomp", "xcomp"} and head.lemma_.lower() in cues.permit_verb:
        return head if any(c.dep_ == "neg" for c in head.children) else None
    return head if verb.dep_ == "xcomp" and head.lemma_.lower() in cues.intent_verb else None


def besides_killed(victim: Token, trigger: Token, rule: str, lexicon: Lexicon) -> bool:
    """Shot victims who are people besides the killed: ``two others``, ``another man was also shot``.

    ``other``/``another`` after an active verb may set the victims apart from the
    shooter (``a man shot two others``), so there a killing must come first in
    the sentence (``killed a man and shot two others``). A fatal subset (``two
    others were shot, one fatally``) keeps the figure counting both.
    """
    cues = casualty_cues()
    if rule == "noun_trigger" or fatal_subset(trigger, lexicon):
        return False
    if not (
        victim.lower_ in cues.others
        or any(c.lower_ in cues.other_modifier and c.dep_ in {"amod", "det"} for c in victim.children)
    ):
        return False
    return rule != "active_object" or any(
        lexicon.verbs.get(t.lemma_.lower()) == "killed"
        for t in trigger.doc[sentence_of(trigger).start : trigger.i]
    )


def released(trigger: Token) -> bool:
    """Whether the captives a word of kidnapping counts are set free, not taken ("Hamas freed 12
    hostages", "30 hostages were released", "the release of two captives", a headline's "hostages
    freed": ``release_verb`` of ``casualty_cues.csv``)."""
    verbs, head = casualty_cues().release_verb, trigger.head
    if head.dep_ == "prep" and head.lower_ == "of":  # "the release of two captives"
        head = head.head
    freed = any(c.dep_ in {"acl", "amod"} and c.lemma_.lower() in verbs for c in trigger.children)
    return freed or (trigger.dep_ in {"dobj", "nsubjpass", "pobj"} and head.lemma_.lower() in verbs)
