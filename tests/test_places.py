"""Tests for helpers.places: mention finding, disambiguation, demonyms, seed expectations."""

import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
import spacy

from helpers import config, places
from helpers.articles import Article, Paragraph

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_09ded475ebf546e7.txt"
DATELINE = "ERBIL (Kurdistan 24) – "


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(config.DEFAULT_MODEL)


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
    article = Article("seed", "seed.txt", text=text, paragraphs=paragraphs, dateline="ERBIL",
                      dateline_span=(start, start + 5))
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
        assert article.text[row["start_char"]:row["end_char"]] == row["text"]
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
    lebanon = _rows(nlp, "Clashes erupted in Tripoli on Monday. Lebanese troops deployed across "
                         "northern Lebanon after the fighting.")
    libya = _rows(nlp, "Clashes erupted in Tripoli on Monday. Libyan militias fought for control "
                       "of the capital as Libya's government appealed for calm.")
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
    table = places.places_table(pd.DataFrame(rows))
    assert list(table.columns) == places.PLACES_TABLE_COLUMNS
    assert table["n_mentions"].is_monotonic_decreasing
    assert "sr:kurdistan" not in set(table["place_id"])  # demonyms are not places of events
    assert table.set_index("place_id").loc["gn:98182", "n_articles"] == 1
    main = places.main_place(rows)
    assert main["place_id"] in set(table["place_id"]) and main["precision"] <= 3
    assert places.main_place([]) is None


def test_ruler_patterns_are_modest_and_clean():
    patterns = places.ruler_patterns()
    assert 1000 < len(patterns) < 15000
    names = {p["pattern"] for p in patterns}
    assert {"Erbil", "Salahuddin", "Iraq", "Kurdistan Region", "Diyala"} <= names
    assert not names & {"May", "Victoria", "Most", "Split", "Jackson"}
    assert all(p["label"] in {"GPE", "LOC"} and p["id"] for p in patterns)
    assert Counter(p["pattern"] for p in patterns).most_common(1)[0][1] == 1
