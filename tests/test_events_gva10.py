"""Events merged across articles on US news (the GVA benchmark's missed pairs): a victim or suspect
a follow-up names again outside its figures, a report the places layer put in another state's
town whose article names the other report's town, a report without a place whose title names the
town, the place most articles name, the day of the first published report.

Rows and sentences are written for these tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers.aggregate.event_links import join_by_people, person_key, report_people, tolls_agree
from helpers.aggregate.event_merge import cluster_reports, names_place, place_words
from helpers.aggregate.events import article_places, events_table
from helpers.tables import columns
from tests.test_events import keys, report

NO_FIGURES = pd.DataFrame(columns=columns("casualties"))
MANHATTAN = dict(place_id="gn:manhattan", location="Manhattan", latitude=40.78, longitude=-73.97)
BROADWAY_VA = dict(place_id="gn:broadway-va", location="Broadway", latitude=38.61, longitude=-78.8)


def _reports(rows: list[dict]) -> pd.DataFrame:
    """``event_reports`` rows (one report per article unless ``report`` is given)."""
    names = columns("event_reports")
    base = dict.fromkeys(names, "")
    defaults = dict(
        report=0,
        time_precision=1,
        geo_precision=1,
        country="United States",
        inter1=pd.NA,
        inter2=pd.NA,
        interaction=pd.NA,
        excluded=False,
    )
    full = [{**base, **defaults, **row} for row in rows]
    return pd.DataFrame(full, columns=names).astype({"time_precision": "Int64", "geo_precision": "Int64"})


def _articles(dates: dict[str, str], titles: dict[str, str] | None = None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": list(dates),
            "date": list(dates.values()),
            "outlet": "",
            "url": "",
            "near_duplicate_of": "",
            "title": [(titles or {}).get(a, "") for a in dates],
        }
    )


def _mentions(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "role", "place_id", "text"])


# ----------------------------------------------------------------------------- persons


def _person(article: str, start: int, person: str, title: str = "") -> dict:
    return {"article_id": article, "start_char": start, "person_id": person, "title": title, "rank": ""}


def test_a_person_the_article_names_again_outside_the_evidence_links_its_lead_incident():
    reports = pd.DataFrame(
        [
            {"article_id": "a", "report": 0, "evidence": "0-100"},
            {"article_id": "a", "report": 1, "evidence": "200-300"},
            {"article_id": "b", "report": 0, "evidence": "0-50"},
        ]
    )
    people = pd.DataFrame(
        [
            _person("a", 400, "dana-reyes"),  # "Dana Reyes, 19, was arraigned" ...
            _person("a", 450, "dana-reyes"),  # ... "Reyes pleaded not guilty"
            _person("a", 500, "sam-hart"),  # a reporter's byline: named once
            _person("a", 520, "lee-cole"),  # in report 1's evidence, and again below it
            _person("a", 250, "lee-cole"),
            _person("a", 600, "pat-lund", "police chief"),  # an official, named twice
            _person("a", 650, "pat-lund"),
            _person("b", 120, "dana-reyes"),
            _person("b", 140, "dana-reyes"),
        ]
    )
    assert report_people(reports, people) == {
        "a#0": {"dana-reyes"},
        "a#1": {"lee-cole"},
        "b#0": {"dana-reyes"},
    }


def test_a_division_or_an_office_read_as_a_person_links_nothing():
    reports = pd.DataFrame([{"article_id": "a", "report": 0, "evidence": "0-100"}])
    people = pd.DataFrame(
        [
            _person("a", 10, "wayne-county"),  # "Wayne County deputies"
            _person("a", 30, "parish-sheriff"),  # "the Parish Sheriff's Office"
            _person("a", 50, "dana-reyes"),
        ]
    )
    assert report_people(reports, people) == {"a#0": {"dana-reyes"}}


def _placed(key: str, date: str, place: str, killed: int = 0) -> dict:
    towns = {
        "Detroit": ("gn:detroit", "Michigan", 42.33, -83.05),
        "Dallas": ("gn:dallas", "Texas", 32.78, -96.8),
    }
    place_id, admin1, lat, lon = towns[place]
    return {
        "key": key,
        "country": "United States",
        "date": dt.date.fromisoformat(date),
        "killed": killed,
        "injured": 0,
        "place_id": place_id,
        "admin1": admin1,
        "location": place,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": 1,
        "named_places": set(),
        "place_words": " ",
    }


def test_a_name_joins_events_by_their_main_places_not_by_a_stray_report():
    # a Detroit shooting whose follow-up also read a report at Dallas (a former deputy killed there)
    detroit = [_placed(f"d{n}#0", "2016-04-16", "Detroit", killed=1) for n in range(3)]
    detroit.append(_placed("d3#1", "2016-04-18", "Dallas"))
    dallas = [_placed("x#0", "2016-04-18", "Dallas")]
    links = {"d3#1": ["jo-krol"], "x#0": ["jo-krol"]}
    assert len(join_by_people([detroit, dallas], links)) == 2
    assert len(join_by_people([detroit[:1], dallas], {"d0#0": ["jo-krol"], "x#0": ["jo-krol"]})) == 2
    near = [_placed("y#0", "2016-04-20", "Detroit")]
    assert len(join_by_people([detroit, near], {"d0#0": ["jo-krol"], "y#0": ["jo-krol"]})) == 1


def test_a_follow_up_weeks_later_joins_the_shooting_by_the_suspect_it_names_again():
    reports = _reports(
        [
            dict(article_id="shooting", event_date="2015-03-07", evidence="0-80", **MANHATTAN),
            dict(article_id="trial", event_date="2015-06-02", evidence="0-60", **MANHATTAN),
            dict(article_id="other", event_date="2015-06-02", evidence="0-60", **BROADWAY_VA),
        ]
    )
    people = pd.DataFrame(
        [
            _person("shooting", 10, "dana-reyes"),  # in the evidence
            _person("trial", 200, "dana-reyes"),  # twice, below the sentencing's figures
            _person("trial", 260, "dana-reyes"),
            _person("other", 200, "dana-reyes"),  # once: a name in passing links nothing
        ]
    )
    dates = {"shooting": "2015-03-08", "trial": "2015-06-03", "other": "2015-06-03"}
    events = events_table(reports, NO_FIGURES, _articles(dates), people)
    assert sorted(events["reports"]) == ["other#0", "shooting#0;trial#0"]


def test_a_name_without_its_middle_initial_links_but_a_father_and_son_do_not():
    assert person_key("brian-e-harleman") == person_key("brian-harleman") == "brian-harleman"
    assert person_key("james-glass-jr") != person_key("james-glass-sr")
    reports = _reports(
        [
            dict(article_id="lead", event_date="2014-12-17", evidence="0-80", **MANHATTAN),
            dict(article_id="charged", event_date="2014-12-29", evidence="0-80", **MANHATTAN),
            dict(article_id="son", event_date="2015-03-02", evidence="0-80", **MANHATTAN),
        ]
    )
    people = pd.DataFrame(
        [
            _person("lead", 10, "brian-e-harleman"),
            _person("charged", 10, "brian-harleman"),
            _person("lead", 30, "james-glass-sr"),
            _person("son", 10, "james-glass-jr"),
        ]
    )
    dates = {"lead": "2014-12-18", "charged": "2014-12-30", "son": "2015-03-03"}
    events = events_table(reports, NO_FIGURES, _articles(dates), people)
    assert sorted(events["reports"]) == ["lead#0;charged#0", "son#0"]


# ----------------------------------------------------------------------------- places named


def test_place_words_are_whole_lower_case_words():
    assert place_words("Ex-Habersham deputy shot", "Toledo") == " ex habersham deputy shot toledo "
    town = {"place_id": "gn:1", "location": "Habersham"}
    assert names_place({"place_words": place_words("Ex-Habersham deputy shot")}, town)
    assert not names_place({"place_words": place_words("Habershamville man shot")}, town)
    assert not names_place({"place_words": place_words("Habersham man shot")}, dict(town, place_id=""))


def test_article_places_are_the_places_of_events_resolved_and_unresolved():
    mentions = _mentions(
        [
            ("a", "event", "gn:1", "Dayton"),
            ("a", "nested", "gn:2", "Ohio"),
            ("a", "event", None, "Toledo"),
            ("a", "dateline", "gn:3", "Columbus"),  # the outlet's city, no place of the event
        ]
    )
    resolved, unresolved = article_places(mentions)
    assert resolved == {"a": {"gn:1", "gn:2"}} and unresolved == {"a": ["Toledo"]}
    assert article_places(None) == ({}, {})


def _elsewhere(key: str, place: dict, **toll) -> dict:
    row = report(key, "2015-02-01", place["place_id"], lat=place["latitude"], lon=place["longitude"], **toll)
    return dict(row, location=place["location"], admin1="", named_places=set(), place_words="")


def test_a_report_put_in_another_states_town_joins_the_town_its_article_names():
    manhattan = _elsewhere("a", MANHATTAN, killed=1, injured=4)
    broadway = dict(_elsewhere("b", BROADWAY_VA, killed=1, injured=4), named_places={"gn:manhattan"})
    assert keys(cluster_reports([manhattan, broadway], {})) == [["a", "b"]]
    # Named in the title only ("Manhattan bar shooting"): the same.
    titled = dict(_elsewhere("b", BROADWAY_VA, killed=1, injured=4), place_words=" manhattan bar shooting ")
    assert keys(cluster_reports([manhattan, titled], {})) == [["a", "b"]]
    # The other town is named, but the tolls differ beyond a partial count: apart.
    other_toll = dict(_elsewhere("b", BROADWAY_VA, killed=0, injured=1), named_places={"gn:manhattan"})
    assert keys(cluster_reports([manhattan, other_toll], {})) == [["a"], ["b"]]
    # Not named: two towns 500 km apart stay apart.
    assert keys(cluster_reports([manhattan, _elsewhere("b", BROADWAY_VA, killed=1, injured=4)], {})) == [
        ["a"],
        ["b"],
    ]


def test_a_report_without_a_place_joins_the_one_event_whose_town_its_title_names():
    alturas = dict(
        report("a", "2014-02-20", "gn:alturas", killed=1, injured=0), location="Alturas", place_words=""
    )
    dayton = dict(
        report("c", "2014-02-20", "gn:dayton", killed=1, injured=0, lat=39.8, lon=-84.2), location="Dayton"
    )
    unplaced = dict(
        report("b", "2014-02-21", "", killed=1, injured=0, lat=None, lon=None),
        admin1="",
        place_words=place_words("Alturas shooting victim identified"),
    )
    assert keys(cluster_reports([alturas, dayton, unplaced], {})) == [["a", "b"], ["c"]]
    # A toll that does not agree: alone.
    hurt = dict(unplaced, killed=0, injured=4)
    assert keys(cluster_reports([alturas, dayton, hurt], {})) == [["a"], ["b"], ["c"]]
    # Out of the date window: alone.
    late = dict(unplaced, date=dt.date(2014, 3, 30))
    assert keys(cluster_reports([alturas, dayton, late], {})) == [["a"], ["b"], ["c"]]


def test_through_the_table_a_title_and_named_places_join_and_the_place_most_articles_name_wins():
    reports = _reports(
        [
            dict(article_id="ny1", event_date="2015-02-01", admin1="New York", **MANHATTAN),
            dict(article_id="ny2", event_date="2015-02-01", admin1="New York", **MANHATTAN),
            dict(article_id="a-va", event_date="2015-02-01", admin1="Virginia", **BROADWAY_VA),
            dict(article_id="none", event_date="2015-02-02", time_precision=2),
        ]
    )
    dates = {"ny1": "2015-02-02", "ny2": "2015-02-02", "a-va": "2015-02-02", "none": "2015-02-02"}
    titles = {"none": "Manhattan bar shooting: victim named"}
    # The Virginia report is the main one (the first): its place would have won a tie of precision.
    mentions = _mentions(
        [("a-va", "event", "gn:broadway-va", "Broadway"), ("a-va", "event", "gn:manhattan", "Manhattan")]
    )
    events = events_table(reports, NO_FIGURES, _articles(dates, titles), places=mentions)
    assert len(events) == 1
    row = events.iloc[0]
    assert (row["location"], row["admin1"]) == ("Manhattan", "New York")
    assert row["n_reports"] == 4
    # Without the places named, the Virginia report and the unplaced one stand apart.
    apart = events_table(reports, NO_FIGURES, _articles(dates))
    assert sorted(apart["reports"]) == ["a-va#0", "none#0", "ny1#0;ny2#0"]


# ----------------------------------------------------------------------------- date


def test_on_a_tie_of_days_the_event_takes_the_day_of_the_first_published_report():
    reports = _reports(
        [
            dict(article_id="first", event_date="2014-05-13", **MANHATTAN),  # "Tuesday" on May 14
            dict(article_id="later", event_date="2014-05-12", **MANHATTAN),  # a follow-up's "Monday"
        ]
    )
    dates = {"first": "2014-05-14", "later": "2014-05-20"}
    events = events_table(reports, NO_FIGURES, _articles(dates))
    assert list(events["event_date"]) == ["2014-05-13"]
    # Two reports of the first publication day: the later day ("late Monday", not "last Wednesday").
    same_day = _reports(
        [
            dict(article_id="monday", event_date="2014-12-22", **MANHATTAN),
            dict(article_id="wednesday", event_date="2014-12-17", **MANHATTAN),
        ]
    )
    events = events_table(
        same_day, NO_FIGURES, _articles({"monday": "2014-12-23", "wednesday": "2014-12-23"}), window_days=5
    )
    assert list(events["event_date"]) == ["2014-12-22"]
    # A day most reports give wins over the first published.
    third = _reports([dict(article_id="third", event_date="2014-05-12", **MANHATTAN)])
    events = events_table(
        pd.concat([reports, third]), NO_FIGURES, _articles({**dates, "third": "2014-05-16"})
    )
    assert list(events["event_date"]) == ["2014-05-12"]


def test_the_event_date_keeps_the_phrase_and_reason_of_the_report_that_gives_it():
    # The main report (the first of the event) is a follow-up's "last Monday"; the day comes from
    # the first published of the two that agree, and so must its phrase, reason and precision.
    reports = _reports(
        [
            dict(article_id="first", event_date="2014-05-13", date_phrase="Tuesday", **MANHATTAN),
            dict(article_id="later", event_date="2014-05-12", date_phrase="last Monday", **MANHATTAN),
            dict(article_id="third", event_date="2014-05-12", date_phrase="Monday night", **MANHATTAN),
        ]
    )
    reports["date_reason"] = reports["date_phrase"].map(repr) + " in an article"
    dates = {"first": "2014-05-14", "later": "2014-05-20", "third": "2014-05-16"}
    (event,) = events_table(reports, NO_FIGURES, _articles(dates)).to_dict("records")
    assert (event["event_date"], event["time_precision"]) == ("2014-05-12", 1)
    assert (event["date_phrase"], event["date_reason"]) == ("Monday night", "'Monday night' in an article")


def test_tolls_agree_whatever_the_order_of_the_tolls():
    # A wounded victim who died weeks later restates the toll; a third toll, earlier and larger,
    # must not change the answer with its place in the set (the sets' order varies between runs).
    shot, died = (dt.date(2015, 6, 10), 0, 1), (dt.date(2015, 6, 30), 1, 0)
    earlier = (dt.date(2015, 6, 1), 0, 5)
    assert tolls_agree([shot], [earlier, died]) and tolls_agree([shot], [died, earlier])


def test_a_follow_up_counting_only_the_dead_restates_a_shooting_s_toll():
    # A trial months later tells "the four people killed", not the two wounded: the same shooting.
    shooting, trial = (dt.date(2016, 3, 9), 4, 2), (dt.date(2016, 9, 1), 4, 0)
    assert tolls_agree({shooting}, {trial}) and tolls_agree({trial}, {shooting})
    # One dead is too common a toll to tell an incident; other dead and wounded tell another.
    assert not tolls_agree({(dt.date(2016, 3, 9), 1, 2)}, {(dt.date(2016, 9, 1), 1, 0)})
    assert not tolls_agree({shooting}, {(dt.date(2016, 9, 1), 3, 2)})
