"""The datelines of an article's places: the loader's, and one run into a headline's paragraph.

The loader finds a dateline at the start of a paragraph ("KABUL, Afghanistan (AP) —").
Scraped and archived news often joins the headline (or a credit) and the lead into one
line: "Ten hurt in crash. COLUMBUS, Ohio (AP) — …", "By Jo Roe, The Canadian Press.
TORONTO — …". Such a dateline, in capitals at a sentence start near the top of the
article, places the story as much as the loader's; the division written after it
("Ohio", "N.M.") names the story's province.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from helpers.articles import Article
from helpers.ingest.datelines import find_dateline

#: How far into the article (in characters) a dateline run into the headline may start.
HEADER_CHARACTERS = 400
#: A sentence start: after a full stop (or "!", "?", a closing quote) and white space.
_SENTENCE_START = re.compile(r"[.!?][\"”’]?[ \t]+(?=[A-Z(])")
#: The country or division written after a dateline's place (", Afghanistan", ", N.M.").
_AREA = re.compile(r",\s+([A-Z][\w.'’ -]{1,40}?)\s*(?=[(—–:-]|$)")


def dateline_spans(doc: Doc, article: Article) -> Iterator[tuple[Span, Span | None]]:
    """The article's datelines: each place span and the area span written after it (or ``None``).

    The loader's dateline comes first; without one, a dateline in capitals at a sentence
    start within the first :data:`HEADER_CHARACTERS` characters of extractable text
    ("Ohio to review deal . COLUMBUS, Ohio (AP) — …").

    Args:
        doc: The parsed article.
        article: The article (its text, paragraphs and dateline).

    Yields:
        ``(place, area)`` token spans.
    """
    if article.dateline_span:
        span = doc.char_span(*article.dateline_span, alignment_mode="expand")
        if span is not None:
            yield span, _area(doc, article.text, article.dateline_span[1])
        return
    for match in _SENTENCE_START.finditer(article.text, 0, HEADER_CHARACTERS):
        start = match.end()
        dateline = find_dateline(article.text[start : start + 200])
        if dateline is None or not dateline.place.isupper() or not article.is_extractable(start, start + 1):
            continue
        place_start, place_end = start + dateline.place_span[0], start + dateline.place_span[1]
        span = doc.char_span(place_start, place_end, alignment_mode="expand")
        if span is not None:
            yield span, _area(doc, article.text, place_end)
        return


def _area(doc: Doc, text: str, end: int) -> Span | None:
    """The country or division written after a dateline place ending at ``end``."""
    match = _AREA.match(text[end : end + 60])
    if match is None:
        return None
    return doc.char_span(end + match.start(1), end + match.end(1), alignment_mode="contract")
