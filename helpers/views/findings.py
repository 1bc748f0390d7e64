"""The findings page (``reports/index.html``): what an analyst reads first.

The corpus in one paragraph, the headline casualty figures, a map of the places, the
top actors, places and (when the ``events`` table exists) events with links to their
pages, what needs review, then the input accounting and the list of reports. Every
section says "none found" on an empty table instead of failing.
"""

from __future__ import annotations

import html

import matplotlib.pyplot as plt
import pandas as pd

from helpers.aggregate.actors import parties
from helpers.aggregate.places import ASIDE_ROLES
from helpers.run import Tables
from helpers.views.maps import draw_places_map
from helpers.views.page import NONE_FOUND, article_links, figure_img, html_table, link, plural
from helpers.views.review import most_mentioned_in, review_html

#: The outcomes on the first screen, in this order (the casualty tables hold more).
HEADLINE_OUTCOMES = ("killed", "injured", "kidnapped", "arrested")
TOP = 10
#: Inches: wider than the notebooks' maps, as corpora of one country are mostly wider than tall.
MAP_SIZE = (9.0, 5.5)


def corpus_paragraph(tables: Tables) -> str:
    """The corpus in one sentence or two: articles, outlets, date range (escaped HTML).

    Near-duplicate copies of a story are counted as articles and named apart.
    """
    articles = tables.read("articles", columns=["status", "outlet", "date", "near_duplicate_of"])
    loaded = articles[articles["status"] == "loaded"]
    outlets = loaded["outlet"].fillna("").replace("", pd.NA).dropna().value_counts()
    dates = pd.to_datetime(loaded["date"].fillna(""), errors="coerce", format="mixed").dropna()
    copies = int((loaded["near_duplicate_of"].fillna("") != "").sum())
    parts = [f"{plural(len(loaded), 'article')} loaded"]
    if copies:
        parts.append(f"{copies:,} of them copies of another story")
    if len(outlets):
        named = ", ".join(f"{html.escape(str(o))} ({n:,})" for o, n in outlets.head(3).items())
        more = f" and {len(outlets) - 3:,} more" if len(outlets) > 3 else ""
        parts.append(f"from {plural(len(outlets), 'outlet')}: {named}{more}")
    else:
        parts.append("no outlet named")
    if len(dates):
        first, last = dates.min().date().isoformat(), dates.max().date().isoformat()
        span = first if first == last else f"{first} to {last}"
        undated = len(loaded) - len(dates)
        parts.append(f"dated {span}" + (f" ({undated:,} undated)" if undated else ""))
    else:
        parts.append("no article dated")
    skipped = len(articles) - len(loaded)
    tail = f" {plural(skipped, 'input')} skipped (see below)." if skipped else ""
    return "<p>" + "; ".join(parts) + "." + tail + "</p>"


def headline_figures(tables: Tables) -> pd.DataFrame:
    """Per headline outcome, the corpus toll from the ``casualty_totals`` table.

    Each article's (or story's) toll counts each reported figure once (see
    :func:`helpers.aggregate.totals.casualty_totals`); tolls are added across
    articles. ``low`` and ``high`` take an article's ``best`` where it gives no
    bound, and ``open_high`` says some toll has no upper bound (``at least ten``).
    ``incidents_best`` is the sum after reports of one incident are merged
    (the ``incidents`` table, UCDP best).

    Returns:
        ``outcome, best, low, high, open_high, articles, incidents_best``; one row
        per outcome of :data:`HEADLINE_OUTCOMES` (zeros where none was found).
    """
    totals = tables.read("casualty_totals", columns=["article_id", "outcome", "best", "low", "high"])
    incidents = tables.read("incidents", columns=["outcome", "ucdp_best"])
    rows = []
    for outcome in HEADLINE_OUTCOMES:
        found = totals[totals["outcome"] == outcome]
        best = found["best"].astype(float)
        rows.append(
            {
                "outcome": outcome,
                "best": int(best.sum()),
                "low": int(found["low"].astype(float).fillna(best).sum()),
                "high": int(found["high"].astype(float).fillna(best).sum()),
                "open_high": bool(found["high"].isna().any()),
                "articles": int(found["article_id"].nunique()),
                "incidents_best": int(incidents.loc[incidents["outcome"] == outcome, "ucdp_best"].sum()),
            }
        )
    return pd.DataFrame(rows)


def figures_html(figures: pd.DataFrame) -> str:
    """The headline figures as cards: best, the low-high range, and how many articles give them."""
    cards = []
    for row in figures.itertuples(index=False):
        high = f"{row.high:,}{'+' if row.open_high else ''}"
        detail = (
            f"low {row.low:,} – high {high}<br>in {plural(row.articles, 'article')}"
            f"<br>{row.incidents_best:,} after merging reports of one incident"
            if row.articles
            else NONE_FOUND
        )
        cards.append(
            f'<div class="figure"><div>{html.escape(row.outcome)}</div>'
            f'<div class="best">{row.best:,}</div><div class="muted">{detail}</div></div>'
        )
    return f'<div class="figures">{"".join(cards)}</div>'


def map_html(tables: Tables) -> str:
    """The places as a static map (embedded PNG with alternative text), or "none found"."""
    places = tables.read("places")
    located = places[places["lat"].notna() & places["lon"].notna()]
    if located.empty:
        return f'<p class="none">{NONE_FOUND}: no place with coordinates</p>'
    _, ax = plt.subplots(figsize=MAP_SIZE)
    draw_places_map(located, ax=ax, title="Places mentioned", max_labels=12)
    top = located.sort_values("n_mentions", ascending=False)["canonical"].head(5)
    alt = f"Map of {len(located):,} places mentioned; most mentioned: {', '.join(top)}"
    img = figure_img(ax.figure, alt)
    plt.close(ax.figure)
    return img


def ranked(frame: pd.DataFrame) -> pd.DataFrame:
    """Actors or places, the most reported first: by articles, then mentions, then name."""
    return frame.sort_values(
        ["n_articles", "n_mentions", "canonical"], ascending=[False, False, True], kind="stable"
    )


def top_actors_table(tables: Tables, pages: pd.DataFrame, profiles: dict[str, str]) -> pd.DataFrame:
    """The most reported parties (by articles, then mentions), linked to their profile or evidence."""
    actors = ranked(parties(tables.read("actors"))).head(TOP)
    mentions = tables.read("mentions", columns=["article_id", "actor_id"])
    evidence = most_mentioned_in(mentions[mentions["actor_id"].fillna("") != ""], "actor_id")
    links = article_links(pages)
    return pd.DataFrame(
        {
            "actor": actors["canonical"],
            "category": actors["category"],
            "country": actors["country"],
            "articles": actors["n_articles"],
            "mentions": actors["n_mentions"],
            "href": [profiles.get(a) or links.get(evidence.get(a, ""), "") for a in actors["actor_id"]],
        }
    )


def top_places_table(tables: Tables, pages: pd.DataFrame, profiles: dict[str, str]) -> pd.DataFrame:
    """The most reported places, the killed toll located there, linked to a profile or evidence."""
    places = ranked(tables.read("places")).head(TOP)
    mentions = tables.read("place_mentions", columns=["article_id", "place_id", "role"])
    mentions = mentions[(mentions["place_id"].fillna("") != "") & ~mentions["role"].isin(ASIDE_ROLES)]
    evidence = most_mentioned_in(mentions, "place_id")
    totals = tables.read("casualty_totals", columns=["outcome", "best", "place_id"])
    killed = totals[totals["outcome"] == "killed"].groupby("place_id")["best"].sum()
    links = article_links(pages)
    return pd.DataFrame(
        {
            "place": places["canonical"],
            "kind": places["kind"],
            "province": places["admin1"],
            "country": places["country"],
            "articles": places["n_articles"],
            "mentions": places["n_mentions"],
            "killed (best)": [int(killed.get(p, 0)) for p in places["place_id"]],
            "href": [profiles.get(p) or links.get(evidence.get(p, ""), "") for p in places["place_id"]],
        }
    )


#: Columns of the ``events`` table (ACLED's names) shown on the findings page, when present:
#: what, who, where and the cost, narrow enough that the figures are not scrolled off the page
#: (sub-types and provinces are in notebook 05 and ``events.csv``).
EVENT_COLUMNS = (
    "event_date",
    "event_type",
    "actor1",
    "actor2",
    "location",
    "country",
    "deaths_best",
    "injured_best",
    "kidnapped",
    "arrested",
    "n_reports",
)
#: The events first shown: the deadliest, then the most reported.
EVENT_ORDER = ("deaths_best", "injured_best", "n_reports")


def top_events_html(tables: Tables, links: dict[str, str], full: str = "") -> str:
    """The top events, linked to their first report, when the corpus has an ``events`` table.

    Returns:
        The section, or "" when the tables have no ``events`` table (it is optional).
    """
    try:
        events = tables.read("events")
    except (FileNotFoundError, KeyError):
        return ""
    order = [c for c in EVENT_ORDER if c in events.columns]
    events = events.sort_values(order, ascending=False, kind="stable") if order else events
    shown = events[[c for c in EVENT_COLUMNS if c in events.columns] or list(events.columns[:8])].head(TOP)
    if "article_ids" in events.columns:
        first = events["article_ids"].head(TOP).fillna("").str.split(";").str[0]
        shown = shown.assign(href=first.map(links).fillna("").to_numpy())
    caption = f"{len(shown):,} of {len(events):,} events" if len(events) else ""
    # The type is the link (every event has one; a date or a place may be missing).
    linked = "event_type" if "event_type" in shown else shown.columns[0]
    table = html_table(shown, links={linked: "href"} if "href" in shown else {}, caption=caption, full=full)
    return f"<h2>Top events</h2>{table}"


def media_line(tables: Tables) -> str:
    """The outlets and media the texts name (not parties), most reported first, on one line."""
    actors = tables.read("actors", columns=["canonical", "category", "n_articles", "n_mentions"])
    media = ranked(actors[actors["category"].fillna("") == "media"])
    if media.empty:
        return ""
    named = ", ".join(
        f"{html.escape(str(name))} ({n:,})"
        for name, n in zip(media["canonical"].head(TOP), media["n_articles"].head(TOP))
    )
    if len(media) > TOP:
        named += f" and {len(media) - TOP:,} more"
    return f'<p class="muted">Outlets and media named in the texts (articles), not actors: {named}.</p>'


def top_table(frame: pd.DataFrame, total: int, noun: str, full: str) -> str:
    """A top list whose ``noun`` column links to its profile, with "10 of 1,627 <noun>s"."""
    return html_table(frame, links={noun: "href"}, caption=shown_of(frame, total, f"{noun}s"), full=full)


def shown_of(frame: pd.DataFrame, total: int, noun: str) -> str:
    """A caption like "10 of 1,627 actors" ("" when the table is empty).

    >>> shown_of(pd.DataFrame({"a": [1, 2]}), 1627, "actors")
    '2 of 1,627 actors'
    """
    return f"{len(frame):,} of {total:,} {noun}" if len(frame) else ""


def findings_sections(
    tables: Tables, pages: pd.DataFrame, profiles: dict[str, str], whole: dict[str, str] | None = None
) -> str:
    """The findings part of the index: corpus, figures, map, top actors/places/events, review.

    ``whole`` maps a table to markup saying where all its rows are (a report and the CSV),
    shown beside each cut list's "10 of 1,627".
    """
    whole = whole or {}
    actors = top_actors_table(tables, pages, profiles)
    places = top_places_table(tables, pages, profiles)
    n_actors = len(parties(tables.read("actors", columns=["actor_id", "category"])))
    n_places = len(tables.read("places", columns=["place_id"]))
    return f"""<h2>Corpus</h2>{corpus_paragraph(tables)}
<h2>Casualty figures</h2>
<p class="muted">Each article's toll counts every reported figure once (restatements and
background figures left out); tolls are added across articles. Low–high span the figures
given for each toll; "+" marks a toll without an upper bound.</p>
{figures_html(headline_figures(tables))}
<h2>Where</h2>{map_html(tables)}
<h2>Top actors</h2>{top_table(actors, n_actors, "actor", whole.get("actors", ""))}{media_line(tables)}
<h2>Top places</h2>{top_table(places, n_places, "place", whole.get("places", ""))}
{top_events_html(tables, article_links(pages), whole.get("events", ""))}
<h2>Needs review</h2>{review_html(tables, article_links(pages), whole)}"""


def report_list(runs) -> str:
    """The notebook reports, failed ones named with their error."""
    items = "".join(
        f"<li>{link(run.title, run.html)}"
        + (f' <span class="error">failed: {html.escape(run.error)}</span>' if run.error else "")
        + "</li>"
        for run in runs
    )
    return f"<ol>{items}</ol>" if items else f'<p class="none">{NONE_FOUND}</p>'
