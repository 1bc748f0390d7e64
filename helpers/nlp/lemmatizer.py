"""A memoising stand-in for spaCy's rule (and lookup) ``lemmatizer`` component.

spaCy's ``Lemmatizer`` visits every token in Python: it builds a ``Token``,
reads its part of speech and morphology, looks the lemma up and sets
``lemma_``; for each word it has not seen, its rules test candidate forms
against a *list* of up to 57,528 known words. Its answer is a function of the
token's text, part of speech and morphology (the key of its own cache), so
:class:`MemoLemmatizer` reads those three for a whole doc with
``Doc.to_array``, answers from a memo, asks a private copy of the lemmatizer
whose word lists are sets about combinations it has not seen, and writes all
lemmas back at once. The lemmas are the same (``tests/test_parsing.py``
compares both on real text), in a seventh of the time.

A lemmatizer in another mode, or one whose lemmatize method a subclass
replaced (it may read more than those three attributes), stays as it is:
:func:`memoize_lemmatizer` returns ``False``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

MEMO_LEMMATIZER = "sitrep_lemmatizer"
#: Modes whose answer depends on the token's text, part of speech and morphology only.
MEMOISABLE_MODES = ("rule", "lookup")
#: The memo is emptied when it reaches this many entries, so memory stays bounded on any corpus.
MEMO_LIMIT = 200_000


class MemoLemmatizer:
    """Set lemmas from a memo of (text, part of speech, morphology) → lemma.

    Attributes:
        original: The replaced spaCy lemmatizer (its copy with word sets is asked about unseen combinations).
    """

    def __init__(self) -> None:
        self.original: Lemmatizer | None = None
        self._memo: dict[tuple[int, int, int], int] = {}
        self._private: Lemmatizer | None = None

    def load(self, original: Lemmatizer) -> None:
        """Take over ``original``'s work."""
        self.original = original
        self._memo = {}
        self._private = _with_word_sets(original)

    def __reduce__(self) -> tuple:
        # The private copy is rebuilt from the original (its sets would not serialise with msgpack).
        return _rebuild, (self.original,)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatize, strings, memo = self._private.lemmatize, doc.vocab.strings, self._memo
        keep_set = not self.original.overwrite  # like spaCy's: lemmas the ruler set stay
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if not (lemma and keep_set):
                key = (orth, pos, morph)
                lemma = memo.get(key)
                if lemma is None:
                    lemma = strings.add(lemmatize(doc[i])[0])
                    if pos:  # without a part of speech spaCy warns on every token: keep that
                        memo[key] = lemma
            lemmas.append(lemma)
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
            self._private.cache.clear()  # the lemmatizer's own cache grows the same way
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1))
        return doc


def _with_word_sets(original: Lemmatizer) -> Lemmatizer:
    """A private copy of ``original`` whose word index holds sets instead of lists.

    The rule lemmatizer tests ``form in index`` against a list of up to 57,528
    words per part of speech, for every new word; a set gives the same answer
    by hash lookup. The original's tables stay as they are.
    """
    lookups = Lookups()
    for name in original.lookups.tables:
        table, copy = original.lookups.get_table(name), lookups.add_table(name)
        for key, value in table.items():
            copy[key] = frozenset(value) if name == "lemma_index" and isinstance(value, list) else value
    private = type(original)(
        original.vocab, original.model, original.name, mode=original.mode, overwrite=original.overwrite
    )
    private.lookups = lookups
    return private


def _rebuild(original: Lemmatizer) -> MemoLemmatizer:
    memo = MemoLemmatizer()
    memo.load(original)
    return memo


@Language.factory(MEMO_LEMMATIZER)
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    """An empty :class:`MemoLemmatizer`; :func:`memoize_lemmatizer` loads it."""
    return MemoLemmatizer()


def memoize_lemmatizer(nlp: Language) -> bool:
    """Swap the pipeline's ``lemmatizer`` for a :class:`MemoLemmatizer` when that gives the same lemmas.

    Returns:
        True when the component was replaced.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return False
    original = nlp.get_pipe("lemmatizer")
    if not isinstance(original, Lemmatizer) or original.mode not in MEMOISABLE_MODES:
        return False
    method = f"{original.mode}_lemmatize"
    if getattr(type(original), method) is not getattr(Lemmatizer, method):
        return False
    required, _ = original.get_lookups_config(original.mode)
    if any(table not in original.lookups for table in required):
        return False  # the original raises its own clear error on the first doc
    nlp.add_pipe(MEMO_LEMMATIZER, after="lemmatizer").load(original)
    nlp.remove_pipe("lemmatizer")
    return True
