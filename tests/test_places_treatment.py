"""Towns the wounded were taken to (issue #19): role ``hospital``, no place of the event.

Every sentence is written for the test; none is copied from a corpus.
"""

import pytest

from helpers.articles import Article, Paragraph
from helpers.extract.casualties import extract_casualties
from helpers.extract.places import main_place, resolve_places


def _article(text: str) -> Article:
    return Article("t", "t.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))])


def _roles(nlp, text: str) -> dict[str, str]:
    return {r["text"]: r["role"] for r in resolve_places(nlp(text), _article(text)) if r["place_id"]}


@pytest.mark.parametrize(
    ("text", "hospital", "scene"),
    [
        ("Two men were wounded in Hawija and rushed to hospitals in Kirkuk.", "Kirkuk", "Hawija"),
        ("A boy shot in Selma, Alabama, on Friday was airlifted to Birmingham.", "Birmingham", "Selma"),
        ("A woman hurt in Hawija was in critical condition at a Kirkuk hospital.", "Kirkuk", "Hawija"),
        ("Three people wounded in Hawija were taken to Kirkuk General Hospital.", "Kirkuk", "Hawija"),
        ("Three soldiers wounded near Hawija were treated in Kirkuk.", "Kirkuk", "Hawija"),
        (
            "A man wounded in Hawija on Friday said from a Kirkuk hospital that he saw the blast.",
            "Kirkuk",
            "Hawija",
        ),
    ],
)
def test_the_town_the_wounded_were_taken_to_is_no_place_of_the_event(nlp, text, hospital, scene):
    roles = _roles(nlp, text)
    assert roles[hospital] == "hospital" and roles[scene] == "event"


@pytest.mark.parametrize(
    "text",
    [
        "An airstrike hit a hospital in Kunduz on Saturday, killing nine people.",
        "Two people were shot outside a Kunduz hospital on Saturday.",
        "Gunmen stormed the main hospital in Kunduz and killed three guards.",
        "The minister flew to Kunduz on Saturday.",  # a visit happens where the minister flew
        "Gunmen took the engineer to Kunduz.",  # captives are not the wounded
    ],
)
def test_a_hospital_that_is_the_scene_or_a_journey_keeps_its_town_as_the_event_place(nlp, text):
    assert _roles(nlp, text)["Kunduz"] == "event"


def test_a_figure_is_placed_where_it_happened_and_an_article_with_no_other_place_at_the_hospital(nlp):
    text = "Four people were wounded in a shooting in Hawija on Friday. Two died at a Kirkuk hospital."
    doc, article = nlp(text), _article(text)
    places = resolve_places(doc, article)
    rows = extract_casualties(doc, article, places=places, main_place=main_place(places))
    assert {(r["outcome"], r["place"]) for r in rows} == {("injured", "Al-Hawija"), ("killed", "Al-Hawija")}
    alone = "Four wounded people were rushed to hospitals in Kirkuk on Friday."
    assert main_place(resolve_places(nlp(alone), _article(alone)))["canonical"] == "Kirkuk"


def test_a_country_named_as_an_owner_places_no_figure(nlp):
    """ "US missile strikes" name who struck, not where: the figure goes on telling the place named
    before it."""
    text = (
        "Drones struck a compound in South Waziristan on Monday. "
        "Between 20 and 30 people were killed in US missile strikes, the army said."
    )
    doc, article = nlp(text), _article(text)
    places = resolve_places(doc, article)
    rows = extract_casualties(doc, article, places=places, main_place=main_place(places))
    assert [r["place"] for r in rows if r["outcome"] == "killed"] == ["South Wazīristān"]
