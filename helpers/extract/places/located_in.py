""" "Town in Division": a town the text puts in a division lies in it ("raided Masala village in
Beni territory, North Kivu province", "the village of Al-Sireha in Gezira state", "an ambush near
Djibo in northern Burkina Faso").

As for "Town, Division" (:mod:`~helpers.extract.places.appositions`), the town may only be one of
its namesakes that lie in the division (``allowed``), and a town none of whose namesakes does is a
place of that division the gazetteer lacks (``outside``), not a namesake in another province
("Masala" of North Kivu is none of the Masalas of Haut-Lomami, 700 km away). The division is the
first of the names after "in" (a chain of "district, province") that names one: with a division
word after it ("state", "territory"), a division or second-level division of that name, under
any of its names ("North Kivu" is GeoNames' "Nord Kivu"); written alone, a division or country
whose own name it is ("Kaduna", "Burkina Faso").
"""

from __future__ import annotations

from spacy.tokens import Doc

from helpers.extract.places.appositions import SECOND_LEVEL, _outside, _towns_in, allow_within
from helpers.extract.places.mention import Mention
from helpers.knowledge.gazetteer import Gazetteer
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place import Place
from helpers.knowledge.vocabulary import place_nouns

#: Kinds of the places a name after "in" stands for: a division, a second-level one, a country.
DIVISION, COUNTRY = "admin1", "country"
#: How many names after "in" may be read for the division ("in Beni territory, North Kivu province").
CHAIN = 2


def _areas(name: str, word: str, gazetteer: Gazetteer) -> list[Place]:
    """The divisions ``name`` stands for, with the place noun ``word`` written after it ("" if none)."""
    nouns = place_nouns()
    if word in nouns.admin:
        kinds, named = (DIVISION,), False
    elif word in nouns.district:
        kinds, named = SECOND_LEVEL, False
    else:
        kinds, named = (DIVISION, COUNTRY), True
    return [m.place for m in gazetteer.candidates(name) if m.place.kind in kinds and (m.main or not named)]


def mark_located_in(doc: Doc, rows: list[Mention], gazetteer: Gazetteer) -> None:
    """Marks the towns written before "in <division>" with ``allowed`` place ids, or ``outside``
    (see the module); a town already marked (by its apposition or dateline) is left as it is.

    Args:
        doc: The article's doc.
        rows: Its place mentions (in text order), marked in place.
        gazetteer: The gazetteer.
    """
    settlements, articles = place_nouns().settlement, function_words().articles
    starting = {r.span.start: r for r in rows if r["role"] in ("event", "nested") and not r["context_only"]}
    for town in starting.values():
        if town.get("allowed") or town.get("outside"):
            continue
        i = town.span.end + (town.span.end < len(doc) and doc[town.span.end].lower_ in settlements)
        if i >= len(doc) or doc[i].lower_ != "in":
            continue
        i += 1
        while i < len(doc) and (doc[i].lower_ in articles or (doc[i].pos_ == "ADJ" and doc[i].is_lower)):
            i += 1  # "in the restive northern Zamfara state"
        for _ in range(CHAIN):
            area = starting.get(i)
            if area is None:
                break
            end = area.span.end
            word = doc[end].lower_ if end < len(doc) else ""
            areas = _areas(area["text"], word, gazetteer)
            if areas:
                towns = _towns_in(town["text"], areas, gazetteer)
                if not towns:
                    _outside(town, area, areas, area.span, gazetteer)
                    break
                # "Kuriga town in Kaduna state": the state, not the city (unless its own apposition said)
                allow_within(town, None if area.get("allowed") else area, towns, areas)
                break
            comma = end + (word in place_nouns().cue)  # past the division word: "Beni territory, …"
            if comma >= len(doc) or doc[comma].text != ",":
                break
            i = comma + 1
