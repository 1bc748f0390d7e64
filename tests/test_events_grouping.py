"""An article's figures grouped by incident: a country named alone is no other province."""

from __future__ import annotations

import spacy

from helpers.extract.events.grouping import incident_groups


def _doc(text: str):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def _at(text: str, word: str, after: int = 0) -> int:
    return text.index(word, after)


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
    assert [[f["start_char"] for f in g] for g in groups] == [
        [figures[0]["start_char"], figures[1]["start_char"], figures[2]["start_char"]],
        [figures[3]["start_char"]],
    ]
