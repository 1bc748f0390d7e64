"""Rank the gazetteer's candidates for a place name, given what an article is about.

Disambiguation scores each candidate (:func:`score_candidate`): the feature
type and population give a prior (a village of unknown size counts for little
against a town), a main name beats an alternate, a name written like the
mention beats one that only folds like it ("Fourth" is not "Fürth"), candidates
in the article's countries and provinces gain, so does one close to a reading of
another name of the article ("Huntsville" beside "Walker County"), a division of the article's
:func:`main_country` beats a foreign country of the same name ("Georgia" in US
news), and a cue word next to the mention ("province", "district", "town")
picks the feature type. The place extractor supplies the context and the cue; the
EntityRuler's patterns (:mod:`helpers.nlp.place_rules`) use the ranking
without context.
"""

from __future__ import annotations

import math
from collections import Counter

from helpers.knowledge.gazetteer import EARTH_RADIUS_KM, Gazetteer, default_gazetteer, haversine_km
from helpers.knowledge.place import SEA_PREFIX, Match, Place

# Context: a country supported by this many distinct names, and by more than any other, is the
# article's main country. When a name is both a foreign country and a division or region of the
# main country, the division gains MAIN_COUNTRY_BONUS: a US article's "Georgia" is the state,
# unless the country Georgia has support of its own.
MAIN_COUNTRY_MIN_NAMES = 2
MAIN_COUNTRY_BONUS = 1.5
#: Prior of a first-level division (a state, province, governorate): a town of about 160,000 people;
#: a division of a country whose divisions average fewer people (Jersey's parishes, Puerto Rico's
#: municipios, American Samoa's districts, Malta's councils) weighs as a town of its average size.
ADMIN1_PRIOR = 5.2
#: Prior of a town of unknown population, by GeoNames feature code: seats of divisions
#: count like towns of a few thousand, plain villages and localities for little, abandoned,
#: historical and destroyed places for less (log10 scale, like populations).
UNKNOWN_SIZE_PRIOR = {"PPLC": 5.0, "PPLA": 4.5, "PPLA2": 4.0, "PPLA3": 3.0, "PPLA4": 2.8, "PPL": 2.4}
UNKNOWN_SIZE_DEFAULT = 2.0
#: Each other name of the article that could lie in a candidate's province adds this much, up to
#: NEARBY_MAX_NAMES names.
NEARBY_BONUS = 0.6
NEARBY_MAX_NAMES = 3
#: Each other name of the article with a plausible town or district reading within NEIGHBOUR_KM
#: of a town or district candidate adds NEIGHBOUR_BONUS, up to NEARBY_MAX_NAMES names: places
#: named together lie together ("Lebanon" beside "Boone County" and "Zionsville" is in Indiana).
NEIGHBOUR_KM = 50.0
NEIGHBOUR_BONUS = 1.0
#: A second-level division named without a cue word loses this much: most share their name
#: with their seat, which news names more often.
BARE_DISTRICT_PENALTY = 1.0
#: A match only through transliteration folds loses this much.
FOLDED_PENALTY = 1.5
#: A place that holds a name only as another name (an old or local one) loses this much when a city
#: of at least BIG_CITY people of the article's countries holds it as its own: "Islamabad denies" in
#: Kashmir news is Pakistan's capital, not Anantnag, whose local name it also is.
ALIAS_OF_CITY_PENALTY = 3.0
BIG_CITY = 500_000


def main_country(countries: Counter | None) -> str:
    """The country an article is mainly about: supported by at least
    :data:`MAIN_COUNTRY_MIN_NAMES` names and by more than any other country ("" if none).

    >>> main_country(Counter({"US": 3, "EG": 1})), main_country(Counter({"US": 2, "GE": 2}))
    ('US', '')
    """
    if not countries:
        return ""
    (top, n), *rest = countries.most_common(2)
    return top if n >= MAIN_COUNTRY_MIN_NAMES and (not rest or rest[0][1] < n) else ""


def prior(place: Place) -> float:
    """The context-free weight of a place: its kind, else its population (log10) or feature.

    >>> from helpers.knowledge.place import Place
    >>> prior(Place("gn:1", 1, "X", "village", 0.0, 0.0, "IQ", "", "", 0, 1, "", "PPL"))
    2.4
    """
    if place.kind == "country":
        return 9.0
    if place.kind == "region":
        return 6.0 if place.precision <= 3 else 5.5
    if place.kind == "admin1":  # one of a micro-state or an island territory weighs as a town its size
        return (
            min(ADMIN1_PRIOR, math.log10(place.district_population))
            if place.district_population
            else ADMIN1_PRIOR
        )
    if place.kind == "admin2":  # one known only at its province's point is little known
        return 4.0 if place.precision <= 2 else UNKNOWN_SIZE_DEFAULT
    if place.population > 0:
        return math.log10(place.population)
    return UNKNOWN_SIZE_PRIOR.get(place.feature, UNKNOWN_SIZE_DEFAULT)


class Neighbours:
    """The town and district readings of an article's names, indexed for :func:`neighbour_count`.

    Readings are grouped by country, by province and in a grid of one-degree cells, so a
    candidate is checked against the readings that can lie near it, not against every
    reading of the article (an article's names times their candidates times their readings
    grew with the square of the article). Python's ``dict`` of cells is the index: no
    spatial library is needed for a few hundred points per article.

    Args:
        readings: Per name (a key such as the normalised name), its town and district readings
            (each with a point).
        excluded: A name whose readings do not count (the candidate's own name).
    """

    def __init__(self, readings: dict[str, list[Place]], excluded: str = "") -> None:
        self.excluded = excluded
        self.by_country: dict[str, set[str]] = {}
        self.by_admin1: dict[str, set[str]] = {}
        self.cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        # near()'s answers: the same candidates come back for each mention of a name
        # (shared with the views of without(), whose exclusion near() does not apply)
        self._near: dict[tuple[float, float, float], frozenset[str]] = {}
        for name, places in readings.items():
            for reading in places:
                self.by_country.setdefault(reading.country, set()).add(name)
                self.by_admin1.setdefault(reading.admin1_code, set()).add(name)
                cell = (math.floor(reading.lat), math.floor(reading.lon))
                self.cells.setdefault(cell, []).append((name, reading.lat, reading.lon))

    def without(self, name: str) -> Neighbours:
        """The same index, leaving out the readings of ``name``."""
        view = object.__new__(Neighbours)
        view.__dict__.update(self.__dict__, excluded=name)
        return view

    def near(self, lat: float, lon: float, km: float) -> frozenset[str]:
        """The names with a reading within ``km`` of a point."""
        if (found := self._near.get((lat, lon, km))) is None:
            found = self._near[lat, lon, km] = frozenset(self._search(lat, lon, km))
        return found

    def _search(self, lat: float, lon: float, km: float) -> set[str]:
        margin = math.degrees(km / EARTH_RADIUS_KM) + 0.01
        widest = math.cos(math.radians(min(90.0, abs(lat) + margin)))
        ratio = math.sin(km / (2 * EARTH_RADIUS_KM)) / widest if widest > 0 else 2.0
        # Every point within km lies within these longitudes (haversine's lower bound on distance).
        lon_margin = 180.0 if ratio >= 1 else math.degrees(2 * math.asin(ratio)) + 0.01
        lon_cells = range(math.floor(lon - lon_margin), math.floor(lon + lon_margin) + 1)
        if len(lon_cells) > 360:
            lon_cells = range(-180, 180)
        names = set()
        for lat_cell in range(math.floor(lat - margin), math.floor(lat + margin) + 1):
            for lon_cell in lon_cells:
                for name, other_lat, other_lon in self.cells.get(
                    (lat_cell, (lon_cell + 180) % 360 - 180), ()
                ):
                    if name not in names and haversine_km(lat, lon, other_lat, other_lon) <= km:
                        names.add(name)
        return names


def neighbour_count(place: Place, neighbours: Neighbours | None) -> int:
    """How many other names have a town or district reading in or near a candidate.

    A town or district reading lies near a town or district within :data:`NEIGHBOUR_KM`,
    and in a province or country when it carries its code, so that areas gain like towns
    ("Florida" beside "Miami" stays the state).

    Args:
        place: The candidate (supranational regions have no neighbours).
        neighbours: The town and district readings of the article's other names.

    Returns:
        The number of names with a reading in or near the candidate.

    >>> from helpers.knowledge.place import Place
    >>> town = Place("gn:1", 1, "X", "city", 30.0, -95.0, "US", "", "US-TX", 0, 1)
    >>> near, far = town._replace(lat=30.1, lon=-95.1), town._replace(lat=40.0, admin1_code="US-OH")
    >>> neighbour_count(town, Neighbours({"near": [near], "far": [far]}))
    1
    >>> texas = Place("gn:2", 2, "Texas", "admin1", 31.0, -99.0, "US", "", "US-TX", 0, 3)
    >>> neighbour_count(texas, Neighbours({"near": [near], "far": [far]}).without("near"))
    0
    """
    if not neighbours or place.lat is None or place.lon is None or place.precision == 5:
        return 0
    if place.kind == "country":
        names = neighbours.by_country.get(place.country, set())
    elif place.kind == "admin1":
        names = neighbours.by_admin1.get(place.admin1_code, set())
    elif place.precision <= 2:
        names = neighbours.near(place.lat, place.lon, NEIGHBOUR_KM)
    else:
        return 0
    return len(names) - (neighbours.excluded in names)


def score_candidate(
    match: Match,
    *,
    countries: Counter | None = None,
    admin1_codes: Counter | None = None,
    cue: str = "",
    nearby: Counter | None = None,
    neighbours: int = 0,
) -> float:
    """Score a candidate place for a mention; the highest score wins.

    Args:
        match: The candidate, with whether the mention is its main name and is written like it.
        countries: ISO alpha-2 codes of the article's context, with counts (the number
            of distinct names supporting each).
        admin1_codes: ISO 3166-2 codes of the article's context, with counts.
        cue: ``"admin"``, ``"district"`` or ``"settlement"`` when a cue word stands next to the mention.
        nearby: Per province, how many of the article's other names have a plausible reading
            there: places named together lie together ("Gainesville" beside "Hall County").
        neighbours: How many of the article's other names have a town or district reading
            in or near the candidate (:func:`neighbour_count`).

    Returns:
        The score (a log-population-like scale).
    """
    place = match.place
    score = prior(place) + (1.0 if match.main else 0.0) - (0.0 if match.exact else FOLDED_PENALTY)
    if countries and (place.country in countries or place.precision == 5):
        score += 3.0  # supranational regions fit any article
    if admin1_codes and place.admin1_code in admin1_codes:
        score += 1.5
    if nearby and place.admin1_code:
        score += NEARBY_BONUS * min(nearby.get(place.admin1_code, 0), NEARBY_MAX_NAMES)
    if match.main:  # "Kaliningrad" beside "Moscow" is not Korolev, once called so
        score += NEIGHBOUR_BONUS * min(neighbours, NEARBY_MAX_NAMES)
    if cue == "admin":  # a division's word names no sea ("Egypt's Red Sea governorate")
        sea = place.place_id.startswith(SEA_PREFIX)
        score += 6.0 if place.kind == "admin1" or (place.kind == "region" and not sea) else 0.0
    elif cue == "district":
        score += {"admin2": 6.0, "admin1": 2.0, "region": 1.0}.get(place.kind, 0.0)
    elif place.kind == "admin2" and cue != "locality":
        score -= BARE_DISTRICT_PENALTY  # "Lice" alone is the town; "Lice district" the district
    elif cue == "settlement" and place.kind in ("city", "village"):
        score += 3.0
    elif cue == "settlement" and not (place.kind == "country" and match.main):
        score -= 2.0  # a country's name before a town's word is the town's country: "Mali town"
    return score


def resolve_name(
    name: str,
    *,
    gazetteer: Gazetteer | None = None,
    countries: Counter | None = None,
    admin1_codes: Counter | None = None,
    cue: str = "",
) -> Place | None:
    """The best place for ``name`` given the context, or ``None`` when unknown.

    >>> resolve_name("Salahuddin").admin1_code
    'IQ-SD'
    >>> resolve_name("Tripoli", countries=Counter({"LB": 1})).country
    'LB'
    """
    ranked = ranked_candidates(name, gazetteer or default_gazetteer(), countries, admin1_codes, cue)
    return ranked[0][1] if ranked else None


def _own_city_population(matches: list[Match], countries: Counter | None) -> int:
    """The people of the biggest town of the article's countries whose own name the name is (0 for
    none): "Algiers" in New Orleans news is no reading of Algeria's capital."""
    return max(
        (
            m.place.population
            for m in matches
            if m.main and m.place.kind == "city" and m.place.country in (countries or ())
        ),
        default=0,
    )


def ranked_candidates(
    name: str,
    gazetteer: Gazetteer,
    countries: Counter | None,
    admin1_codes: Counter | None,
    cue: str,
    *,
    nearby: Counter | None = None,
    neighbours: Neighbours | None = None,
) -> list[tuple[float, Place]]:
    """Every candidate place of ``name`` with its score, best first.

    Args:
        name: The mention's text.
        gazetteer: The gazetteer.
        countries: The article's countries with their support (see :func:`score_candidate`).
        admin1_codes: The article's provinces with their support.
        cue: ``"admin"``, ``"district"``, ``"settlement"`` or ``""``.
        nearby: Plausible provinces of the article's other names (see :func:`score_candidate`).
        neighbours: The plausible town and district readings of each other name
            (see :func:`neighbour_count`).

    Returns:
        ``(score, place)`` pairs, one per place; namesakes of one score ordered by the article's
        main country, their district's people, then ``place_id`` (a bare "King County" is Washington's).
    """
    scored = {}
    matches = gazetteer.candidates(name)
    big_city = _own_city_population(matches, countries)
    for match in matches:
        score = score_candidate(
            match,
            countries=countries,
            admin1_codes=admin1_codes,
            cue=cue,
            nearby=nearby,
            neighbours=neighbour_count(match.place, neighbours),
        )
        town = match.place.kind in ("city", "village")  # "Erbil province" is the division, named so or not
        if big_city >= BIG_CITY and town and not match.main and match.place.population < big_city:
            score -= ALIAS_OF_CITY_PENALTY
        scored[match.place.place_id] = score, match.place
    main = main_country(countries)
    if main and any(p.kind == "country" and p.country != main for _s, p in scored.values()):
        for place_id, (score, place) in scored.items():
            if place.kind in ("admin1", "region") and place.country == main:
                scored[place_id] = score + MAIN_COUNTRY_BONUS, place
    # of one score, a place of the article's main country first ("Kashmir" in Indian news)
    return sorted(
        scored.values(),
        key=lambda item: (
            -item[0],
            bool(main) and item[1].country != main,
            -item[1].district_population,
            item[1].place_id,
        ),
    )


def clear_reading(ranked: list[tuple[float, Place]]) -> bool:
    """True when the best reading of a name needs no context.

    A country, division or region (or a town over 100,000) a point ahead of the
    runner-up, or a country, division or region whose only rivals are towns:
    news names "Virginia" for the state, not for the South African town.

    Args:
        ranked: :func:`ranked_candidates` of the name (not empty).

    Returns:
        Whether the top candidate may count as article context on its own.
    """
    top_score, top = ranked[0]
    if len(ranked) == 1:
        return top.kind in ("country", "admin1", "admin2", "region") or top.population >= 100_000
    runner_up_score, runner_up = ranked[1]
    area = top.kind in ("country", "admin1", "admin2", "region")
    if area and runner_up.kind in ("city", "village"):
        return True
    return (area or top.population >= 100_000) and top_score - runner_up_score >= 1.0
