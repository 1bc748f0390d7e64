"""Tests for the site of an event's scene (``helpers.extract.places.sites``) and its columns.

Sentences are written for these tests.
"""

import pandas as pd
import pytest
import spacy

from helpers import config
from helpers.aggregate.event_ged import ged_view
from helpers.aggregate.event_links import join_by_people, report_sites
from helpers.aggregate.event_merge import cluster_reports
from helpers.aggregate.events import events_table
from helpers.extract.places.sites import TownMentions, names_building, scene_site, site_key
from tests.test_events import keys, report, reports_of


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(config.default_model())


def site_of(nlp, text: str, places: tuple[dict, ...] = (), place_id: str = "") -> str | None:
    found = scene_site(nlp(text).sents, TownMentions.of(places), place_id)
    return found.text if found else None


def mention(text: str, name: str, place_id: str, precision: int = 1) -> dict:
    start = text.index(name)
    return {"start_char": start, "end_char": start + len(name), "place_id": place_id, "precision": precision}


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # after a scene preposition: a street, a square, a named venue
        ("Gunfire broke out on Harmon Boulevard late on Friday.", "Harmon Boulevard"),
        ("Two men were stabbed outside the Blue Parrot Lounge early on Sunday.", "Blue Parrot Lounge"),
        ("A grenade exploded in Liberty Square during the rally.", "Liberty Square"),
        # a site word before the name, as what the violence struck
        ("Insurgents shelled Camp Delaram overnight, wounding four soldiers.", "Camp Delaram"),
        ("Fighters stormed the Sunrise Palms hotel and took guests hostage.", "Sunrise Palms hotel"),
        # through a noun in apposition, and through a block number
        ("The bomb damaged a shop on the busy avenue Rue des Lilas in the old town.", "Rue des Lilas"),
        ("A teenager was shot in the 400 block of Elm Street on Tuesday.", "Elm Street"),
        # a lower-case site word, with a modifier, after a name that is no town
        ("The attack at the Crescent Gate shopping mall killed nine people.", "Crescent Gate shopping mall"),
        # a place of care only as what the violence struck
        ("Jets bombed the Northgate Medical Center, killing 12 patients.", "Northgate Medical Center"),
    ],
)
def test_the_site_of_a_scene(nlp, text, site):
    assert site_of(nlp, text) == site


@pytest.mark.parametrize(
    "text",
    [
        "A bomb went off in a Mosul market on Monday.",  # the town's market, no name of its own
        "He died at Northgate Medical Center two days later.",  # where the wounded died
        "The wounded were taken to Riverside Regional Hospital.",
        "Fighters from Camp Tessit attacked the village.",  # an origin, not the scene
        "The suspect was booked into the Marlow County Jail on Friday.",  # where a suspect was held
        "The governor visited Harmon Boulevard last year.",  # no scene preposition, no violence
    ],
)
def test_no_site_where_the_name_is_not_the_scene(nlp, text):
    assert site_of(nlp, text) is None


def test_a_name_that_is_a_town_mention_is_no_site(nlp):
    text = "Three people were killed in Fort Mercer on Sunday."
    assert site_of(nlp, text) == "Fort Mercer"
    assert site_of(nlp, text, (mention(text, "Fort Mercer", "gn:1"),), "gn:1") is None


def test_a_town_before_a_site_word_makes_it_the_towns(nlp):
    text = "Police found the man shot at a Dunmore house on Friday."
    assert site_of(nlp, text, (mention(text, "Dunmore", "gn:1"),), "gn:1") is None
    text = "Two teenagers were shot in Harlow's Riverside Park late on Sunday."
    assert site_of(nlp, text, (mention(text, "Harlow", "gn:1"),), "gn:1") == "Riverside Park"
    text = "Three men were shot in Harlow's Park on Sunday."
    assert site_of(nlp, text, (mention(text, "Harlow", "gn:1"),), "gn:1") is None
    assert site_of(nlp, "He was hurt in a crash on a Sept. 25 drive to the coast.") is None


def test_a_sentence_naming_another_town_gives_no_site(nlp):
    text = "A second bomb went off in Unity Square near the Dalsen market, in Korvan."
    places = (mention(text, "Korvan", "gn:2"),)
    assert site_of(nlp, text, places, "gn:1") is None  # the report's event is in another town
    assert site_of(nlp, text, places, "gn:2") == "Unity Square"
    province = (mention(text, "Korvan", "gn:3", precision=3),)
    assert site_of(nlp, text, province, "gn:1") == "Unity Square"  # a province holds the town


def test_a_follow_up_naming_the_venue_at_the_town_joins_the_event_weeks_later():
    reports = [
        report("shooting", "2016-04-02", "gn:1", killed=1, injured=3),
        report("trial", "2016-09-20", "gn:1", killed=1, injured=3),  # no date window reaches it
        report("elsewhere", "2016-11-30", "gn:2", killed=1, injured=3, lat=40.1),  # another town's
    ]
    frame = pd.DataFrame(
        {
            "article_id": [r["key"] for r in reports],
            "report": [0, 0, 0],
            "place_id": ["gn:1", "gn:1", "gn:2"],
            "site": ["the Blue Parrot Lounge", "Blue Parrot Lounge", "Blue Parrot Lounge"],
        }
    )
    links = {key.split("#")[0]: found for key, found in report_sites(frame).items()}
    events = join_by_people(cluster_reports(reports, {}), links)
    assert keys(events) == [["elsewhere"], ["shooting", "trial"]]
    streets = frame.assign(site="Main Street")  # a street sees many incidents: no link
    assert report_sites(streets) == {}


def test_site_key_and_buildings():
    assert site_key("The Blue Parrot Lounge") == "blue parrot lounge"
    assert names_building("Blue Parrot Lounge") and names_building("Camp Delaram") is False
    assert not names_building("Harmon Boulevard")


def test_reports_and_events_carry_the_site_in_their_columns_and_notes(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "venue": "Two people were killed and five wounded when a gunman opened fire outside the Blue "
        "Parrot Lounge in Memphis, Tennessee, on Saturday night, police said.",
        "town": "Two people were killed in a shooting in Memphis, Tennessee, on Saturday, police said.",
    }
    reports = reports_of(tmp_path, texts)
    venue = reports.loc["venue"]
    assert venue["site"] == "Blue Parrot Lounge"
    start, end = (int(x) for x in venue["site_span"].split("-"))
    assert texts["venue"][start:end] == "Blue Parrot Lounge"
    assert "at Blue Parrot Lounge, Memphis" in venue["notes"]
    assert reports.loc["town", "site"] == "" and "in Memphis" in reports.loc["town", "notes"]
    events = events_table(
        reports.reset_index(drop=True),
        pd.read_parquet(tmp_path / "out" / "casualties.parquet"),
        pd.read_parquet(tmp_path / "out" / "articles.parquet"),
    )
    venue_event = events[events["article_ids"].str.contains("venue")]
    assert list(venue_event["site"]) == ["Blue Parrot Lounge"]
    ged = ged_view(venue_event)
    assert list(ged["where_description"]) == ["Blue Parrot Lounge, Memphis"]
