"""What the notebook views share: chart sizes, finished figures, evidence columns, empty sections."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown
from matplotlib.figure import Figure

from helpers.run import Tables

#: Bars or nodes a chart shows at most (its title says "top 15 of 1,627").
TOP = 15
#: How evidence rows are sorted: by the article's date and title, then in reading order.
READING_ORDER = ("date", "article", "start_char")


def finished(ax) -> Figure:
    """The figure of ``ax``, finished in the shared style and closed for pyplot."""
    figure = ax.figure
    figure.tight_layout()
    plt.close(figure)
    return figure


def none_found(what: str) -> Markdown:
    """The section's answer when the corpus has nothing to show: "None found: …".

    >>> none_found("no place has coordinates").data
    '*None found: no place has coordinates.*'
    """
    return Markdown(f"*None found: {what}.*")


def evidence_table(
    tables: Tables,
    frame: pd.DataFrame,
    columns: list[str],
    *,
    order: Sequence[str] = READING_ORDER,
    ascending: bool | list[bool] = True,
) -> pd.DataFrame:
    """Every row of ``frame`` (its ``columns``) with the date and title of its article, sorted by ``order``.

    Sentences stay whole: the interactive table wraps them.
    """
    articles = tables.read("articles", columns=["article_id", "date", "title"])
    view = frame[columns].merge(
        articles.rename(columns={"title": "article"}), on="article_id", how="left", validate="many_to_one"
    )
    view = view[["date", "article", *columns]]
    return view.sort_values(list(order), ascending=ascending, kind="stable", ignore_index=True)


def mentions_of(tables: Tables, table: str, key: str, wanted: str | None, *, ranking: str) -> pd.DataFrame:
    """Rows of ``table`` whose ``canonical`` or ``key`` is ``wanted`` (default: the top of ``ranking``)."""
    if wanted is None:
        ranked = tables.read(ranking, columns=[key])
        wanted = ranked[key].iloc[0] if len(ranked) else ""
    rows = tables.read(table)
    return rows[(rows["canonical"] == wanted) | (rows[key] == wanted)]
