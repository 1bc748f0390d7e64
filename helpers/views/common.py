"""What the notebook views share: the table size, finished figures, evidence columns."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from helpers.run import Tables
from helpers.views.corpus import snippet

TOP = 15


def finished(ax) -> Figure:
    """The figure of ``ax``, finished in the shared style and closed for pyplot."""
    figure = ax.figure
    figure.tight_layout()
    plt.close(figure)
    return figure


def evidence_table(frame: pd.DataFrame, columns: list[str], *, top: int) -> pd.DataFrame:
    """The first ``top`` rows of ``columns``, evidence sentences cut to a snippet."""
    view = frame[columns].head(top).copy()
    if "sentence" in view:
        view["sentence"] = view["sentence"].fillna("").map(snippet)
    return view.reset_index(drop=True)


def mentions_of(tables: Tables, table: str, key: str, wanted: str | None, *, ranking: str) -> pd.DataFrame:
    """Rows of ``table`` whose ``canonical`` or ``key`` is ``wanted`` (default: the top of ``ranking``)."""
    if wanted is None:
        ranked = tables.read(ranking, columns=[key])
        wanted = ranked[key].iloc[0] if len(ranked) else ""
    rows = tables.read(table)
    return rows[(rows["canonical"] == wanted) | (rows[key] == wanted)]
