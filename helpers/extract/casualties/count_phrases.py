"""Count phrases: number words, digits and vague amounts ("a dozen", "tens of thousands"), ranges
("between 20 and 30"), and the qualifiers around them ("at least ten", "ten or more").

The cores are found by a spaCy :class:`~spacy.matcher.Matcher` (:func:`quantity_matcher`); the
qualifiers are read around each core (:func:`count_phrases`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Span

from helpers.extract.casualties.numbers import QUALIFIERS, TRAILING_QUALIFIERS, VAGUE_LOW_BOUNDS
from helpers.knowledge.casualty_lexicon import quantity_words

#: The matcher key of ranges ("between 20 and 30"), which "from" before them undoes ("rose from 27 to 32").
RANGE = "RANGE"


#: The matcher key of a number core ("27", "two hundred", "3-4"), which a trailing qualifier may follow.
NUMBER = "NUMBER"
#: The matcher key of the other cores (a vague amount, "two dozen", "tens of thousands").
QUANTITY = "QUANTITY"


@lru_cache(maxsize=8)
def quantity_matcher(vocab_id: int, vocab: Any) -> Matcher:
    """The matcher of the cores of count phrases (number words/digits, vague amounts, ranges) for
    one vocabulary; :func:`count_phrases` adds their qualifiers.

    A single vague word counts alone unless it is an article or also a qualifier (``some``).
    """
    words = quantity_words()
    quantity = Matcher(vocab)
    number = [{"LIKE_NUM": True, "OP": "+"}]
    hyphenated = [{"LIKE_NUM": True}, {"ORTH": "-"}, {"LIKE_NUM": True}]
    vague_single = [
        {
            "LOWER": {
                "IN": [
                    v
                    for v in VAGUE_LOW_BOUNDS
                    if " " not in v and v not in words.articles and v not in QUALIFIERS
                ]
            }
        }
    ]
    vague_article = [{"LOWER": {"IN": list(words.articles)}}, {"LOWER": {"IN": list(words.after_article)}}]
    units = [{"LOWER": "of", "OP": "?"}, {"LOWER": {"IN": list(words.units)}}]
    multiplied = [
        [{"LIKE_NUM": True}, *units],
        [*vague_single, *units],
        [*vague_article, *units],
    ]  # "two dozen", "tens of thousands", "a few hundred"
    quantity.add(NUMBER, [number, hyphenated])
    quantity.add(QUANTITY, [vague_single, vague_article, *multiplied])
    joins = [w for w, only_open in words.range_join.items() if not only_open]
    quantity.add(
        RANGE,
        [
            [
                {"LOWER": {"IN": list(words.range_open)}},
                {"LIKE_NUM": True},
                {"LOWER": {"IN": list(words.range_join)}},
                {"LIKE_NUM": True},
            ],
            [{"LIKE_NUM": True}, {"LOWER": {"IN": joins}}, {"LIKE_NUM": True}],
        ],
    )
    return quantity


def count_phrases(sentence: Span) -> list[tuple[str, int, int]]:
    """The count phrases of a sentence as ``(key, start, end)`` token offsets in the sentence, as a
    matcher of every qualifier + core would give them: each core (``RANGE``, else ``QUANTITY``),
    with a leading qualifier right before it ("at least" + "ten"), and a number core with a
    trailing one right after it ("ten" + "or more").

    Written out rather than as matcher patterns: a pattern per qualifier and core (over 200)
    made spaCy's matcher test each of them at every token, the casualty extractor's largest cost.

    >>> import spacy
    >>> doc = spacy.blank("en")("At least 12 or more, some 3-4 and about two dozen")
    >>> sorted({doc[s:e].text for _, s, e in count_phrases(doc[:])} - {t.text for t in doc})
    ['12 or more', '3-4', 'At least 12', 'about two', 'about two dozen', 'some 3', 'some 3-4', 'two dozen']
    """
    strings = sentence.doc.vocab.strings
    before, after = _qualifiers_by_edge()
    found = []
    for key, start, end in quantity_matcher(id(sentence.doc.vocab), sentence.doc.vocab)(sentence):
        label = strings[key]
        found.append((RANGE if label == RANGE else QUANTITY, start, end))
        if label == RANGE:
            continue
        if start > 0:
            leading = before.get(sentence[start - 1].lower_, ())
            found += [(QUANTITY, start - len(q), end) for q in leading if _reads(sentence, start - len(q), q)]
        if label == NUMBER and end < len(sentence):
            trailing = after.get(sentence[end].lower_, ())
            found += [(QUANTITY, start, end + len(q)) for q in trailing if _reads(sentence, end, q)]
    return found


@lru_cache(maxsize=1)
def _qualifiers_by_edge() -> tuple[dict[str, list[tuple[str, ...]]], dict[str, list[tuple[str, ...]]]]:
    """The leading qualifiers by their last word and the trailing ones by their first, in
    their order: only those that can end right before (or start right after) a core are read."""
    return _by_word(QUALIFIERS, -1), _by_word(TRAILING_QUALIFIERS, 0)


def _by_word(qualifiers: Iterable[str], edge: int) -> dict[str, list[tuple[str, ...]]]:
    """Qualifiers as word tuples, by their word at ``edge`` (-1 the last, 0 the first), in order."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for qualifier in qualifiers:
        words = tuple(qualifier.split())
        found.setdefault(words[edge], []).append(words)
    return found


def _reads(sentence: Span, start: int, words: tuple[str, ...]) -> bool:
    """Whether the sentence's tokens from ``start`` are ``words`` (lower-cased)."""
    if start < 0 or start + len(words) > len(sentence):
        return False
    return all(sentence[start + n].lower_ == word for n, word in enumerate(words))
