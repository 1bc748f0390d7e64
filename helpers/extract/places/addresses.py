"""Street addresses of the scene ("the 6300 block of Hearne Avenue", "at 1412 S. Main St."), read with
a spaCy :class:`~spacy.matcher.Matcher` from ``street_address_words.csv``.

US police and news name the scene of a crime by its block or house number, and every follow-up of
the incident (the victim identified, an arrest, a trial) names it again, weeks later, when no date
window reaches it: an address links the events that name it
(:mod:`helpers.aggregate.event_links`), as a person's name does. An address's key is its hundred
block, its street's name and type written out, without the direction ("6312 S. Hearne Ave." and
"the 6300 block of Hearne Avenue" are one: ``6300 hearne avenue``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from helpers.knowledge.place_vocabulary import StreetAddressWords, street_address_words
from helpers.nlp.windows import windowed_matches
from helpers.tables import offset_spans

#: A house or block number.
_NUMBER_PATTERN = r"^\d{1,5}$"
_NUMBER = {"TEXT": {"REGEX": _NUMBER_PATTERN}}
_HOUSE_NUMBER = re.compile(_NUMBER_PATTERN)
#: A word of a street's name: capitalised ("Hearne", "S.", "Martin") or an ordinal ("105th").
_NAME = {
    "TEXT": {"REGEX": r"^(?:[A-Z][A-Za-z'.-]*|\d+(?:st|nd|rd|th))$"},
    "POS": {"NOT_IN": ["ADP", "AUX", "CCONJ", "DET", "PRON", "SCONJ", "VERB"]},  # "2 Shot During Drive"
    "OP": "{1,4}",
}
#: Numbers that may be a year after "in" or "since" (:func:`_year`).
YEARS = (1800, 2099)
#: Numbers of one block: police give a block ("the 6300 block"), news a house ("6312").
BLOCK_SIZE = 100


@dataclass(frozen=True)
class StreetAddress:
    """A street address as written, with its key and offsets."""

    key: str
    text: str
    start_char: int
    end_char: int


@lru_cache(maxsize=8)
def address_matcher(vocab_id: int, vocab: Any) -> Matcher:
    """The matcher of street addresses for one vocabulary: a number, "block of" (optional), a
    direction (optional), a street's name of one to four words, its type ("Street", "Ave.")."""
    words = street_address_words()
    types = [form for word in words.streets for form in (word, f"{word}.")]
    compass = [form for word in words.compass for form in (word, f"{word}.")]
    street = [{"LOWER": {"IN": compass}, "OP": "?"}, _NAME, {"LOWER": {"IN": types}}]
    block = [{"LOWER": {"IN": sorted(words.block)}}, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}]
    matcher = Matcher(vocab)
    matcher.add("ADDRESS", [[_NUMBER, *block, *street], [_NUMBER, *street]], greedy="LONGEST")
    return matcher


def _year(span: Span, words: StreetAddressWords) -> bool:
    """The number of a match is a year ("in 2016 Main Street was rebuilt"), not a house's."""
    previous = span.doc[span.start - 1].lower_ if span.start else ""
    in_years = YEARS[0] <= int(span[0].text) <= YEARS[1]
    return previous in words.before_year and in_years and span[1].lower_ not in words.block


#: Most tokens of a street address ("6300 block of the S. Martin Luther King Drive").
ADDRESS_TOKENS = 10


def street_addresses(doc: Doc) -> list[StreetAddress]:
    """The street addresses a document names, in text order.

    >>> import spacy
    >>> doc = spacy.blank("en")("Shots hit the 6300 block of S. Hearne Ave. and 6312 Hearne Avenue in 2016 .")
    >>> [(a.key, a.text) for a in street_addresses(doc)]
    [('6300 hearne avenue', '6300 block of S. Hearne Ave'), ('6300 hearne avenue', '6312 Hearne Avenue')]
    """
    words = street_address_words()
    found = []
    matcher = address_matcher(id(doc.vocab), doc.vocab)
    numbered = windowed_matches(
        matcher, doc, lambda token: bool(_HOUSE_NUMBER.match(token.text)), ADDRESS_TOKENS
    )
    for _key, start, end in sorted(numbered, key=lambda m: m[1]):
        span = doc[start:end]
        if _year(span, words) or (end < len(doc) and doc[end].text == "-"):  # "Drive-By"
            continue
        number = int(span[0].text) // BLOCK_SIZE * BLOCK_SIZE
        tokens = [t.lower_.rstrip(".") for t in span[1:]]
        while tokens and (tokens[0] in words.block or tokens[0] in ("of", "the")):
            tokens.pop(0)
        name = [t for t in tokens[:-1] if t not in words.compass]
        if not name:  # "200 South Street": the direction is the name
            name = tokens[:-1]
        key = " ".join([str(number), *name, words.streets[tokens[-1]]])
        found.append(StreetAddress(key, span.text, span.start_char, span.end_char))
    return found


def addresses_by_report(evidence: list[str], addresses: list[StreetAddress]) -> list[str]:
    """Each report's addresses (their keys, ``;``-joined): those its evidence sentences
    (``start-end;…``) name; an address named outside every report's evidence is the first
    report's (the article's lead incident: a follow-up names the scene apart from the toll).

    >>> found = [StreetAddress("6300 hearne avenue", "", 5, 20), StreetAddress("100 main street", "", 90, 99)]
    >>> addresses_by_report(["0-40", "41-80"], found)
    ['6300 hearne avenue;100 main street', '']
    """
    spans = [offset_spans(e) for e in evidence]
    keys: list[list[str]] = [[] for _ in evidence]
    for address in addresses:
        owners = [n for n, own in enumerate(spans) if any(a <= address.start_char < b for a, b in own)]
        for n in owners or ([0] if keys else []):
            if address.key not in keys[n]:
                keys[n].append(address.key)
    return [";".join(k) for k in keys]
