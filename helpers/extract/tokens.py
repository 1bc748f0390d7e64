"""Tokens found by one array lookup, so an extractor looking for a few words does not build a
``Token`` object for every word of the article (spaCy makes one per ``for token in doc`` step)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token


def tokens_with_lower(doc: Doc, words: Iterable[str]) -> list[Token]:
    """The tokens whose lower-case text is one of ``words``, in text order.

    >>> import spacy
    >>> doc = spacy.blank("en")("He said THEY left; she stayed.")
    >>> [t.i for t in tokens_with_lower(doc, {"he", "they", "she"})]
    [0, 2, 5]
    """
    if not len(doc):
        return []
    wanted = numpy.fromiter((hash_string(word) for word in words), dtype="uint64")
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), wanted))]
