"""The article model shared by loading, parsing and every extractor.

An :class:`Article` keeps the text exactly as loaded (all offsets in every table
point into ``Article.text``) and a list of :class:`Paragraph` spans classified
as title, body, repeat, boilerplate or credit (byline/editor). Extractors skip
spans that are not :attr:`Paragraph.extractable`, so a standfirst repeated as the
lead or a "Read More:" link is never counted twice.
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field

#: Paragraph kinds. Only ``title`` and ``body`` paragraphs feed extraction.
PARAGRAPH_KINDS = ("title", "body", "repeat", "boilerplate", "credit")
EXTRACTABLE_KINDS = frozenset({"title", "body"})

#: A paragraph's start offset (the key paragraphs are searched by).
_START = operator.attrgetter("start")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an article, as a character span of ``Article.text``.

    Attributes:
        index: 0-based position of the paragraph in the article.
        start: Offset of the first character in ``Article.text``.
        end: Offset one past the last character.
        kind: One of :data:`PARAGRAPH_KINDS`.
        note: Why the paragraph got its kind (e.g. ``"repeat of paragraph 1"``).
        page: For a paged document (PDF), the 1-based page the paragraph starts on.
    """

    index: int
    start: int
    end: int
    kind: str = "body"
    note: str = ""
    page: int | None = None

    @property
    def extractable(self) -> bool:
        """True when extractors should read this paragraph."""
        return self.kind in EXTRACTABLE_KINDS


@dataclass
class Article:
    """One input record, loaded or skipped.

    Attributes:
        article_id: Stable id (derived from the path, the record number and the text).
        path: Path of the source file, relative to the corpus root when possible.
        record: Line (jsonl) or row (csv) number inside ``path``; ``None`` for .txt/.md.
        status: ``"loaded"`` or ``"skipped"``.
        reason: Why it was skipped, or a warning about how it was loaded ("" if none).
        text: The article text as loaded (empty when skipped).
        title: Headline (first line of a .txt, or the ``title`` column).
        dateline: Place of the dateline (``ERBIL`` in ``ERBIL (Kurdistan 24) –``).
        dateline_span: ``(start, end)`` of the dateline place in ``text``, if any.
            The dateline itself lies outside every paragraph span.
        outlet: Outlet named in the dateline or the ``source`` column.
        byline: Author or editor credit line(s), ``; ``-joined.
        date: Publication date as ISO ``YYYY-MM-DD`` when known.
        published: Publication date and time in ISO 8601, with the UTC offset when known
            (``2020-03-04T10:05:00+03:00``), or the date alone.
        url: Source URL when given.
        paragraphs: The paragraph spans of ``text``.
        page_starts: For a paged document (PDF), the offset in ``text`` where each page starts.
        text_sha256: SHA-256 of ``text`` (UTF-8).
        duplicate_of: ``article_id`` of an earlier identical article, if any.
        near_duplicate_of: ``article_id`` of the first article of the same story (a syndicated
            copy with small edits), if any.
        near_duplicate_similarity: Estimated word-shingle similarity (Jaccard) to that article.
    """

    article_id: str
    path: str
    record: int | None = None
    status: str = "loaded"
    reason: str = ""
    text: str = ""
    title: str = ""
    dateline: str = ""
    dateline_span: tuple[int, int] | None = None
    outlet: str = ""
    byline: str = ""
    date: str = ""
    published: str = ""
    url: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)
    text_sha256: str = ""
    duplicate_of: str = ""
    near_duplicate_of: str = ""
    near_duplicate_similarity: float | None = None

    @property
    def loaded(self) -> bool:
        """True when the article was loaded (not skipped)."""
        return self.status == "loaded"

    def paragraph_at(self, char: int) -> Paragraph | None:
        """Return the paragraph containing character offset ``char``, if any.

        >>> a = Article("a", "a.txt", text="One.\\n\\nTwo.",
        ...             paragraphs=[Paragraph(0, 0, 4), Paragraph(1, 6, 10)])
        >>> a.paragraph_at(7).index
        1
        >>> a.paragraph_at(5) is None
        True
        """
        i = bisect.bisect_right(self.paragraphs, char, key=_START) - 1
        if i >= 0 and self.paragraphs[i].start <= char < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def in_title(self, char: int) -> bool:
        """True when the character offset ``char`` lies in the title paragraph.

        >>> a = Article("a", "a.txt", text="Head\\n\\nBody.",
        ...             paragraphs=[Paragraph(0, 0, 4, "title"), Paragraph(1, 6, 11)])
        >>> a.in_title(2), a.in_title(7)
        (True, False)
        """
        paragraph = self.paragraph_at(char)
        return paragraph is not None and paragraph.kind == "title"

    def is_extractable(self, start: int, end: int) -> bool:
        """True when the span ``[start, end)`` lies in a title or body paragraph.

        Duplicate articles are not extractable at all, so corpus counts do not
        double either.
        """
        if self.duplicate_of:
            return False
        paragraph = self.paragraph_at(start)
        return paragraph is not None and paragraph.extractable and end <= paragraph.end
