"""Outlets among organisations the dictionary does not know: newspapers, broadcasters, news sites.

An organisation whose name ends in an outlet word (``en/outlet_words.csv``: "Houston Chronicle",
"Midwest News", "WMC Action News 5") or is a North American broadcast call sign ("KDKA",
"WMBF-TV") is the media that reports a story, not a party to it: its mentions get the category
``media`` (:func:`helpers.knowledge.actors.canonicalize`).
"""

from __future__ import annotations

import functools
import re

from helpers import config
from helpers.knowledge.vocabulary import read_vocabulary

#: A broadcast call sign: four capitals starting with K, W or C, an optional band suffix.
CALL_SIGN = re.compile(r"^[KWC][A-Z]{3}(?:-(?:TV|FM|AM|DT|CD|LP))?$")
#: A channel number after an outlet's name ("NBC 6", "Action News 5").
_CHANNEL = re.compile(r"\s+\d{1,3}$")


@functools.lru_cache(maxsize=4)
def outlet_words(language: str = config.DEFAULT_LANGUAGE) -> frozenset[str]:
    """The last words of outlet names in ``language``.

    >>> "chronicle" in outlet_words(), "army" in outlet_words()
    (True, False)
    """
    return frozenset(row["word"].casefold() for row in read_vocabulary("outlet_words.csv", language))


def is_outlet(name: str, language: str = config.DEFAULT_LANGUAGE) -> bool:
    """True for an outlet's name: an outlet word last (a channel number aside), or a call sign
    first (a station's credit glued to what it reports: "KHOU-TV Harris County ...").

    >>> [is_outlet(n) for n in ("Houston Chronicle", "WMC Action News 5", "KDKA", "KIA", "News")]
    [True, True, True, False, False]
    >>> is_outlet("Sheriff's Office"), is_outlet("WKRN-TV"), is_outlet("Sun-Times")
    (False, True, True)
    """
    words = _CHANNEL.sub("", name.strip()).split()
    if words and CALL_SIGN.match(words[0]):
        return True
    last = re.split(r"[\s-]", " ".join(words))
    return len(last) > 1 and last[-1].casefold() in outlet_words(language)
