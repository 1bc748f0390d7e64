"""Authors of an article: person rows for bylines, credit lines ("Editing by …") and the photo
credits of captions ("Jane Roe/for the Daily News", "(Jane Roe for The Daily News)").

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
from helpers.knowledge.outlets import is_outlet
from helpers.knowledge.vocabulary import credit_lines

#: A name in a photo credit: two to four capitalised words.
_CREDITED = r"[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}"
#: The outlet after it: capitalised words (a channel number or "the" may stand among them).
_OUTLET = r"(?:[Tt]he[ \t]+)?[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z0-9][\w'’&.-]*))*"
#: A caption's photo credit: "NAME/for OUTLET", "NAME / OUTLET", "(NAME for OUTLET)".
PHOTO_CREDIT = re.compile(
    rf"(?P<name>{_CREDITED})[ \t]*/[ \t]*(?:[Ff]or[ \t]+)?(?P<outlet>{_OUTLET})"
    rf"|\((?P<paren_name>{_CREDITED})[ \t]+for[ \t]+(?P<paren_outlet>{_OUTLET})\)"
)


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
    return rows + photo_credit_rows(article)


def photo_credit_rows(article: Article) -> list[dict]:
    """Rows for the photographers a caption credits ("Jane Roe/for the Daily News"): authors
    (title ``photographer``, the outlet as affiliation), not people the story is about; the same
    photographers are credited under many unrelated stories.

    >>> from helpers.articles import Article
    >>> text = "Police at the scene. (Jane Roe for The Daily News) Mourners, Ann Lee/Getty Images News"
    >>> [(r["text"], r["affiliation"]) for r in photo_credit_rows(Article("a", "a.txt", text=text))]
    [('Jane Roe', 'The Daily News'), ('Ann Lee', 'Getty Images News')]
    """
    rows = []
    for credit in PHOTO_CREDIT.finditer(article.text):
        group = "name" if credit.group("name") else "paren_name"
        outlet = credit.group("outlet" if group == "name" else "paren_outlet")
        if not is_outlet(outlet):
            continue
        rows.append(
            mention_row(
                article,
                start=credit.start(group),
                end=credit.end(group),
                text=credit.group(group),
                sentence=credit.group().strip(),
                canonical=" ".join(credit.group(group).split()),  # as author_rows writes names
                title="photographer",
                affiliation=outlet,
                role="author",
                mention="byline",
            )
        )
    return rows
