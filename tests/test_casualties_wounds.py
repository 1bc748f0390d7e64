"""Casualty figures of people left with wounds, and headlines the parser runs into the body."""

from __future__ import annotations

import pytest

from tests.test_casualties import counted, extract, totals_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the others have their own outcome: not dead like the first object
        (
            "The blast left one man dead and at least four others with shrapnel wounds.",
            {"killed": 1, "injured": 4},
        ),
        (
            "The ambush left two people dead and three others with minor injuries.",
            {"killed": 2, "injured": 3},
        ),
        (
            "The gunman killed one guard and left five others with gunshot wounds.",
            {"killed": 1, "injured": 5},
        ),
        ("The fire left seven residents with burn injuries.", {"injured": 7}),
        # a person with a wound found dead stays dead
        ("A girl with a gunshot wound was found dead in the car.", {"killed": 1}),
        # those who escaped with wounds were hurt; without them, not
        (
            "Gunmen killed six herders near the market. Two other herders escaped with injuries, "
            "an official said.",
            {"killed": 6, "injured": 2},
        ),
        ("Gunmen killed six herders. Two other herders escaped without injuries.", {"killed": 6}),
    ],
)
def test_left_with_wounds_is_injured(nlp, text, expected):
    assert totals_of(extract(nlp, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "6 shot near a park in Dayton\n\nOfficers are looking for a gray car.",
        "Three shot outside a bar downtown\n\nWitnesses told officers the men argued first.",
    ],
)
def test_headline_shot_read_into_the_next_paragraph(nlp, text):
    rows = counted(extract(nlp, text, kinds={0: "title"}))
    assert [(r["outcome"], r["low"], r["rule"].split("+")[0]) for r in rows] == [
        ("injured", int(text[0]) if text[0].isdigit() else 3, "headline_shot")
    ]


def test_headline_shot_as_a_noun_in_a_sentence_counts_nobody(nlp):
    assert counted(extract(nlp, "One shot was fired into the air.\nOfficers found the casing.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two farmers were hit by shrapnel when the mortar landed near the market.", {"injured": 2}),
        ("A stray round hit a boy playing outside his grandmother's house.", {"injured": 1}),
        ("The first man fell and a second man was hit in the shoulder.", {"injured": 1}),
        ("A guard was struck and killed by sniper fire at the gate.", {"killed": 1}),
    ],
)
def test_hit_by_a_projectile_or_in_a_body_part_is_harmed(nlp, text, expected):
    assert totals_of(extract(nlp, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A cyclist was hit by a delivery van on the bridge.",
        "The district was hit by heavy shelling overnight.",
        "Riot police were hit by stones and bottles.",
        "The storm hit two villages on the coast.",
    ],
)
def test_hit_by_anything_else_is_no_figure(nlp, text):
    assert not counted(extract(nlp, text))


def test_taken_away_for_care_or_into_custody_is_no_abduction(nlp):
    """ "taken away" abducts ("gunmen took away 27 students"), but people taken away in ambulances or
    on stretchers are carried for care, and a suspect taken away in handcuffs or by police is arrested."""
    rows = extract(
        nlp,
        "A witness saw people being taken away in ambulances. Four wounded were taken away on stretchers.\n"
        "The suspect was taken away in handcuffs. Two men were taken away by police.\n"
        "Gunmen took away 27 students from the school.",
    )
    assert [(r["text"], r["outcome"]) for r in rows if r["outcome"] != "injured"] == [
        ("The suspect", "arrested"),
        ("Two", "arrested"),
        ("27", "kidnapped"),
    ]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "A suicide bomber killed at least 11 people, most of them soldiers, at a checkpoint.",
            "security forces",
        ),
        ("The explosion killed 20 people, all of them civilians.", "civilians"),
        ("Air strikes killed 30 people, mostly women and children, in the market.", "civilians"),
        ("Gunmen killed 12 people, many of them police officers, on the highway.", "security forces"),
        ("Gunmen killed 12 people on the highway on Monday.", "unknown"),
    ],
)
def test_a_count_of_people_takes_the_side_its_composition_tells(nlp, text, side):
    assert [r["victim_side"] for r in counted(extract(nlp, text))] == [side]
