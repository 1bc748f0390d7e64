"""Data derived from the package's data files, built once per data version and kept in the cache.

Some start-up work only re-derives the same result from unchanged files (the place
patterns of the pipeline, for example, resolve thousands of names against the
gazetteer). :func:`cached_json` keeps such a result as JSON in
:func:`helpers.config.cache_dir` under a key that hashes every file it was
derived from, so a changed rule, vocabulary or gazetteer gives a new entry and a
run on unchanged data loads it in milliseconds. A cache that cannot be written
(a read-only disk) only costs the build on each run.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from helpers import config
from helpers.atomic import write_or_warn

log = logging.getLogger(__name__)

#: Sub-folder of the cache holding derived data.
DERIVED_DIR = "derived"


def files_key(files: Iterable[Path], *extra: str) -> str:
    """A short hash over the names and bytes of ``files`` (sorted) and the ``extra`` strings.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = path.write_text("x")
    >>> files_key([path]) == files_key([path]), files_key([path]) == files_key([path], "v2")
    (True, False)
    """
    digest = hashlib.sha256()
    for path in sorted(Path(p) for p in files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for part in extra:
        digest.update(part.encode())
    return digest.hexdigest()[:16]


def cached_json(name: str, key: str, build: Callable[[], Any], *, cache_dir: Path | None = None) -> Any:
    """``build()``'s JSON-serialisable result, read from the cache when stored under ``key``.

    Entries of ``name`` under other keys (older data versions) are deleted when a new one
    is stored. An unreadable entry is built again. As for the gazetteer index, the folders
    of ``SITREP_GAZETTEER`` (:func:`helpers.config.gazetteer_dirs`) are read too, so a run
    with a private cache uses the installation's derived data.

    Args:
        name: What is stored (a file name stem, e.g. ``"place-patterns"``).
        key: Hash of everything the result depends on (:func:`files_key`).
        build: Computes the result.
        cache_dir: Cache folder (default :func:`helpers.config.cache_dir`).

    Returns:
        The result, as JSON gives it back (lists, dicts, strings, numbers).
    """
    folder = (cache_dir or config.cache_dir()) / DERIVED_DIR
    path = folder / f"{name}-{key}.json"
    prebuilt = [directory / DERIVED_DIR / path.name for directory in config.gazetteer_dirs()]
    for candidate in (path, *prebuilt):  # SITREP_GAZETTEER: the installation's, read only
        try:
            return json.loads(candidate.read_bytes())
        except FileNotFoundError:
            continue
        except (OSError, ValueError) as error:
            log.warning("derived data %s is unreadable (%s); building it again", candidate, error)
    text = json.dumps(build())
    data = json.loads(text)  # the same value whether built or read back
    if write_or_warn(path, text.encode(), "derived-data cache"):
        for old in folder.glob(f"{name}-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    return data
