"""Notebook 04 (what it cost): casualty figures, totals, incidents and excluded figures."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.run import Tables
from helpers.views import plots
from helpers.views.common import TOP, evidence_table, finished
from helpers.views.maps import draw_places_map

CASUALTY_VIEW_COLUMNS = [
    "article_id",
    "start_char",
    "text",
    "outcome",
    "low",
    "high",
    "qualifier",
    "victim",
    "victim_group",
    "perpetrator",
    "place",
    "time",
    "sentence",
]


def _counted_figures(tables: Tables) -> pd.DataFrame:
    """Casualty rows that can count: not excluded, not part of a total, with a number."""
    rows = tables.read("casualties")
    rows = rows[
        ~rows["excluded"].astype(bool)
        & (rows["part_of"].fillna("") == "")
        & rows[["low", "high"]].notna().any(axis=1)
    ]
    return rows.assign(best=rows["low"].fillna(rows["high"]).astype("int64"))


def casualties_view(tables: Tables, *, top: int = 20) -> pd.DataFrame:
    """Every counted casualty figure with its bounds, victims, perpetrator, place and sentence."""
    return evidence_table(_counted_figures(tables), CASUALTY_VIEW_COLUMNS, top=top)


def totals_by_outcome(tables: Tables) -> pd.DataFrame:
    """Totals per outcome, summed over articles and over merged incidents.

    Article totals count each article once (a restated figure counts once);
    incident totals merge reports of the same incident (same province or place,
    dates within a day), with ACLED's lowest figure and UCDP's low/best/high.
    """
    totals = tables.read("casualty_totals")
    incidents = tables.read("incidents")
    by_article = totals.groupby("outcome").agg(
        articles=("article_id", "nunique"), article_best=("best", "sum")
    )
    by_incident = incidents.groupby("outcome").agg(
        incidents=("incident_id", "size"),
        acled_best=("acled_best", "sum"),
        ucdp_low=("ucdp_low", "sum"),
        ucdp_best=("ucdp_best", "sum"),
        ucdp_high=("ucdp_high", "sum"),
    )
    return by_article.join(by_incident, how="outer").fillna(0).astype("int64")


def totals_by(tables: Tables, column: str, *, top: int = TOP) -> pd.DataFrame:
    """People per outcome by ``column`` (``victim_group``, ``perpetrator``, ``admin1`` …).

    Within an article, figures of one outcome and group are restatements, so
    the largest counts; articles are then summed.
    """
    rows = _counted_figures(tables)
    rows = rows.assign(**{column: rows[column].fillna("").replace("", "(not stated)")})
    per_article = rows.groupby(["article_id", "outcome", column])["best"].max().reset_index()
    table = (
        per_article.groupby([column, "outcome"])["best"]
        .sum()
        .unstack("outcome", fill_value=0)
        .rename_axis(columns=None)
    )
    table["total"] = table.sum(axis=1)
    return table.sort_values(["total"], ascending=False, kind="stable").head(top)


def totals_chart(tables: Tables, column: str, *, title: str) -> Figure:
    """Bar chart of :func:`totals_by` (all outcomes together), largest first."""
    table = totals_by(tables, column).reset_index()
    return plots.bar_chart(table, label=column, value="total", title=title, xlabel="people")


def casualty_map(tables: Tables, *, outcome: str = "killed") -> Figure:
    """Province choropleth of people by ``outcome``, with the places of the figures as markers."""
    rows = _counted_figures(tables)
    rows = rows[rows["outcome"] == outcome]
    places = tables.read("places")
    codes = rows.merge(places[["place_id", "admin1_code"]], on="place_id", how="left")
    per_article = codes.groupby(["article_id", "admin1_code"])["best"].max().reset_index()
    values = per_article.groupby("admin1_code")["best"].sum()
    marked = places[places["place_id"].isin(rows["place_id"])]
    with plots.style():
        return finished(
            draw_places_map(
                marked if len(marked) else places,
                title=f"People {outcome} by province",
                choropleth=values,
                choropleth_label=f"people {outcome}",
            )
        )


def casualty_timeline(tables: Tables) -> pd.DataFrame:
    """Article totals per publication date and outcome (articles without a date left out)."""
    totals = tables.read("casualty_totals")
    dates = tables.read("articles", columns=["article_id", "date"])
    dated = totals.merge(dates, on="article_id")
    dated = dated[dated["date"].fillna("") != ""]
    if dated.empty:
        return pd.DataFrame({"note": ["no article with casualty figures has a publication date"]})
    return (
        dated.groupby(["date", "outcome"])["best"]
        .sum()
        .unstack("outcome", fill_value=0)
        .rename_axis(columns=None)
        .sort_index()
    )


def incidents_view(tables: Tables, *, top: int = TOP) -> pd.DataFrame:
    """Incidents merged across articles, with conflicting figures side by side."""
    incidents = tables.read("incidents")
    return (
        incidents.sort_values(["acled_best", "incident_id"], ascending=[False, True], kind="stable")
        .head(top)
        .reset_index(drop=True)
    )


def excluded_figures(tables: Tables, *, top: int = 20) -> pd.DataFrame:
    """Figures found but not counted, with the reason (boilerplate, background, parts …)."""
    rows = tables.read("casualties")
    rows = rows.assign(
        reason=rows["exclude_reason"].where(
            rows["excluded"].astype(bool),
            ["part of the total at " + p if p else "no number stated" for p in rows["part_of"].fillna("")],
        )
    )
    counted = _counted_figures(tables).index
    left_out = rows.drop(index=counted)
    return evidence_table(
        left_out, ["article_id", "start_char", "text", "outcome", "low", "reason", "sentence"], top=top
    )
