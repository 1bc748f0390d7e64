"""Ingest: read a corpus into :class:`~helpers.articles.Article` records, every input accounted for.

:mod:`~helpers.ingest.corpus` walks the corpus and dispatches each file to the
reader of its format (:mod:`~helpers.ingest.readers`) after decoding it
(:mod:`~helpers.ingest.decoding`); :mod:`~helpers.ingest.paragraphs` gives each
paragraph its role; :mod:`~helpers.ingest.loader_tables` makes the loader's tables.
"""

from helpers.ingest.corpus import (
    CorpusNotFoundError,
    corpus_files,
    count_lines,
    display_path,
    existing_corpus,
    expected_articles,
    iter_articles,
    load_corpus,
    load_file,
    mark_duplicates,
)
from helpers.ingest.decoding import decode_bytes
from helpers.ingest.loader_tables import articles_frame, paragraph_rows
from helpers.ingest.readers import RECORD_SUFFIXES
from helpers.ingest.text_hash import text_sha256

__all__ = [
    "RECORD_SUFFIXES",
    "CorpusNotFoundError",
    "articles_frame",
    "corpus_files",
    "count_lines",
    "decode_bytes",
    "display_path",
    "existing_corpus",
    "expected_articles",
    "iter_articles",
    "load_corpus",
    "load_file",
    "mark_duplicates",
    "paragraph_rows",
    "text_sha256",
]
