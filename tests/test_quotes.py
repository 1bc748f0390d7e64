"""Tests for helpers.extract.quotes: quote marks, attribution before/after, partial and
indirect speech, the seed."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.extract.persons import extract_persons
from helpers.extract.quotes import extract_quotes, quote_spans
from helpers.tables import columns
from tests.test_persons import make_article, seed_article


def quotes(nlp, text: str) -> pd.DataFrame:
    article = make_article(text)
    return pd.DataFrame(extract_quotes(nlp(text), article), columns=columns("quotes"))


def test_quote_spans_pairs_marks_and_skips_apostrophes():
    text = 'He said “the region’s forces will stay” and «nothing else» or "maybe".'
    assert [text[a + 1 : b] for a, b in quote_spans(text)] == [
        "the region’s forces will stay",
        "nothing else",
        "maybe",
    ]
    assert quote_spans("It’s the army’s job") == []


def test_quote_spans_inside_a_window_of_the_text():
    """Only the marks between ``start`` and ``end`` count; an unclosed quote runs to ``end``, and
    a mark at the window's edge sees a space beyond it."""
    text = "“Old” words. She said: “we ’ll hold the bridge and then ‘rest’."
    start = text.index("She")
    assert [text[a + 1 : b] for a, b in quote_spans(text, start)] == [
        "we ’ll hold the bridge and then ‘rest’."
    ]
    inner = text.index("‘")
    assert [text[a + 1 : b] for a, b in quote_spans(text, inner, len(text) - 1)] == ["rest"]
    assert quote_spans(text, 0, 5) == [(0, 4)]
    assert quote_spans(text, 5, start) == []
    assert quote_spans("a ” b") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='ab .,“”‘’"«»:\n', max_size=60))
def test_quote_spans_never_crash_and_stay_in_bounds(text):
    for start, end in quote_spans(text):
        assert 0 <= start < end <= len(text)


def test_speaker_after_the_quote(nlp):
    frame = quotes(
        nlp,
        "“We will not allow the militants to return,” said Colonel Ahmed Hassan, a spokesman "
        "for the Joint Operations Command.",
    )
    row = frame.iloc[0]
    assert (row["speaker"], row["cue"], row["kind"]) == ("Ahmed Hassan", "say", "direct")
    assert row["quote"] == "We will not allow the militants to return"


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ('"', '"')])
def test_speaker_after_a_quote_closed_after_its_comma(nlp, opening, closing):
    """Plain-text news writes straight marks; the comma before the closing mark is no attribution."""
    text = (
        "Colonel Ahmed Hassan spoke to reporters on Sunday. "
        f"{opening}The roads to the city are open again,{closing} Hassan said."
    )
    row = quotes(nlp, text).iloc[-1]
    assert (row["speaker"], row["quote"]) == ("Ahmed Hassan", "The roads to the city are open again")


def test_speaker_before_the_quote_and_surname(nlp):
    text = (
        "Governor Najmaldin Karim spoke to reporters on Sunday.\n\n"
        "Karim said: “The city is safe and the roads are open.”\n\n"
        "“We need more support from Baghdad,” added Karim."
    )
    frame = quotes(nlp, text)
    direct = frame[frame["kind"] == "direct"]
    assert list(direct["speaker"]) == ["Najmaldin Karim", "Najmaldin Karim"]
    assert list(direct["cue"]) == ["say", "add"]
    assert (direct["speaker_id"] == "najmaldin-karim").all()


def test_pronoun_resolves_to_previous_person(nlp):
    text = (
        "Hoshyar Zebari criticised the plan on Monday.\n\n"
        "“This decision will only deepen the crisis,” he warned."
    )
    row = quotes(nlp, text).query("kind == 'direct'").iloc[0]
    assert (row["speaker"], row["cue"]) == ("Hoshyar Zebari", "warn")


def test_partial_and_indirect_speech(nlp):
    text = (
        "Defence Minister Khalid al-Obeidi called for “a unified command” in the north. "
        "He told reporters that the army would retake the town within weeks."
    )
    frame = quotes(nlp, text)
    partial = frame[frame["kind"] == "partial"].iloc[0]
    assert (partial["quote"], partial["speaker"], partial["cue"]) == (
        "a unified command",
        "Khalid al-Obeidi",
        "call",
    )
    indirect = frame[frame["kind"] == "indirect"]
    assert "the army would retake the town within weeks" in set(indirect["quote"])
    assert set(indirect["speaker"]) == {"Khalid al-Obeidi"}


def test_according_to_gives_indirect_speech(nlp):
    frame = quotes(nlp, "Three soldiers were killed near the border, according to Kurdish officials.")
    row = frame.iloc[0]
    assert (row["kind"], row["speaker"]) == ("indirect", "Kurdish officials")
    assert row["quote"] == "Three soldiers were killed near the border"


def test_unbalanced_and_odd_marks_do_not_crash(nlp):
    text = (
        "“We will stay, said the commander, Ali Saleh.\n\n"
        'Stray ” marks ‘ and " everywhere « without » sense ’.\n\n'
        "“"
    )
    frame = quotes(nlp, text)
    article = make_article(text)
    for row in frame.itertuples():
        assert text[row.start_char : row.end_char] == row.quote
        assert article.is_extractable(row.start_char, row.end_char)


def test_scare_quotes_have_no_speaker(nlp):
    frame = quotes(nlp, "The so-called “caliphate” collapsed in 2017.")
    assert list(frame["speaker"]) == [""]
    assert list(frame["kind"]) == ["partial"]


@pytest.fixture(scope="module")
def seed_quotes(nlp) -> pd.DataFrame:
    article = seed_article()
    doc = nlp(article.text)
    return pd.DataFrame(extract_quotes(doc, article, persons=extract_persons(doc, article)))


def test_seed_direct_quotes_attributed(seed_quotes):
    direct = seed_quotes[seed_quotes["kind"] == "direct"]
    assert list(direct["speaker"]) == ["Qaraman Sheikh Kamal"] * 3 + ["Kaabi"]
    assert list(direct["cue"]) == ["say", "add", "add", "warn"]
    assert direct.iloc[-1]["quote"].startswith("Da’esh is seeking")


def test_seed_partial_and_indirect_speakers(seed_quotes):
    speakers = dict(zip(seed_quotes["quote"], seed_quotes["speaker"]))
    assert speakers["all sides"] == "Nasser al-Harki"
    assert speakers["intensifying operations to track down terrorists"] == "Kaabi"
    assert speakers["the danger of inaction"] == "Kaabi"
    assert any(
        q.startswith("a security meeting was held") and s == "Nasser al-Harki" for q, s in speakers.items()
    )
    assert set(seed_quotes["speaker"]) >= {"Qaraman Sheikh Kamal", "Nasser al-Harki", "Kaabi"}


def test_seed_quotes_skip_repeated_and_credit_paragraphs(seed_quotes):
    article = seed_article()
    assert all(
        article.is_extractable(s, e) for s, e in zip(seed_quotes["start_char"], seed_quotes["end_char"])
    )
    assert all(
        article.text[s:e] == q
        for s, e, q in zip(seed_quotes["start_char"], seed_quotes["end_char"], seed_quotes["quote"])
    )
