"""Casualty benchmarks through the product's own path: ``python -m helpers extract`` on whole corpora.

Three gold sets, each read from ``$SITREP_SHARED/corpora`` (third-party texts,
never copied into the project):

* ``dev``: conflict-news-dev (46 real conflict-news articles from 28 countries,
  hand-made gold). Figure level: a system figure matches a gold figure when its
  span overlaps the gold anchor and the outcome is the same ("detected"), and
  also the bounds agree ("exact"); precision, recall and F1 of both. Scope: of
  the matched figures, how well the system's non-``current`` scope finds the
  gold ``background`` flag (precision, recall). Article toll: the
  ``casualty_totals`` ``best`` of each article and outcome against the gold
  ``article_totals`` (0 when there is none).
* ``gva``: SemEval-2018 Task 5 / Gun Violence Archive (the articles whose
  incident is in the gold): each article's killed and injured ``best`` against
  the incident's counts (exact, within one, mean absolute error).
* ``muc``: MUC-4 test sets tst3 and tst4 (Latin-American terrorism news, upper
  case; tst4 also in mixed case), one .txt file per message: the message's
  killed and injured, summed over its answer-key templates (victim NUMBER per
  group with EFFECT DEATH or INJURY; messages whose count is unknown, "PLURAL",
  for an outcome are not scored for it).

Each is scored side by side with a naive regex ("N killed/injured …") and the
"always 0" floor. Results go to ``benchmarks/results/casualties.json``.

Usage::

    python benchmarks/casualties.py                 # all three
    python benchmarks/casualties.py --only dev      # one corpus (dev, gva, muc)
    python benchmarks/casualties.py --only gva --limit 1000  # a fixed sample, printed, not stored
    python benchmarks/casualties.py --only gva --limit 1000 --offset 3  # another sample

``--limit N`` scores GVA on N of its documents spread evenly through ``docs.jsonl``
(every k-th line), for quick iteration; ``--offset K`` starts the sample at the K-th
line instead of the first, for a sample no earlier round was developed on. Its
scores are printed and not written to the results JSON, which holds whole-corpus
figures only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.extract.casualties.numbers import parse_number
from helpers.ingest import load_corpus
from helpers.run import Tables

REPO = Path(__file__).resolve().parents[1]
SHARED = config.shared_dir() / "corpora"
RESULTS = REPO / "benchmarks" / "results" / "casualties.json"
WORK = REPO / ".sitrep-cache" / "benchmarks"
OUTCOMES = ("killed", "injured", "kidnapped", "missing", "arrested")
#: System rows that are not a figure a reader is given: a repeated paragraph, a duplicate article.
NOT_A_STATEMENT = {"repeat", "duplicate", "credit"}
#: Scopes of figures that report no casualties (the gold leaves hypothetical statements out).
NOT_A_REPORT = {"hypothetical"}

_NUMBER = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
BASELINE = {
    "killed": re.compile(_NUMBER + r"\s+(?:\w+\s+){0,2}?(?:were\s+|was\s+)?(?:killed|dead)\b", re.I),
    "injured": re.compile(
        _NUMBER + r"\s+(?:\w+\s+){0,2}?(?:were\s+|was\s+)?(?:injured|wounded|hurt|shot)\b", re.I
    ),
}


def run_extract(corpus: Path, out: Path) -> float:
    """``python -m helpers extract CORPUS --out OUT``; its wall time in seconds."""
    started = time.perf_counter()
    env = {**os.environ, "SITREP_PROGRESS": "0"}
    subprocess.run(
        [sys.executable, "-m", "helpers", "extract", str(corpus), "--out", str(out)],
        check=True,
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
    )
    return round(time.perf_counter() - started, 1)


def baseline_figures(text: str) -> list[dict]:
    """The naive baseline's figures: every "N killed/injured" match, exact bounds."""
    figures = []
    for outcome, pattern in BASELINE.items():
        for match in pattern.finditer(text):
            value = parse_number(match.group(1))
            if value is not None:
                figures.append(
                    {
                        "start_char": match.start(),
                        "end_char": match.end(),
                        "outcome": outcome,
                        "low": value,
                        "high": value,
                    }
                )
    return figures


def baseline_totals(text: str) -> dict[str, int]:
    """The naive baseline's article toll: the largest figure per outcome."""
    totals = defaultdict(int)
    for figure in baseline_figures(text):
        totals[figure["outcome"]] = max(totals[figure["outcome"]], figure["low"])
    return dict(totals)


def toll_scores(
    predicted: dict[str, dict[str, int]],
    gold: dict[str, dict[str, int]],
    outcomes: tuple[str, ...] = ("killed", "injured"),
) -> dict[str, dict]:
    """Exact, within-one and mean absolute error per outcome (a missing prediction is 0)."""
    result = {}
    for outcome in outcomes:
        pairs = [
            (predicted.get(a, {}).get(outcome, 0), g[outcome])
            for a, g in gold.items()
            if g.get(outcome) is not None
        ]
        errors = [abs(p - g) for p, g in pairs]
        result[outcome] = {
            "articles": len(errors),
            "exact": round(sum(e == 0 for e in errors) / len(errors), 4),
            "within_one": round(sum(e <= 1 for e in errors) / len(errors), 4),
            "mae": round(sum(errors) / len(errors), 3),
        }
    return result


def system_totals(tables: Tables) -> dict[str, dict[str, int]]:
    """Each article's ``best`` per outcome from ``casualty_totals``.

    A near-duplicate copy (counted once, under its story's first article) is given its
    story's toll: the gold scores every copy.
    """
    totals: dict[str, dict[str, int]] = defaultdict(dict)
    frame = tables.read("casualty_totals", columns=["article_id", "outcome", "best"])
    for article_id, outcome, best in frame.itertuples(index=False):
        totals[article_id][outcome] = int(best)
    articles = tables.read("articles", columns=["article_id", "near_duplicate_of"])
    for article_id, story in articles.itertuples(index=False):
        if isinstance(story, str) and story in totals:
            totals[article_id] = dict(totals[story])
    return totals


# --- conflict-news-dev ----------------------------------------------------------------------


def _occurrences(text: str, anchor: str) -> list[tuple[int, int]]:
    """Where ``anchor`` stands in ``text`` (whitespace normalised, as the gold conventions say)."""
    pattern = r"\s+".join(re.escape(word) for word in anchor.split())
    return [m.span() for m in re.finditer(pattern, text)]


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _prf(tp: int, predicted: int, gold: int) -> dict:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "predicted": predicted,
        "gold": gold,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def match_figures(gold: list[dict], system: list[dict], text: str, unscored: list[str]) -> dict:
    """Match system figures to gold figures of one article (one to one, exact bounds first)."""
    ignore = [span for s in unscored for span in _occurrences(text, s)]
    system = [s for s in system if not _overlaps((s["start_char"], s["end_char"]), ignore)]
    anchors = [_occurrences(text, g["anchor"]) for g in gold]
    used: set[int] = set()
    pairs = []
    for exact_pass in (True, False):
        for g_index, (entry, spans) in enumerate(zip(gold, anchors)):
            if any(p[0] == g_index for p in pairs):
                continue
            for s_index, figure in enumerate(system):
                if s_index in used or figure["outcome"] != entry["outcome"]:
                    continue
                if not _overlaps((figure["start_char"], figure["end_char"]), spans):
                    continue
                exact = (figure["low"], figure["high"]) == (entry["low"], entry["high"])
                if exact_pass and not exact:
                    continue
                used.add(s_index)
                pairs.append((g_index, s_index, exact))
                break
    return {"system": system, "pairs": pairs}


def _bound(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def dev_system_figures(tables: Tables) -> dict[str, list[dict]]:
    """The figures the system states, by article: rows with a number, outside repeats and duplicates."""
    rows = tables.read("casualties")
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in rows.to_dict("records"):
        if row["qualifier"] == "unspecified" or row["exclude_reason"] in NOT_A_STATEMENT:
            continue
        if row["scope"] in NOT_A_REPORT:
            continue
        scope = row["scope"]
        by_article[row["article_id"]].append(
            {
                "start_char": int(row["start_char"]),
                "end_char": int(row["end_char"]),
                "outcome": row["outcome"],
                "low": _bound(row["low"]),
                "high": _bound(row["high"]),
                "scope": scope,
                "text": row["text"],
                "sentence": row["sentence"],
            }
        )
    return by_article


def score_dev(out: Path, *, details: bool = False) -> dict:
    """Figure, scope and article-toll scores of conflict-news-dev."""
    root = SHARED / "conflict-news-dev"
    gold = {item["id"]: item for item in json.loads((root / "gold.json").read_text())["items"]}
    texts = {a.article_id: a.text for a in load_corpus(root / "texts")}
    seconds = run_extract(root / "texts", out)
    tables = Tables(out)
    system = dev_system_figures(tables)
    counts = {"system": defaultdict(int), "baseline": defaultdict(int)}
    scope = {"tp": 0, "flagged": 0, "background": 0, "gold_background_missed": 0}
    misses = []
    for article_id, item in sorted(gold.items()):
        text, entries = texts[article_id], item["casualties"]
        unscored = item.get("unscored", {}).get("casualties", [])
        for name, figures in (("system", system.get(article_id, [])), ("baseline", baseline_figures(text))):
            matched = match_figures(entries, figures, text, unscored)
            tally = counts[name]
            tally["gold"] += len(entries)
            tally["predicted"] += len(matched["system"])
            tally["detected"] += len(matched["pairs"])
            tally["exact"] += sum(exact for *_, exact in matched["pairs"])
            if name != "system":
                continue
            paired = {g for g, _, _ in matched["pairs"]}
            for g_index, s_index, exact in matched["pairs"]:
                entry, figure = entries[g_index], matched["system"][s_index]
                is_background = bool(entry.get("background"))
                flagged = figure["scope"] != "current"
                scope["flagged"] += flagged
                scope["background"] += is_background
                scope["tp"] += flagged and is_background
                if details and (flagged != is_background or not exact):
                    misses.append(
                        {
                            "article": article_id,
                            "gold": entry,
                            "system": figure["text"],
                            "low": figure["low"],
                            "high": figure["high"],
                            "scope": figure["scope"],
                            "sentence": figure["sentence"],
                        }
                    )
            scope["gold_background_missed"] += sum(
                1 for i, e in enumerate(entries) if e.get("background") and i not in paired
            )
            if details:
                misses += [
                    {"article": article_id, "gold": e, "system": None}
                    for i, e in enumerate(entries)
                    if i not in paired
                ]
                paired_system = {s for _, s, _ in matched["pairs"]}
                misses += [
                    {
                        "article": article_id,
                        "gold": None,
                        "system": f["text"],
                        "outcome": f["outcome"],
                        "low": f["low"],
                        "scope": f["scope"],
                        "sentence": f["sentence"],
                    }
                    for i, f in enumerate(matched["system"])
                    if i not in paired_system
                ]
    gold_totals = {a: item["article_totals"] for a, item in gold.items()}
    figures = {
        name: {
            "detected": _prf(t["detected"], t["predicted"], t["gold"]),
            "exact": _prf(t["exact"], t["predicted"], t["gold"]),
        }
        for name, t in counts.items()
    }
    result = {
        "articles": len(gold),
        "extract_seconds": seconds,
        "figures": figures,
        "scope": {
            **_prf(scope["tp"], scope["flagged"], scope["background"]),
            "gold_background_not_detected": scope["gold_background_missed"],
        },
        "article_toll": {
            "system": toll_scores(system_totals(tables), gold_totals, OUTCOMES),
            "baseline": toll_scores({a: baseline_totals(texts[a]) for a in gold}, gold_totals),
            "always_0": toll_scores({}, gold_totals, OUTCOMES),
        },
    }
    if details:
        system_totals_ = system_totals(tables)
        result["toll_errors"] = [
            {"article": a, "outcome": o, "gold": g[o], "system": system_totals_.get(a, {}).get(o, 0)}
            for a, g in sorted(gold_totals.items())
            for o in OUTCOMES
            if g[o] != system_totals_.get(a, {}).get(o, 0)
        ]
        result["misses"] = misses
    return result


# --- GVA -----------------------------------------------------------------------------------


def gva_sample(docs: Path, limit: int, work: Path, offset: int = 0) -> Path:
    """A JSONL file of ``limit`` documents spread evenly through ``docs`` (every k-th from ``offset``)."""
    lines = docs.read_text(encoding="utf-8").splitlines()
    step = max(1, len(lines) // limit)
    sample = work / f"gva-sample-{limit}-{offset}.jsonl"
    sample.write_text("\n".join(lines[offset::step][:limit]) + "\n", encoding="utf-8")
    return sample


def score_gva(out: Path, limit: int | None = None, offset: int = 0) -> dict:
    """Article killed/injured against the GVA incident counts (on a sample of ``limit`` documents)."""
    root = SHARED / "semeval2018-task5-gva"
    incidents = {}
    for line in (root / "incidents.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        incidents[record["incident_uri"]] = record
    docs = (
        root / "docs.jsonl" if limit is None else gva_sample(root / "docs.jsonl", limit, out.parent, offset)
    )
    seconds = run_extract(docs, out)
    tables = Tables(out)
    gold, texts, headlines = {}, {}, set()
    for article in load_corpus(docs):
        if not article.loaded:
            continue
        record_id = article.article_id.split(":", 1)[1]
        incident = incidents.get(_incident_of(root).get(record_id))
        if incident is None:
            continue
        gold[article.article_id] = {
            "killed": int(incident["num_killed"]),
            "injured": int(incident["num_injured"]),
        }
        texts[article.article_id] = article.text
        if article.reason.startswith("headline only"):
            headlines.add(article.article_id)
    totals = system_totals(tables)
    with_text = {a: g for a, g in gold.items() if a not in headlines}
    return {
        "articles": len(gold),
        "extract_seconds": seconds,
        "system": toll_scores(totals, gold),
        # Records with a title and no text are read as their headline (scored above since
        # 2026-12-04; before, they were skipped): the articles with a text, as scored before.
        "system_with_text": {"articles": len(with_text), **toll_scores(totals, with_text)},
        "headline_only": {
            "articles": len(headlines),
            "system": toll_scores(totals, {a: gold[a] for a in headlines}),
            "always_0": toll_scores({}, {a: gold[a] for a in headlines}),
        },
        "baseline": toll_scores({a: baseline_totals(t) for a, t in texts.items()}, gold),
        "always_0": toll_scores({}, gold),
    }


_INCIDENTS: dict[Path, dict[str, str]] = {}


def _incident_of(root: Path) -> dict[str, str]:
    if root not in _INCIDENTS:
        mapping = {}
        for line in (root / "docs.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            mapping[record["doc_id"]] = record["incident_id"]
        _INCIDENTS[root] = mapping
    return _INCIDENTS[root]


# --- MUC-4 ---------------------------------------------------------------------------------

MUC_SETS = {
    "tst3": ("tst3/tst3-muc4", "tst3/key-tst3.v2"),
    "tst4": ("tst4/tst4-muc4", "tst4/key-tst4.v2"),
    "tst4-mixed-case": ("tst4/tst4-muc4.mixed-case", "tst4/key-tst4.v2"),
}
_MESSAGE_ID = re.compile(r"^(TST\d-MUC\d-\d{4})\s*$", re.M)


def muc_messages(path: Path) -> dict[str, str]:
    """Message id -> text (the lines after the id line)."""
    text = path.read_text(encoding="latin-1")
    starts = list(_MESSAGE_ID.finditer(text))
    return {
        m.group(1): text[m.end() : (starts[i + 1].start() if i + 1 < len(starts) else len(text))].strip()
        for i, m in enumerate(starts)
    }


def muc_slots(template: str) -> dict[int, list[str]]:
    """Slot number -> its lines (continuation lines belong to the slot above)."""
    slots: dict[int, list[str]] = {}
    current = None
    for line in template.splitlines():
        head = re.match(r"^(\d+)\.\s+[A-Z :]+?\s{2,}(.*)$", line)
        if head:
            current = int(head.group(1))
            slots[current] = [head.group(2).strip()]
        elif current is not None and line.strip():
            slots[current].append(line.strip())
    return slots


def _count(fill: str) -> int | None:
    """A NUMBER fill's count: of the first alternative, "N", "N -" (at least N) or "N - M" (N).

    None when the count is unknown ("PLURAL", "-").
    """
    first = fill.lstrip("? ").split(" / ")[0].strip()
    match = re.match(r"^(\d+)(?:\s*-\s*\d*)?$", first)
    return int(match.group(1)) if match else None


def muc_gold(key: Path) -> dict[str, dict[str, int | None]]:
    """Per message, killed and injured summed over its templates (None when a count is unknown)."""
    totals: dict[str, dict[str, int | None]] = {}
    for template in re.split(r"\n\s*\n", key.read_text(encoding="latin-1")):
        slots = muc_slots(template)
        if 0 not in slots:
            continue
        message = slots[0][0].split()[0]
        totals.setdefault(message, {"killed": 0, "injured": 0})
        if slots.get(1, ["*"])[0].startswith("*"):
            continue
        numbers = {}
        for fill in slots.get(21, []):
            value, _, victim = fill.partition(":")
            numbers[victim.strip()] = _count(value)
        for fill in slots.get(23, []):
            effect, _, victim = fill.partition(":")
            outcome = {"DEATH": "killed", "INJURY": "injured"}.get(
                effect.lstrip("? ").split(" / ")[0].strip()
            )
            if outcome is None or totals[message][outcome] is None:
                continue
            count = numbers.get(victim.strip())
            totals[message][outcome] = None if count is None else totals[message][outcome] + count
    return totals


def muc_relevant(key: Path) -> set[str]:
    """Messages with at least one incident template (the others report no terrorist incident)."""
    relevant = set()
    for template in re.split(r"\n\s*\n", key.read_text(encoding="latin-1")):
        slots = muc_slots(template)
        if 0 in slots and not slots.get(1, ["*"])[0].startswith("*"):
            relevant.add(slots[0][0].split()[0])
    return relevant


def score_muc(work: Path) -> dict:
    """Message killed/injured on MUC-4 tst3, tst4 (upper case) and tst4 (mixed case).

    Scored on all messages, and on the ``relevant`` ones (with an incident
    template): MUC-4 counts terrorist incidents only, so a message about a
    battle between the army and guerrillas has a gold of 0 whatever its toll.
    """
    root = SHARED / "muc34"
    results = {}
    for name, (texts_file, key_file) in MUC_SETS.items():
        corpus = work / f"muc-{name}"
        corpus.mkdir(parents=True, exist_ok=True)
        messages = muc_messages(root / texts_file)
        for message, text in messages.items():
            (corpus / f"{message}.txt").write_text(text + "\n", encoding="utf-8")
        out = work / f"out-muc-{name}"
        seconds = run_extract(corpus, out)
        gold = {
            message: counts for message, counts in muc_gold(root / key_file).items() if message in messages
        }
        system = system_totals(Tables(out))
        baseline = {message: baseline_totals(text) for message, text in messages.items()}
        relevant_gold = {m: counts for m, counts in gold.items() if m in muc_relevant(root / key_file)}
        results[name] = {
            "messages": len(gold),
            "extract_seconds": seconds,
            "system": toll_scores(system, gold),
            "baseline": toll_scores(baseline, gold),
            "always_0": toll_scores({}, gold),
            "relevant": {
                "messages": len(relevant_gold),
                "system": toll_scores(system, relevant_gold),
                "baseline": toll_scores(baseline, relevant_gold),
                "always_0": toll_scores({}, relevant_gold),
            },
        }
    return results


def main(argv: list[str] | None = None) -> dict:
    """Run the benchmarks and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("dev", "gva", "muc"), action="append")
    parser.add_argument("--details", action="store_true", help="print the dev set's misses (for development)")
    parser.add_argument(
        "--limit", type=int, help="GVA only: score N documents spread through the corpus; print, do not store"
    )
    parser.add_argument("--offset", type=int, default=0, help="with --limit: start the sample at this line")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    if args.limit is not None:
        sample = score_gva(WORK / f"out-gva-{args.limit}-{args.offset}", args.limit, args.offset)
        print(json.dumps(sample, indent=1))
        return sample
    wanted = args.only or ["dev", "gva", "muc"]
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() and args.only else {}
    results.update(
        {
            "benchmark": "casualty figures and article tolls through `python -m helpers extract`",
            "date": dt.date.today().isoformat(),
            "model": config.default_model(),
        }
    )
    if "dev" in wanted:
        results["conflict_news_dev"] = score_dev(WORK / "out-dev", details=args.details)
        if args.details:
            details = {k: results["conflict_news_dev"].pop(k) for k in ("toll_errors", "misses")}
            print(json.dumps(details, indent=1, default=str))
    if "gva" in wanted:
        results["gva"] = score_gva(WORK / "out-gva")
    if "muc" in wanted:
        results["muc4"] = score_muc(WORK)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in results.items() if k not in ("benchmark", "date")}, indent=1))
    return results


if __name__ == "__main__":
    main()
