"""Tokens found by one array lookup, so an extractor looking for a few words does not build a
``Token`` object for every word of the article (spaCy makes one per ``for token in doc`` step)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy
from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string
from spacy.tokens import Doc, Token


def tokens_with_lower(doc: Doc, words: Iterable[str], *, pos: Iterable[str] = ()) -> list[Token]:
    """The tokens whose lower-case text is one of ``words`` or whose coarse part of speech is
    one of ``pos``, in text order.

    >>> import spacy
    >>> doc = spacy.blank("en")("He said THEY left; she stayed.")
    >>> [t.i for t in tokens_with_lower(doc, {"he", "they", "she"})]
    [0, 2, 5]
    >>> doc[1].pos_, doc[6].pos_ = "VERB", "VERB"
    >>> [t.i for t in tokens_with_lower(doc, {"he"}, pos={"VERB"})]
    [0, 1, 6]
    """
    if not len(doc):
        return []
    found = numpy.isin(doc.to_array(LOWER), _hashes(frozenset(words)))
    if pos:
        found |= numpy.isin(doc.to_array(POS), [POS_IDS[tag] for tag in pos])
    return [doc[int(i)] for i in numpy.flatnonzero(found)]


@lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> numpy.ndarray:
    """The string hashes of ``words`` (the same word lists come back for every article)."""
    return numpy.fromiter((hash_string(word) for word in words), dtype="uint64", count=len(words))
