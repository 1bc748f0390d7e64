"""Place names written inside other names (issue #19): streets and buildings, vehicles, stop names.

Every sentence is written for the test; none is copied from a corpus.
"""

import pytest
import spacy
from spacy.tokens import Doc, Span

from helpers.articles import Article, Paragraph
from helpers.extract.places import places
from helpers.extract.places.evidence import has_place_evidence
from helpers.extract.places.finding import _full_name, _nested_spans, _surnames
from helpers.extract.places.vehicles import vehicle_tokens
from helpers.knowledge.gazetteer import default_gazetteer


def _rows(nlp, text: str) -> list[dict]:
    return places.resolve_places(
        nlp(text), Article("t", "t.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))])
    )


def _resolved(rows: list[dict], text: str) -> list[dict]:
    return [r for r in rows if r["text"] == text and r["place_id"]]


def test_a_street_or_hospital_named_after_a_far_place_is_no_place_of_the_article(nlp):
    rows = _rows(
        nlp,
        "A teenager was shot on Pennsylvania Avenue in Savannah, Georgia, on Sunday night and taken "
        "to Mount Sinai Hospital, where he died, police said.",
    )
    assert not _resolved(rows, "Pennsylvania") and not _resolved(rows, "Mount Sinai")
    assert _resolved(rows, "Savannah")
    # A hospital or airport named after a town of the article's province is that town's.
    near = _rows(nlp, "Wounded fighters from Jenin, in the West Bank, were taken to Jenin Hospital.")
    assert len(_resolved(near, "Jenin")) == 2
    # A building is named after its own big town more often than a road is.
    far = _rows(nlp, "Two wounded officers were flown from Springfield, Massachusetts, to Hartford Hospital.")
    assert [r["admin1"] for r in _resolved(far, "Hartford")] == ["Connecticut"]
    road = _rows(nlp, "Two officers were shot on Hartford Road in Springfield, Massachusetts, on Monday.")
    assert not _resolved(road, "Hartford")


def test_a_street_of_a_crossing_with_a_numbered_street_is_no_place(nlp):
    rows = _rows(
        nlp,
        "A woman was shot near 18th and Springfield in Kansas City, Missouri, and a man at "
        "Columbia & 3rd, police said.",
    )
    assert not _resolved(rows, "Springfield") and not _resolved(rows, "Columbia")
    assert _resolved(rows, "Kansas City")


def test_the_street_of_a_block_number_is_no_place(nlp):
    rows = _rows(
        nlp,
        "A boy was shot in the 2800 block of South Central Park in Chicago, and a man in the 400 block "
        "of Plantation on Sunday, police said.",
    )
    assert not _resolved(rows, "Central Park") and not _resolved(rows, "Plantation")
    assert _resolved(rows, "Chicago")


def test_a_lower_case_compass_word_is_a_direction_inside_the_town(nlp):
    # "west Charlotte" is the west of Charlotte, not the Vermont village named West Charlotte.
    rows = _rows(nlp, "A man was shot at a party in west Charlotte late Friday, police said.")
    assert [(r["text"], r["admin1"]) for r in rows if r["place_id"]] == [("Charlotte", "North Carolina")]


def test_a_surname_with_place_evidence_is_a_place_when_the_article_names_no_country(nlp):
    # Local news often names only its town; a town named after a person is still the town.
    rows = _rows(
        nlp, "The Conway Police Department said a toddler died after a shooting in Conway on Friday."
    )
    assert {r["admin1"] for r in _resolved(rows, "Conway")} == {"Arkansas"}
    # A common word is still no place without a country ("Man", Côte d'Ivoire), nor a name that
    # ends in a lower-case word ("Man On", Myanmar).
    assert not [r for r in _rows(nlp, "A man was found in Man on Friday morning.") if r["place_id"]]


def test_a_town_named_after_a_person_is_named_by_its_police(nlp):
    # Local news names the town by its police: "Sanford" is a surname, and the small model tags
    # it a person; "Greenwood" sits inside the department's name, a town too small to be read
    # inside any organisation's name.
    rows = _rows(nlp, "A man was shot dead on Friday, Sanford police said.")
    assert {r["admin1"] for r in _resolved(rows, "Sanford")} == {"Florida"}
    rows = _rows(nlp, "Officers of the Greenwood Police Department found a wounded teenager.")
    assert [r["role"] for r in _resolved(rows, "Greenwood")] == ["nested"]
    # A word before the police names a kind of police, not a town ("Federal", "Transit").
    rows = _rows(nlp, "Members of the Federal Police and the Transit police were wounded on Friday.")
    assert not [r for r in rows if r["place_id"]]
    # A person's name with no authorities after it stays a person's name.
    assert not _resolved(_rows(nlp, "Sanford said a man was shot dead on Friday."), "Sanford")


def test_a_division_s_other_name_in_words_inside_an_organisation_is_read_whole(nlp):
    # "District of Columbia" is another name of Washington, D.C.; "Columbia" inside it is no county
    rows = _rows(nlp, "The victim studied at the University of the District of Columbia, his family said.")
    assert [r["admin1"] for r in rows if r["place_id"]] == ["Washington, D.C."]


def test_a_town_that_names_a_joint_police_force_is_named_by_it(nlp):
    # A force named after a town and its county ("Town-County Metropolitan Police") names the town,
    # a given name too; a qualifier alone before the force names none ("Federal Metropolitan Police").
    rows = _rows(
        nlp,
        "Savannah-Chatham Metropolitan Police said a teenager was wounded on Friday, a Georgia "
        "television station reported.",
    )
    assert [(r["role"], r["admin1"]) for r in _resolved(rows, "Savannah")] == [("nested", "Georgia")]
    rows = _rows(nlp, "Officers of the Federal Metropolitan Police found a wounded teenager.")
    assert not [r for r in rows if r["place_id"]]


@pytest.mark.parametrize(("name", "state"), [("Gary", "Indiana"), ("Troy", "Michigan")])
def test_a_town_named_by_its_police_may_be_a_given_name_listed_as_a_stop_name(nlp, name, state):
    # "Gary" and "Troy" are first names the EntityRuler never reads as towns; before their
    # police they are the towns. "Border police" and "State police" stay kinds of police.
    rows = _rows(nlp, f"{name} police said a man was shot dead on Friday.")
    assert {r["admin1"] for r in _resolved(rows, name)} == {state}
    # so are its people ("two Gary men")
    rows = _rows(nlp, f"Two {name} men were charged on Friday.")
    assert {r["admin1"] for r in _resolved(rows, name)} == {state}
    assert not _resolved(_rows(nlp, f"{name} said a man was shot dead on Friday."), name)
    rows = _rows(nlp, "Border police and State police said a man was shot dead on Friday.")
    assert not [r for r in rows if r["place_id"]]


def test_a_first_name_listed_as_a_stop_name_with_place_evidence_is_a_place_when_no_country_is_named(nlp):
    # Like a surname ("a shooting in Denton"): local news names only its town.
    rows = _rows(
        nlp, "Police: Youth wounded in accidental shooting in Gary\n\nA 15-year-old was hurt on Friday."
    )
    assert {r["admin1"] for r in _resolved(rows, "Gary")} == {"Indiana"}


def test_a_name_only_alike_another_languages_name_of_a_division_is_no_place_abroad(nlp):
    # "Crime" is Crimea's name in French only after folding ("Crimée"): no place in US news.
    rows = _rows(nlp, "Tips can be reported to Crime Stoppers, police in Portland, Oregon, said.")
    assert not _resolved(rows, "Crime") and _resolved(rows, "Portland")


def test_a_stop_name_abroad_needs_more_than_a_resident_noun(nlp):
    rows = _rows(nlp, "Metro police said a man was shot dead on Monday in Nashville, Tennessee.")
    assert not _resolved(rows, "Metro")  # Metro police, not Metro, Indonesia
    home = _rows(nlp, "Mobile police said two men were shot on Sunday in southern Alabama.")
    assert [r["admin1"] for r in _resolved(home, "Mobile")] == ["Alabama"]
    capital = _rows(
        nlp, "The Washington envoy met officials in Port of Spain, Trinidad and Tobago, and Roseau, Dominica."
    )
    assert [r["country"] for r in _resolved(capital, "Washington")] == ["US"]


@pytest.mark.parametrize(
    "text, vehicle",
    [
        ("The gunman fled in a gray Toyota Camry, police in Dallas, Texas said.", "Toyota Camry"),
        ("Witnesses saw a white GMC Yukon and a black Dodge Durango leave the scene.", "Dodge Durango"),
        ("Militants in Toyota Hilux pickups entered the town on Friday.", "Toyota Hilux"),
        ("The victim's 2012 Pontiac was found burned near the river.", "Pontiac"),
        # a colour before the make, a noun of vehicles after it
        ("Witnesses saw a red Toyota speed away from the corner.", "Toyota"),
        ("Police found the Toyota van abandoned two blocks away.", "Toyota"),
        ("Officers stopped a silver Lincoln near the bridge.", "Lincoln"),
    ],
)
def test_a_vehicle_make_and_model_names_no_place(nlp, text, vehicle):
    doc = nlp(text)
    start = text.index(vehicle)
    span = doc.char_span(start, start + len(vehicle))
    assert set(range(span.start, span.end)) <= vehicle_tokens(doc, default_gazetteer())
    assert not [r for r in _rows(nlp, text) if r["text"] in vehicle.split()]


@pytest.mark.parametrize(
    "text, place",
    [
        ("Deputies searched Dodge City, Kansas, after the shooting.", "Dodge City"),
        ("Lincoln County deputies said the suspect was arrested.", "Lincoln County"),
        ("Pontiac Mayor Jane Doe spoke after two men were shot.", "Pontiac"),
        ("Two people were shot in Plymouth Monday, police said.", "Plymouth"),
        ("A red pickup was found in Lincoln, Nebraska, on Friday.", "Lincoln"),
    ],
)
def test_a_make_before_a_place_noun_title_or_weekday_is_a_place(nlp, text, place):
    assert [r for r in _rows(nlp, text) if r["text"] == place]


def test_a_place_in_the_site_name_of_a_page_title_is_the_outlet_home_not_the_event_place(nlp):
    title = "Teen shot in Bossier City - KSLA News 12 Shreveport, Louisiana News Weather & Sports"
    body = "A teenager was shot on Sunday near a park, police said."
    text = f"{title}\n\n{body}"
    article = Article(
        "t",
        "t.txt",
        text=text,
        paragraphs=[Paragraph(0, 0, len(title), kind="title"), Paragraph(1, len(title) + 2, len(text))],
    )
    rows = places.resolve_places(nlp(text), article)
    roles = {r["text"]: r["role"] for r in rows}
    assert roles["Shreveport"] == "outlet" and roles["Bossier City"] != "outlet"
    assert places.main_place(rows)["canonical"] == "Bossier City"


def test_the_home_in_an_outlet_s_name_is_no_place_of_what_it_reports(nlp):
    text = (
        "Residents told Radio Free Asia that 12 people were killed when Myanmar troops shelled a village "
        "in Rakhine State on Tuesday. The Kabul Times said two more died."
    )
    rows = _rows(nlp, text)
    roles = {r["text"]: r["role"] for r in rows}
    assert (roles["Asia"], roles["Kabul"], roles["Rakhine State"]) == ("outlet", "outlet", "event")
    assert places.main_place(rows)["canonical"] == "Rakhine"


def test_a_surname_of_a_person_named_in_full_is_no_place_without_place_evidence(nlp):
    rows = _rows(
        nlp,
        "Police Chief Hassan Aden said a man shot four people in Greenville, North Carolina. "
        "Aden said the motive was unclear. Prime Minister Haider al-Abadi spoke later; Abadi said "
        "nothing of the attacks.",
    )
    assert not _resolved(rows, "Aden") and not _resolved(rows, "Abadi") and _resolved(rows, "Greenville")
    # Place evidence keeps the place: "in Aden" after a person named Aden.
    port = _rows(nlp, "Colonel Sami Aden said gunmen attacked a convoy in Aden on Sunday.")
    assert _resolved(port, "Aden")
    # "to" and "from" take people as often: no evidence for a person's surname
    sent = _rows(
        nlp,
        "President Ashraf Ghani condemned the bombing in Kabul, Afghanistan. Leaders sent their "
        "condolences to Ghani, and a message from Ghani was read out.",
    )
    assert not _resolved(sent, "Ghani") and _resolved(sent, "Kabul")


@pytest.mark.parametrize(
    "text, full",
    [
        ("Hassan Aden", True),
        ("Haider al-Abadi", True),
        ("Leonard of Ada", False),
        ("Mr Trump - Wisconsin", False),
    ],
)
def test_only_a_full_name_gives_a_surname(text, full):
    doc = spacy.blank("en")(text)
    assert _full_name(Span(doc, 0, len(doc), label="PERSON")) is full


def test_a_locative_before_white_space_of_copied_web_text_is_place_evidence(nlp):
    text = "Senator Jill Stein said she paid for a recount in\n            Wisconsin. Stein said so."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Wisconsin")
    assert has_place_evidence(doc, start, start + 1)


def test_a_part_written_as_a_town_s_own_lies_in_that_town(nlp):
    # "Whittier" and "Austin" alone are towns of California and Texas
    rows = _rows(
        nlp,
        "Two men were shot late Friday in Denver's Whittier neighborhood, police said. Officers "
        "closed streets around Whittier for hours.",
    )
    assert [r["canonical"] for r in _resolved(rows, "Whittier")] == ["Denver", "Denver"]
    assert "part of the town it is written after" in _resolved(rows, "Whittier")[0]["resolution"]
    rows = _rows(nlp, "A woman was wounded in a shooting in Chicago's Austin neighborhood on Sunday.")
    assert [r["admin1"] for r in _resolved(rows, "Austin")] == ["Illinois"]
    # a division's own town lies in it already, and stays that town
    rows = _rows(nlp, "A hunter was shot near Michigan's Kalamazoo on Saturday.")
    assert [r["canonical"] for r in _resolved(rows, "Kalamazoo")] == ["Kalamazoo"]


def test_the_name_of_god_is_no_town(nlp):
    # Göd, Hungary, and "Allah" read as an abbreviation of Alabama
    rows = _rows(nlp, "A girl was shot in Dallas on Friday. She is with God, we pray to God, her aunt said.")
    assert not _resolved(rows, "God") and _resolved(rows, "Dallas")
    rows = _rows(nlp, "A boy was shot in Dallas on Friday. He prays in Allah's name, his aunt said.")
    assert not _resolved(rows, "Allah")


def test_an_alternate_name_of_a_small_place_abroad_needs_place_evidence(nlp):
    # "Hwy" is an alternate name of Huy, Belgium; "Leghorn", after "in", stays Livorno
    rows = _rows(nlp, "Deputies were called Sunday to a shooting on Hwy. 61, the sheriff said.")
    assert not _resolved(rows, "Hwy")
    rows = _rows(nlp, "Fighting raged in Dunkirk and Leghorn, officials said.")
    assert [r["canonical"] for r in _resolved(rows, "Leghorn")] == ["Livorno"]


def test_a_name_before_place_square_terrace_or_farm_names_a_street_or_building(nlp):
    rows = _rows(
        nlp,
        "A man was shot late Friday near Quebec Place in Washington, D.C., and two women were hurt "
        "on Savannah Terrace, police said. In Amman, Jordan, protesters gathered in Jerusalem Square.",
    )
    assert not any(_resolved(rows, name) for name in ("Quebec", "Savannah", "Jerusalem"))
    assert _resolved(rows, "Washington") and _resolved(rows, "Amman")
    farm = _rows(nlp, "A boy was shot along Melwood Road near Pounds Turkey Farm, police said.")
    assert not _resolved(farm, "Turkey")


def test_a_word_the_ner_places_after_in_names_a_town_in_news_naming_no_country(nlp):
    rows = _rows(
        nlp, "Two women were shot dead around 2:30 a.m. in Flint, and a pastor said the family needs answers."
    )
    assert [r["admin1"] for r in _resolved(rows, "Flint")] == ["Michigan"]
    # a word that is no place name stays a word
    assert not [r for r in _rows(nlp, "Man shot dead in his car, police say.") if r["place_id"]]


def test_a_town_after_a_locative_the_ner_ran_into_an_organisation_s_name_is_found(nlp):
    doc = nlp("Gunmen fired on a police camp at Railway Colony in Pulwama on Sunday.")
    start = next(t.i for t in doc if t.text == "Railway")
    glued = Span(doc, start, start + 4, label="ORG")  # the small model's "Railway Colony in Pulwama"
    assert [s.text for s in _nested_spans(doc, glued, default_gazetteer())] == ["Pulwama"]
    # without the locative a town of that size inside a name is no place ("Pulwama Traders Union")
    doc = nlp("Members of the Pulwama Traders Union met on Sunday.")
    start = next(t.i for t in doc if t.text == "Pulwama")
    assert not _nested_spans(doc, Span(doc, start, start + 3, label="ORG"), default_gazetteer())


def test_a_place_after_a_person_the_ner_split_off_is_a_surname_but_not_after_a_web_address(nlp):
    def surnames(words: list[str], person_end: int) -> frozenset[str]:
        doc = Doc(nlp.vocab, words=words)
        doc.ents = [Span(doc, 0, person_end, "PERSON"), Span(doc, person_end, person_end + 1, "GPE")]
        return _surnames(doc, default_gazetteer())

    assert "Aden" in surnames(["Chief", "Hassan", "Aden", "said"], 2)  # "Chief Hassan" "Aden"
    assert "Lac" in surnames(["Fond", "du", "Lac", "Avenue"], 2)  # a particle ends the name
    # a page title's "Churchill Downs - wave3.com-" "Louisville News": Louisville is no one's surname
    assert "Louisville" not in surnames(["Churchill", "Downs", "-", "wave3.com-", "Louisville", "News"], 4)


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        # a name the NER calls a people ("Saginaw" NORP) or a person is a place before a word of its people
        ("Two Saginaw kids found a loaded shotgun behind their apartment on Friday.", "Saginaw", "Michigan"),
        ("Deputies said a Kalamazoo mother died after the shooting.", "Kalamazoo", "Michigan"),
    ],
)
def test_a_name_before_a_word_of_its_people_is_a_place(nlp, text, name, state):
    assert [r["admin1"] for r in _resolved(_rows(nlp, text), name)] == [state]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a surname before a word of relatives is a family's name
        (
            "Neighbours in Houston, Texas, said the Jones family was asleep when the shots were fired.",
            "Jones",
        ),
        # after a possessive, a word of relatives is a person's
        ("A Dallas police officer said Melina's mother found the gun under a bed in Texas.", "Melina"),
    ],
)
def test_a_name_before_a_word_of_relatives_is_no_place(nlp, text, name):
    assert not _resolved(_rows(nlp, text), name)


def test_a_word_before_police_names_a_force_not_a_town_abroad(nlp):
    text = "Metro police said a man was shot at a bus station in Nashville on Monday."
    assert not _resolved(_rows(nlp, text), "Metro")
    # also where nothing else in the article names a place
    assert not _resolved(_rows(nlp, "Metro police said a man was shot at a bus station on Monday."), "Metro")
    text = "Buffalo police said a man was shot at a bus station in New York on Monday."
    assert [r["admin1"] for r in _resolved(_rows(nlp, text), "Buffalo")] == ["New York"]


def test_a_weekday_before_a_date_is_no_place(nlp):
    # the day of a page's timestamp, not Myanmar's Mon State; the state named so stays a place
    text = "PUBLISHED Mon, March 21, 2016 - Two men were shot in Detroit, Michigan."
    assert not _resolved(_rows(nlp, text), "Mon")
    assert _resolved(_rows(nlp, "Soldiers clashed with rebels in Mon on Sunday, Myanmar's army said."), "Mon")
