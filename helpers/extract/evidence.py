"""The evidence every extracted row carries: article, paragraph, sentence and offsets."""

from __future__ import annotations

import bisect
from itertools import pairwise

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

from helpers.articles import Article

#: The last doc's sentences: the extractors of one article ask for them in turn.
_LAST_SENTENCES: tuple[Doc | None, list[Span]] = (None, [])


def doc_sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, read once per doc from the sentence-start array.

    ``doc.sents`` makes a Python token object for every token on every call; several
    extractors read the sentences of each article.

    >>> import spacy
    >>> doc = spacy.blank("en")("One two. Three four.")
    >>> doc[3].is_sent_start = True
    >>> [s.text for s in doc_sentences(doc)] == [s.text for s in doc.sents]
    True
    """
    global _LAST_SENTENCES
    last_doc, sentences = _LAST_SENTENCES
    if last_doc is doc:
        return sentences
    if not doc.has_annotation("SENT_START"):
        sentences = list(doc.sents)  # raises spaCy's own error
    else:
        starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
        bounds = [0, *(s for s in starts if s > 0), len(doc)]
        sentences = [doc[a:b] for a, b in pairwise(bounds) if b > a]
    _LAST_SENTENCES = (doc, sentences)
    return sentences


class SentenceIndex:
    """Sentences of a doc, found by token position with a binary search.

    ``span.sent`` walks the doc token by token on every call; with hundreds of
    mentions per article that dominated extraction time.
    """

    def __init__(self, doc: Doc) -> None:
        self.sentences = doc_sentences(doc)
        self.starts = [sent.start for sent in self.sentences]

    def of(self, span: Span) -> tuple[int, Span]:
        """The number and the span of the sentence containing ``span``'s first token."""
        i = max(bisect.bisect_right(self.starts, span.start) - 1, 0)
        return i, self.sentences[i]


def evidence(span: Span, article: Article, sentences: SentenceIndex) -> dict:
    """The evidence columns every extracted row carries for ``span``.

    Returns:
        ``article_id``, ``paragraph``, ``sentence_id``, ``start_char``,
        ``end_char``, ``text`` and ``sentence`` (the sentence's text).
    """
    paragraph = article.paragraph_at(span.start_char)
    number, sentence = sentences.of(span)
    return {
        "article_id": article.article_id,
        "paragraph": paragraph.index if paragraph else None,
        "sentence_id": number,
        "start_char": span.start_char,
        "end_char": span.end_char,
        "text": span.text,
        "sentence": article.text[sentence.start_char : sentence.end_char].strip(),
    }
