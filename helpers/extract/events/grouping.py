"""An article's current casualty figures grouped by incident, for its event reports.

A figure that restates or updates another (``superseded_by``) belongs to that figure's
incident; figures placed in different provinces by their own sentence are different incidents
(a country named alone is no other province than the one named in it: a headline's "29 killed in
South Sudan" over the figures of one attack in Upper Nile, and "two of them have died", said the
charity's head in South Sudan, are of that attack); the other figures (placed only by their
paragraph or the article) belong to the first incident. A country's total whose
figures are placed in two provinces or more is a round-up of incidents ("107 killed across
Iraq": 42 in Taji, 15 in Dhuluiyah), each of them an incident and the sum none.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from helpers.extract.evidence import sentence_of


def sentence_at(doc: Doc, start: int) -> Span:
    """The sentence of the character ``start`` (the last sentence past the end)."""
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    return sentence_of(token[0] if token is not None and len(token) else doc[-1])


def incident_groups(figures: list[dict], places: Sequence[dict], doc: Doc) -> list[list[dict]]:
    """The article's current figures grouped by incident (see the module docstring), each group in
    text order."""
    by_offsets = {f"{r['start_char']}-{r['end_char']}": r for r in figures}
    placed: dict[str, list[int]] = {}  # each place's mention starts, in order (binary search)
    for start, place_id in sorted({(p["start_char"], p["place_id"]) for p in places}):
        placed.setdefault(place_id, []).append(start)

    def top(row: dict) -> dict:
        standing = row
        for _ in range(len(figures)):
            above = by_offsets.get(standing["superseded_by"] or "")
            if above is None or above is standing:
                break
            standing = above
        return standing

    country_of = {p["place_id"]: p.get("country") or "" for p in places}
    countries = {p["place_id"] for p in places if p.get("kind") == "country"}

    def own(row: dict) -> tuple[str, str] | None:
        """The province its own sentence places a figure in: (country, province); a country
        named alone is (country, "")."""
        sentence = sentence_at(doc, row["start_char"])
        starts = placed.get(row["place_id"], [])
        first = bisect_left(starts, sentence.start_char)
        if not (first < len(starts) and starts[first] < sentence.end_char):
            return None
        country = country_of.get(row["place_id"], "")
        return (country, "") if row["place_id"] in countries else (country, row["admin1"] or row["place_id"])

    tops = {id(r): top(r) for r in figures}
    by_id = {id(r): r for r in figures}
    owns = {id(r): own(r) for r in figures}
    below: dict[int, set[tuple[str, str]]] = {}
    for row in figures:
        if tops[id(row)] is not row and owns[id(row)]:
            below.setdefault(id(tops[id(row)]), set()).add(owns[id(row)])
    # A country's total whose figures below it are placed in two provinces or more is a sum of
    # incidents ("107 killed across Iraq": 42 in Taji, 15 in Dhuluiyah): each is one, the sum none.
    sums = {n for n, keys in below.items() if len(_provinces(keys)) > 1 and not by_id[n]["admin1"]}
    # A total placed only in its country, whose figures below it name one province, is placed
    # there, and so are the article's other figures placed only in that country.
    placed_in: dict[tuple[str, str], tuple[str, str]] = {}
    for n, keys in below.items():
        inside = _provinces(keys)
        if n not in sums and owns[n] and not owns[n][1] and len(inside) == 1:
            placed_in.setdefault(owns[n], inside.pop())
    groups: dict[tuple[str, str] | None, list[dict]] = {}
    for row in figures:
        if id(row) not in sums:
            key = owns[id(row)] if id(tops[id(row)]) in sums else owns[id(tops[id(row)])]
            groups.setdefault(placed_in.get(key, key), []).append(row)
    unplaced = groups.pop(None, [])
    if not groups:
        return [unplaced] if unplaced else []
    first = next(iter(groups))
    groups[first] = sorted(groups[first] + unplaced, key=lambda r: r["start_char"])
    return [sorted(group, key=lambda r: r["start_char"]) for group in groups.values()]


def _provinces(keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The provinces of figures' places: a country named alone counts only when none of its
    provinces is named.

    >>> sorted(_provinces({("SS", "Upper Nile"), ("SS", ""), ("SD", "")}))
    [('SD', ''), ('SS', 'Upper Nile')]
    """
    return {k for k in keys if k[1] or not any(o[0] == k[0] and o[1] for o in keys)}
