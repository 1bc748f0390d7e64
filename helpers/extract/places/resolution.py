"""Resolve an article's place mentions to the gazetteer, with the article as context.

The context (:class:`~helpers.extract.places.article_context.ArticleContext`) is the
countries and provinces the article is about; a name never counts as its own context.
Each mention is then ranked with that context
(:func:`~helpers.knowledge.place_ranking.ranked_candidates`) and the cue word
next to it ("province", "governorate" vs "city", "town", "village", "district").
"""

from __future__ import annotations

from collections import Counter

from helpers.extract.places.evidence import (
    KIND_CUES,
    has_place_evidence,
    names_authority,
    names_kin,
    names_road,
    place_cue,
    reads_as_abbreviation,
)
from helpers.extract.places.home_division import (
    in_home_province,
    part_of_town_readings,
    readings_near_the_story,
)
from helpers.extract.places.mention import Mention
from helpers.extract.places.name_spans import DIRECTED_AREAS
from helpers.knowledge.gazetteer import Gazetteer
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place import CITY_POPULATION, Match, Place
from helpers.knowledge.place_name_keys import strip_admin_words
from helpers.knowledge.place_names import (
    admin1_abbreviations,
    aliases,
    compass_district,
    compass_name,
    dateline_division_code,
    demonyms,
    doubtful_name,
    names_town_before_authorities,
)
from helpers.knowledge.place_ranking import Neighbours, main_country, ranked_candidates
from helpers.nlp.place_rules import RULER_MIN_POPULATION
from helpers.tables import columns

#: The resolution of a name the gazetteer does not know.
NOT_IN_GAZETTEER = "unresolved: not in gazetteer"
#: The resolution of a name whose best readings are towns of several countries ("Kettering").
AMBIGUOUS = "unresolved: ambiguous"
#: The resolution of a part of a town named like a town elsewhere.
PART_OF_TOWN = "unresolved: a part of a town named like a town elsewhere"
#: The resolution of a small foreign town's name far from every other place of the article.
FAR_ABROAD = "unresolved: a small town abroad, far from the article's other places"
#: Towns this populous are named by the NER's place label alone, even when their name is a surname.
WELL_KNOWN_POPULATION = 100_000


def _big(place: Place) -> bool:
    """A country, division or region, or a town of :data:`WELL_KNOWN_POPULATION`."""
    return place.kind in ("country", "admin1", "region") or place.population >= WELL_KNOWN_POPULATION


def _well_known(match: Match) -> bool:
    """A big place (:func:`_big`) named by its main name."""
    return _big(match.place) and match.main and match.exact


def _direction(row: Mention) -> bool:
    """True for a name of compass words followed by "of" ("in the North East of Manbij")."""
    span = row.span
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return after == "of" and compass_name(span.text)


def _missing_evidence(
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
      name of a well-known place (:func:`_well_known`: "Georgia", "London", "Alexandria")
      and the NER's place label or a resident noun ("Alexandria woman") says so; a stop name
      abroad must be a big town when two names give the article's countries ("Metro police").
    * A village of unknown size needs a place context ("in", "the village of", "X
      village"): a million villages share names with people and words.
    * A name the NER took for a person is a place only in the article's countries, and with
      none known only under a main name ("Ariel" is not Jerusalem); any name that is only an
      alternate name of a place outside them ("Photo" of Foto, Cameroon; "Hwy" of Huy) needs the
      NER's place label after a locative or a cue word, unless the place is big.
    * A small place outside the article's countries needs a cue word (or to be the dateline of
      an article whose other names give no country), and once two names give them a town below
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
    if doubt and abroad and (countries or not (town_name or plain_town)) and not _well_known(match):
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
        if not (place.country in countries and (_well_known(match) or place.kind == "city")):
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
        return f"only a small or foreign town spelt otherwise ({place.canonical}, {place.country})"
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
        return f"only a small place outside the article's countries ({place.canonical}, {place.country})"
    if (
        town
        and abroad
        and known
        and not (_big(place) or row["evidence"] or allowed or row["role"] == "dateline")
    ):
        return f"a foreign town without place evidence ({place.canonical}, {place.country})"
    return ""


def _with_descriptor(name: str, descriptor: str, gazetteer: Gazetteer, countries: Counter) -> str:
    """The name with the district word after it, when only some second-level divisions of the
    article's countries (any, when it names none) are written so ("Jefferson Parish" is Louisiana's
    parish, not Jefferson County, Alabama; "Karak district" in Jordanian news is no Karak District
    of Pakistan) or the name is known only with it ("Calcasieu Parish"), else the name.

    >>> from helpers.knowledge.gazetteer import default_gazetteer
    >>> [_with_descriptor(name, "Parish", default_gazetteer(), Counter()) for name in ("Jefferson", "Mosul")]
    ['Jefferson Parish', 'Mosul']
    >>> _with_descriptor("Karak", "district", default_gazetteer(), Counter({"JO": 2}))
    'Karak'
    >>> _with_descriptor("Calcasieu", "Parish", default_gazetteer(), Counter())  # known only so
    'Calcasieu Parish'
    """
    written = f"{name} {descriptor}"
    named = {
        m.place.place_id
        for m in gazetteer.candidates(written)
        if m.exact and m.place.kind == "admin2" and (not countries or m.place.country in countries)
    }
    bare = {m.place.place_id for m in gazetteer.candidates(name)}
    if not named or (bare and named >= bare):
        return name
    return written


def resolve_mention(
    row: Mention,
    gazetteer: Gazetteer,
    countries: Counter,
    admin1_codes: Counter,
    *,
    nearby: Counter | None = None,
    neighbours: Neighbours | None = None,
    home: frozenset[str] = frozenset(),
) -> dict:
    """The place fields of one mention, given the article's context without its own name.

    Args:
        row: The mention.
        gazetteer: The gazetteer.
        countries: The article's countries with their support (:meth:`ArticleContext.without`).
        admin1_codes: The article's provinces with their support.
        nearby: Plausible provinces of the article's other names (:meth:`ArticleContext.nearby`).
        neighbours: The other names' local readings (:meth:`ArticleContext.neighbours`).
        home: The provinces the article's dateline may lie in (:attr:`ArticleContext.dateline_provinces`):
            a bare small town of another province of a US or Canadian article is no place there
            (:mod:`~helpers.extract.places.home_division`).

    Returns:
        The ``place_mentions`` columns from ``role`` on; ``place_id`` is ``None`` and
        ``resolution`` says why when the mention stays unresolved. An empty dict drops
        the mention (a lower-case region name outside its country's news).
    """
    fields = dict.fromkeys(columns("place_mentions")[6:], None)
    fields["role"] = row["role"]
    if row["role"] == "demonym":
        place, note = gazetteer.get(demonyms()[row["text"]]), "demonym"
    elif row["context_only"]:
        place = gazetteer.get(row["context_only"])
        if place.country and place.country not in countries:
            return {}  # a generic phrase ("disputed areas") outside its country's news
        note = "resolved: region name in its country's context"
    elif row.get("allowed") and (
        code := admin1_abbreviations().get(row["text"])
        or (row["role"] == "dateline" and dateline_division_code(row["text"]))
    ):
        place = gazetteer.admin1(code)
        note = "resolved: division after a town"
    else:
        cue = place_cue(row.span.doc, row.span.start, row.span.end)
        name = row["text"]
        bare = strip_admin_words(name)
        descriptor = bare != name and bool(bare) and not gazetteer.candidates(name)
        if descriptor:
            # "Ulang County", "Wajir county": GeoNames lacks many districts under their own
            # name; the descriptor makes the name a place, read as its seat's area when that
            # lies in the article's countries ("Police District" is not Police, Poland).
            span, name, row = row.span, bare, Mention(row, evidence=True)
            row.span = span
        if cue == "district" and row.span.end < len(row.span.doc):
            name = _with_descriptor(name, row.span.doc[row.span.end].text, gazetteer, countries)
        ranked = ranked_candidates(
            name, gazetteer, countries, admin1_codes, cue, nearby=nearby, neighbours=neighbours
        )
        if row.get("allowed"):
            ranked = [item for item in ranked if item[1].place_id in row["allowed"]] or ranked
        elif row["role"] != "dateline" and (inside := in_home_province(ranked, home, neighbours)) is not None:
            if not inside:  # "the Linden neighborhood" in Columbus news is no town of New Jersey
                town = ranked[0][1]
                return {
                    **fields,
                    "resolution": "unresolved: a small town of another state named without its state "
                    f"({town.canonical}, {town.admin1})",
                }
            ranked = inside
        doc, start = row.span.doc, row.span.start
        owned = start > 0 and doc[start - 1].lower_ in function_words().possessive_endings  # town_parts.py
        part = (
            None
            if owned
            else part_of_town_readings(
                ranked, admin1_codes, countries, row.span, named_part=bool(row.get("named_part"))
            )
        )
        if part == []:  # "the East Hillside neighborhood" in Duluth news is no town of New Jersey
            town = ranked[0][1]
            return {**fields, "resolution": f"{PART_OF_TOWN} ({town.canonical}, {town.admin1})"}
        ranked = part or ranked
        if cue not in KIND_CUES and not row.get("allowed") and row["role"] != "dateline":
            near = readings_near_the_story(ranked, countries, neighbours)
            if near == []:  # "in Whitehaven" of Memphis news: a part of the city, not the English town
                town = ranked[0][1]
                return {**fields, "resolution": f"{FAR_ABROAD} ({town.canonical}, {town.country})"}
            ranked = near or ranked
        if not ranked:
            return {**fields, "resolution": NOT_IN_GAZETTEER}
        score, place = ranked[0]
        if descriptor and place.country not in countries:
            return {**fields, "resolution": NOT_IN_GAZETTEER}
        match = next(m for m in gazetteer.candidates(name) if m.place.place_id == place.place_id)
        well_known_name = any(_well_known(m) for m in gazetteer.candidates(name))
        reason = _missing_evidence(
            row, match, countries, cue, well_known_name=well_known_name, provinces=admin1_codes
        )
        if reason:
            return {**fields, "resolution": f"unresolved: {reason}"}
        if place.kind == "country" and place.country not in countries and not row.get("allowed"):
            division = next(
                (
                    p
                    for _s, p in ranked[1:]
                    if p.kind == "admin1" and p.canonical == place.canonical and p.country != place.country
                ),
                None,
            )
            if division is not None and division.country == (main_country(countries) or division.country):
                return {  # "a Georgia boy" in US news: the state or the country
                    **fields,
                    "resolution": f"{AMBIGUOUS} ({place.canonical}, {place.country} / "
                    f"{division.canonical}, {division.country})",
                }
        if len(ranked) > 1 and not row.get("allowed"):
            second_score, second = ranked[1]
            if (
                score - second_score < 0.3
                and second.country != place.country
                and place.country not in countries
                and {place.kind, second.kind} <= {"city", "village", "admin1", "admin2"}
            ):
                return {
                    **fields,
                    "resolution": f"{AMBIGUOUS} ({place.canonical}, "
                    f"{place.country} / {second.canonical}, {second.country})",
                }
        if row.get("allowed"):
            note = (
                "resolved: town, division"
                if place.kind in ("city", "village")
                else "resolved: division after a town"
            )
        elif cue:
            note = f"resolved: cue word ({cue})"
        elif place.country in countries and len({p.country for _s, p in ranked}) > 1:
            note = "resolved: article context"
        else:
            note = "resolved: best match"
    return {
        **fields,
        "place_id": place.place_id,
        "geonameid": place.geonameid,
        "canonical": place.canonical,
        "kind": place.kind,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": place.admin1,
        "admin1_code": place.admin1_code,
        "precision": place.precision,
        "resolution": note,
    }
