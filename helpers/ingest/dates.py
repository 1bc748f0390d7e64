"""Publication dates: from a record's or a page's date, or from a paragraph that is only a date.

Dates are read with ``dateparser`` (absolute dates in the common written
formats, with their time zone when one is given; relative ones such as "two
hours ago" are not read, as they depend on the day of the run) and normalised
to ISO 8601: ``2020-03-04`` for a day, ``2020-03-04T10:05:00+03:00`` when the
time (and zone) are known.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateparser.date import DateDataParser

from helpers import config
from helpers.ingest.cue_patterns import cue_patterns

#: A year from 1800 to 2099, without which a paragraph is not a date line.
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?")
_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "RETURN_TIME_AS_PERIOD": True,  # a period of "time" tells a time of day was given
}


@lru_cache(maxsize=4)
def _parser(language: str) -> DateDataParser:
    return DateDataParser(languages=[language], settings=_SETTINGS)


def parse_date(value: str, language: str = config.DEFAULT_LANGUAGE) -> str:
    """An ISO 8601 date (with time and zone when given) from a date field or line; ``""`` if none.

    Args:
        value: A date as written ("2014-01-28", "28 January 2014, 10:05 GMT", "Jan. 5, 2016").
        language: Language of the month and weekday names.

    Returns:
        ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM:SS`` with the UTC offset when the zone is given.

    >>> parse_date("2014-01-28"), parse_date("28 January 2014, 10:05 GMT"), parse_date("soon")
    ('2014-01-28', '2014-01-28T10:05:00+00:00', '')
    >>> parse_date("2020-03-04T10:00:00+03:00"), parse_date("March 2020")
    ('2020-03-04T10:00:00+03:00', '')
    """
    value = value.strip()
    if not value:
        return ""
    if _ISO.fullmatch(value):  # the common case, without dateparser's format guessing
        try:
            stamp = dt.datetime.fromisoformat(value)
        except ValueError:
            return ""
        return stamp.date().isoformat() if len(value) == 10 else stamp.isoformat()
    found = _parser(language).get_date_data(value)
    if found.date_obj is None:
        return ""
    return found.date_obj.isoformat() if found.period == "time" else found.date_obj.date().isoformat()


def parse_date_line(chunk: str) -> str:
    """The date of a paragraph that is only a date ("March 3, 2020", "Published 3 March 2020").

    Args:
        chunk: The paragraph text.

    Returns:
        The ISO date (see :func:`parse_date`), or ``""`` when the paragraph names no year or
        is not a date.

    >>> parse_date_line("Published: 3 March 2020"), parse_date_line("Dated 3 March 2020")
    ('2020-03-03', '2020-03-03')
    >>> parse_date_line("Ten killed")
    ''
    """
    candidate = cue_patterns().date_label.sub("", chunk.strip())
    if not _YEAR.search(candidate):
        return ""
    return parse_date(candidate)
