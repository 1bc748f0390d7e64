"""Notebook 02 (who is involved): actors, persons, quotes and the co-mention network."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.aggregate.actors import count_actors_by_category
from helpers.run import Tables
from helpers.views import plots
from helpers.views.common import TOP, evidence_table, finished, mentions_of
from helpers.views.corpus import snippet
from helpers.views.network import co_mention_graph, co_mentions, draw_network


def top_actors(tables: Tables, *, top: int = TOP, in_dictionary: bool | None = None) -> pd.DataFrame:
    """The most mentioned actors (optionally only those in or not in the dictionary)."""
    actors = tables.read("actors")
    if in_dictionary is not None:
        actors = actors[actors["in_dictionary"] == in_dictionary]
    return (
        actors[["canonical", "category", "country", "n_mentions", "n_articles", "aliases_seen"]]
        .head(top)
        .reset_index(drop=True)
    )


def actors_chart(tables: Tables, *, top: int = TOP) -> Figure:
    """Bar chart of the most mentioned actors, coloured by category."""
    actors = tables.read("actors")
    actors = actors.assign(category=actors["category"].replace("", "not in dictionary"))
    return plots.bar_chart(
        actors,
        label="canonical",
        value="n_mentions",
        color_by="category",
        title="Most mentioned actors",
        xlabel="mentions",
        top=top,
    )


def actors_by_category(tables: Tables) -> pd.DataFrame:
    """Actors, mentions and articles per actor category."""
    mentions = tables.read("mentions", columns=["article_id", "actor_id", "category"])
    return count_actors_by_category(mentions[mentions["actor_id"].fillna("") != ""])


def state_actors_by_country(tables: Tables, *, top: int = TOP) -> pd.DataFrame:
    """State forces and government bodies per country: how many, how often, which.

    Returns:
        Columns ``country``, ``n_actors``, ``n_mentions``, ``n_articles`` (articles of the
        most mentioned body) and ``actors`` (canonical names, most mentioned first), sorted by
        mentions.
    """
    actors = tables.read("actors")
    state = actors[
        actors["category"].isin(["state_force", "government"]) & (actors["country"].fillna("") != "")
    ]
    if state.empty:
        return pd.DataFrame(columns=["country", "n_actors", "n_mentions", "n_articles", "actors"])
    state = state.sort_values("n_mentions", ascending=False, kind="stable")
    table = state.groupby("country", sort=False).agg(
        n_actors=("actor_id", "size"),
        n_mentions=("n_mentions", "sum"),
        n_articles=("n_articles", "max"),
        actors=("canonical", lambda names: ", ".join(names)),
    )
    return table.sort_values("n_mentions", ascending=False, kind="stable").reset_index().head(top)


def persons_view(tables: Tables, *, top: int = TOP, role: str = "actor") -> pd.DataFrame:
    """Persons with rank, title and affiliation (``role="author"`` for bylines and editors)."""
    persons = tables.read("persons")
    persons = persons[persons["role"] == role]
    return (
        persons[["canonical", "rank", "title", "affiliation", "variants", "n_mentions", "n_articles"]]
        .head(top)
        .reset_index(drop=True)
    )


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
    mentions = tables.read("mentions")
    actors = tables.read("actors")
    keep = set(actors["actor_id"].head(top))
    linked = mentions[mentions["actor_id"].isin(keep)]
    graph = co_mention_graph(co_mentions(linked, level=level), actors=actors)
    with plots.style():
        return finished(draw_network(graph, title=f"Top {top} actors named in the same {level}"))


def co_mention_table(tables: Tables, *, level: str = "sentence", top: int = TOP) -> pd.DataFrame:
    """The pairs of actors named together most often, with one evidence sentence."""
    mentions = tables.read("mentions")
    pairs = co_mentions(mentions[mentions["actor_id"].fillna("") != ""], level=level)
    columns = [c for c in pairs.columns if c not in ("actor_a", "actor_b")]
    return evidence_table(pairs, columns, top=top)


def actor_evidence(tables: Tables, actor: str | None = None, *, top: int = 10) -> pd.DataFrame:
    """The sentences that mention an actor (canonical name or actor id; default the most mentioned)."""
    rows = mentions_of(tables, "mentions", "actor_id", actor, ranking="actors")
    return evidence_table(rows, ["article_id", "start_char", "end_char", "text", "sentence"], top=top)
