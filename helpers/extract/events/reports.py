"""Event reports: one row per incident an article reports, coded as ACLED codes an event.

An article's incidents are its current casualty figures (``casualties`` rows that count: current
scope, not excluded, not part of a total), grouped by place and day (:mod:`~helpers.extract.events.grouping`);
killed, injured, kidnapped and arrested of one incident are one report.

Each report keeps its evidence: the figures' offsets (``figures``; the corpus
``events`` table counts the toll from them with the casualty totals' rules),
the sentences read (``evidence``), the date phrase and the trigger lemma that
gave the type. A strategic development or demonstration told by the headline
or lead ("delegation to visit Erbil") is a report too, and so is a violent
event the lead tells in an article without casualty figures ("troops
recaptured the town"); a planned one, not done, is an excluded row with the reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Span

from helpers.articles import Article
from helpers.extract.casualties.tolls import figure_key
from helpers.extract.events.agents import actor_attackers, person_attacker
from helpers.extract.events.claims import article_attacker, parties
from helpers.extract.events.classification import (
    agent_side,
    attacking,
    battle_sides,
    classify,
    hit_figures,
    only_arrests,
    sides_of,
    unnamed_hit,
    with_part_sides,
)
from helpers.extract.events.coding import (
    DEMONSTRATIONS,
    Actor,
    arrest_actors,
    code_actors,
    demonstration_actors,
    interaction,
    unnamed_force,
)
from helpers.extract.events.dating import dating_phrases, event_date, writing_day
from helpers.extract.events.day_phrases import untagged_days
from helpers.extract.events.grouping import incident_groups, sentence_at
from helpers.extract.events.incident_days import violence_days
from helpers.extract.events.incident_place import incident_place
from helpers.extract.events.leads import demonstration_over, lead_actors, lead_report, told_by_figures
from helpers.extract.events.strikes import (
    AIR_STRIKE,
    GENERIC_VIOLENCE,
    STRIKE,
    STRIKE_TYPES,
    owned_strike,
    strike_owner,
)
from helpers.extract.events.triggers import sentence_words
from helpers.extract.evidence import sentence_of
from helpers.extract.places.addresses import addresses_by_report, street_addresses
from helpers.extract.places.ground import owner_country
from helpers.extract.places.sites import TownMentions, scene_site
from helpers.extract.spans import RowsByStart
from helpers.knowledge.actors import known
from helpers.knowledge.event_types import event_type_of
from helpers.knowledge.gazetteer import Gazetteer
from helpers.knowledge.time_words import names_holiday
from helpers.tables import columns

#: Mention labels of date phrases.
TIME_LABELS = frozenset({"DATE", "TIME"})
#: Labels the small model gives some holidays' names ("Thanksgiving" EVENT, "Easter Sunday" FAC).
HOLIDAY_LABELS = frozenset({"EVENT", "FAC"})
#: Place roles where an event happens (a demonym or the dateline is not).
EVENT_ROLES = frozenset({"event", "nested"})


def _previous(doc: Doc, article: Article, sentence: Span) -> Span | None:
    """The sentence before, in the same paragraph (where "the attacks" of a figure are told)."""
    if sentence.start == 0:
        return None
    before = sentence_of(doc[sentence.start - 1])
    same = article.paragraph_at(before.start_char) is article.paragraph_at(sentence.start_char)
    return before if same else None


def _article_days(doc: Doc, article: Article, times: RowsByStart) -> list[Span]:
    """The day phrases of the article's body, in text order."""
    body = [(p.start, p.end) for p in article.paragraphs if p.extractable and p.kind == "body"]
    spans = (doc.char_span(m["start_char"], m["end_char"]) for m in times.within(body))
    return [s for s in spans if s is not None]


def _place_columns(place: dict | None, gazetteer: Gazetteer) -> dict:
    if place is None:
        return {"country": "", "iso": "", "admin1": "", "admin2": "", "location": "", "place_id": ""}
    country = gazetteer.country(place["country"]) if place["country"] else None
    return {
        "country": country.canonical if country else place["country"] or "",
        "iso": place["country"] or "",
        "admin1": place["admin1"] or "",
        "admin2": place["canonical"] if place["kind"] == "admin2" else "",
        "location": place["canonical"],
        "place_id": place["place_id"],
        "latitude": place["lat"],
        "longitude": place["lon"],
        "geo_precision": min(int(place["precision"]), 3) if place["precision"] else None,
    }


def _actor_columns(first: list[Actor], second: list[Actor]) -> dict:
    one, two = (first[0] if first else None), (second[0] if second else None)
    return {
        "actor1_id": one.actor_id if one else "",
        "actor1": one.name if one else "",
        "inter1": one.inter if one else None,
        "assoc_actor_1": "; ".join(a.name for a in first[1:]),
        "actor2_id": two.actor_id if two else "",
        "actor2": two.name if two else "",
        "inter2": two.inter if two else None,
        "assoc_actor_2": "; ".join(a.name for a in second[1:]),
        "interaction": interaction(one.inter if one else None, two.inter if two else None),
    }


def place_phrase(row: dict) -> str:
    """Where a report happened as its notes tell it: site, town, province, country.

    >>> place_phrase({"site": "", "location": "Aurora", "admin1": "Colorado", "country": "United States"})
    'Aurora, Colorado, United States'
    """
    return ", ".join(
        dict.fromkeys(v for v in (row["site"], row["location"], row["admin1"], row["country"]) if v)
    )


def _notes(row: dict, figures: list[dict]) -> str:
    """A one-sentence summary of the report, from its coded columns and the figures as written."""
    inside = {figure_key(f) for f in figures}  # a round-up's total is outside
    tolls = ", ".join(f"{f['text']} {f['outcome']}" for f in figures if f["superseded_by"] not in inside)
    who = row["actor1"] + (f" against {row['actor2']}" if row["actor2"] else "")
    where = place_phrase(row)
    when = row["date_phrase"] or row["event_date"] or "undated"
    parts = [f"{when[0].upper()}{when[1:]}: {row['sub_event_type'] or 'incident'}", who and f"by {who}"]
    parts.append(where and f"{'at' if row['site'] else 'in'} {where}")
    return " ".join(p for p in parts if p) + (f"; {tolls}." if tolls else ".")


def event_reports(
    doc: Doc,
    article: Article,
    *,
    casualties: Sequence[dict],
    places: Sequence[dict],
    mentions: Sequence[dict],
    main_place: dict | None,
    gazetteer: Gazetteer,
    persons: Sequence[dict] = (),
) -> list[dict]:
    """The incidents one article reports, one ``event_reports`` row each, in text order.

    Args:
        doc: The parsed ``article.text``.
        article: The article (date, outlet, URL, paragraphs).
        casualties: Its ``casualties`` rows.
        places: Its ``place_mentions`` rows.
        mentions: Its ``mentions`` rows (actors, date phrases).
        main_place: Its main place row (for figures without a place).
        gazetteer: For country names.
        persons: Its ``person_mentions`` rows (a person who did the violence is its attacker).
    """
    towns = TownMentions.of(p for p in places if p["place_id"])
    datelines = [p for p in places if p["place_id"] and p["role"] == "dateline"]
    places = [p for p in places if p["place_id"] and p["role"] in EVENT_ROLES and not owner_country(doc, p)]
    # a holiday the model tags an event or a building ("New Year's Eve", "Easter Sunday") is a day phrase too
    tagged = [
        m
        for m in mentions
        if m["label"] in TIME_LABELS or (m["label"] in HOLIDAY_LABELS and names_holiday(m["text"]))
    ]
    times = RowsByStart([*tagged, *untagged_days(doc, ((m["start_char"], m["end_char"]) for m in tagged))])
    actors = parties(doc, mentions)  # not "al Qaeda" of "al Qaeda-linked JNIM"; "a Taliban spokesman" speaks
    actors_by_start = RowsByStart(actors)
    figures = with_part_sides(casualties)
    days = _article_days(doc, article, times)
    written = writing_day(days, article.date)
    rows = []
    # the attacker of violence whose evidence names none: the group that claimed it, else the one named most
    armed = article_attacker(doc, actors)
    antecedent = partial(_previous, doc, article)
    incidents = incident_groups(figures, places, doc, antecedent, violence_days(doc, times, written))
    by_offsets = {figure_key(r): r for r in figures}
    grouped = {id(r) for incident in incidents for r in incident.figures}
    # the sentences that tell each incident's figures: the sentence before a figure's tells its
    # attack ("A car bomb exploded. Three were killed"), not when it tells another incident's figures
    # and the figure's own sentence names its place (a round-up: "In Kirkuk, a car bomb killed
    # three. In Mosul, gunmen shot dead two policemen")
    # the sentences naming a place below its country (a round-up's "In Mosul, …"; "Russia's Defense
    # Ministry said" names none), read once for the article
    placed = {sentence_at(doc, p["start_char"]).start for p in places if p.get("kind") != "country"}
    tellers: dict[int, set[int]] = defaultdict(set)  # a figure's sentence -> the incidents it tells
    for number, incident in enumerate(incidents):
        for row in incident.figures:
            tellers[sentence_at(doc, row["start_char"]).start].add(number)
    for number, (group, town) in enumerate(incidents):
        sentences: list[Span] = []
        seen: set[tuple[int, int]] = set()
        summed: list[Span] = []  # the sentences of the round-up totals over its figures
        for figure in group:
            own = sentence_at(doc, figure["start_char"])
            before = _previous(doc, article, own)
            if before is not None and tellers[before.start] - {number} and own.start in placed:
                before = None
            for sentence in (own, before):
                if sentence is not None and (sentence.start, sentence.end) not in seen:
                    seen.add((sentence.start, sentence.end))
                    sentences.append(sentence)
            total = by_offsets.get(figure["superseded_by"] or "")
            if total and id(total) not in grouped:  # a round-up's total, in no report
                told = sentence_at(doc, total["start_char"])
                summed += [told] if told not in summed else []
        # of places named alike by its figures, the body's first: a headline compresses ("Bandits kill
        # 30 in Sokoto village raid" is a village of Sokoto State the body names)
        body_first = sorted(group, key=lambda r: article.in_title(r["start_char"]))
        found = _report(
            doc,
            article,
            group,
            sentences,
            times,
            actors_by_start,
            town or incident_place(body_first, places, main_place, sentences, datelines),
            gazetteer,
            days,
            persons,
            written,
            towns,
            armed,
            summed,
        )
        rows.append(dict(found, report=number))
    lead = lead_report(doc, article, casualties, actors, violent=not rows)
    if lead is not None:
        kind, trigger = lead.kind, lead.trigger
        sentence = sentence_of(trigger)
        own = [p for p in places if sentence.start_char <= p["start_char"] < sentence.end_char]
        own.sort(key=lambda p: int(p["precision"] or 5))  # its own places, the finest first
        place = incident_place(own, places, main_place, [sentence], datelines)
        found = _report(
            doc,
            article,
            [],
            [sentence],
            times,
            actors_by_start,
            place,
            gazetteer,
            days,
            persons,
            written,
            towns,
            armed,
        )
        named = [m for m in actors if sentence.start_char <= m["start_char"] < sentence.end_char]
        first, second = lead_actors(
            lead, named, found["country"], armed, person_attacker(doc, [sentence], persons)
        )
        found.update(
            _actor_columns(first, second),
            disorder_type=kind.disorder_type,
            event_type=kind.event_type,
            sub_event_type=kind.sub_event_type,
            type_cue=trigger.lemma_.lower(),
            start_char=trigger.idx,
            end_char=trigger.idx + len(trigger.text),
            excluded=bool(lead.reason),
            exclude_reason=lead.reason,
        )
        found["notes"] = _notes(found, [])
        told = None if found["excluded"] else told_by_figures(found, rows, lead, placed=bool(own))
        if told is None:
            rows.append(dict(found, report=len(rows)))
        elif told["sub_event_type"] != kind.sub_event_type and kind.disorder_type == DEMONSTRATIONS:
            kind, first, second = demonstration_over(kind, told, named)  # a riot's toll, protest's arrests
            types = {"disorder_type": kind.disorder_type, "event_type": kind.event_type}
            told.update(types, sub_event_type=kind.sub_event_type, type_cue=found["type_cue"])
            told.update(_actor_columns(first, second))
            tolls = told["notes"].partition("; ")[2]
            told["notes"] = _notes(told, []).removesuffix(".") + (f"; {tolls}" if tolls else ".")
    for row, found in zip(
        rows, addresses_by_report([r["evidence"] for r in rows], street_addresses(doc)), strict=True
    ):
        row["addresses"] = found
    return [{c: row.get(c) for c in columns("event_reports")} for row in rows]


def _report(
    doc: Doc,
    article: Article,
    group: list[dict],
    sentences: list[Span],
    times: RowsByStart,
    actors: RowsByStart,
    place: dict | None,
    gazetteer: Gazetteer,
    days: Sequence[Span],
    persons: Sequence[dict],
    written: str,
    towns: TownMentions,
    armed: dict | None,
    summed: Sequence[Span] = (),
) -> dict:
    """One report's columns from its figures and evidence sentences (``written``: the day the
    article was written, :func:`~helpers.extract.events.dating.writing_day`; ``towns``: its
    article's resolved place mentions, for the site of its scene; ``armed``: the armed group that
    claimed the article's violence or that it names most, the attacker when the evidence names
    none; ``summed``: the sentences of the round-up totals over its figures, whose day phrases date
    it after its own: "Gunmen killed 11 in two attacks on Sunday")."""
    inside = [(s.start_char, s.end_char) for s in sentences]
    date_spans = [
        span
        for m in [*times.within(inside), *times.within([(s.start_char, s.end_char) for s in summed])]
        if (span := doc.char_span(m["start_char"], m["end_char"])) is not None
    ]
    # "No one was injured" is no harm: beside an arrest, the report is of the arrest
    outcomes = {r["outcome"] for r in group if r["low"] != 0} or {r["outcome"] for r in group}
    phrases, article_days, later, acts, bounds = dating_phrases(date_spans, days, outcomes)
    # a headline's period tells another incident as often as its own ("where 2 were shot a week ago")
    body = {span.start_char for span in days}
    bounds = [span for span in bounds if span.start_char in body]
    when = event_date(phrases, written, article_days, later, acts, bounds)
    if written != article.date:
        note = f" (the body names the day after its date {article.date[:10]})"
        when = replace(when, reason=when.reason + note)
    hit = hit_figures(group)
    sides = sides_of(hit)
    words = [sentence_words(s) for s in sentences]
    # Actors in text order: the sentence that tells the attack names its target before the toll's.
    named = sorted(actors.within(inside), key=lambda m: m["start_char"])
    kind, cue = classify(words, sides, outcomes, agent_side(named, group))
    if kind is not None and kind.sub_event_type in GENERIC_VIOLENCE and owned_strike(sentences, named):
        kind, cue = event_type_of(AIR_STRIKE), STRIKE  # "two people were killed in an Israeli strike"
    where = _place_columns(place, gazetteer)
    if only_arrests(outcomes):  # who arrested, who was held
        first, second = arrest_actors(named, where["country"], attacking(group))
    elif kind and kind.disorder_type == DEMONSTRATIONS:  # the protesters, who met them
        first, second = demonstration_actors(
            kind.event_type, kind.sub_event_type, named, sides, where["country"]
        )
    else:
        person = person_attacker(doc, sentences, persons)
        owner = strike_owner(sentences, named) if kind and kind.sub_event_type in STRIKE_TYPES else None
        first, second = code_actors(
            attacking(group),
            battle_sides(kind, sides),
            named,
            where["country"],
            armed,
            person,
            owner,
            unnamed_hit(hit),
            actor_attackers(doc, named),
            # the force that did the first harm ("police shot the gunman" after his killings is not)
            unnamed_force([hit[0]["perpetrator"]] if hit and not known(hit[0]["perpetrator_id"]) else []),
        )
    main = group[0] if group else {"start_char": sentences[0].start_char, "end_char": sentences[0].end_char}
    site = scene_site(sentences, towns, place["place_id"] if place else "")
    row = {
        "article_id": article.article_id,
        "start_char": main["start_char"],
        "end_char": main["end_char"],
        "sentence": sentence_at(doc, main["start_char"]).text.strip(),
        "figures": ";".join(figure_key(r) for r in group),
        "evidence": ";".join(f"{s.start_char}-{s.end_char}" for s in sentences),
        "event_date": when.date,
        "time_precision": when.precision,
        "date_phrase": when.phrase,
        "date_reason": when.reason,
        "date_of_act": when.of_act,
        "disorder_type": kind.disorder_type if kind else "",
        "event_type": kind.event_type if kind else "",
        "sub_event_type": kind.sub_event_type if kind else "",
        "type_cue": cue,
        **_actor_columns(first, second),
        "victim_sides": "; ".join(sorted(sides)),
        **where,
        "site": site.text if site else "",
        "site_span": f"{site.start_char}-{site.end_char}" if site else "",
        "source": article.outlet,
        "source_url": article.url,
        "excluded": False,
        "exclude_reason": "",
    }
    row["notes"] = _notes(row, group)
    return row
