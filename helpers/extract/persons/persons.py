"""Persons named in an article: names, ranks, titles, affiliations and authors.

:func:`extract_persons` reads one parsed article and returns one row per person
mention: names and definite descriptions (:mod:`helpers.extract.persons.names`)
with the rank, title and affiliation their context gives
(:mod:`helpers.extract.persons.titles`), then bylines and credits
(:mod:`helpers.extract.persons.authors`).
:func:`helpers.aggregate.persons.persons_table` merges mention rows across articles.

Mention row columns: ``article_id, start_char, end_char, text, sentence,
canonical, person_id, rank, title, affiliation, role, mention``; ``mention`` is
``name`` (a name as written), ``nominal`` (a definite description such as "the
major general", resolved to a name), ``pronoun`` ("he", "she", resolved to the person named
before it: :mod:`helpers.extract.persons.pronouns`) or ``byline``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from helpers.articles import Article
from helpers.extract.evidence import sentence_of
from helpers.extract.persons.authors import author_rows
from helpers.extract.persons.names import mention_row, name_mentions, nominal_mentions, resolve_names
from helpers.extract.persons.pronouns import pronoun_mentions
from helpers.extract.persons.titles import Lexicon
from helpers.knowledge.actors import ActorDictionary


def extract_persons(doc: Doc, article: Article, *, dictionary: ActorDictionary | None = None) -> list[dict]:
    """Extract person mentions from one parsed article.

    Args:
        doc: ``nlp(article.text)`` (any English spaCy pipeline with a parser and NER).
        article: The article ``doc`` was parsed from.
        dictionary: The actor dictionary affiliations are linked through (default: built-in).

    Returns:
        One dict per mention with the ``person_mentions`` columns. ``rank``,
        ``title`` and ``affiliation`` are what the mention's own context says;
        ``canonical`` is the article's full form of the name. Authors/editors
        (role ``author``) come from credit paragraphs and ``article.byline``.
    """
    lexicon = Lexicon(doc, dictionary)
    names = name_mentions(doc, article, lexicon)
    resolve_names(names)
    mentions = sorted(names + nominal_mentions(doc, article, lexicon, names), key=lambda m: m.start)
    mentions = sorted(mentions + pronoun_mentions(doc, article, mentions), key=lambda m: m.start)
    rows = [
        mention_row(
            article,
            start=doc[m.start].idx,
            end=doc[m.end - 1].idx + len(doc[m.end - 1].text),
            text=doc[m.start : m.end].text,
            sentence=sentence_of(doc[m.start]).text.strip(),
            canonical=m.canonical,
            rank=m.rank,
            title=m.title,
            affiliation=m.affiliation,
            role="actor",
            mention=m.mention,
        )
        for m in mentions
    ]
    return rows + author_rows(article)
