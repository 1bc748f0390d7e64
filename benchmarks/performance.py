"""Speed and memory of ``extract`` against raw spaCy, measured in one run.

Reads the SemEval-2018 Task 5 gun-violence articles (``../shared/corpora/
semeval2018-task5-gva/docs.jsonl``, 6,335 articles; never copied into the repo)
and writes ``benchmarks/results/performance.json``:

* throughput of a cold ``extract`` (all extraction on, empty parse and row
  caches) as a ratio to raw ``nlp.pipe`` of the same model on the same texts
  with the same process count, for 1 and 2 processes. The gazetteer index, built
  once per installation like a downloaded model, is built before the clock
  starts (its build time is reported on its own);
* warm re-runs against the cold run: ``--force`` on the unchanged corpus (every
  article's rows from the row cache), a re-extraction from the parse cache
  alone (what a code upgrade costs: row cache emptied), and a re-run on an
  unchanged output (skipped);
* peak RSS of ``extract`` on 1k, 3k and all articles (each a separate process);
* the notebook suite (``report``) on all articles with a warm cache;
* the same on the embedded seed corpus (``seeds/``), where start-up dominates;
* where the time goes: a profile of ``extract`` on a slice, by component.

Usage: ``python benchmarks/performance.py [--throughput-docs N] [--quick | --targets | --scaling | --whole
| --warm | --stages]``
(``--targets``: only the 1-process throughput ratio and the peak RSS on all articles, into
``performance-targets.json``).

``--scaling [SENTENCES ...]`` runs only the article-length test (issue 18): a cold
``extract`` of one synthetic article of 1k, 4k and 16k sentences and of a 5 MB
text on one line (``--one-line-mb``), each in its own process, with the time per
sentence (flat when time is linear in length) and the peak RSS; results in
``benchmarks/results/scaling.json``.

``--stages [ARTICLES]`` runs only the CPU breakdown (issue 21): a cold ``extract`` and raw
``nlp.pipe`` of the first ARTICLES GVA records (default 300), each a whole process with
timers around every pipeline component, extractor and step (``benchmarks/cpu_stages.py``).

``--warm [ARTICLES ...]`` runs only the warm re-run and start-up figures (issue 21): a cold
``extract`` of the first ARTICLES GVA articles and a re-run that finds them all cached, as
whole processes (their CPU and wall seconds, the re-run's share of the cold run), and the
seconds from start to the first article's rows on the seed corpus, new and cached.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpers import config  # noqa: E402  (after the sys.path line above)

DOCS = config.shared_dir() / "corpora" / "semeval2018-task5-gva" / "docs.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "performance.json"


def machine() -> dict:
    """CPU, memory and versions of this machine."""
    import spacy

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 2**20, 1),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": config.default_model(),
    }


def write_subset(count: int | None, directory: Path) -> Path:
    """The first ``count`` articles (all when ``None``) as a .jsonl corpus."""
    path = directory / f"gva-{count or 'all'}.jsonl"
    with DOCS.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for number, line in enumerate(source):
            if count is not None and number >= count:
                break
            out.write(line)
    return path


def run_measured(code: str, env: dict) -> dict:
    """Run Python ``code`` in a child process; its wall time, peak RSS and last output line."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"benchmark step failed ({child.returncode}): {code}")
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "result": json.loads(output.strip().splitlines()[-1]),
    }


RAW = """
import json, time
from helpers.ingest import load_corpus
from helpers.nlp import build_pipeline
texts = [a.text for a in load_corpus({corpus!r}) if a.loaded and not a.duplicate_of]
nlp = build_pipeline(additions=False)
started = time.perf_counter()
words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64, n_process={processes}))
print(json.dumps({{"articles": len(texts), "tokens": words,
                  "seconds": time.perf_counter() - started}}))
"""
EXTRACT = """
import json, time
from helpers.run import extract
started = time.perf_counter()
result = extract({corpus!r}, {out!r}, processes={processes}, progress=False, force={force})
print(json.dumps({{"seconds": time.perf_counter() - started, "parsed": result.stats.parsed,
                  "cached": result.stats.cached, "rows": result.rows,
                  "inputs": result.manifest["inputs"]}}))
"""
REPORT = """
import json, time
from helpers.views.report import build_reports
started = time.perf_counter()
code = build_reports({corpus!r}, {out!r})
print(json.dumps({{"seconds": time.perf_counter() - started, "exit": code}}))
"""


GAZETTEER = """
import json, time
from helpers.knowledge.gazetteer import default_gazetteer
started = time.perf_counter()
default_gazetteer()
print(json.dumps({"seconds": time.perf_counter() - started}))
"""


#: Sentence templates of the synthetic long articles (written for this benchmark, no corpus text).
SYNTHETIC = (
    "{n} soldiers were killed near {p} on day {i}, the army said.",
    '"We will respond to attack {i}," said Brig. Gen. Yahya Rasool in {p}.',
    "{g} fighters kidnapped {n} shepherds near {p} in attack number {i}.",
    "Officials in {p} reported that {n} civilians were wounded in clashes {i}.",
    "The governor of {p} said the situation remained calm after incident {i}.",
    "At least {n} people died when a car bomb exploded in a market in {p}.",
)
PLACES = ("Mosul", "Kirkuk", "Erbil", "Baghdad", "Tikrit", "Ramadi", "Fallujah", "Basra")
GROUPS = ("Islamic State", "The Iraqi army", "Peshmerga", "Police")


def synthetic_article(sentences: int, *, one_line: bool = False) -> str:
    """A long made-up article: paragraphs of five sentences, or everything on one line."""
    lines = [
        SYNTHETIC[i % len(SYNTHETIC)].format(
            n=2 + i * 7 % 39, p=PLACES[i * 5 % len(PLACES)], g=GROUPS[i * 3 % len(GROUPS)], i=i
        )
        for i in range(sentences)
    ]
    if one_line:
        return "Clashes across Iraq: " + " ".join(lines) + "\n"
    paragraphs = (" ".join(lines[i : i + 5]) for i in range(0, sentences, 5))
    return "Clashes across Iraq\n\n" + "\n\n".join(paragraphs) + "\n"


def scaling(work: Path, sizes: tuple[int, ...], one_line_mb: float) -> dict:
    """Cold ``extract`` of one long article of each size, and of a one-line text of ``one_line_mb``.

    Each run is its own process with an empty parse and row cache; the time per
    sentence should stay flat (linear time) and the peak RSS bounded. A run on a
    five-sentence article first measures the start-up (imports, pipeline, derived
    data), which is taken off every run's time before dividing by its sentences.
    """
    per_sentence = len(synthetic_article(600, one_line=True)) / 600
    runs = {"start_up": (5, False)} | {f"{n}_sentences": (n, False) for n in sizes}
    runs[f"{one_line_mb:g}_mb_one_line"] = (round(one_line_mb * 2**20 / per_sentence), True)
    results = {}
    for name, (sentences, one_line) in runs.items():
        corpus = work / f"long-{name}"
        corpus.mkdir()
        (corpus / "article.txt").write_text(synthetic_article(sentences, one_line=one_line), encoding="utf-8")
        run = run_measured(
            EXTRACT.format(corpus=str(corpus), out=str(work / f"out-{name}"), processes=1, force=False),
            env_with_cache(fresh_cache(work, f"cache-{name}")),
        )
        results[name] = {
            "sentences": sentences,
            "characters": (corpus / "article.txt").stat().st_size,
            "seconds": run["seconds"],
            "peak_rss_mb": run["peak_rss_mb"],
            "casualty_rows": run["result"]["rows"]["casualties"],
        }
        if name != "start_up":
            beyond = run["seconds"] - results["start_up"]["seconds"]
            results[name]["ms_per_sentence_after_start_up"] = round(1000 * beyond / sentences, 2)
        print(name, results[name], flush=True)
    return results


def env_with_cache(cache: Path) -> dict:
    return {**os.environ, "SITREP_CACHE": str(cache), "SITREP_PROGRESS": "0"}


def build_gazetteer_index(work: Path) -> dict:
    """Build the gazetteer index once in an empty cache; its build time."""
    run = run_measured(GAZETTEER, env_with_cache(work / "cache-gazetteer"))
    return {"seconds": round(run["result"]["seconds"], 2), "peak_rss_mb": run["peak_rss_mb"]}


def fresh_cache(work: Path, name: str) -> Path:
    """An empty parse and row cache holding only the prebuilt gazetteer index."""
    cache = work / name
    cache.mkdir()
    for index in (work / "cache-gazetteer").glob("gazetteer-*"):
        shutil.copy2(index, cache / index.name)
    return cache


def throughput(corpus: Path, work: Path, processes: int) -> dict:
    """Raw ``nlp.pipe`` and a cold ``extract`` on the same texts with ``processes``."""
    cache = fresh_cache(work, f"cache-throughput-{processes}")
    raw = run_measured(RAW.format(corpus=str(corpus), processes=processes), env_with_cache(cache))
    cold = run_measured(
        EXTRACT.format(
            corpus=str(corpus), out=str(work / f"out-{processes}"), processes=processes, force=False
        ),
        env_with_cache(cache),
    )
    articles = raw["result"]["articles"]
    raw_rate = articles / raw["result"]["seconds"]
    cold_rate = articles / cold["result"]["seconds"]
    return {
        "articles": articles,
        "tokens": raw["result"]["tokens"],
        "raw_nlp_pipe": {
            "seconds": round(raw["result"]["seconds"], 2),
            "articles_per_s": round(raw_rate, 2),
            "tokens_per_s": round(raw["result"]["tokens"] / raw["result"]["seconds"]),
        },
        "extract_cold": {
            "seconds": round(cold["result"]["seconds"], 2),
            "articles_per_s": round(cold_rate, 2),
            "tokens_per_s": round(raw["result"]["tokens"] / cold["result"]["seconds"]),
            "peak_rss_mb": cold["peak_rss_mb"],
        },
        "ratio_to_raw": round(cold_rate / raw_rate, 3),
    }


def seeds(work: Path) -> dict:
    """Raw ``nlp.pipe``, cold, warm and unchanged ``extract`` on the embedded seed corpus.

    On a handful of articles a run is mostly start-up (loading the model, the
    rules and the gazetteer index), so the ratio says little; the seconds say what
    a first run of the notebooks costs.
    """
    corpus, out = ROOT / "seeds", work / "out-seeds"
    env = env_with_cache(fresh_cache(work, "cache-seeds"))
    raw = run_measured(RAW.format(corpus=str(corpus), processes=1), env)
    runs = {
        name: run_measured(EXTRACT.format(corpus=str(corpus), out=str(out), processes=1, force=force), env)
        for name, force in (("cold", False), ("warm", True), ("unchanged", False))
    }
    return {
        "articles": raw["result"]["articles"],
        "tokens": raw["result"]["tokens"],
        "raw_nlp_pipe_seconds": round(raw["result"]["seconds"], 3),
        "extract_cold_seconds": round(runs["cold"]["result"]["seconds"], 2),
        "extract_cold_process_seconds": runs["cold"]["seconds"],
        "ratio_to_raw": round(raw["result"]["seconds"] / runs["cold"]["result"]["seconds"], 3),
        "extract_warm_seconds": round(runs["warm"]["result"]["seconds"], 2),
        "extract_unchanged_seconds": round(runs["unchanged"]["result"]["seconds"], 3),
        "peak_rss_mb": runs["cold"]["peak_rss_mb"],
    }


def profile(corpus: Path, work: Path) -> list[dict]:
    """Cumulative time of the main steps of a cold extract, largest first."""
    os.environ.update(env_with_cache(fresh_cache(work, "cache-profile")))
    from helpers.run import extract

    profiler = cProfile.Profile()
    profiler.runcall(extract, corpus, work / "out-profile", progress=False)
    stats = pstats.Stats(profiler)
    total = max(value[3] for value in stats.stats.values())
    # (step, file name ending, function name); the parser and NER run compiled code the
    # profiler cannot see: the model's share is the raw nlp.pipe time of the throughput runs.
    wanted = [
        ("parse: tok2vec", "tok2vec.py", "predict"),
        ("parse: tagger", "tagger.pyx", "predict"),
        (
            "parse: attribute rules (stand-in for attribute_ruler)",
            "helpers/nlp/attribute_rules.py",
            "__call__",
        ),
        ("parse: lemmatizer (memoising stand-in)", "helpers/nlp/lemmatizer.py", "__call__"),
        ("parse: entity ruler (places)", "entityruler.py", "__call__"),
        ("parse: actor matcher and entity fixer", "knowledge/actors.py", "__call__"),
        ("extract: places", "places.py", "resolve_places"),
        ("extract: persons", "persons.py", "extract_persons"),
        ("extract: quotes", "quotes.py", "extract_quotes"),
        ("extract: casualties", "casualties.py", "extract_casualties"),
        ("extract: mentions", "mentions.py", "extract_mentions"),
        ("parse cache write (DocBin)", "nlp/doc_cache.py", "put"),
        ("row cache write", "run/row_cache.py", "put"),
        (
            "corpus tables (actors, persons, places, totals, incidents)",
            "run/stream.py",
            "write_corpus_tables",
        ),
        ("build pipeline (model, place and actor rules)", "nlp/pipeline.py", "build_pipeline"),
        ("tables write (Parquet)", "tables.py", "write"),
        ("load corpus", "ingest/corpus.py", "load_file"),
    ]
    rows = []
    for step, file_end, function in wanted:
        seconds = sum(
            value[3]
            for (file, _, name), value in stats.stats.items()
            if file.endswith(file_end) and name == function
        )
        rows.append({"step": step, "seconds": round(seconds, 2), "share": round(seconds / total, 3)})
    return sorted(rows, key=lambda row: -row["seconds"])


#: Raw spaCy as a user runs it: import, load the model, ``nlp.pipe`` over the texts (one per line).
RAW_WHOLE = """
import json, sys, spacy
nlp = spacy.load({model!r})
texts = [json.loads(line) for line in open({texts!r}, encoding="utf-8")]
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64, n_process={processes}))
print(json.dumps({{"articles": len(texts), "tokens": tokens}}))
"""


def write_texts(corpus: Path, path: Path) -> int:
    """The texts ``extract`` parses (loaded articles, duplicates once), one JSON string per line."""
    from helpers.ingest import load_corpus

    texts = [a.text for a in load_corpus(corpus) if a.loaded and not a.duplicate_of]
    path.write_text("".join(json.dumps(text) + "\n" for text in texts), encoding="utf-8")
    return len(texts)


def whole_process(corpus: Path, work: Path, *, processes: int, repeats: int, engine: str = "local") -> dict:
    """Raw ``spacy.load`` + ``nlp.pipe`` against ``python -m helpers extract``, each a whole process.

    Runs alternate (raw, extract, raw, extract, ...) ``repeats`` times; each ``extract`` is cold
    (an empty parse and row cache) on a warm installation (the gazetteer index and derived
    data built, as after the first run, read through ``SITREP_GAZETTEER``). Peak RSS is
    measured per run with ``/usr/bin/time -v``.

    Returns:
        Median seconds and peak RSS of each, every run's seconds, and the median ratio
        (raw seconds / extract seconds: above 1 means ``extract`` is faster).
    """
    texts = work / f"texts-{corpus.stem}.jsonl"
    articles = write_texts(corpus, texts)
    raw_runs, extract_runs = [], []
    for repeat in range(repeats):
        raw = timed(
            [
                sys.executable,
                "-c",
                RAW_WHOLE.format(model=config.default_model(), texts=str(texts), processes=processes),
            ],
            {**os.environ},
        )
        raw_runs.append(raw)
        cache = work / f"cache-whole-{corpus.stem}-{processes}-{engine}-{repeat}"
        cache.mkdir()
        env = {**env_with_cache(cache), "SITREP_GAZETTEER": _installed()}
        out = work / f"out-whole-{corpus.stem}-{processes}-{engine}-{repeat}"
        command = extract_command(corpus, out, "--processes", str(processes), "--engine", engine)
        extract_runs.append(timed(command, env))
        shutil.rmtree(cache)
        print(corpus.stem, processes, engine, repeat, raw, extract_runs[-1], flush=True)

    def median(runs: list[dict], key: str) -> float:
        return round(statistics.median(run[key] for run in runs), 2)

    raw_seconds, extract_seconds = median(raw_runs, "seconds"), median(extract_runs, "seconds")
    return {
        "articles": articles,
        "processes": processes,
        "engine": engine,
        "repeats": repeats,
        "raw_nlp_pipe": {
            "median_seconds": raw_seconds,
            "runs": [r["seconds"] for r in raw_runs],
            "peak_rss_mb": median(raw_runs, "peak_rss_mb"),
        },
        "extract_cold": {
            "median_seconds": extract_seconds,
            "runs": [r["seconds"] for r in extract_runs],
            "peak_rss_mb": median(extract_runs, "peak_rss_mb"),
        },
        "ratio_to_raw": round(raw_seconds / extract_seconds, 3),
    }


def timed(command: list[str], env: dict) -> dict:
    """Run ``command`` under ``/usr/bin/time -v``: its wall seconds, CPU seconds (user + system)
    and peak RSS (MB)."""
    report = Path(tempfile.mkstemp(suffix=".time")[1])
    try:
        started = time.perf_counter()
        child = subprocess.run(
            ["/usr/bin/time", "-v", "-o", str(report), *command], capture_output=True, env=env, cwd=ROOT
        )
        seconds = time.perf_counter() - started
        if child.returncode:
            raise RuntimeError(f"benchmark step failed: {command}\n{child.stderr.decode()[-2000:]}")
        fields = dict(line.strip().split(": ", 1) for line in report.read_text().splitlines() if ": " in line)
    finally:
        report.unlink(missing_ok=True)
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(
            float(fields["User time (seconds)"]) + float(fields["System time (seconds)"]), 2
        ),
        "peak_rss_mb": round(int(fields["Maximum resident set size (kbytes)"]) / 1024, 1),
    }


def merge_result(key: str, what: str, **fields) -> dict:
    """Write ``fields`` under ``key`` of ``performance.json`` with what was measured, the date and
    the machine, keeping the file's other keys; return the entry written."""
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results[key] = {"what": what, "date": dt.date.today().isoformat(), "machine": machine(), **fields}
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results[key]


def whole(sizes: tuple[int, ...], repeats: int) -> None:
    """Whole-process runs on the seed and each GVA size; merged into ``performance.json``."""
    runs: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # The first run after installing builds the gazetteer index and derived data into the
        # installation's cache; the runs below read them from there, as every later run does.
        command = extract_command(ROOT / "seeds", work / "warm-up")
        subprocess.run(
            command, check=True, capture_output=True, cwd=ROOT, env={**os.environ, "SITREP_PROGRESS": "0"}
        )
        runs["seed_1_process"] = whole_process(ROOT / "seeds", work, processes=1, repeats=repeats)
        for size in sizes:
            corpus = write_subset(size, work)
            runs[f"gva_{size}_1_process"] = whole_process(corpus, work, processes=1, repeats=repeats)
            runs[f"gva_{size}_2_processes"] = whole_process(corpus, work, processes=2, repeats=1)
            runs[f"gva_{size}_dask_2_workers"] = whole_process(
                corpus, work, processes=2, repeats=1, engine="dask"
            )
    merged = merge_result(
        "whole_process",
        "wall seconds and peak RSS of whole processes (start-up included): raw spacy.load + "
        "nlp.pipe vs python -m helpers extract (cold caches, warm installation), alternating runs",
        runs=runs,
    )
    print(json.dumps(merged, indent=2))


#: ``python -m helpers extract`` in a process that notes when the first article's rows are in the
#: output buffers: ``extract_stream`` asks ``parse_articles`` for the next article only once it has
#: the rows of the one before. CPU seconds count from the process start (``time.process_time``);
#: wall seconds from the ``started`` time the benchmark passes, taken just before it starts the process.
FIRST_ROWS = """
import json, sys, time
from helpers.run import stream
parse_articles, first = stream.parse_articles, {{}}
def watched(*args, **kwargs):
    for item in parse_articles(*args, **kwargs):
        yield item
        if not first:
            first.update(cpu_seconds=round(time.process_time(), 2),
                         seconds=round(time.time() - {started!r}, 2))
stream.parse_articles = watched
from helpers.cli import main
code = main(["extract", {corpus!r}, "--out", {out!r}, "--force"])
print(json.dumps(first))
sys.exit(code)
"""


def first_rows(work: Path, repeats: int) -> dict:
    """Seconds from the start of ``extract`` on the seed corpus to the first article's rows.

    On a warm installation (gazetteer index and derived data built), for a new article
    (empty parse, row and article caches: the pipeline is built and the article parsed)
    and for a cached one (the same cache again: nothing built, the rows read back).
    Medians of ``repeats`` runs each, alternating.
    """
    runs: dict[str, list[dict]] = {"new_article": [], "cached_article": []}
    for repeat in range(repeats):
        cache = work / f"cache-first-rows-{repeat}"
        env = {**env_with_cache(cache), "SITREP_GAZETTEER": _installed()}
        for name in runs:
            code = FIRST_ROWS.format(
                started=time.time(), corpus=str(ROOT / "seeds"), out=str(work / "out-first-rows")
            )
            child = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True
            )
            runs[name].append(json.loads(child.stdout.strip().splitlines()[-1]))
        shutil.rmtree(cache)
    return {
        name: {
            key: round(statistics.median(run[key] for run in measured), 2)
            for key in ("cpu_seconds", "seconds")
        }
        | {"runs": measured}
        for name, measured in runs.items()
    }


def warm_rerun(corpus: Path, work: Path) -> dict:
    """A cold ``extract`` of ``corpus`` and a re-run that finds every article cached, whole processes.

    The cold run starts from empty parse, row, article and corpus-table caches on a warm
    installation and fills them; the re-run (``--force``, so the unchanged output is
    not simply kept) reads them back. Its share of the cold run, in CPU and wall seconds.
    """
    cache = work / f"cache-warm-{corpus.stem}"
    env = {**env_with_cache(cache), "SITREP_GAZETTEER": _installed()}
    command = extract_command(corpus, work / f"out-warm-{corpus.stem}")
    cold = timed(command, env)
    warm = timed([*command, "--force"], env)
    shutil.rmtree(cache)
    print(corpus.stem, "cold", cold, "warm", warm, flush=True)
    return {
        "cold": cold,
        "warm": warm,
        "warm_share_of_cold_cpu": round(warm["cpu_seconds"] / cold["cpu_seconds"], 4),
        "warm_share_of_cold_wall": round(warm["seconds"] / cold["seconds"], 4),
    }


def extract_command(corpus: Path, out: Path, *options: str) -> list[str]:
    """The command line of ``python -m helpers extract corpus --out out`` with ``options``."""
    return [sys.executable, "-m", "helpers", "extract", str(corpus), "--out", str(out), *options]


def _installed() -> str:
    """``SITREP_GAZETTEER`` for a run with its own cache: this installation's prebuilt index and data."""
    return os.pathsep.join(str(p) for p in [config.cache_dir(), *config.gazetteer_dirs()])


def warm_and_start_up(sizes: tuple[int, ...], repeats: int) -> None:
    """Time to the first rows and warm re-runs of GVA subsets (0: all); merged into ``performance.json``."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        runs = {f"gva_{size or 'all'}": warm_rerun(write_subset(size or None, work), work) for size in sizes}
        starts = first_rows(work, repeats)
    merged = merge_result(
        "warm_and_start_up",
        "whole processes as /usr/bin/time -v sees them (CPU = user + system): a cold extract "
        "(empty caches, warm installation) and a re-run finding every article cached (--force); "
        "seconds from start to the first article's rows on the seed corpus",
        warm_rerun=runs,
        first_rows=starts,
    )
    print(json.dumps(merged, indent=2))


def cpu_stages(size: int) -> None:
    """CPU seconds per stage of a cold ``extract`` and of raw ``nlp.pipe`` on the first ``size`` GVA
    records, each a whole process (``benchmarks/cpu_stages.py``); merged into ``performance.json``."""
    script = str(ROOT / "benchmarks" / "cpu_stages.py")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = write_subset(size, work)
        texts = work / "texts.jsonl"
        articles = write_texts(corpus, texts)
        env = {**env_with_cache(fresh_cache(work, "cache-stages")), "SITREP_GAZETTEER": _installed()}
        stages = {}
        for name, command in (
            ("raw_nlp_pipe", [sys.executable, script, "raw", str(texts)]),
            ("extract_cold", [sys.executable, script, "extract", str(corpus), str(work / "out")]),
        ):
            child = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=True)
            stages[name] = json.loads(child.stdout.strip().splitlines()[-1])
            print(name, stages[name], flush=True)
    merge_result(
        "cpu_stages",
        "CPU seconds (user + system) per stage of one whole process: raw spacy.load + nlp.pipe "
        "and python -m helpers extract --no-cache --processes 1 on the same texts (timers around "
        "each pipeline component, extractor and step; benchmarks/cpu_stages.py)",
        records=size,
        articles_parsed=articles,
        **stages,
    )


def targets(throughput_docs: int) -> None:
    """The speed targets alone: cold ``extract`` vs raw ``nlp.pipe`` (1 process), peak RSS on all articles."""
    from helpers.knowledge.gazetteer import default_gazetteer

    installed = default_gazetteer().path  # built once per installation, like a downloaded model
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "cache-gazetteer").mkdir()
        shutil.copy2(installed, work / "cache-gazetteer" / installed.name)
        results = {
            "benchmark": "speed targets: extract vs raw spaCy on SemEval-2018 Task 5 GVA articles",
            "date": dt.date.today().isoformat(),
            "machine": machine(),
            "throughput": {"1_process": throughput(write_subset(throughput_docs, work), work, 1)},
        }
        subset = write_subset(None, work)
        cold = run_measured(
            EXTRACT.format(corpus=str(subset), out=str(work / "mem-all"), processes=1, force=False),
            env_with_cache(fresh_cache(work, "cache-all")),
        )
        results["peak_rss"] = {
            "all": {
                "articles": cold["result"]["inputs"]["loaded"],
                "seconds": cold["seconds"],
                "peak_rss_mb": cold["peak_rss_mb"],
            }
        }
    out = RESULTS.with_name("performance-targets.json")
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--throughput-docs", type=int, default=2000)
    parser.add_argument("--quick", action="store_true", help="small sizes, for trying the script")
    parser.add_argument(
        "--targets",
        action="store_true",
        help="only the speed targets: 1-process throughput and peak RSS on all articles "
        "(performance-targets.json; reuses the installed gazetteer index)",
    )
    parser.add_argument(
        "--scaling",
        nargs="*",
        type=int,
        metavar="SENTENCES",
        help="only the article-length scaling test (default sizes 1000 4000 16000 and a 5 MB "
        "one-line text); written to benchmarks/results/scaling.json",
    )
    parser.add_argument("--one-line-mb", type=float, default=5.0, help="size of the one-line text")
    parser.add_argument(
        "--whole",
        nargs="*",
        type=int,
        metavar="ARTICLES",
        help="only whole-process runs (raw spaCy vs python -m helpers extract, alternating, median of "
        "--repeats): the seed and the first ARTICLES GVA articles (default 1000), 1 and 2 processes "
        "and the Dask engine on 2 workers; written to performance.json under 'whole_process'",
    )
    parser.add_argument("--repeats", type=int, default=3, help="alternating pairs per whole-process size")
    parser.add_argument(
        "--warm",
        nargs="*",
        type=int,
        metavar="ARTICLES",
        help="only the warm re-run (a cold extract of the first ARTICLES GVA articles, default 1000, "
        "0 for all, then a re-run finding them cached: its share of the cold CPU and wall time) and "
        "the time to the first article's rows on the seed corpus (median of --repeats); written "
        "to performance.json under 'warm_and_start_up'",
    )
    parser.add_argument(
        "--stages",
        nargs="?",
        const=300,
        type=int,
        metavar="ARTICLES",
        help="only the CPU per stage of a cold extract and of raw nlp.pipe on the first ARTICLES GVA "
        "records (default 300); written to performance.json under 'cpu_stages'",
    )
    args = parser.parse_args()
    if args.stages is not None:
        cpu_stages(args.stages)
        return
    if args.whole is not None:
        whole(tuple(args.whole or (1000,)), args.repeats)
        return
    if args.warm is not None:
        warm_and_start_up(tuple(args.warm or (1000,)), args.repeats)
        return
    if args.targets:
        targets(args.throughput_docs)
        return
    if args.scaling is not None:
        with tempfile.TemporaryDirectory() as tmp:
            build_gazetteer_index(Path(tmp))
            results = {
                "benchmark": "cold extract of one long synthetic article: time per sentence and peak RSS",
                "date": dt.date.today().isoformat(),
                "machine": machine(),
                "runs": scaling(Path(tmp), tuple(args.scaling or (1000, 4000, 16000)), args.one_line_mb),
            }
        out = RESULTS.with_name("scaling.json")
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(results, indent=2))
        return
    sizes = [100, 200, 300] if args.quick else [1000, 3000, None]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results = {
            "benchmark": "extract vs raw spaCy on SemEval-2018 Task 5 GVA articles",
            "date": dt.date.today().isoformat(),
            "machine": machine(),
            "gazetteer_index_build": build_gazetteer_index(work),
        }
        slice_docs = 100 if args.quick else args.throughput_docs
        corpus = write_subset(slice_docs, work)
        results["throughput"] = {f"{p}_process": throughput(corpus, work, p) for p in (1, 2)}
        results["seeds"] = seeds(work)
        memory = {}
        for size in sizes:
            subset = write_subset(size, work)
            cache = fresh_cache(work, f"cache-{size or 'all'}")
            cold = run_measured(
                EXTRACT.format(corpus=str(subset), out=str(work / f"mem-{size}"), processes=1, force=False),
                env_with_cache(cache),
            )
            memory[str(size or "all")] = {
                "articles": cold["result"]["inputs"]["loaded"],
                "seconds": cold["seconds"],
                "peak_rss_mb": cold["peak_rss_mb"],
            }
            if size is None or size == sizes[-1]:
                warm = run_measured(
                    EXTRACT.format(
                        corpus=str(subset), out=str(work / f"mem-{size}"), processes=1, force=True
                    ),
                    env_with_cache(cache),
                )
                current = run_measured(
                    EXTRACT.format(
                        corpus=str(subset), out=str(work / f"mem-{size}"), processes=1, force=False
                    ),
                    env_with_cache(cache),
                )
                shutil.rmtree(cache / "rows")  # as after a code upgrade: only parsed docs remain
                from_docs = run_measured(
                    EXTRACT.format(
                        corpus=str(subset), out=str(work / f"mem-{size}"), processes=1, force=True
                    ),
                    env_with_cache(cache),
                )
                results["warm_vs_cold"] = {
                    "articles": cold["result"]["inputs"]["loaded"],
                    "cold_seconds": round(cold["result"]["seconds"], 2),
                    "warm_seconds": round(warm["result"]["seconds"], 2),
                    "warm_parsed": warm["result"]["parsed"],
                    "warm_cached": warm["result"]["cached"],
                    "speedup": round(cold["result"]["seconds"] / warm["result"]["seconds"], 1),
                    "unchanged_output_seconds": round(current["result"]["seconds"], 3),
                    "unchanged_output_speedup": round(
                        cold["result"]["seconds"] / current["result"]["seconds"]
                    ),
                    "reextract_from_parse_cache_seconds": round(from_docs["result"]["seconds"], 2),
                    "reextract_from_parse_cache_speedup": round(
                        cold["result"]["seconds"] / from_docs["result"]["seconds"], 1
                    ),
                    "warm_peak_rss_mb": warm["peak_rss_mb"],
                }
                report = run_measured(
                    REPORT.format(corpus=str(subset), out=str(work / "reports")), env_with_cache(cache)
                )
                results["notebook_suite_warm"] = {
                    "articles": cold["result"]["inputs"]["loaded"],
                    "seconds": report["seconds"],
                    "exit": report["result"]["exit"],
                }
                per_1k = 1000 / cold["result"]["inputs"]["loaded"] / 2**20
                results["cache_mb_per_1k_articles"] = {
                    "parsed_docs": round(
                        sum(f.stat().st_size for f in (cache / "docs").rglob("*.spacy")) * per_1k, 1
                    ),
                    "rows": round(
                        sum(f.stat().st_size for f in (cache / "rows").rglob("*.json.z")) * per_1k, 1
                    ),
                }
                results["rows_all"] = cold["result"]["rows"]
        results["peak_rss"] = memory
        results["profile"] = {
            "articles": 300 if not args.quick else 50,
            "steps": profile(write_subset(300 if not args.quick else 50, work), work),
        }
    out = RESULTS if not args.quick else RESULTS.with_name("performance-quick.json")
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
