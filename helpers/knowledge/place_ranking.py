"""Rank the gazetteer's candidates for a place name, given what an article is about.

Disambiguation scores each candidate (:func:`score_candidate`): the feature
type and population give a prior, a main name beats an alternate, candidates
in the article's countries and provinces gain, a division of the article's
:func:`main_country` beats a foreign country of the same name ("Georgia" in US
news), and a cue word next to the mention ("province" vs "town") picks the
feature type. The place extractor supplies the context and the cue; the
EntityRuler's patterns (:mod:`helpers.nlp.place_rules`) use the ranking
without context.
"""

from __future__ import annotations

import math
from collections import Counter

from helpers.knowledge.gazetteer import Gazetteer, default_gazetteer
from helpers.knowledge.place import Place

# Context: a country supported by this many distinct names, and by more than any other, is the
# article's main country. When a name is both a foreign country and a division or region of the
# main country, the division gains MAIN_COUNTRY_BONUS: a US article's "Georgia" is the state,
# unless the country Georgia has support of its own.
MAIN_COUNTRY_MIN_NAMES = 2
MAIN_COUNTRY_BONUS = 1.5


def main_country(countries: Counter | None) -> str:
    """The country an article is mainly about: supported by at least
    :data:`MAIN_COUNTRY_MIN_NAMES` names and by more than any other country ("" if none).

    >>> main_country(Counter({"US": 3, "EG": 1})), main_country(Counter({"US": 2, "GE": 2}))
    ('US', '')
    """
    if not countries:
        return ""
    (top, n), *rest = countries.most_common(2)
    return top if n >= MAIN_COUNTRY_MIN_NAMES and (not rest or rest[0][1] < n) else ""


def score_candidate(
    place: Place,
    *,
    is_main_name: bool,
    countries: Counter | None = None,
    admin1_codes: Counter | None = None,
    cue: str = "",
) -> float:
    """Score a candidate place for a mention; the highest score wins.

    Args:
        place: The candidate.
        is_main_name: True when the mention matched a main name or curated alias.
        countries: ISO alpha-2 codes of the article's context, with counts (the number
            of distinct names supporting each).
        admin1_codes: ISO 3166-2 codes of the article's context, with counts.
        cue: ``"admin"`` or ``"settlement"`` when a cue word stands next to the mention.

    Returns:
        The score (a log-population-like scale).
    """
    if place.kind == "country":
        score = 9.0
    elif place.kind == "region":
        score = 6.0 if place.precision <= 3 else 5.5
    elif place.kind == "admin1":
        score = 5.2
    else:  # towns: log10 of the population; cities1000 entries of unknown size count as ~3,000
        score = math.log10(place.population) if place.population > 0 else 3.5
    score += 1.0 if is_main_name else 0.0
    if countries and (place.country in countries or place.precision == 5):
        score += 3.0  # supranational regions fit any article
    if admin1_codes and place.admin1_code in admin1_codes:
        score += 1.5
    if cue == "admin":
        score += 6.0 if place.kind in ("admin1", "region") else 0.0
    elif cue == "settlement":
        score += 3.0 if place.kind in ("city", "village") else -2.0
    return score


def resolve_name(
    name: str,
    *,
    gazetteer: Gazetteer | None = None,
    countries: Counter | None = None,
    admin1_codes: Counter | None = None,
    cue: str = "",
) -> Place | None:
    """The best place for ``name`` given the context, or ``None`` when unknown.

    >>> resolve_name("Salahuddin").admin1_code
    'IQ-SD'
    >>> resolve_name("Tripoli", countries=Counter({"LB": 1})).country
    'LB'
    """
    ranked = ranked_candidates(name, gazetteer or default_gazetteer(), countries, admin1_codes, cue)
    return ranked[0][1] if ranked else None


def ranked_candidates(
    name: str, gazetteer: Gazetteer, countries: Counter | None, admin1_codes: Counter | None, cue: str
) -> list[tuple[float, Place]]:
    """Every candidate place of ``name`` with its score, best first (ties by ``place_id``).

    Args:
        name: The mention's text.
        gazetteer: The gazetteer.
        countries: The article's countries with their support (see :func:`score_candidate`).
        admin1_codes: The article's provinces with their support.
        cue: ``"admin"``, ``"settlement"`` or ``""``.

    Returns:
        ``(score, place)`` pairs, one per place.
    """
    scored = {}
    for place, is_main in gazetteer.candidates(name):
        score = score_candidate(
            place, is_main_name=is_main, countries=countries, admin1_codes=admin1_codes, cue=cue
        )
        scored[place.place_id] = max(score, scored.get(place.place_id, (score, place))[0]), place
    main = main_country(countries)
    if main and any(p.kind == "country" and p.country != main for _s, p in scored.values()):
        for place_id, (score, place) in scored.items():
            if place.kind in ("admin1", "region") and place.country == main:
                scored[place_id] = score + MAIN_COUNTRY_BONUS, place
    return sorted(scored.values(), key=lambda item: (-item[0], item[1].place_id))


def clear_reading(ranked: list[tuple[float, Place]]) -> bool:
    """True when the best reading of a name needs no context.

    A country, division or region (or a town over 100,000) a point ahead of the
    runner-up, or a country, division or region whose only rivals are towns:
    news names "Virginia" for the state, not for the South African town.

    Args:
        ranked: :func:`ranked_candidates` of the name (not empty).

    Returns:
        Whether the top candidate may count as article context on its own.
    """
    top_score, top = ranked[0]
    if len(ranked) == 1:
        return top.kind in ("country", "admin1", "region") or top.population >= 100_000
    runner_up_score, runner_up = ranked[1]
    area = top.kind in ("country", "admin1", "region")
    if area and runner_up.kind in ("city", "village"):
        return True
    return (area or top.population >= 100_000) and top_score - runner_up_score >= 1.0
