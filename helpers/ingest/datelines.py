"""Datelines: the place a story is filed from, and the outlet in brackets, at the start of the text.

The wire formats and their variants: ``ERBIL (Kurdistan 24) –``, ``MOSUL,
Iraq (Reuters) -``, ``LAGOS, Nigeria, Jan 5 (Reuters) -``, ``DUHOK,
Kurdistan Region –``, ``Kismayo (AP) —``, ``BEIRUT—`` (no space after a dash), ``Peshawar:``, ``CONCEPCION, 23
AUG 88 (SANTIAGO DOMESTIC SERVICE) --``, a press release's date in brackets, ``SAVANNAH, GA
(December 2, 2015):``, and an outlet alone, ``(CNN) —``. No
library parses news datelines, hence the pattern. A place in capitals before a
dash is taken as written; a place in Title Case, or before a colon, must be a
place the gazetteer knows (so "Update:" or "June 15, 2014" is no dateline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.knowledge.gazetteer import default_gazetteer
from helpers.knowledge.place_names import doubtful_name
from helpers.knowledge.vocabulary import calendar_words

_CAPS_PLACE = r"[A-Z][A-Z'’.\-]*(?:[ ][A-Z][A-Z'’.\-]*){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’\-]+(?:[ ][A-Z][a-z'’\-]+){0,2}"
#: A part after a comma: a region or country ("Iraq", "Kurdistan Region", "D.C.", "Democratic Republic
#: of Congo") or a date
#: ("March 3", "Jan. 5, 2016", "23 AUG 88").
_PART = (
    r",[ \t]*(?:\d{1,2}[ \t]+[A-Za-z]{3,9}\.?(?:[ \t]+\d{2,4})?"
    r"|[A-Za-z]{3,9}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?"
    # a name's lower-case links ("Democratic Republic of Congo", "Bosnia and Herzegovina")
    r"|[A-Z][\w.’']*(?:[ \t]+(?:(?:of|and|the)[ \t]+){0,2}[A-Z][\w.’']*){0,3})"
)
_DATELINE = re.compile(
    rf"""^(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})
        (?:{_PART}){{0,2}}
        [ \t]*(?:\((?P<outlet>[^()\n]{{2,40}})\))?
        [ \t]*(?:(?P<separator>[-–—_]{{1,2}}|:)[ \t]+|[–—](?=[A-Z"“‘]))""",
    re.VERBOSE,
)
_OUTLET_ONLY = re.compile(r"^\((?P<outlet>[A-Z][^()\n]{1,39})\)[ \t]*[-–—]{1,2}[ \t]+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a paragraph.

    Attributes:
        place: The place as written ("ERBIL"), ``""`` for an outlet alone.
        place_span: Its ``(start, end)`` in the paragraph.
        outlet: The outlet in brackets ("Reuters"), or ``""``.
        end: Where the paragraph's own text starts, after the dateline (at a date in brackets).
    """

    place: str
    place_span: tuple[int, int]
    outlet: str
    end: int


def find_dateline(chunk: str) -> Dateline | None:
    """The dateline at the start of ``chunk``, if any.

    Args:
        chunk: A paragraph's text.

    Returns:
        The dateline, or ``None``.

    >>> find_dateline("LAGOS, Nigeria, Jan 5 (Reuters) - Gunmen killed ten.")
    Dateline(place='LAGOS', place_span=(0, 5), outlet='Reuters', end=34)
    >>> find_dateline("Kismayo (AP) — Ten died.").place, find_dateline("Peshawar: Ten died.").place
    ('Kismayo', 'Peshawar')
    >>> find_dateline("BEIRUT—Ten died.").place, find_dateline("STOCKTON, Calif.–Police said").end
    ('BEIRUT', 17)
    >>> find_dateline("Update: ten died."), find_dateline("June 15, 2014 - ten died.")
    (None, None)
    >>> find_dateline("SAVANNAH, GA (December 2, 2015): Police said")
    Dateline(place='SAVANNAH', place_span=(0, 8), outlet='', end=13)
    >>> find_dateline("Police: Ten died.") is None, find_dateline("Killingly (AP) — Ten died.").place
    (True, 'Killingly')
    >>> find_dateline("BENI, Democratic Republic of Congo (AP) - Rebels killed 18.").end
    42
    """
    if only := _OUTLET_ONLY.match(chunk):
        outlet = only.group("outlet").strip()
        return Dateline("", (0, 0), outlet, only.end()) if _is_outlet(outlet) else None
    match = _DATELINE.match(chunk)
    if match is None:
        return None
    place = match.group("place").strip()
    bracketed = (match.group("outlet") or "").strip()
    outlet = bracketed if _is_outlet(bracketed) else ""  # "(December 2, 2015)": a press release's date
    in_capitals = place.isupper()
    if len(place) < 3 or place.split()[0].title() in calendar_words():
        return None
    # "Peshawar: ...", or a label: "Message: ..." (not "SAVANNAH, GA (May 4, 2016): ...")
    labelled = match.group("separator") == ":" and chunk[match.end("place") :].lstrip().startswith(":")
    if (not in_capitals or labelled) and not default_gazetteer().candidates(place):
        return None
    if labelled and doubtful_name(place):  # a label ("Police:", "Photo:"), not Police, Poland
        return None
    # a date in brackets stays in the paragraph's text, where the story's date is read from
    end = match.end() if outlet or not bracketed else match.start("outlet") - 1
    return Dateline(place, (match.start("place"), match.start("place") + len(place)), outlet, end)


def _is_outlet(text: str) -> bool:
    """An outlet's name, not a date or time in brackets ("June 15", "10:00 GMT")."""
    words = text.replace(".", " ").split()
    return not (_DIGIT.search(text) and any(w.title() in calendar_words() or ":" in w for w in words))
