"""A place mention under construction, the entity span it is cut from, and the sentence that is its
evidence."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Span

from helpers import config
from helpers.articles import Article
from helpers.extract.evidence import sentence_of
from helpers.knowledge.grammar import function_words


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


@lru_cache(maxsize=4)
def _trimmers(language: str = config.DEFAULT_LANGUAGE) -> tuple[re.Pattern, re.Pattern]:
    """A leading article ("the", "The", "THE" in text written in capitals) with its space, and a
    trailing possessive ("'s", "’", "'S")."""
    words = function_words(language)
    articles = "|".join(
        f"{re.escape(a)}|{re.escape(a.capitalize())}|{re.escape(a.upper())}"
        for a in sorted(words.definite_articles)
    )
    endings = words.possessive_endings | {ending.upper() for ending in words.possessive_endings}
    possessives = "|".join(map(re.escape, sorted(endings, key=len, reverse=True)))
    return re.compile(rf"^({articles})\s+"), re.compile(rf"({possessives})$")


def entity_span(doc: Doc, span: Span) -> Span | None:
    """An entity's span without a leading "the" and a trailing possessive ("the Pentagon's")."""
    leading, trailing = _trimmers()
    start, end = span.start_char, span.end_char
    text = span.text  # not doc.text: spaCy rebuilds the whole text on every access
    lead = leading.match(text)
    if lead:
        start += lead.end()
    trail = trailing.search(text[start - span.start_char :])
    if trail:
        end -= len(trail.group())
    return doc.char_span(start, end, label=span.label_, alignment_mode="contract") if end > start else None
