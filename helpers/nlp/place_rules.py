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
from helpers.knowledge.place_names import aliases, doubtful_name
from helpers.knowledge.place_ranking import resolve_name

#: Minimum population of a town found inside an organisation name or missed by the NER.
NESTED_MIN_POPULATION = 50_000
#: Ruler patterns for towns (main names only): everywhere from this population, in focus
#: countries from :data:`NESTED_MIN_POPULATION`.
RULER_MIN_POPULATION = 200_000


def _usable_pattern(name: str) -> bool:
    """Capitalised, not a short code, and no word or person's name that could be meant instead.

    A pattern tags its name before the statistical NER sees it, whatever the context:
    "Chad" or "Man" as a pattern would make "Police Chief Chad Abram" and the headline
    "Man charged in death" places. Such names are left to the NER and to the place
    extractor, which asks for place evidence (:func:`~helpers.knowledge.place_names.doubtful_name`).
    """
    return (
        len(name) > 2
        and name[0].isupper()
        and not name.isupper()
        and not doubtful_name(name)
        and not doubtful_name(name.split()[0])
    )


def _ruler_places(gazetteer: Gazetteer) -> list[tuple[Place, bool]]:
    """Places the ruler knows, with whether their alternate names are used too.

    Towns contribute their main name only (curated aliases come in through the
    gazetteer index), which keeps the ruler to a few thousand patterns.
    """
    chosen = []
    for place in gazetteer.places(
        kinds=("country", "region", "admin1"), min_population=NESTED_MIN_POPULATION
    ):
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
    Doubtful names (common words, given names and surnames, ``geo_stopnames.txt``) are left out.
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
