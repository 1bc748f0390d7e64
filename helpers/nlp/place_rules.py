"""Ruler patterns for place names, so the pipeline tags names the statistical NER misses.

The patterns are case-sensitive phrases built from the gazetteer: every name
of countries, regions and the provinces of focus countries, the curated news
aliases, and the main names of big towns. :func:`helpers.nlp.pipeline.build_pipeline`
adds them to the pipeline as a :class:`PlaceRuler` (their text is part of the pipeline
key); the place extractor matches the same names again where the NER left them out.
Both match token texts (:class:`helpers.nlp.phrase_index.PhraseIndex`) tokenised once
per data version, so neither tokenises thousands of names at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from helpers import config
from helpers.knowledge.derived import cached_json, files_key
from helpers.knowledge.gazetteer import Gazetteer, default_gazetteer
from helpers.knowledge.place import FOCUS_COUNTRIES, Place
from helpers.knowledge.place_name_keys import strip_admin_words
from helpers.knowledge.place_names import aliases, doubtful_name
from helpers.knowledge.place_ranking import resolve_name
from helpers.nlp import phrase_index
from helpers.nlp.phrase_index import PhraseIndex, tokenise

PLACE_RULER_FACTORY = "sitrep_place_ruler"

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

    Resolving thousands of names takes seconds, so the patterns are derived once per
    gazetteer index and version of the rules (:func:`pattern_sources`) and then read
    from the cache (:func:`helpers.knowledge.derived.cached_json`).

    Returns:
        Dicts ``{"label": "GPE"|"LOC", "pattern": name, "id": place_id, "tokens": [...]}``,
        sorted by name.
    """
    gazetteer = default_gazetteer()
    return cached_json("place-patterns", _derived_key(gazetteer), lambda: _build_patterns(gazetteer))


@lru_cache(maxsize=1)
def context_names() -> list[dict]:
    """The gazetteer's lower-case names of regions, tokenised, for the place extractor.

    Such names are read as places only next to a place context; returned as
    ``{"id": place_id, "tokens": [...]}``, derived once per data version like :func:`ruler_patterns`.
    """
    gazetteer = default_gazetteer()

    def build() -> list[dict]:
        return [
            {"id": place.place_id, "tokens": tokenise(name)}
            for place in gazetteer.places(kinds=("region",))
            for name in gazetteer.names(place.place_id)
            if name[:1].islower()
        ]

    return cached_json("place-context-names", _derived_key(gazetteer), build)


@lru_cache(maxsize=1)
def _derived_key(gazetteer: Gazetteer) -> str:
    return files_key(pattern_sources(), gazetteer.path.name, spacy.__version__)


def pattern_sources() -> list[Path]:
    """The files the place patterns follow from, besides the gazetteer index (named by its key).

    The code that chooses, resolves and tokenises names (this module, the phrase index and
    every knowledge module), the small place tables and the vocabularies: a change to any of
    them derives the patterns again.
    """
    code = [Path(__file__), Path(phrase_index.__file__), *(config.PACKAGE_DIR / "knowledge").glob("*.py")]
    tables = [path for path in config.DATA_DIR.glob("geo_*") if path.suffix in (".csv", ".txt")]
    return [*code, *tables, *(config.DATA_DIR / config.DEFAULT_LANGUAGE).glob("*.csv")]


def _enclosing_names(gazetteer: Gazetteer, names: set[str]) -> set[str]:
    """Names of provinces and countries anywhere that hold a pattern as one of their words.

    The longest match wins, so "Upper Nile" must be a pattern for "Nile" (a name of Sudan's
    River Nile state) not to be tagged inside it, even though "Upper" is a common word
    that keeps "Upper Nile" out on its own: the longer name only takes text the shorter
    pattern would have tagged anyway.
    """
    return {
        place.canonical
        for place in gazetteer.places(kinds=("country", "admin1"))
        if place.canonical.isascii()
        and len(place.canonical.split()) > 1
        and any(word in names for word in place.canonical.split())
    }


def _build_patterns(gazetteer: Gazetteer) -> list[dict]:
    names: set[str] = set(aliases())
    # names of several words no one writes for anything else: a curated alias, a country's name
    # ("Democratic Republic of Congo", "Central African Republic", "Deir al-Zor", though their first
    # word alone is a common word or a name: else "Republic of Congo" inside it is matched alone)
    whole = {n for n in aliases() if " " in n}
    for place, all_names in _ruler_places(gazetteer):
        names.add(place.canonical)
        if all_names:  # English news writes ASCII transliterations of up to three words
            written = {
                n
                for n in gazetteer.names(place.place_id)
                if n.isascii() and len(n.split()) <= 3 and strip_admin_words(n) == n
            }
            names |= written
            whole |= {n for n in {place.canonical, *written} if " " in n and place.kind == "country"}
    names = {
        n for n in names if _usable_pattern(n) or (n in whole and n[0].isupper() and not doubtful_name(n))
    }
    names |= _enclosing_names(gazetteer, names)
    patterns = []
    for name in sorted(names):
        best = resolve_name(name, gazetteer=gazetteer)
        if best is not None:
            label = "LOC" if best.kind == "region" else "GPE"
            patterns.append({"label": label, "pattern": name, "id": best.place_id, "tokens": tokenise(name)})
    return patterns


class PlaceRuler:
    """Sets place patterns as entities before the NER, as spaCy's ``EntityRuler`` with
    ``overwrite_ents`` does: longest match first, then earliest; a match replaces the
    entities it overlaps; the pattern's ``id`` becomes the span's ``ent_id_``.

    Patterns are :func:`ruler_patterns` dicts; ``tokens`` is computed when missing.
    """

    def __init__(self) -> None:
        self.patterns: list[dict] = []
        self._index = PhraseIndex([])

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add ``{"label", "pattern", "id"[, "tokens"]}`` dicts."""
        self.patterns.extend(patterns)
        self._index = PhraseIndex(
            (pattern.get("tokens") or tokenise(pattern["pattern"]), str(number))
            for number, pattern in enumerate(self.patterns)
        )

    def __call__(self, doc: Doc) -> Doc:
        matches = sorted(
            {(start, end, int(key)) for key, start, end in self._index.matches(doc)},
            key=lambda match: (match[0] - match[1], match[0], match[2]),  # longest, then earliest
        )
        if not matches:
            return doc
        entities, added, taken = list(doc.ents), [], set()
        for start, end, number in matches:
            if start in taken or end - 1 in taken:
                continue
            pattern = self.patterns[number]
            added.append(Span(doc, start, end, label=pattern["label"], span_id=pattern.get("id", "")))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
            taken.update(range(start, end))
        doc.ents = entities + added
        return doc


@Language.factory(PLACE_RULER_FACTORY)
def make_place_ruler(nlp: Language, name: str) -> PlaceRuler:
    """spaCy factory for an empty :class:`PlaceRuler` (patterns come with ``add_patterns``)."""
    return PlaceRuler()
