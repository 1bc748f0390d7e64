"""Places as wire copy from the world's conflicts names them (twenty-fourth stop).

Every sentence is written for the test; none is copied from a corpus.
"""

from helpers.articles import Article, Paragraph
from helpers.extract.places import places


def _rows(nlp, text: str, dateline: str = "") -> list[dict]:
    """Place rows of the text; a dateline opens it ("MAPUTO - …"), outside its paragraph."""
    start = len(dateline) + 3 if dateline else 0
    span = (0, len(dateline)) if dateline else None
    paragraphs = [Paragraph(0, start, len(text))]
    article = Article("t", "t.txt", text=text, paragraphs=paragraphs, dateline=dateline, dateline_span=span)
    return places.resolve_places(nlp(text), article)


def test_a_story_s_town_in_a_named_province_is_its_main_place_not_the_capital_it_is_filed_from(project_nlp):
    text = (
        "MAPUTO - Rebels raided the town of Mocimboa da Praia in the northern province of Cabo "
        "Delgado on Monday, residents said. Two policemen died, a local official said."
    )
    main = places.main_place(_rows(project_nlp, text, dateline="MAPUTO"))
    assert main["canonical"] != "Maputo" and main["admin1_code"] == "MZ-P"


def test_a_dateline_town_keeps_a_tie_with_a_town_named_without_its_province(project_nlp):
    text = "NAIROBI - Police fired tear gas at protesters in Kitengela on Tuesday."
    assert places.main_place(_rows(project_nlp, text, dateline="NAIROBI"))["canonical"] == "Nairobi"
    text = "NAIROBI - Police fired tear gas at protesters in Kitengela, Kajiado county, on Tuesday."
    assert places.main_place(_rows(project_nlp, text, dateline="NAIROBI"))["canonical"] == "Kitengela"


def test_a_capital_s_own_name_is_the_capital_not_a_town_it_is_the_local_name_of(project_nlp):
    text = (
        "Two soldiers were killed in an ambush in the Poonch district of Jammu and Kashmir, Indian "
        "officials said. New Delhi blames Pakistan for the attacks; Islamabad denies it."
    )
    (row,) = [r for r in _rows(project_nlp, text) if r["text"] == "Islamabad"]
    assert row["country"] == "PK"


def test_a_title_before_a_town_s_name_and_a_surname_names_a_person(project_nlp):
    text = "Militants fired on a bus in Rajouri district, said senior police officer Anand Mehra."
    assert not [r for r in _rows(project_nlp, text) if r["text"].startswith("Anand")]
    doc = project_nlp(text)
    assert ("Anand Mehra", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_a_hamlet_of_another_province_is_no_reading_of_a_bare_name(project_nlp):
    text = (
        "Rebels killed 12 villagers in the Beni territory of North Kivu province overnight. "
        "Bodies were still being found in Masala on Friday, a local chief said."
    )
    (row,) = [r for r in _rows(project_nlp, text) if r["text"] == "Masala"]
    assert row["place_id"] is None and "outside the article's provinces" in row["resolution"]


def test_a_foreign_capital_s_name_gives_a_local_alternate_name_no_penalty(project_nlp):
    text = (
        "The Orleans Parish coroner named the man shot dead on Friday. He was found on a street in "
        "Algiers, police in New Orleans said."
    )
    assert all(r["country"] != "DZ" for r in _rows(project_nlp, text) if r["text"] == "Algiers")


def test_a_country_s_name_of_several_words_is_matched_whole(project_nlp):
    doc = project_nlp(
        "Troops fought rebels in eastern Democratic Republic of Congo and the Central African Republic."
    )
    places = {(e.text, e.ent_id_) for e in doc.ents if e.label_ == "GPE"}
    assert ("Democratic Republic of Congo", "gn:203312") in places
    assert ("Central African Republic", "gn:239880") in places


def test_a_town_the_ner_ran_into_its_province_is_the_town_and_a_building_is_none(project_nlp):
    """ "the town of Tame in Arauca province" tagged as one organisation is the town Tame; a room of a
    building ("in Council Chambers in City Hall") is no place, nor the hall a town."""
    text = "Rebels attacked a police post in the town of Tame in Arauca province on Monday."
    assert {r["canonical"] for r in _rows(project_nlp, text)} >= {"Tame", "Arauca"}
    text = "The council will hear the plan on Wednesday in Council Chambers in City Hall, the mayor said."
    assert [r["text"] for r in _rows(project_nlp, text) if r["text"] == "City Hall"] == []
