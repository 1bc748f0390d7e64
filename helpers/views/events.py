"""Notebook 05 (events): incidents merged across articles, ACLED-shaped, with their sources."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown
from matplotlib.figure import Figure

from helpers.run import Tables
from helpers.views import plots
from helpers.views.common import evidence_table, map_figure, none_found, resolve

EVENT_VIEW_COLUMNS = [
    "event_id",
    "event_date",
    "time_precision",
    "sub_event_type",
    "actor1",
    "actor2",
    "site",
    "location",
    "admin1",
    "country",
    "fatalities",
    "injured_best",
    "n_sources",
    "notes",
]


def events_view(tables: Tables) -> pd.DataFrame:
    """Every event, in date order (undated last), with its type, actors, site, place and toll."""
    events = tables.read("events")[EVENT_VIEW_COLUMNS]
    return events.sort_values(
        ["event_date", "event_id"], na_position="last", kind="stable", ignore_index=True
    )


def events_timeline(tables: Tables) -> Figure | Markdown:
    """Events per day (per week over long spans) as stacked bars, one colour per event type."""
    events = tables.read("events", columns=["event_date", "event_type"])
    dated = events[events["event_date"].fillna("") != ""]
    if dated.empty:
        return none_found("no event has a date")
    counts = (
        dated.groupby(["event_date", "event_type"]).size().unstack("event_type", fill_value=0).sort_index()
    )
    undated = len(events) - len(dated)
    note = f" ({undated} undated event{'s' * (undated != 1)} not shown)" if undated else ""
    return plots.timeline_chart(counts.rename_axis(columns=None), title=f"Events{note}", ylabel="events")


def events_map(tables: Tables) -> Figure | Markdown:
    """The events' places, markers sized by fatalities (one at least, so every event shows)."""
    events = tables.read("events", columns=["location", "latitude", "longitude", "fatalities"])
    located = events[events["latitude"].notna()]
    places = (
        located.assign(n_mentions=located["fatalities"].fillna(0).clip(lower=1))  # the marker sizes
        .groupby(["location", "latitude", "longitude"], as_index=False)["n_mentions"]
        .sum()
        .rename(columns={"location": "canonical", "latitude": "lat", "longitude": "lon"})
    )
    return map_figure(
        places,
        title="Events, sized by fatalities",
        missing="no event has a place with coordinates",
        unit="fatalities (at least one per event)",
        size_label="fatalities (1+ per event)",
    )


def events_by(tables: Tables, columns: list[str]) -> pd.DataFrame:
    """Events, fatalities and injured by ``columns`` (``["event_type", "sub_event_type"]``,
    ``["actor1", "actor2", "interaction"]`` …), most events first."""
    events = tables.read("events")
    keyed = events.assign(**{c: events[c].astype("string").fillna("").replace("", "(none)") for c in columns})
    table = keyed.groupby(columns, as_index=False).agg(
        events=("event_id", "size"), fatalities=("fatalities", "sum"), injured=("injured_best", "sum")
    )
    return table.sort_values(
        ["events", *columns], ascending=[False, *[True] * len(columns)], kind="stable", ignore_index=True
    )


def conflicting_events(tables: Tables) -> pd.DataFrame | Markdown:
    """Events whose reports disagree, with the competing figures and their sources."""
    events = tables.read("events")
    flagged = events[events["conflict"].astype(bool)]
    if flagged.empty:
        return none_found("no event has conflicting reports")
    columns = [
        "event_id",
        "event_date",
        "location",
        "fatalities",
        "fatalities_range",
        "n_sources",
        "competing",
    ]
    return flagged[columns].reset_index(drop=True)


def placed_by_outlet_home(tables: Tables) -> pd.DataFrame | Markdown:
    """Events placed by their outlet's home rather than where their article read a bare town name,
    or placed in its home town when their article names no place (``place_reason``;
    :mod:`helpers.aggregate.rehoming`)."""
    events = tables.read(
        "events",
        columns=["event_id", "event_date", "location", "admin1", "geo_precision", "source", "place_reason"],
    )
    moved = events[events["place_reason"].fillna("") != ""]
    if moved.empty:
        return none_found("no event was placed by its outlet's home state or town")
    return moved.sort_values("event_id", ignore_index=True)


def event_sources(tables: Tables, event_id: str | None = None) -> pd.DataFrame | Markdown:
    """The reports behind one event (default: the first), each with its source and sentence;
    an event id not in the table gets the closest ids."""
    events = tables.read("events", columns=["event_id", "reports"])
    if events.empty:
        return none_found("no event")
    if event_id is None:
        event_id = events["event_id"].iloc[0]
    else:
        event_id = resolve(event_id, events["event_id"], kind="event id")
        if isinstance(event_id, Markdown):
            return event_id
    chosen = events[events["event_id"] == event_id]
    keys = [k for ks in chosen["reports"] for k in ks.split(";")]
    reports = tables.read("event_reports")
    reports = reports.assign(key=reports["article_id"] + "#" + reports["report"].astype(str))
    mine = reports[reports["key"].isin(keys)].assign(event_id=event_id)
    columns = ["event_id", "source", "source_url", "event_date", "date_phrase", "sentence", "article_id"]
    return evidence_table(tables, mine, [*columns, "start_char"])


def not_events(tables: Tables) -> pd.DataFrame | Markdown:
    """Events the leads announce that are no event yet (planned, not done), with the reason."""
    reports = tables.read("event_reports")
    left_out = reports[reports["excluded"].astype(bool)]
    if left_out.empty:
        return none_found("no lead announces an event that has not happened")
    columns = ["sub_event_type", "type_cue", "exclude_reason", "sentence", "article_id", "start_char"]
    return evidence_table(tables, left_out, columns)


def articles_without_events(tables: Tables) -> pd.DataFrame | Markdown:
    """Articles no event was coded from, and why: their casualty figures are of other times
    (background, cumulative …), vague or left out, or they give none and their headline and
    lead name no event (follow-ups, trials, profiles)."""
    articles = tables.read("articles", columns=["article_id", "status", "duplicate_of"])
    loaded = articles[(articles["status"] == "loaded") & (articles["duplicate_of"].fillna("") == "")]
    reports = tables.read("event_reports", columns=["article_id", "excluded"])
    coded = set(reports.loc[~reports["excluded"].astype(bool), "article_id"])
    missing = loaded[~loaded["article_id"].isin(coded)]
    if missing.empty:
        return none_found("every article reports an event")
    figures = tables.read("casualties", columns=["article_id", "scope", "excluded", "part_of", "qualifier"])
    kind = figures["scope"].where(figures["scope"] != "current", "current but vague or part of a total")
    kind = kind.where(~figures["excluded"].astype(bool), "left out")
    counts = kind.groupby(figures["article_id"]).value_counts().sort_index()
    reasons = {
        article: "figures not of the incident: "
        + ", ".join(f"{scope} {n}" for (_, scope), n in group.items())
        for article, group in counts.groupby(level=0)
    }
    default = "no casualty figure, and no event word in the headline or lead"
    view = missing.assign(reason=[reasons.get(article, default) for article in missing["article_id"]])
    return evidence_table(tables, view, ["reason", "article_id"], order=("date", "article"))
