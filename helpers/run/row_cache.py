"""The row cache: each article's extracted rows on disk, beside the parse cache.

Entries are data only (zlib-compressed JSON, never pickle: a planted file cannot
run code) and bound to what made them: the article's key, its text hash and the
code version are stored in the entry and checked on read. An entry that cannot
be decoded, or that belongs to another article or code version, is deleted with
a warning naming its path, and the article is extracted again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Self

from helpers.articles import Article
from helpers.atomic import write_or_warn
from helpers.extract.registry import EXTRACTOR_TABLES
from helpers.nlp.doc_cache import DocCache
from helpers.run.output import code_version

log = logging.getLogger(__name__)

#: Version of the entry layout; entries of another layout are recomputed.
FORMAT = 1
SUFFIX = ".json.z"


@dataclass
class RowCache:
    """Extracted rows on disk, one JSON entry per article, beside the parsed-doc cache.

    An entry is keyed by everything the rows depend on: the article (id, text,
    paragraphs, dateline, date …), the pipeline key (which also covers the actor
    dictionaries) and :func:`code_version`. Re-extracting an unchanged article
    with unchanged code reads its rows back instead of its doc, so a re-run, or
    a corpus that grew by a few articles, re-extracts only what changed.

    Attributes:
        directory: Folder of this pipeline's and code version's entries.
        code: The code version the entries were made by.
        writable: False once a write failed (read-only or full cache): later rows are not stored.
    """

    directory: Path
    code: str
    writable: bool = True

    @classmethod
    def beside(cls, docs: DocCache) -> RowCache:
        """The row cache of the pipeline whose doc cache is ``docs``, for the current code."""
        code = code_version()
        return cls(docs.directory.parent.parent / "rows" / docs.directory.name / code, code)

    @staticmethod
    def key(article: Article) -> str:
        """The hash of everything in ``article`` (its rows depend on all of it)."""
        return hashlib.sha256(repr(article).encode("utf-8", "surrogatepass")).hexdigest()

    def path(self, article: Article, key: str | None = None) -> Path:
        """Where the rows of ``article`` are stored (``key``: its :meth:`key`, if known)."""
        key = key or self.key(article)
        return self.directory / key[:2] / f"{key}{SUFFIX}"

    def get(self, article: Article) -> dict[str, list[dict]] | None:
        """The stored rows, or ``None``; an entry that is unreadable, made for another
        article or code version, or not holding exactly the extractor registry's tables
        is deleted with a warning (the article will be extracted again)."""
        key = self.key(article)  # a hash of the whole article: computed once
        path = self.path(article, key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            log.warning("cannot read row cache entry %s (%s); extracting again", path, error)
            return None
        try:
            entry = json.loads(zlib.decompress(data))
            problem = self._mismatch(entry, article, key)
        except (zlib.error, ValueError, TypeError, AttributeError) as error:
            problem = f"not a row cache entry ({type(error).__name__})"
        if problem:
            log.warning("discarding row cache entry %s: %s; extracting again", path, problem)
            path.unlink(missing_ok=True)
            return None
        return entry["rows"]

    def _mismatch(self, entry: dict, article: Article, key: str) -> str:
        """Why ``entry`` cannot serve ``article``, whose :meth:`key` is ``key`` ("" when it can)."""
        expected = {
            "format": FORMAT,
            "key": key,
            "text_sha256": article.text_sha256,
            "code_version": self.code,
        }
        for field, value in expected.items():
            if entry.get(field) != value:
                return f"{field} is {entry.get(field)!r}, expected {value!r}"
        rows = entry.get("rows")
        if not isinstance(rows, dict) or set(rows) != set(EXTRACTOR_TABLES):
            return "its tables are not the extractors' tables"
        if not all(
            isinstance(table, list) and all(isinstance(r, dict) for r in table) for table in rows.values()
        ):
            return "its rows are not records"
        return ""

    def put(self, article: Article, rows: dict[str, list[dict]]) -> None:
        """Store the rows of ``article`` atomically, with what they were made from
        (a cache that cannot be written is done without, after one warning)."""
        if not self.writable:
            return
        key = self.key(article)
        entry = {
            "format": FORMAT,
            "key": key,
            "article_id": article.article_id,
            "text_sha256": article.text_sha256,
            "code_version": self.code,
            "rows": rows,
        }
        self.writable = write_or_warn(self.path(article, key), compressed_json(entry), "row cache")

    def prune_other_versions(self) -> None:
        """Delete the entries of other code versions (they can never be read again)."""
        prune_other_versions(self.directory)


def prune_other_versions(directory: Path) -> None:
    """Delete the folders beside ``directory``: a cache's entries of other code versions."""
    for folder in directory.parent.glob("*"):
        if folder.is_dir() and folder != directory:
            shutil.rmtree(folder, ignore_errors=True)


@dataclass
class VersionedCache:
    """A cache of the current code version's entries, in ``<cache>/<FOLDER>/<code>``.

    Attributes:
        directory: Folder of the current code version's entries.
        writable: False once a write failed (read-only or full cache): later entries are not stored.
    """

    FOLDER: ClassVar[str]

    directory: Path
    writable: bool = True

    @classmethod
    def under(cls, root: Path) -> Self:
        """The cache in the cache folder ``root``, for the current code."""
        return cls(root / cls.FOLDER / code_version())

    def prune_other_versions(self) -> None:
        """Delete the entries of other code versions (they can never be read again)."""
        prune_other_versions(self.directory)


#: Rows encoded in one piece: one long article's rows as a single JSON string (and its bytes)
#: would double their memory; ``JSONEncoder.iterencode`` would stream them through pure Python.
ROWS_PER_PIECE = 1_000


def compressed_json(entry: dict) -> bytes:
    """``entry`` (with a ``rows`` dict of tables) as zlib-compressed JSON, encoded a piece at a time.

    >>> entry = {"key": "k", "rows": {"a": [{"n": i} for i in range(2_500)], "b": []}}
    >>> json.loads(zlib.decompress(compressed_json(entry))) == entry
    True
    """
    compressor = zlib.compressobj(1)
    pieces: list[bytes] = []

    def add(text: str) -> None:
        pieces.append(compressor.compress(text.encode("ascii")))  # \u escapes: any str fits

    head = json.dumps({k: v for k, v in entry.items() if k != "rows"}, separators=(",", ":"))
    add(head[:-1] + ("," if len(head) > 2 else "") + '"rows":{')
    for number, (table, rows) in enumerate(entry["rows"].items()):
        add(("," if number else "") + json.dumps(table) + ":[")
        for start in range(0, len(rows), ROWS_PER_PIECE):
            piece = json.dumps(rows[start : start + ROWS_PER_PIECE], separators=(",", ":"))
            add(("," if start else "") + piece[1:-1])
        add("]")
    add("}}")
    pieces.append(compressor.flush())
    return b"".join(pieces)
