"""The ``events`` table: one ACLED-shaped row per incident, merged across the articles that report it.

Each article's ``event_reports`` (one per incident it reports) get their tolls
from their own casualty figures, counted by the casualty totals' rules
(:func:`helpers.aggregate.totals.casualty_totals`: restatements once, updates win,
sides add up). Reports of one incident are merged
(:func:`helpers.aggregate.event_merge.cluster_reports`; then events whose evidence
names one person or one street address, or that share a rare toll at one place:
:mod:`helpers.aggregate.event_links`), and their
disagreements kept:

* ``fatalities`` follows ACLED's conservative rule: the lowest killed figure of the
  latest reports (a later toll updates the event; on one day, the lowest wins);
* ``deaths_low``/``deaths_best``/``deaths_high`` are UCDP's: the lowest figure
  given, the median of the latest reports, the highest; the same for injured;
* ``conflict`` says the reports disagree, ``competing`` lists each figure with its
  sources, ``fatalities_range`` the span, ``n_sources`` the outlets.

The columns start with ACLED's, in ACLED's order, so ``events.csv`` can be
concatenated with an ACLED download; Sitrep's own columns follow.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping

import pandas as pd

from helpers.aggregate.event_links import join_by_people, report_addresses, report_links
from helpers.aggregate.event_merge import cluster_reports, place_words
from helpers.aggregate.totals import casualty_totals
from helpers.extract.casualties.numbers import victim_ages
from helpers.extract.events.dating import iso_day
from helpers.extract.events.periods import WEEK
from helpers.tables import columns, is_missing

#: Roles of the place mentions that name a place of events (not a dateline or a demonym).
EVENT_ROLES = ("event", "nested")
#: Outcomes an event counts.
OUTCOMES = ("killed", "injured", "kidnapped", "missing", "arrested")
#: Columns copied from the event's main report.
CODED = (
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
    "notes",
    "actor1_id",
    "actor2_id",
)
#: Columns copied from the report that dates the event (:func:`_dating`), so the date keeps its evidence.
DATING = ("time_precision", "date_phrase", "date_reason")
#: Columns copied from the event's most precisely placed report (a town over a state).
PLACE = ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")


#: Victim sides whose dead are counted apart (``victim_sides.csv``), with their ``events`` column.
SIDE_COLUMNS = {
    "civilians": "deaths_civilians",
    "security forces": "deaths_security_forces",
    "armed groups": "deaths_armed_groups",
    "unknown": "deaths_unknown",
}


def _report_figures(reports: pd.DataFrame, casualties: pd.DataFrame) -> pd.DataFrame:
    """The casualty rows the reports name, each with its report's key (``article#report``) as
    ``article_id``."""
    owner = {}
    for article_id, number, figures in zip(reports["article_id"], reports["report"], reports["figures"]):
        for offsets in (figures or "").split(";"):
            if offsets:
                owner[article_id, offsets] = f"{article_id}#{number}"
    if not owner or casualties.empty:
        return casualties.iloc[:0]
    keys = [
        owner.get((a, f"{s}-{e}"))
        for a, s, e in zip(casualties["article_id"], casualties["start_char"], casualties["end_char"])
    ]
    # A figure restates another only within its report (a round-up's total is no report's figure).
    within = [
        s if s and owner.get((a, s)) == k else ""
        for a, s, k in zip(casualties["article_id"], casualties["superseded_by"].fillna(""), keys)
    ]
    within = _one_count_under_an_outside_total(casualties, keys, within)
    mine = casualties.assign(article_id=keys, superseded_by=within)
    return mine[mine["article_id"].notna()]


def _one_count_under_an_outside_total(casualties: pd.DataFrame, keys: list, within: list[str]) -> list[str]:
    """``within`` with the figures of one report that one total outside it covers made one count:
    the largest stands for them, the others restate it (a village's "12 killed", and the "seven"
    killed by the shelling and "five" who died in hospital, under the lead's "15" of two villages)."""
    spans = [f"{s}-{e}" for s, e in zip(casualties["start_char"], casualties["end_char"])]
    numbers = casualties["low"].fillna(casualties["high"]).fillna(0).astype(int).tolist()
    groups = [
        (key, total, outcome) if key and total and not kept else None
        for key, total, kept, outcome in zip(
            keys, casualties["superseded_by"].fillna(""), within, casualties["outcome"]
        )
    ]
    largest: dict[tuple, int] = {}  # each group's row of the largest number (the first of equals)
    for row, group in enumerate(groups):
        if group is not None and (group not in largest or numbers[row] > numbers[largest[group]]):
            largest[group] = row
    return [
        spans[largest[group]] if group is not None and largest[group] != row else kept
        for row, (group, kept) in enumerate(zip(groups, within))
    ]


def report_victim_ages(mine: pd.DataFrame) -> dict[str, frozenset[float]]:
    """Each report's victims' ages (:func:`~helpers.extract.casualties.numbers.victim_ages`) from
    the rows of :func:`_report_figures`; the arrested are suspects, not victims."""
    ages: dict[str, set[float]] = defaultdict(set)
    harmed = mine[mine["outcome"] != "arrested"]
    for key, victim in zip(harmed["article_id"], harmed["victim"].fillna("")):
        ages[key] |= victim_ages(victim)
    return {key: frozenset(found) for key, found in ages.items()}


def report_tolls(mine: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Each report's toll by outcome, and its dead by victim side (``deaths_civilians`` …), from the
    rows of :func:`_report_figures`, by the casualty totals' rules."""
    if mine.empty:
        return {}
    tolls: dict[str, dict[str, int]] = defaultdict(dict)
    totals = casualty_totals(mine)
    for key, outcome, best in zip(totals["article_id"], totals["outcome"], totals["best"]):
        tolls[key][outcome] = int(best)
    killed = mine[mine["outcome"] == "killed"]
    by_side = casualty_totals(killed.assign(article_id=killed["article_id"] + "|" + killed["victim_side"]))
    for key, best in zip(by_side["article_id"], by_side["best"]):
        report, side = key.split("|", 1)
        if side in SIDE_COLUMNS:
            tolls[report][SIDE_COLUMNS[side]] = int(best)
    return tolls


def article_places(places: pd.DataFrame | None) -> tuple[dict[str, set[str]], dict[str, list[str]]]:
    """Each article's places of events (``event`` and ``nested`` mentions), resolved (place ids) and
    unresolved (their words: "Toledo" the gazetteer could not place)."""
    resolved: dict[str, set[str]] = defaultdict(set)
    unresolved: dict[str, list[str]] = defaultdict(list)
    if places is None or places.empty:
        return resolved, unresolved
    events = places[places["role"].isin(EVENT_ROLES)]
    ids = events["place_id"].fillna("")
    for article_id, place_id, text in zip(events["article_id"], ids, events["text"]):
        if place_id:
            resolved[article_id].add(place_id)
        elif text:
            unresolved[article_id].append(text)
    return resolved, unresolved


def _record(
    row: dict,
    tolls: Mapping[str, int],
    ages: frozenset[float],
    article: Mapping,
    named: tuple[set[str], list[str]],
    scene: set[str],
    homes: Mapping[str, str],
) -> dict:
    date = iso_day(row["event_date"] or "")
    return dict(
        row,
        key=f"{row['article_id']}#{row['report']}",
        victim_ages=ages,
        scene=scene,
        date=date,
        published=iso_day(article.get("date") or ""),
        named_places=named[0],
        place_words=place_words(article.get("title") or "", *named[1]),
        outlet=article.get("outlet") or "",
        home_place_id=homes.get(article.get("outlet") or "", ""),
        url=article.get("url") or "",
        **{o: tolls.get(o, 0) for o in (*OUTCOMES, *SIDE_COLUMNS.values())},
        **{c: (None if is_missing(row[c]) else row[c]) for c in ("latitude", "longitude")},
        **{c: (None if is_missing(row[c]) else int(row[c])) for c in ("time_precision", "geo_precision")},
    )


def _latest(event: list[dict]) -> list[dict]:
    """The reports of the latest publication day (all, when none is dated)."""
    days = [r["published"] for r in event if r["published"] is not None]
    return [r for r in event if r["published"] == max(days)] if days else event


def _counting(event: list[dict]) -> list[dict]:
    """The reports that give a toll: those with figures (a lead's event without any, "gunmen
    attacked the village" over an article of arrests, tells no toll, not a toll of none)."""
    return [r for r in event if r.get("figures")] or event


def _figures(event: list[dict], outcome: str) -> dict:
    event = _counting(event)
    values = [r[outcome] for r in event]
    latest = sorted(r[outcome] for r in _latest(event))
    return {
        "low": min(values),
        "best": latest[(len(latest) - 1) // 2],
        "high": max(values),
        "acled": latest[0],
    }


def _competing(event: list[dict]) -> str:
    """Each distinct (killed, injured) pair with the sources that give it."""
    by_toll: dict[tuple[int, int], list[str]] = defaultdict(list)
    for r in _counting(event):
        by_toll[r["killed"], r["injured"]].append(r["outlet"] or r["article_id"])
    if len(by_toll) < 2:
        return ""
    return "; ".join(
        f"{k} killed, {i} injured: {', '.join(dict.fromkeys(s))}" for (k, i), s in sorted(by_toll.items())
    )


def _where(event: list[dict], main: dict, order: Mapping[int, int]) -> dict:
    """The report whose place the event takes: a town over a province, then the place most of the
    event's articles name (their reports' places and the places they name: a report the places
    layer put in another state's town of the name is outvoted), then the finest, then the main
    report's."""
    placed = [r for r in event if r["place_id"] and r["country"] == main["country"]] or [main]
    named = Counter(
        place
        for r in event
        for place in {p["place_id"] for p in placed} & ({r["place_id"]} | set(r.get("named_places", ())))
    )
    return min(
        placed,
        key=lambda r: (
            (r["geo_precision"] or 3) >= 3,
            -named[r["place_id"]],
            r["geo_precision"] or 3,
            r is not main,
            order[id(r)],
        ),
    )


def _site(event: list[dict], where: dict) -> str:
    """The site of the event's scene: the one most of its reports at its place name, the first
    named on a tie."""
    sites = Counter(r["site"] for r in event if r.get("site") and r["place_id"] == where["place_id"])
    return sites.most_common(1)[0][0] if sites else ""


def _dating(event: list[dict], main: dict) -> dict:
    """The report that dates the event: of the reports dated to the day (precision 1), one giving
    the day most of them give; on a tie, the first published (written nearest the event, its
    "Saturday" resolves against the nearest date; a follow-up's may resolve against a later week),
    and of those the latest day (the news of that day, not "last Wednesday" of an earlier
    incident). Without one, the report of the earliest date, else ``main``. The event's
    ``time_precision``, ``date_phrase`` and ``date_reason`` are that report's, so the date keeps
    its evidence."""
    days = [r for r in event if r["time_precision"] == 1 and r["date"] is not None]
    if days:
        counted = Counter(r["date"] for r in days)
        top = max(counted.values())
        return min(
            (r for r in days if counted[r["date"]] == top),
            key=lambda r: (r["published"] or dt.date.max, -r["date"].toordinal()),
        )
    dated = [r for r in event if r["date"] is not None]
    return min(dated, key=lambda r: (r["date"], r is not main)) if dated else main


def _event_day(dating: dict) -> tuple[dt.date | None, dict]:
    """The event's date and its dating columns (``DATING``), from the report that dates it. A report
    that names no day is dated by its publication (precision 2); an event that only such a report
    dates is put on the day before: news tells events of the last days, not of the days after it,
    so an event up to two days before the paper is then within a day of the date, where the paper's
    own day reached the day after (GVA: 273 of these events within a day against 248)."""
    columns = {c: dating[c] for c in DATING}
    day = dating["date"]
    if day is None or dating["date_phrase"] or dating["time_precision"] != WEEK:
        return day, columns
    columns["date_reason"] = f"no day named: the day before the publication date {day.isoformat()}"
    return day - dt.timedelta(days=1), columns


def _event_row(event: list[dict]) -> dict:
    # The main report: one with a toll, dated to the day, the earliest of those.
    order = {id(r): n for n, r in enumerate(event)}
    main = max(event, key=lambda r: (r["killed"] + r["injured"] > 0, r["time_precision"] == 1, -order[id(r)]))
    where = _where(event, main, order)
    killed, injured = _figures(event, "killed"), _figures(event, "injured")
    date, dating = _event_day(_dating(event, main))
    outlets = list(dict.fromkeys(r["outlet"] for r in event if r["outlet"]))
    return {
        **{c: main[c] for c in CODED},
        **dating,
        **{c: where[c] for c in PLACE},
        "event_date": date.isoformat() if date else "",
        "year": date.year if date else None,
        "civilian_targeting": "Civilian targeting" if main["inter2"] == 7 else "",
        "iso": main["iso"],
        "source": "; ".join(outlets),
        "fatalities": killed["acled"],
        "deaths_low": killed["low"],
        "deaths_best": killed["best"],
        "deaths_high": killed["high"],
        "injured_low": injured["low"],
        "injured_best": injured["best"],
        "injured_high": injured["high"],
        **{c: main[c] for c in SIDE_COLUMNS.values()},
        "kidnapped": max(r["kidnapped"] for r in event),
        "arrested": max(r["arrested"] for r in event),
        "fatalities_range": f"{killed['low']}-{killed['high']}",
        "n_sources": len(outlets) or len({r["article_id"] for r in event}),
        "n_reports": len(event),
        "conflict": bool(_competing(event)),
        "competing": _competing(event),
        "source_urls": "; ".join(dict.fromkeys(r["url"] for r in event if r["url"])),
        "article_ids": ";".join(dict.fromkeys(r["article_id"] for r in event)),
        "reports": ";".join(r["key"] for r in event),
        "evidence": ";".join(f"{r['article_id']}:{r['evidence']}" for r in event),
        "sentences": " | ".join(dict.fromkeys(r["sentence"] for r in event)),
        "site": _site(event, where),
        "place_reason": where.get("place_reason") or "",
        "addresses": ";".join(
            dict.fromkeys(a for r in event for a in (r.get("addresses") or "").split(";") if a)
        ),
    }


def events_table(
    reports: pd.DataFrame,
    casualties: pd.DataFrame,
    articles: pd.DataFrame,
    people: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    *,
    home_towns: Mapping[str, str] | None = None,
    window_days: int = 1,
) -> pd.DataFrame:
    """One row per incident, merged across articles, with the ``events`` columns.

    Args:
        reports: The ``event_reports`` table (excluded rows are left out).
        casualties: The ``casualties`` table (the figures the reports name).
        articles: ``article_id``, ``date``, ``outlet``, ``url``, ``near_duplicate_of`` and
            ``title`` (if any: a report without a place joins the event whose town it names).
        people: The ``person_mentions`` table (events naming one person are one), if any.
        places: The ``place_mentions`` table (``article_id``, ``role``, ``place_id``, ``text``;
            a report placed elsewhere joins an event whose place its article names), if any.
        home_towns: Outlet -> the place id of its home town, if known (a report without a place
            joins an event there: :func:`~helpers.aggregate.event_merge.cluster_reports`).
        window_days: Most days between the dates of one incident's reports.
    """
    if reports.empty:
        return pd.DataFrame(columns=columns("events"))
    reports = reports[~reports["excluded"].astype(bool)]
    mine = _report_figures(reports, casualties)
    tolls, ages = report_tolls(mine), report_victim_ages(mine)
    meta = {r["article_id"]: r for r in articles.to_dict("records")}
    resolved, unresolved = article_places(places)
    scenes = report_addresses(reports)
    records = [
        _record(
            row,
            tolls.get(f"{row['article_id']}#{row['report']}", {}),
            ages.get(f"{row['article_id']}#{row['report']}", frozenset()),
            meta.get(row["article_id"], {}),
            (resolved.get(row["article_id"], set()), unresolved.get(row["article_id"], [])),
            scenes.get(f"{row['article_id']}#{row['report']}", set()),
            home_towns or {},
        )
        for row in reports.to_dict("records")
    ]
    copies = {a: s for a, s in zip(articles["article_id"], articles["near_duplicate_of"]) if s}
    events = cluster_reports(records, copies, window_days=window_days)
    events = join_by_people(events, report_links(records, reports, scenes, people))
    rows = [_event_row(e) for e in events]
    rows.sort(
        key=lambda r: (r["event_date"] or "9999", r["country"], r["admin1"], r["location"], r["reports"])
    )
    frame = pd.DataFrame.from_records(rows)
    frame.insert(0, "event_id", [f"{iso or 'XX'}{n + 1:05d}" for n, iso in enumerate(frame["iso"])])
    return frame.reindex(columns=columns("events"))
