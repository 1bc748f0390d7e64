"""A fatal event that the lead reports without a figure: "Police investigate fatal shooting",
"A teen was charged in a deadly stabbing at a bus stop".

News of a single killing often names it only by its event noun in the headline and the first
sentence, and tells of the victim later in words no rule counts ("the 23-year-old was found with
a gunshot wound to the head"). A fatal event noun says at least one person was killed: when the
article counts no one killed, it is the figure, at least one (ACLED's conservative reading of a
"deadly attack" without a number). Only the lead is read: a fatal shooting further down is as
often another story's ("Other shootings at the club include a fatal shooting in 2013").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from helpers.articles import Article
from helpers.extract.casualties.scope_cues import scope_cue_matches
from helpers.extract.evidence import lead_sentences
from helpers.knowledge.casualty_lexicon import HARMED, Lexicon, casualty_cues

#: Scope cues that make a lead's event another time's ("for the deadly shooting last weekend").
_OTHER_TIME = frozenset({"cumulative", "background"})
#: Words before "fatal" that negate it ("non-fatal", "non fatal").
_NEGATING_PREFIX = frozenset({"non", "-"})


def fatal_event(
    doc: Doc, article: Article, rows: list[dict], lexicon: Lexicon
) -> tuple[Span, Token, Span] | None:
    """The lead's fatal event, when the article's rows count no one killed.

    A singular event noun that harms (``shooting``, ``stabbing``: the lexicon's harming of-nouns)
    with a fatal adjective (``fatal``, ``deadly``), without an of-object (``the fatal shooting of a
    teen`` counts its victim) and in a sentence without a cue of another time.

    Args:
        doc: The parsed article.
        article: The article (its headline and first body paragraph are the lead).
        rows: The casualty rows found so far.
        lexicon: The casualty lexicon.

    Returns:
        The event's words ("fatal shooting"), its noun and its sentence, or ``None``.
    """
    if any(r["outcome"] == "killed" and not r["excluded"] for r in rows):
        return None
    fatal = casualty_cues().fatal_adjective
    nouns = {noun for noun, outcome in lexicon.of_nouns.items() if outcome == HARMED}
    for sentence in lead_sentences(doc, article):
        for token in sentence:
            # a gerund too ("investigating deadly shooting", tagged as a verb); "fatal shootings"
            # gives no number
            if token.lower_ not in nouns or token.tag_ not in {"NN", "NNP", "VBG"}:
                continue
            adjective = _fatal_before(token, fatal)
            if adjective is None or (adjective.i and doc[adjective.i - 1].lower_ in _NEGATING_PREFIX):
                continue
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
                continue
            # the scope matcher runs only on a sentence that names a fatal event
            if any(cue.label in _OTHER_TIME for cue, _ in scope_cue_matches(sentence)):
                break
            return doc[adjective.i : token.i + 1], token, sentence
    return None


#: Most words between a fatal adjective and its event noun ("a fatal New Year's Eve shooting").
ADJECTIVE_BEFORE_TOKENS = 5
#: Parts of speech of the words of a noun phrase between its adjective and its noun.
_NOUN_PHRASE_WORDS = frozenset({"ADJ", "NOUN", "PROPN", "PART", "NUM"})


def _fatal_before(noun: Token, fatal: frozenset[str]) -> Token | None:
    """The fatal adjective of the noun's phrase, read back over its words whatever the parse made
    of them ("fatal shooting", "a deadly early morning shooting", "fatal New Year's Eve shooting",
    whose "fatal" the small model hangs on "Year")."""
    doc = noun.doc
    for token in reversed(doc[max(noun.i - ADJECTIVE_BEFORE_TOKENS, 0) : noun.i]):
        if token.lower_ in fatal:
            return token
        if token.pos_ not in _NOUN_PHRASE_WORDS:
            return None
    return None
