"""Events placed by their outlet's home state and town (:mod:`helpers.aggregate.outlet_homes`).

The rules are applied to the places of events, where the corpus is known (the ``events``
aggregate). A report placed in a town smaller than a standalone city (:data:`STANDALONE_CITY`) or
in a county of another state than its outlet's home, when its article names nothing else in or
near that state, is placed at the town or county of the same name in the home state, if there is
one ("Aurora" in a Denver paper, "Pasadena" in a Los Angeles one, "Montgomery County" in a Houston
one); a small town's name at the home state's county of that name when no town there has it
("DeKalb" in an Atlanta paper); so is a report placed in a town abroad smaller than
:data:`WORLD_CITY`, when its article names nothing else in or near that country ("Chester" in a
Philadelphia paper). When no place of the home state has the name, a small town's report is
placed at the outlet's home town, as a part of it ("Homewood" in a Pittsburgh paper). Neither
when the reading lies in the home town's metro ("Gary" in a Chicago paper, "Newark" in a New York
one). A report left without a place because its article's town is a town of several countries
("Toledo": Ohio's or the Philippines') is placed at the home state's town of that name, its
generic actors' country ("Civilians (unknown country)") named. Once reports are merged, an event
that has no place and whose articles name none is placed, approximately, at its outlets' home
town (:func:`~helpers.aggregate.outlet_homes.outlet_towns`: a paper's city).
``events.place_reason`` says so.
"""

from __future__ import annotations

import pandas as pd

from helpers.aggregate.events import EVENT_ROLES
from helpers.aggregate.outlet_homes import (
    LOCAL_KINDS,
    STORY_ROLES,
    TOWNS,
    Home,
    HomeTown,
    outlet_homes,
)
from helpers.extract.events.coding import UNKNOWN_COUNTRY
from helpers.extract.events.reports import place_phrase
from helpers.extract.places.home_division import WELL_KNOWN_TOWN
from helpers.extract.places.resolution import AMBIGUOUS
from helpers.knowledge.gazetteer import Gazetteer, haversine_km
from helpers.knowledge.place import Place

#: "St." of a place name, and the word it abbreviates (:func:`_spellings`).
SAINT_ABBREVIATION, SAINT = "st", "Saint"
#: Kilometres within which another name of the article vouches for a reading (a suburb across a state line).
NEIGHBOUR_KM = 25.0
#: A foreign city this populous may be named bare in local news ("Paris", "Kabul").
WORLD_CITY = 1_000_000
#: A city of another state this populous may be named bare in a local paper: AP style lets some
#: thirty US cities stand alone in datelines ("Cincinnati", "Pittsburgh", "St. Louis", all of about
#: 300,000 people or more), any other takes its state. (The dateline's state, read in the article
#: alone, counts a town of 100,000 well known: ``home_division.WELL_KNOWN_TOWN``.)
STANDALONE_CITY = 300_000
#: Kilometres from an outlet's home town within which a town of another state is its metro's, named
#: bare by its papers ("Gary" in Chicago news, "Camden" in Philadelphia's).
METRO_KM = 100.0
#: ACLED's geo-precision of a part of a town, placed at the town ("near a town").
PART_OF_TOWN = 2
#: ACLED's geo-precision of a place known only approximately ("a larger region"), as a home town's guess is.
APPROXIMATE = 3


def _home_reading(kinds: tuple[str, ...], names: list[str], home: Home, gazetteer: Gazetteer) -> Place | None:
    """The place of one of ``names`` (its main name) of one of ``kinds`` in the home state, the most
    populous; ``None`` when the home state has none."""
    found = {
        m.place.place_id: m.place
        for name in names
        for spelling in _spellings(name)
        for m in gazetteer.candidates(spelling)
        if m.exact and m.main and m.place.admin1_code == home.admin1_code and m.place.kind in kinds
    }
    by_size = sorted(found.values(), key=lambda p: (-p.population, -p.district_population, p.place_id))
    return by_size[0] if by_size else None


def _spellings(name: str) -> list[str]:
    """A name as written and, for "St. Joseph", "Saint Joseph": within one state the saint's town is
    one place, however written. (The gazetteer reads "St." as written everywhere else, since
    "Saint Louis" written out is also a town of Senegal; ``name_abbreviations.csv``.)

    >>> _spellings("St. Joseph"), _spellings("Stockton")
    (['St. Joseph', 'Saint Joseph'], ['Stockton'])
    """
    first, space, rest = name.partition(" ")
    return [name, f"{SAINT} {rest}"] if space and first.rstrip(".").lower() == SAINT_ABBREVIATION else [name]


def _vouched(place: Place, others: pd.DataFrame, abroad: bool = False) -> bool:
    """Whether the article's other names place it in the reading's state (its country, for a
    reading ``abroad``) or near the reading."""
    if (
        others["country" if abroad else "admin1_code"] == (place.country if abroad else place.admin1_code)
    ).any():
        return True
    near = others.dropna(subset=["lat", "lon"])
    return any(
        haversine_km(place.lat, place.lon, lat, lon) <= NEIGHBOUR_KM
        for lat, lon in zip(near["lat"], near["lon"])
    )


def rehome_reports(
    reports: pd.DataFrame,
    places: pd.DataFrame,
    articles: pd.DataFrame,
    towns: dict[str, HomeTown],
    gazetteer: Gazetteer,
) -> pd.DataFrame:
    """``reports`` with a ``place_reason`` column, and the reports whose bare small town or county of
    another state than their outlet's home lies in no state their article names placed at the home
    state's place of that name, and those without a place whose article left its town ambiguous
    between countries placed at the home state's town of that name (see the module docstring).

    Args:
        reports: The ``event_reports`` table.
        places: The ``place_mentions`` table.
        articles: ``article_id`` and ``outlet`` of every article.
        towns: Each outlet's home town (:func:`~helpers.aggregate.outlet_homes.outlet_towns`).
        gazetteer: The gazetteer.
    """
    reports = reports.assign(place_reason="")
    homes = outlet_homes(places, articles)
    outlet_of = dict(zip(articles["article_id"], articles["outlet"].fillna("")))
    positions = places.groupby("article_id", sort=False).indices  # each article's rows, read only when needed
    rows = reports.to_dict("records")
    for row in rows:
        outlet = outlet_of.get(row["article_id"], "")
        home = homes.get(outlet)
        if home is not None and not row["place_id"] and not row["iso"]:
            named = _ambiguous_name(places.iloc[positions.get(row["article_id"], [])], home, gazetteer)
            if named is not None:
                name, found = named
                reason = (
                    f"the outlet's home state, {home.admin1} ({home.articles} of its {home.placed} placed "
                    f"articles): {name!r}, which its article left a town of several countries"
                )
                _in_country(row, found, reason, gazetteer)
            continue
        if home is None or not row["place_id"] or row["admin1"] == home.admin1:
            continue
        place = gazetteer.get(row["place_id"])
        if place is None or not _misread(place, home):
            continue
        mentions = places.iloc[positions.get(row["article_id"], [])]
        own = mentions["place_id"] == place.place_id
        names = list(dict.fromkeys(mentions.loc[own & mentions["role"].isin(STORY_ROLES), "text"]))
        others = mentions[~own & mentions["role"].isin(STORY_ROLES) & ~mentions["text"].isin(names)]
        if not names or _vouched(place, others, abroad=place.country != home.country):
            continue
        town = towns.get(outlet)
        home_town = gazetteer.get(town.place_id) if town is not None else None
        if _in_metro(place, home_town):
            continue
        found = _home_reading(("admin2",) if place.kind == "admin2" else TOWNS, names, home, gazetteer)
        # a small town's name only may be a county's or a neighbourhood's of the home state ("a DeKalb
        # shooting" in Atlanta news), not a city's ("Baton Rouge" in Jackson news is no part of
        # Jackson); abroad, any town's but a world city's ("Bordeaux" in Nashville news)
        small = place.kind in TOWNS and (place.country != home.country or place.population < WELL_KNOWN_TOWN)
        if found is None and small:
            found = _home_reading(("admin2",), names, home, gazetteer)
        if found is not None:
            _move(row, place, found, home, gazetteer)
        elif small and home_town is not None and town is not None:
            _in_home_town(row, names[0], place, home, town, home_town, gazetteer)
    return pd.DataFrame.from_records(rows, columns=[*reports.columns])


def _in_metro(place: Place, home_town: Place | None) -> bool:
    """Whether a reading lies in the metro of the outlet's home town, across a state line or a
    border, where its papers name towns bare ("Gary" in Chicago news, "Newark" in New York's)."""
    return (
        home_town is not None and haversine_km(place.lat, place.lon, home_town.lat, home_town.lon) <= METRO_KM
    )


def _misread(place: Place, home: Home) -> bool:
    """Whether a bare name's reading may be a misread town of the outlet's home state: a town
    smaller than a standalone city or a county of another state of its country, or a town abroad
    smaller than a world city (a local paper names a foreign town with its country, unless it is a
    world city: "Chester" in Philadelphia news is no English town; "Pasadena" in Los Angeles news
    is no Texan city of 150,000)."""
    if place.country == home.country:
        return place.kind in LOCAL_KINDS and place.population < STANDALONE_CITY
    return place.kind in TOWNS and place.population < WORLD_CITY


def place_in_home_towns(
    events: pd.DataFrame,
    places: pd.DataFrame,
    articles: pd.DataFrame,
    towns: dict[str, HomeTown],
    gazetteer: Gazetteer,
) -> pd.DataFrame:
    """``events`` with those that have no place, and whose articles name no place of their story
    (a paywall's stub, "police said a man was shot Sunday"), placed at their outlets' home town
    (``towns``), when they share one: a place known only approximately, ACLED's
    geo-precision 3. It is done once events are merged, so a guessed place joins no reports.

    Args:
        events: The ``events`` table.
        places: The ``place_mentions`` table.
        articles: ``article_id`` and ``outlet`` of every article.
        towns: Each outlet's home town (:func:`~helpers.aggregate.outlet_homes.outlet_towns`).
        gazetteer: The gazetteer.
    """
    outlet_of = dict(zip(articles["article_id"], articles["outlet"].fillna("")))
    story = set(
        places.loc[places["role"].isin(STORY_ROLES) & (places["place_id"].fillna("") != ""), "article_id"]
    )
    rows = events.to_dict("records")
    for row in rows:
        ids = row["article_ids"].split(";")
        if row["location"] or row["iso"] or story.intersection(ids):
            continue
        homes = {towns.get(outlet_of.get(article_id, "")) for article_id in ids}
        town = homes.pop() if len(homes) == 1 else None
        found = gazetteer.get(town.place_id) if town is not None else None
        if found is not None:
            reason = (
                f"the outlet's home town, {found.canonical} ({town.articles} of its {town.placed} articles "
                "placed in a town): its article names no place"
            )
            _in_country(row, found, reason, gazetteer, precision=APPROXIMATE)
    return pd.DataFrame.from_records(rows, columns=[*events.columns])


def _ambiguous_name(mentions: pd.DataFrame, home: Home, gazetteer: Gazetteer) -> tuple[str, Place] | None:
    """The first name of an event that the article left ambiguous between places of several
    countries ("Kettering": England's or Ohio's) and that names a town of the home state, with it."""
    left = mentions[
        mentions["role"].isin(EVENT_ROLES)
        & (mentions["place_id"].fillna("") == "")
        & mentions["resolution"].fillna("").str.startswith(AMBIGUOUS)
    ]
    for name in dict.fromkeys(left.sort_values("start_char")["text"]):
        found = _home_reading(TOWNS, [name], home, gazetteer)
        if found is not None:
            return name, found
    return None


def _move(row: dict, place: Place, found: Place, home: Home, gazetteer: Gazetteer) -> None:
    """Place a report at ``found``, its notes and reason saying so."""
    reason = (
        f"the outlet's home state, {home.admin1} ({home.articles} of its {home.placed} placed articles), "
        f"not {_where(row, place, found)}: its article names nothing there"
    )
    _relocate(row, place, found, reason, gazetteer)


def _in_home_town(
    row: dict, name: str, place: Place, home: Home, town: HomeTown, found: Place, gazetteer: Gazetteer
) -> None:
    """Place a report whose bare small town of another state names no place of the outlet's home
    state at the outlet's home town (``found``) in that state, as a part of it the gazetteer lacks
    ("Homewood" in a Pittsburgh paper is no town of Alabama: a neighbourhood of Pittsburgh); ACLED's
    geo-precision 2."""
    if found.admin1_code != home.admin1_code:
        return
    named = (m for spelling in _spellings(name) for m in gazetteer.candidates(spelling))
    if any(m.exact and m.place.admin1_code == home.admin1_code for m in named):
        return  # a place of the home state goes by another of its names
    reason = (
        f"{name!r}, which no place of the outlet's home state, {home.admin1}, is called, and not "
        f"{_where(row, place, found)}: its article names nothing there; a part of the outlet's "
        f"home town, {found.canonical} ({town.articles} of its {town.placed} articles placed in a town)"
    )
    _relocate(row, place, found, reason, gazetteer, PART_OF_TOWN)


def _where(row: dict, place: Place, found: Place) -> str:
    """The reading a report is moved from: its town and state, or its country when abroad."""
    return f"{place.canonical}, {row['country'] if place.country != found.country else place.admin1}"


def _relocate(
    row: dict, place: Place, found: Place, reason: str, gazetteer: Gazetteer, precision: int | None = None
) -> None:
    """Place a report at ``found`` instead of ``place``, in another country when it lies there."""
    if place.country != found.country:
        _in_country(row, found, reason, gazetteer, precision)
        return
    _placed_at(row, found, precision=precision)
    row["place_reason"] = reason


def _in_country(
    row: dict, found: Place, reason: str, gazetteer: Gazetteer, precision: int | None = None
) -> None:
    """Place a report or event at ``found`` in another country than its own (or none): the country
    in its generic actors' names ("Civilians (unknown country)", "Police Forces of United Kingdom")
    and its notes, and the reason."""
    country = gazetteer.country(found.country)
    country_name = country.canonical if country else found.country
    before, was = place_phrase(row), row["country"] or UNKNOWN_COUNTRY
    row.update(country=country_name, iso=found.country)
    _placed_at(row, found, before, precision)
    for column in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "notes"):
        if isinstance(row[column], str):
            row[column] = row[column].replace(was, country_name)
    row["place_reason"] = reason


def _placed_at(row: dict, found: Place, before: str | None = None, precision: int | None = None) -> None:
    """A report's place columns set to ``found`` (at ``precision``, by default its own), and its notes
    naming it where they named the old place (``before``, by default the report's), else before the
    tolls ("When: type by who; tolls.")."""
    before = place_phrase(row) if before is None else before
    row.update(
        admin1=found.admin1,
        admin2=found.canonical if found.kind == "admin2" else "",
        location=found.canonical,
        place_id=found.place_id,
        latitude=found.lat,
        longitude=found.lon,
        geo_precision=precision or min(found.precision, 3),
    )
    notes, after = row["notes"], place_phrase(row)
    if before and before in notes:
        row["notes"] = notes.replace(before, after, 1)
    else:
        at = notes.find("; ") if "; " in notes else len(notes.rstrip("."))
        row["notes"] = f"{notes[:at]} in {after}{notes[at:]}"
