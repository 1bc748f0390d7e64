"""Neighbour evidence in place ranking: places named together lie together (issue #16).

Every sentence is written for the test; none is copied from a corpus.
"""

import math
from collections import Counter

import pytest

from helpers.articles import Article, Paragraph
from helpers.extract.places import places
from helpers.knowledge.gazetteer import default_gazetteer, haversine_km
from helpers.knowledge.place import Match, Place
from helpers.knowledge.place_ranking import (
    ADMIN1_PRIOR,
    NEIGHBOUR_BONUS,
    NEIGHBOUR_KM,
    Neighbours,
    neighbour_count,
    prior,
    ranked_candidates,
    score_candidate,
)

TOWN = Place("gn:1", 1, "Hilltown", "city", 30.0, -95.0, "US", "Texas", "US-TX", 5000, 1, "", "PPL")
NEAR = TOWN._replace(place_id="gn:2", lat=30.2, lon=-95.2)  # about 30 km away
FAR = TOWN._replace(place_id="gn:3", lat=40.0, lon=-83.0, admin1_code="US-OH")


def test_neighbours_count_names_with_a_reading_near_a_town():
    assert neighbour_count(TOWN, _index([NEAR], [FAR], [FAR, NEAR])) == 2
    assert neighbour_count(TOWN, _index([FAR])) == 0
    assert neighbour_count(TOWN, None) == 0
    assert neighbour_count(TOWN, Neighbours({"near": [NEAR], "far": [FAR]}).without("near")) == 0


@pytest.mark.parametrize("lat", [0.0, 45.0, 69.5, -78.0, 89.8])
@pytest.mark.parametrize("lon", [0.0, 179.9, -179.9, 33.5])
def test_the_grid_finds_every_reading_within_the_distance_and_no_other(lat, lon):
    # Readings on rings around the candidate, across cell edges, the date line and near the poles.
    town = TOWN._replace(lat=lat, lon=lon)
    readings = {}
    for ring_km in (1, 20, 49, 51, 80, 300):
        for bearing in range(0, 360, 15):
            angle = math.radians(bearing)
            r_lat = max(-90.0, min(90.0, lat + math.degrees(ring_km / 6371.0 * math.cos(angle))))
            spread = math.degrees(ring_km / 6371.0 * math.sin(angle)) / max(
                math.cos(math.radians(r_lat)), 1e-6
            )
            r_lon = (lon + spread + 180.0) % 360.0 - 180.0
            readings[f"{ring_km}-{bearing}"] = [TOWN._replace(lat=r_lat, lon=r_lon)]
    expected = sum(haversine_km(lat, lon, p[0].lat, p[0].lon) <= NEIGHBOUR_KM for p in readings.values())
    assert neighbour_count(town, Neighbours(readings)) == expected
    assert 0 < expected < len(readings)


def _index(*readings: list[Place]) -> Neighbours:
    return Neighbours({f"name {n}": places for n, places in enumerate(readings)})


def test_neighbours_of_areas_lie_inside_them():
    texas = Place("gn:4", 4, "Texas", "admin1", 31.0, -99.0, "US", "Texas", "US-TX", 0, 3)
    usa = Place("gn:5", 5, "United States", "country", 39.0, -98.0, "US", "", "", 0, 4)
    mexico = usa._replace(place_id="gn:6", country="MX")
    continent = Place("rg:europe", None, "Europe", "region", 50.0, 10.0, "", "", "", 0, 5)
    assert neighbour_count(texas, _index([NEAR], [FAR])) == 1
    assert neighbour_count(usa, _index([NEAR], [FAR])) == 2
    assert neighbour_count(mexico, _index([NEAR])) == 0
    assert neighbour_count(continent, _index([NEAR])) == 0


def test_only_a_main_name_gains_from_its_neighbours():
    main, former = Match(TOWN, True, True), Match(TOWN, False, True)
    assert score_candidate(main, neighbours=2) - score_candidate(main) == 2 * NEIGHBOUR_BONUS
    assert score_candidate(former, neighbours=2) == score_candidate(former)


def test_a_county_named_beside_a_town_picks_the_namesake_inside_it():
    gazetteer = default_gazetteer()
    walker = [p for p in gazetteer.lookup("Walker County") if p.kind == "admin2"]
    alone = ranked_candidates("Huntsville", gazetteer, Counter({"US": 2}), None, "")
    beside = ranked_candidates(
        "Huntsville", gazetteer, Counter({"US": 2}), None, "", neighbours=_index(walker)
    )
    assert alone[0][1].admin1_code == "US-AL"
    assert beside[0][1].admin1_code == "US-TX"


def _rows(nlp, text: str) -> list[dict]:
    article = Article("t", "t.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))])
    return places.resolve_places(nlp(text), article)


def _ids(rows: list[dict], name: str) -> set[int]:
    return {r["geonameid"] for r in rows if r["text"] == name and r["place_id"]}


@pytest.mark.parametrize(
    "text, name, geonameid",
    [
        (  # Huntsville, Texas: the seat of Walker County, not the larger Huntsville in Alabama
            "The burn ban in Walker County ended on Monday after the Huntsville fire chief met the "
            "county judge.",
            "Huntsville",
            4699540,
        ),
        (  # Lebanon, Indiana, beside Zionsville and Whitestown: not the country
            "Lebanon will collect yard waste next week, and residents of Zionsville and Whitestown "
            "may drop off old paint at the same site.",
            "Lebanon",
            4922673,
        ),
    ],
)
def test_a_town_named_with_its_neighbours_resolves_among_them(nlp, text, name, geonameid):
    assert _ids(_rows(nlp, text), name) == {geonameid}


def test_a_state_named_with_its_towns_stays_the_state(nlp):
    text = "Storms flooded streets in Miami and Orlando on Sunday, and Florida officials opened shelters."
    rows = [r for r in _rows(nlp, text) if r["text"] == "Florida" and r["place_id"]]
    assert rows and all(r["kind"] == "admin1" and r["admin1_code"] == "US-FL" for r in rows)


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("Florida", "admin1", "US"),  # not the department of Uruguay: the bigger division first
        ("Salinas", "city", "US"),  # not a municipio of Puerto Rico
        ("Paktika", "admin1", "AF"),  # a province of a conflict country keeps its weight
        ("Diyala", "admin1", "IQ"),
    ],
)
def test_a_division_of_a_micro_state_or_territory_weighs_as_a_town_its_size(name, kind, country):
    best = ranked_candidates(name, default_gazetteer(), Counter(), None, "")[0][1]
    assert (best.kind, best.country) == (kind, country)


def test_the_prior_of_a_division_is_its_countrys_average_division_capped():
    state = Place(
        "gn:1", 1, "Ohio", "admin1", 40.0, -83.0, "US", "Ohio", "US-OH", 0, 3, "", "ADM1", 6_500_000
    )
    parish = state._replace(country="JE", district_population=7_500)
    unknown = state._replace(district_population=0)
    assert prior(state) == prior(unknown) == ADMIN1_PRIOR
    assert prior(parish) == pytest.approx(math.log10(7_500))
