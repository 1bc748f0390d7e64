"""The corpus-table cache: the corpus tables built from a run's per-article tables, on disk.

The corpus tables (actors, persons, places, casualty totals, incidents, events)
follow from the per-article tables, the code and data, the user's actor
dictionaries and the gazetteer; building them is about a third of a re-run
that reads every article's rows from the row cache. A run stores them under a
hash of its per-article table files and of those inputs; a later run whose
per-article tables are the same bytes copies them instead of building them
again. An entry lists each file's sha256, checked when it is copied: an entry
that does not match is deleted with a warning and the tables are built.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from helpers.extract.context import Context
from helpers.run.output import file_sha256
from helpers.run.row_cache import VersionedCache

log = logging.getLogger(__name__)

#: The file of an entry that lists its tables: ``{table: [file name, sha256, rows]}``.
LISTING = "tables.json"


@dataclass
class CorpusTableCache(VersionedCache):
    """Corpus tables on disk, one folder per set of per-article tables, for the current code."""

    FOLDER = "corpus-tables"

    @staticmethod
    def key(folder: Path, article_tables: Iterable[str], context: Context, *, fmt: str) -> str:
        """A hash of what the corpus tables of ``folder`` follow from, besides the code."""
        digest = hashlib.sha256(f"{fmt}; gazetteer {context.gazetteer.path.name}\n".encode())
        for dictionary in context.extra_dictionaries:
            digest.update(file_sha256(Path(dictionary)).encode())
        for table in sorted(article_tables):
            digest.update(f"{table}|{file_sha256(folder / f'{table}.{fmt}')}\n".encode())
        return digest.hexdigest()[:32]

    def restore(self, key: str, folder: Path) -> dict[str, int] | None:
        """Copy the stored corpus tables of ``key`` into ``folder``; their row counts, or ``None``."""
        entry = self.directory / key
        if not entry.is_dir():
            return None
        try:
            listing = json.loads((entry / LISTING).read_text(encoding="utf-8"))
            for name, digest, _ in listing.values():
                if file_sha256(entry / name) != digest:
                    raise ValueError(f"{name} is not the file that was stored")
            for name, _, _ in listing.values():
                shutil.copyfile(entry / name, folder / name)
            return {table: int(rows) for table, (_, _, rows) in listing.items()}
        except (OSError, ValueError, TypeError, AttributeError) as error:
            log.warning("discarding corpus-table cache entry %s (%s); building the tables", entry, error)
            shutil.rmtree(entry, ignore_errors=True)
            return None

    def store(self, key: str, folder: Path, rows: dict[str, int], *, fmt: str) -> None:
        """Store the corpus tables of ``folder`` (``rows`` per table) under ``key``, atomically."""
        if not self.writable:
            return
        entry, staged = self.directory / key, None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            staged = Path(tempfile.mkdtemp(dir=self.directory, prefix=f".{key}."))
            listing = {}
            for table, count in rows.items():
                name = f"{table}.{fmt}"
                shutil.copyfile(folder / name, staged / name)
                listing[table] = [name, file_sha256(staged / name), count]
            (staged / LISTING).write_text(json.dumps(listing), encoding="utf-8")
            os.replace(staged, entry)
        except OSError as error:
            if not entry.is_dir():  # another run storing the same entry first is fine
                log.warning("cannot write to the corpus-table cache (%s: %s); going on without", entry, error)
                self.writable = False
            if staged is not None:
                shutil.rmtree(staged, ignore_errors=True)
