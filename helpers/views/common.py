"""What the notebook views share: chart sizes, finished figures, evidence columns, empty sections."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown
from matplotlib.figure import Figure

from helpers.run import Tables
from helpers.views import plots
from helpers.views.maps import draw_places_map, located, map_alt_text

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


def map_figure(
    places: pd.DataFrame, *, title: str, missing: str, unit: str = "mentions", **options
) -> Figure | Markdown:
    """A map of ``places`` (:func:`~helpers.views.maps.draw_places_map` ``options``) with its alt
    text, or "None found: ``missing``" when no place has coordinates."""
    if located(places).empty:
        return none_found(missing)
    with plots.style():
        figure = finished(draw_places_map(places, title=title, **options))
    values = options.get("choropleth")
    return plots.with_alt_text(figure, map_alt_text(places, title=title, values=values, unit=unit))


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


def resolve(wanted: str, known: Iterable[str], *, kind: str) -> str | Markdown:
    """``wanted`` as one of the ``known`` values (ignoring case), or "None found" with the
    closest known values (a parameter spelt wrong gets a hint, not an empty table).

    >>> resolve("islamic state", ["Islamic State", "Iraqi army"], kind="actor")
    'Islamic State'
    >>> resolve("Islamc State", ["Islamic State", "Iraqi army"], kind="actor").data
    "*None found: 'Islamc State' is not a known actor; did you mean Islamic State?*"
    """
    by_folded = {value.casefold(): value for value in sorted({str(v) for v in known if v})}
    if wanted.casefold() in by_folded:
        return by_folded[wanted.casefold()]
    close = difflib.get_close_matches(wanted.casefold(), by_folded, n=5, cutoff=0.6)
    hint = "; did you mean " + " or ".join(by_folded[c] for c in close) + "?" if close else ""
    return Markdown(f"*None found: {wanted!r} is not a known {kind}{hint}*")


def mentions_of(
    tables: Tables, table: str, key: str, wanted: str | None, *, ranking: str, kind: str
) -> pd.DataFrame | Markdown:
    """Rows of ``table`` whose ``canonical`` or ``key`` is ``wanted`` (default: the top of ``ranking``,
    a ``kind`` of thing); a name or id not in ``ranking`` gets :func:`resolve`'s hint."""
    ranked = tables.read(ranking, columns=[key, "canonical"])
    if wanted is None:
        wanted = ranked[key].iloc[0] if len(ranked) else ""
    else:
        wanted = resolve(wanted, [*ranked[key], *ranked["canonical"]], kind=kind)
        if isinstance(wanted, Markdown):
            return wanted
    rows = tables.read(table)
    return rows[(rows["canonical"] == wanted) | (rows[key] == wanted)]
