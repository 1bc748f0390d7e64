"""Notebook 03 (where): places, maps, provinces, datelines and unresolved names."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown
from matplotlib.figure import Figure

from helpers.aggregate.outlet_homes import STORY_COLUMNS, outlet_homes, outlet_towns
from helpers.aggregate.places import ASIDE_ROLES
from helpers.run import Tables
from helpers.views.common import evidence_table, map_figure, mentions_of, none_found, resolve


def places_view(tables: Tables) -> pd.DataFrame:
    """Resolved places of events, most mentioned first: name, kind, coordinates, province, precision."""
    places = tables.read("places")
    return places[
        [
            "canonical",
            "kind",
            "lat",
            "lon",
            "admin1",
            "admin1_code",
            "country",
            "precision",
            "n_mentions",
            "n_articles",
        ]
    ].sort_values(["n_mentions", "canonical"], ascending=[False, True], kind="stable", ignore_index=True)


def places_map(tables: Tables, *, title: str = "Places mentioned") -> Figure | Markdown:
    """Map of the corpus's places of events, markers sized by mentions."""
    return map_figure(tables.read("places"), title=title, missing="no place has coordinates")


def article_map(tables: Tables, article_id: str | None = None) -> Figure | Markdown:
    """Map of one article's places (default: the article naming the most places).

    An article id not in the corpus gets "None found" with the closest ids.
    """
    if article_id is not None:
        article_id = resolve(
            article_id, tables.read("articles", columns=["article_id"])["article_id"], kind="article"
        )
        if isinstance(article_id, Markdown):
            return article_id
    rows = tables.read("place_mentions")
    rows = rows[~rows["role"].isin(ASIDE_ROLES) & rows["lat"].notna()]
    if article_id is None and len(rows):
        counts = rows.groupby("article_id").size()
        article_id = counts.sort_values(ascending=False, kind="stable").index[0]
    return map_figure(
        rows[rows["article_id"] == article_id],
        title=f"Places in article {article_id}",
        missing=f"article {article_id} names no place with coordinates"
        if article_id
        else "no article names a place with coordinates",
    )


def province_map(tables: Tables, *, title: str = "Place mentions by province") -> Figure | Markdown:
    """Province choropleth of place mentions, with the places as markers."""
    counts = mentions_by_province(tables).set_index("admin1_code")["n_mentions"]
    return map_figure(
        tables.read("places"), title=title, missing="no place has coordinates", choropleth=counts
    )


def mentions_by_province(tables: Tables, *, top: int | None = None) -> pd.DataFrame:
    """Place mentions (demonyms and outlets aside) per province (admin1), with articles (the ``top``
    if given)."""
    rows = tables.read("place_mentions")
    rows = rows[
        rows["place_id"].notna() & ~rows["role"].isin(ASIDE_ROLES) & (rows["admin1_code"].fillna("") != "")
    ]
    counts = (
        rows.groupby(["admin1_code", "admin1", "country"])
        .agg(n_mentions=("article_id", "size"), n_articles=("article_id", "nunique"))
        .reset_index()
        .sort_values(["n_mentions", "admin1_code"], ascending=[False, True], kind="stable")
    )
    return (counts if top is None else counts.head(top)).reset_index(drop=True)


def mentions_by_country(tables: Tables) -> pd.DataFrame:
    """Place mentions and demonyms per country (ISO code)."""
    rows = tables.read("place_mentions")
    rows = rows[rows["country"].fillna("") != ""]
    counts = pd.crosstab(rows["country"], rows["role"])
    counts["total"] = counts.sum(axis=1)
    return counts.sort_values("total", ascending=False, kind="stable").rename_axis(columns=None)


def datelines_vs_places(tables: Tables) -> pd.DataFrame:
    """Per article: where it was filed from (dateline) and where its events are (main places)."""
    rows = tables.read("place_mentions")
    datelines = (
        rows[rows["role"] == "dateline"].groupby("article_id")["canonical"].first().rename("dateline_place")
    )
    events = rows[rows["role"] == "event"]
    main = (
        events.groupby(["article_id", "canonical"])
        .size()
        .rename("n")
        .reset_index()
        .sort_values(["article_id", "n", "canonical"], ascending=[True, False, True])
        .groupby("article_id")["canonical"]
        .apply(lambda names: "; ".join(names.head(3)))
        .rename("main_event_places")
    )
    places = pd.concat([datelines, main], axis=1).rename_axis("article_id").reset_index()
    columns = ["dateline_place", "main_event_places", "article_id"]
    return evidence_table(tables, places, columns, order=("date", "article"))


def local_outlets(tables: Tables) -> pd.DataFrame | Markdown:
    """The outlets whose stories mostly lie in one US or Canadian state or in one town, learnt from
    the corpus: the events read their bare town names in that state, and place a story that names
    no place in that town (:mod:`helpers.aggregate.outlet_homes`)."""
    places = tables.read("place_mentions", columns=list(STORY_COLUMNS))
    articles = tables.read("articles", columns=["article_id", "outlet"])
    homes, towns = outlet_homes(places, articles), outlet_towns(places, articles)
    if not homes and not towns:
        return none_found("no outlet has three or more articles placed mostly in one state or town")
    rows = []
    for outlet in sorted(homes.keys() | towns.keys()):
        home, town = homes.get(outlet), towns.get(outlet)
        rows.append(
            {
                "outlet": outlet,
                "home_state": home.admin1 if home else "",
                "articles_in_state": home.articles if home else 0,
                "articles_placed": home.placed if home else 0,
                "home_town": town.name if town else "",
                "articles_in_town": town.articles if town else 0,
                "articles_placed_in_a_town": town.placed if town else 0,
            }
        )
    return pd.DataFrame(rows).sort_values(
        ["articles_in_state", "articles_in_town", "outlet"], ascending=[False, False, True], ignore_index=True
    )


def unresolved_places(tables: Tables) -> pd.DataFrame:
    """Place-like mentions left unresolved, with the reason."""
    rows = tables.read("place_mentions")
    rows = rows[rows["place_id"].isna() | (rows["place_id"] == "")]
    columns = ["text", "label", "resolution", "sentence", "article_id", "start_char"]
    return evidence_table(tables, rows, columns)


def demonyms_view(tables: Tables) -> pd.DataFrame:
    """Nationality words and the country (or region) they link to."""
    rows = tables.read("place_mentions")
    rows = rows[rows["role"] == "demonym"]
    return (
        rows.groupby(["text", "canonical", "country"], dropna=False)
        .size()
        .rename("n_mentions")
        .reset_index()
        .sort_values(["n_mentions", "text"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )


def place_evidence(tables: Tables, place: str | None = None) -> pd.DataFrame | Markdown:
    """The sentences that mention a place (canonical name or place id; default the most mentioned).

    A place not in the corpus gets "None found" with the closest names.
    """
    rows = mentions_of(tables, "place_mentions", "place_id", place, ranking="places", kind="place")
    if isinstance(rows, Markdown):
        return rows
    return evidence_table(tables, rows, ["text", "role", "sentence", "article_id", "start_char"])
