"""Words of time: calendar words and the cues of a casualty figure's temporal scope.

* ``calendar.csv``: days of the week, months, days named relative to the day
  of writing ("yesterday"), holidays of a fixed date ("New Year's Eve") and moveable ones
  ("Easter Sunday", "Thanksgiving"), which date a figure's sentence;
* ``casualty_scope.json``: spaCy Matcher patterns of a cumulative period ("since
  2011"), an earlier event ("last week"), an updated toll ("rose to") and a
  sentence continuing the one before ("the same day"). A pattern may name a
  vocabulary instead of listing its words ("@weekdays", "@months",
  "@conflict_nouns", "@event_nouns"), so no word list is kept twice.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateutil.easter import easter

from helpers import config
from helpers.knowledge.casualty_lexicon import casualty_cues, load_lexicon
from helpers.knowledge.vocabulary import read_vocabulary

#: The word after a holiday's name that makes the phrase a period of days around it.
WEEKEND = "weekend"
#: The kinds of ``calendar.csv`` rows of a moveable holiday.
MOVEABLE = ("easter", "nth weekday")


@dataclass(frozen=True)
class Calendar:
    """Calendar words (``calendar.csv``), lower case.

    Attributes:
        weekdays: Day name -> 0 (Monday) … 6 (Sunday).
        months: Month name or abbreviation -> 1 … 12.
        relative: Word -> days from the day of writing ("yesterday": -1).
        holidays: Phrase of a day of the same date every year -> ``(month, day)``
            ("new year's eve": (12, 31)), longest first.
        earlier: Word before a weekday -> days back when that weekday is the day of writing's
            ("last": 7, "last Monday" in a Monday's paper).
        moveable: Phrase of a moveable holiday -> its kind ("easter", "nth weekday") and value
            (see ``calendar.csv``), longest first.
        next_to_holiday: Words before a moveable holiday's name -> days from it ("day after": 1).
        units: A unit of time counted back from the day of writing -> its days ("weeks": 7).
        ago: Words after a count of units that count back from the day of writing ("ago").
        day_parts: Parts of a day, or the day, after a holiday's name ("Thanksgiving night").
    """

    weekdays: dict[str, int]
    months: dict[str, int]
    relative: dict[str, int]
    holidays: dict[str, tuple[int, int]]
    earlier: dict[str, int]
    moveable: dict[str, tuple[str, int]]
    next_to_holiday: dict[str, int]
    units: dict[str, int]
    ago: frozenset[str]
    day_parts: frozenset[str]


@lru_cache(maxsize=4)
def calendar(language: str = config.DEFAULT_LANGUAGE) -> Calendar:
    """The calendar words of ``language``.

    >>> words = calendar()
    >>> words.weekdays["friday"], words.months["sept"], words.relative["yesterday"]
    (4, 9, -1)
    >>> words.holidays["new year's eve"]
    (12, 31)
    """
    rows = read_vocabulary("calendar.csv", language)

    def kind(name: str) -> dict[str, int]:
        return {r["word"]: int(r["value"]) for r in rows if r["kind"] == name}

    holidays = {word: divmod(value, 100) for word, value in kind("holiday").items()}
    return Calendar(
        weekdays=kind("weekday"),
        months=kind("month"),
        relative=kind("relative"),
        holidays=dict(sorted(holidays.items(), key=lambda item: -len(item[0]))),
        earlier=kind("earlier"),
        moveable=dict(
            sorted(
                ((word, (name, value)) for name in MOVEABLE for word, value in kind(name).items()),
                key=lambda item: -len(item[0]),
            )
        ),
        next_to_holiday=kind("next to holiday"),
        units=kind("unit"),
        ago=frozenset(kind("ago")),
        day_parts=frozenset(kind("day part")),
    )


def holiday(text: str, language: str = config.DEFAULT_LANGUAGE) -> tuple[int, int] | None:
    """``(month, day)`` of the fixed-date holiday a phrase names, longest name first (None if none).

    >>> [holiday(text) for text in ("New Year’s Eve", "on christmas eve", "the Fourth of July", "Friday")]
    [(12, 31), (12, 24), (7, 4), None]
    """
    phrase = _phrase(text)
    return next((day for name, day in calendar(language).holidays.items() if f" {name} " in phrase), None)


@lru_cache(maxsize=4096)  # read for every date phrase, most of them alike ("Sunday", "Friday night")
def moveable_holiday(text: str, language: str = config.DEFAULT_LANGUAGE) -> tuple[str, int] | None:
    """The moveable holiday a phrase names (its ``calendar.csv`` phrase, longest name first) and
    the days from it of the day the phrase names ("the day after Thanksgiving": 1); a holiday's
    weekend names no one day of it ("over the Thanksgiving weekend").

    >>> [moveable_holiday(text) for text in ("early Easter Sunday", "the day after Thanksgiving", "Sunday")]
    [('easter sunday', 0), ('thanksgiving', 1), None]
    >>> moveable_holiday("the Memorial Day weekend") is None
    True
    """
    phrase = _phrase(text)
    words = calendar(language)
    for name in words.moveable:
        if (at := phrase.find(f" {name} ")) >= 0:
            if phrase.startswith(f" {name} {WEEKEND} ", at):
                return None
            before = phrase[: at + 1]
            return name, sum(
                days for next_to, days in words.next_to_holiday.items() if f" {next_to} " in before
            )
    return None


def moveable_date(name: str, year: int, language: str = config.DEFAULT_LANGUAGE) -> dt.date:
    """The date of the moveable holiday ``name`` (a ``calendar.csv`` phrase) in ``year``.

    >>> moveable_date("easter sunday", 2016), moveable_date("good friday", 2016)
    (datetime.date(2016, 3, 27), datetime.date(2016, 3, 25))
    >>> moveable_date("thanksgiving", 2015), moveable_date("memorial day", 2016)
    (datetime.date(2015, 11, 26), datetime.date(2016, 5, 30))
    """
    kind, value = calendar(language).moveable[name]
    if kind == "easter":
        return easter(year) + dt.timedelta(days=value)
    month, nth, weekday = value // 100, value // 10 % 10, value % 10
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    while day.month != month:  # the fifth is the month's last
        day -= dt.timedelta(days=7)
    return day


def names_holiday(text: str, language: str = config.DEFAULT_LANGUAGE) -> bool:
    """Whether a phrase names a holiday, of a fixed date or moveable ("Christmas Eve", "Easter Sunday").

    >>> names_holiday("Easter Sunday"), names_holiday("the Fourth of July"), names_holiday("Sunday")
    (True, True, False)
    """
    return holiday(text, language) is not None or moveable_holiday(text, language) is not None


def _phrase(text: str) -> str:
    """A date phrase in lower case between spaces, its apostrophes straight ("New Year’s" -> "new year's")."""
    return " " + re.sub(r"\s+'s\b", "'s", " ".join(text.lower().replace("’", "'").split())) + " "


@dataclass(frozen=True)
class ScopeCue:
    """One cue pattern of ``casualty_scope.json``.

    Attributes:
        label: ``cumulative``, ``background``, ``update``, ``continuation`` or ``concurrent``.
        description: Why the cue gives the figure that scope (shown to the analyst).
        pattern: The spaCy Matcher token pattern.
        recent: A background cue of days, not months ("last week"): it may date the
            article's own incident in a follow-up story.
        earlier_after: An update cue followed by the toll it replaces ("up from 27").
    """

    label: str
    description: str
    pattern: list[dict[str, Any]]
    recent: bool = False
    earlier_after: bool = False


def _named_lists(language: str) -> dict[str, list[str]]:
    """The vocabularies a pattern may name (``"@weekdays"``), as word lists."""
    words = calendar(language)
    return {
        "@weekdays": sorted(words.weekdays),
        "@months": sorted(words.months),
        "@conflict_nouns": sorted(casualty_cues(language).conflict_noun),
        "@event_nouns": sorted(load_lexicon(language).events),
    }


def _expanded(value: Any, lists: dict[str, list[str]]) -> Any:
    """A pattern value with every named vocabulary replaced by its words."""
    if isinstance(value, str):
        return lists.get(value, value)
    if isinstance(value, list):
        return [word for item in value for word in lists.get(item, [item])]
    if isinstance(value, dict):
        return {key: _expanded(item, lists) for key, item in value.items()}
    return value


@lru_cache(maxsize=4)
def scope_cues(language: str = config.DEFAULT_LANGUAGE) -> tuple[ScopeCue, ...]:
    """The scope cue patterns of ``language``, with named vocabularies expanded.

    Raises:
        ValueError: If a pattern names a vocabulary that does not exist.

    >>> cue = next(c for c in scope_cues() if c.description == "a toll since a date")
    >>> cue.label, "march" in cue.pattern[1]["LOWER"]["IN"]
    ('cumulative', True)
    """
    path = config.vocabulary_path("casualty_scope.json", language)
    with path.open(encoding="utf-8") as handle:
        entries = json.load(handle)["patterns"]
    lists = _named_lists(language)
    cues = []
    for entry in entries:
        pattern = [
            {key: _expanded(value, lists) for key, value in token.items()} for token in entry["pattern"]
        ]
        unknown = {
            w
            for token in pattern
            for v in token.values()
            if isinstance(v, dict)
            for w in v.get("IN", [])
            if isinstance(w, str) and w.startswith("@")
        }
        if unknown:
            raise ValueError(f"casualty_scope.json: unknown vocabularies {sorted(unknown)}")
        cues.append(
            ScopeCue(
                entry["label"],
                entry["description"],
                pattern,
                recent=entry.get("recent", False),
                earlier_after=entry.get("earlier_after", False),
            )
        )
    return tuple(cues)
