"""Who claimed an attack: the armed group that took responsibility for it.

A bombing's toll is told first and its author after, in a sentence of its own: "The Islamic State
group claimed responsibility for the attack", "Boko Haram claimed the killings", "responsibility
was claimed by al-Shabaab". ACLED codes a claimed attack to the group that claimed it, so the
claimant is the attacker of the article's violence whose evidence names none, before the armed
group the article names most (:func:`~helpers.extract.events.coding.article_group`).

A claim is a verb of claiming (``event_cues.csv`` kind ``claimed``: claim, accept, admit, assume,
take) whose object is responsibility or credit (kind ``responsibility``), or "claim" whose object is
a word of violence ("claimed the bombing"); its claimant is an armed group the subject (or a
passive's "by" agent) names. A claim denied ("No group has claimed responsibility", "the Taliban
did not claim", "denied responsibility") or not made ("may claim", "is expected to claim") names
no one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from helpers.extract.events.leads import planned
from helpers.knowledge.casualty_lexicon import load_lexicon
from helpers.knowledge.event_types import cue_words, violent_words

#: The actor category of a claimant (ACLED's armed groups; a state does not claim an attack).
CLAIMANTS = frozenset({"armed_group"})
#: Dependents by which a clause's subject or agent names the claimant.
CLAIMANT_DEPS = frozenset({"nsubj", "agent"})
#: Words of a subject that deny the claim ("No group", "nobody", "none of the groups").
DENIALS = frozenset({"no", "nobody", "none", "neither"})


def claimant(doc: Doc, mentions: Sequence[dict]) -> dict | None:
    """The armed group the article says claimed its attack (the first claim), as an actor mention, or None.

    Args:
        doc: The parsed article.
        mentions: Its actor mentions (``start_char``, ``end_char``, ``actor_id``, ``category``).
    """
    groups = [m for m in mentions if m.get("category") in CLAIMANTS and m.get("actor_id")]
    if not groups:
        return None
    for verb in _claims(doc):
        for token in _claimant_words(verb):
            found = next((m for m in groups if m["start_char"] <= token.idx < m["end_char"]), None)
            if found is not None:
                return found
    return None


def _claims(doc: Doc) -> Iterator[Token]:
    """The verbs of the article that make a claim, not denied nor only expected."""
    verbs, objects = cue_words("claimed"), cue_words("responsibility")
    violence = violent_words() | load_lexicon().events
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        things = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        claims = any(
            t.lemma_.lower() in objects or (token.lemma_.lower() == "claim" and t.lemma_.lower() in violence)
            for t in things
        )
        if claims and not _denied(token) and not planned(token):
            yield token


def _denied(verb: Token) -> bool:
    """The claim is negated ("did not claim") or its subject denies it ("No group has claimed")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(w.lower_ in DENIALS for s in subjects for w in s.subtree if w.i <= s.i)


def _claimant_words(verb: Token) -> Iterator[Token]:
    """The words of the claim's subject, or of a passive's "by" agent ("was claimed by al-Shabaab")."""
    for child in verb.children:
        if child.dep_ in CLAIMANT_DEPS:
            yield from child.subtree
