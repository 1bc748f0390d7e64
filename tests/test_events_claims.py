"""The armed group that claimed an attack is its attacker when the toll's sentences name none.

Sentences are written for these tests."""

from __future__ import annotations

from tests.test_events import reports_of


def test_the_group_that_claimed_the_attack_is_its_attacker(tmp_path):
    reports = reports_of(
        tmp_path,
        {
            "claimed": "A car bomb killed seven people at a bus station in Kirkuk on Monday. "
            "The Islamic State group claimed responsibility for the bombing in a statement.",
            "passive": "A roadside bomb killed three soldiers in Helmand on Sunday. "
            "Responsibility for the attack was claimed by the Taliban.",
            "told": "Gunmen killed nine villagers in Borno state on Sunday. Boko Haram said its "
            "fighters carried out the raid.",
        },
    )
    assert reports.loc["claimed"]["actor1"] == "Islamic State"
    assert reports.loc["passive"]["actor1"] == "Taliban"
    assert reports.loc["told"]["actor1"] == "Boko Haram"


def test_a_denied_or_missing_claim_names_no_attacker(tmp_path):
    reports = reports_of(
        tmp_path,
        {
            "nobody": "A car bomb killed seven people in Kirkuk on Monday. No group has claimed "
            "responsibility, though the Islamic State group has attacked the city before.",
            "denied": "A roadside bomb killed three soldiers in Helmand on Sunday. "
            "The Taliban denied responsibility.",
            "negated": "A roadside bomb killed three soldiers in Helmand on Sunday. "
            "The Taliban did not claim the attack.",
            # a group the article names twice that denies the attack is not its attacker
            "not behind": "A roadside bomb killed three soldiers in Helmand on Sunday. The Taliban "
            "said they were not behind the attack, and the Taliban blamed a rival group.",
            "involvement": "A car bomb killed seven people in Kirkuk on Monday. The Islamic State "
            "group denied any involvement; the Islamic State group has attacked the city before.",
            "the attack": "A roadside bomb killed three soldiers in Helmand on Sunday. The Taliban "
            "denied the attack, and the Taliban blamed a rival group.",
        },
    )
    assert set(reports["actor1"]) == {
        "Unidentified Armed Group (Iraq)",
        "Unidentified Armed Group (Afghanistan)",
    }
