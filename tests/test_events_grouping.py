"""An article's figures grouped by incident: a country named alone is no other province."""

from __future__ import annotations

import pytest
import spacy

from helpers.extract.events.grouping import _sets_apart, incident_groups
from tests.test_events import reports_of


def _doc(text: str):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def _at(text: str, word: str, after: int = 0) -> int:
    return text.index(word, after)


def figure_texts(figures: str, text: str) -> list[str]:
    """The words of a report's figures (``start-end;…`` offsets into ``text``), sorted."""
    return sorted(text[int(s) : int(e)] for s, e in (f.split("-") for f in figures.split(";")))


def test_a_country_named_alone_is_the_province_its_figures_name():
    text = (
        "Nine killed in Sudan . At least nine people were killed in Kassala on Sunday . "
        "Two of them died in a hospital in Sudan . In Khartoum , a guard was killed ."
    )
    doc = _doc(text)
    sudan = {"place_id": "sd", "country": "SD", "kind": "country"}
    kassala = {"place_id": "kassala", "country": "SD", "kind": "admin1"}
    khartoum = {"place_id": "khartoum", "country": "SD", "kind": "city"}
    places = [
        dict(sudan, start_char=_at(text, "Sudan")),
        dict(kassala, start_char=_at(text, "Kassala")),
        dict(sudan, start_char=_at(text, "Sudan", 20)),
        dict(khartoum, start_char=_at(text, "Khartoum")),
    ]

    def figure(word: str, place: dict, admin1: str, above: str = "", after: int = 0) -> dict:
        start = _at(text, word, after)
        return {
            "start_char": start,
            "end_char": start + len(word),
            "superseded_by": above,
            "place_id": place["place_id"],
            "admin1": admin1,
        }

    headline = figure("Nine", sudan, "")
    total = f"{headline['start_char']}-{headline['end_char']}"
    figures = [
        headline,
        figure("nine", kassala, "Kassala", total),
        figure("Two", sudan, "", total),
        figure("a guard", khartoum, "Khartoum"),
    ]
    groups = incident_groups(figures, places, doc)
    # The headline's "Nine killed in Sudan" is the Kassala attack, with the two who died of it; it
    # was taken for a round-up of two provinces (Kassala and "Sudan"), each figure an incident.
    assert [[f["start_char"] for f in g.figures] for g in groups] == [
        [figures[0]["start_char"], figures[1]["start_char"], figures[2]["start_char"]],
        [figures[3]["start_char"]],
    ]


def test_a_round_up_of_attacks_in_one_province_is_one_incident_per_town(nlp):
    """ACLED codes one event per place and day: attacks in two towns of one province, the second
    set apart ("In a separate attack"), are two incidents, the second placed in its town; a figure without a
    town goes on telling the one before it, a town named only as where the wounded were taken tells
    no attack, a part of a city is that city's, and a spree told on is one incident."""
    text = (
        "A car bomb exploded in the town of Alder, killing at least 12 people. "
        "Another 30 were wounded. "
        "In a separate attack, gunmen stormed a post in the village of Birchford, killing four soldiers. "
        "Two people wounded in Birchford were taken to a hospital in Cedarton. "
        "A roadside bomb in the Dunmore district of Alder wounded six people. "
        "The gunmen then drove to Elmvale and shot two more people."
    )
    doc = nlp(text)

    def place(word: str, lat: float) -> dict:
        return {"place_id": word.lower(), "country": "XX", "admin1": "North", "kind": "city", "lat": lat}

    alder, birchford, cedarton, elmvale = (
        place(w, lat)
        for w, lat in (("Alder", 10.0), ("Birchford", 10.5), ("Cedarton", 11.0), ("Elmvale", 11.5))
    )
    dunmore = dict(alder, place_id="dunmore", lat=10.02)
    places = [
        dict(alder, start_char=text.index("Alder")),
        dict(birchford, start_char=text.index("Birchford")),
        dict(birchford, start_char=text.index("Birchford", text.index("Birchford") + 1)),
        dict(cedarton, start_char=text.index("Cedarton")),
        dict(dunmore, start_char=text.index("Dunmore")),
        dict(elmvale, start_char=text.index("Elmvale")),
    ]
    for row in places:
        row["lon"] = 20.0

    def figure(word: str, where: dict) -> dict:
        start = text.index(word)
        return {
            "start_char": start,
            "end_char": start + len(word),
            "superseded_by": "",
            "place_id": where["place_id"],
            "admin1": "North",
        }

    figures = [
        figure("at least 12", alder),
        figure("Another 30", alder),
        figure("four", birchford),
        figure("Two people", cedarton),
        figure("six", dunmore),
        figure("two more", elmvale),
    ]
    groups = incident_groups(figures, places, doc)
    starts = [f["start_char"] for f in figures]
    assert [([f["start_char"] for f in g.figures], g.town and g.town["place_id"]) for g in groups] == [
        ([starts[0], starts[1], starts[4]], None),
        ([starts[2], starts[3], starts[5]], "birchford"),
    ]


def test_a_sentence_naming_no_place_goes_on_telling_the_incident_set_apart_before_it(tmp_path, monkeypatch):
    """ "A second bombing hit Kunduz. It killed 12 people.": the twelve are Kunduz's, another
    province's incident than the Jalalabad bombing told before."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    text = (
        "Two suicide bombings killed 30 people in Afghanistan on Tuesday, officials said.\n\n"
        "The first bomber struck a crowded market in Jalalabad, killing 18 people.\n\n"
        "A second bombing hit a police checkpoint in Kunduz hours later. It killed 12 people and "
        "wounded nine, the police said."
    )
    reports = reports_of(tmp_path, {"two": text})
    figures = {row["location"]: figure_texts(row["figures"], text) for _, row in reports.iterrows()}
    assert figures == {"Jalālābād": ["18"], "Kunduz": ["12", "nine"]}


def test_attacks_set_apart_in_two_districts_of_one_province_are_two_incidents(tmp_path, monkeypatch):
    """Two blasts of one day in two districts of one province under one total: one report per
    district, each with its own toll (the total is their sum, in no report)."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    text = (
        "Two bombs killed 25 people in Pakistan's Khyber Pakhtunkhwa province on Friday, police said.\n\n"
        "The first bomb exploded at a cattle market in Bannu district, killing 15 people. "
        "Hours later, a second blast in Lakki Marwat district killed 10 more."
    )
    reports = reports_of(tmp_path, {"two": text})
    figures = {row["location"]: figure_texts(row["figures"], text) for _, row in reports.iterrows()}
    assert figures == {"Bannu": ["15"], "Lakki Marwat": ["10"]}


@pytest.mark.parametrize(
    ("sentence", "apart"),
    [
        ("In a separate attack, gunmen killed four soldiers.", True),
        ("Elsewhere, a roadside bomb wounded two people.", True),
        ("Police said the two shootings were unrelated.", True),
        ("He was arrested on an unrelated parole violation charge.", False),  # no violence set apart
        ("Another man was shot in the leg.", False),  # another victim
        ("Her death is likely related to the other murders, the sheriff said.", False),  # tied to them
    ],
)
def test_a_word_sets_an_incident_apart_only_as_violence_not_tied_to_the_one_told(nlp, sentence, apart):
    assert any(_sets_apart(token) for token in nlp(sentence)) is apart


def test_a_round_up_total_its_lead_places_nowhere_is_no_report_of_its_provinces(tmp_path, monkeypatch):
    """A lead's total that names no province ("Gunmen killed 11 people in two attacks"), whose
    figures lie in two provinces, is their sum: each province's attack is a report with its own
    toll and the lead's day, and the total and a restatement of it ("At least 11 have died")
    belong to none. A total naming both provinces ("in Zamfara and Katsina") is a sum too. A
    figure whose sentence names no place tells the province its paragraph named before it."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    parts = (
        "In Zamfara State, gunmen killed seven villagers in the village of Dansadau, police said.\n\n"
        "In neighbouring Katsina State, four people were killed when gunmen attacked a farm near "
        "the town of Funtua, officials said.\n\n"
        "In Kebbi State, bandits stormed a market on Sunday. The attack wounded three traders."
    )
    texts = {
        "lead": "Gunmen killed 11 people in two attacks in northern Nigeria on Sunday, police said.\n\n"
        f"{parts}\n\nAt least 11 people have died in the attacks, officials said.",
        "named": f"Gunmen killed 11 people in Zamfara and Katsina states on Sunday.\n\n{parts}",
    }
    reports = reports_of(tmp_path, texts)
    for key, text in texts.items():
        rows = reports.loc[[key]]
        tolls = {row["admin1"]: figure_texts(row["figures"], text) for row in rows.to_dict("records")}
        assert tolls == {"Zamfara": ["seven"], "Katsina": ["four"], "Kebbi": ["three"]}, key
        assert set(rows["event_date"]) == {"2016-05-08"}, key


def test_a_round_up_s_incident_is_typed_by_its_own_sentences_not_the_one_before(tmp_path):
    """The sentence before a figure's tells its attack, unless it tells another incident's figures."""
    reports = reports_of(
        tmp_path,
        {
            "round": "In Baqubah, a car bomb killed four civilians near a mosque. In Samarra, gunmen "
            "shot dead two men outside a shop."
        },
    )
    assert list(reports.sort_values("start_char")["sub_event_type"]) == [
        "Remote explosive/landmine/IED",
        "Attack",
    ]
    # the sentence before still tells the attack of a toll that names none
    (tmp_path / "alone").mkdir()
    alone = reports_of(
        tmp_path / "alone",
        {"told": "A car bomb exploded near a mosque in Baqubah on Friday. Four civilians were killed."},
    )
    assert alone.loc["told"]["sub_event_type"] == "Remote explosive/landmine/IED"


def test_a_toll_placed_only_in_its_country_is_of_the_one_province_the_other_figures_name(
    tmp_path, monkeypatch
):
    """A toll placed only in its country ("the toll from a bombing in Somalia's capital rose to 14") and
    the wounded counted in Mogadishu are of one bombing: one report, not a Mogadishu attack and an
    untyped one of Somalia."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    text = (
        "The death toll from a bombing at a market in Somalia's capital rose to 14 on Monday, police said, "
        "a day after the blast. A police officer said 30 people were wounded in Mogadishu. Initially, "
        "officials had put the toll at six dead."
    )
    reports = reports_of(tmp_path, {"toll": text})
    assert len(reports) == 1
    assert reports.loc["toll", "location"] == "Mogadishu"


def test_an_attack_told_on_an_earlier_day_in_the_same_city_is_another_report(tmp_path, monkeypatch):
    """ACLED codes one event per place and day: Saturday's siege, told after Monday's bombing (the
    article is of Tuesday 2016-05-10), is its own report with its own date and toll; the wounded of
    an attack who died a day later stay in its report."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    text = (
        "A suicide bomber blew himself up at a crowded restaurant in Kabul on Monday evening, "
        "killing seven people, police said.\n\n"
        "The Taliban claimed responsibility.\n\n"
        "On Saturday, the group had stormed a guesthouse in the city, and four people died in the "
        "siege that followed."
    )
    later = (
        "Gunmen attacked a wedding party in Kabul on Saturday, killing five guests, police said.\n\n"
        "Two of the wounded died in hospital on Monday, a doctor said."
    )
    reports = reports_of(tmp_path, {"two": text, "later": later})
    two = reports.loc[["two"]]
    assert sorted(zip(two["event_date"], (figure_texts(f, text) for f in two["figures"]))) == [
        ("2016-05-07", ["four"]),
        ("2016-05-09", ["seven"]),
    ]
    assert len(reports.loc[["later"]]) == 1
