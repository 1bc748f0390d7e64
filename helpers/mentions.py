"""Entity mentions from parsed docs, and counting helpers over them.

One row per entity mention in extractable text (title and body paragraphs;
repeats, boilerplate and credits are left out so nothing is counted twice),
with the sentence as evidence.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import pandas as pd
from spacy.tokens import Doc, Span

from .articles import Article


class SentenceIndex:
    """Sentences of a doc, found by token position with a binary search.

    ``span.sent`` walks the doc token by token on every call; with hundreds of
    mentions per article that dominated extraction time.
    """

    def __init__(self, doc: Doc) -> None:
        self.sentences = list(doc.sents)
        self.starts = [sent.start for sent in self.sentences]

    def of(self, span: Span) -> tuple[int, Span]:
        """The number and the span of the sentence containing ``span``'s first token."""
        i = max(bisect.bisect_right(self.starts, span.start) - 1, 0)
        return i, self.sentences[i]


def sentence_index(doc: Doc) -> SentenceIndex:
    """The :class:`SentenceIndex` of ``doc``."""
    return SentenceIndex(doc)


def evidence(span: Span, article: Article, sentences: SentenceIndex) -> dict:
    """The evidence columns every extracted row carries for ``span``.

    Returns:
        ``article_id``, ``paragraph``, ``sentence_id``, ``start_char``,
        ``end_char``, ``text`` and ``sentence`` (the sentence's text).
    """
    paragraph = article.paragraph_at(span.start_char)
    number, sentence = sentences.of(span)
    return {
        "article_id": article.article_id,
        "paragraph": paragraph.index if paragraph else None,
        "sentence_id": number,
        "start_char": span.start_char,
        "end_char": span.end_char,
        "text": span.text,
        "sentence": article.text[sentence.start_char:sentence.end_char].strip(),
    }


def extract_mentions(doc: Doc, article: Article, *, dictionary=None) -> list[dict]:
    """One row per named entity of ``doc`` that lies in extractable text.

    Organisation mentions (and NORP mentions the actor dictionary knows) are
    linked to actors: a dictionary hit of the entity ruler keeps its actor id,
    other mentions are looked up by :func:`helpers.actors.canonicalize`.

    Args:
        doc: The parsed article text.
        article: The article ``doc`` was parsed from.
        dictionary: Actor dictionary (default: the built-in one).

    Returns:
        Rows with the ``mentions`` columns (see the README's data dictionary).
    """
    from .actors import ACTOR_LABELS, canonicalize, load_dictionary

    dictionary = dictionary or load_dictionary()
    sentences = sentence_index(doc)
    rows = []
    for ent in doc.ents:
        if not article.is_extractable(ent.start_char, ent.end_char):
            continue
        row = dict(evidence(ent, article, sentences), label=ent.label_,
                   actor_id="", canonical="", category="")
        if ent.label_ in ACTOR_LABELS:
            actor = dictionary.actors.get(ent.ent_id_)
            link = ({"actor_id": actor.actor_id, "canonical": actor.canonical,
                     "category": actor.category, "in_dictionary": True} if actor
                    else canonicalize(ent.text, ent.label_, dictionary=dictionary))
            if ent.label_ == "ORG" or link["in_dictionary"]:
                row.update(actor_id=link["actor_id"], canonical=link["canonical"],
                           category=link["category"])
        rows.append(row)
    return rows


def count_mentions(mentions: pd.DataFrame, *, by: str = "label",
                   labels: Iterable[str] | None = None, per_article: bool = False,
                   top: int | None = None) -> pd.DataFrame:
    """Count mentions by a column, optionally within labels and per article.

    Args:
        mentions: The ``mentions`` table.
        by: Column to count by; ``"normalized"`` counts by the folded text
            (:func:`helpers.actors.lookup_key`: case, quotes, "the", possessives).
        labels: Keep only these entity labels.
        per_article: Count within each article (adds ``article_id``).
        top: Keep the ``top`` largest counts (per article when ``per_article``).

    Returns:
        Columns ``[article_id,] <by>, n_mentions, n_articles``, sorted by
        ``n_mentions`` descending, then by value.

    >>> frame = pd.DataFrame({"article_id": ["a", "a", "b"], "label": ["GPE", "ORG", "GPE"],
    ...                       "text": ["Erbil", "KRG", "Erbil"]})
    >>> count_mentions(frame, by="text").values.tolist()
    [['Erbil', 2, 2], ['KRG', 1, 1]]
    """
    frame = mentions if labels is None else mentions[mentions["label"].isin(list(labels))]
    if by == "normalized":
        from .actors import lookup_key

        frame = frame.assign(normalized=frame["text"].map(lookup_key))
    keys = ["article_id", by] if per_article else [by]
    counts = (frame.groupby(keys, dropna=False)
              .agg(n_mentions=("article_id", "size"), n_articles=("article_id", "nunique"))
              .reset_index())
    order = (["article_id"] if per_article else []) + ["n_mentions", by]
    ascending = ([True] if per_article else []) + [False, True]
    counts = counts.sort_values(order, ascending=ascending, kind="stable", ignore_index=True)
    if top is not None:
        counts = (counts.groupby("article_id").head(top) if per_article else counts.head(top))
    return counts.reset_index(drop=True)
