"""Events on real conflict news from many countries: each article's toll as its events tell it.

The 46 articles of conflict-news-dev (``../shared/corpora/conflict-news-dev``, 28 countries) go
through ``python -m helpers extract``; each article's events (``events`` rows that list it in
``article_ids``) are added up per outcome (``fatalities``, ``injured_best``, ``kidnapped``,
``arrested``) and scored against the gold ``article_totals`` (the toll an analyst reports for
the article's current incidents): exact, within one, mean absolute error. Side by side: the
article toll of ``casualty_totals`` (the same extraction, before events), and the naive baseline
of the casualties benchmark (the largest figure per outcome).

Coding consistency of the violent events, ACLED's rules that need no gold: a battle is fought
between two armed sides, so its ``actor2`` is no civilians (``inter2`` 7); violence against
civilians hits civilians (an abduction aside: ACLED codes kidnapped soldiers so too); every event
has a type, every violent event an ``actor1``.

Usage: ``python benchmarks/events_world.py [--out DIR] [--no-extract]``.
Writes ``benchmarks/results/events_world.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

from helpers import config
from helpers.ingest import load_corpus
from helpers.run import Tables

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from casualties import baseline_totals, run_extract, system_totals, toll_scores  # noqa: E402

ROOT = config.shared_dir() / "corpora" / "conflict-news-dev"
RESULTS = REPO / "benchmarks" / "results" / "events_world.json"
WORK = REPO / ".sitrep-cache" / "benchmarks"
#: Each outcome of the gold article totals, and the ``events`` column that holds it.
TOLL_COLUMNS = {
    "killed": "fatalities",
    "injured": "injured_best",
    "kidnapped": "kidnapped",
    "arrested": "arrested",
}
#: ACLED's ``inter`` code of civilians.
CIVILIANS = 7


def event_totals(events) -> dict[str, dict[str, int]]:
    """Each article's toll per outcome, added up over the events that list it."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(TOLL_COLUMNS, 0))
    for row in events.to_dict("records"):
        for article_id in str(row["article_ids"]).split(";"):
            for outcome, column in TOLL_COLUMNS.items():
                value = row[column]
                totals[article_id.strip()][outcome] += 0 if value is None or value != value else int(value)
    return dict(totals)


def consistency(events) -> dict:
    """ACLED's coding rules over the events: battles between armed sides, violence against civilians
    on civilians, a type for each event and an ``actor1`` for each violent one."""
    violent = events[events["disorder_type"] == "Political violence"]
    battles = violent[violent["event_type"] == "Battles"]
    against = violent[violent["event_type"] == "Violence against civilians"]
    kidnap = against["sub_event_type"] == "Abduction/forced disappearance"
    return {
        "violent_events": len(violent),
        "battles_with_civilians_as_actor2": int((battles["inter2"] == CIVILIANS).sum()),
        "battles": len(battles),
        "attacks_on_civilians_without_civilians_as_actor2": int(
            ((against["inter2"] != CIVILIANS) & ~kidnap).sum()
        ),
        "attacks_on_civilians": len(against),
        "events_without_a_type": int((events["disorder_type"] == "").sum()),
        "without_actor1": int((violent["actor1"] == "").sum()),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=WORK / "out-events-world")
    parser.add_argument("--no-extract", action="store_true", help="score the tables already in --out")
    args = parser.parse_args(argv)
    if not (ROOT / "gold.json").exists():
        raise SystemExit(f"conflict-news-dev not found in {ROOT}")
    items = json.loads((ROOT / "gold.json").read_text(encoding="utf-8"))["items"]
    gold = {item["id"]: item["article_totals"] for item in items}
    texts = {a.article_id: a.text for a in load_corpus(ROOT / "texts")}
    seconds = None if args.no_extract else run_extract(ROOT / "texts", args.out)
    tables = Tables(args.out)
    events = tables.read("events")
    outcomes = tuple(TOLL_COLUMNS)
    results = {
        "date": dt.date.today().isoformat(),
        "model": config.default_model(),
        "corpus": "conflict-news-dev",
        "articles": len(gold),
        "extract_seconds": seconds,
        "events": len(events),
        "article_toll": {
            "events": toll_scores(event_totals(events), gold, outcomes),
            "casualty_totals": toll_scores(system_totals(tables), gold, outcomes),
            "baseline_largest_figure": toll_scores(
                {a: baseline_totals(texts[a]) for a in gold}, gold, outcomes
            ),
        },
        "coding": consistency(events),
    }
    print(json.dumps(results, indent=2))
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
