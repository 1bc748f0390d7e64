"""A state's forces named without their state ("Soldiers killed two militants", "police shot a
man") are the country's own, coded as ACLED codes an unnamed force; "two of them" counts from the
group named before it.

Sentences are written for these tests."""

from __future__ import annotations

import spacy

from helpers.extract.casualties.nouns import plural_referent
from helpers.extract.events.coding import unnamed_force
from helpers.knowledge.casualty_lexicon import load_lexicon
from tests.test_events import reports_of


def test_a_bare_force_noun_is_the_country_s_unnamed_force():
    assert unnamed_force(["Soldiers"]) == "state_force"
    assert unnamed_force(["", "the security forces"]) == "state_force"
    assert unnamed_force(["two police officers"]) == "police"
    assert unnamed_force(["Riot police"]) == "police"
    for other in ("rebels", "gunmen", "pro-government forces", "rebel forces", ""):
        assert unnamed_force([other]) == "", other


def test_them_counts_from_the_nearest_group_named_before_it(nlp):
    lexicon = load_lexicon()
    doc = nlp("Police clashed with militants near the border, killing two of them.")
    them = next(t for t in doc if t.lower_ == "them")
    assert plural_referent(them, lexicon).text == "militants"
    alone = nlp("They said two of them had been taken.")
    assert plural_referent(next(t for t in alone if t.lower_ == "them"), lexicon) is None
    assert plural_referent(spacy.blank("en")("him")[0], lexicon) is None


def test_violence_by_an_unnamed_force_is_coded_to_the_country_s_forces(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "soldiers": "Soldiers killed two militants in Peshawar, Pakistan on Monday, officials said.",
        "police clash": "Police clashed with militants in Peshawar, Pakistan on Monday, killing two of them.",
        "pilgrims": "Gunmen stopped a bus of pilgrims near Quetta, Pakistan on Monday and shot six of them.",
        "rebels": "Rebels killed two soldiers in Peshawar, Pakistan on Monday, officials said.",
        # the force that stopped or arrested the attacker did not do the harm
        "stopped": "A gunman killed two worshippers at a mosque in Peshawar, Pakistan on Monday. "
        "Police shot the gunman dead.",
        "arrested": "Police arrested a man who shot two people in Peshawar, Pakistan on Monday.",
    }
    reports = reports_of(tmp_path, texts).query("report == 0")
    coded = {key: (r.event_type, r.actor1, r.actor2) for key, r in reports.iterrows()}
    armed, civilians = "Unidentified Armed Group (Pakistan)", "Civilians (Pakistan)"
    assert (coded.pop("stopped")[1], coded.pop("arrested")[1]) == (armed, armed)
    assert coded == {
        "soldiers": ("Battles", "Military Forces of Pakistan", armed),
        "police clash": ("Battles", "Police Forces of Pakistan", armed),
        "pilgrims": ("Violence against civilians", armed, civilians),
        "rebels": ("Battles", armed, "Military Forces of Pakistan"),
    }


def test_a_force_named_by_a_word_the_model_read_as_a_name_is_the_country_s(tmp_path, monkeypatch):
    """ "Regime forces shelled the village": the model's organisation "Regime", which the dictionary
    lacks, is the word of a state's forces, coded to the country's military."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "regime": "Regime forces shelled the village of Kafr Nabl in Idlib province on Tuesday, killing "
        "three civilians, a war monitor said."
    }
    reports = reports_of(tmp_path, texts)
    assert reports.loc["regime", "actor1"] == "Military Forces of Syria"


def test_a_force_that_ran_the_operation_or_fought_the_dead_is_the_attacker(tmp_path, monkeypatch):
    """ "killed during a police operation" names the police as the ones who killed; "killed in a
    gunfight with security forces" names the side that fought the dead; "an attack with grenades"
    names a weapon, no side."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "operation": "Six men were killed during a police operation in a slum of Karachi, Pakistan on "
        "Monday, officials said.",
        "gunfight": "Four militants were killed in a gunfight with security forces near Peshawar, "
        "Pakistan on Monday, police said.",
        "grenades": "Two shopkeepers were killed in an attack with grenades in Peshawar, Pakistan on "
        "Monday, police said.",
    }
    reports = reports_of(tmp_path, texts).query("report == 0")
    attackers = {key: r.actor1 for key, r in reports.iterrows()}
    assert attackers == {
        "operation": "Police Forces of Pakistan",
        "gunfight": "Military Forces of Pakistan",
        "grenades": "Unidentified Armed Group (Pakistan)",
    }
