"""Incidents told on days before the incident told first: ACLED codes one event per place and day.

An article's figures are grouped by place (:mod:`helpers.extract.events.grouping`). A figure whose
own clause tells violence on days that all come before those of the incident's first dated figure
is an incident of its own: "A suicide bomber blew himself up at a cafe in Mogadishu on Thursday,
killing six. … On Wednesday, the group had attacked a hotel in the city, leading to a siege in which
five people died" are two events, not one of eleven dead dated Wednesday. Later days are not split
off: news tells the wounded of an attack who died days later, and the next day of a spree, with the
incident they belong to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Doc

from helpers.extract.casualties.days import day_keys, resolve_day
from helpers.extract.casualties.scope import clause_dates
from helpers.extract.casualties.scope_cues import governed_clause
from helpers.extract.evidence import sentence_of
from helpers.extract.spans import RowsByStart
from helpers.knowledge.event_types import act_verbs, violent_words

#: The days a figure's clause tells violence on, as dates (empty when none or when it tells none).
FigureDays = Callable[[dict], frozenset[dt.date]]


def violence_days(doc: Doc, times: RowsByStart, written: str) -> FigureDays:
    """The dates of the days a figure's own clause names when that clause tells violence ("On
    Saturday, the group had stormed a guesthouse, and four people died": Saturday; not "a man
    charged in the killing was arraigned Wednesday", whose clause tells a later act), resolved
    against the day the article was written (``written``, ISO; no dates without it); ``times`` are
    the article's date phrases."""
    try:
        day = dt.date.fromisoformat(written[:10])
    except ValueError:
        return lambda _row: frozenset()
    acts = act_verbs() | violent_words()

    def days(row: dict) -> frozenset[dt.date]:
        figure = doc.char_span(row["start_char"], row["end_char"], alignment_mode="expand")
        verb = next((t for t in [figure.root, *figure.root.ancestors] if t.pos_ == "VERB"), None)
        clause = governed_clause(verb) if verb is not None else None
        if clause is None:
            return frozenset()
        # a relative clause tells of the act its noun's clause names ("attacked a hotel, leading to a
        # siege in which five people died")
        told = [verb, clause, governed_clause(clause.head)] if clause.dep_ == "relcl" else [verb, clause]
        if not {t.lemma_.lower() for t in told} & acts:
            return frozenset()
        sentence = sentence_of(verb)
        phrases = times.within([(sentence.start_char, sentence.end_char)])
        spans = [s for m in phrases if (s := doc.char_span(m["start_char"], m["end_char"], "expand"))]
        own, around = clause_dates(verb, spans)
        # a relative clause under the figure's clause dates its own verb ("a policeman was injured in
        # the operation, which began late Tuesday": the day it began, not the day he was hurt)
        own = [s for s in own if (c := governed_clause(s.root)) == clause or c.dep_ != "relcl"]
        dates = {resolve_day(key, day) for key in day_keys(own or around)}
        return frozenset(d for d in dates if d is not None)

    return days


def told_before(own: frozenset[dt.date], incident: frozenset[dt.date]) -> bool:
    """Whether a figure's days (``own``) all come before every day of the incident's (``incident``).

    >>> wed, thu = dt.date(2024, 3, 13), dt.date(2024, 3, 14)
    >>> told_before(frozenset({wed}), frozenset({thu})), told_before(frozenset({thu}), frozenset({wed}))
    (True, False)
    >>> told_before(frozenset({wed, thu}), frozenset({thu})), told_before(frozenset(), frozenset({thu}))
    (False, False)
    """
    return bool(own and incident) and max(own) < min(incident)


def by_day(figures: list[dict], days_of: FigureDays) -> list[list[dict]]:
    """An incident's figures (in text order) split where a figure's clause tells violence on days
    before those of the incident so far (:func:`told_before`; the figures after it go with it).

    >>> wed, thu = frozenset({dt.date(2024, 3, 13)}), frozenset({dt.date(2024, 3, 14)})
    >>> days = {"six": thu, "claim": frozenset(), "five": wed}
    >>> by_day(["six", "claim", "five"], days.get)
    [['six', 'claim'], ['five']]
    """
    parts = [[figures[0]]] if figures else []
    incident = days_of(figures[0]) if figures else frozenset()
    for row in figures[1:]:
        own = days_of(row)
        if told_before(own, incident):
            parts.append([row])
            incident = own
        else:
            parts[-1].append(row)
            incident = incident or own
    return parts
