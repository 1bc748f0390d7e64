"""The named entities of a parsed article, looked up by token position (built once per doc).

spaCy rebuilds every entity span on each access of ``doc.ents``; the casualty rules ask for the
entities of a sentence or at a token thousands of times per article.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span, Token


@lru_cache(maxsize=4)
def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per doc (spaCy rebuilds every entity span on each access)."""
    return tuple(doc.ents)


@lru_cache(maxsize=4)
def _entity_starts(doc: Doc) -> tuple[int, ...]:
    return tuple(e.start for e in doc_entities(doc))


@lru_cache(maxsize=4)
def person_surnames(doc: Doc) -> frozenset[str]:
    """Last words of the document's full person names: news names a person in full once, then
    by surname ("Mark Dobbins ... Dobbins died"), which the recogniser may not tag again."""
    return frozenset(e[-1].lower_ for e in doc_entities(doc) if e.label_ == "PERSON" and len(e) > 1)


def common_noun_entity(ent: Span) -> bool:
    """True for an organisation of lower-case words only ("the minibus", "junta" of "junta
    troops"): the small model sometimes labels a common noun ORG, and names are capitalised (the
    recaser restores the case of text in capitals before the parse). A numbered unit ("444th
    brigade") and dictionary hits are kept."""
    return ent.label_ == "ORG" and not ent.ent_id_ and all(t.is_alpha and t.is_lower for t in ent)


def is_surname(token: Token) -> bool:
    """A capitalised word outside any entity that is the surname of a person named in full in
    the document, even when the tagger reads it as a common noun ("Banks", "Rivers")."""
    return token.is_title and not token.ent_type_ and token.lower_ in person_surnames(token.doc)


def entities_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities inside tokens ``start:end``, in order: a binary search, not a scan of the doc."""
    entities, starts = doc_entities(doc), _entity_starts(doc)
    first = bisect_left(starts, start)
    return [e for e in entities[first : bisect_left(starts, end, lo=first)] if e.end <= end]


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity holding token ``i``, if any (entities do not overlap)."""
    entities, starts = doc_entities(doc), _entity_starts(doc)
    k = bisect_right(starts, i) - 1
    return entities[k] if k >= 0 and i < entities[k].end else None
