"""Tests for helpers.extract.places: mention finding, disambiguation, demonyms, seed expectations."""

import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from helpers.aggregate.places import places_table
from helpers.articles import Article, Paragraph
from helpers.extract.places import places
from helpers.knowledge import place_ranking
from helpers.nlp import place_rules
from helpers.tables import columns

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_09ded475ebf546e7.txt"
DATELINE = "ERBIL (Kurdistan 24) – "


def _article(text: str, article_id: str = "a1") -> Article:
    return Article(article_id, "x.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))])


def _rows(nlp, text: str) -> list[dict]:
    return places.resolve_places(nlp(text), _article(text))


@pytest.fixture(scope="module")
def seed_rows(nlp):
    text = SEED.read_text(encoding="utf-8")
    start = text.index(DATELINE)
    paragraphs = []
    for i, match in enumerate(re.finditer(r"[^\n]+", text)):
        begin = start + len(DATELINE) if match.start() == start else match.start()
        kind = "title" if i == 0 else "repeat" if i == 1 else "body"
        kind = "boilerplate" if match.group().startswith("Read More") else kind
        kind = "credit" if match.group().startswith("Editing by") else kind
        paragraphs.append(Paragraph(i, begin, match.end(), kind))
    article = Article(
        "seed",
        "seed.txt",
        text=text,
        paragraphs=paragraphs,
        dateline="ERBIL",
        dateline_span=(start, start + 5),
    )
    return places.resolve_places(nlp(text), article), article


def test_seed_places_resolve_with_provinces(seed_rows):
    rows, _article = seed_rows
    by_text = {}
    for row in rows:
        if row["place_id"]:
            by_text.setdefault(row["text"], set()).add((row["canonical"], row["admin1_code"]))
    assert ("Baghdad", "IQ-BG") in by_text["Baghdad"]
    assert ("Erbil", "IQ-AR") in by_text["Erbil"]
    assert ("Kirkuk", "IQ-KI") in {x for x in by_text["Kirkuk"]}
    assert by_text["Diyala"] == {("Diyala", "IQ-DI")}
    assert by_text["Salahuddin"] == {("Salah ad Din", "IQ-SD")}
    assert ("Kurdistan Region", "IQ-KR") in by_text["Kurdistan Region"]
    assert "Iraq" not in by_text  # its only mention is in the "Read More" link
    iraq = [r for r in rows if r["canonical"] == "Iraq"]  # via the demonym "Iraqi"
    assert iraq and iraq[0]["lat"] is not None and iraq[0]["role"] == "demonym"
    assert all(r["lat"] is not None and r["lon"] is not None for r in rows if r["place_id"])


def test_seed_demonyms_and_dateline(seed_rows):
    rows, article = seed_rows
    roles = {(r["text"], r["role"]) for r in rows}
    assert ("Iraqi", "demonym") in roles and ("Kurdish", "demonym") in roles
    iraqi = next(r for r in rows if r["text"] == "Iraqi")
    assert iraqi["country"] == "IQ" and iraqi["kind"] == "country"
    kurdish = next(r for r in rows if r["text"] == "Kurdish")
    assert kurdish["place_id"] == "sr:kurdistan" and kurdish["country"] == ""
    dateline = [r for r in rows if r["role"] == "dateline"]
    assert len(dateline) == 1 and dateline[0]["canonical"] == "Erbil"
    assert (dateline[0]["start_char"], dateline[0]["end_char"]) == article.dateline_span


def test_seed_rows_are_evidence(seed_rows):
    rows, article = seed_rows
    for row in rows:
        assert article.text[row["start_char"] : row["end_char"]] == row["text"]
        assert row["text"] in row["sentence"]
        assert row["role"] == "dateline" or article.is_extractable(row["start_char"], row["end_char"])
    # the repeated standfirst and the "Read More" link are not extracted
    repeat = article.paragraphs[1]
    assert not any(repeat.start <= r["start_char"] < repeat.end for r in rows)


def test_seed_nested_and_lone_surname(seed_rows):
    rows, _ = seed_rows
    nested = [r for r in rows if r["role"] == "nested" and r["text"] == "Baghdad"]
    assert nested and nested[0]["place_id"] == "gn:98182"  # Baghdad Operations Command
    kaabi = [r for r in rows if r["text"] == "Kaabi"]
    assert all(r["place_id"] is None and r["resolution"].startswith("unresolved") for r in kaabi)
    assert not any(r["text"] == "Qaraman" for r in rows)  # inside a person's name


def test_tripoli_follows_article_country(nlp):
    lebanon = _rows(
        nlp,
        "Clashes erupted in Tripoli on Monday. Lebanese troops deployed across "
        "northern Lebanon after the fighting.",
    )
    libya = _rows(
        nlp,
        "Clashes erupted in Tripoli on Monday. Libyan militias fought for control "
        "of the capital as Libya's government appealed for calm.",
    )
    assert next(r for r in lebanon if r["text"] == "Tripoli")["country"] == "LB"
    assert next(r for r in libya if r["text"] == "Tripoli")["country"] == "LY"


def test_province_cue_picks_admin1(nlp):
    rows = _rows(nlp, "Gunmen attacked a checkpoint in Kirkuk province on Sunday.")
    kirkuk = next(r for r in rows if r["text"] == "Kirkuk")
    assert kirkuk["kind"] == "admin1" and kirkuk["admin1_code"] == "IQ-KI"
    city = _rows(nlp, "Gunmen attacked a checkpoint in the city of Kirkuk on Sunday.")
    assert next(r for r in city if r["text"] == "Kirkuk")["kind"] == "city"


def test_unresolved_has_reason(nlp):
    rows = _rows(nlp, "Troops moved from Baghdad to Zzyzxqville overnight.")
    unknown = [r for r in rows if r["text"] == "Zzyzxqville"]
    assert unknown and unknown[0]["place_id"] is None
    assert unknown[0]["resolution"] == "unresolved: not in gazetteer"


def test_places_table_and_main_place(seed_rows):
    rows, _ = seed_rows
    table = places_table(pd.DataFrame(rows))
    assert list(table.columns) == columns("places")
    assert table["n_mentions"].is_monotonic_decreasing
    assert "sr:kurdistan" not in set(table["place_id"])  # demonyms are not places of events
    assert table.set_index("place_id").loc["gn:98182", "n_articles"] == 1
    main = places.main_place(rows)
    assert main["place_id"] in set(table["place_id"]) and main["precision"] <= 3
    assert places.main_place([]) is None


def test_ruler_patterns_are_modest_and_clean():
    patterns = place_rules.ruler_patterns()
    assert 1000 < len(patterns) < 15000
    names = {p["pattern"] for p in patterns}
    assert {"Erbil", "Salahuddin", "Iraq", "Kurdistan Region", "Diyala"} <= names
    assert not names & {"May", "Victoria", "Most", "Split", "Jackson"}
    assert all(p["label"] in {"GPE", "LOC"} and p["id"] for p in patterns)
    assert Counter(p["pattern"] for p in patterns).most_common(1)[0][1] == 1


# --- context, "Town, Division" and one sense per article (issue #4) -----------------------


def _rows_with_ents(nlp, text: str, places_: list[tuple[str, str]]) -> list[dict]:
    """Rows for ``text`` with the entities fixed by hand (the NER's choices vary by model)."""
    from spacy.tokens import Span

    doc = nlp.make_doc(text)
    for name in nlp.pipe_names:
        doc = nlp.get_pipe(name)(doc) if name != "ner" else doc
    ents = []
    for phrase, label in places_:
        start = text.index(phrase)
        ents.append(doc.char_span(start, start + len(phrase), label=label))
    doc.ents = [e for e in ents if isinstance(e, Span)]
    return places.resolve_places(doc, _article(text))


def test_repeated_ambiguous_name_is_not_its_own_context(nlp):
    text = (
        "Alexandria police found the body on Monday. Alexandria officials said the suspect fled "
        "north. Detectives in Alexandria asked for help, and Virginia State Police joined. "
        "Richmond sent investigators."
    )
    rows = _rows_with_ents(nlp, text, [("Alexandria", "GPE"), ("Virginia", "GPE"), ("Richmond", "GPE")])
    alexandria = [r for r in rows if r["text"] == "Alexandria"]
    assert len(alexandria) == 3 and {r["country"] for r in alexandria} == {"US"}


def test_us_article_reads_georgia_as_the_state(nlp):
    text = (
        "School districts in Georgia are changing their policies. Officials in Atlanta and "
        "Savannah met, and Florida and Alabama watched closely."
    )
    ents = [
        ("Georgia", "GPE"),
        ("Atlanta", "GPE"),
        ("Savannah", "GPE"),
        ("Florida", "GPE"),
        ("Alabama", "GPE"),
    ]
    georgia = next(r for r in _rows_with_ents(nlp, text, ents) if r["text"] == "Georgia")
    assert georgia["country"] == "US" and georgia["admin1_code"] == "US-GA"
    abroad = (
        "Georgia and Russia traded accusations. Officials in Tbilisi and Moscow met, and "
        "Florida and Alabama watched closely."
    )
    ents = [
        ("Georgia", "GPE"),
        ("Russia", "GPE"),
        ("Tbilisi", "GPE"),
        ("Moscow", "GPE"),
        ("Florida", "GPE"),
        ("Alabama", "GPE"),
    ]
    assert next(r for r in _rows_with_ents(nlp, abroad, ents) if r["text"] == "Georgia")["kind"] == "country"


def test_main_country():
    assert place_ranking.main_country(Counter({"US": 3, "EG": 1})) == "US"
    assert place_ranking.main_country(Counter({"US": 2, "GE": 2})) == ""
    assert place_ranking.main_country(Counter({"US": 1})) == ""
    assert place_ranking.main_country(None) == ""


@pytest.mark.parametrize(
    "text, town, admin1_code",
    [
        ("The crash happened in Greer, S.C., on Monday.", "Greer", "US-SC"),
        ("He moved to Charleston, W. Va., last year.", "Charleston", "US-WV"),
        ("Officials in Athens, Texas, said the road was closed.", "Athens", "US-TX"),
        ("Police in London, Ont., arrested him.", "London", "CA-ON"),
        ("Troops entered Tikrit, Salahuddin, on Monday.", "Tikrit", "IQ-SD"),
    ],
)
def test_town_comma_division(nlp, text, town, admin1_code):
    rows = _rows(nlp, text)
    row = next(r for r in rows if r["text"] == town)
    assert row["admin1_code"] == admin1_code and row["kind"] in ("city", "village")
    division = [r for r in rows if r["start_char"] > row["end_char"] and r["place_id"]]
    assert division and division[0]["admin1_code"] == admin1_code


def test_division_names_georgia_as_the_state_after_a_us_town(nlp):
    rows = _rows(nlp, "Fans in Athens, Georgia, cheered the team.")
    assert {(r["text"], r["admin1_code"]) for r in rows} >= {("Athens", "US-GA"), ("Georgia", "US-GA")}


def test_a_division_between_a_town_and_its_country_stays_the_division(nlp):
    """ "Town, State, Country": the state is no town of the country ("Florida" is a village in New
    York too)."""
    rows = _rows(nlp, "Two teens were shot at a club in Fort Myers, Florida, U.S., on Monday.")
    florida = next(r for r in rows if r["text"] == "Florida")
    assert (florida["kind"], florida["admin1_code"]) == ("admin1", "US-FL")


@pytest.mark.parametrize(
    ("text", "name", "admin1_code"),
    [
        # a state written before its country is the state, not a village named after it elsewhere
        ("Police shot dead two men at a checkpoint in Sinaloa, Mexico, on Friday.", "Sinaloa", "MX-SIN"),
        ("Bandits stormed a school in Zamfara, Nigeria, on Tuesday.", "Zamfara", "NG-ZA"),
    ],
)
def test_a_division_named_before_its_country_is_the_division(nlp, text, name, admin1_code):
    row = next(r for r in _rows(nlp, text) if r["text"] == name)
    assert (row["kind"], row["admin1_code"]) == ("admin1", admin1_code)


def test_abbreviation_counts_only_after_a_town(nlp):
    assert _rows_with_ents(nlp, "Miss. Smith and the Ind. candidate spoke, OK.", []) == []
    rows = _rows_with_ents(nlp, "The plant in Maryville, Tenn. closed.", [])
    assert [(r["text"], r["admin1_code"]) for r in rows] == [("Maryville", "US-TN"), ("Tenn.", "US-TN")]


def test_same_name_gets_the_same_place(nlp):
    text = "A fire broke out in Greer, S.C., on Monday. Firefighters from Greer stayed overnight."
    rows = _rows_with_ents(nlp, text, [("S.C.", "GPE")])
    greer = [r for r in rows if r["text"] == "Greer"]
    assert len(greer) == 2 and {r["admin1_code"] for r in greer} == {"US-SC"}


def test_ner_fragment_grows_to_the_full_name(nlp):
    text = "Voters in New Jersey and Western Australia went to the polls."
    rows = _rows_with_ents(nlp, text, [("Jersey", "GPE"), ("Australia", "GPE")])
    found = {r["text"]: r for r in rows}
    assert found["New Jersey"]["admin1_code"] == "US-NJ"
    assert found["Western Australia"]["kind"] == "admin1" and found["Western Australia"]["country"] == "AU"


def test_nested_abbreviation_and_demonyms(nlp):
    text = "The U.S. Federal Trade Commission fined the firm. Sri Lankan and European officials agreed."
    rows = _rows_with_ents(
        nlp,
        text,
        [("The U.S. Federal Trade Commission", "ORG"), ("Sri Lankan", "NORP"), ("European", "NORP")],
    )
    found = {r["text"]: r for r in rows}
    assert found["U.S."]["country"] == "US" and found["U.S."]["role"] == "nested"
    assert found["Sri Lankan"]["country"] == "LK" and found["European"]["place_id"] == "sr:europe"


def test_a_region_named_with_a_lower_case_direction_is_the_region(nlp):
    rows = _rows(nlp, "Israeli strikes on southern Lebanon killed five people on Monday.")
    assert ("southern Lebanon", "sr:south-lebanon") in {(r["text"], r["place_id"]) for r in rows}
    # a state is not named so ("the western Darfur region" is the west of Darfur, not West Darfur)
    rows = _rows(nlp, "Troops killed seven civilians in the western Darfur region on Monday.")
    assert not any(r["text"].startswith("western") for r in rows)
    # a direction before a town's name is no part of it ("east London" is London, not East London)
    rows = _rows(nlp, "Two men were stabbed in east London on Friday.")
    assert ("London", "GB") in {(r["text"], r["country"]) for r in rows}
    # a lower-case word before a name that makes no region's name stays out of it
    rows = _rows(nlp, "Israeli strikes on Lebanon killed five people on Monday.")
    assert ("Lebanon", "LB") in {(r["text"], r["country"]) for r in rows}


def test_an_article_is_no_part_of_a_region_s_name(project_nlp):
    """ "the Sahel region" of Burkina Faso is its province, not "the Sahel" across the region."""
    rows = _rows(
        project_nlp, "Jihadists attacked two villages in the Sahel region of Burkina Faso on Sunday."
    )
    assert "Sahel" in {r["text"] for r in rows} and not any(r["text"].startswith("the ") for r in rows)
