"""Places where the wounded were treated, not where the violence happened.

News names the town of the hospital the victims were taken to beside, or instead of,
the town where they were hurt: "was taken to a Topeka hospital", "airlifted to Fargo",
"the wounded were rushed to hospitals in Kirkuk", "in critical condition at Bear River
Valley Hospital in Tremonton". Such a mention keeps its place but gets the role
``hospital``: it places no casualty figure and no event (an article that names no other
place still places its event there, :func:`~helpers.extract.places.places.main_place`).
A hospital that is where the violence happened keeps its town as the event's: "an
airstrike on a hospital in Kunduz", "a shooting outside a Myrtle Beach hospital".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.extract.casualties.syntax import is_passive
from helpers.knowledge.event_types import cue_words
from helpers.knowledge.speech import speech_verbs
from helpers.knowledge.vocabulary import place_nouns

#: Most title-case words between a name and the care word that ends its building's name
#: ("Sentara Norfolk General Hospital").
BUILDING_WORDS = 4
#: Prepositions after which a care word or a verb of treatment names where the wounded were.
_TO_OR_IN = frozenset({"to", "in", "at"})


def _care_after(span: Span) -> Token | None:
    """The care word right after the name, or ending the building's name it opens ("a Topeka
    hospital", "Topeka Regional Hospital")."""
    doc, care = span.doc, place_nouns().care
    end, last = span.end, min(span.end + BUILDING_WORDS, len(doc))
    while end < last and doc[end].is_title and doc[end].lower_ not in care:
        end += 1
    if end < len(doc) and doc[end].lower_ in care and (end == span.end or doc[end].is_title):
        return doc[end]
    return None


def _treats(verb: Token) -> bool:
    """A verb that moves or admits the wounded, passive (also as the second of two verbs: "wounded and
    airlifted to X") or with an object ("rushed him to X"; not "the doctors rushed to X")."""
    return moves_someone(verb, ("treated",))


def moves_someone(verb: Token, kinds: tuple[str, ...]) -> bool:
    """A verb of ``event_cues.csv``'s ``kinds`` ("treated", "moved") that moves someone: passive
    (also as the second of two verbs) or with an object."""
    if verb.pos_ != "VERB" or not any(verb.lemma_.lower() in cue_words(kind) for kind in kinds):
        return False
    passive = is_passive(verb) or (verb.dep_ == "conj" and is_passive(verb.head))
    return passive or any(child.dep_ == "dobj" for child in verb.children)


def _stay(care: Token) -> bool:
    """The care word is where the wounded were taken or stayed: after "to" ("taken to a Topeka
    hospital"), or after "at"/"in" following a verb of treatment or of their stay ("died at a
    Billings hospital", "in critical condition at X Hospital"), or where a speaker spoke from ("said
    from Miranshah hospital", a wounded witness); not the target or scene of the
    violence ("an attack on a hospital", "a shooting outside a hospital", "gunmen stormed a hospital")."""
    preposition = care.head
    if care.dep_ == "pobj" and preposition.lower_ == "from":  # "said from Miranshah hospital"
        return preposition.head.lemma_.lower() in speech_verbs().cues
    if care.dep_ != "pobj" or preposition.lower_ not in _TO_OR_IN:
        return False
    after = preposition.head
    stay = after.lemma_.lower() in cue_words("stay")
    return preposition.lower_ == "to" or stay or _treats(after)


def treated_there(span: Span) -> bool:
    """True when the place name is where the wounded were treated, not where they were hurt.

    Args:
        span: The place name's tokens.

    Returns:
        Whether the name opens a care word's phrase ("hospital", "clinic": ``place_nouns.csv``,
        read ``care``) or follows one with "in"/"at" ("hospitals in Kirkuk"), where the wounded
        were taken or stayed; or follows a verb that moved or admitted them there
        (``event_cues.csv``, kind ``treated``: rush, airlift, transport, admit, treat).
    """
    care = _care_after(span)
    if care is not None:
        return _stay(care)
    preposition = span.root.head
    if preposition.dep_ != "prep" or preposition.lower_ not in _TO_OR_IN or preposition.i > span.start:
        return False
    if preposition.head.lower_ in place_nouns().care:
        return _stay(preposition.head)
    return _treats(preposition.head)
