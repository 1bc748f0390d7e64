"""Which clause a casualty scope cue speaks about (see :mod:`helpers.extract.casualties.scope`).

The cues of ``helpers/data/en/casualty_scope.json`` are found in a sentence with
a spaCy ``Matcher``; a cue gives its scope to the figures of the clause it
modifies ("Since the war began, …"), or of the clause it introduces ("two days
after …").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Span, Token

from helpers.extract.casualties.syntax import clause_head
from helpers.knowledge.time_words import ScopeCue, scope_cues

#: Dependencies of phrases and clauses that modify another clause.
_MODIFIER_DEPS = frozenset({"advcl", "prep", "pobj", "pcomp", "npadvmod", "mark", "advmod"})
#: Objects of "before"/"after" that stand for the events already told ("before that").
_ANAPHORS = frozenset({"that", "this", "then"})
#: A list of counts ("27 dead, 47 wounded and 3 missing"): its joining words and longest span.
_LIST_WORDS = frozenset({"and", ",", "or"})
_LIST_TOKENS = 8
#: Most words between a superlative and the period it ranks within ("the heaviest fighting in the
#: city this year").
_RANKING_TOKENS = 8
#: Tags of a superlative: "deadliest", "worst"; "most" of "the most intense".
_SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})


@lru_cache(maxsize=8)
def _scope_matcher(vocab_id: int, vocab: Any) -> Matcher:
    """A Matcher of every scope cue, each under the key of its index in :func:`scope_cues`."""
    matcher = Matcher(vocab)
    for index, cue in enumerate(scope_cues()):
        matcher.add(str(index), [across_lines(cue.pattern)])
    return matcher


def across_lines(pattern: list[dict]) -> list[dict]:
    """``pattern`` with an optional whitespace token between its words: hard-wrapped text (wire
    archives, transcripts) breaks a cue over two lines ("killed in" / "1987"), and spaCy keeps
    the line break as a token of its own.

    >>> across_lines([{"LOWER": "since"}, {"IS_DIGIT": True}])
    [{'LOWER': 'since'}, {'IS_SPACE': True, 'OP': '?'}, {'IS_DIGIT': True}]
    """
    spaced: list[dict] = []
    for token in pattern:
        if spaced:
            spaced.append({"IS_SPACE": True, "OP": "?"})
        spaced.append(token)
    return spaced


def scope_cue_matches(sentence: Span) -> list[tuple[ScopeCue, Span]]:
    """The scope cues of a sentence, each with the words it matched."""
    vocab = sentence.doc.vocab
    cues = scope_cues()
    return [
        (cues[int(vocab.strings[key])], sentence[start:end])
        for key, start, end in _scope_matcher(id(vocab), vocab)(sentence)
    ]


def in_subtree(token: Token, head: Token) -> bool:
    """True when ``token`` lies in the (contiguous, projective) subtree of ``head``."""
    return head.left_edge.i <= token.i <= head.right_edge.i


def governed_clause(token: Token) -> Token:
    """The clause a phrase speaks about: up from an adverbial phrase or clause ("Since the war
    began, …", "… in 2017") to the clause it modifies, and to the first of conjoined clauses."""
    head = token
    while head.dep_ in _MODIFIER_DEPS and head.head is not head:
        head = head.head
    head = clause_head(head)
    while head.dep_ == "conj" and head.head is not head:
        head = clause_head(head.head)
    return head


def applies(cue: Span, trigger: Token) -> bool:
    """Whether a cue found in the trigger's sentence speaks about the trigger's clause.

    "two days after" speaks about the clause it introduces; other cues about
    the clause they modify, and every clause below it.
    """
    link = next((t for t in cue if t.lower_ in {"after", "before"}), None)
    if link is not None:
        clause = (
            link.head
            if link.dep_ == "mark"
            else next((c for c in link.children if c.dep_ in {"pobj", "pcomp"}), None)
        )
        if clause is not None and clause.lower_ not in _ANAPHORS:
            return in_subtree(trigger, clause)
        if link.lower_ == "after":
            return False  # "two days after": later than something, not earlier
        # "… two days before", "Before that, …": earlier than the events told, so of the clause itself
        return in_subtree(trigger, governed_clause(link))
    return in_subtree(trigger, governed_clause(cue.root))


def replaced(figure: Span, cue: Span) -> bool:
    """Whether a figure is the toll an update replaces: right after "up from", or in the list of
    counts it introduces ("up from 27 dead and 47 wounded"; parsers read such lists as clauses)."""
    if not 0 <= figure.start - cue.end <= _LIST_TOKENS:
        return False
    doc = figure.doc
    return all(
        t.like_num or t.lower_ in _LIST_WORDS or doc[t.i - 1].like_num for t in doc[cue.end : figure.start]
    )


def relative(cue: Span) -> bool:
    """Whether a cue is a time relative to the events told: "the day before", "two days earlier",
    "before that"."""
    return cue[-1].lower_ in {"before", "earlier"} or (
        cue[0].lower_ in {"before", "prior"} and cue[-1].lower_ in _ANAPHORS
    )


def ranks_within(cue: Span) -> bool:
    """Whether a cue is the period a superlative ranks the violence within, not the figures' own
    period: "in some of the heaviest fighting in the city this year", "the deadliest attack in the
    capital since 2019" (no verb between the superlative and the cue; "the worst-hit province, where
    300 have died since 2011" is a toll since 2011)."""
    doc = cue.doc
    for token in reversed(doc[max(cue.sent.start, cue.start - _RANKING_TOKENS) : cue.start]):
        if token.pos_ in {"VERB", "AUX"}:
            return False
        if token.tag_ in _SUPERLATIVE_TAGS:
            return True
    return False
