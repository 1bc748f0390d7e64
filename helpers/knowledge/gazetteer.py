"""An offline, embedded gazetteer: countries, divisions, towns, villages and named regions.

:class:`Gazetteer` reads the SQLite index that
:func:`~helpers.knowledge.gazetteer_build.build_index` makes from the package data
(about 1.3 million places and 2.7 million names), matched on a normalised key
(:func:`~helpers.knowledge.place_name_keys.normalize_name`) so that transliteration
variants meet: Salah ad-Din / Salah al-Din, Arbil / Irbil, Deir ez-Zor / Deir al-Zor.
:func:`load_gazetteer` builds the index on first use under
:func:`helpers.config.cache_dir`, keyed by the data files' hash and the package
versions; later loads open the file (a few milliseconds) and read only the pages a
lookup needs, so memory stays small. Names are looked up from candidate spans, one
query each (remembered per process): a million names never become a million
entity-ruler patterns.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from helpers import config
from helpers.knowledge.gazetteer_build import build_index, cache_key
from helpers.knowledge.place import Match, Place
from helpers.knowledge.place_name_keys import expand_abbreviation, normalize_name, plain_name
from helpers.knowledge.place_vocabulary import transliteration_articles

log = logging.getLogger(__name__)

_PLACE_SELECT = f"SELECT {', '.join(Place._fields)} FROM place"
#: Names remembered per process (their matches); a corpus reuses the same few thousand.
MATCH_CACHE_SIZE = 100_000
#: A hyphen joining two letters ("Petion-Ville"), left out when the name as written matches nothing.
_HYPHEN_BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
#: The mean Earth radius of the haversine distance.
EARTH_RADIUS_KM = 6371.0


@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    """:func:`normalize_name`, remembered: the same names come back in article after article."""
    return normalize_name(name)


def _without_article(plain: str) -> str:
    """A plain name without its leading transliteration article ("al fasher" -> "fasher")."""
    first, _, rest = plain.partition(" ")
    return rest if rest and first in transliteration_articles() else plain


def _alike(plain: str, form: str) -> bool:
    """Whether a mention is written like a place's name but for its leading article: "al-Fasher"
    and "Fasher" like "El Fasher"; not "Al-Badr" like "Badr" (an article the place's name lacks
    makes a group's name), nor "Fourth" like "Fürth".

    >>> _alike("al fasher", "el fasher"), _alike("fasher", "el fasher"), _alike("al badr", "badr")
    (True, True, False)
    """
    bare, form_bare = _without_article(plain), _without_article(form)
    return bare == form_bare and (bare == plain or form_bare != form)


class Gazetteer:
    """Places and their names in a SQLite index (use :func:`load_gazetteer`).

    The connection is opened lazily, once per process (a forked worker opens its own),
    read-only. Countries and first-level divisions are held in memory; other places are
    read on demand. Pickling keeps only the path.
    """

    def __init__(self, path: Path) -> None:
        """Open the index at ``path`` (built by :func:`~helpers.knowledge.gazetteer_build.build_index`)."""
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None
        self._pid = -1
        self._matches: dict[str, tuple[tuple[Place, bool, frozenset[str]], ...]] = {}
        self._candidates: dict[str, tuple[Match, ...]] = {}
        areas = [Place(*r) for r in self._query(f"{_PLACE_SELECT} WHERE kind IN ('country', 'admin1')")]
        self._countries = {p.country: p for p in areas if p.kind == "country"}
        self._admin1 = {p.admin1_code: p for p in areas if p.kind == "admin1" and p.admin1_code}
        self._size: int | None = None

    def __getstate__(self) -> Path:
        return self.path

    def __setstate__(self, path: Path) -> None:
        self.__init__(path)

    def _query(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        if self._db is None or self._pid != os.getpid():
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db.execute(sql, parameters).fetchall()

    def __len__(self) -> int:
        if self._size is None:  # a count over a million rows takes ~10 ms: once
            self._size = self._query("SELECT count(*) FROM place")[0][0]
        return self._size

    def __bool__(self) -> bool:
        """A gazetteer is true even before its places are counted (``if gazetteer`` stays cheap)."""
        return True

    def places(self, *, kinds: tuple[str, ...] = (), min_population: int | None = None) -> Iterator[Place]:
        """Places of the given kinds, or (also) with at least ``min_population`` inhabitants.

        Args:
            kinds: Kinds to return (:data:`~helpers.knowledge.place.PLACE_KINDS`).
            min_population: Also return places this populous, whatever their kind.

        Returns:
            The places, in index order.
        """
        clauses = [f"kind IN ({', '.join('?' * len(kinds))})"] if kinds else []
        parameters: tuple = tuple(kinds)
        if min_population is not None:
            clauses.append("population >= ?")
            parameters += (min_population,)
        where = " OR ".join(clauses) or "1"
        return (Place(*r) for r in self._query(f"{_PLACE_SELECT} WHERE {where} ORDER BY row", parameters))

    def get(self, place_id: str) -> Place | None:
        """The place with this ``place_id``, or ``None``."""
        found = self._query(f"{_PLACE_SELECT} WHERE place_id = ?", (place_id,))
        return Place(*found[0]) if found else None

    def candidates(self, name: str) -> tuple[Match, ...]:
        """Every place whose name normalises like ``name``, one :class:`Match` each (remembered per
        written name: the places of one key are many, and an article asks for its names again and again).

        A name with an abbreviated first word ("Mt. Pleasant", "Ft. Wayne") also matches the
        places named with the word written out, as their main name when so written."""
        found = self._candidates.get(name)
        if found is None:
            if len(self._candidates) >= MATCH_CACHE_SIZE:
                self._candidates.clear()
            found = self._written_candidates(name)
            if (written_out := expand_abbreviation(name)) != name:
                merged = {m.place.place_id: m for m in found}
                for match in self._written_candidates(written_out):
                    known = merged.get(match.place.place_id)
                    merged[match.place.place_id] = (
                        match
                        if known is None
                        else Match(known.place, known.main or match.main, known.exact or match.exact)
                    )
                found = tuple(merged.values())
            if not found and (joined := _HYPHEN_BETWEEN_LETTERS.sub("", name)) != name:
                # a name the gazetteer writes as one word, news in two ("Petion-Ville": Pétionville)
                found = self._written_candidates(joined)
            self._candidates[name] = found
        return found

    def _written_candidates(self, name: str) -> tuple[Match, ...]:
        key = _name_key(name)
        if key not in self._matches:
            if len(self._matches) >= MATCH_CACHE_SIZE:
                self._matches.clear()
            rows = self._query(
                f"SELECT {', '.join('p.' + f for f in Place._fields)}, max(n.main), "
                "group_concat(n.plain, '|') FROM name n JOIN place p ON p.row = n.row "
                "WHERE n.key = ? GROUP BY n.row",
                (key,),
            )
            self._matches[key] = tuple(
                (Place(*r[:-2]), bool(r[-2]), frozenset(r[-1].split("|"))) for r in rows
            )
        plain = plain_name(name)
        return tuple(
            Match(place, main, plain in forms or any(_alike(plain, form) for form in forms))
            for place, main, forms in self._matches[key]
        )

    def lookup(
        self, name: str, *, kinds: tuple[str, ...] | None = None, country: str | None = None
    ) -> list[Place]:
        """Return every place whose name normalises like ``name``.

        Args:
            name: A place name in any common transliteration.
            kinds: Keep only these kinds.
            country: Keep only places in this ISO alpha-2 country.

        Returns:
            Matching places, largest kind first, then most populous.
        """
        found = [
            m.place
            for m in self.candidates(name)
            if (kinds is None or m.place.kind in kinds) and (country is None or m.place.country == country)
        ]
        return sorted(found, key=lambda p: (-p.precision, -p.population, p.place_id))

    def names(self, place_id: str) -> tuple[str, ...]:
        """Written names of a place (countries, divisions, regions and towns of 10,000 or more)."""
        rows = self._query(
            "SELECT s.name FROM surface s JOIN place p ON p.row = s.row "
            "WHERE p.place_id = ? ORDER BY s.rowid",
            (place_id,),
        )
        return tuple(r[0] for r in rows)

    def country(self, iso2: str) -> Place | None:
        """The country with ISO alpha-2 code ``iso2``, if known."""
        return self._countries.get(iso2)

    def admin1(self, admin1_code: str) -> Place | None:
        """The first-level division with ISO 3166-2 code ``admin1_code``, if known."""
        return self._admin1.get(admin1_code)


def load_gazetteer(*, data_dir: Path | None = None, cache_dir: Path | None = None) -> Gazetteer:
    """Return the gazetteer, building its index first when no current one is cached.

    The index is ``<cache_dir>/gazetteer-<key>.sqlite`` where the key
    (:func:`~helpers.knowledge.gazetteer_build.cache_key`) hashes the data files
    and package versions. Without it the index is built from the package data
    (about two minutes, once) into a temporary file and moved into place; the indexes
    of other data versions are deleted then. A current index in a folder of
    ``SITREP_GAZETTEER`` (:func:`helpers.config.gazetteer_dirs`) is opened instead of
    building one.

    Args:
        data_dir: Folder with the ``geo_*`` files (default: ``helpers/data``).
        cache_dir: Cache folder (default: :func:`helpers.config.cache_dir`).

    Returns:
        The gazetteer.
    """
    data_dir = data_dir or config.DATA_DIR
    cache_dir = cache_dir or config.cache_dir()
    path = cache_dir / f"gazetteer-{cache_key(data_dir)}.sqlite"
    prebuilt = (
        [folder / path.name for folder in config.gazetteer_dirs()] if data_dir == config.DATA_DIR else []
    )
    for candidate in (path, *prebuilt):  # SITREP_GAZETTEER: read, never built
        if candidate.exists():
            try:
                return Gazetteer(candidate)
            except sqlite3.DatabaseError as error:  # empty, truncated, not an index
                log.warning("gazetteer index %s is unreadable (%s); building it again", candidate, error)
    return Gazetteer(_build(data_dir, path))


def _build(data_dir: Path, path: Path) -> Path:
    """Build the index into ``path`` (through a temporary file), or, when the cache cannot be
    written (read-only, full), into a temporary folder for this run, with a warning."""
    building = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        build_index(data_dir, building)
        os.replace(building, path)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):  # the folder cannot be written at all
            building.unlink(missing_ok=True)
        fallback = Path(tempfile.mkdtemp(prefix="sitrep-gazetteer-")) / path.name
        log.warning(
            "cannot write to the gazetteer index (%s: %s); building it in %s for this run",
            path,
            error,
            fallback,
        )
        build_index(data_dir, fallback)
        return fallback
    for old in path.parent.glob("gazetteer-*"):  # indexes of earlier data, never read again
        if old != path and not old.name.endswith(".tmp"):
            old.unlink(missing_ok=True)
    return path


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the package data, loaded once per process."""
    return load_gazetteer()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    >>> round(haversine_km(36.19, 44.01, 33.34, 44.40))
    319
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))
