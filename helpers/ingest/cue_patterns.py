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
        page_notice: Finds the words of a notice of the page ("Get email alerts", "news app").
        writer_profile: Matches the start of a writer's profile: a capitalised name, "is a", "is an"
            or "is the", then a word of a writer's trade within a few words ("Jo Roe is a Tribune
            staff writer"; "Jo Roe is the Star's crime reporter").
        contact_start: Matches the start of a contact line ("Contact", "Reach", "Follow").
    """

    credit: re.Pattern[str]
    boilerplate: re.Pattern[str]
    date_label: re.Pattern[str]
    agency_line: re.Pattern[str]
    playlist_item: re.Pattern[str]
    page_notice: re.Pattern[str]
    writer_profile: re.Pattern[str]
    contact_start: re.Pattern[str]


#: A capitalised name of two to four words ("Jo Roe", "Mary Ann K. Roe", "Jo O'Roe-Ek").
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}"
#: Most words between "is a" and the trade word of a writer's profile ("is a Tribune-Review staff writer").
PROFILE_GAP_WORDS = 6


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
        page_notice=re.compile(rf"\b{phrase_alternation(cues.notice_phrases)}\b", re.IGNORECASE),
        # the name's capitals matter: no IGNORECASE
        writer_profile=re.compile(
            rf"^{_NAME}\s+is\s+(?:[Aa]n?|[Tt]he)\s+(?:\S+\s+){{0,{PROFILE_GAP_WORDS}}}?"
            rf"(?i:{phrase_alternation(cues.writer_words)})\b"
        ),
        contact_start=re.compile(rf"^{phrase_alternation(cues.contact_words)}\b", re.IGNORECASE),
    )
