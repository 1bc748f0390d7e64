"""Which act a day phrase dates: the incident noun it names ("the April 24 shooting"), the verb
written right before it ("shot in East Dayton Wednesday night"), or a verb of the clause the parse
puts it in ("accused of shooting a woman … in the early morning hours of July 31"); a day after a
preposition of a deadline dates none ("held until Monday"). Used by
:func:`~helpers.extract.events.dating.dating_phrases`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.extract.casualties.scope_cues import governed_clause
from helpers.extract.places.finding import PLACE_LABELS
from helpers.knowledge.event_types import incident_nouns

#: Most tokens between a verb and the day phrase that dates it ("shot in the 1200 block of Main St Sunday").
VERB_BEFORE_TOKENS = 10
#: Dependencies of a phrase that modifies a noun ("a May 25 shooting", "Saturday's shooting").
NOUN_MODIFIERS = frozenset({"compound", "poss", "amod", "nmod"})


def deadline_day(span: Span, deadline: frozenset[str]) -> bool:
    """The phrase is the object of a preposition of a deadline, a purpose or an end, no day of an
    act ("a gun he got for Christmas", "set for Friday", "held until Monday")."""
    return span.root.dep_ == "pobj" and span.root.head.lower_ in deadline


#: The dating verb of a phrase that names an incident's day ("the April 24 shooting").
ACT = "(incident)"
#: Most words between a day phrase and the incident noun it modifies ("the April 24 mass shooting").
NOUN_AFTER_TOKENS = 3


def incident_day(span: Span) -> bool:
    """True when a day phrase names the day of an incident noun (:func:`incident_nouns`) it
    modifies or follows: "the April 24 mass shooting", "Saturday's shooting", "a May 5 slaying",
    "the shooting on Saturday"; a follow-up names the incident's day so, beside the day of its
    own news ("State police issued a report Friday on the April 24 shooting")."""
    doc, nouns = span.doc, incident_nouns()
    for token in doc[span.end : min(span.end + NOUN_AFTER_TOKENS, len(doc))]:
        if token.lemma_.lower() in nouns and token.pos_ in ("NOUN", "PROPN"):
            return span.root.head == token or span.root.dep_ in NOUN_MODIFIERS or token.i == span.end
        if token.pos_ not in ("ADJ", "NOUN", "PART") or token.is_punct:
            break
    head = span.root.head
    return (
        span.root.dep_ == "pobj"
        and head.lower_ == "on"
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() in nouns
        and head.head.i < span.start
    )


def dating_verb(span: Span, verbs: frozenset[str]) -> str:
    """The verb whose day a date phrase gives: one of ``verbs`` (an act, a later act, a verb of the
    wounded's stay) written right before it ("a boy shot in East Dayton Wednesday night was
    identified Friday": "shot", then "identified"; "shot Tuesday, he died Friday": "die"; news
    writes the day after its verb), else the first of ``verbs`` on the way up the parse to the
    clause it modifies (a gerund of harm under a later act: "is accused of fatally shooting a woman
    on Main Street in the early morning hours of July 31": "shoot", not "accuse"), else that
    clause's verb (the small model reads "a boy shot in East Dayton Wednesday night was identified
    Friday" with "shot" as its main verb, and "Wednesday night" as the subject of "identified")."""
    before = _verb_before(span)
    if before in verbs:
        return before
    clause = governed_clause(span.root)
    head = span.root
    while head != clause and head.head != head:
        head = head.head
        if head.pos_ == "VERB" and head.lemma_.lower() in verbs:
            return head.lemma_.lower()
    return clause.lemma_.lower()


def _verb_before(span: Span) -> str:
    """The lemma of the verb nearest before ``span`` in its clause ("" when a punctuation mark (but
    the comma of "Dayton, Ohio"), the sentence's start or ``VERB_BEFORE_TOKENS`` other tokens come
    first, or when ``span`` modifies a noun).

    >>> import spacy
    >>> doc = spacy.blank("en")("was shot in East Dayton Wednesday night")
    >>> doc[1].pos_, doc[1].lemma_ = "VERB", "shoot"
    >>> _verb_before(doc[5:7]), _verb_before(doc[1:2])
    ('shoot', '')
    """
    doc = span.doc
    if span.root.dep_ in NOUN_MODIFIERS or (span.start and doc[span.start - 1].pos_ == "DET"):
        return ""  # "accused in a May 25 shooting": the day of the noun, not of the verb
    for token in reversed(doc[max(span.start - VERB_BEFORE_TOKENS, 0) : span.start]):
        if token.pos_ == "VERB":
            return token.lemma_.lower()
        if token.is_sent_start or (token.is_punct and not _before_place(token)):
            break
    return ""


def _before_place(token: Token) -> bool:
    """A comma before a place's name: the state of "shot in Dayton, Ohio Saturday"."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.text == "," and following is not None and following.ent_type_ in PLACE_LABELS
