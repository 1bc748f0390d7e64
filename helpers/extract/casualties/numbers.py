"""Parse counted quantities: number words, digits, vague amounts and qualifiers.

``parse_quantity("at least ten")`` gives ``Quantity(low=10, high=None,
qualifier="at least")``. Exact numbers (digits or words, via ``text_to_num``)
give ``low == high``; qualifiers widen the interval; vague quantities map to
documented lower bounds (:data:`VAGUE_LOW_BOUNDS`).

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

import re
from dataclasses import dataclass

from text_to_num import text2num

#: Documented lower bounds for vague quantities ("dozens" means at least 24).
VAGUE_LOW_BOUNDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "a couple": 2,
    "a couple of": 2,
    "couple": 2,
    "a pair of": 2,
    "both": 2,
    "a few": 3,
    "few": 3,
    "several": 3,
    "a handful": 3,
    "a handful of": 3,
    "a number of": 2,
    "some": 2,
    "many": 3,
    "numerous": 3,
    "a dozen": 12,
    "dozen": 12,
    "dozens": 24,
    "dozens of": 24,
    "tens": 20,
    "tens of": 20,
    "scores": 40,
    "scores of": 40,
    "hundreds": 200,
    "hundreds of": 200,
    "thousands": 2000,
    "thousands of": 2000,
    "tens of thousands": 20000,
    "tens of thousands of": 20000,
}

#: Vague words that still state an exact number.
VAGUE_EXACT: dict[str, int] = {
    "a dozen": 12,
    "a couple": 2,
    "a couple of": 2,
    "a pair of": 2,
    "both": 2,
    "a": 1,
    "an": 1,
    "a hundred": 100,
    "a thousand": 1000,
    "a single": 1,
    "single": 1,
    "lone": 1,
}

#: Qualifier phrases (lower case) and how they turn ``N`` into ``(low, high)``.
#: ``"low"``: N is a lower bound; ``"above"``: N + 1 lower bound; ``"high"``:
#: N is an upper bound; ``"below"``: N - 1 upper bound; ``"approx"``: N ± unknown.
QUALIFIERS: dict[str, str] = {
    "at least": "low",
    "no fewer than": "low",
    "no less than": "low",
    "a minimum of": "low",
    "more than": "above",
    "over": "above",
    "upwards of": "above",
    "in excess of": "above",
    "up to": "high",
    "nearly": "high",
    "almost": "high",
    "as many as": "high",
    "at most": "high",
    "no more than": "high",
    "close to": "high",
    "fewer than": "below",
    "less than": "below",
    "under": "below",
    "about": "approx",
    "some": "approx",
    "around": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "circa": "approx",
}

#: Trailing qualifiers ("ten or more").
TRAILING_QUALIFIERS: dict[str, str] = {"or more": "low", "plus": "low", "or so": "approx"}

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


def parse_number(text: str) -> int | None:
    """Parse a bare number written in digits or English words.

    Args:
        text: ``"2,000"``, ``"ten"``, ``"twenty-five"``, ``"one hundred and five"``.

    Returns:
        The integer, or ``None`` when ``text`` is not a cardinal number
        (ordinals, decimals and fractions are not counts of people).

    >>> parse_number("twenty-five"), parse_number("2,000"), parse_number("first")
    (25, 2000, None)
    """
    cleaned = " ".join(text.strip().lower().replace("-", " ").split())
    if not cleaned:
        return None
    if _DIGITS.match(cleaned):
        return int(cleaned.replace(",", ""))
    if cleaned in VAGUE_EXACT:
        return VAGUE_EXACT[cleaned]
    if cleaned in VAGUE_LOW_BOUNDS:
        return None
    if cleaned.startswith(("a ", "an ")) and cleaned.split(" ", 1)[1] in {"hundred", "thousand"}:
        cleaned = "one " + cleaned.split(" ", 1)[1]
    try:
        value = text2num(cleaned, "en")
    except ValueError:
        return None
    # text2num accepts ordinals ("fifth" -> 5); ordinals never count people.
    if re.search(r"(st|nd|rd|th)$", cleaned) and not cleaned.endswith(("thousand", "hundred")):
        return None
    return int(value)


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
    """
    phrase = " ".join(text.strip().lower().split())
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
