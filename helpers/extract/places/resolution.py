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
    place_cue,
)
from helpers.extract.places.home_division import (
    in_home_province,
    part_of_town_readings,
    readings_near_the_story,
)
from helpers.extract.places.mention import Mention
from helpers.extract.places.place_doubts import missing_evidence, well_known
from helpers.knowledge.gazetteer import Gazetteer
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place_name_keys import strip_admin_words
from helpers.knowledge.place_names import (
    admin1_abbreviations,
    dateline_division_code,
    demonyms,
)
from helpers.knowledge.place_ranking import Neighbours, main_country, ranked_candidates
from helpers.tables import columns

#: The resolution of a name the gazetteer does not know.
NOT_IN_GAZETTEER = "unresolved: not in gazetteer"
#: The resolution of a name whose best readings are towns of several countries ("Kettering").
AMBIGUOUS = "unresolved: ambiguous"
#: The resolution of a part of a town named like a town elsewhere.
PART_OF_TOWN = "unresolved: a part of a town named like a town elsewhere"
#: The resolution of a small foreign town's name far from every other place of the article.
FAR_ABROAD = "unresolved: a small town abroad, far from the article's other places"
#: Readings of two countries left ambiguous when they score alike: towns; divisions too when the
#: article's countries are known and are neither ("the Litoral penitentiary" in Guayaquil news).
TIED_KINDS, TIED_DIVISIONS = {"city", "village"}, {"admin1", "admin2"}


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
        well_known_name = any(well_known(m) for m in gazetteer.candidates(name))
        reason = missing_evidence(
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
                and {place.kind, second.kind} <= TIED_KINDS | (TIED_DIVISIONS if countries else set())
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
