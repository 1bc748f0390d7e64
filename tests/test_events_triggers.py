"""Tests for the trigger words of event types: a word names a conflict event in its conflict sense only.

Sentences are written for these tests, each word in both senses: US crime news uses "gas",
"shell", "helicopter", "air", "hand", "headquarters", "capture", "sign" and "deal" in
everyday senses that are no conflict event.
"""

import pytest

from helpers.extract.events.classification import classify
from helpers.extract.events.triggers import sentence_words
from tests.test_events import reports_of

STATE = frozenset({"security forces"})


def typed(nlp, text: str, agent: frozenset[str] = frozenset()) -> str:
    """The sub-event type of a sentence's event with unknown victims and no figure ("" for none)."""
    kind, _ = classify([sentence_words(s) for s in nlp(text).sents], {"unknown"}, set(), agent)
    return kind.sub_event_type if kind else ""


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Two men were wounded in a drive-by at a gas station on Main Street.", "Chemical weapon"),
        ("Police fired tear gas at the crowd outside the stadium.", "Chemical weapon"),
        ("Officers recovered six shell casings from the parking lot.", "Shelling/artillery/missile attack"),
        ("The boy was flown by helicopter to a trauma center.", "Air/drone strike"),
        ("Both victims were air lifted to a hospital in critical condition.", "Air/drone strike"),
        (
            "Friends and neighbours were on hand to remember the teenager.",
            "Non-violent transfer of territory",
        ),
        ("He was taken to police headquarters for questioning.", "Headquarters or base established"),
        ("Deputies based their decision on the video.", "Headquarters or base established"),
        ("The suspect was captured after a brief chase.", "Government regains territory"),
        ("Detectives seized a handgun from the car.", "Government regains territory"),
        ("Investigators said there were no warning signs.", "Agreement"),
        ("The family has to deal with the loss of their son.", "Agreement"),
    ],
)
def test_an_everyday_sense_names_no_conflict_event(nlp, text, other):
    assert typed(nlp, text, STATE) != other


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Air strikes hit a market in the town.", "Air/drone strike"),
        ("A helicopter gunship fired on the convoy.", "Air/drone strike"),
        ("Government helicopters dropped barrel bombs on the district.", "Air/drone strike"),
        ("The regime used poison gas against the village.", "Chemical weapon"),
        ("Rebels shelled the village overnight.", "Shelling/artillery/missile attack"),
        ("The militants handed over the town to the army.", "Non-violent transfer of territory"),
        ("Turkish forces set up a new observation post near the town.", "Headquarters or base established"),
        (
            "The army established a total of twelve military posts in the province.",
            "Headquarters or base established",
        ),
        ("The two sides signed a peace deal on Monday.", "Agreement"),
    ],
)
def test_the_conflict_sense_names_its_event(nlp, text, kind):
    assert typed(nlp, text) == kind


def test_a_town_taken_is_territory_a_person_or_a_gun_is_not(nlp):
    assert typed(nlp, "Government forces captured the town after heavy fighting.", STATE) == (
        "Government regains territory"
    )
    assert typed(nlp, "Government forces captured two fighters after heavy fighting.", STATE) != (
        "Government regains territory"
    )


def test_a_phrase_is_read_by_its_syntax_and_by_its_neighbours(nlp):
    words = sentence_words(next(nlp("Troops exchanged fire with the gunmen and set up a checkpoint.").sents))
    assert {"exchange fire", "set up checkpoint"} <= words
    assert "air strike" in sentence_words(next(nlp("US air strikes killed ten.").sents))


def test_setting_arrests_and_historical_groups_through_extract(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "setting": "Residents spoke to reporters after a press conference at the tribal headquarters "
        "in the town of Hit on Monday.",
        "meeting": "Tribal leaders will meet in the town of Hit on Monday, officials said.",
        "arrested": "A man was killed and two women were wounded in a fight outside a bar in Springfield "
        "on Sunday, and police arrested a suspect.",
        "historical": "A bomb planted by the Provisional IRA killed five soldiers in the town of Newry "
        "on Friday.",
    }
    reports = reports_of(tmp_path, texts)
    assert "setting" not in reports.index  # "after a press conference", "at the tribal headquarters"
    assert reports.loc["meeting", "sub_event_type"] == "Other"
    assert reports.loc["meeting", "excluded"]  # planned
    # Those arrested are no side of a clash: the fight that killed a man is an attack.
    assert reports.loc["arrested", "sub_event_type"] == "Attack"
    # Armed groups of earlier conflicts are in the dictionary (WikiEvents' attackers).
    assert reports.loc["historical", "actor1"] == "Provisional IRA"


def test_mortar_shells_named_first_in_a_sentence_are_shelling(tmp_path):
    """ "Mortar shells fired by al Shabaab militants landed in a market": the tagger reads a first
    "Mortar" as a name (and the headline's "attack" names no type of its own); the phrase "mortar
    shell" still names shelling."""
    reports = reports_of(
        tmp_path,
        {
            "mortar": "Mortar shells fired by al Shabaab militants landed in a crowded market in "
            "Mogadishu's Hodan district on Thursday, killing five people and wounding 12, police said."
        },
        {"mortar": "Mortar attack kills 5 at Mogadishu market"},
    )
    assert reports.loc["mortar"]["sub_event_type"] == "Shelling/artillery/missile attack"
