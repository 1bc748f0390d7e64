"""Ingest: read a corpus into :class:`~helpers.articles.Article` records, every input accounted for."""

from helpers.ingest.loading import (
                                    RECORD_SUFFIXES,
                                    CorpusNotFoundError,
                                    articles_frame,
                                    corpus_files,
                                    decode_bytes,
                                    iter_articles,
                                    load_corpus,
                                    load_file,
                                    mark_duplicates,
                                    paragraph_rows,
                                    text_sha256,
)

__all__ = ["RECORD_SUFFIXES", "CorpusNotFoundError", "articles_frame", "corpus_files",
           "decode_bytes", "iter_articles", "load_corpus", "load_file", "mark_duplicates",
           "paragraph_rows", "text_sha256"]
