"""Places worldwide (issue #16): villages and districts, place evidence, doubtful names, datelines.

Every sentence is written for the test; none is copied from a corpus.
"""

import pytest

from helpers.articles import Article, Paragraph
from helpers.extract.places import places
from helpers.knowledge.place_names import doubtful_name
from helpers.nlp.pipeline import build_pipeline


def _article(text: str, **dateline) -> Article:
    return Article("t", "t.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))], **dateline)


def _rows(nlp, text: str) -> list[dict]:
    return places.resolve_places(nlp(text), _article(text))


def _resolved(rows: list[dict], text: str) -> list[dict]:
    return [r for r in rows if r["text"] == text and r["place_id"]]


@pytest.mark.parametrize(
    "text, name, geonameid",
    [
        ("Shelling hit the village of Sarmada in Idlib province on Tuesday.", "Sarmada", 164786),
        ("Fighting was reported near Zumar, north-west of Mosul, overnight.", "Zumar", 89356),
    ],
)
def test_villages_in_place_contexts_resolve(nlp, text, name, geonameid):
    found = _resolved(_rows(nlp, text), name)
    assert found and found[0]["geonameid"] == geonameid


def test_district_cue_picks_the_second_level_division(nlp):
    rows = _rows(nlp, "Two soldiers were killed in Maiwand district of Kandahar province on Sunday.")
    maiwand = _resolved(rows, "Maiwand")
    assert maiwand and maiwand[0]["kind"] == "admin2" and maiwand[0]["geonameid"] == 7053304
    assert maiwand[0]["admin1_code"] == "AF-KAN" and maiwand[0]["precision"] == 2


def test_a_hyphenated_article_starts_a_name_in_a_place_context(nlp):
    rows = _rows(nlp, "Gunmen shelled the market town of al-Nahud in Sudan on Friday.")
    assert [r["geonameid"] for r in _resolved(rows, "al-Nahud")] == [378699]


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Insurgents attack Mozambique town, residents flee", "Mozambique", "country"),
        ("Gunmen kill 12 in Mali village raid", "Mali", "country"),
        ("Gunmen attacked the town of Gao on Sunday, officials said.", "Gao", "city"),
    ],
)
def test_a_country_s_name_before_a_town_s_word_is_the_town_s_country(nlp, text, name, kind):
    """ "Mozambique town" is a town in Mozambique, not the town named Mozambique."""
    assert [r["kind"] for r in _resolved(_rows(nlp, text), name)] == [kind]


def test_a_division_named_under_a_cue_word_keeps_that_reading(nlp):
    text = (
        "Gunmen attacked a checkpoint in the Iraqi province of Salahuddin on Monday. "
        "Security was tightened in Diyala, Salahuddin and Kirkuk after the attack."
    )
    readings = {r["admin1_code"] for r in _resolved(_rows(nlp, text), "Salahuddin")}
    assert readings == {"IQ-SD"}


def test_a_county_named_with_its_descriptor_resolves_in_the_article_country(nlp):
    rows = _rows(nlp, "Militias in South Sudan burned homes across Ulang County on Sunday, officials said.")
    county = [r for r in rows if r["text"].startswith("Ulang")]
    assert county and county[0]["country"] == "SS" and county[0]["admin1"] == "Upper Nile"


@pytest.fixture(scope="module")
def sitrep_nlp():
    """The full pipeline, with the place ruler in front of the NER."""
    return build_pipeline()


def test_a_descriptor_does_not_carry_a_name_abroad(nlp):
    # No "Costa County" in the gazetteer; the bare name's villages lie outside the United States,
    # so the county is a place the gazetteer lacks, located in the state named after it.
    rows = _rows(nlp, "Deputies in Costa County, California, found the stolen car on Tuesday.")
    costa = [r for r in rows if r["text"].startswith("Costa")]
    assert costa and all(r["place_id"].startswith("lc:US-CA:") and r["kind"] == "admin2" for r in costa)


def test_a_province_holding_a_shorter_place_name_is_read_whole(sitrep_nlp):
    # "Nile" alone names Sudan's River Nile state; inside "Upper Nile" it is South Sudan's province.
    rows = _rows(sitrep_nlp, "Raiders killed nine herders in Upper Nile state, South Sudan, on Friday.")
    assert [(r["text"], r["country"]) for r in rows if "Nile" in r["text"]] == [("Upper Nile", "SS")]


def test_island_groups_are_regions_of_their_country(nlp):
    rows = _rows(nlp, "Troops fought rebels on Mindanao, in the southern Philippines, for a week.")
    island = _resolved(rows, "Mindanao")
    assert island and island[0]["kind"] == "region" and island[0]["country"] == "PH"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Police Chief Chad Abram said the suspect fled on foot.", "Chad"),
        ("Man charged in death of teenager\n\nA man was charged on Friday.", "Man"),
        ("The shooting happened on Bordeaux Avenue in Stockton late Saturday.", "Bordeaux"),
    ],
)
def test_names_that_are_words_people_or_streets_are_not_places(nlp, text, name):
    assert not _resolved(_rows(nlp, text), name)


def test_a_person_name_holds_no_place(nlp):
    rows = _rows(nlp, "Aung San Suu Kyi met officials in Naypyidaw on Monday.")
    assert not [r for r in rows if r["text"] == "San"]


def test_an_organisation_keeps_its_name(nlp):
    rows = _rows(nlp, "South Georgia News reported the shooting in Valdosta, Georgia, on Monday.")
    assert not [r for r in rows if r["place_id"] and r["country"] == "GE"]


def test_congo_follows_its_neighbours(nlp):
    text = (
        "Fighting in the Democratic Republic of the Congo displaced thousands near Goma. "
        "Congo's army said it had retaken two villages."
    )
    congo = _resolved(_rows(nlp, text), "Congo")
    assert congo and congo[0]["country"] == "CD"


def test_dateline_country_and_capitals(nlp):
    text = "KABUL, Afghanistan (AP) — Gunmen attacked a checkpoint, officials said."
    article = _article(text, dateline="KABUL", dateline_span=(0, 5))
    rows = places.resolve_places(nlp(text), article)
    found = {(r["text"], r["country"], r["role"]) for r in rows if r["place_id"]}
    assert {("KABUL", "AF", "dateline"), ("Afghanistan", "AF", "dateline")} <= found


def test_doubtful_names():
    assert doubtful_name("Chad") == "given name"
    assert doubtful_name("Northwest") == "common word"
    assert doubtful_name("Santos") in ("given name", "surname")
    assert doubtful_name("Mosul") == doubtful_name("Santa Cruz") == ""


GENERATED = {
    "us": {
        "a.txt": "Shooting in Fresno\n\nFRESNO, Calif. (AP) — Two people were shot in Fresno on Monday, "
        "police said. Officers from Clovis and Sacramento joined the search across California.",
        "b.txt": "Chicago weekend\n\nFive people were wounded in Chicago and two in Springfield, Illinois, "
        "police said on Sunday.",
    },
    "world": {
        "a.txt": "Clashes in Kirkuk\n\nKIRKUK (Wire) – Gunmen attacked a checkpoint in Kirkuk province, "
        "officials in Baghdad said.",
        "b.txt": "Raid in Borno\n\nInsurgents raided a village near Maiduguri in Borno State, Nigeria, "
        "the army said.",
        "c.txt": "Strikes near Bakhmut\n\nShelling hit Bakhmut in Donetsk Oblast, Ukrainian officials said.",
    },
}


@pytest.mark.parametrize("corpus", sorted(GENERATED))
def test_maps_of_a_generated_corpus_are_fitted_and_shaded(tmp_path, corpus):
    import numpy as np

    from helpers import views
    from helpers.run import Tables, extract

    folder = tmp_path / corpus
    folder.mkdir()
    for name, text in GENERATED[corpus].items():
        (folder / name).write_text(text, encoding="utf-8")
    extract(folder, tmp_path / "out", progress=False)
    tables = Tables(tmp_path / "out")
    counts = views.mentions_by_province(tables, top=None)
    assert counts["n_mentions"].sum() > 0
    figure = views.province_map(tables)
    ax = figure.axes[0]
    shaded = [c for c in ax.collections if c.get_array() is not None and np.isfinite(c.get_array()).any()]
    assert shaded and shaded[0].get_clim()[1] == counts["n_mentions"].max()  # never blank
    places = tables.read("places").dropna(subset=["lat"])
    lon0, lon1 = ax.get_xlim()
    inside = places["lon"].between(lon0, lon1)
    share = places.loc[inside, "n_mentions"].sum() / places["n_mentions"].sum()
    assert share >= 0.8  # fitted to where the mentions are
    if corpus == "us":
        assert lon1 - lon0 < 60  # the United States, not the world


@pytest.mark.parametrize(
    "text, name, geonameid",
    [
        # districts GeoNames lists without a point of their own, at their province's point
        (
            "Gunmen killed six farmers in Horo Guduru area of Oromia region on Sunday.",
            "Horo Guduru",
            11750829,
        ),
        ("Troops retook El-Dheer District in Galmudug state of Somalia last week.", "El-Dheer", 9179646),
        (
            "Soldiers were ambushed in the north of the Banibangou province, Niger said.",
            "Banibangou",
            11996013,
        ),
        # a town named after a lower-case town noun, whatever the NER made of it
        (
            "Paramilitaries seized the capital Wad Madani in Sudan last year, officials said.",
            "Wad Madani",
            364103,
        ),
        # a cue word after "countryside of": a town
        (
            "A drone struck a car in the countryside of Tal Hamis in Syria's Hasakah province.",
            "Tal Hamis",
            163568,
        ),
    ],
)
def test_conflict_districts_and_towns_resolve(nlp, text, name, geonameid):
    found = _resolved(_rows(nlp, text), name)
    assert found and found[0]["geonameid"] == geonameid


def test_a_name_ending_a_list_after_a_locative_has_place_evidence(nlp):
    text = "Militants attacked army posts at Boulkessi and Mondoro in central Mali on Friday."
    assert [r["geonameid"] for r in _resolved(_rows(nlp, text), "Mondoro")] == [2453375]


def test_a_folded_spelling_under_a_cue_word_names_a_town_of_the_articles_country(nlp):
    text = (
        "Four Hezbollah members were killed in a strike on a house in the town of Ramia overnight, "
        "a Lebanese official said."
    )
    assert [r["country"] for r in _resolved(_rows(nlp, text), "Ramia")] == ["LB"]


def test_transliteration_articles_differ_but_a_groups_article_does_not(nlp):
    rows = _rows(nlp, "Rebels said they shelled al-Fasher in Sudan's North Darfur state on Sunday.")
    assert [r["geonameid"] for r in rows if r["place_id"] and "Fasher" in r["text"]] == [379555]
    rows = _rows(nlp, "Al-Badr militants were blamed for the attack in Pulwama, Kashmir, on Monday.")
    assert not [r for r in rows if r["place_id"] and r["country"] == "EG"]


def test_somalias_southwest_state_under_a_cue_word(nlp):
    text = "The crackdown in Somalia has shifted to Jubaland and Southwest states."
    assert [r["place_id"] for r in _resolved(_rows(nlp, text), "Southwest")] == ["sr:so-south-west"]


def test_a_town_noun_before_an_organisation_names_no_town(nlp):
    rows = _rows(nlp, "The town Council met on Monday and the city Police said the capital Trenton was calm.")
    assert not _resolved(rows, "Council") and not _resolved(rows, "Police")


def test_a_dateline_run_into_the_headline_places_the_story(nlp):
    text = (
        "Council approves new budget for road repairs. TORRINGTON — The city council voted on "
        "Monday to spend more on the roads."
    )
    rows = _rows(nlp, text)
    found = {(r["text"], r["country"], r["role"]) for r in rows if r["place_id"]}
    assert ("TORRINGTON", "US", "dateline") in found


def test_a_state_abbreviation_after_a_dateline_names_the_state(nlp):
    text = "ALBUQUERQUE, N.M. (AP) — Two senators asked for a review of the budget on Monday."
    body = text.index("Two")  # the loader keeps the dateline out of every paragraph
    article = Article(
        "t",
        "t.txt",
        text=text,
        paragraphs=[Paragraph(0, body, len(text))],
        dateline="ALBUQUERQUE",
        dateline_span=(0, 11),
    )
    rows = places.resolve_places(nlp(text), article)
    found = {(r["text"], r["admin1_code"], r["kind"]) for r in rows if r["place_id"]}
    assert {("N.M.", "US-NM", "admin1"), ("ALBUQUERQUE", "US-NM", "city")} <= found


def test_a_place_entity_the_gazetteer_lacks_names_the_place_it_holds(nlp):
    rows = _rows(nlp, "He was held in the Henderson County Jail in Athens, Texas, on Monday.")
    assert [(r["canonical"], r["admin1_code"], r["kind"]) for r in _resolved(rows, "Henderson County")] == [
        ("Henderson", "US-TX", "admin2")
    ]
    rows = _rows(nlp, "Officials from the Islamic Republic met envoys in Geneva.")
    assert not [r for r in rows if r["place_id"] and r["text"] != "Geneva"]


def test_news_abbreviations_of_provinces_and_countries(nlp):
    rows = _rows(nlp, "Wildfires burned across northern B.C. this week, and the UAE sent aid.")
    assert {(r["text"], r["geonameid"]) for r in rows if r["place_id"]} >= {
        ("B.C.", 5909050),
        ("UAE", 290557),
    }


def test_a_county_inside_an_organisations_name_is_a_place(nlp):
    text = "Deputies took him to the Stewart County Detention Facility, officials in Lumpkin, Georgia, said."
    found = _resolved(_rows(nlp, text), "Stewart County")
    assert [(r["role"], r["admin1_code"], r["kind"]) for r in found] == [("nested", "US-GA", "admin2")]


def test_a_county_whose_readings_lie_in_one_country_sets_the_article_country(nlp):
    # Every "Henry County" is American: the article is, and its Paris is no French one.
    rows = _rows(nlp, "The man from Paris was indicted by a Henry County grand jury on Tuesday.")
    paris = _resolved(rows, "Paris")
    assert paris and paris[0]["country"] == "US"


def test_a_town_the_ner_calls_a_person_keeps_its_place_without_a_full_name(nlp):
    text = "The city council of Alexandria, Virginia, voted on Tuesday. Alexandria plans to widen two roads."
    rows = _resolved(_rows(nlp, text), "Alexandria")
    assert [r["start_char"] for r in rows] == [20, 60]
    assert {r["admin1_code"] for r in rows} == {"US-VA"}


def test_a_surname_after_the_full_name_stays_a_person(nlp):
    text = "Pastor Jesse Jackson preached in Jackson, Mississippi, on Sunday. Jackson told the crowd to vote."
    assert [r["start_char"] for r in _resolved(_rows(nlp, text), "Jackson")] == [33]


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Shots rang out on Hinson Drive late on Friday.", "street"),
        ("Police closed MOSUL ROAD after the blast.", "street"),
        ("Eight people were hurt in a Hinson drive-by on Friday.", ""),
        ("Eight People Hurt In Hinson Drive-By Shooting", ""),
        ("The wounded were taken to a Hinson hospital overnight.", ""),
    ],
)
def test_a_street_word_names_a_street_only_as_part_of_a_written_name(text, cue):
    """A street word cues a street in "Hinson Drive", not in "a Hinson drive-by" or "a Hinson hospital"."""
    import spacy

    from helpers.extract.places.evidence import place_cue

    doc = spacy.blank("en")(text)
    start = next(t.i for t in doc if t.lower_ in ("hinson", "mosul"))
    assert place_cue(doc, start, start + 1) == cue


def test_an_abbreviation_in_capitals_names_no_foreign_village(nlp):
    # "EKU" (a university), "KSLA" (a station's call sign) and "ETA" (an armed group) are written like
    # the villages and towns Eku (Nigeria), Kassala (Sudan) and Etah (India), not as their names.
    text = (
        "Two students were shot near the EKU campus in Richmond, Kentucky, KSLA reported. "
        "The suspect was not linked to ETA, police said."
    )
    rows = _rows(nlp, text)
    for name in ("EKU", "KSLA", "ETA"):
        assert not _resolved(rows, name), name
    assert _resolved(rows, "Kentucky")
    # A headline in capitals keeps its place names, and so does a well-known place of the article's
    # country written in capitals.
    headline = _rows(
        nlp, "GUNMEN KILL FIVE IN BAMA\n\nGunmen killed five people in Bama, Borno State, on Monday."
    )
    assert len(_resolved(headline, "BAMA")) == 1
    ohio = _rows(nlp, "Two people were shot in Dayton, OHIO on Sunday, police said.")
    assert _resolved(ohio, "OHIO")


def test_compass_words_alone_are_part_of_a_district_name(nlp):
    rows = _rows(
        nlp,
        "Three men were shot on the city's West side and in Northeast Dallas on Sunday. "
        "Another was wounded Downtown, and a fourth on the South Side, police in Dallas, Texas said.",
    )
    for name in ("West", "Northeast", "Downtown", "South Side"):
        assert not _resolved(rows, name), name
    assert _resolved(rows, "Dallas")


@pytest.mark.parametrize(
    "text, name, province",
    [
        (
            "Two teenagers were shot in Southeast D.C. on Friday night, police said.",
            "D.C.",
            "Washington, D.C.",
        ),
        ("Gunmen killed four farmers in Northeast Nigeria on Monday.", "Nigeria", ""),
    ],
)
def test_compass_words_before_a_province_s_or_country_s_other_name_leave_the_name(nlp, text, name, province):
    assert [r["admin1"] or "" for r in _resolved(_rows(nlp, text), name)] == [province]


def test_a_word_of_a_known_place_name_inside_an_organisation_is_no_place_of_its_own(nlp):
    rows = _rows(nlp, "El Dorado Police were called to a home after a boy was shot.")
    assert not [r for r in rows if r["text"] == "Dorado"]  # not Dorado, Puerto Rico


def test_a_town_of_the_article_country_written_in_capitals_is_read(nlp):
    text = "Fighting broke out near BOR on Friday, officials in Jonglei State, South Sudan said."
    assert [r["geonameid"] for r in _resolved(_rows(nlp, text), "BOR")] == [377241]


def test_a_region_named_by_compass_words_is_read(nlp):
    text = "Bandits have killed hundreds of villagers across Nigeria's North-West this year."
    assert [r["kind"] for r in _resolved(_rows(nlp, text), "North-West")] == ["region"]


@pytest.mark.parametrize(
    "text",
    [
        "Police in Tokyo, Japan, said the drone carried a sticker reading Kantei Santa.",
        "The Kenyan army said in Nairobi, Kenya, that Santa brought gifts to the troops.",
    ],
)
def test_a_foreign_town_below_well_known_size_needs_place_evidence(nlp, text):
    written = [r for r in _rows(nlp, text) if r["text"] == "Santa"]
    assert written and not written[0]["place_id"] and "without place evidence" in written[0]["resolution"]


def test_a_name_with_a_persian_linking_vowel_is_read_whole(nlp):
    """The tokenizer splits "Pul-e Khumri" at its hyphens and the NER reads a part of it ("Pul",
    an English village; "Sharif", a Pakistani one): the name is read whole, and an unknown one
    ("Dasht-e Barchi") is no place named by its first word."""
    text = (
        "Fighting broke out in Pul-e Khumri, the capital of Baghlan province, on Monday. "
        "Another assault killed four officers in Chisht-e Sharif district of Herat province. "
        "A bomb exploded in Dasht-e Barchi in Kabul, and gunmen attacked Mazar-i-Sharif."
    )
    rows = [r for r in _rows(nlp, text) if r["place_id"]]
    towns = {(r["text"], r["admin1_code"]) for r in rows if r["country"] == "AF" and r["kind"] != "admin1"}
    assert towns == {
        ("Pul-e Khumri", "AF-BGL"),
        ("Chisht-e Sharif", "AF-HER"),
        ("Kabul", "AF-KAB"),
        ("Mazar-i-Sharif", "AF-BAL"),
    }
    assert {r["country"] for r in rows} == {"AF"}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("SRINAGAR, India - Gunmen shot dead two traders in Kashmir on Sunday, Indian police said.", "IN"),
        (
            "MUZAFFARABAD, Pakistan - Shelling wounded four villagers in Kashmir, Pakistani officials said.",
            "PK",
        ),
    ],
)
def test_kashmir_is_the_part_the_article_s_country_administers(nlp, text, country):
    assert [r["country"] for r in _resolved(_rows(nlp, text), "Kashmir")] == [country]


def test_a_sea_is_no_coastal_province_of_its_name_unless_a_division_word_says_so(nlp):
    ship = _resolved(
        _rows(nlp, "A missile hit a cargo ship in the Red Sea on Monday, the navy said."), "Red Sea"
    )
    assert [r["place_id"] for r in ship] == ["sr:sea-red-sea"]
    province = _resolved(
        _rows(nlp, "Gunmen attacked a checkpoint in Egypt's Red Sea governorate."), "Red Sea"
    )
    assert [r["country"] for r in province] == ["EG"]


def test_a_province_name_the_ner_splits_in_two_is_read_whole(sitrep_nlp):
    """The place ruler tags "Samar" (a Ukrainian town), the NER then "Northern" alone."""
    rows = _rows(sitrep_nlp, "Troops clashed with guerrillas in Northern Samar province on Monday.")
    assert [r["text"] for r in rows if r["place_id"]] == ["Northern Samar"]
    assert _resolved(rows, "Northern Samar")[0]["country"] == "PH"


def test_a_province_name_of_two_foreign_countries_is_left_ambiguous(nlp):
    """ "the Litoral penitentiary" in Ecuadorian news: Litoral names provinces of Cameroon and
    Equatorial Guinea, neither the article's country; no reading is taken."""
    text = (
        "QUITO, Ecuador (AP) - At least 15 inmates were killed in a riot at the Litoral penitentiary "
        "in the port city of Guayaquil on Monday, Ecuador's prison agency said."
    )
    rows = _rows(nlp, text)
    assert not [r for r in rows if r["text"] == "Litoral" and r["place_id"]]
    assert [r["country"] for r in rows if r["text"] == "Guayaquil"] == ["EC"]
