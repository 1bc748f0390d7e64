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
(:func:`part_of_town_readings`). The countries whose press
writes so are those whose divisions have newspaper abbreviations in
``geo_admin1_abbrev.csv`` (:func:`~helpers.knowledge.place_names.admin1_abbreviations`).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from helpers.knowledge.place import Place
from helpers.knowledge.place_names import admin1_abbreviations
from helpers.knowledge.place_ranking import Neighbours, neighbour_count
from helpers.knowledge.vocabulary import place_nouns, town_part_names

#: A town this populous may be named bare anywhere in its country ("Dallas", "Oakland").
WELL_KNOWN_TOWN = 100_000


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


def part_of_town_readings(
    ranked: list[tuple[float, Place]], provinces: Counter, word: str, name: str = ""
) -> list[tuple[float, Place]] | None:
    """The readings in the article's provinces of a name written before a word of a part of a town
    (``word``: "neighborhood", "suburb"; ``part`` in ``place_nouns.csv``) or that many towns give a
    part of theirs (``name``: "Old City", "Midtown"; ``town_part_names.csv``), when its best reading
    is a small town of another province.

    Args:
        ranked: The name's readings, best first.
        provinces: The article's provinces with their support (ISO 3166-2 codes).
        word: The cue word after the name.
        name: The name as written.

    Returns:
        ``None`` when the best reading stands; else the readings in the article's provinces (empty
        when none, or for a name many towns give a part of theirs when the article names no
        province: a part of a town the gazetteer lacks).

    >>> town = Place("gn:1", 1, "Hillside", "city", 40.7, -74.2, "US", "New Jersey", "US-NJ", 21_000, 1)
    >>> part_of_town_readings([(5.0, town)], Counter({"US-MN": 2}), "neighborhood")
    []
    >>> part_of_town_readings([(5.0, town)], Counter({"US-MN": 2}), "village") is None
    True
    >>> part_of_town_readings([(5.0, town)], Counter({"IQ-NI": 2}), "", "Old City")
    []
    >>> unknown = [("", "Old Town"), ("suburb", "")]  # a page that names no province
    >>> [part_of_town_readings([(5.0, town)], Counter(), word, name) for word, name in unknown]
    [[], None]
    """
    generic = name.lower() in town_part_names()  # no big town's own name: "Old Town" is Las Vegas's alias
    if not (word in place_nouns().part or generic) or not ranked:
        return None
    if not provinces:  # "a shooting in Old Town" of a page that names no province: which town's is unknown
        return [] if generic else None
    best = ranked[0][1]
    if (
        best.kind not in ("city", "village")
        or best.admin1_code in provinces
        or (best.population >= WELL_KNOWN_TOWN and not generic)
    ):
        return None
    return [item for item in ranked if item[1].admin1_code in provinces]
