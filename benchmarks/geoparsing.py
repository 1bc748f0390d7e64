"""End-to-end geoparsing benchmark: raw spaCy + naive lookup vs the Sitrep pipeline.

Corpora (read from ``$SITREP_SHARED/corpora/geoparsing-news``, never copied):
GeoWebNews, LGL and TR-News (see that folder's SOURCE.md). GeoVirus is left out:
it is WikiNews on epidemics and its offsets are shifted by one.

Gold toponyms are the annotated spans with coordinates (LGL and GeoWebNews
annotate adjectives such as "Russian" with their country; GeoWebNews
``Language`` spans are left out). Sitrep's predictions are all its place rows,
demonyms included. Measures, as in the Mordecai3 paper:

* detection precision / recall / F1: a predicted place span matches a gold span
  when they overlap;
* exact: the share of gold toponyms with a GeoNames id whose overlapping
  prediction carries the same id (a missed toponym counts as wrong);
* within 161 km: the share of gold toponyms with coordinates whose overlapping
  prediction lies within 161 km (100 miles) of the gold point.

Usage: ``python benchmarks/geoparsing.py [--max-docs N] [--model NAME]``.
Writes ``benchmarks/results/geoparsing.json`` and prints a table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import spacy

from helpers import config
from helpers.articles import Article, Paragraph
from helpers.extract import places
from helpers.knowledge.gazetteer import Gazetteer, default_gazetteer, haversine_km
from helpers.nlp import build_pipeline

RESULTS = Path(__file__).resolve().parent / "results" / "geoparsing.json"
EXCLUDED_GWN_TYPES = {"Language"}
NAIVE_LABELS = {"GPE", "LOC"}


def _number(text: str | None) -> float | None:
    return float(text) if text not in (None, "") else None


def load_gwn(path: Path) -> list[dict]:
    """GeoWebNews articles: ``{"id", "text", "gold": [{start, end, geonameid, lat, lon}]}``."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        gold = []
        for top in article.iter("toponym"):
            lat, lon = _number(top.findtext("latitude")), _number(top.findtext("longitude"))
            if lat is None or top.findtext("type") in EXCLUDED_GWN_TYPES:
                continue
            gid = top.findtext("geonamesID")
            gold.append(
                {
                    "start": int(top.findtext("start")),
                    "end": int(top.findtext("end")),
                    "geonameid": int(gid) if gid else None,
                    "lat": lat,
                    "lon": lon,
                }
            )
        docs.append({"id": f"gwn-{article.get('file')}", "text": article.findtext("text"), "gold": gold})
    return docs


def load_lgl_style(path: Path, prefix: str) -> list[dict]:
    """LGL / TR-News articles in the same shape as :func:`load_gwn`."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        gold = []
        for top in article.iter("toponym"):
            tag = top.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            gold.append(
                {
                    "start": int(top.findtext("start")),
                    "end": int(top.findtext("end")),
                    "geonameid": int(tag.get("geonameid")),
                    "lat": float(tag.findtext("lat")),
                    "lon": float(tag.findtext("lon")),
                }
            )
        docs.append(
            {"id": f"{prefix}-{article.get('docid')}", "text": article.findtext("text"), "gold": gold}
        )
    return docs


def build_our_pipeline(model: str) -> tuple[spacy.Language, str]:
    """The suite's own pipeline (:func:`helpers.nlp.build_pipeline`) and its description."""
    nlp = build_pipeline(model)
    return nlp, f"helpers.nlp.build_pipeline (key {nlp.meta['sitrep_key']})"


def naive_predictions(doc, gazetteer: Gazetteer) -> list[dict]:
    """Each GPE/LOC entity resolved to its most populous gazetteer match."""
    predictions = []
    for ent in doc.ents:
        if ent.label_ not in NAIVE_LABELS:
            continue
        found = sorted(gazetteer.lookup(ent.text), key=lambda p: (-p.population, -p.precision, p.place_id))
        best = found[0] if found else None
        predictions.append(
            {
                "start": ent.start_char,
                "end": ent.end_char,
                "geonameid": best.geonameid if best else None,
                "lat": best.lat if best else None,
                "lon": best.lon if best else None,
            }
        )
    return predictions


def our_predictions(doc, article: Article) -> list[dict]:
    """Sitrep place rows (demonyms included) in the benchmark's shape."""
    return [
        {
            "start": r["start_char"],
            "end": r["end_char"],
            "geonameid": r["geonameid"],
            "lat": r["lat"],
            "lon": r["lon"],
        }
        for r in places.resolve_places(doc, article)
    ]


def score(docs: list[dict], predictions: list[list[dict]]) -> dict:
    """Detection P/R/F1, exact-id accuracy and accuracy within 161 km (see module docstring)."""
    n_pred = n_pred_matched = n_gold = n_gold_found = 0
    n_with_id = n_exact = n_with_coords = n_within = 0
    for doc, preds in zip(docs, predictions):
        n_pred += len(preds)
        n_pred_matched += sum(
            any(p["start"] < g["end"] and g["start"] < p["end"] for g in doc["gold"]) for p in preds
        )
        for gold in doc["gold"]:
            n_gold += 1
            match = next((p for p in preds if p["start"] < gold["end"] and gold["start"] < p["end"]), None)
            n_gold_found += match is not None
            if gold["geonameid"] is not None:
                n_with_id += 1
                n_exact += bool(match and match["geonameid"] == gold["geonameid"])
            n_with_coords += 1
            if match and match["lat"] is not None:
                n_within += haversine_km(gold["lat"], gold["lon"], match["lat"], match["lon"]) <= 161
    precision = n_pred_matched / n_pred if n_pred else 0.0
    recall = n_gold_found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n_docs": len(docs),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "n_gold_with_geonameid": n_with_id,
        "exact": round(n_exact / n_with_id, 4) if n_with_id else None,
        "n_gold_with_coords": n_with_coords,
        "within_161km": round(n_within / n_with_coords, 4) if n_with_coords else None,
    }


def run(*, model: str, max_docs: int | None) -> dict:
    """Score both systems on every corpus; returns the results document."""
    root = config.shared_dir() / "corpora" / "geoparsing-news"
    corpora = {
        "GeoWebNews": load_gwn(root / "GeoWebNews.xml"),
        "LGL": load_lgl_style(root / "lgl.xml", "lgl"),
        "TR-News": load_lgl_style(root / "TR-News.xml", "tr"),
    }
    gazetteer = default_gazetteer()
    raw_nlp = spacy.load(model)
    our_nlp, how = build_our_pipeline(model)
    results = {
        "model": model,
        "date": dt.date.today().isoformat(),
        "max_docs_per_corpus": max_docs,
        "pipeline": how,
        "corpora": {},
    }
    for name, docs in corpora.items():
        docs = docs[:max_docs] if max_docs else docs  # the first N articles, in file order
        texts = [d["text"] for d in docs]
        started = time.perf_counter()
        naive = [naive_predictions(doc, gazetteer) for doc in raw_nlp.pipe(texts)]
        naive_seconds = time.perf_counter() - started
        started = time.perf_counter()
        ours = []
        for d, doc in zip(docs, our_nlp.pipe(texts)):
            article = Article(d["id"], d["id"], text=d["text"], paragraphs=[Paragraph(0, 0, len(d["text"]))])
            ours.append(our_predictions(doc, article))
        our_seconds = time.perf_counter() - started
        results["corpora"][name] = {
            "naive": {**score(docs, naive), "seconds": round(naive_seconds, 1)},
            "sitrep": {**score(docs, ours), "seconds": round(our_seconds, 1)},
        }
    totals = {}
    for system in ("naive", "sitrep"):
        parts = [c[system] for c in results["corpora"].values()]
        with_id = sum(p["n_gold_with_geonameid"] for p in parts)
        with_coords = sum(p["n_gold_with_coords"] for p in parts)
        totals[system] = {
            "exact": round(sum((p["exact"] or 0) * p["n_gold_with_geonameid"] for p in parts) / with_id, 4),
            "within_161km": round(
                sum((p["within_161km"] or 0) * p["n_gold_with_coords"] for p in parts) / with_coords, 4
            ),
            "n_gold_with_geonameid": with_id,
            "n_gold_with_coords": with_coords,
        }
    results["pooled"] = totals
    results["reference"] = {"mordecai3_exact": 0.586, "mordecai3_within_161km": 0.607}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=config.default_model())
    parser.add_argument(
        "--max-docs", type=int, default=150, help="articles per corpus (first N in file order; 0 = all)"
    )
    args = parser.parse_args()
    if not (config.shared_dir() / "corpora" / "geoparsing-news").exists():
        raise SystemExit(f"corpus not found under {config.shared_dir()} (set SITREP_SHARED)")
    results = run(model=args.model, max_docs=args.max_docs or None)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"{'corpus':<12}{'system':<8}{'P':>7}{'R':>7}{'F1':>7}{'exact':>8}{'<161km':>8}{'sec':>7}")
    for name, systems in results["corpora"].items():
        for system, m in systems.items():
            print(
                f"{name:<12}{system:<8}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}"
                f"{m['exact']:>8.3f}{m['within_161km']:>8.3f}{m['seconds']:>7.1f}"
            )
    for system, m in results["pooled"].items():
        print(f"{'pooled':<12}{system:<8}{'':>21}{m['exact']:>8.3f}{m['within_161km']:>8.3f}")


if __name__ == "__main__":
    main()
