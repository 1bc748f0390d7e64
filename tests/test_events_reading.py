"""Events as wire copy from the world's conflicts tells them (twenty-fourth stop): who fought whom
when the victims are members of an unnamed group, settlers, or civilians caught in fighting.

Sentences are written for these tests; none is copied from a corpus."""

from __future__ import annotations

from tests.test_casualties import extract
from tests.test_events import reports_of


def test_members_of_an_armed_or_backed_group_and_gang_members_are_armed(nlp):
    for text in (
        "A drone strike killed four members of a Turkmen armed group near the border on Monday.",
        "An air strike killed two members of a Russia-backed faction in the north.",
        "Police killed six suspected gang members in a shootout on Sunday.",
    ):
        (row,) = extract(nlp, text)
        assert row["victim_group"] == "militants", text
    (row,) = extract(nlp, "Gunmen killed five members of a farmers' group on Monday.")
    assert row["victim_group"] == "people"


def test_settlers_fighting_factions_and_a_hit_group_are_coded_as_acled_codes_them(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "settlers": "Israeli settlers attacked the village of Burin near Nablus, West Bank on Monday and "
        "wounded four Palestinians, the Palestinian health ministry said.",
        "factions": "Fighting between two rival factions in Zawiya, Libya on Monday killed three people, "
        "including a woman, the city's hospital said.",
        "backed": "A drone strike killed three members of an Iran-backed group near Albu Kamal, Syria "
        "on Monday, a war monitor said.",
    }
    reports = reports_of(tmp_path, texts).query("report == 0")
    coded = {key: (r.event_type, r.actor1, r.actor2) for key, r in reports.iterrows()}
    assert coded["settlers"] == (
        "Violence against civilians",
        "Settlers (Israel)",
        "Civilians (Palestinian Territory)",
    )
    armed = "Unidentified Armed Group (Libya)"
    assert coded["factions"] == ("Battles", armed, armed)
    assert coded["backed"][2] == "Unidentified Armed Group (Syria)"


def test_strikes_bombs_and_torched_buildings_are_coded_to_whoever_did_them(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        # a state whose strikes the sentence tells is its armed forces, not its government
        "state": "Turkey carried out air strikes on Tal Rifaat, Syria on Monday, killing six people, a "
        "war monitor said.",
        # guided and glide bombs are dropped from the air
        "glide": "Three Russian glide bombs hit a residential block in Zaporizhzhia, Ukraine on Monday, "
        "killing seven people, the governor said.",
        # buildings protesters set on fire make a riot
        "torched": "Protesters torched a police station and looted shops in Nampula, Mozambique on "
        "Monday, police said.",
        # the attackers killed by the guards are not the side the bombing hit
        "attackers": "Militants set off a car bomb at a hotel in Kismayo, Somalia on Monday, killing nine "
        "people. Guards shot dead three attackers, police said.",
    }
    reports = reports_of(tmp_path, texts).query("report == 0")
    coded = {key: (r.sub_event_type, r.actor1, r.actor2) for key, r in reports.iterrows()}
    assert coded["state"][:2] == ("Air/drone strike", "Turkish Armed Forces")
    assert coded["glide"] == ("Air/drone strike", "Russian Armed Forces", "Civilians (Ukraine)")
    assert coded["torched"][:2] == ("Violent demonstration", "Rioters (Mozambique)")
    assert coded["attackers"][2] == "Civilians (Somalia)"


def test_a_toll_s_parts_tell_the_sides_it_hit(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "parts": "Militants drove a truck bomb into a police post in Dera Ismail Khan, Pakistan on Monday, "
        "killing 11 people, including four policemen and seven civilians, officials said. Ten attackers "
        "were killed in the gunfight that followed, they said.",
    }
    (report,) = reports_of(tmp_path, texts).query("report == 0").itertuples()
    assert "security forces" in report.victim_sides and "civilians" in report.victim_sides
    assert report.actor2 == "Police Forces of Pakistan"  # the security forces among the parts are police


def test_fighters_killed_and_captured_are_a_battle_not_arrests():
    from helpers.extract.events.classification import classify

    kind, _ = classify([{"say"}], {"armed groups"}, {"killed", "arrested"})
    assert kind.sub_event_type == "Armed clash"
    kind, _ = classify([{"say"}], {"civilians"}, {"arrested"})
    assert kind.sub_event_type == "Arrests"


def test_a_prison_riot_is_mob_violence_and_an_attack_on_a_base_a_battle(tmp_path, monkeypatch):
    """Inmates who riot are a mob, not demonstrators facing the government whose officials speak of
    it; the dead of no known side of an attack on a base, barracks or checkpoint fell in a battle with
    the force that holds it, where those of an attack on a camp of the displaced are civilians."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "prison": "A riot at a prison in Tamara, Honduras on Tuesday left 46 inmates dead, officials said.",
        "base": "Militants stormed an army base in Bannu, Pakistan on Monday, killing 18 people, the "
        "military said.",
        "camp": "Militants attacked a camp for displaced people in Bannu, Pakistan on Monday, killing 18 "
        "people, officials said.",
    }
    reports = reports_of(tmp_path, texts).query("report == 0")
    coded = {key: (r.sub_event_type, r.actor1, r.actor2) for key, r in reports.iterrows()}
    assert coded["prison"][:2] == ("Mob violence", "Rioters (Honduras)")
    assert coded["prison"][2] != "Government of Honduras"
    assert coded["base"][0] == "Armed clash" and "Civilians (Pakistan)" not in coded["base"]
    assert coded["camp"][0] == "Attack" and coded["camp"][2] == "Civilians (Pakistan)"


def test_a_headline_riot_whose_toll_the_body_restates_is_the_body_s_incident(tmp_path, monkeypatch):
    """One prison riot told twice, by the headline and by the body's figures, is one report: the
    headline's riot types the body's fight of gangs, whose toll restates the headline's."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "riot": "GUAYAQUIL - Two inmates were killed and five injured on Sunday when rival gangs fought "
        "inside the Litoral penitentiary in Guayaquil, Ecuador, prison officials said.",
    }
    titles = {"riot": "Two inmates killed in Ecuador prison riot"}
    reports = reports_of(tmp_path, texts, titles)
    reports = reports[~reports["excluded"]]
    assert reports[["sub_event_type", "actor1", "location"]].values.tolist() == [
        ["Mob violence", "Rioters (Ecuador)", "Guayaquil"]
    ]


def test_a_rebel_army_s_name_split_by_the_ner_and_a_town_run_into_its_province(tmp_path, monkeypatch):
    """ "National Liberation Army" is the ELN, not the country's army, even when the NER splits it;
    "the town of Tame in Arauca province" tagged as one organisation is the town Tame."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "eln": "BOGOTA - Fighters of the National Liberation Army (ELN) attacked a police station in the "
        "town of Tame in Arauca province with explosives and rifles early on Monday, killing two police "
        "officers and wounding five, the national police said.",
    }
    (report,) = reports_of(tmp_path, texts).query("report == 0").itertuples()
    assert (report.actor1, report.actor2) == (
        "National Liberation Army (Colombia)",
        "Police Forces of Colombia",
    )
    assert (report.location, report.admin1) == ("Tame", "Arauca")


def test_a_headline_s_capitalised_group_word_is_no_person(tmp_path, monkeypatch):
    """ "Gang kills 30 …" names a gang, not a person called Gang who did the killing."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "gang": "PORT-AU-PRINCE - At least 30 people were killed when gunmen stormed a neighbourhood of "
        "Port-au-Prince, Haiti on Sunday, the United Nations said on Monday.",
    }
    titles = {"gang": "Gang kills 30 in Port-au-Prince, UN says"}
    reports = reports_of(tmp_path, texts, titles)
    assert reports[~reports["excluded"]]["actor1"].tolist() == ["Unidentified Armed Group (Haiti)"]


def test_a_fight_where_both_armed_sides_lost_people_is_a_battle(tmp_path, monkeypatch):
    """Soldiers and militants killed with the hostages of a siege: a battle, not an attack on civilians."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "siege": "KISMAYO - Somali forces ended a siege of a hotel in Kismayo on Sunday, killing all six "
        "militants. Nine hostages and two soldiers were killed, the police said.",
    }
    (report,) = reports_of(tmp_path, texts).query("report == 0").itertuples()
    assert report.sub_event_type == "Armed clash"
