"""Persons referred to by "he", "him", "she", and "I" or "me" in a quotation: one linear pass, no
coreference model.

A third-person pronoun (``en/person_pronouns.csv``) stands for a person named before it in its own
paragraph or the previous extractable one (where the quotes layer looks for "he said"): the latest
whose gender is known to match, else the latest whose gender is unknown; with none there, the
latest named earlier in the article whose gender matches or is unknown; a gender is known from an
honorific before the name ("Mrs", "Sir") or from an earlier pronoun. "I" or "me" inside a quotation
stands for the person named nearest it in its paragraph (the speaker is named next to the quote),
else the latest named in the previous one; outside a quotation it is the writer and stays
unresolved, as does a pronoun with no such person.
spaCy's English pipelines have no coreference component, and the offline coreference libraries
(coreferee, fastcoref, spacy-experimental) need a transformer or large model far slower than the
whole pipeline, so this rule is Sitrep's own.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from helpers import config
from helpers.articles import Article
from helpers.extract.persons.names import Mention
from helpers.extract.tokens import tokens_with_lower
from helpers.knowledge.vocabulary import read_vocabulary


@dataclass(frozen=True)
class PersonPronouns:
    """Pronouns and gender cues (``person_pronouns.csv``).

    Attributes:
        third: Third-person pronouns ("he") to their gender.
        first: First-person pronouns ("I", "me").
        cues: Words before a name ("Mrs") to the gender they give.
    """

    third: dict[str, str]
    first: frozenset[str]
    cues: dict[str, str]


@functools.lru_cache(maxsize=4)
def person_pronouns(language: str = config.DEFAULT_LANGUAGE) -> PersonPronouns:
    """The person pronouns of ``language``.

    >>> words = person_pronouns()
    >>> words.third["she"], words.cues["mrs"], "her" in words.third, "i" in words.first
    ('female', 'female', False, True)
    """
    rows = read_vocabulary("person_pronouns.csv", language)
    return PersonPronouns(
        third={r["word"]: r["gender"] for r in rows if r["kind"] == "pronoun"},
        first=frozenset(r["word"] for r in rows if r["kind"] == "first"),
        cues={r["word"]: r["gender"] for r in rows if r["kind"] == "cue"},
    )


class QuoteMarks:
    """Where an article's double quotation marks are, to tell whether an offset lies inside a
    quotation its paragraph opened before it (an odd number of straight marks before it, or more
    opening than closing curly ones). Offsets are found once; each question is a binary search.

    >>> from helpers.articles import Paragraph
    >>> text = 'He said: "I will stay." I left.'
    >>> marks = QuoteMarks(Article("a", "a.txt", text=text, paragraphs=[Paragraph(0, 0, len(text))]))
    >>> marks.inside(text.index("I ")), marks.inside(text.rindex("I"))
    (True, False)
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self.offsets = {mark: [m.start() for m in re.finditer(mark, article.text)] for mark in '"“”'}

    def _count(self, mark: str, start: int, end: int) -> int:
        offsets = self.offsets[mark]
        return bisect_left(offsets, end) - bisect_left(offsets, start)

    def inside(self, char: int) -> bool:
        """True when ``char`` lies inside a quotation of its paragraph."""
        paragraph = self.article.paragraph_at(char)
        start = paragraph.start if paragraph else 0
        return self._count('"', start, char) % 2 == 1 or self._count("“", start, char) > self._count(
            "”", start, char
        )


def paragraph_floor(article: Article, char: int) -> int:
    """Where the search for a pronoun's person starts: the previous extractable paragraph's
    start (else the pronoun's paragraph's, else the text's)."""
    paragraph = article.paragraph_at(char)
    if paragraph is None:
        return 0
    paragraphs = article.paragraphs
    position = bisect_left(paragraphs, paragraph.start, key=lambda p: p.start)
    earlier = (
        paragraphs[k]
        for k in range(position - 1, -1, -1)
        if paragraphs[k].end <= paragraph.start and paragraphs[k].extractable
    )
    return next((p.start for p in earlier), paragraph.start)


def _speaker(article: Article, char: int, mentions: list[Mention], starts: list[int]) -> Mention | None:
    """The person named nearest a first-person pronoun in a quotation: in its paragraph, before
    or after it, else the latest in the previous extractable paragraph."""
    paragraph = article.paragraph_at(char)
    low = bisect_left(starts, paragraph.start if paragraph else 0)
    high = bisect_left(starts, paragraph.end if paragraph else len(article.text))
    here = bisect_left(starts, char)
    near = [k for k in (here - 1, here) if low <= k < high]
    if near:
        return mentions[min(near, key=lambda k: abs(starts[k] - char))]
    earlier = bisect_left(starts, paragraph_floor(article, char))
    return mentions[low - 1] if earlier < low else None


def pronoun_mentions(doc: Doc, article: Article, mentions: list[Mention]) -> list[Mention]:
    """Mentions of ``he``/``him``/``she`` resolved to the person named before them, and of
    ``I``/``me`` in a quotation resolved to the person named nearest it.

    Args:
        doc: The parsed article.
        article: The article ``doc`` was parsed from.
        mentions: Name and description mentions, in text order, with ``key`` and ``canonical``.

    Returns:
        One ``pronoun`` mention per resolved pronoun in extractable text, in text order.
    """
    words = person_pronouns()
    gender: dict[str, str] = {}
    for m in mentions:
        cue = doc[m.start - 1].lower_.rstrip(".") if m.start else ""
        if cue in words.cues:
            gender.setdefault(m.key, words.cues[cue])
    starts = [doc[m.start].idx for m in mentions]
    marks = QuoteMarks(article)
    latest: dict[str, Mention] = {}
    passed = 0
    found = []
    for token in tokens_with_lower(doc, [*words.third, *words.first]):
        third = token.lower_ in words.third
        if token.pos_ != "PRON" or not article.is_extractable(token.idx, token.idx + 1):
            continue
        if third:
            wanted = words.third[token.lower_]
            while passed < len(mentions) and starts[passed] < token.idx:  # the latest named, by gender
                latest[gender.get(mentions[passed].key, "")] = mentions[passed]
                passed += 1
            floor = paragraph_floor(article, token.idx)
            known = [
                m for m in (latest.get(wanted), latest.get("")) if m and gender.get(m.key, wanted) == wanted
            ]
            near = [m for m in known if doc[m.start].idx >= floor]
            person = near[0] if near else max(known, key=lambda m: m.start, default=None)
            if person is not None:
                gender.setdefault(person.key, wanted)
        else:
            person = _speaker(article, token.idx, mentions, starts) if marks.inside(token.idx) else None
        if person is None:
            continue
        found.append(
            replace(
                person, start=token.i, end=token.i + 1, rank="", title="", affiliation="", mention="pronoun"
            )
        )
    return found
