"""The evidence every extracted row carries: article, paragraph, sentence and offsets."""

from __future__ import annotations

import bisect
from itertools import pairwise

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span, Token

from helpers.articles import Article
from helpers.nlp.parse import parsed_length


class SentenceIndex:
    """Sentences of a doc, found by token position with a binary search.

    ``span.sent`` walks the doc token by token on every call, and ``doc.sents`` makes a
    Python token object for every token; with hundreds of mentions per article that
    dominated extraction time. The sentences are read once from the sentence-start array.
    """

    def __init__(self, doc: Doc) -> None:
        if not doc.has_annotation("SENT_START"):
            self.sentences = list(doc.sents)  # raises spaCy's own error
        else:
            starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
            bounds = [0, *(s for s in starts if s > 0), len(doc)]
            self.sentences = [doc[a:b] for a, b in pairwise(bounds) if b > a]
        self.starts = [sent.start for sent in self.sentences]

    def of(self, span: Span) -> tuple[int, Span]:
        """The number and the span of the sentence containing ``span``'s first token."""
        i = self._number(span.start)
        return i, self.sentences[i]

    def sentence_of(self, item: Span | Token) -> Span:
        """``item.sent``: the sentence of a token, or of a span's first token (as spaCy's)."""
        return self.sentences[self._number(item.i if isinstance(item, Token) else item.start)]

    def _number(self, token: int) -> int:
        return max(bisect.bisect_right(self.starts, token) - 1, 0)


#: The last doc's sentence index: the extractors of one article ask for it in turn.
_LAST_INDEX: tuple[Doc | None, SentenceIndex | None] = (None, None)


def sentence_index(doc: Doc) -> SentenceIndex:
    """The :class:`SentenceIndex` of ``doc``, made once per doc."""
    global _LAST_INDEX
    last_doc, index = _LAST_INDEX
    if last_doc is not doc or index is None:
        index = SentenceIndex(doc)
        _LAST_INDEX = (doc, index)
    return index


def doc_sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, read once per doc (:class:`SentenceIndex`).

    >>> import spacy
    >>> doc = spacy.blank("en")("One two. Three four.")
    >>> doc[3].is_sent_start = True
    >>> [s.text for s in doc_sentences(doc)] == [s.text for s in doc.sents]
    True
    """
    return sentence_index(doc).sentences


def sentence_of(item: Span | Token) -> Span:
    """``item.sent`` without walking the doc (:meth:`SentenceIndex.sentence_of`).

    >>> import spacy
    >>> doc = spacy.blank("en")("One two. Three four. Five.")
    >>> doc[3].is_sent_start = doc[6].is_sent_start = True
    >>> items = (doc[4], doc[2:5], doc[1:2])
    >>> [sentence_of(x).text for x in items] == [x.sent.text for x in items]
    True
    """
    return sentence_index(item.doc).sentence_of(item)


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


def lead_sentences(doc: Doc, article: Article) -> list[Span]:
    """The headline's sentences and the first sentence of the first body paragraph."""
    found: list[Span] = []
    length = parsed_length(doc)  # not len(doc.text): Doc.text joins every token anew
    for paragraph in article.paragraphs:
        if not paragraph.extractable or paragraph.start >= length:
            continue
        span = doc.char_span(paragraph.start, paragraph.end, alignment_mode="contract")
        if span is None or not len(span):
            continue
        if paragraph.kind == "title":
            found += list(span.sents)
            continue
        found.append(next(iter(span.sents)))
        break
    return found


def sentence_units(doc: Doc, article: Article) -> list[Span]:
    """Sentences cut at paragraph boundaries.

    A headline without final punctuation is often parsed as one sentence with
    the next paragraph; a figure must never borrow a victim across that line.
    """
    bounds = sorted({p.start for p in article.paragraphs} | {p.end for p in article.paragraphs})
    units = []
    for sentence in doc_sentences(doc):
        inside = bounds[
            bisect.bisect_right(bounds, sentence.start_char) : bisect.bisect_left(bounds, sentence.end_char)
        ]
        if not inside:  # nearly every sentence: the span is the sentence itself
            if article.text[sentence.start_char : sentence.end_char].strip():
                units.append(sentence)
            continue
        cuts = [sentence.start_char, *inside, sentence.end_char]
        for start, end in pairwise(cuts):
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is not None and span.text.strip():
                units.append(span)
    return units
