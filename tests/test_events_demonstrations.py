"""Demonstrations and agreements coded as ACLED codes them: the protesters or rioters first, then who
met them; an agreement's two parties.

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


def test_a_crowd_hurling_stones_at_the_police_riots_and_the_lead_s_event_takes_the_toll(tmp_path):
    """The lead tells the riot ("supporters clashed with police, hurling stones"), the figures its toll
    ("one police officer was killed"): one report, a violent demonstration with that toll, not an armed
    clash of an unidentified armed group beside a second, toll-less riot."""
    text = (
        "Supporters of the opposition clashed with police in Lusaka on Saturday, hurling stones and "
        "setting tyres on fire. One police officer was killed and at least 40 people were injured, "
        "officials said."
    )
    reports = reports_of(tmp_path, {"riot": text})
    assert len(reports) == 1
    row = reports.loc["riot"]
    assert (row["sub_event_type"], row["actor1"], row["actor2"]) == (
        "Violent demonstration",
        "Rioters (Zambia)",
        "Police Forces of Zambia",
    )
    assert "One killed" in row["notes"]


def test_a_lead_telling_the_figures_own_event_is_no_second_report(tmp_path):
    text = (
        "Gunmen looted a clinic and burned shops in the village of Dalori near Maiduguri on Sunday "
        "night, residents said. No one was hurt, they said."
    )
    reports = reports_of(tmp_path, {"loot": f"Gunmen loot clinic near Maiduguri\n\n{text}"})
    assert list(reports["sub_event_type"]) == ["Looting/property destruction"]


def test_the_parties_of_an_agreement_are_its_two_actors(tmp_path):
    text = "The Sudanese army and the Rapid Support Forces signed a ceasefire in Jeddah on Saturday."
    row = reports_of(tmp_path, {"truce": text}).loc["truce"]
    assert (row["sub_event_type"], row["actor1"], row["actor2"]) == (
        "Agreement",
        "Sudanese Armed Forces",
        "Rapid Support Forces",
    )


def test_a_protest_whose_figures_are_arrests_is_one_protest_with_intervention(tmp_path):
    text = (
        "Thousands of students marched through Lilongwe on Tuesday against a rise in fees. Police "
        "fired tear gas to disperse them and arrested at least 25, a rights group said."
    )
    reports = reports_of(tmp_path, {"march": text}, {"march": "Thousands protest in Lilongwe"})
    assert list(reports["sub_event_type"]) == ["Protest with intervention"]
    assert (reports.loc["march", "actor1"], reports.loc["march", "actor2"]) == (
        "Protesters (Malawi)",
        "Police Forces of Malawi",
    )


def test_petrol_bombs_thrown_in_rioting_are_the_riot_s_and_elsewhere_an_explosion(tmp_path):
    reports = reports_of(
        tmp_path,
        {
            "riot": "Youths threw petrol bombs and stones at police during a night of rioting in Lurgan, "
            "Northern Ireland, on Friday, injuring six officers, police said.",
            "bomb": "A petrol bomb thrown at a house in Lurgan, Northern Ireland, on Friday injured two "
            "people, police said.",
        },
    )
    assert (reports.loc["riot", "sub_event_type"], reports.loc["riot", "actor1"]) == (
        "Violent demonstration",
        "Rioters (United Kingdom)",
    )
    assert reports.loc["bomb", "event_type"] == "Explosions/Remote violence"


def test_protesters_who_clash_with_the_police_riot_and_soldiers_who_clash_with_rebels_fight(tmp_path):
    reports = reports_of(
        tmp_path,
        {
            "protest": "Protesters clashed with riot police outside the parliament in the city of Nakuru on "
            "Tuesday, officials said.",
            "battle": "Soldiers clashed with rebels near the town of Beni on Tuesday, officials said.",
        },
    )
    assert reports.loc["protest", "sub_event_type"] == "Violent demonstration"
    assert reports.loc["battle", "sub_event_type"] == "Armed clash"


def test_a_headline_naming_no_place_or_only_the_country_tells_the_riot_of_the_figures(tmp_path):
    """A headline's riot without figures over the figures of that riot in Guayaquil is that riot,
    not a second one at the dateline's Quito, whether it names no place or only Ecuador."""
    body = (
        "QUITO, Ecuador (Reuters) - At least 15 inmates were killed and 14 injured in a riot between "
        "rival gangs at a prison in the port city of Guayaquil on Monday, the prison agency said."
    )
    titles = {"bare": "Deadly prison riot", "country": "Deadly riot at Ecuador prison"}
    reports = reports_of(tmp_path, {key: body for key in titles}, titles)
    assert reports.groupby(level=0)["location"].apply(list).to_dict() == {
        "bare": ["Guayaquil"],
        "country": ["Guayaquil"],
    }
