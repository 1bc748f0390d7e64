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


def network_figure(tables: Tables, *, level: str = "sentence", top: int = 30) -> Figure:
    """The co-mention network of the ``top`` most mentioned actors, drawn deterministically."""
    from .network import co_mention_graph, co_mentions, draw_network

    mentions = tables.read("mentions")
    actors = tables.read("actors")
    keep = set(actors["actor_id"].head(top))
    linked = mentions[mentions["actor_id"].isin(keep)]
    graph = co_mention_graph(co_mentions(linked, level=level), actors=actors)
    with plots.style():
        return _figure(draw_network(graph, title=f"Top {top} actors named in the same {level}"))


def co_mention_table(tables: Tables, *, level: str = "sentence", top: int = TOP) -> pd.DataFrame:
    """The pairs of actors named together most often, with one evidence sentence."""
    from .network import co_mentions

    mentions = tables.read("mentions")
    pairs = co_mentions(mentions[mentions["actor_id"].fillna("") != ""], level=level)
    columns = [c for c in pairs.columns if c not in ("actor_a", "actor_b")]
    return _evidence(pairs, columns, top=top)


def _mentions_of(tables: Tables, table: str, key: str, wanted: str | None, *,
                 ranking: str) -> pd.DataFrame:
    """Rows of ``table`` whose ``canonical`` or ``key`` is ``wanted`` (default: the top of ``ranking``)."""
    if wanted is None:
        ranked = tables.read(ranking, columns=[key])
        wanted = ranked[key].iloc[0] if len(ranked) else ""
    rows = tables.read(table)
    return rows[(rows["canonical"] == wanted) | (rows[key] == wanted)]


def actor_evidence(tables: Tables, actor: str | None = None, *, top: int = 10) -> pd.DataFrame:
    """The sentences that mention an actor (canonical name or actor id; default the most mentioned)."""
    rows = _mentions_of(tables, "mentions", "actor_id", actor, ranking="actors")
    return _evidence(rows, ["article_id", "start_char", "end_char", "text", "sentence"], top=top)


# --- places -----------------------------------------------------------------------------

def places_view(tables: Tables, *, top: int = TOP) -> pd.DataFrame:
    """Resolved places of events: name, kind, coordinates, province, precision, counts."""
    places = tables.read("places")
    return places[["canonical", "kind", "lat", "lon", "admin1", "admin1_code", "country",
                   "precision", "n_mentions", "n_articles"]].head(top).reset_index(drop=True)


def places_map(tables: Tables, *, title: str | None = None) -> Figure:
    """Map of the corpus's places of events, markers sized by mentions."""
    from .maps import draw_places_map

    with plots.style():
        return _figure(draw_places_map(tables.read("places"), title=title))


def article_map(tables: Tables, article_id: str | None = None) -> Figure:
    """Map of one article's places (default: the article naming the most places)."""
    from .maps import draw_places_map

    rows = tables.read("place_mentions")
    rows = rows[rows["role"].isin(["event", "nested", "dateline"]) & rows["lat"].notna()]
    if article_id is None:
        counts = rows.groupby("article_id").size()
        article_id = counts.sort_values(ascending=False, kind="stable").index[0]
    with plots.style():
        return _figure(draw_places_map(rows[rows["article_id"] == article_id],
                                       title=f"Places in article {article_id}"))


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
    rows = _mentions_of(tables, "place_mentions", "place_id", place, ranking="places")
    return _evidence(rows, ["article_id", "start_char", "text", "role", "sentence"], top=top)


# --- casualties -------------------------------------------------------------------------

CASUALTY_VIEW_COLUMNS = ["article_id", "start_char", "text", "outcome", "low", "high", "qualifier",
                         "victim", "victim_group", "perpetrator", "place", "time", "sentence"]


def _counted_figures(tables: Tables) -> pd.DataFrame:
    """Casualty rows that can count: not excluded, not part of a total, with a number."""
    rows = tables.read("casualties")
    rows = rows[~rows["excluded"].astype(bool) & (rows["part_of"].fillna("") == "")
                & rows[["low", "high"]].notna().any(axis=1)]
    return rows.assign(best=rows["low"].fillna(rows["high"]).astype("int64"))


def casualties_view(tables: Tables, *, top: int = 20) -> pd.DataFrame:
    """Every counted casualty figure with its bounds, victims, perpetrator, place and sentence."""
    return _evidence(_counted_figures(tables), CASUALTY_VIEW_COLUMNS, top=top)


def totals_by_outcome(tables: Tables) -> pd.DataFrame:
    """Totals per outcome, summed over articles and over merged incidents.

    Article totals count each article once (a restated figure counts once);
    incident totals merge reports of the same incident (same province or place,
    dates within a day), with ACLED's lowest figure and UCDP's low/best/high.
    """
    totals = tables.read("casualty_totals")
    incidents = tables.read("incidents")
    by_article = totals.groupby("outcome").agg(articles=("article_id", "nunique"),
                                               article_best=("best", "sum"))
    by_incident = incidents.groupby("outcome").agg(
        incidents=("incident_id", "size"), acled_best=("acled_best", "sum"),
        ucdp_low=("ucdp_low", "sum"), ucdp_best=("ucdp_best", "sum"), ucdp_high=("ucdp_high", "sum"))
    return by_article.join(by_incident, how="outer").fillna(0).astype("int64")


def totals_by(tables: Tables, column: str, *, top: int = TOP) -> pd.DataFrame:
    """People per outcome by ``column`` (``victim_group``, ``perpetrator``, ``admin1`` …).

    Within an article, figures of one outcome and group are restatements, so
    the largest counts; articles are then summed.
    """
    rows = _counted_figures(tables)
    rows = rows.assign(**{column: rows[column].fillna("").replace("", "(not stated)")})
    per_article = rows.groupby(["article_id", "outcome", column])["best"].max().reset_index()
    table = (per_article.groupby([column, "outcome"])["best"].sum().unstack("outcome", fill_value=0)
             .rename_axis(columns=None))
    table["total"] = table.sum(axis=1)
    return table.sort_values(["total"], ascending=False, kind="stable").head(top)


def totals_chart(tables: Tables, column: str, *, title: str) -> Figure:
    """Bar chart of :func:`totals_by` (all outcomes together), largest first."""
    table = totals_by(tables, column).reset_index()
    return plots.bar_chart(table, label=column, value="total", title=title, xlabel="people")


def casualty_map(tables: Tables, *, outcome: str = "killed") -> Figure:
    """Province choropleth of people by ``outcome``, with the places of the figures as markers."""
    from .maps import draw_places_map

    rows = _counted_figures(tables)
    rows = rows[rows["outcome"] == outcome]
    places = tables.read("places")
    codes = rows.merge(places[["place_id", "admin1_code"]], on="place_id", how="left")
    per_article = codes.groupby(["article_id", "admin1_code"])["best"].max().reset_index()
    values = per_article.groupby("admin1_code")["best"].sum()
    marked = places[places["place_id"].isin(rows["place_id"])]
    with plots.style():
        return _figure(draw_places_map(marked if len(marked) else places,
                                       title=f"People {outcome} by province", choropleth=values,
                                       choropleth_label=f"people {outcome}"))


def casualty_timeline(tables: Tables) -> pd.DataFrame:
    """Article totals per publication date and outcome (articles without a date left out)."""
    totals = tables.read("casualty_totals")
    dates = tables.read("articles", columns=["article_id", "date"])
    dated = totals.merge(dates, on="article_id")
    dated = dated[dated["date"].fillna("") != ""]
    if dated.empty:
        return pd.DataFrame({"note": ["no article with casualty figures has a publication date"]})
    return (dated.groupby(["date", "outcome"])["best"].sum().unstack("outcome", fill_value=0)
            .rename_axis(columns=None).sort_index())


def incidents_view(tables: Tables, *, top: int = TOP) -> pd.DataFrame:
    """Incidents merged across articles, with conflicting figures side by side."""
    incidents = tables.read("incidents")
    return incidents.sort_values(["acled_best", "incident_id"], ascending=[False, True],
                                 kind="stable").head(top).reset_index(drop=True)


def excluded_figures(tables: Tables, *, top: int = 20) -> pd.DataFrame:
    """Figures found but not counted, with the reason (boilerplate, background, parts …)."""
    rows = tables.read("casualties")
    rows = rows.assign(reason=rows["exclude_reason"].where(
        rows["excluded"].astype(bool),
        ["part of the total at " + p if p else "no number stated" for p in rows["part_of"].fillna("")]))
    counted = _counted_figures(tables).index
    left_out = rows.drop(index=counted)
    return _evidence(left_out, ["article_id", "start_char", "text", "outcome", "low", "reason",
                                "sentence"], top=top)
