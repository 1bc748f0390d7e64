"""Day phrases the statistical NER leaves untagged: a weekday or a month and day written in full.

The small model misses some dates that news writes in a standard form ("about 11:20 p.m.
Sept. 19" is read as a time and nothing; "late Tuesday night" in some sentences). A spaCy
``Matcher`` over the calendar's words (``calendar.csv``) finds them, so the event's date can be
read from them as from a DATE entity; a phrase inside an entity already tagged is left to it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from helpers.knowledge.time_words import calendar, names_holiday
from helpers.nlp.windows import windowed_matches

#: A day of the month as written in news ("19", "3rd").
_DAY = r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$"
#: A year written after a day ("Sept. 19, 2016").
_YEAR = r"^(19|20)\d\d$"


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> Matcher:
    """The Matcher of weekdays ("Tuesday", "Tuesday night") and month days ("Sept. 19, 2016")."""
    weekdays, months = sorted(calendar().weekdays), sorted(_month_forms())
    named = {"IS_TITLE": True}
    weekday = {"LOWER": {"IN": weekdays}, **named}
    month = {"LOWER": {"IN": months}, **named}
    day = {"TEXT": {"REGEX": _DAY}}
    matcher = Matcher(vocab)
    matcher.add("WEEKDAY", [[weekday]])
    matcher.add(
        "MONTH_DAY",
        [
            [month, day],
            [month, day, {"TEXT": ","}, {"TEXT": {"REGEX": _YEAR}}],
            [weekday, {"TEXT": ",", "OP": "?"}, month, day],
        ],
    )
    return matcher


#: Most tokens of a day phrase the Matcher finds ("Tuesday , Sept. 19", "Sept. 19 , 2016").
PHRASE_TOKENS = 4


@lru_cache(maxsize=1)
def _month_forms() -> frozenset[str]:
    """Month words as news writes them, with and without the period ("sept", "sept.")."""
    months = calendar().months
    return frozenset({*months, *(f"{m}." for m in months)})


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The words a day phrase starts with: weekdays and months."""
    return frozenset({*calendar().weekdays, *_month_forms()})


def untagged_days(doc: Doc, tagged: Iterable[tuple[int, int]]) -> list[dict]:
    """Rows (``start_char``, ``end_char``, ``label`` DATE, ``text``) of the weekdays and month days
    of ``doc`` outside the character spans of its tagged date and time entities.

    >>> import spacy
    >>> doc = spacy.blank("en")("It happened about 11:20 p.m. Sept. 19 , and on Friday .")
    >>> [row["text"] for row in untagged_days(doc, [(18, 28)])]
    ['Sept. 19', 'Friday']
    >>> [row["text"] for row in untagged_days(doc, [(18, 37)])]
    ['Friday']
    """
    spans = sorted(tagged)  # entities: they do not overlap one another
    starts = [start for start, _ in spans]
    rows = []
    first = _first_words()
    found = windowed_matches(_matcher(doc.vocab), doc, lambda token: token.lower_ in first, PHRASE_TOKENS)
    for span in filter_spans([doc[s:e] for _, s, e in found]):
        before = bisect_left(starts, span.end_char) - 1  # the last entity starting before its end
        if before < 0 or spans[before][1] <= span.start_char:
            rows.append(
                {"start_char": span.start_char, "end_char": span.end_char, "label": "DATE", "text": span.text}
            )
    return rows


def occasion(span: Span) -> bool:
    """Whether a holiday phrase names an occasion, not a day: it modifies a noun that is neither a
    time, a unit of time nor a part of a day ("a Christmas party", "the Easter service", "Ramadan
    prayers"); the party may be a week before the day ("Christmas Day", "Thanksgiving night", "an
    Easter attack" still date: the incident nouns are read before this).

    >>> import spacy
    >>> doc = spacy.blank("en")("a Christmas party")
    >>> doc[1].dep_, doc[1].head = "compound", doc[2]
    >>> doc[2].pos_ = "NOUN"
    >>> occasion(doc[1:2]), occasion(doc[2:3])
    (True, False)
    """
    root = span.root
    head = root.head
    return (
        names_holiday(span.text)
        and root.dep_ in {"compound", "nmod", "amod"}
        and head.i >= span.end
        and head.pos_ == "NOUN"
        and head.ent_type_ not in {"DATE", "TIME"}
        and head.lower_ not in calendar().units.keys() | calendar().day_parts
    )
