"""Run ``extract`` on a Dask cluster: partitions of the corpus, one pipeline per worker.

The corpus is cut into partitions (groups of .txt/.md files, line ranges of
.jsonl files, whole .csv files). Each partition runs the same
:func:`helpers.run.stream.extract_stream` as the local engine, on a worker that
loads the spaCy pipeline once and keeps it, and writes its rows as one Parquet
file per table (``<out>/<table>/part-NNNNN.parquet``). The driver then applies
the corpus-wide rules that need every partition (unique ids, exact and near
duplicates, from the signatures each partition sends back)
and publishes the tables with the manifest written last, exactly as the local
engine does. Corpus and output folders must be on storage every worker sees.

Requires the ``dask`` extra: ``pip install "sitrep[dask]"``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from helpers.articles import Article
from helpers.extract.context import Context
from helpers.extract.registry import ARTICLE_TABLES, LOADER_TABLES
from helpers.ingest import RECORD_SUFFIXES, corpus_files, count_lines, load_file, mark_duplicates
from helpers.ingest.near_duplicates import NearDuplicates, from_hash_values, signature
from helpers.nlp.doc_cache import DocCache
from helpers.nlp.parse import ParseStats
from helpers.nlp.pipeline import build_pipeline
from helpers.run.output import ExtractResult, new_staging, publish, run_fingerprint, run_manifest, run_options
from helpers.run.stream import extract_stream, write_corpus_tables
from helpers.tables import to_arrow

#: Articles (files or JSON lines) per partition.
PARTITION_SIZE = 500
_PIPELINES: dict[tuple, object] = {}
_CONTEXTS: dict[tuple[str, ...], Context] = {}


@dataclass(frozen=True)
class Partition:
    """A slice of the corpus: files, each whole or (for .jsonl) a range of lines."""

    number: int
    items: tuple[tuple[str, tuple[int, int] | None], ...]

    @property
    def name(self) -> str:
        """The partition's file name stem."""
        return f"part-{self.number:05d}"


def plan_partitions(corpus: Path, *, size: int = PARTITION_SIZE) -> list[Partition]:
    """Cut ``corpus`` into partitions of about ``size`` articles, in input order."""
    groups: list[list[tuple[str, tuple[int, int] | None]]] = [[]]
    for file in corpus_files(corpus):
        lines = count_lines(file) if file.suffix.lower() == ".jsonl" else None
        if lines is not None:
            for first in range(1, max(lines, 1) + 1, size):
                groups.append([(str(file), (first, min(first + size - 1, max(lines, 1))))])
            groups.append([])
        elif file.suffix.lower() in RECORD_SUFFIXES:  # CSV rows and JSON items span lines: one partition
            groups += [[(str(file), None)], []]
        else:
            if len(groups[-1]) >= size:
                groups.append([])
            groups[-1].append((str(file), None))
    return [Partition(n, tuple(items)) for n, items in enumerate(g for g in groups if g)]


def _pipeline(model: str | None, extra_dictionaries: tuple[str, ...]):
    """The worker's pipeline, loaded on first use and kept for later partitions."""
    key = (model, extra_dictionaries)
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(model, extra_dictionaries=extra_dictionaries)
    return _PIPELINES[key]


def _context(extra_dictionaries: tuple[str, ...]) -> Context:
    """The worker's extraction context, built on first use and kept for later partitions."""
    if extra_dictionaries not in _CONTEXTS:
        _CONTEXTS[extra_dictionaries] = Context.create(extra_dictionaries)
    return _CONTEXTS[extra_dictionaries]


def run_partition(
    partition: Partition,
    *,
    corpus: str,
    staging: str,
    model: str | None,
    extra_dictionaries: tuple[str, ...],
    use_cache: bool,
    batch_size: int,
) -> dict:
    """Extract one partition on a worker; returns its counts and article keys."""
    nlp = _pipeline(model, extra_dictionaries)
    base = Path(corpus) if Path(corpus).is_dir() else Path(corpus).parent
    cache = DocCache.for_pipeline(nlp) if use_cache else None
    stats = ParseStats()
    signatures: list = []  # each article's near-duplicate signature, in row order

    def articles():
        for path, lines in partition.items:
            for article in load_file(Path(path), base=base, lines=lines):
                found = signature(article) if article.loaded else None
                signatures.append(None if found is None else (found.hashvalues, article.title))
                yield article

    rows, inputs = extract_stream(
        articles,
        nlp,
        Path(staging),
        context=_context(extra_dictionaries),
        cache=cache,
        batch_size=batch_size,
        progress=False,
        stats=stats,
        name=partition.name,
    )
    return {
        "rows": rows,
        "inputs": inputs,
        "parsed": stats.parsed,
        "cached": stats.cached,
        "recomputed": stats.recomputed,
        "signatures": signatures,
    }


def extract_on_dask(
    corpus: Path,
    out: Path,
    *,
    options: dict | None = None,
    model: str | None = None,
    use_cache: bool = True,
    extra_dictionaries: Sequence[str | os.PathLike] = (),
    scheduler: str | None = None,
    batch_size: int = 64,
    partition_size: int = PARTITION_SIZE,
    n_workers: int = 2,
) -> ExtractResult:
    """Extract ``corpus`` on a Dask cluster (a local one when ``scheduler`` is ``None``).

    Args:
        corpus: Folder or file of articles, on storage every worker sees.
        out: Output folder, on storage every worker sees.
        options: The run options recorded in the manifest (default: those of this call).
        model: spaCy pipeline name.
        use_cache: Read and fill the parse and row caches.
        extra_dictionaries: User actor dictionaries.
        scheduler: Scheduler address; ``None`` starts a local cluster.
        batch_size: ``nlp.pipe`` batch size.
        partition_size: Articles per partition.
        n_workers: Workers of the local cluster.

    Returns:
        The :class:`~helpers.run.output.ExtractResult`; tables are partitioned Parquet folders.
    """
    # Dask is an optional extra (pip install "sitrep[dask]"): imported only when used.
    from dask.distributed import Client, LocalCluster

    fingerprint = run_fingerprint(corpus)
    options = options or run_options(engine="dask", extra_dictionaries=extra_dictionaries)
    staging = new_staging(out, engine="dask")
    partitions = plan_partitions(corpus, size=partition_size)
    cluster = (
        None
        if scheduler
        else LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)
    )
    try:
        with Client(scheduler or cluster) as client:
            task = partial(
                run_partition,
                corpus=str(corpus.resolve()),
                staging=str(staging.resolve()),
                model=model,
                extra_dictionaries=tuple(map(str, extra_dictionaries)),
                use_cache=use_cache,
                batch_size=batch_size,
            )
            futures = client.map(task, partitions, pure=False)
            results = client.gather(futures)
        _apply_corpus_rules(
            staging, {partition.name: part["signatures"] for partition, part in zip(partitions, results)}
        )
        corpus_counts = write_corpus_tables(staging, _context(tuple(map(str, extra_dictionaries))))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if cluster is not None:
            cluster.close()
    result = ExtractResult(out=out)
    inputs = {"total": 0, "loaded": 0, "skipped": 0}
    for part in results:
        for key in inputs:
            inputs[key] += part["inputs"][key]
        result.stats.parsed += part["parsed"]
        result.stats.cached += part["cached"]
        result.stats.recomputed += part["recomputed"]
    result.stats.skipped = inputs["skipped"]
    result.rows = {
        table: sum(pq.ParquetFile(p).metadata.num_rows for p in (staging / table).glob("part-*.parquet"))
        for table in ARTICLE_TABLES
    }
    result.rows.update(corpus_counts)
    nlp = _pipeline(model, tuple(map(str, extra_dictionaries)))
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


def _apply_corpus_rules(staging: Path, signatures: dict[str, list]) -> None:
    """Make ids unique and flag exact and near duplicates across partitions, as the local engine does.

    Partitions were extracted independently; here their ``articles`` rows are
    re-read in input order, and rows of any partition whose ids or duplicate
    flags change are rewritten (a duplicate's extracted rows are dropped).

    Args:
        staging: The run's staging folder.
        signatures: Per partition, each ``articles`` row's near-duplicate signature (hash
            values and headline, or ``None``), in row order.
    """
    parts = sorted((staging / "articles").glob("part-*.parquet"))
    frames = {p.stem: pq.read_table(p).to_pandas() for p in parts}
    ordered = [
        (stem, i, row)
        for stem, frame in frames.items()
        for i, row in enumerate(frame.itertuples(index=False))
    ]
    stubs = [
        Article(article_id=row.article_id, path=row.path, status=row.status, text_sha256=row.text_sha256)
        for _, _, row in ordered
    ]
    stories = NearDuplicates()
    changed: dict[str, dict[str, tuple[str, str]]] = {}
    near: dict[str, dict[int, tuple[str, float]]] = {}
    for (stem, i, row), stub in zip(ordered, mark_duplicates(stubs, near=False)):
        if stub.article_id != row.article_id or stub.duplicate_of != (row.duplicate_of or ""):
            changed.setdefault(stem, {})[row.article_id] = (stub.article_id, stub.duplicate_of)
        signed = signatures[stem][i]
        compared = stub.loaded and not stub.duplicate_of and signed is not None
        if compared and (found := stories.add(stub.article_id, from_hash_values(signed[0]), title=signed[1])):
            near.setdefault(stem, {})[i] = found
    for stem in {*changed, *near}:
        renames = changed.get(stem, {})
        articles = frames[stem]
        articles["duplicate_of"] = [
            renames.get(a, (a, d))[1] for a, d in zip(articles["article_id"], articles["duplicate_of"])
        ]
        copies = near.get(stem, {})
        articles["near_duplicate_of"] = [copies[i][0] if i in copies else "" for i in range(len(articles))]
        articles["near_duplicate_similarity"] = [
            copies[i][1] if i in copies else None for i in range(len(articles))
        ]
        for table in ARTICLE_TABLES if renames else ("articles",):
            path = staging / table / f"{stem}.parquet"
            frame = articles if table == "articles" else pq.read_table(path).to_pandas()
            duplicates = {old for old, (_, dup) in renames.items() if dup}
            if table not in LOADER_TABLES:  # duplicates are loaded, never extracted
                frame = frame[~frame["article_id"].isin(duplicates)]
            frame = frame.assign(article_id=[renames.get(a, (a, ""))[0] for a in frame["article_id"]])
            pq.write_table(to_arrow(pd.DataFrame(frame), table), path)
