"""Which event reports tell the same incident: blocked by country and province, matched by date,
place, actors and tolls.

Reports are compared only inside a block (same country) and a date window, so the
work grows with the corpus, not with its square. Within a block,
reports are taken in date order and each joins the best matching event still
open (dated within the window), else starts one. A report matches an event when:

* **date**: their dates are at most ``window_days`` apart (one more when either
  date is only the publication day: the event was before it);
* **place**: the same place, or two places at most ``near_km`` apart; a report
  placed only in a province matches a place of that province only when the tolls
  agree exactly or give the same dead (a province is not a town); a report placed in
  another town whose article names the other's place (:func:`names_place`: the places
  layer read another state's town of that name) only when the tolls agree exactly (an
  article on one shooting names the city of another of that day: "hours after the sniper
  attack in Dallas");
* **actors**: named perpetrators (``actor1_id``) do not differ;
* **scene**: when both name the street address of their scene ("the 2100 block of Carver Avenue")
  and either is not dated to the day (a follow-up), they can be one scene
  (:func:`~helpers.aggregate.told_apart.other_scene`);
* **victims**: when both give their victims' ages ("a 6-month-old", "a 27-year-old
  man"), the report shares one with the event, give or take ``AGE_YEARS``, unless both give
  the same toll of several victims (two shootings of an afternoon in one city are told apart
  by whom they hit; two articles on one shooting may each name another victim);
* **tolls**: killed and injured agree: the same, or one report gives none of an
  outcome the other gives (a follow-up about the arrest), or the killed rose as
  the injured fell by as many (a victim died of their wounds), or one toll is an early
  count of the other at the same place (no figure higher, ``PARTIAL_VICTIMS`` victims or
  more, ``PARTIAL_GROWTH`` times fewer at most: more victims found, a wounded one died),
  or the killed (and the
  injured) differ by at most a third (competing figures; kept and flagged).

A report joins an event when its date, place and actors fit every report of the
event and its tolls fit one of them: a later report may raise the toll an earlier
one gave. A dated report without a place joins the one event within the window that
gives the same toll of ``TELLING_TOLL`` victims or more, else the one event within the
window whose place its article names (its title: "Alturas shooting victims identified")
with a toll that agrees, else the one event within the window at its outlet's home town
(``home_place_id``: a local paper's "a 2-year-old was shot Sunday" is of its city) with the
same toll; a later test picks among several events an earlier one found (none or still
several: alone). Two such reports left alone join when their outlets share a home town and they
give the same toll within the window (two stories of a city's papers, neither naming a place).

Near-duplicate copies of a story (``near_duplicate_of``) are one report of it:
their first reports join the story's event before anything else is compared.

Events that name one person or restate a rare toll are joined afterwards
(:mod:`helpers.aggregate.event_links`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence

from helpers.aggregate.told_apart import other_scene, other_victims
from helpers.knowledge.gazetteer import haversine_km as distance_km

#: A word of a title or place name (an inner apostrophe kept: "Coeur d'Alene").
_WORDS = re.compile(r"\w(?:[\w']*\w)?")
#: ACLED's time precision of a date that is only the publication day.
PUBLICATION_DAY = 2
#: Fewest victims (killed and injured) of a toll that tells an unplaced report's incident.
TELLING_TOLL = 3
#: Fewest victims an early count names for a larger toll at the same place to update it.
PARTIAL_VICTIMS = 2
#: Most times as many victims a later toll names as the early count it updates (more: another shooting).
PARTIAL_GROWTH = 3


def place_score(one: dict, other: dict, near_km: float) -> int:
    """2 same place or near, 1 one only placed in the other's province or named by the other's
    article (:func:`names_place`), 0 apart, -1 unknown."""
    if not one["place_id"] or not other["place_id"]:
        return -1
    if one["place_id"] == other["place_id"]:
        return 2
    if None not in (one["latitude"], other["latitude"]) and (
        distance_km(one["latitude"], one["longitude"], other["latitude"], other["longitude"]) <= near_km
    ):
        return 2
    if _wide(one, other) and one["admin1"] and one["admin1"] == other["admin1"]:
        return 1
    return 1 if names_place(one, other) or names_place(other, one) else 0


def _wide(one: dict, other: dict) -> bool:
    """Either report is placed only in a province or wider (``geo_precision`` 3)."""
    return (one["geo_precision"] or 3) >= 3 or (other["geo_precision"] or 3) >= 3


def names_place(report: dict, other: dict) -> bool:
    """The article of ``report`` names the place of ``other`` as a place of events (``named_places``:
    the article's resolved places) or in its words (``place_words``: the title and the place names
    the gazetteer left unresolved, as `` toledo man shot ``), though it placed its own report
    elsewhere: the places layer read the town of a story in another state, or read none.

    >>> names_place({"named_places": {"gn:2"}, "place_words": ""}, {"place_id": "gn:2", "location": "X"})
    True
    >>> names_place({"place_words": " toledo man shot "}, {"place_id": "gn:5", "location": "Toledo"})
    True
    """
    if not other["place_id"]:
        return False
    if other["place_id"] in report.get("named_places", ()):
        return True
    location = place_words(other.get("location") or "")
    return location != "  " and location in report.get("place_words", "")


def place_words(*texts: str) -> str:
    """The lower-case words of texts, between spaces, for a whole-word search of a place name
    (a hyphen parts words: "Ex-Habersham deputy"; an apostrophe does not: "Coeur d'Alene").

    >>> place_words("Ex-Habersham deputy shot, 2 hurt", "St. Louis")
    ' ex habersham deputy shot 2 hurt st louis '
    """
    return " " + " ".join(_WORDS.findall(" ".join(texts).lower())) + " "


def _close(one: int, other: int) -> bool:
    """Two figures of one outcome agree: equal, one not given, or within a third of each other
    (competing figures: early and later counts of a shooting's wounded).

    >>> _close(14, 15), _close(0, 3), _close(1, 2)
    (True, True, False)
    """
    return one == other or not one or not other or abs(one - other) <= max(one, other) / 3


def _toll_score(one: dict, other: dict) -> int:
    """2 the tolls agree, 1 compatible (a partial report, a death of wounds, competing figures), 0 not."""
    k1, k2, i1, i2 = one["killed"], other["killed"], one["injured"], other["injured"]
    if (k1, i1) == (k2, i2):
        return 2
    killed_ok, injured_ok = _close(k1, k2), _close(i1, i2)
    if killed_ok and injured_ok and (bool(k1) == bool(k2) or not (k1 or i1) or not (k2 or i2)):
        return 1
    died_of_wounds = k1 + i1 == k2 + i2
    return 1 if died_of_wounds or _partial_count(one, other) else 0


def _partial_count(one: dict, other: dict) -> bool:
    """One toll is an early count of the other: both of its figures are at most the other's and it
    names ``PARTIAL_VICTIMS`` victims or more, the other at most ``PARTIAL_GROWTH`` times as many
    ("1 dead, 3 hurt" then "2 dead, 5 hurt": more victims were found, a wounded one died). A lone
    victim is too common a toll to tell an incident, and 2 hurt is no early count of 14.

    >>> _partial_count({"killed": 0, "injured": 3}, {"killed": 1, "injured": 3})
    True
    >>> _partial_count({"killed": 0, "injured": 1}, {"killed": 2, "injured": 1})
    False
    """
    low, high = sorted((one, other), key=lambda r: (r["killed"] + r["injured"], r["killed"]))
    victims = low["killed"] + low["injured"]
    return (
        victims >= PARTIAL_VICTIMS
        and high["killed"] + high["injured"] <= PARTIAL_GROWTH * victims
        and low["killed"] <= high["killed"]
        and low["injured"] <= high["injured"]
    )


def _same_dead(one: dict, other: dict) -> bool:
    """Both give the same number of dead, at least one (the wounded may still be counted)."""
    return one["killed"] > 0 and one["killed"] == other["killed"]


def _days(one: dict, other: dict) -> int:
    return abs((one["date"] - other["date"]).days)


def _window(one: dict, other: dict, window_days: int) -> int:
    late = PUBLICATION_DAY in (one["time_precision"], other["time_precision"])
    return window_days + int(late)


def _same_time_and_side(one: dict, other: dict, window_days: int) -> bool:
    """Both dated, within the window of each other, and with no differing perpetrators."""
    if one["date"] is None or other["date"] is None or _days(one, other) > _window(one, other, window_days):
        return False
    return not (one["actor1_id"] and other["actor1_id"] and one["actor1_id"] != other["actor1_id"])


def _setting(one: dict, other: dict, window_days: int, near_km: float) -> int:
    """The place score of two reports dated within the window with no differing perpetrators, else 0."""
    if not _same_time_and_side(one, other, window_days):
        return 0
    return max(place_score(one, other, near_km), 0)


def match_score(one: dict, other: dict, *, window_days: int = 1, near_km: float = 25.0) -> int:
    """How well two reports agree (higher is better), or 0 when they cannot be one incident."""
    return _scored(one, other, _setting(one, other, window_days, near_km))


def _scored(one: dict, other: dict, place: int) -> int:
    """:func:`match_score` of two reports whose place score (:func:`_setting`) is ``place``."""
    if place == 0:
        return 0
    toll = _toll_score(one, other)
    if toll == 0 or (place == 1 and toll < 2 and not (_same_dead(one, other) and _wide(one, other))):
        return 0
    return place * 3 + toll * 2 + int(_days(one, other) == 0)


def cluster_reports(
    reports: Sequence[dict], copies: dict[str, str], *, window_days: int = 1, near_km: float = 25.0
) -> list[list[dict]]:
    """The reports grouped into events (see the module docstring), each in date order.

    Args:
        reports: Report records with ``key``, ``article_id``, ``report``, ``date`` (a
            ``datetime.date`` or None), ``time_precision``, ``country``, ``admin1``,
            ``place_id``, ``latitude``, ``longitude``, ``geo_precision``, ``actor1_id``,
            ``killed``, ``injured``.
        copies: Article id of a near-duplicate copy -> the first article of its story.
        window_days: Most days between the dates of one incident's reports.
        near_km: Most kilometres between two towns of one incident.
    """
    first_report = {r["article_id"]: r for r in reports if r["report"] == 0}
    story_of: dict[str, str] = {}
    for report in reports:
        story = copies.get(report["article_id"])
        if report["report"] == 0 and story in first_report:
            story_of[report["key"]] = first_report[story]["key"]
    blocks: dict[str, list[dict]] = defaultdict(list)
    events: list[list[dict]] = []
    unplaced = []
    for report in reports:
        if report["key"] in story_of:
            continue
        if report["date"] is None:
            events.append([report])
        elif not report["place_id"]:
            unplaced.append(report)
        else:
            blocks[report["country"] or report["place_id"]].append(report)
    for block in blocks.values():
        events += _cluster_block(sorted(block, key=lambda r: (r["date"], r["key"])), window_days, near_km)
    events += _join_unplaced(unplaced, events, window_days)
    joined = {r["key"]: event for event in events for r in event}
    for report in reports:
        story = story_of.get(report["key"])
        if story is not None:
            joined[story].append(report)
    return [sorted(event, key=lambda r: (r["date"] or dt.date.max, r["key"])) for event in events]


def _cluster_block(block: list[dict], window_days: int, near_km: float) -> list[list[dict]]:
    """Greedy clustering of one block's reports in date order."""
    closed: list[list[dict]] = []
    open_events: list[list[dict]] = []
    for report in block:
        still_open = []
        for event in open_events:
            if (report["date"] - event[-1]["date"]).days > window_days + 1:
                closed.append(event)
            else:
                still_open.append(event)
        open_events = still_open
        scored = [(_fit(report, event, window_days, near_km), n) for n, event in enumerate(open_events)]
        best = max(scored, default=(0, -1))
        if best[0] > 0:
            open_events[best[1]].append(report)
        else:
            open_events.append([report])
    return closed + open_events


def _join_unplaced(unplaced: list[dict], events: list[list[dict]], window_days: int) -> list[list[dict]]:
    """Reports without a place join the one event that gives the same toll (``TELLING_TOLL`` victims
    or more) within the date window, else the one event within the window whose place their
    article names (:func:`names_place`: its title, "Toledo man shot") with a toll that agrees,
    else the one event within the window at their outlet's home town with the same toll
    (:func:`_at_home`); of several events a test finds, the later tests keep those they also
    find (two events with the toll: the one the title names, or at the home town);
    events whose victims are of other ages (:func:`~helpers.aggregate.told_apart.other_victims`) or
    whose scene is another street address (:func:`~helpers.aggregate.told_apart.other_scene`) are
    left out; with none or still several such events, each stands alone.

    Returns the reports left alone, one event each (the joined are appended to their events).

    >>> day = dict(date=dt.date(2014, 5, 3), time_precision=1, actor1_id="", killed=2, injured=1)
    >>> placed = [dict(day, key="a#0", place_id="gn:1")]
    >>> _join_unplaced([dict(day, key="b#0")], [placed], 1), len(placed)
    ([], 2)
    """
    on_day: dict[dt.date, list[int]] = defaultdict(list)  # only events dated near a report can agree
    for number, event in enumerate(events):
        for other in event:
            if other["date"] is not None:
                on_day[other["date"]].append(number)
    reach = window_days + 1  # the widest window (:func:`_window`)
    alone: list[list[dict]] = []
    alone_on_day: dict[dt.date, list[int]] = defaultdict(list)
    for report in unplaced:
        near = _dated_near(on_day, report["date"], reach)
        # whom it hit and where tell them apart
        near = [
            n for n in near if not other_victims(report, events[n]) and not other_scene(report, events[n])
        ]
        found: list[int] = []
        for agrees in (_tells_toll, _named_here, _at_home):
            if len(found) == 1:
                break
            these = [n for n in near if any(agrees(report, r, window_days) for r in events[n])]
            # a later test only narrows a tie: of two events with the toll, the one its title names
            found = [n for n in found if n in these] or found or these
        if len(found) == 1:
            events[found[0]].append(report)
            on_day[report["date"]].append(found[0])
        else:
            _join_alone(report, alone, alone_on_day, window_days)
    return alone


def _join_alone(report: dict, alone: list[list[dict]], on_day: dict, window_days: int) -> None:
    """An unplaced report joins the one unplaced event of its outlet's home town (:func:`_at_home`:
    two stories of a city's outlets, "five people were shot Wednesday night", neither naming a
    place), else stands alone; ``on_day`` indexes ``alone`` by the dates of its reports."""
    near = _dated_near(on_day, report["date"], window_days + 1)
    homes = [[dict(other, place_id=other.get("home_place_id")) for other in alone[n]] for n in near]
    found = [
        n
        for n, placed in zip(near, homes, strict=True)
        if any(_at_home(report, other, window_days) for other in placed)
        and not other_victims(report, alone[n])
        and not other_scene(report, alone[n])
    ]
    if len(found) == 1:
        alone[found[0]].append(report)
    else:
        found = [len(alone)]
        alone.append([report])
    on_day[report["date"]].append(found[0])


def _dated_near(on_day: dict[dt.date, list[int]], date: dt.date, reach: int) -> list[int]:
    """The events ``on_day`` indexes within ``reach`` days of ``date``, in order."""
    days = (date + dt.timedelta(days=d) for d in range(-reach, reach + 1))
    return sorted({n for day in days for n in on_day.get(day, ())})


def _named_here(report: dict, other: dict, window_days: int) -> bool:
    """The report's article names the other's place, within the window, with tolls that agree."""
    return (
        names_place(report, other)
        and _same_time_and_side(report, other, window_days)
        and _toll_score(report, other) > 0
    )


def _at_home(report: dict, other: dict, window_days: int) -> bool:
    """The other is at the report's outlet's home town (``home_place_id``), within the window,
    with the same toll of one victim or more: a local paper's story that names no place ("a
    2-year-old was shot Sunday") is of its city; its place stays unknown (a guess places nothing).

    >>> day = dict(date=dt.date(2014, 5, 3), time_precision=1, actor1_id="", killed=1, injured=0)
    >>> _at_home(dict(day, home_place_id="gn:1"), dict(day, place_id="gn:1"), 1)
    True
    >>> _at_home(dict(day, home_place_id="gn:1", killed=0, injured=0), dict(day, place_id="gn:1"), 1)
    False
    """
    toll = (report["killed"], report["injured"])
    return (
        bool(report.get("home_place_id"))
        and other["place_id"] == report["home_place_id"]
        and toll == (other["killed"], other["injured"])
        and sum(toll) > 0
        and _same_time_and_side(report, other, window_days)
    )


def _tells_toll(report: dict, other: dict, window_days: int) -> bool:
    """The same toll of ``TELLING_TOLL`` victims or more, no differing perpetrator, within the window."""
    if not _same_time_and_side(report, other, window_days):
        return False
    toll = (report["killed"], report["injured"])
    return toll == (other["killed"], other["injured"]) and sum(toll) >= TELLING_TOLL


def _fit(report: dict, event: list[dict], window_days: int, near_km: float) -> int:
    """How well a report fits an event: its date, place and actors fit every report of the event, and
    its tolls fit one of them (a later report may raise the toll an earlier one gave).

    >>> day = dict(date=dt.date(2014, 5, 3), time_precision=1, place_id="gn:1", latitude=None,
    ...            longitude=None, geo_precision=1, admin1="X", actor1_id="")
    >>> first, second = dict(day, killed=1, injured=0), dict(day, killed=1, injured=2)
    >>> _fit(dict(day, killed=3, injured=0), [first, second], 1, 25.0) > 0
    True
    """
    places = [_setting(report, other, window_days, near_km) for other in event]
    if 0 in places or other_victims(report, event) or other_scene(report, event):
        return 0
    return max(_scored(report, other, place) for other, place in zip(event, places, strict=True))
