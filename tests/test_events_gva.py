"""Events on US news (the causes of the GVA benchmark's misses): dates of follow-ups and date
stamps, a state narrowed to the article's town, competing wounded counts, restated tolls.

Sentences are written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest
import spacy

from helpers.aggregate.event_links import join_by_people, restated_tolls
from helpers.aggregate.event_merge import cluster_reports
from helpers.aggregate.events import events_table
from helpers.extract.events.coding import article_group, code_actors
from helpers.extract.events.dating import event_date
from helpers.extract.events.grouping import incident_groups
from helpers.extract.events.incident_place import incident_place
from helpers.tables import columns
from tests.test_events import keys, report, reports_of


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


# ----------------------------------------------------------------------------- dates


def test_evidence_without_a_day_takes_the_first_day_the_article_names(blank):
    lead = blank("The boy was shot on Saturday near his home .")
    toll = blank("He died in hospital , police said .")
    found = event_date([], "2015-03-10", [lead[4:6]])
    assert (found.date, found.precision) == ("2015-03-07", 1)
    assert "first day the article names" in found.reason
    # A day of the evidence itself wins over the article's.
    wednesday = blank("He died on Wednesday .")
    assert event_date([wednesday[3:4]], "2015-03-10", [lead[4:6]]).date == "2015-03-04"
    assert event_date([toll[3:4]], "2015-03-10", []).precision == 2  # no day at all: publication day


def test_a_written_year_is_kept_and_the_page_date_stamp_names_no_day(blank):
    trial = blank("He shot the barber on June 4 , 2015 .")
    found = event_date([trial[5:9]], "2016-11-04")
    assert found.date == "2015-06-04"  # not the June 4 before the paper's date (2016)
    stamp = blank("Posted : Tuesday , April 15 , 2014 4:20 PM EDT . Two men were shot Monday .")
    days = [stamp[2:8], stamp[16:17]]
    assert event_date(days, "2014-04-15").date == "2014-04-14"  # the stamp is skipped, Monday read
    assert event_date([stamp[2:8]], "2014-04-12").precision == 2  # a stamp after the paper's date
    assert event_date([stamp[4:6]], "2014-04-20").date == "2014-04-15"  # no year: a day of the story


def assert_dated_to_the_day(reports, expected: dict[str, str]) -> None:
    """Each report of ``expected`` is dated to its day, with precision 1 (a day)."""
    for key, day in expected.items():
        assert (reports.loc[key, "event_date"], reports.loc[key, "time_precision"]) == (day, 1), key


def test_a_follow_up_is_dated_by_the_day_of_the_act_not_of_an_arrest_or_a_statement(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "lead": "A teenager was shot outside a store in Dayton, Ohio on Saturday.\n\n"
        "Two people were killed in the shooting.",
        "said": "Police said on Monday that they are looking for a gunman in Dayton, Ohio.\n\n"
        "Two people were killed in the shooting.",
        "arrest": "A man was arrested on Friday in Dayton, Ohio. "
        "Two people were shot and killed outside a store there on Monday.",
        "arrest-only": "A man was arrested on Friday in Dayton, Ohio. "
        "Two people were shot and killed outside a store there.",
    }
    reports = reports_of(tmp_path, texts)  # published Tuesday 2016-05-10
    assert reports.loc["lead", "event_date"] == "2016-05-07"
    assert reports.loc["said", "event_date"] == "2016-05-10"  # the publication day, precision 2
    assert reports.loc["said", "time_precision"] == 2
    assert reports.loc["arrest", "event_date"] == "2016-05-09"  # the day they were shot, not arrested
    assert reports.loc["lead", "date_of_act"] and reports.loc["arrest", "date_of_act"]
    assert not reports.loc["said", "date_of_act"]
    # No day of the act: before the arrest's.
    assert (reports.loc["arrest-only", "event_date"], reports.loc["arrest-only", "time_precision"]) == (
        "2016-05-06",
        2,
    )


def test_a_day_of_a_later_act_does_not_date_the_violence_but_a_first_response_does(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "arraigned": "Two men were arraigned on Monday in Dayton, Ohio over a shooting that killed two.",
        "identified": "The two people killed in a shooting in Dayton, Ohio were identified on Monday.",
        "responded": "Officers responded on Sunday to a shooting in Dayton, Ohio that killed two people.",
        "own arrest": "Police arrested three men in Dayton, Ohio on Saturday.",
    }
    reports = reports_of(tmp_path, texts)  # published Tuesday 2016-05-10
    for key in ("arraigned", "identified"):  # the court's and the coroner's day: the event was before
        assert (reports.loc[key, "event_date"], reports.loc[key, "time_precision"]) == ("2016-05-09", 2)
        assert reports.loc[key, "date_reason"].startswith("before 'Monday', the day of a later act")
    assert (reports.loc["responded", "event_date"], reports.loc["responded", "time_precision"]) == (
        "2016-05-08",
        1,
    )
    # An arrest is the act of a report of arrests.
    assert (reports.loc["own arrest", "event_date"], reports.loc["own arrest", "time_precision"]) == (
        "2016-05-07",
        1,
    )
    # Only the day of the harm itself (or of a report's own arrests) is the day of the act.
    assert reports["date_of_act"].to_dict() == {
        "arraigned": False,
        "identified": False,
        "responded": False,
        "own arrest": True,
    }


def test_a_day_written_with_the_incident_noun_dates_the_incident(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "before": "State police issued a report on Friday about the April 24 mass shooting in Dayton, Ohio "
        "that killed five people.",
        "possessive": "Two were charged on Monday in Saturday's shooting in Dayton, Ohio that killed two.",
        "after": "A man was arraigned on Monday in the shooting on Saturday in Dayton, Ohio that killed two.",
        "accused": "A man accused in a May 5 shooting that killed two in Dayton, Ohio was in court Monday.",
        "hearing": "Two were charged at a Monday hearing in Dayton, Ohio over a shooting that killed two.",
        "killing": "A man was charged on Monday in the May 1 killing of a teenager in Dayton, Ohio.",
    }
    reports = reports_of(tmp_path, texts)  # published Tuesday 2016-05-10
    expected = {
        "before": "2016-04-24",
        "possessive": "2016-05-07",
        "after": "2016-05-07",
        "accused": "2016-05-05",
        "killing": "2016-05-01",
    }
    assert_dated_to_the_day(reports, expected)
    # A hearing is no incident: its day is a later act's, the shooting was before it.
    assert reports.loc["hearing", "time_precision"] == 2


def test_a_holiday_of_a_fixed_date_dates_the_event(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "eve": "A man was killed in a New Year's Eve shooting in Dayton, Ohio, police said.",  # tagged EVENT
        "christmas": "Two people were shot on Christmas Eve in Dayton, Ohio.",
        "july": "Three people were wounded in a shooting on the Fourth of July in Dayton, Ohio.",
    }
    reports = reports_of(tmp_path, texts)  # published 2016-05-10: the last such day before it
    expected = {"eve": "2015-12-31", "christmas": "2015-12-24", "july": "2015-07-04"}
    assert_dated_to_the_day(reports, expected)


def test_a_moveable_holiday_dates_the_event_in_its_year(tmp_path, monkeypatch):
    """Easter and the holidays kept on the nth weekday of a month fall on other days each year:
    the latest before the paper, whatever the model tags them (a building, an event, a date); the
    day after one is the next day; a holiday's weekend is no one day."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "easter": "Two men were shot and killed outside a church in Dayton, Ohio on Easter Sunday, "
        "police said.",
        "thanksgiving": "A woman was shot and wounded at a family gathering in Dayton, Ohio on "
        "Thanksgiving night.",
        "after": "A 16-year-old boy was shot and killed in Dayton, Ohio the day after Thanksgiving, "
        "police said.",
        "labor": "Two people were wounded in a shooting in Dayton, Ohio on Labor Day.",
        "weekend": "Three people were shot in Dayton, Ohio over the Thanksgiving weekend, police said "
        "on Monday.",
        "prayer": "A man was shot dead in Dayton, Ohio as the family said a prayer of thanksgiving.",
    }
    reports = reports_of(tmp_path, texts)  # published Tuesday 2016-05-10
    # Easter 2016 was March 27 (not the Sunday before the paper); Labor Day 2016 is after it
    expected = {
        "easter": "2016-03-27",
        "thanksgiving": "2015-11-26",
        "after": "2015-11-27",
        "labor": "2015-09-07",
    }
    assert_dated_to_the_day(reports, expected)
    assert reports.loc["weekend", "event_date"] != "2015-11-26"
    assert reports.loc["prayer", "time_precision"] == 2  # a word of prayer is no holiday


def test_last_with_the_weekday_of_the_paper_is_a_week_ago(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "last": "A man was shot and killed last Tuesday outside a store in Dayton, Ohio, police said.",
        "bare": "A man was shot and killed Tuesday outside a store in Dayton, Ohio, police said.",
        "other": "A man was shot and killed last Friday outside a store in Dayton, Ohio, police said.",
    }
    reports = reports_of(tmp_path, texts)  # published Tuesday 2016-05-10
    assert reports.loc["last", "event_date"] == "2016-05-03"
    assert reports.loc["bare", "event_date"] == "2016-05-10"
    assert reports.loc["other", "event_date"] == "2016-05-06"


def test_a_page_stamped_the_day_before_its_news_is_read_from_the_day_after(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        # a Tuesday's stamp, a story written on Wednesday about Tuesday night
        "stamped": "Police on Wednesday were still looking for the gunman who shot a woman outside a bar "
        "in Dayton, Ohio late Tuesday night.",
        "next": "Police on Wednesday were still looking for the gunman who shot a woman outside a bar "
        "in Dayton, Ohio.",
        # a week-old story: its Wednesday is six days back, its Friday four
        "week": "A woman shot outside a bar in Dayton, Ohio on Wednesday was identified by the coroner "
        "on Friday.",
    }
    reports = reports_of(tmp_path, texts)  # published Tuesday 2016-05-10
    assert reports.loc["stamped", "event_date"] == "2016-05-10"
    assert reports.loc["next", "event_date"] == "2016-05-11"  # not the Wednesday six days back
    assert "the day after its date 2016-05-10" in reports.loc["next", "date_reason"]
    assert reports.loc["week", "event_date"] == "2016-05-04"


def test_a_date_written_with_its_weekday_is_the_year_they_agree(blank):
    doc = blank("shot on Wednesday , Nov. 11 and on Sunday , Feb. 28 ; update of Wednesday , April 5 .")
    assert event_date([doc[2:6]], "2016-11-23").date == "2015-11-11"  # Nov. 11, 2016 was a Friday
    assert event_date([doc[8:12]], "2016-02-29").date == "2016-02-28"
    # no recent year has a Wednesday April 5 (a later update of the page): the next phrase dates it
    assert event_date([doc[15:19], doc[8:12]], "2016-02-29").date == "2016-02-28"


def test_the_day_of_the_wounded_s_condition_is_a_later_day(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "condition": "Police seek witnesses\n\nTwo men remained in critical condition Monday at a hospital "
        "in Dayton, Ohio.\n\nA crowd had gathered on the sidewalk.\n\nOfficers had answered a call of shots "
        "fired outside a bar on Saturday night.",
        "died": "A teenager shot in the head near the Dayton Art Institute died Monday, police said.",
    }
    reports = reports_of(tmp_path, texts)  # published Tuesday 2016-05-10
    assert reports.loc["condition", "event_date"] == "2016-05-07"
    # the day he died is no day of the shooting: the report is dated by it, but not as the act's
    assert reports.loc["died", "event_date"] == "2016-05-09"
    assert not reports.loc["died", "date_of_act"]


def test_a_day_the_model_leaves_untagged_dates_the_event(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    # the small model tags "about 9:45 p.m." a time and the month day after it nothing
    texts = {
        "untagged": "Police seek witnesses\n\nA man was shot about 9:45 p.m. May 2 outside a bar in Dayton, "
        "Ohio."
    }
    reports = reports_of(tmp_path, texts)  # published Tuesday 2016-05-10
    assert (reports.loc["untagged", "event_date"], reports.loc["untagged", "time_precision"]) == (
        "2016-05-02",
        1,
    )


def test_an_event_no_report_dates_is_put_the_day_before_the_paper(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "undated": "Police seek witnesses\n\nA man was shot outside a bar in Dayton, Ohio, police said.",
        "dated": "Police seek witnesses\n\nA woman was stabbed on Sunday outside a store in Toledo, Ohio.",
    }
    reports = reports_of(tmp_path, texts)  # published Tuesday 2016-05-10
    assert (reports.loc["undated", "event_date"], reports.loc["undated", "time_precision"]) == (
        "2016-05-10",
        2,
    )
    events = pd.read_parquet(tmp_path / "out" / "events.parquet").set_index("location")
    assert (events.loc["Dayton", "event_date"], events.loc["Dayton", "time_precision"]) == ("2016-05-09", 2)
    assert "the day before the publication date 2016-05-10" in events.loc["Dayton", "date_reason"]
    assert events.loc["Toledo", "event_date"] == "2016-05-08"  # a day named: that day


def test_a_day_of_a_deadline_or_a_purpose_dates_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "gift": "A girl was killed when a shotgun her cousin got for Christmas went off in Dayton, Ohio.\n\n"
        "Deputies were called to the home on Sunday.",
        "until": "A man who was shot and wounded in Dayton, Ohio will stay in the hospital until Friday.\n\n"
        "Officers found him in a parked car on Saturday.",
    }
    reports = reports_of(tmp_path, texts)  # published Tuesday 2016-05-10
    assert reports.loc["gift", "event_date"] == "2016-05-08"  # the day the article names, not Christmas
    assert reports.loc["until", "event_date"] == "2016-05-07"


# ----------------------------------------------------------------------------- place


def test_a_state_is_narrowed_to_the_town_the_article_names_most(blank):
    doc = blank("A man was killed in Florida , deputies said .")
    state = {"place_id": "fl", "precision": 3, "country": "US", "admin1": "Florida", "kind": "admin1"}
    davie = {"place_id": "davie", "precision": 1, "country": "US", "admin1": "Florida", "kind": "city"}
    miami = {"place_id": "miami", "precision": 1, "country": "US", "admin1": "Florida", "kind": "city"}
    boston = {"place_id": "bos", "precision": 1, "country": "US", "admin1": "Massachusetts", "kind": "city"}
    places = [
        dict(state, start_char=20),
        *(dict(davie, start_char=n) for n in (60, 90, 120)),
        dict(miami, start_char=150),
        *(dict(boston, start_char=n) for n in (200, 230, 260, 290)),
    ]
    figure = {"place_id": "fl"}
    assert incident_place([figure], places, None, [doc[:9]])["place_id"] == "davie"
    # No town of that state named: the state stands (Boston is in another one).
    assert incident_place([figure], [places[0], *places[5:]], None, [doc[:9]])["place_id"] == "fl"


def test_a_county_is_narrowed_to_a_town_inside_it_the_evidence_names(blank):
    doc = blank("Pasco County deputies said a man was shot in Dade City on Sunday .")
    county = {"place_id": "pasco", "precision": 2, "country": "US", "admin1": "Florida", "kind": "admin2"}
    town = {"place_id": "dade", "precision": 1, "country": "US", "admin1": "Florida", "kind": "city"}
    county.update(lat=28.31, lon=-82.44, start_char=0)
    dade = dict(town, lat=28.36, lon=-82.20, start_char=44)
    miami = dict(town, place_id="miami", lat=25.77, lon=-80.19, start_char=44)  # Florida, 400 km away
    figure = {"place_id": "pasco"}
    assert incident_place([figure], [county, dade], None, [doc[:14]])["place_id"] == "dade"
    assert incident_place([figure], [county, miami], None, [doc[:14]])["place_id"] == "pasco"
    # A town of another state by the county's point is not in it.
    across = dict(dade, place_id="across", admin1="Georgia")
    assert incident_place([figure], [county, across], None, [doc[:14]])["place_id"] == "pasco"


def test_a_state_is_narrowed_to_the_dateline_town_inside_it(blank):
    """ACLED codes the most precise location the source gives; a dateline town is where the
    reporter filed, so a story that names only the state is placed at it at the state's precision."""
    doc = blank("A man was killed in Florida on Sunday , deputies said .")
    state = {"place_id": "fl", "precision": 3, "country": "US", "admin1": "Florida", "kind": "admin1"}
    dateline = {"place_id": "dade", "precision": 1, "country": "US", "admin1": "Florida", "kind": "city"}
    figure = {"place_id": "fl"}
    places = [dict(state, start_char=20)]
    found = incident_place([figure], places, None, [doc[:11]], [dict(dateline, start_char=0)])
    # named only by the dateline, the town stands for a place somewhere in the state: precision 3
    assert (found["place_id"], found["precision"]) == ("dade", 3)
    named = [*places, dict(dateline, start_char=40)]  # the town named in the body too: the town itself
    found = incident_place([figure], named, None, [doc[:11]], [dict(dateline, start_char=0)])
    assert (found["place_id"], found["precision"]) == ("dade", 1)
    # A dateline town of another state narrows nothing.
    elsewhere = dict(dateline, place_id="macon", admin1="Georgia", start_char=0)
    assert incident_place([figure], places, None, [doc[:11]], [elsewhere])["place_id"] == "fl"


# ----------------------------------------------------------------------------- merge


def test_wounded_counts_of_one_shooting_agree_within_a_third():
    reports = [
        report("early", "2014-07-04", "gn:1", killed=0, injured=14),
        report("later", "2014-07-05", "gn:1", killed=0, injured=15),
        report("one", "2014-07-04", "gn:1", killed=0, injured=1),
        report("two", "2014-07-04", "gn:1", killed=0, injured=2),  # another shooting, same town
    ]
    assert keys(cluster_reports(reports, {})) == [["early", "later"], ["one"], ["two"]]


def test_a_rare_toll_restated_weeks_later_joins_its_event():
    records = [
        report("party", "2015-01-11", "gn:1", killed=2, injured=5),
        report("arrest", "2015-02-28", "gn:1", killed=2, injured=5),  # the third suspect arrested
        report("elsewhere", "2015-03-02", "gn:2", killed=2, injured=5, lat=41.0),  # another town
        report("single", "2015-01-11", "gn:1", killed=1, injured=0),
        report("single-later", "2015-03-20", "gn:1", killed=1, injured=0),  # a common toll
    ]
    for record in records:
        record["geo_precision"] = 1
    links = restated_tolls(records)
    assert set(links) == {"party", "arrest", "elsewhere"}
    joined = join_by_people(cluster_reports(records, {}), links)
    assert keys(joined) == [["arrest", "party"], ["elsewhere"], ["single"], ["single-later"]]
    # A state is no place of its own: a toll placed there links nothing.
    assert not restated_tolls([dict(records[0], geo_precision=3)])


def test_a_country_total_of_attacks_in_several_provinces_is_a_round_up():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "107 people were killed across Iraq . In Taji , 42 died . In Mosul , 15 died . Police said ."
    doc = nlp(text)

    def at(word: str, **row) -> dict:
        start = text.index(word)
        return {"start_char": start, "end_char": start + len(word), "superseded_by": "", **row}

    iraq = at("Iraq", place_id="iq", admin1="")
    taji = at("Taji", place_id="taji", admin1="Baghdad")
    mosul = at("Mosul", place_id="mosul", admin1="Nineveh")
    total = at("107", place_id="iq", admin1="")
    parts = [
        at(n, place_id=p["place_id"], admin1=p["admin1"], superseded_by="0-3")
        for n, p in (("42", taji), ("15", mosul))
    ]
    groups = incident_groups([total, *parts], [iraq, taji, mosul], doc)
    assert [[r["start_char"] for r in g.figures] for g in groups] == [[text.index("42")], [text.index("15")]]
    # Both in one province, or a total placed in a province: one incident, the total's.
    same = [dict(parts[0]), dict(parts[1], place_id="taji", admin1="Baghdad")]
    assert len(incident_groups([total, *same], [iraq, taji, mosul], doc)) == 1
    # A total its own sentence places in a province is that province's; one placed there only by the
    # article's main place (its sentence names none) is a round-up when the article names its
    # figures' provinces as provinces, not towns alone (a hospital's town, a misread name).
    text = "107 people were killed in Taji . In Taji , 42 died . In Mosul , 15 died . Police said ."
    doc = nlp(text)
    in_taji = dict(taji, start_char=text.index("Taji"), end_char=text.index("Taji") + 4)
    local = dict(total, place_id="taji", admin1="Baghdad")
    assert len(incident_groups([local, *parts], [in_taji, taji, mosul], doc)) == 1
    doc = nlp(text.replace("in Taji", "at dawn", 1))  # as long: the offsets stay
    assert len(incident_groups([local, *parts], [taji, mosul], doc)) == 1
    text = "107 people were killed at dawn . In Anbr , 42 died . In Ninwa , 15 died . Police said ."
    doc = nlp(text)
    provinces = [
        at(name, place_id=name.lower(), admin1=admin1, kind="admin1")
        for name, admin1 in (("Anbr", "Baghdad"), ("Ninwa", "Nineveh"))  # as long as the towns
    ]
    named = [dict(part, place_id=province["place_id"]) for part, province in zip(parts, provinces)]
    assert len(incident_groups([local, *named], provinces, doc)) == 2


def test_the_article_one_armed_group_is_the_attacker_when_the_evidence_names_none():
    ira = {"actor_id": "pira", "canonical": "Provisional IRA", "category": "armed_group"}
    uda = {"actor_id": "uda", "canonical": "Ulster Defence Association", "category": "armed_group"}
    group = article_group([ira, ira, {"actor_id": "bbc", "category": "media"}])
    first, _ = code_actors([], {"civilians"}, [], "United Kingdom", group)
    assert first[0].name == "Provisional IRA"
    first, _ = code_actors([], {"civilians"}, [uda], "United Kingdom", group)
    assert first[0].name == "Ulster Defence Association"  # the group the evidence names wins
    # A group named twice, at least twice as often as the others together, is the article's group.
    first, _ = code_actors([], {"civilians"}, [], "United Kingdom", article_group([ira, ira, uda]))
    assert first[0].name == "Provisional IRA"
    # Two groups named as often, or one named once: no attribution, ACLED's unidentified armed group.
    for named in ([ira, ira, uda, uda], [ira]):
        first, _ = code_actors([], {"civilians"}, [], "United Kingdom", article_group(named))
        assert first[0].name == "Unidentified Armed Group (United Kingdom)"


# ----------------------------------------------------------------------------- place of the event


def test_the_event_is_placed_at_the_town_a_report_names_not_at_the_main_reports_state():
    names = columns("event_reports")
    base = dict.fromkeys(names, "")
    state = dict(place_id="gn:state", location="Ohio", latitude=40.3, longitude=-82.8, geo_precision=3)
    town = dict(place_id="gn:town", location="Dayton", latitude=39.76, longitude=-84.19, geo_precision=1)
    rows = [
        dict(
            base,
            **where,
            article_id=article,
            report=0,
            event_date="2016-03-06",
            time_precision=1,
            country="United States",
            admin1="Ohio",
            inter1=pd.NA,
            inter2=pd.NA,
            interaction=pd.NA,
            excluded=False,
        )
        for article, where in (("a", state), ("b", town), ("c", state))
    ]
    reports = pd.DataFrame(rows, columns=names).astype({"time_precision": "Int64", "geo_precision": "Int64"})
    articles = pd.DataFrame(
        {"article_id": ["a", "b", "c"], "date": "", "outlet": "", "url": "", "near_duplicate_of": ""}
    )
    events = events_table(reports, pd.DataFrame(columns=columns("casualties")), articles)
    assert len(events) == 1
    row = events.iloc[0]
    assert (row["location"], row["geo_precision"], row["admin1"]) == ("Dayton", 1, "Ohio")
    assert row["reports"] == "a#0;b#0;c#0"


def test_a_day_written_after_its_verb_dates_that_verb_whatever_the_parse(tmp_path, monkeypatch):
    # A reduced relative clause ("a boy shot ... Wednesday night was identified ... Friday"): the
    # small model reads "shot" as the main verb and the night as the subject of "identified".
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "relative": "A 16-year-old boy fatally shot in East Dayton Wednesday night was identified "
        "by the coroner Friday as Sam Lee.",
        "wounded": "A man wounded in a shooting in Dayton, Ohio Saturday was identified Monday as Bo Reed.",
        "said": "Police said Friday that a woman was shot Saturday night in Dayton, Ohio and died.",
        "noun": "A Dayton, Ohio man accused in a May 5 shooting that killed one pleaded guilty Monday.",
    }
    reports = reports_of(tmp_path, texts)  # published Tuesday 2016-05-10
    assert reports.loc["relative", "event_date"] == "2016-05-04"
    assert (reports.loc["wounded", "event_date"], reports.loc["wounded", "time_precision"]) == (
        "2016-05-07",
        1,
    )
    assert reports.loc["said", "event_date"] == "2016-05-07"
    assert reports.loc["noun", "event_date"] == "2016-05-05"  # the shooting's day, not the accusation's
