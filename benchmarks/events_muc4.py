"""Events on Latin-American conflict news: where each incident happened, MUC-4.

The messages of the MUC-4 test sets (``../shared/corpora/muc34``: tst3 and tst4, FBIS
translations of 1989–1991 news and broadcasts from El Salvador, Colombia, Peru, Guatemala,
Honduras, Chile, …; in capitals, tst4 also in mixed case) go through ``python -m helpers
extract``. The answer keys give each incident's location ("EL SALVADOR: SAN SALVADOR (CITY)",
"PERU: LIMA (CITY): SAN ISIDRO (NEIGHBORHOOD)", alternatives after " / "). Scored per relevant
message (one with an incident template and a location):

* **country**: an event report of the message lies in a country its templates give;
* **place**: of the messages whose templates name a place below the country, an event report's
  location, second-level division or province is one of those places (names compared without
  case, accents and punctuation: "BOGOTA (CITY)" is Bogotá).

Side by side, the naive baseline of the message's dateline ("SAN SALVADOR, 3 JAN 90 (RADIO
VENCEREMOS) --", where the news was filed): its place and the country of its most populous
reading in the gazetteer.

Usage: ``python benchmarks/events_muc4.py [--out DIR] [--no-extract]``.
Writes ``benchmarks/results/events_muc4.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

from helpers import config
from helpers.knowledge.gazetteer import default_gazetteer
from helpers.knowledge.place_name_keys import normalize_name
from helpers.knowledge.place_ranking import resolve_name
from helpers.run import Tables

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from casualties import MUC_SETS, muc_messages, muc_slots, run_extract  # noqa: E402

ROOT = config.shared_dir() / "corpora" / "muc34"
RESULTS = REPO / "benchmarks" / "results" / "events_muc4.json"
WORK = REPO / ".sitrep-cache" / "benchmarks" / "events-muc4"
#: The location slot of a MUC-4 template.
LOCATION_SLOT = 3
#: One part of a location fill: a name and its kind in brackets ("SAN SALVADOR (CITY)").
_PART = re.compile(r"^(.+?)\s*\(([A-Z ]+)\)$")
#: An alternative written in brackets.
_BRACKETED = re.compile(r"^\((.*)\)$")
#: A MUC-4 dateline: the place before the comma that opens a message ("SAN SALVADOR, 3 JAN 90").
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'-]+?),")


def gold_locations(key: Path) -> dict[str, dict[str, set[str]]]:
    """Per relevant message, the countries (ISO codes) and the places below them (normalised
    names) that its incident templates give."""
    gold: dict[str, dict[str, set[str]]] = {}
    for template in re.split(r"\n\s*\n", key.read_text(encoding="latin-1")):
        slots = muc_slots(template)
        if 0 not in slots or slots.get(1, ["*"])[0].startswith("*"):
            continue
        message = slots[0][0].split()[0]
        for fill in slots.get(LOCATION_SLOT, []):
            for alternative in fill.split(" / "):
                bracketed = _BRACKETED.match(alternative.strip())  # "(HONDURAS: TEGUCIGALPA (CITY))"
                written = bracketed.group(1) if bracketed else alternative
                parts = [p.strip() for p in written.split(":") if p.strip()]
                code = country_code(parts[0]) if parts else ""
                if not code:
                    continue
                entry = gold.setdefault(message, {"countries": set(), "places": set()})
                entry["countries"].add(code)
                for part in parts[1:]:
                    named = _PART.match(part)
                    entry["places"].add(normalize_name(named.group(1) if named else part))
    return gold


def country_code(name: str) -> str:
    """The ISO code of a country named ``name`` ("EL SALVADOR": "SV"), or ""."""
    return next(
        (m.place.country for m in default_gazetteer().candidates(name) if m.place.kind == "country"), ""
    )


def system_locations(tables: Tables) -> dict[str, dict[str, set[str]]]:
    """Per article (message id), the countries and place names of its event reports."""
    reports = tables.read("event_reports")
    found: dict[str, dict[str, set[str]]] = {}
    for row in reports[~reports["excluded"].astype(bool)].to_dict("records"):
        entry = found.setdefault(_message(row["article_id"]), {"countries": set(), "places": set()})
        if row["country"]:
            entry["countries"].add(country_code(row["country"]))
        for column in ("location", "admin2", "admin1"):
            if row[column]:
                entry["places"].add(normalize_name(row[column]))
    return found


def baseline_locations(messages: dict[str, str]) -> dict[str, dict[str, set[str]]]:
    """Per message, its dateline's place and the country of that place's most populous reading."""
    found = {}
    for message, text in messages.items():
        match = _DATELINE.match(text)
        place = resolve_name(match.group(1).strip()) if match else None
        if place is not None:
            found[message] = {"countries": {place.country}, "places": {normalize_name(place.canonical)}}
    return found


def score(found: dict[str, dict[str, set[str]]], gold: dict[str, dict[str, set[str]]]) -> dict:
    """Shares of the gold messages whose country, and whose place below the country, was found."""
    placed = {m: g for m, g in gold.items() if g["places"]}
    country = sum(bool(found.get(m, {}).get("countries", set()) & g["countries"]) for m, g in gold.items())
    place = sum(bool(found.get(m, {}).get("places", set()) & g["places"]) for m, g in placed.items())
    return {
        "messages": len(gold),
        "country": {"right": country, "share": round(country / len(gold), 3) if gold else None},
        "messages_with_a_place": len(placed),
        "place": {"right": place, "share": round(place / len(placed), 3) if placed else None},
    }


def _message(article_id: str) -> str:
    """The message id of an article id ("muc-tst3:TST3-MUC4-0001.txt" or "TST3-MUC4-0001")."""
    return Path(article_id.split(":")[-1]).stem


def main(argv: list[str] | None = None) -> dict:
    """Run the benchmark and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=WORK, help="where the tables of each set go")
    parser.add_argument("--no-extract", action="store_true", help="score tables already in --out")
    args = parser.parse_args(argv)
    results: dict = {"date": dt.date.today().isoformat(), "model": config.default_model()}
    for name, (texts_file, key_file) in MUC_SETS.items():
        messages = muc_messages(ROOT / texts_file)
        corpus, out = args.out / f"muc-{name}", args.out / f"out-muc-{name}"
        seconds = None
        if not args.no_extract:
            corpus.mkdir(parents=True, exist_ok=True)
            for message, text in messages.items():
                (corpus / f"{message}.txt").write_text(text + "\n", encoding="utf-8")
            seconds = run_extract(corpus, out)
        gold = {m: g for m, g in gold_locations(ROOT / key_file).items() if m in messages}
        results[name] = {
            "extract_seconds": seconds,
            "sitrep": score(system_locations(Tables(out)), gold),
            "baseline_dateline": score(baseline_locations(messages), gold),
        }
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return results


if __name__ == "__main__":
    main()
