"""Who said it: a speech verb's subject resolved to a person, an actor or its own words.

Speakers are resolved through the person rows of
:func:`helpers.extract.persons.extract_persons` (which already resolve surnames and
descriptions like "the major general", and "he"/"she" to the person named before it with
:mod:`helpers.extract.persons.pronouns`); a pronoun the persons layer left unresolved goes to
the latest person mentioned in the same or previous paragraph; an organisation subject is named through the
actor dictionary; a source document ("according to a statement by X") stands for its
author; any other subject ("Kurdish officials") is kept as written with an empty id.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from spacy.tokens import Doc, Token

from helpers.articles import Article
from helpers.extract.evidence import sentence_of
from helpers.extract.persons.pronouns import paragraph_floor
from helpers.knowledge.actors import ActorDictionary, canonicalize
from helpers.knowledge.grammar import function_words
from helpers.knowledge.speech import speech_sources


@dataclass
class Speaker:
    """Who a quotation is attributed to."""

    name: str = ""
    speaker_id: str = ""
    token: int = -1


class Speakers:
    """Resolves a subject token to a person, an actor or its own words."""

    def __init__(
        self, doc: Doc, article: Article, persons: list[dict], dictionary: ActorDictionary | None = None
    ):
        self.doc = doc
        self.dictionary = dictionary
        self.text = article.text  # doc.text would rebuild the whole text on each use
        self.article = article
        self.persons = sorted(
            (p for p in persons if p.get("role") == "actor" and p.get("start_char") is not None),
            key=lambda p: p["start_char"],
        )
        # Binary search over the starts (and the furthest end so far), not a scan per token.
        self._starts = [p["start_char"] for p in self.persons]
        self._max_end = list(accumulate((p["end_char"] for p in self.persons), max))

    def person_at(self, token: Token) -> dict | None:
        """The first person row (in text order) whose span holds ``token``."""
        first = bisect_right(self._max_end, token.idx)  # rows before it end at or before token.idx
        last = bisect_right(self._starts, token.idx)
        return next((p for p in self.persons[first:last] if token.idx < p["end_char"]), None)

    def _starting_within(self, start: int, end: int) -> list[dict]:
        """The person rows starting in ``start:end``, in text order."""
        return self.persons[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def resolve(self, token: Token | None) -> Speaker:
        """Name the speaker a subject token stands for."""
        if token is None:
            return Speaker()
        for candidate in [token, *token.children]:
            person = self.person_at(candidate)
            if person is not None:
                return Speaker(person["canonical"], person["person_id"], token.i)
        if token.lower_ in function_words().personal_pronouns:
            return self.pronoun(token)
        sources = speech_sources()
        if token.lower_ in sources.documents:
            for prep in token.children:
                if prep.lower_ in sources.author_prepositions:
                    source = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if source is not None:
                        return self.resolve(source)
            return Speaker()  # a document with no named author is not a speaker
        if token.ent_type_ in {"ORG", "NORP", "GPE"} and token.pos_ == "PROPN":
            return self.actor(token)
        if token.pos_ in {"NOUN", "PROPN"}:
            words = [t for t in token.subtree if t.i <= token.i and t.dep_ != "det"]
            return Speaker(" ".join(t.text for t in words), "", token.i)
        return Speaker()

    def speaker_of(self, verb: Token | None) -> Speaker:
        """The speaker of a speech verb: its subject, else the person named just before it.

        The fallback (a person earlier in the same sentence and paragraph) covers
        subjects the parser lost, e.g. "Nasser al-Harki, a … member of …, told …".
        """
        if verb is None:
            return Speaker()
        speaker = self.resolve(speech_subject(verb))
        if speaker.name:
            return speaker
        floor = max(sentence_of(verb).start_char, self.text.rfind("\n", 0, verb.idx) + 1)
        before = [p for p in self._starting_within(floor, verb.idx) if p["end_char"] <= verb.idx]
        return Speaker(before[-1]["canonical"], before[-1]["person_id"], verb.i) if before else speaker

    def actor(self, token: Token) -> Speaker:
        """Name an organisation through the actor dictionary."""
        start, end = token.i, token.i + 1  # the entity's tokens, walked through its IOB tags
        while self.doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
            end += 1
        text = self.doc[start:end].text
        found = canonicalize(text, token.ent_type_, dictionary=self.dictionary)
        return Speaker(found.get("canonical") or text, found.get("actor_id") or "", token.i)

    def pronoun(self, token: Token) -> Speaker:
        """The latest person mentioned before ``token`` in its or the previous paragraph."""
        before = self._starting_within(paragraph_floor(self.article, token.idx), token.idx)
        if not before:
            return Speaker()
        return Speaker(before[-1]["canonical"], before[-1]["person_id"], token.i)


def speech_subject(verb: Token) -> Token | None:
    """The subject of a speech verb, following conjoined verbs to the shared subject.

    The walk stops at a line break: a parse that joins paragraphs into one sentence
    must not give a verb the subject of another paragraph.
    """
    doc = verb.doc
    while True:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subject
        low, high = sorted((verb.head.i, verb.i))
        if any("\n" in token.text_with_ws for token in doc[low:high]):
            return None
        verb = verb.head
