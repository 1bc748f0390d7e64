"""Place evidence around a name: cue words, locative prepositions, and names found from them.

News tells a place from a person or a word by how it writes it: "in X", "near X",
"the village of X", "X district", "X and Y provinces". These functions read that
evidence from the tokens around a span:

* :func:`place_cue`: the cue word that picks a feature type (``admin``: province,
  governorate; ``district``: district, county, woreda; ``settlement``: town, village);
* :func:`has_place_evidence`: a cue word or a locative preposition right before;
* :func:`context_spans`: title-case (or capitalised) names in those contexts, the
  toponyms a small NER model tags PERSON or ORG or misses ("in Salahuddin", "the
  village of Khidirjija", "Maiwand district"), whatever the gazetteer knows of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from helpers.extract.evidence import sentence_of
from helpers.extract.tokens import tokens_with_lower
from helpers.knowledge.grammar import function_words
from helpers.knowledge.place_names import doubtful_name
from helpers.knowledge.place_vocabulary import street_address_words
from helpers.knowledge.vocabulary import place_nouns

#: A numbered street as news writes it in a crossing ("21st", "5th").
_NUMBERED_STREET = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)

#: Longest name (in tokens) read from a place context.
MAX_NAME_TOKENS = 4
#: The cues (:func:`place_cue`) that name a kind of place: a division, a second-level division, a town.
KIND_CUES = frozenset({"admin", "district", "settlement"})


def cue_word(doc: Doc, start: int, end: int) -> str:
    """The place noun that names the span a place (lower case), or "".

    It follows the name, possibly after a list of names ("Kirkuk, Diyala, and
    Salahuddin provinces"), or precedes it with "of" ("the province of Salahuddin",
    "the city of Mosul"); a street or resident word must follow right after the name.

    Args:
        doc: The parsed article.
        start: The name's first token.
        end: The token after the name.

    Returns:
        The word as :func:`~helpers.knowledge.vocabulary.place_nouns` lists it, or "".
    """
    nouns = place_nouns()
    words = function_words()
    possessive = end + 1 < len(doc) and doc[end].lower_ in words.possessive_endings
    after = end + 1 if possessive else end
    if after < len(doc) and (
        (doc[after].lower_ in nouns.street and _names_part(doc[after]))
        or (doc[after].lower_ in nouns.resident and not (possessive and doc[after].lower_ in nouns.kin))
    ):  # "Bordeaux Avenue", "St. Mary's Hospital", "Mosul residents"; not "Melina's mother"
        return doc[after].lower_
    kinds = nouns.admin | nouns.district | nouns.settlement | nouns.locality
    for token in doc[end : min(end + 8, len(doc))]:
        if token.lower_ in kinds:
            return token.lower_
        if not (token.lower_ in words.list_joiners or token.is_title):
            break
    before = start  # back over a list: "the provinces of Kirkuk, Diyala, Salahaddin"
    while (
        before > 0
        and start - before < 8
        and (doc[before - 1].is_title or doc[before - 1].lower_ in words.list_joiners)
    ):
        before -= 1
    for at in dict.fromkeys((start, before)):
        plural = at == start or doc[at - 2].tag_ == "NNS"  # a list needs "the provinces of"
        if at >= 2 and doc[at - 1].lower_ in words.noun_links and doc[at - 2].lower_ in kinds and plural:
            return doc[at - 2].lower_
    return ""


def names_road(span: Span) -> bool:
    """Whether the word after a name is a road's ("Avenue", "Road"), not a building's ("Hospital")."""
    return span.end < len(span.doc) and span.doc[span.end].lower_ in place_nouns().road


def names_street(doc: Doc, start: int, end: int) -> bool:
    """Whether a name is a street's, no town: one of the two streets of a crossing written with a
    numbered street ("near 18th and Springfield", "at Vine & 5th"), or the street of a block number
    ("in the 2800 block of South Central Park", "the 100 block of Plantation": police name the scene
    so, and the street's name is often a town's elsewhere).

    >>> import spacy
    >>> doc = spacy.blank("en")("shot near 18th & Springfield in Kansas City")
    >>> names_street(doc, 4, 5), names_street(doc, 6, 8)
    (True, False)
    >>> doc = spacy.blank("en")("in the 2800 block of South Central Park in Chicago")
    >>> names_street(doc, 6, 8), names_street(doc, 5, 8), names_street(doc, 9, 10)
    (True, True, False)
    """
    return _after_block_number(doc, start) or _names_crossing(doc, start, end)


def _after_block_number(doc: Doc, start: int) -> bool:
    """The name follows a block number: "the 2800 block of (the) (South) ..."."""
    words = street_address_words()
    at = start - 1
    if at >= 0 and doc[at].lower_.rstrip(".") in words.compass:
        at -= 1
    if at >= 0 and doc[at].lower_ == "the":
        at -= 1
    return at >= 2 and doc[at].lower_ == "of" and doc[at - 1].lower_ in words.block and doc[at - 2].like_num


def _names_crossing(doc: Doc, start: int, end: int) -> bool:
    """One of the two streets of a crossing written with a numbered street (:func:`names_street`)."""

    def numbered_street(joiner: int, street: int) -> bool:
        return (
            0 <= street < len(doc)
            and doc[joiner].text != ","
            and doc[joiner].lower_ in function_words().list_joiners
            and _NUMBERED_STREET.fullmatch(doc[street].text) is not None
        )

    return (end + 1 < len(doc) and numbered_street(end, end + 1)) or (
        start >= 2 and numbered_street(start - 1, start - 2)
    )


def _names_part(token: Token) -> bool:
    """True for a street or building word written as part of a name ("Hinson Drive", "MOSUL ROAD"):
    capitalised, and no compound's first part ("a Durham drive-by", "the Kirkuk Road-based unit").
    A lower-case one ("a Mosul hospital", "the Baghdad road") is a building or road in the place.
    """
    compound = not token.whitespace_ and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "-"
    return (token.is_title or token.is_upper) and not compound


def place_cue(doc: Doc, start: int, end: int) -> str:
    """The cue word that names a place: ``admin``, ``district``, ``settlement``, ``locality``,
    ``street``, ``resident`` (see :func:`cue_word`).

    Args:
        doc: The parsed article.
        start: The name's first token.
        end: The token after the name.

    Returns:
        The cue, or "". ``"street"``: the next word makes the name part of a street's or
        building's name ("Bordeaux Avenue"), which is not the town; ``"resident"``: the
        next word names people of the place ("Alexandria woman"); ``"locality"``: "X area".
    """
    return place_nouns().cue.get(cue_word(doc, start, end), "")


#: Most letters of an abbreviation in capitals ("EKU", "NOPD", "KSLA").
ABBREVIATION_LETTERS = 5


def reads_as_abbreviation(text: str, role: str, span: Span) -> bool:
    """True for a name in capitals that reads as an abbreviation: two letters, or up to
    :data:`ABBREVIATION_LETTERS` in a sentence written in lower case too (not a headline in capitals)
    and not a dateline ("TULSA, Okla.")."""
    if not text.isupper() or len(text) > ABBREVIATION_LETTERS:
        return False
    if len(text) <= 2:
        return True
    if not text.isalpha() or role == "dateline":
        return False
    words = [
        t.text
        for t in sentence_of(span)
        if t.is_alpha and len(t) > 1 and t.i not in range(span.start, span.end)
    ]
    return sum(w.isupper() for w in words) * 2 < len(words)


def names_authority(doc: Doc, start: int, end: int) -> bool:
    """True when the word after the name names its authorities, which people have not: "Lodi
    police", "the Kandahar officials", "Sanford Police Department", "Pike County Sheriff's Office"
    (the resident words that are no home, :class:`~helpers.knowledge.vocabulary.PlaceNouns`); or
    when the name starts an entity that names an authority after two places or with a qualifier, a
    joined name or title-case words (three tokens at most) standing before the word:
    "Savannah-Chatham Metropolitan Police", "Charlotte-Mecklenburg Police".

    >>> import spacy
    >>> from spacy.tokens import Span
    >>> doc = spacy.blank("en")("the Savannah - Chatham Metropolitan Police said")
    >>> doc.ents = [Span(doc, 1, 6, "ORG")]
    >>> names_authority(doc, 1, 2), names_authority(doc, 3, 4), names_authority(doc, 0, 1)
    (True, True, False)
    >>> doc = spacy.blank("en")("the Stowe Township Police said")
    >>> doc.ents = [Span(doc, 1, 4, "ORG")]
    >>> names_authority(doc, 1, 2), names_authority(doc, 1, 3)
    (False, True)
    """
    nouns = place_nouns()
    authorities = nouns.resident - nouns.home
    after = end + 1 if end + 1 < len(doc) and doc[end].lower_ in function_words().possessive_endings else end
    if after < len(doc) and doc[after].lower_ in authorities:
        return True
    within = end
    while (
        within < min(end + 3, len(doc))
        and doc[within].ent_iob_ == "I"
        and doc[within].lower_ not in authorities
        and doc[within].lower_ not in nouns.cue  # "Stowe Township Police" is the township's, not Stowe's
        and (doc[within].text == "-" or doc[within].is_title)
    ):
        within += 1
    return end < within < len(doc) and doc[within].ent_iob_ == "I" and doc[within].lower_ in authorities


def names_kin(doc: Doc, start: int, end: int) -> bool:
    """True when the word after the name names relatives ("the Jones family", "the Smith kids"), which
    a town's people may be too ("a Saginaw mother"): no evidence that a person's name is a town's."""
    return cue_word(doc, start, end) in place_nouns().kin


def _list_start(doc: Doc, start: int) -> int:
    """The first token of the list of names that ends with the name at ``start`` ("Boulkessi
    and" before "Mondoro"; ``start`` itself when no list precedes it)."""
    joiners = function_words().list_joiners
    before = start
    while (
        before > 0 and start - before < 8 and (doc[before - 1].is_title or doc[before - 1].lower_ in joiners)
    ):
        before -= 1
    while before < start and doc[before].lower_ in joiners:
        before += 1
    return before


def has_place_evidence(doc: Doc, start: int, end: int, *, of_person: bool = False) -> bool:
    """True when a cue word names the span a place, or a locative preposition ("in", "near")
    precedes it or the list it ends ("posts at Boulkessi and Mondoro"); for a name that is also a
    person's (``of_person``), not a locative that takes people as often ("condolences to Ghani")."""
    words = function_words()
    locatives = words.locatives - words.person_locatives if of_person else words.locatives
    for at in {start, _list_start(doc, start)}:
        at -= 1
        while at >= 0 and doc[at].is_space:  # copied web text: "a recount in \n    Wisconsin"
            at -= 1
        if at >= 0 and doc[at].lower_ in locatives:
            return True
    return place_cue(doc, start, end) not in ("", "street")


#: Parts of speech of a word in capitals that is no name's: text in capitals is parsed from a
#: recased copy (:mod:`helpers.nlp.casing`), which tags "THAT NORTHERN REGION" as a determiner,
#: an adjective and a noun.
_CAPITALS_WORD_TAGS = frozenset({"ADJ", "ADV", "VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "NUM"})


def _name_token(token: Token) -> bool:
    """A word of a written name: Title Case or capitals ("Salahuddin", "KIRKUK"), not an article,
    nor a common word in capitals that the parse reads as an adjective or verb ("NORTHERN" of "THAT
    NORTHERN REGION" is no Northern Province; "OKLAHOMA CITY" is a name, whatever its tag)."""
    if not token.is_alpha or token.is_stop:
        return False
    word = token.pos_ in _CAPITALS_WORD_TAGS and doubtful_name(token.text) == "common word"
    return token.is_title or (token.is_upper and len(token) > 1 and not word)


def _run_after(doc: Doc, start: int) -> int:
    """The end of the name that starts at ``start`` (0 tokens when none does).

    A lower-case article joined by a hyphen may start it ("the town of al-Nahud").
    """
    links = function_words().name_links
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS:
        token = doc[end]
        inside = end > start and end + 1 < len(doc) and _name_token(doc[end + 1])
        hyphen = end + 2 < len(doc) and doc[end + 1].text == "-"
        prefix = end == start and hyphen and _name_token(doc[end + 2])
        if _name_token(token) or ((inside or prefix) and (token.lower_ in links or token.text == "-")):
            end += 1
        else:
            break
    while end > start and not _name_token(doc[end - 1]):
        end -= 1
    return end


def _run_before(doc: Doc, end: int) -> int:
    """The start of the name that ends at ``end`` (``end`` itself when none does)."""
    links = function_words().name_links
    start = end
    while start > 0 and end - start < MAX_NAME_TOKENS:
        token = doc[start - 1]
        inside = start - 1 > 0 and _name_token(doc[start - 2]) and start < end
        if _name_token(token) or (inside and (token.lower_ in links or token.text == "-")):
            start -= 1
        else:
            break
    while start < end and not _name_token(doc[start]):
        start += 1
    return start


@lru_cache(maxsize=1)
def _context_words() -> tuple[frozenset[str], frozenset[str]]:
    """The place nouns a name may stand before ("Maiwand district", "Mosul residents"), and every
    word that starts a place context: those, locatives, "of" after them, and the town nouns."""
    words, nouns = function_words(), place_nouns()
    district = nouns.admin | nouns.district | nouns.settlement | nouns.after_name | nouns.resident
    towns = {word for word, kind in nouns.kind.items() if kind == "city"}
    return frozenset(district), frozenset(district | words.locatives | words.noun_links | towns)


def context_spans(doc: Doc) -> list[tuple[Span, bool]]:
    """Names in place contexts: after a locative or "the <place noun> of", before a place noun.

    Each name comes with its shorter readings, longest first (a name after "in" may run
    into the next words: "in Tikrit Monday"), flagged ``True`` when the name starts at
    the context (trailing words may be dropped) and ``False`` when it ends at it
    (leading words may be dropped: "the attack on Maiwand district").

    Args:
        doc: The parsed article.

    Returns:
        ``(span, starts_at_context)`` pairs, in text order.
    """
    words = function_words()
    nouns = place_nouns()
    district_words, context_words = _context_words()
    spans: list[tuple[Span, bool]] = []
    for token in tokens_with_lower(doc, context_words):
        lower = token.lower_
        after_of = lower in words.noun_links and token.i > 0 and doc[token.i - 1].lower_ in district_words
        # "the capital Wad Madani": a lower-case town noun right before a name that is no
        # organisation's or building's ("the town Council", "city Hall")
        appositive = (
            token.is_lower
            and nouns.kind.get(lower) == "city"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].ent_type_ not in ("ORG", "FAC")
        )
        if (lower in words.locatives or after_of or appositive) and token.i + 1 < len(doc):
            start = token.i + 1
            while start < len(doc) and (end := _run_after(doc, start)) > start:
                spans.append((doc[start:end], True))  # and the names listed after it: "in X, Y and Z"
                start = end
                while start < len(doc) and doc[start].lower_ in words.list_joiners:
                    start += 1
        elif lower in district_words and token.i > 0:
            end = token.i
            while (start := _run_before(doc, end)) < end:  # and the names listed before: "X and Y villages"
                spans.append((doc[start:end], False))
                end = start
                while end > 0 and doc[end - 1].lower_ in words.list_joiners:
                    end -= 1
                if end == start:
                    break
    return spans
