"""Event types against CASE 2021 Task 2 (fine-grained event classification of news snippets).

The 1,019 snippets of the task's test set (``../shared/corpora/case2021-task2``)
go through ``python -m helpers extract``, one record each; a snippet's type is the
``sub_event_type`` of its first ``event_reports`` row that is not excluded (none:
no event, a miss). CASE's 25 "seen" classes are ACLED's sub-event types
(:data:`CLASSES`); its five "unseen" classes (disasters, crime, diplomacy,
attribution) are not ACLED's and are left out.

Accuracy is reported on the *violent* classes (ACLED's political violence:
battles, explosions/remote violence, violence against civilians; 12 classes) and
on all 25 ACLED classes, side by side with two baselines on the same snippets:
the majority class, and a naive keyword rule (the first type of
``en/event_types.csv`` one of whose lemmas occurs in the lower-cased snippet as a
word, a phrase as words in a row, without parse, victims or conditions). The confusions of Sitrep's
violent-class misses are kept in the results.

Usage: ``python benchmarks/events_case2021.py [--out DIR] [--no-extract]``.
Writes ``benchmarks/results/events_case2021.json``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

from helpers import config
from helpers.knowledge.event_types import event_types
from helpers.run import Tables

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from events import run_extract  # noqa: E402

ROOT = config.shared_dir() / "corpora" / "case2021-task2"
RESULTS = REPO / "benchmarks" / "results" / "events_case2021.json"
WORK = REPO / ".sitrep-cache" / "benchmarks"
#: CASE 2021 task 2 classes and the ACLED sub-event types they are.
CLASSES = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
#: ACLED's event types of political violence: the violent classes.
VIOLENT_EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def load() -> list[dict]:
    """The snippets of ACLED's classes: ``id``, ``text``, ``gold`` (the ACLED sub-event type)."""
    with (ROOT / "test_set_final_release_with_labels.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        {"id": row["id"], "text": row["EventSnippet"], "gold": CLASSES[row["SubType"]]}
        for row in rows
        if row["SubType"] in CLASSES
    ]


def sitrep(tables: Tables) -> dict[str, str]:
    """Each snippet's type: its first report that is not excluded ("" when none)."""
    articles = tables.read("articles", columns=["article_id", "duplicate_of"])
    reports = tables.read("event_reports", columns=["article_id", "report", "excluded", "sub_event_type"])
    reports = reports[~reports["excluded"].astype(bool)].sort_values(["article_id", "report"])
    first = reports.groupby("article_id")["sub_event_type"].first().to_dict()
    found = {}
    for article, original in zip(articles["article_id"], articles["duplicate_of"].fillna("")):
        found[article.split(":", 1)[1]] = first.get(original or article, "") or ""
    return found


def keyword(text: str) -> str:
    """The naive baseline: the first type one of whose lemmas is a word of the snippet (a word of
    one part of speech: the word; a phrase: its words in a row, each with any ending)."""
    lower = text.lower()
    words = set(re.findall(r"[a-z][a-z-]*", lower))

    def found(entry: str) -> bool:
        parts = entry.split(":")[0].split()
        if len(parts) == 1:
            return parts[0] in words
        return re.search(r"\b" + r"\w*\W+".join(map(re.escape, parts)), lower) is not None

    return next((t.sub_event_type for t in event_types() if any(found(e) for e in t.lemmas)), "")


def accuracy(snippets: list[dict], predicted: dict[str, str]) -> dict:
    """Accuracy on the violent classes and on all ACLED classes."""
    violent = {t.sub_event_type for t in event_types() if t.event_type in VIOLENT_EVENT_TYPES}
    result = {}
    for name, rows in (("violent", [s for s in snippets if s["gold"] in violent]), ("all_acled", snippets)):
        right = sum(predicted.get(s["id"], "") == s["gold"] for s in rows)
        result[name] = {"snippets": len(rows), "right": right, "accuracy": round(right / len(rows), 3)}
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=WORK / "out-events-case2021")
    parser.add_argument("--no-extract", action="store_true", help="score the tables already in --out")
    args = parser.parse_args(argv)
    if not ROOT.exists():
        raise SystemExit(f"CASE 2021 task 2 not found in {ROOT}")
    snippets = load()
    corpus = args.out.parent / "case2021" / "case.jsonl"
    corpus.parent.mkdir(parents=True, exist_ok=True)
    corpus.write_text(
        "".join(json.dumps({"id": s["id"], "text": s["text"]}) + "\n" for s in snippets), encoding="utf-8"
    )
    seconds = None if args.no_extract else run_extract(corpus, args.out, 1)
    predicted = sitrep(Tables(args.out))
    violent = {t.sub_event_type for t in event_types() if t.event_type in VIOLENT_EVENT_TYPES}
    majority = Counter(s["gold"] for s in snippets if s["gold"] in violent).most_common(1)[0][0]
    misses = Counter(
        f"{s['gold']} -> {predicted.get(s['id']) or 'no event'}"
        for s in snippets
        if s["gold"] in violent and predicted.get(s["id"]) != s["gold"]
    )
    results = {
        "date": dt.date.today().isoformat(),
        "model": config.default_model(),
        "corpus": "case2021-task2 test set, ACLED classes",
        "snippets": len(snippets),
        "extract_seconds": seconds,
        "sitrep": accuracy(snippets, predicted),
        "no_event": sum(not predicted.get(s["id"]) for s in snippets),
        "majority_class": {"class": majority, **accuracy(snippets, {s["id"]: majority for s in snippets})},
        "keyword_baseline": accuracy(snippets, {s["id"]: keyword(s["text"]) for s in snippets}),
        "violent_misses": dict(misses.most_common()),
    }
    print(json.dumps(results, indent=2))
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
