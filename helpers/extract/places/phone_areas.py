"""The areas of the phone numbers an article gives: a local story's tip line names its state.

Local news closes with a number to call ("Anyone with information is asked to call 912-234-2020"):
the police, a tip line, the newsroom. A North American area code is assigned by state and province,
so the numbers an article gives name its country and province, as a dateline does: a bare
"Birmingham" beside a 205 number is Alabama's, not England's. Of the 870 GVA articles of a gold
incident that give such a number, their numbers' state is the incident's in 864. Google's
libphonenumber (the ``phonenumbers`` package) parses and validates the numbers and tells their
country and type (toll-free and other non-geographic numbers name no area); the state or province
of each area code comes from its geocoding data, vendored once (``phone_area_codes.csv``, by
``scripts/vendor_phone_areas.py``), since that data for every country weighs about 100 MB in memory
once loaded. A number written with "+" and another country's code names its country alone. The
numbers are found by a hand-written pattern of how news writes them: the library's own matcher
reads every word of a page for numbers, and it takes a case number ("2016-004512") for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType

from helpers import config
from helpers.extract.places.sense import BARE_READINGS
from helpers.knowledge.gazetteer_build import read_rows

#: A North American number as news writes it, area code first: "912-234-2020", "(912) 234-2020",
#: "912.234.2020", "1-912-234-2020" (not a case number "2016-004512" nor a date); or any number
#: written with "+" and its country code ("+44 20 7946 0958"); not inside a longer word or number.
_CANDIDATE = re.compile(
    r"(?<![\w+.$/-])(?:\+\d[\d ().-]{6,16}\d|(?:1[ .-])?(?:\(\d{3}\) ?|\d{3}[ .-]?)\d{3}[ .-]\d{4})(?![\w-])"
)
#: The vendored states and provinces of North American area codes (:func:`area_codes`).
AREA_CODES_FILE = "phone_area_codes.csv"
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
        written: The number as the article writes it ("(912) 234-2020").
        number: The number in E.164 form ("+19122342020").
        start: Where it is written in the article's text.
        end: Where it ends.
        country: ISO 3166-1 alpha-2 code of its country.
        admin1_code: ISO 3166-2 code of its province ("" when its area names none).
        area: The area as the numbering plan names it ("Georgia"), else the country's code.
    """

    written: str
    number: str
    start: int
    end: int
    country: str
    admin1_code: str
    area: str


@lru_cache(maxsize=1)
def area_codes() -> dict[str, dict[str, str]]:
    """North American area codes -> ``country``, ``admin1_code`` and ``area`` (``phone_area_codes.csv``).

    >>> area_codes()["912"]["admin1_code"], area_codes()["416"]["area"]
    ('US-GA', 'Ontario')
    """
    return {row["area_code"]: row for row in read_rows(config.DATA_DIR / AREA_CODES_FILE)}


def phone_areas(text: str) -> list[PhoneArea]:
    """The phone numbers of ``text`` that name an area, in text order.

    Args:
        text: The article's text.

    Returns:
        One :class:`PhoneArea` per number written.

    >>> text = "Call 912-234-2020 or (416) 808-2222, not 1-800-222-1222, on 2016-12-23."
    >>> [(a.number, a.country, a.admin1_code) for a in phone_areas(text)]
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
        if not country:
            continue
        code = area_codes().get(str(number.national_number)[:3], {}) if number.country_code == 1 else {}
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        area, province = code.get("area", country), code.get("admin1_code", "")
        found.append(PhoneArea(match.group(), e164, match.start(), match.end(), country, province, area))
    return found


def cite_phone_areas(rows: list[dict], phones: list[PhoneArea]) -> list[dict]:
    """Rows whose reading the context chose in a province of one of the article's phone numbers,
    with the number cited in their ``resolution``, the evidence an analyst checks ("resolved:
    article context; the article's phone number 205-555-0147 is of Alabama").

    Args:
        rows: The article's resolved rows (updated in place).
        phones: The areas of its phone numbers (:func:`phone_areas`).

    Returns:
        ``rows``.
    """
    first = {}
    for phone in phones:
        if phone.admin1_code:
            first.setdefault(phone.admin1_code, phone)
    for row in rows:
        phone = first.get(row.get("admin1_code") or "")
        if phone is not None and row["resolution"] in BARE_READINGS:
            row["resolution"] += f"; the article's phone number {phone.written} is of {phone.area}"
    return rows
