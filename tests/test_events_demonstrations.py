"""Demonstrations coded as ACLED codes them: the protesters or rioters first, then who met them.

Sentences are written for these tests."""

from __future__ import annotations

from tests.test_events import reports_of


def test_a_protest_s_first_actor_is_its_protesters_and_the_second_the_force_that_met_them(tmp_path):
    reports = reports_of(
        tmp_path,
        {
            "dispersed": "Riot police fired tear gas at hundreds of protesters in Dakar on Friday, "
            "injuring 14.",
            "fired": "Soldiers opened fire on protesters in Bamako on Friday, killing three.",
            "peaceful": "Thousands of teachers staged a peaceful protest in Accra on Friday.",
            "lynched": "A mob lynched a man accused of stealing a motorcycle in Kano on Friday.",
        },
    )
    coded = {
        key: (row["sub_event_type"], row["actor1"], row["inter1"], row["actor2"])
        for key, row in reports.iterrows()
    }
    assert coded["dispersed"] == (
        "Protest with intervention",
        "Protesters (Senegal)",
        6,
        "Police Forces of Senegal",
    )
    assert coded["fired"][:3] == ("Excessive force against protesters", "Protesters (Mali)", 6)
    assert coded["fired"][3] in {"Police Forces of Mali", "Military Forces of Mali"}
    assert coded["peaceful"] == ("Peaceful protest", "Protesters (Ghana)", 6, "")
    assert coded["lynched"] == ("Mob violence", "Rioters (Nigeria)", 5, "Civilians (Nigeria)")


def test_rioters_who_clash_with_the_police_riot(tmp_path):
    reports = reports_of(
        tmp_path,
        {"riot": "Rioters torched shops and clashed with police in Mombasa; nine officers were injured."},
    )
    row = reports.loc["riot"]
    assert (row["sub_event_type"], row["actor1"], row["inter1"]) == (
        "Violent demonstration",
        "Rioters (Kenya)",
        5,
    )
    assert row["actor2"] == "Police Forces of Kenya"
