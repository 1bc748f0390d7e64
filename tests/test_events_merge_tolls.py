"""Event merging of early and later counts, and the count of one report's figures (issue #19)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers.aggregate.event_merge import cluster_reports
from helpers.aggregate.events import _competing, _figures, _report_figures
from tests.test_events import keys, report


def test_a_later_count_with_more_victims_at_the_same_town_joins_the_event():
    reports = [
        report("early", "2015-06-03", "gn:1", killed=0, injured=3),  # "three people were shot"
        report("later", "2015-06-04", "gn:1", killed=1, injured=4),  # one died, one more wounded found
        report("rose", "2015-06-04", "gn:1", killed=2, injured=5),
    ]
    assert keys(cluster_reports(reports, {})) == [["early", "later", "rose"]]


def test_a_lone_victim_or_a_crossing_toll_is_no_early_count():
    reports = [
        report("one", "2015-06-03", "gn:1", killed=0, injured=1),
        report("more", "2015-06-03", "gn:1", killed=2, injured=3),  # one wounded is too common a toll
        report("cross", "2015-06-03", "gn:1", killed=4, injured=0),  # more dead, fewer hurt: another
    ]
    assert keys(cluster_reports(reports, {})) == [["cross"], ["more"], ["one"]]


def test_an_early_count_in_another_town_does_not_join():
    reports = [
        report("a", "2015-06-03", "gn:1", killed=0, injured=3),
        report("b", "2015-06-03", "gn:2", killed=1, injured=4, lat=41.5, lon=-77.0),
    ]
    assert keys(cluster_reports(reports, {})) == [["a"], ["b"]]


def test_a_few_wounded_are_no_early_count_of_a_mass_shooting():
    reports = [
        report("two", "2015-06-03", "gn:1", killed=0, injured=2),
        report("many", "2015-06-03", "gn:1", killed=1, injured=11),  # another shooting, same town
    ]
    assert keys(cluster_reports(reports, {})) == [["many"], ["two"]]


def test_figures_one_total_outside_the_report_covers_are_one_count():
    # The lead's "15 killed" of two villages is no report's figure; under it, one village's "12"
    # and the "seven" and "five" that make it up are one count of 12, not 24; another report's
    # "three" stands alone, and the injured are counted apart.
    figures = ["100-102;200-205;300-304;400-402", "500-505"]
    reports = pd.DataFrame({"article_id": ["a", "a"], "report": [0, 1], "figures": figures})
    rows = [
        (10, 12, "killed", 15, ""),
        (100, 102, "killed", 12, "10-12"),
        (200, 205, "killed", 7, "10-12"),
        (300, 304, "killed", 5, "10-12"),
        (400, 402, "injured", 16, ""),
        (500, 505, "killed", 3, "10-12"),
    ]
    casualties = pd.DataFrame(rows, columns=["start_char", "end_char", "outcome", "low", "superseded_by"])
    casualties = casualties.assign(article_id="a", high=casualties["low"])
    mine = _report_figures(reports, casualties).set_index("start_char")
    assert mine["superseded_by"].to_dict() == {100: "", 200: "100-102", 300: "100-102", 400: "", 500: ""}
    assert mine["article_id"].to_dict()[500] == "a#1"


def test_a_report_without_figures_tells_no_toll_of_the_event():
    # A lead's event ("gunmen attacked the village" over an article of arrests) joined to the
    # shooting's event: its toll of none is no lower figure of the latest day, and no competing one.
    day = dt.date(2016, 5, 3)
    told = {"figures": "10-13", "killed": 3, "injured": 2, "published": day, "outlet": "A", "article_id": "a"}
    lead = {"figures": "", "killed": 0, "injured": 0, "published": day, "outlet": "B", "article_id": "b"}
    assert (_figures([told, lead], "killed")["acled"], _figures([told, lead], "injured")["low"]) == (3, 2)
    assert _competing([told, lead]) == ""
    assert _figures([lead], "killed")["acled"] == 0
