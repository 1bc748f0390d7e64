"""Notebook 02 (who is involved): actors, persons, quotes and the co-mention network."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown
from matplotlib.figure import Figure

from helpers.aggregate.actors import count_actors_by_category, parties
from helpers.run import Tables
from helpers.views import plots
from helpers.views.common import TOP, evidence_table, finished, mentions_of, none_found
from helpers.views.network import LEVELS, co_mention_graph, co_mentions, draw_network, network_alt_text


def top_actors(tables: Tables, *, in_dictionary: bool | None = None) -> pd.DataFrame:
    """Every actor, most mentioned first (optionally only those in or not in the dictionary).

    Outlets (category ``media``) are not listed among the actors missing from the dictionary:
    they report, they do not take part.
    """
    actors = tables.read("actors")
    if in_dictionary is not None:
        actors = actors[actors["in_dictionary"] == in_dictionary]
    if in_dictionary is False:
        actors = parties(actors)
    columns = ["canonical", "category", "country", "n_mentions", "n_articles", "aliases_seen", "actor_id"]
    return _most_mentioned(actors[columns])


def _most_mentioned(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(
        ["n_mentions", "canonical"], ascending=[False, True], kind="stable", ignore_index=True
    )


def actors_chart(tables: Tables, *, top: int = TOP) -> Figure | Markdown:
    """Bar chart of the most mentioned actors, coloured by category."""
    actors = tables.read("actors")
    if actors.empty:
        return none_found("no actor is named")
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


def state_actors_by_country(tables: Tables) -> pd.DataFrame:
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
    return table.sort_values("n_mentions", ascending=False, kind="stable").reset_index()


def persons_view(tables: Tables, *, role: str = "actor") -> pd.DataFrame:
    """Persons with rank, title and affiliation, most mentioned first (``role="author"``: bylines)."""
    persons = tables.read("persons")
    persons = persons[persons["role"] == role]
    return _most_mentioned(
        persons[["canonical", "rank", "title", "affiliation", "variants", "n_mentions", "n_articles"]]
    )


def quotes_by_speaker(tables: Tables) -> pd.DataFrame:
    """Who is quoted, how often, and how (direct, partial, indirect), most quoted first."""
    quotes = tables.read("quotes")
    quotes = quotes.assign(speaker=quotes["speaker"].replace("", "(unattributed)"))
    counts = pd.crosstab(quotes["speaker"], quotes["kind"])
    counts["total"] = counts.sum(axis=1)
    return counts.sort_values(["total"], ascending=False, kind="stable").rename_axis(columns=None)


def quotes_view(tables: Tables, *, speaker: str | None = None) -> pd.DataFrame:
    """Quotes with speaker, cue verb and kind (for one speaker when given), in reading order."""
    quotes = tables.read("quotes")
    if speaker is not None:
        quotes = quotes[quotes["speaker"] == speaker]
    return evidence_table(tables, quotes, ["speaker", "cue", "kind", "quote", "article_id", "start_char"])


def network_figure(tables: Tables, *, level: str = "sentence", top: int = 30) -> Figure | Markdown:
    """The co-mention network of the ``top`` most mentioned actors, drawn deterministically."""
    mentions = tables.read("mentions")
    actors = tables.read("actors").sort_values("n_mentions", ascending=False, kind="stable")
    keep = set(actors["actor_id"].head(top))
    linked = mentions[mentions["actor_id"].isin(keep)]
    graph = co_mention_graph(co_mentions(linked, level=level), actors=actors)
    if graph.number_of_edges() == 0:
        return none_found(f"no two actors are named in the same {level}")
    shown = f"the top {top} of {len(actors):,} actors" if len(actors) > top else f"the {len(actors):,} actors"
    title = f"Which of {shown} are named in the same {level}"
    with plots.style():
        figure = finished(draw_network(graph, title=title))
    return plots.with_alt_text(figure, network_alt_text(graph, title=title))


def co_mention_table(tables: Tables, *, level: str = "sentence") -> pd.DataFrame:
    """Every pair of actors named together, most often first, with one evidence sentence."""
    mentions = tables.read("mentions")
    pairs = co_mentions(mentions[mentions["actor_id"].fillna("") != ""], level=level)
    columns = [c for c in pairs.columns if c not in ("actor_a", "actor_b")]
    count = LEVELS[level][1]
    return evidence_table(
        tables, pairs, columns, order=(count, "canonical_a", "canonical_b"), ascending=[False, True, True]
    )


def actor_evidence(tables: Tables, actor: str | None = None) -> pd.DataFrame | Markdown:
    """The sentences that mention an actor (canonical name or actor id; default the most mentioned).

    An actor not in the corpus gets "None found" with the closest names.
    """
    rows = mentions_of(tables, "mentions", "actor_id", actor, ranking="actors", kind="actor")
    if isinstance(rows, Markdown):
        return rows
    return evidence_table(tables, rows, ["text", "sentence", "article_id", "start_char", "end_char"])
