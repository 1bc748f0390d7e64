"""Notebook 05 (events): incidents merged across articles, ACLED-shaped, with their sources."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.run import Tables
from helpers.views import plots
from helpers.views.common import TOP, evidence_table, finished
from helpers.views.maps import draw_places_map

EVENT_VIEW_COLUMNS = [
    "event_id",
    "event_date",
    "time_precision",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "admin1",
    "country",
    "fatalities",
    "injured_best",
    "n_sources",
    "notes",
]


def events_view(tables: Tables, *, top: int = 20) -> pd.DataFrame:
    """Every event, in date order (undated last), with its type, actors, place and toll."""
    return tables.read("events")[EVENT_VIEW_COLUMNS].head(top).reset_index(drop=True)


def events_timeline(tables: Tables) -> Figure:
    """Events per day as a bar chart, by event type; undated events are counted in the title."""
    events = tables.read("events", columns=["event_date", "event_type"])
    dated = events[events["event_date"].fillna("") != ""]
    undated = len(events) - len(dated)
    note = f" ({undated} undated event{'s' * (undated != 1)} not shown)" if undated else ""
    with plots.style():
        figure, ax = plots.new_figure()
        if dated.empty:
            ax.text(0.5, 0.5, "no dated event", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
        else:
            counts = dated.groupby(["event_date", "event_type"]).size().unstack("event_type", fill_value=0)
            counts.index = pd.to_datetime(counts.index)
            bottom = None
            for kind in sorted(counts.columns):
                ax.bar(counts.index, counts[kind], bottom=bottom, label=kind, width=0.8)
                bottom = counts[kind] if bottom is None else bottom + counts[kind]
            ax.legend(frameon=False)
        return plots.finish(figure, ax, title=f"Events per day{note}", ylabel="events")


def events_map(tables: Tables) -> Figure:
    """The events' places, markers sized by fatalities (one at least, so every event shows)."""
    events = tables.read("events", columns=["location", "latitude", "longitude", "fatalities"])
    located = events[events["latitude"].notna()]
    places = (
        located.assign(n_mentions=located["fatalities"].fillna(0).clip(lower=1))
        .groupby(["location", "latitude", "longitude"], as_index=False)["n_mentions"]
        .sum()
        .rename(columns={"location": "canonical", "latitude": "lat", "longitude": "lon"})
    )
    with plots.style():
        return finished(draw_places_map(places, title="Events, sized by fatalities"))


def events_by(tables: Tables, columns: list[str], *, top: int = TOP) -> pd.DataFrame:
    """Events, fatalities and injured by ``columns`` (``["event_type", "sub_event_type"]``,
    ``["actor1", "actor2", "interaction"]`` …), most events first."""
    events = tables.read("events")
    keyed = events.assign(**{c: events[c].astype("string").fillna("").replace("", "(none)") for c in columns})
    table = keyed.groupby(columns).agg(
        events=("event_id", "size"), fatalities=("fatalities", "sum"), injured=("injured_best", "sum")
    )
    return table.sort_values("events", ascending=False, kind="stable").head(top)


def conflicting_events(tables: Tables, *, top: int = TOP) -> pd.DataFrame:
    """Events whose reports disagree, with the competing figures and their sources."""
    events = tables.read("events")
    flagged = events[events["conflict"].astype(bool)]
    columns = [
        "event_id",
        "event_date",
        "location",
        "fatalities",
        "fatalities_range",
        "n_sources",
        "competing",
    ]
    if flagged.empty:
        return pd.DataFrame({"note": ["no event has conflicting reports"]})
    return flagged[columns].head(top).reset_index(drop=True)


def event_sources(tables: Tables, event_id: str | None = None, *, top: int = 20) -> pd.DataFrame:
    """The reports behind one event (default: the first), each with its source and sentence."""
    events = tables.read("events", columns=["event_id", "reports"])
    if events.empty:
        return pd.DataFrame({"note": ["no event"]})
    chosen = events[events["event_id"] == event_id] if event_id else events.head(1)
    keys = [k for ks in chosen["reports"] for k in ks.split(";")]
    reports = tables.read("event_reports")
    reports = reports.assign(key=reports["article_id"] + "#" + reports["report"].astype(str))
    mine = reports[reports["key"].isin(keys)].assign(
        event_id=chosen["event_id"].iloc[0] if len(chosen) else ""
    )
    columns = ["event_id", "article_id", "source", "source_url", "event_date", "date_phrase", "start_char"]
    return evidence_table(mine, [*columns, "sentence"], top=top)


def not_events(tables: Tables, *, top: int = TOP) -> pd.DataFrame:
    """Events the leads announce that are no event yet (planned, not done), with the reason."""
    reports = tables.read("event_reports")
    left_out = reports[reports["excluded"].astype(bool)]
    columns = ["article_id", "sub_event_type", "type_cue", "exclude_reason", "sentence"]
    return evidence_table(left_out, columns, top=top)
