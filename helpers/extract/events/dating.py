"""The date of an event and ACLED's time precision, from the date phrases of its evidence.

Day phrases ("on Saturday", "in the early hours of Saturday", "yesterday", "on
April 25") are read by the casualty scope's :func:`day_keys` and resolved against
the publication date by :func:`resolve_day`, the one resolution of day phrases in
the project; phrases of a week or a month ("last week", "earlier this month",
``event_periods.csv``) give time precision 2 or 3. Which phrases date a report, best first, is
:func:`dating_phrases`' choice: the day of the act, read by the verb written before the phrase or
by its parsed clause, before the days of later acts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from helpers.extract.casualties.days import day_keys, resolve_day
from helpers.extract.events.dated_acts import ACT, dating_verb, deadline_day, incident_day
from helpers.extract.events.day_phrases import occasion
from helpers.extract.events.periods import (
    WEEK,
    follows_incident,
    names_period,
    period_days,
    within_period,
    written_year,
)
from helpers.knowledge.event_types import (
    HARM,
    act_verbs,
    cue_words,
    later_act_verbs,
    outcome_verbs,
)
from helpers.knowledge.time_words import calendar

#: ACLED's time precision of a day (of a week and a month: :mod:`~helpers.extract.events.periods`).
DAY = 1


@dataclass(frozen=True)
class EventDate:
    """When an event happened.

    Attributes:
        date: ISO date, or "" when it cannot be known.
        precision: ACLED's ``time_precision`` (1 day, 2 week, 3 month), or None without a date.
        phrase: The date phrase it was read from ("" when none).
        start_char: Offset of the phrase (-1 when none).
        reason: How the date was found, or why there is none.
        of_act: The phrase is the day of the harm itself ("shot Sunday", "Sunday's shooting"),
            not of another act the evidence tells ("police said Sunday", "entered a plea Sunday").
    """

    date: str
    precision: int | None
    phrase: str
    start_char: int
    reason: str
    of_act: bool = False


def iso_day(value: str) -> dt.date | None:
    """The day of an ISO date or timestamp ("" or malformed: None).

    >>> iso_day("2024-03-05T10:00:00+03:00"), iso_day("")
    (datetime.date(2024, 3, 5), None)
    """
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def written_day(span: Span) -> dt.date | None:
    """The day a phrase writes in full, with its year ("March 9, 2016"): no publication date is
    needed to read it (``None`` for any other phrase, or a day no calendar has).

    >>> import spacy
    >>> doc = spacy.blank("en")("on March 9 , 2016 and on Tuesday and on February 30 , 2016")
    >>> written_day(doc[1:5]), written_day(doc[7:8]), written_day(doc[10:14])
    (datetime.date(2016, 3, 9), None, None)
    """
    year = written_year(span)
    dated = [k for k in day_keys([span]) if k[0] == 1]
    if year is None or not dated:
        return None
    try:
        return dt.date(year, dated[0][1], dated[0][2])
    except ValueError:
        return None


def _days(span: Span, published: dt.date) -> list[dt.date]:
    """The days a phrase names, resolved against the publication day. A phrase that writes its
    year names that day ("the June 4, 2015 shooting" in a paper of 2016), and is the page's date
    stamp when the day is the publication day or later ("Tuesday, April 15, 2014 4:20 PM"); "last
    Tuesday" in a Tuesday's paper is a week ago (``calendar.csv`` kind "earlier"). A date written
    with its weekday ("Sunday, Feb. 28") names the latest year, up to ``WEEKDAY_YEARS`` back, in
    which the two agree, and no day when none does (an update's "Wednesday, April 5" in a page
    stamped in February).

    >>> import spacy
    >>> doc = spacy.blank("en")("on June 4 , 2015 and on Tuesday , April 15 , 2014")
    >>> _days(doc[1:5], dt.date(2016, 11, 4)), _days(doc[7:13], dt.date(2014, 4, 15))
    ([datetime.date(2015, 6, 4)], [])
    >>> _days(spacy.blank("en")("last Tuesday"), dt.date(2014, 4, 15))
    [datetime.date(2014, 4, 8)]
    >>> doc = spacy.blank("en")("Wednesday , November 11 and Wednesday , April 5")
    >>> _days(doc[:4], dt.date(2016, 11, 23)), _days(doc[5:9], dt.date(2016, 2, 29))
    ([datetime.date(2015, 11, 11)], [])
    """
    keys = day_keys([span])
    dated = [k for k in keys if k[0] == 1]
    if written_year(span) is not None and dated:
        day = written_day(span)
        return [day] if day is not None and day < published else []
    weekdays = [k[1] for k in keys if k[0] == 0]
    if weekdays and dated:
        return _agreeing_year(dated[0], weekdays[0], published)
    words = calendar()
    back = max(
        (words.earlier.get(t.lower_, 0) for t in span[:-1] if t.nbor().lower_ in words.weekdays), default=0
    )
    days = [d for key in keys if (d := resolve_day(key, published)) is not None]
    # "last Monday" in a Monday's paper is a week ago, not that day
    return sorted(d - dt.timedelta(days=back) if d == published and back else d for d in days)


#: Years back a date written with its weekday is looked for ("Wednesday, Nov. 11" in a paper of 2016: 2015).
WEEKDAY_YEARS = 3


def _agreeing_year(key: tuple[int, ...], weekday: int, published: dt.date) -> list[dt.date]:
    """The day ``(1, month, day)`` in the latest year not after ``published`` whose weekday is ``weekday``."""
    for year in range(published.year, published.year - WEEKDAY_YEARS - 1, -1):
        try:
            day = dt.date(year, key[1], key[2])
        except ValueError:
            continue
        if day <= published and day.weekday() == weekday:
            return [day]
    return []


def event_date(
    spans: Sequence[Span],
    published: str,
    article_days: Sequence[Span] = (),
    later: Sequence[Span] = (),
    acts: Sequence[Span] = (),
    bounds: Sequence[Span] = (),
) -> EventDate:
    """The event's date from its date phrases, nearest first, against the publication date.

    The first phrase that names a day gives the date (precision 1); else the first phrase of a week
    or month (precision 2 or 3); else the first day the article's body names of an event
    (``article_days``: a follow-up's evidence tells the toll, its lead the day of the shooting), or
    the period it writes after an incident
    (:func:`~helpers.extract.events.periods.follows_incident`); else the first day or period of a
    later act (``later``: "arraigned Tuesday", "arrested last week"; the event was before it,
    precision 2 or 3); ``of_act`` when the phrase is one of ``acts`` (the days of the harm itself).
    The first of ``bounds`` that is a period (the period of the harm itself: "shot last week", "two
    weeks ago") keeps only the days it spans (:func:`~helpers.extract.events.periods.period_days`),
    and dates the event when none does. Without any, the event is dated by the publication day with
    precision 2 (news reports events of the last days). Without a publication date, a day phrase
    cannot be resolved, unless it writes its year (:func:`written_day`): the date is empty and the
    reason says which phrase was found.

    >>> import spacy
    >>> doc = spacy.blank("en")("In the early hours of Saturday , gunmen attacked .")
    >>> event_date([doc[1:6]], "2019-03-11").date
    '2019-03-09'
    >>> found = event_date([doc[1:6]], "")
    >>> found.date, found.precision, found.reason
    ('', None, "no publication date to resolve 'the early hours of Saturday' against")
    >>> doc = spacy.blank("en")("shot last week ; identified Tuesday")
    >>> event_date([doc[4:5], doc[1:3]], "2016-07-12", bounds=[doc[1:3]]).date  # not Tuesday the 12th
    '2016-07-05'
    """
    day = iso_day(published)
    period = next((found for span in bounds if (found := period_days(span, day))), None) if day else None
    outside: list[str] = []  # the days named that the harm's period leaves out
    for span in spans:
        keys = day_keys([span])
        if not keys:
            continue
        if day is None:
            if (written := written_day(span)) is not None:  # a press release's "(March 9, 2016):"
                reason = f"{span.text!r}, a day written with its year"
                return EventDate(written.isoformat(), DAY, span.text, span.start_char, reason)
            return EventDate(
                "", None, span.text, span.start_char, f"no publication date to resolve {span.text!r} against"
            )
        resolved = within_period(_days(span, day), period, span, outside)
        if resolved:
            reason = f"{span.text!r} in an article of {day.isoformat()}"
            of_act = any(span is act for act in acts)
            return EventDate(min(resolved).isoformat(), DAY, span.text, span.start_char, reason, of_act)
    for span in [*bounds, *spans]:
        if day is None and names_period(span):
            return EventDate(
                "", None, span.text, span.start_char, f"no publication date to resolve {span.text!r} against"
            )
        found = period_days(span, day) if day else None
        if found is None:
            continue
        reason = f"{span.text!r}: a period" + (f" (not {', '.join(outside)})" if outside else "")
        return EventDate(found.date.isoformat(), found.precision, span.text, span.start_char, reason)
    for fallback, reading, precision, period_reading in (
        (
            article_days,
            "{}, the first day the article names",
            DAY,
            "{}, the period of an incident the article names",
        ),
        (later, "before {}, the day of a later act", WEEK, "before {}, the period of a later act"),
    ):
        for span in fallback if day else ():
            resolved = _days(span, day)
            if resolved:
                reason = f"{reading.format(repr(span.text))}, in an article of {day.isoformat()}"
                return EventDate(min(resolved).isoformat(), precision, span.text, span.start_char, reason)
            # then or before: "charged in the shooting in Bristol last week", "arrested last week"
            told = period_days(span, day) if fallback is later or follows_incident(span) else None
            if told is not None:
                reason = period_reading.format(repr(span.text))
                return EventDate(told.date.isoformat(), told.precision, span.text, span.start_char, reason)
    if day is None:
        return EventDate("", None, "", -1, "no date phrase and no publication date")
    return EventDate(day.isoformat(), WEEK, "", -1, "no day named: the publication date")


#: Days before the paper a bare weekday names when it is the weekday after the paper's.
WEEKDAY_AFTER = 6


def writing_day(days: Sequence[Span], published: str) -> str:
    """The day the article was written: its publication day, or the day after when a bare weekday
    of its body ("Saturday"; not "last Saturday" nor "Saturday, Dec. 17") is that next day and
    every other is the publication day or the day before: a page stamped the day before it was
    written ("Police on Saturday had yet to name the boy shot Friday evening" under Friday's date).
    Read as six days back, such a weekday dated 6 of 35 GVA events right (within a day).

    >>> import spacy
    >>> doc = spacy.blank("en")("on Saturday ; shot Friday ; last Saturday ; shot Wednesday")
    >>> writing_day([doc[1:2], doc[4:5]], "2016-12-16"), writing_day([doc[1:2], doc[10:11]], "2016-12-16")
    ('2016-12-17', '2016-12-16')
    >>> writing_day([doc[6:8]], "2016-12-16")
    '2016-12-16'
    """
    day = iso_day(published)
    if day is None:
        return published
    earlier = calendar().earlier
    back = set()
    for span in days:
        keys = list(day_keys([span]))
        if len(keys) == 1 and keys[0][0] == 0 and not any(t.lower_ in earlier for t in span):
            back.add((day.weekday() - keys[0][1]) % 7)
    if WEEKDAY_AFTER in back and back <= {0, 1, WEEKDAY_AFTER}:
        return (day + dt.timedelta(days=1)).isoformat()
    return published


def dating_phrases(
    evidence: Sequence[Span], days: Sequence[Span], outcomes: Iterable[str] = ()
) -> tuple[list[Span], list[Span], list[Span], list[Span], list[Span]]:
    """The date phrases that date a report, best first; the article's days that date it when none
    of those does; the days of later acts; the days of the harm itself, the first phrases; and the
    periods of the harm, which bound its day (the arguments of :func:`event_date`).

    The day of the act comes first ("shot on Saturday", in the evidence, else in the article's
    body): a phrase whose clause is a verb of harm, or of the report's own outcome when it counts
    no harm (an arrest report's "arrested Friday"); then the evidence's other phrases ("officers
    responded Sunday"), then the article's. A phrase whose clause is a later act dates that act
    ("two teens were arraigned Tuesday in a shooting over the weekend", "police said Friday":
    :func:`~helpers.knowledge.event_types.later_act_verbs`): it comes last, as the event was
    before it, nearer than the publication day. A day after a preposition of a deadline, a purpose
    or an end (``event_cues.csv`` "deadline": "a gun he got for Christmas", "held until Monday"),
    and a holiday that names an occasion ("a Christmas party": :func:`occasion`), date nothing. A
    period the evidence first dates the harm by ("shot last week"), or that first names an
    incident's time anywhere ("last week's shooting"), bounds the day (a round-up's or a
    background sentence's later "killed there last month" does not).
    """
    outcomes = frozenset(outcomes)
    # "the killing of five civilians in February": the period of an incident noun it follows
    incident = {id(span): incident_day(span) or follows_incident(span) for span in (*evidence, *days)}
    deadline = cue_words("deadline")
    evidence, days = (
        [span for span in spans if incident[id(span)] or not (deadline_day(span, deadline) or occasion(span))]
        for spans in (evidence, days)
    )
    own = frozenset() if outcomes & HARM else outcome_verbs(outcomes)
    acts, later = act_verbs() | own | {ACT}, later_act_verbs() - own
    acts_or_later = acts | later
    # a verb of the wounded's stay before the day is that day's verb: "shot Tuesday, died Friday"
    nearest = acts_or_later | cue_words("stay")
    verbs = {
        id(span): ACT if incident[id(span)] else dating_verb(span, nearest) for span in (*evidence, *days)
    }
    acted = [span for span in (*evidence, *days) if verbs[id(span)] in acts]
    others = [span for span in evidence if verbs[id(span)] not in acts_or_later]
    afterwards = [span for span in (*evidence, *days) if verbs[id(span)] in later]
    told = {id(span) for span in evidence}
    # the first phrase of the harm, when a period (a round-up's later "killed last month" bounds no other)
    bounds = [s for s in acted[:1] if (id(s) in told or incident[id(s)]) and names_period(s)]
    return acted + others, [span for span in days if verbs[id(span)] not in later], afterwards, acted, bounds
