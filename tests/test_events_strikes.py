"""The attacker of an air strike or a shelling is the owner of the weapon (issue #19).

Sentences are written for these tests; none is copied from a corpus.
"""

from helpers.extract.events.strikes import strike_owner
from tests.test_events import reports_of


def test_the_owner_of_the_drone_or_the_strikes_is_the_attacker_and_the_named_group_its_target(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "drone": "A Turkish drone struck a car near Kobani on Tuesday, killing four fighters of the "
        "Syrian Democratic Forces, a monitor said.",
        "strikes": "Israeli air strikes killed six Hamas members in the south of Gaza on Wednesday, "
        "health officials said.",
        "regime": "Syrian regime air raids killed seven civilians in a market of Idlib province on "
        "Thursday, rescuers said.",
        "group": "Islamic State militants attacked a checkpoint near Kirkuk on Monday, killing three "
        "soldiers, officials said.",
    }
    reports = reports_of(tmp_path, texts)
    assert reports.loc["drone", "actor1_id"] == "state:TR:armed_forces"
    assert reports.loc["drone", "actor2"] == "Syrian Democratic Forces"
    assert reports.loc["strikes", "actor1_id"] == "state:IL:armed_forces"
    assert reports.loc["regime", "actor1_id"] == "state:SY:armed_forces"  # a government's strikes
    assert reports.loc["group", "actor1_id"] == "isis"  # no weapon's owner: the group named


def test_a_strike_without_an_owner_gives_none(nlp):
    doc = nlp("Air strikes killed five civilians in a village on Monday.")
    assert strike_owner(list(doc.sents), []) is None


def test_a_strike_word_the_tagger_misreads_is_still_owned_by_its_adjective(nlp):
    """The small model tags "shelling" of "Russian shelling wounded 11" an auxiliary; its
    modifier still names the owner."""
    doc = nlp("Russian shelling wounded 11 civilians in Sumy Oblast on Monday, the governor said.")
    owner = strike_owner(list(doc.sents), [])
    assert owner is not None and owner["actor_id"] == "state:RU:armed_forces"


def test_a_strike_a_state_owns_is_an_air_strike_by_its_forces_and_a_workers_strike_is_none(
    tmp_path, monkeypatch
):
    """A bare "strike" is the weapon's only when a state or a force owns it: "killed in a Turkish
    strike" is an air strike by Turkey's armed forces, whatever group the sentence names before it;
    a dockworkers' strike that ended in a shooting is none."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "owned": "Kurdish officials said the PKK had fighters in the area. Separately, three people were "
        "killed in a Turkish strike near Qamishli on Friday, a monitor said.",
        "workers": "Two men were shot dead during a dockworkers' strike in the port of Durban on Friday, "
        "police said.",
    }
    reports = reports_of(tmp_path, texts)
    assert reports.loc["owned", "sub_event_type"] == "Air/drone strike"
    assert reports.loc["owned", "actor1_id"] == "state:TR:armed_forces"
    assert reports.loc["workers", "sub_event_type"] != "Air/drone strike"
