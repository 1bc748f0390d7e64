"""Events: the side hit when the evidence names no actor of it, who attacked militants, and arrests."""

from __future__ import annotations

from helpers.extract.events.classification import classify
from helpers.extract.events.coding import code_actors
from tests.test_events import reports_of

ARMY = {"actor_id": "somali_forces", "canonical": "Somali National Army", "category": "state_force"}
SHABAAB = {"actor_id": "al_shabaab", "canonical": "al-Shabaab", "category": "armed_group"}


def names(actors):
    return [a.name for a in actors]


def test_unnamed_security_forces_hit_are_acled_s_forces_of_the_country():
    first, second = code_actors([], {"security forces", "unknown"}, [SHABAAB], "Niger")
    assert (names(first), names(second)) == (["al-Shabaab"], ["Military Forces of Niger"])
    _, second = code_actors([], {"security forces"}, [], "Kenya", unnamed_hit="police")
    assert names(second) == ["Police Forces of Kenya"]
    # Civilians named beside them stay; victims of no known side alone are still civilians.
    _, second = code_actors([], {"security forces", "civilians"}, [], "Mali")
    assert names(second) == ["Military Forces of Mali", "Civilians (Mali)"]
    assert names(code_actors([], {"unknown"}, [], "Mali")[1]) == ["Civilians (Mali)"]


def test_militants_killed_where_no_force_lost_a_man_were_hit_by_the_force_named():
    first, second = code_actors([], {"armed groups"}, [SHABAAB, ARMY], "Somalia")
    assert (names(first), names(second)) == (["Somali National Army"], ["al-Shabaab"])
    # Soldiers killed too: the group attacked, the force was hit; civilians killed with the
    # bomber: the group attacked them, and a government that blames it is no force.
    first, second = code_actors([], {"armed groups", "security forces"}, [SHABAAB, ARMY], "Somalia")
    assert (names(first), names(second)) == (["al-Shabaab"], ["Somali National Army"])
    first, _ = code_actors([], {"armed groups", "civilians"}, [SHABAAB, ARMY], "Somalia")
    assert names(first) == ["al-Shabaab"]
    government = {
        "actor_id": "state:SO:government",
        "canonical": "Government of Somalia",
        "category": "government",
    }
    assert names(code_actors([], {"armed groups"}, [government, SHABAAB], "Somalia")[0]) == ["al-Shabaab"]
    # No force named: the group named did it, an unnamed group was hit.
    first, second = code_actors([], {"armed groups"}, [SHABAAB], "Somalia")
    assert (names(first), names(second)) == (["al-Shabaab"], ["Unidentified Armed Group (Somalia)"])
    kind, cue = classify([{"say", "official"}], {"armed groups"}, {"killed"})
    assert (kind.sub_event_type, cue) == ("Armed clash", "")


def test_police_and_militants_hit_and_arrests_through_extract(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "checkpoint": "Gunmen stormed a police checkpoint in Farah province on Saturday, killing three "
        "policemen and wounding four others, officials said.",
        "operation": "Seven militants were killed on Wednesday during an operation by the Somali National "
        "Army near the town of Dhusamareb, officials said.",
        "arrests": "Authorities arrested three men suspected of smuggling explosives for Islamic State in "
        "Kirkuk on Monday, officials said.",
    }
    reports = reports_of(tmp_path, texts)
    checkpoint = reports.loc["checkpoint"]
    assert (checkpoint["actor2"], checkpoint["assoc_actor_2"]) == ("Police Forces of Afghanistan", "")
    assert checkpoint["sub_event_type"] == "Armed clash"
    operation = reports.loc["operation"]
    assert (operation["sub_event_type"], operation["actor1"]) == ("Armed clash", "Somali National Army")
    assert operation["actor2"] == "Unidentified Armed Group (Somalia)"
    # Arrests alone are an arrest, not the explosion the suspects are accused of: the country's
    # police made it (no force named), the group named was held.
    arrests = reports.loc["arrests"]
    assert (arrests["sub_event_type"], arrests["disorder_type"]) == ("Arrests", "Strategic developments")
    assert (arrests["actor1"], arrests["actor2"]) == ("Police Forces of Iraq", "Islamic State")


def test_soldiers_hit_beside_militants_when_a_state_s_force_attacked_are_its_own():
    """ "Somali forces killed 15 al-Shabaab fighters; two soldiers were wounded, a spokesman for the
    regional command said": the side hit is al-Shabaab, not the command the spokesman speaks for."""
    command = {"actor_id": "org:command", "canonical": "Regional Command", "category": "state_force"}
    first, second = code_actors(
        ["somali_forces"], {"armed groups", "security forces"}, [ARMY, SHABAAB, command], "Somalia"
    )
    assert (names(first), names(second)) == (["Somali National Army"], ["al-Shabaab"])
    # An armed group that attacked: the forces it hit are the side hit.
    first, second = code_actors(
        ["al_shabaab"], {"armed groups", "security forces"}, [ARMY, SHABAAB], "Somalia"
    )
    assert (names(first), names(second)) == (["al-Shabaab"], ["Somali National Army"])


def test_a_state_s_forces_named_by_their_role_not_their_state_are_its_military_or_police(tmp_path):
    reports = reports_of(
        tmp_path,
        {
            "federal": "A drone strike by federal forces killed 12 people at a market in Kordofan, "
            "Sudan, on Monday.",
            "federal police": "Federal police shot dead two men at a checkpoint in Sinaloa, Mexico, "
            "on Friday.",
        },
    )
    assert reports.loc["federal"]["actor1"] == "Military Forces of Sudan"
    assert reports.loc["federal police"]["actor1"] == "Police Forces of Mexico"


def test_dead_of_no_known_side_in_fighting_between_armed_sides_fell_in_a_battle(tmp_path, monkeypatch):
    """ "Clashes between rival militias killed nine people": a battle between armed sides, not an
    attack on civilians; gunmen who killed people of no known side attacked civilians; a government
    body that reported a toll is no side hit ("the health ministry said two soldiers were killed")."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "clash": "Clashes between rival militias in the port city of Misrata killed nine people and wounded "
        "20 on Sunday, medics said.",
        "attack": "Gunmen killed nine people at a market in the town of Gao on Sunday, officials said.",
        "ministry": "Two soldiers were killed in an ambush near the town of Tarmiyah on Sunday, the Iraqi "
        "Ministry of Defence said.",
    }
    reports = reports_of(tmp_path, texts)
    clash = reports.loc["clash"]
    assert (clash["sub_event_type"], clash["actor2"]) == ("Armed clash", "Unidentified Armed Group (Libya)")
    attack = reports.loc["attack"]
    assert (attack["sub_event_type"], attack["actor2"]) == ("Attack", "Civilians (Mali)")
    assert reports.loc["ministry", "actor2"] == "Military Forces of Iraq"


def test_a_group_that_attacked_a_force_which_killed_its_men_is_the_attacker(tmp_path, monkeypatch):
    """ "Al-Shabaab fighters stormed a hotel … Security forces killed all five attackers. Three
    soldiers were killed": the group attacked and the forces were hit, though the forces' killing of
    the attackers is told first; militants alone killed by soldiers stay the soldiers' operation."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "siege": "Al-Shabaab fighters stormed a hotel in the town of Beledweyne on Thursday night. Security "
        "forces killed all four attackers, a police official said. Two soldiers were killed and 11 people "
        "were wounded, he said.",
        "operation": "Soldiers killed four al-Shabaab fighters near the town of Beledweyne on Thursday, a "
        "police official said.",
    }
    reports = reports_of(tmp_path, texts)
    assert (reports.loc["siege", "actor1"], reports.loc["siege", "actor2"]) == (
        "al-Shabaab",
        "Military Forces of Somalia",
    )
    assert reports.loc["operation", "actor1"] == "Military Forces of Somalia"


def test_the_fighters_of_the_group_that_attacked_fell_to_the_force_named_and_its_attackers_to_defenders(
    tmp_path,
):
    """ "Fighting between M23 rebels and the Congolese army": the M23 fighters killed by the army are
    the rebels' own; the army is the other side, no unidentified group. "Sixteen attackers were
    killed" by the military that was attacked makes it no attacker: the Pakistani Taliban, who
    claimed the bombing, attacked it, and the soldiers among the dead make the army the side hit (the
    attackers killed are no side the bombing hit)."""
    reports = reports_of(
        tmp_path,
        {
            "m23": "GOMA, Congo (Reuters) - Fighting between M23 rebels and the Congolese army killed at "
            "least 23 civilians in the town of Sake on Sunday, a local official said.\n\n"
            "The army said it had killed 40 M23 fighters in the clashes.",
            "bannu": "PESHAWAR, Pakistan - Militants rammed two explosive-laden vehicles into the wall of "
            "an army cantonment in Bannu on Tuesday evening, killing 18 people, including five soldiers "
            "and 13 civilians, the military said.\n\n"
            "Sixteen attackers were killed in the ensuing firefight, it said.\n\n"
            "The Pakistani Taliban claimed responsibility.",
        },
    ).query("report == 0")
    coded = {key: (r.actor1, r.actor2) for key, r in reports.iterrows()}
    assert coded == {
        "m23": ("M23", "Armed Forces of the Democratic Republic of the Congo"),
        "bannu": ("Tehrik-i-Taliban Pakistan", "Pakistani armed forces"),
    }
