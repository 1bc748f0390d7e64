"""What every reader shares: the input file, skipped inputs, and the article made from its fields.

A reader (:mod:`helpers.ingest.readers`) turns a file into articles; whatever
the format, an article is made here from the same fields (text, title, date,
URL, outlet, author), so that text as loaded, paragraph roles and metadata
follow one rule for every format.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.articles import Article
from helpers.ingest.dates import parse_date
from helpers.ingest.decoding import blank_invisible, normalise_newlines, space_glued_sentences
from helpers.ingest.metadata import outlet_from_site, outlet_from_url
from helpers.ingest.paragraphs import analyse, is_boilerplate_line


@dataclass(frozen=True)
class InputFile:
    """The input file a reader reads, as the articles report it.

    Attributes:
        stem_id: The file's path without suffix: its article's id, or its records' id prefix.
        path: The file's path, relative to the corpus root when possible.
        lines: For .jsonl, only records on lines ``first..last`` (1-based, inclusive).
    """

    stem_id: str
    path: str
    lines: tuple[int, int] | None = None


def skipped(article_id: str, path: str, record: int | None, reason: str) -> Article:
    """An input accounted for as skipped.

    Args:
        article_id: The id it would have had.
        path: Its file.
        record: Its line or row in that file, ``None`` for a whole file.
        reason: Why it was skipped.

    Returns:
        An article without text, ``status="skipped"``.
    """
    return Article(article_id=article_id, path=path, record=record, status="skipped", reason=reason)


@dataclass(frozen=True)
class Fields:
    """What a reader found in one input: the text and its metadata (``""`` when unknown).

    Attributes:
        body: The article text (paragraphs separated by blank lines or line breaks).
        title: The headline, when the format gives it apart from the text.
        date: The publication date as written ("2020-03-04T10:05:00+03:00", "4 March 2020").
        url: The address of the article.
        outlet: The outlet named by the record ("AFP").
        site: The site name of a web page ("Kurdistan24").
        author: The authors named by the page's metadata.
        pages: For a paged document, the offset in ``body`` where each page starts.
    """

    body: str
    title: str = ""
    date: str = ""
    url: str = ""
    outlet: str = ""
    site: str = ""
    author: str = ""
    pages: tuple[int, ...] = ()


def fields_article(
    source: InputFile, fields: Fields, *, record: int | None = None, warning: str = "", markdown: bool = False
) -> Article:
    """The article of one input; a headline alone when only its text is empty; else a skipped one.

    Text as loaded: the title (when the format gives it and the text does not
    already start with it), a blank line, then the body, their invisible format characters made
    spaces (:func:`~helpers.ingest.decoding.blank_invisible`) and sentences a page ran together
    spaced (:func:`~helpers.ingest.decoding.space_glued_sentences`). The outlet is the
    record's, else the dateline's, else the page's site name, else the URL's
    domain; the date is the record's or page's, else a date line of the text.

    Args:
        source: The file.
        fields: What the reader found.
        record: The record's line or row (``None`` for a whole file); ids become ``file:id`` or
            ``file:record``.
        warning: The decoding warning ("" if clean), kept as the article's reason.
        markdown: The text is Markdown (``#`` marks are left out of the title).

    Returns:
        The article, paragraphs and metadata filled in.
    """
    article_id = source.stem_id if record is None else f"{source.stem_id}:{record}"
    body = space_glued_sentences(blank_invisible(normalise_newlines(fields.body)))
    title = " ".join(blank_invisible(fields.title).split())
    if not body.strip():
        what = "an empty text field" if record is not None else "no text"
        if not title:
            return skipped(article_id, source.path, record, f"{_where(record)} has {what}")
        if not is_headline(title):
            reason = f"{_where(record)} has {what} and its title {title!r} is no headline"
            return skipped(article_id, source.path, record, reason)
        # A headline is news in itself (feeds and archives often keep only it): read it alone.
        warning = "; ".join(filter(None, [f"headline only: {_where(record)} has {what}", warning]))
    prefix = f"{title}\n\n" if title and not body.lstrip().startswith(title) else ""
    article = Article(
        article_id=article_id,
        path=source.path,
        record=record,
        text=prefix + body,
        reason=warning,
        url=fields.url,
        outlet=fields.outlet,
        page_starts=[len(prefix) + start for start in fields.pages],
    )
    analyse(article, markdown=markdown, title_given=bool(title))
    article.outlet = article.outlet or outlet_from_site(fields.site) or outlet_from_url(fields.url)
    if fields.author and not article.byline:
        article.byline = " ".join(fields.author.split())
    if published := parse_date(fields.date):
        article.published = published
        article.date = published[:10]
    return article


def is_headline(title: str) -> bool:
    """Whether a title can stand alone as a headline: two words or more (a single word is a
    file's metadata: a language code "en", "Untitled", "index") and no boilerplate line ("Page
    not found", "Subscribe").

    >>> [is_headline(t) for t in ("Gunman kills two", "en", "Page Not Found", "Friend shoots friend")]
    [True, False, False, True]
    """
    return len(title.split()) >= 2 and not is_boilerplate_line(title)


def _where(record: int | None) -> str:
    return "file" if record is None else f"record {record}"
