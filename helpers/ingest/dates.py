"""Publication dates: from a record's date field or from a paragraph that is only a date."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from helpers.ingest.cue_patterns import cue_patterns

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: A year from 1800 to 2099, without which a paragraph is not a date line.
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def parse_date(value: str) -> str:
    """An ISO date from a date field or line; ``""`` when it is not a date.

    Args:
        value: A date in any format pandas reads ("2014-01-28", "28 January 2014, 10:05").

    Returns:
        The date as ``YYYY-MM-DD`` (a time zone other than UTC is converted to UTC first).

    >>> parse_date("2014-01-28"), parse_date("28 January 2014, 10:05"), parse_date("soon")
    ('2014-01-28', '2014-01-28', '')
    """
    if not value:
        return ""
    if _ISO_DATE.fullmatch(value):  # the common case, without pandas' slower format guessing
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return ""
    stamp = pd.to_datetime(value, errors="coerce", utc=True)
    return "" if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")


def parse_date_line(chunk: str) -> str:
    """The date of a paragraph that is only a date ("March 3, 2020", "Published 3 March 2020").

    Args:
        chunk: The paragraph text.

    Returns:
        The date as ``YYYY-MM-DD``, or ``""`` when the paragraph names no year or is not a date.

    >>> parse_date_line("Published: 3 March 2020"), parse_date_line("Ten killed")
    ('2020-03-03', '')
    """
    candidate = cue_patterns().date_label.sub("", chunk.strip())
    if not _YEAR.search(candidate):
        return ""
    return parse_date(candidate)
