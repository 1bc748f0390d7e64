"""The one way in for data: load → parse (cached) → extract tables → write them.

``extract`` streams the corpus: articles are loaded one at a time, parsed in
``nlp.pipe`` batches, and their rows written in chunks, so memory does not grow
with the corpus. Tables are staged in a hidden folder and moved into place at
the end, with ``manifest.json`` written last: an interrupted run leaves the
previous complete output (or none), never a half-written table that a later
run would trust.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import config
from .articles import Article
from .loading import articles_frame, iter_articles
from .mentions import extract_mentions, sentence_index
from .parsing import DocCache, ParseStats, build_pipeline, parse_articles, write_atomic
from .tables import SCHEMAS, TableWriter, read_table

#: Tables with rows for every input (other tables hold extracted rows only).
LOADER_TABLES = ("articles", "paragraphs")
#: Tables computed over the whole corpus after the per-article pass.
CORPUS_TABLES = ("actors", "persons", "places", "casualty_totals", "incidents")
ARTICLE_TABLES = tuple(t for t in SCHEMAS if t not in CORPUS_TABLES)
MANIFEST = "manifest.json"


@dataclass
class ExtractResult:
    """What an ``extract`` run produced.

    Attributes:
        out: The output folder.
        rows: Rows written per table.
        stats: Parse counts (parsed, from cache, skipped).
        manifest: The run's manifest (also written as ``manifest.json``).
        skipped: True when the run was skipped because ``out`` was up to date.
    """

    out: Path
    rows: dict[str, int] = field(default_factory=dict)
    stats: ParseStats = field(default_factory=ParseStats)
    manifest: dict = field(default_factory=dict)
    skipped: bool = False

    @classmethod
    def up_to_date(cls, out: Path) -> "ExtractResult":
        """The result of a skipped run: ``out`` already holds current tables."""
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        result = cls(out=out, rows=manifest["rows"], manifest=manifest)
        result.skipped = True
        return result

    def summary(self) -> str:
        """A short report for the terminal."""
        accounting = self.manifest["inputs"]
        if self.skipped:
            return (f"inputs: {accounting['total']} = {accounting['loaded']} loaded + "
                    f"{accounting['skipped']} skipped\nparsed 0 documents: tables in {self.out} "
                    "are up to date (same files, code, model and options; --force re-extracts)")
        lines = [
            f"inputs: {accounting['total']} = {accounting['loaded']} loaded + "
            f"{accounting['skipped']} skipped",
            self.stats.summary(),
        ]
        lines += [f"{table}: {count} rows" for table, count in self.rows.items()]
        lines.append(f"tables written to {self.out}")
        return "\n".join(lines)


@dataclass
class Extractors:
    """The per-article extractors of one run, with the data they share.

    Attributes:
        dictionary: The actor dictionary (built-in plus the user's).
        gazetteer: The place gazetteer.
    """

    dictionary: object
    gazetteer: object

    @classmethod
    def create(cls, extra_dictionaries: Sequence[str | os.PathLike] = ()) -> "Extractors":
        """Extractors using the built-in actor dictionary merged with ``extra_dictionaries``."""
        from .actors import load_dictionary
        from .gazetteer import default_gazetteer

        return cls(dictionary=load_dictionary(extra_dictionaries), gazetteer=default_gazetteer())

    def rows(self, doc, article: Article) -> dict[str, list[dict]]:
        """Every per-article table's rows for one parsed article (none for a duplicate)."""
        if article.duplicate_of:
            return {}
        from .casualties import extract_casualties
        from .persons import extract_persons
        from .places import main_place, resolve_places
        from .quotes import extract_quotes

        persons = extract_persons(doc, article)
        person_spans = {(p["start_char"], p["end_char"]) for p in persons if p["role"] == "actor"}
        # A name the persons extractor recognised from speech or title cues ("Kaabi warned")
        # is a person even where the entity recogniser said GPE: not an unresolved place.
        places = [p for p in resolve_places(doc, article, gazetteer=self.gazetteer)
                  if p["place_id"] or (p["start_char"], p["end_char"]) not in person_spans]
        mentions = [dict(m, label="PERSON", actor_id="", canonical="", category="")
                    if (m["start_char"], m["end_char"]) in person_spans else m
                    for m in extract_mentions(doc, article, dictionary=self.dictionary)]
        mentions = with_places(mentions, places, doc=doc, article=article)
        return {"mentions": mentions, "person_mentions": persons, "place_mentions": places,
                "quotes": extract_quotes(doc, article, persons=persons),
                "casualties": extract_casualties(doc, article, places=places,
                                                 main_place=main_place(places))}


@dataclass
class RowCache:
    """Extracted rows on disk, one pickle per article, beside the parsed-doc cache.

    An entry is keyed by everything the rows depend on: the article (id, text,
    paragraphs, dateline, date …), the pipeline key (which also covers the actor
    dictionaries) and :func:`code_version`. Re-extracting an unchanged article
    with unchanged code reads its rows back instead of its doc, so a re-run, or
    a corpus that grew by a few articles, re-extracts only what changed.
    Entries are zlib-compressed pickles (about a fifth of the raw size, and
    faster to read back than an uncompressed pickle from disk).

    Attributes:
        directory: Folder of this pipeline's and code version's entries.
    """

    directory: Path

    @classmethod
    def beside(cls, docs: DocCache) -> "RowCache":
        """The row cache of the pipeline whose doc cache is ``docs``, for the current code."""
        return cls(docs.directory.parent.parent / "rows" / docs.directory.name / code_version())

    def path(self, article: Article) -> Path:
        """Where the rows of ``article`` are stored."""
        key = hashlib.sha256(repr(article).encode("utf-8", "surrogatepass")).hexdigest()
        return self.directory / key[:2] / f"{key}.pickle"

    def get(self, article: Article) -> dict[str, list[dict]] | None:
        """The stored rows, or ``None``; an unreadable entry is deleted (it will be recomputed)."""
        path = self.path(article)
        try:
            rows = pickle.loads(zlib.decompress(path.read_bytes()))  # our own files, from put()
        except FileNotFoundError:
            return None
        except Exception:  # any decoding failure means the entry is unusable
            path.unlink(missing_ok=True)
            return None
        return rows if isinstance(rows, dict) else None

    def put(self, article: Article, rows: dict[str, list[dict]]) -> None:
        """Store the rows of ``article`` atomically."""
        data = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(self.path(article), zlib.compress(data, 1))

    def prune_other_versions(self) -> None:
        """Delete the entries of other code versions (they can never be read again)."""
        for folder in self.directory.parent.glob("*"):
            if folder.is_dir() and folder != self.directory:
                shutil.rmtree(folder, ignore_errors=True)


def with_places(mentions: list[dict], places: list[dict], *, doc, article: Article) -> list[dict]:
    """Mentions with the place columns of the resolved place at the same offsets.

    Place mentions the entity recogniser did not produce (a name nested in an
    organisation, a dateline, a name it missed) are added as GPE/LOC mentions
    too; demonyms nested in another entity ("Iraqi" in "the Iraqi army") are not.
    """
    by_span = {(p["start_char"], p["end_char"]): p for p in places}
    sentences = sentence_index(doc)
    merged = []
    for mention in mentions:
        place = by_span.pop((mention["start_char"], mention["end_char"]), None)
        merged.append({**mention, **_place_columns(place)})
    for place in by_span.values():
        if place.get("role") == "demonym":  # an adjective inside another entity ("Iraqi army")
            continue
        paragraph = article.paragraph_at(place["start_char"])
        token = doc.char_span(place["start_char"], place["end_char"], alignment_mode="expand")
        merged.append({
            "article_id": place["article_id"],
            "paragraph": paragraph.index if paragraph else None,
            "sentence_id": sentences.of(token)[0] if token is not None else None,
            "start_char": place["start_char"], "end_char": place["end_char"],
            "text": place["text"], "label": "LOC" if place.get("kind") == "region" else "GPE",
            "sentence": place["sentence"], "actor_id": "", "canonical": "", "category": "",
            **_place_columns(place)})
    return merged


def _place_columns(place: dict | None) -> dict:
    if place is None or not place.get("place_id"):
        return {"place_id": "", "lat": None, "lon": None, "country": "", "admin1": "",
                "admin1_code": "", "place_kind": ""}
    return {"place_id": place["place_id"], "lat": place["lat"], "lon": place["lon"],
            "country": place["country"], "admin1": place["admin1"],
            "admin1_code": place["admin1_code"],
            "place_kind": "demonym" if place.get("role") == "demonym" else place["kind"]}


def corpus_tables(directory: Path, extractors: Extractors) -> dict[str, pd.DataFrame]:
    """Tables computed over the whole corpus from the per-article tables in ``directory``."""
    from .actors import actors_table
    from .casualties import casualty_totals, merge_incidents
    from .persons import persons_table
    from .places import places_table

    mentions = read_table(directory, "mentions",
                          columns=["article_id", "text", "actor_id", "canonical", "category"])
    linked = mentions[mentions["actor_id"].fillna("") != ""]
    known = extractors.dictionary.actors
    linked = linked.assign(
        country=[known[a].country if a in known else "" for a in linked["actor_id"]],
        wikidata=[known[a].wikidata if a in known else "" for a in linked["actor_id"]],
        in_dictionary=[a in known for a in linked["actor_id"]])
    place_mentions = read_table(directory, "place_mentions")
    totals = casualty_totals(read_table(directory, "casualties"))
    articles = read_table(directory, "articles", columns=["article_id", "date"])
    event_places = place_mentions[place_mentions["role"].isin(["event", "nested"])]
    return {"actors": actors_table(linked),
            "persons": persons_table(read_table(directory, "person_mentions")),
            "places": places_table(place_mentions),
            "casualty_totals": totals,
            "incidents": merge_incidents(totals, articles, places=event_places)}


def write_corpus_tables(directory: Path, extractors: Extractors, *, fmt: str = "parquet") -> dict[str, int]:
    """Compute and write the corpus-level tables; returns their row counts."""
    counts = {}
    for table, frame in corpus_tables(directory, extractors).items():
        writer = TableWriter(directory, table, fmt=fmt)
        writer.write(frame)
        writer.close()
        counts[table] = writer.rows
    return counts


def paragraph_rows(article: Article) -> list[dict]:
    """The ``paragraphs`` table rows of one article (kinds and notes, with text)."""
    return [{"article_id": article.article_id, "paragraph": p.index, "start_char": p.start,
             "end_char": p.end, "kind": p.kind, "note": p.note,
             "text": article.text[p.start:p.end]} for p in article.paragraphs]


def extract(corpus: str | os.PathLike, out: str | os.PathLike, *, model: str | None = None,
            fmt: str = "parquet", processes: int = 1, use_cache: bool = True,
            extra_dictionaries: Sequence[str | os.PathLike] = (), progress: bool | None = None,
            batch_size: int = 64, chunk_articles: int = 500, engine: str = "local",
            scheduler: str | None = None, force: bool = False) -> ExtractResult:
    """Extract every table from ``corpus`` into ``out``.

    Args:
        corpus: Folder or file of articles (see :func:`helpers.loading.load_corpus`).
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
            (see :mod:`helpers.dask_engine`); tables are then partitioned Parquet folders.
        scheduler: Dask scheduler address; ``None`` starts a local cluster.
        force: Extract even when ``out`` already holds current tables of this
            corpus (same files, code, model and options); otherwise that run is skipped.

    Returns:
        The :class:`ExtractResult`.

    Raises:
        helpers.loading.CorpusNotFoundError: If the corpus does not exist.
        OSError: If the output folder cannot be written.
    """
    corpus, out = Path(corpus), Path(out)
    next(iter_articles(corpus), None)  # fail early on a missing corpus
    options = run_options(fmt=fmt, engine=engine, extra_dictionaries=extra_dictionaries)
    if not force and is_current(out, corpus, model=model, options=options):
        return ExtractResult.up_to_date(out)
    if engine == "dask":
        from .dask_engine import extract_on_dask

        return extract_on_dask(corpus, out, model=model, use_cache=use_cache,
                               extra_dictionaries=extra_dictionaries, scheduler=scheduler,
                               batch_size=batch_size)
    if engine != "local":
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    nlp = build_pipeline(model, extra_dictionaries=extra_dictionaries)
    cache = DocCache.for_pipeline(nlp) if use_cache else None
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(out)
    staging = out / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    result = ExtractResult(out=out)
    extractors = Extractors.create(extra_dictionaries)
    if cache is not None:
        RowCache.beside(cache).prune_other_versions()
    try:
        result.rows, inputs = extract_stream(
            lambda: iter_articles(corpus), nlp, staging, extractors=extractors, cache=cache,
            fmt=fmt, processes=processes, batch_size=batch_size, progress=progress,
            chunk_articles=chunk_articles, stats=result.stats)
        result.rows.update(write_corpus_tables(staging, extractors, fmt=fmt))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    result.manifest = run_manifest(corpus, nlp, options=options, inputs=inputs,
                                   stats=result.stats, rows=result.rows)
    publish(staging, out, result.manifest)
    return result


def extract_stream(source, nlp, directory: Path, *, extractors: Extractors,
                   cache: DocCache | None, fmt: str = "parquet",
                   processes: int = 1, batch_size: int = 64, progress: bool | None = None,
                   chunk_articles: int = 500, stats: ParseStats | None = None,
                   name: str | None = None) -> tuple[dict[str, int], dict[str, int]]:
    """Parse and extract a stream of articles, writing every table into ``directory``.

    Args:
        source: A function returning a fresh iterable of articles.
        nlp: The pipeline.
        extractors: The per-article extractors.
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

    Returns:
        Rows written per table, and the input accounting (total, loaded, skipped).
    """
    if name is None:
        writers = {table: TableWriter(directory, table, fmt=fmt) for table in ARTICLE_TABLES}
    else:
        writers = {table: TableWriter(directory / table, name, fmt=fmt, schema=table)
                   for table in ARTICLE_TABLES}
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
        for article, doc in parse_articles(source, nlp, cache=cache, processes=processes,
                                           batch_size=batch_size, progress=progress, stats=stats,
                                           needs_doc=needs_doc):
            inputs["total"] += 1
            inputs["loaded" if article.loaded else "skipped"] += 1
            buffers["articles"].append(article)
            buffers["paragraphs"].extend(paragraph_rows(article))
            if doc is not None:
                rows = extractors.rows(doc, article)
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


def run_manifest(corpus: Path, nlp, *, options: dict, inputs: dict, stats: ParseStats,
                 rows: dict) -> dict:
    """The manifest describing a finished run (written last, as ``manifest.json``)."""
    return {
        "corpus": str(corpus),
        "corpus_signature": corpus_signature(corpus),
        "model": nlp.meta.get("name"),
        "model_version": nlp.meta.get("version"),
        "pipeline_key": nlp.meta.get("sitrep_key"),
        "code_version": code_version(),
        "options": options,
        "inputs": inputs,
        "parse": {"parsed": stats.parsed, "cached": stats.cached, "recomputed": stats.recomputed},
        "rows": rows,
    }


def remove_stale_staging(out: Path) -> None:
    """Delete ``.staging-*`` folders whose run is gone (killed, or the machine restarted).

    Folders of runs still alive on this host are left alone: they are being written.
    """
    for folder in out.glob(".staging-*"):
        pid = folder.name.rsplit("-", 1)[-1]  # .staging-<pid> and .staging-dask-<pid>
        if pid.isdigit() and not _process_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    return True


def publish(staging: Path, out: Path, manifest: dict) -> None:
    """Move staged tables into ``out``, replacing the old ones; the manifest goes last."""
    (out / MANIFEST).unlink(missing_ok=True)
    for table in SCHEMAS:
        for old in (out / f"{table}.parquet", out / f"{table}.csv", out / table):
            if old.is_dir():
                shutil.rmtree(old)
            else:
                old.unlink(missing_ok=True)
    for path in sorted(staging.iterdir()):
        os.replace(path, out / path.name)
    _write_json(out / MANIFEST, manifest)
    shutil.rmtree(staging, ignore_errors=True)


def _flush(buffers: dict[str, list], writers: dict[str, TableWriter]) -> None:
    for table, rows in buffers.items():
        if table == "articles":
            rows = articles_frame(rows)
        writers[table].write(rows)
        buffers[table] = []


def _write_json(path: Path, data: dict) -> None:
    write_atomic(path, json.dumps(data, indent=2, sort_keys=True).encode("utf-8"))


def corpus_signature(corpus: Path) -> str:
    """A hash of every input file's relative path, size and modification time."""
    digest = hashlib.sha256()
    files = [corpus] if corpus.is_file() else sorted(p for p in corpus.rglob("*") if p.is_file())
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path.relative_to(corpus.parent)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def code_version() -> str:
    """A hash of the package's code and data, so tables are rebuilt when either changes."""
    digest = hashlib.sha256()
    for path in sorted([*config.PACKAGE_DIR.glob("*.py"), *config.DATA_DIR.glob("*")]):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def tables_dir(corpus: str | os.PathLike) -> Path:
    """Where :func:`load_tables` keeps the tables of ``corpus`` (under the cache folder)."""
    key = hashlib.sha256(str(Path(corpus).resolve()).encode()).hexdigest()[:12]
    return config.cache_dir() / "tables" / f"{Path(corpus).name}-{key}"


def run_options(*, fmt: str = "parquet", engine: str = "local",
                extra_dictionaries: Sequence[str | os.PathLike] = ()) -> dict:
    """The options that change a run's output, as recorded in its manifest."""
    digest = hashlib.sha256()
    for path in extra_dictionaries:
        digest.update(Path(path).read_bytes())
    return {"format": fmt, "engine": engine,
            "extra_dictionaries": digest.hexdigest()[:16] if extra_dictionaries else ""}


def is_current(out: Path, corpus: Path, *, model: str | None = None,
               options: dict | None = None) -> bool:
    """True when ``out`` holds a complete extraction of ``corpus`` by the current code,
    with the same model and options (default: :func:`run_options` defaults)."""
    try:
        manifest = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (manifest.get("corpus_signature") == corpus_signature(Path(corpus))
            and manifest.get("code_version") == code_version()
            and manifest.get("model") == _model_name(model)
            and manifest.get("options") == (options or run_options()))


def _model_name(model: str | None) -> str:
    import spacy.util

    name = model or config.default_model()
    meta = spacy.util.get_package_path(name) / "meta.json" if spacy.util.is_package(name) else None
    if meta and meta.exists():
        return json.loads(meta.read_text(encoding="utf-8")).get("name", name)
    return name


class Tables:
    """The extracted tables of one corpus, read on demand (only the columns asked for).

    Attributes:
        directory: The output folder.
        manifest: The run's manifest.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.manifest = json.loads((self.directory / MANIFEST).read_text(encoding="utf-8"))

    def read(self, table: str, *, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """One table, sorted by article and offset (or article and position)."""
        frame = read_table(self.directory, table, columns=columns)
        keys = [k for k in ("article_id", "start_char", "paragraph", "path", "record")
                if k in frame.columns]
        return frame.sort_values(keys, kind="stable", ignore_index=True) if keys else frame

    def __getattr__(self, table: str) -> pd.DataFrame:
        if table in SCHEMAS:
            return self.read(table)
        raise AttributeError(table)


def load_tables(corpus: str | os.PathLike | None = None, *, model: str | None = None,
                out: str | os.PathLike | None = None, progress: bool | None = None) -> Tables:
    """The tables of ``corpus``, extracted now only if the corpus or the code changed.

    Args:
        corpus: Corpus folder or file; ``None`` means ``SITREP_CORPUS`` or ``seeds/``.
        model: spaCy pipeline name.
        out: Where the tables live; default :func:`tables_dir` of the corpus.
        progress: Show a parse progress bar.

    Returns:
        A :class:`Tables` reader.
    """
    corpus = Path(corpus) if corpus is not None else config.default_corpus()
    if not corpus.is_absolute() and not corpus.exists():
        corpus = config.PROJECT_DIR / corpus
    target = Path(out) if out is not None else tables_dir(corpus)
    if not is_current(target, corpus, model=model):
        extract(corpus, target, model=model, progress=progress)
    return Tables(target)
