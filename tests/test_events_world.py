"""Events of the world's conflicts as wire copy tells them (twenty-sixth stop): who fought whom when
a group's officer or a force at a checkpoint is hit, who held the detained, who owns a strike, a
patron named beside the attacker, vigilantes, bodies found shot, and a day that tells when an
operation began.

Sentences are written for these tests; none is copied from a corpus."""

from __future__ import annotations

import pytest

from tests.test_events import reports_of


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    """Each test parses into a cache of its own."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))


def _current(reports):
    return reports[~reports["excluded"]]


def test_an_armed_group_that_kills_police_and_a_civilian_fights_a_battle(tmp_path):
    """ACLED codes an armed group's attack on a force as a battle, the civilians with the force its
    dead; the force that fires on a crowd still attacks civilians."""
    texts = {
        "checkpoint": "Boko Haram fighters killed three policemen and a trader at a checkpoint outside "
        "Maiduguri, Nigeria on Sunday, an army spokesman said.",
        "crowd": "Soldiers opened fire on a crowd in Kano, Nigeria on Sunday, killing three civilians and "
        "a policeman, witnesses said.",
    }
    reports = _current(reports_of(tmp_path, texts))
    assert reports.loc["checkpoint", "sub_event_type"] == "Armed clash"
    assert reports.loc["checkpoint", "actor1"] == "Boko Haram"
    assert reports.loc["crowd", "sub_event_type"] == "Attack"


def test_a_group_s_commander_is_the_group_not_the_country_s_army(tmp_path):
    """ "A Hezbollah military commander" killed is the group's: neither his word "military" nor his
    rank makes the Lebanese army the side hit."""
    texts = {
        "strike": "BEIRUT - An Israeli air strike on a flat in Tyre, Lebanon killed a Hezbollah military "
        "commander and two other people on Tuesday, the health ministry said.",
    }
    (report,) = _current(reports_of(tmp_path, texts)).itertuples()
    assert (report.actor1, report.actor2) == ("Israeli Armed Forces", "Hezbollah")


def test_bodies_found_with_gunshot_wounds_are_an_attack(tmp_path):
    texts = {
        "bodies": "Police found the bodies of seven men with gunshot wounds in a ravine near Culiacan, "
        "Mexico on Monday, prosecutors said.",
    }
    (report,) = _current(reports_of(tmp_path, texts)).itertuples()
    assert (report.event_type, report.sub_event_type) == ("Violence against civilians", "Attack")


def test_a_day_in_a_relative_clause_dates_its_own_verb_not_the_figure(tmp_path):
    """ "Injured in the operation, which began late Tuesday" is of the Wednesday gunfight: one event."""
    texts = {
        "gunfight": "SRINAGAR - Indian troops killed two militants in a gunfight in Shopian district of "
        "Kashmir on Wednesday, police said. A soldier was injured in the operation, which began late "
        "Tuesday after troops surrounded a village.",
    }
    (report,) = _current(reports_of(tmp_path, texts)).itertuples()
    assert report.victim_sides == "armed groups; security forces"


def test_people_detained_by_an_armed_group_were_held_by_it_not_by_the_police(tmp_path):
    """The one who held them is the figures' perpetrator ("detained by the M23 fighters"), also
    after "the"; the state's police make the arrests no actor names."""
    texts = {
        "rebels": "Scores of young men were detained by the M23 fighters in Rutshuru, Congo on Saturday, "
        "a local official said.",
        "police": "Officers arrested nine suspected members of the Pakistani Taliban in Quetta, Pakistan "
        "on Monday.",
    }
    reports = _current(reports_of(tmp_path, texts))
    assert reports.loc["rebels", "sub_event_type"] == "Arrests"
    assert tuple(reports.loc["rebels", ["actor1", "actor2"]]) == (
        "M23",
        "Civilians (Democratic Republic of the Congo)",
    )
    assert tuple(reports.loc["police", ["actor1", "actor2"]]) == (
        "Police Forces of Pakistan",
        "Tehrik-i-Taliban Pakistan",
    )


def test_a_force_that_says_it_struck_owns_the_strike(tmp_path):
    """ "The U.S. military said it carried out an air strike": "it" is the military, the attacker
    (its headline's "US strike" and the body's civilians unharmed notwithstanding)."""
    texts = {
        "strike": "MOGADISHU - The U.S. military said it carried out an air strike against al-Shabaab "
        "militants near the town of Jilib in southern Somalia on Monday, killing three of them. It said no "
        "civilians were hurt. The strike was conducted at the request of the Somali government.",
    }
    titles = {"strike": "US strike kills al-Shabaab militants in Somalia"}
    reports = _current(reports_of(tmp_path, texts, titles))
    assert set(zip(reports["actor1"], reports["actor2"])) == {("US forces", "al-Shabaab")}


def test_shelling_by_a_force_a_car_bombing_s_toll_and_militiamen_fighting_the_army(tmp_path):
    """The force after "by" shelled; a car bombing is a bomb; civilians killed in fighting between the
    army and militiamen died in a battle of the two."""
    texts = {
        "shelling": "BEIRUT - Shelling by Syrian government forces killed three farmers in the village of "
        "Maarat al-Numan in Idlib province, Syria on Sunday, rescuers said.",
        "bombing": "KABUL - The death toll from Friday's car bombing near a market in Kabul, Afghanistan "
        "rose to 17 on Sunday, officials said.",
        "fighting": "Fighting between the army and Fano militiamen raged on Monday in Bahir Dar, Ethiopia, "
        "residents said. Nine civilians were killed, a doctor said.",
    }
    reports = _current(reports_of(tmp_path, texts))
    assert reports.loc["shelling", "actor1"] == "Syrian government forces"
    assert reports.loc["bombing", "sub_event_type"] == "Remote explosive/landmine/IED"
    assert reports.loc["fighting", "sub_event_type"] == "Armed clash"
    assert "Fano" in set(reports.loc[["fighting"], ["actor1", "actor2"]].iloc[0])


def test_the_killers_of_militants_are_not_their_own_side_nor_a_bombing_campaign_a_bomb(tmp_path):
    """Militants killed "after clashes with the IS militants" were not killed by IS: the force that
    retook the villages regained them; a town seized despite a bombing campaign was overtaken."""
    texts = {
        "retaken": "Iraqi security forces on Monday freed three villages from Islamic State militants in "
        "northern Iraq, security sources said. In Anbar province, the security forces and allied tribal "
        "fighters recaptured the village of Zuwiya near Haditha after clashes with the IS militants, leaving "
        "at least nine militants killed, a local official said.",
        "seized": "SANAA - Houthi rebel fighters seized the capital of a northwestern province on Sunday "
        "despite a Saudi-led bombing campaign, killing four soldiers, officials said.",
    }
    reports = _current(reports_of(tmp_path, texts))
    assert tuple(reports.loc["retaken", ["sub_event_type", "actor1"]]) == (
        "Government regains territory",
        "Iraqi Security Forces",
    )
    assert reports.loc["seized", "sub_event_type"] == "Non-state actor overtakes territory"


def test_a_force_s_officer_hurt_in_its_shootout_is_its_own(tmp_path):
    """Police who shot dead suspects of no named side fought an unidentified armed group; the officer
    hurt in the gunfight is theirs, not a second force they fought."""
    texts = {
        "shootout": "KANO - Police shot dead four suspected armed robbers in a gunfight in Kano, Nigeria on "
        "Friday, a police spokesman said. One officer was wounded.",
    }
    (report,) = _current(reports_of(tmp_path, texts)).itertuples()
    assert (report.actor1, report.actor2) == (
        "Police Forces of Nigeria",
        "Unidentified Armed Group (Nigeria)",
    )


def test_a_group_named_only_as_a_patron_is_not_the_attacker(tmp_path):
    """ "Jihadists linked to al Qaeda" are not al Qaeda: the group that claimed the attack did it."""
    texts = {
        "claimed": "NIAMEY - Jihadists linked to al Qaeda killed 17 villagers in an attack on the village of "
        "Tassia in western Niger on Friday, local officials said. JNIM claimed the attack on Saturday.",
    }
    (report,) = _current(reports_of(tmp_path, texts)).itertuples()
    assert report.actor1 == "Jama'at Nusrat al-Islam wal-Muslimin"


def test_vigilantes_who_kill_bandits_are_a_mob(tmp_path):
    """ACLED codes vigilantes' violence as mob violence, also when those they kill are armed bandits."""
    texts = {
        "vigilantes": "KATSINA - Vigilantes foiled an attack by bandits on the village of Dutsin Kura in "
        "Katsina state, Nigeria on Sunday, killing seven of the bandits, police said.",
    }
    (report,) = _current(reports_of(tmp_path, texts)).itertuples()
    assert report.sub_event_type == "Mob violence"
