"""The corpus-table registry: tables computed over the whole corpus after the per-article pass.

Each :class:`Aggregate` builds one table from tables already written (the
per-article ones, or aggregates earlier in :data:`AGGREGATES`) through a
``read(table, columns)`` function, so only the columns it needs are read.
Columns are declared once, in :data:`helpers.tables.SCHEMAS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from helpers.aggregate.actors import actors_table
from helpers.aggregate.event_ged import ged_view
from helpers.aggregate.events import events_table
from helpers.aggregate.incidents import merge_incidents
from helpers.aggregate.outlet_homes import STORY_COLUMNS, outlet_towns
from helpers.aggregate.persons import persons_table
from helpers.aggregate.places import places_table
from helpers.aggregate.rehoming import place_in_home_towns, rehome_reports
from helpers.aggregate.totals import casualty_totals
from helpers.extract.context import Context
from helpers.tables import SCHEMAS

Reader = Callable[[str, Sequence[str] | None], pd.DataFrame]
#: The ``place_mentions`` columns the events read (their outlets' home states, places their articles name).
EVENT_PLACE_COLUMNS = (*STORY_COLUMNS, "start_char", "text", "resolution", "lat", "lon")


@dataclass(frozen=True)
class Aggregate:
    """One corpus table.

    Attributes:
        table: The table it writes (its schema is in ``tables.SCHEMAS``).
        reads: Tables it reads.
        build: ``build(read, context)`` returns the table.
    """

    table: str
    reads: tuple[str, ...]
    build: Callable[[Reader, Context], pd.DataFrame]


def _actors(read: Reader, context: Context) -> pd.DataFrame:
    mentions = read("mentions", ["article_id", "text", "actor_id", "canonical", "category"])
    linked = mentions[mentions["actor_id"].fillna("") != ""]
    known = {a: context.dictionary.get(a) for a in linked["actor_id"].unique()}
    linked = linked.assign(
        country=[known[a].country if known[a] else "" for a in linked["actor_id"]],
        wikidata=[known[a].wikidata if known[a] else "" for a in linked["actor_id"]],
        in_dictionary=[known[a] is not None for a in linked["actor_id"]],
    )
    return actors_table(linked)


def _persons(read: Reader, context: Context) -> pd.DataFrame:
    return persons_table(read("person_mentions", None))


def _places(read: Reader, context: Context) -> pd.DataFrame:
    return places_table(read("place_mentions", None))


def _totals(read: Reader, context: Context) -> pd.DataFrame:
    articles = read("articles", ["article_id", "near_duplicate_of"])
    copies = articles[articles["near_duplicate_of"].fillna("") != ""]
    return casualty_totals(
        read("casualties", None), dict(zip(copies["article_id"], copies["near_duplicate_of"]))
    )


def _incidents(read: Reader, context: Context) -> pd.DataFrame:
    place_mentions = read("place_mentions", None)
    event_places = place_mentions[place_mentions["role"].isin(["event", "nested"])]
    return merge_incidents(
        read("casualty_totals", None), read("articles", ["article_id", "date"]), places=event_places
    )


def _events(read: Reader, context: Context) -> pd.DataFrame:
    places = read("place_mentions", list(EVENT_PLACE_COLUMNS))
    articles = read("articles", ["article_id", "date", "outlet", "url", "near_duplicate_of", "title"])
    towns = outlet_towns(places, articles)  # learnt once: reports and events are placed by them
    events = events_table(
        rehome_reports(read("event_reports", None), places, articles, towns, context.gazetteer),
        read("casualties", None),
        articles,
        read("person_mentions", ["article_id", "start_char", "person_id", "title", "rank"]),
        places,
        home_towns={outlet: town.place_id for outlet, town in towns.items()},
    )
    return place_in_home_towns(events, places, articles, towns, context.gazetteer)


#: Every corpus table, in the order they are built (each reads only earlier tables).
AGGREGATES: tuple[Aggregate, ...] = (
    Aggregate("actors", reads=("mentions",), build=_actors),
    Aggregate("persons", reads=("person_mentions",), build=_persons),
    Aggregate("places", reads=("place_mentions",), build=_places),
    Aggregate("casualty_totals", reads=("casualties", "articles"), build=_totals),
    Aggregate("incidents", reads=("casualty_totals", "articles", "place_mentions"), build=_incidents),
    Aggregate(
        "events",
        reads=("event_reports", "casualties", "articles", "person_mentions", "place_mentions"),
        build=_events,
    ),
    Aggregate("events_ged", reads=("events",), build=lambda read, context: ged_view(read("events", None))),
)
CORPUS_TABLES: tuple[str, ...] = tuple(a.table for a in AGGREGATES)


def corpus_tables(read: Reader, context: Context) -> dict[str, pd.DataFrame]:
    """Every corpus table, built in order; ``read(table, columns)`` reads a per-article table.

    A table built earlier in the same call is passed to later ones from memory.
    """
    built: dict[str, pd.DataFrame] = {}

    def read_built(table: str, wanted: Sequence[str] | None) -> pd.DataFrame:
        if table in built:
            return built[table] if wanted is None else built[table][list(wanted)]
        return read(table, wanted)

    for aggregate in AGGREGATES:
        if aggregate.table not in SCHEMAS:
            raise ValueError(f"corpus table {aggregate.table!r} has no schema in tables.SCHEMAS")
        built[aggregate.table] = aggregate.build(read_built, context)
    return built
