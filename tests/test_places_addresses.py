"""Street addresses of the scene ("the 2100 block of Carver Avenue") and the events they link: the
follow-ups of a shooting name its scene again weeks later, when no date window reaches them.

Sentences are written for these tests."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import spacy

from helpers.aggregate.event_links import report_addresses
from helpers.extract.places.addresses import addresses_by_report, street_addresses
from helpers.run import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers went to the 2100 block of N. Carver Ave. at 2 a.m.", ["2100 carver avenue"]),
        ("The woman was found at 2134 Carver Avenue, police said.", ["2100 carver avenue"]),
        ("Shots were fired in the 400 block of West 38th Street on Sunday.", ["400 38th street"]),
        (
            "A crash closed the 900 block of Martin Luther King Jr. Blvd. for hours.",
            ["900 martin luther king jr boulevard"],
        ),
        ("The shop at 200 South Street was robbed.", ["200 south street"]),
        ("In 2016 Main Street was rebuilt, and 12 people attended.", []),
        ("Two men were shot near Carver Avenue and 5th Street.", []),
    ],
)
def test_a_street_address_is_read_with_its_block_and_its_street_type_written_out(nlp, text, expected):
    assert [a.key for a in street_addresses(nlp(text))] == expected


def test_an_address_outside_every_reports_evidence_is_the_lead_incidents():
    doc_addresses = street_addresses(spacy.blank("en")("x 100 block of Elm Street y 7 Oak Road"))
    assert addresses_by_report(["0-3", "24-40"], doc_addresses) == ["100 elm street", "0 oak road"]


def test_an_article_naming_several_addresses_is_a_round_up_and_its_addresses_link_nothing():
    reports = pd.DataFrame(
        {
            "article_id": ["lead", "round-up", "round-up"],
            "report": [0, 0, 1],
            "addresses": ["100 elm street", "100 elm street;200 oak road", "300 pine lane"],
        }
    )
    assert report_addresses(reports) == {"lead#0": {"address:100 elm street"}}


def _events(tmp_path, monkeypatch, records: list[dict]) -> pd.DataFrame:
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    extract(corpus, tmp_path / "out", progress=False)
    return pd.read_parquet(tmp_path / "out" / "events.parquet")


def test_a_follow_up_weeks_later_joins_the_shooting_whose_scene_it_names_again(tmp_path, monkeypatch):
    records = [
        {
            "id": "shooting",
            "date": "2016-05-10",
            "text": "DAYTON, Ohio — A woman was shot and killed Monday night in the 2100 block of Carver "
            "Avenue, Dayton police said.\n\nOfficers found her on the porch of a house.",
        },
        {
            "id": "charged",
            "date": "2016-06-21",
            "text": "DAYTON, Ohio — A man was charged Tuesday with murder in the death of a woman who was "
            "shot and killed on the porch of a house at 2134 Carver Ave.\n\n"
            "The man is being held in the county jail.",
        },
        {
            "id": "other",
            "date": "2016-06-21",
            "text": "DAYTON, Ohio — A man was shot and killed Monday in the 800 block of Wayne Avenue, "
            "Dayton police said.",
        },
    ]
    events = _events(tmp_path, monkeypatch, records)
    joined = [ids for ids in events["article_ids"] if "charged" in ids]
    assert joined == ["news:shooting;news:charged"], list(events["article_ids"])
    scene = events.loc[events["article_ids"] == joined[0], "addresses"].item()
    assert scene == "2100 carver avenue"
    assert events.loc[events["article_ids"] == joined[0], "event_date"].item() == "2016-05-09"
