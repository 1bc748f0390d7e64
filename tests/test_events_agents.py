"""Tests for the person who did an event's violence (``extract/events/agents.py``) and its coding as
the event's attacker, and for a country named as an owner, which is no place of the event
(``ground.owner_country``). Sentences are written for these tests."""

import pytest

from helpers.extract.events.agents import is_attacker
from helpers.extract.events.coding import code_actors, person_actor
from helpers.extract.places.ground import owner_country
from tests.test_events import reports_of


def agent(nlp, text: str, name: str) -> bool:
    """Whether the named word of the sentence is the agent of its violence."""
    doc = nlp(text)
    return is_attacker(next(t for t in doc if t.text == name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police said Hollis shot two men outside the bar.", "Hollis"),
        ("Hollis opened fire on the crowd.", "Hollis"),
        ("Hollis set off two bombs near the stadium.", "Hollis"),
        ("The bombs were detonated by Hollis near the stadium.", "Hollis"),
        ("Hollis and his cousin planted a device at the station.", "Hollis"),
        ("The suspect, Dana Hollis, was arrested on Sunday.", "Hollis"),
        ("Police identified the gunman, a 24-year-old man, Dana Hollis, on Monday.", "Hollis"),
        ("Witnesses saw a gunman named Dana Hollis at the door.", "Hollis"),
        ("Hollis was charged with murder in the shooting.", "Hollis"),
        ("Prosecutors accused Hollis of setting off the bomb.", "Hollis"),
        ("Hollis is believed to have detonated the bomb.", "Hollis"),
        ("Investigators found that Hollis shot the clerk.", "Hollis"),
    ],
)
def test_the_person_who_did_the_violence_is_its_agent(nlp, text, name):
    assert agent(nlp, text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hollis was shot twice in the chest.", "Hollis"),
        ("Hollis died of his wounds on Sunday.", "Hollis"),
        ("Gunmen shot Hollis outside the bar.", "Hollis"),
        ("Hollis told reporters that the bomb shook the building.", "Hollis"),
        ("Hollis is believed to have been killed in the blast.", "Hollis"),
        ("Hollis was charged with theft last year.", "Hollis"),
        ("When they arrived, officers found Hollis shot in the head.", "Hollis"),
        ("Hollis suffered gunshot wounds to the chest.", "Hollis"),
        ("Hollis sustained injuries in the bombing.", "Hollis"),
        ("A spokesman for the farmers, Mr. Hollis, confirmed the attacks on Sunday.", "Hollis"),
        ("Hollis condemned the bombing of the market as cowardly.", "Hollis"),
        ("Hollis witnessed the shooting from his window.", "Hollis"),
        (
            "Three watchmen were killed as they tried to fight off the attackers, a villager, Dana Hollis, "
            "told AFP.",
            "Hollis",
        ),
        (
            "Four herders were shot dead while defending the village against the attackers, a witness, "
            "Dana Hollis, told Reuters by phone.",
            "Hollis",
        ),
    ],
)
def test_a_victim_or_a_witness_is_no_agent(nlp, text, name):
    assert not agent(nlp, text, name)


def test_a_person_attacker_comes_after_an_armed_group_and_before_the_article_group():
    person = {"person_id": "dana-hollis", "canonical": "Dana Hollis"}
    group = {"actor_id": "pira", "canonical": "Provisional IRA", "category": "armed_group"}
    first, _ = code_actors([], {"civilians"}, [], "Ireland", group, person)
    assert first == [person_actor(person)]
    first, _ = code_actors([], {"civilians"}, [group], "Ireland", None, person)
    assert first[0].name == "Provisional IRA"
    first, _ = code_actors([], {"civilians"}, [], "Ireland", group, None)
    assert first[0].name == "Provisional IRA"


def test_a_medium_is_never_the_attacker():
    # an agency credited in the evidence, a station's credit the NER read as a person's name
    agency = {"actor_id": "ap", "canonical": "Associated Press", "category": "media"}
    station = {"person_id": "wxyz-detroit", "canonical": "WXYZ Detroit"}
    first, _ = code_actors(["ap"], {"civilians"}, [agency], "United States", None, station, agents=["ap"])
    assert [a.name for a in first] == ["Unidentified Armed Group (United States)"]
    person = {"person_id": "dana-hollis", "canonical": "Dana Hollis"}
    first, _ = code_actors([], {"civilians"}, [agency], "United States", None, person, agents=["ap"])
    assert first == [person_actor(person)]


def test_a_lone_attacker_named_in_the_evidence_is_the_events_actor(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "bomber": "Dana Hollis set off a bomb at a bus station in Leeds on Friday, killing two people. "
        "He was arrested on Saturday.",
        "officer": "Officer Dana Hollis shot a man who attacked a neighbour in Leeds on Friday, police said. "
        "The man, 34, died in hospital.",
    }
    reports = reports_of(tmp_path, texts)
    assert reports.loc["bomber", "actor1"] == "Dana Hollis"
    assert reports.loc["bomber", "actor1_id"] == "person:dana-hollis"
    assert reports.loc["officer", "actor1"] != "Dana Hollis"  # an officer acts for the police


@pytest.mark.parametrize(
    ("text", "country", "owner"),
    [
        ("Three soldiers were wounded, Russia's defence ministry said.", "Russia", True),
        ("The bomb went off near the US embassy in the capital.", "US", True),
        ("A car bomb exploded in Afghanistan's Helmand province.", "Afghanistan", False),
        ("A car bomb exploded in a market in Afghanistan.", "Afghanistan", False),
        # ground owned, placed in another country after it: the owner's, not there
        ("A drone hit a U.S. military outpost in northeastern Jordan.", "U.S.", True),
        ("A drone hit a U.S. military outpost on Sunday.", "U.S.", False),
    ],
)
def test_a_country_named_as_an_owner_is_no_place_of_the_event(nlp, text, country, owner):
    doc = nlp(text)
    start = text.index(country)
    place = {"kind": "country", "start_char": start, "end_char": start + len(country)}
    assert owner_country(doc, place) is owner
    assert not owner_country(doc, dict(place, kind="city"))  # only a country is read as an owner


@pytest.mark.parametrize(
    ("text", "name", "did"),
    [
        ("Hollis rented a room from the couple and later shot both of them.", "Hollis", True),
        ("Toddler Hollis Shot Dead by Cousin", "Hollis", False),
    ],
)
def test_a_joined_verb_shares_its_subject_and_a_by_agent_makes_it_suffered(nlp, text, name, did):
    assert agent(nlp, text, name) is did


def test_a_state_force_that_did_the_violence_is_the_attacker_of_civilians(tmp_path, monkeypatch):
    """A force named as the agent of the violence ("Russian forces used tanks to attack the
    oblast") attacked the civilians its figures count; a force that only tells of it ("police
    said") did not, nor one whose own soldiers the figures count."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "agent": "Kherson Oblast was shelled 60 times on Monday, the governor said. Russian forces used "
        "rockets, mortars and tanks to attack the oblast. The attacks wounded two people.",
        "told": "Police said gunmen wounded two people outside a mosque in Kano on Monday.",
        "clash": "Twenty militants and five soldiers were killed when Pakistani forces and militants "
        "clashed in Orakzai on Tuesday, officials said.",
    }
    reports = reports_of(tmp_path, texts)
    assert reports.loc["clash", "actor1"] != "Pakistani armed forces"  # its own soldiers were hit
    assert reports.loc["agent", "actor1"] == "Russian Armed Forces"
    assert reports.loc["agent", "actor2"] == "Civilians (Ukraine)"
    assert not reports.loc["told", "actor1"].startswith("Police")


def test_a_country_s_descriptive_name_of_a_group_is_its_perpetrator_there(tmp_path, monkeypatch):
    """News in Cameroon calls the Ambazonian separatists "separatist fighters"; the same words in
    another country's news name no group (ACLED's unidentified armed group)."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "cameroon": "Suspected separatist fighters killed four villagers in an attack on the town of Kumbo "
        "in Cameroon's Northwest region on Sunday, a local official said.",
        "ukraine": "Suspected separatist fighters killed four villagers in an attack on the town of Popasna "
        "in eastern Ukraine on Sunday, a local official said.",
    }
    reports = reports_of(tmp_path, texts)
    assert reports.loc["cameroon", "actor1"] == "Ambazonian separatists"
    assert reports.loc["ukraine", "actor1"] == "Unidentified Armed Group (Ukraine)"
