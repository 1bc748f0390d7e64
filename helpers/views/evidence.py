"""Evidence pages: an article's text with its entities, places and casualty figures highlighted.

Rendering uses spaCy's displaCy entity visualiser (manual mode), which escapes
the article text; the page around it is built with :func:`html.escape`, so an
article containing ``<script>`` or ``javascript:`` links renders as plain text.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from spacy import displacy

#: Highlight layers, highest priority first (an overlapped lower layer is dropped).
LAYERS = ("casualty", "place", "actor", "person", "entity")
COLORS = {
    "CASUALTY": "#f4a6a6",
    "PLACE": "#9fd3a8",
    "ACTOR": "#a9c8f0",
    "PERSON": "#f3d28b",
    "DEMONYM": "#d7e7c8",
    "DATE": "#e0e0e0",
    "ENTITY": "#ececec",
}


#: Longest article id kept whole in a page name (file names stop at 255 bytes).
PAGE_NAME_CHARS = 100


def page_name(article_id: str) -> str:
    """A safe file name for an article's evidence page, one per id and never too long.

    An id of letters, digits, ``.``, ``_`` and ``-`` (up to :data:`PAGE_NAME_CHARS`) is
    its own name; any other is cut to that length with other characters as ``_``,
    and ``~`` and a hash of the whole id are added, so ``x/y``, ``x_y`` and ``x?y``
    get three pages.

    >>> page_name("seed-1"), page_name("x_y"), page_name("x/y"), page_name("x?y")
    ('seed-1.html', 'x_y.html', 'x_y~bd3c9047d6.html', 'x_y~98b24bb90a.html')
    >>> len(page_name("a" * 300))
    116
    """
    if re.fullmatch(r"[A-Za-z0-9._-]+", article_id) and len(article_id) <= PAGE_NAME_CHARS:
        return article_id + ".html"
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", article_id)[:PAGE_NAME_CHARS]
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{safe}~{digest}.html"


def highlight_spans(spans: pd.DataFrame) -> list[dict]:
    """Non-overlapping spans for display, keeping the highest-priority layer.

    Args:
        spans: Columns ``start_char``, ``end_char``, ``label`` (display label) and
            ``layer`` (one of :data:`LAYERS`).

    Returns:
        ``[{"start", "end", "label"}]`` sorted by offset, no two overlapping.

    >>> frame = pd.DataFrame({"start_char": [0, 2], "end_char": [5, 4],
    ...                       "label": ["ACTOR", "PLACE"], "layer": ["actor", "place"]})
    >>> highlight_spans(frame)
    [{'start': 2, 'end': 4, 'label': 'PLACE'}]
    """
    if spans.empty:
        return []
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    ordered = spans.assign(
        _rank=spans["layer"].map(rank).fillna(len(LAYERS)), _len=spans["end_char"] - spans["start_char"]
    )
    ordered = ordered.sort_values(
        ["_rank", "_len", "start_char"], ascending=[True, False, True], kind="stable"
    )
    taken: list[tuple[int, int, str]] = []
    for row in ordered.itertuples(index=False):
        start, end = int(row.start_char), int(row.end_char)
        if end <= start or any(start < e and s < end for s, e, _ in taken):
            continue
        taken.append((start, end, str(row.label)))
    return [{"start": s, "end": e, "label": label} for s, e, label in sorted(taken)]


def article_html(text: str, spans: pd.DataFrame, *, title: str = "") -> str:
    """The article's text as HTML with highlighted spans (displaCy markup, escaped text)."""
    ents = highlight_spans(spans)
    labels = sorted({e["label"] for e in ents})
    colors = {label: COLORS.get(label, COLORS["ENTITY"]) for label in labels}
    return displacy.render(
        {"text": text, "ents": ents, "title": None},
        style="ent",
        manual=True,
        page=False,
        options={"colors": colors, "ents": labels},
    )


def legend_html(labels: Iterable[str]) -> str:
    """A small legend of the highlight colours."""
    items = "".join(
        f'<span class="legend" style="background:{COLORS.get(label, COLORS["ENTITY"])}">'
        f"{html.escape(label)}</span> "
        for label in labels
    )
    return f'<p class="legend-row">Highlights: {items}</p>'


def evidence_page(article: dict, spans: pd.DataFrame, rows: dict[str, pd.DataFrame]) -> str:
    """A whole page: title, metadata, legend, highlighted text and the article's table rows.

    Args:
        article: A row of the ``articles`` table plus its ``text``.
        spans: Highlight spans (see :func:`highlight_spans`).
        rows: Extra tables to show under the text (e.g. the article's casualty figures).
    """
    esc = html.escape
    meta = " · ".join(
        esc(str(article.get(k) or "")) for k in ("outlet", "dateline", "date") if article.get(k)
    )
    body = article_html(article["text"], spans)
    labels = sorted({s["label"] for s in highlight_spans(spans)})
    sections = "".join(
        f"<h2>{esc(name)}</h2>" + frame.to_html(index=False, escape=True, border=0, classes="rows", na_rep="")
        for name, frame in rows.items()
        if not frame.empty
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{esc(article.get("title") or article["article_id"])}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; color: #222; }}
.legend {{ padding: .1rem .4rem; border-radius: .3rem; font-size: .8rem; }}
table.rows {{ border-collapse: collapse; font-size: .85rem; }}
table.rows td, table.rows th {{ border: 1px solid #ccc; padding: .2rem .4rem; vertical-align: top; }}
.muted {{ color: #666; }}
</style></head><body>
<p><a href="../index.html">← report index</a></p>
<h1>{esc(article.get("title") or article["article_id"])}</h1>
<p class="muted">{esc(article["article_id"])}{" · " + meta if meta else ""}</p>
{legend_html(labels)}
<div class="article-text">{body}</div>
{sections}
</body></html>
"""


def corpus_spans(tables) -> pd.DataFrame:
    """Highlight spans of every article, from every extracted table that has offsets.

    Entity mentions are shown as actors (when linked), persons or plain
    entities; resolved places and casualty figures take priority where they overlap.

    Returns:
        ``article_id``, ``start_char``, ``end_char``, ``label``, ``layer``.
    """
    mentions = tables.read("mentions", columns=["article_id", "start_char", "end_char", "label", "actor_id"])
    linked = mentions["actor_id"].fillna("") != ""
    person = mentions["label"] == "PERSON"
    frames = [
        mentions.assign(
            layer=["actor" if a else "person" if p else "entity" for a, p in zip(linked, person)],
            label=[
                "ACTOR" if a else "PERSON" if p else label
                for a, p, label in zip(linked, person, mentions["label"])
            ],
        )
    ]
    places = tables.read(
        "place_mentions", columns=["article_id", "start_char", "end_char", "place_id", "role"]
    )
    places = places[places["place_id"].fillna("") != ""]
    frames.append(
        places.assign(layer="place", label=["DEMONYM" if r == "demonym" else "PLACE" for r in places["role"]])
    )
    try:
        casualties = tables.read("casualties", columns=["article_id", "start_char", "end_char"])
        frames.append(casualties.assign(layer="casualty", label="CASUALTY"))
    except (FileNotFoundError, KeyError):
        pass  # tables extracted before casualty figures existed
    columns = ["article_id", "start_char", "end_char", "label", "layer"]
    return pd.concat([f[columns] for f in frames], ignore_index=True).dropna(
        subset=["start_char", "end_char"]
    )


def article_rows_for_page(tables) -> dict[str, dict[str, pd.DataFrame]]:
    """Per article, the rows shown under its text: casualty figures, quotes, places."""
    views = {}
    for table, title, columns in (
        (
            "casualties",
            "Casualty figures",
            [
                "start_char",
                "text",
                "outcome",
                "low",
                "high",
                "qualifier",
                "victim",
                "perpetrator",
                "excluded",
            ],
        ),
        ("quotes", "Quotes", ["start_char", "speaker", "cue", "kind", "quote"]),
        (
            "place_mentions",
            "Places",
            ["start_char", "text", "canonical", "kind", "admin1", "country", "role", "resolution"],
        ),
    ):
        try:
            frame = tables.read(table)
        except (FileNotFoundError, KeyError):
            continue
        present = [c for c in columns if c in frame.columns]
        for article_id, group in frame.groupby("article_id"):
            views.setdefault(article_id, {})[title] = group[present]
    return views


def write_evidence_pages(articles, tables, directory, *, limit: int = 500) -> pd.DataFrame:
    """Write one evidence page per loaded article (at most ``limit``), return the list.

    Args:
        articles: The loaded :class:`~helpers.articles.Article` objects (with text).
        tables: The corpus :class:`~helpers.extraction.Tables`.
        directory: Folder for the pages.
        limit: Pages written at most (articles in id order); the rest are listed without a page.

    Returns:
        ``article_id``, ``title``, ``page`` (file name, "" when over the limit).
    """

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    spans = {key: group for key, group in corpus_spans(tables).groupby("article_id")}
    rows = article_rows_for_page(tables)
    empty = pd.DataFrame(columns=["start_char", "end_char", "label", "layer"])
    listed = []
    loaded = sorted((a for a in articles if a.loaded and not a.duplicate_of), key=lambda a: a.article_id)
    for count, article in enumerate(loaded):
        page = page_name(article.article_id) if count < limit else ""
        if page:
            record = {
                "article_id": article.article_id,
                "title": article.title,
                "outlet": article.outlet,
                "dateline": article.dateline,
                "date": article.date,
                "text": article.text,
            }
            (directory / page).write_text(
                evidence_page(record, spans.get(article.article_id, empty), rows.get(article.article_id, {})),
                encoding="utf-8",
            )
        listed.append({"article_id": article.article_id, "title": article.title, "page": page})
    return pd.DataFrame(listed, columns=["article_id", "title", "page"])
