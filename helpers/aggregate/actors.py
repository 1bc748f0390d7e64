"""The ``actors`` table: one row per actor, counted over linked mentions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from helpers.extract.actor_pronouns import group_pronouns
from helpers.tables import columns, grouped_rows, is_missing


def actors_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per actor, counted over linked mentions.

    Args:
        mentions: Linked actor mentions (``mentions`` rows with an ``actor_id``, plus
            the dictionary's ``country``, ``wikidata`` and ``in_dictionary``): ``article_id``,
            ``text``, ``actor_id``, ``canonical``, ``category``, ``country``,
            ``wikidata``, ``in_dictionary``.

    Returns:
        The ``actors`` columns; ``aliases_seen`` joins the distinct surface forms with
        ``|`` (names, not the "we" or "they" that stand for the actor); for actors outside the
        dictionary ``canonical`` is the most frequent cleaned form. Sorted by ``n_mentions`` descending,
        then ``canonical``.
    """
    if mentions.empty:
        return pd.DataFrame(columns=columns("actors"))
    records = []
    pronouns = group_pronouns()
    for (actor_id,), rows in grouped_rows(
        mentions,
        ["actor_id"],
        ["canonical", "category", "country", "wikidata", "text", "in_dictionary", "article_id"],
    ).items():
        canonical, category, country, wikidata, texts, in_dictionary, articles = zip(*rows)
        records.append(
            {
                "actor_id": actor_id,
                "canonical": _most_frequent(canonical),
                "category": _first(category),
                "country": _first(country),
                "wikidata": _first(wikidata),
                "aliases_seen": "|".join(sorted({t for t in texts if _is_name(str(t), pronouns)})),
                "in_dictionary": _first(in_dictionary),
                "n_mentions": len(rows),
                "n_articles": len({a for a in articles if not is_missing(a)}),
            }
        )
    table = pd.DataFrame.from_records(records, columns=columns("actors"))
    return table.sort_values(["n_mentions", "canonical"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )[columns("actors")]


def _is_name(text: str, pronouns: dict[str, str]) -> bool:
    """Whether a mention's text names its actor: not a pronoun ("We") nor a lower-case
    description headed by a word of ``group_pronouns.csv`` ("the group", "these terrorists"),
    which stand for the actor named before without naming it. "the international coalition"
    and "parliament" are names as written.

    >>> words = {"we": "first", "group": "group", "terrorists": "members"}
    >>> [_is_name(t, words) for t in ("We", "the group", "these terrorists", "the coalition", "ISIS")]
    [False, False, False, True, True]
    """
    words = text.lower().split()
    return (
        bool(words) and text.lower() not in pronouns and (text != text.lower() or words[-1] not in pronouns)
    )


def _most_frequent(values: Iterable) -> object:
    """The most frequent present value, the smallest on a tie (as ``Series.mode().iloc[0]``).

    >>> _most_frequent(["b", "a", "b", "a", None])
    'a'
    """
    counts = Counter(v for v in values if not is_missing(v))
    top = max(counts.values())
    return min(v for v, n in counts.items() if n == top)


def _first(values: Iterable) -> object:
    """The first present value, else ``NaN`` (as ``groupby(...).first()``)."""
    return next((v for v in values if not is_missing(v)), float("nan"))


def count_actors_by_category(mentions: pd.DataFrame) -> pd.DataFrame:
    """Actors and mentions per category (mentions outside the dictionary as ``uncategorised``).

    Args:
        mentions: Linked actor mentions (``mentions`` rows with an ``actor_id``).

    Returns:
        Columns ``category, n_actors, n_mentions, n_articles``, sorted by
        ``n_mentions`` descending, then ``category``.
    """
    frame = mentions.assign(category=mentions["category"].replace("", "uncategorised"))
    counts = (
        frame.groupby("category")
        .agg(
            n_actors=("actor_id", "nunique"),
            n_mentions=("actor_id", "size"),
            n_articles=("article_id", "nunique"),
        )
        .reset_index()
    )
    return counts.sort_values(["n_mentions", "category"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def parties(actors: pd.DataFrame) -> pd.DataFrame:
    """The actors that take part in events: every category but ``media`` (outlets that report).

    >>> actors = pd.DataFrame({"canonical": ["AP", "Army"], "category": ["media", "state_force"]})
    >>> parties(actors)["canonical"].tolist()
    ['Army']
    """
    return actors[actors["category"].fillna("") != "media"]
