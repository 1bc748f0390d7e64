"""The article cache: a corpus as loaded (ids, paragraphs, dates, duplicate marks), on disk.

Loading decodes every file, finds each article's paragraphs, repeats, dateline
and date, and compares every body with the stories before it (MinHash): on a
re-run that finds every article's rows cached, that is most of the work left.
A run that loads a corpus stores its articles, in input order, as
zlib-compressed JSON lines (data only, never pickle), keyed by the path and
sha256 of every corpus file and by the code version; a later run over the same
files reads them back instead of loading them again. An entry is written under
a temporary name and moved into place only when the whole corpus was loaded.
An entry that cannot be read is deleted with a warning, and the articles not
yet read from it are loaded from the corpus.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import stat
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from helpers.articles import Article, Paragraph
from helpers.ingest import corpus_files, display_path, iter_articles
from helpers.run.output import file_sha256
from helpers.run.row_cache import VersionedCache

log = logging.getLogger(__name__)

#: Version of the entry layout; entries of another layout are never read.
FORMAT = 1
SUFFIX = ".jsonl.z"
#: Bytes read at a time from an entry.
READ_BYTES = 1 << 20
_FIELDS = tuple(f.name for f in fields(Article))


@dataclass
class ArticleCache(VersionedCache):
    """Loaded corpora on disk, one entry per corpus content, for the current code."""

    FOLDER = "articles"

    def articles(self, corpus: Path) -> Iterator[Article]:
        """The articles of ``corpus``, as :func:`helpers.ingest.iter_articles` yields them.

        Read from the entry of the corpus's files when there is one; otherwise loaded
        and stored for the next run.
        """
        path = self.directory / f"{corpus_key(corpus)}{SUFFIX}"
        if path.is_file():
            read = 0
            try:
                for article in _read_entry(path):
                    read += 1
                    yield article
                return
            except (OSError, zlib.error, ValueError, TypeError, KeyError) as error:
                log.warning(
                    "discarding article cache entry %s (%s: %s); loading the corpus again",
                    path,
                    type(error).__name__,
                    error,
                )
                path.unlink(missing_ok=True)
            yield from itertools.islice(iter_articles(corpus), read, None)
            return
        yield from self._loaded_and_stored(corpus, path)

    def _loaded_and_stored(self, corpus: Path, path: Path) -> Iterator[Article]:
        """Load ``corpus``, writing its articles to ``path`` once all of them were yielded."""
        writer = _EntryWriter.open(path) if self.writable else None
        self.writable = writer is not None
        try:
            for article in iter_articles(corpus):
                if writer is not None and not writer.add(article):
                    writer, self.writable = None, False
                yield article
            if writer is not None:
                writer.publish()
                writer = None
        finally:
            if writer is not None:  # the run stopped before the end of the corpus
                writer.discard()


def corpus_key(corpus: Path) -> str:
    """A hash of what loading ``corpus`` reads: each input's path and content (or why it is not a file).

    Reading and hashing costs about 30 ms for 13 MB, a fraction of loading the corpus.
    """
    digest = hashlib.sha256(f"format {FORMAT}; folder {corpus.is_dir()}\n".encode())
    base = corpus if corpus.is_dir() else corpus.parent
    for file in corpus_files(corpus):
        try:
            mode = file.stat().st_mode
            if stat.S_ISREG(mode):
                state = file_sha256(file)
            else:  # a folder, a FIFO (never opened: it would block): loading reports it
                state = f"mode {mode}"
        except OSError as error:  # a dangling link, an unreadable file: loading reports it
            state = f"error {error.errno}"
        name = display_path(str(file.relative_to(base))) if file.is_relative_to(base) else str(file)
        digest.update(f"{name}|{state}\n".encode())
    return digest.hexdigest()[:32]


def encode_article(article: Article) -> bytes:
    """One article as one JSON line (paragraphs as lists).

    >>> a = Article("a", "a.txt", text="Hi.", paragraphs=[Paragraph(0, 0, 3)], dateline_span=(0, 2))
    >>> decode_article(encode_article(a)) == a
    True
    """
    record = {name: getattr(article, name) for name in _FIELDS}
    record["paragraphs"] = [(p.index, p.start, p.end, p.kind, p.note, p.page) for p in article.paragraphs]
    return json.dumps(record, separators=(",", ":")).encode("ascii") + b"\n"


def decode_article(line: bytes) -> Article:
    """The article of one line of :func:`encode_article`."""
    record = json.loads(line)
    if set(record) != set(_FIELDS):
        raise ValueError("the entry's fields are not an article's")
    record["paragraphs"] = [Paragraph(*values) for values in record["paragraphs"]]
    if record["dateline_span"] is not None:
        record["dateline_span"] = tuple(record["dateline_span"])
    return Article(**record)


def _read_entry(path: Path) -> Iterator[Article]:
    """The articles of an entry, decompressed a block at a time (memory stays flat)."""
    decompressor = zlib.decompressobj()
    pending = b""
    with path.open("rb") as handle:
        while block := handle.read(READ_BYTES):
            *lines, pending = (pending + decompressor.decompress(block)).split(b"\n")
            for line in lines:
                yield decode_article(line)
    if not decompressor.eof or pending or decompressor.unused_data:
        raise ValueError("the entry is truncated")


@dataclass
class _EntryWriter:
    """An entry being written: compressed lines into a temporary file beside ``path``."""

    path: Path
    temporary: Path
    handle: object
    compressor: object

    @classmethod
    def open(cls, path: Path) -> _EntryWriter | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as error:
            _warn(path, error)
            return None
        return cls(path, Path(temporary), os.fdopen(handle, "wb"), zlib.compressobj(1))

    def add(self, article: Article) -> bool:
        """Append ``article``; False (after a warning) when the cache cannot be written."""
        try:
            self.handle.write(self.compressor.compress(encode_article(article)))
        except OSError as error:
            _warn(self.path, error)
            self.discard()
            return False
        return True

    def publish(self) -> None:
        """Finish the entry and move it into place."""
        try:
            self.handle.write(self.compressor.flush())
            self.handle.close()
            os.replace(self.temporary, self.path)
        except OSError as error:
            _warn(self.path, error)
            self.discard()

    def discard(self) -> None:
        """Drop the unfinished entry."""
        self.handle.close()
        self.temporary.unlink(missing_ok=True)


def _warn(path: Path, error: OSError) -> None:
    log.warning("cannot write to the article cache (%s: %s); going on without storing in it", path, error)
