"""A place mention under construction, and the sentence that is its evidence."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from helpers.articles import Article
from helpers.extract.evidence import sentence_of


class Mention(dict):
    """A row under construction (a dict with the mention's token span attached)."""

    span: Span


#: The ``add`` function of :func:`~helpers.extract.places.finding.find_mentions`: appends a row
#: for a span (``None`` when not extractable).
AddMention = Callable[..., Mention | None]


def mention_sentence(doc: Doc, article: Article, start: int, end: int) -> str:
    """The sentence of a mention, clipped to its paragraph (titles run into leads).

    Args:
        doc: The parsed article.
        article: The article (its text and paragraphs).
        start: The mention's first character.
        end: The character after the mention.

    Returns:
        The sentence's text, stripped ("" when the offsets fall outside the doc's tokens).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    sentence = sentence_of(span)
    sent_start, sent_end = sentence.start_char, sentence.end_char
    paragraph = article.paragraph_at(start)
    if paragraph is not None:
        sent_start, sent_end = max(sent_start, paragraph.start), min(sent_end, paragraph.end)
    return article.text[sent_start:sent_end].strip()
