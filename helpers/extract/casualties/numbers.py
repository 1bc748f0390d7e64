"""Parse counted quantities: number words, digits, vague amounts and qualifiers.

``parse_quantity("at least ten")`` gives ``Quantity(low=10, high=None,
qualifier="at least")``. Exact numbers (digits or words, via ``text_to_num``)
give ``low == high``; qualifiers widen the interval; vague quantities map to
documented lower bounds (:data:`VAGUE_LOW_BOUNDS`). The words come from
``helpers/data/en/quantities.csv`` (:func:`helpers.knowledge.casualty_lexicon.quantity_words`).

Interval rules (the qualifier is kept as written, lower-cased):

============================================  ===========================
phrase                                        low, high
============================================  ===========================
``N``                                         N, N
``at least N`` / ``N or more``                N, None
``more than N`` / ``over N`` / ``upwards of``  N + 1, None
``up to N`` / ``nearly N`` / ``almost N``      None, N   (``less than N``: N - 1)
``about/some/around/approximately N``         N, N  (qualifier ``approx``)
vague (``dozens``, ``several`` …)             bound, None
============================================  ===========================
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from text_to_num import text2num

from helpers import config
from helpers.knowledge.casualty_lexicon import quantity_words

log = logging.getLogger(__name__)

_WORDS = quantity_words()
#: Documented lower bounds for vague quantities ("dozens" means at least 24).
VAGUE_LOW_BOUNDS: dict[str, int] = _WORDS.vague_low_bounds
#: Vague words that still state an exact number.
VAGUE_EXACT: dict[str, int] = _WORDS.vague_exact
#: Qualifier phrases (lower case) and how they turn ``N`` into ``(low, high)``.
#: ``"low"``: N is a lower bound; ``"above"``: N + 1 lower bound; ``"high"``:
#: N is an upper bound; ``"below"``: N - 1 upper bound; ``"approx"``: N ± unknown.
QUALIFIERS: dict[str, str] = _WORDS.qualifiers
#: Trailing qualifiers ("ten or more").
TRAILING_QUALIFIERS: dict[str, str] = _WORDS.trailing_qualifiers

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


@dataclass(frozen=True)
class Quantity:
    """A parsed count.

    Attributes:
        low: Lowest number of people the phrase allows (``None`` if unknown).
        high: Highest number allowed (``None`` if open-ended).
        qualifier: ``"exact"``, ``"approx"``, ``"vague"`` or the qualifier phrase
            (``"at least"``, ``"more than"``, ``"up to"`` …).
        value: The number as written (before qualifiers), or the vague bound.
    """

    low: int | None
    high: int | None
    qualifier: str
    value: int

    @property
    def best(self) -> int:
        """One number to count with: the exact value, else the known bound."""
        return self.low if self.low is not None else (self.high if self.high is not None else self.value)


#: The largest count of people a figure can state (more than have ever lived is no count).
MAX_COUNT = 10**11


def parse_number(text: str) -> int | None:
    """Parse a bare number written in digits or English words.

    Args:
        text: ``"2,000"``, ``"ten"``, ``"twenty-five"``, ``"one hundred and five"``.

    Returns:
        The integer, or ``None`` when ``text`` is not a cardinal number
        (ordinals, decimals and fractions are not counts of people) or is above
        :data:`MAX_COUNT` (then a warning says so; the words stay in the text).

    >>> parse_number("twenty-five"), parse_number("2,000"), parse_number("first")
    (25, 2000, None)
    >>> parse_number("9223372036854775808") is None
    True
    """
    cleaned = " ".join(text.strip().lower().replace("-", " ").split())
    if not cleaned:
        return None
    if _DIGITS.match(cleaned):
        return _bounded(int(cleaned.replace(",", "")), text)
    if cleaned in VAGUE_EXACT:
        return VAGUE_EXACT[cleaned]
    if cleaned in VAGUE_LOW_BOUNDS:
        return None
    article, _, rest = cleaned.partition(" ")
    if article in _WORDS.articles and rest in _WORDS.scales:
        cleaned = f"{_WORDS.articles[article]} {rest}"  # "an hundred" -> "one hundred"
    try:
        value = text2num(cleaned, config.DEFAULT_LANGUAGE)
    except ValueError:
        return None
    # text2num accepts ordinals ("fifth" -> 5); ordinals never count people ("thousand" is no ordinal).
    if cleaned.endswith(_WORDS.ordinal_suffixes) and not cleaned.endswith(_WORDS.scales):
        return None
    return _bounded(int(value), text)


def _bounded(value: int, text: str) -> int | None:
    if value <= MAX_COUNT:
        return value
    log.warning("%r is beyond %s people: not counted as a figure (kept as text)", text[:80], f"{MAX_COUNT:,}")
    return None


def parse_quantity(text: str) -> Quantity | None:
    """Parse a count phrase with its qualifier.

    Args:
        text: E.g. ``"at least ten"``, ``"more than 2,000"``, ``"dozens"``,
            ``"a dozen"``, ``"about 30"``, ``"an"``.

    Returns:
        A :class:`Quantity`, or ``None`` when no count is found.

    >>> parse_quantity("at least ten")
    Quantity(low=10, high=None, qualifier='at least', value=10)
    >>> parse_quantity("more than 2,000").low
    2001
    >>> parse_quantity("dozens")
    Quantity(low=24, high=None, qualifier='vague', value=24)
    >>> parse_quantity("hundreds of thousands").low, parse_quantity("several dozen").low
    (200000, 36)
    >>> parse_quantity("between 20 and 30")
    Quantity(low=20, high=30, qualifier='range', value=20)
    """
    phrase = " ".join(text.strip().lower().split())
    spanned = _range(phrase)
    if spanned is not None:
        return spanned
    multiplied = _multiplied(phrase)
    if multiplied is not None:
        return multiplied
    qualifier, mode = "exact", "exact"
    for trailing, trailing_mode in TRAILING_QUALIFIERS.items():
        if phrase.endswith(" " + trailing):
            phrase, qualifier, mode = phrase[: -len(trailing) - 1], trailing, trailing_mode
            break
    # Longest qualifier first, so "no more than" wins over "more than".
    for leading in sorted(QUALIFIERS, key=len, reverse=True):
        if phrase.startswith(leading + " "):
            rest = phrase[len(leading) + 1 :]
            if parse_number(rest) is not None or rest in VAGUE_LOW_BOUNDS:
                phrase, qualifier, mode = rest, leading, QUALIFIERS[leading]
                break
    if phrase in VAGUE_LOW_BOUNDS and phrase not in VAGUE_EXACT:
        # Checked first: text2num reads plurals as numbers ("hundreds" -> 100).
        bound = VAGUE_LOW_BOUNDS[phrase]
        return Quantity(low=bound, high=None, qualifier="vague", value=bound)
    value = parse_number(phrase)
    if value is None:
        return None
    if mode == "exact":
        return Quantity(low=value, high=value, qualifier="exact", value=value)
    if mode == "low":
        return Quantity(low=value, high=None, qualifier=qualifier, value=value)
    if mode == "above":
        return Quantity(low=value + 1, high=None, qualifier=qualifier, value=value)
    if mode == "high":
        return Quantity(low=None, high=value, qualifier=qualifier, value=value)
    if mode == "below":
        return Quantity(low=None, high=max(value - 1, 0), qualifier=qualifier, value=value)
    return Quantity(low=value, high=value, qualifier="approx", value=value)


def _range(phrase: str) -> Quantity | None:
    """``between 20 and 30``, ``eight to 12``, ``two or three``, ``20-30``: low and high."""
    words = phrase.replace("-", " - ").split()
    if words and words[0] in _WORDS.range_open:
        words = words[1:]
    for index, word in enumerate(words):
        if word in _WORDS.range_join and 0 < index < len(words) - 1:
            low = parse_number(" ".join(words[:index]))
            high = parse_number(" ".join(words[index + 1 :]))
            if low is not None and high is not None and low < high:
                return Quantity(low=low, high=high, qualifier="range", value=low)
    return None


def _multiplied(phrase: str) -> Quantity | None:
    """A vague amount or number times a unit: ``several dozen`` (36), ``tens of thousands`` (20,000),
    ``two dozen`` (24, exact). Checked before the single vague words it is made of."""
    head, _, unit = phrase.rpartition(" ")
    head = head.removesuffix(" of")
    if unit not in _WORDS.units or not head:
        return None
    size = _WORDS.units[unit]
    if head in VAGUE_LOW_BOUNDS and head not in VAGUE_EXACT:
        bound = VAGUE_LOW_BOUNDS[head] * size
        return Quantity(low=bound, high=None, qualifier="vague", value=bound)
    value = parse_number(head)
    if value is None or parse_number(phrase) is not None:
        return None  # "two hundred" is a number text2num reads whole
    return Quantity(low=value * size, high=value * size, qualifier="exact", value=value * size)


#: An age as news writes it in a victim's phrase: "a 27-year-old man", "six-month-old", "aged 19".
_AGE = re.compile(r"\b([\w]+)[- ](year|month|week|day)s?[- ]olds?\b|\baged ([\w]+)\b", re.IGNORECASE)
#: Units of an age, in years.
_AGE_UNITS = {"year": 1.0, "month": 1 / 12, "week": 7 / 365, "day": 1 / 365, "": 1.0}


def victim_ages(victim: str) -> frozenset[float]:
    """The ages a victim phrase gives, in years.

    Args:
        victim: The victim phrase of a casualty row ("13-year-old boy", "a six-month-old").

    Returns:
        The ages written in it; none when it gives no age ("the officer").

    >>> sorted(victim_ages("a 27-year-old man")), sorted(victim_ages("six-month-old girl"))
    ([27.0], [0.5])
    >>> sorted(victim_ages("a man aged 19")), victim_ages("the officer")
    ([19.0], frozenset())
    """
    ages = set()
    for number, unit, aged in _AGE.findall(victim):
        value = parse_number(number or aged)
        if value is not None:
            ages.add(value * _AGE_UNITS[unit.lower()])
    return frozenset(ages)
