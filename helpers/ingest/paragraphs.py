"""Paragraph roles: the structure of an article that extraction must respect.

:func:`analyse` splits a loaded text into paragraphs and gives each its kind:
the title, credit lines (bylines, editors), boilerplate link lines and other page furniture
(:mod:`helpers.ingest.furniture`: menus, notices, the writer's profile and contact), paragraphs
repeated within the article, or body. On the way it finds the dateline and its
outlet (:mod:`helpers.ingest.datelines`, kept out of every paragraph) and a date line.

Paragraphs end at blank lines, and at single line breaks that close a line
rather than wrap it (scraped text often has one line per paragraph; hard-wrapped
text and PDF lines do not), so roles are found whatever the spacing.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from difflib import SequenceMatcher

from helpers.articles import Article, Paragraph
from helpers.ingest.cue_patterns import cue_patterns
from helpers.ingest.datelines import find_dateline
from helpers.ingest.dates import parse_date_line
from helpers.ingest.furniture import furniture_note
from helpers.ingest.text_hash import text_sha256
from helpers.knowledge.grammar import function_words
from helpers.knowledge.paragraph_cues import paragraph_cues

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
#: Endings of a line that closes a paragraph even without a blank line after it.
_LINE_ENDS = (".", "!", "?", ":", '"', "”", "’", "'", ")", "…")
#: A line at least this share of its block's longest line, not closing a sentence, is wrapped:
#: the paragraph goes on after its line break (hard-wrapped text, PDF lines).
WRAPPED_LINE_SHARE = 0.75
#: A line shorter than this (in characters) is never wrapped unless the next one starts in lower
#: case: hard-wrapped text and PDF lines are wider, headlines and link lines often narrower.
MIN_WRAPPED_LINE = 40
#: A credit in brackets closing a paragraph: "… he said. (Reporting by X; Editing by Y)".
_TRAILING_CREDIT = re.compile(r"(?<=\s)\((?P<credit>[^()\n]{5,})\)\s*$")
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
    dateline_seen = False
    playlist = _playlist_items(
        [text[start:end] for start, end in spans], patterns.playlist_item, paragraph_cues().player_controls
    )
    for index, (start, end) in enumerate(spans):
        chunk = text[start:end]
        kind, note = "body", ""
        headline = index == 0 and (title_given or len(spans) > 1) and len(chunk.split()) <= MAX_TITLE_WORDS
        if headline and (title_given or not find_dateline(chunk)):  # a headline carries no dateline
            kind = "title"
            article.title = " ".join(chunk.lstrip("#").split()) if markdown else " ".join(chunk.split())
        elif len(spans) > 1 and is_credit(chunk):  # a one-paragraph text is the article, not its byline
            kind, note = "credit", "byline or editor credit"
            credits.append(" ".join(chunk.split()))
        elif index in playlist:
            kind, note = "boilerplate", "video playlist item"
        elif is_boilerplate_line(chunk):
            kind, note = "boilerplate", "link or boilerplate line"
        elif furniture := furniture_note(chunk, len(spans) - index - 1):
            kind, note = "boilerplate", furniture
        else:
            if (
                not article.dateline
                and not dateline_seen
                and index <= LAST_HEADER_PARAGRAPH
                and (dateline := find_dateline(chunk))
            ):
                dateline_seen = True
                if dateline.place:
                    article.dateline = dateline.place
                    article.dateline_span = (start + dateline.place_span[0], start + dateline.place_span[1])
                if dateline.outlet and not article.outlet:
                    article.outlet = dateline.outlet
                start += dateline.end
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
        page = bisect.bisect_right(article.page_starts, start) if article.page_starts else None
        paragraphs.append(Paragraph(index=index, start=start, end=end, kind=kind, note=note, page=page))
    article.paragraphs = paragraphs
    if credits:
        article.byline = "; ".join(credits)
    if paragraphs and not any(p.extractable for p in paragraphs):  # say why the article yields nothing
        kinds = ", ".join(sorted({p.kind for p in paragraphs}))
        note = f"warning: no title or body paragraph to extract (only {kinds})"
        article.reason = f"{article.reason}; {note}" if article.reason else note


def is_boilerplate_line(chunk: str) -> bool:
    """A short line of page furniture: a link, promotion or caption line ("Read more: …", "Photo:
    AFP", "Page not found"; ``boilerplate_lines.csv``).

    >>> is_boilerplate_line("Read more: two killed in Mosul"), is_boilerplate_line("Two killed in Mosul")
    (True, False)
    """
    return bool(cue_patterns().boilerplate.match(chunk)) and len(chunk.split()) <= MAX_BOILERPLATE_WORDS


def is_credit(chunk: str) -> bool:
    """A byline or credit line: "Editing by …", "(Reporting by …)", "By Jane Doe", "Associated Press".

    A bare "By ..." paragraph is a byline only when it is short and made of
    capitalised names ("By the end of the day, ten died." is not); a line that
    is only a news agency's name (with "Writer", "Staff" …) credits it.

    Args:
        chunk: The paragraph text.

    Returns:
        Whether the paragraph credits people rather than reporting news.

    >>> is_credit("Editing by John J. Catherine"), is_credit("By the end of the day, ten died.")
    (True, False)
    >>> is_credit("(Reporting by Jane Roe; Editing by Tim Poe)"), is_credit("The Associated Press")
    (True, True)
    >>> is_credit("Reporting by Ann Lee in Kano; Additional reporting by Bo Ek in Jos and Cy Ma in "
    ...           "Abuja and Di Ro in Kaduna; Writing by Ed Fu in Lagos; Editing by Flo Gu and Hal Iv")
    True
    >>> is_credit("By Ann Lee, Research Fellow for the Sahel Programme On 3 May, gunmen killed five "
    ...           "farmers near Kano and burned two houses, the police said, and the governor came.")
    False
    """
    chunk = chunk.strip().removeprefix("(").removesuffix(")")
    words = chunk.split()
    patterns = cue_patterns()
    if patterns.agency_line.fullmatch(chunk):
        return True
    if not patterns.credit.match(chunk):
        return False
    if len(words) > MAX_CREDIT_WORDS:  # a long credit is one short credit after another
        parts = [part.strip() for part in chunk.split(";") if part.strip()]
        return len(parts) > 1 and all(
            len(part.split()) <= MAX_CREDIT_WORDS and is_credit(part) for part in parts
        )
    if words[0].lower() != "by":  # a credit verb ("Reporting by"), not a bare byline
        return True
    joiners = paragraph_cues().byline_joiners
    names = [w for w in words[1:] if w.lower() not in joiners]
    capitalised = sum(1 for w in names if w[:1].isupper())
    return len(words) <= MAX_BYLINE_WORDS and capitalised >= BYLINE_CAPITALISED * max(len(names), 1)


def sentence_starts(text: str) -> list[int]:
    """Where a sentence must start in ``text``: each paragraph, and the text after a dateline.

    Hard-wrapped lines go on (a line break inside a paragraph starts nothing), and
    "MAPUTO, Aug 30 (Agency) — Five people ..." starts a sentence at "Five".

    >>> text = "KISMAYO (AP) — Gunmen killed two\\nmen on Friday, police said.\\n\\nRead more"
    >>> [text[i:i + 6] for i in sentence_starts(text)]
    ['KISMAY', 'Gunmen', 'Read m']
    """
    starts = []
    for start, end in _paragraph_spans(text):
        starts.append(start)
        if dateline := find_dateline(text[start:end]):
            starts.append(start + dateline.end)
    return starts


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks between blank lines, cut at the line breaks that close a line.

    A trailing credit in brackets ("… (Reporting by X)") becomes a paragraph of its own.
    """
    pieces: list[tuple[int, int]] = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        for start, stop in _block_paragraphs(text, position, end):
            chunk = text[start:stop]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                trail = len(chunk) - len(chunk.rstrip())
                pieces.extend(_split_trailing_credit(text, start + lead, stop - trail))
        if match:
            position = match.end()
    return pieces


def _block_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of one block between blank lines: cut where a line closes, not where it wraps.

    A line wraps when it closes no sentence and the next line starts in lower case, or it is
    about as wide as the block's widest, or it ends in a word that cannot end a line of its
    own ("the", "of", "to be": ``line_continuation`` in ``function_words.csv``).

    >>> text = "Ten killed\\nRead also: more\\nA long line of hard-wrapped text, which goes on\\nhere."
    >>> [text[a:b] for a, b in _block_paragraphs(text, 0, len(text))]
    ['Ten killed', 'Read also: more', 'A long line of hard-wrapped text, which goes on\\nhere.']
    >>> text = "The attackers, believed to be\\nRebels, fled."
    >>> [text[a:b] for a, b in _block_paragraphs(text, 0, len(text))]
    ['The attackers, believed to be\\nRebels, fled.']
    """
    lines = text[start:end].split("\n")
    widest = max(len(line.rstrip()) for line in lines)
    spans, first, offset = [], start, start
    for line, following in zip(lines, [*lines[1:], None]):
        offset += len(line) + 1
        if following is None:
            break
        body = line.rstrip()
        wraps = bool(body) and not body.endswith(_LINE_ENDS)
        wide = len(body) >= max(MIN_WRAPPED_LINE, WRAPPED_LINE_SHARE * widest)
        last_word = body.rsplit(None, 1)[-1].lower() if body else ""
        continues = last_word in function_words().line_continuations
        wraps = wraps and (following.lstrip()[:1].islower() or wide or continues)
        if not wraps:
            spans.append((first, offset - 1))
            first = offset
    spans.append((first, end))
    return spans


def _split_trailing_credit(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[(start, end)]``, or the paragraph and its closing bracketed credit as two spans."""
    match = _TRAILING_CREDIT.search(text, start, end)
    if match is None or match.start() == start or not is_credit(match.group("credit")):
        return [(start, end)]
    body_end = start + len(text[start : match.start()].rstrip())
    return [(start, body_end), (match.start(), end)]


def _words(chunk: str) -> list[str]:
    return re.findall(r"\w+", chunk.lower())


def _playlist_items(chunks: list[str], item: re.Pattern[str], controls: tuple[str, ...]) -> set[int]:
    r"""Indexes of the paragraphs that are the items of a video playlist on the page.

    Short paragraphs that start with a clip's length ("1:47 Wife of victim speaks"),
    at least two, one of them ending with a player's word (``controls``: "… Pause"):
    other stories' headlines, not this one's text. Without the player's word, lines that
    start with a time may be a timeline of the events, so they stay.

    >>> pattern = re.compile(r"^\d:\d\d ")
    >>> items = ["Title", "1:47 Clip one Pause", "2:05 Clip two", "Body."]
    >>> sorted(_playlist_items(items, pattern, ("pause",)))
    [1, 2]
    >>> _playlist_items(["Title", "1:47 Clip one", "2:05 Clip two"], pattern, ("pause",))
    set()
    """
    items = [
        index
        for index, chunk in enumerate(chunks)
        if len(chunk.split()) <= MAX_BOILERPLATE_WORDS and item.match(chunk)
    ]
    ends = (chunks[index].split()[-1].lower() for index in items)
    if len(items) < 2 or not any(word in controls for word in ends):
        return set()
    return set(items)


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
