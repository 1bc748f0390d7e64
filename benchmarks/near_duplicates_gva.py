"""Near-duplicate detection on the SemEval-2018 GVA articles: time, clusters, and whether they hold.

The 6,335 articles of ``docs.jsonl`` are loaded as ``extract`` loads them
(:func:`helpers.ingest.load_file`, exact duplicates flagged); then the
near-duplicate pass (:class:`helpers.ingest.near_duplicates.NearDuplicates`:
MinHash signatures of each body and the LSH index) runs over them in input
order, timed on its own. Each article's gold GVA incident says whether a
cluster holds: copies of one story report the same incident.

With ``--extract-seconds S`` (the measured time of a cold ``python -m helpers
extract`` of the same file), the detection time is reported as a share of it.

Usage: ``python benchmarks/near_duplicates_gva.py [--extract-seconds S]``.
Writes ``benchmarks/results/near_duplicates_gva.json``.
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

from helpers.ingest import load_file, mark_duplicates
from helpers.ingest.near_duplicates import SIMILARITY, NearDuplicates

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))
DOCS = SHARED / "corpora" / "semeval2018-task5-gva" / "docs.jsonl"
RESULTS = REPO / "benchmarks" / "results" / "near_duplicates_gva.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract-seconds", type=float, default=None)
    args = parser.parse_args()
    incident = {}
    with DOCS.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            incident[f"docs:{record['doc_id']}"] = record["incident_id"]
    started = time.perf_counter()
    articles = list(mark_duplicates(load_file(DOCS, base=DOCS.parent), near=False))
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    stories = NearDuplicates()
    for article in articles:
        if article.loaded and not article.duplicate_of:
            stories.mark(article)
    seconds = time.perf_counter() - started
    copies = [a for a in articles if a.near_duplicate_of]
    by_story = Counter(a.near_duplicate_of for a in copies)
    titles = {a.article_id: a.title for a in articles}
    same_incident = sum(incident.get(a.article_id) == incident.get(a.near_duplicate_of) for a in copies)
    results = {
        "date": dt.date.today().isoformat(),
        "articles": len(articles),
        "loaded": sum(a.loaded for a in articles),
        "exact_duplicates": sum(bool(a.duplicate_of) for a in articles),
        "threshold": SIMILARITY,
        "load_seconds": round(load_seconds, 1),
        "near_duplicate_seconds": round(seconds, 2),
        "extract_seconds": args.extract_seconds,
        "share_of_extract": round(seconds / args.extract_seconds, 4) if args.extract_seconds else None,
        "copies": len(copies),
        "stories_with_copies": len(by_story),
        "largest_clusters": [n + 1 for _, n in by_story.most_common(5)],
        "copies_of_the_same_gva_incident": same_incident,
        "share_same_incident": round(same_incident / len(copies), 3) if copies else None,
        "similarity_quartiles": _quartiles([a.near_duplicate_similarity for a in copies]),
        "examples": [
            {
                "copy": a.article_id,
                "story": a.near_duplicate_of,
                "similarity": a.near_duplicate_similarity,
                "titles": [titles[a.near_duplicate_of], a.title],
                "same_incident": incident.get(a.article_id) == incident.get(a.near_duplicate_of),
            }
            for a in copies[:: max(1, len(copies) // 12)][:12]
        ],
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in results.items() if k != "examples"}, indent=1))
    return 0


def _quartiles(values: list[float]) -> list[float]:
    ordered = sorted(values)
    if not ordered:
        return []
    return [ordered[int(q * (len(ordered) - 1))] for q in (0, 0.25, 0.5, 0.75, 1)]


if __name__ == "__main__":
    sys.exit(main())
