"""Paragraph roles: the structure of an article that extraction must respect.

:func:`analyse` splits a loaded text into paragraphs and gives each its kind:
the title, credit lines (bylines, editors), boilerplate link lines, paragraphs
repeated within the article, or body. On the way it finds the dateline and its
outlet ("MOSUL, Iraq (AP) —", kept out of every paragraph) and a date line.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from helpers.articles import Article, Paragraph
from helpers.ingest.cue_patterns import cue_patterns
from helpers.ingest.dates import parse_date_line
from helpers.ingest.text_hash import text_sha256
from helpers.knowledge.paragraph_cues import paragraph_cues

# Datelines: "ERBIL (Kurdistan 24) –", "MOSUL, Iraq (AP) —", "BEIRUT, March 3 (Reuters) -",
# "KIRKUK — ". No library parses news datelines, hence the pattern.
_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Z'’.\- ]{1,40}[A-Z])      # place in capitals
        (?:,\s*[A-Z][\w.’' ]{1,30}?)?                # optional ", Iraq" / ", March 3"
        \s*(?:\((?P<outlet>[^()\n]{2,40})\))?         # optional "(Outlet)"
        \s*(?:[-–—]{1,2}|:)\s+""",
    re.VERBOSE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
#: Longest first paragraph taken as the title, in words.
MAX_TITLE_WORDS = 40
#: Paragraphs (from the first, index 0) searched for the dateline and a date line.
LAST_HEADER_PARAGRAPH = 3
#: Longest paragraph read as a date line, in words.
MAX_DATE_LINE_WORDS = 6
#: Longest credit paragraph, in words.
MAX_CREDIT_WORDS = 25
#: Longest bare "By ..." byline, in words.
MAX_BYLINE_WORDS = 10
#: Share of a bare byline's words (joiners left out) that must be capitalised.
BYLINE_CAPITALISED = 0.6
MAX_BOILERPLATE_WORDS = 40
MIN_REPEAT_WORDS = 8
REPEAT_SIMILARITY = 0.85
#: Paragraphs compared word by word for near repeats; later ones are checked for exact
#: repeats only, so a huge file (a dump, not an article) still loads in linear time.
MAX_FUZZY_REPEAT_PARAGRAPHS = 200


def analyse(article: Article, *, markdown: bool = False, title_given: bool = False) -> None:
    """Fill in paragraphs, title, dateline, outlet, byline, date and the text hash.

    Args:
        article: A loaded article; its ``text`` is read, the other fields are set.
        markdown: The text is Markdown: ``#`` marks are dropped from the title.
        title_given: The record had a title field, so a lone paragraph is still the title.
    """
    text = article.text
    article.text_sha256 = text_sha256(text)
    patterns = cue_patterns()
    spans = _paragraph_spans(text)
    paragraphs: list[Paragraph] = []
    credits: list[str] = []
    seen: list[tuple[int, list[str], Counter]] = []
    exact: dict[tuple[str, ...], int] = {}
    for index, (start, end) in enumerate(spans):
        chunk = text[start:end]
        kind, note = "body", ""
        if index == 0 and (title_given or len(spans) > 1) and len(chunk.split()) <= MAX_TITLE_WORDS:
            kind = "title"
            article.title = " ".join(chunk.lstrip("#").split()) if markdown else " ".join(chunk.split())
        elif is_credit(chunk):
            kind, note = "credit", "byline or editor credit"
            credits.append(" ".join(chunk.split()))
        elif patterns.boilerplate.match(chunk) and len(chunk.split()) <= MAX_BOILERPLATE_WORDS:
            kind, note = "boilerplate", "link or boilerplate line"
        else:
            if not article.dateline and index <= LAST_HEADER_PARAGRAPH and (match := _DATELINE.match(chunk)):
                place = match.group("place").strip()
                if len(place) >= 3 and not place.isdigit():
                    article.dateline = place
                    article.dateline_span = (start + match.start("place"), start + match.end("place"))
                    if match.group("outlet") and not article.outlet:
                        article.outlet = match.group("outlet").strip()
                    start += match.end()
                    chunk = text[start:end]
            if (
                not article.date
                and index <= LAST_HEADER_PARAGRAPH
                and len(chunk.split()) <= MAX_DATE_LINE_WORDS
                and (date := parse_date_line(chunk))
            ):
                article.date = date
            words = _words(chunk)
            repeat_of = exact.get(tuple(words)) if len(words) >= MIN_REPEAT_WORDS else None
            if repeat_of is None and index < MAX_FUZZY_REPEAT_PARAGRAPHS:
                repeat_of = _find_repeat(words, seen)
            if repeat_of is not None:
                kind, note = "repeat", f"repeat of paragraph {repeat_of}"
            elif len(words) >= MIN_REPEAT_WORDS:
                exact.setdefault(tuple(words), index)
                if index < MAX_FUZZY_REPEAT_PARAGRAPHS:
                    seen.append((index, words, Counter(words)))
        paragraphs.append(Paragraph(index=index, start=start, end=end, kind=kind, note=note))
    article.paragraphs = paragraphs
    if credits:
        article.byline = "; ".join(credits)


def is_credit(chunk: str) -> bool:
    """A byline or credit line: "Editing by …", "Reporting by …", or "By Jane Doe".

    A bare "By ..." paragraph is a byline only when it is short and made of
    capitalised names ("By the end of the day, ten died." is not).

    Args:
        chunk: The paragraph text.

    Returns:
        Whether the paragraph credits people rather than reporting news.

    >>> is_credit("Editing by John J. Catherine"), is_credit("By the end of the day, ten died.")
    (True, False)
    """
    words = chunk.split()
    if not cue_patterns().credit.match(chunk) or len(words) > MAX_CREDIT_WORDS:
        return False
    if words[0].lower() != "by":  # a credit verb ("Reporting by"), not a bare byline
        return True
    joiners = paragraph_cues().byline_joiners
    names = [w for w in words[1:] if w.lower() not in joiners]
    capitalised = sum(1 for w in names if w[:1].isupper())
    return len(words) <= MAX_BYLINE_WORDS and capitalised >= BYLINE_CAPITALISED * max(len(names), 1)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans, split on blank lines, or on line breaks if there are none."""
    pieces: list[tuple[int, int]] = []
    position = 0
    breaks = list(_PARAGRAPH_BREAK.finditer(text))
    splitter = breaks if breaks else list(re.finditer(r"\n", text))
    for match in [*splitter, None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            pieces.append((position + lead, end - trail))
        if match:
            position = match.end()
    return pieces


def _words(chunk: str) -> list[str]:
    return re.findall(r"\w+", chunk.lower())


def _find_repeat(words: list[str], seen: list[tuple[int, list[str], Counter]]) -> int | None:
    """Index of an earlier paragraph that ``words`` (nearly) repeats, if any.

    Similarity is difflib's ``ratio``; the word-count overlap (difflib's
    ``quick_ratio``, an upper bound of ``ratio``) is checked first from counts
    made once per paragraph.
    """
    if len(words) < MIN_REPEAT_WORDS:
        return None
    counts = Counter(words)
    matcher = SequenceMatcher(None, b=words, autojunk=False)  # indexes ``words`` once, not per pair
    for index, earlier, earlier_counts in seen:
        total = len(earlier) + len(words)
        if abs(len(earlier) - len(words)) > 0.2 * max(len(words), len(earlier)):
            continue
        if 2 * sum((counts & earlier_counts).values()) < REPEAT_SIMILARITY * total:
            continue
        matcher.set_seq1(earlier)
        if matcher.ratio() >= REPEAT_SIMILARITY:
            return index
    return None
