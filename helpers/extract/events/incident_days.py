"""Incidents told on days before the incident told first: ACLED codes one event per place and day.

An article's figures are grouped by place (:mod:`helpers.extract.events.grouping`). A figure
whose own sentence tells violence on days that all come before those of the incident it would
join is an incident of its own: "A suicide bomber blew himself up at a cafe in Mogadishu on
Thursday, killing six. … On Wednesday, the group had attacked a hotel in the city, leading to a
siege in which five people died" are two events, not one of eleven dead dated Wednesday. Later days
are not split off: news tells the wounded of an attack who died days later, and the next day of a
spree, with the incident they belong to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Doc, Span

from helpers.extract.casualties.days import day_keys, resolve_day
from helpers.extract.events.triggers import sentence_words
from helpers.extract.spans import RowsByStart
from helpers.knowledge.event_types import violent_words

#: The days a sentence names, as dates (empty when it names none or tells no violence).
SentenceDays = Callable[[Span], frozenset[dt.date]]


def violence_days(doc: Doc, times: RowsByStart, written: str) -> SentenceDays:
    """The dates of the days a sentence that tells violence names, resolved against the day the
    article was written (``written``, ISO; no dates without it); ``times`` are its date phrases."""
    try:
        day = dt.date.fromisoformat(written[:10])
    except ValueError:
        return lambda _sentence: frozenset()

    def days(sentence: Span) -> frozenset[dt.date]:
        if not sentence_words(sentence) & violent_words():
            return frozenset()
        phrases = times.within([(sentence.start_char, sentence.end_char)])
        spans = [s for m in phrases if (s := doc.char_span(m["start_char"], m["end_char"], "expand"))]
        dates = {resolve_day(key, day) for key in day_keys(spans)}
        return frozenset(d for d in dates if d is not None)

    return days


def told_before(own: frozenset[dt.date], incident: frozenset[dt.date]) -> bool:
    """Whether a sentence's days all come before every day of the incident's first sentence.

    >>> wed, thu = dt.date(2024, 3, 13), dt.date(2024, 3, 14)
    >>> told_before(frozenset({wed}), frozenset({thu})), told_before(frozenset({thu}), frozenset({wed}))
    (True, False)
    >>> told_before(frozenset({wed, thu}), frozenset({thu})), told_before(frozenset(), frozenset({thu}))
    (False, False)
    """
    return bool(own and incident) and max(own) < min(incident)


def by_day(figures: list[dict], days_of: Callable[[dict], frozenset[dt.date]]) -> list[list[dict]]:
    """An incident's figures (in text order) split where a figure's sentence tells violence on days
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
