"""Build-time tool: vendor the states and provinces of North American area codes into ``helpers/data/``.

Writes ``phone_area_codes.csv`` (``area_code, country, admin1_code, area``) from the geocoding data
of Google's libphonenumber (the installed ``phonenumbers`` package, Apache 2.0): the area each
area code's prefix names ("1205": "Alabama", "1210": "San Antonio, TX", "1416": "Ontario"), its
country and the ISO 3166-2 code of its state or province (from the package's own state
abbreviations, ``geo_admin1_abbrev.csv``, else the gazetteer's division of that name). The
geocoding data of every country weighs about 100 MB in memory once loaded, which
:mod:`helpers.extract.places.phone_areas` so never loads; an area code of the Caribbean
countries of the plan keeps its country alone.

Not part of the installed package: run ``python scripts/vendor_phone_areas.py``.
"""

from __future__ import annotations

import csv
import sys

import phonenumbers
from phonenumbers.geodata import GEOCODE_DATA

from helpers import config
from helpers.knowledge.gazetteer import default_gazetteer
from helpers.knowledge.place_names import admin1_abbreviations

OUT_FILE = "phone_area_codes.csv"
#: Spellings of the plan's data that name a division otherwise ("Washington State").
_DESCRIPTORS = (" State",)


def _division(area: str, country: str) -> str:
    """The ISO 3166-2 code of the state or province an area names ("" when none)."""
    _town, comma, state = area.rpartition(", ")
    code = admin1_abbreviations().get(state, "") if comma else ""
    if code.startswith(f"{country}-"):
        return code
    name = next((area.removesuffix(d) for d in _DESCRIPTORS if area.endswith(d)), area)
    for match in default_gazetteer().candidates(name):
        if match.exact and match.place.kind == "admin1" and match.place.country == country:
            return match.place.admin1_code
    return ""


def area_code_rows() -> list[dict[str, str]]:
    """One row per North American area code the plan's data names an area for."""
    rows = []
    for prefix in sorted(p for p in GEOCODE_DATA if p.startswith("1") and len(p) == 4):
        area = GEOCODE_DATA[prefix].get("en", "")
        number = phonenumbers.parse(f"+{prefix}2345678", None)
        country = phonenumbers.region_code_for_number(number) or ""
        if not area or not country:
            continue
        rows.append(
            {
                "area_code": prefix[1:],
                "country": country,
                "admin1_code": _division(area, country),
                "area": area,
            }
        )
    return rows


def main() -> None:
    rows = area_code_rows()
    with (config.DATA_DIR / OUT_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=["area_code", "country", "admin1_code", "area"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
    missing = [r for r in rows if not r["admin1_code"] and r["country"] in ("US", "CA")]
    print(f"{len(rows)} area codes, {len(missing)} of the US and Canada without a division", file=sys.stderr)
    for row in missing:
        print(row, file=sys.stderr)


if __name__ == "__main__":
    main()
