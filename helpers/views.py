"""Display-ready views of the extracted tables: what the notebooks and reports show.

Each function takes the corpus :class:`~helpers.extraction.Tables` and returns a
sorted, limited table (the full tables are written as CSV next to the reports)
or one figure in the shared style.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from . import plots
from .corpus import snippet
from .extraction import Tables

TOP = 15


def _figure(ax) -> Figure:
    """The figure of ``ax``, finished in the shared style and closed for pyplot."""
    figure = ax.figure
    figure.tight_layout()
    plt.close(figure)
    return figure


def _evidence(frame: pd.DataFrame, columns: list[str], *, top: int) -> pd.DataFrame:
    view = frame[columns].head(top).copy()
    if "sentence" in view:
        view["sentence"] = view["sentence"].fillna("").map(snippet)
    return view.reset_index(drop=True)


# --- actors -----------------------------------------------------------------------------

def top_actors(tables: Tables, *, top: int = TOP, in_dictionary: bool | None = None) -> pd.DataFrame:
    """The most mentioned actors (optionally only those in or not in the dictionary)."""
    actors = tables.read("actors")
    if in_dictionary is not None:
        actors = actors[actors["in_dictionary"] == in_dictionary]
    return actors[["canonical", "category", "country", "n_mentions", "n_articles",
                   "aliases_seen"]].head(top).reset_index(drop=True)


def actors_chart(tables: Tables, *, top: int = TOP) -> Figure:
    """Bar chart of the most mentioned actors, coloured by category."""
    actors = tables.read("actors")
    actors = actors.assign(category=actors["category"].replace("", "not in dictionary"))
    return plots.bar_chart(actors, label="canonical", value="n_mentions", color_by="category",
                           title="Most mentioned actors", xlabel="mentions", top=top)


def actors_by_category(tables: Tables) -> pd.DataFrame:
    """Actors, mentions and articles per actor category."""
    from .actors import count_actors_by_category

    mentions = tables.read("mentions", columns=["article_id", "actor_id", "category"])
    return count_actors_by_category(mentions[mentions["actor_id"].fillna("") != ""])


def persons_view(tables: Tables, *, top: int = TOP, role: str = "actor") -> pd.DataFrame:
    """Persons with rank, title and affiliation (``role="author"`` for bylines and editors)."""
    persons = tables.read("persons")
    persons = persons[persons["role"] == role]
    return persons[["canonical", "rank", "title", "affiliation", "variants", "n_mentions",
                    "n_articles"]].head(top).reset_index(drop=True)


def quotes_by_speaker(tables: Tables, *, top: int = TOP) -> pd.DataFrame:
    """Who is quoted, how often, and how (direct, partial, indirect)."""
    quotes = tables.read("quotes")
    quotes = quotes.assign(speaker=quotes["speaker"].replace("", "(unattributed)"))
    counts = pd.crosstab(quotes["speaker"], quotes["kind"])
    counts["total"] = counts.sum(axis=1)
    counts = counts.sort_values(["total"], ascending=False, kind="stable")
    return counts.head(top).rename_axis(columns=None)


def quotes_view(tables: Tables, *, speaker: str | None = None, top: int = TOP) -> pd.DataFrame:
    """Quotes with speaker, cue verb and kind (for one speaker when given)."""
    quotes = tables.read("quotes")
    if speaker is not None:
        quotes = quotes[quotes["speaker"] == speaker]
    view = quotes[["article_id", "start_char", "speaker", "cue", "kind", "quote"]].head(top).copy()
    view["quote"] = view["quote"].map(snippet)
    return view.reset_index(drop=True)


def network_figure(tables: Tables, *, level: str = "sentence") -> Figure:
    """The co-mention network of actors (same sentence or paragraph), drawn deterministically."""
    from .network import co_mention_graph, co_mentions, draw_network

    mentions = tables.read("mentions")
    linked = mentions[mentions["actor_id"].fillna("") != ""]
    graph = co_mention_graph(co_mentions(linked, level=level), actors=tables.read("actors"))
    with plots.style():
        return _figure(draw_network(graph, title=f"Actors named in the same {level}"))


def co_mention_table(tables: Tables, *, level: str = "sentence", top: int = TOP) -> pd.DataFrame:
    """The pairs of actors named together most often, with one evidence sentence."""
    from .network import co_mentions

    mentions = tables.read("mentions")
    pairs = co_mentions(mentions[mentions["actor_id"].fillna("") != ""], level=level)
    columns = [c for c in pairs.columns if c not in ("actor_a", "actor_b")]
    return _evidence(pairs, columns, top=top)


def actor_evidence(tables: Tables, actor: str | None = None, *, top: int = 10) -> pd.DataFrame:
    """The sentences that mention an actor (canonical name or actor id; default the most mentioned)."""
    if actor is None:
        actors = tables.read("actors", columns=["actor_id"])
        actor = actors["actor_id"].iloc[0] if len(actors) else ""
    mentions = tables.read("mentions")
    rows = mentions[(mentions["canonical"] == actor) | (mentions["actor_id"] == actor)]
    return _evidence(rows, ["article_id", "start_char", "end_char", "text", "sentence"], top=top)


# --- places -----------------------------------------------------------------------------

def places_view(tables: Tables, *, top: int = TOP) -> pd.DataFrame:
    """Resolved places of events: name, kind, coordinates, province, precision, counts."""
    places = tables.read("places")
    return places[["canonical", "kind", "lat", "lon", "admin1", "admin1_code", "country",
                   "precision", "n_mentions", "n_articles"]].head(top).reset_index(drop=True)


def places_map(tables: Tables, *, article_id: str | None = None, title: str | None = None) -> Figure:
    """Map of the places (of one article when ``article_id`` is given), sized by mentions."""
    from .maps import draw_places_map

    if article_id is None:
        places = tables.read("places")
    else:
        rows = tables.read("place_mentions")
        places = rows[(rows["article_id"] == article_id) & (rows["role"] != "demonym")]
    with plots.style():
        return _figure(draw_places_map(places, title=title))


def province_map(tables: Tables, *, title: str = "Place mentions by province") -> Figure:
    """Province choropleth of place mentions, with the places as markers."""
    from .maps import draw_places_map

    counts = mentions_by_province(tables, top=None).set_index("admin1_code")["n_mentions"]
    with plots.style():
        return _figure(draw_places_map(tables.read("places"), title=title, choropleth=counts))


def mentions_by_province(tables: Tables, *, top: int | None = TOP) -> pd.DataFrame:
    """Place mentions (demonyms aside) per province (admin1), with articles."""
    rows = tables.read("place_mentions")
    rows = rows[rows["place_id"].notna() & (rows["role"] != "demonym")
                & (rows["admin1_code"].fillna("") != "")]
    counts = (rows.groupby(["admin1_code", "admin1", "country"])
              .agg(n_mentions=("article_id", "size"), n_articles=("article_id", "nunique"))
              .reset_index()
              .sort_values(["n_mentions", "admin1_code"], ascending=[False, True], kind="stable"))
    return (counts if top is None else counts.head(top)).reset_index(drop=True)


def mentions_by_country(tables: Tables, *, top: int = TOP) -> pd.DataFrame:
    """Place mentions and demonyms per country (ISO code)."""
    rows = tables.read("place_mentions")
    rows = rows[rows["country"].fillna("") != ""]
    counts = pd.crosstab(rows["country"], rows["role"])
    counts["total"] = counts.sum(axis=1)
    return counts.sort_values("total", ascending=False, kind="stable").head(top).rename_axis(columns=None)


def datelines_vs_places(tables: Tables, *, top: int = TOP) -> pd.DataFrame:
    """Per article: where it was filed from (dateline) and where its events are (main places)."""
    rows = tables.read("place_mentions")
    datelines = (rows[rows["role"] == "dateline"].groupby("article_id")["canonical"].first()
                 .rename("dateline_place"))
    events = rows[rows["role"] == "event"]
    main = (events.groupby(["article_id", "canonical"]).size().rename("n").reset_index()
            .sort_values(["article_id", "n", "canonical"], ascending=[True, False, True])
            .groupby("article_id")["canonical"].apply(lambda names: "; ".join(names.head(3)))
            .rename("main_event_places"))
    return pd.concat([datelines, main], axis=1).head(top).reset_index()


def unresolved_places(tables: Tables, *, top: int = TOP) -> pd.DataFrame:
    """Place-like mentions left unresolved, with the reason."""
    rows = tables.read("place_mentions")
    rows = rows[rows["place_id"].isna() | (rows["place_id"] == "")]
    return _evidence(rows, ["article_id", "text", "label", "resolution", "sentence"], top=top)


def demonyms_view(tables: Tables) -> pd.DataFrame:
    """Nationality words and the country (or region) they link to."""
    rows = tables.read("place_mentions")
    rows = rows[rows["role"] == "demonym"]
    return (rows.groupby(["text", "canonical", "country"], dropna=False).size()
            .rename("n_mentions").reset_index()
            .sort_values(["n_mentions", "text"], ascending=[False, True], kind="stable")
            .reset_index(drop=True))


def place_evidence(tables: Tables, place: str | None = None, *, top: int = 10) -> pd.DataFrame:
    """The sentences that mention a place (canonical name or place id; default the most mentioned)."""
    if place is None:
        places = tables.read("places", columns=["place_id"])
        place = places["place_id"].iloc[0] if len(places) else ""
    rows = tables.read("place_mentions")
    rows = rows[(rows["canonical"] == place) | (rows["place_id"] == place)]
    return _evidence(rows, ["article_id", "start_char", "text", "role", "sentence"], top=top)
