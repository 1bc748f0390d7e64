"""``extract``: the one way in for data, on the local engine or a Dask cluster.

Load → parse (cached) → extract (the extractor registry, one shared context)
→ corpus tables → publish. A run whose output is already current (same
corpus files, code, model and options) is skipped.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from helpers.ingest import existing_corpus
from helpers.run.dask import extract_on_dask
from helpers.run.local import extract_locally
from helpers.run.output import ExtractResult, is_current, output_lock, run_options
from helpers.tables import FORMATS

ENGINES = ("local", "dask")


def extract(
    corpus: str | os.PathLike,
    out: str | os.PathLike,
    *,
    model: str | None = None,
    fmt: str = "parquet",
    processes: int = 1,
    use_cache: bool = True,
    extra_dictionaries: Sequence[str | os.PathLike] = (),
    progress: bool | None = None,
    batch_size: int = 64,
    chunk_articles: int = 500,
    engine: str = "local",
    scheduler: str | None = None,
    force: bool = False,
) -> ExtractResult:
    """Extract every table from ``corpus`` into ``out``.

    Args:
        corpus: Folder or file of articles (see :func:`helpers.ingest.load_corpus`).
        out: Output folder (created if needed).
        model: spaCy pipeline name; default from ``SITREP_MODEL``.
        fmt: ``"parquet"`` or ``"csv"``.
        processes: Processes for parsing (local engine).
        use_cache: Read and fill the parsed-doc cache.
        extra_dictionaries: User actor dictionaries.
        progress: Show a progress bar (default: unless ``SITREP_PROGRESS=0``).
        batch_size: ``nlp.pipe`` batch size.
        chunk_articles: Articles buffered before rows are written out.
        engine: ``"local"``, or ``"dask"`` to run partitions on a Dask cluster
            (see :mod:`helpers.run.dask`); tables are then partitioned Parquet folders.
        scheduler: Dask scheduler address; ``None`` starts a local cluster.
        force: Extract even when ``out`` already holds current tables of this
            corpus (same files, code, model and options); otherwise that run is skipped.

    Returns:
        The :class:`~helpers.run.output.ExtractResult`.

    Raises:
        helpers.ingest.CorpusNotFoundError: If the corpus does not exist.
        ValueError: If ``engine`` or ``fmt`` is unknown, or ``processes``,
            ``batch_size`` or ``chunk_articles`` is below 1.
        OSError: If the output folder cannot be written.
    """
    corpus, out = Path(corpus), Path(out)
    check_options(
        engine=engine, fmt=fmt, processes=processes, batch_size=batch_size, chunk_articles=chunk_articles
    )
    existing_corpus(corpus)  # fail early on a missing corpus
    options = run_options(fmt=fmt, engine=engine, extra_dictionaries=extra_dictionaries)
    with output_lock(out):
        if not force and is_current(out, corpus, model=model, options=options):
            return ExtractResult.up_to_date(out)
        if engine == "dask":
            return extract_on_dask(
                corpus,
                out,
                model=model,
                use_cache=use_cache,
                extra_dictionaries=extra_dictionaries,
                scheduler=scheduler,
                batch_size=batch_size,
                options=options,
            )
        return extract_locally(
            corpus,
            out,
            options=options,
            model=model,
            fmt=fmt,
            processes=processes,
            use_cache=use_cache,
            extra_dictionaries=extra_dictionaries,
            progress=progress,
            batch_size=batch_size,
            chunk_articles=chunk_articles,
        )


def check_options(*, engine: str, fmt: str, **counts: int) -> None:
    """Refuse an unknown engine or format, or a count below 1, naming the option.

    >>> check_options(engine="local", fmt="csv", processes=0)
    Traceback (most recent call last):
    ...
    ValueError: processes must be a whole number of at least 1, not 0
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    for name, value in counts.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")
