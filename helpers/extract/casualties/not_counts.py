"""Numbers next to a casualty noun that count no one: ages, dates, spans of time, numbers of shots.

The recogniser and the parser often take "John Smith, 25," or "a 15-year-girl" for a count of
people; these checks read the words around the number instead.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from helpers.extract.casualties.syntax import listed_after_age_noun
from helpers.knowledge.casualty_lexicon import casualty_cues
from helpers.knowledge.time_words import calendar


def may_count(span: Span) -> bool:
    """Whether a number may count people: not an age ("7-Year-Old", "16-year old", "16 years old",
    "a 43 y/o man"), a day of a month ("on Sept. 3 died") nor a number of shots ("shot about 10
    times"), whatever the recogniser made of it."""
    cues, doc = casualty_cues(), span.doc
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in calendar().months:
        return False
    if _age_in_commas(span) or _age_abbreviated(span):
        return False
    if _hyphenated_to_unit(span) or listed_after_age_noun(span):
        return False
    after = [t.lower_ for t in doc[span.end : span.end + 4] if t.text != "-"][:2]
    if after and after[0] in cues.frequency_noun:
        return False  # "shot about 10 times"
    return not (
        len(after) == 2
        and after[0].rstrip("s") in cues.age_unit
        and after[1].rstrip("s") in cues.age_adjective
    )


def _hyphenated_to_unit(span: Span) -> bool:
    """A number joined by a hyphen to a unit of age or time is an age or a span, with or without
    "old" ("a 15-year-girl", "a 4-year girl", "a 16-year-veteran"): no count of people."""
    doc = span.doc
    if span.end + 1 >= len(doc) or span[-1].whitespace_:
        return False
    hyphen, unit = doc[span.end], doc[span.end + 1]
    joined = hyphen.text == "-" and not hyphen.whitespace_
    return joined and unit.lower_.rstrip("s") in casualty_cues().age_unit


#: Parts of speech of a word that cannot name the person an age follows ("killed 3, 2 of them …").
NOT_NOUNS = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "DET", "ADV", "PART", "PRON", "NUM"})
#: Parts of speech after a person's age whose closing comma was left out ("Ann Reeves, 64 were found").
AFTER_UNCLOSED_AGE = frozenset({"AUX", "VERB", "CCONJ"})
#: The oldest age a bare number set off by commas after a noun is read as ("Boy, 16, dies").
OLDEST_AGE = 120


def _age_in_commas(span: Span) -> bool:
    """A bare number set off by commas right after a noun is the age of the person it names
    ("Boy, 16, dies", "John Smith, 25, was shot"), not a count; after a person's name the second
    comma may be left out before a verb or a conjunction ("Ann Reeves, 64 and Bo Reeves, 66 were
    found dead")."""
    doc = span.doc
    if len(span) != 1 or not span[0].text.isdigit() or int(span[0].text) > OLDEST_AGE or span.start < 2:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    named = doc[span.start - 2]
    return (
        doc[span.start - 1].text == ","
        and named.is_alpha
        and named.pos_ not in NOT_NOUNS
        # "John Smith, 25, was shot"; a headline's end: "kills man, 18"
        and (
            after is None
            or after.text in {",", ")", ";"}
            or after.is_space
            or "\n" in span[-1].whitespace_
            or (_ends_full_name(named) and after.pos_ in AFTER_UNCLOSED_AGE)
        )
    )


def _ends_full_name(token: Token) -> bool:
    """The token ends a person's name of two words or more, all words ("Ann Reeves"; not a
    headline's "2 Dead", which the recogniser may tag a person)."""
    if token.ent_type_ != "PERSON" or token.ent_iob_ != "I":
        return False
    start = token.i
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    return all(t.is_alpha for t in token.doc[start : token.i + 1])


def _age_abbreviated(span: Span) -> bool:
    """A number before an abbreviated age ("a 43 y/o man", ``age_abbreviation`` cues) is an age."""
    doc = span.doc
    following = "".join(t.text for t in doc[span.end : span.end + 3]).lower()
    return any(following.startswith(word) for word in casualty_cues().age_abbreviation)


def count_read_as_date(span: Span) -> bool:
    """A count the recogniser took for a date ("Between 20 and 30 people"): no year, month or weekday."""
    words = calendar()
    return not any(
        (t.like_num and t.text.isdigit() and len(t.text) == 4)
        or t.lower_ in words.months
        or t.lower_ in words.weekdays
        for t in span
    )
