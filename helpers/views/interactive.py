"""Notebook outputs: interactive tables, offline, and figures with alt text.

:func:`interactive_outputs` embeds the DataTables bundle of `itables <https://itables.org>`_
in the notebook (its offline mode: no network request, in JupyterLab or in the HTML
reports) and renders every DataFrame a cell returns with :func:`table_html`: all rows
(never downsampled), a search box, a filter under each column header, sorting by any
column, pages of 25 rows with "showing 1–25 of 1,627 rows", long sentences wrapped,
missing values as empty cells. Table ids are numbered in display order, so the stored
outputs of a notebook are the same on every run (nbval compares them). Figures are shown
as ``<img>`` elements carrying their alt text (:func:`helpers.views.plots.alt_text`), which
JupyterLab and the HTML reports show to screen readers.
"""

from __future__ import annotations

import base64
import html
import io
import itertools
import re

import matplotlib.pyplot as plt
import pandas as pd
from IPython import get_ipython
from itables import init_notebook_mode, to_html_datatable
from itables import options as itables_options
from matplotlib.figure import Figure

from helpers.views.plots import alt_text

#: DataTables options (https://datatables.net/reference/option/) for every table.
OPTIONS = {
    "maxBytes": 0,  # never downsample: a report shows every row
    "scrollX": True,  # wide tables scroll sideways inside the page
    "classes": "display compact cell-border",
    "pageLength": 25,
    "lengthMenu": [10, 25, 100, 500],
    "display_logo_when_loading": False,  # the logo links to itables.org
    "text_in_header_can_be_selected": False,  # a click on a column header sorts by it
    "columnControl": [{"target": 1, "content": ["search"]}],
    "language": {
        "info": "showing _START_–_END_ of _TOTAL_ rows",
        "infoEmpty": "none found",
        "infoFiltered": "(filtered from _MAX_)",
        "emptyTable": "none found",
        "zeroRecords": "no row matches the filters",
    },
    "css": (
        ".dt-container { font-size: 0.9em; }"
        " .dt-container table.dataTable td { white-space: normal; vertical-align: top; max-width: 40rem; }"
        " .dt-container table.dataTable :is(td, th):not(.dt-type-numeric) { text-align: left; }"
        " .dt-container table.dataTable td.sitrep-text { min-width: 22rem; }"
    ),
}
#: Columns holding text longer than this (sentences, quotes, titles) get a wide column.
LONG_TEXT = 60
_ids = itertools.count(1)
_ONLINE_HELP = re.compile(r"<a href=https://itables\.org/[^>]*>(.*?)</a>")


def tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with missing values as empty strings (empty cells, never ``<NA>``, ``None`` or ``NaN``).

    >>> tidy(pd.DataFrame({"n": pd.array([1, None], dtype="Int64"), "s": ["a", None]})).to_dict("list")
    {'n': [1, ''], 's': ['a', '']}
    """
    missing = frame.isna()
    if not missing.to_numpy().any():
        return frame
    frame = frame.copy()
    for column in frame.columns[missing.any().to_numpy()]:
        frame[column] = frame[column].astype(object).where(~missing[column], "")
    return frame


def table_html(frame: pd.DataFrame) -> str:
    """``frame`` as an interactive table (the DataTables bundle comes from :func:`interactive_outputs`).

    A named index becomes the first column (one header row: each column gets its filter),
    columns of long text (sentences, quotes) are wide enough to read;
    links to itables.org's help pages keep their text only, so a report links nowhere online.
    """
    if any(name is not None for name in frame.index.names):
        frame = frame.reset_index()
    long_text = [i for i, column in enumerate(frame.columns) if _longest(frame[column]) > LONG_TEXT]
    table = to_html_datatable(
        tidy(frame),
        table_id=f"sitrep_table_{next(_ids)}",
        connected=False,
        columnDefs=[{"targets": long_text, "className": "sitrep-text"}],
        **OPTIONS,
    )
    return _ONLINE_HELP.sub(r"\1", table)


def _longest(values: pd.Series) -> int:
    """The length of the longest text in ``values`` (0 for numbers or no value).

    >>> [_longest(pd.Series(v, dtype=t)) for v, t in ((["ab", None, "abcd"], str), ([], str), ([1], int))]
    [4, 0, 0]
    """
    if not (values.dtype == object or pd.api.types.is_string_dtype(values)):
        return 0
    lengths = values.dropna().astype(str).str.len()
    return int(lengths.max()) if len(lengths) else 0


def figure_html(figure: Figure) -> str:
    """``figure`` as a PNG ``<img>`` with its alt text."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt_text(figure))}">'


def interactive_outputs() -> None:
    """Embed the offline DataTables bundle; show every DataFrame as :func:`table_html` and every
    figure as :func:`figure_html`."""
    global _ids
    _ids = itertools.count(1)
    itables_options.display_logo_when_loading = False
    init_notebook_mode(all_interactive=False, connected=False)
    shell = get_ipython()
    if shell is not None:  # in a notebook (outside one, there is nothing to display in)
        # Set the plotting backend up now: setting it up later resets the figure formatters.
        plt.switch_backend(plt.get_backend())
        formatters = shell.display_formatter.formatters
        formatters["text/html"].for_type(pd.DataFrame, table_html)
        formatters["text/html"].for_type(Figure, figure_html)
        formatters["image/png"].pop(Figure, None)  # the <img> above is the image
