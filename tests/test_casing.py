"""Case-normalised parsing: text in capitals and Title Case headlines parsed from a recased copy."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.articles import Article, Paragraph
from helpers.nlp import build_pipeline
from helpers.nlp.case_lexicon import case_lexicon, casing_files
from helpers.nlp.casing import normalise_case
from helpers.nlp.parse import parse_text, texts_to_parse, title_span

CAPITALS = (
    "BAGHDAD (REUTERS) - GUNMEN KILLED FOUR SOLDIERS NEAR KIRKUK ON 5 MAY, GENERAL HASSAN "
    "KARIM SAID ON WEDNESDAY. THE U.S.-LED COALITION SAID IT WAS INVESTIGATING."
)


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline()


@pytest.fixture(scope="module")
def lexicon(pipeline):
    return case_lexicon(pipeline)


def test_capitals_are_recased_word_by_word(lexicon):
    recased = normalise_case(CAPITALS, lexicon)
    assert len(recased) == len(CAPITALS)
    assert recased.startswith("Baghdad (Reuters) - Gunmen killed four soldiers near Kirkuk on 5 May")
    assert "General Hassan Karim said on Wednesday" in recased
    assert "The U.S.-led coalition" in recased


def test_mixed_case_text_is_left_alone(lexicon):
    text = "MOSUL, Iraq (Reuters) - Two soldiers were killed, the IS group said.\n\nREAD MORE"
    assert normalise_case(text, lexicon) is text


def test_title_case_headline_is_recased(lexicon):
    text = "Gunmen Kill Ten In Raid On Village Near Kirkuk\n\nGunmen killed ten people."
    recased = normalise_case(text, lexicon, title=(0, text.index("\n")))
    assert recased.startswith("Gunmen kill ten in raid on village near Kirkuk\n\n")
    assert normalise_case(text, lexicon) is text  # without a headline span nothing is recased


def test_is_in_capitals_is_a_verb_not_islamic_state(pipeline):
    doc = parse_text(pipeline, "THE SITUATION IS CALM, A POLICE OFFICER IN THE CITY SAID ON MONDAY.")
    assert doc.text == "THE SITUATION IS CALM, A POLICE OFFICER IN THE CITY SAID ON MONDAY."
    assert ("IS", "ORG") not in {(e.text, e.label_) for e in doc.ents}


def test_parse_keeps_the_original_text_and_finds_entities(pipeline):
    doc = parse_text(pipeline, CAPITALS)
    assert doc.text == CAPITALS
    found = {(e.text, e.label_) for e in doc.ents}
    assert {("BAGHDAD", "GPE"), ("KIRKUK", "GPE")} <= found
    assert any(label == "PERSON" and "HASSAN KARIM" in text for text, label in found)


def test_pieces_of_a_long_text_in_capitals_keep_their_offsets(pipeline):
    text = "\n\n".join([CAPITALS] * 120)  # longer than one parse piece
    pieces = texts_to_parse(pipeline, text)
    assert len(pieces) > 1
    assert "".join(original or piece for piece, original in pieces) == text
    assert all(len(piece) == len(original) for piece, original in pieces if original)


def test_a_long_text_partly_in_capitals_parses_in_pieces(pipeline):
    mixed = "Gunmen killed four soldiers near Kirkuk on Monday, officials said."
    text = "\n\n".join([CAPITALS] * 60 + [mixed] * 200)  # pieces recased and pieces as written
    doc = parse_text(pipeline, text)
    assert doc.text == text
    assert {e.text for e in doc.ents} >= {"BAGHDAD", "Kirkuk"}


def test_title_span_is_the_headline_paragraph():
    article = Article("a", "a.txt", text="Head\n\nBody", paragraphs=[Paragraph(0, 0, 4, "title")])
    assert title_span(article) == (0, 4)
    assert title_span(Article("b", "b.txt", paragraphs=[Paragraph(0, 0, 4, "body")])) is None


def test_recaser_files_are_in_the_pipeline_key():
    names = {Path(path).name for path in casing_files()}
    assert {"casing.py", "case_lexicon.py", "calendar_words.csv", "geo_demonyms.csv"} <= names
    assert all(Path(path).is_file() for path in casing_files())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_recasing_never_changes_length_or_non_letters(lexicon, text):
    for candidate in (text, text.upper()):
        recased = normalise_case(candidate, lexicon, title=(0, len(candidate)))
        assert len(recased) == len(candidate)
        assert all(
            a == b or a.lower() == b.lower() or a.upper() == b.upper() for a, b in zip(candidate, recased)
        )


def test_places_of_a_text_in_capitals_are_no_words_and_no_articles(pipeline):
    from helpers.extract.places import places

    text = "THE TROOPS IN THAT NORTHERN REGION OF EL SALVADOR REFUSE TO ADVANCE. THE UNITED STATES SENT AID."
    rows = places.resolve_places(
        parse_text(pipeline, text), Article("t", "t.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))])
    )
    resolved = {(r["text"], r["country"]) for r in rows if r["place_id"]}
    # "NORTHERN" is an adjective (no Northern Province of Papua New Guinea); "THE" is no part of a name
    assert resolved == {("EL SALVADOR", "SV"), ("UNITED STATES", "US")}
