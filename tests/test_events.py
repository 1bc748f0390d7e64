"""Tests for the events: per-article reports (type, actors, date, place) and the merge across articles.

Sentences are written for these tests; the seed article is read from ``seeds/``.
"""

import datetime as dt
import json

import pandas as pd
import pytest
import spacy

from helpers import config
from helpers.aggregate import event_merge
from helpers.aggregate.event_links import join_by_people, report_people
from helpers.aggregate.event_merge import cluster_reports
from helpers.aggregate.events import events_table
from helpers.extract.events.classification import agent_side, classify
from helpers.extract.events.coding import code_actors, interaction
from helpers.extract.events.dating import event_date
from helpers.extract.events.incident_place import incident_place
from helpers.run import Tables
from helpers.run.runner import extract
from helpers.tables import columns
from helpers.views import events as event_views

SEED = config.PROJECT_DIR / "seeds" / "000_09ded475ebf546e7.txt"


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


# ----------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "phrase", "published", "date", "precision"),
    [
        ("In the early hours of Saturday , gunmen attacked .", (1, 6), "2019-03-11", "2019-03-09", 1),
        ("Late Tuesday a bomb went off .", (0, 2), "2019-03-14", "2019-03-12", 1),
        ("A man was shot yesterday .", (4, 5), "2019-03-14", "2019-03-13", 1),
        ("Clashes broke out last week .", (3, 5), "2019-03-14", "2019-03-07", 2),
        ("Earlier this month , fighters stormed a base .", (0, 3), "2019-03-14", "2019-03-14", 3),
        # a clock time's hour is no day of the month
        ("The blast came at 2 a.m. Aug. 29 near the market .", (4, 8), "2019-09-10", "2019-08-29", 1),
        ("Troops fired at about 9 p.m. on 4 March , witnesses said .", (3, 9), "2019-03-14", "2019-03-04", 1),
    ],
)
def test_event_date_from_day_and_period_phrases(blank, text, phrase, published, date, precision):
    doc = blank(text)
    found = event_date([doc[phrase[0] : phrase[1]]], published)
    assert (found.date, found.precision) == (date, precision)


def test_event_date_without_phrase_is_the_publication_day_with_week_precision(blank):
    found = event_date([], "2020-01-02")
    assert (found.date, found.precision) == ("2020-01-02", 2)
    assert "publication date" in found.reason


# ----------------------------------------------------------------------------- coding


def test_types_follow_lemmas_and_victim_sides():
    assert (
        classify([{"airstrike", "kill"}], {"civilians"}, {"killed"})[0].sub_event_type == "Air/drone strike"
    )
    assert classify([{"shoot"}], {"civilians"}, {"killed"})[0].event_type == "Violence against civilians"
    assert classify([{"clash"}], {"security forces"}, {"killed"})[0].sub_event_type == "Armed clash"
    assert classify([{"say"}], set(), {"kidnapped"})[0].sub_event_type == "Abduction/forced disappearance"
    assert classify([{"say"}], set(), {"arrested"})[0].sub_event_type == "Arrests"


def test_an_abduction_in_which_people_were_killed_or_hurt_is_the_attack_it_was():
    # ACLED: an abduction with no further violence is one; with dead or wounded, an attack.
    words = [{"attack", "kill", "kidnap"}]
    assert classify(words, {"civilians"}, {"kidnapped"})[0].sub_event_type == "Abduction/forced disappearance"
    assert classify(words, {"civilians"}, {"kidnapped", "killed"})[0].sub_event_type == "Attack"
    assert classify([{"say"}], {"civilians"}, {"kidnapped", "injured"})[0].sub_event_type == "Attack"
    assert classify(words, {"security forces"}, {"kidnapped", "killed"})[0].sub_event_type == "Armed clash"


def test_who_took_a_town_decides_regained_or_overtaken():
    state, armed = frozenset({"security forces"}), frozenset({"armed groups"})
    assert (
        classify([{"capture:PLACE"}], {"unknown"}, set(), state)[0].sub_event_type
        == "Government regains territory"
    )
    assert (
        classify([{"seize control"}], {"unknown"}, set(), armed)[0].sub_event_type
        == "Non-state actor overtakes territory"
    )
    # The agent is the first actor of a side named (a news agency is none).
    named = [{"category": "media"}, {"category": "armed_group"}, {"category": "state_force"}]
    assert agent_side(named) == armed


def test_a_country_place_is_narrowed_to_the_town_its_evidence_names(blank):
    doc = blank("Thirteen people were killed at a cafe in Madrid , Spain . Police in Lyon said .")
    spain = {
        "place_id": "es",
        "precision": 4,
        "country": "ES",
        "admin1": "",
        "kind": "country",
        "start_char": 50,
    }
    madrid = {"place_id": "mad", "precision": 1, "country": "ES", "admin1": "Madrid", "kind": "city"}
    lyon = {"place_id": "lyon", "precision": 1, "country": "FR", "admin1": "Rhone", "kind": "city"}
    places = [dict(madrid, start_char=41), spain, dict(lyon, start_char=68)]
    figure = {"place_id": "es"}
    assert incident_place([figure], places, None, [doc[:11]])["place_id"] == "mad"
    # Evidence naming no town of Spain (Lyon is not in Spain): the article's town in Spain, else Spain.
    assert incident_place([figure], places, None, [doc[11:]])["place_id"] == "mad"
    assert incident_place([figure], places[1:], None, [doc[11:]])["place_id"] == "es"


def test_a_place_abroad_named_once_gives_way_to_the_article_main_place(blank):
    doc = blank("A man was shot near a Toyota dealership . Police in Los Angeles said .")
    toyota = {"place_id": "toyota", "precision": 1, "country": "JP", "admin1": "Aichi", "kind": "city"}
    angeles = {"place_id": "la", "precision": 1, "country": "US", "admin1": "California", "kind": "city"}
    places = [dict(toyota, start_char=24), dict(angeles, start_char=55)]
    figure = {"place_id": "toyota"}
    main = dict(angeles, start_char=55, n_mentions=3)
    assert incident_place([figure], places, main, [doc[:8]])["place_id"] == "la"
    # Named twice, or the article's main place named once only: the figure's place stands.
    assert (
        incident_place([figure], [*places, dict(toyota, start_char=30)], main, [doc[:8]])["place_id"]
        == "toyota"
    )
    assert incident_place([figure], places, dict(main, n_mentions=1), [doc[:8]])["place_id"] == "toyota"


def test_actors_perpetrator_first_and_the_side_hit_second():
    mentions = [
        {"actor_id": "pmf", "canonical": "Popular Mobilization Forces", "category": "militia"},
        {"actor_id": "isis", "canonical": "Islamic State", "category": "armed_group"},
    ]
    first, second = code_actors(["isis"], {"security forces"}, mentions, "Iraq")
    assert (first[0].name, first[0].inter, second[0].name, second[0].inter) == (
        "Islamic State",
        2,
        "Popular Mobilization Forces",
        3,
    )
    first, second = code_actors([], {"civilians"}, [], "Iraq")
    assert (first[0].name, second[0].name) == ("Unidentified Armed Group (Iraq)", "Civilians (Iraq)")
    assert interaction(first[0].inter, second[0].inter) == 27


# ----------------------------------------------------------------------------- merge


def report(key, date, place, *, killed=1, injured=0, lat=40.0, lon=-75.0, admin1="Pennsylvania", actor=""):
    return {
        "key": key,
        "article_id": key,
        "report": 0,
        "date": dt.date.fromisoformat(date),
        "time_precision": 1,
        "country": "United States",
        "admin1": admin1,
        "place_id": place,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": 1,
        "actor1_id": actor,
        "killed": killed,
        "injured": injured,
    }


def keys(events):
    return sorted(sorted(r["key"] for r in event) for event in events)


def test_same_town_and_day_merge_other_towns_of_the_state_do_not():
    reports = [
        report("a", "2015-06-03", "gn:1", killed=2, injured=1),
        report("b", "2015-06-04", "gn:1", killed=2, injured=1),
        report("c", "2015-06-03", "gn:2", killed=2, injured=1, lat=41.5, lon=-77.0),
        report("d", "2015-06-20", "gn:1", killed=2, injured=1),
    ]
    assert keys(cluster_reports(reports, {})) == [["a", "b"], ["c"], ["d"]]


def test_different_tolls_or_perpetrators_in_one_town_are_different_events():
    reports = [
        report("a", "2015-06-03", "gn:1", killed=3, injured=0),
        report("b", "2015-06-03", "gn:1", killed=0, injured=5),
        report("c", "2015-06-03", "gn:1", killed=3, injured=0, actor="isis"),
        report("d", "2015-06-03", "gn:1", killed=3, injured=0, actor="al_shabaab"),
    ]
    assert keys(cluster_reports(reports, {})) == [["a", "c"], ["b"], ["d"]]


def test_a_victim_dying_of_wounds_and_a_copy_join_the_event():
    reports = [
        report("a", "2015-06-03", "gn:1", killed=1, injured=2),
        report("b", "2015-06-04", "gn:1", killed=2, injured=1),
        report("copy", "2015-06-09", "gn:9", killed=0, injured=0, lat=10.0, lon=10.0),
    ]
    assert keys(cluster_reports(reports, {"copy": "a"})) == [["a", "b", "copy"]]


def test_merge_compares_reports_only_within_the_date_window(monkeypatch):
    calls = []
    original = event_merge.match_score

    def counting(one, other, **options):
        calls.append(1)
        return original(one, other, **options)

    monkeypatch.setattr(event_merge, "match_score", counting)
    start = dt.date(2015, 1, 1)
    reports = [
        report(f"r{n}", (start + dt.timedelta(days=n // 2)).isoformat(), f"gn:{n}", lat=n, lon=n)
        for n in range(2000)
    ]
    assert len(cluster_reports(reports, {})) == 2000
    assert len(calls) < 20 * len(reports)  # all pairs would be 2 million


def test_reports_without_a_place_are_compared_only_with_events_of_their_dates(monkeypatch):
    calls = []
    original = event_merge._tells_toll

    def counting(report, other, window_days):
        calls.append(1)
        return original(report, other, window_days)

    monkeypatch.setattr(event_merge, "_tells_toll", counting)
    start = dt.date(2015, 1, 1)
    placed = [
        report(f"p{n}", (start + dt.timedelta(days=n)).isoformat(), f"gn:{n}", lat=n, lon=n)
        for n in range(1000)
    ]
    unplaced = [dict(r, key=f"u{n}", article_id=f"u{n}", place_id="", killed=4) for n, r in enumerate(placed)]
    assert len(cluster_reports(placed + unplaced, {})) == 2000  # no toll the same
    assert len(calls) < 20 * len(unplaced)  # every event for every report would be a million


def test_a_follow_up_naming_the_victim_joins_the_event_weeks_later():
    reports = [
        report("shot", "2015-06-03", "gn:1", killed=0, injured=1),
        report("died", "2015-07-20", "gn:1", killed=1, injured=0),  # the victim died, weeks later
        # placed in another state (the places layer's misreading) but its article names the town
        dict(
            report("trial", "2016-02-11", "gn:2", killed=1, injured=0, lat=41.0, admin1="Ohio"),
            place_words=" easton ",
        ),
        report("other", "2015-06-03", "gn:1", killed=2, injured=0),  # another shooting, same town
    ]
    reports = [dict(r, location="Easton") if r["place_id"] == "gn:1" else r for r in reports]
    events = cluster_reports(reports, {})
    assert len(events) == 4  # no date window reaches the follow-ups
    people = {"shot": {"jo-ann-ray"}, "died": {"jo-ann-ray"}, "trial": {"jo-ann-ray"}, "other": {"al-moss"}}
    assert keys(join_by_people(events, people)) == [["died", "shot", "trial"], ["other"]]


def test_a_name_in_many_events_or_in_two_countries_links_nothing():
    start = dt.date(2015, 1, 1)
    reports = [
        report(f"r{n}", (start + dt.timedelta(days=30 * n)).isoformat(), f"gn:{n}", lat=n, lon=n)
        for n in range(6)
    ]
    chief = {f"r{n}": {"james-craig"} for n in range(6)}  # a police chief who speaks of every shooting
    assert len(join_by_people(cluster_reports(reports, {}), chief)) == 6
    abroad = [report("a", "2015-01-01", "gn:1"), dict(report("b", "2015-03-01", "gn:2"), country="Canada")]
    assert len(join_by_people(cluster_reports(abroad, {}), {"a": {"jo-ray"}, "b": {"jo-ray"}})) == 2


def test_a_name_shared_by_shootings_in_two_states_links_nothing():
    """A victim's name in an article from another state that names none of the first one's places
    (a namesake, a relative) does not join its incident; one from the same state does."""
    reports = [
        report("shot", "2015-06-03", "gn:1", killed=1, injured=0),
        report("later", "2015-09-20", "gn:2", killed=1, injured=0, lat=33.7, lon=-84.4, admin1="Georgia"),
        report("county", "2015-10-02", "gn:3", killed=0, injured=0, lat=40.6, lon=-75.9),
    ]
    towns = {"shot": "Easton", "later": "Atlanta", "county": "Nazareth"}
    reports = [dict(r, location=towns[r["key"]], place_words=" ") for r in reports]
    people = {"shot": {"jo-ann-ray"}, "later": {"jo-ann-ray"}, "county": {"jo-ann-ray"}}
    assert keys(join_by_people(cluster_reports(reports, {}), people)) == [["county", "shot"], ["later"]]


def test_a_name_shared_by_shootings_weeks_apart_with_other_tolls_links_nothing():
    reports = [
        report("first", "2015-03-01", "gn:1", killed=2, injured=0),
        report("hearing", "2015-04-10", "gn:1", killed=0, injured=0),  # a follow-up without a toll
        report("second", "2015-05-20", "gn:1", killed=0, injured=3),  # another shooting, same town
        report("again", "2015-06-30", "gn:1", killed=2, injured=0),  # the first toll restated at a trial
    ]
    events = cluster_reports(reports, {})
    assert len(events) == 4
    # the suspect links the hearing; a lawyer named in the hearing and the second shooting, and a
    # common name in the second and the restatement, would chain three incidents into one
    names = {"first": {"jo-ray"}, "hearing": {"jo-ray", "al-moss"}, "second": {"al-moss", "li-wu"}}
    joined = keys(join_by_people(events, {**names, "again": {"li-wu", "jo-ray"}}))
    assert len(joined) == 2 and [k for k in joined[0] if k != "hearing"] == ["again", "first"]
    assert "second" in joined[1]  # the hearing joins one of them, never both


def test_report_people_are_full_names_in_the_evidence_not_officials_or_buildings():
    reports = pd.DataFrame(
        [
            {"article_id": "a", "report": 0, "evidence": "0-100"},
            {"article_id": "a", "report": 1, "evidence": "200-300"},
        ]
    )
    people = pd.DataFrame(
        [
            {"article_id": "a", "start_char": 10, "person_id": "jo-ann-ray", "title": "", "rank": ""},
            {"article_id": "a", "start_char": 20, "person_id": "ray", "title": "", "rank": ""},
            {
                "article_id": "a",
                "start_char": 30,
                "person_id": "james-craig",
                "title": "police chief",
                "rank": "",
            },
            {"article_id": "a", "start_char": 40, "person_id": "ben-taub-hospital", "title": "", "rank": ""},
            {"article_id": "a", "start_char": 150, "person_id": "al-moss", "title": "", "rank": ""},
            {"article_id": "a", "start_char": 250, "person_id": "al-moss", "title": "", "rank": ""},
        ]
    )
    assert report_people(reports, people) == {"a#0": {"jo-ann-ray"}, "a#1": {"al-moss"}}


def test_undated_reports_stay_apart_and_keep_their_reason():
    names = columns("event_reports")
    base = dict.fromkeys(names, "")
    rows = [
        dict(
            base,
            article_id=article,
            report=0,
            figures="",
            time_precision=pd.NA,
            geo_precision=pd.NA,
            latitude=float("nan"),
            longitude=float("nan"),
            inter1=pd.NA,
            inter2=pd.NA,
            interaction=pd.NA,
            excluded=False,
            date_reason="no date phrase and no publication date",
        )
        for article in ("a", "b")
    ]
    reports = pd.DataFrame(rows, columns=names).astype({"time_precision": "Int64", "geo_precision": "Int64"})
    articles = pd.DataFrame(
        {"article_id": ["a", "b"], "date": "", "outlet": "", "url": "", "near_duplicate_of": ""}
    )
    events = events_table(reports, pd.DataFrame(columns=columns("casualties")), articles)
    assert len(events) == 2 and set(events["date_reason"]) == {"no date phrase and no publication date"}


# ----------------------------------------------------------------------------- through extract


def test_article_tolls_and_merge_through_extract(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    records = [
        {
            "id": "one",
            "date": "2016-05-10",
            "source": "Daily A",
            "url": "https://a.example/1",
            "title": "Two killed in Springfield shooting",
            "text": "Two men were killed and three other people were wounded in a shooting in Springfield, "
            "Illinois, on Sunday night, police said.",
        },
        {
            "id": "two",
            "date": "2016-05-10",
            "source": "Daily B",
            "url": "https://b.example/2",
            "title": "Springfield shooting leaves two dead",
            "text": "A gunman killed two men and wounded three people in Springfield, Illinois, late Sunday, "
            "police said on Monday.",
        },
        {
            "id": "three",
            "date": "2016-05-10",
            "source": "Daily C",
            "title": "Woman shot in Chicago",
            "text": "A woman was shot and killed in Chicago on Sunday, police said.",
        },
    ]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    extract(corpus, tmp_path / "out", progress=False)
    reports = pd.read_parquet(tmp_path / "out" / "event_reports.parquet")
    assert set(reports["event_date"]) == {"2016-05-08"}
    events = pd.read_parquet(tmp_path / "out" / "events.parquet").set_index("location")
    springfield = events.loc["Springfield"]
    assert (springfield["fatalities"], springfield["injured_best"], springfield["n_sources"]) == (2, 3, 2)
    assert springfield["sub_event_type"] == "Attack"
    assert springfield["actor2"] == "Civilians (United States)"
    assert events.loc["Chicago", "fatalities"] == 1
    assert len(events) == 2
    ged = pd.read_parquet(tmp_path / "out" / "events_ged.parquet").set_index("where_coordinates")
    assert ged.loc["Springfield", "type_of_violence"] == 3  # one-sided: against civilians
    assert (ged.loc["Springfield", "best"], ged.loc["Springfield", "date_prec"]) == (2, 1)
    tables = Tables(tmp_path / "out")
    pairs = event_views.events_by(tables, ["actor1", "actor2", "interaction"])
    assert pairs["events"].sum() == 2
    sources = event_views.event_sources(tables, springfield["event_id"])
    assert set(sources["source"]) == {"Daily A", "Daily B"}
    assert event_views.events_timeline(tables).axes[0].get_title(loc="left") == "Events"
    legend = event_views.events_map(tables).axes[0].get_legend()
    assert legend.get_title().get_text() == "fatalities (1+ per event)"  # not "mentions"


def reports_of(tmp_path, texts: dict[str, str], titles: dict[str, str] | None = None) -> pd.DataFrame:
    """The ``event_reports`` of one-article records (key -> text, dated 2016-05-10, with its title in
    ``titles``, if any) through ``extract``, indexed by key."""
    corpus = tmp_path / "leads.jsonl"
    records = (
        {"id": k, "date": "2016-05-10", "text": t, **({"title": titles[k]} if titles and k in titles else {})}
        for k, t in texts.items()
    )
    corpus.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    extract(corpus, tmp_path / "out", progress=False)
    reports = pd.read_parquet(tmp_path / "out" / "event_reports.parquet")
    return reports.set_index(reports["article_id"].str.split(":").str[1])


def test_violent_lead_without_figures_is_an_event_typed_by_its_words(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "regained": "Iraqi army units recaptured the town of Hit from Islamic State fighters on Sunday, "
        "officials said.",
        "overtaken": "Islamic State fighters seized control of the town of Hit after days of fighting, "
        "officials said.",
        "chemical": "A helicopter dropped barrels of chlorine gas on the town of Saraqeb on Tuesday, "
        "rescue workers said.",
        "planned": "The army will launch an offensive to recapture the town of Hit, officials said.",
        "library": "The mayor opened a new public library in the town of Hit on Monday.",
        # who retook it first, from whom second, whatever the order of their first naming
        "retaken": "The Islamic State had held the town of Hit for a year until Iraqi army units "
        "recaptured it on Sunday, officials said.",
        "headline": "Iraqi army units recaptured the town of Hit on Sunday, officials said.",
        "subject": "The Iraqi army in an offensive against Islamic State fighters recaptured the town of "
        "Hit on Sunday, officials said.",
    }
    reports = reports_of(tmp_path, texts)
    assert reports.loc["regained", "sub_event_type"] == "Government regains territory"
    assert reports.loc["overtaken", "sub_event_type"] == "Non-state actor overtakes territory"
    assert reports.loc["overtaken", "actor1"] == "Islamic State"
    assert reports.loc["subject", "sub_event_type"] == "Government regains territory"
    for key in ("regained", "retaken", "subject"):
        assert (reports.loc[key, "actor1"], reports.loc[key, "actor2"]) == ("Iraqi army", "Islamic State"), (
            key
        )
    assert reports.loc["headline", "actor2"] == "Unidentified Armed Group (Iraq)"  # not the army itself
    assert reports.loc["chemical", "sub_event_type"] == "Chemical weapon"
    assert not reports.loc[["regained", "overtaken", "chemical"], "excluded"].any()
    assert reports.loc["planned", "excluded"]
    assert reports.loc["planned", "exclude_reason"].startswith("planned")
    without = event_views.articles_without_events(Tables(tmp_path / "out")).set_index("article_id")["reason"]
    assert sorted(k.split(":")[1] for k in without.index) == ["library", "planned"]
    assert set(without) == {"no casualty figure, and no event word in the headline or lead"}


def test_events_csv_starts_with_acled_columns_in_acled_order():
    acled = [
        "event_id",
        "event_date",
        "year",
        "time_precision",
        "disorder_type",
        "event_type",
        "sub_event_type",
        "actor1",
        "assoc_actor_1",
        "inter1",
        "actor2",
        "assoc_actor_2",
        "inter2",
        "interaction",
        "civilian_targeting",
        "iso",
        "country",
        "admin1",
        "admin2",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "notes",
        "fatalities",
    ]
    assert columns("events")[: len(acled)] == acled


# ----------------------------------------------------------------------------- seed


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory):
    """The seed extracted as written (no date) and as a record dated Monday 2019-03-11."""
    if not SEED.exists():
        pytest.skip("seed article missing")
    work = tmp_path_factory.mktemp("events-seed")
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n\n")
    dated = work / "dated.jsonl"
    dated.write_text(
        json.dumps({"id": "seed", "title": title, "text": body, "date": "2019-03-11"}), encoding="utf-8"
    )
    tables = {}
    for name, corpus in (("undated", SEED), ("dated", dated)):
        extract(corpus, work / name, progress=False)
        tables[name] = {t: pd.read_parquet(work / name / f"{t}.parquet") for t in ("events", "event_reports")}
    return tables


def test_seed_attack_is_islamic_state_on_the_pmf_with_ten_killed(seed_tables):
    (event,) = seed_tables["undated"]["events"].to_dict("records")
    assert (event["event_type"], event["sub_event_type"]) == ("Battles", "Armed clash")
    assert (event["actor1"], event["actor2"], event["interaction"]) == (
        "Islamic State",
        "Popular Mobilization Forces",
        23,
    )
    assert event["fatalities"] >= 10 and event["admin1"] == "Salah ad Din"
    assert event["date_phrase"] == "the early hours of Saturday"
    assert event["event_date"] == "" and "no publication date" in event["date_reason"]


def test_seed_attack_date_is_resolved_against_the_article_date(seed_tables):
    (event,) = seed_tables["dated"]["events"].to_dict("records")
    assert (event["event_date"], event["time_precision"]) == ("2019-03-09", 1)


def test_seed_planned_visit_is_no_event_with_its_reason(seed_tables):
    reports = seed_tables["undated"]["event_reports"]
    visit = reports[reports["excluded"]].iloc[0]
    assert visit["sub_event_type"] == "Other" and visit["type_cue"] == "visit"
    assert visit["exclude_reason"].startswith("planned, not done")


def test_a_province_is_narrowed_to_a_town_the_gazetteer_lacks_before_the_dateline_town(blank):
    """A town the gazetteer lacks ("the town of Kabatobe") is located at its province's point; named in
    the evidence, it is still the incident's town, not the dateline's city 60 km away."""
    doc = blank("Rebels seized the town of Kabatobe in North Kivu . Seven civilians were killed .")
    province = {"place_id": "nk", "precision": 3, "country": "CD", "admin1": "Nord Kivu", "kind": "admin1"}
    unlisted = dict(province, place_id="lc:CD-NK:kabatobe", kind="city", start_char=26)
    goma = dict(province, place_id="goma", precision=1, kind="city", start_char=0)
    figure = {"place_id": "nk"}
    assert (
        incident_place([figure], [unlisted, dict(province, start_char=38)], None, [doc[:16]], [goma])
        == unlisted
    )
    # A town of the province the article names (not only its dateline) comes first: the one the
    # gazetteer lacks may be a neighbourhood of it ("the Roseland neighborhood" of a Chicago story).
    listed = dict(goma, start_char=60)
    places = [unlisted, dict(province, start_char=38), listed]
    assert incident_place([figure], places, None, [doc[:16]], [goma])["place_id"] == "goma"
    # A village the gazetteer lacks in a county is not known to lie in it (its point is the province's).
    county = dict(province, place_id="rs", precision=2, kind="admin2", lat=-1.4, lon=28.9)
    assert incident_place([{"place_id": "rs"}], [unlisted, county], None, [doc[:16]])["place_id"] == "rs"


def test_a_village_the_gazetteer_lacks_keeps_its_name_at_the_dateline_city_s_point(blank):
    """ "KADUNA — gunmen abducted 87 people from the village of Kajuru Station": a village of the
    province the gazetteer lacks, its own figure's place, is placed at the bureau's city, as ACLED
    places a town somewhere in a province (precision 3), and named as the village."""
    doc = blank("Gunmen abducted 87 people from the village of Tarnaba in Kaduna State .")
    village = {"place_id": "lc:NG-KD:tarnaba", "precision": 3, "country": "NG", "admin1": "Kaduna"}
    village.update(kind="village", canonical="Tarnaba", start_char=46)
    city = dict(village, place_id="kaduna", canonical="Kaduna", kind="city", precision=1, start_char=0)
    place = incident_place([{"place_id": "lc:NG-KD:tarnaba"}], [village], None, [doc[:]], [city])
    assert (place["place_id"], place["canonical"], place["precision"]) == ("kaduna", "Tarnaba", 3)
    town = dict(village, place_id="lc:NG-KD:kurmi", canonical="Kurmi", kind="city")  # a town, alike
    place = incident_place([{"place_id": "lc:NG-KD:kurmi"}], [town], None, [doc[:]], [city])
    assert (place["place_id"], place["canonical"], place["precision"]) == ("kaduna", "Kurmi", 3)


def test_a_headline_s_place_gives_way_to_the_body_s_when_its_figures_name_them_alike(tmp_path, monkeypatch):
    """ "Bandits kill 30 in Sokoto village raid": the headline names the state as if a village; the
    body names the village (one figure each): the body's place."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    text = (
        "Armed bandits killed at least 30 villagers in an overnight raid on Gidan Bakuso village in "
        "Sokoto State, residents said on Monday."
    )
    reports = reports_of(tmp_path, {"raid": text}, {"raid": "Bandits kill 30 in Sokoto village raid"})
    assert reports.loc["raid", "location"] == "Gidan Bakuso"


def test_a_holiday_that_names_an_occasion_dates_no_event(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    reports = reports_of(
        tmp_path,
        {
            # "a Christmas party" is an occasion, not Christmas Day (published 2016-05-10, a Tuesday)
            "party": "Gunmen opened fire at a Christmas party in a bar in Celaya, Mexico, killing four "
            "people, police said on Sunday.",
            "day": "Gunmen opened fire at a bar in Celaya, Mexico, on Christmas Day, killing four people.",
        },
    )
    assert reports.loc["party"]["event_date"] == "2016-05-08"
    assert reports.loc["day"]["event_date"] == "2015-12-25"


def test_a_lead_is_placed_where_its_sentence_tells_and_its_looting_is_of_the_attack(tmp_path, monkeypatch):
    """A lead without figures is placed at the finest place its own sentence names, not the article's
    main place (the bureau's capital); looting told with the attack there is part of that attack, as
    ACLED codes it, not a report of its own."""
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    texts = {
        "looting": "MAPUTO (Reuters) - Insurgents attacked the town of Mocimboa da Praia in Mozambique's "
        "Cabo Delgado province on Friday, looting shops and clashing with soldiers. At least three soldiers "
        "were killed in the fighting, a security source said.",
        "lead": "MAPUTO (Reuters) - Insurgents looted and burned shops in the town of Mocimboa da Praia in "
        "Mozambique's Cabo Delgado province on Friday, residents said.",
        # villages torched, told apart from the clash whose toll the resistance gives: two events
        "torched": "Troops torched six villages in Myanmar's Sagaing region on Tuesday, residents said.\n\n"
        "Resistance fighters said four of their members were killed in clashes with the troops in the "
        "Sagaing region on Tuesday.",
    }
    reports = reports_of(tmp_path, texts)
    assert reports.loc[["looting"], "sub_event_type"].tolist() == ["Armed clash"]
    torched = sorted(reports.loc[["torched"], "sub_event_type"])
    assert torched == ["Armed clash", "Looting/property destruction"]
    lead = reports.loc["lead"]
    assert (lead["sub_event_type"], lead["location"]) == ("Looting/property destruction", "Mocímboa da Praia")
