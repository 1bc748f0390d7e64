"""Vehicles named by make and model, whose words are no places.

Crime and conflict news describe vehicles by make and model ("a gray 2010 Toyota Corolla",
"a white GMC Yukon", "Toyota Hilux pickups"), and many makes and models are also names of
towns and regions (Toyota, Pontiac, Plymouth; Tacoma, Yukon, Malibu, Durango). No NER label
or gazetteer tells them apart; the way a vehicle is written does: a make right before a model
(a capitalised word or one with digits that is no place noun, title, weekday or month, or
English adjective, verb or adverb: "Plymouth Monday", "Pontiac Mayor", "Lincoln High School"
are places' names), or right after a model year ("a 2010 Toyota"), a colour ("a red Toyota", "a
silver Pontiac") or before a noun of vehicles ("a Toyota pickup", "the Toyota dealership";
``vehicle_words.csv``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc

from helpers.knowledge.gazetteer import Gazetteer
from helpers.knowledge.place_names import common_words
from helpers.knowledge.titles import title_words
from helpers.knowledge.vocabulary import calendar_words, place_nouns, vehicle_makes, vehicle_words

#: Most words of a model name ("Land Cruiser", "Grand Cherokee").
MODEL_WORDS = 2

_MODEL_YEAR = re.compile(r"(19|20)\d\d")


def vehicle_tokens(doc: Doc, gazetteer: Gazetteer) -> set[int]:
    """Indices of the tokens of vehicle names (make and model) in ``doc``.

    A make and the words after it are a place when the gazetteer knows them as one
    ("Dodge City", "Lincoln Park"), or when a place noun follows ("Lincoln County",
    "Pontiac police").
    """
    found: set[int] = set()
    words = vehicle_words()
    # Only the tokens spelt as a make (one vectorised test of the token hashes) become Token objects.
    for index in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), _make_hashes())).tolist():
        token = doc[index]
        at = token.i + 1
        if at + 1 < len(doc) and doc[at].text == "-" and not token.whitespace_:
            at += 1  # "Mercedes-Benz"
        model = []
        while at < len(doc) and len(model) < MODEL_WORDS and _model_word(doc[at].text, doc[at].lower_):
            model.append(at)
            at += 1
        dated = token.i > 0 and _MODEL_YEAR.fullmatch(doc[token.i - 1].text) is not None
        coloured = token.i > 0 and doc[token.i - 1].text in words["colour"]
        noun = token.i + 1 < len(doc) and doc[token.i + 1].lower_ in words["vehicle"]
        if not (model or dated or coloured or noun):
            continue
        name = doc[token.i : (model[-1] + 1) if model else token.i + 1]
        if model and any(m.main and m.exact for m in gazetteer.candidates(name.text)):
            continue
        found.update(range(name.start, name.end))
    return found


@lru_cache(maxsize=1)
def _make_hashes() -> numpy.ndarray:
    """The hashes spaCy gives the makes' spellings (the same in every vocabulary)."""
    strings = StringStore()
    return numpy.array(sorted(strings.add(make) for make in vehicle_makes()), dtype="uint64")


def _model_word(text: str, lower: str) -> bool:
    """A word that may be (part of) a model's name: capitalised, or with a digit ("F-150",
    "4Runner"), and no word that follows a place's name ("County", "Police", "Mayor", "Monday")."""
    if not (text[:1].isupper() or any(character.isdigit() for character in text)):
        return False
    nouns = place_nouns()
    return not (
        lower in nouns.cue
        or lower in nouns.kind
        or lower in title_words().words
        or lower in common_words()
        or text in calendar_words()
    )
