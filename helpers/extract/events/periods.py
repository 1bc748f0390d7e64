"""Date phrases of a period ("last week", "earlier this month", "two weeks ago"): the day that dates
an event told so, ACLED's time precision, and the days the period spans.

A period that dates the harm itself ("shot last week", "last month's attack", "killed two weeks
ago") bounds the days that can date it (:func:`~helpers.extract.events.dating.event_date`): a
follow-up tells the harm of last week beside the days of its own news ("identified Tuesday"; a
caption's "Sunday" kept from the first story), which date other acts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Span

from helpers.extract.casualties.days import counted_back, day_keys
from helpers.knowledge.event_types import Period, incident_nouns, periods
from helpers.knowledge.time_words import calendar

#: ACLED's time precision of a week and of a month.
WEEK, MONTH = 2, 3
#: Fewest days of a unit counted back that make its period a month's ("two months ago"; weeks are shorter).
MONTH_DAYS = 28
#: Most words between an incident noun and a period written after it ("the shooting of an 11-year-old
#: boy in Dayton, Ohio last week").
NOUN_BEFORE_TOKENS = 12
#: Parts of speech of those words: the incident's of-object and place (and the comma of "Dayton,
#: Ohio", the hyphens of "11-year-old").
_TELLING_POS = frozenset({"ADP", "DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})
#: Days a period is widened by on each side: a paper dated the day after it was written, a
#: Sunday night's shooting told as "last week".
SLACK = dt.timedelta(days=1)


@dataclass(frozen=True)
class PeriodDays:
    """The days of a period phrase in an article of a given day.

    Attributes:
        date: The day that dates an event told in the period (its first day as ``event_periods.csv``
            gives it, or the day a count back names: "two weeks ago").
        precision: ACLED's time precision (2 week, 3 month).
        first: The first day the period spans (widened by ``SLACK``).
        last: Its last day (widened by ``SLACK``, never after the publication day).
    """

    date: dt.date
    precision: int
    first: dt.date
    last: dt.date

    def holds(self, day: dt.date) -> bool:
        """Whether ``day`` lies in the period."""
        return self.first <= day <= self.last


def period_days(span: Span, published: dt.date) -> PeriodDays | None:
    """The days a period phrase spans in an article of ``published`` (None: no period).

    A count of weeks or months back spans half a unit either side of the day it names.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> last = period_days(nlp("last week's")[:], dt.date(2016, 7, 12))  # a Tuesday's paper
    >>> last.date, last.first, last.last, last.precision
    (datetime.date(2016, 7, 5), datetime.date(2016, 7, 3), datetime.date(2016, 7, 11), 2)
    >>> ago = period_days(nlp("two weeks ago")[:], dt.date(2015, 4, 30))
    >>> ago.date, ago.first, ago.last
    (datetime.date(2015, 4, 16), datetime.date(2015, 4, 12), datetime.date(2015, 4, 20))
    >>> month = period_days(nlp("last month")[:], dt.date(2016, 8, 30))
    >>> month.first, month.last
    (datetime.date(2016, 6, 30), datetime.date(2016, 8, 1))
    >>> period_days(nlp("four days ago")[:], dt.date(2016, 8, 30)) is None  # a day, not a period
    True
    """
    reading = _reading(span)
    if reading is None:
        return _named_month(span, published)
    if isinstance(reading, Period):
        first, last = _spanned(reading, published)
        date = published + dt.timedelta(days=reading.days)
        return PeriodDays(date, reading.precision, first - SLACK, min(last + SLACK, published))
    count, unit = reading
    date = published - dt.timedelta(days=count * unit)
    half = dt.timedelta(days=unit // 2) + SLACK
    return PeriodDays(date, WEEK if unit < MONTH_DAYS else MONTH, date - half, min(date + half, published))


def within_period(
    days: list[dt.date], period: PeriodDays | None, span: Span, outside: list[str]
) -> list[dt.date]:
    """The days the harm's period spans (all without one); a bare weekday names its latest day in a
    period of a week ("shot Friday" of "last week's shooting" in a paper written on a Friday; a
    month's weekday is another act's); a phrase whose days it leaves out is noted in ``outside``.

    >>> import spacy
    >>> doc = spacy.blank("en")("last week's ; Friday")
    >>> last = period_days(doc[:3], dt.date(2016, 5, 13))
    >>> within_period([dt.date(2016, 5, 13)], last, doc[4:5], [])
    [datetime.date(2016, 5, 6)]
    """
    if period is None:
        return days
    weekday = period.precision == WEEK and all(key[0] == 0 for key in day_keys([span]))
    kept = [d for d in days if period.holds(d)] or [
        d - dt.timedelta(weeks=1) for d in days if weekday and period.holds(d - dt.timedelta(weeks=1))
    ]
    if days and not kept and repr(span.text) not in outside:
        outside.append(repr(span.text))
    return kept


def names_period(span: Span) -> bool:
    """Whether a date phrase names a period (:func:`period_days` reads it against a publication day)."""
    return _reading(span) is not None or _month_of(span) is not None


#: The day of a month that dates an event told only by its month (ACLED codes the middle of the month).
MID_MONTH = 15


def _named_month(span: Span, published: dt.date) -> PeriodDays | None:
    """The month a phrase names without a day ("in February", "at the end of April", "last
    November", "in March 2016"): the latest such month not after the publication's (its year when
    written), dated by its middle day (never after the publication day), precision 3.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> feb = period_days(nlp("the end of February")[:], dt.date(2016, 5, 10))
    >>> feb.date, feb.precision, feb.first, feb.last
    (datetime.date(2016, 2, 15), 3, datetime.date(2016, 1, 31), datetime.date(2016, 3, 1))
    >>> period_days(nlp("November")[:], dt.date(2016, 5, 10)).date
    datetime.date(2015, 11, 15)
    >>> period_days(nlp("May 2014")[:], dt.date(2016, 5, 10)).date
    datetime.date(2014, 5, 15)
    >>> period_days(nlp("May 3")[:], dt.date(2016, 5, 10)) is None  # a day
    True
    """
    found = _month_of(span)
    if found is None:
        return None
    month, year = found
    if year is None:
        year = published.year if month <= published.month else published.year - 1
    first = dt.date(year, month, 1)
    if first > published:
        return None
    last = _month_start(first, 1) - dt.timedelta(days=1)
    date = min(dt.date(year, month, MID_MONTH), published)
    return PeriodDays(date, MONTH, first - SLACK, min(last + SLACK, published))


def _month_of(span: Span) -> tuple[int, int | None] | None:
    """``(month, year or None)`` of a phrase that names a calendar month and no day of it, no weekday
    and no holiday (a day: :func:`~helpers.extract.casualties.days.day_keys`)."""
    words = calendar()
    months = [words.months[t.lower_.rstrip(".")] for t in span if t.lower_.rstrip(".") in words.months]
    if len(months) != 1 or day_keys([span]):
        return None
    return months[0], written_year(span)


#: A year written in a date phrase ("June 4, 2015").
_YEAR = re.compile(r"(?:19|20)\d\d")


def written_year(span: Span) -> int | None:
    """The year a date phrase writes, if any ("June 4, 2015": 2015)."""
    return next((int(t.text) for t in span if _YEAR.fullmatch(t.text)), None)


def follows_incident(span: Span) -> bool:
    """Whether a period is written after an incident noun and the words that tell it ("the shootings
    in Bristol last week", "a fatal shooting near the river last month"): the incident was then, or
    before, whatever verb the parse hangs the period on ("charged in the shooting last week").

    >>> import spacy
    >>> doc = spacy.blank("en")("charged in the shooting in Dayton , Ohio last week")
    >>> for token in doc:
    ...     token.pos_ = "NOUN" if token.text == "shooting" else "ADP" if token.text == "in" else "PROPN"
    >>> doc[6].pos_ = "PUNCT"
    >>> follows_incident(doc[8:10])
    True
    """
    if not names_period(span):
        return False
    nouns = incident_nouns()
    for token in reversed(span.doc[max(span.start - NOUN_BEFORE_TOKENS, 0) : span.start]):
        if token.pos_ in ("NOUN", "PROPN") and (token.lemma_ or token.text).lower() in nouns:
            return True
        if token.is_sent_start or not (token.pos_ in _TELLING_POS or token.text in (",", "-")):
            return False
    return False


def _reading(span: Span) -> Period | tuple[int, int] | None:
    """The ``event_periods.csv`` period a phrase names, else the ``(count, unit_days)`` of a count of
    weeks or months back ("two weeks ago"; a count of days names a day: ``day_keys``), else None."""
    words = [t.lower_ for t in span]
    for period in periods():
        size = len(period.words)
        if any(tuple(words[i : i + size]) == period.words for i in range(len(words) - size + 1)):
            return period
    back = counted_back(words)
    return back if back is not None and back[1] > 1 else None


def _spanned(period: Period, published: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a period spans (``event_periods.csv``'s unit, first and last)."""
    if period.unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        return monday + dt.timedelta(weeks=period.first), monday + dt.timedelta(weeks=period.last, days=6)
    if period.unit == "month":
        after = _month_start(published, period.last + 1)
        return _month_start(published, period.first), after - dt.timedelta(days=1)
    return published + dt.timedelta(days=period.first), published + dt.timedelta(days=period.last)


def _month_start(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after ``day``'s (negative: before).

    >>> _month_start(dt.date(2016, 1, 20), -1), _month_start(dt.date(2016, 12, 5), 1)
    (datetime.date(2015, 12, 1), datetime.date(2017, 1, 1))
    """
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
