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


def test_a_patron_or_ally_named_in_a_group_s_description_is_not_its_attacker(tmp_path):
    reports = reports_of(
        tmp_path,
        {
            "linked": "Gunmen killed 14 soldiers near Djibo on Sunday. The attack was claimed by the "
            "al Qaeda-linked JNIM.",
            "backed": "A drone strike killed four fighters of the Iran-backed Kataib Hezbollah in "
            "Baghdad on Monday.",
        },
    )
    assert reports.loc["linked"]["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"
    assert "Iran" not in reports.loc["backed"]["actor1"] + reports.loc["backed"]["actor2"]


def test_the_group_a_source_says_carried_out_the_attack_is_its_attacker(tmp_path):
    reports = reports_of(
        tmp_path,
        {
            # the group named most is not the one the police say did it
            "passive": "Gunmen killed nine villagers in Borno state on Sunday. The attack was carried "
            "out by ISWAP, the police said. Boko Haram, from which ISWAP split, has waged an "
            "insurgency in the state since 2009, and Boko Haram fighters often raid villages.",
        },
    )
    assert reports.loc["passive"]["actor1_id"] == "iswap"


def test_dissidents_of_a_group_are_their_own_attackers_not_the_group(tmp_path):
    reports = reports_of(
        tmp_path,
        {
            "dissidents": "Dissidents of the former FARC guerrilla group attacked a police station in "
            "the town of Jamundi, Colombia, on Monday, wounding two police officers.",
        },
    )
    assert reports.loc["dissidents"]["actor1_id"] == "farc_dissidents"


def test_a_group_that_governs_speaks_for_its_government_not_as_an_attacker(tmp_path):
    reports = reports_of(
        tmp_path,
        {
            "herat": "A bomb exploded in a mosque in Herat on Monday, killing seven worshippers, a Taliban "
            "government spokesman said. The Islamic State group claimed the attack.",
        },
    )
    assert reports.loc["herat"]["actor1"] == "Islamic State"


def test_the_group_a_source_blames_is_the_attacker_when_none_claimed_it(tmp_path):
    """ "Security sources blamed Islamic State militants": the group blamed attacked, as ACLED codes a
    suspected perpetrator its sources name; a claim comes before a blame, and a blamed state is no
    armed group."""
    reports = reports_of(
        tmp_path,
        {
            "blamed": "A roadside bomb struck an army patrol near the town of Tuz Khurmatu on Tuesday, "
            "killing two soldiers. Security sources blamed Islamic State militants.",
            "on": "A bomb killed four people at a market in the town of Beni on Friday. Local officials "
            "blamed the attack on the ADF.",
            "claimed": "A bomb killed four people at a market in the town of Mubi on Friday. Officials "
            "blamed Boko Haram, but ISWAP claimed responsibility for the attack.",
            "suspected": "Armed men raided a village near the town of Djugu on Tuesday, killing four people. "
            "CODECO militiamen were suspected of carrying out the attack, officials said.",
        },
    )
    assert reports.loc["suspected", "actor1_id"] == "codeco"
    assert reports.loc["blamed", "actor1"] == "Islamic State"
    assert reports.loc["on", "actor1_id"] == "adf"
    assert reports.loc["claimed", "actor1_id"] == "iswap"


def test_a_group_a_source_speaks_for_or_that_did_such_attacks_before_is_no_attacker(tmp_path):
    """ "a Taliban spokesman said" gives the toll, not its author; "has carried out similar attacks in
    the past" claims no attack; "said in a statement that it had killed 40 soldiers" claims it."""
    reports = reports_of(
        tmp_path,
        {
            "spokesman": "A bomb exploded inside a mosque in the town of Pul-e-Khumri during Friday prayers, "
            "killing six worshippers, a Taliban spokesman said. No group claimed the attack, but the "
            "Islamic State group has carried out similar attacks in the past.",
            "statement": "Gunmen ambushed an army convoy near the town of Djibo on Sunday, killing dozens of "
            "soldiers. The JNIM group said in a statement that it had killed 40 soldiers.",
        },
    )
    assert reports.loc["spokesman", "actor1"] == "Unidentified Armed Group (Afghanistan)"
    assert reports.loc["statement", "actor1_id"] == "jnim"


def test_a_state_force_a_source_blames_is_the_attacker_and_a_patron_is_none(tmp_path):
    """A source's blame names a state's force too ("…, blaming the Sudanese army"; its denial
    after it does not undo the blame); "al Qaeda-linked militants" are no al Qaeda: the group that
    claimed the ambush is the attacker."""
    reports = reports_of(
        tmp_path,
        {
            "blamed": "KHARTOUM (AFP) - A drone strike on a crowded market in the town of Kabkabiya "
            "killed at least 35 people on Wednesday, a local committee said, blaming the Sudanese "
            "army.\n\nThe army denied carrying out the strike.",
            "patron": "BAMAKO (Reuters) - Al Qaeda-linked militants ambushed a Malian army convoy near "
            "the town of Tessit on Sunday, killing at least 12 soldiers, security sources said.\n\n"
            "JNIM claimed responsibility for the ambush.",
        },
    )
    assert reports.loc["blamed"]["actor1"] == "Sudanese Armed Forces"
    assert reports.loc["patron"]["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"


def test_a_blamed_armed_group_whose_name_holds_army_is_no_state_force(tmp_path):
    """ "blamed the National Liberation Army (ELN)": the armed group, not the army of the state."""
    reports = reports_of(
        tmp_path,
        {
            "eln": "BOGOTA, Colombia - A truck packed with explosives blew up outside a military base in "
            "the province of Arauca on Tuesday, killing two soldiers, the army said. President Gustavo "
            "Petro blamed the National Liberation Army (ELN) for the attack."
        },
    )
    assert reports.loc["eln"]["actor1"] == "National Liberation Army (Colombia)"
