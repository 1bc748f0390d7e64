"""Outlets among organisations the dictionary does not know: newspapers, broadcasters, news sites.

An organisation whose name holds an outlet word (``en/outlet_words.csv``: "Houston Chronicle",
"Midwest News", "WMC Action News 5", "Radio Free Asia"), starts with a network's letters
("CBS46") or with a North American broadcast call sign ("KDKA", "WMBF-TV") is the media that
reports a story, not a party to it: its mentions get the category ``media``
(:func:`helpers.knowledge.actors.canonicalize`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from helpers import config
from helpers.knowledge.vocabulary import read_vocabulary

#: A broadcast call sign: four capitals starting with K, W or C, an optional band suffix.
CALL_SIGN = re.compile(r"^[KWC][A-Z]{3}(?:-(?:TV|FM|AM|DT|CD|LP))?$")
#: A channel number after an outlet's name ("NBC 6", "Action News 5").
_CHANNEL = re.compile(r"\s+\d{1,3}$")
#: What separates a web page title's headline from the site's name ("… - KSLA News 12", "… | WRAL").
_TITLE_SEPARATOR = re.compile(r"\s(?:[-|\u2013\u2014]|::)\s|\s\|")
#: A station's call sign or a news site's domain inside a site's name ("WBNS-10TV", "WTVM.com").
_SITE_MARK = re.compile(r"\b[KWC][A-Z]{3}\b|\w\.(?:com|net|org|tv)\b")


@dataclass(frozen=True)
class OutletWords:
    """Words of outlet names (``outlet_words.csv``), folded.

    Attributes:
        last: Words that make an outlet's name when last ("Washington Post").
        anywhere: Words that do anywhere but first ("Houston Chronicle Law").
        networks: Network letters a station's name starts with, in capitals ("CBS46").
        openings: Words that make an outlet's name of two words or more when first ("Radio Okapi").
    """

    last: frozenset[str]
    anywhere: frozenset[str]
    networks: tuple[str, ...]
    openings: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4)
def outlet_words(language: str = config.DEFAULT_LANGUAGE) -> OutletWords:
    """The outlet words of ``language``.

    >>> words = outlet_words()
    >>> "post" in words.last, "post" in words.anywhere, "chronicle" in words.anywhere, "CBS" in words.networks
    (True, False, True, True)
    """
    rows = read_vocabulary("outlet_words.csv", language)
    anywhere = frozenset(r["word"].casefold() for r in rows if r["position"] == "any")
    return OutletWords(
        last=anywhere | {r["word"].casefold() for r in rows if r["position"] == "last"},
        anywhere=anywhere,
        networks=tuple(r["word"] for r in rows if r["position"] == "first"),
        openings=frozenset(r["word"].casefold() for r in rows if r["position"] == "opening"),
    )


def is_outlet(name: str, language: str = config.DEFAULT_LANGUAGE) -> bool:
    """True for an outlet's name: an outlet word last (a channel number aside) or after the first
    word, an opening word first ("Radio Okapi"), a call sign first (a station's credit glued to
    what it reports: "KHOU-TV Harris County ..."), or a network's letters first ("CBS46").

    >>> [is_outlet(n) for n in ("Houston Chronicle", "WMC Action News 5", "KDKA", "KIA", "News")]
    [True, True, True, False, False]
    >>> is_outlet("Sheriff's Office"), is_outlet("WKRN-TV"), is_outlet("Sun-Times Media Wire")
    (False, True, True)
    >>> is_outlet("CBSMiami"), is_outlet("US Post Office"), is_outlet("Abcarian")
    (True, False, False)
    >>> is_outlet("Radio Free Asia"), is_outlet("Radiology Department"), is_outlet("Radio")
    (True, False, False)
    """
    words = outlet_words(language)
    name = _CHANNEL.sub("", name.strip())
    first = name.split()[0] if name.split() else ""
    if CALL_SIGN.match(first) or first.startswith(words.networks):
        return True
    parts = [w.casefold() for w in re.split(r"[\s-]+", name) if w]
    return len(parts) > 1 and (
        parts[0] in words.openings or parts[-1] in words.last or any(w in words.anywhere for w in parts[1:])
    )


def title_site_start(title: str, language: str = config.DEFAULT_LANGUAGE) -> int | None:
    """Where the site's name starts in a web page's title, or ``None`` when it has none.

    Page titles end with the site's name after a dash or a bar, often with its home
    ("… - KSLA News 12 Shreveport, Louisiana News Weather & Sports"): a trailing part that
    holds an outlet word, a call sign or a domain, and every part after it ("| Weather"), is
    the site's name, which places the outlet, not what the headline reports.

    >>> title = "Man shot in Bossier City - KSLA News 12 Shreveport | Weather"
    >>> title[title_site_start(title):]
    ' - KSLA News 12 Shreveport | Weather'
    >>> title_site_start("Two killed in Mosul - officials"), title_site_start("Gaza News")
    (None, None)
    """
    words = outlet_words(language)
    cuts = list(_TITLE_SEPARATOR.finditer(title))
    for cut, after in zip(cuts, [*cuts[1:], None]):
        segment = title[cut.end() : after.start() if after else len(title)]
        if _SITE_MARK.search(segment) or any(
            word.casefold() in words.last for word in re.findall(r"[^\W\d_]+", segment)
        ):
            return cut.start()
    return None
