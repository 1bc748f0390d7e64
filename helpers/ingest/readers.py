"""Readers: one per input format, registered by file suffix in :data:`READERS`.

A reader turns one file into articles, loaded or skipped with a reason. A
format is added with one reader function and one entry in :data:`READERS`;
:func:`helpers.ingest.corpus.load_file` does the rest (file checks, decoding
of text formats, the unsupported-suffix message).

Text as loaded (the reference for every character offset):

* ``.txt``/``.md``: the decoded file, newlines normalised to ``\\n``.
* ``.jsonl``/``.json``/``.csv`` records, web pages, PDF and Word files: the
  title (when the format gives it and the text does not already start with
  it), a blank line, then the text (:func:`helpers.ingest.inputs.fields_article`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import IO

from helpers.articles import Article
from helpers.ingest.documents import read_docx, read_html, read_pdf
from helpers.ingest.inputs import Fields, InputFile, fields_article
from helpers.ingest.records import read_csv, read_json, read_jsonl, read_jsonl_text

#: Suffixes of files holding one article per record (line, item or row) rather than one per file.
RECORD_SUFFIXES = {".jsonl", ".json", ".csv"}

#: Reads the decoded text of a file (and its decoding warning, "" if clean).
TextReader = Callable[[InputFile, str, str], Iterator[Article]]
#: Reads an open file as it comes, so a file of any size fits in memory.
StreamReader = Callable[[InputFile, IO[bytes]], Iterator[Article]]
#: Reads the bytes of a file whose format is not text (or declares its own encoding).
BytesReader = Callable[[InputFile, bytes], Iterator[Article]]


@dataclass(frozen=True)
class Reader:
    """How one format is read.

    Attributes:
        read: Reads the whole decoded text (``None`` for a format read from its bytes).
        stream: Reads the open file instead, when it is not UTF-16 (``None``: never).
        raw: Reads the file's bytes, undecoded (PDF, Word, HTML with its own charset).
        binary: The format is binary: its bytes are not checked for being text.
    """

    read: TextReader | None = None
    stream: StreamReader | None = None
    raw: BytesReader | None = None
    binary: bool = False


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
    yield fields_article(source, Fields(body=text), warning=warning, markdown=markdown)


#: The reader of each supported suffix (lower case), in the order error messages list them.
READERS: dict[str, Reader] = {
    ".txt": Reader(read_text_file),
    ".md": Reader(partial(read_text_file, markdown=True)),
    ".html": Reader(raw=read_html),
    ".htm": Reader(raw=read_html),
    ".pdf": Reader(raw=read_pdf, binary=True),
    ".docx": Reader(raw=read_docx, binary=True),
    ".json": Reader(read_json),
    ".jsonl": Reader(read_jsonl_text, stream=read_jsonl),
    ".csv": Reader(read_csv),
}
