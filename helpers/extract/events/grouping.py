"""An article's current casualty figures grouped by incident, for its event reports.

A figure that restates or updates another (``superseded_by``) belongs to that figure's
incident; figures placed in different provinces by their own sentence are different incidents (a
sentence that names no place goes on telling the sentence before it in its paragraph when that one
sets its violence apart in a place: "A second bombing hit a checkpoint in Kunduz. It killed 12
people.")
(a country named alone is no other province than the one named in it: a headline's "29 killed in
South Sudan" over the figures of one attack in Upper Nile, and "two of them have died", said the
charity's head in South Sudan, are of that attack); the other figures (placed only by their
paragraph or the article) belong to the first incident. A country's total whose
figures are placed in two provinces or more is a round-up of incidents ("107 killed across
Iraq": 42 in Taji, 15 in Dhuluiyah), each of them an incident and the sum none; so is a lead's total
placed only by the article ("Taliban attacks kill 9": five in Kandahar province, four in Herat
province) or in its figures' provinces together ("11 killed in Zamfara and Katsina"), when the
article names those provinces and the figures add up to it at most. In a round-up, a figure whose
sentence names no place tells the place its paragraph named before it.

Within a province, a figure whose own sentence tells another act of violence in another town or
district (farther than ``SAME_TOWN_KM``, ``SAME_DISTRICT_KM`` from a district's centre), with a
word that sets it apart ("a car bomb in the town of Tarmiyah", after "Two other explosions"; "In
Baghdad, meanwhile"; ``separate`` and ``other`` cues of ``event_cues.csv``), is another incident,
as ACLED codes one event per place and day: a round-up of a day's attacks gives one report per
town, placed there ("The first blast hit Pishin district, killing 18. … a second explosion in
Qila Saifullah killed 10 more": two reports, their total in neither). A spree told on ("he then
drove to Orange and shot two more"), a figure whose sentence names no town of its own and one that
restates another go on telling the incident before them in the text (a toll restates another only
within its report).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from helpers.extract.casualties.tolls import figure_key
from helpers.extract.events.incident_days import FigureDays, by_day
from helpers.extract.events.triggers import sentence_words
from helpers.extract.evidence import sentence_of
from helpers.extract.places.town_parts import TOWN_KINDS
from helpers.knowledge.event_types import cue_words, incident_nouns, violent_words
from helpers.knowledge.gazetteer import haversine_km

#: Towns closer than this are one place of an incident (parts of one city, a village by its town).
SAME_TOWN_KM = 10.0
#: A district's centre closer than this to a town or another district's is one place of an incident
#: (a district's town lies in it, often tens of kilometres from its centre).
SAME_DISTRICT_KM = 40.0
#: Places an incident can be set apart in within a province.
_SCENE_KINDS = TOWN_KINDS | {"admin2"}
#: Sentences back in its paragraph where a round-up's figure that names no place finds its scene.
PARAGRAPH_SENTENCES = 3


def sentence_at(doc: Doc, start: int) -> Span:
    """The sentence of the character ``start`` (the last sentence past the end)."""
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    return sentence_of(token[0] if token is not None and len(token) else doc[-1])


def _place_starts(places: Sequence[dict]) -> dict[str, list[int]]:
    """Each place's mention starts, in order (for a binary search)."""
    placed: dict[str, list[int]] = {}
    for start, place_id in sorted({(p["start_char"], p["place_id"]) for p in places}):
        placed.setdefault(place_id, []).append(start)
    return placed


def _starts_within(span: Span, starts: list[int]) -> bool:
    """Whether one of the sorted mention starts lies in a span."""
    first = bisect_left(starts, span.start_char)
    return first < len(starts) and starts[first] < span.end_char


def _named_in(span: Span, place_id: str | None, placed: dict[str, list[int]]) -> bool:
    """Whether a place is named in a span (``placed``: :func:`_place_starts`)."""
    return _starts_within(span, placed.get(place_id or "", []))


class Incident(NamedTuple):
    """An incident's figures, in text order, and the town its sentences set it apart in (None when
    it was not told apart by its town)."""

    figures: list[dict]
    town: dict | None


def incident_groups(
    figures: list[dict],
    places: Sequence[dict],
    doc: Doc,
    previous: Callable[[Span], Span | None] = lambda _sentence: None,
    days: FigureDays = lambda _row: frozenset(),
) -> list[Incident]:
    """The article's current figures grouped by incident (see the module docstring); ``previous``
    gives a sentence's antecedent in its paragraph, where a sentence naming no place goes on; ``days``
    the days a figure's clause tells violence on (:mod:`~helpers.extract.events.incident_days`)."""
    by_offsets = {figure_key(r): r for r in figures}
    placed = _place_starts(places)

    def top(row: dict) -> dict:
        standing = row
        for _ in range(len(figures)):
            above = by_offsets.get(standing["superseded_by"] or "")
            if above is None or above is standing:
                break
            standing = above
        return standing

    every = sorted(start for starts in placed.values() for start in starts)
    country_of = {p["place_id"]: p.get("country") or "" for p in places}
    countries = {p["place_id"] for p in places if p.get("kind") == "country"}
    by_start = sorted((p for p in places if p["place_id"] not in countries), key=lambda p: p["start_char"])

    def sentence_provinces(row: dict) -> set[tuple[str, str]]:
        """The provinces of the places a figure's sentence names."""
        named = _places_in(sentence_at(doc, row["start_char"]), by_start)
        return {(p.get("country") or "", p.get("admin1") or p["place_id"]) for p in named}

    def own(row: dict) -> tuple[str, str] | None:
        """The province its own sentence places a figure in: (country, province); a country
        named alone is (country, ""). A sentence naming no place goes on telling the sentence
        before it in its paragraph when that one sets its violence apart there ("A second bombing
        took place in Kabul. It killed 22 people.")."""
        sentence = sentence_at(doc, row["start_char"])
        if not _named_in(sentence, row["place_id"], placed) and (
            _starts_within(sentence, every) or not _sets_apart_in(previous(sentence), row["place_id"], placed)
        ):
            return None
        country = country_of.get(row["place_id"], "")
        return (country, "") if row["place_id"] in countries else (country, row["admin1"] or row["place_id"])

    tops = {id(r): top(r) for r in figures}
    by_id = {id(r): r for r in figures}
    owns = {id(r): own(r) for r in figures}
    below = _largest_below(figures, tops, lambda row: owns[id(row)])  # per province
    # A country's total whose figures below it are placed in two provinces or more, and add up to
    # it at most, is a sum of incidents ("107 killed across Iraq": 42 in Taji, 15 in Dhuluiyah): each
    # is one, the sum none. So is a total its own sentence places in no province, or in the
    # provinces of its figures ("in Charikar and Kabul"), when the article names each of those
    # provinces ("In western Herat province, ..."): a town read in a far province (a hospital,
    # a misread name) makes no round-up. A toll restated where a victim died ("three killed",
    # "one died at a hospital in X") is more than it: no sum. A figure that restates a sum
    # without a province of its own ("At least nine have died") is none either.
    provinces = {(p.get("country") or "", p.get("admin1") or "") for p in places if p.get("kind") == "admin1"}

    def round_up(n: int, parts: dict[tuple[str, str], float]) -> bool:
        """Whether the figure ``n``, with its largest figure per place below it, is a sum."""
        inside = _provinces(set(parts))
        if len(inside) < 2 or _number(by_id[n]) < sum(parts[key] for key in inside):
            return False
        if not by_id[n]["admin1"]:
            return True
        placed = _in_province(by_id[n], owns[n]) and len(inside & sentence_provinces(by_id[n])) < 2
        return inside <= provinces and not placed

    sums = {n for n, parts in below.items() if round_up(n, parts)}
    sums |= {
        id(r)
        for r in figures
        if id(tops[id(r)]) in sums and not _in_province(r, owns[id(r)]) and _number(r) >= _number(tops[id(r)])
    }
    # A total placed only in its country, whose figures below it name one province, is placed
    # there, and so are the article's other figures placed only in that country.
    placed_in: dict[tuple[str, str], tuple[str, str]] = {}
    for n, parts in below.items():
        inside = _provinces(set(parts))
        if n not in sums and owns[n] and not owns[n][1] and len(inside) == 1:
            placed_in.setdefault(owns[n], inside.pop())
    # In a round-up, a figure whose sentence names no place tells the place its paragraph named
    # before it ("Kherson Oblast was shelled 60 times. ... The attacks injured two people").
    scenes: dict[tuple[str, str], dict] = {}
    for row in figures if sums else ():
        if id(row) not in sums and owns[id(row)] is None:
            scene = _paragraph_place(sentence_at(doc, row["start_char"]), previous, by_start)
            if scene is not None:
                owns[id(row)] = key = (scene.get("country") or "", scene.get("admin1") or scene["place_id"])
                scenes.setdefault(key, scene)
    groups: dict[tuple[str, str] | None, list[dict]] = {}
    for row in figures:
        if id(row) not in sums:
            key = owns[id(row)] if id(tops[id(row)]) in sums else owns[id(tops[id(row)])]
            groups.setdefault(placed_in.get(key, key), []).append(row)
    _into_its_one_province(groups)
    unplaced = groups.pop(None, [])
    if not groups:
        return [Incident(unplaced, None)] if unplaced else []
    first = next(iter(groups))
    groups[first] = sorted(groups[first] + unplaced, key=lambda r: r["start_char"])
    towns = {p["place_id"]: p for p in places if p.get("kind") in _SCENE_KINDS and p.get("lat") is not None}

    def town(row: dict) -> tuple[dict, bool] | None:
        """The town a figure's own sentence tells violence in, if any, and whether the sentence
        sets that violence apart from the incident told before."""
        place = towns.get(row["place_id"])
        if place is None or not owns[id(row)]:
            return None
        sentence = sentence_at(doc, row["start_char"])
        if not sentence_words(sentence) & violent_words():
            return None
        return place, any(_sets_apart(t) for t in sentence)

    incidents = []
    for key, group in groups.items():
        parts = _without_sums(_by_town(sorted(group, key=lambda r: r["start_char"]), town), tops, town)
        if key in scenes and all(r["admin1"] != key[1] for r in group):  # placed by its paragraph alone
            parts[0] = parts[0]._replace(town=parts[0].town or scenes[key])
        for part in parts:  # an incident told on an earlier day is another
            told = by_day(part.figures, days)
            incidents += [Incident(rows, part.town if n == 0 else None) for n, rows in enumerate(told)]
    return incidents


def _into_its_one_province(groups: dict[tuple[str, str] | None, list[dict]]) -> None:
    """Figures placed only in a country join the figures of its one province, when the article's
    other figures of that country lie in one ("The toll from a bombing in Afghanistan's capital rose
    to 21" beside "33 people were wounded" in Kabul): a country named alone is no other province.

    >>> groups = {("AF", ""): ["21"], ("AF", "Kabul"): ["33"], ("SO", ""): ["5"]}
    >>> _into_its_one_province(groups); groups
    {('AF', 'Kabul'): ['21', '33'], ('SO', ''): ['5']}
    """
    for key in [k for k in groups if k is not None and not k[1]]:
        provinces = [k for k in groups if k is not None and k[0] == key[0] and k[1]]
        if len(provinces) == 1:
            groups[provinces[0]] = groups.pop(key) + groups[provinces[0]]


def _places_in(span: Span, by_start: list[dict]) -> list[dict]:
    """The place rows (sorted by start) that start in a span, by a binary search."""
    first = bisect_left(by_start, span.start_char, key=lambda p: p["start_char"])
    return by_start[first : bisect_left(by_start, span.end_char, lo=first, key=lambda p: p["start_char"])]


def _paragraph_place(
    sentence: Span, previous: Callable[[Span], Span | None], by_start: list[dict]
) -> dict | None:
    """The place the sentences before ``sentence`` in its paragraph name last (a few at most), or None."""
    before = previous(sentence)
    for _ in range(PARAGRAPH_SENTENCES):
        if before is None:
            return None
        if named := _places_in(before, by_start):
            return named[-1]
        before = previous(before)
    return None


def _in_province(row: dict, own: tuple[str, str] | None) -> bool:
    """Whether a figure is placed in a province by its own sentence (not only in a country, nor
    by the article's main place)."""
    return bool(row["admin1"] and own and own[1])


def _number(row: dict) -> float:
    """A figure's number: its low bound, else its high one (0 without either)."""
    return row.get("low") or row.get("high") or 0


def _sets_apart_in(sentence: Span | None, place_id: str | None, placed: dict[str, list[int]]) -> bool:
    """Whether a sentence names the place and tells violence there (a word of violence or a noun of
    an incident) set apart from the incident told before it ("The second bombing occurred in
    Kabul")."""
    return (
        sentence is not None
        and _named_in(sentence, place_id, placed)
        and (
            bool(sentence_words(sentence) & violent_words())
            or any(t.lemma_.lower() in incident_nouns() for t in sentence)
        )
        and any(_sets_apart(t) for t in sentence)
    )


def _sets_apart(token: Token) -> bool:
    """Whether a word tells another incident than the one told before: an adverb ("meanwhile",
    "elsewhere"), or an adjective of a noun of the violence ("In another attack", "in an unrelated
    shooting"; not "another man was shot", "on an unrelated charge"), unless that noun is tied to the
    violence told ("related to the other murders")."""
    word = token.lower_
    separate = word in cue_words("separate")
    if separate and token.pos_ != "ADJ":
        return True
    if not (separate or word in cue_words("other")):
        return False
    head = token.head  # the noun it modifies, or the subject it is said of ("the shootings were unrelated")
    if token.dep_ == "acomp":
        head = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), head)
    if head.lemma_.lower() not in violent_words() and head.lemma_.lower() not in incident_nouns():
        return False
    tie = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "to" else None
    return tie is None or tie.lemma_.lower() not in cue_words("link")


def _by_town(group: list[dict], town: Callable[[dict], tuple[dict, bool] | None]) -> list[Incident]:
    """A province's figures (in text order) split by the towns their sentences set apart (see the
    module docstring); each part set apart is placed in its town (the first is placed as any
    incident, from its figures)."""
    parts: list[tuple[dict | None, list[dict]]] = []
    pending: list[dict] = []
    for row in group:
        place, separate = town(row) or (None, False)
        near = next((part for part in parts if place is not None and _one_scene(place, part[0])), None)
        if near is not None:
            near[1].append(row)
        elif place is not None and (separate or not parts):
            parts.append((place, [*pending, row]))
            pending = []
        elif parts:
            parts[-1][1].append(row)
        else:
            pending.append(row)
    if pending:
        parts.append((None, pending))
    return [
        Incident(sorted(rows, key=lambda r: r["start_char"]), place if number else None)
        for number, (place, rows) in enumerate(parts)
    ]


def _one_scene(place: dict, other: dict | None) -> bool:
    """Whether two towns or districts are one place of an incident (see ``SAME_DISTRICT_KM``).

    >>> town = {"kind": "city", "lat": 30.0, "lon": 67.0}
    >>> district = {"kind": "admin2", "lat": 30.2, "lon": 67.0}
    >>> _one_scene(town, {**town, "lat": 30.2}), _one_scene(town, district), _one_scene(town, None)
    (False, True, False)
    """
    if other is None:
        return False
    reach = SAME_DISTRICT_KM if "admin2" in (place["kind"], other["kind"]) else SAME_TOWN_KM
    return haversine_km(place["lat"], place["lon"], other["lat"], other["lon"]) < reach


def _without_sums(
    parts: list[Incident], tops: dict[int, dict], town: Callable[[dict], tuple[dict, bool] | None]
) -> list[Incident]:
    """A province's incidents without the totals that add up those of two towns or districts or
    more ("Two bombs killed 25 people in the province": 15 in one district, 10 in another): such a
    total, named in no town of its own and at least the sum of its figures' largest per incident,
    is of none of them (``tops``: each figure's standing toll, by ``id``)."""
    if len(parts) < 2:
        return parts
    part_of = {id(r): number for number, part in enumerate(parts) for r in part.figures}
    rows = {id(r): r for part in parts for r in part.figures}
    below = _largest_below(list(rows.values()), tops, lambda row: part_of[id(row)])  # per incident
    sums = {
        n
        for n, share in below.items()
        if len(share) > 1 and n in rows and town(rows[n]) is None and _number(rows[n]) >= sum(share.values())
    }
    kept = [Incident([r for r in part.figures if id(r) not in sums], part.town) for part in parts]
    return [part for part in kept if part.figures]


def _largest_below(
    figures: Sequence[dict], tops: dict[int, dict], key_of: Callable[[dict], Hashable]
) -> dict:
    """Each total's largest figure per group below it: by the total's ``id``, the group (``key_of``
    a figure; None leaves it out) to the largest number among the figures it stands for (``tops``).

    >>> total, a, b = {"low": 25}, {"low": 15}, {"low": 10}
    >>> tops = {id(total): total, id(a): total, id(b): total}
    >>> below = _largest_below([total, a, b], tops, lambda r: "A" if r is a else "B")
    >>> below == {id(total): {"A": 15, "B": 10}}
    True
    """
    below: dict[int, dict] = {}
    for row in figures:
        if tops[id(row)] is not row and (key := key_of(row)) is not None:
            share = below.setdefault(id(tops[id(row)]), {})
            share[key] = max(share.get(key, 0), _number(row))
    return below


def _provinces(keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The provinces of figures' places: a country named alone counts only when none of its
    provinces is named.

    >>> sorted(_provinces({("SS", "Upper Nile"), ("SS", ""), ("SD", "")}))
    [('SD', ''), ('SS', 'Upper Nile')]
    """
    return {k for k in keys if k[1] or not any(o[0] == k[0] and o[1] for o in keys)}
