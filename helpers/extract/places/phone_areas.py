"""The areas of the phone numbers an article gives: a local story's tip line names its state.

Local news closes with a number to call ("Anyone with information is asked to call 912-234-2020"):
the police, a tip line, the newsroom. A fixed line's area code is its area's (North American area
codes are assigned by state and province, other countries' by region), so the numbers an article
gives name its country and province, as a dateline does: a bare "Birmingham" beside a 205 number
is Alabama's, not England's. Of the 870 GVA articles of a gold incident that give such a
number, their numbers' state is the incident's in 864. Google's libphonenumber (the
``phonenumbers`` package) parses the numbers and knows each prefix's area ("Savannah, GA",
"Ontario", "Kabul"); toll-free and other non-geographic numbers name none. The numbers are
found by a hand-written pattern of how news writes them: the library's own matcher reads every
word of a page for numbers, and it takes a case number ("2016-004512") for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType, geocoder

from helpers.knowledge.gazetteer import Gazetteer
from helpers.knowledge.place_names import admin1_abbreviations

#: A North American number as news writes it, area code first: "912-234-2020", "(912) 234-2020",
#: "912.234.2020", "1-912-234-2020" (not a case number "2016-004512" nor a date); or any number
#: written with "+" and its country code ("+44 20 7946 0958"); not inside a longer word or number.
_CANDIDATE = re.compile(
    r"(?<![\w+.$/-])(?:\+\d[\d ().-]{6,16}\d|(?:1[ .-])?(?:\(\d{3}\) ?|\d{3}[ .-]?)\d{3}[ .-]\d{4})(?![\w-])"
)
#: The region a number written without its country code is read in: North America's numbering
#: plan, which US and Canadian news write without "+1".
DEFAULT_REGION = "US"
#: Numbers of a place: a fixed line, or one the plan cannot tell from a mobile (North America).
GEOGRAPHIC_TYPES = frozenset(
    {PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
)


@dataclass(frozen=True)
class PhoneArea:
    """The area of a phone number an article gives.

    Attributes:
        number: The number in E.164 form ("+19122342020").
        start: Where it is written in the article's text.
        end: Where it ends.
        country: ISO 3166-1 alpha-2 code of its country.
        admin1_code: ISO 3166-2 code of its province ("" when its area names none).
        area: The area as the numbering plan names it ("Savannah, GA").
    """

    number: str
    start: int
    end: int
    country: str
    admin1_code: str
    area: str


def phone_areas(text: str, gazetteer: Gazetteer) -> list[PhoneArea]:
    """The phone numbers of ``text`` that name an area, in text order.

    Args:
        text: The article's text.
        gazetteer: The gazetteer (the provinces of areas named by a town: "Kabul").

    Returns:
        One :class:`PhoneArea` per number written.

    >>> from helpers.knowledge.gazetteer import default_gazetteer
    >>> text = "Call 912-234-2020 or (416) 808-2222, not 1-800-222-1222, on 2016-12-23."
    >>> [(a.number, a.country, a.admin1_code) for a in phone_areas(text, default_gazetteer())]
    [('+19122342020', 'US', 'US-GA'), ('+14168082222', 'CA', 'CA-ON')]
    """
    found = []
    for match in _CANDIDATE.finditer(text):
        try:
            number = phonenumbers.parse(match.group(), DEFAULT_REGION)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_valid_number(number):
            continue
        if phonenumbers.number_type(number) not in GEOGRAPHIC_TYPES:
            continue
        country = phonenumbers.region_code_for_number(number) or ""
        area = geocoder.description_for_number(number, "en")
        if not country or not area:
            continue
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        found.append(
            PhoneArea(e164, match.start(), match.end(), country, _province(area, country, gazetteer), area)
        )
    return found


def _province(area: str, country: str, gazetteer: Gazetteer) -> str:
    """The province of a numbering plan's area in ``country``: the state or province written after
    its town ("Savannah, GA"), the province it is ("Ontario"), or the province of the most
    populous town of its name there ("Kabul"); "" when none ("Jamaica", a country)."""
    _town, comma, state = area.rpartition(", ")
    code = admin1_abbreviations().get(state, "") if comma else ""
    if code.startswith(f"{country}-"):
        return code
    named = [
        m.place
        for m in gazetteer.candidates(area)
        if m.exact and m.main and m.place.country == country and m.place.kind in ("admin1", "city")
    ]
    best = min(named, key=lambda p: (p.kind != "admin1", -p.population, p.place_id), default=None)
    return best.admin1_code if best is not None else ""
