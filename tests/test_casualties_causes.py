"""Harm that is no violence: deaths and injuries of disease, disaster and accident are kept but not
counted, and tell no violent event; a drone that only landed struck nothing.

Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.test_casualties import counted, extract
from tests.test_events import reports_of
from tests.test_events_triggers import typed


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("At least 30 people have died of cholera in the province this month.", "disease: cholera"),
        ("The epidemic has killed 14 children in the district since June.", "disease: epidemic"),
        ("Six patients died from complications of the disease last week.", "disease: disease"),
        ("The deaths of nine miners were caused by a landslide, officials said.", "disaster: landslide"),
        (
            "Five pilgrims were killed in a road accident near the border on Monday.",
            "accident: road accident",
        ),
        ("Two people were killed when their minibus crashed on Sunday.", "accident: crashed"),
        ("Three villagers died after floods swept through the valley.", "disaster: floods"),
    ],
)
def test_harm_of_disease_disaster_or_accident_is_kept_but_not_counted(nlp, text, cause):
    rows = extract(nlp, text)
    assert rows and counted(rows) == []
    assert {r["exclude_reason"] for r in rows} == {f"not violence ({cause})"}


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were killed in an air strike on the town during the cholera outbreak.",
        "Gunmen killed four nurses at a clinic that treats cholera patients.",
        "A 4-year-old boy died after he accidentally shot himself with his father's gun.",
        "Three men were killed when a roadside bomb struck their car near the crash site.",
    ],
)
def test_violence_beside_a_disease_or_an_accident_still_counts(nlp, text):
    rows = extract(nlp, text)
    assert "killed" in {r["outcome"] for r in counted(rows)}
    assert not any(r["exclude_reason"].startswith("not violence") for r in rows)


def test_a_lead_of_an_outbreak_s_dead_is_no_violent_event(tmp_path):
    reports = reports_of(
        tmp_path,
        {
            "outbreak": "The measles outbreak has killed 40 children in Kalehe since January.",
            "raid": "Gunmen killed 40 villagers in Kalehe on Sunday.",
        },
    )
    outbreak = reports.loc["outbreak"]
    assert bool(outbreak["excluded"]) and outbreak["exclude_reason"] == "not violence (disease: outbreak)"
    assert not reports.loc["raid"]["excluded"]
    assert reports.loc["raid"]["event_type"] == "Violence against civilians"


def test_a_drone_is_an_air_strike_only_beside_a_word_of_attack(nlp, tmp_path):
    assert typed(nlp, "A drone landed on the roof of the ministry.") == ""
    assert typed(nlp, "A drone hit a convoy on the highway.") == "Air/drone strike"
    assert typed(nlp, "The drone strike destroyed a house.") == "Air/drone strike"
    # "no one was injured" is no harm: the report of the drone's pilot's arrest is an arrest
    reports = reports_of(
        tmp_path,
        {
            "roof": "A drone landed on the roof of the ministry in Kano. No one was injured. "
            "Police arrested the pilot on Saturday."
        },
    )
    assert reports.loc["roof"]["sub_event_type"] == "Arrests"


@pytest.mark.parametrize(
    "text",
    [
        "A driver accidentally shot himself in a crash on the interstate.",
        "A man killed in a crash on the bridge had been shot twice, the coroner said.",
        "Police are investigating a shooting that claimed a woman's life after a chase and a crash.",
    ],
)
def test_harm_that_a_word_of_violence_tells_stays_violence_though_a_crash_is_named(nlp, text):
    assert not any(r["exclude_reason"].startswith("not violence") for r in extract(nlp, text))


def test_drones_and_missiles_shot_down_are_no_victims_and_their_downing_disrupts_weapons_use(nlp, tmp_path):
    assert counted(extract(nlp, "Air defences shot down 12 drones and two missiles over the capital.")) == []
    reports = reports_of(tmp_path, {"downed": "Air defences shot down 12 drones over Odesa on Friday."})
    assert reports.loc["downed"]["sub_event_type"] == "Disrupted weapons use"
