"""The loader's tables: ``articles`` (one row per input) and ``paragraphs`` (kinds and notes)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields

import pandas as pd

from helpers.articles import Article
from helpers.tables import columns


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """The ``articles`` table: one row per input, loaded or skipped.

    Args:
        articles: Articles as loaded.

    Returns:
        The table, with the columns of ``helpers.tables.columns("articles")``.

    >>> articles_frame([Article("a", "a.txt", status="skipped", reason="empty file")]).status.tolist()
    ['skipped']
    """
    names = columns("articles")
    # the article's own columns, read directly (``asdict`` would deep-copy every paragraph)
    own = [field.name for field in fields(Article) if field.name in names]
    rows = []
    for article in articles:
        row = {key: getattr(article, key) for key in own}
        kinds = [p.kind for p in article.paragraphs]
        row.update(
            n_paragraphs=len(kinds),
            n_words=len(article.text.split()),
            n_repeats=kinds.count("repeat"),
            n_boilerplate=kinds.count("boilerplate"),
            n_pages=len(article.page_starts) or None,
        )
        rows.append(row)
    frame = pd.DataFrame(rows, columns=names)
    return frame.astype(
        {
            "record": "Int64",
            "n_paragraphs": "int64",
            "n_words": "int64",
            "n_repeats": "int64",
            "n_boilerplate": "int64",
            "n_pages": "Int64",
            "near_duplicate_similarity": "Float64",
        }
    )


def paragraph_rows(article: Article) -> list[dict]:
    """The ``paragraphs`` table rows of one article (kinds and notes, with text).

    Args:
        article: An article as loaded.

    Returns:
        One row per paragraph, in order.
    """
    return [
        {
            "article_id": article.article_id,
            "paragraph": p.index,
            "start_char": p.start,
            "end_char": p.end,
            "kind": p.kind,
            "note": p.note,
            "page": p.page,
            "text": article.text[p.start : p.end],
        }
        for p in article.paragraphs
    ]
