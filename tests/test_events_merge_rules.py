"""Merging event reports across articles: a province-level report with the same dead, a later
report that raises the toll, a report without a place told by its toll.

Rows are synthetic, written for these tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers.aggregate.event_links import join_by_people, restated_tolls
from helpers.aggregate.event_merge import cluster_reports
from helpers.aggregate.events import report_victim_ages
from tests.test_events import keys, report


def test_a_province_level_report_joins_a_town_when_it_gives_the_same_dead():
    town = report("a", "2015-02-26", "gn:1", killed=8, injured=1)
    state = dict(report("b", "2015-02-27", "gn:9", killed=8, injured=0, lat=38.3, lon=-92.4), geo_precision=3)
    other = dict(report("c", "2015-02-27", "gn:9", killed=2, injured=0, lat=38.3, lon=-92.4), geo_precision=3)
    assert keys(cluster_reports([town, state, other], {})) == [["a", "b"], ["c"]]


def test_a_later_report_raising_the_toll_joins_though_the_first_report_gave_fewer():
    first = report("a", "2015-06-03", "gn:1", killed=1, injured=0)
    wounded = report("b", "2015-06-03", "gn:1", killed=1, injured=2)
    died = report("c", "2015-06-04", "gn:1", killed=3, injured=0)  # two of the wounded died
    assert keys(cluster_reports([first, wounded, died], {})) == [["a", "b", "c"]]
    # A report of another day's shooting in the town still does not join.
    later = report("d", "2015-06-09", "gn:1", killed=3, injured=0)
    assert keys(cluster_reports([first, wounded, died, later], {})) == [["a", "b", "c"], ["d"]]


def test_a_report_without_a_place_joins_the_one_event_with_its_toll():
    placed = report("a", "2015-06-03", "gn:1", killed=4, injured=2)
    unplaced = dict(report("b", "2015-06-04", "", killed=4, injured=2, lat=None, lon=None), admin1="")
    assert keys(cluster_reports([placed, unplaced], {})) == [["a", "b"]]
    # Two events with that toll: which one is unknown, the report stays alone.
    elsewhere = report("c", "2015-06-03", "gn:2", killed=4, injured=2, lat=44.0, lon=-70.0)
    assert keys(cluster_reports([placed, unplaced, elsewhere], {})) == [["a"], ["b"], ["c"]]
    # A common toll (one dead) tells no incident.
    one = report("d", "2015-06-03", "gn:1", killed=1, injured=0)
    lone = dict(report("e", "2015-06-03", "", killed=1, injured=0, lat=None, lon=None), admin1="")
    assert keys(cluster_reports([one, lone], {})) == [["d"], ["e"]]
    # Out of the date window: alone.
    late = dict(report("f", "2015-06-12", "", killed=4, injured=2, lat=None, lon=None), admin1="")
    assert keys(cluster_reports([placed, late], {})) == [["a"], ["f"]]


def test_reports_whose_victims_are_of_other_ages_are_other_incidents():
    # Two shootings in one city on one afternoon, each with one dead, told apart by whom they hit.
    baby = dict(report("a", "2016-04-16", "gn:1", killed=1, injured=0), victim_ages=frozenset({0.5}))
    man = dict(report("b", "2016-04-16", "gn:1", killed=1, injured=0), victim_ages=frozenset({27.0}))
    again = dict(report("c", "2016-04-17", "gn:1", killed=1, injured=0), victim_ages=frozenset({27.0}))
    assert keys(cluster_reports([baby, man, again], {})) == [["a"], ["b", "c"]]
    # News gives one victim's age a year apart (a birthday, a slip), or in months and years; a
    # report that gives no age joins either way.
    older = dict(report("d", "2016-04-17", "gn:1", killed=1, injured=0), victim_ages=frozenset({1.0}))
    bare = report("e", "2016-04-17", "gn:1", killed=1, injured=0)
    assert keys(cluster_reports([baby, older, bare], {})) == [["a", "d", "e"]]
    # Two articles on one shooting of several victims may each name another victim's age.
    one = dict(report("f", "2016-04-16", "gn:1", killed=2, injured=2), victim_ages=frozenset({33.0}))
    other = dict(report("g", "2016-04-16", "gn:1", killed=2, injured=2), victim_ages=frozenset({38.0}))
    assert keys(cluster_reports([one, other], {})) == [["f", "g"]]


def test_the_victims_ages_of_a_report_leave_out_the_arrested():
    figures = pd.DataFrame(
        {
            "article_id": ["a#0", "a#0", "a#0", "b#0"],
            "outcome": ["killed", "injured", "arrested", "killed"],
            "victim": ["a six-month-old", "a 27-year-old man", "a 19-year-old suspect", "the officer"],
        }
    )
    assert report_victim_ages(figures) == {"a#0": frozenset({0.5, 27.0}), "b#0": frozenset()}


def _fresh(key, date, published, *, of_act=True, killed=1, injured=0):
    """A report dated by ``date`` (the day of the harm when ``of_act``), in an article of ``published``."""
    row = report(key, date, "gn:1", killed=killed, injured=injured)
    return dict(row, published=dt.date.fromisoformat(published), date_of_act=of_act, location="Easton")


def test_two_shootings_each_reported_on_its_day_are_not_joined_by_a_name_or_a_toll():
    """A suspect charged in two shootings weeks apart, each told as the news of its day, and two
    mass shootings in one city with the same toll years apart, stay two incidents; the follow-ups
    (a plea dated by its own day, a death of wounds) still join the shooting they tell of."""
    reports = [
        _fresh("first", "2016-03-27", "2016-03-28", killed=1, injured=2),
        _fresh("second", "2016-04-16", "2016-04-17"),
        _fresh(
            "plea", "2016-05-20", "2016-05-20", of_act=False, killed=1, injured=2
        ),  # "entered a plea Friday"
    ]
    events = cluster_reports(reports, {})
    assert len(events) == 3
    names = {"first": {"jo-ray"}, "second": {"jo-ray", "al-moss"}, "plea": {"al-moss", "jo-ray"}}
    joined = keys(join_by_people(events, names))
    assert ["first"] in joined or ["second"] in joined  # never the two shootings in one event
    assert len(joined) == 2 and any("plea" in k and len(k) == 2 for k in joined)
    mass = [
        _fresh("2014", "2014-06-29", "2014-06-29", killed=1, injured=9),
        _fresh("2016", "2016-11-27", "2016-11-28", killed=1, injured=9),
        _fresh("trial", "2015-04-08", "2015-04-08", of_act=False, killed=1, injured=9),
    ]
    tolls = restated_tolls(mass)
    assert keys(join_by_people(cluster_reports(mass, {}), tolls)) == [["2014", "trial"], ["2016"]]


def test_a_victim_who_died_days_later_joins_the_shooting_reported_on_its_day():
    reports = [
        _fresh("shot", "2016-10-30", "2016-10-31", killed=0, injured=1),
        _fresh("died", "2016-12-19", "2016-12-20", of_act=False, killed=1, injured=0),  # "died Monday night"
    ]
    assert keys(join_by_people(cluster_reports(reports, {}), {"shot": {"jo-ray"}, "died": {"jo-ray"}})) == [
        ["died", "shot"]
    ]


def test_a_town_another_article_names_joins_it_only_with_the_same_toll():
    """An article on a shooting in one town that names the city of another shooting of that day
    ("hours after the attack in Dallas") is not that shooting, though both count one dead; a report
    the places layer put in another state's town of the name joins when the toll is the same."""
    dallas = dict(
        report("dallas", "2016-07-07", "gn:1", killed=1, injured=0, lat=32.8, lon=-96.8),
        admin1="Texas",
        location="Dallas",
        named_places=set(),
        place_words=" ",
    )
    bristol = dict(
        report("bristol", "2016-07-07", "gn:2", killed=1, injured=4, lat=36.6, lon=-82.2),
        admin1="Tennessee",
        location="Bristol",
        named_places={"gn:1"},
        place_words=" ",
    )
    assert keys(cluster_reports([dallas, bristol], {})) == [["bristol"], ["dallas"]]
    misread = dict(bristol, key="misread", article_id="misread", killed=1, injured=0)
    assert keys(cluster_reports([dallas, misread], {})) == [["dallas", "misread"]]


def test_events_that_name_two_persons_in_common_are_one_whatever_their_tolls():
    """A trial's story names the victims and the suspect of a spree and counts its dead its own way
    ("three killed, two wounded" of six dead): two persons in common make it the spree's; one
    person and that toll do not (a relative, a lawyer)."""
    reports = [
        _fresh("spree", "2016-03-09", "2016-03-10", killed=6, injured=3),
        _fresh("trial", "2016-05-23", "2016-05-27", of_act=False, killed=3, injured=2),
    ]
    events = cluster_reports(reports, {})
    assert len(events) == 2
    two = {"spree": {"jo-ray", "al-moss", "di-lee"}, "trial": {"jo-ray", "al-moss"}}
    assert keys(join_by_people(events, two)) == [["spree", "trial"]]
    one = {"spree": {"jo-ray", "al-moss"}, "trial": {"jo-ray"}}
    assert len(join_by_people(events, one)) == 2
    # two shootings each told on its day stay apart, however many names they share
    other = [_fresh("spree", "2016-03-09", "2016-03-10"), _fresh("later", "2016-05-23", "2016-05-24")]
    assert (
        len(
            join_by_people(
                cluster_reports(other, {}), {"spree": {"jo-ray", "al-moss"}, "later": {"jo-ray", "al-moss"}}
            )
        )
        == 2
    )


def test_a_name_counts_the_events_already_joined_once():
    """A suspect named by six stories of one shooting, four of which two shared victims' names
    already joined, is named by three incidents' events, not six: the name links them. Named by
    six incidents' events, it is a public figure's and links nothing."""
    day = [_fresh(f"s{n}", "2016-03-09", "2016-03-10", killed=2, injured=0) for n in range(4)]
    follow_ups = [
        _fresh(f"f{n}", f"2016-0{n + 4}-02", f"2016-0{n + 4}-02", of_act=False, killed=0) for n in range(2)
    ]
    events = [[r] for r in day + follow_ups]  # six events, as if no date window joined the four
    victims = {f"s{n}": {"cy-ames", "bo-dunn", "ed-kaye"} for n in range(4)}
    suspect = {key: {"ed-kaye"} for key in ("f0", "f1")}
    assert len(join_by_people(events, victims | suspect, common=5)) == 1
    assert len(join_by_people(events, {r["key"]: {"ed-kaye"} for r in day + follow_ups}, common=5)) == 6


def test_news_published_before_a_shooting_is_not_of_it():
    """A trial's story of a shooting on a street, with its rare toll, published months before
    another shooting on that street with the same toll, is not the news of the later one."""
    reports = [
        _fresh("trial", "2016-03-22", "2016-03-24", of_act=False, killed=1, injured=9),
        _fresh("later", "2016-11-27", "2016-11-27", killed=1, injured=9),
        _fresh("verdict", "2016-12-05", "2016-12-06", of_act=False, killed=1, injured=9),
    ]
    tolls = restated_tolls(reports)
    assert sorted(keys(join_by_people(cluster_reports(reports, {}), tolls))) == [
        ["later", "verdict"],
        ["trial"],
    ]


def test_a_local_paper_s_story_without_a_place_joins_the_one_event_at_its_home_town_with_its_toll():
    """A local paper's "a man was shot dead Sunday" names no place: it is of the paper's city when
    one event there that day gives its toll, and stays alone when none does or its paper has no
    home town (a common toll elsewhere tells nothing)."""
    city = report("city", "2016-05-01", "gn:1", killed=1, injured=0)
    elsewhere = report("elsewhere", "2016-05-01", "gn:2", killed=1, injured=0, lat=44.0, lon=-70.0)
    stub = dict(report("stub", "2016-05-01", "", killed=1, injured=0, lat=None, lon=None), admin1="")
    local = dict(stub, home_place_id="gn:1")
    assert keys(cluster_reports([city, elsewhere, local], {})) == [["city", "stub"], ["elsewhere"]]
    assert keys(cluster_reports([city, elsewhere, stub], {})) == [["city"], ["elsewhere"], ["stub"]]
    wounded = dict(local, killed=0, injured=1)
    assert keys(cluster_reports([city, elsewhere, wounded], {})) == [["city"], ["elsewhere"], ["stub"]]


def test_of_two_events_with_an_unplaced_report_s_toll_the_one_at_its_home_town_takes_it():
    """Five wounded on one day in two cities: a local paper's story that names no place is of the
    event in its own city; a story from no known outlet still cannot tell which."""
    city = report("city", "2016-05-01", "gn:1", killed=0, injured=5)
    elsewhere = report("elsewhere", "2016-05-01", "gn:2", killed=0, injured=5, lat=44.0, lon=-70.0)
    stub = dict(report("stub", "2016-05-01", "", killed=0, injured=5, lat=None, lon=None), admin1="")
    local = dict(stub, home_place_id="gn:1")
    assert keys(cluster_reports([city, elsewhere, local], {})) == [["city", "stub"], ["elsewhere"]]
    assert keys(cluster_reports([city, elsewhere, stub], {})) == [["city"], ["elsewhere"], ["stub"]]


def test_two_unplaced_stories_of_one_home_town_with_one_toll_are_one_event():
    """Two stories of a city's papers, neither naming a place ("five people were shot Wednesday
    night"), are one incident when they give one toll within the date window; stories of papers of
    two cities, or with other tolls, stay apart."""
    stub = dict(report("one", "2016-05-04", "", killed=0, injured=5, lat=None, lon=None), admin1="")
    first = dict(stub, home_place_id="gn:1")
    second = dict(first, key="two", article_id="two", date=dt.date(2016, 5, 5))
    assert keys(cluster_reports([first, second], {})) == [["one", "two"]]
    assert keys(cluster_reports([first, dict(second, home_place_id="gn:2")], {})) == [["one"], ["two"]]
    assert keys(cluster_reports([first, dict(second, injured=2)], {})) == [["one"], ["two"]]
    assert keys(cluster_reports([first, dict(second, home_place_id="")], {})) == [["one"], ["two"]]
