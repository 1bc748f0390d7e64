"""Build-time tool: regenerate the vendored map outlines ``helpers/data/ne_*.json``.

Reads Natural Earth files from ``SHARED_DIR/geodata/naturalearth`` (see their
``SOURCE.md``) and the vendored ``geo_countries.csv`` / ``geo_admin1.csv``; writes
trimmed outlines (outer rings, 0.01° rounding):

* ``ne_admin0.json``: country outlines, Natural Earth 1:50m;
* ``ne_admin1.json``: first-level divisions of the whole world, Natural Earth 1:10m
  simplified with shapely (Douglas-Peucker, :data:`ADMIN1_TOLERANCE` degrees, topology
  of each polygon preserved; neighbours are simplified one by one, so shared borders
  may differ by up to the tolerance).

Not part of the installed package, and shapely is no dependency of Sitrep: install it
in a scratch environment (``pip install --no-deps --target /tmp/shapely shapely``) and
run ``PYTHONPATH=/tmp/shapely python scripts/vendor_boundaries.py SHARED_DIR``.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.views.maps import ADMIN0_FILE, ADMIN1_FILE

#: Douglas-Peucker tolerance of the province outlines, in degrees (about 2 km).
ADMIN1_TOLERANCE = 0.02


def _round_ring(ring: list[list[float]]) -> list[list[float]]:
    rounded = []
    for lon, lat in ring:
        point = [round(lon, 2), round(lat, 2)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded


def _trim(features: list[dict], properties) -> dict:
    out = []
    for feature in features:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        rings = [[_round_ring(polygon[0])] for polygon in polygons]
        rings = [r for r in rings if len(r[0]) >= 4]
        if rings:
            out.append(
                {
                    "type": "Feature",
                    "properties": properties(feature["properties"]),
                    "geometry": {"type": "MultiPolygon", "coordinates": rings},
                }
            )
    return {"type": "FeatureCollection", "features": out}


def _simplified(features: list[dict], tolerance: float) -> list[dict]:
    """The features with each geometry simplified by shapely (a build-time tool only)."""
    from shapely.geometry import mapping, shape  # scratch install, see the module docstring

    result = []
    for feature in features:
        geometry = shape(feature["geometry"])
        if not geometry.is_valid:
            geometry = geometry.buffer(0)
        simple = geometry.simplify(tolerance, preserve_topology=True)
        if not simple.is_empty:
            result.append({**feature, "geometry": mapping(simple)})
    return result


def vendor_boundaries(shared_dir: Path, *, out_dir: Path | None = None) -> None:
    """Regenerate ``ne_admin0.json`` and ``ne_admin1.json`` (outer rings, 0.01°).

    Province codes come from ``geo_admin1.csv`` (ISO 3166-2 via the GeoNames
    ``gn_a1_code``), so they match :func:`helpers.extract.places.resolve_places` rows.
    Run ``python scripts/vendor_boundaries.py SHARED_DIR`` after ``scripts/vendor_geodata.py``.

    Args:
        shared_dir: The shared data folder (with ``geodata/naturalearth``).
        out_dir: Where to write (default: ``helpers/data``).
    """
    out_dir = out_dir or config.DATA_DIR
    ne = shared_dir / "geodata" / "naturalearth"
    countries_csv = pd.read_csv(out_dir / "geo_countries.csv", keep_default_na=False)
    iso2_of_iso3 = dict(zip(countries_csv["iso3"], countries_csv["iso2"]))
    admin0 = json.loads((ne / "ne_50m_admin_0_countries.json").read_text(encoding="utf-8"))
    trimmed = _trim(
        admin0["features"],
        lambda p: {
            "iso2": p["ISO_A2"] if p["ISO_A2"] != "-99" else iso2_of_iso3.get(p["ADM0_A3"], ""),
            "name": p["NAME"],
        },
    )
    (out_dir / ADMIN0_FILE).write_text(json.dumps(trimmed, separators=(",", ":")), encoding="utf-8")
    admin1_csv = pd.read_csv(out_dir / "geo_admin1.csv", keep_default_na=False)
    iso_of_gn = dict(zip(admin1_csv["gn_code"], admin1_csv["iso_3166_2"]))
    with gzip.open(ne / "ne_10m_admin_1_global.geojson.gz", "rt", encoding="utf-8") as handle:
        admin1 = json.load(handle)
    trimmed = _trim(
        _simplified(admin1["features"], ADMIN1_TOLERANCE),
        lambda p: {
            "admin1_code": iso_of_gn.get(p.get("gn_a1_code") or "", "")
            or p.get("iso_3166_2")
            or p["region_code"],
            "name": p.get("name") or p.get("ne_names", ""),
            "country": p["country_a2"],
        },
    )
    (out_dir / ADMIN1_FILE).write_text(json.dumps(trimmed, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    vendor_boundaries(Path(sys.argv[1]) if len(sys.argv) > 1 else config.shared_dir())
