"""EntityRuler patterns for place names, so the pipeline tags names the statistical NER misses.

The patterns are case-sensitive phrases built from the gazetteer: every name
of countries, regions and the provinces of focus countries, the curated news
aliases, and the main names of big towns. :func:`helpers.nlp.pipeline.build_pipeline`
adds them to the pipeline (their text is part of the pipeline key); the place
extractor matches the same names again where the NER left them out.
"""

from __future__ import annotations

from functools import lru_cache

from helpers.knowledge.gazetteer import Gazetteer, default_gazetteer
from helpers.knowledge.place import FOCUS_COUNTRIES, Place
from helpers.knowledge.place_name_keys import strip_admin_words
from helpers.knowledge.place_names import aliases, stopnames
from helpers.knowledge.place_ranking import resolve_name

#: Minimum population of a town found inside an organisation name or missed by the NER.
NESTED_MIN_POPULATION = 50_000
#: Ruler patterns for towns (main names only): everywhere from this population, in focus
#: countries from :data:`NESTED_MIN_POPULATION`.
RULER_MIN_POPULATION = 200_000


def _usable_pattern(name: str) -> bool:
    """Capitalised, not a listed common word or first name, not a short code."""
    return (
        len(name) > 2
        and name[0].isupper()
        and not name.isupper()
        and name not in stopnames()
        and name.split()[0] not in stopnames()
    )


def _ruler_places(gazetteer: Gazetteer) -> list[tuple[Place, bool]]:
    """Places the ruler knows, with whether their alternate names are used too.

    Towns contribute their main name only (curated aliases come in through the
    gazetteer index), which keeps the ruler to a few thousand patterns.
    """
    chosen = []
    for place in gazetteer:
        focus = place.country in FOCUS_COUNTRIES
        if place.kind in ("country", "region") or (place.kind == "admin1" and focus):
            chosen.append((place, True))
        elif place.kind in ("city", "village") and (
            place.population >= RULER_MIN_POPULATION or (focus and place.population >= NESTED_MIN_POPULATION)
        ):
            chosen.append((place, False))
    return chosen


@lru_cache(maxsize=1)
def ruler_patterns() -> list[dict]:
    """EntityRuler patterns (case-sensitive phrases) for place names.

    Every name of countries, regions and provinces of
    :data:`helpers.knowledge.place.FOCUS_COUNTRIES`, the curated aliases, and the main
    names of towns over :data:`RULER_MIN_POPULATION` worldwide and over
    :data:`NESTED_MIN_POPULATION` in focus countries.
    Names listed in ``geo_stopnames.txt`` (common words, first names) are left out.
    Each pattern's ``id`` is the place the name resolves to without context.

    Returns:
        Dicts ``{"label": "GPE"|"LOC", "pattern": name, "id": place_id}``, sorted.
    """
    gazetteer = default_gazetteer()
    names: set[str] = set(aliases())
    for place, all_names in _ruler_places(gazetteer):
        names.add(place.canonical)
        if all_names:  # English news writes ASCII transliterations of up to three words
            names.update(
                n
                for n in gazetteer.names(place.place_id)
                if n.isascii() and len(n.split()) <= 3 and strip_admin_words(n) == n
            )
    names = {n for n in names if _usable_pattern(n)}
    patterns = []
    for name in sorted(names):
        best = resolve_name(name, gazetteer=gazetteer)
        if best is not None:
            label = "LOC" if best.kind == "region" else "GPE"
            patterns.append({"label": label, "pattern": name, "id": best.place_id})
    return patterns
