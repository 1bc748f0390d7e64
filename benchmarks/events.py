"""Events merged across articles against the GVA incidents (SemEval-2018 Task 5).

Every article of ``docs.jsonl`` goes through ``python -m helpers extract``; the
``events`` table a user gets is scored against the Gun Violence Archive incidents
the articles are linked to (``incidents.jsonl``):

* **article pairs**: do two articles report the same incident? An article's event
  is the event of its first report (an exact duplicate takes its original's); an
  article without a report is alone. Precision, recall and F1 over all pairs of
  the articles with a gold incident, counted from the cluster sizes (no pair loop);
* **events**: each gold incident is matched to the event holding most of its
  articles; the event's date within one day of the gold date, its place within
  25 km of the gold coordinates, its killed (``fatalities``) and injured
  (``injured_best``) exactly the gold counts. Reported over the incidents that got
  an event and over all incidents (an incident without an event counts as a miss).

Side by side, two naive baselines built from the same extraction: one event per
article, and one event per state and publication day (the article's most named
place's province; tolls are the articles' ``casualty_totals``, the lowest one per
merged event as ACLED codes). The ``incidents`` table (merged by outcome,
province and date) is scored for pairs too.

Usage: ``python benchmarks/events.py [--limit N] [--out DIR] [--no-extract]``.
Writes ``benchmarks/results/events.json`` (``--limit`` writes nothing: a subset is
for development).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.aggregate.event_merge import distance_km
from helpers.run import Tables

REPO = Path(__file__).resolve().parents[1]
ROOT = config.shared_dir() / "corpora" / "semeval2018-task5-gva"
RESULTS = REPO / "benchmarks" / "results" / "events.json"
WORK = REPO / ".sitrep-cache" / "benchmarks"
NEAR_KM = 25.0


def run_extract(corpus: Path, out: Path, processes: int) -> float:
    """``python -m helpers extract CORPUS --out OUT --processes N``; its wall time in seconds."""
    started = time.perf_counter()
    env = {**os.environ, "SITREP_PROGRESS": "0"}
    command = [sys.executable, "-m", "helpers", "extract", str(corpus), "--out", str(out)]
    command += ["--processes", str(processes)]
    subprocess.run(command, check=True, env=env, cwd=REPO, stdout=subprocess.DEVNULL)
    return round(time.perf_counter() - started, 1)


def gold() -> tuple[dict[str, dict], dict[str, str]]:
    """GVA incidents by id, and each document's incident id."""
    incidents = {}
    for line in (ROOT / "incidents.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        incidents[record["incident_uri"]] = record
    incident_of = {}
    for line in (ROOT / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        incident_of[record["doc_id"]] = record["incident_id"]
    return incidents, incident_of


def pair_scores(predicted: dict[str, str], truth: dict[str, str]) -> dict:
    """Same-incident article pairs: precision, recall, F1 from the cluster sizes."""

    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter((predicted[a], truth[a]) for a in truth))
    found, wanted = pairs(Counter(predicted[a] for a in truth)), pairs(Counter(truth.values()))
    precision = both / found if found else 0.0
    recall = both / wanted if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "pairs": wanted}


def _gold_date(incident: dict) -> dt.date:
    return dt.datetime.strptime(incident["date"], "%B %d, %Y").date()


def event_scores(
    events: dict[str, dict], predicted: dict[str, str], truth: dict[str, str], incidents
) -> dict:
    """Per gold incident: its majority event's date, place, killed and injured against the gold."""
    by_incident: dict[str, list[str]] = defaultdict(list)
    for article, incident in truth.items():
        by_incident[incident].append(article)
    hits: Counter = Counter()
    with_event = placed = 0
    for incident_id, articles in by_incident.items():
        incident = incidents[incident_id]
        chosen = Counter(predicted[a] for a in articles if predicted[a] in events).most_common(1)
        if not chosen:
            continue
        event = events[chosen[0][0]]
        with_event += 1
        date = event["date"]
        hits["date"] += date is not None and abs((date - _gold_date(incident)).days) <= 1
        if incident.get("latitude") is not None:
            placed += 1
            hits["place"] += event["lat"] is not None and (
                distance_km(event["lat"], event["lon"], incident["latitude"], incident["longitude"])
                <= NEAR_KM
            )
        hits["killed"] += event["killed"] == int(incident["num_killed"])
        hits["injured"] += event["injured"] == int(incident["num_injured"])
    total = len(by_incident)

    def share(key: str, of: int) -> float:
        return round(hits[key] / of, 3) if of else 0.0

    return {
        "incidents": total,
        "with_event": with_event,
        "of_events": {
            "date_within_1_day": share("date", with_event),
            "place_within_25_km": share("place", placed),
            "killed_exact": share("killed", with_event),
            "injured_exact": share("injured", with_event),
        },
        "of_all_incidents": {
            "date_within_1_day": share("date", total),
            "killed_exact": share("killed", total),
            "injured_exact": share("injured", total),
        },
    }


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _number(value) -> int:
    return 0 if pd.isna(value) else int(value)


def sitrep(tables: Tables, articles: pd.DataFrame) -> tuple[dict[str, str], dict[str, dict]]:
    """Each article's event id, and each event's date, place and tolls."""
    events = tables.read("events")
    event_of_report = {
        key: e for e, keys in zip(events["event_id"], events["reports"]) for key in keys.split(";")
    }
    predicted = {}
    for article, original in zip(articles["article_id"], articles["duplicate_of"].fillna("")):
        source = original or article
        predicted[article] = event_of_report.get(f"{source}#0", f"alone:{source}")
    found = {
        row["event_id"]: {
            "date": _day(row["event_date"]),
            "lat": None if pd.isna(row["latitude"]) else row["latitude"],
            "lon": None if pd.isna(row["longitude"]) else row["longitude"],
            "killed": _number(row["fatalities"]),
            "injured": _number(row["injured_best"]),
        }
        for row in events.to_dict("records")
    }
    return predicted, found


def baselines(tables: Tables, articles: pd.DataFrame) -> dict[str, tuple[dict[str, str], dict[str, dict]]]:
    """One event per article, and one per province and publication day."""
    places = tables.read("place_mentions", columns=["article_id", "role", "place_id", "lat", "lon", "admin1"])
    places = places[(places["role"] == "event") & (places["place_id"].fillna("") != "")]
    main = {}
    for article, group in places.groupby("article_id"):
        place_id = group["place_id"].mode().iloc[0]
        main[article] = group[group["place_id"] == place_id].iloc[0]
    totals = tables.read("casualty_totals", columns=["article_id", "outcome", "best"])
    toll = {(a, o): int(b) for a, o, b in zip(totals["article_id"], totals["outcome"], totals["best"])}
    per_article, per_day = {}, {}
    dates = dict(zip(articles["article_id"], articles["date"]))
    for article, original in zip(articles["article_id"], articles["duplicate_of"].fillna("")):
        source = original or article
        place = main.get(source)
        per_article[article] = source
        state = place["admin1"] if place is not None and place["admin1"] else f"none:{source}"
        per_day[article] = f"{state}|{dates.get(source)}"
    found = {}
    for article in set(per_article.values()):
        place = main.get(article)
        found[article] = {
            "date": _day(dates.get(article)),
            "lat": None if place is None else place["lat"],
            "lon": None if place is None else place["lon"],
            "killed": toll.get((article, "killed"), 0),
            "injured": toll.get((article, "injured"), 0),
        }
    merged: dict[str, dict] = {}
    for article, key in per_day.items():
        one = found[per_article[article]]
        if key not in merged:
            merged[key] = dict(one)
        else:  # ACLED's conservative rule: the lowest toll
            merged[key]["killed"] = min(merged[key]["killed"], one["killed"])
            merged[key]["injured"] = min(merged[key]["injured"], one["injured"])
    return {"one_event_per_article": (per_article, found), "state_and_day": (per_day, merged)}


def incidents_table_pairs(tables: Tables, articles: pd.DataFrame, truth: dict[str, str]) -> dict:
    """The ``incidents`` table (outcome, province, date ±1) as a clustering: killed, else injured."""
    incidents = tables.read("incidents", columns=["incident_id", "outcome", "article_ids"])
    of: dict[str, str] = {}
    for outcome in ("injured", "killed"):  # killed last: it wins
        rows = incidents[incidents["outcome"] == outcome]
        for incident, ids in zip(rows["incident_id"], rows["article_ids"]):
            of.update({a: incident for a in ids.split(";")})
    predicted = {}
    for article, original in zip(articles["article_id"], articles["duplicate_of"].fillna("")):
        source = original or article
        predicted[article] = of.get(source, f"alone:{source}")
    return pair_scores(predicted, truth)


def score(out: Path, incidents: dict, incident_of: dict) -> dict:
    tables = Tables(out)
    articles = tables.read("articles", columns=["article_id", "status", "duplicate_of", "date"])
    articles = articles[articles["status"] == "loaded"]
    truth = {
        a: incident_of[a.split(":", 1)[1]]
        for a in articles["article_id"]
        if incident_of.get(a.split(":", 1)[1]) in incidents
    }
    articles = articles[articles["article_id"].isin(truth)]
    results = {"articles": len(truth), "gold_incidents": len(set(truth.values()))}
    predicted, events = sitrep(tables, articles)
    results["sitrep"] = {
        "pairs": pair_scores(predicted, truth),
        **event_scores(events, predicted, truth, incidents),
    }
    for name, (clusters, found) in baselines(tables, articles).items():
        results[name] = {
            "pairs": pair_scores(clusters, truth),
            **event_scores(found, clusters, truth, incidents),
        }
    results["incidents_table"] = {"pairs": incidents_table_pairs(tables, articles, truth)}
    return results


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=int, help="only the first N documents (development; writes no results)"
    )
    parser.add_argument("--out", type=Path, default=WORK / "out-events-gva")
    parser.add_argument("--no-extract", action="store_true", help="score the tables already in --out")
    parser.add_argument("--processes", type=int, default=1, help="extract's --processes")
    args = parser.parse_args(argv)
    if not (ROOT / "incidents.jsonl").exists():
        raise SystemExit(f"GVA corpus not found in {ROOT}")
    corpus = ROOT / "docs.jsonl"
    if args.limit:
        args.out.mkdir(parents=True, exist_ok=True)
        corpus = args.out.parent / f"gva-{args.limit}.jsonl"
        with (ROOT / "docs.jsonl").open(encoding="utf-8") as source:
            corpus.write_text("".join(line for _, line in zip(range(args.limit), source)), encoding="utf-8")
    seconds = None if args.no_extract else run_extract(corpus, args.out, args.processes)
    incidents, incident_of = gold()
    results = {
        "date": dt.date.today().isoformat(),
        "model": config.default_model(),
        "corpus": "semeval2018-task5-gva/docs.jsonl" + (f" (first {args.limit})" if args.limit else ""),
        "extract_seconds": seconds,
        "processes": args.processes,
        **score(args.out, incidents, incident_of),
    }
    print(json.dumps(results, indent=2))
    if not args.limit:
        RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
