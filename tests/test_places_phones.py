"""The phone numbers an article gives name its area (issue #19).

Every sentence and number is written for the test; none is copied from a corpus.
"""

import pytest

from helpers.articles import Article, Paragraph
from helpers.extract.places import resolve_places
from helpers.extract.places.phone_areas import phone_areas


def _resolved(nlp, text: str) -> dict[str, tuple[str | None, str | None]]:
    article = Article("t", "t.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))])
    return {r["text"]: (r["country"], r["admin1"]) for r in resolve_places(nlp(text), article)}


LOUNGE = (
    "One man was killed and two were hurt in a shooting at a Birmingham lounge early Friday, police said."
)


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        # a bare town shared with a bigger one abroad: the number's state tells which
        (f"{LOUNGE} Anyone with information is asked to call 205-555-0147.", "Birmingham", ("US", "Alabama")),
        (f"{LOUNGE} Tips may be left at (205) 555-0147.", "Birmingham", ("US", "Alabama")),
        # a toll-free number names no area: the town keeps its reading without context
        (f"{LOUNGE} Tips may be left at 1-800-555-0147.", "Birmingham", ("GB", "England")),
        (LOUNGE, "Birmingham", ("GB", "England")),
        # a Canadian number: London, Ontario
        (
            "Two men were wounded in a shooting in London on Sunday. Witnesses may call 519-555-0192.",
            "London",
            ("CA", "Ontario"),
        ),
    ],
)
def test_a_phone_numbers_area_places_the_articles_bare_towns(nlp, text, name, place):
    assert _resolved(nlp, text)[name] == place


def test_a_reading_the_number_supports_cites_it_as_evidence(nlp):
    text = f"{LOUNGE} Anyone with information is asked to call (205) 555-0147."
    article = Article("t", "t.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))])
    (row,) = [r for r in resolve_places(nlp(text), article) if r["text"] == "Birmingham"]
    assert row["resolution"] == (
        "resolved: article context; the article's phone number (205) 555-0147 is of Alabama"
    )


def test_dates_ids_and_money_are_no_phone_numbers():
    text = "On 2016-12-23 case 2016-004512 was filed; bail was $1,500,000 and the report number 12345678."
    assert phone_areas(text) == []
