"""What needs an analyst's eye, for the findings page: tolls whose figures disagree, incidents
whose reports disagree, places not found in the gazetteer, organisations not in the dictionary.

Each list shows its most important rows first (the largest tolls, the most frequent names),
says how many of how many it shows, and links every row to an article's evidence page.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from helpers.aggregate.actors import parties
from helpers.extract.places.resolution import NOT_IN_GAZETTEER
from helpers.knowledge.place_names import reviewable_place_name
from helpers.run import Tables
from helpers.views.page import html_table

#: Rows shown per list (the CSV tables hold every row).
REVIEW_ROWS = 15


def most_mentioned_in(rows: pd.DataFrame, key: str) -> dict[str, str]:
    """``key`` value -> the article that mentions it most (the first by id on a tie).

    >>> rows = pd.DataFrame({"actor_id": ["a", "a", "a", "b"], "article_id": ["x", "y", "y", "x"]})
    >>> most_mentioned_in(rows, "actor_id")
    {'a': 'y', 'b': 'x'}
    """
    if rows.empty:
        return {}
    counts = rows.groupby([key, "article_id"], sort=True).size().reset_index(name="n")
    counts = counts.sort_values([key, "n", "article_id"], ascending=[True, False, True], kind="stable")
    return dict(counts.drop_duplicates(key)[[key, "article_id"]].itertuples(index=False, name=None))


def figures_given(reason: str) -> str:
    """The values a ``review_reason`` lists, without the offsets only a program reads.

    >>> figures_given("figures disagree (119-123: 1, 4; 880-884: 1, 5)")
    '1, 4; 1, 5'
    """
    return "; ".join(re.findall(r":\s*([\d, ]+)", reason or ""))


def disagreeing_tolls(tables: Tables, titles: dict[str, str], links: dict[str, str]) -> pd.DataFrame:
    """Article tolls whose restatements disagree, the largest first."""
    totals = tables.read("casualty_totals")
    review = totals[totals["needs_review"].astype(bool)].sort_values(
        ["best", "article_id"], ascending=[False, True], kind="stable"
    )
    return pd.DataFrame(
        {
            "article": review["article_id"].map(titles).fillna(review["article_id"]),
            "outcome": review["outcome"],
            "best": review["best"],
            "figures given": review["review_reason"].map(figures_given),
            "href": review["article_id"].map(links).fillna(""),
        }
    )


def disagreeing_incidents(tables: Tables, titles: dict[str, str], links: dict[str, str]) -> pd.DataFrame:
    """Incidents whose reports give different tolls, the largest first, linked to the first report."""
    incidents = tables.read("incidents")
    conflicts = incidents[incidents["conflict"].astype(bool)].sort_values(
        ["ucdp_high", "incident_id"], ascending=[False, True], kind="stable"
    )
    first = conflicts["article_ids"].str.split(";").str[0]
    return pd.DataFrame(
        {
            "first report": first.map(titles).fillna(first),
            "outcome": conflicts["outcome"],
            "place": conflicts["place_key"],
            "date": conflicts["date_first"],
            "tolls reported": conflicts["bests"].str.replace(";", ", "),
            "reports": conflicts["n_articles"],
            "href": first.map(links).fillna(""),
        }
    )


def unresolved_places(tables: Tables, links: dict[str, str]) -> pd.DataFrame:
    """Place names not found in the gazetteer, the most frequent first.

    Only names the gazetteer lacks (not names left unresolved for want of evidence) that
    plausibly are places (:func:`~helpers.knowledge.place_names.reviewable_place_name`).
    """
    columns = ["article_id", "text", "place_id", "role", "resolution"]
    places = tables.read("place_mentions", columns=columns)
    missing = (places["place_id"].fillna("") == "") & (places["resolution"] == NOT_IN_GAZETTEER)
    reviewable = places["text"].map(reviewable_place_name).astype(bool)  # object dtype when empty
    rows = places[missing & (places["role"] != "demonym") & reviewable]
    if rows.empty:
        return pd.DataFrame(columns=["as written", "mentions", "href"])
    grouped = rows.groupby("text", sort=True).agg(
        mentions=("article_id", "size"), article=("article_id", "min")
    )
    grouped = grouped.sort_values("mentions", ascending=False, kind="stable").reset_index()
    return pd.DataFrame(
        {
            "as written": grouped["text"],
            "mentions": grouped["mentions"],
            "href": grouped["article"].map(links).fillna(""),
        }
    )


def unknown_organisations(tables: Tables, links: dict[str, str]) -> pd.DataFrame:
    """Organisations found in the text but not in the actor dictionary, the most mentioned first.

    Outlets and media (a dateline's or credit's agency) are not parties, so they are not listed
    here; the findings page names them on a line of their own.
    """
    actors = parties(tables.read("actors"))
    unknown = actors[~actors["in_dictionary"].astype(bool)].sort_values(
        ["n_mentions", "canonical"], ascending=[False, True], kind="stable"
    )
    mentions = tables.read("mentions", columns=["article_id", "actor_id"])
    evidence = most_mentioned_in(mentions[mentions["actor_id"].isin(unknown["actor_id"])], "actor_id")
    return pd.DataFrame(
        {
            "organisation": unknown["canonical"],
            "as written": unknown["aliases_seen"].str.replace("|", ", "),
            "mentions": unknown["n_mentions"],
            "href": [links.get(evidence.get(a, ""), "") for a in unknown["actor_id"]],
        }
    )


def review_html(tables: Tables, links: dict[str, str], whole: dict[str, str] | None = None) -> str:
    """The four review lists, each cut to :data:`REVIEW_ROWS` rows with "15 of 97" above it.

    ``whole`` maps a table to markup saying where all its rows are, shown beside the count.
    """
    whole = whole or {}
    articles = tables.read("articles", columns=["article_id", "title"])
    named = articles[articles["title"].fillna("") != ""]
    titles = dict(zip(named["article_id"], named["title"]))
    lists = {  # title: (rows, the table holding them all)
        "Tolls whose figures disagree": (disagreeing_tolls(tables, titles, links), "casualty_totals"),
        "Incidents whose reports disagree": (disagreeing_incidents(tables, titles, links), "incidents"),
        "Places not found in the gazetteer": (unresolved_places(tables, links), "place_mentions"),
        "Organisations not in the actor dictionary": (unknown_organisations(tables, links), "actors"),
    }
    return "".join(
        f"<h3>{html.escape(title)}</h3>"
        + html_table(
            frame.head(REVIEW_ROWS),
            links={frame.columns[0]: "href"},
            caption=f"{min(REVIEW_ROWS, len(frame)):,} of {len(frame):,}" if len(frame) else "",
            full=whole.get(table, "") if len(frame) > REVIEW_ROWS else "",
        )
        for title, (frame, table) in lists.items()
    )
