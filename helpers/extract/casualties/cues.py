"""Cues that change what a figure counts: background time, survival, negation, unrealised harm.

A sentence's count phrases and its time and survival cues are found by token
matchers (:class:`SentenceMatches`), only in sentences with a trigger. The
other cues are read off the trigger: ``was not hurt`` (0), ``could have been
killed`` (no figure), ``killed a man and shot two others`` (the others are
injured, not killed).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property, lru_cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.util import filter_spans

from helpers.articles import Article
from helpers.extract.casualties.counting import quantity_matcher
from helpers.extract.casualties.triggers import fatal_subset
from helpers.knowledge.casualty_lexicon import Lexicon, casualty_cues, cue_patterns


@lru_cache(maxsize=8)
def _cue_matchers(vocab_id: int, vocab: Any) -> tuple[Matcher, Matcher]:
    """The background-cue and survival-cue matchers for one vocabulary."""
    background = Matcher(vocab)
    background.add("BACKGROUND", list(cue_patterns("background")))
    survival = Matcher(vocab)
    survival.add("SURVIVED", list(cue_patterns("survival")))
    return background, survival


class SentenceMatches:
    """Count phrases and cue matches of one sentence, found when first asked for.

    Most sentences hold no casualty trigger; running the three token matchers
    only on those that do saves most of their cost (they took about 60 % of
    the extractor's time when run over every doc). Token indexes are the doc's.
    """

    def __init__(self, sentence: Span, article: Article, times: Sequence[Span]) -> None:
        self.sentence, self.article, self.times = sentence, article, times
        vocab = sentence.doc.vocab
        self.quantity_matcher = quantity_matcher(id(vocab), vocab)
        self.background_matcher, self.survival_matcher = _cue_matchers(id(vocab), vocab)

    def _starts(self, matcher: Matcher) -> list[int]:
        return [self.sentence.start + start for _, start, _ in matcher(self.sentence)]

    @cached_property
    def quantities(self) -> dict[int, Span]:
        """Each token index inside a count phrase, mapped to its (longest) phrase."""
        doc, offset = self.sentence.doc, self.sentence.start
        spans = filter_spans(
            [doc[offset + s : offset + e] for _, s, e in self.quantity_matcher(self.sentence)]
        )
        return {i: span for span in spans for i in range(span.start, span.end)}

    @cached_property
    def background(self) -> bool:
        """Whether the sentence's figures are background (see :func:`_is_background`)."""
        return _is_background(bool(self._starts(self.background_matcher)), self.article, self.times)

    @cached_property
    def survival_starts(self) -> list[int]:
        """Where survival cues start; "not expected to survive", "did not recover" are none."""
        doc, negations = self.sentence.doc, casualty_cues().negation
        return [
            start
            for start in self._starts(self.survival_matcher)
            if not any(t.lower_ in negations for t in doc[max(start - 3, 0) : start])
        ]


def _is_background(time_cue: bool, article: Article, times: Sequence[Span]) -> bool:
    """A time cue for an earlier or cumulative period (``time_cue``), or only years before the article's."""
    if time_cue:
        return True
    if not article.date[:4].isdigit():
        return False
    # Regex over DATE entity text: the year is a substring of a longer date phrase.
    years = [int(y) for e in times if e.label_ == "DATE" for y in re.findall(r"\b(?:19|20)\d\d\b", e.text)]
    return bool(years) and max(years) < int(article.date[:4])


def is_negated(trigger: Token, rule: str) -> bool:
    """``was not hurt``; for an injury noun, its holder verb: ``did not suffer any injuries``."""
    verb = trigger
    if rule == "suffered_injury":
        verb = trigger.head.head if trigger.head.dep_ == "prep" else trigger.head
    return any(c.dep_ == "neg" for c in verb.children)


def survived_or_added(trigger: Token, survival_cue: bool) -> bool:
    """The sentence says the victims lived (``survival_cue``: ``in stable condition``,
    ``treated and released``) or adds them to those already named (``was also shot``)."""
    return survival_cue or any(c.lower_ in casualty_cues().additive_adverb for c in trigger.children)


def unrealised(trigger: Token) -> bool:
    """A harm that is possible, threatened or intended, not reported.

    ``he could hurt her``, ``tried to kill``.
    """
    cues = casualty_cues()
    verb = trigger.head if trigger.dep_ in {"acomp", "oprd", "xcomp"} and trigger.pos_ == "ADJ" else trigger
    if any(c.dep_ == "aux" and c.lower_ in cues.modal for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues.intent_verb


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
        lexicon.verbs.get(t.lemma_.lower()) == "killed" for t in trigger.doc[trigger.sent.start : trigger.i]
    )
