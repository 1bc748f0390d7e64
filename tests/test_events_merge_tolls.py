"""Event merging of early and later counts (issue #19)."""

from __future__ import annotations

from helpers.aggregate.event_merge import cluster_reports
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
