"""Profile pages: one per top actor and per top place, everything the corpus says about it.

An actor's page gives the places named in its sentences, the casualty figures
attributed to it, the persons affiliated with it and their quotes, the actors named
with it and its evidence sentences; a place's page gives its casualty figures, the
actors named with it, a local map and its sentences. Every row links to the
evidence page of its article. Page names follow :func:`~helpers.views.evidence.page_name`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from helpers.aggregate.actors import parties
from helpers.run import Tables
from helpers.views.evidence import page_name
from helpers.views.findings import TOP, ranked, shown_of
from helpers.views.maps import draw_places_map
from helpers.views.page import NONE_FOUND, article_links, figure_img, html_table, page, plural

#: Rows shown per section of a profile, paged and searchable (the CSV tables hold every row).
ROWS = 500


class ReadOnce:
    """A :class:`~helpers.run.Tables` reader that reads each table (and column set) once:
    the profiles of a report share their tables."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables
        self._frames: dict[tuple, pd.DataFrame] = {}

    def read(self, table: str, *, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """The table, as :meth:`Tables.read` gives it."""
        key = (table, tuple(columns) if columns is not None else None)
        if key not in self._frames:
            self._frames[key] = self._tables.read(table, columns=columns)
        return self._frames[key]


def profile_page_name(kind: str, key: str) -> str:
    """The file name of a profile (``actor`` or ``place``), collision-free like evidence pages.

    >>> profile_page_name("actor", "isis"), profile_page_name("place", "gn:98182")
    ('actor-isis.html', 'place-gn_98182~65eff40bb5.html')
    """
    return page_name(f"{kind}-{key}")


def _present(value: object) -> bool:
    """True for a value that is neither missing nor empty.

    >>> _present(float("nan")), _present(""), _present("IQ")
    (False, False, True)
    """
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and value != ""


def _mentions_of(tables: Tables | ReadOnce, key: str, value: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The mentions whose ``key`` is ``value``, and every mention in their sentences."""
    mentions = tables.read(
        "mentions", columns=["article_id", "sentence_id", "sentence", "actor_id", "canonical", "place_id"]
    )
    own = mentions[mentions[key] == value]
    sentences = own[["article_id", "sentence_id"]].drop_duplicates()
    return own, mentions.merge(sentences, on=["article_id", "sentence_id"])


def _counted(
    frame: pd.DataFrame, key: str, name: str, links: dict[str, str], label: str, profiles: dict[str, str]
) -> pd.DataFrame:
    """``key`` values with their mention count, most frequent first, linked to their profile when
    they have one, else to an article that has them."""
    if frame.empty:
        return pd.DataFrame(columns=[label, "mentions", "href"])
    grouped = (
        frame.groupby(key, sort=True)
        .agg(name=(name, "first"), mentions=("article_id", "size"), article=("article_id", "min"))
        .sort_values(["mentions", "name"], ascending=[False, True], kind="stable")
    )
    return pd.DataFrame(
        {
            label: grouped["name"],
            "mentions": grouped["mentions"],
            "href": grouped["article"].map(links).fillna(""),
        }
    )


def _sentences(rows: pd.DataFrame, links: dict[str, str]) -> pd.DataFrame:
    """Distinct evidence sentences with their article, linked to its evidence page."""
    rows = rows.drop_duplicates(["article_id", "sentence"])
    return pd.DataFrame(
        {
            "sentence": rows["sentence"],
            "article": rows["article_id"],
            "href": rows["article_id"].map(links).fillna(""),
        }
    )


def _figures(casualties: pd.DataFrame, links: dict[str, str]) -> pd.DataFrame:
    """Casualty figures with whether they count, linked to their article."""
    rows = casualties
    return pd.DataFrame(
        {
            "figure": rows["text"],
            "outcome": rows["outcome"],
            "low": rows["low"],
            "high": rows["high"],
            "victims": rows["victim"],
            "counted": ~rows["excluded"].astype(bool),
            "sentence": rows["sentence"],
            "href": rows["article_id"].map(links).fillna(""),
        }
    )


def _sections(sections: dict[str, pd.DataFrame]) -> str:
    """Each section's rows, at most :data:`ROWS` (with "500 of 1,627 rows" when cut), the
    first column linked."""
    return "".join(
        f"<h2>{html.escape(title)}</h2>"
        + html_table(
            frame.head(ROWS),
            links={frame.columns[0]: "href"},
            caption=shown_of(frame.head(ROWS), len(frame), "rows") if len(frame) > ROWS else "",
        )
        for title, frame in sections.items()
    )


def actor_profile(
    tables: Tables | ReadOnce, actor: dict, links: dict[str, str], profiles: dict[str, str]
) -> str:
    """The body of one actor's profile (escaped HTML)."""
    own, near = _mentions_of(tables, "actor_id", actor["actor_id"])
    names_of_places = tables.read("places", columns=["place_id", "canonical"]).set_index("place_id")[
        "canonical"
    ]
    places = near[near["place_id"].isin(names_of_places.index)]
    places = places.assign(canonical=places["place_id"].map(names_of_places))
    others = near[(near["actor_id"].fillna("") != "") & (near["actor_id"] != actor["actor_id"])]
    names = {
        actor["canonical"].lower(),
        *(a.lower() for a in str(actor["aliases_seen"] or "").split("|") if a),
    }
    persons = tables.read("persons")
    affiliated = persons[persons["affiliation"].fillna("").str.lower().isin(names)]
    quotes = tables.read("quotes")
    alias = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names)) + r")\b", re.IGNORECASE)
    quoted = quotes[
        quotes["speaker_id"].isin(affiliated["person_id"]) | quotes["speaker"].fillna("").str.contains(alias)
    ]
    casualties = tables.read("casualties")
    facts = " · ".join(
        html.escape(f"{label} {actor[key]}")
        for label, key in (("category", "category"), ("country", "country"), ("Wikidata", "wikidata"))
        if _present(actor.get(key))
    )
    known = "in the actor dictionary" if actor["in_dictionary"] else "not in the actor dictionary"
    return f"""<h1>{html.escape(actor["canonical"])}</h1>
<p class="muted">Actor {html.escape(actor["actor_id"])} · {facts + " · " if facts else ""}{known} ·
{plural(actor["n_mentions"], "mention")} in {plural(actor["n_articles"], "article")}. Written as:
{html.escape(str(actor["aliases_seen"] or "").replace("|", ", "))}</p>
{
        _sections(
            {
                "Places named with it": _counted(places, "place_id", "canonical", links, "place", profiles),
                "Casualty figures attributed to it": _figures(
                    casualties[casualties["perpetrator_id"] == actor["actor_id"]], links
                ),
                "Persons affiliated with it": pd.DataFrame(
                    {
                        "person": affiliated["canonical"],
                        "rank": affiliated["rank"],
                        "title": affiliated["title"],
                        "mentions": affiliated["n_mentions"],
                        "href": "",
                    }
                ),
                "Quotes of it or its people": pd.DataFrame(
                    {
                        "speaker": quoted["speaker"],
                        "kind": quoted["kind"],
                        "quote": quoted["quote"],
                        "href": quoted["article_id"].map(links).fillna(""),
                    }
                ),
                "Actors named with it": _counted(others, "actor_id", "canonical", links, "actor", profiles),
                "Evidence sentences": _sentences(own, links),
            }
        )
    }"""


def place_profile(
    tables: Tables | ReadOnce, place: dict, links: dict[str, str], profiles: dict[str, str]
) -> str:
    """The body of one place's profile (escaped HTML), with a local map."""
    own, near = _mentions_of(tables, "place_id", place["place_id"])
    actors = near[near["actor_id"].fillna("") != ""]
    totals = tables.read("casualty_totals")
    located = totals[totals["place_id"] == place["place_id"]]
    tolls = located.groupby("outcome", sort=True)["best"].sum().reset_index()
    casualties = tables.read("casualties")
    where = ", ".join(str(place[k]) for k in ("kind", "admin1", "country") if _present(place.get(k)))
    local_map = f'<p class="none">{NONE_FOUND}: no coordinates</p>'
    if _present(place.get("lat")) and _present(place.get("lon")):
        ax = draw_places_map(pd.DataFrame([place]), title=place["canonical"], min_span=6.0)
        local_map = figure_img(ax.figure, f"Map of {place['canonical']} ({where})")
        plt.close(ax.figure)
    return f"""<h1>{html.escape(place["canonical"])}</h1>
<p class="muted">Place {html.escape(place["place_id"])} · {html.escape(where)} ·
{plural(place["n_mentions"], "mention")} in {plural(place["n_articles"], "article")}.</p>
{local_map}
<h2>Casualty tolls located here</h2>{
        html_table(tolls.rename(columns={"best": "best (sum of article tolls)"}))
    }
{
        _sections(
            {
                "Casualty figures located here": _figures(
                    casualties[casualties["place_id"] == place["place_id"]], links
                ),
                "Actors named with it": _counted(actors, "actor_id", "canonical", links, "actor", profiles),
                "Evidence sentences": _sentences(own, links),
            }
        )
    }"""


def profiled(tables: Tables | ReadOnce) -> tuple[list[dict], list[dict]]:
    """The actors (parties) and places that get a profile: the :data:`TOP` most mentioned of each."""
    actors = ranked(parties(tables.read("actors"))).head(TOP).to_dict("records")
    places = ranked(tables.read("places")).head(TOP).to_dict("records")
    return actors, places


def profile_names(tables: Tables | ReadOnce) -> dict[str, str]:
    """Actor or place id -> the file name of its profile, for those :func:`profiled` names."""
    return _page_names(*profiled(tables))


def _page_names(actors: list[dict], places: list[dict]) -> dict[str, str]:
    names = {a["actor_id"]: profile_page_name("actor", a["actor_id"]) for a in actors}
    return names | {p["place_id"]: profile_page_name("place", p["place_id"]) for p in places}


def write_profiles(
    tables: Tables,
    pages: pd.DataFrame,
    directory: Path,
    *,
    nav: Sequence[tuple[str, str]] = (),
    script: str = "",
) -> dict[str, str]:
    """Write the profiles of the top actors and places; return id -> link from the report folder.

    Args:
        tables: The corpus tables.
        pages: Evidence pages (:func:`~helpers.views.evidence.write_evidence_pages`).
        directory: The profiles' folder (``profiles/`` of the report folder).
        nav: Navigation links, relative to ``directory``.
        script: The report's table script, relative to ``directory``.
    """
    directory.mkdir(parents=True, exist_ok=True)
    cached = ReadOnce(tables)
    links = article_links(pages, prefix="../articles/")
    actors, places = profiled(cached)
    names = _page_names(actors, places)
    for actor in actors:
        body = actor_profile(cached, actor, links, names)
        (directory / names[actor["actor_id"]]).write_text(
            page(actor["canonical"], body, nav=nav, script=script), encoding="utf-8"
        )
    for place in places:
        body = place_profile(cached, place, links, names)
        (directory / names[place["place_id"]]).write_text(
            page(place["canonical"], body, nav=nav, script=script), encoding="utf-8"
        )
    return {key: f"{directory.name}/{name}" for key, name in names.items()}
