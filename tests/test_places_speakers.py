"""Towns a source spoke from: role ``speaker``, no place of the event.

Every sentence is written for the test; none is copied from a corpus.
"""

import pytest

from tests.test_events import reports_of
from tests.test_places_treatment import _roles


@pytest.mark.parametrize(
    ("text", "speaker", "scene"),
    [
        (
            "Four soldiers were killed near Hawija, the army said in a statement from Baghdad.",
            "Baghdad",
            "Hawija",
        ),
        ("A bomb exploded at a market in Hawija, an official told reporters in Kirkuk.", "Kirkuk", "Hawija"),
    ],
)
def test_the_town_a_source_spoke_from_is_no_place_of_the_event(nlp, text, speaker, scene):
    roles = _roles(nlp, text)
    assert roles[speaker] == "speaker" and roles[scene] == "event"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Officials said the attack in Kirkuk killed 12 people.", "Kirkuk"),
        ("Officers responded to a shooting in Kirkuk on Friday.", "Kirkuk"),
        ("Police in Kirkuk said two men were shot on Friday.", "Kirkuk"),
        ("The governor of Kirkuk said two policemen were wounded.", "Kirkuk"),
        ("Kirkuk police said two men were shot on Friday.", "Kirkuk"),
    ],
)
def test_the_place_of_the_violence_or_of_the_speaker_s_office_is_a_place_of_events(nlp, text, place):
    assert _roles(nlp, text)[place] == "event"


def test_an_event_is_placed_where_it_happened_not_where_its_source_spoke(tmp_path):
    reports = reports_of(
        tmp_path,
        {
            "checkpoint": "Gunmen killed four policemen at a checkpoint in Hawija on Sunday, a police "
            "spokesman told reporters in Kirkuk.",
            "alone": "Two soldiers were killed by a roadside bomb, an officer told reporters in Kirkuk.",
        },
    )
    assert reports.loc["checkpoint"]["location"] == "Al-Hawija"
    # a source's town still places an event when the article names no other place
    assert reports.loc["alone"]["location"] == "Kirkuk"
