"""Casualty figures as wire copy from the world's conflicts writes them (twenty-fourth stop).

Every sentence is written for the test; none is copied from a corpus.
"""

from tests.test_casualties import extract


def test_shot_dead_after_other_verbs_is_killed(nlp):
    text = "The gunmen blocked the road, searched the cars and shot dead 11 travellers from the south."
    assert [(r["outcome"], r["low"]) for r in extract(nlp, text)] == [("killed", 11)]


def test_an_airstrike_is_no_victim_and_the_sources_after_its_toll_are_not_counted(nlp):
    text = (
        "An air raid by the army on a market in the western Chin state killed at least 23 "
        "civilians, including six children, residents and a local militia said on Friday."
    )
    rows = extract(nlp, text)
    assert {(r["outcome"], r["low"], r["victim"]) for r in rows} == {
        ("killed", 23, "civilians"),
        ("killed", 6, "children"),
    }


def test_a_place_is_no_victim_of_a_crime_noun(nlp):
    assert extract(nlp, "The port has the highest number of murders of any Brazilian state.") == []
    (row,) = extract(nlp, "Police reported the murder of a Kenyan county official.")
    assert row["outcome"] == "killed" and row["victim_group"] == "officials"


def test_a_paragraph_s_first_sentence_takes_its_place_from_the_paragraph_before(nlp):
    from helpers.articles import Article, Paragraph
    from helpers.extract.casualties.casualties import extract_casualties
    from helpers.extract.places.places import main_place, resolve_places

    body = [
        "MAPUTO - Insurgents attacked the town of Mueda in Cabo Delgado province on Friday.",
        "Four soldiers were killed, a security source said.",
        "In Maputo, the defence minister said troops from Maputo would be sent north.",
    ]
    text = "\n\n".join(["Attack in Mozambique", *body])
    starts = [text.index(part) for part in body]
    paragraphs = [
        Paragraph(0, 0, len("Attack in Mozambique"), "title"),
        *(
            Paragraph(n + 1, start + (9 if n == 0 else 0), start + len(part))
            for n, (start, part) in enumerate(zip(starts, body))
        ),
    ]
    dateline = (starts[0], starts[0] + len("MAPUTO"))
    article = Article(
        "t", "t.txt", text=text, paragraphs=paragraphs, dateline="MAPUTO", dateline_span=dateline
    )
    doc = nlp(text)
    places = resolve_places(doc, article)
    assert main_place(places)["canonical"] == "Maputo"
    (row,) = extract_casualties(doc, article, places=places, main_place=main_place(places))
    assert (row["low"], row["admin1"]) == (4, "Cabo Delgado")


def test_bandits_gangs_and_cartels_are_armed_victims(nlp):
    for text in (
        "Troops killed a notorious bandit leader in a raid on Monday.",
        "Soldiers shot dead three members of a drug gang in the port.",
        "Marines killed four members of the cartel in a shootout.",
    ):
        (row,) = extract(nlp, text)
        assert row["victim_group"] == "militants", text
    # the gang itself is no one
    assert (
        extract(nlp, "Witnesses said the gang escaped after the clash, with some sustaining injuries.") == []
    )


def test_the_last_place_of_the_sentence_before_is_not_inside_an_organisation_s_name(nlp):
    from helpers.articles import Article, Paragraph
    from helpers.extract.casualties.casualties import extract_casualties
    from helpers.extract.places.places import main_place, resolve_places

    text = (
        "Two soldiers were killed in a clash in the town of Talipao in Sulu province on Monday, the "
        "Armed Forces of the Philippines said. Four other soldiers were wounded."
    )
    article = Article("t", "t.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))])
    doc = nlp(text)
    places = resolve_places(doc, article)
    rows = extract_casualties(doc, article, places=places, main_place=main_place(places))
    (row,) = [r for r in rows if r["outcome"] == "injured"]
    assert row["low"] == 4 and row["place"] not in {"Philippines", None}


def test_a_fatal_wound_or_injury_is_a_death_and_a_non_fatal_one_an_injury(nlp):
    """ "Sustained fatal injuries" tells a death as "was fatally wounded" does; "non-fatal" negates."""
    for text, outcome in (
        ("Two policemen sustained fatal injuries when the roadside bomb exploded.", "killed"),
        ("A boy suffered a fatal gunshot wound at the market on Sunday.", "killed"),
        ("A soldier suffered mortal wounds in the ambush.", "killed"),
        ("A trader suffered non-fatal gunshot wounds in the raid.", "injured"),
        ("A non-fatal shooting left one guard wounded.", "injured"),
    ):
        assert {r["outcome"] for r in extract(nlp, text)} == {outcome}, text


def test_a_count_of_people_after_a_participle_is_its_object_not_a_reduced_passive(nlp):
    """The parse may hang a past verb on the noun before it ("fighters abducted" as "fighters who
    were abducted") and its object on a later verb: a count of people right after it is its object."""
    for group in ("Boko Haram", "Jihadist"):
        text = (
            f"MAIDUGURI - {group} fighters abducted at least 20 women who were fetching water near a camp "
            "in Borno state last week, residents and a local official said on Saturday."
        )
        rows = extract(nlp, text)
        assert [(r["outcome"], r["low"], r["victim"]) for r in rows] == [("kidnapped", 20, "women")], group
    # a passive participle's setting counts no one: the victim is the noun before it
    for text in (
        "One person shot outside 7-Eleven in New Castle",
        "Teen shot during 1 of 3 robbery attempts",
    ):
        assert [r["low"] for r in extract(nlp, text)] == [1], text


def test_peacekeepers_are_a_security_force(nlp):
    (row,) = extract(nlp, "Two UN peacekeepers were wounded when their convoy hit a mine near the border.")
    assert (row["outcome"], row["low"], row["victim_side"]) == ("injured", 2, "security forces")


def test_a_noun_of_a_victim_s_role_does_not_pass_its_outcome_to_the_nouns_beside_it(nlp):
    """ "Hostages" counts the hostages kidnapped, not the soldiers joined to them by "and"."""
    text = "Eleven hostages and three guards were killed when the rebels stormed the compound."
    rows = extract(nlp, text)
    assert {(r["outcome"], r["low"]) for r in rows if r["victim_side"] == "security forces"} == {
        ("killed", 3)
    }
    assert [r["low"] for r in rows if r["outcome"] == "kidnapped"] == [11]


def test_an_attempt_or_a_plot_to_kill_kills_no_one(nlp):
    """The harm an attempt, plot or bid intends did not happen; the harm told beside it did."""
    for text in (
        "Officials said an attempt had been made to assassinate the governor with a parcel bomb.",
        "The minister survived an attempt to kill him at his home.",
        "A plot to murder the prosecutor was uncovered by the police.",
        "The militia made a bid to kill the district chief.",
    ):
        assert all(r["scope"] == "hypothetical" for r in extract(nlp, text)), text
    rows = extract(nlp, "In an effort to kill the commander, the drone strike killed four farmers.")
    assert [(r["low"], r["scope"]) for r in rows if r["scope"] != "hypothetical"] == [(4, "current")]


def test_a_named_victim_with_a_military_rank_is_of_the_security_forces(nlp):
    (row,) = extract(nlp, "Colonel Ibrahim Sow, who led the garrison, was killed in an ambush on Sunday.")
    assert (row["outcome"], row["victim_side"]) == ("killed", "security forces")
    (row,) = extract(nlp, "Ibrahim Sow, a trader, was killed in an ambush on Sunday.")
    assert row["victim_side"] != "security forces"


def test_bandits_killed_are_armed_men(nlp):
    """Nigeria's and the Sahel's "bandits" are armed groups, as a noun and as a modifier."""
    for text in ("Troops killed 12 bandits in Zamfara state on Sunday.", "Nine bandit fighters were killed."):
        (row,) = extract(nlp, text)
        assert (row["outcome"], row["victim_side"]) == ("killed", "armed groups"), text
