"""Tests for casualty cues of US local news: harm wished away, headline "fatally shot", "all over".

All sentences are written for these tests.
"""

import pytest

from helpers.articles import Article, Paragraph
from helpers.extract.casualties import extract_casualties
from helpers.extract.places import main_place, resolve_places
from tests.test_casualties import counted, extract, totals_of


def headline_totals(nlp, headline: str) -> dict[str, int]:
    """The toll of ``headline`` read as an article's title, above a body that reports no figure."""
    text = headline + "\n\nA neighbour called the police on Sunday evening."
    return totals_of(extract(nlp, text, kinds={0: "title"}))


@pytest.mark.parametrize(
    "sentence",
    [
        "We could be mourning a death tonight, a neighbour said.",
        "Please don't let my son die, his mother prayed in the ambulance.",
        "The nurses would not allow the girl to die, she said.",
    ],
)
def test_a_death_wished_away_or_only_possible_is_no_figure(nlp, sentence):
    rows = extract(nlp, sentence)
    assert not counted(rows)
    assert all(r["scope"] == "hypothetical" for r in rows)


@pytest.mark.parametrize(
    "sentence",
    [
        "They were mourning a death in the family on Sunday.",
        "Witnesses said the robbers let the wounded clerk die on the floor.",
    ],
)
def test_a_death_that_happened_still_counts(nlp, sentence):
    assert totals_of(extract(nlp, sentence)) == {"killed": 1}


def test_fatally_in_a_headline_read_as_a_noun_makes_the_victim_killed(nlp):
    rows = extract(nlp, "Sister of 6-year-old fatally shot speaks out")
    assert totals_of(rows) == {"killed": 1}


def test_all_over_is_no_qualifier(nlp):
    rows = extract(nlp, "When it was all over one man was killed and two others were shot.")
    assert totals_of(rows) == {"killed": 1, "injured": 2}


def test_over_before_a_number_is_still_a_qualifier(nlp):
    rows = extract(nlp, "Over 20 people were killed in the fighting.")
    assert [(r["low"], r["high"]) for r in counted(rows)] == [(21, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The boy was one of four teens between the ages of 13 and 16 wounded in the attack.",
        "Police said the ages of those wounded ranged from 15 to 19.",
    ],
)
def test_numbers_listed_after_ages_are_no_count(nlp, sentence):
    rows = extract(nlp, sentence)
    assert not any(r["low"] in {13, 15, 16, 19} for r in rows)


def test_a_count_before_the_ages_still_counts(nlp):
    rows = extract(nlp, "Three men, aged 19, 22 and 30, were wounded outside the bar.")
    assert totals_of(rows) == {"injured": 3}


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Four people shot, one fatally", {"killed": 1, "injured": 3}),
        ("Two men shot at bus stop, one fatally", {"killed": 1, "injured": 1}),
    ],
)
def test_a_headline_fatal_subset_the_parser_hangs_loosely(project_nlp, headline, expected):
    assert totals_of(extract(project_nlp, headline)) == expected


def test_a_number_of_shots_is_no_count(nlp):
    rows = extract(nlp, "The man fired, shooting about 12 times at the occupants and killing two women.")
    assert totals_of(rows) == {"killed": 2}


@pytest.mark.parametrize(
    "sentence",
    ["The suspect shot at deputies as they chased him.", "A gunman shot at two guards before fleeing."],
)
def test_shooting_at_people_hits_no_one(nlp, sentence):
    assert not counted(extract(nlp, sentence))


def test_shot_at_a_place_is_still_shot(nlp):
    assert totals_of(extract(nlp, "Teen shot at party in the suburbs")) == {"injured": 1}


def test_killing_a_count_then_himself_counts_the_shooter_apart(nlp):
    rows = extract(nlp, "The gunman killed three, then himself.")
    assert sorted((r["text"], r["low"]) for r in counted(rows)) == [("himself", 1), ("three", 3)]
    assert totals_of(rows) == {"killed": 4}


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Boy, 6, wounded by father in shooting", {"injured": 1}),
        ("19-year-old killed after argument at gas station - WXYZ News 7 - Dayton, Ohio", {"killed": 1}),
    ],
)
def test_a_headline_subject_the_parser_hangs_on_the_verb(project_nlp, headline, expected):
    """ "Noun, age, participle" and "age participle" headlines: the parser reads the noun as an
    interjection or the age as the verb's modifier; the victim is still the headline's subject."""
    assert headline_totals(project_nlp, headline) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Owen Frost, 22, was wounded outside a bar on Friday. Frost died in hospital on Sunday.",
        "Tom Banks, 52, was shot outside a bar on Friday. Banks died in hospital on Sunday, his family said.",
        # an age before the name is no count of people
        "Ann Frost was shot on Friday. Frost died on Sunday. We mourn the death of eight month Ann Frost.",
    ],
)
def test_a_surname_repeated_without_the_first_name_is_the_person_named_before(project_nlp, text):
    """The recogniser may not tag the surname again, or the tagger may read it as a plural noun."""
    assert totals_of(extract(project_nlp, text)) == {"killed": 1}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A guard was shot, but not fatally, during the robbery.", {"injured": 1}),
        ("Two deputies were shot, neither fatally, in the standoff.", {"injured": 2}),
        ("One man died, while three others were shot none fatally.", {"killed": 1, "injured": 3}),
        ("Three men were stabbed, two of them fatally, outside the club.", {"killed": 2, "injured": 1}),
        ("Police shot two suspects, one of them fatally.", {"killed": 1, "injured": 1}),
    ],
)
def test_a_fatal_adverb_negated_or_on_a_share_of_the_victims(nlp, sentence, expected):
    assert totals_of(extract(nlp, sentence)) == expected


@pytest.mark.parametrize(
    "headline",
    [
        "Stabbed teen found outside Tulsa store dies at hospital",
        "Wounded boy found outside Mesa school dies at hospital",
        "Wounded man found outside Dayton bar dies at hospital",
    ],
)
def test_a_headline_s_found_then_dies_makes_the_one_found_killed(project_nlp, headline):
    """The parser reads "dies" as the clause of "found": the one found is its subject."""
    assert headline_totals(project_nlp, headline) == {"killed": 1}


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Man, 2-year-old boy dead in apparent murder-suicide near lake", {"killed": 2}),
        ("Woman, 3-year-old girl dead in apparent murder-suicide", {"killed": 2}),
    ],
)
def test_a_headline_list_item_with_an_age_before_its_noun(project_nlp, headline, expected):
    """ "2-year-old boy": the number, hyphens and "year" hang on "old", before the listed noun."""
    assert headline_totals(project_nlp, headline) == expected


def test_a_headline_without_its_copula_keeps_the_state(project_nlp):
    assert headline_totals(project_nlp, "Singer Ann Lee dead at 31") == {"killed": 1}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A woman, 41, and a girl, 7, were shot dead near the park on Friday.", {"killed": 2}),
        ("A man, 52, and his nephew, 19, died at the scene.", {"killed": 2}),
        ("Two women, 33 and 35, and a man, 40, were wounded outside the bar.", {"injured": 3}),
        # no age apposition: the lists are the parser's own
        (
            "Police charged a man in a shooting that left one man dead and a 5-year-old boy hurt.",
            {"killed": 1, "injured": 1},
        ),
        (
            "A 6-year-old boy was wounded and a woman murdered in two shootings, police say.",
            {"killed": 1, "injured": 1},
        ),
    ],
)
def test_people_listed_with_their_ages_share_the_verb(nlp, sentence, expected):
    """Ages in commas split the list: the parser makes each person a subject of its own."""
    assert totals_of(extract(nlp, sentence)) == expected


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Father, 45, and daughter, 9, killed in shooting on highway", {"killed": 2}),
        ("Woman, 22, and man, 30, wounded in drive-by shooting", {"injured": 2}),
        ("Man killed, two women wounded in shooting at motel", {"killed": 1, "injured": 2}),
        ("19-year-old Ann Lee, student killed in attack", {"killed": 1}),  # no "and": one person
        ("Teen and three women wounded in Akron", {"injured": 4}),
        # a list across a clause is none ("charged a driver in a shooting that … and a boy injured")
        (
            "Police charged a driver in a shooting that left one man dead and a 6-year-old boy injured",
            {"killed": 1, "injured": 1},
        ),
    ],
)
def test_a_headline_participle_on_the_last_of_a_list_counts_the_list(project_nlp, headline, expected):
    """ "killed" hangs on the last person; the people before it are its heads, unless they have a
    trigger of their own."""
    assert headline_totals(project_nlp, headline) == expected


def lead_totals(nlp, title: str, *body: str) -> dict[str, int]:
    """The toll of an article with this headline and body paragraphs."""
    return totals_of(extract(nlp, "\n\n".join((title, *body)), kinds={0: "title"}))


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("Deputies investigate fatal shooting near fairgrounds", [], {"killed": 1}),
        # the adjective before a name the parse hangs it on
        ("Boy charged in fatal Christmas Eve shooting", [], {"killed": 1}),
        ("Man held in deadly Labor Day weekend shooting", [], {"killed": 1}),
        (
            "Teen charged",
            ["A teenager was charged Monday in a deadly stabbing at a bus stop."],
            {"killed": 1},
        ),
        # the victim told of in words no rule counts: "shot" counts killed and injured together
        (
            "Police investigate fatal shooting",
            ["A man was shot in the chest outside the store."],
            {"killed": 1, "injured": 0},
        ),
        # a figure of the article stands for itself
        ("Police investigate deadly shooting", ["Two men were killed outside the store."], {"killed": 2}),
        ("Police investigate non-fatal shooting on Elm Street", [], {}),
        ("Police investigate fatal shootings in two towns", [], {}),  # no number
        # past the lead, a fatal shooting is as often another story's
        (
            "Shots fired downtown",
            ["Police responded on Friday.", "The bar saw a fatal shooting in 2015."],
            {},
        ),
    ],
)
def test_a_fatal_event_of_the_lead_is_one_killed_when_no_figure_counts(project_nlp, title, body, expected):
    assert lead_totals(project_nlp, title, *body) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The attack killed a guard and wounded the driver, police said.", {"killed": 1, "injured": 1}),
        (
            "The gunman shot and wounded Ann Lee, whose husband then returned fire, killing the gunman.",
            {"killed": 1, "injured": 1},
        ),
        # a pronoun on either side is the same person
        ("The girl was taken to hospital in critical condition, and she later died.", {"killed": 1}),
        # in a sentence of its own, the one shot is taken to be the one killed (no coreference)
        ("A woman was killed on Friday. Police said the woman was shot in the back.", {"killed": 1}),
    ],
)
def test_one_injured_beside_a_dead_victim_in_the_same_sentence_is_someone_else(nlp, sentence, expected):
    assert totals_of(extract(nlp, sentence)) == expected


@pytest.mark.parametrize(
    "headline",
    ["Police arrest 19-year-old in robbery", "Police arrest 16-year-old in deadly stabbing"],
)
def test_a_present_tense_headline_verb_is_no_reduced_passive(project_nlp, headline):
    """ "Police arrest 19-year-old": the police arrested, they were not arrested (the age, read as
    an adjective, is no object)."""
    rows = extract(
        project_nlp, headline + "\n\nA neighbour called the police on Sunday evening.", kinds={0: "title"}
    )
    assert not [r for r in rows if r["rule"].startswith("reduced_passive")]


def test_the_subject_of_a_present_participle_is_the_one_who_harmed(nlp):
    """ "recorded him shooting a 6-year-old boy": he shot, however the parse hangs the boy."""
    sentence = (
        "A deputy charged with murder after a body camera recorded him shooting a 6-year-old boy "
        "is asking a judge to drop the charge."
    )
    assert not [r for r in extract(nlp, sentence) if r["victim"] == "him"]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Parent accidentally shoots 4-year-old", {"injured": 1}),
        ("Stray bullet kills 9-year-old in backyard", {"killed": 1}),
        ("Gunman shoots 16-year-old in arm, 19-year-old in leg", {"injured": 2}),
    ],
)
def test_an_age_after_the_verb_is_its_object(project_nlp, headline, expected):
    """ "shoots 4-year-old": the parser reads "old" as an adjective or a clause, not the object."""
    assert headline_totals(project_nlp, headline) == expected


def test_the_sources_named_after_a_toll_are_not_its_victims(nlp):
    """Wire copy names its sources after the toll; the parser may read the toll as their subject
    ("killing 16 soldiers, two witnesses and a doctor said"): the soldiers are counted, the
    sources are not."""
    rows = extract(
        nlp,
        "Rebels attacked the garrison town of Kalema in the east of the country on Friday, "
        "killing at least 16 government soldiers, two witnesses and a district doctor said.",
    )
    assert [(r["low"], r["victim_group"]) for r in rows] == [(16, "security forces")]


def test_a_word_of_an_armed_group_name_is_no_modifier_of_its_fighters(nlp):
    """ "Army" of the New People's Army does not make its rebels soldiers; the army's own soldiers
    stay security forces."""
    rows = extract(nlp, "Seven suspected New People's Army rebels were killed in a clash with troops.")
    assert [(r["low"], r["victim_group"]) for r in rows] == [(7, "militants")]
    rows = extract(nlp, "Three Nigerian Army soldiers were killed in an ambush on Monday.")
    assert [(r["low"], r["victim_group"]) for r in rows] == [(3, "security forces")]


def test_a_place_inside_an_organisation_s_name_places_no_figure_beside_another(nlp):
    """ "the West Papua National Liberation Army" names a province, not where its men shot the
    workers: the town the sentence names, farther from the verb, is the figure's place."""
    text = (
        "Three construction workers were shot dead by the West Papua National Liberation Army on "
        "Monday near Sugapa, police said."
    )
    article = Article("t", "t.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))])
    doc = nlp(text)
    places = resolve_places(doc, article)
    rows = extract_casualties(doc, article, places=places, main_place=main_place(places))
    assert [(r["low"], r["place"]) for r in rows] == [(3, "Sugapa")]


def test_a_count_after_up_to_read_as_a_particle_and_a_preposition_is_the_object(nlp):
    """ "killing up to 280 soldiers": the parser reads "up" as the verb's particle and "to 280
    soldiers" as a preposition's object; the soldiers are the ones killed."""
    rows = extract(nlp, "Its forces repelled attacks near the town, killing up to 280 enemy soldiers.")
    assert [(r["low"], r["high"], r["victim_group"]) for r in rows] == [(None, 280, "security forces")]


def test_who_did_the_main_act_did_the_harm_its_participle_tells(nlp):
    """ "Troops repelled an attack, killing 12 militants": the troops killed them, not the attackers
    the event noun names; a vehicle that blew up is no perpetrator, nor the police hunting a bomber
    when the parser hangs the participle on their verb past the bomb's."""
    (row,) = extract(nlp, "Government troops repelled a rebel attack on the town, killing 12 militants.")
    assert row["perpetrator"] == "Government troops"
    (row,) = extract(nlp, "A truck packed with explosives blew up outside the base, killing two soldiers.")
    assert row["perpetrator"] == ""
    text = "Police are hunting a man who left a bag holding a bomb that exploded on Friday, wounding 13."
    assert [r["perpetrator"] for r in extract(nlp, text)] == [""]  # the participle hangs past "exploded"
