"""One plotting style for every notebook and report: fixed sizes, titles, labels, sources."""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
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
#: Offsets (points) tried in turn for each label, to avoid overlaps.
LABEL_OFFSETS = ((6, 4), (6, -12), (-6, 4), (-6, -12), (0, 10), (0, -16), (12, 14), (-12, -20))
#: The alternative text of each figure (read when a notebook shows it as an image).
_ALT_TEXT: weakref.WeakKeyDictionary[Figure, str] = weakref.WeakKeyDictionary()


def with_alt_text(figure: Figure, text: str) -> Figure:
    """``figure``, described by ``text`` for readers who cannot see it (the image's alt text)."""
    _ALT_TEXT[figure] = " ".join(text.split())
    return figure


def alt_text(figure: Figure) -> str:
    """The description given by :func:`with_alt_text`, else the figure's titles.

    >>> figure, axes = new_figure()
    >>> _ = axes.set_title("Mentions")
    >>> alt_text(figure), alt_text(with_alt_text(figure, "Bar chart: a 2,  b 1"))
    ('Chart: Mentions', 'Bar chart: a 2, b 1')
    """
    if figure in _ALT_TEXT:
        return _ALT_TEXT[figure]
    titles = [t for ax in figure.axes for t in (ax.get_title("left"), ax.get_title()) if t]
    return "Chart: " + "; ".join(titles) if titles else "Chart without a title"


def place_labels(ax: Axes, points: Iterable[tuple[str, float, float]], *, fontsize: float = 8) -> int:
    """Label each point (text, x, y) at the first of :data:`LABEL_OFFSETS` where the label stays
    inside the axes and overlaps no label placed before; points come most important first.

    Returns:
        How many labels found no free place and were left out.
    """
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    placed = []
    left_out = 0
    for text, x, y in points:
        for dx, dy in LABEL_OFFSETS:
            label = ax.annotate(
                text,
                (x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                fontsize=fontsize,
                ha="left" if dx >= 0 else "right",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
            )
            box = label.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            label.remove()
        else:
            left_out += 1
    return left_out


def described_values(labels, values, *, limit: int = 10) -> str:
    """``labels`` and their non-zero ``values`` in words for alt text (the first ``limit``).

    >>> described_values(["a", "b", "c", "d"], [3, 2, 0, 1], limit=2)
    'a 3, b 2 and 1 more'
    """
    pairs = [f"{label} {value:,}" for label, value in zip(labels, values) if value]
    more = len(pairs) - limit
    return ", ".join(pairs[:limit]) + (f" and {more:,} more" if more > 0 else "")


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
        The figure (displayed by Jupyter when it is a cell's value), its title saying
        "top 15 of 1,627" when bars were left out, its alt text listing the bars.
    """
    data = counts.nlargest(top, value, keep="first").iloc[::-1]
    if len(counts) > top:
        title = f"{title} (top {top} of {len(counts):,})"
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
    largest = data.iloc[::-1]
    description = described_values(largest[label].astype(str), largest[value].astype(int))
    finish(figure, axes, title=title, xlabel=xlabel, source=source)
    return with_alt_text(figure, f"Bar chart of {xlabel or value}: {title}. {description}.")


def stacked_bar_chart(table: pd.DataFrame, *, title: str, xlabel: str, legend: str) -> Figure:
    """Horizontal bars, one per row of ``table`` (its index), stacked by its columns.

    Args:
        table: Numbers, rows as bars (e.g. outcomes) and columns as segments (e.g. victim sides).
        title: Chart title.
        xlabel: Axis label for the values (e.g. "people").
        legend: Title of the legend naming the segments.
    """
    data = table.iloc[::-1]
    figure, axes = new_figure(figsize=(FIGSIZE[0], max(2.5, 0.45 * len(data) + 1.8)))
    with style():
        left = pd.Series(0, index=data.index, dtype="int64")
        for i, column in enumerate(data.columns):
            axes.barh(data.index.astype(str), data[column], left=left, color=PALETTE[i % len(PALETTE)])
            left = left + data[column]
        axes.legend([str(c) for c in data.columns], title=legend, loc="lower right", fontsize=8)
        axes.grid(axis="y", visible=False)
    parts = "; ".join(f"{row}: " + described_values(table.columns, table.loc[row]) for row in table.index)
    finish(figure, axes, title=title, xlabel=xlabel)
    return with_alt_text(figure, f"Stacked bar chart of {xlabel}: {title}. {parts}.")


#: Longest span (days) drawn day by day; longer timelines are summed per week.
DAILY_SPAN = 92


def timeline_chart(table: pd.DataFrame, *, title: str, ylabel: str) -> Figure:
    """Stacked bars over time: ``table`` has dates (ISO strings) as index and one column per series.

    Spans longer than :data:`DAILY_SPAN` days are summed per week (weeks starting on Monday).
    """
    data = table.copy()
    data.index = pd.to_datetime(data.index)
    period = "day"
    if (data.index.max() - data.index.min()).days > DAILY_SPAN:
        data = data.resample("W-MON", label="left", closed="left").sum()
        period = "week"
    figure, axes = new_figure()
    with style():
        bottom = pd.Series(0, index=data.index, dtype="int64")
        width = 0.8 if period == "day" else 5.6
        for i, column in enumerate(data.columns):
            axes.bar(data.index, data[column], bottom=bottom, width=width, color=PALETTE[i % len(PALETTE)])
            bottom = bottom + data[column]
        axes.legend([str(c) for c in data.columns], fontsize=8, loc="upper left")
        axes.grid(axis="x", visible=False)
        figure.autofmt_xdate()
    totals = data.sum(axis=1)
    peak = totals.idxmax()
    description = (
        f"{period} by {period} from {data.index.min():%Y-%m-%d} to {data.index.max():%Y-%m-%d}; "
        f"totals: {described_values(data.columns, data.sum())}; "
        f"most in the {period} of {peak:%Y-%m-%d} ({int(totals.max()):,} {ylabel})"
    )
    finish(figure, axes, title=title, ylabel=f"{ylabel} per {period}")
    return with_alt_text(figure, f"Timeline bar chart of {ylabel}: {title}. {description}.")
