"""The place of an incident: the place its figures name, narrowed to the finest place inside it.

ACLED codes an event at the most precise location its sources give. A report whose figures
name a country, a province or a county ("Pasco County deputies said a man was shot") is
placed at the town inside it that its evidence, else the article (its dateline counting as one
more mention), names ("DADE CITY, Fla." and "in Dade City"): a county's point is the middle of its
towns, tens of kilometres from most of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Span

from helpers.extract.places.town_parts import TOWN_KINDS
from helpers.knowledge.gazetteer import haversine_km
from helpers.knowledge.place import COUNTY_RADIUS_KM, UNLISTED_PREFIX

#: Kinds of a place the gazetteer lacks that may be an incident's (a part of a town may be of any town).
UNLISTED_KINDS = TOWN_KINDS | {"admin2"}
#: Geo precision of a province: a place this wide is narrowed to a town inside it.
PROVINCE = 3


def incident_place(
    rows: list[dict],
    places: Sequence[dict],
    fallback: dict | None,
    sentences: Sequence[Span],
    datelines: Sequence[dict] = (),
) -> dict | None:
    """The place row of the incident: the most named place of its figures, else the article's (also
    when that place is abroad, named once, and the article's is named more); a country, province or
    county is narrowed to the finest place inside it its evidence names ("at a cafe in Madrid, Spain":
    Madrid), else to the article's most named town inside it ("Florida" in a story that names
    Davie four times), as ACLED codes the most precise location. A town the gazetteer lacks, named
    in the evidence, comes after those but before a town named only by the dateline (a bureau's
    city: "GOMA, Congo — M23 rebels seized the town of Rubaya").

    Args:
        rows: The incident's casualty figures (their ``place_id``).
        places: The article's resolved event place mentions.
        fallback: The article's main place (with ``n_mentions``), or ``None``.
        sentences: The incident's evidence sentences.
        datelines: The article's dateline places: a town inside the wide place, named once more
            ("DADE CITY, Fla." of a story placed in Florida; at precision 3 when it is named only there).
    """
    named = Counter(r["place_id"] for r in rows if r["place_id"])
    ranked = (p for place_id, _ in named.most_common() for p in places if p["place_id"] == place_id)
    found = next(ranked, None) or fallback
    if found is not None and fallback is not None and found["country"] != fallback["country"]:
        # A place abroad named once, in an article about a place of its own country named more
        # ("Toyota" read as the Japanese city in a Texas story), is a misreading: the main place.
        once = sum(p["place_id"] == found["place_id"] for p in places) < 2 <= fallback.get("n_mentions", 0)
        found = fallback if once else found
    if found is None or not found["precision"]:
        return found
    if int(found["precision"]) < PROVINCE and found["kind"] != "admin2":
        return found
    inside = [p for p in places if within(p, found)]
    in_evidence = [p for p in inside if _in_sentences(p, sentences)]
    if in_evidence:
        return min(in_evidence, key=lambda p: (int(p["precision"]), p["start_char"]))
    unlisted = [p for p in places if _unlisted_place(p, found) and _in_sentences(p, sentences)]
    if unlisted and not inside:  # the dateline's city is where the reporter is, not the town told of
        return unlisted[0]
    listed = {p["place_id"] for p in inside}
    inside += [p for p in datelines if within(p, found)]
    named = Counter(p["place_id"] for p in inside).most_common(1)
    town = next((p for place_id, _ in named for p in inside if p["place_id"] == place_id), found)
    if (
        found["place_id"].startswith(UNLISTED_PREFIX)
        and found["kind"] in TOWN_KINDS
        and town["place_id"] not in listed
    ):
        # a village or town the gazetteer lacks, in the province of the bureau's city ("KADUNA — gunmen
        # abducted 87 people from the village of Kajuru Station"): the city's point stands for it,
        # as ACLED's precision 3 does for a place somewhere in a province; the village is its name
        return dict(town, canonical=found["canonical"], precision=PROVINCE)
    if town["place_id"] not in listed and found["kind"] in ("admin1", "country"):
        # a town named only by the dateline, in a province or country the figures name ("BUNIA, Congo
        # — armed men raided a gold mine in Ituri province"): the bureau's city stands for a place
        # somewhere in it, ACLED's precision 3 (a county's, "DADE CITY, Fla." of a story told in Pasco
        # County, is a local paper's town and the story's)
        return dict(town, precision=PROVINCE)
    return town


def _in_sentences(place: dict, sentences: Sequence[Span]) -> bool:
    return any(s.start_char <= place["start_char"] < s.end_char for s in sentences)


def _unlisted_place(place: dict, wide: dict) -> bool:
    """A town, village or district the gazetteer lacks ("the town of Rubaya", "Rajouri district"),
    located at its province's point (``lc:`` ids, :mod:`helpers.extract.places.unlisted`), in a
    province or country: finer than it, though its point is the province's (in a county it may lie
    anywhere around). It may be a part of a town ("the Roseland neighborhood"): the towns the article
    names come first (:func:`incident_place`).

    >>> province = {"kind": "admin1", "country": "CD", "admin1": "Nord Kivu"}
    >>> _unlisted_place({"place_id": "lc:CD-NK:rubaya", "kind": "city", "country": "CD",
    ...                 "admin1": "Nord Kivu"}, province)
    True
    """
    return (
        place["place_id"].startswith(UNLISTED_PREFIX)
        and place["kind"] in UNLISTED_KINDS
        and wide["kind"] in ("admin1", "country")
        and _in_area(place, wide)
    )


def within(place: dict, wide: dict) -> bool:
    """Whether a place is finer than a country, province or county and lies in it (a town of a
    county: of its province, within :data:`COUNTY_RADIUS_KM` of its point).

    >>> county = {"precision": 2, "kind": "admin2", "country": "US", "admin1": "Florida"}
    >>> county.update(lat=28.3, lon=-82.4)
    >>> town = dict(county, precision=1, kind="city", lat=28.36, lon=-82.2)
    >>> within(town, county), within(dict(town, lat=25.8, lon=-80.2), county)
    (True, False)
    """
    if not place["precision"] or int(place["precision"]) >= int(wide["precision"]):
        return False
    if not _in_area(place, wide):
        return False
    if wide["kind"] != "admin2":
        return True
    located = place.get("lat") is not None and wide.get("lat") is not None
    return located and haversine_km(place["lat"], place["lon"], wide["lat"], wide["lon"]) <= COUNTY_RADIUS_KM


def _in_area(place: dict, wide: dict) -> bool:
    """Whether a place lies in a country, or in the province of a province or county, by its codes."""
    return place["country"] == wide["country"] and (
        wide["kind"] == "country" or place["admin1"] == wide["admin1"]
    )
