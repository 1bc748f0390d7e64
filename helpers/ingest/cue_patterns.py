"""Cue patterns: the regular expressions of paragraph roles, built from the cue vocabularies.

The words come from :mod:`helpers.knowledge` (credit-line verbs, boilerplate
lines, date-line labels); the patterns add only structure: the start of the
paragraph, white space between words, "by", a colon, word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from helpers import config
from helpers.knowledge.paragraph_cues import paragraph_cues
from helpers.knowledge.vocabulary import credit_lines


@dataclass(frozen=True)
class CuePatterns:
    """The compiled cue patterns of one language (all ignore case).

    Attributes:
        credit: Matches the start of a credit line: "Reporting by X", "Additional
            editing by X", or a bare "By X".
        boilerplate: Matches the start of a boilerplate line ("Read more", "Photo credit:",
            after bullets or arrows), or a line wholly in square brackets ("[PHOTOS: …]").
        date_label: Matches the label before the date of a date line ("Published:").
        agency_line: Matches a whole line that credits a news agency ("The Associated Press",
            "AP Writer").
        playlist_item: Matches the start of a line that starts with a clip's length ("1:47 Wife
            of victim speaks"), not a time of day ("10:30 p.m.").
    """

    credit: re.Pattern[str]
    boilerplate: re.Pattern[str]
    date_label: re.Pattern[str]
    agency_line: re.Pattern[str]
    playlist_item: re.Pattern[str]


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex group matching any of ``phrases``, their words separated by any white space.

    Args:
        phrases: Phrases of space-separated words, matched literally.

    Returns:
        A non-capturing group, alternatives in the order given.

    >>> phrase_alternation(["read more", "A&E"])
    '(?:read\\\\s+more|A\\\\&E)'
    """
    return "(?:" + "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases) + ")"


@lru_cache(maxsize=4)
def cue_patterns(language: str = config.DEFAULT_LANGUAGE) -> CuePatterns:
    """The cue patterns of ``language``, compiled once.

    Args:
        language: Folder of the vocabularies under ``helpers/data/``.

    Returns:
        The patterns.

    >>> patterns = cue_patterns()
    >>> bool(patterns.credit.match("Additional reporting by Jane Roe")), bool(patterns.credit.match("Bypass"))
    (True, False)
    >>> lines = ("READ MORE: ten killed", "Photo: AFP", "► Related: …", "[VIDEO: Vigil]", "[A] said")
    >>> [bool(patterns.boilerplate.match(line)) for line in lines]
    [True, True, True, True, False]
    >>> patterns.date_label.sub("", "Updated: 3 March 2020"), patterns.date_label.sub("", "Dateline Mosul")
    ('3 March 2020', 'Dateline Mosul')
    >>> [bool(patterns.agency_line.fullmatch(line)) for line in ("The Associated Press", "AP Writer")]
    [True, True]
    >>> [bool(patterns.playlist_item.match(line)) for line in ("1:47 Clip Pause", "10:30 p.m. Shots")]
    [True, False]
    """
    credit = credit_lines(language)
    cues = paragraph_cues(language)
    # credit_lines.csv lists the words before "by"; a bare "By" starts a byline too
    starts = phrase_alternation(credit.line_starts)
    prefixes = phrase_alternation(credit.line_prefixes)
    caption = (
        rf"{phrase_alternation(cues.caption_media)}\s*{phrase_alternation(cues.caption_labels)}?"
        r"\s*:"
    )
    return CuePatterns(
        credit=re.compile(rf"^(?:(?:{prefixes}\s+)?{starts}\s+by|by)\s+\S", re.IGNORECASE),
        # a caption ends with its colon: no word boundary after it ("Photo: AFP")
        # after bullets and arrows ("► Related: …", ">> Read more", "- Video: …"); a line
        # wholly in square brackets is an editor's link or note ("[PHOTOS: …]", "[UPDATE: …]")
        boilerplate=re.compile(
            rf"^(?:[^\w\s\"'“‘(\[$£€]*\s*(?:{phrase_alternation(cues.boilerplate_lines)}\b|{caption})"
            r"|\[[^\[\]\n]+\]\s*$)",
            re.IGNORECASE,
        ),
        date_label=re.compile(rf"^{phrase_alternation(cues.date_line_labels)}\b\s*:?\s*", re.IGNORECASE),
        agency_line=re.compile(
            rf"(?:the\s+)?{phrase_alternation(cues.agencies)}(?:\s+{phrase_alternation(cues.agency_roles)})?\.?",
            re.IGNORECASE,
        ),
        # the start only: a lazy ".*" to an optional end word would test every position of the line
        playlist_item=re.compile(r"^\d{1,2}:[0-5]\d\s+(?![ap]\.?m\b)\S", re.IGNORECASE),
    )
