"""Tests for helpers.numbers: number words, digits, qualifiers and vague amounts."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.extract.casualties.numbers import VAGUE_LOW_BOUNDS, Quantity, parse_number, parse_quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ten", 10),
        ("twenty-five", 25),
        ("Twenty five", 25),
        ("2,000", 2000),
        ("17", 17),
        ("one hundred and five", 105),
        ("a hundred", 100),
        ("a dozen", 12),
    ],
)
def test_parse_number_words_and_digits(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["first", "fifth", "3.5", "hello", "", "dozens"])
def test_parse_number_rejects_non_cardinals(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("three", 3, 3, "exact"),
        ("at least ten", 10, None, "at least"),
        ("more than 2,000", 2001, None, "more than"),
        ("over 50", 51, None, "over"),
        ("up to 15", None, 15, "up to"),
        ("nearly 30", None, 30, "nearly"),
        ("almost forty", None, 40, "almost"),
        ("about 30", 30, 30, "approx"),
        ("some 30", 30, 30, "approx"),
        ("around twenty", 20, 20, "approx"),
        ("approximately 12", 12, 12, "approx"),
        ("no more than 3", None, 3, "no more than"),
        ("fewer than 5", None, 4, "fewer than"),
        ("10 or more", 10, None, "or more"),
    ],
)
def test_parse_quantity_qualifiers(text, low, high, qualifier):
    quantity = parse_quantity(text)
    assert (quantity.low, quantity.high, quantity.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("a few", 3),
        ("several", 3),
        ("dozens", 24),
        ("tens", 20),
        ("scores", 40),
        ("hundreds", 200),
        ("thousands", 2000),
    ],
)
def test_vague_quantities_have_documented_low_bounds(text, low):
    quantity = parse_quantity(text)
    assert quantity.low == low and quantity.high is None and quantity.qualifier == "vague"
    assert VAGUE_LOW_BOUNDS[text] == low


def test_single_article_counts_one():
    assert parse_quantity("an") == Quantity(1, 1, "exact", 1)
    assert parse_quantity("one") == Quantity(1, 1, "exact", 1)
    assert parse_quantity("a couple") == Quantity(2, 2, "exact", 2)
    assert parse_quantity("a dozen") == Quantity(12, 12, "exact", 12)
    assert parse_quantity("about a dozen") == Quantity(12, 12, "approx", 12)


def test_non_quantities():
    assert parse_quantity("the") is None
    assert parse_quantity("at least") is None


def test_best_uses_the_known_bound():
    assert parse_quantity("up to 15").best == 15
    assert parse_quantity("more than 20").best == 21
    assert parse_quantity("about 30").best == 30


@given(st.integers(min_value=0, max_value=10**7))
def test_digits_round_trip(value):
    assert parse_number(f"{value:,}") == value
    assert parse_quantity(f"at least {value}").low == value
