"""The period of the harm bounds its day ("shot last week", "killed two weeks ago", "last month's
attack"), and a count of days back names a day ("four days ago").

Sentences are written for these tests."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
import spacy

from helpers.extract.casualties.days import counted_back, day_keys
from helpers.extract.events.dating import event_date
from helpers.extract.events.periods import period_days
from helpers.run import extract
from tests.test_events import reports_of


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def test_a_count_of_days_back_names_a_day_and_of_weeks_a_period(blank):
    assert day_keys([blank("four days ago")[:]]) == {(2, -4)}
    assert day_keys([blank("a day ago")[:]]) == {(2, -1)}
    assert day_keys([blank("a few days ago")[:]]) == set()  # no count
    assert day_keys([blank("two weeks ago")[:]]) == set()  # a period
    assert counted_back(["three", "months", "ago"]) == (3, 30)
    tuesday = dt.date(2016, 5, 10)
    weeks = period_days(blank("two weeks ago")[:], tuesday)
    assert (weeks.date, weeks.precision) == (dt.date(2016, 4, 26), 2)
    assert period_days(blank("three months ago")[:], tuesday).precision == 3


@pytest.mark.parametrize(
    ("phrase", "published", "first", "last"),
    [
        ("last week", "2016-05-10", "2016-05-01", "2016-05-09"),  # Monday 2 to Sunday 8, a day either side
        ("earlier this week", "2016-05-12", "2016-05-08", "2016-05-12"),
        ("last month", "2016-01-20", "2015-11-30", "2016-01-01"),
        ("earlier this month", "2016-05-10", "2016-04-30", "2016-05-10"),
        ("last weekend", "2016-05-10", "2016-04-30", "2016-05-10"),
    ],
)
def test_a_period_spans_its_calendar_days(blank, phrase, published, first, last):
    found = period_days(blank(phrase)[:], dt.date.fromisoformat(published))
    assert (found.first.isoformat(), found.last.isoformat()) == (first, last)


def test_the_period_of_the_harm_leaves_out_the_days_of_other_acts(blank):
    doc = blank("They were killed last month in an ambush on Saturday night . He fired on April 23 .")
    killed, saturday, april = doc[3:5], doc[9:11], doc[15:17]
    # Saturday is May 7, after last month (April): not the ambush's day; April 23 is
    found = event_date([saturday, april], "2016-05-10", bounds=[killed])
    assert (found.date, found.precision) == ("2016-04-23", 1)
    alone = event_date([saturday], "2016-05-10", bounds=[killed])
    assert (alone.date, alone.precision) == ("2016-04-10", 3)  # the period itself
    assert alone.reason == "'last month': a period (not 'Saturday night')"
    # Without a bound, the first day named dates it, as before.
    assert event_date([saturday, april], "2016-05-10").date == "2016-05-07"


def test_reports_are_dated_within_the_period_of_their_harm(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "days ago": "A teenager died on Monday after being shot four days ago in Dayton, Ohio.",
        "weeks ago": "A teenager died on Monday after being shot two weeks ago in Dayton, Ohio. "
        "Detectives linked the shooting to the killing of a rival in Columbus, Ohio on March 3.",
        "last week's": "Police named the woman killed in last week's shooting at a mall in Dayton, Ohio. "
        "She was shot in the parking lot on Tuesday, police said.",
        "background": "A man was shot and killed outside a bar in Dayton, Ohio on Sunday. "
        "It was the second shooting at the bar since a bouncer was killed there last month.",
    }
    reports = reports_of(tmp_path, texts).query("report == 0")  # published Tuesday 2016-05-10
    dated = {key: (row.event_date, row.time_precision) for key, row in reports.iterrows()}
    assert dated == {
        "days ago": ("2016-05-06", 1),
        "weeks ago": ("2016-04-26", 2),  # not March 3, the rival's killing, nor Monday, the death
        "last week's": ("2016-05-03", 1),  # last week's Tuesday, not the paper's
        "background": ("2016-05-08", 1),  # another sentence's "last month" bounds nothing
    }


def test_a_headline_s_period_of_another_incident_bounds_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    record = {
        "id": "corner",
        "date": "2016-07-16",  # a Saturday
        "title": "4 wounded in drive-by at Dayton corner where 2 were shot a week ago",
        "text": "Four people were wounded early Saturday in a drive-by shooting in Dayton, Ohio.",
    }
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps(record), encoding="utf-8")
    extract(corpus, tmp_path / "out", progress=False)
    reports = pd.read_parquet(tmp_path / "out" / "event_reports.parquet")
    assert reports[["event_date", "time_precision"]].values.tolist() == [["2016-07-16", 1]]


def test_a_toll_over_the_past_week_is_the_news_dated_to_the_week(tmp_path, monkeypatch):
    """ "The past week" is the seven days up to the report, whose toll is the article's news, not an
    earlier incident as "last week" is; the event is dated to the week and placed where it was."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    record = {
        "id": "weekly",
        "date": "2024-06-10",
        "title": "Army says it killed 40 rebels",
        "text": "KAMPALA (Reuters) - Uganda's army said on Monday its soldiers had killed more than 40 "
        "fighters of the Allied Democratic Forces in clashes in Ntoroko district over the past week.",
    }
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps(record), encoding="utf-8")
    extract(corpus, tmp_path / "out", progress=False)
    casualties = pd.read_parquet(tmp_path / "out" / "casualties.parquet")
    assert casualties[["low", "scope"]].values.tolist() == [[40, "current"], [41, "current"]]
    reports = pd.read_parquet(tmp_path / "out" / "event_reports.parquet")
    assert reports[["event_date", "time_precision", "admin1"]].values.tolist() == [
        ["2024-06-03", 2, "Western"]
    ]


@pytest.mark.parametrize(
    ("phrase", "published", "date", "first", "last"),
    [
        ("in February", "2016-05-10", "2016-02-15", "2016-01-31", "2016-03-01"),
        ("late November", "2016-05-10", "2015-11-15", "2015-10-31", "2015-12-01"),  # last year's
        ("in May", "2016-05-10", "2016-05-10", "2016-04-30", "2016-05-10"),  # never after the paper
        ("in March 2014", "2016-05-10", "2014-03-15", "2014-02-28", "2014-04-01"),
    ],
)
def test_a_month_named_without_a_day_is_a_period_dated_by_its_middle(
    blank, phrase, published, date, first, last
):
    found = period_days(blank(phrase)[1:], dt.date.fromisoformat(published))
    assert (found.date.isoformat(), found.precision) == (date, 3)
    assert (found.first.isoformat(), found.last.isoformat()) == (first, last)
    assert period_days(blank("on May 3")[1:], dt.date(2016, 5, 10)) is None  # a day


def test_a_follow_up_is_dated_by_the_month_or_the_day_of_its_harm_not_of_its_news(tmp_path, monkeypatch):
    """A follow-up tells a later act by its day ("charged on Monday") and the harm by its month ("in
    February") or by a day far after the verb of harm ("accused of killing … in the early hours of
    March 3"): the harm's phrase dates the event, not the day of the charge."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "month": "A military court charged two soldiers on Monday over the killing of five civilians "
        "at a checkpoint in Sittwe, Myanmar in February.",
        "end": "Police announced on Monday the arrest of a man they believe shot six people, two fatally, "
        "outside a market in Kisumu, Kenya at the end of April.",
        "far day": "Police arrested a herder on Monday. He is accused of killing three unarmed villagers "
        "on a farm road near Kasese, Uganda in the early hours of March 3.",
    }
    reports = reports_of(tmp_path, texts).query("report == 0")  # published Tuesday 2016-05-10
    dated = {key: (row.event_date, row.time_precision) for key, row in reports.iterrows()}
    assert dated == {"month": ("2016-02-15", 3), "end": ("2016-04-15", 3), "far day": ("2016-03-03", 1)}
