"""Why the best gazetteer reading of a place mention lacks the evidence it needs.

A name is read as its best-ranked place (:mod:`helpers.extract.places.resolution`) only when the
text gives the evidence that reading needs: a word or person's name needs place evidence, a small
place abroad a cue word, an abbreviation a curated alias (see :func:`missing_evidence`). The reasons
are the ``resolution`` of the unresolved mention ("unresolved: only a small place outside the
article's countries (…)"); :mod:`helpers.extract.places.unlisted` reads two of them back.
"""

from __future__ import annotations

from collections import Counter

from helpers.extract.places.evidence import (
    KIND_CUES,
    has_place_evidence,
    names_authority,
    names_kin,
    names_road,
    reads_as_abbreviation,
)
from helpers.extract.places.mention import Mention
from helpers.extract.places.name_spans import DIRECTED_AREAS
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place import CITY_POPULATION, Match, Place
from helpers.knowledge.place_names import (
    aliases,
    compass_district,
    compass_name,
    doubtful_name,
    names_town_before_authorities,
)
from helpers.nlp.place_rules import RULER_MIN_POPULATION

#: The reasons of a small place named outside the article's countries and of a town known only
#: spelt otherwise (read back by :func:`helpers.extract.places.unlisted.foreign_reading`).
SMALL_ABROAD = "only a small place outside the article's countries"
SPELT_OTHERWISE = "only a small or foreign town spelt otherwise"
#: Towns this populous are named by the NER's place label alone, even when their name is a surname.
WELL_KNOWN_POPULATION = 100_000


def _big(place: Place) -> bool:
    """A country, division or region, or a town of :data:`WELL_KNOWN_POPULATION`."""
    return place.kind in ("country", "admin1", "region") or place.population >= WELL_KNOWN_POPULATION


def well_known(match: Match) -> bool:
    """A big place (:func:`_big`) named by its main name."""
    return _big(match.place) and match.main and match.exact


def _direction(row: Mention) -> bool:
    """True for a name of compass words followed by "of" ("in the North East of Manbij")."""
    span = row.span
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return after == "of" and compass_name(span.text)


def missing_evidence(
    row: Mention, match: Match, countries: Counter, cue: str, *, well_known_name: bool, provinces: Counter
) -> str:
    """Why the best reading of a mention lacks the evidence it needs ("" when it has it).

    * A name before "Avenue" or "Hospital" names a street or building, a place only in the
      article's countries and, when other names place the article in provinces, in one of them,
      unless a building's big town ("Pennsylvania Avenue" in Savannah, "Mount Sinai Hospital" in
      Chicago; "Jenin Hospital" in Jenin news is Jenin's, "Hartford Hospital" Hartford's).
    * A word or person's name ("Man", "Chad", "Milton") is a place only when written like
      one (no transliteration fold) and named one: a cue word, "Town, Division", a
      dateline, the NER's place label with a locative before it, a locative before a town of a
      province the article's other names give ("shot in Richmond" beside "Augusta, Ga."), or (a
      person's name) its authorities after it ("Sanford police", not "Metro police" read abroad)
      or its people ("two Gary men", not "the Jones family"); or when it is the
      name of a well-known place (:func:`well_known`: "Georgia", "London", "Alexandria")
      and the NER's place label or a resident noun ("Alexandria woman") says so; a stop name
      abroad must be a big town when two names give the article's countries ("Metro police").
    * A village of unknown size needs a place context ("in", "the village of", "X
      village"): a million villages share names with people and words.
    * A name the NER took for a person is a place only in the article's countries, and with
      none known only under a main name ("Ariel" is not Jerusalem); any name that is only an
      alternate name of a place outside them ("Photo" of Foto, Cameroon; "Hwy" of Huy) needs the
      NER's place label after a locative or a cue word, unless the place is big.
    * A small place outside the article's countries needs a cue word (or to be the dateline of
      an article whose other names give no country), and so does a village of unknown size outside
      the provinces two of the article's other names give; once two names give the countries a town below
      ``WELL_KNOWN_POPULATION`` there needs a locative or a cue word ("Kantei Santa" is no town of Egypt).
    * A word or person's name names no place outside the article's countries unless it is
      well known ("Southwest" in US news); a person's name with place evidence in an article that
      names no country is its best place ("a shooting in Denton", "in Gary"), and so is a word's when
      it names a town of ``CITY_POPULATION`` ("shot dead in Flint"), as is one before its authorities
      ("Sanford police"), and compass words before "of" name a direction;
      compass words alone ("West", "Northeast", "Downtown") or before "Side" are part of a district's
      name ("the city's West side", "Northeast Dallas", "the South Side"), not a town's, unless a cue
      word names a kind of place or they are a dateline (a region may be named so: Nigeria's "North-West").
    * A name written in lower case is a word ("the city's west bank"), unless it starts
      with a transliterated article ("al-Nahud").
    * Two capital letters ("BA", "SE") are an abbreviation, unless a curated alias or a
      division after a town; so are up to five in a sentence not written in capitals ("EKU",
      "NOPD", "KSLA": a university, a police force, a station's call sign), unless the name of
      a town or well-known place in the article's countries ("BOR" in South Sudanese news, "OHIO").
    * A name inside an organisation's name ("St. Elizabeth Hospital") names a place outside
      the article's (known) countries only when it is a region or a big town.
    * A name only alike a town's after transliteration folds ("CARS" and Kars, "Egger" and
      Eger) names it only in the article's countries, when the town is big or a cue word
      names the kind ("the town of Ramia" in Lebanese news is Râmîyé); a name only alike an
      alternate name of a division or region names it only in the article's countries ("reported
      to Crime Stoppers" named Crimea, "Crimée" in French).
    """
    place, allowed = match.place, bool(row.get("allowed"))
    if cue == "street":
        big = place.population >= WELL_KNOWN_POPULATION
        outside = bool(provinces) and place.admin1_code not in provinces and (names_road(row.span) or not big)
        if place.country not in countries or outside:
            return f"names a street or building (not {place.canonical}, {place.country})"
    doubt = doubtful_name(row["text"])
    placed = row["label"] in ("GPE", "LOC")
    kind_cue = cue in KIND_CUES
    abroad = place.country not in countries and place.kind != "country"
    known_abroad = abroad and sum(countries.values()) > 1 and place.population < RULER_MIN_POPULATION
    named = well_known_name and (placed or cue == "resident") and not (doubt == "stop name" and known_abroad)
    span = row.span
    town_name = names_town_before_authorities(row["text"])  # plain, or a person's name
    if doubt:  # the evidence that a word or person's name is a place's
        # its authorities ("Sanford police") or its people ("two Gary men"; not "the Jones family") after it
        people = cue == "resident" and not names_kin(span.doc, span.start, span.end)
        force = names_authority(span.doc, span.start, span.end)
        authority = town_name and match.main and (people or force)
        # "Metro police" in US news names a force, not Metro in Indonesia, a stop name's also where the
        # article names no other place; "Buffalo police" names Buffalo's
        force_name = force and not town_name and abroad and (bool(countries) or doubt == "stop name")
        evidence = ((placed and row["evidence"]) or named) and not force_name
        # a town of the province the article's other names give, after a locative ("shot in Franklin")
        local = match.main and place.kind == "city" and place.admin1_code in provinces
        evidence = evidence or (local and has_place_evidence(span.doc, span.start, span.end, of_person=True))
        if not (match.exact and (kind_cue or allowed or row["role"] == "dateline" or evidence or authority)):
            return f"{doubt} without place evidence"
    # in an article naming no country, a word the NER calls a place after a locative is a town's
    # name when a town of some size bears it ("shot dead in Flint"); a hamlet's needs more
    plain_town = placed and row["evidence"] and place.kind == "city" and place.population >= CITY_POPULATION
    if doubt and abroad and (countries or not (town_name or plain_town)) and not well_known(match):
        return f"{doubt} outside the article's countries ({place.canonical}, {place.country})"
    if _direction(row) or (abroad and compass_name(row["text"])):
        return "a direction (the North East of X, the city's South side), not a place"
    compass = compass_name(row["text"]) or compass_district(row["text"])
    if (
        compass
        and place.kind in ("city", "village")
        and not (kind_cue or allowed or row["role"] == "dateline")
    ):
        return f"compass words, part of a district's name (the West side), not {place.canonical}"
    directed = match.exact and place.kind in DIRECTED_AREAS and row["text"].split()[-1][:1].isupper()
    lowered = row["text"][:1].islower() and not directed
    if lowered and row["text"].split("-")[0] not in function_words().name_links:
        return f"a lower-case word ({place.canonical}, {place.country})"  # "the city's west bank"
    if (
        reads_as_abbreviation(row["text"], row["role"], row.span)
        and row["text"] not in aliases()
        and not allowed
    ):
        if len(row["text"]) <= 2:
            return f"a two-letter abbreviation ({place.canonical}, {place.country})"
        if not (place.country in countries and (well_known(match) or place.kind == "city")):
            return f"an abbreviation in capitals, not {place.canonical} ({place.country})"
    if (
        row["role"] == "nested"
        and row["label"] not in ("GPE", "LOC")
        and countries
        and abroad
        and not (place.kind == "region" or place.population >= WELL_KNOWN_POPULATION)
    ):
        return f"a name inside an organisation's name, outside the article's countries ({place.canonical})"
    town = place.kind in ("city", "village")
    home = place.country in countries
    if town and not match.exact and not (home and (place.population >= CITY_POPULATION or kind_cue)):
        return f"{SPELT_OTHERWISE} ({place.canonical}, {place.country})"
    if not (match.exact or match.main or home or allowed or place.kind == "country"):
        return f"only alike another language's name of {place.canonical} ({place.country})"
    if place.population == 0 and place.kind == "village" and not (row["evidence"] or allowed):
        return f"a village name without place evidence ({place.canonical}, {place.country})"
    if row["label"] == "PERSON" and not match.main and abroad and not allowed:
        return f"a person's name, an alternate name of {place.canonical} ({place.country})"
    if not (match.main or _big(place) or allowed or kind_cue or (placed and row["evidence"])) and abroad:
        return f"an alternate name of {place.canonical} ({place.country}) outside the article's countries"
    if row["label"] == "PERSON" and countries and place.country not in countries and not allowed:
        return f"a person's name outside the article's countries ({place.canonical}, {place.country})"
    unsized = place.kind == "village" or (place.kind == "city" and place.population == 0)
    known = sum(countries.values()) >= 2  # two names: not one stray word's reading ("City" in Mozambique)
    # a local paper's dateline town ("FALLS VILLAGE—") in an article whose other names give no country
    dateline = row["role"] == "dateline" and not known
    if unsized and countries and place.country not in countries and not (kind_cue or allowed or dateline):
        return f"{SMALL_ABROAD} ({place.canonical}, {place.country})"
    if (
        place.kind == "village"
        and place.population == 0
        and sum(provinces.values()) >= 2  # two names: not one stray word's province
        and place.admin1_code not in provinces
        and not (kind_cue or allowed or row["role"] == "dateline")
    ):  # "a leader in Masala" in Beni news: no hamlet of that name 1,000 km away in another province
        return f"only a small place outside the article's provinces ({place.canonical}, {place.admin1})"
    if (
        town
        and abroad
        and known
        and not (_big(place) or row["evidence"] or allowed or row["role"] == "dateline")
    ):
        return f"a foreign town without place evidence ({place.canonical}, {place.country})"
    return ""
