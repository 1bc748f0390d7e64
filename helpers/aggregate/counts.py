"""Counting helpers over the mentions table (used by the notebooks and reports)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.knowledge.actors import lookup_key


def count_mentions(
    mentions: pd.DataFrame,
    *,
    by: str = "label",
    labels: Iterable[str] | None = None,
    per_article: bool = False,
    top: int | None = None,
) -> pd.DataFrame:
    """Count mentions by a column, optionally within labels and per article.

    Args:
        mentions: The ``mentions`` table.
        by: Column to count by; ``"normalized"`` counts by the folded text
            (:func:`helpers.knowledge.actors.lookup_key`: case, quotes, "the", possessives).
        labels: Keep only these entity labels.
        per_article: Count within each article (adds ``article_id``).
        top: Keep the ``top`` largest counts (per article when ``per_article``).

    Returns:
        Columns ``[article_id,] <by>, n_mentions, n_articles``, sorted by
        ``n_mentions`` descending, then by value.

    >>> frame = pd.DataFrame({"article_id": ["a", "a", "b"], "label": ["GPE", "ORG", "GPE"],
    ...                       "text": ["Erbil", "KRG", "Erbil"]})
    >>> count_mentions(frame, by="text").values.tolist()
    [['Erbil', 2, 2], ['KRG', 1, 1]]
    """
    frame = mentions if labels is None else mentions[mentions["label"].isin(list(labels))]
    if by == "normalized":
        frame = frame.assign(normalized=frame["text"].map(lookup_key))
    keys = ["article_id", by] if per_article else [by]
    counts = (
        frame.groupby(keys, dropna=False)
        .agg(n_mentions=("article_id", "size"), n_articles=("article_id", "nunique"))
        .reset_index()
    )
    order = (["article_id"] if per_article else []) + ["n_mentions", by]
    ascending = ([True] if per_article else []) + [False, True]
    counts = counts.sort_values(order, ascending=ascending, kind="stable", ignore_index=True)
    if top is not None:
        counts = counts.groupby("article_id").head(top) if per_article else counts.head(top)
    return counts.reset_index(drop=True)
