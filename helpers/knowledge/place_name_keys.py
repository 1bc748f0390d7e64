"""How place names are compared: the matching key, admin descriptors, Latin script.

Names are matched on a normalised key (:func:`normalize_name`) so that
transliteration variants meet: Salah ad-Din / Salah al-Din, Arbil / Irbil,
Deir ez-Zor / Deir al-Zor. The articles dropped from the key and the admin
descriptors of :func:`strip_admin_words` are vocabularies
(:mod:`helpers.knowledge.place_vocabulary`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from helpers import config
from helpers.knowledge.place_vocabulary import admin_descriptors, name_abbreviations, transliteration_articles

# Letters NFKD does not decompose to ASCII.
_LETTER_MAP = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ħ": "h"}
)
_APOSTROPHES = re.compile(r"[’‘`´ʼʾʿ'′ʹ]")


def plain_name(name: str) -> str:
    """A name with case, diacritics, apostrophes and punctuation left out, its letters as written.

    Two names with the same plain form are written alike; :func:`normalize_name` also
    folds transliteration variants, so "Fourth" and "Fürth" share a key, not a plain form.

    >>> plain_name("Kirkūk"), plain_name("Al-Anbar")
    ('kirkuk', 'al anbar')
    >>> plain_name("Fourth") == plain_name("Fürth")
    False
    """
    text = unicodedata.normalize("NFKD", name.translate(_LETTER_MAP).casefold().translate(_LETTER_MAP))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", _APOSTROPHES.sub("", text)).split())


def expand_abbreviation(name: str) -> str:
    """A place name with its abbreviated first word written out (``name_abbreviations.csv``).

    >>> [expand_abbreviation(name) for name in ("Mt. Pleasant", "FT. WAYNE", "St. Louis")]
    ['Mount Pleasant', 'FORT WAYNE', 'St. Louis']
    """
    first, space, rest = name.partition(" ")
    word = name_abbreviations().get(first.rstrip(".").lower()) if space and rest[:1].isalpha() else None
    if word is None:
        return name
    return f"{word.upper() if first.isupper() and len(first.rstrip('.')) > 1 else word} {rest}"


def normalize_name(name: str) -> str:
    """Return the matching key of a place name.

    Case, diacritics, apostrophes (straight, curly, ayn/hamza marks), hyphens
    and transliteration articles inside multi-word names are removed; a few
    spelling alternations of transliteration (y/i, ou/u, q/k, doubled letters,
    final -ah) are folded.

    >>> normalize_name("Salah ad-Din") == normalize_name("Salah al Din")
    True
    >>> normalize_name("Deir ez-Zor") == normalize_name("Deir al-Zor")
    True
    >>> normalize_name("Al-Anbar") == normalize_name("Anbar")
    True
    >>> normalize_name("Sulaymaniyah") == normalize_name("Sulaimaniya")
    True
    >>> normalize_name("Ṭūz Khūrmātū")
    'tuz khurmatu'
    """
    tokens = plain_name(name).split()
    if len(tokens) > 1:
        articles = transliteration_articles()
        tokens = [t for t in tokens if t not in articles] or tokens
    key = " ".join(tokens)
    key = key.replace("y", "i").replace("ou", "u").replace("q", "k")
    key = re.sub(r"([a-z])\1+", r"\1", key)
    return re.sub(r"ah\b", "a", key)


@lru_cache(maxsize=4)
def _admin_words(language: str = config.DEFAULT_LANGUAGE) -> re.Pattern:
    """A descriptor before the name and its space, or a space and a descriptor after it."""
    descriptors = admin_descriptors(language)
    prefixes = "|".join(map(re.escape, descriptors.prefixes))
    suffixes = "|".join(map(re.escape, descriptors.suffixes))
    return re.compile(rf"^({prefixes})\s+|\s+({suffixes})$", re.IGNORECASE)


def strip_admin_words(name: str) -> str:
    """Drop admin descriptors: ``"Muhafazat Kirkuk"`` -> ``"Kirkuk"``.

    >>> strip_admin_words("Salah ad Din Governorate")
    'Salah ad Din'
    """
    return _admin_words().sub("", name).strip() or name


def is_latin_name(name: str) -> bool:
    """True when ``name`` is written in Latin script (diacritics allowed).

    >>> is_latin_name("Arbīl"), is_latin_name("أربيل")
    (True, False)
    """
    folded = unicodedata.normalize("NFKD", name.translate(_LETTER_MAP))
    letters = [ch for ch in folded if ch.isalpha()]
    return bool(letters) and all(ch.isascii() for ch in letters)
