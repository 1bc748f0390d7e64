"""The extractor registry: every per-article extractor, the tables it writes and what it reads.

An extractor is a function ``(doc, article, context, found) -> {table: rows}``;
``found`` holds the rows that earlier extractors produced for the same article
(the tables named in :attr:`Extractor.reads`). Table columns are declared once,
in :data:`helpers.tables.SCHEMAS`. The runners (local and Dask), the row cache
and the README check all read :data:`EXTRACTORS`; adding a table is one
extractor module, one entry here and one schema.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc

from helpers.articles import Article
from helpers.extract.actor_pronouns import actor_pronouns
from helpers.extract.casualties import extract_casualties
from helpers.extract.context import Context
from helpers.extract.events import event_reports
from helpers.extract.mentions import context_countries, extract_mentions, with_places
from helpers.extract.persons import extract_persons
from helpers.extract.places import main_place, resolve_places
from helpers.extract.quotes import extract_quotes
from helpers.tables import SCHEMAS

Rows = dict[str, list[dict]]
ExtractorFunction = Callable[[Doc, Article, Context, Mapping[str, list[dict]]], Rows]

#: Tables with a row for every input, written by the loader (not by an extractor).
LOADER_TABLES = ("articles", "paragraphs")


@dataclass(frozen=True)
class Extractor:
    """One per-article extractor.

    Attributes:
        name: Short name (``"casualties"``).
        writes: Tables it returns rows for (their schemas are in ``tables.SCHEMAS``).
        reads: Tables of the same article it needs from earlier extractors.
        run: The function.
    """

    name: str
    writes: tuple[str, ...]
    reads: tuple[str, ...]
    run: ExtractorFunction


def _person_spans(persons: list[dict]) -> set[tuple[int, int]]:
    """Offsets of the person names an article's actor rows name (authors excluded)."""
    return {(p["start_char"], p["end_char"]) for p in persons if p["role"] == "actor"}


def _persons(doc: Doc, article: Article, context: Context, found: Mapping[str, list[dict]]) -> Rows:
    return {"person_mentions": extract_persons(doc, article, dictionary=context.dictionary)}


def _places(doc: Doc, article: Article, context: Context, found: Mapping[str, list[dict]]) -> Rows:
    # A name the persons extractor recognised from speech or title cues ("Kaabi warned")
    # is a person even where the entity recogniser said GPE: not an unresolved place.
    persons = _person_spans(found["person_mentions"])
    return {
        "place_mentions": [
            p
            for p in resolve_places(doc, article, gazetteer=context.gazetteer)
            if p["place_id"] or (p["start_char"], p["end_char"]) not in persons
        ]
    }


def _mentions(doc: Doc, article: Article, context: Context, found: Mapping[str, list[dict]]) -> Rows:
    persons = _person_spans(found["person_mentions"])
    places = found["place_mentions"]
    countries = context_countries(places, main_place(places))
    mentions = [
        dict(m, label="PERSON", actor_id="", canonical="", category="")
        if (m["start_char"], m["end_char"]) in persons
        else m
        for m in extract_mentions(doc, article, dictionary=context.dictionary, countries=countries)
    ]
    mentions = with_places(mentions, found["place_mentions"], doc=doc, article=article)
    pronouns = actor_pronouns(
        doc, article, mentions, persons=found["person_mentions"], dictionary=context.dictionary
    )
    return {"mentions": mentions + pronouns}


def _quotes(doc: Doc, article: Article, context: Context, found: Mapping[str, list[dict]]) -> Rows:
    return {
        "quotes": extract_quotes(
            doc, article, persons=found["person_mentions"], dictionary=context.dictionary
        )
    }


def _casualties(doc: Doc, article: Article, context: Context, found: Mapping[str, list[dict]]) -> Rows:
    places = found["place_mentions"]
    return {
        "casualties": extract_casualties(
            doc,
            article,
            places=places,
            main_place=main_place(places),
            lexicon=context.casualty_lexicon,
            dictionary=context.dictionary,
        )
    }


def _events(doc: Doc, article: Article, context: Context, found: Mapping[str, list[dict]]) -> Rows:
    places = found["place_mentions"]
    return {
        "event_reports": event_reports(
            doc,
            article,
            casualties=found["casualties"],
            places=places,
            mentions=found["mentions"],
            main_place=main_place(places),
            gazetteer=context.gazetteer,
            persons=found["person_mentions"],
        )
    }


#: Every per-article extractor, in the order they run (each reads only earlier tables).
EXTRACTORS: tuple[Extractor, ...] = (
    Extractor("persons", writes=("person_mentions",), reads=(), run=_persons),
    Extractor("places", writes=("place_mentions",), reads=("person_mentions",), run=_places),
    Extractor("mentions", writes=("mentions",), reads=("person_mentions", "place_mentions"), run=_mentions),
    Extractor("quotes", writes=("quotes",), reads=("person_mentions",), run=_quotes),
    Extractor("casualties", writes=("casualties",), reads=("place_mentions",), run=_casualties),
    Extractor(
        "events",
        writes=("event_reports",),
        reads=("casualties", "place_mentions", "mentions", "person_mentions"),
        run=_events,
    ),
)

#: Tables the extractors write, in registry order.
EXTRACTOR_TABLES: tuple[str, ...] = tuple(t for e in EXTRACTORS for t in e.writes)
#: Tables written per article: the loader's, then the extractors'.
ARTICLE_TABLES: tuple[str, ...] = LOADER_TABLES + EXTRACTOR_TABLES


def check_registry(extractors: tuple[Extractor, ...] = EXTRACTORS) -> None:
    """Raise ``ValueError`` unless every table has a schema, one writer, and is read after it is written.

    >>> check_registry()
    """
    written: set[str] = set(LOADER_TABLES)
    for extractor in extractors:
        missing = [t for t in extractor.reads if t not in written]
        if missing:
            raise ValueError(f"extractor {extractor.name!r} reads {missing} before they are written")
        for table in extractor.writes:
            if table not in SCHEMAS:
                raise ValueError(f"extractor {extractor.name!r} writes {table!r}, which has no schema")
            if table in written:
                raise ValueError(f"table {table!r} is written twice")
            written.add(table)


def extract_rows(doc: Doc, article: Article, context: Context) -> Rows:
    """Every per-article table's rows for one parsed article (none for a duplicate)."""
    if article.duplicate_of:
        return {}
    found: Rows = {}
    for extractor in EXTRACTORS:
        found.update(extractor.run(doc, article, context, found))
    return {table: found[table] for table in ARTICLE_TABLES if table in found}


check_registry()
