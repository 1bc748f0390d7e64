"""Tests for casualty cues of US local news: harm wished away, headline "fatally shot", "all over".

All sentences are written for these tests.
"""

import pytest

from tests.test_casualties import counted, extract, totals_of


@pytest.mark.parametrize(
    "sentence",
    [
        "We could be mourning a death tonight, a neighbour said.",
        "Please don't let my son die, his mother prayed in the ambulance.",
        "The nurses would not allow the girl to die, she said.",
    ],
)
def test_a_death_wished_away_or_only_possible_is_no_figure(nlp, sentence):
    rows = extract(nlp, sentence)
    assert not counted(rows)
    assert all(r["scope"] == "hypothetical" for r in rows)


@pytest.mark.parametrize(
    "sentence",
    [
        "They were mourning a death in the family on Sunday.",
        "Witnesses said the robbers let the wounded clerk die on the floor.",
    ],
)
def test_a_death_that_happened_still_counts(nlp, sentence):
    assert totals_of(extract(nlp, sentence)) == {"killed": 1}


def test_fatally_in_a_headline_read_as_a_noun_makes_the_victim_killed(nlp):
    rows = extract(nlp, "Sister of 6-year-old fatally shot speaks out")
    assert totals_of(rows) == {"killed": 1}


def test_all_over_is_no_qualifier(nlp):
    rows = extract(nlp, "When it was all over one man was killed and two others were shot.")
    assert totals_of(rows) == {"killed": 1, "injured": 2}


def test_over_before_a_number_is_still_a_qualifier(nlp):
    rows = extract(nlp, "Over 20 people were killed in the fighting.")
    assert [(r["low"], r["high"]) for r in counted(rows)] == [(21, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The boy was one of four teens between the ages of 13 and 16 wounded in the attack.",
        "Police said the ages of those wounded ranged from 15 to 19.",
    ],
)
def test_numbers_listed_after_ages_are_no_count(nlp, sentence):
    rows = extract(nlp, sentence)
    assert not any(r["low"] in {13, 15, 16, 19} for r in rows)


def test_a_count_before_the_ages_still_counts(nlp):
    rows = extract(nlp, "Three men, aged 19, 22 and 30, were wounded outside the bar.")
    assert totals_of(rows) == {"injured": 3}
