"""Organisations referred to by "we" and "they" or described ("the group", "the militants"),
dictionary names written as common nouns ("the coalition"), and countries acting as parties after
"be", before an organisation's name or as the object of an action.

Every sentence is written for these tests; the places are real, the events and people are not.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.nlp import build_pipeline
from helpers.nlp.state_rules import acts_as_party
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
    "described": (
        "Jets strike positions near Raqqa\n\n"
        "Aircraft of the Global Coalition against Daesh struck Islamic State positions near Raqqa on "
        "Tuesday. The group has lost most of its ground this year, and the coalition said this "
        "terrorist organisation would be defeated.\n\n"
        "Militants fired mortars at the town. A group of farmers fled, and the campaign group that "
        "counts the dead said Kurdish fighters held the bridge.\n"
    ),
    "undescribed": (
        "Storms close roads\n\n"
        "The group of volunteers cleared the roads. Militants of the storm season were not seen.\n"
    ),
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> dict[str, pd.DataFrame]:
    return extracted_tables(tmp_path_factory.mktemp("pronouns"), ARTICLES, ("mentions", "actors"))


def org_rows(mentions: pd.DataFrame, article: str) -> dict[str, str]:
    rows = mentions[(mentions["article_id"] == article) & (mentions["label"] == "ORG")]
    return dict(zip(rows["text"], rows["actor_id"], strict=True))


def test_descriptions_of_an_armed_group_are_the_group_named_before(tables):
    found = org_rows(tables["mentions"], "described")
    assert found["The group"] == found["this terrorist organisation"] == found["Militants"] == "isis"
    assert found["coalition"] == "coalition_oir"  # named in full before
    assert not {"A group", "the campaign group", "group", "Kurdish fighters", "fighters"} & set(found)


def test_descriptions_without_an_armed_group_named_before_are_left_out(tables):
    assert org_rows(tables["mentions"], "undescribed") == {}


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
        ("The UK is committed to supporting the Iraqi government.", "UK", True),
        ("Ministers reaffirmed their support for Iraq in the fight.", "Iraq", True),
        ("The alliance will keep working closely with Turkey on security.", "Turkey", True),
        ("We thank our ally Jordan for the close coordination.", "Jordan", True),
        ("The delegation will visit Iraq next week.", "Iraq", False),
        ("Strikes in Syria destroyed two bridges.", "Syria", False),
    ],
)
def test_countries_as_parties_after_be_and_before_an_organisation(sentence, country, party):
    doc = build_pipeline()(sentence)
    (span,) = [ent for ent in doc.ents if ent.text == country]
    assert acts_as_party(span) is party
