"""Incidents across articles: reports of the same event merged, their figures side by side."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import pandas as pd

from helpers.aggregate.totals import mode_of
from helpers.articles import Article
from helpers.tables import columns, grouped_rows, is_missing


def merge_incidents(
    totals: pd.DataFrame,
    articles: pd.DataFrame | Sequence[Article],
    *,
    places: pd.DataFrame | None = None,
    window_days: int = 1,
) -> pd.DataFrame:
    """Merge reports of the same incident across articles and show where they disagree.

    Rule: two article totals describe the same incident when they have the same
    ``outcome``, the same place key (``admin1`` when known, else ``place_id``;
    taken from the totals, else from the article's most frequent place in
    ``places``) and article dates within ``window_days`` of each other
    (chained: A~B and B~C merge A, B, C). Articles without a place or date are
    never merged (each is its own incident).

    Conflicting figures are kept side by side: ``acled_best`` is the lowest
    article ``best`` (ACLED codes the most conservative report), and UCDP's
    triple is ``ucdp_low`` (lowest ``low``/``best``), ``ucdp_best`` (median of
    article ``best`` values, rounded down) and ``ucdp_high`` (highest
    ``high``/``best``). ``conflict`` is True when the articles' ``best`` differ.

    Args:
        totals: Output of :func:`casualty_totals`.
        articles: Articles, or a DataFrame with ``article_id`` and ``date``.
        places: Optional place rows (``article_id``, ``place_id``, ``admin1``).
        window_days: Date window for the same incident.

    Returns:
        One row per incident and outcome: ``incident_id, outcome, place_key,
        date_first, date_last, n_articles, article_ids, bests, acled_best,
        ucdp_low, ucdp_best, ucdp_high, conflict``.
    """
    if totals.empty:
        return pd.DataFrame(columns=columns("incidents"))
    if isinstance(articles, pd.DataFrame):
        dates = dict(zip(articles["article_id"], articles["date"]))
    else:
        dates = {a.article_id: a.date for a in articles}
    fallback_place: dict[str, Any] = {}
    if places is not None and not places.empty:
        keyed = places.assign(_key=places["admin1"].where(places["admin1"].notna(), places["place_id"]))
        fallback_place = {
            aid: mode_of(key for (key,) in rows)
            for (aid,), rows in grouped_rows(keyed, ["article_id"], ["_key"]).items()
        }
    frame = totals.copy()
    frame["place_key"] = [
        a1 if not is_missing(a1) else (pid if not is_missing(pid) else fallback_place.get(aid))
        for a1, pid, aid in zip(frame["admin1"], frame["place_id"], frame["article_id"])
    ]
    frame["date"] = pd.to_datetime(frame["article_id"].map(dates), errors="coerce")
    rows = frame.to_dict("records")  # plain dicts: a pandas row per totals row is slow on large corpora
    dated = [r for r in rows if not pd.isna(r["place_key"]) and not pd.isna(r["date"])]
    by_place: dict[tuple, list[dict]] = defaultdict(list)
    for row in dated:
        by_place[row["outcome"], row["place_key"]].append(row)
    records = []
    for (outcome, place_key), group in sorted(by_place.items(), key=lambda item: item[0]):
        cluster: list[dict] = []
        for row in sorted(group, key=lambda r: (r["date"], r["article_id"])):
            if cluster and (row["date"] - cluster[-1]["date"]).days > window_days:
                records.append(_incident(cluster, outcome, place_key))
                cluster = []
            cluster.append(row)
        records.append(_incident(cluster, outcome, place_key))
    for row in rows:
        if pd.isna(row["place_key"]) or pd.isna(row["date"]):
            records.append(_incident([row], row["outcome"], row["place_key"]))
    result = pd.DataFrame.from_records(records, columns=columns("incidents")[1:])
    result.insert(0, "incident_id", [f"I{i + 1:04d}" for i in range(len(result))])
    return result


def _incident(cluster: list[dict], outcome: str, place_key: Any) -> dict:
    bests = [int(r["best"]) for r in cluster]
    lows = [int(r["low"]) if not pd.isna(r["low"]) else int(r["best"]) for r in cluster]
    highs = [int(r["high"]) if not pd.isna(r["high"]) else int(r["best"]) for r in cluster]
    dates = [r["date"] for r in cluster if not pd.isna(r["date"])]
    return {
        "outcome": outcome,
        "place_key": place_key,
        "date_first": min(dates).date().isoformat() if dates else "",
        "date_last": max(dates).date().isoformat() if dates else "",
        "n_articles": len(cluster),
        "article_ids": ";".join(str(r["article_id"]) for r in cluster),
        "bests": ";".join(str(b) for b in bests),
        "acled_best": min(bests),
        "ucdp_low": min(lows + bests),
        "ucdp_best": sorted(bests)[(len(bests) - 1) // 2],
        "ucdp_high": max(highs + bests),
        "conflict": len(set(bests)) > 1,
    }
