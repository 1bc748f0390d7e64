"""Places the gazetteer lacks, located in the place around them; districts, lists and directions.

Every sentence is written for the test; none is copied from a corpus. The invented village
names ("Qorvandi", "Tesselbo", ...) are checked to be unknown to the gazetteer.
"""

import pytest

from helpers.articles import Article, Paragraph
from helpers.extract.places import places
from helpers.knowledge.gazetteer import default_gazetteer


def _article(text: str) -> Article:
    return Article("t", "t.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))])


def _rows(nlp, text: str) -> list[dict]:
    return places.resolve_places(nlp(text), _article(text))


def _found(rows: list[dict], text: str) -> list[dict]:
    return [r for r in rows if r["text"] == text and r["place_id"]]


@pytest.mark.parametrize("name", ["Qorvandi", "Tesselbo", "Marugai", "Ndalembe"])
def test_invented_names_are_unknown(name):
    assert not default_gazetteer().candidates(name)


def test_an_unknown_village_is_located_in_the_province_after_it(nlp):
    rows = _rows(nlp, "Gunmen killed three farmers in the village of Qorvandi in Idlib province on Monday.")
    village = _found(rows, "Qorvandi")
    assert village and village[0]["kind"] == "village" and village[0]["admin1_code"] == "SY-ID"
    assert village[0]["place_id"].startswith("lc:SY-ID:") and village[0]["precision"] == 3
    assert village[0]["geonameid"] is None and "Idlib" in village[0]["resolution"]


def test_an_unknown_town_lies_in_the_province_its_country_is_named_with(nlp):
    """ "in northern Syria's Idlib province": the province, not the country, holds the village; a
    town named like a foreign town spelt otherwise ("Kuriga", like Khouribga in Morocco) is a town of
    the article's own country the gazetteer lacks."""
    rows = _rows(
        nlp, "Gunmen killed three farmers in the village of Qorvandi in northern Syria's Idlib province."
    )
    village = _found(rows, "Qorvandi")
    assert village and village[0]["admin1_code"] == "SY-ID" and village[0]["precision"] == 3
    rows = _rows(nlp, "Bandits attacked the town of Kuriga in north-west Nigeria's Kaduna state on Friday.")
    town = _found(rows, "Kuriga")
    assert town and town[0]["place_id"].startswith("lc:NG-KD:") and town[0]["kind"] == "city"


def test_unknown_villages_in_a_list_take_the_town_they_lie_in(nlp):
    text = (
        "Troops burned Tesselbo and Marugai villages near Manbij, in Aleppo province, on Friday. "
        "Aleppo officials said the army had withdrawn."
    )
    rows = _rows(nlp, text)
    for name in ("Tesselbo", "Marugai"):
        village = _found(rows, name)
        assert village and village[0]["country"] == "SY" and village[0]["admin1_code"] == "SY-HL", name


def test_an_unknown_area_takes_the_article_main_province(nlp):
    text = (
        "Militants attacked a police post in Kandahar province on Sunday. "
        "Two officers were wounded in the Ndalembe area, a Kandahar official said."
    )
    area = _found(_rows(nlp, text), "Ndalembe")
    assert area and area[0]["admin1_code"] == "AF-KAN" and area[0]["country"] == "AF"


def test_a_town_known_only_abroad_in_an_article_naming_no_province_lies_in_its_country(nlp):
    """No province leads (the story is filed from a bureau abroad) and the gazetteer knows the town's
    name only as a village elsewhere: the main country holds the town, at precision 3; a name the
    gazetteer does not know at all is not placed so."""
    rows = _rows(
        nlp,
        "DAKAR (Reuters) - Malian troops killed 40 villagers in the central town of Moura, a rights "
        "group said. Mali's army said it had killed militants in Moura, in Mali.",
    )
    town = _found(rows, "Moura")
    assert town and town[0]["place_id"].startswith("lc:ML:") and town[0]["precision"] == 3
    rows = _rows(nlp, "DAKAR (Reuters) - Malian troops killed 40 villagers in the town of Tesselbo, in Mali.")
    assert not _found(rows, "Tesselbo")


def test_an_unknown_district_lies_in_the_province_its_sentence_sets_the_scene_in(nlp):
    """A round-up names each attack's province first ("In western Herat province, ... in X
    district"): an unknown district there is the province's, not the article's main province."""
    text = (
        "Militants attacked two police posts in Kandahar province on Sunday, killing six officers. "
        "In western Herat province, another assault killed four officers in Marugai district, "
        "a police chief said. Kandahar officials said the posts were rebuilt."
    )
    district = [r for r in _rows(nlp, text) if r["text"].startswith("Marugai") and r["place_id"]]
    assert district and district[0]["admin1_code"] == "AF-HER" and district[0]["kind"] == "admin2"
    kandahar = "Gunmen stormed a post in Kandahar province on Sunday. Six died in Tesselbo district."
    district = [r for r in _rows(nlp, kandahar) if r["text"].startswith("Tesselbo") and r["place_id"]]
    assert district and district[0]["admin1_code"] == "AF-KAN"


def test_an_unknown_name_without_a_cue_word_is_no_place(nlp):
    rows = _rows(nlp, "Qorvandi said on Monday that the talks in Idlib province had failed.")
    assert not _found(rows, "Qorvandi")


def test_a_district_named_by_its_cue_word_is_the_district_and_bare_the_town(nlp):
    rows = _rows(
        nlp,
        "Soldiers were killed in Lice district of Diyarbakir province. Shops in Lice reopened on Tuesday.",
    )
    district, town = [r for r in rows if r["text"] == "Lice"][:2]
    assert district["kind"] == "admin2" and district["geonameid"] == 8630832
    assert town["kind"] == "city"


def test_a_list_after_a_plural_cue_reads_every_name_as_a_division(nlp):
    text = "Bandits operate from forests that straddle Katsina, Zamfara and Kaduna States in Nigeria."
    rows = _rows(nlp, text)
    for name in ("Katsina", "Kaduna"):
        assert [r["kind"] for r in _found(rows, name)] == ["admin1"], name


def test_a_name_joined_by_a_linking_word_is_read_whole(nlp):
    rows = _rows(nlp, "Rebels raided a police station in Matanao in Davao del Sur on Monday.")
    assert [r["geonameid"] for r in _found(rows, "Davao del Sur")] == [1715345]


def test_compass_words_before_of_are_a_direction(nlp):
    text = "Shells fell on a village in the North East of Manbij in Syria, a monitor in Aleppo said."
    assert not _found(_rows(nlp, text), "North East")


def test_a_country_after_a_dateline_counts_even_when_it_is_a_given_name(nlp):
    text = "NAIROBI, Kenya (AP) — Residents in Ethiopia's Oromia region said dozens were killed."
    article = Article("t", "t.txt", text=text, paragraphs=[Paragraph(0, 22, len(text))], dateline_span=(0, 7))
    rows = places.resolve_places(nlp(text), article)
    assert [r["country"] for r in _found(rows, "Kenya")] == ["KE"]


def test_federal_states_and_zones_are_regions_of_their_country(nlp):
    text = "Fighting between Puntland and Galmudug forces spread in Somalia on Sunday."
    rows = _rows(nlp, text)
    assert {r["place_id"] for r in rows if r["place_id"]} >= {"sr:so-puntland", "sr:so-galmudug"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Police found a car parked on the city's west bank near the levee on Monday.", "west bank"),
        ("Officers said the suspect fled SE toward the interstate before dawn on Monday.", "SE"),
        ("A 12-year-old Georgia boy was wounded by a stray bullet on Sunday, deputies said.", "Georgia"),
        ("Detectives said they want justice for Ariel, who was shot outside a store in March.", "Ariel"),
    ],
)
def test_words_names_and_abbreviations_in_us_news_are_no_places_abroad(nlp, text, name):
    assert not [r for r in _found(_rows(nlp, text), name) if r["country"] != "US"]


def test_an_unknown_name_inside_a_place_or_called_an_area_after_it_is_a_place(nlp):
    """ "in X within Y province" and "in X, a remote area" make X a place the gazetteer lacks; "in X, a
    man said" does not."""
    text = "Soldiers killed five fighters in Tesselbo within Ghazni province on Monday."
    inside = _found(_rows(nlp, text), "Tesselbo")
    assert inside and inside[0]["admin1_code"] == "AF-GHA" and inside[0]["place_id"].startswith("lc:AF-GHA:")
    text = "A drone strike killed six militants in Marugai, a remote mountain area of Kandahar province."
    area = _found(_rows(nlp, text), "Marugai")
    assert area and area[0]["admin1_code"] == "AF-KAN"
    rows = _rows(nlp, "Shots were fired in Qorvandi, a man told reporters in Kandahar province.")
    assert not _found(rows, "Qorvandi")


def test_a_town_named_with_a_division_that_holds_none_of_its_namesakes_is_a_place_there(nlp):
    """ "Town, Division": a town the division written after it does not hold (a town of its name
    lies in another region) is a place of that division the gazetteer lacks; a division holding
    one keeps it ("Houston, Texas"), and a state is not a county of its name."""
    rows = _rows(nlp, "Rebels raided the town hall of Matanog, Davao del Sur, on Monday.")
    town = _found(rows, "Matanog")
    assert town and town[0]["place_id"].startswith("lc:") and town[0]["admin1"] == "Davao"
    rows = _rows(nlp, "Gunmen shot two men in Houston, Texas, on Monday.")
    assert _found(rows, "Houston")[0]["geonameid"] == 4699066
    rows = _rows(nlp, "The firm has offices in Miami, West Palm Beach, New York, and Detroit.")
    assert _found(rows, "West Palm Beach")[0]["geonameid"] == 4177887  # a list, no "Town, Division"
    rows = _rows(nlp, "IN ADDITION, SIPI MAYOR MANUEL CRUZ WAS WOUNDED BY A GUNSHOT.")
    assert not _found(rows, "ADDITION")  # a word, no town: its namesake is another name of a village


def test_a_village_named_after_its_province_is_not_a_namesake_of_another_province(nlp):
    """ "In Zamfara state, ... the village of Kango": the gazetteer's Kango lies in Kwara; the one
    told of is a village of Zamfara it lacks."""
    text = "In Zamfara state, bandits on motorcycles stormed the village of Kango on Saturday, killing 15."
    village = _found(_rows(nlp, text), "Kango")
    assert village and village[0]["place_id"].startswith("lc:NG-ZA:") and village[0]["admin1"] == "Zamfara"


def test_a_district_held_by_a_province_with_a_possessive_is_no_namesake_of_another_province(nlp):
    """ "Jonglei state's Duk county": the Duk the gazetteer knows lies in Warrap; the county told of
    is Jonglei's, a district the gazetteer lacks."""
    rows = _rows(nlp, "Armed youths raided cattle camps in Jonglei state's Duk county on Monday, killing 27.")
    duk = _found(rows, "Duk")
    assert duk and duk[0]["admin1_code"] == "SS-JG" and duk[0]["place_id"].startswith("lc:SS-JG:")


def test_a_district_named_with_its_new_province_after_a_comma_lies_in_that_province(nlp):
    """ "in Qorvandi regency, Central Papua": a regency is a district; Central Papua (2022), which
    has no ISO 3166-2 code in the data, holds it under its GeoNames code."""
    rows = _rows(nlp, "Rebels shot dead three road workers in Qorvandi regency, Central Papua, on Monday.")
    regency = _found(rows, "Qorvandi")
    assert regency and regency[0]["kind"] == "admin2" and regency[0]["admin1"] == "Central Papua"
    assert regency[0]["admin1_code"] == "ID.PT" and regency[0]["place_id"].startswith("lc:ID.PT:")
