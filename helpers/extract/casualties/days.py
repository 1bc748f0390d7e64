"""The days a figure's date phrases name, and the dates they resolve to in an article of a given day.

A day is kept as a key: ``(0, weekday)`` ("on Monday"), ``(1, month, day)`` ("April 25", a holiday
of a fixed date), ``(2, offset)`` ("yesterday", "four days ago"), ``(3, holiday, offset)`` (a
moveable holiday and the days from it, "Easter Sunday", "the day after Thanksgiving");
:func:`resolve_day` turns a key into a date against the publication date. The casualty scope
(earlier days are background) and the events' dating both read them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Span

from helpers.extract.casualties.numbers import parse_number
from helpers.knowledge.time_words import calendar, holiday, moveable_date, moveable_holiday

#: Words before a date phrase read with it for a day next to a holiday ("the day after").
NEXT_TO_TOKENS = 2
_DAY = re.compile(r"\b([12]?\d|3[01])(?:st|nd|rd|th)?\b")
#: Most words of the count before a unit counted back ("twenty - five days ago").
COUNT_WORDS = 3


def counted_back(lowered: Sequence[str]) -> tuple[int, int] | None:
    """``(count, unit_days)`` of a phrase that counts units back from the day of writing ("four days
    ago": (4, 1), "a week ago": (1, 7)), else None (no count: "days ago", "a few weeks ago").

    >>> counted_back(["four", "days", "ago"]), counted_back(["about", "a", "week", "ago"])
    ((4, 1), (1, 7))
    >>> counted_back(["twenty", "-", "five", "days", "ago"]), counted_back(["a", "few", "days", "ago"])
    ((25, 1), None)
    """
    words = calendar()
    at = next((i for i, word in enumerate(lowered) if word in words.ago), None)
    if at is None or at < 2 or lowered[at - 1] not in words.units:
        return None
    unit = at - 1
    for size in range(min(COUNT_WORDS, unit), 0, -1):  # the longest count: "twenty - five", not "five"
        count = parse_number(" ".join(lowered[unit - size : unit]))
        if count:
            return count, words.units[lowered[unit]]
    return None


def day_keys(times: Sequence[Span]) -> set[tuple]:
    """The days a sentence's date phrases name: ``(0, weekday)``, ``(1, month, day)``, ``(2, offset)``
    ("yesterday", "two days ago": :func:`counted_back`), ``(3, holiday, offset)``; the weekday of a
    moveable holiday's name is no day of its own ("Easter Sunday"), and "the day after Thanksgiving"
    is a day after it (the model tags "Thanksgiving" alone: ``NEXT_TO_TOKENS`` words before the
    phrase are read with it).

    >>> import spacy
    >>> doc = spacy.blank("en")("on Monday and on April 25 , not yesterday , on New Year's Eve")
    >>> sorted(day_keys([doc[1:2], doc[4:6], doc[8:9], doc[11:15]]))
    [(0, 0), (1, 4, 25), (1, 12, 31), (2, -1)]
    >>> day_keys([spacy.blank("en")("early Easter Sunday")[:]])
    {(3, 'easter sunday', 0)}
    >>> doc = spacy.blank("en")("killed the day after Thanksgiving")
    >>> day_keys([doc[4:5]])
    {(3, 'thanksgiving', 1)}
    """
    words = calendar()
    keys: set[tuple] = set()
    for span in times:
        lowered = [t.lower_.rstrip(".") for t in span]
        moveable = moveable_holiday(span.text)
        if moveable is not None:  # read with the words before it: "the day after [Thanksgiving]"
            moveable = moveable_holiday(span.doc[max(span.start - NEXT_TO_TOKENS, 0) : span.end].text)
        if moveable is not None:
            keys.add((3, *moveable))
        named = set(moveable[0].split()) if moveable else set()
        keys.update((0, words.weekdays[w]) for w in lowered if w in words.weekdays and w not in named)
        keys.update((2, words.relative[w]) for w in lowered if w in words.relative)
        back = counted_back(lowered)
        if back is not None and back[1] == 1:  # weeks and months back are periods, no day
            keys.add((2, -back[0]))
        at = next((i for i, w in enumerate(lowered) if w in words.months), None)
        day = None if at is None else _day_of_month(lowered, at)
        if day is not None:
            keys.add((1, words.months[lowered[at]], day))
        if (fixed := holiday(" ".join(lowered))) is not None:  # "New Year's Eve", "the Fourth of July"
            keys.add((1, *fixed))
    return keys


def _day_of_month(lowered: list[str], at: int) -> int | None:
    """The day written beside the month word at ``at``: after it ("Aug. 29", "Aug. 29th"), else
    before it ("29 August", "the 29th of August"); a clock time's hour elsewhere in the phrase is
    no day ("2 a.m. Aug. 29" is the 29th; "around 4 p.m. Sept." names no day).

    >>> _day_of_month(["2", "a.m", "aug", "29"], 2), _day_of_month(["29th", "of", "august"], 2)
    (29, 29)
    >>> _day_of_month(["around", "4", "p.m", "sept"], 3) is None
    True
    """
    after = [w for w in lowered[at + 1 :] if w not in (",", "")][:1]
    before = lowered[max(0, at - 2) : at]
    before = before[-1:] if before[-1:] != ["of"] else before[:1]
    for word in after + before:
        if m := _DAY.fullmatch(word):
            return int(m.group(1))
    return None


def resolve_day(key: tuple, published: dt.date) -> dt.date | None:
    """The date a day key names in an article published on ``published`` (a calendar day or holiday:
    its latest date not after the paper).

    >>> resolve_day((0, 4), dt.date(2024, 3, 5))   # "Friday" in a Tuesday's paper
    datetime.date(2024, 3, 1)
    >>> resolve_day((1, 12, 30), dt.date(2024, 1, 2))
    datetime.date(2023, 12, 30)
    >>> easter = (3, "easter", 0)
    >>> resolve_day(easter, dt.date(2016, 4, 11)), resolve_day(easter, dt.date(2016, 3, 1))
    (datetime.date(2016, 3, 27), datetime.date(2015, 4, 5))
    """
    # Standard date arithmetic, not dateparser: the parser has found the phrase and day_keys read
    # the day it names; re-reading each phrase as free text would be slower and no more exact.
    if key[0] == 0:
        return published - dt.timedelta(days=(published.weekday() - key[1]) % 7)
    if key[0] == 2:
        return published + dt.timedelta(days=key[1])
    if key[0] == 3:
        after = dt.timedelta(days=key[2])
        day = moveable_date(key[1], published.year) + after
        return day if day <= published else moveable_date(key[1], published.year - 1) + after
    try:
        day = dt.date(published.year, key[1], key[2])
    except ValueError:
        return None
    return day if day <= published else day.replace(year=day.year - 1)
