"""An offline, embedded gazetteer: countries, provinces, towns and named regions.

:class:`Gazetteer` holds the places (:class:`~helpers.knowledge.place.Place`)
and an index of their names, matched on a normalised key
(:func:`~helpers.knowledge.place_name_keys.normalize_name`) so that
transliteration variants meet: Salah ad-Din / Salah al-Din, Arbil / Irbil,
Deir ez-Zor / Deir al-Zor. :func:`load_gazetteer` builds the index from the
package data on first use (:mod:`helpers.knowledge.gazetteer_build`, where the
sources are listed) and stores it (msgpack) under :func:`helpers.config.cache_dir`,
keyed by the data files' hash and the package versions, so later loads take
a fraction of a second.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import msgpack

from helpers import config
from helpers.atomic import write_or_warn
from helpers.knowledge.gazetteer_build import build_tables, cache_key
from helpers.knowledge.place import Place
from helpers.knowledge.place_name_keys import normalize_name

log = logging.getLogger(__name__)


@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    """:func:`normalize_name`, remembered: the same names come back in article after article."""
    return normalize_name(name)


class Gazetteer:
    """Places and a name index, built from the package data (use :func:`load_gazetteer`).

    The storage is plain tuples and ints so that the index cache loads fast;
    :class:`Place` objects are made on access.
    """

    def __init__(
        self, rows: list[tuple], index: dict[str, tuple[int, ...]], names: dict[int, tuple[str, ...]]
    ) -> None:
        """Wrap the built tables (see :class:`~helpers.knowledge.gazetteer_build.GazetteerTables`).

        Args:
            rows: One :class:`Place` field tuple per place.
            index: Normalised name -> ``2 * row + is_main_name`` codes.
            names: Row -> surface names (Latin script), for countries, divisions,
                regions and towns of :data:`~helpers.knowledge.place.FOCUS_COUNTRIES`
                or with at least :data:`~helpers.knowledge.place.CITY_POPULATION` inhabitants.
        """
        self._rows = rows
        self._index = index
        self._names = names
        self._row_of = {row[0]: i for i, row in enumerate(rows)}
        self._country_rows = {row[6]: i for i, row in enumerate(rows) if row[3] == "country"}
        self._admin1_rows = {row[8]: i for i, row in enumerate(rows) if row[3] == "admin1" and row[8]}

    def tables(self) -> tuple:
        """The rows, name index and surface names, as given to ``__init__``."""
        return self._rows, self._index, self._names

    def __getstate__(self) -> tuple:  # sent to worker processes in its compact form
        return self.tables()

    def __setstate__(self, state: tuple) -> None:
        self.__init__(*state)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Place]:
        return (Place(*row) for row in self._rows)

    def get(self, place_id: str) -> Place | None:
        """The place with this ``place_id``, or ``None``."""
        i = self._row_of.get(place_id)
        return None if i is None else Place(*self._rows[i])

    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        """Every place whose name normalises like ``name``, with whether it is a main name."""
        return [
            (Place(*self._rows[code >> 1]), bool(code & 1)) for code in self._index.get(_name_key(name), ())
        ]

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
        found = {p for p, _main in self.candidates(name)}
        found = [
            p
            for p in found
            if (kinds is None or p.kind in kinds) and (country is None or p.country == country)
        ]
        return sorted(found, key=lambda p: (-p.precision, -p.population, p.place_id))

    def names(self, place_id: str) -> tuple[str, ...]:
        """Surface names of a place (empty for small towns outside focus countries)."""
        i = self._row_of.get(place_id)
        return self._names.get(i, ()) if i is not None else ()

    def country(self, iso2: str) -> Place | None:
        """The country with ISO alpha-2 code ``iso2``, if known."""
        i = self._country_rows.get(iso2)
        return None if i is None else Place(*self._rows[i])

    def admin1(self, admin1_code: str) -> Place | None:
        """The first-level division with ISO 3166-2 code ``admin1_code``, if known."""
        i = self._admin1_rows.get(admin1_code)
        return None if i is None else Place(*self._rows[i])


def load_gazetteer(*, data_dir: Path | None = None, cache_dir: Path | None = None) -> Gazetteer:
    """Return the gazetteer, from the index cache when it is current.

    The cache file is ``<cache_dir>/gazetteer-<key>.msgpack`` where the key
    (:func:`~helpers.knowledge.gazetteer_build.cache_key`) hashes the data files
    and package versions; it holds data only (msgpack, never pickle) and its key.
    Without a usable file (missing, truncated, empty, of another key) the
    gazetteer is built from the package data (a few seconds) and the file written
    atomically; the indexes of other data versions are deleted then. A cache
    that cannot be written (read-only, full) is done without, with a warning.

    Args:
        data_dir: Folder with the ``geo_*`` files (default: ``helpers/data``).
        cache_dir: Cache folder (default: :func:`helpers.config.cache_dir`).

    Returns:
        The gazetteer.
    """
    data_dir = data_dir or config.DATA_DIR
    cache_dir = cache_dir or config.cache_dir()
    key = cache_key(data_dir)
    path = cache_dir / f"gazetteer-{key}.msgpack"
    gazetteer = _read_index(path, key)
    if gazetteer is not None:
        return gazetteer
    gazetteer = Gazetteer(*build_tables(data_dir))
    if write_or_warn(path, msgpack.packb({"key": key, "tables": gazetteer.tables()}), "gazetteer index"):
        for old in cache_dir.glob("gazetteer-*"):  # indexes of earlier data, never read again
            if old != path and old.is_file():
                old.unlink(missing_ok=True)
    return gazetteer


def _read_index(path: Path, key: str) -> Gazetteer | None:
    """The gazetteer stored at ``path``, or ``None`` when it is missing or unusable (with a warning)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("cannot read the gazetteer index %s (%s); building it again", path, error)
        return None
    try:
        entry = msgpack.unpackb(data, use_list=False, strict_map_key=False)
        if entry["key"] != key:
            raise ValueError(f"key {entry['key']!r} is not {key!r}")
        return Gazetteer(*entry["tables"])
    except Exception as error:  # any decoding failure means the file is unusable
        log.warning("discarding unreadable gazetteer index %s (%s); building it again", path, error)
        return None


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
    return 2 * 6371.0 * math.asin(math.sqrt(a))
