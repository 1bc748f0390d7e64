"""One gazetteer entry (:class:`Place`), the place kinds, and the sizes and countries that sort towns.

Shared by the gazetteer (:mod:`helpers.knowledge.gazetteer`), its build
(:mod:`helpers.knowledge.gazetteer_build`), the place rules of the pipeline and
the place extractor.
"""

from __future__ import annotations

from typing import NamedTuple

#: Place kinds, from the largest to the smallest.
PLACE_KINDS = ("region", "country", "admin1", "admin2", "city", "village")

#: Countries whose towns down to 1,000 inhabitants count as "conflict focus":
#: they feed the EntityRuler and the extra-town table.
FOCUS_COUNTRIES = frozenset(
    {
        "IQ",
        "SY",
        "TR",
        "IR",
        "JO",
        "LB",
        "IL",
        "PS",
        "SA",
        "YE",
        "KW",
        "AF",
        "PK",
        "LY",
        "EG",
        "SD",
        "SS",
        "SO",
        "ET",
        "ER",
        "ML",
        "NE",
        "BF",
        "TD",
        "NG",
        "CM",
        "CF",
        "CD",
        "UA",
        "RU",
        "MM",
        "AZ",
        "AM",
        "GE",
        "DZ",
        "TN",
        "MZ",
        "KE",
    }
)

#: Populated places below this population are "village", above "city".
CITY_POPULATION = 10_000
#: Kilometres from a county's or district's point (the mean of its towns) within which a town of
#: its province lies in it: most US counties and the districts of conflict countries are 20-60 km across, and
#: a town farther out is as often one of the next county (measured on GVA: 30 km put 16 more
#: reports within 25 km of the gold and 7 fewer, 40 km 22 and 16).
COUNTY_RADIUS_KM = 30.0
#: Id prefix of a place the gazetteer lacks, located in the place around it
#: (:mod:`helpers.extract.places.unlisted`, at that place's point).
UNLISTED_PREFIX = "lc:"
#: Id prefix of the seas, gulfs and straits of ``geo_regions.csv`` (regions of no country): "in the
#: Red Sea" is where a ship was hit, not a coastal province that shares the name.
SEA_PREFIX = "sr:sea-"


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
        admin2_code: GeoNames code of the second-level division the place is or lies
            in (``IQ.10.94590``; "" if unknown).
        feature: GeoNames feature code (``PPL``, ``PPLA2``, ``ADM2`` ...; "" for our own
            regions and towns without one).
        district_population: The people of a second-level division's towns, summed, and of a
            first-level division's country divided among its divisions (0 when unknown or for
            other kinds): it orders namesake divisions ("King County" is Washington's, "Florida"
            the US state) and weighs a division of a micro-state or island territory as a town
            of its size (:func:`~helpers.knowledge.place_ranking.prior`); no rule that reads a
            town's ``population`` reads a division's.
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
    admin2_code: str = ""
    feature: str = ""
    district_population: int = 0


class Match(NamedTuple):
    """A gazetteer place that a name matches.

    Attributes:
        place: The place.
        main: The name is the place's main name or a curated alias.
        exact: The name is written like one of the place's names (up to case,
            diacritics and punctuation), not only alike after the transliteration
            folds of :func:`~helpers.knowledge.place_name_keys.normalize_name`
            ("Fourth" only folds like "Fürth").
    """

    place: Place
    main: bool
    exact: bool
