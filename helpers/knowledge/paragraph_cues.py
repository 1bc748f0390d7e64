"""Paragraph cues: the words by which the loader tells a paragraph's role in an article.

Boilerplate lines ("Read more", "Photo credit:"), the joining words of a bare
byline ("and", "in"), the labels of a date line ("Published", "Updated") and the
news agencies of a credit line ("Associated Press"),
read from ``helpers/data/<language>/``. The credit-line verbs ("Reporting by")
are :func:`helpers.knowledge.vocabulary.credit_lines`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from helpers import config
from helpers.knowledge.grammar import function_words
from helpers.knowledge.vocabulary import read_vocabulary


@dataclass(frozen=True)
class ParagraphCues:
    """The cue words of paragraph roles (``boilerplate_lines.csv``, the byline joiners of
    ``function_words.csv``, ``date_line_labels.csv``, ``wire_agencies.csv``), lower case, in
    file order.

    Attributes:
        boilerplate_lines: Words that start a boilerplate paragraph ("read more", "follow us").
        caption_media: Words that, before an optional caption label and a colon, start a
            caption credit ("photo", "video").
        caption_labels: The optional word between those and the colon ("credit").
        player_controls: Words of a video player that end a playlist item ("pause").
        notice_phrases: Words that anywhere in a short paragraph make it a notice of the page
            ("email alerts", "news app").
        writer_words: Words of a writer's trade that a writer's profile line names ("reporter").
        contact_words: Words that start a contact line ("contact", "reach").
        byline_joiners: Words of a bare byline that are not names ("and", "in", "&").
        date_line_labels: Words that may precede the date of a date line ("published").
        agencies: News agencies whose name alone on a line credits the writer
            ("associated press", ``wire_agencies.csv``).
        agency_roles: Words that may follow the agency's name on that line ("writer", "staff").
    """

    boilerplate_lines: tuple[str, ...]
    caption_media: tuple[str, ...]
    caption_labels: tuple[str, ...]
    player_controls: tuple[str, ...]
    notice_phrases: tuple[str, ...]
    writer_words: tuple[str, ...]
    contact_words: tuple[str, ...]
    byline_joiners: frozenset[str]
    date_line_labels: tuple[str, ...]
    agencies: tuple[str, ...] = ()
    agency_roles: tuple[str, ...] = ()


@lru_cache(maxsize=4)
def paragraph_cues(language: str = config.DEFAULT_LANGUAGE) -> ParagraphCues:
    """The paragraph cue words of ``language``.

    Args:
        language: Folder of the vocabularies under ``helpers/data/``.

    Returns:
        The cue words, read once per language.

    >>> cues = paragraph_cues()
    >>> "read more" in cues.boilerplate_lines, cues.caption_labels, "&" in cues.byline_joiners
    (True, ('credit',), True)
    """
    boilerplate = read_vocabulary("boilerplate_lines.csv", language)
    agencies = read_vocabulary("wire_agencies.csv", language)

    def cues(kind: str, rows: list[dict[str, str]] = boilerplate) -> tuple[str, ...]:
        return tuple(row["cue"] for row in rows if row["kind"] == kind)

    return ParagraphCues(
        boilerplate_lines=cues("line"),
        caption_media=cues("caption"),
        caption_labels=cues("caption_label"),
        player_controls=cues("player_control"),
        notice_phrases=cues("phrase"),
        writer_words=cues("writer"),
        contact_words=cues("contact"),
        byline_joiners=function_words(language).byline_joiners,
        date_line_labels=tuple(row["label"] for row in read_vocabulary("date_line_labels.csv", language)),
        agencies=cues("agency", agencies),
        agency_roles=cues("role", agencies),
    )
