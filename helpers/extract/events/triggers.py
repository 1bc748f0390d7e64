"""The words of a sentence that may name an event's type (the trigger lemmas of ``event_types.csv``).

Many single words name a conflict event in one sense and something ordinary in
another ("gas": a gas station; "shell": a shell casing; "hand": on hand;
"helicopter": flown by helicopter to hospital). So the data file names a sense
by more than the word, and each noun, verb or adjective offers:

* its lemma and its lower-case form ("raped": the lemmatiser reads "rap");
* its lemma with its part of speech ("deal:NOUN" is an agreement, the verb "to deal
  with" is not; "shell:VERB" is shelling, the noun a casing), and with ``PLACE`` when
  what it acts on is ground ("capture:PLACE": "captured the town", "seized positions";
  not "captured the suspect", "seized a handgun"): a place name, a place noun
  (``place_nouns.csv``) or a noun of ground (``event_cues.csv``);
* phrases with the words it governs, lemmas in text order: a modifier or the word
  before it ("air strike", "chemical weapon", "poison gas"), a particle ("hand
  over"), an object, the subject of a passive or the noun after "of" ("establish
  headquarters", "exchange fire", "defuse bomb", "take control", "established a
  total of 56 observation points").

A sub-event type may also need a companion word in the same sentence
(``EventType.companions``: "helicopter" or "jet" names an air strike only beside
"bomb", "missile", "raid"…).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Span, Token

from helpers.extract.evidence import sentence_of
from helpers.extract.places.ground import is_ground
from helpers.knowledge.event_types import event_types

#: Parts of speech whose words name an event type (a month "March" or a name "Rally Street" do not).
TRIGGER_POS = frozenset({"NOUN", "VERB", "ADJ"})
#: Dependents that make a phrase with their head: modifiers before a noun.
MODIFIERS = frozenset({"compound", "amod"})
#: Adverbs that are a verb's particle right after it, however tagged ("shot down", "took over").
PARTICLES = frozenset({"down", "up", "off", "out", "over", "away"})
#: Dependents that make a phrase with their head: what a verb or noun acts on.
OBJECTS = frozenset({"dobj", "nsubjpass", "obj"})


def _of(token: Token) -> Iterator[Token]:
    """The nouns after the token's "of" ("control of the town", "a total of 56 points")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            yield from (c for c in child.children if c.dep_ == "pobj")


def _objects(token: Token) -> Iterator[Token]:
    """The token's objects: its direct object or a passive's subject and the nouns after their "of",
    the noun after its own "of"."""
    for child in token.children:
        if child.dep_ in OBJECTS:
            yield child
            yield from _of(child)
    yield from _of(token)


def token_words(token: Token) -> Iterator[str]:
    """The trigger words a token offers (see the module docstring).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("gas")
    >>> doc[0].lemma_, doc[0].pos_ = "gas", "NOUN"
    >>> sorted(token_words(doc[0]))
    ['gas', 'gas:NOUN']
    """
    lemma = token.lemma_.lower()
    yield lemma
    if token.lower_ != lemma:
        yield token.lower_
    yield f"{lemma}:{token.pos_}"
    if any(is_ground(thing) for thing in _objects(token)):
        yield f"{lemma}:PLACE"
    modifiers = {c for c in token.children if c.dep_ in MODIFIERS}
    if token.i > sentence_of(token).start:  # the word before, however parsed ("poison gas projectiles")
        modifiers.add(token.doc[token.i - 1])
    for child in modifiers:
        yield f"{child.lemma_.lower()} {lemma}"
    particle = next((c.lower_ for c in token.children if _particle(c, token)), "")
    head = f"{lemma} {particle}" if particle else lemma
    if particle:
        yield head
    for thing in _objects(token):
        yield f"{head} {thing.lemma_.lower()}"


def _particle(child: Token, verb: Token) -> bool:
    """A verb's particle, also one the tagger read as an adverb right after it ("shot down 12 drones")."""
    return child.dep_ == "prt" or (
        child.dep_ == "advmod" and child.i == verb.i + 1 and child.lower_ in PARTICLES
    )


def sentence_triggers(sentence: Span, pos: frozenset[str] = TRIGGER_POS) -> Iterator[tuple[str, Token]]:
    """Each trigger word of a sentence with the token that offers it, in text order."""
    for token in sentence:
        if token.pos_ in pos:
            for word in token_words(token):
                yield word, token


def sentence_words(sentence: Span) -> set[str]:
    """The trigger words of a sentence that the vocabulary knows (lemmas and companions of
    ``event_types.csv``).

    Every word a token offers holds the token's lemma or lower-case form, so a token whose
    lemma and form are in no known word offers nothing known and is passed over.
    """
    known, parts = known_words()
    return {
        word
        for token in sentence
        # a sentence's capitalised first word the tagger took for a name ("Vigilantes foiled …") too
        if (token.pos_ in TRIGGER_POS or (token.pos_ == "PROPN" and token.i == sentence.start))
        and (token.lemma_.lower() in parts or token.lower_ in parts)
        for word in token_words(token)
        if word in known
    }


@lru_cache(maxsize=1)
def known_words() -> tuple[frozenset[str], frozenset[str]]:
    """The trigger and companion words of every event type, and the words they are made of.

    >>> known, parts = known_words()
    >>> "air strike" in known, {"air", "strike"} <= parts
    (True, True)
    """
    known = frozenset().union(*(kind.lemmas | kind.companions for kind in event_types()))
    parts = frozenset(part for word in known for part in word.replace(":", " ").split())
    return known, parts
