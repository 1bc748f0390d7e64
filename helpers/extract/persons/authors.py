"""Authors of an article: person rows for bylines and credit lines ("Editing by …").

Bylines are formulaic one-liners the parser reads badly, so regular expressions
read them: the credit words come from ``credit_lines.csv``
(:func:`helpers.knowledge.vocabulary.credit_lines`, whose roles give each
credited person a title) and the name particles a byline name may hold from
``name_particles.csv`` (:func:`helpers.knowledge.grammar.name_particles`).
"""

from __future__ import annotations

import functools
import re

from helpers.articles import Article
from helpers.extract.persons.names import mention_row
from helpers.knowledge.grammar import name_particles, word_alternation
from helpers.knowledge.vocabulary import credit_lines


@functools.lru_cache(maxsize=1)
def _credit_pattern() -> re.Pattern:
    """A credit: optional credit words, "by", then the names up to ";" or the line end."""
    verbs = word_alternation(verb for verb in credit_lines().roles if verb)
    return re.compile(rf"(?P<verb>{verbs})?\s*\bby\s+(?P<names>[^;\n]+)", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _credit_name_pattern() -> re.Pattern:
    """A credited name: capitalised words, each may follow a name particle ("Ahmed al-Rubaye")."""
    particles = word_alternation(name_particles().in_bylines)
    return re.compile(rf"[A-Z][\w'’.-]*(?:\s+(?:(?:{particles})[- ])?[A-Z][\w'’.-]*)+")


def author_rows(article: Article) -> list[dict]:
    """Rows for bylines and editor credits (credit paragraphs, then ``article.byline``).

    Args:
        article: The article; its ``credit`` paragraphs and ``byline`` are read.

    Returns:
        One ``person_mentions`` row per credited name (role ``author``, mention
        ``byline``, the outlet as affiliation); names found only in the byline
        field and not in the text have no character offsets.
    """
    sources: list[tuple[int, str]] = [
        (p.start, article.text[p.start : p.end]) for p in article.paragraphs if p.kind == "credit"
    ]
    covered = " ".join(text for _, text in sources)
    for part in filter(None, (s.strip() for s in article.byline.split(";"))):
        if part not in covered:
            offset = article.text.find(part)
            sources.append((offset if offset >= 0 else -1, part))
    roles = credit_lines().roles
    rows = []
    for offset, line in sources:
        for credit in _credit_pattern().finditer(line):
            verb = (credit.group("verb") or "").lower()
            for name in _credit_name_pattern().finditer(credit.group("names")):
                local = credit.start("names") + name.start()
                located = offset >= 0
                rows.append(
                    mention_row(
                        article,
                        start=offset + local if located else None,
                        end=offset + local + len(name.group()) if located else None,
                        text=name.group(),
                        sentence=line.strip(),
                        canonical=" ".join(name.group().split()),
                        title=roles.get(verb, roles[""]),  # a verb matched only ignoring case: as "By"
                        affiliation=article.outlet,
                        role="author",
                        mention="byline",
                    )
                )
    return rows
