"""Events against WikiEvents Conflict.Attack arguments: who attacked, and where.

The 40 documents of WikiEvents (dev + test; ``../shared/corpora/wikievents``) go
through ``python -m helpers extract``; the violent ``event_reports`` rows
(ACLED's "Political violence", not excluded) are scored against the Attacker and
Place arguments of the gold Conflict.Attack events, per document:

* a gold argument is an entity: its coreference cluster (``coref/*.jsonlines``),
  or its mention alone; it is *named* when one of its mentions holds a proper
  noun (raw spaCy tags), else generic ("gunmen", "the area");
* **attacker linked**: the document's distinct ``actor1`` of its reports. A
  dictionary actor, or a person attacker (``person:<person_id>``: its ``person_mentions``,
  names and the pronouns resolved to it), is right when one of its mentions overlaps a
  mention of a gold Attacker entity; ACLED's generic actor ("Unidentified Armed Group (Iraq)") is
  right for a generic gold attacker ("gunmen", "the bombers"), as ACLED codes
  an unnamed attacker;
* **place**: the document's distinct report places against the *named* gold
  Place entities (an event row's location is a named place; "the area" is not
  one): a report puts its event at a town and, where its evidence names it, at
  the site of the scene in that town (``site``: "Rue Victor Hugo", "Camp
  Shorabak"), as ACLED codes the town and tells the site in its notes; the place
  is right when a mention of the town, or the site as written, overlaps a
  mention of the entity (``sitrep_towns_only``: the towns alone).

Each prediction is matched to at most one gold entity and each entity to at most
one prediction; precision, recall and F1 are micro-averaged over the documents.
The naive baseline codes the same reports: the first ORG of the report's
sentence (raw spaCy) as the attacker (none: a generic actor) and its first GPE
or LOC as the place. Event detection: the share of gold Conflict.Attack triggers
whose sentence a violent report read.

Usage: ``python benchmarks/events_wikievents.py [--out DIR] [--no-extract]``.
Writes ``benchmarks/results/events_wikievents.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import spacy

from helpers import config
from helpers.extract.places.sites import site_key
from helpers.run import Tables
from helpers.tables import offset_spans

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from actors import _overlaps, _token_text  # noqa: E402
from events import run_extract  # noqa: E402

ROOT = config.shared_dir() / "corpora" / "wikievents"
RESULTS = REPO / "benchmarks" / "results" / "events_wikievents.json"
WORK = REPO / ".sitrep-cache" / "benchmarks"
ROLES = ("Attacker", "Place")
GENERIC = "generic"

Span = tuple[int, int]


@dataclass
class Entity:
    """A gold argument: the character spans of its mentions, and whether one is a proper name."""

    spans: list[Span] = field(default_factory=list)
    named: bool = False
    text: str = ""


Events = dict[str, list[tuple[int, dict[str, list[Entity]]]]]


def load(nlp) -> tuple[dict[str, str], dict[str, dict[str, list[Entity]]], Events]:
    """Texts by key, gold Attacker and Place entities by key and role, and each attack event
    (trigger offset, its entities by role) by key."""
    texts: dict[str, str] = {}
    gold: dict[str, dict[str, list[Entity]]] = {}
    triggers: Events = {}
    for split in ("dev", "test"):
        clusters = {}
        for line in (ROOT / "coref" / f"{split}.jsonlines").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            clusters[record["doc_key"]] = record["clusters"]
        for line in (ROOT / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            key = f"w{len(texts):03d}"
            tokens = [tok for sentence in doc["sentences"] for tok in sentence[0]]
            texts[key] = _token_text(tokens)
            mentions = {
                e["id"]: (tokens[e["start"]][1], tokens[e["end"] - 1][2]) for e in doc["entity_mentions"]
            }
            cluster_of = {m: tuple(c) for c in clusters.get(doc["doc_id"], []) for m in c}
            roles: dict[str, dict[tuple, Entity]] = {role: {} for role in ROLES}
            triggers[key] = []
            for event in doc["event_mentions"]:
                if not event["event_type"].startswith("Conflict.Attack"):
                    continue
                own: dict[str, list[Entity]] = {role: [] for role in ROLES}
                for argument in event["arguments"]:
                    if argument["role"] in ROLES:
                        members = cluster_of.get(argument["entity_id"], (argument["entity_id"],))
                        entity = roles[argument["role"]].setdefault(members, Entity(text=argument["text"]))
                        entity.spans = sorted({mentions[m] for m in members if m in mentions})
                        own[argument["role"]].append(entity)
                triggers[key].append((tokens[event["trigger"]["start"]][1], own))
            gold[key] = {role: list(found.values()) for role, found in roles.items()}
    for key, doc in zip(texts, nlp.pipe(texts.values())):
        for entity in (e for role in gold[key].values() for e in role):
            entity.named = any(
                t.pos_ == "PROPN"
                for s, e in entity.spans
                if (span := doc.char_span(s, e, "expand"))
                for t in span
            )
    return texts, gold, triggers


def match(predicted: list[list[Span] | str], entities: list[Entity]) -> int:
    """Predictions (spans of a named prediction, or ``GENERIC``) matched one to one to gold entities."""
    free = list(entities)
    hits = 0
    for item in predicted:
        for entity in free:
            right = (not entity.named) if item == GENERIC else any(_overlaps(s, entity.spans) for s in item)
            if right:
                free.remove(entity)
                hits += 1
                break
    return hits


def prf(gold: int, predicted: int, matched: int) -> dict:
    """Precision, recall, F1 of counts."""
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "gold": gold,
        "predicted": predicted,
        "matched": matched,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


#: One report's coding: per role, ``(key, spans)`` pairs (spans ``GENERIC`` for a generic actor).
Coded = dict[str, list[tuple[str, list[Span] | str]]]


def sitrep_predictions(tables: Tables, reports: pd.DataFrame, with_sites: bool = True) -> list[Coded]:
    """Each violent report's attacker (``actor1``) and place, as the mention spans of each: the
    place is where the report puts the event, its town (the spans of the place's mentions) and,
    ``with_sites``, the site of its scene in that town (its span)."""
    mentions = tables.read("mentions", columns=["article_id", "start_char", "end_char", "actor_id"])
    places = tables.read("place_mentions", columns=["article_id", "start_char", "end_char", "place_id"])
    persons = tables.read("person_mentions", columns=["article_id", "start_char", "end_char", "person_id"])
    persons["person_id"] = "person:" + persons["person_id"].astype(str)  # a person attacker's actor id
    spans: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for frame, column in ((mentions, "actor_id"), (places, "place_id"), (persons, "person_id")):
        rows = zip(frame["article_id"], frame["start_char"], frame["end_char"], frame[column])
        for article, start, end, value in rows:
            if value:
                spans[(article, value)].append((int(start), int(end)))
    coded = []
    rows = zip(
        reports["article_id"],
        reports["actor1_id"],
        reports["place_id"],
        reports["site"],
        reports["site_span"],
    )
    for article, actor, place, site, site_span in rows:
        attacker = (actor, spans[(article, actor)]) if actor else (GENERIC, GENERIC)
        where = spans[(article, place)] + (offset_spans(site_span) if site and with_sites else [])
        key = place or (f"site:{site_key(site)}" if site and with_sites else "")
        coded.append({"Attacker": [attacker], "Place": [(key, where)] if key else []})
    return coded


def baseline_predictions(nlp, texts: dict[str, str], reports: pd.DataFrame) -> list[Coded]:
    """Each report's sentence's first ORG (else a generic actor) and first GPE or LOC (raw spaCy)."""
    docs = dict(zip(sorted(texts), nlp.pipe(texts[k] for k in sorted(texts))))
    coded = []
    for article, start in zip(reports["article_id"], reports["start_char"]):
        doc = docs[article]
        sentence = doc.char_span(int(start), int(start) + 1, alignment_mode="expand")[0].sent
        orgs = [e for e in sentence.ents if e.label_ == "ORG"]
        gpes = [e for e in sentence.ents if e.label_ in {"GPE", "LOC"}]
        attacker = (
            (orgs[0].text.lower(), [(orgs[0].start_char, orgs[0].end_char)]) if orgs else (GENERIC, GENERIC)
        )
        place = [(gpes[0].text.lower(), [(gpes[0].start_char, gpes[0].end_char)])] if gpes else []
        coded.append({"Attacker": [attacker], "Place": place})
    return coded


def by_document(reports: pd.DataFrame, coded: list[Coded]) -> dict[str, dict[str, list]]:
    """Each document's distinct attackers and places (their spans), over its reports."""
    found: dict[str, dict[str, dict]] = defaultdict(lambda: {role: {} for role in ROLES})
    for article, one in zip(reports["article_id"], coded):
        for role in ROLES:
            for key, spans in one[role]:
                known = found[article][role].setdefault(key, spans)
                if known is not spans and spans != GENERIC:  # two reports at one town: both sites
                    known.extend(s for s in spans if s not in known)
    return {a: {role: list(values.values()) for role, values in roles.items()} for a, roles in found.items()}


def score(predictions: dict[str, dict[str, list]], gold: dict[str, dict[str, list[Entity]]]) -> dict:
    """Attacker linked and named place P/R/F1 over all documents."""
    result = {}
    for role, name in (("Attacker", "attacker_linked"), ("Place", "place")):
        n_gold = n_predicted = matched = 0
        for key, roles in gold.items():
            entities = [e for e in roles[role] if role == "Attacker" or e.named]
            predicted = predictions.get(key, {}).get(role, [])
            n_gold += len(entities)
            n_predicted += len(predicted)
            matched += match(predicted, entities)
        result[name] = prf(n_gold, n_predicted, matched)
    return result


def _reading(reports: pd.DataFrame) -> dict[str, list[tuple[Span, int]]]:
    """Each document's evidence sentences, with the position of the report that read them."""
    read: dict[str, list[tuple[Span, int]]] = defaultdict(list)
    for number, (article, evidence) in enumerate(zip(reports["article_id"], reports["evidence"])):
        read[article] += [(span, number) for span in offset_spans(evidence)]
    return read


def detection(reports: pd.DataFrame, events: Events) -> dict:
    """Gold attack triggers in a sentence a violent report read."""
    read = _reading(reports)
    found = sum(any(s <= t < e for (s, e), _ in read[key]) for key, found in events.items() for t, _ in found)
    total = sum(len(found) for found in events.values())
    return {"triggers": total, "in_a_report": found, "recall": round(found / total, 3) if total else 0.0}


def per_event(reports: pd.DataFrame, predictions: list[Coded], events: Events) -> dict:
    """Over the gold events a report read (trigger in its evidence) that have the argument:
    the share whose report's attacker (place) is one of the event's own arguments."""
    read = _reading(reports)
    result = {}
    for role, name in (("Attacker", "attacker_linked"), ("Place", "place")):
        scored = right = 0
        for key, found in events.items():
            for trigger, own in found:
                entities = [e for e in own[role] if role == "Attacker" or e.named]
                number = next((n for (s, e), n in read[key] if s <= trigger < e), None)
                if not entities or number is None:
                    continue
                scored += 1
                right += bool(match([spans for _, spans in predictions[number][role]], entities))
        result[name] = {
            "events": scored,
            "right": right,
            "share": round(right / scored, 3) if scored else 0.0,
        }
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=WORK / "out-events-wikievents")
    parser.add_argument("--no-extract", action="store_true", help="score the tables already in --out")
    args = parser.parse_args(argv)
    if not (ROOT / "dev.jsonl").exists():
        raise SystemExit(f"WikiEvents not found in {ROOT}")
    nlp = spacy.load(config.default_model())
    texts, gold, events = load(nlp)
    folder = args.out.parent / "wikievents-texts"
    folder.mkdir(parents=True, exist_ok=True)
    for key, text in texts.items():
        (folder / f"{key}.txt").write_text(text, encoding="utf-8")
    seconds = None if args.no_extract else run_extract(folder, args.out, 1)
    tables = Tables(args.out)
    reports = tables.read("event_reports")
    violent = (reports["disorder_type"] == "Political violence") & ~reports["excluded"].astype(bool)
    reports = reports[violent].reset_index(drop=True)
    systems = {
        "sitrep": sitrep_predictions(tables, reports),
        "sitrep_towns_only": sitrep_predictions(tables, reports, with_sites=False),
        "baseline_first_org_gpe": baseline_predictions(nlp, texts, reports),
    }
    results = {
        "date": dt.date.today().isoformat(),
        "model": config.default_model(),
        "corpus": "wikievents dev + test",
        "documents": len(texts),
        "extract_seconds": seconds,
        "gold_attackers": sum(len(g["Attacker"]) for g in gold.values()),
        "gold_attackers_named": sum(e.named for g in gold.values() for e in g["Attacker"]),
        "gold_places": sum(len(g["Place"]) for g in gold.values()),
        "gold_places_named": sum(e.named for g in gold.values() for e in g["Place"]),
        "violent_reports": len(reports),
        "detection": detection(reports, events),
        **{
            name: {**score(by_document(reports, coded), gold), "per_event": per_event(reports, coded, events)}
            for name, coded in systems.items()
        },
    }
    print(json.dumps(results, indent=2))
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
