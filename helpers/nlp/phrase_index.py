"""Exact phrase matching on token texts, for long fixed name lists that load in milliseconds.

spaCy's ``PhraseMatcher`` and ``EntityRuler`` take each phrase as a ``Doc``: at every
start the thousands of place names were tokenised again, and each new word made into
a lexeme, for the entity ruler and once more for the place extractor's matcher (about
three seconds, longer than loading the model). Here a phrase is the tuple of its token
texts, tokenised once per data version and kept with the derived data
(:mod:`helpers.knowledge.derived`); matching is a dictionary lookup per token, which gives
the same matches as a ``PhraseMatcher`` on ``ORTH``. spaCy has no matcher built from
token strings without lexemes, hence this small class.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.lang.en import English
from spacy.tokens import Doc

from helpers.knowledge.derived import cached_json, files_key


@lru_cache(maxsize=1)
def _tokenizer() -> English:
    return English()


def tokenise(text: str) -> list[str]:
    """The token texts of ``text`` under the English tokenizer rules the pipelines share.

    >>> tokenise("Deir ez-Zor")
    ['Deir', 'ez', '-', 'Zor']
    """
    return [token.text for token in _tokenizer().make_doc(text)]


def tokenise_all(texts: Iterable[str], name: str) -> dict[str, list[str]]:
    """:func:`tokenise` for each of ``texts``, stored in the derived-data cache under ``name``.

    The key hashes the texts themselves (and the tokenizer's version), so the same list
    tokenises once; tokenising a few thousand names makes as many lexemes, about a second.
    """
    unique = sorted(set(texts))
    key = files_key([Path(__file__)], spacy.__version__, *unique)
    return cached_json(name, key, lambda: {text: tokenise(text) for text in unique})


class PhraseIndex:
    """Phrases (tuples of token texts) with their keys, matched exactly on a doc's tokens.

    >>> index = PhraseIndex([(["New", "York"], "ny"), (["York"], "york")])
    >>> index.matches(English()("From New York to York."))
    [('ny', 1, 3), ('york', 2, 3), ('york', 4, 5)]
    """

    def __init__(self, phrases: Iterable[tuple[Sequence[str], str]]) -> None:
        self._keys: dict[tuple[str, ...], list[str]] = {}
        lengths: dict[str, set[int]] = {}
        for words, key in phrases:
            words = tuple(words)
            if not words:
                continue
            keys = self._keys.setdefault(words, [])
            if key not in keys:
                keys.append(key)
            lengths.setdefault(words[0], set()).add(len(words))
        self._lengths = {first: sorted(sizes, reverse=True) for first, sizes in lengths.items()}

    def matches(self, doc: Doc, words: Sequence[str] | None = None) -> list[tuple[str, int, int]]:
        """Every ``(key, start, end)`` whose phrase occurs in ``doc``, by start, longest first.

        ``words`` replaces the token texts (one string per token, e.g. their norms).
        """
        if words is None:  # strings by the array of token texts: no Token object per word
            words = [doc.vocab.strings[orth] for orth in doc.to_array(ORTH).tolist()]
        found = []
        size = len(words)
        for start, word in enumerate(words):
            for length in self._lengths.get(word, ()):
                if start + length > size:
                    continue  # a shorter slice at the end would pass for a shorter phrase
                keys = self._keys.get(tuple(words[start : start + length]))
                if keys:
                    found.extend((key, start, start + length) for key in keys)
        return found
