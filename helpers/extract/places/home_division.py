"""A town of another state is written with its state: read bare town names in the dateline's state.

US and Canadian newspapers follow the AP and Canadian Press styles: a town outside the
state or province of the dateline carries its state ("Linden, N.J.", "Windsor, Ont."),
unless it is a big, well-known city. A bare small-town name in a story datelined
"COLUMBUS, Ohio" is therefore an Ohio place: "the Linden neighborhood" of Columbus, not
Linden, New Jersey; the "Hill District" of a PITTSBURGH story, not Hill, New Hampshire.
Without a dateline the rule does not apply: a local paper's own state is not known for
sure (the names it gives most may be those of a story elsewhere); but a name written as a part
of a town ("the East Hillside neighborhood" in Duluth news) or that many towns give a part of
theirs ("Mosul's Old City") lies in the article's provinces, in any country
(:func:`part_of_town_readings`), and so does every other mention of a name the article once
writes as a part ("South Austin shooting" in a story of "the South Austin neighborhood" of
Chicago). The countries whose press
writes so are those whose divisions have newspaper abbreviations in
``geo_admin1_abbrev.csv`` (:func:`~helpers.knowledge.place_names.admin1_abbreviations`).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Span

from helpers.knowledge.grammar import function_words
from helpers.knowledge.place import Place
from helpers.knowledge.place_names import admin1_abbreviations
from helpers.knowledge.place_ranking import Neighbours, main_country, neighbour_count
from helpers.knowledge.vocabulary import place_nouns, town_part_names

#: A town this populous may be named bare anywhere in its country ("Dallas", "Oakland").
WELL_KNOWN_TOWN = 100_000
#: Kilometres from every other name's reading beyond which a small foreign town is no place of the story.
FAR_ABROAD_KM = 1_500.0


@lru_cache(maxsize=1)
def state_style_countries() -> frozenset[str]:
    """Countries whose newspapers write a town of another division with the division.

    >>> sorted(state_style_countries())
    ['CA', 'US']
    """
    return frozenset(code.split("-")[0] for code in admin1_abbreviations().values())


def out_of_state(place: Place, home: frozenset[str], neighbours: Neighbours | None) -> bool:
    """True for a small town or a county of another state of the article's country than the
    dateline's, near none of its other names ("Hill County, Texas" is written so in Pittsburgh
    news, as AP style asks).

    Args:
        place: The best reading of a bare name.
        home: The provinces the dateline may lie in (ISO 3166-2 codes; a bare "COLUMBUS" may be
            Ohio's, Georgia's or Nebraska's, and a county of any of them is no other state's).
        neighbours: The other names' local readings: a town near one (a suburb across the
            state line) is not doubted.

    >>> town = Place("gn:1", 1, "Linden", "city", 40.6, -74.2, "US", "New Jersey", "US-NJ", 40_000, 1)
    >>> out_of_state(town, frozenset({"US-OH"}), None), out_of_state(town, frozenset({"US-NJ"}), None)
    (True, False)
    >>> out_of_state(town._replace(population=400_000), frozenset({"US-OH"}), None)
    False
    """
    countries = {code.split("-")[0] for code in home}
    return (
        place.kind in ("city", "village", "admin2")
        and countries == {place.country}
        and place.country in state_style_countries()
        and place.admin1_code not in home
        and place.population < WELL_KNOWN_TOWN
        and not neighbour_count(place, neighbours)
    )


def in_home_province(
    ranked: list[tuple[float, Place]], home: frozenset[str], neighbours: Neighbours | None
) -> list[tuple[float, Place]] | None:
    """The readings of a bare name in the dateline's state, when its best reading is a small town of another.

    Args:
        ranked: The name's readings, best first (:func:`~helpers.knowledge.place_ranking.ranked_candidates`).
        home: The provinces the dateline may lie in (empty when the article has none).
        neighbours: The other names' local readings.

    Returns:
        ``None`` when the best reading stands; else the readings in the dateline's provinces,
        best first (empty when it has none: the name is a place the gazetteer lacks, such as a
        neighbourhood).
    """
    if not ranked or not out_of_state(ranked[0][1], home, neighbours):
        return None
    return [item for item in ranked if item[1].admin1_code in home]


def far_abroad(place: Place, countries: Counter, neighbours: Neighbours | None) -> bool:
    """True for a small town (under :data:`WELL_KNOWN_TOWN`) of a country no other name of the
    article supports while two or more support another (its :func:`main_country`), farther than
    :data:`FAR_ABROAD_KM` from every town or district reading of its other names: a neighbourhood
    of the story's city that the gazetteer lacks ("in Whitehaven" of Memphis news is not the
    English town, "Overtown" of Miami news not the Scottish village) or a word read as a place.
    News names a small foreign town with its country or near the places of its story; a big city
    ("Paris", "Kabul") may be named bare anywhere. One other name is too little support: a
    story's own town is read abroad when its only other name was read wrong ("LIVERMORE" beside
    a "Santa Rita" read in Guam).

    >>> town = Place("gn:1", 1, "Whitehaven", "city", 54.5, -3.6, "GB", "England", "GB-ENG", 25_000, 1)
    >>> memphis = town._replace(lat=35.1, lon=-90.0, country="US", admin1_code="US-TN")
    >>> us, around = Counter({"US": 2}), Neighbours({"memphis": [memphis]}, excluded="whitehaven")
    >>> far_abroad(town, us, around), far_abroad(town._replace(population=400_000), us, around)
    (True, False)
    >>> far_abroad(town, Counter({"US": 2, "GB": 1}), around), far_abroad(town, Counter({"US": 1}), around)
    (False, False)
    """
    if (
        place.kind not in ("city", "village")
        or place.population >= WELL_KNOWN_TOWN
        or not main_country(countries)
        or place.country in countries
        or neighbours is None
        or place.lat is None
    ):
        return False
    others = {name for cell in neighbours.cells.values() for name, _lat, _lon in cell} - {neighbours.excluded}
    return bool(others) and not neighbours.near(place.lat, place.lon, FAR_ABROAD_KM) - {neighbours.excluded}


def readings_near_the_story(
    ranked: list[tuple[float, Place]], countries: Counter, neighbours: Neighbours | None
) -> list[tuple[float, Place]] | None:
    """The readings of a name in the article's countries, when its best reading is a small town far
    abroad (:func:`far_abroad`); ``None`` when the best reading stands (an empty list: the name has
    no reading there, a place the gazetteer lacks)."""
    if not ranked or not far_abroad(ranked[0][1], countries, neighbours):
        return None
    return [item for item in ranked if item[1].country in countries]


def names_part_of_town(span: Span) -> bool:
    """True when the word after the name makes it a part of a town ("the Wyandotte neighborhood";
    not "the neighborhood of Brooklyn"), or many towns give a part of theirs the name ("Old City")."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return after in place_nouns().part or span.text.lower() in town_part_names()


def article_before(span: Span) -> str:
    """The article before a name, over up to three title-case words ("the West Side Austin", "a
    North Philadelphia"), lower case; "" when none.

    >>> import spacy
    >>> doc = spacy.blank("en")("in a North Philadelphia neighborhood and the Austin one and Kirkuk")
    >>> article_before(doc[3:4]), article_before(doc[7:8]), article_before(doc[11:12])
    ('a', 'the', '')
    """
    doc, at = span.doc, span.start - 1
    while at >= 0 and doc[at].is_title and at > span.start - 4:
        at -= 1
    word = doc[at].lower_ if at >= 0 else ""
    return word if word in function_words().articles else ""


def _a_town_s_part(span: Span, town: Place) -> bool:
    """Whether a name written before a part word with "a", in a page naming no province, is the town
    whose part it is: a big town or a division ("a Detroit neighborhood", "a D.C. neighborhood"), not
    a part's own name ("a Chatham neighborhood home" of Chicago news). Where a province is named, the
    part lies there ("a South Austin neighborhood" of Chicago news)."""
    big = town.kind in ("admin1", "country") or town.population >= WELL_KNOWN_TOWN
    return big and article_before(span) in function_words().indefinite_articles


def part_of_town_readings(
    ranked: list[tuple[float, Place]],
    provinces: Counter,
    countries: Counter,
    span: Span,
    *,
    named_part: bool = False,
) -> list[tuple[float, Place]] | None:
    """The readings in the article's provinces of a name that names a part of a town
    (:func:`names_part_of_town`), when its best reading is a town of another province, however big
    ("the West Side Austin neighborhood" of Chicago news is no part of Austin, Texas).

    Args:
        ranked: The name's readings, best first.
        provinces: The article's provinces with their support (ISO 3166-2 codes).
        countries: The article's countries with their support.
        span: The name in its parsed article.
        named_part: Whether another mention of the name in the article is written as a part of a
            town: this one is the same part, whatever words stand around it, when the article
            names a province.

    Returns:
        ``None`` when the best reading stands; else the readings in the article's provinces (empty
        when none, or when the article names no province and, but for a name many towns give a part
        of theirs, no country either: a part of a town the gazetteer lacks, or of a town nobody named).

    >>> import spacy
    >>> doc = spacy.blank("en")("the Hillside neighborhood and the Old City and Hillside village")
    >>> part, generic, village = doc[1:2], doc[5:7], doc[8:9]
    >>> town = Place("gn:1", 1, "Hillside", "city", 40.7, -74.2, "US", "New Jersey", "US-NJ", 21_000, 1)
    >>> minnesota, us, nothing = Counter({"US-MN": 2}), Counter({"US": 2}), Counter()
    >>> [part_of_town_readings([(5.0, town)], minnesota, us, name) for name in (part, village)]
    [[], None]
    >>> part_of_town_readings([(5.0, town)], nothing, Counter({"IQ": 2}), generic)
    []
    >>> [part_of_town_readings([(5.0, town)], nothing, countries, part) for countries in (nothing, us)]
    [[], None]
    >>> part_of_town_readings([(5.0, town)], minnesota, us, village, named_part=True)
    []
    """
    written = names_part_of_town(span)
    if not ranked or not (written or (named_part and provinces)):
        return None  # the name written bare, in an article naming no province: no evidence either way
    if not provinces:  # "a shooting in Old Town" of a page that names no province: which town's is unknown
        if written and _a_town_s_part(span, ranked[0][1]):
            return None  # "a Detroit neighborhood": Detroit's
        return [] if span.text.lower() in town_part_names() or not countries else None
    best = ranked[0][1]
    if best.kind not in ("city", "village") or best.admin1_code in provinces:
        return None
    return [item for item in ranked if item[1].admin1_code in provinces]
