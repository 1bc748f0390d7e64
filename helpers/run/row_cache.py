"""The row cache: each article's extracted rows on disk, beside the parse cache."""

from __future__ import annotations

import hashlib
import pickle
import shutil
import zlib
from dataclasses import dataclass
from pathlib import Path

from helpers.articles import Article
from helpers.atomic import write_atomic
from helpers.extract.registry import EXTRACTOR_TABLES
from helpers.nlp.doc_cache import DocCache
from helpers.run.output import code_version


@dataclass
class RowCache:
    """Extracted rows on disk, one pickle per article, beside the parsed-doc cache.

    An entry is keyed by everything the rows depend on: the article (id, text,
    paragraphs, dateline, date …), the pipeline key (which also covers the actor
    dictionaries) and :func:`code_version`. Re-extracting an unchanged article
    with unchanged code reads its rows back instead of its doc, so a re-run, or
    a corpus that grew by a few articles, re-extracts only what changed.
    Entries are zlib-compressed pickles (about a fifth of the raw size, and
    faster to read back than an uncompressed pickle from disk).

    Attributes:
        directory: Folder of this pipeline's and code version's entries.
    """

    directory: Path

    @classmethod
    def beside(cls, docs: DocCache) -> RowCache:
        """The row cache of the pipeline whose doc cache is ``docs``, for the current code."""
        return cls(docs.directory.parent.parent / "rows" / docs.directory.name / code_version())

    def path(self, article: Article) -> Path:
        """Where the rows of ``article`` are stored."""
        key = hashlib.sha256(repr(article).encode("utf-8", "surrogatepass")).hexdigest()
        return self.directory / key[:2] / f"{key}.pickle"

    def get(self, article: Article) -> dict[str, list[dict]] | None:
        """The stored rows, or ``None``; an unreadable entry, or one that does not hold
        exactly the extractor registry's tables, is deleted (it will be recomputed)."""
        path = self.path(article)
        try:
            rows = pickle.loads(zlib.decompress(path.read_bytes()))  # our own files, from put()
        except FileNotFoundError:
            return None
        except Exception:  # any decoding failure means the entry is unusable
            rows = None
        if not isinstance(rows, dict) or set(rows) != set(EXTRACTOR_TABLES):
            path.unlink(missing_ok=True)
            return None
        return rows

    def put(self, article: Article, rows: dict[str, list[dict]]) -> None:
        """Store the rows of ``article`` atomically."""
        data = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(self.path(article), zlib.compress(data, 1))

    def prune_other_versions(self) -> None:
        """Delete the entries of other code versions (they can never be read again)."""
        for folder in self.directory.parent.glob("*"):
            if folder.is_dir() and folder != self.directory:
                shutil.rmtree(folder, ignore_errors=True)
