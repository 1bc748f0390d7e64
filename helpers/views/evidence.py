"""Evidence pages: an article's text with its entities, places and casualty figures highlighted.

Highlights nest (a place inside an organisation's name shows both) and explain
themselves on hover (:mod:`helpers.views.evidence_markup`); every text is escaped with
:func:`html.escape`, so an article containing ``<script>`` or ``javascript:`` links
renders as plain text. Each page links the article's source URL when it has one.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from helpers.views.evidence_markup import MARK_STYLE, highlight_spans, legend_html, marked_text
from helpers.views.page import html_table, page

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


def evidence_page(
    article: dict,
    spans: pd.DataFrame,
    rows: dict[str, pd.DataFrame],
    *,
    nav: Sequence[tuple[str, str]] = (),
    script: str = "",
) -> str:
    """A whole page: title, metadata and source link, legend, highlighted text, the article's rows.

    Args:
        article: A row of the ``articles`` table plus its ``text``.
        spans: Highlight spans (see :func:`~helpers.views.evidence_markup.highlight_spans`).
        rows: Extra tables to show under the text (e.g. the article's casualty figures).
        nav: Navigation links (``label, href``).
        script: The report's table script (relative link; see :func:`~helpers.views.page.page`).
    """
    esc = html.escape
    title = article.get("title") or article["article_id"]
    meta = " · ".join(esc(str(article.get(k))) for k in ("outlet", "dateline", "date") if article.get(k))
    url = str(article.get("url") or "")
    source = (
        f' · <a href="{esc(url)}" rel="noopener noreferrer">source</a>'
        if url.startswith(("http://", "https://"))
        else ""
    )
    shown = highlight_spans(spans)
    sections = "".join(
        f"<h2>{esc(name)}</h2>" + html_table(frame) for name, frame in rows.items() if not frame.empty
    )
    body = f"""<h1>{esc(title)}</h1>
<p class="muted">{esc(article["article_id"])}{" · " + meta if meta else ""}{source}</p>
{legend_html(shown)}
<div class="article-text">{marked_text(article["text"], shown)}</div>
{sections}"""
    return page(title, body, nav=nav, style=MARK_STYLE, script=script)


def _tip(*parts: object) -> str:
    """Hover text: the present parts joined by `` · ``.

    >>> _tip("Kirkuk", None, "", "id gn:1")
    'Kirkuk · id gn:1'
    """
    return " · ".join(str(p) for p in parts if p is not None and not pd.isna(p) and str(p))


def _figure(low: object, high: object) -> str:
    """A figure's number or range (``5``, ``5-7``, ``up to 7``), "" when it has none."""
    low, high = (None if pd.isna(v) else int(v) for v in (low, high))
    if low is not None and high is not None and high != low:
        return f"{low}-{high}"
    if low is None and high is not None:
        return f"up to {high}"
    return "" if low is None else str(low)


def corpus_spans(tables, profiles: dict[str, str] | None = None) -> pd.DataFrame:
    """Highlight spans of every article, from every extracted table that has offsets.

    Entity mentions are shown as actors (when linked), persons or plain entities;
    resolved places and casualty figures take priority where they cross. ``tip``
    holds what hovering shows (canonical name, id, scope, rule), ``style`` whether a
    casualty figure is ``counted`` or ``excluded``, ``href`` the profile of an actor or
    place in ``profiles`` (id -> link).

    Returns:
        ``article_id``, ``start_char``, ``end_char``, ``label``, ``layer``, ``tip``, ``style``, ``href``.
    """
    profiles = profiles or {}
    mentions = tables.read(
        "mentions",
        columns=["article_id", "start_char", "end_char", "label", "actor_id", "canonical", "category"],
    )
    linked = mentions["actor_id"].fillna("") != ""
    person = mentions["label"] == "PERSON"
    frames = [
        mentions.assign(
            href=mentions["actor_id"].map(profiles),
            layer=["actor" if a else "person" if p else "entity" for a, p in zip(linked, person)],
            label=[
                "ACTOR" if a else "PERSON" if p else label
                for a, p, label in zip(linked, person, mentions["label"])
            ],
            tip=[
                _tip(name, f"id {actor}", category or "organisation not in the dictionary", f"entity {label}")
                if a
                else _tip(f"entity {label}", "not linked to an actor")
                for a, name, actor, category, label in zip(
                    linked,
                    mentions["canonical"],
                    mentions["actor_id"],
                    mentions["category"],
                    mentions["label"],
                )
            ],
        )
    ]
    places = tables.read("place_mentions")
    places = places[places["place_id"].fillna("") != ""]
    frames.append(
        places.assign(
            href=places["place_id"].map(profiles),
            layer="place",
            label=["DEMONYM" if r == "demonym" else "PLACE" for r in places["role"]],
            tip=[
                _tip(
                    r.canonical,
                    f"id {r.place_id}",
                    r.kind,
                    r.admin1,
                    r.country,
                    f"role {r.role}",
                    r.resolution,
                )
                for r in places.itertuples(index=False)
            ],
        )
    )
    casualties = tables.read("casualties")
    frames.append(
        casualties.assign(
            layer="casualty",
            label="CASUALTY",
            style=["excluded" if e else "counted" for e in casualties["excluded"].astype(bool)],
            tip=[
                _tip(
                    f"{r.outcome} {_figure(r.low, r.high)}".strip(),
                    f"victims: {r.victim}" if r.victim else "",
                    f"scope {r.scope}",
                    f"rule {r.rule}",
                    f"not counted: {r.exclude_reason}" if r.excluded else "counted",
                )
                for r in casualties.itertuples(index=False)
            ],
        )
    )
    columns = ["article_id", "start_char", "end_char", "label", "layer", "tip", "style", "href"]
    return pd.concat([f.reindex(columns=columns) for f in frames], ignore_index=True).dropna(
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
                "scope",
                "excluded",
                "exclude_reason",
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


def write_evidence_pages(
    articles,
    tables,
    directory,
    *,
    limit: int = 500,
    nav: Sequence[tuple[str, str]] = (),
    script: str = "",
    profiles: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Write one evidence page per loaded article (at most ``limit``), return the list.

    Args:
        articles: The loaded :class:`~helpers.articles.Article` objects (with text).
        tables: The corpus :class:`~helpers.extraction.Tables`.
        directory: Folder for the pages.
        limit: Pages written at most (articles in id order); the rest are listed without a page.
        nav: Navigation links of every page (relative to ``directory``).
        script: The report's table script, relative to ``directory``.
        profiles: Actor or place id -> its profile, relative to ``directory`` (highlights link them).

    Returns:
        ``article_id``, ``title``, ``page`` (file name, "" when over the limit).
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    spans = {key: group for key, group in corpus_spans(tables, profiles).groupby("article_id")}
    rows = article_rows_for_page(tables)
    empty = pd.DataFrame(columns=["start_char", "end_char", "label", "layer"])
    listed = []
    loaded = sorted((a for a in articles if a.loaded and not a.duplicate_of), key=lambda a: a.article_id)
    for count, article in enumerate(loaded):
        name = page_name(article.article_id) if count < limit else ""
        if name:
            record = {
                key: getattr(article, key)
                for key in ("article_id", "title", "outlet", "dateline", "date", "url", "text")
            }
            (directory / name).write_text(
                evidence_page(
                    record,
                    spans.get(article.article_id, empty),
                    rows.get(article.article_id, {}),
                    nav=nav,
                    script=script,
                ),
                encoding="utf-8",
            )
        listed.append({"article_id": article.article_id, "title": article.title, "page": name})
    return pd.DataFrame(listed, columns=["article_id", "title", "page"])


def evidence_list_page(
    tables, pages: pd.DataFrame, *, nav: Sequence[tuple[str, str]] = (), script: str = ""
) -> str:
    """Every article with its evidence page, newest first (undated last), with its killed toll.

    Args:
        tables: The corpus tables.
        pages: :func:`write_evidence_pages` output.
        nav: Navigation links (relative to the pages' folder).
    """
    articles = tables.read("articles", columns=["article_id", "outlet", "date"])
    totals = tables.read("casualty_totals", columns=["article_id", "outcome", "best"])
    killed = totals[totals["outcome"] == "killed"].groupby("article_id")["best"].sum()
    listed = pages.merge(articles, on="article_id", how="left")
    listed = listed.assign(
        killed=listed["article_id"].map(killed).fillna(0).astype(int),
        _date=pd.to_datetime(listed["date"].fillna(""), errors="coerce", format="mixed"),
        title=listed["title"].fillna("").where(listed["title"].fillna("") != "", listed["article_id"]),
    ).sort_values(["_date", "article_id"], ascending=[False, True], na_position="last", kind="stable")
    without = int((listed["page"] == "").sum())
    note = f'<p class="muted">{without:,} articles over the page limit have no page.</p>' if without else ""
    table = html_table(
        listed[["title", "outlet", "date", "killed", "article_id", "page"]].rename(
            columns={"article_id": "id"}
        ),
        links={"title": "page"},
        caption=f"{len(listed):,} articles",
    )
    return page("Evidence pages", f"<h1>Evidence pages</h1>{note}{table}", nav=nav, script=script)
