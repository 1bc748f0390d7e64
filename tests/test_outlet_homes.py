"""An outlet's home state learnt from its articles, and its reports' bare or ambiguous town names read there.

Rows are synthetic, written for these tests; places are the gazetteer's."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers import views
from helpers.aggregate.outlet_homes import outlet_homes, outlet_towns
from helpers.aggregate.rehoming import rehome_reports
from helpers.knowledge.gazetteer import default_gazetteer
from helpers.run import Tables, extract
from helpers.views import events as event_views

TEXAS = {"kind": "city", "country": "US", "admin1": "Texas", "admin1_code": "US-TX"}
GEORGIA_COUNTY = {"kind": "admin2", "country": "US", "admin1": "Georgia"}


def _mention(article: str, text: str, place_id: str, lat: float, lon: float, **place) -> dict:
    return {
        "article_id": article,
        "role": "event",
        "text": text,
        "canonical": text.removesuffix(" County"),
        "place_id": place_id,
        "lat": lat,
        "lon": lon,
        **place,
    }


def _corpus(outlet: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Three stories of Texas towns and one naming only "Harris County", read as Georgia's."""
    places = [
        _mention("a1", "Baytown", "gn:4672731", 29.74, -94.98, **TEXAS),
        _mention("a2", "Baytown", "gn:4672731", 29.74, -94.98, **TEXAS),
        _mention("a3", "Baytown", "gn:4672731", 29.74, -94.98, **TEXAS),
        _mention("a4", "Harris County", "gn:4199416", 32.81, -84.86, admin1_code="US-GA", **GEORGIA_COUNTY),
    ]
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3", "a4"], "outlet": [outlet] * 4})
    report = {
        "article_id": "a4",
        "report": 0,
        "iso": "US",
        "country": "United States",
        "admin1": "Georgia",
        "admin2": "Harris",
        "location": "Harris",
        "place_id": "gn:4199416",
        "latitude": 32.81,
        "longitude": -84.86,
        "geo_precision": 2,
        "site": "",
        "notes": "Sunday: Attack in Harris, Georgia, United States; 1 killed.",
    }
    return pd.DataFrame([report]), pd.DataFrame(places), articles


def test_an_outlet_most_of_whose_stories_lie_in_one_state_has_it_as_home():
    _reports, places, articles = _corpus("paper.com")
    (home,) = outlet_homes(places, articles).values()
    assert (home.admin1_code, home.articles, home.placed) == ("US-TX", 3, 4)
    # Too few stories, or no state holding most of them: no home.
    assert outlet_homes(places[places["article_id"] != "a3"], articles) == {}


@pytest.mark.parametrize("outlet", ["paper.com", ""])
def test_a_bare_county_of_another_state_is_read_in_the_outlet_home(outlet):
    reports, places, articles = _corpus(outlet)
    (row,) = rehome_reports(
        reports, places, articles, outlet_towns(places, articles), default_gazetteer()
    ).to_dict("records")
    if not outlet:  # an article without an outlet keeps its reading
        assert (row["admin1"], row["place_reason"]) == ("Georgia", "")
        return
    assert (row["place_id"], row["admin1"], row["location"]) == ("gn:4696376", "Texas", "Harris")
    assert row["notes"] == "Sunday: Attack in Harris, Texas, United States; 1 killed."
    assert row["place_reason"].startswith("the outlet's home state, Texas (3 of its 4 placed articles)")


def test_a_county_its_article_places_in_its_state_stays():
    reports, places, articles = _corpus("paper.com")
    columbus = _mention(
        "a4", "Columbus", "gn:4188985", 32.46, -84.99, kind="city", country="US", admin1="Georgia"
    )
    vouched = pd.concat([places, pd.DataFrame([dict(columbus, admin1_code="US-GA")])])
    (row,) = rehome_reports(
        reports, vouched, articles, outlet_towns(vouched, articles), default_gazetteer()
    ).to_dict("records")
    assert (row["admin1"], row["place_reason"]) == ("Georgia", "")


def _local_paper(tmp_path, outlet: str, towns: tuple[str, ...], last: tuple[str, str]) -> Tables:
    """The tables through ``extract`` of a paper's stories of shootings in ``towns``, then one more
    (``last``: its id and text)."""
    records = [
        {
            "id": f"{town.lower()}-{number}",
            "date": "2016-05-10",
            "source": outlet,
            "title": f"Man shot in {town}",
            "text": f"A man, {20 + number}, was shot and wounded in {town} on Sunday night, police said.",
        }
        for number, town in enumerate(towns)
    ]
    records.append(
        {"id": last[0], "date": "2016-05-10", "source": outlet, "title": "Shooting", "text": last[1]}
    )
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    extract(corpus, tmp_path / "out", progress=False)
    return Tables(tmp_path / "out")


def test_extract_places_a_local_paper_bare_county_in_its_home_state(tmp_path):
    # alone, the most populous Montgomery County (Maryland's); in a Houston-area paper, Texas'
    county = "A woman was shot and killed in Montgomery County on Sunday, deputies said."
    tables = _local_paper(
        tmp_path, "Gulf Coast Daily", ("Baytown", "Pearland", "League City"), ("county", county)
    )
    reports = tables.read("event_reports").set_index("article_id")
    # the article's own reading stays in its report
    assert reports.filter(like="county", axis=0)["admin1"].tolist() == ["Maryland"]
    moved = event_views.placed_by_outlet_home(tables)
    assert (moved["location"].tolist(), moved["admin1"].tolist()) == (["Montgomery"], ["Texas"])
    assert moved["place_reason"][0].startswith("the outlet's home state, Texas (3 of its 4 placed articles)")
    (local,) = views.local_outlets(tables).to_dict("records")
    assert local == {
        "outlet": "Gulf Coast Daily",
        "home_state": "Texas",
        "articles_in_state": 3,
        "articles_placed": 4,
        "home_town": "",  # no town holds three of its stories
        "articles_in_town": 0,
        "articles_placed_in_a_town": 0,
    }


def test_extract_places_a_local_paper_ambiguous_town_in_its_home_state(tmp_path):
    toledo = "Toledo police said a man was shot and killed on Sunday night."
    tables = _local_paper(
        tmp_path, "Lake Erie Courier", ("Dayton", "Akron", "Youngstown"), ("ambiguous", toledo)
    )
    reports = tables.read("event_reports").set_index("article_id")
    # Toledo of Ohio or of the Philippines: the article alone does not tell
    assert reports.filter(like="ambiguous", axis=0)["location"].tolist() == [""]
    toledo = tables.read("events").set_index("location").loc["Toledo"]
    assert (toledo["admin1"], toledo["country"], toledo["actor2"]) == (
        "Ohio",
        "United States",
        "Civilians (United States)",
    )
    assert "in Toledo, Ohio, United States; a man killed." in toledo["notes"]
    assert "'Toledo', which its article left a town of several countries" in toledo["place_reason"]


def test_an_outlet_most_of_whose_towns_are_one_has_it_as_home_town():
    _reports, places, articles = _corpus("paper.com")
    (town,) = outlet_towns(places, articles).values()
    assert (town.place_id, town.name, town.articles, town.placed) == ("gn:4672731", "Baytown", 3, 3)
    assert outlet_towns(places[places["article_id"] != "a3"], articles) == {}


@pytest.mark.parametrize(
    ("outlet", "towns"),
    [
        ("Valley Evening Post", ("Bakersfield", "Bakersfield", "Bakersfield", "Fresno")),
        ("State Wire", ("Bakersfield", "Fresno", "Modesto", "Visalia")),
    ],
)
def test_extract_places_a_local_paper_story_that_names_no_place_in_its_home_town(tmp_path, outlet, towns):
    # a day before the paper's Bakersfield shootings: the guessed place joins no report of theirs
    nowhere = "Police said a woman was shot and killed early Saturday outside an apartment complex."
    tables = _local_paper(tmp_path, outlet, towns, ("nowhere", nowhere))
    (report,) = tables.read("event_reports").query("article_id == 'news:nowhere'").to_dict("records")
    assert (report["location"], report["country"]) == ("", "")  # the article alone does not tell
    (event,) = tables.read("events").query("article_ids == 'news:nowhere'").to_dict("records")
    if outlet == "State Wire":  # no town holds most of its stories
        assert (event["location"], event["place_reason"]) == ("", "")
        return
    assert (event["location"], event["admin1"], event["country"], event["geo_precision"]) == (
        "Bakersfield",
        "California",
        "United States",
        3,
    )
    assert event["actor2"] == "Civilians (United States)"
    assert event["place_reason"] == (
        "the outlet's home town, Bakersfield (3 of its 4 articles placed in a town): "
        "its article names no place"
    )
    (local,) = views.local_outlets(tables).to_dict("records")
    assert (local["home_state"], local["home_town"], local["articles_in_town"]) == (
        "California",
        "Bakersfield",
        3,
    )


@pytest.mark.parametrize(
    ("towns", "story", "place"),
    [
        # Chester, England, is the bigger Chester, but not in a Pennsylvania paper naming nothing English
        (
            ("Norristown", "Pottstown", "Allentown"),
            "A teenager was shot and killed Saturday night in Chester, police said.",
            ("Chester", "Pennsylvania", "United States", "Civilians (United States)"),
        ),
        # a world city is named bare anywhere: Paris stays French in a Texas paper
        (
            ("Tyler", "Longview", "Texarkana"),
            "A teenager was shot and killed Saturday night in Paris, police said.",
            ("Paris", "Ile-de-France", "France", "Civilians (France)"),
        ),
    ],
)
def test_extract_reads_a_local_paper_bare_foreign_town_in_its_home_state(tmp_path, towns, story, place):
    tables = _local_paper(tmp_path, "Valley Daily", towns, ("abroad", story))
    (event,) = tables.read("events").query("article_ids == 'news:abroad'").to_dict("records")
    assert (event["location"], event["admin1"], event["country"], event["actor2"]) == place
    if place[2] == "United States":
        assert event["place_reason"].endswith("not Chester, United Kingdom: its article names nothing there")
        assert "in Chester, Pennsylvania, United States; A teenager killed." in event["notes"]


@pytest.mark.parametrize(
    ("home", "story", "place"),
    [
        # no place of Pennsylvania is called Homewood: a part of the paper's Pittsburgh, not Alabama's town
        ("Pittsburgh", "Homewood", ("Pittsburgh", "Pennsylvania", 2)),
        # a town of the home town's metro across the state line is named bare: Gary stays in Indiana
        ("Chicago", "Gary", ("Gary", "Indiana", 1)),
        # "St. Joseph" is Michigan's Saint Joseph in a Michigan paper, not Missouri's St. Joseph
        ("Kalamazoo", "St. Joseph", ("Saint Joseph", "Michigan", 1)),
        # no town of Georgia is called DeKalb, its county is: Atlanta news' "DeKalb" is not Illinois' town
        ("Atlanta", "DeKalb", ("DeKalb", "Georgia", 2)),
        # a city of 150,000 is no city a paper names bare in another state: California's Pasadena in
        # Los Angeles news, not the bigger one of Texas
        ("Los Angeles", "Pasadena", ("Pasadena", "California", 1)),
        # one of 365,000 may be, as AP lets Cleveland stand alone: not Tennessee's Cleveland
        ("Nashville", "Cleveland", ("Cleveland", "Ohio", 1)),
        # a town of the home state of a bigger namesake's name: Missouri's Columbia, not South Carolina's
        ("Kansas City", "Columbia", ("Columbia", "Missouri", 1)),
        # a city of another state is no part of the home town: Baton Rouge stays in Louisiana
        ("Jackson", "Baton Rouge", ("Baton Rouge", "Louisiana", 1)),
        # a town abroad under a world city's size is a part of the home town: Nashville's Bordeaux
        ("Nashville", "Bordeaux", ("Nashville", "Tennessee", 2)),
        # nor is a city of the home town's metro across the state line: Newark, New Jersey, in Yonkers news
        ("Yonkers", "Newark", ("Newark", "New Jersey", 1)),
    ],
)
def test_extract_reads_a_local_paper_bare_town_its_state_lacks_as_a_part_of_its_home_town(
    tmp_path, home, story, place
):
    text = f"A man was shot and killed on Wednesday in {story}, police said."
    tables = _local_paper(tmp_path, "Metro Daily", (home,) * 3, ("part", text))
    (event,) = tables.read("events").query("article_ids == 'news:part'").to_dict("records")
    assert (event["location"], event["admin1"], event["geo_precision"]) == place
    if story == "Homewood":
        assert event["place_reason"].startswith(
            "'Homewood', which no place of the outlet's home state, Pennsylvania, is called, and not "
            "Homewood, Alabama: its article names nothing there; a part of the outlet's home town, Pittsburgh"
        )
