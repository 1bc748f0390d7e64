"""The per-article pass shared by both engines: parse, extract, write every table in chunks.

``extract_stream`` streams the corpus: articles are loaded one at a time, parsed
in ``nlp.pipe`` batches, and their rows written in chunks, so memory does not
grow with the corpus. Each article's rows come from the extractor registry
(:func:`helpers.extract.registry.extract_rows`) or, when unchanged, from the
row cache. :func:`write_corpus_tables` then builds the corpus tables of the
aggregate registry from what was written (or copies them from the corpus-table
cache when the same per-article tables were written before).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from spacy.language import Language

from helpers.aggregate.registry import corpus_tables
from helpers.articles import Article
from helpers.extract.context import Context
from helpers.extract.registry import ARTICLE_TABLES, extract_rows
from helpers.ingest import articles_frame, paragraph_rows
from helpers.nlp.doc_cache import DocCache
from helpers.nlp.parse import ArticleSource, ParseStats, parse_articles
from helpers.run.row_cache import RowCache
from helpers.run.table_cache import CorpusTableCache
from helpers.tables import TableWriter, read_table


def extract_stream(
    source: ArticleSource,
    nlp: Language | Callable[[], Language],
    directory: Path,
    *,
    context: Context,
    cache: DocCache | None,
    fmt: str = "parquet",
    processes: int = 1,
    batch_size: int = 64,
    progress: bool | None = None,
    chunk_articles: int = 500,
    stats: ParseStats | None = None,
    name: str | None = None,
    expected: int | None = None,
) -> tuple[dict[str, int], dict[str, int]]:
    """Parse and extract a stream of articles, writing every table into ``directory``.

    Args:
        source: A sequence of articles, or a function returning a fresh iterable of them.
        nlp: The pipeline, or a function building it (called only if a text needs it).
        context: The extraction context shared by every extractor.
        directory: Where the table files go (``<table>.<fmt>``, or
            ``<table>/<name>.<fmt>`` when ``name`` is given, for partitions).
        cache: The parsed-doc cache, or ``None``.
        fmt: ``"parquet"`` or ``"csv"``.
        processes: ``nlp.pipe`` processes.
        batch_size: ``nlp.pipe`` batch size.
        progress: Show a progress bar.
        chunk_articles: Articles buffered before rows are written.
        stats: Filled with parse counts.
        name: Partition file name.
        expected: About how many articles ``source`` yields (the progress bar's total).

    Returns:
        Rows written per table, and the input accounting (total, loaded, skipped).
    """
    if name is None:
        writers = {table: TableWriter(directory, table, fmt=fmt) for table in ARTICLE_TABLES}
    else:
        writers = {
            table: TableWriter(directory / table, name, fmt=fmt, schema=table) for table in ARTICLE_TABLES
        }
    buffers: dict[str, list] = {table: [] for table in ARTICLE_TABLES}
    inputs = {"total": 0, "loaded": 0, "skipped": 0}
    row_cache = RowCache.beside(cache) if cache is not None else None
    ready: dict[str, dict[str, list[dict]]] = {}  # rows read from the cache, for one batch ahead

    def needs_doc(article: Article) -> bool:
        if article.duplicate_of:
            ready[article.article_id] = {}  # a duplicate's rows are its first copy's
            return False
        rows = row_cache.get(article) if row_cache is not None else None
        if rows is None:
            return True
        ready[article.article_id] = rows
        return False

    try:
        buffered = 0
        for article, doc in parse_articles(
            source,
            nlp,
            cache=cache,
            processes=processes,
            batch_size=batch_size,
            progress=progress,
            stats=stats,
            needs_doc=needs_doc,
            expected=expected,
        ):
            inputs["total"] += 1
            inputs["loaded" if article.loaded else "skipped"] += 1
            buffers["articles"].append(article)
            buffers["paragraphs"].extend(paragraph_rows(article))
            if doc is not None:
                rows = extract_rows(doc, article, context)
                if row_cache is not None:
                    row_cache.put(article, rows)
            else:
                rows = ready.pop(article.article_id, {})
            for table, table_rows in rows.items():
                buffers[table].extend(table_rows)
            buffered += 1
            if buffered >= chunk_articles:
                _flush(buffers, writers)
                buffered = 0
        _flush(buffers, writers)
        for writer in writers.values():
            writer.close()
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    return {table: writer.rows for table, writer in writers.items()}, inputs


def write_corpus_tables(
    directory: Path, context: Context, *, fmt: str = "parquet", cache: CorpusTableCache | None = None
) -> dict[str, int]:
    """Compute and write the corpus tables from the tables in ``directory``; returns their row counts.

    With a ``cache``, tables built before from the same per-article tables are copied instead.
    """
    key = cache.key(directory, ARTICLE_TABLES, context, fmt=fmt) if cache is not None else ""
    if cache is not None and (stored := cache.restore(key, directory)) is not None:
        return stored
    counts = {}

    def read(table: str, columns: list[str] | None) -> pd.DataFrame:
        return read_table(directory, table, columns=columns)

    for table, frame in corpus_tables(read, context).items():
        writer = TableWriter(directory, table, fmt=fmt)
        writer.write(frame)
        writer.close()
        counts[table] = writer.rows
    if cache is not None:
        cache.store(key, directory, counts, fmt=fmt)
    return counts


def _flush(buffers: dict[str, list], writers: dict[str, TableWriter]) -> None:
    for table, rows in buffers.items():
        if table == "articles":
            rows = articles_frame(rows)
        writers[table].write(rows)
        buffers[table] = []
