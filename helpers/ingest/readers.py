"""Readers: one per input format, registered by file suffix in :data:`READERS`.

A reader turns the decoded text of one file into articles, loaded or skipped
with a reason. A format is added with one reader function and one entry in
:data:`READERS`; :func:`helpers.ingest.corpus.load_file` does the rest (file
checks, decoding, the unsupported-suffix message).

Text as loaded (the reference for every character offset):

* ``.txt``/``.md``: the decoded file, newlines normalised to ``\\n``.
* ``.jsonl``/``.csv``: the title column (when present and not already the
  first line of the text), a blank line, then the text column. Which columns
  are read is :func:`helpers.knowledge.record_fields.record_fields`.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import IO

from helpers.articles import Article
from helpers.ingest.dates import parse_date
from helpers.ingest.decoding import decode_bytes, normalise_newlines, replace_surrogates
from helpers.ingest.paragraphs import analyse
from helpers.knowledge.record_fields import record_fields

#: Suffixes of files holding one article per record (line or row) rather than one per file.
RECORD_SUFFIXES = {".jsonl", ".csv"}


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


#: Reads the decoded text of a file (and its decoding warning, "" if clean).
TextReader = Callable[[InputFile, str, str], Iterator[Article]]
#: Reads an open file as it comes, so a file of any size fits in memory.
StreamReader = Callable[[InputFile, IO[bytes]], Iterator[Article]]


@dataclass(frozen=True)
class Reader:
    """How one format is read.

    Attributes:
        read: Reads the whole decoded text.
        stream: Reads the open file instead, when it is not UTF-16 (``None``: never).
    """

    read: TextReader
    stream: StreamReader | None = None


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


def read_text_file(
    source: InputFile, text: str, warning: str, *, markdown: bool = False
) -> Iterator[Article]:
    """The article of a .txt or .md file: the whole text (for Markdown, ``#`` marks left out of the title).

    Args:
        source: The file.
        text: Its decoded text.
        warning: Its decoding warning ("" if clean), kept as the article's reason.
        markdown: The file is Markdown.

    Yields:
        Its one article.
    """
    article = Article(article_id=source.stem_id, path=source.path, text=text, reason=warning)
    analyse(article, markdown=markdown)
    yield article


def read_jsonl(source: InputFile, handle: IO[bytes]) -> Iterator[Article]:
    """The articles of a JSON Lines file, one per object line, read line by line.

    Blank lines are not records; a malformed line or one that is not an object
    is skipped with its line number. A file without records is one skipped
    "empty file", unless only some lines were asked for.

    Args:
        source: The file (``source.lines``: only records on those lines).
        handle: The file open in binary mode, at its start.

    Yields:
        The articles of its records, loaded or skipped, in line order.
    """
    first, last = source.lines or (1, sys.maxsize)
    records = 0
    for number, raw_line in enumerate(handle, start=1):
        if number < first:
            continue
        if number > last:
            break
        line, warning = decode_bytes(raw_line)
        if not line.strip():
            continue
        records += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield skipped(
                f"{source.stem_id}:{number}",
                source.path,
                number,
                f"malformed JSON at line {number}: {error.msg}",
            )
            continue
        if not isinstance(record, dict):
            yield skipped(
                f"{source.stem_id}:{number}",
                source.path,
                number,
                f"line {number} is a JSON {type(record).__name__}, not an object",
            )
            continue
        record, lone = replace_surrogates(record)
        if lone:
            noun = "surrogate" if lone == 1 else "surrogates"
            warning = "; ".join(
                w for w in (warning, f"warning: {lone} lone {noun} replaced with U+FFFD") if w
            )
        yield _record_article(source, number, record, warning)
    if records == 0 and source.lines is None:
        yield skipped(source.stem_id, source.path, None, "empty file")


def read_jsonl_text(source: InputFile, text: str, warning: str) -> Iterator[Article]:
    """The articles of a JSON Lines file decoded whole (UTF-16): its text read line by line.

    Args:
        source: The file.
        text: Its decoded text.
        warning: Its decoding warning; not carried, each line is decoded again.

    Yields:
        The articles of its records (see :func:`read_jsonl`).
    """
    yield from read_jsonl(source, io.BytesIO(text.encode("utf-8")))


def read_csv(source: InputFile, text: str, warning: str) -> Iterator[Article]:
    """The articles of a CSV file with a header row, one per row.

    A file without a text column is one skipped article naming the columns found;
    a row with more cells than the header is loaded with a warning; a CSV error
    skips the rest of the file.

    Args:
        source: The file.
        text: Its decoded text.
        warning: Its decoding warning ("" if clean), kept as each article's reason.

    Yields:
        The articles of its rows, loaded or skipped, in row order.
    """
    text_columns = record_fields().text
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c for c in (reader.fieldnames or []) if c is not None]
    if not any(c.strip().lower() in text_columns for c in columns):
        found = ", ".join(columns) if columns else "none"
        yield skipped(
            source.stem_id,
            source.path,
            None,
            f"CSV has no text column (expected one of {', '.join(text_columns)}; found: {found})",
        )
        return
    try:
        for number, record in enumerate(reader, start=1):
            if None in record:  # more cells than header columns
                extra = record.pop(None)
                warning_row = f"row {number} has {len(extra)} cells beyond the header"
                article = _record_article(source, number, record, warning)
                article.reason = "; ".join(r for r in (article.reason, warning_row) if r)
                yield article
            else:
                yield _record_article(source, number, record, warning)
    except csv.Error as error:
        yield skipped(f"{source.stem_id}:error", source.path, None, f"malformed CSV: {error}")


#: The reader of each supported suffix (lower case), in the order error messages list them.
READERS: dict[str, Reader] = {
    ".txt": Reader(read_text_file),
    ".md": Reader(partial(read_text_file, markdown=True)),
    ".jsonl": Reader(read_jsonl_text, stream=read_jsonl),
    ".csv": Reader(read_csv),
}


def _pick(record: dict, names: tuple[str, ...]) -> str:
    """The first non-blank value of ``names`` in ``record`` (stripped, unless a text column)."""
    text_columns = record_fields().text
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value is not None and str(value).strip():
            return str(value).strip() if name not in text_columns else str(value)
    return ""


def _record_article(source: InputFile, number: int, record: dict, warning: str) -> Article:
    """The article of record ``number`` (line or row), or a skipped one if its text is empty."""
    fields = record_fields()
    record_id = _pick(record, fields.id)
    article_id = f"{source.stem_id}:{record_id or number}"
    body = normalise_newlines(_pick(record, fields.text))
    title = " ".join(_pick(record, fields.title).split())
    if not body.strip():
        return skipped(article_id, source.path, number, f"record {number} has an empty text field")
    text = body if not title or body.lstrip().startswith(title) else f"{title}\n\n{body}"
    article = Article(
        article_id=article_id,
        path=source.path,
        record=number,
        text=text,
        reason=warning,
        url=_pick(record, fields.url),
        outlet=_pick(record, fields.source),
    )
    analyse(article, title_given=bool(title))
    if date := parse_date(_pick(record, fields.date)):
        article.date = date
    return article
