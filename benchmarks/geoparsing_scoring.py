"""Gold loaders and scorers of ``benchmarks/geoparsing.py`` (one module, so tests can check them).

* :func:`load_gwn`, :func:`load_lgl_style`: gold toponyms of GeoWebNews, LGL and TR-News;
* :func:`load_eupeg`: the stored outputs of nine earlier geoparsers (EUPEG);
* :func:`naive_predictions`: raw spaCy GPE/LOC entities resolved to the most populous match;
* :func:`score`, :func:`pooled`: detection P/R/F1, exact GeoNames id, within 161 km;
* :func:`score_conflict_dev`: places of conflict-news-dev resolved right;
* :func:`us_news_outside`: resolved places outside the US in US news.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.knowledge.gazetteer import Gazetteer, haversine_km

EXCLUDED_GWN_TYPES = {"Language"}
NAIVE_LABELS = {"GPE", "LOC"}
WITHIN_KM = 161
#: The nine systems whose outputs EUPEG stored (``baselines-eupeg/<Corpus>_<System>.txt``).
EUPEG_SYSTEMS = (
    "CamCoder",
    "Edinburgh",
    "CLAVIN",
    "TopoCluster",
    "StanfordNER",
    "SpaCyNER",
    "GeoTxt",
    "DBpedia",
    "Yahoo",
)
#: Kinds of the conflict-news-dev gold and the place kinds of ``place_mentions`` that match them.
GOLD_KINDS = {
    "country": {"country"},
    "admin1": {"admin1"},
    "region": {"region", "admin1"},
    "district": {"admin2", "city", "village"},
    "city": {"city", "village", "admin2"},
    "village": {"city", "village"},
}
#: Roles of place rows that put a place on the map (demonyms name nationalities; ``speaker``: the town
#: a source spoke in, "the military spokesman said in Islamabad", a place of the article all the same).
PLACE_ROLES = ("event", "nested", "dateline", "hospital", "speaker")
#: The United States and its territories (their own ISO 3166-1 codes): home in US news.
US_AND_TERRITORIES = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM"})


def _number(text: str | None) -> float | None:
    return float(text) if text not in (None, "") else None


def load_gwn(path: Path) -> list[dict]:
    """GeoWebNews articles: ``{"id", "text", "gold": [{start, end, geonameid, lat, lon}]}``."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        gold = []
        for top in article.iter("toponym"):
            lat, lon = _number(top.findtext("latitude")), _number(top.findtext("longitude"))
            if lat is None or top.findtext("type") in EXCLUDED_GWN_TYPES:
                continue
            gid = top.findtext("geonamesID")
            gold.append(
                {
                    "start": int(top.findtext("start")),
                    "end": int(top.findtext("end")),
                    "geonameid": int(gid) if gid else None,
                    "lat": lat,
                    "lon": lon,
                }
            )
        docs.append({"id": f"gwn-{article.get('file')}", "text": article.findtext("text"), "gold": gold})
    return docs


def load_lgl_style(path: Path, prefix: str) -> list[dict]:
    """LGL / TR-News articles in the same shape as :func:`load_gwn`."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        gold = []
        for top in article.iter("toponym"):
            tag = top.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            gold.append(
                {
                    "start": int(top.findtext("start")),
                    "end": int(top.findtext("end")),
                    "geonameid": int(tag.get("geonameid")),
                    "lat": float(tag.findtext("lat")),
                    "lon": float(tag.findtext("lon")),
                }
            )
        docs.append(
            {"id": f"{prefix}-{article.get('docid')}", "text": article.findtext("text"), "gold": gold}
        )
    return docs


def load_eupeg(folder: Path, corpus: str, system: str, n_docs: int) -> list[list[dict]]:
    """One system's stored output for a corpus: one list of predictions per document.

    Lines hold ``resolved,,surface,,lat,,lon,,start,,end`` toponyms joined by ``||``
    (see ``baselines-eupeg/SOURCE.md``); EUPEG stored coordinates, not GeoNames ids.
    """
    lines = (folder / f"{corpus}_{system}.txt").read_text(encoding="utf-8").split("\n")[:n_docs]
    docs = []
    for line in lines + [""] * (n_docs - len(lines)):
        predictions = []
        for item in filter(None, line.split("||")):
            fields = item.split(",,")
            if len(fields) < 6:
                continue
            _name, _surface, lat, lon, start, end = fields[-6:]
            located = lat.strip() != "" and lon.strip() != ""
            predictions.append(
                {
                    "start": int(start),
                    "end": int(end),
                    "geonameid": None,
                    "lat": float(lat) if located else None,
                    "lon": float(lon) if located else None,
                }
            )
        docs.append(predictions)
    return docs


def naive_predictions(doc, gazetteer: Gazetteer) -> list[dict]:
    """Each GPE/LOC entity of a raw spaCy doc resolved to its most populous gazetteer match."""
    predictions = []
    for ent in doc.ents:
        if ent.label_ not in NAIVE_LABELS:
            continue
        found = sorted(gazetteer.lookup(ent.text), key=lambda p: (-p.population, -p.precision, p.place_id))
        best = found[0] if found else None
        predictions.append(
            {
                "start": ent.start_char,
                "end": ent.end_char,
                "geonameid": best.geonameid if best else None,
                "lat": best.lat if best else None,
                "lon": best.lon if best else None,
            }
        )
    return predictions


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score(docs: list[dict], predictions: list[list[dict]]) -> dict:
    """Detection P/R/F1, exact-id accuracy and accuracy within 161 km.

    >>> gold = [{"start": 0, "end": 4, "geonameid": 1, "lat": 0.0, "lon": 0.0}]
    >>> score([{"gold": gold}], [[{"start": 0, "end": 4, "geonameid": 1, "lat": 0.5, "lon": 0.0}]])["exact"]
    1.0
    """
    n_pred = n_pred_matched = n_gold = n_gold_found = n_with_id = n_exact = n_within = 0
    has_ids = any(p["geonameid"] is not None for preds in predictions for p in preds)
    for doc, preds in zip(docs, predictions):
        n_pred += len(preds)
        n_pred_matched += sum(any(_overlaps(p, g) for g in doc["gold"]) for p in preds)
        for gold in doc["gold"]:
            n_gold += 1
            match = next((p for p in preds if _overlaps(p, gold)), None)
            n_gold_found += match is not None
            if gold["geonameid"] is not None:
                n_with_id += 1
                n_exact += bool(match and match["geonameid"] == gold["geonameid"])
            if match and match["lat"] is not None:
                n_within += haversine_km(gold["lat"], gold["lon"], match["lat"], match["lon"]) <= WITHIN_KM
    precision = n_pred_matched / n_pred if n_pred else 0.0
    recall = n_gold_found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n_docs": len(docs),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "n_pred_matched": n_pred_matched,
        "n_gold_found": n_gold_found,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "n_gold_with_geonameid": n_with_id,
        "n_exact": n_exact if has_ids else None,
        "exact": round(n_exact / n_with_id, 4) if n_with_id and has_ids else None,
        "n_within_161km": n_within,
        "within_161km": round(n_within / n_gold, 4) if n_gold else None,
    }


def pooled(corpora: dict[str, dict[str, dict]]) -> dict[str, dict]:
    """Every system's measures over the corpora together (counts added, then divided)."""
    systems = next(iter(corpora.values())).keys()
    result = {}
    for system in systems:
        parts = [c[system] for c in corpora.values()]
        total = {
            key: sum(p[key] for p in parts)
            for key in ("n_gold", "n_pred", "n_pred_matched", "n_gold_found", "n_gold_with_geonameid")
        }
        total["n_within_161km"] = sum(p["n_within_161km"] for p in parts)
        precision = total["n_pred_matched"] / total["n_pred"] if total["n_pred"] else 0.0
        recall = total["n_gold_found"] / total["n_gold"]
        exact = None
        if all(p["n_exact"] is not None for p in parts):
            exact = round(sum(p["n_exact"] for p in parts) / total["n_gold_with_geonameid"], 4)
        result[system] = {
            **total,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
            "exact": exact,
            "within_161km": round(total["n_within_161km"] / total["n_gold"], 4),
        }
    return result


# --- conflict-news-dev ---------------------------------------------------------------------


def _occurrences(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Where the surface forms occur in the text (whole words, case-sensitive)."""
    spans = []
    for form in forms:
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            spans.append(match.span())
    return spans


def _iso_of_gn_admin1() -> dict[str, str]:
    table = pd.read_csv(config.DATA_DIR / "geo_admin1.csv", keep_default_na=False)
    return dict(zip(table["gn_code"], table["iso_3166_2"]))


def place_is_right(gold: dict, row: dict, iso_of_gn: dict[str, str]) -> bool:
    """Whether a resolved row is the gold place.

    With a gold GeoNames id the ids must be equal. Without one, the row must be in the
    gold country and division (the GeoNames ``admin1_code`` mapped to ISO 3166-2),
    of a matching kind (:data:`GOLD_KINDS`), and within 161 km of the gold point when
    the gold has one.
    """
    if gold["geonameid"] is not None:
        return not pd.isna(row["geonameid"]) and int(row["geonameid"]) == gold["geonameid"]
    if row["country"] != gold["country"] or row["kind"] not in GOLD_KINDS[gold["kind"]]:
        return False
    if gold["admin1_code"] and row["admin1_code"] != iso_of_gn.get(gold["admin1_code"], gold["admin1_code"]):
        return False
    if gold["lat"] is not None and not pd.isna(row["lat"]):
        return haversine_km(gold["lat"], gold["lon"], row["lat"], row["lon"]) <= WITHIN_KM
    return True


def score_conflict_dev(items: list[dict], texts: dict[str, str], rows: pd.DataFrame) -> dict:
    """Share of gold places resolved right, with every miss and wrong reading listed.

    A gold place (one per distinct place, its first surface form and the others in
    ``also``) is right when a place row (role event, nested, dateline, hospital or speaker) overlapping
    one of its occurrences is that place (:func:`place_is_right`). Resolved rows
    overlapping no gold occurrence and no ``unscored`` string are counted as extra
    places (the gold leaves out demonyms and names inside other names).
    """
    iso_of_gn = _iso_of_gn_admin1()
    rows = rows[rows["role"].isin(PLACE_ROLES)].astype(object)
    rows = rows.where(rows.notna(), None)
    right, errors, extra = 0, [], []
    by_kind: Counter = Counter()
    right_by_kind: Counter = Counter()
    for item in items:
        text = texts[item["id"]]
        mine = rows[rows["article_id"] == item["id"]].to_dict("records")
        covered: list[tuple[int, int]] = []
        for gold in item["places"]:
            spans = _occurrences(text, [gold["mention"], *gold.get("also", [])])
            covered += spans
            found = [r for r in mine if any(r["start_char"] < e and s < r["end_char"] for s, e in spans)]
            ok = any(r["place_id"] and place_is_right(gold, r, iso_of_gn) for r in found)
            by_kind[gold["kind"]] += 1
            right_by_kind[gold["kind"]] += ok
            right += ok
            if not ok:
                errors.append(
                    {
                        "article": item["id"],
                        "mention": gold["mention"],
                        "gold": " ".join(
                            str(gold[k] or "") for k in ("kind", "country", "admin1_code", "geonameid")
                        ),
                        "system": sorted(
                            {
                                f"{r['canonical']} ({r['kind']}, {r['country']}, {r['place_id']})"
                                if r["place_id"]
                                else r["resolution"]
                                for r in found
                            }
                        ),
                    }
                )
        covered += _occurrences(text, item.get("unscored", {}).get("places", []))
        for r in mine:
            if r["place_id"] and not any(r["start_char"] < e and s < r["end_char"] for s, e in covered):
                extra.append(
                    {"article": item["id"], "text": r["text"], "place": f"{r['canonical']} ({r['country']})"}
                )
    n_places = sum(by_kind.values())
    return {
        "n_articles": len(items),
        "n_places": n_places,
        "right": right,
        "accuracy": round(right / n_places, 4),
        "by_kind": {k: {"n": by_kind[k], "right": right_by_kind[k]} for k in sorted(by_kind)},
        "n_extra": len(extra),
        "errors": errors,
        "extra": extra,
    }


def us_news_outside(rows: pd.DataFrame) -> dict:
    """Resolved place mentions (event, nested, dateline) outside the United States and its
    territories, listed (supranational regions such as "Middle East" count as outside)."""
    placed = rows[rows["place_id"].notna() & rows["role"].isin(PLACE_ROLES)]
    outside = placed[~placed["country"].fillna("").isin(US_AND_TERRITORIES)]
    listing = (
        outside.groupby(["text", "canonical", "country"], dropna=False)
        .size()
        .rename("n")
        .reset_index()
        .sort_values(["n", "text"], ascending=[False, True], kind="stable")
    )
    return {
        "n_place_mentions": len(placed),
        "n_outside": len(outside),
        "share_outside": round(len(outside) / len(placed), 4) if len(placed) else 0.0,
        "n_demonyms": int((rows["role"] == "demonym").sum()),
        "outside": listing.to_dict("records"),
    }
