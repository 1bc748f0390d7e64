""" "Town, Division" and "Town, Country": the town lies in the division, the division holds the town.

"Greer, S.C.", "Athens, Texas", "London, Ont.", "Tikrit, Salahuddin", "Matanao, Davao del Sur":
both names get the places they may be (``allowed``), and a town or abbreviation the NER left
out is added as a mention. A town none of whose namesakes lies in the one division written
after it is marked ``outside``: a place of that division the gazetteer lacks.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from helpers.extract.places.mention import AddMention, Mention
from helpers.knowledge.gazetteer import Gazetteer, haversine_km
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place import COUNTY_RADIUS_KM, Place
from helpers.knowledge.place_names import admin1_abbreviations, dateline_division_code

#: Kinds of the namesakes of a town the division after it does not hold.
TOWN_KINDS = frozenset({"city", "village", "admin2"})
#: Words after a division that make "A, B" a list of names, not "Town, Division" (so does a comma
#: and a capitalised word: "Katsina, Zamfara, Kaduna").
LIST_WORDS = frozenset({"and", "or", "&"})
#: Kinds of places a name after "Town," stands for.
DIVISION_KINDS = ("admin1", "country")
#: Geo precision of a second-level division placed at its own point (the mean of its towns), not its
#: province's.
COUNTY_POINT = 2
#: Kinds of second-level divisions it stands for when no first-level one has the name, even as
#: another name (a province of the Philippines, "Davao del Sur"; "Texas" is the state, not Texas
#: County, Missouri; "Sagaing" the region, not its district).
SECOND_LEVEL = ("admin2",)


def _divisions(name: str, gazetteer: Gazetteer, kinds: tuple[str, ...] = DIVISION_KINDS) -> list[Place]:
    """The divisions and countries a name after "Town," may stand for."""
    code = admin1_abbreviations().get(name)
    if code:
        place = gazetteer.admin1(code)
        return [place] if place else []
    return [m.place for m in gazetteer.candidates(name) if m.main and m.place.kind in kinds]


def _inside(place: Place, area: Place) -> bool:
    """Whether a place lies in a country, division or second-level division: by its codes, or, for a
    town the gazetteer files under no second-level division (GeoNames' ``cities500`` towns: Greenville
    of Pitt County), when it lies in the county's province within :data:`COUNTY_RADIUS_KM` of the
    county's own point."""
    if place.country != area.country:
        return False
    if area.kind == "admin2":
        if place.place_id == area.place_id or not area.admin2_code:
            return False
        if place.admin2_code:
            return place.admin2_code == area.admin2_code
        located = None not in (place.lat, area.lat) and area.precision == COUNTY_POINT
        return (
            located
            and place.admin1_code == area.admin1_code
            and haversine_km(place.lat, place.lon, area.lat, area.lon) <= COUNTY_RADIUS_KM
        )
    return area.kind == "country" or place.admin1_code == area.admin1_code


def allow_within(town: Mention, area: Mention | None, towns: list[Place], areas: list[Place]) -> None:
    """Mark a town as one of its namesakes ``towns`` and the mention of the division written with it
    (``area``, if any) as those of ``areas`` that hold one of them ("Athens, Georgia": the US state)."""
    town["allowed"] = {p.place_id for p in towns}
    if area is not None:
        area["allowed"] = {a.place_id for a in areas if any(_inside(p, a) for p in towns)}


def _towns_in(name: str, areas: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """The towns (and districts) called ``name`` that lie in one of ``areas``."""
    return [
        m.place
        for m in gazetteer.candidates(name)
        if m.place.kind in ("city", "village", "admin2") and any(_inside(m.place, a) for a in areas)
    ]


def _provinces_of(name: str, areas: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """The first-level divisions called ``name`` of the countries among ``areas``: "Sinaloa, Mexico"
    names the state, not the village of Chiapas called so (a city of the name, "Diyarbakir, Turkey",
    is the town: the caller asks only when the towns are villages)."""
    countries = {a.country for a in areas if a.kind == "country"}
    return [
        m.place
        for m in gazetteer.candidates(name)
        if m.place.kind == "admin1" and m.place.country in countries
    ]


def _named_in(town: Mention, areas: list[Place], area_span: Span, gazetteer: Gazetteer) -> bool:
    """Whether "Town, Division" names a town of one division that holds none of its namesakes (a
    town's main name elsewhere): not a list ("Katsina, Zamfara and Kaduna States": a division, or a
    division and another name after it; "offices in Miami, West Palm Beach, New York, and Detroit": a
    name after a comma), nor a town and its country."""
    namesake = any(  # a town's own name elsewhere ("Matanog"); not a word ("IN ADDITION, SIPI MAYOR")
        m.main and m.exact and m.place.kind in TOWN_KINDS for m in gazetteer.candidates(town["text"])
    )
    one = len(areas) == 1 and areas[0].kind != "country"
    return namesake and one and not _listed(town, area_span) and not _names_division(town["text"], gazetteer)


def _listed(town: Mention, area_span: Span) -> bool:
    """Whether "A, B" is part of a list, not "Town, Division": a list word or a comma and a name after
    B ("Katsina, Zamfara and Kaduna", "Miami, West Palm Beach, New York, and"), or a comma before A
    ("Butler, Clark, Hamilton, Madison and Warren counties")."""
    doc = area_span.doc
    after = doc[area_span.end : area_span.end + 2]
    follows = bool(after) and (
        after[0].lower_ in LIST_WORDS
        or (after[0].text == "," and len(after) > 1 and (after[1].is_title or after[1].lower_ in LIST_WORDS))
    )
    return follows or (town.span.start > 0 and doc[town.span.start - 1].text == ",")


def _names_division(name: str, gazetteer: Gazetteer) -> bool:
    """Whether a name is, under any of its names, a first-level division or a country."""
    return any(m.place.kind in DIVISION_KINDS for m in gazetteer.candidates(name))


def _outside(
    town: Mention, after: Mention | None, areas: list[Place], area_span: Span, gazetteer: Gazetteer
) -> None:
    """Mark a town of one division that holds none of its namesakes ("Matanog, Davao del Sur"):
    a place there the gazetteer lacks (``outside``), not a namesake elsewhere."""
    if _named_in(town, areas, area_span, gazetteer):
        town["outside"] = areas[0].place_id
        if after is not None:
            after["allowed"] = {areas[0].place_id}


def mark_dateline(town: Mention, area: Mention | None, area_span: Span, gazetteer: Gazetteer) -> None:
    """A dateline's town and the division or country written after it ("LEBANON, Ohio (WKRC)",
    "COLUMBUS, Ohio (AP)", "KABUL, Afghanistan"): the town is one of that division, as in "Town,
    Division" (:func:`mark_appositions`), never a namesake elsewhere (Lebanon the country, Columbus,
    Mississippi; "GREENVILLE, Pitt County" is North Carolina's); a town none of whose namesakes lies in
    the division or country is a place of it the gazetteer lacks (``outside``). The area row (``area``,
    if the dateline's area is a mention) may only be a division holding the town.
    """
    code = dateline_division_code(area_span.text)
    division = gazetteer.admin1(code) if code else None
    areas = [division] if division is not None else _divisions(area_span.text, gazetteer)
    county = not areas and not _names_division(area_span.text, gazetteer)  # "GREENVILLE, Pitt County"
    if county:
        areas = _divisions(area_span.text, gazetteer, SECOND_LEVEL)
    if not areas:
        return
    towns = _towns_in(town["text"], areas, gazetteer)
    if not towns:
        if not county:  # a county after a town the gazetteer lacks: the town is read as before
            _outside(town, area, areas, area_span, gazetteer)
        return
    allow_within(town, area, towns, areas)


def _comma_indexes(doc: Doc) -> list[int]:
    """Where the doc's commas are (one ``Doc.to_array``, not a ``Token`` per word)."""
    comma = doc.vocab.strings.add(",")
    return [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth == comma] if len(doc) else []


def mark_appositions(doc: Doc, rows: list[Mention], gazetteer: Gazetteer, add: AddMention) -> None:
    """ "Town, Division" and "Town, Country" ("Greer, S.C.", "Athens, Texas", "London, Ont.",
    "Tikrit, Salahuddin"): the town must lie in the division, and the division is the one
    holding the town ("Athens, Georgia" is the US state).

    Marks the rows with ``allowed`` place ids; adds the town when the NER missed it or
    labelled it otherwise (a title-case name of up to three words with a candidate in the
    division), and the division when it is an abbreviation the gazetteer does not index.
    """
    name_links = function_words().name_links
    taken = {i for r in rows for i in range(r.span.start, r.span.end)}
    ending = {r.span.end: r for r in rows if r["role"] in ("event", "nested") and not r["context_only"]}
    starting = {r.span.start: r for r in rows if r["role"] in ("event", "nested") and not r["context_only"]}
    for i in _comma_indexes(doc):
        if i == 0 or i + 1 >= len(doc):
            continue
        after = starting.get(i + 1)
        if after is not None:
            area_span = after.span
        else:  # an abbreviation the NER left out: "S.C." or "W. Va."
            area_span = next(
                (
                    doc[i + 1 : i + 1 + n]
                    for n in (2, 1)
                    if i + 1 + n <= len(doc) and doc[i + 1 : i + 1 + n].text in admin1_abbreviations()
                ),
                None,
            )
            if area_span is None or taken & set(range(area_span.start, area_span.end)):
                continue
        areas = _divisions(area_span.text, gazetteer)
        town = ending.get(i)
        if not areas:  # a second-level division holding the town ("Greenville, Pitt County") or none of them
            # "Sagaing" is also a region's name: no second-level division
            second = town is not None and after is not None and not _names_division(area_span.text, gazetteer)
            wide = _divisions(area_span.text, gazetteer, SECOND_LEVEL) if second else []
            inside = _towns_in(town["text"], wide, gazetteer) if wide and not _listed(town, area_span) else []
            if inside and not town.get("allowed"):
                allow_within(town, after, inside, wide)
            elif wide and not inside:
                _outside(town, after, wide, area_span, gazetteer)
            continue
        if town is not None and town.get("allowed"):
            continue  # "Fort Myers, Florida, U.S.": the division of the town before, then its country
        if town is not None:
            towns = _towns_in(town["text"], areas, gazetteer)
        else:
            towns, span = [], None
            for n in (3, 2, 1):
                span = doc[max(0, i - n) : i]
                if (
                    len(span) == n
                    and all(t.is_title or t.lower_ in name_links for t in span)
                    and span[0].is_title
                    and not taken & set(range(span.start, span.end))
                ):
                    towns = _towns_in(span.text, areas, gazetteer)
                    if towns:
                        break
            if towns and (town := add(span, role="event", label="")) is not None:
                taken.update(range(span.start, span.end))
        if town is not None and not towns:
            _outside(town, after, areas, area_span, gazetteer)
        if town is None or not towns:
            continue
        if not any(p.kind == "city" for p in towns):  # "Sinaloa, Mexico": the state, not a village
            towns += _provinces_of(town["text"], areas, gazetteer)
        if after is None and (after := add(area_span, role="event", label="")) is not None:
            taken.update(range(area_span.start, area_span.end))
        allow_within(town, after, towns, areas)
