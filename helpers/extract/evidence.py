"""The evidence every extracted row carries: article, paragraph, sentence and offsets."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

from helpers.articles import Article


class SentenceIndex:
    """Sentences of a doc, found by token position with a binary search.

    ``span.sent`` walks the doc token by token on every call; with hundreds of
    mentions per article that dominated extraction time.
    """

    def __init__(self, doc: Doc) -> None:
        self.sentences = list(doc.sents)
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
