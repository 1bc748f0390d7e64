"""Places the gazetteer lacks, located in the place around them.

Conflict news names villages, localities and districts that no gazetteer holds under
the article's spelling: "the village of Xalidiyê", "Nzhwerenvi and Kpara villages",
"the Dwatoi area", "Kongoor Payam". A cue word makes such a name a place and gives its
kind (:func:`unlisted_kind`, from ``en/place_nouns.csv``); :func:`place_unlisted`
then locates it, as ACLED does with its ``geo_precision``, in the place that contains
it:

* a resolved place named right after it in the sentence ("Tolleri village in Ulang
  county", "Ali-Adhole within El-Dheer District") or right before it with a possessive
  ("Pulwama's Kakapora area"); a name located so may contain the next one ("the
  Liheban and Khidirjija villages in Qarachogh area");
* else, for a part of a town ("the Wyandotte neighborhood",
  :func:`~helpers.extract.places.home_division.names_part_of_town`), the
  town of the main province that the article names most;
* else the province (for a village or town, the district) its sentence names before it, where
  news sets the scene ("In western Herat province, gunmen killed four officers in Kashtana
  district");
* else the article's main province: the province of its main country that most of its
  resolved names lie in;
* else its main country (precision 3).

The row takes the container's point, country and province, a precision of at least 2
(part of a district or province), a ``place_id`` ``lc:<province>:<name>`` and a
``resolution`` that says where it was put. Without a main country it stays unresolved.
The same holds for a name the gazetteer knows only as a small place outside the
article's countries ("the village of Josef" in Syrian news is not Saint Joseph in
the DR Congo): :func:`foreign_reading`.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from helpers.extract.places.evidence import cue_word
from helpers.extract.places.place_doubts import SMALL_ABROAD, SPELT_OTHERWISE, WELL_KNOWN_POPULATION
from helpers.extract.places.resolution import AMBIGUOUS, NOT_IN_GAZETTEER, PART_OF_TOWN
from helpers.knowledge.gazetteer import Gazetteer
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place import UNLISTED_PREFIX
from helpers.knowledge.place_name_keys import normalize_name
from helpers.knowledge.place_ranking import main_country
from helpers.knowledge.vocabulary import place_nouns

#: What may stand between a place and the place that contains it, after it.
_CONTAINED_IN = re.compile(
    r"^[\s,]*(?:[\w-]+\s+){0,2}(?:[\w-]+(?=,))?"  # "Tolleri village in", "Intan Jaya regency,"
    r"(?:(?:which is |located |also )?(?:in|within|of|near|outside)\b|,)[^.;:]{0,40}$"
)
#: A possessive between a place and a place inside it ("Pulwama's Kakapora area").
_POSSESSIVE = re.compile(r"^(?:\s+\w+)?\s*['’]s?\s+(?:\w+\s+)?$")
#: The fields of a place that locate an unlisted place inside it.
AREA_FIELDS = ("canonical", "kind", "lat", "lon", "country", "admin1", "admin1_code", "precision")
#: The kinds of unlisted places that the main country may hold when no province leads (a part of a
#: town or a district needs its town or province).
SETTLEMENT_KINDS = frozenset({"village", "city"})
#: The place noun whose kind a name inside another place takes ("X within Y District").
LOCALITY = "area"
#: Roles of rows that may contain an unlisted place.
CONTAINER_ROLES = ("event", "nested", "dateline")
#: The kinds of resolved places that contain an unlisted place of each kind (a district lies in a
#: province; a village or town in a district or province).
WIDER_KINDS = {"admin2": ("admin1",), "city": ("admin1", "admin2"), "village": ("admin1", "admin2")}


def unlisted_kind(doc: Doc, span: Span) -> str:
    """The kind of place a cue word makes of a name: ``village``, ``city``, ``admin2``,
    ``region``, or "" when no cue word names one.

    The cue ends the name ("Kongoor Payam", "Chaung-U Township"), follows it ("Kpara
    villages"), precedes it with "of" ("the village of Xalidiyê") or starts it ("Barangay
    Asbang").
    """
    kinds = place_nouns().kind
    word = span[-1].lower_ if len(span) > 1 and span[-1].lower_ in kinds else ""  # "Chaung-U Township"
    word = word or cue_word(doc, span.start, span.end)
    if not word and len(span) > 1 and span[0].lower_ in kinds:
        word = span[0].lower_
    word = word or _apposition_word(doc, span.end)
    if not word and _within_a_place(doc, span.end):
        word = LOCALITY
    return kinds.get(word, "")


def _apposition_word(doc: Doc, end: int) -> str:
    """The place noun of an apposition right after a name ("in Shubi Khel, a remote area", "at X, a
    small village"): a comma, an article and up to three modifiers before the noun; else "".

    >>> import spacy
    >>> doc = spacy.blank("en")("in Tobe , a remote mountain area , and in Ado , a man said")
    >>> _apposition_word(doc, 2), _apposition_word(doc, 10)
    ('area', '')
    """
    kinds = place_nouns().kind
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in function_words().articles:
        return ""
    for token in doc[end + 2 : min(end + 6, len(doc))]:
        if token.lower_ in kinds:
            return token.lower_
        if not token.is_lower or not token.is_alpha:
            return ""
    return ""


def _within_a_place(doc: Doc, end: int) -> bool:
    """Whether "within" and a name follow a name: "killed in Ali-Adhole within El-Dheer District",
    a place inside another (its kind: a locality)."""
    return end + 1 < len(doc) and doc[end].lower_ == "within" and doc[end + 1].is_title


def foreign_reading(kind: str, resolved: dict, countries: Counter, gazetteer: Gazetteer) -> bool:
    """True when a name that a cue word calls a place of ``kind`` resolved (or stayed ambiguous)
    only as a town outside the article's countries, or only as a town spelt otherwise ("the town of
    Kuriga" in Kaduna: not Khouribga, Morocco), or as a village when it is a big town, or (a part of
    a town) only as a town of another province: it is then a place of the article's own country
    that the gazetteer lacks."""
    if not countries:
        return False
    if resolved.get("place_id") is None:
        reason = resolved.get("resolution") or ""
        return reason.startswith(
            (
                AMBIGUOUS,
                f"unresolved: {SMALL_ABROAD}",
                f"unresolved: {SPELT_OTHERWISE}",
                PART_OF_TOWN,
            )
        )
    if resolved["country"] in countries or resolved["kind"] not in ("city", "village", "admin2"):
        return False
    place = gazetteer.get(resolved["place_id"])
    return place is not None and (place.population < WELL_KNOWN_POPULATION or kind == "village")


def off_scene(kind: str, resolved: dict, rows: list[dict], text: str = "") -> bool:
    """True when a name a cue word calls a village resolved to a village of another province than
    the one its sentence sets the scene in before it ("In Zamfara state, bandits stormed the village
    of Kango": Kango of Kwara is a namesake; the Kango told of is a village of Zamfara the gazetteer
    lacks), or a name a cue word calls a district or town to a place of another province than the
    one that holds it with a possessive ("Jonglei state's Duk county": not Duk of Warrap). ``rows``
    are the article's rows so far, in text order; ``text`` the article's.

    >>> zamfara = {"sentence": "s", "end_char": 9, "kind": "admin1", "admin1_code": "NG-ZA"}
    >>> kango = {"sentence": "s", "start_char": 40, "kind": "village", "admin1_code": "NG-KW"}
    >>> here = dict(kango, admin1_code="NG-ZA")
    >>> off_scene("village", kango, [zamfara]), off_scene("village", here, [zamfara])
    (True, False)
    """
    if kind not in WIDER_KINDS or resolved.get("kind") not in WIDER_KINDS or not resolved.get("admin1_code"):
        return False
    for row in reversed(rows):  # the rows of its sentence so far are the last ones (text order)
        if row["sentence"] != resolved["sentence"]:
            return False
        if row["kind"] == "admin1" and row["end_char"] <= resolved["start_char"]:
            owner = kind == "village" or _POSSESSIVE.match(text[row["end_char"] : resolved["start_char"]])
            return bool(owner) and row["admin1_code"] != resolved["admin1_code"]
    return False


def _container(row: dict, rows: list[dict], text: str) -> dict | None:
    """The resolved place named right after ``row`` ("in", "within", ",") or before it with a possessive;
    a country named so with its province ("in northwest Nigeria's Kaduna state") is that province."""
    after = sorted(
        (r for r in rows if r["start_char"] >= row["end_char"] and r["sentence"] == row["sentence"]),
        key=lambda r: r["start_char"],
    )
    for other in after[:1]:
        if _CONTAINED_IN.match(text[row["end_char"] : other["start_char"]]):
            owned = after[1:2] if other["kind"] == "country" else []
            return next(
                (r for r in owned if _POSSESSIVE.match(text[other["end_char"] : r["start_char"]])), other
            )
    before = [r for r in rows if r["end_char"] <= row["start_char"] and r["sentence"] == row["sentence"]]
    for other in sorted(before, key=lambda r: -r["end_char"])[:1]:
        if _POSSESSIVE.match(text[other["end_char"] : row["start_char"]]):
            return other
    return None


def _scene_province(row: dict, rows: list[dict]) -> dict | None:
    """The province (or, for a village or town, the district) named last before ``row`` in its
    sentence, where news sets a scene ("In western Herat province, an assault on a checkpoint
    killed four officers in Kashtana district"): the place an unlisted name lies in, before the
    article's main province."""
    wider = WIDER_KINDS.get(row["unlisted"], ())
    before = [
        r
        for r in rows
        if r["sentence"] == row["sentence"] and r["end_char"] <= row["start_char"] and r["kind"] in wider
    ]
    return max(before, key=lambda r: r["end_char"], default=None)


def _leader(counts: Counter) -> str:
    """The key counted most, or "" when none is or two tie.

    >>> _leader(Counter("aab")), _leader(Counter("ab")), _leader(Counter())
    ('a', '', '')
    """
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[1][1] < top[0][1]) else ""


def _main_province(rows: list[dict], countries: Counter, gazetteer: Gazetteer) -> dict | None:
    """The province of the article's main country that most of its resolved names lie in,
    as a row (``None`` when no province leads)."""
    main = main_country(countries) or _leader(Counter(r["country"] for r in rows if r["country"]))
    best = _leader(Counter(r["admin1_code"] for r in rows if r["country"] == main and r["admin1_code"]))
    area = gazetteer.admin1(best) if best else None
    return None if area is None else {field: getattr(area, field) for field in AREA_FIELDS}


def _main_town(rows: list[dict], province: dict | None) -> dict | None:
    """The town of ``province`` the article names most (``None`` on a tie or without one)."""
    if province is None:
        return None
    towns = [r for r in rows if r["kind"] == "city" and r["admin1_code"] == province["admin1_code"]]
    best = _leader(Counter(r["place_id"] for r in towns))
    return next((r for r in towns if r["place_id"] == best), None) if best else None


def _point(container: dict | None, gazetteer: Gazetteer) -> tuple[float | None, float | None] | None:
    """Where a place inside ``container`` goes: its point, else its province's (or ``None``); a
    country is none ("Lebanon, Boone County" is Indiana's; the main country is placed by
    :func:`place_unlisted` itself)."""
    if container is None or not container["admin1_code"]:
        return None
    if container["lat"] is not None:
        return container["lat"], container["lon"]
    area = gazetteer.admin1(container["admin1_code"])
    return (area.lat, area.lon) if area is not None else None  # a province without a point keeps its code


def place_unlisted(
    rows: list[dict], pending: list[dict], text: str, countries: Counter, gazetteer: Gazetteer
) -> list[dict]:
    """Locate the unlisted places of an article in the places around them.

    Args:
        rows: The article's resolved rows.
        pending: Rows of names the gazetteer lacks, each with its ``unlisted`` kind, whether it
            is ``kept`` as it is when it cannot be located, and whether it names a ``part`` of a town.
        text: The article's text.
        countries: The article's countries with their support.
        gazetteer: The gazetteer (for a province's point).

    Returns:
        ``rows`` with the pending rows that could be located, in text order.
    """
    placed = [r for r in rows if r["place_id"] and r["role"] in CONTAINER_ROLES]
    province = _main_province(placed, countries, gazetteer)
    town = _main_town(placed, province)
    # no province leads: the main country holds it ("the central town of Moura" in a Malian story
    # filed from Dakar), at ACLED's precision 3
    leader = main_country(countries) or _leader(countries)
    country = gazetteer.country(leader) if province is None and leader else None
    nation = {field: getattr(country, field) for field in AREA_FIELDS} if country else None
    located = []
    for row in sorted(pending, key=lambda r: -r["start_char"]):  # right to left: "X villages in Y area"
        # a part of a town ("the Wyandotte neighborhood") lies in the article's town
        container = _container(row, placed, text) or (row["part"] and town)
        container = container or _scene_province(row, placed) or province
        # a settlement the gazetteer knows only elsewhere (not a part of a town) may lie anywhere in it
        known = row["resolution"] != NOT_IN_GAZETTEER and not row["part"]
        container = container or (nation if row["unlisted"] in SETTLEMENT_KINDS and known else None)
        point = (
            (nation["lat"], nation["lon"]) if container is nation and nation else _point(container, gazetteer)
        )
        if point is None:
            if row["kept"]:  # as it was resolved, or unresolved with its reason
                located.append(row)
            continue
        name = row["text"].title() if row["text"].isupper() else row["text"]
        row.update(
            place_id=f"{UNLISTED_PREFIX}{container['admin1_code'] or container['country']}:"
            f"{normalize_name(name).replace(' ', '-')}",
            geonameid=None,
            canonical=name,
            kind=row["unlisted"],
            lat=point[0],
            lon=point[1],
            country=container["country"],
            admin1=container["admin1"],
            admin1_code=container["admin1_code"],
            precision=max(2, min(3, container["precision"])),
            resolution=f"resolved: not in the gazetteer, located in {container['canonical']}",
        )
        located.append(row)
        placed.append(row)
    return sorted(rows + located, key=lambda r: (r["start_char"], r["end_char"]))


def run_into_locative(doc: Doc, start: int, end: int) -> bool:
    """An entity after "the town of" (a place noun and "of") that runs on into a locative and the next
    place: "the town of Tame in Arauca" tagged ORG is the town Tame, not an organisation."""
    words = function_words()
    after_of = (
        start > 1
        and doc[start - 1].lower_ in words.noun_links
        and doc[start - 2].lower_ in place_nouns().kind
    )
    return after_of and any(t.is_lower and t.lower_ in words.locatives for t in doc[start + 1 : end])
