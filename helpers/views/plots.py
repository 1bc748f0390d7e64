"""One plotting style for every notebook and report: fixed sizes, titles, labels, sources."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

FIGSIZE = (8.0, 4.5)
STYLE = {
    "figure.figsize": FIGSIZE,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "svg.hashsalt": "sitrep",  # deterministic SVG ids
}
SOURCE_NOTE = "Source: Sitrep extraction"
PALETTE = ["#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a9a9a9"]


@contextmanager
def style() -> Iterator[None]:
    """Apply the shared style inside a ``with`` block."""
    with plt.rc_context(STYLE):
        yield


def new_figure(*, figsize: tuple[float, float] = FIGSIZE) -> tuple[Figure, Axes]:
    """A figure and axes in the shared style."""
    with style():
        figure, axes = plt.subplots(figsize=figsize)
    return figure, axes


def finish(
    figure: Figure, axes: Axes, *, title: str, xlabel: str = "", ylabel: str = "", source: str = SOURCE_NOTE
) -> Figure:
    """Title, axis labels and a source line; closes the figure for pyplot so it shows once."""
    axes.set_title(title, loc="left")
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    figure.text(0.01, 0.01, source, fontsize=8, color="#555555", ha="left", va="bottom")
    figure.tight_layout(rect=(0, 0.04, 1, 1))
    plt.close(figure)
    return figure


def bar_chart(
    counts: pd.DataFrame,
    *,
    label: str,
    value: str,
    title: str,
    xlabel: str = "",
    color_by: str | None = None,
    top: int = 15,
    source: str = SOURCE_NOTE,
) -> Figure:
    """A horizontal bar chart of the ``top`` largest ``value`` by ``label``.

    Args:
        counts: A table with a label column and a numeric column.
        label: Column naming each bar.
        value: Column with the bar lengths.
        title: Chart title.
        xlabel: Axis label for the values (e.g. "mentions").
        color_by: Optional column whose categories colour the bars (with a legend).
        top: Bars shown at most.
        source: Source line under the chart.

    Returns:
        The figure (displayed by Jupyter when it is a cell's value).
    """
    data = counts.nlargest(top, value, keep="first").iloc[::-1]
    figure, axes = new_figure(figsize=(FIGSIZE[0], max(2.5, 0.35 * len(data) + 1.5)))
    with style():
        if color_by:
            categories = sorted(data[color_by].fillna("").astype(str).unique())
            colours = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(categories)}
            axes.barh(
                data[label].astype(str),
                data[value],
                color=[colours[str(c)] for c in data[color_by].fillna("")],
            )
            handles = [plt.Rectangle((0, 0), 1, 1, color=colours[c]) for c in categories]
            axes.legend(
                handles, [c or "(none)" for c in categories], title=color_by, loc="lower right", fontsize=8
            )
        else:
            axes.barh(data[label].astype(str), data[value], color=PALETTE[0])
        axes.grid(axis="y", visible=False)
    return finish(figure, axes, title=title, xlabel=xlabel, source=source)
