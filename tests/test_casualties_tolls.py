"""The article toll of incidents told by place and of updated lists of counts.

Test sentences are written for these tests in the style of wire copy.
"""

from __future__ import annotations

import pytest

from helpers.extract.casualties import extract_casualties
from tests.test_casualties import article_from, article_tolls


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A total told first, then its incidents by province: the total, not the total and the parts.
        (
            "Taliban kill nine police officers in two attacks\n\n"
            "At least nine police officers were killed in two attacks on checkpoints, officials said. "
            "In Kandahar province, gunmen killed five officers. "
            "In Herat province, an attack on a checkpoint killed four officers.",
            {"killed": 9},
        ),
        # A verb with its own subject has its own victims: not "shot and killed".
        (
            "Five people were shot and one was killed at the apartments early Sunday.",
            {"killed": 1, "injured": 4},
        ),
        # Named victims listed together are the victims of the toll already given.
        (
            "Two men were shot and killed at a car wash on Sunday, police said. "
            "Ray Ames, 22, and Lee Barton, 30, were gunned down as they waited in line.",
            {"killed": 2},
        ),
        # Every count of the list after "up from" is the toll the update replaces.
        (
            "Thirty-two people were killed and 51 wounded in the raid, the group said. "
            "The toll is up from 27 dead and 47 wounded reported on Wednesday.",
            {"killed": 32, "injured": 51},
        ),
        # The killer who took his own life is not one of the people he killed.
        (
            "Police said the man shot his wife and two neighbours, killing all three, "
            "then killed himself in the garage.",
            {"killed": 4, "injured": 0},
        ),
        # ... but a child who shot himself is the victim the other figures count.
        (
            "Police are investigating the fatal shooting of an 8-year-old girl in the suburbs. "
            "The 8-year-old girl fatally shot herself with a handgun on Monday, police said.",
            {"killed": 1},
        ),
        (
            "A gunman shot and killed two people at a bar on Sunday, police said. "
            "Deputies said the suspect was found dead in his car hours later.",
            {"killed": 3},
        ),
        # ... but the man police killed is the suspect they name after.
        (
            "Police shot and killed a man outside a bank on Sunday. "
            "The suspect had opened fire on officers, the chief said.",
            {"killed": 1},
        ),
        # "Both X and Y" counts X and Y, not two of X.
        ("Both the driver and his passenger were killed in the ambush.", {"killed": 2}),
        ("Police said Newson shot both Daniel and Ismael outside the store.", {"injured": 2}),
        # "Life-threatening" describes the injuries; it threatens nobody.
        ("Police said three people had non-life-threatening injuries.", {"injured": 3}),
        # A wound "to the chest" hurt nobody else: it is its holder's.
        ("She died of a gunshot wound to the chest and injuries to the head.", {"killed": 1}),
        ("A 13-year-old suffered a gunshot wound to the hand while hunting.", {"injured": 1}),
        ("Both young men and a woman were wounded, police said.", {"injured": 3}),
        # A list of single people that the parser reads as an apposition; a description is none.
        ("Rebels killed a farmer, a teacher, and a nurse in the village.", {"killed": 3}),
        ("The victim, a father and a husband, was killed on Sunday.", {"killed": 1}),
        # A hyphenated word the parser splits is one victim.
        ("A man accused of killing his ex-wife was arrested on Monday.", {"killed": 1, "arrested": 1}),
        # The of-object of a massacre, a slaying or an assassination was killed.
        ("Police arrested a man in the slaying of a teen on Sunday.", {"killed": 1, "arrested": 1}),
        ("Rebels were blamed for the massacre of 14 fishermen.", {"killed": 14}),
        # The victim of a death is also its possessor.
        ("A woman was charged on Monday in her husband's shooting death.", {"killed": 1}),
        (
            "Police arrested two men over the fatal shooting of 15-year-old Ann Lee.",
            {"killed": 1, "arrested": 2},
        ),
        # Others told in a sentence of their own are added when a later total of the group
        # adds them up: the total restates the sum.
        (
            "Three Hezbollah members were killed when a drone struck their car in south Lebanon. "
            "Another four Hezbollah members were killed in a strike on a house in the town of "
            "Kfar Kila overnight. Hezbollah announced the deaths of seven of its fighters on Saturday.",
            {"killed": 7},
        ),
        # "the number of people wounded" is a toll; "the number" alone counts no one.
        ("The number of people wounded in the blast rose to 19 on Monday.", {"injured": 19}),
        # Without such a total, "another" in a sentence of its own restates the toll.
        (
            "Three Hezbollah members were killed when a drone struck their car in south Lebanon. "
            "Another three Hezbollah members were killed in the strike, officials said.",
            {"killed": 3},
        ),
    ],
)
def test_article_tolls(project_nlp, text, expected):
    assert article_tolls(project_nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # An age, whatever its case or hyphens, is no count.
        "8-Year-Old Fatally Shot by Cousin While Playing With Gun\n\nAn 8-year-old boy was shot and killed.",
        "A death investigation is under way after a 16-year old was shot and killed on Monday.",
        # A day of a month is no count, even right before the outcome word.
        "One of the men hurt in a shooting at the fair on Sept. 4 died Saturday morning.",
        # A bare number between commas after a noun is an age.
        "Boy, 16, dies after being accidentally shot by his brother",
        "Police said Ann Lee, 34, was shot in the leg on Sunday.",
        # ... also at the end of a headline; and a parent's children are no count.
        "Teen shoots, kills man, 18\n\nThe man was shot in his home on Sunday.",
        "Father of 5 killed in shooting outside a store",
        # An age with "old" left out, hyphenated or not, and a span of years: no count.
        "Deputies said a 15-year-girl was shot and killed at a park on Friday.",
        "Officers found that a 9-year boy had been shot in the arm.",
        "The officer, a 12-year-veteran of the department, was wounded.",
    ],
)
def test_ages_and_days_are_not_counts(project_nlp, text):
    doc = project_nlp(text)
    article = article_from(text, kinds={0: "title"} if "\n\n" in text else None)
    rows = extract_casualties(doc, article)
    assert {r["low"] for r in rows if r["low"] is not None} <= {1}


def test_an_age_after_a_name_without_its_closing_comma_or_written_short_is_no_count(project_nlp):
    named = (
        "Deputies said Ann Reeves, 64 and Bo Reeves, 66 were found shot to death at their home on Saturday."
    )
    short = "Police said a 25 y/o man and a 43 y/o man were shot and killed on Friday."
    for text in (named, short):
        rows = extract_casualties(project_nlp(text), article_from(text))
        assert {r["low"] for r in rows} <= {1, 2}, text
    rows = extract_casualties(project_nlp(short), article_from(short))
    assert sorted(r["text"] for r in rows) == ["a 25 y/o man", "a 43 y/o man"]
    headline = "2 Dead, 3 Wounded In West Side Shooting"  # "2 Dead" may be tagged a person: no name
    rows = extract_casualties(project_nlp(headline), article_from(headline))
    assert sorted(r["low"] for r in rows) == [2, 3]


def test_an_attempted_murder_killed_nobody(nlp):
    text = "Six men were indicted for the attempted murders of five teenagers outside a store."
    rows = extract_casualties(nlp(text), article_from(text))
    assert [(r["low"], r["scope"]) for r in rows] == [(5, "hypothetical")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A family of N is N people, in a headline or a sentence; a family alone is one victim.
        ("Family of 4 found dead in apparent murder-suicide", {"killed": 4}),
        ("Police said a family of five was found shot to death inside the house.", {"killed": 5}),
        ("Gunmen killed a family of three on the road to the market.", {"killed": 3}),
    ],
)
def test_a_family_of_n_counts_its_people(project_nlp, text, expected):
    assert article_tolls(project_nlp, text) == expected
