"""The static pages Sitrep writes itself (findings, evidence, profiles): head, navigation, tables.

Every value from the corpus goes through :func:`html.escape`; pages load nothing from the
network (images are embedded as ``data:`` URIs) and hold no script of their own: a page
with tables loads the report's local table script (:mod:`helpers.views.page_tables`).
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from helpers.views.page_tables import TABLE_CLASS

#: Shown where a section has no row, so an empty table reads as a finding, not a failure.
NONE_FOUND = "none found"

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 64rem; margin: 1.5rem auto; color: #222;
       padding: 0 1rem; line-height: 1.45; }
h1 { color: #1f4e79; margin-bottom: .3rem; } h2 { border-bottom: 1px solid #ddd; margin-top: 2rem; }
nav.sitrep-nav { font-size: .9rem; padding: .4rem .6rem; background: #eef3f8; border-radius: .3rem; }
nav.sitrep-nav a { margin-right: .9rem; }
table { border-collapse: collapse; font-size: .9rem; }
td, th { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.error { color: #b00020; } .muted { color: #666; } .none { color: #666; font-style: italic; }
.figures { display: flex; gap: 1rem; flex-wrap: wrap; }
.figure { border: 1px solid #ccd; border-radius: .4rem; padding: .5rem .9rem; min-width: 9rem; }
.figure .best { font-size: 1.8rem; font-weight: 600; color: #8b1a1a; }
img.map { max-width: 100%; height: auto; }
"""


def page(
    title: str, body: str, *, nav: Sequence[tuple[str, str]] = (), style: str = "", script: str = ""
) -> str:
    """A whole page: escaped ``title``, the navigation bar, then ``body`` (already HTML).

    ``script`` is the relative link of the report's table script, which makes the page's
    tables interactive ("" for none: the tables stay plain HTML).
    """
    tag = f'<script src="{html.escape(script)}"></script>' if script else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{STYLE}{style}</style>{tag}</head><body>
{nav_bar(nav)}
{body}
</body></html>
"""


def nav_bar(links: Sequence[tuple[str, str]]) -> str:
    """A ``<nav>`` of ``(label, href)`` links (escaped), or nothing when there are none.

    >>> nav_bar([("index", "../index.html")])
    '<nav class="sitrep-nav" aria-label="Sitrep reports"><a href="../index.html">index</a></nav>'
    """
    if not links:
        return ""
    items = "".join(f'<a href="{html.escape(href)}">{html.escape(label)}</a>' for label, href in links)
    return f'<nav class="sitrep-nav" aria-label="Sitrep reports">{items}</nav>'


def link(label: object, href: str) -> str:
    """An escaped link, or the escaped label alone when ``href`` is empty.

    >>> link("<b>", "a.html"), link("x", "")
    ('<a href="a.html">&lt;b&gt;</a>', 'x')
    """
    text = html.escape(_text(label))
    return f'<a href="{html.escape(href)}">{text}</a>' if href else text


def full_list(report: str, title: str, table: str) -> str:
    """Where a cut list is shown whole: a report page's interactive table and the table's CSV.

    >>> full_list("02-actors.html", "02 · Who is involved", "actors")
    'all in <a href="02-actors.html">02 · Who is involved</a> and <a href="tables/actors.csv">actors.csv</a>'
    """
    return f"all in {link(title, report)} and {link(f'{table}.csv', f'tables/{table}.csv')}"


def html_table(
    frame: pd.DataFrame, *, links: dict[str, str] | None = None, caption: str = "", full: str = ""
) -> str:
    """``frame`` as an escaped HTML table, numbers right-aligned, or "none found" when empty.

    Args:
        frame: The rows to show (missing values shown as empty cells).
        links: Column shown -> column holding its link (that column is not shown).
        caption: A line above the table (escaped), e.g. "10 of 1,627".
        full: Markup after the caption saying where every row is (see :func:`full_list`).

    >>> html_table(pd.DataFrame({"a": []}))
    '<p class="none">none found</p>'
    >>> frame = pd.DataFrame({"n": [1], "name": ["<x>"], "href": ["p.html"]})
    >>> html_table(frame, links={"name": "href"}).split("<tbody>")[1]
    '<tr><td class="num">1</td><td><a href="p.html">&lt;x&gt;</a></td></tr></tbody></table>'
    >>> html_table(frame).startswith('<table class="sitrep-table">')
    True
    """
    if frame.empty:
        return f'<p class="none">{NONE_FOUND}</p>'
    links = links or {}
    shown = [c for c in frame.columns if c not in links.values()]
    numeric = {c for c in shown if pd.api.types.is_numeric_dtype(frame[c]) and frame[c].dtype != bool}
    head = "".join(f"<th{_num(c in numeric)}>{html.escape(str(c))}</th>" for c in shown)
    rows = []
    for record in frame.to_dict("records"):
        cells = "".join(
            f"<td{_num(c in numeric)}>"
            + (link(record[c], _text(record[links[c]])) if c in links else html.escape(_text(record[c])))
            + "</td>"
            for c in shown
        )
        rows.append(f"<tr>{cells}</tr>")
    above = f'<p class="muted">{html.escape(caption)}{" · " + full if full else ""}</p>' if caption else ""
    body = "".join(rows)
    return f'{above}<table class="{TABLE_CLASS}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def article_links(pages: pd.DataFrame, *, prefix: str = "articles/") -> dict[str, str]:
    """Article id -> the relative link of its evidence page (articles over the page limit have none)."""
    listed = pages[pages["page"] != ""]
    return {a: f"{prefix}{p}" for a, p in zip(listed["article_id"], listed["page"])}


def figure_img(figure: Figure, alt: str, *, css_class: str = "map", dpi: int = 90) -> str:
    """A matplotlib figure as an embedded PNG with alternative text."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img class="{css_class}" alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, with an ``s`` unless the count is one.

    >>> plural(1, "article"), plural(1234, "article")
    ('1 article', '1,234 articles')
    """
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _num(numeric: bool) -> str:
    return ' class="num"' if numeric else ""


def _text(value: object) -> str:
    """A cell as text: missing values empty, whole floats without ``.0``.

    >>> _text(None), _text(float("nan")), _text(3.0), _text(2.5), _text(1234)
    ('', '', '3', '2.5', '1,234')
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if pd.api.types.is_bool(value):
        return "yes" if value else "no"
    if pd.api.types.is_float(value) and float(value).is_integer():
        value = int(value)
    if pd.api.types.is_integer(value):
        return f"{int(value):,}"
    return str(value)
