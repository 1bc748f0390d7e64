"""The person who did an event's violence: the attacker of a report when no armed group is named.

Lone attackers are named as persons ("Rahimi set off a bomb", "the bombs are detonated by the
Tsarnaevs", "the suspect, John Smith"), and the actor dictionary holds organisations only. A
person mention of the evidence (a name, or a pronoun the persons extractor resolved to one:
``person_mentions``) is the attacker when it is

* the subject of a verb of violence, or the "by" agent of a passive one: a verb of harm or of
  the violence happening (``act_verbs``), a word of a violent sub-event type
  (``event_types.csv``: "shot", "detonated", "opened fire"), or a verb whose object is such a
  word or an event noun or weapon of the casualty lexicon ("set off two bombs", "carried out
  the bombing", "planted a device"), not one that suffers, tells or judges it
  (``event_cues.csv`` "suffered", "told": "suffered gunshot wounds", "confirmed the attacks");
* the object or passive subject of a verb that names who did an act of violence its complement
  tells (``event_cues.csv`` "accused": "was charged with the shooting", "accused him of setting
  off a bomb", "is believed to have detonated the bomb"; not "was believed to have been killed");
* beside a noun of attackers of the casualty lexicon ("bomber Dzhokhar Tsarnaev", "the
  suspect, John Smith", "a gunman named John Smith");
* the holder of a word of violence ("Rahimi's bombing").

A conjunct or apposition counts as the word it joins ("he and his brother, Tamerlan, set off").
A person with a rank or a title is not taken: officials and officers act for their force
("Officer Smith shot the suspect"), which the actor dictionary names.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from helpers.extract.events.classification import ATTACKERS
from helpers.extract.events.triggers import token_words
from helpers.knowledge.casualty_lexicon import load_lexicon
from helpers.knowledge.event_types import accusing_verbs, act_verbs, cue_words, violent_words

#: The victim group of the casualty lexicon's plain nouns of persons ("man", "woman", "person").
PLAIN = "people"
#: Dependents that stand for the word they join ("he and his brother", "the suspect, John Smith").
JOINED = frozenset({"conj", "appos"})
#: Dependents by which a noun of attackers names a person ("bomber Dzhokhar Tsarnaev").
BESIDE = frozenset({"compound", "appos", "nmod"})
#: Dependents by which an infinitive tells what its head's subject did it for ("used tanks to attack
#: the town"); a participle so attached tells what came of it ("…, wounding 13").
PURPOSE = frozenset({"xcomp", "advcl"})
#: Dependents of the objects of a verb.
OBJECTS = frozenset({"dobj", "obj"})
#: Dependents of an accusing verb that tell the act ("charged with murder", "believed to have shot").
COMPLEMENTS = frozenset({"prep", "xcomp", "advcl"})
#: Dependents that make a verb passive: its subject suffered the act ("believed to have been killed").
PASSIVE = frozenset({"auxpass", "nsubjpass"})


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """The words of violence (violent sub-event types, verbs of the act, the lexicon's event nouns
    and weapons) and the nouns of attackers."""
    lexicon = load_lexicon()
    attackers = frozenset(noun for noun, group in lexicon.victims.items() if group == ATTACKERS)
    return violent_words() | act_verbs() | lexicon.events, attackers


def _violent(token: Token) -> bool:
    words, _ = _vocabulary()
    return any(word in words for word in token_words(token))


def _acts(verb: Token) -> bool:
    """Whether a verb tells violence: its own words, or its object's ("set off two bombs"), or a verb
    joined to it without a subject of its own ("rented a room and shot him", "used tanks to attack
    the town")."""
    if verb.lemma_.lower() in cue_words("suffered") | cue_words("told"):  # "Smith suffered gunshot
        return False  # wounds", "the spokesman, Smith, confirmed the attacks"
    joined = [  # "rented a room and shot him", "used tanks to attack the town"; not "…, wounding 13"
        c
        for c in verb.children
        if (c.dep_ == "conj" or (c.dep_ in PURPOSE and any(g.lower_ == "to" for g in c.children)))
        and not any(g.dep_ == "nsubj" for g in c.children)
    ]
    return any(
        _violent(v) or any(_violent(c) for c in v.children if c.dep_ in OBJECTS) for v in [verb, *joined]
    )


def _accused(verb: Token) -> bool:
    """Whether an accusing verb's complement tells an act of violence done, not suffered."""
    if verb.lemma_.lower() not in accusing_verbs():
        return False
    told = [c for c in verb.children if c.dep_ in COMPLEMENTS]
    done = (c for c in told if not any(g.dep_ in PASSIVE for g in c.children))
    return any(_violent(t) for c in done for t in c.subtree)


def _found(verb: Token) -> bool:
    """Whether a verb is what someone found done ("officers found Smith shot in the head"): a
    complement of a finding verb with no object, whose subject is the victim."""
    return (
        verb.dep_ in ("ccomp", "xcomp")
        and verb.head.lemma_.lower() in cue_words("found")
        and not any(c.dep_ in OBJECTS for c in verb.children)
    )


def _roles(token: Token) -> Iterator[Token]:
    """The token and the words it stands for as a conjunct or apposition, nearest first."""
    yield token
    while token.dep_ in JOINED and token.head.i != token.i:
        token = token.head
        yield token


def _other_role(word: Token) -> bool:
    """A common noun a person is named as that tells another part than the attacker's ("a villager",
    "a witness"), not an attacker's nor a plain person's ("a 24-year-old man"): the parser hangs such
    an apposition on a noun of attackers before it ("…repel the attackers, a villager, Jo Ray, told
    AFP"), which would make the speaker an attacker."""
    _, attackers = _vocabulary()
    lemma = word.lemma_.lower()
    return word.pos_ == "NOUN" and lemma not in attackers and load_lexicon().victims.get(lemma) != PLAIN


def is_attacker(token: Token) -> bool:
    """Whether a person's token is the agent of violence (see the module docstring).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> nlp = spacy.blank("en")
    >>> doc = Doc(nlp.vocab, words=["Smith", "shot", "a", "man"], heads=[1, 1, 3, 1],
    ...           deps=["nsubj", "ROOT", "det", "dobj"], lemmas=["Smith", "shoot", "a", "man"],
    ...           pos=["PROPN", "VERB", "DET", "NOUN"])
    >>> is_attacker(doc[0]), is_attacker(doc[3])
    (True, False)
    """
    _, attackers = _vocabulary()
    for word in _roles(token):
        # The subject of a verb with a "by" agent suffered it (a headline's "Boy Shot Dead by Cousin").
        by = any(c.dep_ == "agent" for c in word.head.children)
        if word.dep_ == "nsubj" and not by and _acts(word.head) and not _found(word.head):
            return True
        if word.dep_ == "pobj" and word.head.dep_ == "agent" and _acts(word.head.head):
            return True
        if word.dep_ == "poss" and _violent(word.head):
            return True
        if word.dep_ in OBJECTS | {"nsubjpass"} and _accused(word.head):
            return True
        if word is not token and _other_role(word):
            continue  # "…repel the attackers, a villager, Jo Ray, told AFP": Ray is the villager
        beside = [c for c in word.children if c.dep_ in BESIDE]
        if word.dep_ in BESIDE:
            beside.append(word.head)
        if word.dep_ == "oprd" and word.head.dep_ == "acl":  # "a gunman named John Smith"
            beside.append(word.head.head)
        if any(b.lemma_.lower() in attackers for b in beside):
            return True
    return False


def person_attacker(doc: Doc, sentences: Sequence[Span], persons: Sequence[dict]) -> dict | None:
    """The first person mention of the sentences who did the violence, or None: names first, in text
    order, then pronouns (a pronoun's resolution is less sure than a name).

    Args:
        doc: The parsed article.
        sentences: The evidence sentences.
        persons: The article's ``person_mentions`` rows (``start_char``, ``end_char``,
            ``person_id``, ``canonical``, ``rank``, ``title``).
    """
    inside = [(s.start_char, s.end_char) for s in sentences]
    within = (p for p in persons if any(s <= p["start_char"] < e for s, e in inside))
    found = sorted(within, key=lambda p: p["start_char"])
    found.sort(key=lambda p: p.get("mention") == "pronoun")  # a name before a pronoun resolved to one
    for person in found:
        if person.get("rank") or person.get("title") or not person.get("person_id"):
            continue
        span = doc.char_span(person["start_char"], person["end_char"], alignment_mode="expand")
        if span is not None and len(span) and is_attacker(span.root):
            return person
    return None


def actor_attackers(doc: Doc, mentions: Sequence[dict]) -> list[str]:
    """The ids of the actor mentions that did the violence, as a person does (:func:`is_attacker`:
    "Russian forces used rockets to attack the town", "Taliban gunmen stormed a post"; not "police
    said", nor a pronoun resolved to an actor), in text order.

    Args:
        doc: The parsed article.
        mentions: The actor mentions of the evidence (``start_char``, ``end_char``, ``actor_id``).
    """
    found = []
    for mention in mentions:
        span = doc.char_span(mention["start_char"], mention["end_char"], alignment_mode="expand")
        # a pronoun resolved to an actor is less sure than a name ("They kidnapped 42 people")
        named = span is not None and len(span) and span.root.pos_ != "PRON"
        if mention["actor_id"] and named and is_attacker(span.root):
            found.append(mention["actor_id"])
    return found
