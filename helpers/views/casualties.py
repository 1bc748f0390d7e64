"""Notebook 04 (what it cost): casualty figures, totals, incidents and excluded figures."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown
from matplotlib.figure import Figure

from helpers.extract.casualties.casualties import OUTCOMES
from helpers.run import Tables
from helpers.views import plots
from helpers.views.common import evidence_table, map_figure, none_found, resolve

CASUALTY_VIEW_COLUMNS = [
    "text",
    "outcome",
    "low",
    "high",
    "qualifier",
    "victim",
    "victim_group",
    "victim_side",
    "perpetrator",
    "place",
    "time",
    "sentence",
    "article_id",
    "start_char",
]


def _counted_figures(tables: Tables) -> pd.DataFrame:
    """Casualty rows that count: current, not excluded, not part of a total, with a number, and
    not restating another figure (``superseded_by``)."""
    rows = tables.read("casualties")
    rows = rows[
        ~rows["excluded"].astype(bool)
        & (rows["part_of"].fillna("") == "")
        & (rows["superseded_by"].fillna("") == "")
        & rows[["low", "high"]].notna().any(axis=1)
    ]
    return rows.assign(best=rows["low"].fillna(rows["high"]).astype("int64"))


def casualties_view(tables: Tables) -> pd.DataFrame:
    """Every counted casualty figure with its bounds, victims, perpetrator, place and sentence."""
    return evidence_table(tables, _counted_figures(tables), CASUALTY_VIEW_COLUMNS)


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


def totals_by(tables: Tables, column: str) -> pd.DataFrame:
    """People per outcome by ``column`` (``victim_group``, ``victim_side``, ``perpetrator``, ``admin1`` …).

    Sums the figures that count (restatements stand aside, see ``superseded_by``);
    figures that count killed and injured together ("four were shot") are under injured.
    """
    rows = _counted_figures(tables)
    rows = rows.assign(**{column: rows[column].fillna("").replace("", "(not stated)")})
    table = (
        rows.groupby([column, "outcome"])["best"]
        .sum()
        .unstack("outcome", fill_value=0)
        .rename_axis(columns=None)
    )
    table["total"] = table.sum(axis=1)
    return table.sort_values(["total"], ascending=False, kind="stable")


def totals_chart(tables: Tables, column: str, *, title: str) -> Figure | Markdown:
    """Bar chart of :func:`totals_by` (all outcomes together), largest first."""
    table = totals_by(tables, column).reset_index()
    if table.empty:
        return none_found("no casualty figure counts")
    return plots.bar_chart(table, label=column, value="total", title=title, xlabel="people")


def outcome_side_chart(tables: Tables) -> Figure | Markdown:
    """People per outcome (killed, injured …), each bar split by the victims' side."""
    table = totals_by(tables, "victim_side").drop(columns="total").T
    if table.empty:
        return none_found("no casualty figure counts")
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    return plots.stacked_bar_chart(
        table, title="People harmed by outcome and victim side", xlabel="people", legend="victim side"
    )


def casualty_map(tables: Tables, *, outcome: str = "killed") -> Figure | Markdown:
    """Province choropleth of people by ``outcome``, with the places of the figures as markers.

    An outcome spelt wrong gets "None found" with the closest outcomes.
    """
    outcome = resolve(outcome, OUTCOMES, kind="outcome")
    if isinstance(outcome, Markdown):
        return outcome
    rows = _counted_figures(tables)
    rows = rows[rows["outcome"] == outcome]
    places = tables.read("places")
    codes = rows.merge(places[["place_id", "admin1_code"]], on="place_id", how="left")
    values = codes.groupby("admin1_code")["best"].sum()
    return map_figure(
        places[places["place_id"].isin(rows["place_id"])],
        title=f"People {outcome} by province",
        missing=f"no figure of people {outcome} has a place with coordinates",
        unit=f"people {outcome}",
        choropleth=values,
        choropleth_label=f"people {outcome}",
    )


def casualty_timeline(tables: Tables) -> pd.DataFrame:
    """Article totals per publication date and outcome (articles without a date left out)."""
    totals = tables.read("casualty_totals")
    dates = tables.read("articles", columns=["article_id", "date"])
    dated = totals.merge(dates, on="article_id")
    dated = dated[dated["date"].fillna("") != ""]
    return (
        dated.groupby(["date", "outcome"])["best"]
        .sum()
        .unstack("outcome", fill_value=0)
        .rename_axis(columns=None)
        .sort_index()
    )


def timeline_chart(tables: Tables) -> Figure | Markdown:
    """:func:`casualty_timeline` as stacked bars, one colour per outcome."""
    table = casualty_timeline(tables)
    if table.empty:
        return none_found("no article with casualty figures has a publication date")
    return plots.timeline_chart(table, title="People harmed, by publication date", ylabel="people")


def incidents_view(tables: Tables) -> pd.DataFrame:
    """Incidents merged across articles, largest first, with conflicting figures side by side."""
    incidents = tables.read("incidents")
    return incidents.sort_values(
        ["acled_best", "incident_id"], ascending=[False, True], kind="stable", ignore_index=True
    )


def tolls_to_review(tables: Tables) -> pd.DataFrame:
    """Article tolls whose figures disagree (an analyst should read the sources), largest first."""
    totals = tables.read("casualty_totals")
    flagged = totals[totals["needs_review"].astype(bool)]
    columns = ["outcome", "best", "low", "high", "review_reason", "article_id"]
    return evidence_table(tables, flagged, columns, order=("best", "article"), ascending=[False, True])


def excluded_figures(tables: Tables) -> pd.DataFrame:
    """Figures found but not counted, with their scope and why: background or cumulative
    (with the cue), a restatement of another figure, a part of a total, boilerplate …"""
    rows = tables.read("casualties")
    left_out = rows.drop(index=_counted_figures(tables).index)
    left_out = left_out.assign(reason=[_reason(row) for row in left_out.to_dict("records")])
    columns = ["text", "outcome", "low", "scope", "reason", "sentence", "article_id", "start_char"]
    return evidence_table(tables, left_out, columns)


def _reason(row: dict) -> str:
    """Why a figure does not count, in words (scope reasons quote their cue)."""
    if row["excluded"] and row["scope"] != "current":
        return f"{row['scope']}: {row['scope_reason']} ({row['scope_cue']})"
    if row["excluded"]:
        return row["exclude_reason"]
    if row["superseded_by"]:
        return f"restates the figure at {row['superseded_by']}"
    if row["part_of"]:
        return f"part of the total at {row['part_of']}"
    return "no number stated"
