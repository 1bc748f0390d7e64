"""The sources wire copy names right after a toll, which the parser may read as part of it.

"…, killing at least 14 soldiers, two residents and an official said": the parser makes the
toll the subject of "said", or the sources conjuncts of the toll. Read off the parse by hand, as
the rest of :mod:`helpers.extract.casualties.syntax`.
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.knowledge.speech import speech_verbs

#: Subject relations: the victim of a passive or intransitive trigger, the speaker of "said"
#: (:mod:`helpers.extract.casualties.syntax` reads them from here).
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def read_as_speaker(verb: Token) -> list[Token]:
    """The counted noun right after a participle without an object that the parser made the subject
    of the sentence's verb of speech: wire copy names its sources after the toll ("…, killing at
    least 14 soldiers, two residents and an official said": the soldiers were killed, the residents
    and the official told it); a finite verb too when the parser made it the clause of that verb of
    speech ("An airstrike killed at least 17 civilians, residents said")."""
    finite = verb.tag_ == "VBD" and verb.dep_ == "ccomp"
    if not (verb.tag_ == "VBG" or finite) or verb.i + 1 >= len(verb.doc):
        return []
    noun = verb.doc[verb.i + 1].head
    while noun.dep_ in {"nummod", "compound", "amod", "advmod", "quantmod"} and noun.head.i > noun.i:
        noun = noun.head
    counted = any(c.dep_ == "nummod" for c in noun.children)
    heard = speaks(noun) and (not finite or noun.head == verb.head)
    return [noun] if heard and noun.left_edge.i == verb.i + 1 and counted else []


def sources_after(token: Token) -> int | float:
    """The last comma of a list the parser read as the token's conjuncts when a verb of speech
    without a subject (or whose subject is the toll the token is part of) follows it: after it come
    the sources ("killing 16 soldiers, two witnesses and a doctor said"), else infinity."""
    end = token.right_edge.i + 1
    doc = token.doc
    if end >= len(doc) or doc[end].lemma_.lower() not in speech_verbs().cues:
        return float("inf")
    # a subject of its own tells the sources, unless it is the toll the token is part of ("killed 17
    # civilians, including nine children, residents and a group said": "civilians" read as the subject)
    if any(c.dep_ in SUBJECTS and not c.is_ancestor(token) for c in doc[end].children):
        return float("inf")
    return max((t.i for t in doc[token.i : end] if t.text == ","), default=float("inf"))


def speaks(token: Token) -> bool:
    """Whether the token is the subject of a verb of speech after it ("two residents said")."""
    return (
        token.dep_ == "nsubj" and token.head.i > token.i and token.head.lemma_.lower() in speech_verbs().cues
    )
