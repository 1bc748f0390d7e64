"""Organisations referred to by "we" and "they", and countries acting as parties after "be" or
before an organisation's name.

Every sentence is written for these tests; the places are real, the events and people are not.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.extract.mentions import acts_as_party
from helpers.nlp import build_pipeline
from tests.extracted import extracted_tables

ARTICLES = {
    "statement": (
        "Minister condemns the attack on the convoy\n\n"
        "The United Kingdom condemns the attack on the aid convoy near Aleppo. We call on all parties "
        "to respect the ceasefire.\n\n"
        "Hezbollah has sent more fighters to the border. They crossed it on Monday, and it is thought "
        "that the convoy was their target.\n"
    ),
    "quoted": (
        "Charity reports strikes\n\n"
        'Human Rights Watch documented the strikes near Idlib. "We found no military target there," '
        "said Lena Ortiz, a researcher at Human Rights Watch.\n\n"
        '"We will stay," said Omar Haddad, a farmer who lost his house.\n'
    ),
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> dict[str, pd.DataFrame]:
    return extracted_tables(tmp_path_factory.mktemp("pronouns"), ARTICLES, ("mentions", "actors"))


def pronouns(mentions: pd.DataFrame, article: str) -> list[tuple[str, str]]:
    rows = mentions[(mentions["article_id"] == article) & mentions["text"].str.fullmatch(r"(?i)we|they|it")]
    return list(zip(rows["text"], rows["actor_id"], strict=True))


def test_we_of_a_statement_is_its_writer_and_they_the_group_just_named(tables):
    found = pronouns(tables["mentions"], "statement")
    assert ("We", "uk_government") in found  # the first subject of the statement
    assert ("They", "hezbollah") in found
    assert not [text for text, _ in found if text == "it"]  # "it" is left to things
    aliases = "|".join(tables["actors"]["aliases_seen"]).split("|")
    assert "We" not in aliases and "They" not in aliases  # stand for actors, are not their names


def test_we_in_a_quotation_is_the_speakers_organisation_or_nothing(tables):
    mentions = tables["mentions"]
    found = pronouns(mentions, "quoted")
    assert found == [("We", "hrw")]  # the farmer's "we" names no organisation
    row = mentions[(mentions["article_id"] == "quoted") & (mentions["text"] == "We")].iloc[0]
    assert row["label"] == "ORG" and "no military target" in row["sentence"] and row["place_id"] == ""


@pytest.mark.parametrize(
    ("sentence", "country", "party"),
    [
        ("France is one of our most important partners in Europe.", "France", True),
        ("Turkey is a key ally in the fight.", "Turkey", True),
        ("Peru is a country of mountains and deserts.", "Peru", False),
        ("Karim conducts Iraq's National Symphony Orchestra.", "Iraq", True),
        ("He lives in Syria's capital.", "Syria", False),
    ],
)
def test_countries_as_parties_after_be_and_before_an_organisation(sentence, country, party):
    doc = build_pipeline()(sentence)
    (span,) = [ent for ent in doc.ents if ent.text == country]
    assert acts_as_party(span) is party
