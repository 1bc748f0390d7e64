"""Geoparsing benchmark through the product's own path: ``python -m helpers extract`` on every article.

Three measurements, each written to its own JSON under ``benchmarks/results/``:

* ``geoparsing.json`` (``--only world``): GeoWebNews, LGL and TR-News (read from
  ``$SITREP_SHARED/corpora/geoparsing-news``, never copied; see that folder's
  SOURCE.md), every article. Each corpus is written as a ``.jsonl`` file of
  ``{"id", "text"}`` records (no title, so the gold offsets stay valid), ``extract``
  runs once on the folder, and its ``place_mentions`` table is scored. Side by
  side in the same table: raw spaCy (GPE/LOC entities of the plain model, each
  resolved to its most populous gazetteer match) and the stored outputs of nine
  earlier geoparsers (EUPEG, ``baselines-eupeg/``; coordinates only, so no exact-id
  score).
* ``geoparsing_conflict_dev.json`` (``--only conflict``): the 46 articles of
  ``corpora/conflict-news-dev`` (places resolved right; :mod:`geoparsing_scoring`).
* ``geoparsing_us_news.json`` (``--only us``): the first 300 GVA articles (US local
  news): resolved places outside the United States, listed.

Gold toponyms of the world corpora are the annotated spans with coordinates (LGL
and GeoWebNews annotate adjectives such as "Russian" with their country; GeoWebNews
``Language`` spans are left out). Predictions are all place rows, demonyms
included. Measures, as in the Mordecai3 paper and EUPEG:

* detection precision / recall / F1: a predicted span matches a gold span when
  they overlap;
* exact: the share of gold toponyms with a GeoNames id whose overlapping
  prediction carries the same id (a missed toponym counts as wrong);
* within 161 km: the share of gold toponyms whose overlapping prediction lies
  within 161 km (100 miles) of the gold point.

Usage: ``python benchmarks/geoparsing.py [--only world|conflict|us] [--model NAME]``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import spacy
from geoparsing_scoring import (
    EUPEG_SYSTEMS,
    load_eupeg,
    load_gwn,
    load_lgl_style,
    naive_predictions,
    pooled,
    score,
    score_conflict_dev,
    us_news_outside,
)

from helpers import config
from helpers.knowledge.gazetteer import default_gazetteer

RESULTS = Path(__file__).resolve().parent / "results"
REPO = Path(__file__).resolve().parents[1]


def run_extract(corpus: Path, out: Path, *, model: str) -> float:
    """Run ``python -m helpers extract`` (the CLI) on ``corpus``; returns the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "helpers", "extract", str(corpus), "--out", str(out), "--model", model],
        check=True,
        cwd=REPO,
    )
    return time.perf_counter() - started


def place_rows(out: Path) -> pd.DataFrame:
    """The ``place_mentions`` table an ``extract`` run wrote."""
    return pd.read_parquet(out / "place_mentions.parquet")


def _write_corpus(path: Path, text: str) -> None:
    """Write a corpus file unless it already holds ``text`` (an unchanged corpus is not re-extracted)."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def _jsonl(docs: list[dict]) -> str:
    return "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)


def _predictions(rows: pd.DataFrame, article_id: str) -> list[dict]:
    mine = rows[rows["article_id"] == article_id]
    return [
        {
            "start": int(r.start_char),
            "end": int(r.end_char),
            "geonameid": None if pd.isna(r.geonameid) else int(r.geonameid),
            "lat": None if pd.isna(r.lat) else float(r.lat),
            "lon": None if pd.isna(r.lon) else float(r.lon),
        }
        for r in mine.itertuples()
    ]


def _workspace(work: Path | None):
    """A folder for corpora and tables: ``work`` when given (kept, so an unchanged run is skipped)."""
    if work is not None:
        work.mkdir(parents=True, exist_ok=True)
        return contextlib.nullcontext(str(work))
    return tempfile.TemporaryDirectory()


def run_world(*, model: str, work: Path | None = None) -> dict:
    """Score Sitrep (through ``extract``), raw spaCy and the EUPEG systems on the three corpora."""
    root = config.shared_dir() / "corpora" / "geoparsing-news"
    corpora = {
        "GeoWebNews": load_gwn(root / "GeoWebNews.xml"),
        "LGL": load_lgl_style(root / "lgl.xml", "lgl"),
        "TR-News": load_lgl_style(root / "TR-News.xml", "tr"),
    }
    results: dict = {"model": model, "date": dt.date.today().isoformat(), "corpora": {}}
    with _workspace(work) as tmp:
        corpus, out = Path(tmp) / "world", Path(tmp) / "world-tables"
        corpus.mkdir(exist_ok=True)
        for name, docs in corpora.items():
            _write_corpus(corpus / f"{name}.jsonl", _jsonl(docs))
        seconds = run_extract(corpus, out, model=model)
        rows = place_rows(out)
    results["extract_seconds"] = round(seconds, 1)
    results["n_docs"] = sum(len(d) for d in corpora.values())
    gazetteer = default_gazetteer()
    raw_nlp = spacy.load(model)
    for name, docs in corpora.items():
        texts = [d["text"] for d in docs]
        naive = [naive_predictions(doc, gazetteer) for doc in raw_nlp.pipe(texts)]
        ours = [_predictions(rows, f"{name}:{d['id']}") for d in docs]
        systems = {"raw spaCy + lookup": score(docs, naive), "Sitrep": score(docs, ours)}
        for system in EUPEG_SYSTEMS:
            systems[system] = score(docs, load_eupeg(root / "baselines-eupeg", name, system, len(docs)))
        results["corpora"][name] = systems
    results["pooled"] = pooled(results["corpora"])
    results["reference"] = {"mordecai3_exact": 0.586, "mordecai3_within_161km": 0.607}
    return results


def run_conflict_dev(*, model: str, work: Path | None = None) -> dict:
    """Places of conflict-news-dev resolved right (see :func:`score_conflict_dev`)."""
    root = config.shared_dir() / "corpora" / "conflict-news-dev"
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    with _workspace(work) as tmp:
        out = Path(tmp) / "conflict-tables"
        run_extract(root / "texts", out, model=model)
        rows = place_rows(out)
    texts = {
        item["id"]: (root / "texts" / f"{item['id']}.txt").read_text(encoding="utf-8")
        for item in gold["items"]
    }
    return {
        "model": model,
        "date": dt.date.today().isoformat(),
        **score_conflict_dev(gold["items"], texts, rows),
    }


def run_us_news(*, model: str, n_docs: int = 300, work: Path | None = None) -> dict:
    """Resolved places outside the US in the first ``n_docs`` GVA articles (US local news)."""
    source = config.shared_dir() / "corpora" / "semeval2018-task5-gva" / "docs.jsonl"
    with _workspace(work) as tmp:
        corpus, out = Path(tmp) / "us", Path(tmp) / "us-tables"
        corpus.mkdir(exist_ok=True)
        with source.open(encoding="utf-8") as handle:
            lines = [next(handle) for _ in range(n_docs)]
        _write_corpus(corpus / "gva.jsonl", "".join(lines))
        run_extract(corpus, out, model=model)
        rows = place_rows(out)
    return {"model": model, "date": dt.date.today().isoformat(), "n_docs": n_docs, **us_news_outside(rows)}


def _print_world(results: dict) -> None:
    print(f"{'corpus':<12}{'system':<22}{'P':>7}{'R':>7}{'F1':>7}{'exact':>8}{'<161km':>8}")
    for name, systems in [*results["corpora"].items(), ("pooled", results["pooled"])]:
        for system, m in systems.items():
            exact = "" if m.get("exact") is None else f"{m['exact']:.3f}"
            print(
                f"{name:<12}{system:<22}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}"
                f"{exact:>8}{m['within_161km']:>8.3f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=config.default_model())
    parser.add_argument("--only", choices=("world", "conflict", "us"), default=None)
    parser.add_argument(
        "--work", type=Path, default=None, help="keep corpora and tables here (default: a temporary folder)"
    )
    args = parser.parse_args()
    if not (config.shared_dir() / "corpora").exists():
        raise SystemExit(f"corpora not found under {config.shared_dir()} (set SITREP_SHARED)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.only in (None, "world"):
        world = run_world(model=args.model, work=args.work)
        (RESULTS / "geoparsing.json").write_text(json.dumps(world, indent=2) + "\n", encoding="utf-8")
        _print_world(world)
    if args.only in (None, "conflict"):
        conflict = run_conflict_dev(model=args.model, work=args.work)
        (RESULTS / "geoparsing_conflict_dev.json").write_text(
            json.dumps(conflict, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        right, total = conflict["right"], conflict["n_places"]
        print(f"conflict-news-dev: {right}/{total} right = {conflict['accuracy']:.3f}")
    if args.only in (None, "us"):
        us = run_us_news(model=args.model, work=args.work)
        (RESULTS / "geoparsing_us_news.json").write_text(
            json.dumps(us, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(
            f"US news: {us['n_outside']}/{us['n_place_mentions']} outside the US = {us['share_outside']:.4f}"
        )


if __name__ == "__main__":
    main()
