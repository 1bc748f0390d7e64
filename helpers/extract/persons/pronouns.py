"""Persons referred to by "he", "him" and "she": one linear pass, no coreference model.

A pronoun (``en/gender_words.csv``) stands for a person named before it in its own paragraph or the
previous extractable one (where the quotes layer looks for "he said"): the latest whose gender is
known to match, else the latest whose gender is unknown; a gender is known from an honorific before
the name ("Mrs", "Sir") or from an earlier pronoun. A pronoun with no such person stays unresolved.
spaCy's English pipelines have no coreference component, and the offline coreference libraries
(coreferee, fastcoref, spacy-experimental) need a transformer or large model far slower than the
whole pipeline, so this rule is Sitrep's own.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Doc

from helpers import config
from helpers.articles import Article
from helpers.extract.persons.names import Mention
from helpers.knowledge.vocabulary import read_vocabulary


@functools.lru_cache(maxsize=4)
def gender_words(language: str = config.DEFAULT_LANGUAGE) -> tuple[dict[str, str], dict[str, str]]:
    """Pronouns and name cues of ``language``, each to its gender.

    >>> pronouns, cues = gender_words()
    >>> pronouns["she"], cues["mrs"], "her" in pronouns
    ('female', 'female', False)
    """
    rows = read_vocabulary("gender_words.csv", language)
    pronouns = {r["word"]: r["gender"] for r in rows if r["kind"] == "pronoun"}
    return pronouns, {r["word"]: r["gender"] for r in rows if r["kind"] == "cue"}


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


def pronoun_mentions(doc: Doc, article: Article, mentions: list[Mention]) -> list[Mention]:
    """Mentions of ``he``/``him``/``she`` resolved to the person named before them.

    Args:
        doc: The parsed article.
        article: The article ``doc`` was parsed from.
        mentions: Name and description mentions, in text order, with ``key`` and ``canonical``.

    Returns:
        One ``pronoun`` mention per resolved pronoun in extractable text, in text order.
    """
    pronouns, cues = gender_words()
    gender: dict[str, str] = {}
    for m in mentions:
        cue = doc[m.start - 1].lower_.rstrip(".") if m.start else ""
        if cue in cues:
            gender.setdefault(m.key, cues[cue])
    starts = [doc[m.start].idx for m in mentions]
    found = []
    for token in doc:
        wanted = pronouns.get(token.lower_)
        if wanted is None or token.pos_ != "PRON" or not article.is_extractable(token.idx, token.idx + 1):
            continue
        floor = bisect_left(starts, paragraph_floor(article, token.idx))
        before = range(bisect_left(starts, token.idx) - 1, floor - 1, -1)
        window = [mentions[k] for k in before if gender.get(mentions[k].key, wanted) == wanted]
        person = next((m for m in window if m.key in gender), window[0] if window else None)
        if person is None:
            continue
        gender.setdefault(person.key, wanted)
        found.append(
            replace(
                person, start=token.i, end=token.i + 1, rank="", title="", affiliation="", mention="pronoun"
            )
        )
    return found
