"""Near duplicates: syndicated copies of one story (the same wire report on several sites, with
small edits), flagged so that a story's figures are counted once.

Each article's body is cut into overlapping word shingles; their MinHash
signature and a locality-sensitive hash index (``datasketch``'s ``MinHash`` and
``MinHashLSH``) find earlier articles that likely share most shingles, in about
constant time per article (near-linear on a corpus). A candidate whose
estimated Jaccard similarity reaches :data:`SIMILARITY` makes the article a copy
of that candidate's story (``near_duplicate_of``: the story's first article).
Only a story's first article is indexed, so every copy is compared with the
story itself: copies of copies would chain different stories into one.
Only body paragraphs count: headlines, credits and page furniture differ
between sites. But when both have a headline, they must share two telling words
(or all of the shorter headline's): words of :data:`MIN_TITLE_WORD` letters or
more, stop words aside, compared by their first :data:`MIN_TITLE_WORD` letters
("kills", "killed"), and in fewer than :data:`COMMON_TITLE_SHARE` of the
headlines seen so far. A site's template scraped as the body of unrelated pages
("Get email notifications ...", a social-media page) makes their bodies alike,
not their headlines; one shared word is often the town both stories happened
in; and in a corpus about shootings "shooting" tells nothing.

``datasketch`` is imported on first use: it imports SciPy (about a second), which a
re-run that reads its articles back from the article cache never needs. The first
article marked cannot copy anything, so it is signed and indexed only when a second
one comes: a run's first article reaches the model without that import.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

import numpy
from spacy.lang.en.stop_words import STOP_WORDS

from helpers.articles import Article

if TYPE_CHECKING:
    from datasketch import LeanMinHash, MinHashLSH

#: Estimated Jaccard similarity of word shingles from which two articles are one story.
SIMILARITY = 0.5
#: Words per shingle.
SHINGLE_WORDS = 5
#: Fewest words of a body compared (a shorter one says too little to call it a copy).
MIN_WORDS = 25
#: MinHash permutations (the estimate's standard error is about 0.04 at 0.5 similarity).
PERMUTATIONS = 128
#: Seed of the MinHash permutations (the same on every run and machine).
SEED = 1
#: datasketch's permutation scheme: 32-bit hash values, no collisions from the permutation step.
SCHEME = "affine32"
#: Shortest headline word compared, and the letters of it compared (when both have a headline).
MIN_TITLE_WORD = 4
#: A headline word in at least this share of the headlines seen (and in 5 or more) tells nothing.
COMMON_TITLE_SHARE = 0.02
_WORD = re.compile(r"\w+")


def signature(article: Article) -> LeanMinHash | None:
    """The MinHash signature of the article's body, or ``None`` when the body is too short.

    Args:
        article: A loaded article with its paragraphs.

    Returns:
        The signature (:data:`PERMUTATIONS` hash values).
    """
    body = [article.text[p.start : p.end] for p in article.paragraphs if p.kind == "body"]
    words = _WORD.findall(" ".join(body).lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    from datasketch import LeanMinHash, MinHash

    minhash = MinHash(
        num_perm=PERMUTATIONS, seed=SEED, hashfunc=zlib.crc32, permutations=_permutations(), scheme=SCHEME
    )  # crc32: fast, same on every machine
    minhash.update_batch(list(shingles))
    return LeanMinHash(minhash)


@cache
def _permutations() -> numpy.ndarray:
    """The permutations of :data:`SEED`, drawn once (each ``MinHash`` would draw them again)."""
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME).permutations


def title_words(title: str) -> frozenset[str]:
    """A headline's words as compared between copies: stop words aside, first letters only.

    >>> sorted(title_words("Roadside bomb kills 12 near Baidoa"))
    ['baid', 'bomb', 'kill', 'near', 'road']
    """
    words = _WORD.findall(title.lower())
    return frozenset(w[:MIN_TITLE_WORD] for w in words if len(w) >= MIN_TITLE_WORD and w not in STOP_WORDS)


def from_hash_values(hashes: numpy.ndarray) -> LeanMinHash:
    """The signature of :func:`signature` rebuilt from its hash values (sent between processes)."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=hashes, scheme=SCHEME)


class NearDuplicates:
    """The stories seen so far: flags each new article that copies one of them.

    >>> stories, hashes = NearDuplicates(), numpy.arange(PERMUTATIONS, dtype=numpy.uint32)
    >>> stories.add("a", from_hash_values(hashes)), stories.add("b", from_hash_values(hashes))
    (None, ('a', 1.0))
    """

    def __init__(self) -> None:
        self._index: MinHashLSH | None = None  # made at the first story
        self._first: Article | None = None  # the first article marked, signed at the second
        self._marked = 0
        self._signatures: dict[str, LeanMinHash] = {}
        self._title_words: dict[str, frozenset[str]] = {}
        self._title_counts: Counter[str] = Counter()
        self._titles = 0

    def mark(self, article: Article) -> None:
        """Set ``near_duplicate_of`` and ``near_duplicate_similarity`` on ``article`` when it copies
        an earlier story; remember it either way."""
        self._marked += 1
        if self._marked == 1:
            self._first = article  # no story before it: nothing to compare yet
            return
        if self._first is not None:
            first, self._first = self._first, None
            self.add(first.article_id, signature(first), title=first.title)
        found = self.add(article.article_id, signature(article), title=article.title)
        if found:
            article.near_duplicate_of, article.near_duplicate_similarity = found

    def add(
        self, article_id: str, minhash: LeanMinHash | None, *, title: str = ""
    ) -> tuple[str, float] | None:
        """Remember an article by its signature (:func:`signature`).

        Args:
            article_id: Its id.
            minhash: Its signature, or ``None`` (a body too short to compare).
            title: Its headline ("" if none).

        Returns:
            The first article of the story it copies and its similarity to it, or ``None``.
        """
        if minhash is None:
            return None
        words = title_words(title)
        common = max(5, COMMON_TITLE_SHARE * self._titles)
        best, similarity = None, 0.0
        for candidate in self._index.query(minhash) if self._index is not None else ():
            other = self._title_words[candidate]
            telling = [w for w in words & other if self._title_counts[w] < common]
            if words and other and len(telling) < min(2, len(words), len(other)):
                continue  # alike bodies under unrelated headlines: a site's template, not a story
            estimate = self._signatures[candidate].jaccard(minhash)
            if estimate > similarity or (estimate == similarity and candidate < (best or candidate)):
                best, similarity = candidate, estimate
        self._title_counts.update(words)
        self._titles += bool(words)
        if best is not None and similarity >= SIMILARITY:
            return best, round(similarity, 3)
        self._signatures[article_id] = minhash
        self._title_words[article_id] = words
        if self._index is None:
            from datasketch import MinHashLSH

            self._index = MinHashLSH(threshold=SIMILARITY, num_perm=PERMUTATIONS)
        self._index.insert(article_id, minhash, check_duplication=False)
        return None
