"""Harm that is no violence: a death or injury whose cause the sentence gives as a disease, a
disaster or an accident (``harm_causes.csv``).

Conflict news reports an outbreak's dead beside a war's ("at least 40 people have died of cholera
in Hodeidah", "the outbreak has killed 12 people in Beni"), and neither ACLED nor UCDP counts them.
The cause is read where English gives a death's cause, on the dependency parse:

* a preposition of the trigger and the nouns it leads to ("died **of** cholera", "deaths **from**
  complications **of** the disease", "killed **in** a car crash", "died **due to** malaria");
* the passive's agent ("were killed **by** flooding") or the active verb's subject ("cholera
  killed", "the outbreak has killed 12"), or the clause that tells how ("killed when their bus
  **crashed**", "died as **floods** swept the town");
* for a trigger that is the subject of its clause, what the clause says it was ("the deaths were
  the result **of** the disease", "the deaths were caused **by** an epidemic").

A violent event noun among them ("killed in an air strike during the outbreak") keeps the harm
violence, and so does a word of violence that the trigger is itself or hangs on ("shot himself in a
crash", "a shooting that claimed a life in a crash", "a man killed in a crash had been shot"); so
does a gun accident (no "accident" alone is a cause).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Token

from helpers.knowledge.casualty_lexicon import HARMED, load_lexicon
from helpers.knowledge.vocabulary import read_vocabulary

#: Prepositions that lead from a harm to its cause ("died of", "from", "in", "by", "after", "due to").
CAUSE_PREPOSITIONS = frozenset({"of", "from", "in", "by", "after", "during", "due", "to", "amid"})
#: Dependencies of a clause's head that say what its subject was ("the deaths were the result of").
CLAUSE_CAUSES = frozenset({"attr", "agent", "prep", "acomp"})
#: Modifiers that make a phrase with their noun ("heart attack", "natural causes").
MODIFIERS = frozenset({"compound", "amod"})
#: Parts of speech of a cause.
NOUNS = frozenset({"NOUN", "PROPN"})


@lru_cache(maxsize=1)
def harm_causes() -> dict[tuple[str, str], str]:
    """(cause, part of speech) -> kind (``harm_causes.csv``); a cause is a lemma, or a modifier and
    its noun.

    >>> causes = harm_causes()
    >>> causes["cholera", "NOUN"], causes["car accident", "NOUN"], ("storm", "VERB") in causes
    ('disease', 'accident', False)
    """
    return {(row["cause"], row["part"]): row["kind"] for row in read_vocabulary("harm_causes.csv")}


def harm_cause(trigger: Token) -> str:
    """Why the harm a trigger tells is no violence ("disease: cholera"), or "" when it may be.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Ten", "people", "died", "of", "cholera"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 2, 3],
    ...           deps=["nummod", "nsubj", "ROOT", "prep", "pobj"],
    ...           pos=["NUM", "NOUN", "VERB", "ADP", "NOUN"],
    ...           lemmas=["ten", "people", "die", "of", "cholera"])
    >>> harm_cause(doc[2])
    'disease: cholera'
    """
    if any(_is_violent(token) for token in (trigger, *trigger.ancestors)):
        return ""  # "shot in a crash", "a shooting that claimed a life", "killed in a crash had been shot"
    causes = harm_causes()
    found = ""
    for token in _cause_words(trigger):
        lemma, part = token.lemma_.lower(), "NOUN" if token.pos_ in NOUNS else token.pos_
        if _is_violent(token):
            return ""
        for modifier in (c for c in token.children if c.dep_ in MODIFIERS):
            phrase = (f"{modifier.lemma_.lower()} {lemma}", part)
            if phrase in causes and not found:
                found = f"{causes[phrase]}: {modifier.text.lower()} {token.text.lower()}"
        if (lemma, part) in causes and not found:
            found = f"{causes[lemma, part]}: {token.text.lower()}"
    return found


def _is_violent(token: Token) -> bool:
    """A word of violence: an event noun of the casualty lexicon that is no cause (a crash is one) or
    a verb of a weapon's harm ("shot", "stabbed")."""
    lemma = token.lemma_.lower()
    return lemma in _violent_nouns() or load_lexicon().verbs.get(lemma) == HARMED


@lru_cache(maxsize=1)
def _violent_nouns() -> frozenset[str]:
    return load_lexicon().events - {cause for cause, _ in harm_causes()}


def _cause_words(trigger: Token) -> Iterator[Token]:
    """The nouns in the places where a sentence gives the trigger's cause (module docstring)."""
    for child in trigger.children:
        if child.dep_ in {"prep", "agent"}:
            yield from _led_to(child)
        elif child.dep_ == "nsubj" and trigger.pos_ == "VERB":
            yield from _chain(child)
    # "killed when their bus crashed", "died as floods swept the town"; "three were killed and five
    # injured when ...": the clause may hang on the verb the trigger is conjoined to, or on its conjunct
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "conj")]
    verbs += [trigger.head] if trigger.dep_ == "conj" else []
    for clause in (c for verb in verbs for c in verb.children if c.dep_ == "advcl"):
        yield clause
        for subject in clause.children:
            if subject.dep_ == "nsubj":
                yield from _chain(subject)
    head = trigger.head
    if trigger.dep_ in {"nsubj", "nsubjpass"} and head.i != trigger.i:
        for child in head.children:
            if child.i != trigger.i and child.dep_ in CLAUSE_CAUSES:
                yield from _led_to(child) if child.dep_ in {"prep", "agent"} else _chain(child)


def _led_to(preposition: Token) -> Iterator[Token]:
    """The nouns a cause preposition leads to ("due to": the "to" after "due")."""
    if preposition.lemma_.lower() not in CAUSE_PREPOSITIONS:
        return
    for child in preposition.children:
        if child.dep_ == "pobj":
            yield from _chain(child)
        elif child.dep_ == "prep":
            yield from _led_to(child)


def _chain(noun: Token) -> Iterator[Token]:
    """A noun, the nouns conjoined to it, and those after its "of" or "from" ("complications of the
    disease")."""
    if noun.pos_ in NOUNS:
        yield noun
    for child in noun.children:
        if child.dep_ == "conj":
            yield from _chain(child)
        elif child.dep_ == "prep" and child.lemma_.lower() in {"of", "from"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield from _chain(pobj)
