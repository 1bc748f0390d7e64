"""The local engine: one process (optionally with ``nlp.pipe`` worker processes) over the corpus."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from helpers import config
from helpers.extract.context import Context
from helpers.ingest import expected_articles, iter_articles
from helpers.nlp.doc_cache import DocCache
from helpers.run.article_cache import ArticleCache
from helpers.run.lazy_pipeline import LazyPipeline
from helpers.run.output import ExtractResult, new_staging, publish, run_fingerprint, run_manifest
from helpers.run.row_cache import RowCache
from helpers.run.stream import extract_stream, write_corpus_tables
from helpers.run.table_cache import CorpusTableCache


def extract_locally(
    corpus: Path,
    out: Path,
    *,
    options: dict,
    model: str | None = None,
    fmt: str = "parquet",
    processes: int = 1,
    use_cache: bool = True,
    extra_dictionaries: Sequence[str | os.PathLike] = (),
    progress: bool | None = None,
    batch_size: int = 64,
    chunk_articles: int = 500,
) -> ExtractResult:
    """Extract ``corpus`` into ``out`` in this process.

    The arguments are those of :func:`helpers.run.runner.extract`; ``options`` are
    the run options recorded in the manifest.

    Returns:
        The :class:`~helpers.run.output.ExtractResult`.
    """
    fingerprint = run_fingerprint(corpus)
    nlp = LazyPipeline(model, extra_dictionaries=extra_dictionaries)  # built if a text needs it
    cache = DocCache.named(nlp.key) if use_cache else None
    staging = new_staging(out)
    result = ExtractResult(out=out)
    context = Context.create(extra_dictionaries)
    articles = ArticleCache.under(config.cache_dir()) if use_cache else None
    tables = CorpusTableCache.under(config.cache_dir()) if use_cache else None
    if cache is not None:
        for stored in (RowCache.beside(cache), articles, tables):
            stored.prune_other_versions()
    try:
        result.rows, inputs = extract_stream(
            lambda: articles.articles(corpus) if articles is not None else iter_articles(corpus),
            nlp,
            staging,
            context=context,
            cache=cache,
            fmt=fmt,
            processes=processes,
            batch_size=batch_size,
            progress=progress,
            chunk_articles=chunk_articles,
            stats=result.stats,
            expected=expected_articles(corpus),
        )
        result.rows.update(write_corpus_tables(staging, context, fmt=fmt, cache=tables))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    result.manifest = run_manifest(
        corpus,
        nlp.meta,
        fingerprint=fingerprint,
        options=options,
        inputs=inputs,
        stats=result.stats,
        rows=result.rows,
    )
    publish(staging, out, result.manifest)
    return result
