"""When a casualty figure happened: background incidents told without a date of their own.

Test sentences are written for these tests in the style of wire copy.
"""

from __future__ import annotations

from helpers.articles import Article, Paragraph
from helpers.extract.casualties import extract_casualties
from tests.test_casualties import article_from, extract

LEAD = (
    "Gunmen attacked a police post in the north of the country, killing two officers.\n\n"
    "Police said the attackers fled after the Tuesday raid.\n\n"
    "The governor condemned the killing.\n\n"
    "Officials said more patrols would be sent to the area.\n\n"
)


def scopes(rows: list[dict]) -> list[tuple[int, str]]:
    return [(r["low"], r["scope"]) for r in rows]


def test_the_first_day_the_body_names_dates_the_incident(nlp):
    """The lead's figure names no day, "the Tuesday raid" does: Sunday and November 11 are earlier."""
    rows = extract(nlp, LEAD + "On Sunday, gunmen killed five herders in a nearby village.")
    assert scopes(rows) == [(2, "current"), (5, "background")]
    assert rows[1]["scope_reason"] == "an earlier day than the first day the article names"
    rows = extract(nlp, LEAD + "On November 11, bandits ambushed a convoy, wounding a driver.")
    assert scopes(rows) == [(2, "current"), (1, "background")]


def test_the_day_something_was_said_does_not_date_the_incident(nlp):
    """ "police said on Tuesday" dates the statement, not the attack told below it."""
    text = (
        "Gunmen attacked a police post in the north, police said on Tuesday.\n\n"
        "The governor condemned the attack.\n\n"
        "Officials said more patrols would be sent to the area.\n\n"
        "On Monday night, the gunmen killed three officers at the post."
    )
    assert scopes(extract(nlp, text)) == [(3, "current")]


def test_an_undated_figure_goes_on_telling_the_background_incident_before_it(nlp):
    text = (
        LEAD + "On Sunday, gunmen killed five herders in a nearby village. "
        "Three others remain missing, raising fears they were abducted.\n\n"
        "During the raid, two of the attackers were wounded."
    )
    rows = [r for r in extract(nlp, text) if r["low"] is not None]
    assert scopes(rows) == [(2, "current"), (5, "background"), (3, "background"), (2, "background")]
    assert rows[2]["scope_reason"].startswith("goes on telling the figure before")


def test_raising_fears_is_no_updated_toll(nlp):
    (row,) = [
        r for r in extract(nlp, "Six soldiers remain missing, raising fears they were abducted.") if r["low"]
    ]
    assert (row["low"], row["scope"], row["scope_cue"]) == (6, "current", "")


def test_a_later_paragraph_back_to_the_lead_incident_is_current(nlp):
    """A current figure dated like the lead's ends the background incident."""
    text = LEAD + (
        "On Sunday, gunmen killed five herders in a nearby village.\n\n"
        "A third officer wounded in the Tuesday raid died in hospital."
    )
    rows = extract(nlp, text)
    assert scopes(rows[:2]) == [(2, "current"), (5, "background")]
    assert {(r["outcome"], r["low"], r["scope"]) for r in rows[2:]} == {("killed", 1, "current")} | {
        ("injured", 1, "current")
    }


def test_earlier_events_told_relative_to_the_incident_are_background(nlp):
    """After the lead, "before that" and "two days earlier" tell of earlier events; in the lead, of its."""
    for sentence in (
        "Before that, three traders were kidnapped on the same road.",
        "Police had arrested four suspects two days before.",
        "Two days earlier, militants killed seven soldiers in the same district.",
    ):
        rows = extract(nlp, LEAD + sentence)
        assert scopes(rows[:1]) == [(2, "current")]
        assert [r["scope"] for r in rows[1:]] == ["background"], sentence
    text = "Police patrolled the market on Thursday after five people were shot there the day before."
    assert scopes(extract(nlp, text)) == [(5, "current")]


def test_last_night_is_the_night_of_the_incident(nlp):
    """News is written the day after: "last night" is its incident, not an earlier one."""
    text = (
        "Gunmen killed four villagers on Tuesday.\n\n"
        "Police said the attackers escaped.\n\n"
        "The district chief called for calm.\n\n"
        '"They came into the village last night and shot two farmers in the legs," a resident said.'
    )
    assert scopes(extract(nlp, text)) == [(4, "current"), (2, "current")]


def test_a_lead_toll_of_days_or_weeks_ago_is_the_follow_up_s_own_incident(nlp):
    """A follow-up's lead tells its incident days or weeks back ("died on Monday after being shot
    four days ago"); an incident told months or years back, or after the lead, is background."""
    text = (
        "A herder died on Monday after being shot {ago} near his village.\n\n"
        "Police said the attackers fled.\n\n"
        "The district chief called for calm.\n\n"
        "Officials said more patrols would be sent to the area.\n\n"
        "Two farmers were shot dead there two weeks ago."
    )
    cases = (("four days ago", "current"), ("two weeks ago", "current"), ("a year ago", "background"))
    for ago, scope in cases:
        assert scopes(extract(nlp, text.format(ago=ago))) == [(1, scope), (2, "background")], ago


def test_with_a_publication_date_days_are_resolved_not_compared_with_the_first_day(nlp):
    """Dated articles resolve each day against the publication date: Sunday in Wednesday's paper is recent."""
    article = article_from(LEAD + "On Sunday, gunmen killed five herders in a nearby village.")
    article.date = "2024-03-20"
    rows = extract_casualties(nlp(article.text), article)
    assert scopes(rows) == [(2, "current"), (5, "current")]


def test_a_month_that_ended_weeks_before_the_article_is_background(nlp):
    """After the lead, "in July" in an article of mid-September is an earlier incident; the
    article's own month, or a month with no publication date to resolve it, is not."""
    text = LEAD + "A guard at the same post was fatally shot in {month}."
    for month, scope in (("July", "background"), ("September", "current")):
        article = article_from(text.format(month=month))
        article.date = "2024-09-14"
        rows = extract_casualties(nlp(article.text), article)
        assert scopes(rows) == [(2, "current"), (1, scope)]
        if scope == "background":
            assert rows[1]["scope_reason"] == "a month that ended more than 7 days before the article"
    assert scopes(extract(nlp, text.format(month="July"))) == [(2, "current"), (1, "current")]


def test_a_cue_broken_over_two_lines_of_hard_wrapped_text_still_applies(nlp):
    """Wire archives and transcripts wrap lines inside a paragraph ("a similar" / "ambush")."""
    for text, scope in (
        ("Twelve soldiers were killed in a similar\nambush in the same district.", "background"),
        ("Twelve soldiers were killed in a similar ambush in the same district.", "background"),
    ):
        article = Article("w", "w.txt", text=text, paragraphs=[Paragraph(0, 0, len(text), "body")])
        (row,) = [r for r in extract_casualties(nlp(text), article) if r["low"]]
        assert (row["low"], row["scope"]) == (12, scope)


def test_others_counted_beside_an_earlier_toll_are_of_that_earlier_incident(nlp):
    """ "killed 17 and wounded nearly 100 others": the others are besides the 17, on whatever
    clause the parser hangs the second verb; the lead's own "others" stay current."""
    text = (
        "A car bomb killed ten people and wounded six others in the town on Monday.\n\n"
        "The attack came a day after a wave of bombings across the country killed at least 17 people "
        "and wounded nearly 100 others."
    )
    rows = extract(nlp, text)
    assert [(r["text"], r["scope"]) for r in rows] == [
        ("ten", "current"),
        ("six", "current"),
        ("at least 17", "background"),
        ("nearly 100", "background"),
    ]
    assert rows[3]["scope_reason"] == "victims besides those of the background figure before them"
    # The others are besides the figure right before them, not an earlier one of the sentence.
    text = (
        "Gunmen opened fire on a rally held to remember a man slain in 2019, "
        "killing one man and wounding two other people."
    )
    assert [(r["low"], r["scope"]) for r in extract(nlp, text)] == [
        (1, "cumulative"),
        (1, "current"),
        (2, "current"),
    ]


def test_a_toll_over_a_period_is_cumulative(nlp):
    """A count over a period told before ("during this period") or between two years is a tally of
    many incidents, not the day's toll."""
    text = (
        "A drone strike killed four people in the village on Monday.\n\n"
        "Researchers recorded 65 to 105 civilian deaths during this period. "
        "Officials counted 300 people killed in strikes between March 2009 and the end of 2015. "
        "Over the same period, 40 soldiers were wounded."
    )
    assert [(r["low"], r["scope"]) for r in extract(nlp, text)] == [
        (4, "current"),
        (65, "cumulative"),
        (300, "cumulative"),
        (40, "cumulative"),
    ]


def test_a_toll_since_a_group_with_a_long_name_began_its_attacks_is_cumulative(nlp):
    """A group's name in quotes or of many words between "since" and the verb of its start
    ("since the "Southern Hills Army" militia launched its campaign")."""
    text = (
        "A bomb wounded six people at a market on Friday.\n\n"
        'The region has been on alert since the "Southern Hills Army" militia launched its '
        "campaign, killing 210 people."
    )
    assert [(r["low"], r["scope"]) for r in extract(nlp, text)] == [(6, "current"), (210, "cumulative")]


def test_a_period_a_superlative_ranks_within_is_no_period_of_the_figures(nlp):
    """ "the heaviest fighting in the city this year" ranks the day's clash; "since 2011" after a
    verb of its own is a toll's period."""
    text = (
        "Clashes between rival militias killed nine people and wounded 20 on Sunday, medics said, in "
        "some of the heaviest fighting in the port city this year.\n\n"
        "In the north, the worst-hit area, 300 people have died since 2011."
    )
    assert scopes(extract(nlp, text)) == [(9, "current"), (20, "current"), (300, "cumulative")]


def test_a_month_that_ended_weeks_before_is_background_in_the_lead_once_the_body_told_the_outcome(nlp):
    """A lead of one paragraph: "in March" of a story of late June is an earlier incident once the
    lead has told its own kidnapping; a lead whose first kidnapping is March's is a follow-up of it."""
    text = (
        "Gunmen abducted 14 passengers on a highway near the capital on Sunday, police said. "
        "In March, gunmen abducted 60 worshippers from a church in a nearby district."
    )
    article = article_from(text)
    article.date = "2025-06-24"
    assert scopes(extract_casualties(nlp(article.text), article)) == [(14, "current"), (60, "background")]
    follow_up = article_from("The 60 worshippers abducted in March were freed on Sunday, police said.")
    follow_up.date = "2025-06-24"
    assert scopes(extract_casualties(nlp(follow_up.text), follow_up)) == [(60, "current")]


def test_a_relative_clause_s_toll_is_of_the_day_its_noun_s_clause_names(nlp):
    """ "seized the city in late January in an offensive that killed about 3,000 people": the toll
    of the offensive is January's, background in a story of February 10 whose lead told its own
    dead."""
    text = (
        "Fighting between rebels and the army killed at least 23 civilians in the town of Sake on "
        "Saturday, a local official said.\n\n"
        "The rebels seized the city of Goma in late January in an offensive that killed about 3,000 "
        "people, according to the United Nations."
    )
    article = article_from(text)
    article.date = "2025-02-10"
    assert scopes(extract_casualties(nlp(article.text), article)) == [(23, "current"), (3000, "background")]
